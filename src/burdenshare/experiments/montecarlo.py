"""Monte Carlo over a scenario's uncertain inputs: the plan (which runs, which seeds) and the
results of a range of runs as plain columns, ready for a store and for exact summaries.

Seeds are fixed before scheduling: run i draws its inputs from the words of
`SeedSequence(seed, spawn_key=(i,))`, the i-th child of `SeedSequence(seed).spawn(n)`
(`uncertainty.draw_block`), so any executor and any number of workers gives identical runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from burdenshare.engine.batch import RunOutcome, run_one
from burdenshare.experiments.rows import RowPlan
from burdenshare.experiments.seeding import spawn_words
from burdenshare.experiments.uncertainty import (
    Drawn,
    Uncertain,
    applier,
    apply_all,
    draw_block,
)
from burdenshare.model import Scenario

STATUS_NONE, STATUS_BEFORE, STATUS_LAPSE = 0, 1, 2
"""Outcome codes: no agreement, agreement before the deadline, agreement during a lapse."""


@dataclass(frozen=True)
class MonteCarloPlan:
    """`runs` runs of `scenario`, each with fresh draws of `uncertain`, seeded from `seed`;
    input j draws from slot `slots[j]` of the run's words (None: slot j; `paired.common_draws`
    shares slots between two plans by path, for common random numbers)."""

    scenario: Scenario
    uncertain: tuple[Uncertain, ...]
    runs: int
    seed: int
    slots: tuple[int, ...] | None = None

    def run_seed(self, run: int) -> int:
        """The integer seed handed to run `run`'s negotiation (for stochastic strategies)."""
        return int(spawn_words(self.seed, np.array([run]), 1)[0, 0])

    def inputs(self, run: int) -> tuple[Drawn, ...]:
        """The drawn values of run `run`, in declaration order (`uncertainty.draw_block`)."""
        _, codes = draw_block(self.uncertain, self.seed, run, run + 1, self.slots)
        return tuple(u.value(c) for u, c in zip(self.uncertain, codes[0], strict=True))

    def run(self, run: int) -> tuple[tuple[Drawn, ...], RunOutcome]:
        """Draw run `run`'s inputs and negotiate."""
        values = self.inputs(run)
        scenario = apply_all(self.scenario, self.uncertain, values)
        return values, run_one(scenario, seed=self.run_seed(run))

    def chunks(
        self, size: int, missing: Iterable[tuple[int, int]] | None = None
    ) -> Iterator[tuple[int, int]]:
        """[start, stop) ranges of at most `size` runs covering the `missing` ranges of runs
        (all runs by default), in run order, made as they are asked for (memory does not grow
        with the number of runs or chunks)."""
        for start, stop in [(0, self.runs)] if missing is None else missing:
            for a in range(start, stop, size):
                yield a, min(a + size, stop)


@dataclass(frozen=True, eq=False)
class Columns:
    """Results of a set of runs, one entry per run (run-index order within a chunk).

    `inputs` holds numbers (a choice's position in its `values` for text choices); `index` the
    agreed outcome (−1: none); `days` the days from the first meeting to the end of talks;
    `vetoed` one column per ratifier: whether it vetoed a tentative deal in that run. With deals
    in stages, `index`, `days` and `utilities` describe the final deal; `stopgap` is the first
    stop-gap's outcome (−1: none) and `stopgap_days` the days from the first meeting to it (−1).
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
    stopgap: np.ndarray
    stopgap_days: np.ndarray

    def __len__(self) -> int:
        return int(self.run.size)


_ROW_PLANS: dict[tuple[Scenario, tuple[Uncertain, ...]], RowPlan | None] = {}


def row_plan(plan: MonteCarloPlan) -> RowPlan | None:
    """The compiled row plan of `plan` (built once per process), None when it has none."""
    key = (plan.scenario, plan.uncertain)
    if key not in _ROW_PLANS:
        if len(_ROW_PLANS) > 8:
            _ROW_PLANS.clear()
        _ROW_PLANS[key] = RowPlan.of(plan.scenario, plan.uncertain)
    return _ROW_PLANS[key]


def run_range(plan: MonteCarloPlan, start: int, stop: int) -> Columns:
    """Runs start..stop−1 of `plan`, as columns: as rows of the compiled engine when every
    uncertain input has a place in its arrays, else scenario by scenario."""
    rows_plan = row_plan(plan)
    if rows_plan is None:
        return run_scenarios(plan, start, stop)
    n = stop - start
    seeds, inputs = draw_block(plan.uncertain, plan.seed, start, stop, plan.slots)
    rows = rows_plan.rows(inputs)
    out = rows_plan.negotiate(rows)
    agreed = out.agreed >= 0
    utilities = np.full((n, len(rows_plan.vids)), np.nan)
    for p, v in enumerate(rows_plan.vids):
        utilities[agreed, p] = rows_plan.pool.utilities[v, out.agreed[agreed]]
    ratifiers = len(plan.scenario.ratifiers)
    vetoed = np.zeros((n, ratifiers), dtype=bool)
    for q in range(ratifiers):
        vetoed[:, q] = ((out.veto_log >> q) & 1).any(axis=1)
    start_day = plan.scenario.calendar.start.toordinal()
    return Columns(
        np.arange(start, stop, dtype=np.int64),
        seeds,
        inputs,
        out.status.astype(np.int8),
        (out.day - start_day).astype(np.int32),
        out.meeting.astype(np.int32),
        out.vetoes.astype(np.int32),
        vetoed,
        out.agreed.astype(np.int64),
        utilities,
        np.ones(n, dtype=bool),
        out.stopgap.astype(np.int64),
        np.where(out.stopgap >= 0, out.stopgap_day - start_day, -1).astype(np.int32),
    )


def run_scenarios(plan: MonteCarloPlan, start: int, stop: int) -> Columns:
    """Runs start..stop−1 of `plan`, each on its own drawn scenario (`run_one`), as columns."""
    n = stop - start
    ratifiers = [r.name for r in plan.scenario.ratifiers]
    parties = len(plan.scenario.parties)
    first = plan.scenario.calendar.start
    status = np.zeros(n, dtype=np.int8)
    days = np.zeros(n, dtype=np.int32)
    meeting = np.full(n, -1, dtype=np.int32)
    vetoes = np.zeros(n, dtype=np.int32)
    vetoed = np.zeros((n, len(ratifiers)), dtype=bool)
    index = np.full(n, -1, dtype=np.int64)
    utilities = np.full((n, parties), np.nan)
    engine = np.zeros(n, dtype=bool)
    stopgap = np.full(n, -1, dtype=np.int64)
    stopgap_days = np.full(n, -1, dtype=np.int32)
    seeds, inputs = draw_block(plan.uncertain, plan.seed, start, stop, plan.slots)
    drawn = applier(plan.scenario, plan.uncertain)
    for k in range(n):
        values = tuple(u.value(c) for u, c in zip(plan.uncertain, inputs[k], strict=True))
        scenario = drawn(values)
        out = run_one(scenario, seed=int(seeds[k]))
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
        if out.stopgap is not None and out.stopgap_date is not None:
            stopgap[k] = out.stopgap
            stopgap_days[k] = (out.stopgap_date - first).days
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
        stopgap,
        stopgap_days,
    )


def end_date(plan: MonteCarloPlan, days: int) -> dt.date:
    """The date `days` after the first meeting."""
    return plan.scenario.calendar.start + dt.timedelta(days=int(days))
