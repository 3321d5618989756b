"""The twentieth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import events as _events


def test_an_earlier_first_round_the_meeting_followed_is_a_round_held_and_over() -> None:
    day = dt.date(2024, 5, 23)
    found = _events("The second round ended in Seoul on Thursday. It followed a first round "
                    "held in Honolulu from April 23 to 25.", day=day)
    assert found == [("round_concluded", "2024-05-23"), ("round_concluded", "2024-04-23")]
