"""The twentieth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import events as _events
from news_passes import placed as _placed
from news_passes import speakers as _speakers


def test_an_earlier_first_round_the_meeting_followed_is_a_round_held_and_over() -> None:
    day = dt.date(2024, 5, 23)
    found = _events("The second round ended in Seoul on Thursday. It followed a first round "
                    "held in Honolulu from April 23 to 25.", day=day)
    assert found == [("round_concluded", "2024-05-23"), ("round_concluded", "2024-04-23")]


def test_talks_resumed_open_a_round_only_with_a_day_of_their_own() -> None:
    day = dt.date(2019, 11, 19)
    # a walkout's clock, a story's background: no opening
    for text in ("Talks on the cost of American troops broke down today, barely an hour and a "
                 "half after they resumed.",
                 "Talks resumed after the new president took office."):
        assert all(kind != "talks_opened" for kind, _ in _events(text, day=day)), text
    # with their day they open the round
    assert ("talks_opened", "2019-11-18") in _events(
        "Talks on the cost of American troops resumed in Seoul on Monday.", day=day)


def test_negotiators_who_will_sit_down_for_a_round_have_talks_scheduled() -> None:
    day = dt.date(2019, 10, 24)
    assert _events("The negotiators will sit down for a third round in Seoul in November.",
                   day=day) == [("talks_scheduled", "2019-11")]


def test_a_summit_closed_with_a_promise_or_by_agreeing_that_allies_should_spend() -> None:
    day = dt.date(2025, 6, 26)
    lead = "NATO allies argue over how to share the burden of defence spending. "
    for text in ("NATO leaders agreed on Wednesday, at the close of their two-day summit in The "
                 "Hague, that allies should spend 5 per cent of GDP on defence by 2035.",
                 "Allied leaders ended their summit in The Hague on 25 June with a promise few "
                 "expected: to spend 5 % of GDP on defence by 2035.",
                 "NATO leaders closed their two-day summit in The Hague on Wednesday by "
                 "agreeing that every ally should spend 5 per cent of GDP on defence by 2035."):
        assert _placed(lead + text, day) == [("deal_announced", "2025-06-25", "The Hague")], text


def test_an_earlier_pledge_named_by_who_made_it_or_measured_against_is_a_deal_of_its_own() -> None:
    day = dt.date(2025, 6, 26)
    lead = "NATO allies argue over how to share the burden of defence spending. "

    def found(text: str) -> list[tuple[str, str | None, str | None]]:
        return _placed(lead + text, day)

    for text in ("NATO allies turned the two-per-cent guideline into a pledge at their summit "
                 "in Wales in September 2014.",
                 "For a decade, the 2 percent pledge that NATO leaders made in Wales in "
                 "September 2014 served Europe as a comfortable ceiling."):
        assert found(text) == [("deal_announced", "2014-09", "Wales")], text
    assert found("NATO leaders agreed on Wednesday in The Hague to raise spending to 5% of GDP "
                 "by 2035, the biggest change since the pledge made in Wales in September "
                 "2014.") == [("deal_announced", "2025-06-25", "The Hague"),
                              ("deal_announced", "2014-09", "Wales")]


def test_allies_who_made_a_pledge_to_move_toward_a_share_of_gdp_made_a_deal() -> None:
    day = dt.date(2025, 6, 26)
    assert _placed("NATO allies argue over how to share the burden of defence spending. At the "
                   "Wales summit in September 2014, allies made a pledge to halt the decline in "
                   "their budgets and move toward 2 percent within a decade.", day) == [
        ("deal_announced", "2014-09", "Wales")]


def test_a_country_whose_relative_clause_says_something_is_its_speaker() -> None:
    lead = ("NATO allies argue over how much each should spend on defence, and Washington "
            "wants Europe to pay more for the troops it stations there. ")
    for text in ("Spain, which insisted it could meet its commitments with about 2.1 %, got "
                 "most of the headlines.",
                 "Spain, which had long argued that the target was unrealistic, secured "
                 "language of its own."):
        assert _speakers(text, lead=lead) == ["Spain"], text
    # a relative clause that says nothing makes no statement
    assert _speakers("Spain, which spent 1.28 % last year, secured language of its own.",
                     lead=lead) == []


def test_a_figure_that_officials_privately_call_unrealistic_is_their_word() -> None:
    assert _speakers("Washington is reported to have tabled about US$4.7 billion a year, a "
                     "number that officials here privately called impossible to accept.") == [
        "officials"]
    assert _speakers("Washington tabled about US$4.7 billion a year, a sum that officials in "
                     "Seoul privately call unrealistic.") == ["officials in Seoul"]


def test_officials_who_play_down_a_claim_make_a_statement() -> None:
    assert _speakers("Officials have played down the chance of wrapping up a new deal before "
                     "then.") == ["Officials"]
    assert _speakers("For now, officials on both sides are playing down talk of a crisis, "
                     "saying there is still room to find a number.") == ["officials"]


def test_the_day_a_deal_was_announced_reached_is_the_deals_day() -> None:
    assert _events("Seoul and Washington announced on Friday that they had reached a new "
                   "five-year Special Measures Agreement.", day=dt.date(2024, 10, 5)) == [
        ("deal_announced", "2024-10-04")]
    # the day someone said a deal was turned down is still the saying's
    assert _events("Trump said on Thursday he had turned down the deal.",
                   day=dt.date(2020, 5, 10)) == [("deal_rejected", None)]


def test_the_talks_opening_months_before_does_not_keep_a_meeting_from_its_place() -> None:
    text = ("ANCHOR: Talks on splitting the bill for American troops here broke down today.\n\n"
            "REPORTER: The third round of negotiations was meant to run for two days here in "
            "Seoul. Instead it ended abruptly on its second day.\n\n"
            "Washington has reportedly been asking for about 4.7 billion dollars a year since "
            "the talks began in September.")
    found = set(_placed(text, dt.date(2019, 11, 19)))
    assert ("talks_broken_off", "2019-11-19", "Seoul") in found
    assert ("talks_opened", "2019-09", None) in found


def test_a_meetings_city_written_two_ways_is_one_place() -> None:
    text = ("Defense cost talks end in LA without deal\n\nSouth Korea and the United States "
            "ended their seventh round of talks on sharing the cost of U.S. troops on "
            "Thursday. The three-day meeting in Los Angeles had been seen as a last chance.")
    assert [(kind, place) for kind, _, place in _placed(text, dt.date(2020, 3, 20))] == [
        ("round_concluded", "Los Angeles")]


def test_a_dateline_city_in_title_case_with_its_agency_is_the_reports_city() -> None:
    text = ("US, South Korea end round on troop costs without deal\n\nWashington (AFP) - The "
            "United States and South Korea ended a fourth round of negotiations over the cost "
            "of hosting American troops on 4 December without an agreement.")
    assert [(kind, place) for kind, _, place in _placed(text, dt.date(2019, 12, 5))] == [
        ("round_concluded", "Washington")]


def test_negotiators_who_indicated_a_readiness_make_a_statement() -> None:
    assert _speakers("U.S. negotiators have indicated they are willing to adjust their "
                     "initial figure.") == ["U.S. negotiators"]


def test_rounds_counted_wrapped_up_end_the_negotiation_in_a_deal() -> None:
    day = dt.date(2024, 11, 29)
    assert _events("The allies announced on Oct. 4 that they had wrapped up eight rounds of "
                   "talks.", day=day) == [("deal_announced", "2024-10-04")]
    # rounds held and listed stay rounds
    found = _events("Negotiators held eight rounds of talks - the first in Honolulu in April, the "
                    "second in Seoul in May.", day=day)
    assert {kind for kind, _ in found} == {"round_concluded"}


def test_negotiations_held_in_the_shadow_of_a_demand_are_no_round_held() -> None:
    day = dt.date(2021, 12, 22)
    for text in ("The negotiations were conducted in the shadow of the 2019 demand.",
                 "The negotiations took place in the shadow of earlier pressure from Washington.",
                 "The talks were held after that administration left office."):
        assert _events(text, day=day) == [], text
    assert _events("The talks were held in Tokyo on Tuesday.", day=day) == [
        ("round_concluded", "2021-12-21")]


def test_a_deal_as_the_condition_of_a_state_is_no_deal_unless_dated() -> None:
    day = dt.date(2020, 3, 20)
    for text in ("USFK said the furloughs would remain in place until a new agreement was "
                 "reached.",
                 "USFK said it was prepared to bring the workers back as soon as a deal was "
                 "reached."):
        assert all(kind != "deal_announced" for kind, _ in _events(text, day=day)), text
    assert ("deal_announced", "2021-03") in _events(
        "The talks dragged on until a deal was reached in March 2021.", day=dt.date(2021, 5, 1))


def test_what_a_party_agreed_under_the_expired_deal_is_its_terms() -> None:
    text = ("South Korean and U.S. negotiators ended three days of talks on the cost of U.S. "
            "troops in Los Angeles on Thursday without a deal. Under the expired deal, Seoul had "
            "agreed to pay 1.0389 trillion won for 2019.")
    assert [kind for kind, _, _ in _placed(text, dt.date(2020, 3, 20))] == [
        "round_concluded", "deadline_passed"]


def test_a_work_by_a_role_with_the_name_in_apposition_after_is_the_named_persons() -> None:
    assert _speakers("Trump sought as much as $5 billion a year from Seoul, according to a memoir "
                     "by his former national security adviser, Bolton.") == ["Bolton"]


def test_according_to_after_a_colon_or_an_explainers_answer() -> None:
    for text in ("Japan received its own bill: according to Bolton's memoir, Trump wanted $8 "
                 "billion a year.",
                 "A: According to a memoir by Mr. Bolton, Trump wanted Japan to pay about $8 "
                 "billion a year."):
        assert _speakers(text) == ["Bolton"], text
