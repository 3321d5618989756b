"""The reference engine: one negotiation, step by step, on the scenario's calendar.

Protocol: alternating offers for two parties, stacked alternating offers for more (Aydoğan et
al. 2014), in meetings on dates. The turn passes round the parties in file order, continuing
from one meeting to the next. An offer is put to the other parties in turn; the first rejection
passes the turn on. When all accept, the tentative deal goes to every ratifier in office on the
meeting's last day; a veto sends the talks back to the next meeting, an approval ends them with
an agreement. With a `[stages]` section, an agreement that is a stop-gap (`model/stages.py`)
becomes the status quo, the deadline moves to its expiry and the talks go on at the next
meeting; interim terms are put to the parties when the last meeting before a deadline ends
without a deal. Past the deadline the status quo has lapsed and reservation values drift as each
party's lapse says. After the last meeting the talks break down on the calendar's end date.
With `[protocol] kind = "single-text"` each offer slot is instead a text a chair tables, every
party answers and objections revise (`model/single_text.py`); only that slot differs
(`_Talks.table`), the rest of the talks is the same code. The engine is deterministic and does
no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np

from burdenshare.engine.result import Event, NegotiationResult, Outcome
from burdenshare.model import Offer, Scenario
from burdenshare.model.parties import DAYS_PER_MONTH
from burdenshare.model.rules import stopgap_acceptable
from burdenshare.model.single_text import Draft, SingleText, draft_of, revise, text_of
from burdenshare.model.stages import Stage, interim_due
from burdenshare.strategies import NegotiatorView, OfferRecord, Strategy, VetoRecord, build
from burdenshare.strategies.registry import spec_of


def default_strategies(scenario: Scenario) -> dict[str, Strategy]:
    """Each party's strategy as its scenario entry states."""
    return {
        p.name: build(p.strategy.name, p.strategy.as_dict(), f"parties.{p.name}.strategy")
        for p in scenario.parties
    }


def _dated_events(scenario: Scenario) -> list[Event]:
    """Deadline, reservation events and threats, as trace events in date order."""
    events = [
        Event(
            scenario.calendar.deadline,
            "deadline",
            detail="status quo expires; a lapse begins if there is no agreement",
        )
    ]
    for party in scenario.parties:
        for e in party.events:
            events.append(
                Event(
                    e.date, "reservation_change", party.name, detail=f"{e.label} ({e.change:+.3f})"
                )
            )
    for threat in scenario.threats:
        if threat.start is not None:
            text = f"threat by {threat.by}: {threat.label or threat.name}"
            events.append(Event(threat.start, "reservation_change", threat.against, detail=text))
    return sorted(events, key=lambda e: e.date)


_new = tuple.__new__
"""Builds a named tuple from all its fields in order, without the keyword-handling `__new__`
of the class: the engine builds two views and two events for every offer."""


