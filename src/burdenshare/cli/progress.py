"""The progress bars `montecarlo`, `results` and `tournament` show on standard error."""

from __future__ import annotations

import sys
from typing import Any


def progress(total: int) -> Any:
    """Rich progress bars on standard error, one per task (named by its description):
    done/total, rate, time left; disabled when there is nothing to do."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
        disable=total == 0,
    )


def note_compiling() -> None:
    """Say so on standard error when numba will compile the engine before the first runs
    (first use, or after the engine's sources changed: about 50 s of CPU on one core)."""
    from burdenshare.engine import compiled

    if not compiled.ready():
        print("note: compiling the batch engine (first use only, about a minute)", file=sys.stderr)
