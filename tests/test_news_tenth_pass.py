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


def _speakers(text: str) -> list[str]:
    return [s.speaker for s in extract(LEAD + text, report_date=DAY).statements]


def test_officials_who_called_a_figure_unrealistic_made_a_statement() -> None:
    text = ("Korean officials have called that figure unrealistic, while U.S. officials have "
            "argued Seoul can afford more.")
    assert _speakers(text) == ["Korean officials", "U.S. officials"]


def test_the_object_may_come_before_called() -> None:
    text = ("Washington put a demand of $4.7 billion a year on the table -- a figure South "
            "Korean officials have privately called unrealistic.")
    assert _speakers(text) == ["South Korean officials"]


def test_talks_called_off_are_no_statement() -> None:
    assert _speakers("The fifth round was called off.") == []


def test_according_to_after_a_transcript_turn() -> None:
    text = ("REPORTER: According to a government official here, the United States has lowered "
            "its demand to about 1.3 billion dollars a year.")
    assert _speakers(text) == ["a government official"]


def test_a_ministry_official_in_a_city_is_the_ministry_official() -> None:
    text = "A senior foreign ministry official in Seoul said the position was unchanged."
    assert _speakers(text) == ["A senior foreign ministry official"]
    assert _speakers("Officials in Seoul said the position was unchanged.") == [
        "Officials in Seoul"]
