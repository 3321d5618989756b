"""A wrapper that stops proposing or accepting what its own ratifiers vetoed.

A veto teaches the negotiator the Level II constraint of Putnam's (1988) two-level game, for as
long as the vetoing ratifier is in office: when the deal broke a hard limit, the ratifier says
which, and the wrapper neither proposes nor accepts anything that breaks it again; when the veto
was on utility grounds (the ratifier's valuation is private), it neither proposes nor accepts
anything worth no more to its own party than the vetoed deal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from burdenshare.model import Offer
from burdenshare.model.ratifiers import limits_mask
from burdenshare.strategies.base import Strategy
from burdenshare.strategies.bidding import offer_at
from burdenshare.strategies.registry import add
from burdenshare.strategies.view import NegotiatorView

MARGIN = 1e-6
"""How far above a vetoed deal's own utility the target is raised."""


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
        """The highest own utility of a deal vetoed on utility grounds by a sitting ratifier."""
        binding = [v for v in view.binding_vetoes() if not v.revealed]
        if not binding:
            return None
        return max(view.utility(v.offer) for v in binding)

    def allowed(self, view: NegotiatorView) -> np.ndarray | None:
        """Mask of outcomes within the limits revealed by binding vetoes (None: no such limits)."""
        masks = [
            limits_mask(view.space, v.revealed, v.status_quo)
            for v in view.binding_vetoes()
            if v.revealed and v.status_quo is not None
        ]
        if not masks:
            return None
        combined: np.ndarray = np.logical_and.reduce(masks)
        return combined

    def permitted(self, view: NegotiatorView, offer: Offer) -> bool:
        """Strictly better than every binding vetoed deal and within the revealed limits."""
        floor = self.floor(view)
        if floor is not None and view.utility(offer) <= floor:
            return False
        for veto in view.binding_vetoes():
            if veto.status_quo is None:
                continue
            if any(limit.violation(offer, veto.status_quo) for limit in veto.revealed):
                return False
        return True

    def target(self, view: NegotiatorView) -> float:
        """The inner target, raised just above the veto floor."""
        inner = self.wrapped.target(view)
        floor = self.floor(view)
        return inner if floor is None else max(inner, floor + MARGIN)

    def propose(self, view: NegotiatorView) -> Offer:
        """The inner offer if permitted; else the kernel's offer at the (raised) target within
        the revealed limits."""
        offer = self.wrapped.propose(view)
        if self.permitted(view, offer):
            return offer
        return offer_at(view, self.target(view), self.allowed(view))

    def accepts(self, view: NegotiatorView, offer: Offer) -> bool:
        """The inner rule, for permitted offers only."""
        return self.permitted(view, offer) and self.wrapped.accepts(view, offer)


add("ratification-aware", RatificationAware, tags=RatificationAware.tags)
