"""The batch engine: many negotiations, each on flat outcome indices with numpy, no trace.

It follows the reference engine (`protocol.py`) step by step — calendar, turn order, lapse
drift, ratification votes, vetoes that send talks back — and gives the same outcome for every
run: the strategies tagged "vectorisable" in the registry are replayed here on precomputed
tables (utilities sorted once per valuation, per-issue distance tables), using the same
concession formulas (`time_dependent.target_utility`) and the offer kernel's rule exactly:

    tie rule (strategies/bidding.py): among outcomes with own utility in [t − 1e-12, t + BAND]
    (and allowed), the least own distance to the own last offer, then the least distance to the
    opponents' last offer (both rounded to 12 decimals), then the highest own utility, then the
    lowest outcome index; if none, the outcome of utility nearest t (lowest index on ties).

A run whose strategies are not all vectorisable falls back to the reference engine. Tested
equal to the reference run by run (tests/test_batch_equivalence.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np

from burdenshare.engine import decomposed, encoding
from burdenshare.engine.compiled import Outputs, negotiate_all
from burdenshare.engine.decomposed import Decomposition, decompose
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
from burdenshare.model import Limit, Offer, OutcomeSpace, Scenario, StrategySpec, Valuation
from burdenshare.model.issues import NUMERIC_ISSUES, ScopeIssue
from burdenshare.strategies import Strategy, build, entry, names
from burdenshare.strategies.anchoring import Anchoring
from burdenshare.strategies.bidding import BAND
from burdenshare.strategies.ratification_aware import _MARGIN, RatificationAware
from burdenshare.strategies.time_dependent import TimeDependent, target_utility
from burdenshare.strategies.tit_for_tat import TitForTat

Engine = Literal["batch", "reference"]


@dataclass(frozen=True)
class RunOutcome:
    """How one run ended, as plain values: status, date, agreed outcome index and utilities,
    meeting, lapse, the number of vetoes and who vetoed (ratifier names, in order)."""

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


# -- tables shared by every run on one outcome space / valuation ---------------------------


@dataclass(frozen=True, eq=False)
class SpaceTables:
    """Per issue: the grid index of every outcome, and the distance table D[a, b] between grid
    values a and b (`bidding.issue_distances` for every reference value at once)."""

    positions: tuple[np.ndarray, ...]
    distances: tuple[np.ndarray, ...]


@lru_cache(maxsize=16)
def space_tables(space: OutcomeSpace) -> SpaceTables:
    """The tables of `space` (computed once per space)."""
    flat = np.arange(space.size)
    positions = tuple(np.asarray(p, dtype=np.intp) for p in np.unravel_index(flat, space.shape))
    tables = []
    for position, issue in enumerate(space.issues):
        if isinstance(issue, NUMERIC_ISSUES):
            grid = np.asarray(space.grids[position], dtype=float)
            span = issue.high - issue.low
            # column b: np.abs(grid - grid[b]) / span, as issue_distances computes it
            table = np.abs(grid[:, None] - grid[None, :]) / (span if span > 0 else 1.0)
        elif isinstance(issue, ScopeIssue):
            scopes = issue.values()
            k = max(len(issue.names) - len(issue.fixed), 1)
            table = np.array([[len(a ^ b) / k for b in scopes] for a in scopes])
        else:
            values = tuple(issue.values())
            table = np.array([[0.0 if a == b else 1.0 for b in values] for a in values])
        tables.append(table)
    return SpaceTables(positions, tuple(tables))


@dataclass(frozen=True, eq=False)
class ValuationTables:
    """A valuation's utility of every outcome and, for the outcomes open to choice (all, or
    those an `allowed` mask keeps): their order by utility, the sorted utilities and each
    issue's grid index in that order — so a utility band is two binary searches and a slice."""

    utilities: np.ndarray
    order: np.ndarray
    sorted: np.ndarray
    best: float
    positions: tuple[np.ndarray, ...]
    grid: SpaceTables
    decomposed: Decomposition | None = None


