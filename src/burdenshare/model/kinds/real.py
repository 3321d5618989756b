"""The real kind: a real number in [low, high], as GENIUS and GeniusWeb domains have them (no
scenario-file table: TOML scenarios use money, percent or count)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from burdenshare.model.kinds.base import GeniusIssue
from burdenshare.model.kinds.numeric import NumericIssue

REAL_GRID = 101
"""Grid values per real issue read from GENIUS (the analysis treats real issues as continuous)."""


@dataclass(frozen=True)
class RealIssue(NumericIssue):
    """A real number in [low, high] (e.g. a GENIUS `real` issue); `step` is only the grid used
    where outcomes must be enumerated. `continuous=False` marks a finite number grid (GeniusWeb
    NumberValueSet), which the analysis then treats as discrete."""

    continuous: bool = True
    kind: Literal["real"] = "real"

    def genius(self) -> GeniusIssue:
        """A real range; a finite grid keeps its step (a GeniusWeb number set)."""
        step = 0.0 if self.continuous else self.step
        return GeniusIssue(self.name, "real", (), self.low, self.high, step)

    def to_table(self) -> dict[str, Any]:
        """The range and whether it is continuous (`kind = "real"`)."""
        return {**self.range_table(), "kind": self.kind, "continuous": self.continuous}


def from_genius(issue: GeniusIssue) -> RealIssue:
    """A GENIUS real issue, continuous, cut into `REAL_GRID` values where outcomes are listed;
    a GeniusWeb number set (`step` > 0) is its finite grid."""
    if issue.step > 0:
        return RealIssue(issue.name, issue.low, issue.high, issue.step, continuous=False)
    span = issue.high - issue.low
    return RealIssue(issue.name, issue.low, issue.high, span / (REAL_GRID - 1) if span > 0 else 1.0)
