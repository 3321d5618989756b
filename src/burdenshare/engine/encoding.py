"""Scenarios as the flat arrays the compiled engine runs on (no Python objects inside a run).

`Structure` holds what every run of one scenario shares: the calendar as offer slots with each
party's relative time, the dated reservation events and threats, the ratifiers and their limits
(each limit's issue, status-quo base and, for scope and choice issues, its allowed grid values).
`Runs` holds what may differ from run to run, one row per run: each seat's valuation (an index
into a `Pool`), reservation value, lapse, strategy as numbers, event and threat sizes, the
ratifiers' minimum utilities and the numeric bounds of their limits. Both are built from the
immutable model with the model's own arithmetic (`Calendar.time_fraction`, `Space.index_of`);
the compiled loop calls the model's rules on them (`model/rules.py`). A strategy is its compiled
form's code (`dispatch.py`) and the parameters the form names, read from the strategy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from burdenshare.engine import dispatch
from burdenshare.model import Limit, OutcomeSpace, Scenario, Valuation
from burdenshare.model.kinds.share import is_share
from burdenshare.strategies import Strategy
from burdenshare.strategies.compiled_form import CompiledForm, CompiledWrapper
from burdenshare.strategies.registry import compiled_form

NEVER_BEFORE = -(2**62)
NEVER_AFTER = 2**62
"""Day ordinals standing for an open start / end (a ratifier always in office, a threat in force
from the outset)."""

MAX_BITS = 62
"""Limits (per veto) and ratifiers (per vetoed deal) are remembered as bits of an int64."""


MAX_GRID = 2048
"""Values of one issue the compiled kernel holds in a table of the distance between every two
(2,048 values: 32 MiB); a larger grid runs on the reference engine, which measures distances
from one reference at a time. A share issue has no such table: the kernel measures the distance
between two splits from their shares (`jit_kernel.distance`), so its thousands of splits fit."""


def fits(scenario: Scenario) -> bool:
    """Whether the compiled loop can hold `scenario` (`unfit` says why not)."""
    return unfit(scenario) is None


def unfit(scenario: Scenario) -> str | None:
    """Why the compiled loop cannot hold `scenario`, or None: an issue other than a share
    issue of more than MAX_GRID values, more ratifiers or limits than bits, or deals in stages
    with more limits than bits once each stage's are kept apart (`epochs`). Such runs go to the
    reference engine: the same answers, slower."""
    limits = sum(len(r.limits) for r in scenario.ratifiers)
    if scenario.stages is not None and limits * epochs(scenario) > MAX_BITS:
        return (
            f"deals in stages ([stages]) with {limits} ratifier limits in each of "
            f"{epochs(scenario)} possible stages, more than the compiled engine's {MAX_BITS} bits"
        )
    space = scenario.space
    widest = max(
        (n for n, issue in zip(space.shape, space.issues, strict=True) if not is_share(issue)),
        default=0,
    )
    if widest > MAX_GRID:
        return (
            f"an issue of {widest:,} values, more than the compiled engine's {MAX_GRID:,} (it "
            "keeps the distance between every two values of an issue)"
        )
    if len(scenario.ratifiers) > MAX_BITS or limits > MAX_BITS:
        return f"more than {MAX_BITS} ratifiers or ratifier limits"
    return None


def epochs(scenario: Scenario) -> int:
    """How many status quos a run can see: one, and one more per possible stop-gap (at most one
    a meeting). A veto is judged against the status quo of its own stage, so the compiled loop
    keeps each stage's limit masks apart (rows j + L·stage; bits of an int64)."""
    return 1 if scenario.stages is None else 1 + len(scenario.calendar.meetings)