TABLES_BUDGET = 256 * 2**20
"""Bytes of valuation tables kept between runs (least recently used dropped first): a count of
entries would either thrash when many valuations alternate (a tournament, 50 random pairs) or
hold gigabytes at 1e6 outcomes."""

_tables: OrderedDict[tuple[Valuation, OutcomeSpace], ValuationTables] = OrderedDict()
_tables_bytes: list[int] = [0]


def _size(tables: ValuationTables) -> int:
    arrays = [tables.utilities, tables.order, tables.sorted, *tables.positions]
    if tables.decomposed is not None:
        d = tables.decomposed
        arrays += [d.rows, d.padded, d.flat]
    return sum(a.nbytes for a in arrays)


def valuation_tables(valuation: Valuation, space: OutcomeSpace) -> ValuationTables:
    """The tables of `valuation` over every outcome (kept within TABLES_BUDGET bytes)."""
    key = (valuation, space)
    found = _tables.get(key)
    if found is not None:
        _tables.move_to_end(key)
        return found
    made = _make_tables(valuation, space)
    _tables[key] = made
    _tables_bytes[0] += _size(made)
    while _tables_bytes[0] > TABLES_BUDGET and len(_tables) > 1:
        _, dropped = _tables.popitem(last=False)
        _tables_bytes[0] -= _size(dropped)
    return made


def _make_tables(valuation: Valuation, space: OutcomeSpace) -> ValuationTables:
    utilities = valuation.utilities(space)
    order = np.argsort(utilities, kind="stable")
    grid = space_tables(space)
    positions = tuple(p[order] for p in grid.positions)
    return ValuationTables(
        utilities,
        order,
        utilities[order],
        valuation.best_value(space),
        positions,
        grid,
        decompose(valuation, space),
    )


Allowed = tuple[np.ndarray, ...]
"""Per issue, which grid values a set of limits allows (limits act issue by issue)."""


@lru_cache(maxsize=4096)
def issue_mask(space: OutcomeSpace, limit: Limit, base: Offer) -> tuple[int, np.ndarray]:
    """(issue position, allowed grid values) for one limit — `Limit.violation` on every grid
    value at once, with its arithmetic and tolerances (numeric issues vectorised)."""
    position = space.names.index(limit.issue)
    issue = space.issues[position]
    if not isinstance(issue, NUMERIC_ISSUES):
        probe = [
            limit.violation(Offer(((limit.issue, v),)), base) is None for v in space.grids[position]
        ]
        return position, np.array(probe, dtype=bool)
    x = np.asarray(space.grids[position], dtype=float)
    ok = np.ones(x.size, dtype=bool)
    if limit.min is not None:
        ok &= ~(x < limit.min - 1e-9)
    if limit.max is not None:
        ok &= ~(x > limit.max + 1e-9)
    sq = base.get(limit.issue)
    if isinstance(sq, int | float) and sq != 0:
        change = 100.0 * (x / sq - 1.0)
        if limit.min_change_pct is not None:
            ok &= ~(change < limit.min_change_pct - 1e-9)
        if limit.max_change_pct is not None:
            ok &= ~(change > limit.max_change_pct + 1e-9)
    return position, ok


def allowed_by(space: OutcomeSpace, limits: Sequence[Limit], status_quo: Offer) -> Allowed:
    """Per issue, the grid values every limit allows."""
    masks = [np.ones(n, dtype=bool) for n in space.shape]
    for limit in limits:
        base = Offer(((limit.issue, status_quo[limit.issue]),))
        position, ok = issue_mask(space, limit, base)
        masks[position] = masks[position] & ok
    return tuple(masks)


def permits(space: OutcomeSpace, allowed: Allowed, index: int) -> bool:
    """Whether outcome `index` lies within `allowed`."""
    return _permits(space_tables(space), allowed, index)


