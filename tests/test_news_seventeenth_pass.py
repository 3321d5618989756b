"""The seventeenth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract

DAY = dt.date(2019, 12, 18)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def _speakers(text: str, lead: str = LEAD) -> list[str]:
    return [s.speaker for s in extract(lead + text, report_date=DAY).statements]


def _events(text: str, lead: str = LEAD, day: dt.date | None = DAY) -> list[tuple[str, str | None]]:
    return [(e.kind, e.when.date if e.when else None)
            for e in extract(lead + text, report_date=day).events]


def test_a_dateline_without_its_city_dates_the_report() -> None:
    text = ("FACTBOX-Key terms of the new deal\n\nMarch 10, 2021 (Reuters) - South Korea's "
            "foreign ministry on Wednesday released details of a six-year agreement with the "
            "United States on sharing the cost of U.S. troops.\n\n* The allies reached an "
            "agreement in principle on March 7 in Washington.")
    x = extract(text)
    assert x.report_date == "2021-03-10"
    assert [(e.kind, e.when.date if e.when else None) for e in x.events] == [
        ("deal_announced", "2021-03-07")]
    # a date opening a sentence is no dateline