class Structure(NamedTuple):
    """What every run of one scenario shares (days as proleptic ordinals)."""

    slot_time: np.ndarray  # f8[P, S]: each party's relative time at each offer slot
    first: np.ndarray  # i8[M + 1]: first slot of each meeting
    day: np.ndarray  # i8[M]: first day of each meeting
    last: np.ndarray  # i8[M]: last day of each meeting
    start_time: np.ndarray  # f8[P, M]: each party's relative time at each meeting's start
    deadline: int
    end: int
    event_party: np.ndarray  # i8[E]
    event_day: np.ndarray  # i8[E]
    threat_party: np.ndarray  # i8[T]: seat threatened (−1: none)
    threat_start: np.ndarray  # i8[T]
    rat_party: np.ndarray  # i8[Q]: seat of each ratifier
    rat_start: np.ndarray  # i8[Q]
    rat_end: np.ndarray  # i8[Q]
    lim_rat: np.ndarray  # i8[L]: ratifier of each limit
    lim_issue: np.ndarray  # i8[L]
    lim_numeric: np.ndarray  # b1[L]
    lim_base: np.ndarray  # f8[L]: status-quo value (NaN: no numeric, non-zero base)
    lim_fixed: np.ndarray  # b1[L, G]: allowed grid values of a scope or choice limit
    grid: np.ndarray  # f8[I, G]: numeric issues' grid values
    stage_issue: int  # deals in stages: the years issue (−1: no [stages])
    stage_max: float  # an agreement running at most this many years is a stop-gap
    interim: int  # the interim terms' outcome (−1: none)
    lim_issue_all: np.ndarray  # i8[L·epochs]: each stage's limit rows' issues
    chair: int  # single text: the chair's seat (−1: neutral; −2: alternating offers)
    chair_step: float  # single text: the first revision's step
    chair_shrink: float  # single text: each later step's factor
    quo: int  # the status quo's outcome (a neutral chair's first text)
    numeric: np.ndarray  # b1[I]: whether issue i is numeric (else a weight per option)
    strides: np.ndarray  # i8[I]: an outcome's index is Σ position_i · strides_i


class Runs(NamedTuple):
    """What differs from run to run: one row per run (P seats, E events, T threats, Q
    ratifiers, L limits; NaN stands for an unset optional number)."""

    vid: np.ndarray  # i8[R, P]: valuation of each seat (index into the pool)
    rat_vid: np.ndarray  # i8[R, Q]: valuation each ratifier judges utility by
    top: np.ndarray  # i8[R, P]: lowest index of the seat's best outcome
    opening: np.ndarray  # i8[R, P]: stated opening (−1: none)
    r0: np.ndarray  # f8[R, P]
    lapse: np.ndarray  # f8[R, P]
    event_change: np.ndarray  # f8[R, E]
    threat_change: np.ndarray  # f8[R, T]
    threat_cred: np.ndarray  # f8[R, T]
    code: np.ndarray  # i8[R, P]: the seat's compiled form (`dispatch.forms`)
    wrapper: np.ndarray  # i8[R, P]: the wrapper around it (−1: none)
    params: np.ndarray  # f8[R, P, W]: the parameters the form names, in its order
    wrapper_params: np.ndarray  # f8[R, P, W']: the wrapper's
    min_utility: np.ndarray  # f8[R, Q]
    lim_min: np.ndarray  # f8[R, L]
    lim_max: np.ndarray  # f8[R, L]
    lim_min_pct: np.ndarray  # f8[R, L]
    lim_max_pct: np.ndarray  # f8[R, L]

    def take(self, rows: np.ndarray) -> Runs:
        """The runs at `rows`."""
        return Runs(*(np.ascontiguousarray(a[rows]) for a in self))


def _ordinal(day: dt.date | None, missing: int) -> int:
    return missing if day is None else day.toordinal()


