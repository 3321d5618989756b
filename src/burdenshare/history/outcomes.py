"""What actually happened in the talks each built-in scenario and backtest case models: the
agreed terms on the scenario's own issues and the date of agreement, each with its source, for
the backtest.

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


def _sma(
    record: SmaRecord, number: int, scenario: str, amount_note: str, years: str, note: str
) -> ActualOutcome:
    """An SMA whose first year is the first level agreed and whose escalation is a cap (or none,
    read as 0 %): the 8th, 9th, 10th and 12th."""
    sma = record.agreement(number)
    params = dict(sma.escalation_params)
    if "cap_pct" in params:
        escalation, how = float(params["cap_pct"]), "the cap on the CPI-linked annual rise"
    else:
        assert sma.escalation_rule == "none", sma.escalation_rule
        escalation, how = 0.0, "no escalation (a one-year agreement)"
    return ActualOutcome(
        scenario,
        _day(sma.agreed),
        sma.sources,
        (
            ActualTerm("amount", float(sma.first_year_amount), amount_note, sma.sources),
            ActualTerm(
                "escalation", escalation, f"{how} (the scenario's issue is the cap)", sma.sources
            ),
            ActualTerm("duration", float(sma.duration_years), years, sma.sources),
        ),
        note,
    )


def _sma_2024(record: SmaRecord) -> ActualOutcome:
    """The 12th SMA: 2026 amount, CPI-linked escalation capped at 5 %, five years."""
    return _sma(
        record, 12, "sma-2024", "the 2026 amount (+8.3 %)", "2026-2030",
        "announced 4 Oct 2024, before the 11th SMA expired",
    )  # fmt: skip


def _sma_backtest_cases(record: SmaRecord) -> dict[str, ActualOutcome]:
    """The 8th, 9th and 10th SMAs (the backtest cases sma-2008, sma-2013, sma-2018)."""
    cases = (
        _sma(
            record, 8, "sma-2008", "the 2009 amount (+2.5 % on 2008's KRW 741.5 bn)", "2009-2013",
            "main issues settled at the Honolulu round of 19-20 Nov 2008 (Dong-A); signed "
            "15 Jan 2009",
        ),
        _sma(
            record, 9, "sma-2013", "the 2014 amount (+5.8 % on 2013's KRW 869.5 bn)", "2014-2018",
            "agreed 12 Jan 2014, after the 8th SMA expired on 31 Dec 2013",
        ),
        _sma(
            record, 10, "sma-2018", "the 2019 amount (+8.2 % on 2018's KRW 960.2 bn)", "2019",
            "initialled 10 Feb 2019, after the 9th SMA expired on 31 Dec 2018",
        ),
    )  # fmt: skip
    return {c.scenario: c for c in cases}


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


JT16 = (
    "https://www.japantimes.co.jp/news/2016/01/22/national/"
    "tokyo-washington-sign-pact-to-continue-japans-support-for-u-s-military-bases/"
)
REUTERS15 = "https://next2ch.net/poverty/1450266005/1"  # quotes Reuters Tokyo, 16 Dec 2015
NTV16 = "https://news.ntv.co.jp/category/politics/326236"
NATO14 = "https://www.nato.int/cps/en/natohq/news_112461.htm"
COMMONS = "https://commonslibrary.parliament.uk/research-briefings/sn06981/"

ASAHI10 = (
    "https://megalodon.jp/ref/2010-1214-0742-33/www.asahi.com/politics/update/1213/"
    "TKY201012130410.html"
)
USEMB11 = "https://japan2.usembassy.gov/e/p/2011/tp-20110121-72.html"

JAPAN_HNS_2010 = ActualOutcome(
    "japan-hns-2010",
    dt.date(2010, 12, 13),
    (ASAHI10,),
    (
        ActualTerm("amount", 188.1, "the FY2010 level, JPY 188.1 bn a year, kept for FY2011-15",
                   (ASAHI10, USEMB11)),
        ActualTerm("duration", 5.0, "FY2011-15", (ASAHI10, USEMB11)),
    ),
    "agreement disclosed 13 Dec 2010, signed 21 Jan 2011, before FY2008-10 ended on 31 Mar 2011",
)  # fmt: skip

JAPAN_HNS_2015 = ActualOutcome(
    "japan-hns-2015",
    dt.date(2015, 12, 16),
    (REUTERS15, JT16),
    (
        ActualTerm("amount", 189.3, "JPY 946.5 bn over FY2016-20, about JPY 189.3 bn a year "
                   "(DoD News gave about JPY 189.9 bn a year)", (REUTERS15, JT16, NTV16)),
        ActualTerm("duration", 5.0, "FY2016-20", (JT16, NTV16)),
    ),
    "agreed in principle 16 Dec 2015, signed 22 Jan 2016, before FY2011-15 ended on 31 Mar 2016",
)  # fmt: skip

JAPAN_HNS_2020 = ActualOutcome(
    "japan-hns-2020",
    dt.date(2021, 2, 17),
    (NEWSFRONT21,),
    (
        ActualTerm("amount", 201.7, "JPY 201.7 bn for FY2021", (NEWSFRONT21,)),
        ActualTerm("duration", 1.0, "FY2021 only, a one-year extension", (NEWSFRONT21,)),
    ),
    "agreed 17 Feb 2021, before FY2016-20 ended on 31 Mar 2021",
)  # fmt: skip

NATO_2014 = ActualOutcome(
    "nato-2014",
    dt.date(2014, 9, 5),
    (NATO14,),
    (
        ActualTerm("core", 2.0, "aim to move towards 2 % of GDP on defence", (NATO14, COMMONS)),
        ActualTerm("year", 2024.0, "within a decade of the 2014 summit", (COMMONS,)),
    ),
    "Wales summit, 4-5 Sep 2014: the Defence Investment Pledge",
)  # fmt: skip


def actual_outcomes(record: SmaRecord) -> dict[str, ActualOutcome]:
    """The known outcome of each built-in scenario and backtest case, by scenario name."""
    return {
        "sma-2019": _sma_2019(record),
        "sma-2024": _sma_2024(record),
        "japan-hns-2021": JAPAN_HNS_2021,
        "nato-2025": NATO_2025,
        # the backtest cases (scenario/cases/): earlier talks of the same series
        **_sma_backtest_cases(record),
        "japan-hns-2010": JAPAN_HNS_2010,
        "japan-hns-2015": JAPAN_HNS_2015,
        "japan-hns-2020": JAPAN_HNS_2020,
        "nato-2014": NATO_2014,
    }
