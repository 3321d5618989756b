"""Time-dependent concession (Faratin, Sierra & Jennings 1998), in the form GENIUS implements.

f(t) = k + (1 − k) · t^(1/e);  target(t) = P_min + (P_max − P_min) · (1 − f(t)),
with P_max the best own utility and P_min the current reservation value. e < 1 concedes late
(Boulware), e = 1 linearly, e > 1 early (Conceder); e = 0 never concedes before the end (hardliner).
Presets as in GENIUS: Boulware e = 0.2, Linear e = 1, Conceder e = 2. The curve is
`model.rules.concession` / `target_utility`, shared with the compiled engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from burdenshare.model.rules import concession as concession  # the curve, found here too
from burdenshare.model.rules import target_utility as target_utility
from burdenshare.strategies.base import TargetStrategy
from burdenshare.strategies.compiled_form import CompiledForm, CompiledView
from burdenshare.strategies.registry import add, register
from burdenshare.strategies.view import NegotiatorView


def compiled_target(p: np.ndarray, view: CompiledView) -> float:
    """p(t) with P_max = best own utility, P_min = current reservation value; p = (e, k)."""
    return target_utility(view.time, view.reservation, view.best, p[0], p[1])


@register(
    "time-dependent",
    tags=frozenset({"time-dependent", "deterministic", "vectorisable"}),
    compiled=CompiledForm(compiled_target, params=("e", "k")),
)
@dataclass(frozen=True)
class TimeDependent(TargetStrategy):
    """Concede from the best utility to the reservation value on a curve set by e (Faratin 1998)."""

    e: float = 1.0
    k: float = 0.0
    name: ClassVar[str] = "time-dependent"
    tags: ClassVar[frozenset[str]] = frozenset({"time-dependent", "deterministic", "vectorisable"})

    def __post_init__(self) -> None:
        if self.e < 0:
            raise ValueError(f"e must be ≥ 0, got {self.e}")
        if not 0.0 <= self.k <= 1.0:
            raise ValueError(f"k must be in [0, 1], got {self.k}")

    def target(self, view: NegotiatorView) -> float:
        """p(t) with P_max = best own utility, P_min = current reservation value."""
        return target_utility(view.time, view.reservation, view.best, self.e, self.k)


add("boulware", TimeDependent, presets={"e": 0.2}, tags=TimeDependent.tags)
add("linear", TimeDependent, presets={"e": 1.0}, tags=TimeDependent.tags)
add("conceder", TimeDependent, presets={"e": 2.0}, tags=TimeDependent.tags)