def _permits(st: SpaceTables, allowed: Allowed, index: int) -> bool:
    return all(bool(mask[st.positions[p][index]]) for p, mask in enumerate(allowed))


def _nearest(tables: ValuationTables, target: float) -> int:
    """Lowest index among the outcomes whose |u − target| is least."""
    values = tables.sorted
    i = int(np.searchsorted(values, target))
    gaps = [abs(float(values[j]) - target) for j in (i - 1, i) if 0 <= j < values.size]
    least = min(gaps)
    lo, hi = i, i  # widen [lo, hi) over every neighbour at the least gap (ties, rounding)
    while lo > 0 and abs(float(values[lo - 1]) - target) == least:
        lo -= 1
    while hi < values.size and abs(float(values[hi]) - target) == least:
        hi += 1
    return int(tables.order[lo:hi].min())


def choose(
    space: OutcomeSpace,
    tables: ValuationTables,
    target: float,
    own_last: int | None,
    opponent_last: int | None,
    allowed: Allowed | None = None,
) -> int:
    """The offer kernel (`bidding.choose_index`) on precomputed tables; same tie rule."""
    u = tables.utilities
    if (
        own_last is not None
        and target - 1e-12 <= u[own_last] <= target + BAND
        and (allowed is None or _permits(tables.grid, allowed, own_last))
    ):
        return own_last  # the only outcome at own distance 0
    if tables.decomposed is not None:
        found = _choose_decomposed(
            tables.grid, tables.decomposed, target, own_last, opponent_last, allowed
        )
        if found is not None:
            return found
    lo = int(np.searchsorted(tables.sorted, target - 1e-12, "left"))
    hi = int(np.searchsorted(tables.sorted, target + BAND, "right"))
    st = tables.grid
    positions = [p[lo:hi] for p in tables.positions]  # per issue, grid index of each candidate
    candidates = tables.order[lo:hi]
    if allowed is not None and hi > lo:
        keep = np.ones(hi - lo, dtype=bool)
        for p, mask in enumerate(allowed):
            if not mask.all():
                keep &= mask[positions[p]]
        candidates = candidates[keep]
        positions = [p[keep] for p in positions]
    if candidates.size == 0:
        if allowed is None:
            return _nearest(tables, target)
        full = np.ones(space.size, dtype=bool)
        for p, mask in enumerate(allowed):
            if not mask.all():
                full &= mask[st.positions[p]]
        gap = np.abs(u - target)
        if full.any():
            gap = np.where(full, gap, np.inf)
        return int(np.argmin(gap))
    for reference in (own_last, opponent_last):
        if reference is None or candidates.size == 1:
            continue
        distance = np.zeros(candidates.size)
        for position, table in enumerate(st.distances):
            column = table[:, st.positions[position][reference]]
            distance += column[positions[position]]
        distance = np.round(distance, 12)
        best = distance == distance.min()
        candidates = candidates[best]
        positions = [p[best] for p in positions]
    if candidates.size > 1:
        values = u[candidates]
        candidates = candidates[values == values.max()]
    return int(candidates.min())


def _choose_decomposed(
    st: SpaceTables,
    dec: Decomposition,
    target: float,
    own_last: int | None,
    opponent_last: int | None,
    allowed: Allowed | None,
) -> int | None:
    """`decomposed.choose` with the reference offers as grid indices per issue."""

    def grid(reference: int | None) -> tuple[int, ...] | None:
        if reference is None:
            return None
        return tuple(int(p[reference]) for p in st.positions)

    return decomposed.choose(
        dec, st.distances, target, grid(own_last), grid(opponent_last), allowed
    )


# -- the vectorisable strategies, replayed on indices ----------------------------------------


_Veto = tuple[int, dt.date | None, tuple[Limit, ...]]
"""A vetoed deal as its party remembers it: outcome, the ratifier's last day, limits it broke."""


@dataclass
class _Seat:
    """One party in one run: its tables and what it has seen."""

    name: str
    tables: ValuationTables
    horizon: dt.date | None
    opening: int | None
    party: Any
    own: list[int] = dataclasses.field(default_factory=list)
    vetoes: list[_Veto] = dataclasses.field(default_factory=list)


