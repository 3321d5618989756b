"""The batch engine: many negotiations at once, on the compiled loop (`compiled.py`), no trace.

Scenarios are encoded as flat arrays (`encoding.py`) and run in one compiled call; each run ends
exactly as the reference engine's (`protocol.py`) would. A strategy takes part when its class
registered a compiled form (`strategies/compiled_form.py`; built in: time-dependent, anchoring,
tit-for-tat, the ratification-aware wrapper around them); a run with any other strategy falls
back to the reference engine, transparently (`reference_only` names them, for a note), and so
does a run of a scenario the compiled loop cannot hold (deals in stages with more limits than it
keeps apart, an issue of thousands of values: `unfit_scenarios` says which and why, for a note).
Tested
equal to the reference run by run (tests/test_batch_equivalence.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np

from burdenshare.engine import encoding
from burdenshare.engine.compiled import Outputs, negotiate_all
from burdenshare.engine.encoding import (
    StrategyCode,
    Structure,
    strategy_code,
    structure,
    valuations_of,
)
from burdenshare.engine.jit_kernel import Pool, SpaceArrays, pool, space_arrays
from burdenshare.engine.protocol import negotiate
from burdenshare.engine.result import NegotiationResult
from burdenshare.model import OutcomeSpace, Scenario, StrategySpec, Valuation
from burdenshare.strategies import Strategy, build

Engine = Literal["batch", "reference"]


@dataclass(frozen=True)
class RunOutcome:
    """How one run ended, as plain values: status, date, agreed outcome index and utilities,
    meeting, lapse, the number of vetoes and who vetoed (ratifier names, in order); with deals
    in stages, the first stop-gap's outcome index and date (None: none was agreed; the other
    fields describe the final deal)."""

    status: Literal["agreement", "no_agreement"]
    date: dt.date
    index: int | None
    utilities: tuple[float, ...] | None
    meeting: int | None
    during_lapse: bool
    vetoes: int
    vetoed_by: tuple[str, ...]
    offers: int
    engine: Engine
    stopgap: int | None = None
    stopgap_date: dt.date | None = None


# -- entry points ----------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _built(spec: StrategySpec, party: str) -> Strategy:
    return build(spec.name, spec.as_dict(), f"parties.{party}.strategy")


def strategies_of(scenario: Scenario) -> dict[str, Strategy]:
    """Each party's strategy as its scenario entry states (built once per distinct spec)."""
    return {p.name: _built(p.strategy, p.name) for p in scenario.parties}


def vectorisable(strategy: Strategy) -> bool:
    """Whether the compiled loop runs `strategy`: its class (and a wrapper's inner strategy's)
    registered a compiled form."""
    return strategy_code(strategy) is not None


def reference_only(
    scenario: Scenario, strategies: Mapping[str, Strategy] | None = None
) -> tuple[str, ...]:
    """The names of the strategies of `scenario` (as `strategies` overrides them) that have no
    compiled form, in party order without repeats: its runs go to the reference engine."""
    chosen = strategies_of(scenario)
    chosen.update(strategies or {})
    found: list[str] = []
    for party in scenario.parties:
        strategy = chosen[party.name]
        if not vectorisable(strategy) and strategy.name not in found:
            found.append(strategy.name)
    return tuple(found)


def unfit_scenarios(scenarios: Sequence[Scenario]) -> dict[str, str]:
    """The scenarios (by name) the compiled loop cannot hold, with why (`encoding.unfit`: deals
    in stages, an issue of thousands of values, ...): their runs go to the reference engine."""
    found: dict[str, str] = {}
    for scenario in scenarios:
        reason = encoding.unfit(scenario)
        if reason is not None:
            found.setdefault(scenario.name, reason)
    return found


def from_reference(result: NegotiationResult, scenario: Scenario) -> RunOutcome:
    """A reference engine result as a `RunOutcome` (vetoers read from the trace)."""
    out = result.outcome
    vetoed_by: list[str] = []
    deal: list[str] = []
    for event in result.trace:
        if event.kind == "ratification_vote" and event.accept is False:
            for r in scenario.ratifiers:
                if event.detail == r.display or event.detail.startswith(r.display + ": "):
                    deal.append(r.name)
                    break
        elif event.kind == "veto":
            vetoed_by.append("+".join(deal))
            deal = []
        elif event.kind == "tentative_agreement":
            deal = []
    index = scenario.space.index_of(out.terms) if out.terms is not None else None
    offers = sum(1 for e in result.trace if e.kind == "offer")
    first = next((s for s in out.stages or () if s.stopgap), None)
    return RunOutcome(
        out.status,
        out.date,
        index,
        out.utilities,
        out.meeting,
        out.during_lapse,
        out.vetoes,
        tuple(vetoed_by),
        offers,
        "reference",
        None if first is None else scenario.space.index_of(first.terms),
        None if first is None else first.date,
    )


def codes_of(scenario: Scenario, strategies: Mapping[str, Strategy]) -> list[StrategyCode] | None:
    """Each seat's strategy as compiled-loop numbers, or None when one has no compiled form
    (or the scenario has more ratifiers or limits than the loop holds)."""
    if not encoding.fits(scenario):
        return None
    codes = []
    for party in scenario.parties:
        code = strategy_code(strategies[party.name])
        if code is None:
            return None
        codes.append(code)
    return codes


