"""Negotiation issues: what an agreement settles, each with its own kind of value.

Numeric issues (money, percentage, whole number) are discretised by their `step`, so that an
outcome space can be enumerated exactly; scope is a set of named cost categories; choice is one
of named options.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Literal, TypeAlias

import numpy as np

from burdenshare.model.money import format_money

Value: TypeAlias = float | int | frozenset[str] | str
"""The value an offer gives one issue: a number, a set of category names, or an option name."""

UNIT_SCALES: dict[str, float] = {"": 1.0, "thousand": 1e3, "M": 1e6, "bn": 1e9, "tn": 1e12}


@dataclass(frozen=True)
class _Numeric:
    """Shared behaviour of the numeric issues: a closed range cut into steps."""

    name: str
    low: float
    high: float
    step: float
    label: str = ""
    source: str = ""

    def values(self) -> np.ndarray:
        """Every admissible value, low to high (`high` included when it lies on the grid)."""
        count = int(np.floor((self.high - self.low) / self.step + 1e-9)) + 1
        return self.low + self.step * np.arange(count)

    def size(self) -> int:
        """How many values this issue admits."""
        return len(self.values())

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

    def index_of(self, value: Value) -> int:
        """Position of `value` on the grid (nearest grid point)."""
        assert isinstance(value, int | float)
        return int(np.argmin(np.abs(self.values() - float(value))))


@dataclass(frozen=True)
class MoneyIssue(_Numeric):
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


@dataclass(frozen=True)
class PercentIssue(_Numeric):
    """A percentage, e.g. the annual escalation of the amount (`per` = "yr" shows `%/yr`)."""

    per: str = ""
    kind: Literal["percent"] = "percent"

    def describe(self, value: Value) -> str:
        """Human rendering, e.g. `+7.4 %/yr`."""
        assert isinstance(value, int | float)
        suffix = f"/{self.per}" if self.per else ""
        return f"{float(value):+.1f} %{suffix}"


@dataclass(frozen=True)
class CountIssue(_Numeric):
    """A whole number, e.g. the duration of the agreement in years."""

    unit: str = ""
    kind: Literal["count"] = "count"

    def snap_value(self, value: float) -> float | int:
        """The nearest whole number on the grid."""
        return round(self.snap(value))

    def describe(self, value: Value) -> str:
        """Human rendering, e.g. `6 years` (singular for 1)."""
        assert isinstance(value, int | float)
        number = round(float(value))
        unit = self.unit
        if number == 1 and unit.endswith("s"):
            unit = unit[:-1]
        return f"{number} {unit}".strip()


@dataclass(frozen=True)
class RealIssue(_Numeric):
    """A real number in [low, high] (e.g. a GENIUS `real` issue); `step` is only the grid used
    where outcomes must be enumerated. `continuous=False` marks a finite number grid (GeniusWeb
    NumberValueSet), which the analysis then treats as discrete."""

    continuous: bool = True
    kind: Literal["real"] = "real"

    def describe(self, value: Value) -> str:
        """Human rendering: the number with six significant digits."""
        assert isinstance(value, int | float)
        return f"{float(value):.6g}"


@dataclass(frozen=True)
class Category:
    """A named cost category that an agreement may cover (e.g. Korean-national labor).

    A `fixed` category is always covered (part of the framework, not negotiable here).
    """

    name: str
    label: str = ""
    source: str = ""
    fixed: bool = False


@dataclass(frozen=True)
class ScopeIssue:
    """Which cost categories the agreement covers: any subset of `categories`."""

    name: str
    categories: tuple[Category, ...]
    label: str = ""
    source: str = ""
    kind: Literal["scope"] = "scope"

    @property
    def names(self) -> tuple[str, ...]:
        """The category names in file order."""
        return tuple(c.name for c in self.categories)

    @property
    def fixed(self) -> frozenset[str]:
        """The categories every agreement covers."""
        return frozenset(c.name for c in self.categories if c.fixed)

    def values(self) -> tuple[frozenset[str], ...]:
        """Every admissible set: the fixed categories plus any subset of the others, smallest
        first, in a fixed order."""
        fixed = self.fixed
        free = [n for n in self.names if n not in fixed]
        return tuple(
            fixed | frozenset(combo)
            for k in range(len(free) + 1)
            for combo in combinations(free, k)
        )

    def size(self) -> int:
        """2 to the number of negotiable (non-fixed) categories."""
        return int(2 ** (len(self.categories) - len(self.fixed)))

    def contains(self, value: Value) -> bool:
        """Whether `value` is a set of known category names including the fixed ones."""
        return isinstance(value, frozenset) and self.fixed <= value <= set(self.names)

    def index_of(self, value: Value) -> int:
        """Position of `value` among `values()`."""
        assert isinstance(value, frozenset)
        return self.values().index(value)

    def describe(self, value: Value) -> str:
        """Human rendering: the included categories, comma-separated (or `no categories`)."""
        assert isinstance(value, frozenset)
        names = [n for n in self.names if n in value]
        return ", ".join(names) if names else "no categories"


@dataclass(frozen=True)
class ChoiceIssue:
    """One of several named options."""

    name: str
    options: tuple[str, ...]
    label: str = ""
    source: str = ""
    kind: Literal["choice"] = "choice"

    def values(self) -> tuple[str, ...]:
        """The options in file order."""
        return self.options

    def size(self) -> int:
        """How many options."""
        return len(self.options)

    def contains(self, value: Value) -> bool:
        """Whether `value` is one of the options."""
        return isinstance(value, str) and value in self.options

    def index_of(self, value: Value) -> int:
        """Position of `value` among the options."""
        assert isinstance(value, str)
        return self.options.index(value)

    def describe(self, value: Value) -> str:
        """The option's name."""
        return str(value)


Issue: TypeAlias = MoneyIssue | PercentIssue | CountIssue | RealIssue | ScopeIssue | ChoiceIssue
NUMERIC_ISSUES = (MoneyIssue, PercentIssue, CountIssue, RealIssue)


def unit_label(issue: Issue) -> str:
    """The unit an issue's values are in, e.g. `KRW bn`, `%/yr`, `years` (empty if none)."""
    if isinstance(issue, MoneyIssue):
        return f"{issue.currency} {issue.unit}".strip()
    if isinstance(issue, PercentIssue):
        return f"%/{issue.per}" if issue.per else "%"
    if isinstance(issue, CountIssue):
        return issue.unit
    return ""
