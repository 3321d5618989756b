"""Deals in stages: a stop-gap agreement (an extension or an interim amount for k years), after
which the talks go on, on the calendar, toward the long deal.

The rule, stated once: an agreement is a stop-gap when its `issue` (a count of years) is at most
`max_years` (`rules.is_stopgap`). A stop-gap agreed on day d with k years makes its terms the
status quo, expiring k years after the expiry it replaces; the deadline moves to the new expiry
and the talks continue at the next meeting, where ratifiers' limits relative to the status quo
refer to the new one. With `interim` terms, the stop-gap is also put to the parties when the
last meeting before a deadline ends without a deal: each party accepts it when its utility is at
least its no-deal value at the end of the k years of lapse it averts (`rules.stopgap_acceptable`),
and the ratifiers vote as on any deal, except that limits on the years issue bind only the long
deal (a stop-gap is short by definition).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from burdenshare.model.calendar import Calendar
from burdenshare.model.offers import Offer
from burdenshare.model.ratifiers import Ratifier
from burdenshare.model.rules import add_years_ordinal, is_stopgap, stage_years


@dataclass(frozen=True)
class Stages:
    """What counts as a stop-gap (`issue` ≤ `max_years`), the optional interim terms put to the
    parties before a deadline passes, and the status quo's label after a stop-gap."""

    issue: str
    max_years: float
    interim: Offer | None = None
    label: str = "stop-gap"
    source: str = ""

    def years(self, terms: Offer) -> float:
        """How many years `terms` run (their value on the years issue)."""
        value = terms[self.issue]
        assert isinstance(value, int | float)
        return float(value)

    def is_stopgap(self, terms: Offer) -> bool:
        """Whether an agreement on `terms` is a stop-gap (talks go on after it)."""
        return is_stopgap(self.years(terms), self.max_years)

    def expiry_after(self, expiry: dt.date, terms: Offer) -> dt.date:
        """The expiry a stop-gap on `terms` sets: its years after the `expiry` it replaces."""
        return add_years(expiry, stage_years(self.years(terms)))

    def ratifiers(self, ratifiers: tuple[Ratifier, ...]) -> tuple[Ratifier, ...]:
        """The ratifiers as they vote on a stop-gap: without their limits on the years issue."""
        return tuple(
            replace(r, limits=tuple(lim for lim in r.limits if lim.issue != self.issue))
            for r in ratifiers
        )


@dataclass(frozen=True)
class Stage:
    """One agreement of a staged run: a stop-gap (with the expiry it sets) or the final deal."""

    date: dt.date
    terms: Offer
    utilities: tuple[float, ...]
    meeting: int | None
    stopgap: bool
    expiry: dt.date | None = None
    summary: str = ""

    def to_dict(self, parties: tuple[str, ...]) -> dict[str, Any]:
        """JSON-ready form: date, kind (`stop-gap` or `final`), terms, utilities, meeting, the
        new expiry of a stop-gap and the terms in words."""
        out: dict[str, Any] = {
            "date": self.date.isoformat(),
            "kind": "stop-gap" if self.stopgap else "final",
            "terms": self.terms.to_json(),
            "utilities": {p: round(u, 6) for p, u in zip(parties, self.utilities, strict=True)},
        }
        if self.meeting is not None:
            out["meeting"] = self.meeting
        if self.expiry is not None:
            out["expiry"] = self.expiry.isoformat()
        if self.summary:
            out["summary"] = self.summary
        return out


def add_years(day: dt.date, years: int) -> dt.date:
    """`day` moved `years` calendar years on (29 February becomes 28 February; the rule the
    compiled engine runs on ordinals, `rules.add_years_ordinal`)."""
    return dt.date.fromordinal(add_years_ordinal(day.toordinal(), years))


def interim_due(calendar: Calendar, meeting: int) -> bool:
    """Whether meeting `meeting` is the last to end on or before the deadline (the interim
    terms are put to the parties when it ends without a deal)."""
    meetings = calendar.meetings
    m = meetings[meeting]
    if m.last_day > calendar.deadline:
        return False
    return meeting + 1 == len(meetings) or meetings[meeting + 1].date > calendar.deadline
