"""The ninth pass's general rules, each with a known result (sentences invented for the test,
not cited as facts)."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract

DAY = dt.date(2021, 3, 10)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def test_two_countries_sharing_a_bill_without_the_us_or_an_alliance_is_another_bill() -> None:
    text = ("SEOUL, Nov. 8 -- South Korea and China ended a round of fisheries talks on Friday. "
            "Seoul is also pushing Beijing to share the cost of a joint patrol program, which the "
            "ministry puts at 3.2 billion won a year.")
    assert extract(text).negotiation is None


def test_one_party_paying_under_the_deal_is_still_on_topic() -> None:
    text = ("SEOUL, Feb. 10, 2019 (Yonhap) -- Under the deal initialed Sunday, Seoul's share "
            "rises to 1.0389 trillion won this year.")
    assert extract(text).negotiation is not None


def _speakers(text: str) -> list[str]:
    return [s.speaker for s in extract(LEAD + text, report_date=DAY).statements]


def test_a_broadcast_caption_names_who_speaks_the_quote_after_it() -> None:
    text = ("Seoul's chief negotiator, Jeong Eun-bo, left the venue.\n\n"
            "[JEONG EUN-BO / Chief Negotiator]\n"
            "\"Any increase has to be reasonable and acceptable to our people.\"")
    assert _speakers(text) == ["Jeong Eun-bo"]


def test_a_presenter_caption_names_no_one() -> None:
    assert _speakers("[ANCHOR]\n\"Any increase has to be reasonable.\"") == []


def test_a_transcript_turn_may_carry_a_note_in_brackets() -> None:
    text = ("President Donald Trump did not mince words.\n\n"
            "TRUMP (sound bite): \"They made us an offer, and I rejected it.\"")
    assert "Donald Trump" in _speakers(text)


def test_a_pronoun_after_a_time_without_a_comma_is_the_person_named_before() -> None:
    text = ("Donald Trump has never believed that allies pay their way. On Tuesday he claimed "
            "that South Korea \"would be paying\" $10 billion a year.")
    assert _speakers(text) == ["Donald Trump"]


def test_a_relative_clause_with_a_number_or_whose_is_an_aside_of_the_subject() -> None:
    text = ("Thousands of Koreans work for U.S. Forces Korea. USFK, which employs roughly 9,000 "
            "Korean nationals, said the leave would last until a deal was reached. The U.S. "
            "State Department, whose delegation was led by Linda Specht, said the deal was fair.")
    assert _speakers(text) == ["U.S. Forces Korea", "U.S. State Department"]


def test_the_command_and_the_ministry_refer_back_to_the_one_named_before() -> None:
    text = ("USFK said the unpaid leave would last until a deal was reached. "
            "\"We regret the hardship,\" the command said in a statement. "
            "The figure, according to the Ministry of Foreign Affairs, reflects the growth of "
            "the defense budget. Later, the ministry said the 2022 rise would be 5.4 percent.")
    speakers = set(_speakers(text))
    assert "command" not in speakers and "ministry" not in speakers
    assert {"USFK", "Ministry of Foreign Affairs"} <= speakers


def test_estimates_without_a_possessive_are_their_authors() -> None:
    text = ("Only three allies met the benchmark in 2014. By last year, according to NATO "
            "estimates, 23 had reached it.")
    assert _speakers(text) == ["NATO"]


def test_was_quoted_as_saying_attributes_the_quote() -> None:
    text = ("\"We could not reach the finish line this time,\" Jeong Eun-bo, Seoul's chief "
            "negotiator, was quoted as saying.")
    assert _speakers(text) == ["Jeong Eun-bo"]