class _Talks:
    """Mutable bookkeeping of one run; the result it returns is immutable."""

    def __init__(
        self,
        scenario: Scenario,
        strategies: Mapping[str, Strategy],
        seed: int,
        labels: Mapping[str, str],
    ) -> None:
        self.scenario = scenario
        self.strategies = strategies
        self.labels = labels
        self.seed = seed
        self.names = tuple(p.name for p in scenario.parties)
        self.trace: list[Event] = []
        self.history: tuple[OfferRecord, ...] = ()  # grows by one; views share it, no copy
        self.vetoes: dict[str, tuple[VetoRecord, ...]] = dict.fromkeys(self.names, ())
        self.pending = _dated_events(scenario)
        self.veto_count = 0
        self.stages: list[Stage] = []  # the stop-gaps agreed so far
        self.turn = 0  # whose turn it is to propose (alternating offers), round the parties
        # what every step asks again: the parties by name, the description of an offer, each
        # party's utility table over a small space (None for a larger one)
        self.parties = {name: scenario.party(name) for name in self.names}
        self.descriptions: dict[int, str] = {}  # by the offer's flat index
        space = scenario.space
        tables = [p.valuation.table(space) for p in scenario.parties]
        self.values = [t.values for t in tables if t is not None and t.values]
        if len(self.values) < len(tables):
            self.values = []

    def utilities(self, offer: Offer, index: int | None = None) -> tuple[float, ...]:
        """Each party's utility of `offer` (flat index `index`, found if not given), in party
        order (read from the parties' tables over a small space: the numbers
        `Valuation.utility` returns)."""
        space = self.scenario.space
        if self.values:
            if index is None:
                index = space.index_of(offer)
            # a loop, not a comprehension: Python 3.11 runs a comprehension as a function call
            row: list[float] = []
            for values in self.values:
                row.append(values[index])
            return tuple(row)
        return tuple(p.valuation.utility(space, offer) for p in self.scenario.parties)

    def describe(self, offer: Offer, index: int | None = None) -> str:
        """`scenario.describe(offer)`, worded once per outcome: kept by the flat index of
        `offer`, which must then be `space.offer_at(index)` itself (`index` found if not given;
        an offer that is not the space's own outcome object is worded afresh). An integer key
        costs less to look up than an offer."""
        if index is None:
            space = self.scenario.space
            index = space.index_of(offer)
            if space.offer_at(index) is not offer:
                return self.scenario.describe(offer)
        text = self.descriptions.get(index)
        if text is None:
            text = self.descriptions[index] = self.scenario.describe(offer)
        return text

    def flush(self, until: dt.date) -> None:
        """Emit the dated events on or before `until`."""
        while self.pending and self.pending[0].date <= until:
            self.trace.append(self.pending.pop(0))

    def view(
        self, party: str, meeting: int, day: dt.date, offset: float, t: float, reservation: float
    ) -> NegotiatorView:
        """`party`'s view `offset` days into the meeting starting on `day`, with its reservation
        value that day; `t` is the time on the calendar's own horizon, which is the party's
        unless it has a deadline of its own."""
        p = self.parties[party]
        if p.deadline is not None:
            t = self.scenario.calendar.time_fraction(day, offset, p.deadline)
        view: NegotiatorView = _new(
            NegotiatorView,
            (
                party,
                p.valuation,
                self.scenario.space,
                self.scenario.calendar,
                t,
                meeting,
                day,
                reservation,
                p.opening,
                self.history,
                self.vetoes[party],
                p.deadline,
            ),
        )
        return view

    def ratify(
        self, offer: Offer, meeting: int, day: dt.date, stopgap: bool = False
    ) -> list[tuple[str, str]]:
        """Put a tentative deal to every ratifier in office; record votes; return the vetoers
        as (party, ratifier label). A stop-gap is voted on without limits on its years."""
        scenario = self.scenario
        vetoers: list[tuple[str, str]] = []
        ratifiers = scenario.ratifiers
        if stopgap and scenario.stages is not None:
            ratifiers = scenario.stages.ratifiers(ratifiers)
        for ratifier in ratifiers:
            if not ratifier.in_office(day):
                continue
            vote = ratifier.vote(
                scenario.space,
                offer,
                scenario.status_quo.terms,
                scenario.party(ratifier.party).valuation,
            )
            detail = ratifier.display + (f": {vote.reason}" if vote.reason else "")
            self.trace.append(
                Event(
                    day,
                    "ratification_vote",
                    ratifier.party,
                    meeting,
                    offer,
                    accept=vote.accept,
                    detail=detail,
                )
            )
            if not vote.accept:
                vetoers.append((ratifier.party, ratifier.display))
                revealed = tuple(
                    limit
                    for limit in ratifier.limits
                    if limit.violation(offer, scenario.status_quo.terms) is not None
                )
                self.vetoes[ratifier.party] += (
                    VetoRecord(
                        offer, ratifier.name, day, ratifier.end, revealed, scenario.status_quo.terms
                    ),
                )
        return vetoers

    def stopgap(
        self, terms: Offer, utilities: tuple[float, ...], meeting: int, day: dt.date
    ) -> None:
        """Record a stop-gap agreed on `day` and move on to the next stage: its terms are the
        status quo and the deadline moves to its expiry (`Scenario.after_stopgap`)."""
        summary = self.describe(terms)
        self.scenario = self.scenario.after_stopgap(terms)
        self.descriptions = {}  # offers are now described against the new status quo
        expiry = self.scenario.status_quo.expiry
        self.stages.append(Stage(day, terms, utilities, meeting, True, expiry, summary))
        self.trace.append(
            Event(
                day,
                "stopgap",
                meeting=meeting,
                offer=terms,
                utilities=utilities,
                detail=f"{summary}; the status quo until {expiry.isoformat()}, talks go on",
            )
        )
        deadline = Event(
            expiry, "deadline", detail="status quo expires; a lapse begins if there is no agreement"
        )
        kept = [e for e in self.pending if e.kind != "deadline"]
        self.pending = sorted([deadline, *kept], key=lambda e: e.date)

    def interim(self, meeting: int, day: dt.date) -> bool:
        """Put the scenario's interim terms to the parties at the end of the last meeting before
        the deadline; each accepts iff they are worth its no-deal value after the years of lapse
        they avert (`rules.stopgap_acceptable`), then the ratifiers vote. True if agreed."""
        scenario = self.scenario
        assert scenario.stages is not None and scenario.stages.interim is not None
        terms = scenario.stages.interim
        utilities = self.utilities(terms)
        expiry = scenario.stages.expiry_after(scenario.status_quo.expiry, terms)
        text = self.describe(terms)
        self.trace.append(Event(day, "stopgap_offer", None, meeting, terms, utilities, detail=text))
        for name, utility in zip(self.names, utilities, strict=True):
            lapsed = scenario.reservation(name, expiry)
            accept = stopgap_acceptable(utility, lapsed)
            detail = f"no-deal value on {expiry.isoformat()} after a lapse: {lapsed:.3f}"
            self.trace.append(
                Event(day, "response", name, meeting, terms, utilities, accept, detail)
            )
            if not accept:
                return False
        self.trace.append(
            Event(day, "tentative_agreement", None, meeting, terms, utilities, detail=text)
        )
        vetoers = self.ratify(terms, meeting, day, stopgap=True)
        if vetoers:
            self.veto_count += 1
            self.trace.append(
                Event(
                    day,
                    "veto",
                    vetoers[0][0],
                    meeting,
                    terms,
                    utilities,
                    detail=f"vetoed by {', '.join(label for _, label in vetoers)}; no stop-gap",
                )
            )
            return False
        self.stopgap(terms, utilities, meeting, day)
        return True

    def final_stages(self, last: Stage | None) -> tuple[Stage, ...] | None:
        """Every agreement in order for `Outcome.stages` (None without a `[stages]` section)."""
        if self.scenario.stages is None:
            return None
        return (*self.stages, last) if last is not None else tuple(self.stages)

    def table(
        self,
        m: int,
        day: dt.date,
        place: str,
        offset: float,
        t: float,
        reservation: Mapping[str, float],
    ) -> tuple[Offer, tuple[float, ...], str] | None:
        """One offer slot of meeting m, `offset` days in (relative time t): the proposer whose
        turn it is makes an offer and the others answer in turn, the first rejection ending it
        (stacked alternating offers). The offer, its utilities and its proposer if everyone
        accepted, else None."""
        names, strategies, trace = self.names, self.strategies, self.trace
        space = self.scenario.space
        n = len(names)
        start = self.turn % n
        proposer = names[start]
        self.turn += 1
        view = self.view(proposer, m, day, offset, t, reservation[proposer])
        # the outcome nearest the proposal (`space.snap`), its flat index found once for the
        # utilities and the description
        index = space.index_of(strategies[proposer].propose(view))
        offer = space.offer_at(index)
        utilities = self.utilities(offer, index)
        self.history = (*self.history, _new(OfferRecord, (proposer, offer, t, m)))
        # Event fields in order: date, kind, party, meeting, offer, utilities, accept, detail,
        # place, time
        described = self.describe(offer, index)
        trace.append(
            _new(Event, (day, "offer", proposer, m, offer, utilities, None, described, place, t))
        )
        for position in range(1, n):
            responder = names[(start + position) % n]
            rview = self.view(responder, m, day, offset, t, reservation[responder])
            accept = strategies[responder].accepts(rview, offer)
            trace.append(
                _new(Event, (day, "response", responder, m, offer, utilities, accept, "", "", t))
            )
            if not accept:
                return None
        return offer, utilities, proposer

    def run(self) -> NegotiationResult:
        scenario = self.scenario
        calendar = scenario.calendar
        names = self.names
        trace = self.trace
        for m, meeting in enumerate(calendar.meetings):
            self.flush(meeting.date)
            day, place = meeting.date, meeting.place
            last_day = meeting.last_day
            trace.append(Event(day, "meeting_opened", meeting=m, place=place, detail=meeting.label))
            spacing = meeting.days / max(meeting.offers, 1)
            reservation = {name: scenario.reservation(name, day) for name in names}
            staged = False  # a stop-gap was agreed in this meeting
            for k in range(meeting.offers):
                offset = k * spacing
                t = calendar.time_fraction(day, offset)
                tabled = self.table(m, day, place, offset, t, reservation)
                if tabled is None:
                    continue
                offer, utilities, proposer = tabled
                trace.append(
                    Event(
                        last_day,
                        "tentative_agreement",
                        proposer,
                        m,
                        offer,
                        utilities,
                        detail=self.describe(offer),
                    )
                )
                self.flush(last_day)
                stopgap = scenario.stages is not None and scenario.stages.is_stopgap(offer)
                vetoers = self.ratify(offer, m, last_day, stopgap)
                if not vetoers and stopgap:
                    self.stopgap(offer, utilities, m, last_day)
                    scenario, calendar, staged = self.scenario, self.scenario.calendar, True
                    break
                if not vetoers:
                    lapse = last_day > calendar.deadline
                    months = (last_day - calendar.start).days / DAYS_PER_MONTH
                    discounted = tuple(
                        u * p.monthly_discount**months
                        for u, p in zip(utilities, scenario.parties, strict=True)
                    )
                    outcome = Outcome(
                        "agreement",
                        last_day,
                        offer,
                        utilities,
                        m,
                        lapse,
                        self.veto_count,
                        self.describe(offer),
                        discounted,
                        self.final_stages(
                            Stage(last_day, offer, utilities, m, False, None, self.describe(offer))
                        ),
                    )
                    trace.append(
                        Event(
                            last_day,
                            "agreement",
                            meeting=m,
                            offer=offer,
                            utilities=utilities,
                            detail=self.describe(offer),
                        )
                    )
                    return self.result(outcome)
                self.veto_count += 1
                trace.append(
                    Event(
                        last_day,
                        "veto",
                        vetoers[0][0],
                        m,
                        offer,
                        utilities,
                        detail=f"vetoed by {', '.join(label for _, label in vetoers)}; "
                        "talks go back to the next meeting",
                    )
                )
                break
            stages = scenario.stages
            if (
                stages is not None
                and stages.interim is not None
                and not staged
                and interim_due(calendar, m)
            ):
                self.flush(last_day)
                if self.interim(m, last_day):
                    scenario, calendar = self.scenario, self.scenario.calendar
        self.flush(calendar.end)
        trace.append(Event(calendar.end, "breakdown", detail="no agreement by the last date"))
        lapse = calendar.end > calendar.deadline
        return self.result(
            Outcome(
                "no_agreement",
                calendar.end,
                during_lapse=lapse,
                vetoes=self.veto_count,
                stages=self.final_stages(None),
            )
        )

    def result(self, outcome: Outcome) -> NegotiationResult:
        used = tuple(
            (name, self.labels.get(name) or spec_of(self.strategies[name])) for name in self.names
        )
        return NegotiationResult(outcome, tuple(self.trace), self.names, used, self.seed)


