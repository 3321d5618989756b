"""Shared builders for tests: small scenarios in code, scripted opponents, hypothesis strategies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import ClassVar

import numpy as np
from hypothesis import strategies as st

from burdenshare.model import (
    Calendar,
    ChoiceIssue,
    CountIssue,
    LinearValue,
    Meeting,
    MoneyIssue,
    Offer,
    OutcomeSpace,
    Party,
    Ratifier,
    Scenario,
    ScopeIssue,
    StatusQuo,
    StrategySpec,
    Valuation,
)
from burdenshare.model.issues import Category
from burdenshare.model.ratifiers import Limit
from burdenshare.strategies import NegotiatorView

START = dt.date(2020, 1, 1)


def money_issue(low: float = 0.0, high: float = 100.0, step: float = 1.0) -> MoneyIssue:
    """A single money issue, USD, whole units."""
    return MoneyIssue("amount", low, high, step, currency="USD")


def one_issue_scenario(
    meetings: int = 10,
    offers: int = 2,
    reservations: tuple[float, float] = (0.0, 0.0),
    strategies: tuple[StrategySpec, StrategySpec] = (
        StrategySpec("linear"),
        StrategySpec("linear"),
    ),
    ratifiers: tuple[Ratifier, ...] = (),
    deadline_index: int | None = None,
    lapse: tuple[float, float] = (0.0, 0.0),
) -> Scenario:
    """Buyer (wants low amount) and seller (wants high) over one money issue, weekly meetings."""
    space = OutcomeSpace((money_issue(),))
    dates = [START + dt.timedelta(days=7 * i) for i in range(meetings)]
    calendar = Calendar(
        tuple(Meeting(d, "Geneva", f"Round {i + 1}", 1, offers) for i, d in enumerate(dates)),
        dates[deadline_index] if deadline_index is not None else dates[-1],
        dates[-1] + dt.timedelta(days=7),
    )
    seller = Party(
        "seller",
        Valuation((("amount", 1.0),), (("amount", LinearValue("rising")),)),
        reservations[0],
        strategies[0],
        lapse_change_per_month=lapse[0],
    )
    buyer = Party(
        "buyer",
        Valuation((("amount", 1.0),), (("amount", LinearValue("falling")),)),
        reservations[1],
        strategies[1],
        lapse_change_per_month=lapse[1],
    )
    return Scenario(
        name="toy",
        title="toy",
        space=space,
        status_quo=StatusQuo(Offer.of({"amount": 50.0}), calendar.deadline, "old"),
        parties=(seller, buyer),
        calendar=calendar,
        ratifiers=ratifiers,
    )


def two_issue_space() -> OutcomeSpace:
    """Money 0..100 step 10 and duration 1..5 years."""
    return OutcomeSpace((money_issue(0, 100, 10), CountIssue("years", 1, 5, 1, unit="years")))


@dataclass(frozen=True)
class Scripted:
    """A scripted opponent: proposes the given amounts in turn (repeating the last), accepts when
    the offered amount reaches `accept_at` (from its own side: at most for a buyer)."""

    amounts: tuple[float, ...]
    accept_at: float | None = None
    buyer: bool = True
    name: ClassVar[str] = "scripted"
    tags: ClassVar[frozenset[str]] = frozenset({"test"})

    def target(self, view: NegotiatorView) -> float:
        return 1.0

    def propose(self, view: NegotiatorView) -> Offer:
        n = len(view.own_offers())
        return Offer.of({"amount": self.amounts[min(n, len(self.amounts) - 1)]})

    def accepts(self, view: NegotiatorView, offer: Offer) -> bool:
        if self.accept_at is None:
            return False
        value = float(offer["amount"])  # type: ignore[arg-type]
        return value <= self.accept_at if self.buyer else value >= self.accept_at


def limit(issue: str, **kwargs: float) -> Limit:
    """A ratifier limit (shorthand)."""
    return Limit(issue, **kwargs)  # type: ignore[arg-type]


STRATEGY_SPECS = st.sampled_from(
    [
        StrategySpec("boulware"),
        StrategySpec("linear"),
        StrategySpec("conceder"),
        StrategySpec("time-dependent", (("e", 0.5), ("k", 0.1))),
        StrategySpec("anchoring", (("hold", 2), ("e", 1.5))),
        StrategySpec("tit-for-tat"),
        StrategySpec("tit-for-tat", (("delta", 2),)),
        StrategySpec("ratification-aware", (("inner", "boulware"),)),
        StrategySpec("ratification-aware", (("inner", "anchoring"), ("hold", 1))),
    ]
)


@st.composite
def calendars(
    draw: st.DrawFn, max_gap: int = 60, max_offers: int = 4, max_tail: int = 90
) -> Calendar:
    """1–6 meetings at random gaps from START, 1–3 days and 1–`max_offers` offers each; the
    deadline on one of them, the end up to `max_tail` days after the last."""
    count = draw(st.integers(1, 6))
    gaps = draw(st.lists(st.integers(1, max_gap), min_size=count, max_size=count))
    dates, day = [], START
    for gap in gaps:
        day += dt.timedelta(days=gap)
        dates.append(day)
    meetings = tuple(
        Meeting(d, "here", f"R{i}", draw(st.integers(1, 3)), draw(st.integers(1, max_offers)))
        for i, d in enumerate(dates)
    )
    deadline = dates[draw(st.integers(0, count - 1))]
    end = dates[-1] + dt.timedelta(days=draw(st.integers(0, max_tail)))
    return Calendar(meetings, deadline, end)


@st.composite
def random_scenarios(draw: st.DrawFn) -> Scenario:
    """Random two-issue scenarios: valuations, reservations, strategies, calendar, a ratifier."""
    space = two_issue_space()
    directions = ["rising", "falling"]
    parties = []
    for name in ("A", "B"):
        weight = draw(st.floats(0.05, 0.95))
        valuation = Valuation(
            (("amount", weight), ("years", 1.0 - weight)),
            (
                ("amount", LinearValue(draw(st.sampled_from(directions)))),  # type: ignore[arg-type]
                ("years", LinearValue(draw(st.sampled_from(directions)))),  # type: ignore[arg-type]
            ),
        )
        parties.append(
            Party(
                name,
                valuation,
                draw(st.floats(0.0, 0.6)),
                draw(STRATEGY_SPECS),
                opening=Offer.of({"amount": draw(st.sampled_from([0.0, 50.0, 100.0])), "years": 3}),
                lapse_change_per_month=draw(st.sampled_from([0.0, -0.05])),
            )
        )
    calendar = draw(calendars())
    deadline = calendar.deadline
    ratifiers: tuple[Ratifier, ...] = ()
    if draw(st.booleans()):
        ratifiers = (
            Ratifier("senate", "A", (Limit("amount", min=draw(st.sampled_from([20.0, 60.0]))),)),
        )
    return Scenario(
        "random",
        "random",
        space,
        StatusQuo(Offer.of({"amount": 50.0, "years": 1}), deadline, "old"),
        tuple(parties),
        calendar,
        ratifiers=ratifiers,
    )


# Small spaces of every issue kind, for kernel and cache tests.
SMALL_SPACES = (
    OutcomeSpace((MoneyIssue("amount", 0.0, 100.0, 10.0), CountIssue("years", 1, 5, 1))),
    OutcomeSpace(
        (
            ChoiceIssue("venue", ("Seoul", "Washington", "Honolulu")),
            ScopeIssue(
                "scope", (Category("labor"), Category("rotation"), Category("base", fixed=True))
            ),
            MoneyIssue("amount", 0.0, 1.0, 0.25),
        )
    ),
)


def store_chunk(
    runs: range, utilities: np.ndarray | None = None, inputs: int = 2
) -> dict[str, np.ndarray]:
    """Rows of a results store's `runs` table for `runs` (an agreement each, 0.5 to every party
    unless `utilities` says otherwise), as `Store.write` takes them."""
    n = len(runs)
    return {
        "run": np.array(runs, dtype=np.int64),
        "seed": np.arange(n, dtype=np.uint64),
        "inputs": np.arange(inputs * n, dtype=float).reshape(n, inputs) / 4,
        "status": np.array(["agreement"] * n, dtype=object),
        "status_code": np.ones(n, dtype=np.int8),
        "during_lapse": np.zeros(n, dtype=bool),
        "date": np.array(["2020-01-01"] * n, dtype="datetime64[s]"),
        "days": np.zeros(n, dtype=np.int32),
        "meeting": np.zeros(n, dtype=np.int32),
        "vetoes": np.zeros(n, dtype=np.int32),
        "vetoed_by": np.array(["[]"] * n, dtype=object),
        "outcome": np.zeros(n, dtype=np.int64),
        "terms": np.array(["{}"] * n, dtype=object),
        "utilities": np.full((n, 2), 0.5) if utilities is None else utilities,
        "engine": np.array(["batch"] * n, dtype=object),
    }


def later_facts_changed(scenario: Scenario) -> Scenario:
    """Every fact dated after the information date changed: later meetings moved and resized,
    later events and threats altered, later ratifiers' limits and term ends changed (not a term
    end fixed in advance that the projection names as an election's: that was known)."""
    as_of = scenario.information_date
    assert as_of is not None
    fixed = {e.ratifier for e in scenario.projection.elections} if scenario.projection else set()
    meetings = tuple(
        replace(m, date=m.date + dt.timedelta(days=3), offers=m.offers + 3, days=1)
        if m.last_day > as_of
        else m
        for m in scenario.calendar.meetings
    )
    parties = tuple(
        replace(
            p,
            events=tuple(
                replace(e, change=e.change * -3) if e.date > as_of else e for e in p.events
            ),
        )
        for p in scenario.parties
    )
    ratifiers = tuple(
        replace(r, limits=tuple(replace(x, min=None, max=None) for x in r.limits))
        if r.start is not None and r.start > as_of
        else replace(r, end=as_of + dt.timedelta(days=40))
        if r.end is not None and r.end > as_of and r.name not in fixed
        else r
        for r in scenario.ratifiers
    )
    threats = tuple(
        replace(t, change=t.change * 2) if t.start is not None and t.start > as_of else t
        for t in scenario.threats
    )
    calendar = Calendar(meetings, scenario.calendar.deadline, scenario.calendar.end)
    return replace(
        scenario, calendar=calendar, parties=parties, ratifiers=ratifiers, threats=threats
    )
