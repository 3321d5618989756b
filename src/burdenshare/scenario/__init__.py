"""Reading and writing scenario files (an edge): TOML, validation with precise errors, built-ins."""

from __future__ import annotations

from burdenshare.scenario.export import to_toml
from burdenshare.scenario.load import (
    LoadedScenario,
    builtin_names,
    builtin_text,
    json_schema,
    load,
    load_source,
)

__all__ = [
    "LoadedScenario",
    "builtin_names",
    "builtin_text",
    "json_schema",
    "load",
    "load_source",
    "to_toml",
]
