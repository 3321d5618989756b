"""The progress bars `montecarlo`, `results` and `tournament` show on standard error."""

from __future__ import annotations

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