def structure(scenario: Scenario) -> Structure:
    """The shared arrays of `scenario` (see `Structure`)."""
    calendar = scenario.calendar
    space = scenario.space
    parties = scenario.parties
    names = [p.name for p in parties]
    meetings = calendar.meetings
    first = np.zeros(len(meetings) + 1, dtype=np.int64)
    for m, meeting in enumerate(meetings):
        first[m + 1] = first[m] + meeting.offers
    slot_time = np.zeros((len(parties), int(first[-1])))
    start_time = np.zeros((len(parties), len(meetings)))
    for p, party in enumerate(parties):
        for m, meeting in enumerate(meetings):
            spacing = meeting.days / max(meeting.offers, 1)
            for k in range(meeting.offers):
                slot_time[p, first[m] + k] = calendar.time_fraction(
                    meeting.date, k * spacing, party.deadline
                )
            start_time[p, m] = calendar.time_fraction(meeting.date, 0.0, party.deadline)
    events = [(p, e) for p, party in enumerate(parties) for e in party.events]
    limits = [(q, limit) for q, r in enumerate(scenario.ratifiers) for limit in r.limits]
    if not fits(scenario):
        raise ValueError(
            f"the compiled engine holds at most {MAX_BITS} ratifiers and limits, and no stages"
        )
    issues = [space.names.index(limit.issue) for _, limit in limits]
    chair, step, shrink, quo, numeric, strides = _single_text(scenario)
    widest = max(space.shape)
    grid = np.zeros((len(space.issues), widest))
    for i, issue in enumerate(space.issues):
        if issue.numeric:
            grid[i, : space.shape[i]] = np.asarray(space.grids[i], dtype=float)
    return Structure(
        slot_time,
        first,
        np.array([m.date.toordinal() for m in meetings], dtype=np.int64),
        np.array([m.last_day.toordinal() for m in meetings], dtype=np.int64),
        start_time,
        calendar.deadline.toordinal(),
        calendar.end.toordinal(),
        np.array([p for p, _ in events], dtype=np.int64),
        np.array([e.date.toordinal() for _, e in events], dtype=np.int64),
        np.array(
            [names.index(t.against) if t.against in names else -1 for t in scenario.threats],
            dtype=np.int64,
        ),
        np.array([_ordinal(t.start, NEVER_BEFORE) for t in scenario.threats], dtype=np.int64),
        np.array([names.index(r.party) for r in scenario.ratifiers], dtype=np.int64),
        np.array([_ordinal(r.start, NEVER_BEFORE) for r in scenario.ratifiers], dtype=np.int64),
        np.array([_ordinal(r.end, NEVER_AFTER) for r in scenario.ratifiers], dtype=np.int64),
        np.array([q for q, _ in limits], dtype=np.int64),
        np.array(issues, dtype=np.int64),
        np.array([space.issues[i].numeric for i in issues], dtype=np.bool_),
        np.array([_base(scenario, limit) for _, limit in limits], dtype=float),
        _fixed_masks(space, [limit for _, limit in limits], scenario, widest),
        grid,
        *_stages(scenario, issues),
        chair,
        step,
        shrink,
        quo,
        numeric,
        strides,
    )


def _single_text(scenario: Scenario) -> tuple[int, float, float, int, np.ndarray, np.ndarray]:
    """The protocol's fields of a structure: the chair's seat (−1 neutral, −2 no single text),
    its step and shrink, the status quo's outcome, which issues are numeric, the strides."""
    space = scenario.space
    numeric = np.array([issue.numeric for issue in space.issues], dtype=np.bool_)
    strides = np.ones(len(space.shape), dtype=np.int64)
    for i in range(len(space.shape) - 2, -1, -1):
        strides[i] = strides[i + 1] * space.shape[i + 1]
    quo = space.index_of(scenario.status_quo.terms)
    protocol = scenario.protocol
    if protocol is None:
        return -2, float("nan"), float("nan"), quo, numeric, strides
    names = [p.name for p in scenario.parties]
    chair = -1 if protocol.chair is None else names.index(protocol.chair)
    return chair, float(protocol.step), float(protocol.shrink), quo, numeric, strides


def _stages(scenario: Scenario, issues: list[int]) -> tuple[int, float, int, np.ndarray]:
    """The `[stages]` fields of a structure: years issue, max years, interim outcome, and the
    limit rows' issues repeated for each stage."""
    stages = scenario.stages
    all_rows = np.array(issues * epochs(scenario), dtype=np.int64)
    if stages is None:
        return -1, float("nan"), -1, all_rows
    issue = scenario.space.names.index(stages.issue)
    interim = -1 if stages.interim is None else scenario.space.index_of(stages.interim)
    return issue, float(stages.max_years), interim, all_rows


def _base(scenario: Scenario, limit: Limit) -> float:
    """The status-quo value a limit's % change is measured from (NaN when none applies)."""
    return limit.base(scenario.status_quo.terms)


def _fixed_masks(
    space: OutcomeSpace, limits: Sequence[Limit], scenario: Scenario, widest: int
) -> np.ndarray:
    """Allowed grid values of each limit on a scope or choice issue (`Limit.violation`)."""
    from burdenshare.model import Offer

    out = np.zeros((len(limits), widest), dtype=np.bool_)
    for j, limit in enumerate(limits):
        i = space.names.index(limit.issue)
        if space.issues[i].numeric:
            continue
        base = Offer(((limit.issue, scenario.status_quo.terms[limit.issue]),))
        for g, value in enumerate(space.grids[i]):
            out[j, g] = limit.violation(Offer(((limit.issue, value),)), base) is None
    return out


