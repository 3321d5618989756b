"""Running a Monte Carlo plan to completion: chunks on an executor, each chunk committed to the
store as it arrives and then dropped, so memory does not grow with the number of runs; the
exact summary is then counted from the store (`tallying`)."""

from __future__ import annotations

import itertools
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from burdenshare.execution.executors import Executor
from burdenshare.execution.records import to_rows
from burdenshare.execution.store import Store
from burdenshare.execution.tallying import tally
from burdenshare.experiments.montecarlo import Columns, MonteCarloPlan, run_range
from burdenshare.experiments.summary import summarise
from burdenshare.experiments.tallies import Tallies

Progress = Callable[[int], None]
"""Called with the number of runs just finished."""

TARGET_SECONDS = 2.0
"""Aim for a committed chunk about every two seconds of work per worker."""


def run_plan(
    plan: MonteCarloPlan,
    executor: Executor,
    store: Store,
    experiment: str,
    progress: Progress | None = None,
    size: int | None = None,
) -> None:
    """Run every run of `plan` not yet in the store under `experiment`, committing each chunk.
    Chunks are planned lazily from the store's gaps: memory does not grow with the number of
    runs or chunks."""

    def keep(columns: Columns) -> None:
        store.write(experiment, to_rows(plan, columns))
        if progress is not None:
            progress(len(columns))

    if size is None:
        # probe: the first chunk pays for the tables and the compiled code, the second is
        # timed; the rest are sized to ~TARGET_SECONDS each
        per_run = 1e-6
        probes = plan.chunks(max(1, min(16, plan.runs // 8)), store.gaps(experiment, plan.runs))
        for first in itertools.islice(probes, 2):
            began = time.perf_counter()
            probe = run_range(plan, *first)
            per_run = (time.perf_counter() - began) / max(len(probe), 1)
            keep(probe)
        size = max(1, min(20_000, int(TARGET_SECONDS / max(per_run, 1e-6))))
    chunks = plan.chunks(size, store.gaps(experiment, plan.runs))
    for columns in executor.map(run_range, plan, chunks):
        keep(columns)


def summary_of(
    plan: MonteCarloPlan, store: Store, experiment: str, progress: Progress | None = None
) -> tuple[Tallies, dict[str, Any]]:
    """The stored runs of `experiment` counted (`progress(1)` after each of
    `tallying.steps(plan)` steps), and their exact summary."""
    tallies = tally(store, experiment, plan, progress or (lambda _: None))
    return tallies, summarise(plan, tallies)


def run_unstored(
    plan: MonteCarloPlan, executor: Executor, progress: Progress | None = None
) -> tuple[Tallies, dict[str, Any]]:
    """Every run of `plan`, counted and summarised as `montecarlo --no-store` does: in a
    temporary store, deleted afterwards."""
    with (
        tempfile.TemporaryDirectory(prefix="burdenshare-") as folder,
        Store(Path(folder) / "runs.duckdb") as db,
    ):
        ident = db.create("montecarlo", plan.scenario.name, "", "", {}, plan.seed, plan.runs)
        run_plan(plan, executor, db, ident, progress)
        return summary_of(plan, db, ident)
