"""The SMA record as immutable values: agreements, the annual series, exchange rates, CPI, and the
ROK defense budget, with the conversions between currencies and to constant won.

Pure: `record.py` reads the package's CSV files into these values; nothing here touches a file.
Series amounts are kept in the unit they are published in (USD million to 2004, KRW billion from
2005); `full_amount` gives them in currency units.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from burdenshare.errors import InputError, Problem
from burdenshare.history.escalation import CPI, DEFENSE_BUDGET, EscalationRule, Schedule, make_rule

Status = Literal["published", "computed", "unverified"]
STATUSES: tuple[Status, ...] = ("published", "computed", "unverified")
"""published: a figure from a cited source; computed: what the agreement's rule gives from sourced
inputs (empty where an input is not yet known); unverified: not found in a public source, or
sources disagree (the note says how)."""

SCALES: Mapping[str, Decimal] = {"million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}
CURRENCIES = ("USD", "KRW")
NON_FORMULA_RULES = ("negotiated", "none")
"""Escalation codes that are not formulas: amounts negotiated year by year, or a one-year deal."""

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class MissingDataError(InputError):
    """A conversion needs a figure (an exchange rate, a CPI year) that the dataset does not have."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day (`1991-01` when only the month is known)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""
        match = _DATE.match(text.strip())
        if not match:
            raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
            raise ValueError(f"not a calendar date: {text!r}")
        return cls(year, month, day)

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        parts += [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)


@dataclass(frozen=True)
class Votes:
    """National Assembly plenary vote on consent; None where not found."""

    for_: int | None = None
    against: int | None = None
    abstain: int | None = None
    present: int | None = None

    @property
    def known(self) -> bool:
        """True when at least the votes for are known."""
        return self.for_ is not None

    def __str__(self) -> str:
        if not self.known:
            return ""
        text = f"{self.for_}/{self.against}/{self.abstain}"
        return text + (f" of {self.present}" if self.present is not None else "")


def format_amount(amount: Decimal | None, currency: str, scale: str) -> str:
    """`USD 150 M`, `KRW 1,038.9 bn`; an em dash for a missing amount."""
    if amount is None:
        return "—"
    suffix = {"million": "M", "billion": "bn"}[scale]
    whole = scale == "million" and amount == amount.to_integral_value()
    return f"{currency} {amount:,.0f} {suffix}" if whole else f"{currency} {amount:,.1f} {suffix}"


def format_full(amount: Decimal | None, currency: str) -> str:
    """An amount in currency units, shown in the scale its currency is published in."""
    if amount is None:
        return "—"
    scale, step = ("million", Decimal(1)) if currency == "USD" else ("billion", Decimal("0.1"))
    return format_amount((amount / SCALES[scale]).quantize(step), currency, scale)


@dataclass(frozen=True)
class Agreement:
    """One Special Measures Agreement (the `number`th), as the sources describe it."""

    number: int
    start_year: int
    end_year: int
    duration_years: int
    first_year_amount: Decimal
    currency: str
    scale: str
    escalation_rule: str
    escalation_params: tuple[tuple[str, str], ...]
    escalation_from_year: int | None
    escalation_text: str
    negotiation_start: PartialDate | None
    agreed: PartialDate | None
    signed: PartialDate | None
    assembly_consent: PartialDate | None
    in_force: PartialDate | None
    votes: Votes
    notable: str
    unverified: str
    sources: tuple[str, ...]

    @property
    def years(self) -> tuple[int, int]:
        """First and last year covered."""
        return (self.start_year, self.end_year)

    @property
    def first_year_full(self) -> Decimal:
        """The first-year amount in currency units."""
        return self.first_year_amount * SCALES[self.scale]

    def rule(self) -> EscalationRule | None:
        """The escalation rule as code, or None for negotiated / one-year agreements."""
        if self.escalation_rule in NON_FORMULA_RULES:
            return None
        return make_rule(self.escalation_rule, dict(self.escalation_params))


@dataclass(frozen=True)
class AnnualAmount:
    """The amount for one year, in the unit it is published in (`scale` of `currency`)."""

    year: int
    amount: Decimal | None
    currency: str
    scale: str
    status: Status
    agreement: int
    sources: tuple[str, ...]
    note: str

    @property
    def full_amount(self) -> Decimal | None:
        """The amount in currency units (None when missing)."""
        return None if self.amount is None else self.amount * SCALES[self.scale]


@dataclass(frozen=True)
class ExchangeRate:
    """Annual average KRW per USD."""

    year: int
    krw_per_usd: Decimal
    source: str


@dataclass(frozen=True)
class CpiYear:
    """Korean CPI inflation of one year (percent change of the annual average index)."""

    year: int
    inflation_pct: Decimal
    source: str


