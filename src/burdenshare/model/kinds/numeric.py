"""What the numeric kinds share: a closed range cut into steps, |x − y|/range as distance, and
the numeric value functions (linear, power, piecewise linear)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import Any

import numpy as np

from burdenshare.model.kinds.base import (
    REQUIRED,
    GeniusIssue,
    Report,
    Table,
    TomlKey,
    Value,
    ValueFunction,
)
from burdenshare.model.valuation import LinearValue, PiecewiseLinearValue, PowerValue

RANGE_KEYS = (
    TomlKey("low", "number", "lowest admissible value.", REQUIRED),
    TomlKey("high", "number", "highest admissible value.", REQUIRED),
    TomlKey("step", "number", "grid step (> 0).", REQUIRED),
)
"""The keys of a numeric kind's range, as its table gives them."""

MAX_VALUES = 1_000_000
"""Most values one numeric issue may have (its grid is listed as Python numbers: ~50 MB)."""


def grid_count(low: float, high: float, step: float) -> int:
    """Values on the grid low, low + step, … ≤ high: ⌊(high − low)/step + 1e-9⌋ + 1."""
    return math.floor((high - low) / step + 1e-9) + 1


@dataclass(frozen=True)
class NumericIssue:
    """Shared behaviour of the numeric issues: a closed range cut into steps."""

    name: str
    low: float
    high: float
    step: float
    label: str = ""
    source: str = ""

    @property
    def numeric(self) -> bool:
        """Numbers in [low, high]."""
        return True

    @property
    def continuous(self) -> bool:
        """A finite grid (see `RealIssue` for an interval)."""
        return False

    def values(self) -> np.ndarray:
        """Every admissible value, low to high (`high` included when it lies on the grid)."""
        return self.low + self.step * np.arange(self.size())

    def size(self) -> int:
        """How many values this issue admits (counted, not listed: a space is sized before it is
        enumerated)."""
        return grid_count(self.low, self.high, self.step)

    def grid(self) -> tuple[Value, ...]:
        """The values as Python floats."""
        return tuple(float(v) for v in self.values())

    def numbers(self) -> np.ndarray:
        """The grid as floats (read-only, made once: distances read it at every new offer)."""
        return self._numbers

    @cached_property
    def _numbers(self) -> np.ndarray:
        out = np.asarray(self.grid(), dtype=float)
        out.setflags(write=False)
        return out

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the fields only (the grid is made again, read-only, where it is asked)."""
        state = dict(self.__dict__)
        state.pop("_numbers", None)
        return state

    def contains(self, value: Value) -> bool:
        """Whether `value` is a number inside the range."""
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and self.low - 1e-9 <= float(value) <= self.high + 1e-9
        )

    def snap(self, value: float) -> float:
        """The grid value nearest to `value` (clipped to the range)."""
        grid = self.values()
        return float(grid[int(np.argmin(np.abs(grid - value)))])

    def snap_value(self, value: float) -> float | int:
        """Like `snap`, as the type offers carry (whole numbers for counts)."""
        return self.snap(value)

    def normalise(self, value: Value) -> Value:
        """The grid value nearest to the number `value`, as offers carry it."""
        assert isinstance(value, int | float)
        return self.snap_value(float(value))

    def index_of(self, value: Value) -> int:
        """Position of `value` on the grid (nearest grid point)."""
        assert isinstance(value, int | float)
        return int(np.argmin(np.abs(self.values() - float(value))))

    def distances(self, target: Value) -> np.ndarray:
        """|x − target| / (high − low) for every grid value x (/ 1 for an empty range)."""
        assert isinstance(target, int | float)
        span = self.high - self.low
        out: np.ndarray = np.abs(self.numbers() - float(target)) / (span if span > 0 else 1.0)
        return out

    def describe_range(self) -> str:
        """`low – high, step s`, the ends described."""
        return f"{self.describe(self.low)} – {self.describe(self.high)}, step {self.step:g}"

    def describe(self, value: Value) -> str:
        """The number with six significant digits (each kind has its own rendering)."""
        assert isinstance(value, int | float)
        return f"{float(value):.6g}"

    def members(self) -> tuple[str, ...]:
        """Values are not sets."""
        return ()

    def unit_label(self) -> str:
        """No unit unless the kind has one."""
        return ""

    def expected(self, value: object) -> str:
        """A number in the range was expected."""
        return f"expected a number from {self.low:g} to {self.high:g}, got {value!r}"

    def value_function(self, table: Table, report: Report) -> ValueFunction | None:
        """Linear, power or piecewise linear (see `numeric_function`)."""
        return numeric_function(table, str(getattr(self, "kind", "numeric")), report)

    def genius(self) -> GeniusIssue:
        """A real range from low to high."""
        return GeniusIssue(self.name, "real", (), self.low, self.high)

    def range_table(self) -> dict[str, Any]:
        """The keys every numeric table has: name, label, source, low, high, step."""
        out: dict[str, Any] = {"name": self.name, "low": self.low, "high": self.high}
        out["step"] = self.step
        if self.label:
            out["label"] = self.label
        if self.source:
            out["source"] = self.source
        return out


def numeric_range(table: Table, kind: str, report: Report) -> tuple[float, float, float] | None:
    """`low`, `high` and `step` of a numeric table: all given, low < high, 0 < step ≤ high − low
    (each problem reported; None if any)."""
    ok = True
    for key in ("low", "high", "step"):
        if table.get(key) is None:
            report(key, f"required for a {kind} issue: a number")
            ok = False
    low, high, step = table.get("low"), table.get("high"), table.get("step")
    for key, number in (("low", low), ("high", high), ("step", step)):
        if number is not None and not math.isfinite(number):
            report(key, f"must be a finite number, got {number}")
            return None
    if low is not None and high is not None and high <= low:
        report("high", f"must be greater than low ({low:g}), got {high:g}")
        ok = False
    elif (
        low is not None
        and high is not None
        and step is not None
        and (step <= 0 or step > high - low)
    ):
        report("step", f"must be > 0 and at most high − low ({high - low:g})")
        ok = False
    elif low is not None and high is not None and step is not None:
        span = (high - low) / step
        if not span < MAX_VALUES:  # also an infinite span (1e308 − (−1e308))
            report(
                "step",
                f"(high − low) / step gives {span + 1:,.4g} values, more than the "
                f"{MAX_VALUES:,} an issue may have (about {8 * (span + 1) / 2**30:,.3g} GiB "
                "per table); use a larger step",
            )
            ok = False
    if not ok:
        return None
    assert low is not None and high is not None and step is not None
    return low, high, step


def numeric_function(table: Table, kind: str, report: Report) -> ValueFunction | None:
    """A numeric value function: `shape` linear or power (`direction`, `exponent`) or
    piecewise (`points`: at least two [x, value], x strictly increasing, values in [0, 1])."""
    shape = table.get("shape")
    if shape is None:
        report("shape", "required: one of linear, power, piecewise")
        return None
    if shape in ("linear", "power"):
        direction = table.get("direction")
        if direction is None:
            report("direction", f"required for shape {shape!r}: rising or falling")
            return None
        if shape == "linear":
            return LinearValue(direction)
        exponent = table.get("exponent")
        if exponent is None:
            report("exponent", "required for shape 'power': a number > 0 (< 1 concave)")
            return None
        return PowerValue(direction, exponent)
    if shape == "piecewise":
        points = table.get("points") or []
        if len(points) < 2:
            report("points", "expected at least two [x, value] points")
            return None
        xs = [p[0] for p in points]
        if any(b <= a for a, b in pairwise(xs)):
            report("points", "x values must increase strictly")
            return None
        if any(not 0 <= p[1] <= 1 for p in points):
            report("points", "values must lie in [0, 1]")
            return None
        return PiecewiseLinearValue(tuple((float(x), float(v)) for x, v in points))
    report("shape", f"shape {shape!r} does not fit a {kind} issue")
    return None