@lru_cache(maxsize=64)
def compiled_tables(
    valuations: tuple[Valuation, ...], space: OutcomeSpace
) -> tuple[SpaceArrays, Pool]:
    """The kernel's arrays for `space` and the pool of `valuations` (kept for reuse)."""
    return space_arrays(space), pool(valuations, space)


def outcome_of(
    scenario: Scenario, out: Outputs, row: int, utilities: np.ndarray, vids: Sequence[int]
) -> RunOutcome:
    """Row `row` of the compiled loop's outputs as a `RunOutcome`."""
    names = [r.name for r in scenario.ratifiers]
    vetoed_by = tuple(
        "+".join(name for q, name in enumerate(names) if int(bits) >> q & 1)
        for bits in out.veto_log[row, : out.vetoes[row]]
    )
    index = int(out.agreed[row])
    day = dt.date.fromordinal(int(out.day[row]))
    deadline = dt.date.fromordinal(int(out.deadline[row]))  # a stop-gap's, if one was agreed
    first = int(out.stopgap[row])
    stopgap = None if first < 0 else first
    stopgap_date = None if first < 0 else dt.date.fromordinal(int(out.stopgap_day[row]))
    if index < 0:
        return RunOutcome(
            "no_agreement",
            day,
            None,
            None,
            None,
            day > deadline,
            len(vetoed_by),
            vetoed_by,
            int(out.offers[row]),
            "batch",
            stopgap,
            stopgap_date,
        )
    return RunOutcome(
        "agreement",
        day,
        index,
        tuple(float(utilities[v, index]) for v in vids),
        int(out.meeting[row]),
        day > deadline,
        len(vetoed_by),
        vetoed_by,
        int(out.offers[row]),
        "batch",
        stopgap,
        stopgap_date,
    )


def run_one(
    scenario: Scenario, strategies: Mapping[str, Strategy] | None = None, seed: int = 0
) -> RunOutcome:
    """One negotiation: on the compiled batch loop when every strategy is vectorisable, else
    on the reference engine (same outcome either way)."""
    chosen = strategies_of(scenario)
    chosen.update(strategies or {})
    codes = codes_of(scenario, chosen)
    if codes is None:
        return from_reference(negotiate(scenario, chosen, seed), scenario)
    valuations, vids, rat_vids = valuations_of(scenario)
    sp, kernel_pool = compiled_tables(tuple(valuations), scenario.space)
    utilities = [kernel_pool.utilities[v] for v in vids]
    rows = encoding.runs(scenario, codes, vids, rat_vids, utilities)
    out = negotiate_all(sp, kernel_pool, structure(scenario), rows)
    return outcome_of(scenario, out, 0, kernel_pool.utilities, vids)


@dataclass(frozen=True, eq=False)
class Batch:
    """Negotiations sharing an outcome space and a calendar structure (meetings, own deadlines,
    dates of events and threats, ratifiers and their limits), encoded once: each scenario is
    one row of the compiled loop's arrays, their valuations pooled, so that `negotiate(which)`
    runs scenario `which[i]` as run i — any number of runs in one compiled call."""

    scenarios: tuple[Scenario, ...]
    space: SpaceArrays
    pool: Pool
    structure: Structure
    rows: encoding.Runs
    vids: np.ndarray

    @staticmethod
    def of(scenarios: Sequence[Scenario]) -> Batch | None:
        """The batch of `scenarios`, or None when they differ in structure or one of their
        strategies has no compiled form."""
        first = scenarios[0]
        if not encoding.fits(first):
            return None
        shared = structure(first)
        pooled: dict[Valuation, int] = {}
        parts = []
        seats = []
        for scenario in scenarios:
            if scenario.space != first.space:
                return None
            if scenario is not first and not _same(structure(scenario), shared):
                return None
            codes = codes_of(scenario, strategies_of(scenario))
            if codes is None:
                return None
            valuations, vids, rat_vids = valuations_of(scenario)
            ids = [pooled.setdefault(v, len(pooled)) for v in valuations]
            utilities = [valuations[v].utilities(first.space) for v in vids]
            seat_ids = [ids[v] for v in vids]
            parts.append(
                encoding.runs(scenario, codes, seat_ids, [ids[v] for v in rat_vids], utilities)
            )
            seats.append(seat_ids)
        sp, kernel_pool = space_arrays(first.space), pool(tuple(pooled), first.space)
        rows = encoding.Runs(*(np.concatenate(columns) for columns in zip(*parts, strict=True)))
        return Batch(tuple(scenarios), sp, kernel_pool, shared, rows, np.asarray(seats))

    def negotiate(self, which: np.ndarray, threads: int = 1) -> Outputs:
        """Run scenario `which[i]` as run i, for every i (compiled; on `threads` threads)."""
        rows = self.rows.take(which)
        return negotiate_all(self.space, self.pool, self.structure, rows, threads)

    def outcome(self, which: np.ndarray, out: Outputs, run: int) -> RunOutcome:
        """Run `run` of `out` as a `RunOutcome`."""
        s = int(which[run])
        return outcome_of(self.scenarios[s], out, run, self.pool.utilities, self.vids[s].tolist())


def _same(a: Structure, b: Structure) -> bool:
    """Whether two structures are equal array by array (NaN equal to NaN)."""
    for x, y in zip(a, b, strict=True):
        if isinstance(x, np.ndarray) and isinstance(y, np.ndarray):
            if x.shape != y.shape or not np.array_equal(x, y, equal_nan=x.dtype.kind == "f"):
                return False
        elif x != y and not (x != x and y != y):  # a NaN scalar (no stage) equals NaN
            return False
    return True
