"""Monte Carlo experiments as background jobs of the web app: started from a page, followed by
a progress bar that polls `Job.to_dict`, cancelled between chunks, stored in the app's DuckDB
results store as `burdenshare montecarlo` stores them (`execution.jobs.run_plan`), listed and
reopened (`execution.jobs.summary_of`, `reports.experiments`).

One DuckDB file can be opened once per process in one mode, so the app keeps one connection
(`SharedStore`) and every use of it takes its lock; the runs themselves are computed outside
the lock, so pages that read the store stay quick while a long Monte Carlo runs.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from burdenshare.errors import InputError
from burdenshare.execution.store import Experiment, Store

if TYPE_CHECKING:
    import numpy as np

    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.experiments.tallies import Tallies
    from burdenshare.experiments.uncertainty import Uncertain
    from burdenshare.scenario.load import LoadedScenario

WORKERS = 2
"""Monte Carlo jobs that run at once (more wait their turn)."""


class SharedStore(Store):
    """A results store used by several threads: every call holds `lock`; `gaps` is read at
    once (not streamed) so no cursor stays open between calls."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.lock = threading.RLock()

    def create(self, *args: Any, **kwargs: Any) -> str:
        """As `Store.create`, under the lock."""
        with self.lock:
            return super().create(*args, **kwargs)

    def experiment(self, ident: str) -> Experiment:
        """As `Store.experiment`, under the lock."""
        with self.lock:
            return super().experiment(ident)

    def experiments(self, latest: int | None = None) -> list[Experiment]:
        """As `Store.experiments`, under the lock."""
        with self.lock:
            return super().experiments(latest)

    def gaps(self, ident: str, runs: int) -> Iterator[tuple[int, int]]:
        """As `Store.gaps`, read at once under the lock."""
        with self.lock:
            return iter(list(super().gaps(ident, runs)))

    def write(self, ident: str, rows: dict[str, np.ndarray]) -> None:
        """As `Store.write`, under the lock."""
        with self.lock:
            super().write(ident, rows)


class CancelledError(Exception):
    """A job stopped on request (the runs committed so far are kept)."""


@dataclass
class Job:
    """One Monte Carlo experiment in the background: its state (`queued`, `running`,
    `summarising`, `done`, `cancelled`, `failed`), runs done of planned, and once done the
    experiment's id in the store."""

    id: str
    scenario: str
    runs: int
    seed: int
    state: str = "queued"
    done: int = 0
    experiment: str | None = None
    error: str = ""
    started: float = field(default_factory=time.monotonic)
    cancel: threading.Event = field(default_factory=threading.Event)

    def to_dict(self) -> dict[str, Any]:
        """What the progress bar polls."""
        return {
            "id": self.id,
            "scenario": self.scenario,
            "state": self.state,
            "done": self.done,
            "runs": self.runs,
            "fraction": self.done / self.runs if self.runs else 1.0,
            "experiment": self.experiment,
            "error": self.error,
            "seconds": round(time.monotonic() - self.started, 1),
        }


class Jobs:
    """The app's Monte Carlo jobs and its results store (opened on first use)."""

    def __init__(self, store_path: Path, workers: int = WORKERS) -> None:
        self.store_path = store_path
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="montecarlo")
        self.jobs: dict[str, Job] = {}
        self._store: SharedStore | None = None
        self._opening = threading.Lock()

    def store(self) -> SharedStore:
        """The results store, opened (and made, if missing) once."""
        with self._opening:
            if self._store is None:
                self._store = SharedStore(self.store_path)
            return self._store

    def listed(self) -> list[Experiment]:
        """The stored experiments, newest first (none before the store file exists)."""
        if self._store is None and not self.store_path.exists():
            return []
        return list(reversed(self.store().experiments(1000)))

    def start(
        self, loaded: LoadedScenario, uncertain: tuple[Uncertain, ...], runs: int, seed: int
    ) -> Job:
        """Queue a Monte Carlo of `runs` runs of `loaded` (its `[[uncertainty]]` drawn)."""
        job = Job(uuid.uuid4().hex[:12], loaded.scenario.name, runs, seed)
        self.jobs[job.id] = job
        self.pool.submit(self._run, job, loaded, uncertain)
        return job

    def get(self, ident: str) -> Job | None:
        """The job `ident`, if this app started it."""
        return self.jobs.get(ident)

    def _run(self, job: Job, loaded: LoadedScenario, uncertain: tuple[Uncertain, ...]) -> None:
        from burdenshare.execution.executors import Executor
        from burdenshare.execution.jobs import run_plan
        from burdenshare.experiments.montecarlo import MonteCarloPlan

        if job.cancel.is_set():
            job.state = "cancelled"
            return
        job.state = "running"
        job.started = time.monotonic()
        try:
            store = self.store()
            plan = MonteCarloPlan(loaded.scenario, uncertain, job.runs, job.seed)
            job.experiment = store.create(
                "montecarlo",
                loaded.origin,
                loaded.sha256,
                loaded.text,
                {"overrides": [], "inputs": [u.path for u in uncertain]},
                job.seed,
                job.runs,
            )

            def advance(k: int) -> None:
                job.done += k
                if job.cancel.is_set():
                    raise CancelledError

            # chunks sized as montecarlo sizes them (about 2 s of work each): the bar moves
            # and a cancel is honoured within a chunk
            run_plan(plan, Executor(1), store, job.experiment, advance)
            job.state = "done"
        except CancelledError:
            job.state = "cancelled"
        except InputError as exc:
            job.state, job.error = "failed", exc.render()
        except Exception as exc:  # a job never takes the server down; the page says why
            job.state, job.error = "failed", f"{type(exc).__name__}: {exc}"

    def reopen(self, ident: str) -> tuple[Experiment, MonteCarloPlan, Tallies, dict[str, Any]]:
        """A stored Monte Carlo (its runs so far) summarised as `results show` does."""
        from burdenshare.errors import Problem
        from burdenshare.execution.jobs import summary_of
        from burdenshare.execution.tallying import check_runs
        from burdenshare.experiments.montecarlo import MonteCarloPlan
        from burdenshare.reports.experiments import stored_summary_dict
        from burdenshare.scenario.stored import load_stored

        store = self.store()
        with store.lock:
            stored = store.experiment(ident)
            if stored.kind != "montecarlo":
                raise InputError(Problem("ID", f"{ident} is a {stored.kind}"))
            loaded, uncertain = load_stored(
                stored.scenario,
                stored.scenario_text,
                list(stored.parameters.get("overrides", [])),
            )
            plan = MonteCarloPlan(loaded.scenario, uncertain, stored.runs_planned, stored.seed)
            check_runs(store, ident, plan)
            tallies, summary = summary_of(plan, store, ident)
        return stored, plan, tallies, stored_summary_dict(summary, stored)

    def close(self) -> None:
        """Cancel every job, wait for them, close the store."""
        for job in self.jobs.values():
            job.cancel.set()
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self._store is not None:
            self._store.close()
