"""Stakeholders as values: actors with capability, and per dimension a position and a salience.

A dimension has a name, a real-unit range and a unit (e.g. the first-year amount, 0 to 2 trillion
KRW). Forecast models work on KTAB's scale: 0-100 on each dimension, 0 at the low end of the range
(`to_scale` / `from_scale`); KTAB itself divides by 100 once more and computes on [0, 1].
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from burdenshare.errors import InputError, Problem

# KTAB's own limits (`Model::minNumActor`, `Model::maxNumActor` in kmodel.h; `SMPModel::csvRead`).
MIN_ACTORS = 3
MAX_ACTORS = 250
SCALE = 100.0  # KTAB's position and salience scale in its CSV files


@dataclass(frozen=True)
class Dimension:
    """One issue dimension: a name, the real-unit range [low, high] positions lie in, and a unit."""

    name: str
    low: float = 0.0
    high: float = SCALE
    unit: str = ""

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InputError(Problem("dimension.name", "must not be empty"))
        if not (math.isfinite(self.low) and math.isfinite(self.high)) or self.high <= self.low:
            raise InputError(
                Problem(
                    f"dimension '{self.name}'",
                    f"range must have low < high, got [{self.low}, {self.high}]",
                )
            )

    def to_scale(self, x: float) -> float:
        """Real units to KTAB's 0-100 scale: 100 (x - low) / (high - low)."""
        return SCALE * (x - self.low) / (self.high - self.low)

    def from_scale(self, y: float) -> float:
        """KTAB's 0-100 scale back to real units."""
        return self.low + (self.high - self.low) * y / SCALE

    def to_unit(self, x: float) -> float:
        """Real units to [0, 1], the scale KTAB computes on (`pos / 100` in `SMPModel::csvRead`)."""
        return (x - self.low) / (self.high - self.low)


@dataclass(frozen=True)
class Actor:
    """A stakeholder: name, side (the party it belongs to, or None), capability, and per dimension
    a position (real units) and a salience in [0, 1] (KTAB's percentage / 100; they sum to <= 1)."""

    name: str
    capability: float
    position: tuple[float, ...]
    salience: tuple[float, ...]
    side: str | None = None
    description: str = ""

    def __post_init__(self) -> None:
        where = f"actor '{self.name}'"
        problems: list[Problem] = []
        if not self.name.strip():
            problems.append(Problem("actor.name", "must not be empty"))
        if not (math.isfinite(self.capability) and self.capability > 0):
            problems.append(
                Problem(f"{where}.capability", f"must be a positive number, got {self.capability}")
            )
        if len(self.position) != len(self.salience):
            problems.append(
                Problem(
                    where,
                    f"{len(self.position)} positions but {len(self.salience)} saliences",
                )
            )
        for k, s in enumerate(self.salience):
            if not (math.isfinite(s) and 0.0 <= s <= 1.0):
                problems.append(Problem(f"{where}.salience[{k}]", f"must be in [0, 1], got {s}"))
        total = math.fsum(self.salience)
        if total > 1.0 + 1e-9:
            problems.append(
                Problem(f"{where}.salience", f"saliences must sum to at most 1, got {total:g}")
            )
        if self.salience and total <= 0.0:
            problems.append(Problem(f"{where}.salience", "at least one salience must be positive"))
        for k, x in enumerate(self.position):
            if not math.isfinite(x):
                problems.append(Problem(f"{where}.position[{k}]", f"must be a number, got {x}"))
        if problems:
            raise InputError(problems)

    @property
    def total_salience(self) -> float:
        """Overall salience: the sum over dimensions (KTAB's `sum(vSal)`)."""
        return math.fsum(self.salience)


@dataclass(frozen=True)
class StakeholderSet:
    """Actors and the dimensions their positions are on, checked against each other."""

    actors: tuple[Actor, ...]
    dimensions: tuple[Dimension, ...]
    name: str = ""
    description: str = ""

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        if not self.dimensions:
            problems.append(Problem("dimensions", "at least one dimension is needed"))
        names = [d.name for d in self.dimensions]
        if len(set(names)) != len(names):
            problems.append(Problem("dimensions", f"dimension names must differ: {names}"))
        n = len(self.actors)
        if not MIN_ACTORS <= n <= MAX_ACTORS:
            problems.append(Problem("actors", f"need {MIN_ACTORS} to {MAX_ACTORS} actors, got {n}"))
        seen: set[str] = set()
        for a in self.actors:
            if a.name in seen:
                problems.append(Problem(f"actor '{a.name}'", "actor names must be unique"))
            seen.add(a.name)
            if len(a.position) != len(self.dimensions):
                problems.append(
                    Problem(
                        f"actor '{a.name}'.position",
                        f"expected {len(self.dimensions)} positions (one per dimension), "
                        f"got {len(a.position)}",
                    )
                )
                continue
            for d, x in zip(self.dimensions, a.position, strict=True):
                if not d.low <= x <= d.high:
                    problems.append(
                        Problem(
                            f"actor '{a.name}'.position['{d.name}']",
                            f"{x:g} lies outside the dimension's range [{d.low:g}, {d.high:g}]",
                        )
                    )
        if problems:
            raise InputError(problems)

    @property
    def names(self) -> tuple[str, ...]:
        """Actor names in order."""
        return tuple(a.name for a in self.actors)

    @property
    def dimension_names(self) -> tuple[str, ...]:
        """Dimension names in order."""
        return tuple(d.name for d in self.dimensions)

    def unit_positions(self) -> list[list[float]]:
        """Positions on [0, 1] per actor and dimension (the scale KTAB computes on)."""
        return [
            [d.to_unit(x) for d, x in zip(self.dimensions, a.position, strict=True)]
            for a in self.actors
        ]

    def scaled_positions(self) -> list[list[float]]:
        """Positions on KTAB's 0-100 scale per actor and dimension."""
        return [
            [d.to_scale(x) for d, x in zip(self.dimensions, a.position, strict=True)]
            for a in self.actors
        ]

    def to_real(self, scaled: Sequence[float]) -> tuple[float, ...]:
        """A point on the 0-100 scale (one value per dimension) in real units."""
        return tuple(d.from_scale(y) for d, y in zip(self.dimensions, scaled, strict=True))