@dataclass
class _Moment:
    """The clock as one party sees it: relative time, meeting, date, reservation value."""

    time: float
    meeting: int
    date: dt.date
    reservation: float
    opponent: list[int]


class _Run:
    """One negotiation of a scenario whose strategies are all vectorisable."""

    def __init__(self, scenario: Scenario, strategies: Mapping[str, Strategy]) -> None:
        self.scenario = scenario
        self.space = scenario.space
        self.strategies = strategies
        self.sq = scenario.status_quo.terms
        self.seats = [
            _Seat(
                p.name,
                valuation_tables(p.valuation, scenario.space),
                p.deadline,
                scenario.space.index_of(p.opening) if p.opening is not None else None,
                p,
            )
            for p in scenario.parties
        ]
        self.history: list[tuple[int, int]] = []  # (seat, outcome index)
        self.seen: list[list[int]] = [[] for _ in self.seats]  # others' offers, per seat
        self.reserve: dict[tuple[int, dt.date], float] = {}
        self.limits: dict[tuple[int, tuple[bool, ...]], Allowed | None] = {}
        self.grid = self.seats[0].tables.grid

    # the view's quantities
    def moment(self, seat: int, meeting: int, day: dt.date, offset: float) -> _Moment:
        s = self.seats[seat]
        calendar = self.scenario.calendar
        reservation = self.reserve.get((seat, day))
        if reservation is None:  # it changes by the day, not within one
            reservation = s.party.reservation_at(day, calendar.deadline, self.scenario.threats)
            self.reserve[(seat, day)] = reservation
        # `seen` is shared, not copied: a moment is used before the next offer is recorded
        return _Moment(
            calendar.time_fraction(day, offset, s.horizon),
            meeting,
            day,
            reservation,
            self.seen[seat],
        )

    def record(self, seat: int, offer: int) -> None:
        """Note `seat`'s offer in the history, its own offers and the others' views."""
        self.seats[seat].own.append(offer)
        self.history.append((seat, offer))
        for other, seen in enumerate(self.seen):
            if other != seat:
                seen.append(offer)

    def utility(self, seat: int, index: int) -> float:
        return float(self.seats[seat].tables.utilities[index])

    # strategies
    def target(self, strategy: Strategy, seat: int, now: _Moment) -> float:
        s = self.seats[seat]
        if isinstance(strategy, TimeDependent):
            return target_utility(now.time, now.reservation, s.tables.best, strategy.e, strategy.k)
        if isinstance(strategy, Anchoring):
            top = self.utility(seat, self.anchor(seat))
            meetings = self.scenario.calendar.meetings
            if now.meeting < min(strategy.hold, len(meetings)) or strategy.hold >= len(meetings):
                return top
            t_h = (
                self.scenario.calendar.time_fraction(meetings[strategy.hold].date, 0.0, s.horizon)
                if strategy.hold > 0
                else 0.0
            )
            rest = (now.time - t_h) / (1.0 - t_h) if t_h < 1.0 else 1.0
            return target_utility(min(max(rest, 0.0), 1.0), now.reservation, top, strategy.e)
        if isinstance(strategy, TitForTat):
            opening = self.utility(seat, s.opening) if s.opening is not None else s.tables.best
            if not s.own or len(now.opponent) < strategy.delta + 1:
                return opening
            previous = self.utility(seat, s.own[-1])
            before = self.utility(seat, now.opponent[-1 - strategy.delta])
            latest = self.utility(seat, now.opponent[-1])
            ratio = before / latest if latest > 0 else 1.0
            return min(max(previous * ratio, now.reservation), s.tables.best)
        if isinstance(strategy, RatificationAware):
            inner = self.target(strategy.wrapped, seat, now)
            floor = self.floor(seat, now)
            return inner if floor is None else max(inner, floor + _MARGIN)
        raise TypeError(f"no batch form for {type(strategy).__name__}")

    def anchor(self, seat: int) -> int:
        s = self.seats[seat]
        return s.opening if s.opening is not None else int(np.argmax(s.tables.utilities))

    def kernel(self, seat: int, target: float, now: _Moment, allowed: Allowed | None) -> int:
        s = self.seats[seat]
        return choose(
            self.space,
            s.tables,
            target,
            s.own[-1] if s.own else None,
            now.opponent[-1] if now.opponent else None,
            allowed,
        )

    def propose(self, strategy: Strategy, seat: int, now: _Moment) -> int:
        s = self.seats[seat]
        if isinstance(strategy, RatificationAware):
            offer = self.propose(strategy.wrapped, seat, now)
            if self.permitted(seat, now, offer):
                return offer
            return self.kernel(seat, self.target(strategy, seat, now), now, self.allowed(seat, now))
        if isinstance(strategy, Anchoring):
            holding = now.meeting < min(strategy.hold, len(self.scenario.calendar.meetings))
            if holding or not s.own:
                return self.anchor(seat)
        return self.kernel(seat, max(self.target(strategy, seat, now), now.reservation), now, None)

    def accepts(self, strategy: Strategy, seat: int, now: _Moment, offer: int) -> bool:
        if isinstance(strategy, RatificationAware):
            return self.permitted(seat, now, offer) and self.accepts(
                strategy.wrapped, seat, now, offer
            )
        bar = max(self.target(strategy, seat, now), now.reservation)
        return self.utility(seat, offer) >= bar - 1e-12

    # the ratification-aware wrapper's memory of own vetoes
    def binding(
        self, seat: int, now: _Moment
    ) -> list[tuple[int, dt.date | None, tuple[Limit, ...]]]:
        return [v for v in self.seats[seat].vetoes if v[1] is None or now.date <= v[1]]

    def floor(self, seat: int, now: _Moment) -> float | None:
        values = [self.utility(seat, v[0]) for v in self.binding(seat, now) if not v[2]]
        return max(values) if values else None

    def allowed(self, seat: int, now: _Moment) -> Allowed | None:
        vetoes = self.seats[seat].vetoes
        if not vetoes:
            return None
        key = (seat, tuple(v[1] is None or now.date <= v[1] for v in vetoes))
        if key not in self.limits:
            revealed = [limit for v in self.binding(seat, now) for limit in v[2]]
            self.limits[key] = allowed_by(self.space, revealed, self.sq) if revealed else None
        return self.limits[key]

    def permitted(self, seat: int, now: _Moment, offer: int) -> bool:
        if not self.seats[seat].vetoes:
            return True
        floor = self.floor(seat, now)
        if floor is not None and self.utility(seat, offer) <= floor:
            return False
        allowed = self.allowed(seat, now)
        return allowed is None or _permits(self.grid, allowed, offer)

    # ratification
    def ratify(self, offer: int, day: dt.date) -> list[str]:
        vetoers: list[str] = []
        terms = self.space.offer_at(offer)  # the limits judge terms, as in `Ratifier.vote`
        for ratifier in self.scenario.ratifiers:
            if not ratifier.in_office(day):
                continue
            broken = tuple(
                limit for limit in ratifier.limits if limit.violation(terms, self.sq) is not None
            )
            accept = not broken
            seat = [s.name for s in self.seats].index(ratifier.party)
            if accept and ratifier.min_utility is not None:
                if ratifier.valuation is None:
                    utility = self.utility(seat, offer)
                else:
                    utility = float(ratifier.valuation.utilities(self.space)[offer])
                accept = utility >= ratifier.min_utility - 1e-12
            if not accept:
                vetoers.append(ratifier.name)
                self.seats[seat].vetoes.append((offer, ratifier.end, broken))
        return vetoers

    def run(self) -> RunOutcome:
        scenario = self.scenario
        calendar = scenario.calendar
        n = len(self.seats)
        strategies = [self.strategies[s.name] for s in self.seats]
        turn = 0
        vetoed_by: list[str] = []
        for m, meeting in enumerate(calendar.meetings):
            last_day = meeting.date + dt.timedelta(days=max(meeting.days, 1) - 1)
            spacing = meeting.days / max(meeting.offers, 1)
            for k in range(meeting.offers):
                proposer = turn % n
                turn += 1
                now = self.moment(proposer, m, meeting.date, k * spacing)
                offer = self.propose(strategies[proposer], proposer, now)
                self.record(proposer, offer)
                everyone = True
                for position in range(1, n):
                    responder = (proposer + position) % n
                    rnow = self.moment(responder, m, meeting.date, k * spacing)
                    if not self.accepts(strategies[responder], responder, rnow, offer):
                        everyone = False
                        break
                if not everyone:
                    continue
                vetoers = self.ratify(offer, last_day)
                if not vetoers:
                    return RunOutcome(
                        "agreement",
                        last_day,
                        offer,
                        tuple(self.utility(i, offer) for i in range(n)),
                        m,
                        last_day > calendar.deadline,
                        _count(vetoed_by),
                        tuple(vetoed_by),
                        len(self.history),
                        "batch",
                    )
                vetoed_by.append("+".join(vetoers))
                break
        return RunOutcome(
            "no_agreement",
            calendar.end,
            None,
            None,
            None,
            calendar.end > calendar.deadline,
            _count(vetoed_by),
            tuple(vetoed_by),
            len(self.history),
            "batch",
        )


