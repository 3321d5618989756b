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
from burdenshare.strategies.compiled_form import CompiledView, CompiledWrapper
from burdenshare.strategies.registry import add
from burdenshare.strategies.view import NegotiatorView

MARGIN = 1e-6
"""How far above a vetoed deal's own utility the target is raised."""


def raised(inner: float, floor: float) -> float:
    """The inner target, raised to `MARGIN` above the veto floor."""
    return max(inner, floor + MARGIN)


def compiled_floor(view: CompiledView) -> float:
    """`RatificationAware.floor` on numbers (NaN: none)."""
    best = np.nan
    for j in range(view.veto_offer.size):
        if view.today <= view.veto_end[j] and view.veto_limits[j] == 0:
            u = view.utilities[view.veto_offer[j]]
            if np.isnan(best) or u > best:
                best = u
    return float(best)


def revealed(view: CompiledView) -> int:
    """Bits of the limits that binding vetoes revealed."""
    bits = 0
    for j in range(view.veto_offer.size):
        if view.today <= view.veto_end[j]:
            bits |= view.veto_limits[j]
    return bits


def compiled_permitted(p: np.ndarray, view: CompiledView, offer: int) -> bool:
    """`RatificationAware.permitted` on numbers: above the floor, within the revealed limits."""
    if view.veto_offer.size == 0:
        return True
    floor = compiled_floor(view)
    if not np.isnan(floor) and view.utilities[offer] <= floor:
        return False
    bits = revealed(view)
    for j in range(view.limit_issue.size):
        if bits >> j & 1 and not view.limit_masks[j, view.positions[view.limit_issue[j], offer]]:
            return False
    return True


def compiled_target(p: np.ndarray, view: CompiledView, inner: float) -> float:
    """`RatificationAware.target` on numbers, given the inner target."""
    floor = compiled_floor(view)
    return inner if np.isnan(floor) else raised(inner, floor)


def compiled_allowed(p: np.ndarray, view: CompiledView, out: np.ndarray) -> bool:
    """`RatificationAware.allowed` per issue: writes each grid value's verdict into out[I, G]
    (padding included) and says whether any limit was revealed."""
    bits = revealed(view)
    if bits == 0:
        return False
    out[:, :] = True
    for j in range(view.limit_issue.size):
        if bits >> j & 1:
            i = view.limit_issue[j]
            for g in range(out.shape[1]):
                out[i, g] = out[i, g] and view.limit_masks[j, g]
    return True


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
        return inner if floor is None else raised(inner, floor)

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


add(
    "ratification-aware",
    RatificationAware,
    tags=RatificationAware.tags,
    compiled=CompiledWrapper(compiled_target, compiled_permitted, compiled_allowed),
)
