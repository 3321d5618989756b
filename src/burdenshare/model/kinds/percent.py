"""The percent kind: a percentage, e.g. the annual escalation of the amount."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from burdenshare.model.kinds.base import IssueKind, Report, Table, TomlKey, Value, common
from burdenshare.model.kinds.numeric import RANGE_KEYS, NumericIssue, numeric_range


@dataclass(frozen=True)
class PercentIssue(NumericIssue):
    """A percentage, e.g. the annual escalation of the amount (`per` = "yr" shows `%/yr`)."""

    per: str = ""
    kind: Literal["percent"] = "percent"

    def describe(self, value: Value) -> str:
        """Human rendering, e.g. `+7.4 %/yr`."""
        assert isinstance(value, int | float)
        suffix = f"/{self.per}" if self.per else ""
        return f"{float(value):+.1f} %{suffix}"

    def unit_label(self) -> str:
        """`%`, or `%/yr` with a period."""
        return f"%/{self.per}" if self.per else "%"

    def to_table(self) -> dict[str, Any]:
        """`kind = "percent"` with the range and `per`."""
        out = {**self.range_table(), "kind": self.kind}
        if self.per:
            out["per"] = self.per
        return out


def build(table: Table, report: Report) -> PercentIssue | None:
    """A percent issue: the range and an optional period `per`."""
    bounds = numeric_range(table, "percent", report)
    if bounds is None:
        return None
    low, high, step = bounds
    return PercentIssue(low=low, high=high, step=step, per=table.get("per") or "", **common(table))


KIND = IssueKind(
    "percent",
    build,
    (
        *RANGE_KEYS,
        TomlKey("per", "text", "period shown after %, e.g. `yr`."),
    ),
)
