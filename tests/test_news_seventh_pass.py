"""The seventh pass's general rules, each with a known result (sentences invented for the test,
not cited as facts): the fullest name of an office-holder, bare groups named as written, a
further round coordinated in the same sentence."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract
from burdenshare.news.evaluation import found_sets

DAY = dt.date(2019, 11, 19)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def test_a_minister_named_by_surname_is_the_full_name_given_with_the_office() -> None:
    x = extract(LEAD + "Minister of Foreign Affairs Kang Kyung-wha signed the agreement. "
                "Minister Kang stated that the deal was fair.", report_date=DAY)
    assert {s.speaker for s in x.statements} == {"Kang Kyung-wha"}


def test_bare_officials_are_named_as_written_not_as_the_group_before() -> None:
    x = extract(LEAD + "The amount is about 1 trillion won a year, government officials said. "
                "The deal will be signed next week, officials said.", report_date=DAY)
    assert found_sets(x)["speaker"] == {"government officials", "officials"}


def test_the_ministry_refers_back_to_the_ministry_that_spoke_before() -> None:
    x = extract(LEAD + "South Korea's foreign ministry said the talks were useful. The ministry "
                "said another round is planned.", report_date=DAY)
    assert {s.speaker for s in x.statements} == {"South Korea's foreign ministry"}


def test_a_speaker_after_but_or_though_is_the_clause_s_subject() -> None:
    x = extract(LEAD + "Washington first demanded $5 billion, though officials here say the "
                "U.S. side has since shown flexibility.", report_date=DAY)
    assert {s.speaker for s in x.statements} == {"officials"}


def _rounds(text: str) -> set[tuple[str, str | None, str | None, int | None]]:
    x = extract(LEAD + text, report_date=DAY)
    return {(e.kind, e.when.date if e.when else None, e.place, e.round) for e in x.events}


def test_a_further_round_after_and_has_its_own_number_place_and_date() -> None:
    assert _rounds("The allies held the first round of the talks in Seoul in September and the "
                   "second in Honolulu last month.") == {
        ("round_concluded", "2019-09", "Seoul", 1),
        ("round_concluded", "2019-10", "Honolulu", 2),
    }


def test_a_further_round_the_talks_moved_to() -> None:
    assert _rounds("The allies held a first round in Seoul on Sept. 24-25 and moved to Honolulu "
                   "for a second round on Oct. 23-24.") == {
        ("round_concluded", "2019-09-24", "Seoul", 1),
        ("round_concluded", "2019-10-23", "Honolulu", 2),
    }


def test_a_deal_and_a_second_look_is_no_further_round() -> None:
    # the first clause tells no numbered round: nothing is split off
    kinds = {k for k, *_ in _rounds("The two sides reached a deal in Seoul on Tuesday and the "
                                    "second vice minister welcomed it.")}
    assert "round_concluded" not in kinds


def test_leaders_agreeing_in_the_dateline_lede_agree_where_the_report_was_filed() -> None:
    x = extract("THE HAGUE, 25 June 2025 -- NATO leaders agreed on Wednesday to raise defence "
                "spending to 5% of GDP by 2035 and to share the cost of the alliance's common "
                "budgets.", report_date=dt.date(2025, 6, 25))
    assert [(e.kind, e.place) for e in x.events] == [("deal_announced", "The Hague")]


def test_a_deal_in_the_dateline_lede_without_leaders_has_no_place_unless_said() -> None:
    x = extract("SEOUL, April 16 (Yonhap) -- The National Assembly on Wednesday approved a new "
                "deal on how much South Korea will pay for the upkeep of U.S. troops stationed "
                "here.", report_date=dt.date(2014, 4, 16))
    assert [(e.kind, e.place) for e in x.events] == [("ratification_vote", None)]


def test_a_place_in_the_clause_of_another_event_is_not_this_event_s() -> None:
    x = extract("WASHINGTON (AP) — American and South Korean negotiators ended two days of talks "
                "on Wednesday without agreeing on how much Seoul should pay toward the upkeep of "
                "U.S. troops, and they plan to meet again in Seoul later this month.",
                report_date=dt.date(2019, 12, 4))
    assert {(e.kind, e.place) for e in x.events} == {
        ("round_concluded", "Washington"), ("talks_scheduled", "Seoul")}
