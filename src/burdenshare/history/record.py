"""Load the SMA record from the package's CSV files (the one place in `history/` that reads files).

`load_record()` returns an immutable `SmaRecord`; a malformed file raises `InputError` naming
the file, line and column. See docs/reference/sma-dataset.md for the columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import TypeVar, cast

from burdenshare.errors import InputError, Problem
from burdenshare.history.dataset import (
    CURRENCIES,
    SCALES,
    STATUSES,
    Agreement,
    AnnualAmount,
    CpiYear,
    DefenseBudgetYear,
    ExchangeRate,
    PartialDate,
    SmaRecord,
    Status,
    Votes,
)
from burdenshare.history.escalation import parse_params

T = TypeVar("T")

COLUMNS = {
    "agreements.csv": (
        "number", "start_year", "end_year", "duration_years", "first_year_amount", "currency",
        "scale",
        "escalation_rule", "escalation_params", "escalation_from_year", "escalation_text",
        "negotiation_start", "agreed", "signed", "assembly_consent", "in_force",
        "votes_for", "votes_against", "votes_abstain", "votes_present",
        "notable", "unverified", "sources",
    ),
    "series.csv": ("year", "amount", "currency", "scale", "status", "agreement", "source", "note"),
    "exchange_rates.csv": ("year", "krw_per_usd", "source"),
    "cpi.csv": ("year", "inflation_pct", "source"),
    "defense_budget.csv": ("year", "budget_krw_100m", "growth_pct", "source"),
}  # fmt: skip


class _Row:
    """One CSV row with typed getters that report the file, line and column of a bad value."""

    def __init__(self, values: dict[str, str], line: int, problems: list[Problem]) -> None:
        self.values, self.line, self.problems = values, line, problems

    def _get(
        self, column: str, parse: Callable[[str], T], expected: str, required: bool
    ) -> T | None:
        text = (self.values.get(column) or "").strip()
        if not text:
            if required:
                self.problems.append(
                    Problem(column, f"expected {expected}, got an empty value", self.line)
                )
            return None
        try:
            return parse(text)
        except (ValueError, InvalidOperation) as exc:
            self.problems.append(
                Problem(column, f"expected {expected}, got {text!r} ({exc})", self.line)
            )
            return None

    def text(self, column: str, required: bool = False) -> str:
        return self._get(column, str, "text", required) or ""

    def integer(self, column: str) -> int:
        return self._get(column, int, "an integer", True) or 0

    def opt_integer(self, column: str) -> int | None:
        return self._get(column, int, "an integer", False)

    def decimal(self, column: str) -> Decimal:
        return self._get(column, Decimal, "a number", True) or Decimal(0)

    def opt_decimal(self, column: str) -> Decimal | None:
        return self._get(column, Decimal, "a number", False)

    def date(self, column: str) -> PartialDate | None:
        return self._get(column, PartialDate.parse, "a date YYYY[-MM[-DD]]", False)

    def choice(self, column: str, options: tuple[str, ...]) -> str:
        value = self.text(column, required=True)
        if value and value not in options:
            self.problems.append(
                Problem(column, f"expected one of {', '.join(options)}, got {value!r}", self.line)
            )
        return value

    def sources(self, column: str) -> tuple[str, ...]:
        addresses = tuple(s.strip() for s in self.text(column).split(";") if s.strip())
        if not addresses:
            self.problems.append(Problem(column, "expected at least one source address", self.line))
        for address in addresses:
            if not address.startswith(("http://", "https://")):
                self.problems.append(
                    Problem(column, f"expected a web address, got {address!r}", self.line)
                )
        return addresses


def _rows(name: str, text: str, problems: list[Problem]) -> Iterator[_Row]:
    reader = csv.DictReader(io.StringIO(text))
    expected = COLUMNS[name]
    if tuple(reader.fieldnames or ()) != expected:
        problems.append(Problem("header", f"expected columns {', '.join(expected)}", 1))
        return
    for index, values in enumerate(reader, start=2):
        yield _Row(values, index, problems)


def _parse(name: str, text: str, build: Callable[[_Row], T]) -> tuple[T, ...]:
    problems: list[Problem] = []
    items = tuple(build(row) for row in _rows(name, text, problems))
    if problems:
        raise InputError(problems, source=f"burdenshare/history/data/{name}")
    return items


def _agreement(r: _Row) -> Agreement:
    params = r.text("escalation_params")
    try:
        parsed = tuple(parse_params(params).items())
    except InputError as exc:
        r.problems.extend(Problem(p.field, p.message, r.line) for p in exc.problems)
        parsed = ()
    return Agreement(
        number=r.integer("number"),
        start_year=r.integer("start_year"),
        end_year=r.integer("end_year"),
        duration_years=r.integer("duration_years"),
        first_year_amount=r.decimal("first_year_amount"),
        currency=r.choice("currency", CURRENCIES),
        scale=r.choice("scale", tuple(SCALES)),
        escalation_rule=r.text("escalation_rule", required=True),
        escalation_params=parsed,
        escalation_from_year=r.opt_integer("escalation_from_year"),
        escalation_text=r.text("escalation_text", required=True),
        negotiation_start=r.date("negotiation_start"),
        agreed=r.date("agreed"),
        signed=r.date("signed"),
        assembly_consent=r.date("assembly_consent"),
        in_force=r.date("in_force"),
        votes=Votes(
            r.opt_integer("votes_for"),
            r.opt_integer("votes_against"),
            r.opt_integer("votes_abstain"),
            r.opt_integer("votes_present"),
        ),
        notable=r.text("notable"),
        unverified=r.text("unverified"),
        sources=r.sources("sources"),
    )


def _annual(r: _Row) -> AnnualAmount:
    return AnnualAmount(
        year=r.integer("year"),
        amount=r.opt_decimal("amount"),
        currency=r.choice("currency", CURRENCIES),
        scale=r.choice("scale", tuple(SCALES)),
        status=cast(Status, r.choice("status", STATUSES)),
        agreement=r.integer("agreement"),
        sources=r.sources("source"),
        note=r.text("note"),
    )


def _source(r: _Row) -> str:
    """The one source address of a row of the yearly tables."""
    return ";".join(r.sources("source"))


def _rate(r: _Row) -> ExchangeRate:
    return ExchangeRate(r.integer("year"), r.decimal("krw_per_usd"), _source(r))


def _cpi(r: _Row) -> CpiYear:
    return CpiYear(r.integer("year"), r.decimal("inflation_pct"), _source(r))


def _budget(r: _Row) -> DefenseBudgetYear:
    budget = r.decimal("budget_krw_100m") * 10**8
    return DefenseBudgetYear(r.integer("year"), budget, r.decimal("growth_pct"), _source(r))


def _read(name: str) -> str:
    return files("burdenshare.history").joinpath("data", name).read_text(encoding="utf-8")


def parse_record(texts: dict[str, str]) -> SmaRecord:
    """Build the record from the text of each CSV file (by file name); used by `load_record`."""

    def by_year(items: tuple[T, ...]) -> MappingProxyType[int, T]:
        return MappingProxyType({cast(ExchangeRate, item).year: item for item in items})

    return SmaRecord(
        agreements=_parse("agreements.csv", texts["agreements.csv"], _agreement),
        series=_parse("series.csv", texts["series.csv"], _annual),
        exchange_rates=by_year(_parse("exchange_rates.csv", texts["exchange_rates.csv"], _rate)),
        cpi=by_year(_parse("cpi.csv", texts["cpi.csv"], _cpi)),
        defense_budget=by_year(_parse("defense_budget.csv", texts["defense_budget.csv"], _budget)),
    )


@cache
def load_record() -> SmaRecord:
    """The SMA record shipped with the package (read once)."""
    return parse_record({name: _read(name) for name in COLUMNS})


__all__ = [
    "COLUMNS",
    "Agreement",
    "AnnualAmount",
    "CpiYear",
    "DefenseBudgetYear",
    "ExchangeRate",
    "PartialDate",
    "SmaRecord",
    "Votes",
    "load_record",
    "parse_record",
]
