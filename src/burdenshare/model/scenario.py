"""A scenario: everything a negotiation needs, as one immutable value."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from burdenshare.model.calendar import Calendar
from burdenshare.model.issues import MoneyIssue, is_money
from burdenshare.model.money import ExchangeRate, format_money
from burdenshare.model.offers import Offer
from burdenshare.model.parties import Party, Threat
from burdenshare.model.projection import MeetingProjection
from burdenshare.model.ratifiers import Ratifier
from burdenshare.model.single_text import SingleText
from burdenshare.model.space import OutcomeSpace
from burdenshare.model.stages import Stage, Stages

if TYPE_CHECKING:  # only a type here; importing it would load the stakeholder lens at every start
    from burdenshare.stakeholders.actors import StakeholderSet


@dataclass(frozen=True)
class StatusQuo:
    """The expiring deal: its terms, the date it expires, and a short label (e.g. `2019`)."""

    terms: Offer
    expiry: dt.date
    label: str = ""
    source: str = ""


@dataclass(frozen=True)
class Scenario:
    """Issues, status quo, exchange rate, parties, ratifiers, calendar, threats, sources, and
    optionally the stakeholders behind the parties."""

    name: str
    title: str
    space: OutcomeSpace
    status_quo: StatusQuo
    parties: tuple[Party, ...]
    calendar: Calendar
    exchange_rate: ExchangeRate | None = None
    ratifiers: tuple[Ratifier, ...] = ()
    threats: tuple[Threat, ...] = ()
    description: str = ""
    sources: tuple[tuple[str, str], ...] = ()
    # the stakeholder lens: many actors' positions on the issues (`[stakeholders]`), if given
    stakeholders: StakeholderSet | None = None
    # the last date of the information the scenario uses (what was knowable then), if stated
    information_date: dt.date | None = None
    # the forecaster's assumption about meetings after the information date (`[projection]`)
    projection: MeetingProjection | None = None
    # deals in stages: what counts as a stop-gap, after which talks go on (`[stages]`)
    stages: Stages | None = None
    # the protocol: None for (stacked) alternating offers, or a single negotiating text with a
    # chair (`[protocol] kind = "single-text"`)
    protocol: SingleText | None = None

    def party(self, name: str) -> Party:
        """The party called `name`."""
        for party in self.parties:
            if party.name == name:
                return party
        raise KeyError(name)

    def after_stopgap(self, terms: Offer) -> Scenario:
        """The scenario of the next stage after a stop-gap on `terms`: they are the status quo,
        expiring their years after the old expiry, and the deadline moves there."""
        assert self.stages is not None
        expiry = self.stages.expiry_after(self.status_quo.expiry, terms)
        quo = StatusQuo(terms, expiry, self.stages.label, self.stages.source)
        cal = self.calendar
        return replace(self, status_quo=quo, calendar=Calendar(cal.meetings, expiry, cal.end))

    def after_stages(self, stages: tuple[Stage, ...] | None) -> Scenario:
        """The scenario in force after the stop-gaps among `stages` (itself if none)."""
        scenario = self
        for stage in stages or ():
            if stage.stopgap:
                scenario = scenario.after_stopgap(stage.terms)
        return scenario

    def ratifiers_of(self, party: str) -> tuple[Ratifier, ...]:
        """The ratifiers of `party`, in file order."""
        return tuple(r for r in self.ratifiers if r.party == party)

    def reservation(self, party: str, day: dt.date) -> float:
        """`party`'s reservation value on `day` (lapse drift, events and threats applied)."""
        return self.party(party).reservation_at(day, self.calendar.deadline, self.threats)

    def describe_money(self, issue: MoneyIssue, value: float) -> str:
        """An amount in its currency, in the other currency of the rate, and as a multiple of the
        status quo, e.g. `KRW 1.17 tn (USD 1.00 bn, 1.13× 2019)`."""
        amount = issue.to_currency_units(value)
        text = format_money(amount, issue.currency)
        extras = []
        rate = self.exchange_rate
        other = rate.other(issue.currency) if rate else None
        if rate is not None and other is not None:
            extras.append(format_money(rate.convert(amount, issue.currency, other), other))
        base = self.status_quo.terms.get(issue.name)
        if isinstance(base, int | float) and base > 0:
            label = f" {self.status_quo.label}" if self.status_quo.label else " status quo"
            extras.append(f"{value / base:.2f}×{label}")
        return f"{text} ({', '.join(extras)})" if extras else text

    def describe(self, offer: Offer) -> str:
        """An offer in human terms, issue by issue, joined with ` · `."""
        parts = []
        for issue in self.space.issues:
            value = offer[issue.name]
            if is_money(issue):
                assert isinstance(value, int | float)
                parts.append(self.describe_money(issue, float(value)))
            else:
                parts.append(issue.describe(value))
        return " · ".join(parts)
