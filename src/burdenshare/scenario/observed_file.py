"""Reading observed positions from a file (an edge): a small CSV, or a timeline JSON.

The file's format is described, and its text parsed, in `burdenshare.calibration.observed_text`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from burdenshare.calibration.observations import Observation
from burdenshare.calibration.observed_text import parse_observed
from burdenshare.errors import InputError, Problem
from burdenshare.files import read_input


def read_observed(path: Path, resolve: Callable[[str], str | None]) -> tuple[Observation, ...]:
    """The observations in `path` (CSV or timeline JSON), parties mapped with `resolve` (a
    reported party → scenario party, None if unknown). `InputError` for a missing, unreadable,
    malformed or empty file, or an unknown party."""
    path = Path(path)
    origin = str(path)
    if not path.exists():
        raise InputError(
            Problem(
                "",
                "no such file; expected observed positions (CSV or a "
                "timeline JSON from `burdenshare news --timeline`)",
            ),
            origin,
        )
    if path.is_dir():
        raise InputError(Problem("", "is a folder; expected a CSV or timeline JSON file"), origin)
    try:
        text = read_input(path, "observed positions (CSV or JSON)").decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(Problem("", "not UTF-8 text; expected CSV or JSON"), origin) from None
    return parse_observed(text, origin, resolve)
