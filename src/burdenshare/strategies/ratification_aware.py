"""A wrapper that stops proposing or accepting what its own ratifiers vetoed.

After an own ratifier vetoes a tentative deal, the wrapped strategy neither proposes nor accepts
any offer worth no more to its party than the vetoed deal, for as long as that ratifier is in
office (a negotiator learns the Level II constraint of Putnam's 1988 two-level game).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from burdenshare.model import Offer
from burdenshare.strategies.base import Strategy
from burdenshare.strategies.bidding import offer_at
from burdenshare.strategies.view import NegotiatorView

_MARGIN = 1e-6


@dataclass(frozen=True)
class RatificationAware:
    """Wrap `inner` (a strategy name, its parameters in `params`) and respect own vetoes."""

    inner: str = "time-dependent"
    params: tuple[tuple[str, float | str], ...] = ()
    wrapped: Strategy = field(init=False, repr=False, compare=False)
    name: ClassVar[str] = "ratification-aware"
    tags: ClassVar[frozenset[str]] = frozenset({"wrapper", "ratification", "vectorisable"})

    def __post_init__(self) -> None:
        from burdenshare.strategies.registry import build

        if self.inner == self.name:
            raise ValueError("cannot wrap itself")
        object.__setattr__(self, "wrapped", build(self.inner, dict(self.params), "strategy"))

    def floor(self, view: NegotiatorView) -> float | None:
        """The highest own utility of a deal vetoed by an own ratifier still in office."""
        binding = view.binding_vetoes()
        if not binding:
            return None
        return max(view.utility(v.offer) for v in binding)

    def target(self, view: NegotiatorView) -> float:
        """The inner target, raised just above the veto floor."""
        inner = self.wrapped.target(view)
        floor = self.floor(view)
        return inner if floor is None else max(inner, floor + _MARGIN)

    def propose(self, view: NegotiatorView) -> Offer:
        """The inner offer, unless it is no better than a vetoed deal; then the kernel's offer
        just above the floor."""
        offer = self.wrapped.propose(view)
        floor = self.floor(view)
        if floor is None or view.utility(offer) > floor:
            return offer
        return offer_at(view, floor + _MARGIN)

    def accepts(self, view: NegotiatorView, offer: Offer) -> bool:
        """The inner rule, and strictly better than every binding vetoed deal."""
        floor = self.floor(view)
        if floor is not None and view.utility(offer) <= floor:
            return False
        return self.wrapped.accepts(view, offer)


def _register() -> None:
    from burdenshare.strategies.registry import add

    add("ratification-aware", RatificationAware, tags=RatificationAware.tags)


_register()
