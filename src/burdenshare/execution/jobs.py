"""Running a Monte Carlo plan to completion: chunks on an executor, each chunk committed to the
store as it arrives, then the exact summary over every stored run in run-index order."""

from __future__ import annotations

import time
from collections.abc import Callable

from burdenshare.execution.executors import Executor
from burdenshare.execution.records import from_rows, to_rows
from burdenshare.execution.store import Store
from burdenshare.experiments.montecarlo import Columns, MonteCarloPlan, run_range

Progress = Callable[[int], None]
"""Called with the number of runs just finished."""

TARGET_SECONDS = 2.0
"""Aim for a committed chunk about every two seconds of work per worker."""


def run_plan(
    plan: MonteCarloPlan,
    executor: Executor,
    store: Store | None = None,
    experiment: str | None = None,
    progress: Progress | None = None,
    size: int | None = None,
) -> Columns:
    """Run every run of `plan` not yet in the store; all runs' columns, in run-index order."""
    parts: list[Columns] = []
    done: list[int] = (
        store.done(experiment).tolist() if store is not None and experiment is not None else []
    )
    if store is not None and experiment is not None and len(done):
        parts.append(from_rows(plan, store.rows(experiment)))
    chunks = plan.chunks(size or max(1, min(16, plan.runs // 8)), done)
    if size is None and chunks:
        # probe: the first chunk pays for the tables and the compiled code, the second is
        # timed; the rest are sized to ~TARGET_SECONDS each
        done_now = list(done)
        per_run = 1e-6
        for first in chunks[:2]:
            began = time.perf_counter()
            probe = run_range(plan, *first)
            per_run = (time.perf_counter() - began) / max(len(probe), 1)
            _keep(probe, parts, plan, store, experiment, progress)
            done_now += probe.run.tolist()
        size = max(1, min(20_000, int(TARGET_SECONDS / max(per_run, 1e-6))))
        chunks = plan.chunks(size, done_now)
    for columns in executor.map(run_range, plan, chunks):
        _keep(columns, parts, plan, store, experiment, progress)
    return Columns.concat(parts) if parts else run_range(plan, 0, 0)


def _keep(
    columns: Columns,
    parts: list[Columns],
    plan: MonteCarloPlan,
    store: Store | None,
    experiment: str | None,
    progress: Progress | None,
) -> None:
    if store is not None and experiment is not None:
        store.write(experiment, to_rows(plan, columns))
    parts.append(columns)
    if progress is not None:
        progress(len(columns))
