"""Relative tit-for-tat (Faratin, Sierra & Jennings 1998, imitative tactics).

Faratin's rule on one issue: x_{n+1} = (x^opp_{n−2δ} / x^opp_{n−2δ+2}) · x_n — reproduce the
opponent's last concession in proportion. Here it acts on own utilities: the next target is
the last own target times u(opp_{−1−δ}) / u(opp_{−1}) (below 1 when the opponent has conceded),
kept between the reservation value and the best utility. Until the opponent has made δ + 1
offers, it opens at its best (or stated opening) utility.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from burdenshare.strategies.base import TargetStrategy
from burdenshare.strategies.compiled_form import CompiledForm, CompiledView
from burdenshare.strategies.registry import register
from burdenshare.strategies.view import NegotiatorView


def imitate(
    previous: float, before: float, latest: float, reservation: float, best: float
) -> float:
    """previous · before / latest (1 when latest ≤ 0), clipped to [reservation, best]."""
    ratio = before / latest if latest > 0 else 1.0
    return min(max(previous * ratio, reservation), best)


def compiled_target(p: np.ndarray, view: CompiledView) -> float:
    """`TitForTat.target` on numbers; p = (delta,)."""
    delta = int(p[0])
    u = view.utilities
    seen = view.opponent.size
    if view.own_count == 0 or seen < delta + 1:
        return float(u[view.opening] if view.opening >= 0 else view.best)
    before, latest = u[view.opponent[seen - 1 - delta]], u[view.opponent[seen - 1]]
    return imitate(u[view.own_last], before, latest, view.reservation, view.best)


@register("tit-for-tat", compiled=CompiledForm(compiled_target, params=("delta",)))
@dataclass(frozen=True)
class TitForTat(TargetStrategy):
    """Concede in proportion to the opponent's last concession over a window of δ offers."""

    delta: int = 1
    name: ClassVar[str] = "tit-for-tat"
    tags: ClassVar[frozenset[str]] = frozenset(
        {"imitative", "uses-opponent-offers", "deterministic", "vectorisable"}
    )

    def __post_init__(self) -> None:
        if self.delta < 1:
            raise ValueError(f"delta must be ≥ 1, got {self.delta}")

    def opening(self, view: NegotiatorView) -> float:
        """Utility of the stated opening position, else the best utility."""
        return view.utility(view.opening) if view.opening is not None else view.best

    def target(self, view: NegotiatorView) -> float:
        """target_n = target_{n−1} · u(opp_{−1−δ}) / u(opp_{−1}), clipped to [r, best]."""
        own = view.own_offers()
        opponent = view.opponent_offers()
        if not own or len(opponent) < self.delta + 1:
            return self.opening(view)
        previous = view.utility(own[-1].offer)
        before = view.utility(opponent[-1 - self.delta].offer)
        latest = view.utility(opponent[-1].offer)
        return imitate(previous, before, latest, view.reservation, view.best)
