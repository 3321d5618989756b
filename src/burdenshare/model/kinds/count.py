"""The count kind: a whole number, e.g. the duration of the agreement in years."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from burdenshare.model.kinds.base import (
    GeniusIssue,
    IssueKind,
    Report,
    Table,
    TomlKey,
    Value,
    common,
)
from burdenshare.model.kinds.numeric import RANGE_KEYS, NumericIssue, numeric_range


@dataclass(frozen=True)
class CountIssue(NumericIssue):
    """A whole number, e.g. the duration of the agreement in years."""

    unit: str = ""
    kind: Literal["count"] = "count"

    def snap_value(self, value: float) -> float | int:
        """The nearest whole number on the grid."""
        return round(self.snap(value))

    def grid(self) -> tuple[Value, ...]:
        """The values as Python ints."""
        return tuple(round(float(v)) for v in self.values())

    def describe(self, value: Value) -> str:
        """Human rendering, e.g. `6 years` (singular for 1)."""
        assert isinstance(value, int | float)
        number = round(float(value))
        unit = self.unit
        if number == 1 and unit.endswith("s"):
            unit = unit[:-1]
        return f"{number} {unit}".strip()

    def unit_label(self) -> str:
        """The unit word, e.g. `years`."""
        return self.unit

    def to_table(self) -> dict[str, Any]:
        """`kind = "count"` with the range and the unit word."""
        out = {**self.range_table(), "kind": self.kind}
        if self.unit:
            out["unit"] = self.unit
        return out

    def genius(self) -> GeniusIssue:
        """An integer issue when the grid is every whole number from low, else a real range."""
        if self.step == 1 and float(self.low).is_integer():
            return GeniusIssue(self.name, "integer", (), int(self.low), self.low + self.size() - 1)
        return super().genius()


def build(table: Table, report: Report) -> CountIssue | None:
    """A count issue: the range with whole-number low and step, and a unit word."""
    bounds = numeric_range(table, "count", report)
    if bounds is None:
        return None
    low, high, step = bounds
    if step != int(step) or low != int(low):
        report("step", "a count issue needs whole-number low and step")
        return None
    return CountIssue(low=low, high=high, step=step, unit=table.get("unit") or "", **common(table))


def from_genius(issue: GeniusIssue) -> CountIssue:
    """A GENIUS integer issue: every whole number from its lower to its upper bound."""
    return CountIssue(issue.name, issue.low, issue.high, 1.0)


KIND = IssueKind(
    "count",
    build,
    (
        *RANGE_KEYS,
        TomlKey("unit", "text", "unit word, e.g. `year`."),
    ),
)
