"""Anchoring: open at a stated figure, hold it for some meetings, then concede on a time curve.

The classic hard opening of distributive bargaining (Raiffa 1982, *The Art and Science of
Negotiation*; Galinsky & Mussweiler 2001 on first offers as anchors). After `hold` meetings
the target follows the Faratin curve from the anchor's utility down to the reservation value,
on the time left: t' = (t − t_h)/(1 − t_h), where t_h is the start of meeting `hold`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from burdenshare.model import Offer
from burdenshare.model.rules import target_utility
from burdenshare.strategies.base import TargetStrategy
from burdenshare.strategies.compiled_form import CompiledForm, CompiledView
from burdenshare.strategies.registry import register
from burdenshare.strategies.view import NegotiatorView


def holding(meeting: int, hold: int, meetings: int) -> bool:
    """Whether the anchor is still held: before meeting `hold` (of `meetings`)."""
    return meeting < min(hold, meetings)


def time_left(t: float, t_h: float) -> float:
    """t' = (t − t_h)/(1 − t_h) within [0, 1]: relative time on what is left after the hold."""
    rest = (t - t_h) / (1.0 - t_h) if t_h < 1.0 else 1.0
    return min(max(rest, 0.0), 1.0)


def _anchor(view: CompiledView) -> int:
    return view.opening if view.opening >= 0 else view.top


def compiled_target(p: np.ndarray, view: CompiledView) -> float:
    """`Anchoring.target` on numbers; p = (e, hold)."""
    hold = int(p[1])
    top = view.utilities[_anchor(view)]
    meetings = view.meeting_times.size
    if holding(view.meeting, hold, meetings) or hold >= meetings:
        return float(top)
    t_h = view.meeting_times[hold] if hold > 0 else 0.0
    return target_utility(time_left(view.time, t_h), view.reservation, top, p[0], 0.0)


def compiled_offer(p: np.ndarray, view: CompiledView) -> int:
    """`Anchoring.propose` on numbers: the anchor first and while holding, else −1 (the kernel)."""
    if holding(view.meeting, int(p[1]), view.meeting_times.size) or view.own_count == 0:
        return _anchor(view)
    return -1


@register(
    "anchoring", compiled=CompiledForm(compiled_target, params=("e", "hold"), offer=compiled_offer)
)
@dataclass(frozen=True)
class Anchoring(TargetStrategy):
    """Open at the opening position, hold it for `hold` meetings, then concede with exponent e."""

    hold: int = 1
    e: float = 1.0
    name: ClassVar[str] = "anchoring"
    tags: ClassVar[frozenset[str]] = frozenset({"time-dependent", "deterministic", "vectorisable"})

    def __post_init__(self) -> None:
        if self.hold < 0:
            raise ValueError(f"hold must be ≥ 0 meetings, got {self.hold}")
        if self.e < 0:
            raise ValueError(f"e must be ≥ 0, got {self.e}")

    def anchor(self, view: NegotiatorView) -> Offer:
        """The opening position (snapped to the grid), or the best outcome if none is stated."""
        if view.opening is not None:
            return view.space.snap(view.opening)
        utilities = view.utilities()
        return view.space.offer_at(int(utilities.argmax()))

    def holding(self, view: NegotiatorView) -> bool:
        """Whether the anchor is still held (before meeting `hold`)."""
        return holding(view.meeting, self.hold, len(view.calendar.meetings))

    def target(self, view: NegotiatorView) -> float:
        """u(anchor) while holding; afterwards the Faratin curve from u(anchor) on the time left."""
        top = view.utility(self.anchor(view))
        if self.holding(view):
            return top
        if self.hold >= len(view.calendar.meetings):
            return top
        t_h = view.time_at(self.hold) if self.hold > 0 else 0.0
        return target_utility(time_left(view.time, t_h), view.reservation, top, self.e)

    def propose(self, view: NegotiatorView) -> Offer:
        """The anchor first and while holding; afterwards the kernel's offer at the target."""
        if self.holding(view) or view.last_own_offer() is None:
            return self.anchor(view)
        return super().propose(view)
