"""Escalation rules of the SMAs as code: how each year's amount follows from the year before.

Pure: every input series (CPI inflation, ROK defense-budget growth, ...) is passed in, nothing is
read here. A rule is an immutable value with a `name` and its parameters, so that a scenario can
offer rules as the options of an issue (the escalation formula itself is negotiable). Amounts are
computed in `Decimal` so that the published rounding (e.g. to KRW 0.1 bn) is reproduced exactly.

A year whose input is missing is not filled in: it and every later year (which compound on it)
carry a `MissingInput` marker naming the series and year that are needed.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import pairwise
from types import MappingProxyType
from typing import ClassVar

from burdenshare.errors import InputError, Problem

# Names of the input series a rule may need (percentages, e.g. 2.1 for 2.1 %).
CPI = "cpi_inflation_pct"
REAL_GNP = "real_gnp_growth_pct"
DEFENSE_BUDGET = "defense_budget_growth_pct"
GDP_DEFLATOR = "gdp_deflator_pct"

Number = Decimal | int | float | str
Inputs = Mapping[str, Mapping[int, Number]]

_ROUNDING_MODES = MappingProxyType({"half_up": ROUND_HALF_UP, "down": ROUND_DOWN})
_HUNDRED = Decimal(100)


def to_decimal(value: Number, what: str = "value") -> Decimal:
    """`value` as an exact Decimal (floats through their shortest repr, so 0.1 stays 0.1)."""
    try:
        result = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        raise InputError(Problem(what, f"expected a number, got {value!r}")) from None
    if not result.is_finite():
        raise InputError(Problem(what, f"expected a finite number, got {value!r}"))
    return result


def _to_int(text: str, what: str) -> int | None:
    """A whole number from text (`none` for None), as an `InputError` naming `what` if it is not."""
    if text.strip().lower() == "none":
        return None
    try:
        return int(text)
    except ValueError:
        raise InputError(Problem(what, f"expected a whole number, got {text!r}")) from None


@dataclass(frozen=True)
class MissingInput:
    """`series` has no value for `year`, which the amount of `needed_for` depends on."""

    series: str
    year: int
    needed_for: int

    def __str__(self) -> str:
        return f"{self.needed_for} needs {self.series} for {self.year}, which is not in the inputs"


@dataclass(frozen=True)
class ScheduledAmount:
    """One year of a schedule: the amount and the rate applied to the year before (percent).

    `amount` is None exactly when `missing` names the input that stopped the computation.
    """

    year: int
    amount: Decimal | None
    rate_pct: Decimal | None = None
    missing: MissingInput | None = None


class MissingInputError(InputError):
    """A schedule was required in full but some of its inputs are missing."""


@dataclass(frozen=True)
class Schedule:
    """Year-by-year amounts computed by `rule` (its name), first year first."""

    rule: str
    entries: tuple[ScheduledAmount, ...]

    @property
    def complete(self) -> bool:
        """True when every year has an amount."""
        return all(e.amount is not None for e in self.entries)

    @property
    def missing(self) -> tuple[MissingInput, ...]:
        """The distinct missing inputs (the first one blocks every later year)."""
        seen: dict[MissingInput, None] = {}
        for e in self.entries:
            if e.missing is not None:
                seen.setdefault(e.missing)
        return tuple(seen)

    def known(self) -> dict[int, Decimal]:
        """The years that could be computed, with their amounts."""
        return {e.year: e.amount for e in self.entries if e.amount is not None}

    def require(self) -> dict[int, Decimal]:
        """All amounts by year; raises `MissingInputError` naming every missing input."""
        if not self.complete:
            problems = [Problem(m.series, str(m)) for m in self.missing]
            raise MissingInputError(problems, source=f"escalation rule {self.rule}")
        return self.known()


def _check_years(years: Sequence[int]) -> tuple[int, ...]:
    """The years as a tuple, after checking they are consecutive and at least one."""
    ys = tuple(int(y) for y in years)
    if not ys:
        raise InputError(Problem("years", "expected at least one year"))
    for prev, nxt in pairwise(ys):
        if nxt != prev + 1:
            raise InputError(Problem("years", f"expected consecutive years, got {prev} then {nxt}"))
    return ys


@dataclass(frozen=True, kw_only=True)
class EscalationRule(ABC):
    """A rule that turns a first-year amount into year-by-year amounts.

    `round_to` rounds every computed year to that unit (in the unit of the first-year amount, e.g.
    0.1 for KRW 0.1 bn when amounts are in KRW bn), half up or down (`rounding`); the next year
    compounds on the rounded amount, as the published figures do.
    """

    name: ClassVar[str]
    round_to: Decimal | None = None
    rounding: str = "half_up"

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (int, float, str)) and "Decimal" in str(f.type):
                object.__setattr__(self, f.name, to_decimal(value, f.name))
        if self.rounding not in _ROUNDING_MODES:
            raise InputError(
                Problem(
                    "rounding",
                    f"expected one of {', '.join(_ROUNDING_MODES)}, got {self.rounding!r}",
                )
            )
        if self.round_to is not None and self.round_to <= 0:
            raise InputError(Problem("round_to", f"expected a positive unit, got {self.round_to}"))

    @abstractmethod
    def rate_for(self, year: int, inputs: Inputs) -> Decimal | MissingInput:
        """The percentage applied to the previous year's amount to get `year`'s amount."""

    @abstractmethod
    def describe(self) -> str:
        """One line of human text for the rule with its parameters."""

    def inputs_needed(self, years: Sequence[int]) -> tuple[tuple[str, int], ...]:
        """The (series, year) pairs the rule reads for these years."""
        return ()

    def params(self) -> dict[str, str]:
        """The parameters as text, enough to rebuild the rule with `make_rule(name, params)`."""
        return {
            f.name: str(getattr(self, f.name))
            for f in fields(self)
            if getattr(self, f.name) is not None
        }

    def amounts(
        self, first_year_amount: Number, years: Sequence[int], inputs: Inputs | None = None
    ) -> Schedule:
        """Amounts for `years` (consecutive), starting from `first_year_amount` in the first one."""
        ys = _check_years(years)
        amount: Decimal | None = to_decimal(first_year_amount, "first_year_amount")
        entries = [ScheduledAmount(ys[0], amount)]
        blocked: MissingInput | None = None
        for year in ys[1:]:
            if blocked is None:
                rate = self.rate_for(year, inputs or {})
                if isinstance(rate, MissingInput):
                    blocked = rate
                else:
                    assert amount is not None
                    amount = self._round(amount * (1 + rate / _HUNDRED))
                    entries.append(ScheduledAmount(year, amount, rate))
                    continue
            entries.append(ScheduledAmount(year, None, None, blocked))
        return Schedule(self.name, tuple(entries))

    def _round(self, amount: Decimal) -> Decimal:
        if self.round_to is None:
            return amount
        units = (amount / self.round_to).quantize(
            Decimal(1), rounding=_ROUNDING_MODES[self.rounding]
        )
        return units * self.round_to


@dataclass(frozen=True, kw_only=True)
class Flat(EscalationRule):
    """Same amount every year (6th SMA, 2005-06)."""

    name: ClassVar[str] = "flat"

    def rate_for(self, year: int, inputs: Inputs) -> Decimal:
        return Decimal(0)

    def describe(self) -> str:
        return "flat: the same amount every year"


@dataclass(frozen=True, kw_only=True)
class FixedRate(EscalationRule):
    """Prior year x (1 + rate_pct/100) (3rd SMA: +10 % a year, 1996-98)."""

    name: ClassVar[str] = "fixed_rate"
    rate_pct: Decimal = Decimal(0)

    def rate_for(self, year: int, inputs: Inputs) -> Decimal:
        return self.rate_pct

    def describe(self) -> str:
        return f"fixed rate: prior year + {self.rate_pct} % a year"


@dataclass(frozen=True, kw_only=True)
class _IndexLinked(EscalationRule):
    """Prior year x (1 + plus_pct + sum of `indices` of year - lag), capped at cap_pct.

    `rate_decimals` rounds each input rate to the precision at which it is published (Statistics
    Korea publishes annual CPI change to one decimal); None uses the inputs as given.
    """

    indices: ClassVar[tuple[str, ...]] = ()
    lag: int = 1
    plus_pct: Decimal = Decimal(0)
    cap_pct: Decimal | None = None
    rate_decimals: int | None = 1

    def __post_init__(self) -> None:
        super().__post_init__()
        for name in ("lag", "rate_decimals"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, _to_int(value, name))
        if not isinstance(self.lag, int) or self.lag < 0:
            raise InputError(Problem("lag", f"expected a lag of 0 or more years, got {self.lag}"))

    def inputs_needed(self, years: Sequence[int]) -> tuple[tuple[str, int], ...]:
        ys = _check_years(years)
        return tuple((series, y - self.lag) for y in ys[1:] for series in self.indices)

    def rate_for(self, year: int, inputs: Inputs) -> Decimal | MissingInput:
        total = self.plus_pct
        for series in self.indices:
            value = inputs.get(series, {}).get(year - self.lag)
            if value is None:
                return MissingInput(series, year - self.lag, year)
            rate = to_decimal(value, f"{series}[{year - self.lag}]")
            if self.rate_decimals is not None:
                rate = rate.quantize(Decimal(1).scaleb(-self.rate_decimals), rounding=ROUND_HALF_UP)
            total += rate
        if self.cap_pct is not None:
            total = min(total, self.cap_pct)
        return total

    def _terms(self) -> str:
        lag = (
            "same year"
            if self.lag == 0
            else f"{self.lag} year{'s' if self.lag > 1 else ''} earlier"
        )
        parts = " + ".join(self.indices) + f" ({lag})"
        if self.plus_pct:
            parts = f"{self.plus_pct} % + {parts}"
        cap = f", capped at {self.cap_pct} %" if self.cap_pct is not None else ""
        return f"prior year x (1 + {parts}){cap}"


@dataclass(frozen=True, kw_only=True)
class GnpPlusCpi(_IndexLinked):
    """Prior year x (1 + real GNP growth + CPI inflation) (4th SMA, 2000-01)."""

    name: ClassVar[str] = "gnp_plus_cpi"
    indices: ClassVar[tuple[str, ...]] = (REAL_GNP, CPI)

    def describe(self) -> str:
        return "real GNP growth + CPI: " + self._terms()


@dataclass(frozen=True, kw_only=True)
class LaggedCpi(_IndexLinked):
    """Prior year x (1 + CPI inflation `lag` years earlier), optionally capped (7th-9th, 12th)."""

    name: ClassVar[str] = "lagged_cpi"
    indices: ClassVar[tuple[str, ...]] = (CPI,)
    lag: int = 2

    def describe(self) -> str:
        return "lagged CPI: " + self._terms()


@dataclass(frozen=True, kw_only=True)
class DeflatorPlusFixed(_IndexLinked):
    """Prior year x (1 + plus_pct + GDP-deflator inflation `lag` years earlier) (5th SMA)."""

    name: ClassVar[str] = "deflator_plus_fixed"
    indices: ClassVar[tuple[str, ...]] = (GDP_DEFLATOR,)
    lag: int = 2

    def describe(self) -> str:
        return "fixed + GDP deflator: " + self._terms()


@dataclass(frozen=True, kw_only=True)
class DefenseBudgetGrowth(_IndexLinked):
    """Prior year x (1 + ROK defense-budget growth of the previous year) (11th SMA, 2022-25)."""

    name: ClassVar[str] = "defense_budget_growth"
    indices: ClassVar[tuple[str, ...]] = (DEFENSE_BUDGET,)

    def describe(self) -> str:
        return "ROK defense-budget growth: " + self._terms()


RULES: Mapping[str, type[EscalationRule]] = MappingProxyType(
    {
        cls.name: cls
        for cls in (Flat, FixedRate, GnpPlusCpi, LaggedCpi, DeflatorPlusFixed, DefenseBudgetGrowth)
    }
)
"""Every escalation rule by name."""


def make_rule(name: str, params: Mapping[str, Number | None] | None = None) -> EscalationRule:
    """Build the rule called `name` from its parameters (text or numbers), checking both."""
    cls = RULES.get(name)
    if cls is None:
        raise InputError(
            Problem("escalation_rule", f"unknown rule {name!r}; expected one of {', '.join(RULES)}")
        )
    allowed = {f.name for f in fields(cls)}
    unknown = sorted(set(params or {}) - allowed)
    if unknown:
        raise InputError(
            [
                Problem(
                    f"{name}.{key}",
                    f"unknown parameter; expected one of {', '.join(sorted(allowed))}",
                )
                for key in unknown
            ]
        )
    return cls(**dict(params or {}))  # type: ignore[arg-type]


def parse_params(text: str) -> dict[str, str]:
    """`"lag=2; cap_pct=4"` as a dict; the format of the `escalation_params` column."""
    result: dict[str, str] = {}
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise InputError(Problem("escalation_params", f"expected key=value, got {part!r}"))
        result[key.strip()] = value.strip()
    return result
