"""Parties to the negotiation: valuation, reservation value and how it moves, strategy, linkages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from burdenshare.model.offers import Offer
from burdenshare.model.rules import DAYS_PER_MONTH as DAYS_PER_MONTH  # where callers find it
from burdenshare.model.rules import reservation_value
from burdenshare.model.valuation import Valuation


@dataclass(frozen=True)
class ReservationEvent:
    """A dated change to a party's reservation value (e.g. the April 2020 USFK furlough)."""

    date: dt.date
    change: float
    label: str = ""
    source: str = ""


@dataclass(frozen=True)
class SideIssue:
    """A linked issue the party values but which is off the negotiating table.

    `value` is the utility the party expects it to add to any agreement (e.g. arms purchases
    that would follow a settled dispute); it does not enter offers.
    """

    name: str
    value: float
    label: str = ""
    source: str = ""


@dataclass(frozen=True)
class Threat:
    """A threat by one party that lowers another party's no-deal value (its BATNA).

    The target's reservation value changes by `credibility · change` from `start` on.
    """

    name: str
    by: str
    against: str
    change: float
    credibility: float = 1.0
    start: dt.date | None = None
    label: str = ""
    source: str = ""

    def effect(self, day: dt.date) -> float:
        """The change to the target's reservation value in force on `day`."""
        if self.start is not None and day < self.start:
            return 0.0
        return self.credibility * self.change


@dataclass(frozen=True)
class StrategySpec:
    """A strategy by registry name with its parameters."""

    name: str
    params: tuple[tuple[str, float | str], ...] = ()

    def as_dict(self) -> dict[str, float | str]:
        """Parameters as a dict."""
        return dict(self.params)

    def render(self) -> str:
        """`name:param=value,…` as accepted by `--strategy`."""
        if not self.params:
            return self.name
        return self.name + ":" + ",".join(f"{k}={v}" for k, v in self.params)


@dataclass(frozen=True)
class Party:
    """A negotiating party (e.g. the ROK government's delegation).

    `deadline` is the party's own deadline (Faratin et al. 1998's t_max for this agent), the
    date by which its strategy has conceded to its reservation value; the calendar's end if unset.
    """

    name: str
    valuation: Valuation
    reservation_value: float
    strategy: StrategySpec
    label: str = ""
    opening: Offer | None = None
    lapse_change_per_month: float = 0.0
    events: tuple[ReservationEvent, ...] = ()
    monthly_discount: float = 1.0
    side_issues: tuple[SideIssue, ...] = ()
    deadline: dt.date | None = None
    rationale: str = ""
    source: str = ""

    def reservation_at(
        self, day: dt.date, deadline: dt.date, threats: tuple[Threat, ...] = ()
    ) -> float:
        """The utility of no deal on `day`: base, lapse drift after the deadline, events, threats.

        r(d) = r0 + λ · months(d − deadline)⁺ + Σ events on or before d + Σ credibility·change,
        kept within [0, 1] (`rules.reservation_value`).
        """
        return reservation_value(
            self.reservation_value,
            self.lapse_change_per_month,
            (day - deadline).days,
            sum(e.change for e in self.events if e.date <= day),
            sum(t.effect(day) for t in threats if t.against == self.name),
        )

    def side_value(self) -> float:
        """Utility the linked side issues add to any agreement."""
        return sum(s.value for s in self.side_issues)

    @property
    def display(self) -> str:
        """Label if given, else name."""
        return self.label or self.name
