"""What actually happened in the talks each built-in scenario models: the agreed terms on the
scenario's own issues and the date of agreement, each with its source, for the backtest.

The SMA cases are read off the sourced SMA record (`SmaRecord`, passed in: this module reads no
file); the Japan and NATO cases are written here with the addresses the scenarios cite. Where an
issue of the scenario has no single published figure the value says how it is derived (e.g. the
11th SMA's escalation is a formula; the figure compared is its realised average 2021-25).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from burdenshare.history.dataset import PartialDate, SmaRecord


@dataclass(frozen=True)
class ActualTerm:
    """The agreed value of one issue of a scenario, how it is read, and its sources."""

    issue: str
    value: float
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ActualOutcome:
    """The agreement the talks of `scenario` reached: its date, its terms, their sources;
    `deadline`, when a stop-gap had moved the deadline the final deal was reached against (deals
    in stages), with its sources."""

    scenario: str
    agreed: dt.date
    agreed_sources: tuple[str, ...]
    terms: tuple[ActualTerm, ...]
    note: str = ""
    deadline: dt.date | None = None
    deadline_sources: tuple[str, ...] = ()

    def term(self, issue: str) -> ActualTerm | None:
        """The actual value of `issue`, if known."""
        return next((t for t in self.terms if t.issue == issue), None)


def _day(date: PartialDate | None) -> dt.date:
    assert date is not None and date.month is not None and date.day is not None
    return dt.date(date.year, date.month, date.day)


def _amount(record: SmaRecord, year: int) -> tuple[float, tuple[str, ...]]:
    row = record.amount(year)
    assert row.amount is not None and row.status == "published", row
    return float(row.amount), row.sources


def _sma_2019(record: SmaRecord) -> ActualOutcome:
    """The 11th SMA: 2020 frozen at the 2019 level, 2021 +13.9 %, then defense-budget growth."""
    sma = record.agreement(11)
    first, first_src = _amount(record, 2021)
    last, last_src = _amount(record, 2025)
    growth = ((Decimal(str(last)) / Decimal(str(first))) ** (Decimal(1) / 4) - 1) * 100
    return ActualOutcome(
        "sma-2019",
        _day(sma.agreed),
        sma.sources,
        (
            ActualTerm(
                "amount",
                first,
                "the 2021 amount, the first level the deal raised (2020 was frozen at the 2019 "
                "level, KRW 1,038.9 bn)",
                first_src,
            ),
            ActualTerm(
                "escalation",
                round(float(growth), 2),
                "realised average annual rise 2021-25 under the defense-budget-growth rule "
                "(published 2021 and 2025 amounts)",
                first_src + last_src,
            ),
            ActualTerm("duration", float(sma.duration_years), "2020-2025", sma.sources),
        ),
        "agreed in principle 7 Mar 2021, after a lapse from 1 Jan 2020",
    )


def _sma_2024(record: SmaRecord) -> ActualOutcome:
    """The 12th SMA: 2026 amount, CPI-linked escalation capped at 5 %, five years."""
    sma = record.agreement(12)
    cap = dict(sma.escalation_params)["cap_pct"]
    return ActualOutcome(
        "sma-2024",
        _day(sma.agreed),
        sma.sources,
        (
            ActualTerm(
                "amount", float(sma.first_year_amount), "the 2026 amount (+8.3 %)", sma.sources
            ),
            ActualTerm(
                "escalation",
                float(cap),
                "the cap on the CPI-linked annual rise (the scenario's issue is the cap)",
                sma.sources,
            ),
            ActualTerm("duration", float(sma.duration_years), "2026-2030", sma.sources),
        ),
        "announced 4 Oct 2024, before the 11th SMA expired",
    )


NIPPON21 = (
    "https://www.nippon.com/en/news/yjj2021122100895/"
    "japan-to-spend-over-1-t-yen-for-u-s-forces-over-5-years.html"
)
AGENCE25 = "https://agenceurope.eu/en/bulletin/detail/13667"
NEWSFRONT21 = (
    "https://en.news-front.su/2021/02/17/"
    "japan-and-the-us-agree-to-extend-the-terms-of-maintenance-of-us-military-bases-by-a-year"
)

JAPAN_HNS_2021 = ActualOutcome(
    "japan-hns-2021",
    dt.date(2021, 12, 21),
    (NIPPON21,),
    (
        ActualTerm("amount", 211.02, "JPY 1,055.1 bn over FY2022-26, over five years", (NIPPON21,)),
        ActualTerm("duration", 5.0, "FY2022-26", (NIPPON21,)),
    ),
    "agreed 21 Dec 2021, before FY2021 (the one-year extension) ended on 31 Mar 2022",
    dt.date(2022, 3, 31),  # the one-year extension for FY2021 moved the deadline
    (NEWSFRONT21,),
)

NATO_2025 = ActualOutcome(
    "nato-2025",
    dt.date(2025, 6, 25),
    (AGENCE25,),
    (
        ActualTerm("core", 3.5, "at least 3.5 % of GDP on core defence (Spain: about 2.1 %)",
                   (AGENCE25,)),
        ActualTerm("related", 1.5, "1.5 % of GDP security-related", (AGENCE25,)),
        ActualTerm("year", 2035.0, "5 % in all by 2035", (AGENCE25,)),
    ),
    "The Hague summit, 24-25 Jun 2025",
)  # fmt: skip


def actual_outcomes(record: SmaRecord) -> dict[str, ActualOutcome]:
    """The known outcome of each built-in scenario, by scenario name."""
    return {
        "sma-2019": _sma_2019(record),
        "sma-2024": _sma_2024(record),
        "japan-hns-2021": JAPAN_HNS_2021,
        "nato-2025": NATO_2025,
    }
