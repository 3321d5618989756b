"""What a negotiator sees: its own valuation, the clock and calendar, and the offers so far.

Never another party's valuation (DESIGN.md: strategies see only what a negotiator would see).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from burdenshare.model import Calendar, Limit, Offer, OutcomeSpace, Valuation


class OfferRecord(NamedTuple):
    """An offer made earlier in the talks: who made it, when (relative time t), in which meeting."""

    party: str
    offer: Offer
    time: float
    meeting: int


@dataclass(frozen=True)
class VetoRecord:
    """A tentative deal one of the party's own ratifiers vetoed, and until when it sits.

    `revealed` holds the hard limits the deal broke (a ratifier tells its own negotiator why);
    empty when the veto was on utility grounds (the ratifier's valuation stays private).
    """

    offer: Offer
    ratifier: str
    date: dt.date
    ratifier_end: dt.date | None
    revealed: tuple[Limit, ...] = ()
    status_quo: Offer | None = None


class NegotiatorView(NamedTuple):
    """A frozen, read-only view for one party at one moment of the talks (a named tuple, like
    `OfferRecord`: the engine builds two for every offer)."""

    party: str
    valuation: Valuation
    space: OutcomeSpace
    calendar: Calendar
    time: float
    meeting: int
    date: dt.date
    reservation: float
    opening: Offer | None
    history: tuple[OfferRecord, ...]
    vetoes: tuple[VetoRecord, ...] = ()
    horizon: dt.date | None = None

    def time_at(self, meeting: int) -> float:
        """Relative time (on this party's horizon) at which meeting `meeting` starts."""
        return self.calendar.offer_times(meeting, self.horizon)[0]

    def utility(self, offer: Offer) -> float:
        """Own utility of `offer`."""
        return self.valuation.utility(self.space, offer)

    def utilities(self) -> np.ndarray:
        """Own utility of every outcome (flat, cached)."""
        return self.valuation.utilities(self.space)

    @property
    def best(self) -> float:
        """The highest own utility any outcome reaches."""
        return self.valuation.best_value(self.space)

    def own_offers(self) -> tuple[OfferRecord, ...]:
        """This party's offers so far, oldest first."""
        return tuple(r for r in self.history if r.party == self.party)

    def opponent_offers(self) -> tuple[OfferRecord, ...]:
        """Every other party's offers so far, oldest first."""
        return tuple(r for r in self.history if r.party != self.party)

    def last_own_offer(self) -> OfferRecord | None:
        """This party's latest offer, if any (searched from the end: it is usually near)."""
        return next((r for r in reversed(self.history) if r.party == self.party), None)

    def last_opponent_offer(self) -> OfferRecord | None:
        """The latest offer by any other party, if any."""
        return next((r for r in reversed(self.history) if r.party != self.party), None)

    def binding_vetoes(self) -> tuple[VetoRecord, ...]:
        """Vetoes by own ratifiers who are still in office today."""
        return tuple(
            v for v in self.vetoes if v.ratifier_end is None or self.date <= v.ratifier_end
        )