@dataclass(frozen=True)
class DefenseBudgetYear:
    """ROK defense budget (main budget) of one year, KRW, and its growth over the year before."""

    year: int
    budget_krw: Decimal
    growth_pct: Decimal
    source: str


@dataclass(frozen=True)
class Expressed:
    """An amount expressed in a currency (nominal or constant won), or why it cannot be."""

    amount: Decimal | None
    currency: str
    why_missing: str = ""


@dataclass(frozen=True)
class SmaRecord:
    """The whole dataset; lookups and conversions, nothing read from files."""

    agreements: tuple[Agreement, ...]
    series: tuple[AnnualAmount, ...]
    exchange_rates: Mapping[int, ExchangeRate]
    cpi: Mapping[int, CpiYear]
    defense_budget: Mapping[int, DefenseBudgetYear]

    def agreement(self, number: int) -> Agreement:
        """The `number`th SMA."""
        for a in self.agreements:
            if a.number == number:
                return a
        raise KeyError(number)

    def amount(self, year: int) -> AnnualAmount:
        """The series row for `year`."""
        for row in self.series:
            if row.year == year:
                return row
        raise KeyError(year)

    def rule_inputs(self) -> dict[str, dict[int, Decimal]]:
        """The input series the escalation rules read (percent by year)."""
        return {
            CPI: {y: c.inflation_pct for y, c in self.cpi.items()},
            DEFENSE_BUDGET: {y: d.growth_pct for y, d in self.defense_budget.items()},
        }

    def schedule(self, number: int) -> Schedule | None:
        """What agreement `number`'s rule gives from its base year's amount to its last year.

        None for agreements without a formula. The rule starts from the agreement's first-year
        amount, or from the series amount of `escalation_from_year` when that is a later year
        (2021 for the 11th SMA, whose 2020 was frozen).
        """
        agreement = self.agreement(number)
        rule = agreement.rule()
        start = agreement.escalation_from_year
        if rule is None or start is None:
            return None
        base = (
            agreement.first_year_amount
            if start == agreement.start_year
            else self.amount(start).amount
        )
        if base is None:
            raise MissingDataError(Problem("series", f"no amount for {start}"))
        years = range(start, agreement.end_year + 1)
        return rule.amounts(base, years, self.rule_inputs())

    def krw_per_usd(self, year: int) -> Decimal:
        """The annual average exchange rate of `year`."""
        rate = self.exchange_rates.get(year)
        if rate is None:
            raise MissingDataError(
                Problem("exchange_rates", f"no KRW/USD rate for {year} in the dataset")
            )
        return rate.krw_per_usd

    def convert(self, amount: Decimal, currency: str, to: str, year: int) -> Decimal:
        """`amount` of `currency` in `to`, at `year`'s average rate."""
        for c in (currency, to):
            if c not in CURRENCIES:
                raise InputError(
                    Problem("currency", f"expected one of {', '.join(CURRENCIES)}, got {c!r}")
                )
        if currency == to:
            return amount
        rate = self.krw_per_usd(year)
        return amount * rate if currency == "USD" else amount / rate

    @property
    def cpi_years(self) -> tuple[int, int]:
        """First and last year with a CPI figure."""
        return (min(self.cpi), max(self.cpi))

    def price_ratio(self, year: int, base_year: int) -> Decimal:
        """P(base_year) / P(year), chained from annual CPI inflation."""
        lo, hi = sorted((year, base_year))
        missing = [t for t in range(lo + 1, hi + 1) if t not in self.cpi]
        if missing:
            span = str(missing[0]) if len(missing) == 1 else f"{missing[0]}-{missing[-1]}"
            first, last = self.cpi_years
            raise MissingDataError(
                Problem("cpi", f"no CPI inflation for {span} (the dataset has {first}-{last})")
            )
        ratio = Decimal(1)
        for t in range(lo + 1, hi + 1):
            ratio *= 1 + self.cpi[t].inflation_pct / 100
        return ratio if base_year >= year else 1 / ratio

    def real(self, amount: Decimal, currency: str, year: int, base_year: int) -> Decimal:
        """`amount` of `currency` paid in `year`, in constant `base_year` won (Korean CPI)."""
        krw = self.convert(amount, currency, "KRW", year)
        return krw * self.price_ratio(year, base_year)

    def express(self, row: AnnualAmount, currency: str, real_base: int | None = None) -> Expressed:
        """The row's amount in `currency`: nominal at the year's rate, or in constant `real_base`
        won (converted to USD at the base year's rate when `currency` is USD)."""
        full = row.full_amount
        if full is None:
            return Expressed(None, currency, row.note)
        try:
            if real_base is None:
                return Expressed(self.convert(full, row.currency, currency, row.year), currency)
            krw = self.real(full, row.currency, row.year, real_base)
            return Expressed(self.convert(krw, "KRW", currency, real_base), currency)
        except MissingDataError as exc:
            return Expressed(None, currency, "; ".join(p.message for p in exc.problems))
