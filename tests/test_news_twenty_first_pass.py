"""The twenty-first pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import DAY, LEAD
from news_passes import events as _events
from news_passes import placed as _placed
from news_passes import speakers as _speakers

from burdenshare.news import extract
from burdenshare.news.dates import dateline_city


def test_a_deal_told_by_it_or_its_terms_announced_on_a_day_is_the_deal() -> None:
    lead = ("The National Assembly on Thursday gave its consent to the 12th Special Measures "
            "Agreement, the deal on the cost of U.S. Forces Korea. ")
    for text in ("It had been announced Oct. 4, after eight rounds of negotiations.",
                 "Its terms were announced Oct. 4 after eight rounds of negotiations.",
                 "The two sides signed it on Nov. 4, a month after it was announced on Oct. 4."):
        assert ("deal_announced", "2024-10-04") in _events(lead + text), text


def test_an_offer_made_by_negotiators_then_rejected_is_a_deal_made_on_its_own_date() -> None:
    day = dt.date(2020, 4, 21)
    lead = LEAD + "Trump rejected the offer in April. "
    for text in ("The offer he turned down had been hammered out by working-level negotiators "
                 "in late March.",
                 "The offer, worked out by working-level negotiators late last month, would have "
                 "raised Seoul's contribution by about 13 percent.",
                 "He had rejected a tentative agreement, reached by working-level negotiators in "
                 "March 2020, that would have raised Seoul's payments by 13 percent."):
        # the rejection keeps its own month; the March date is the deal's
        assert _events(text, lead=lead, day=day) == [
            ("deal_rejected", "2020-04"), ("deal_announced", "2020-03")], text


def test_a_transcripts_sound_bite_cue_is_no_dateline() -> None:
    text = ("NEWS AT NINE -- TRANSCRIPT\n\nANCHOR: Seoul and Washington have finished another "
            "round of talks on sharing the cost of the American troop presence here.\n\n"
            "SOUND BITE -- JEONG EUN-BO, CHIEF NEGOTIATOR: \"We are trying to find a level that "
            "is reasonable and fair.\"\n")
    assert dateline_city(text) is None
    assert all(place is None for _, _, place in _placed(text, dt.date(2020, 1, 16)))


def test_a_venue_whose_apposition_names_its_city_is_held_in_that_city() -> None:
    text = LEAD + ("The negotiators met for two days at KIDA, a state-run defense think tank in "
                   "Seoul, for the first round of talks on Wednesday.")
    assert _placed(text, dt.date(2019, 9, 26)) == [("round_concluded", "2019-09-25", "Seoul")]


def test_notices_sent_that_say_something_are_the_senders_statement() -> None:
    for text in ("U.S. Forces Korea has sent notices warning its Korean employees that they could "
                 "be put on unpaid leave if no deal is reached.",
                 "U.S. Forces Korea has already sent its Korean employees a notice that they "
                 "could be furloughed in six months."):
        assert _speakers(text) == ["U.S. Forces Korea"], text
    assert _speakers("Back in October, USFK sent notices warning they could be put on unpaid "
                     "leave.") == ["USFK"]
    # notices of something, no statement told: nothing said
    assert _speakers("U.S. Forces Korea has already sent notices to its Korean employees "
                     "warning of possible unpaid leave.") == []


def test_a_presenters_bracketed_turn_is_read_without_its_label() -> None:
    text = LEAD + ("\n\n[REPORTER] Several opposition lawmakers said a requirement-based system "
                   "would show taxpayers where their money goes.")
    found = extract(text, report_date=DAY).statements
    assert [s.speaker for s in found] == ["Several opposition lawmakers"]
    # the source is the sentence as written, label included
    source = found[0].evidence[0]
    assert source.sentence.startswith("[REPORTER] Several")
    assert text[source.start : source.end] == source.sentence


def test_a_base_named_by_its_year_is_no_position() -> None:
    for text in ("South Korea will pay 1.5192 trillion won in 2026, 8.3 percent more than next "
                 "year's 1.4028 trillion won, under a new five-year agreement.",
                 "Seoul's 2026 payment is 1.5192 trillion won, up 8.3% from 2025's 1.4028 "
                 "trillion won.",
                 "Seoul's 2026 payment is 1.5192 trillion won, 8.3 percent more than the 2025 "
                 "level of 1.4028 trillion won."):
        found = extract(LEAD + text, report_date=DAY).positions
        assert [(p.amount, p.currency) for p in found] == [(1.5192e12, "KRW")], text


def test_the_base_a_rise_in_percent_is_measured_on_is_no_position() -> None:
    for text in ("Washington has lowered its demand to around $4 billion a year, while Seoul has "
                 "put forward a roughly 10 percent increase on the 1.0389 trillion won it paid "
                 "last year.",
                 "Washington has asked for around $4 billion a year, while Seoul has proposed an "
                 "increase of about 10 percent over its 2019 payment of 1.0389 trillion won."):
        found = extract(LEAD + text, report_date=DAY).positions
        assert [(p.party, p.stance, p.amount) for p in found] == [
            ("USA", "demand", 4e9), ("KOR", "offer", None)], text


def test_a_difference_told_as_larger_in_total_is_no_position() -> None:
    lead = ("Japan and the United States agreed on a new host-nation support deal for U.S. "
            "forces in Japan on Dec. 16. Japan will pay 946.5 billion yen over five years. ")
    for text in ("The total is 13.3 billion yen larger than under the previous accord.",
                 "The amount is 13.3 billion yen larger in total than under the current "
                 "five-year agreement."):
        found = extract(lead + text, report_date=dt.date(2015, 12, 17)).positions
        assert [p.amount for p in found] == [946.5e9], text


def test_a_threshold_passed_is_no_position() -> None:
    for text, kept in (
            ("* 10th SMA (2019 only): 1.0389 trillion won, topping 1 trillion won for the first "
             "time.", [1.0389e12]),
            ("Japan will shoulder about 211 billion yen a year, exceeding the 201.7 billion yen "
             "budgeted for fiscal 2021.", [211e9]),
            ("* 2019 - PAST 1 TRILLION WON", [])):
        found = extract(LEAD + text, report_date=DAY).positions
        assert [p.amount for p in found] == kept, text


def test_a_list_of_steps_still_to_come_holds_no_vote() -> None:
    for text in ("The agreement still has to be initialed, signed and approved by South Korea's "
                 "National Assembly.",
                 "The deal must be formally signed by both governments and approved by South "
                 "Korea's National Assembly before it takes effect.",
                 "The agreement will take effect after it is signed and approved by the National "
                 "Assembly."):
        assert _events(text) == [], text
    # told in the past, the same steps are events
    assert _events("The National Assembly approved the agreement on Thursday, after it was "
                   "signed on Nov. 4.") == [("deal_signed", "2024-11-04"),
                                            ("ratification_vote", "2024-11-28")]


def test_a_deal_ratified_in_general_holds_no_vote() -> None:
    for text in ("A fair deal, ratified by the National Assembly and understood by the public, is "
                 "the only way to keep the alliance.",
                 "A sum fixed in a treaty and approved by a parliament is harder for a "
                 "transactional president to tear up than a vague promise.",
                 "A deal the National Assembly has consented to is harder to tear up than a "
                 "press release.",
                 "Lawmakers should act so that the next U.S. president inherits a signed, "
                 "ratified deal rather than an open negotiation."):
        assert _events(text) == [], text
    # a deal named by its article and ratified on a day is the vote
    assert _events("The National Assembly ratified a deal on Thursday that is the only one in "
                   "force.") == [("ratification_vote", "2024-11-28")]


def test_terms_agreed_under_a_deal_signed_are_no_announcement() -> None:
    day = dt.date(2019, 3, 11)
    assert _events("South Korea agreed to pay more towards the cost of hosting American troops "
                   "under a one-year deal initialled by negotiators on 10 February.",
                   day=day) == [("deal_signed", "2019-02-10")]
    assert _events("Under a one-year deal signed in March, South Korea agreed to pay 1.0389 "
                   "trillion won for 2019.", day=day) == [("deal_signed", "2019-03")]
    # the deal signed in a clause of its own: the agreement is an event too
    assert _events("South Korea agreed on Sunday to pay more under a one-year deal, which the two "
                   "sides signed on Friday.", day=day) == [
        ("deal_signed", "2019-03-08"), ("deal_announced", "2019-03-10")]


def test_agreeing_to_seek_a_deal_or_to_meet_again_is_no_deal() -> None:
    day = dt.date(2021, 2, 5)
    assert _events("The two sides agreed to reach a mutually acceptable deal at an early date.",
                   day=day) == []
    assert _events("The two delegations agreed only that they would meet again.",
                   day=day) == [("talks_scheduled", None)]
    # agreeing to what will be paid, or to a target, is the deal
    assert _events("The two sides agreed on Sunday that Seoul would pay 13.9 percent more.",
                   day=day) == [("deal_announced", "2021-01-31")]
    assert [kind for kind, _ in _events(
        "At their summit in The Hague on Wednesday, allies agreed to aim for 5 percent of GDP "
        "by 2035.", lead="NATO allies share the burden of defence spending. ",
        day=dt.date(2025, 6, 26))] == ["deal_announced"]


def test_the_date_of_an_expiry_the_event_came_before_is_the_expirys() -> None:
    # the talks' end takes no date from the deal's expiry (undated, the deal told again is
    # dropped beside the dated expiry)
    assert _events("The talks were concluded more than a year before the current agreement runs "
                   "out at the end of 2025.") == [("deadline", "2025-12-31")]
    # (the twenty-second pass drops an opening told only by how early it came: "began
    # unusually early, more than a year before ...")
    assert _events("The talks began more than a year before the current "
                   "agreement expires at the end of 2025.") == [
        ("deadline", "2025-12-31"), ("talks_opened", None)]


def test_an_earlier_round_held_with_its_day_set_off_or_under_a_factbox_label() -> None:
    lead = ("South Korea and the United States reached a deal on Sunday at the end of a ninth "
            "round of talks in Washington on sharing the cost of U.S. troops.\n\n")
    day = dt.date(2021, 3, 8)
    for text in ("It followed an eighth round, on Feb. 5, held by video link, the first under "
                 "President Biden.",
                 "It came a month after the eighth round, conducted by video conference on Feb. "
                 "5, the first under the Biden administration.",
                 "* THE ROAD TO A DEAL: An eighth round, held by video link on Feb. 5, was the "
                 "first under the Biden administration."):
        found = extract(lead + text, report_date=day).events
        assert [(e.kind, e.when.date if e.when else None, e.round) for e in found][1:] == [
            ("round_concluded", "2021-02-05", 8)], text


def test_the_one_opening_before_a_second_round_scheduled_is_the_first_round() -> None:
    text = ("SEOUL, April 23 (Reuters) - South Korea and the United States opened negotiations "
            "in Honolulu on Tuesday on how much Seoul should pay for U.S. troops.\n\nThe two "
            "sides agreed to hold the second round in Seoul next month, the ministry said.")
    found = extract(text, report_date=dt.date(2024, 4, 23)).events
    assert [(e.kind, e.round) for e in found] == [("talks_opened", 1), ("talks_scheduled", 2)]
    # the round's evidence is the sentence that schedules the second
    assert found[0].evidence[-1].fields == ("round",)
    assert "second round" in found[0].evidence[-1].sentence


def test_a_first_round_after_a_bracketed_acronym_is_an_earlier_round_held() -> None:
    found = extract(LEAD + "Jeong Eun-bo led the two-day session in Honolulu on Thursday, the "
                    "second on the 11th Special Measures Agreement (SMA) after a first round "
                    "held in Seoul in September.", report_date=dt.date(2019, 10, 25)).events
    assert [(e.kind, e.when.date if e.when else None, e.round, e.place) for e in found][-1] == (
        "round_concluded", "2019-09", 1, "Seoul")


def test_terms_made_public_by_an_office_are_its_statement() -> None:
    for text in ("South Korea will pay 1.5192 trillion won in 2026, 8.3 percent more than the "
                 "1.4028 trillion won set for 2025, under a new five-year agreement announced by "
                 "the foreign ministry on Friday.",
                 "Korea will raise its contribution by 13.9 percent this year, according to the "
                 "terms of a six-year agreement unveiled by the Foreign Ministry on Wednesday."):
        assert [s.lower() for s in _speakers(text)] == ["foreign ministry"], text
    # someone else's words relayed by the office are not its statement
    assert _speakers("Jeong's statement was released by Seoul's foreign ministry.") == []
