"""The Python API a notebook user calls: load, negotiate, immutable results, DataFrame."""

from __future__ import annotations

import dataclasses

import pytest

from burdenshare.engine import negotiate
from burdenshare.scenario import load


def test_load_run_and_convert() -> None:
    scenario = load("sma-2019")
    result = negotiate(scenario, seed=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.outcome.status = "agreement"  # type: ignore[misc]
    data = result.to_dict()
    assert data["seed"] == 3 and data["outcome"]["status"] == result.outcome.status
    frame = result.to_dataframe()
    assert len(frame) == len(result.trace)
    assert {"date", "kind", "party", "u_USA", "u_ROK"} <= set(frame.columns)
    offers = frame[frame.kind == "offer"]
    assert offers.u_ROK.between(0, 1).all()


def test_overrides_in_python() -> None:
    changed = load("sma-2019", ["parties.USA.strategy.params.hold=2"])
    assert dict(changed.party("USA").strategy.params)["hold"] == 2
    assert negotiate(changed).to_dict() != negotiate(load("sma-2019")).to_dict()