class _SingleTextTalks(_Talks):
    """The talks under a single negotiating text (`model/single_text.py`): each offer slot, the
    chair tables the text and every party answers it in file order, an objector asking for its
    amendment (the offer its strategy would make now); the chair then revises the text toward
    the objectors' amendments. Acceptance is each party's own rule, as under alternating offers
    (`Strategy.accepts`: its target and no-deal value that day, a ratification-aware party's
    revealed limits); a text all accept goes to the ratifiers as any tentative deal."""

    def __init__(
        self,
        scenario: Scenario,
        strategies: Mapping[str, Strategy],
        seed: int,
        labels: Mapping[str, str],
        protocol: SingleText,
    ) -> None:
        super().__init__(scenario, strategies, seed, labels)
        self.protocol = protocol
        self.text: Offer | None = None
        self.draft: Draft = ()
        self.revisions = 0

    def table(
        self,
        m: int,
        day: dt.date,
        place: str,
        offset: float,
        t: float,
        reservation: Mapping[str, float],
    ) -> tuple[Offer, tuple[float, ...], str] | None:
        """The chair tables the text; everyone answers; objections revise it."""
        protocol, strategies, trace = self.protocol, self.strategies, self.trace
        space = self.scenario.space
        chair = protocol.display
        if self.text is None:  # the first text: a party chairing proposes, else the status quo
            if protocol.chair is not None:
                view = self.view(protocol.chair, m, day, offset, t, reservation[protocol.chair])
                first = strategies[protocol.chair].propose(view)
            else:
                first = self.scenario.status_quo.terms
            self.text = space.snap(first)
            self.draft = draft_of(space, self.text)
        text = self.text
        utilities = self.utilities(text)
        self.history = (*self.history, _new(OfferRecord, (chair, text, t, m)))
        described = self.describe(text)
        trace.append(
            _new(Event, (day, "offer", chair, m, text, utilities, None, described, place, t))
        )
        amendments: list[tuple[str, Offer]] = []
        for name in self.names:
            view = self.view(name, m, day, offset, t, reservation[name])
            accept = strategies[name].accepts(view, text)
            detail = ""
            if not accept:
                amendment = space.snap(strategies[name].propose(view))
                amendments.append((name, amendment))
                detail = f"asks for {self.describe(amendment)}"
            trace.append(
                _new(Event, (day, "response", name, m, text, utilities, accept, detail, "", t))
            )
        if not amendments:
            return text, utilities, chair
        for name, amendment in amendments:  # tabled after every party has answered the text
            self.history = (*self.history, _new(OfferRecord, (name, amendment, t, m)))
        step = protocol.step_at(self.revisions)
        self.revisions += 1
        self.draft = revise(self.draft, [draft_of(space, a) for _, a in amendments], step)
        self.text = text_of(space, self.draft, keep=text)
        return None


def negotiate(
    scenario: Scenario,
    strategies: Mapping[str, Strategy] | None = None,
    seed: int = 0,
) -> NegotiationResult:
    """Run the talks of `scenario` and return the outcome with its full trace.

    `strategies` overrides the scenario's per party; `seed` seeds any stochastic strategy (the
    built-in strategies are deterministic) and is recorded in the result.
    """
    chosen = default_strategies(scenario)
    chosen.update(strategies or {})
    # Name each strategy as the scenario states it (e.g. `boulware`) unless overridden.
    labels = {
        p.name: p.strategy.render() for p in scenario.parties if p.name not in (strategies or {})
    }
    if type(seed) is not int or seed < 0:  # a non-negative int is always valid
        np.random.SeedSequence(seed)  # validates the seed (a non-negative integer)
    if scenario.protocol is not None:
        return _SingleTextTalks(scenario, chosen, seed, labels, scenario.protocol).run()
    return _Talks(scenario, chosen, seed, labels).run()