def _count(vetoed_by: list[str]) -> int:
    """Number of vetoed tentative deals (one entry per deal, ratifiers joined by `+`)."""
    return len(vetoed_by)


# -- entry points ----------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _built(spec: StrategySpec, party: str) -> Strategy:
    return build(spec.name, spec.as_dict(), f"parties.{party}.strategy")


def strategies_of(scenario: Scenario) -> dict[str, Strategy]:
    """Each party's strategy as its scenario entry states (built once per distinct spec)."""
    return {p.name: _built(p.strategy, p.name) for p in scenario.parties}


def vectorisable(strategy: Strategy) -> bool:
    """Whether `strategy` (and a wrapper's inner strategy) is tagged "vectorisable" — by the
    registry, or by the class itself when it is not registered."""
    tags = entry(strategy.name).tags if strategy.name in names() else strategy.tags
    if "vectorisable" not in tags:
        return False
    inner = getattr(strategy, "wrapped", None)
    return inner is None or vectorisable(inner)


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
    )


def codes_of(
    scenario: Scenario, strategies: Mapping[str, Strategy]
) -> list[StrategyCode] | None:
    """Each seat's strategy as compiled-loop numbers, or None when one has no compiled form."""
    codes = []
    for party in scenario.parties:
        strategy = strategies[party.name]
        code = strategy_code(strategy) if vectorisable(strategy) else None
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
    deadline = scenario.calendar.deadline
    if index < 0:
        return RunOutcome(
            "no_agreement", day, None, None, None, day > deadline, len(vetoed_by), vetoed_by,
            int(out.offers[row]), "batch",
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

    def negotiate(self, which: np.ndarray) -> Outputs:
        """Run scenario `which[i]` as run i, for every i (compiled)."""
        return negotiate_all(self.space, self.pool, self.structure, self.rows.take(which))

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
        elif x != y:
            return False
    return True


def run_many(scenarios: Sequence[Scenario]) -> list[RunOutcome]:
    """Many negotiations, in order: in one compiled call when they form a `Batch`, else one by
    one (`run_one`)."""
    if not scenarios:
        return []
    batch = Batch.of(scenarios)
    if batch is None:
        return [run_one(scenario) for scenario in scenarios]
    which = np.arange(len(scenarios))
    out = batch.negotiate(which)
    return [batch.outcome(which, out, i) for i in range(len(scenarios))]
