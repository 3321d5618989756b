"""The tenth pass's general rules, each with a known result (sentences invented for the test,
not cited as facts)."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract

DAY = dt.date(2021, 3, 10)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def _rounds(text: str) -> list[tuple[str, int | None]]:
    return [(e.kind, e.round) for e in extract(LEAD + text, report_date=DAY).events]


def test_an_ordinal_of_another_thing_does_not_hide_the_round_after_it() -> None:
    text = ("It was the first face-to-face meeting under President Biden's administration; the "
            "eighth round, on Feb. 5, was held by video link.")
    assert _rounds(text) == [("round_concluded", 8)]


def test_a_round_counted_overall_after_its_clause() -> None:
    text = ("The three-day meeting was the second under President Joe Biden, following a round "
            "held by videoconference last month, the eighth overall.")
    assert _rounds(text) == [("round_concluded", 8)]


def test_a_first_meeting_under_a_president_numbers_no_round() -> None:
    text = "The meeting in Washington was the first under President Biden's administration."
    assert all(r is None for _, r in _rounds(text))
