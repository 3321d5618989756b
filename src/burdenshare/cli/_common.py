"""Shared CLI plumbing: error reporting with exit code 2, atomic output files and figures."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import typer

from burdenshare.errors import InputError
from burdenshare.files import atomic_output, write_text_atomic

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "EXIT_BAD_INPUT",
    "atomic_output",
    "fail",
    "json_text",
    "reports_input_errors",
    "save_figure",
    "write_text_atomic",
]

P = ParamSpec("P")
R = TypeVar("R")

EXIT_BAD_INPUT = 2


def fail(message: str) -> typer.Exit:
    """Print `message` on standard error and return the exit for bad input (raise it)."""
    print(f"error: {message}", file=sys.stderr)
    return typer.Exit(EXIT_BAD_INPUT)


def reports_input_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn `InputError`, and what the system refuses (a full disk, a read-only folder, memory),
    into one readable message and exit code 2."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            raise fail(exc.render()) from None
        except OSError as exc:
            raise fail(system_error(exc)) from None
        except MemoryError:
            raise fail("out of memory: the input asks for more than this machine has") from None
        except RecursionError:
            raise fail("the input is nested too deeply to be read") from None

    return wrapper


def system_error(exc: OSError) -> str:
    """`FILE: reason` for an error the system raised (e.g. `out.json: No space left on device`)."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    name = exc.filename if exc.filename is not None else ""
    return f"{name}: {reason}" if name else reason


def save_figure(figure: Figure, path: Path, dpi: float | None = None) -> None:
    """Save `figure` to `path` atomically, in the format of its suffix (.png, .svg)."""
    with atomic_output(path) as tmp:
        figure.savefig(tmp, format=path.suffix.lower().lstrip("."), dpi=dpi or "figure")


def json_text(
    obj: Any,
    *,
    indent: int | None = 2,
    ensure_ascii: bool = True,
    default: Callable[[Any], Any] | None = None,
) -> str:
    """`obj` as JSON text that every JSON parser reads: a number that is not finite (NaN,
    ±Infinity, which `json.dumps` writes as bare words outside JSON) is written as null, with a
    note on standard error naming where it was (e.g. `note: $.solutions[2].nash is nan`)."""
    found: list[tuple[str, float]] = []
    clean = _finite(obj, "$", found)
    for where, value in found[:5]:
        print(f"note: {where} is {value} (not a finite number); written as null", file=sys.stderr)
    if len(found) > 5:
        print(f"note: {len(found) - 5} more values are not finite numbers; null", file=sys.stderr)
    return json.dumps(
        clean, indent=indent, ensure_ascii=ensure_ascii, default=default, allow_nan=False
    )


def _finite(obj: Any, where: str, found: list[tuple[str, float]]) -> Any:
    """`obj` with every non-finite float (also numpy's) replaced by None, recorded in `found`."""
    if isinstance(obj, dict):
        return {k: _finite(v, f"{where}.{k}", found) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v, f"{where}[{i}]", found) for i, v in enumerate(obj)]
    numpy_float = getattr(getattr(obj, "dtype", None), "kind", "") == "f"
    if isinstance(obj, float) or (numpy_float and getattr(obj, "ndim", 1) == 0):
        value = float(obj)
        if not math.isfinite(value):
            found.append((where, value))
            return None
        return obj if isinstance(obj, float) else value
    return obj
