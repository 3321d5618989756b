"""The twenty-third pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import DAY, LEAD
from news_passes import events as _events
from news_passes import placed as _placed
from news_passes import speakers as _speakers

from burdenshare.news import extract
from burdenshare.news.clean import clean_report


def test_a_presidential_candidate_named_by_surname_is_the_speaker() -> None:
    for text in ('Republican presidential nominee Trump said Tuesday that South Korea "would be '
                 'paying $10 billion a year" for American troops.',
                 "* Republican presidential candidate Trump said on Oct. 15 that South Korea would "
                 "be paying $10 billion a year."):
        assert "Trump" in _speakers(text), text
    # a candidate unnamed speaks for no one the report names
    text = "Every campaign season, a candidate tells a crowd that an ally is getting a free ride."
    assert _speakers(text) == []


def test_a_connective_before_the_time_and_the_name_is_no_part_of_the_speaker() -> None:
    for text in ('Yet on Tuesday Trump declared that Seoul "would be paying" $10 billion a year.',
                 "Yet Trump declared that Seoul would be paying $10 billion a year.",
                 "But on Oct. 15 Trump said that Seoul would be paying $10 billion a year."):
        assert _speakers(text) == ["Trump"], text


def test_a_statement_of_any_kind_set_off_and_a_date_before_the_verb_leave_the_speaker() -> None:
    for text in ("Seoul's foreign ministry, in a terse statement, said it regretted the outcome.",
                 "South Korea's foreign ministry on March 10 released details of a new agreement.",
                 "South Korea's foreign ministry on 10 March said the talks would continue."):
        assert len(_speakers(text)) == 1 and _speakers(text)[0].endswith("foreign ministry"), text


def test_allies_that_settled_how_much_one_pays_announce_a_deal() -> None:
    day = dt.date(2024, 10, 5)
    text = ("South Korea and the United States have settled how much Seoul will contribute to the "
            "upkeep of U.S. Forces Korea for the five years from 2026, the foreign ministry "
            "announced Friday.")
    assert ("deal_announced", "2024-10-04") in _events(text, day=day)
    for text in ("South Korea and the United States have not settled how much Seoul will pay.",
                 "South Korea and the United States have yet to settle how much Seoul will pay."):
        assert all(kind != "deal_announced" for kind, _ in _events(text, day=day)), text


def test_a_deal_with_a_long_apposition_before_its_passive_is_announced() -> None:
    text = ("The deal, hammered out by chief negotiators Lee Tae-woo and Linda Specht, was "
            "announced on Oct. 4.")
    assert _events(text) == [("deal_announced", "2024-10-04")]


def test_a_round_officials_expect_to_take_place_is_a_meeting_to_come() -> None:
    day = dt.date(2019, 11, 19)
    for text in ("Officials say they still expect a fourth round to take place early next month, "
                 "although no date has been announced.",
                 "Officials expect the fourth round to be held in Washington next month."):
        assert ("talks_scheduled", "2019-12") in _events(text, day=day), text


def test_the_next_round_of_something_other_than_talks_is_no_meeting_to_come() -> None:
    for text in ("The allies say the next round of drills will follow in the summer.",
                 "But the next round of pressure from Washington will not be about arithmetic."):
        assert all(kind != "talks_scheduled" for kind, _ in _events(text)), text
    text = "The next round of talks will be held in Washington in December."
    assert ("talks_scheduled", "2024-12") in _events(text)


def test_a_readers_comment_under_a_handle_and_a_bar_is_noise() -> None:
    text = ("Seoul's position has not changed, the ministry said.\n\nComments (2)\n"
            "  dmzwatcher | Next round will be even harder.\n"
            "  kim**** | Pay a fair amount, not whatever he wants.\n")
    cleaned = clean_report(text).text
    assert "Next round" not in cleaned and "fair amount" not in cleaned
    assert "the ministry said" in cleaned
    assert all(kind != "talks_scheduled" for kind, _ in _events(text))


def test_talks_opened_with_a_demand_tell_the_demand_not_an_opening() -> None:
    day = dt.date(2020, 4, 21)
    for text in ("A 13 percent rise is not small, and it came after Washington opened these talks "
                 "demanding about $5 billion a year.",
                 "- Washington opened the talks in 2019 reportedly seeking about $5 billion a "
                 "year.",
                 "In 2019 Washington opened the negotiations asking for about $5 billion a year."):
        assert all(kind != "talks_opened" for kind, _ in _events(text, day=day)), text
    text = "The two allies opened the talks in Honolulu on Tuesday."
    assert ("talks_opened", "2020-04-21") in _events(text, day=day)


def test_an_office_held_in_the_white_house_is_no_meetings_place() -> None:
    text = ("Barely two weeks after South Korea and the United States settled their latest "
            "cost-sharing terms, Trump has said that, were he back in the White House, Seoul "
            '"would be paying $10 billion a year" for the American forces.')
    assert all(place is None for _, _, place in _placed(LEAD + "\n" + text, DAY))
    text = "The two allies struck the deal at the White House on Monday."
    assert ("deal_announced", "2024-11-25", "Washington") in _placed(LEAD + "\n" + text, DAY)


def test_a_source_an_approval_or_an_office_in_a_city_is_no_meetings_place() -> None:
    for text in ("Working-level negotiators had reached a tentative agreement in late March, "
                 "according to reports in Seoul.",
                 "Officials struck a tentative deal in late March, though it has yet to receive "
                 "final approval in Washington.",
                 "Negotiators had settled on that figure in March, only for it to be blocked at "
                 "the very top in Washington."):
        assert all(place is None for _, _, place in _placed(LEAD + "\n" + text, DAY)), text


def test_two_cities_joined_name_no_one_meeting_place() -> None:
    text = ("The remark came two weeks after negotiators in Seoul and Washington announced, on "
            "Oct. 4, a new cost-sharing deal.")
    assert _placed(LEAD + "\n" + text, DAY) == [("deal_announced", "2024-10-04", None)]
    text = "The eighth round was held in Seoul and Washington said it would continue."
    assert ("round_concluded", None, "Seoul") in _placed(LEAD + "\n" + text, DAY)


def test_a_rounds_place_and_time_set_off_by_commas_date_it() -> None:
    day = dt.date(2019, 12, 4)
    text = ("The previous session, in Seoul last month, ended abruptly when the U.S. team "
            "walked out.")
    assert ("round_concluded", "2019-11", "Seoul") in _placed(LEAD + "\n" + text, day)


def test_todays_walkout_is_dated_today_not_by_the_expiry_before_it() -> None:
    day = dt.date(2019, 11, 19)
    text = ("That deal expires at the end of December... and with today's walkout, the chances "
            "of replacing it in time look slim.")
    found = _events(text, day=day)
    assert ("talks_broken_off", "2019-11-19") in found
    assert ("talks_broken_off", "2019-12-31") not in found


def test_a_rounds_place_said_once_carries_to_that_round_in_a_report_of_several() -> None:
    day = dt.date(2019, 11, 19)
    text = ("Defense cost-sharing talks between Seoul and Washington collapsed today, with the "
            "American delegation walking out of the third round after an hour and a half.\n"
            "The third round of talks was scheduled to wrap up later today in Seoul.\n"
            "Jeong Eun-bo took over as chief negotiator before last month's second round in "
            "Honolulu.")
    found = _placed(LEAD + "\n" + text, day)
    assert ("talks_broken_off", "2019-11-19", "Seoul") in found


def test_a_round_that_had_to_be_held_was_held() -> None:
    day = dt.date(2021, 3, 10)
    text = "The eighth round, last month, had to be held by video link."
    assert _placed(LEAD + "\n" + text, day) == [("round_concluded", "2021-02", "video conference")]


def test_the_ledes_meeting_taken_up_by_its_length_and_place_is_held_there() -> None:
    day = dt.date(2019, 10, 25)
    text = ("SEOUL, Oct. 25 (Yonhap) -- South Korea and the United States wrapped up their second "
            "round of negotiations on sharing the cost of stationing American troops here on "
            "Thursday, officials said Friday.\n\n"
            "The two-day session in Honolulu was the first for Jeong Eun-bo, Seoul's new chief "
            "negotiator.")
    assert _placed(text, day) == [("round_concluded", "2019-10-24", "Honolulu")]
    # a session told by its month names no place
    text = text.replace("two-day session in Honolulu", "two-day session in October")
    assert _placed(text, day) == [("round_concluded", "2019-10-24", "Seoul")]


def test_the_city_a_meetings_where_clause_hangs_on_is_its_place() -> None:
    day = dt.date(2020, 3, 21)
    text = ("South Korea's top negotiator is back from Los Angeles, where the seventh round "
            "wrapped up on Thursday without a deal.")
    assert _placed(LEAD + "\n" + text, day) == [("round_concluded", "2020-03-19", "Los Angeles")]


def test_sitting_down_for_days_of_talks_opens_them() -> None:
    day = dt.date(2020, 3, 19)
    text = ("Jeong Eun-bo and his U.S. counterpart James DeHart sat down on March 17 for three "
            "days of talks, the first face-to-face session in two months.")
    assert ("talks_opened", "2020-03-17") in _events(text, day=day)


def test_groups_counted_qualified_or_in_a_where_clause_speak() -> None:
    cases = {
        "The main opposition party had complained that there was too little oversight of how "
        "the money is spent.": ["main opposition party"],
        "A handful of opposition lawmakers complained during the debate that the 2021 increase "
        "was too steep for a single year.": ["opposition lawmakers"],
        "The deal still needs the consent of the National Assembly, where opposition lawmakers "
        "have said the contribution should face tighter scrutiny.": ["opposition lawmakers"],
        # people in general name no one
        "Turning now to the Korean Peninsula, where the people who keep America's bases running "
        "say they have had enough.": [],
    }
    for text, expected in cases.items():
        assert _speakers(text) == expected, text


def test_a_states_start_alone_does_not_date_a_yearless_dateline() -> None:
    text = ("SEOUL, Oct. 25 (Yonhap) -- South Korea and the United States wrapped up their second "
            "round of negotiations on sharing the cost of stationing American troops here on "
            "Thursday, officials said Friday.\n\n"
            "Since 1991, South Korea has shouldered part of the upkeep of U.S. Forces Korea.")
    assert extract(text).report_date is None
