"""A scenario kept as text (in the results store) loaded again: its `--set` overrides applied
and everything validated as when it was read from its file, with its uncertain inputs."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from burdenshare.experiments.uncertainty import Uncertain
from burdenshare.scenario.load import (
    LoadedScenario,
    apply_override,
    document_sha256,
    parse_toml,
    validate,
)
from burdenshare.scenario.uncertainty import uncertain_inputs


def load_stored(
    origin: str, text: str, overrides: Sequence[str]
) -> tuple[LoadedScenario, tuple[Uncertain, ...]]:
    """The scenario of `text` (first read from `origin`) with `overrides`, and its checked
    uncertain inputs: what `load_uncertain(origin, overrides)` gave when it was stored."""
    data = parse_toml(text, origin)
    for assignment in overrides:
        apply_override(data, assignment)
    raw = copy.deepcopy(data)
    doc, scenario = validate(data, origin, text)
    loaded = LoadedScenario(scenario, doc, origin, text, document_sha256(doc), tuple(overrides))
    return loaded, uncertain_inputs(loaded, raw)
