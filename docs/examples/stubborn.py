"""A user strategy in its own file: hold out at the best offer, then concede on a straight line.

Used by docs/how-to/write-your-own-strategy.md (`--plugin docs/examples/stubborn.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from burdenshare.strategies import NegotiatorView, TargetStrategy
from burdenshare.strategies.registry import register


@register("stubborn")
@dataclass(frozen=True)
class Stubborn(TargetStrategy):
    """Hold the best utility until `until`, then concede linearly to the reservation value."""

    until: float = 0.5
    name: ClassVar[str] = "stubborn"
    tags: ClassVar[frozenset[str]] = frozenset({"time-dependent", "deterministic"})

    def __post_init__(self) -> None:
        if not 0.0 <= self.until < 1.0:
            raise ValueError(f"until must be in [0, 1), got {self.until}")

    def target(self, view: NegotiatorView) -> float:
        """best until t = until; then best − (best − reservation) · (t − until) / (1 − until)."""
        if view.time <= self.until:
            return view.best
        share = (view.time - self.until) / (1.0 - self.until)
        return view.best - (view.best - view.reservation) * share
