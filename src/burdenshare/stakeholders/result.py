"""What every stakeholder model returns: the trajectory, the final distribution, the forecast."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy.typing as npt

from burdenshare.stakeholders.actors import StakeholderSet

FloatArray = npt.NDArray[np.float64]


def frozen_array(values: Any) -> FloatArray:
    """A float copy of `values` that cannot be written to (results are immutable)."""
    a = np.array(values, dtype=np.float64)
    a.flags.writeable = False
    return a


@dataclass(frozen=True)
class WinningPosition:
    """One position in the final distribution (0-100 scale per dimension), its probability of
    prevailing, and the actors holding it."""

    position: tuple[float, ...]
    probability: float
    holders: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class ForecastResult:
    """A stakeholder model's run.

    `positions[t, i, k]` is actor i's position on dimension k after turn t, on KTAB's 0-100 scale
    (turn 0 is the input). `distribution` is the final turn's distribution of winning positions,
    `forecast` the predicted outcome per dimension (0-100 scale; `forecast_real` in real units).
    `converged` says whether the model settled before its turn limit (see `notes` if not).
    """

    model: str
    stakeholders: StakeholderSet
    positions: FloatArray
    distribution: tuple[WinningPosition, ...]
    forecast: tuple[float, ...]
    # whether the model's stopping rule held (False: it hit its turn limit, or cycles)
    converged: bool = True
    # per-turn probability that each actor's position prevails (KTAB's "winning probabilities")
    win_probabilities: FloatArray | None = None
    parameters: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    notes: tuple[str, ...] = ()

    @property
    def turns(self) -> int:
        """Number of turns (steps between states); `positions` has turns + 1 rows."""
        return int(self.positions.shape[0]) - 1

    @property
    def dimensions(self) -> tuple[str, ...]:
        """Dimension names in order."""
        return self.stakeholders.dimension_names

    @property
    def actors(self) -> tuple[str, ...]:
        """Actor names in order."""
        return self.stakeholders.names

    @property
    def final_positions(self) -> dict[str, tuple[float, ...]]:
        """Actor name -> final position (0-100 scale), in dimension order."""
        last = self.positions[-1]
        return {name: tuple(float(x) for x in last[i]) for i, name in enumerate(self.actors)}

    @property
    def forecast_real(self) -> tuple[float, ...]:
        """The forecast per dimension in the dimensions' real units."""
        return self.stakeholders.to_real(self.forecast)

    @property
    def most_probable(self) -> WinningPosition:
        """The distribution's most probable position (first of equals)."""
        return max(self.distribution, key=lambda w: w.probability)
