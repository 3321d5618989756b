"""`stubborn` with a compiled form: the batch engine runs it too (no reference-engine fallback).

Used by docs/how-to/write-your-own-strategy.md. The target is one plain function numba can
compile, called by the class (reference engine) and by the compiled form (batch engine) alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from burdenshare.strategies import NegotiatorView, TargetStrategy
from burdenshare.strategies.compiled_form import CompiledForm, CompiledView
from burdenshare.strategies.registry import register


def held_then_linear(until: float, t: float, best: float, reservation: float) -> float:
    """best until t = until; then best − (best − reservation) · (t − until) / (1 − until)."""
    if t <= until:
        return best
    return best - (best - reservation) * (t - until) / (1.0 - until)


def compiled_target(p: np.ndarray, view: CompiledView) -> float:
    """The target on the compiled view; p holds the parameters named in `params`: (until,)."""
    return held_then_linear(p[0], view.time, view.best, view.reservation)


@register("fast-stubborn", compiled=CompiledForm(compiled_target, params=("until",)))
@dataclass(frozen=True)
class FastStubborn(TargetStrategy):
    """Hold the best utility until `until`, then concede linearly (compiled form declared)."""

    until: float = 0.5
    name: ClassVar[str] = "fast-stubborn"
    tags: ClassVar[frozenset[str]] = frozenset({"time-dependent", "deterministic"})

    def __post_init__(self) -> None:
        if not 0.0 <= self.until < 1.0:
            raise ValueError(f"until must be in [0, 1), got {self.until}")

    def target(self, view: NegotiatorView) -> float:
        """The same function as the compiled form's, on the view."""
        return held_then_linear(self.until, view.time, view.best, view.reservation)
