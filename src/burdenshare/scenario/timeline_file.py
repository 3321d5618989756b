"""Timeline files (JSON): the edge that reads and writes them, atomically.

A timeline file is the JSON form of `burdenshare.news.timeline.Timeline`. Reading reports every
problem as an `InputError` naming the file; writing goes to a temporary file beside the target
that replaces it only once complete, so a failed run never leaves a half-written timeline.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from burdenshare.errors import InputError, Problem
from burdenshare.files import read_input, write_text_atomic
from burdenshare.news.timeline import Timeline


def _not_a_number(name: str) -> float:
    """JSON has no NaN or Infinity (Python's `json` reads them unless told not to)."""
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    """A JSON number as a float; too large for one (1e400 would be read as infinity) refused."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large for a number here")
    return value


def read_timeline(path: Path) -> Timeline:
    """The timeline in `path`, or an empty one if the file does not exist yet."""
    path = Path(path)
    if not path.exists():
        return Timeline()
    try:
        text = read_input(path, "a timeline JSON file").decode("utf-8")
        data = json.loads(text, parse_constant=_not_a_number, parse_float=_finite)
    except UnicodeDecodeError:
        raise InputError(
            Problem("", "not UTF-8 text; expected a timeline JSON file"), str(path)
        ) from None
    except RecursionError:
        raise InputError(Problem("", "not valid JSON (nested too deeply)"), str(path)) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            Problem(
                "",
                f"not valid JSON ({exc.msg}); expected a timeline file "
                "written by `burdenshare news --timeline`",
                exc.lineno,
            ),
            str(path),
        ) from None
    except ValueError as exc:  # NaN or Infinity: not JSON numbers
        raise InputError(Problem("", f"not valid JSON ({exc})"), str(path)) from None
    if not isinstance(data, dict):
        raise InputError(Problem("", "expected a JSON object (a burdenshare timeline)"), str(path))
    try:
        return Timeline.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(Problem("", f"not a valid timeline: {exc}"), str(path)) from None


def write_timeline(path: Path, timeline: Timeline) -> None:
    """Write `timeline` to `path` as JSON, atomically."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(Problem("--timeline", f"folder {folder} does not exist"), str(path))
    write_text_atomic(path, json.dumps(timeline.to_dict(), indent=2, ensure_ascii=False) + "\n")
