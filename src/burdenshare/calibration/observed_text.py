"""Observed positions from text (pure): a small CSV, or a timeline written by `news --timeline`.

CSV: a header line, then one position per line with the columns `date` (YYYY-MM-DD), `party`
(a scenario party, or a country code such as `KOR`), `amount` (whole currency units, e.g.
5000000000) and `currency` (ISO code), or instead `factor` (a multiple of the status quo, e.g.
1.13 for +13 %), and `source`. Timeline JSON: its positions stated as a demand or an offer;
a month or year stands for its last day (the position as of then). Reading the file is the
edge's job (`burdenshare.scenario.observed_file`).
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import math
from collections.abc import Callable

from burdenshare.calibration.observations import Observation
from burdenshare.errors import InputError, Problem
from burdenshare.news.timeline import Timeline, observed_positions

COLUMNS = ("date", "party", "amount", "currency", "factor", "source")
STANCES = ("demand", "offer")


def _as_of(text: str) -> dt.date:
    """The last day a date of any precision (YYYY, YYYY-MM, YYYY-MM-DD) denotes."""
    if len(text) == 4:
        return dt.date(int(text), 12, 31)
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:7])
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date.fromisoformat(text)


def parse_observed(
    text: str, origin: str, resolve: Callable[[str], str | None]
) -> tuple[Observation, ...]:
    """The observations in `text` (CSV or timeline JSON) read from `origin`, parties mapped with
    `resolve` (a reported party → scenario party, None if unknown). `InputError` for empty or
    malformed text, no position, or an unknown party."""
    if not text.strip():
        raise InputError(Problem("", "the file is empty; expected observed positions"), origin)
    if text.lstrip().startswith("{"):
        found = _from_timeline(text, origin, resolve)
    else:
        try:
            found = _from_csv(text, origin, resolve)
        except csv.Error as exc:
            raise InputError(Problem("", f"malformed CSV: {exc}"), origin) from None
    if not found:
        raise InputError(
            Problem(
                "",
                "no observed positions (a demand or offer with a date and an amount or "
                "a factor); nothing to calibrate to",
            ),
            origin,
        )
    return tuple(sorted(found, key=lambda o: (o.date, o.party)))


def _from_csv(text: str, origin: str, resolve: Callable[[str], str | None]) -> list[Observation]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in ("date", "party") if c not in header]
    if missing or not ({"amount", "currency"} <= set(header) or "factor" in header):
        raise InputError(
            Problem(
                "",
                f"expected a header with the columns {', '.join(COLUMNS)} "
                f"(amount and currency, or factor), got {', '.join(header) or 'none'}",
                1,
            ),
            origin,
        )
    out = []
    problems = []
    for number, row in enumerate(reader, start=2):
        cells = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not any(cells.values()):
            continue
        try:
            date = _as_of(cells["date"])
        except ValueError:
            problems.append(Problem("date", f"expected YYYY-MM-DD, got {cells['date']!r}", number))
            continue
        party = resolve(cells["party"])
        if party is None:
            problems.append(Problem("party", f"unknown party {cells['party']!r}", number))
            continue
        amount = factor = None
        try:
            if cells.get("amount"):
                amount = float(cells["amount"].replace(",", ""))
            if cells.get("factor"):
                factor = float(cells["factor"])
        except ValueError:
            problems.append(Problem("amount", "expected a number (amount or factor)", number))
            continue
        if not all(math.isfinite(x) for x in (amount, factor) if x is not None):
            problems.append(
                Problem("amount", "expected a finite number (amount or factor)", number)
            )
            continue
        currency = cells.get("currency", "").upper() or None
        if (amount is None or currency is None) and factor is None:
            problems.append(
                Problem("amount", "expected an amount with its currency, or a factor", number)
            )
            continue
        if (amount is not None and amount <= 0) or (factor is not None and factor <= 0):
            problems.append(Problem("amount", "expected a positive amount or factor", number))
            continue
        out.append(Observation(date, party, amount, currency, factor, cells.get("source", "")))
    if problems:
        raise InputError(problems, origin)
    return out


def _not_a_number(name: str) -> float:
    """JSON has no NaN or Infinity (Python's `json` reads them unless told not to)."""
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    """A JSON number as a float; too large for one (1e400 would be read as infinity) refused."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large for a number here")
    return value


def _from_timeline(
    text: str, origin: str, resolve: Callable[[str], str | None]
) -> list[Observation]:
    try:
        data = json.loads(text, parse_constant=_not_a_number, parse_float=_finite)
        timeline = Timeline.from_dict(data)
    except RecursionError:
        raise InputError(Problem("", "not valid JSON (nested too deeply)"), origin) from None
    except json.JSONDecodeError as exc:
        raise InputError(Problem("", f"not valid JSON ({exc.msg})", exc.lineno), origin) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(Problem("", f"not a valid timeline: {exc}"), origin) from None
    out = []
    problems = []
    for o in observed_positions(timeline):
        if o.stance not in STANCES or o.date is None:
            continue
        if o.amount is None and o.factor is None:
            continue
        party = resolve(o.party or "")
        if party is None:
            problems.append(Problem("positions", f"unknown party {o.party!r}"))
            continue
        has_amount = o.amount is not None and bool(o.currency)
        try:
            date = _as_of(o.date)
        except ValueError:
            problems.append(Problem("positions", f"expected a date YYYY-MM-DD, got {o.date!r}"))
            continue
        out.append(
            Observation(
                date,
                party,
                o.amount if has_amount else None,
                o.currency if has_amount else None,
                None if has_amount else o.factor,
                " | ".join(o.sources),
            )
        )
    if problems:
        raise InputError(problems, origin)
    return out
