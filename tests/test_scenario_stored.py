"""scenario.stored: a scenario kept as text loads as it did from its file, overrides included."""

from __future__ import annotations

import pytest

from burdenshare.errors import InputError
from burdenshare.scenario.stored import load_stored
from burdenshare.scenario.uncertainty import load_uncertain

SET = ["parties.ROK.reservation_value=0.5"]


def test_stored_text_with_overrides_loads_as_the_file_did() -> None:
    loaded, uncertain = load_uncertain("sma-2019", SET)
    again, drawn = load_stored(loaded.origin, loaded.text, SET)
    assert again.sha256 == loaded.sha256 and again.scenario == loaded.scenario
    assert drawn == uncertain and again.overrides == tuple(SET)
    plain, _ = load_stored(loaded.origin, loaded.text, [])
    assert plain.sha256 != loaded.sha256


def test_a_bad_override_is_an_input_error() -> None:
    loaded, _ = load_uncertain("sma-2019")
    with pytest.raises(InputError):
        load_stored(loaded.origin, loaded.text, ["parties.ROK.reservation_value=2"])
