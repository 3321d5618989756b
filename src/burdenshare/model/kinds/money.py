"""The money kind: an amount per year in `unit`s of a currency (e.g. KRW bn)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TypeGuard

from burdenshare.model.kinds.base import (
    REQUIRED,
    Issue,
    IssueKind,
    Report,
    Table,
    TomlKey,
    Value,
    common,
)
from burdenshare.model.kinds.numeric import RANGE_KEYS, NumericIssue, numeric_range
from burdenshare.model.money import format_money

UNIT_SCALES: dict[str, float] = {"": 1.0, "thousand": 1e3, "M": 1e6, "bn": 1e9, "tn": 1e12}


@dataclass(frozen=True)
class MoneyIssue(NumericIssue):
    """An amount of money per year, in `unit`s of `currency` (e.g. KRW bn)."""

    currency: str = "USD"
    unit: str = ""
    kind: Literal["money"] = "money"

    def to_currency_units(self, value: float) -> float:
        """The amount in whole currency units (e.g. 1,038.9 KRW bn -> 1.0389e12 KRW)."""
        return value * UNIT_SCALES[self.unit]

    def describe(self, value: Value) -> str:
        """Human rendering, e.g. `KRW 1.04 tn`."""
        assert isinstance(value, int | float)
        return format_money(self.to_currency_units(float(value)), self.currency)

    def describe_range(self) -> str:
        """`low – high, step s unit`, the ends as amounts of money."""
        low, high = self.describe(self.low), self.describe(self.high)
        return f"{low} – {high}, step {self.step:g} {self.unit}"

    def unit_label(self) -> str:
        """Currency and unit, e.g. `KRW bn`."""
        return f"{self.currency} {self.unit}".strip()

    def to_table(self) -> dict[str, Any]:
        """`kind = "money"` with currency, unit and the range."""
        return {
            **self.range_table(),
            "kind": self.kind,
            "currency": self.currency,
            "unit": self.unit,
        }


def build(table: Table, report: Report) -> MoneyIssue | None:
    """A money issue: the range, a `currency` and a `unit` among `UNIT_SCALES`."""
    problems: list[str] = []

    def note(key: str, message: str) -> None:
        problems.append(key)
        report(key, message)

    bounds = numeric_range(table, "money", note)
    unit = table.get("unit") or ""
    currency = table.get("currency") or ""
    if not currency:
        note("currency", 'required for a money issue: e.g. "KRW"')
    if unit not in UNIT_SCALES:
        note("unit", f"expected one of {sorted(UNIT_SCALES)}, got {unit!r}")
    if bounds is None or problems:
        return None
    low, high, step = bounds
    return MoneyIssue(low=low, high=high, step=step, currency=currency, unit=unit, **common(table))


def is_money(issue: Issue | None) -> TypeGuard[MoneyIssue]:
    """Whether `issue` is an amount of money (has a currency an exchange rate converts)."""
    return issue is not None and issue.kind == "money"


KIND = IssueKind(
    "money",
    build,
    (
        TomlKey("currency", "text", "ISO currency code of the amount, e.g. `KRW`.", REQUIRED),
        TomlKey("unit", "text", "scale of values (`''`, `thousand`, `M`, `bn`, `tn`)."),
        *RANGE_KEYS,
    ),
)