@dataclass(frozen=True)
class StrategyCode:
    """A strategy as the compiled loop reads it: its form's code and parameter values (by the
    names the form declares), and its wrapper's (code −1: none)."""

    code: int
    names: tuple[str, ...]
    values: tuple[float, ...]
    wrapper: int = -1
    wrapper_values: tuple[float, ...] = ()


def _values(strategy: object, names: tuple[str, ...]) -> tuple[float, ...]:
    return tuple(float(getattr(strategy, name)) for name in names)


def strategy_code(strategy: Strategy) -> StrategyCode | None:
    """The numbers of `strategy`, or None when its class (or a wrapper's inner strategy's) has
    no compiled form in the registry."""
    inner_forms, wrappers = dispatch.forms()
    form = compiled_form(strategy)
    if isinstance(form, CompiledWrapper):
        inner: object = getattr(strategy, "wrapped", None)
        found = compiled_form(inner)
        if not isinstance(found, CompiledForm):
            return None
        code = inner_forms.index(found)
        wrapped = _values(inner, found.params)
        return StrategyCode(
            code, found.params, wrapped, wrappers.index(form), _values(strategy, form.params)
        )
    if isinstance(form, CompiledForm):
        return StrategyCode(inner_forms.index(form), form.params, _values(strategy, form.params))
    return None


def _optional(value: float | None) -> float:
    return float("nan") if value is None else float(value)


def runs(
    scenario: Scenario,
    strategies: Sequence[StrategyCode],
    vids: Sequence[int],
    rat_vids: Sequence[int],
    utilities: Sequence[np.ndarray],
) -> Runs:
    """One row for `scenario` with `strategies` per seat; `vids` / `rat_vids`
    index each seat's / ratifier's valuation in the pool, `utilities` each seat's utilities
    (for its best outcome, lowest index on ties)."""
    space = scenario.space
    parties = scenario.parties
    limits = [limit for r in scenario.ratifiers for limit in r.limits]
    opening = [space.index_of(p.opening) if p.opening is not None else -1 for p in parties]
    inner_forms, wrappers = dispatch.forms()
    params = np.zeros((1, len(parties), dispatch.width(inner_forms)))
    wrapper_params = np.zeros((1, len(parties), dispatch.width(wrappers)))
    for p, s in enumerate(strategies):
        params[0, p, : len(s.values)] = s.values
        wrapper_params[0, p, : len(s.wrapper_values)] = s.wrapper_values

    def row(values: Sequence[float | int | bool], dtype: type) -> np.ndarray:
        return np.asarray(values, dtype=dtype).reshape(1, -1)

    return Runs(
        row(vids, np.int64),
        row(rat_vids, np.int64),
        row([int(np.argmax(u)) for u in utilities], np.int64),
        row(opening, np.int64),
        row([p.reservation_value for p in parties], np.float64),
        row([p.lapse_change_per_month for p in parties], np.float64),
        row([e.change for p in parties for e in p.events], np.float64),
        row([t.change for t in scenario.threats], np.float64),
        row([t.credibility for t in scenario.threats], np.float64),
        row([s.code for s in strategies], np.int64),
        row([s.wrapper for s in strategies], np.int64),
        params,
        wrapper_params,
        row([_optional(r.min_utility) for r in scenario.ratifiers], np.float64),
        row([_optional(x.min) for x in limits], np.float64),
        row([_optional(x.max) for x in limits], np.float64),
        row([_optional(x.min_change_pct) for x in limits], np.float64),
        row([_optional(x.max_change_pct) for x in limits], np.float64),
    )


def valuations_of(scenario: Scenario) -> tuple[list[Valuation], list[int], list[int]]:
    """The distinct valuations a run of `scenario` needs (seats first, then ratifiers' own),
    with each seat's and each ratifier's index among them."""
    found: list[Valuation] = []

    def index(valuation: Valuation) -> int:
        for i, v in enumerate(found):
            if v is valuation or v == valuation:
                return i
        found.append(valuation)
        return len(found) - 1

    seats = [index(p.valuation) for p in scenario.parties]
    names = [p.name for p in scenario.parties]
    ratifiers = [
        index(r.valuation) if r.valuation is not None else seats[names.index(r.party)]
        for r in scenario.ratifiers
    ]
    return found, seats, ratifiers
