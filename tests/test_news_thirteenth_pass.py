"""The thirteenth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract
from burdenshare.news.actors import find_actors

DAY = dt.date(2021, 3, 10)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def _speakers(text: str) -> list[str]:
    return [s.speaker for s in extract(LEAD + text, report_date=DAY).statements]


def test_a_country_before_its_own_office_is_one_actor() -> None:
    assert [(a.text, a.code) for a in find_actors("The U.S. State Department welcomed it")] == [
        ("U.S. State Department", "USAGOV")]
    assert _speakers("The U.S. State Department welcomed the agreement, saying it would "
                     "strengthen the alliance.") == ["U.S. State Department"]
    # two parties side by side stay two
    assert [a.code for a in find_actors("Seoul and the State Department differ")] == [
        "KOR", "USAGOV"]
