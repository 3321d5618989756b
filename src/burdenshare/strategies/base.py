"""The strategy interface: aim for a target utility, propose an offer, accept or reject offers.

A strategy is an immutable value (its parameters); everything it knows at a moment is in the
`NegotiatorView`, so a strategy holds no hidden state and the same view gives the same decision.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Protocol, runtime_checkable

from burdenshare.model import Offer
from burdenshare.model.rules import acceptable
from burdenshare.strategies.bidding import offer_at
from burdenshare.strategies.view import NegotiatorView


@runtime_checkable
class Strategy(Protocol):
    """What every strategy provides."""

    name: ClassVar[str]
    tags: ClassVar[frozenset[str]]

    def target(self, view: NegotiatorView) -> float:
        """The own utility the strategy aims for now."""
        ...

    def propose(self, view: NegotiatorView) -> Offer:
        """The offer to make now."""
        ...

    def accepts(self, view: NegotiatorView, offer: Offer) -> bool:
        """Whether to accept `offer` now."""
        ...


class TargetStrategy(ABC):
    """Default behaviour on top of `target`: propose through the shared offer kernel, and accept
    an offer worth at least the target and the reservation value.

    The acceptance rule is AC_next (Baarslag, Hindriks & Jonker 2014, "Effective acceptance
    conditions in multi-issue negotiation"), with the target standing for the next bid's utility,
    bounded below by the current reservation value.
    """

    name: ClassVar[str] = ""
    tags: ClassVar[frozenset[str]] = frozenset()

    @abstractmethod
    def target(self, view: NegotiatorView) -> float:
        """The own utility aimed for now (each concrete strategy defines it)."""

    def propose(self, view: NegotiatorView) -> Offer:
        """The kernel's offer at the current target, or at the reservation value if higher."""
        target, reservation = self.target(view), view.reservation
        # max(target, reservation) as `max` picks it, without the builtin's costly call
        return offer_at(view, reservation if reservation > target else target)

    def accepts(self, view: NegotiatorView, offer: Offer) -> bool:
        """u(offer) ≥ max(target, reservation) − 1e-12 (`rules.acceptable`)."""
        return acceptable(view.utility(offer), self.target(view), view.reservation)
