"""Monte Carlo over a scenario's uncertain inputs: the plan (which runs, which seeds) and the
results of a range of runs as plain columns, ready for a store and for exact summaries.

Seeds are fixed before scheduling: run i draws its inputs from
`default_rng(SeedSequence(seed, spawn_key=(i,)))`, the i-th child of `SeedSequence(seed).spawn(n)`,
so any executor and any number of workers gives identical runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from burdenshare.engine.batch import RunOutcome, run_one
from burdenshare.experiments.uncertainty import Uncertain, apply_all, draw_all
from burdenshare.model import Scenario

STATUS_NONE, STATUS_BEFORE, STATUS_LAPSE = 0, 1, 2
"""Outcome codes: no agreement, agreement before the deadline, agreement during a lapse."""


@dataclass(frozen=True)
class MonteCarloPlan:
    """`runs` runs of `scenario`, each with fresh draws of `uncertain`, seeded from `seed`."""

    scenario: Scenario
    uncertain: tuple[Uncertain, ...]
    runs: int
    seed: int

    def generator(self, run: int) -> np.random.Generator:
        """Run `run`'s generator: child `run` of `SeedSequence(seed)`."""
        return np.random.default_rng(np.random.SeedSequence(self.seed, spawn_key=(run,)))

    def run_seed(self, run: int) -> int:
        """The integer seed handed to run `run`'s negotiation (for stochastic strategies)."""
        state = np.random.SeedSequence(self.seed, spawn_key=(run,)).generate_state(1)
        return int(state[0])

    def inputs(self, run: int) -> tuple[float | int | str, ...]:
        """The drawn values of run `run`, in declaration order."""
        return draw_all(self.uncertain, self.generator(run))

    def run(self, run: int) -> tuple[tuple[float | int | str, ...], RunOutcome]:
        """Draw run `run`'s inputs and negotiate."""
        values = self.inputs(run)
        scenario = apply_all(self.scenario, self.uncertain, values)
        return values, run_one(scenario, seed=self.run_seed(run))

    def chunks(self, size: int, done: Sequence[int] = ()) -> list[tuple[int, int]]:
        """[start, stop) ranges of at most `size` runs covering the runs not in `done`."""
        missing = np.setdiff1d(np.arange(self.runs), np.asarray(done, dtype=np.int64))
        out: list[tuple[int, int]] = []
        start = prev = None
        for i in missing.tolist():
            if start is None:
                start = prev = i
            elif i != prev + 1 or i - start >= size:  # type: ignore[operator]
                out.append((start, prev + 1))  # type: ignore[operator]
                start = i
            prev = i
        if start is not None:
            out.append((start, prev + 1))  # type: ignore[operator]
        return out


@dataclass(frozen=True, eq=False)
class Columns:
    """Results of a set of runs, one entry per run (run-index order within a chunk).

    `inputs` holds numbers (a choice's position in its `values` for text choices); `index` the
    agreed outcome (−1: none); `days` the days from the first meeting to the end of talks;
    `vetoed` one column per ratifier: whether it vetoed a tentative deal in that run.
    """

    run: np.ndarray
    seed: np.ndarray
    inputs: np.ndarray
    status: np.ndarray
    days: np.ndarray
    meeting: np.ndarray
    vetoes: np.ndarray
    vetoed: np.ndarray
    index: np.ndarray
    utilities: np.ndarray
    engine_batch: np.ndarray

    def __len__(self) -> int:
        return int(self.run.size)

    @staticmethod
    def concat(parts: Sequence[Columns]) -> Columns:
        """All parts together, sorted by run index."""
        fields = Columns.__dataclass_fields__
        joined = {name: np.concatenate([getattr(p, name) for p in parts]) for name in fields}
        order = np.argsort(joined["run"], kind="stable")
        return Columns(**{name: value[order] for name, value in joined.items()})


def encode(u: Uncertain, value: float | int | str) -> float:
    """A drawn value as a number: itself, or its position among a choice's values."""
    if isinstance(value, str):
        return float(u.values.index(value))
    return float(value)


def run_range(plan: MonteCarloPlan, start: int, stop: int) -> Columns:
    """Runs start..stop−1 of `plan`, as columns."""
    n = stop - start
    ratifiers = [r.name for r in plan.scenario.ratifiers]
    parties = len(plan.scenario.parties)
    first = plan.scenario.calendar.start
    inputs = np.zeros((n, len(plan.uncertain)))
    status = np.zeros(n, dtype=np.int8)
    days = np.zeros(n, dtype=np.int32)
    meeting = np.full(n, -1, dtype=np.int32)
    vetoes = np.zeros(n, dtype=np.int32)
    vetoed = np.zeros((n, len(ratifiers)), dtype=bool)
    index = np.full(n, -1, dtype=np.int64)
    utilities = np.full((n, parties), np.nan)
    engine = np.zeros(n, dtype=bool)
    seeds = np.zeros(n, dtype=np.uint64)
    for k, i in enumerate(range(start, stop)):
        values, out = plan.run(i)
        seeds[k] = plan.run_seed(i)
        inputs[k] = [encode(u, v) for u, v in zip(plan.uncertain, values, strict=True)]
        if out.status == "agreement":
            status[k] = STATUS_LAPSE if out.during_lapse else STATUS_BEFORE
            index[k] = -1 if out.index is None else out.index
            meeting[k] = -1 if out.meeting is None else out.meeting
            utilities[k] = out.utilities
        days[k] = (out.date - first).days
        vetoes[k] = out.vetoes
        for deal in out.vetoed_by:
            for name in deal.split("+"):
                vetoed[k, ratifiers.index(name)] = True
        engine[k] = out.engine == "batch"
    return Columns(
        np.arange(start, stop, dtype=np.int64),
        seeds,
        inputs,
        status,
        days,
        meeting,
        vetoes,
        vetoed,
        index,
        utilities,
        engine,
    )


def end_date(plan: MonteCarloPlan, days: int) -> dt.date:
    """The date `days` after the first meeting."""
    return plan.scenario.calendar.start + dt.timedelta(days=int(days))
