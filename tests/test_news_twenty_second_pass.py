"""The twenty-second pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import DAY, LEAD
from news_passes import events as _events
from news_passes import placed as _placed
from news_passes import speakers as _speakers

from burdenshare.news import extract
from burdenshare.news.numbers import find_money

_JAPAN = ("Japan and the United States agreed on Wednesday to extend by one year their deal on "
          "sharing the cost of stationing U.S. troops in Japan. ")


def test_a_new_deal_still_to_be_negotiated_in_a_named_time_is_talks_scheduled() -> None:
    day = dt.date(2021, 2, 17)
    for text in ("The two governments plan to negotiate a new multiyear accord during the course "
                 "of this year.",
                 "The two sides will negotiate a new multiyear agreement later this year.",
                 "A new multiyear pact is to be negotiated later this year.",
                 "Negotiations on a new multiyear agreement are expected later this year."):
        assert ("talks_scheduled", "2021") in _events(text, lead=_JAPAN, day=day), text
    # an obligation is no plan, nor is a manner a time
    for text in ("The allies will have to negotiate a new agreement before this one runs out.",
                 "The two sides will negotiate a new agreement in good faith."):
        assert all(kind != "talks_scheduled" for kind, _ in _events(text, lead=_JAPAN, day=day))


def test_the_next_meetings_date_still_to_be_set_is_a_meeting_to_come() -> None:
    for text in ("Seoul's foreign ministry said the two sides would set the date and venue of the "
                 "next round through diplomatic channels.",
                 "The ministry said the two sides will consult on the timing of the next session.",
                 "The ministry added that the date of the next meeting would be set soon."):
        assert ("talks_scheduled", None) in _events(text), text
    text = "Officials say the two delegations will try again in Washington early next month."
    assert ("talks_scheduled", "2024-12") in _events(text)


def test_a_timelines_talks_that_open_are_the_talks_opened_not_a_round_held() -> None:
    day = dt.date(2021, 3, 10)
    for text in ("* Sept 2019 - First round of talks opens in Seoul; the U.S. side reportedly "
                 "tables a demand of about $4.7 billion a year.",
                 "* SEPTEMBER 2019 - Talks on an 11th Special Measures Agreement open in Seoul."):
        assert _placed(LEAD + "\n" + text, day) == [("talks_opened", "2019-09", "Seoul")], text


def test_an_obligation_a_past_round_and_a_round_of_drills_are_no_meeting_to_come() -> None:
    for text in ("Because the agreement expires at the end of the year, the two sides will soon "
                 "have to sit down again, analysts say.",
                 "Jeong Eun-bo, who took over the South Korean team ahead of the second round in "
                 "Honolulu last month, expressed regret over the walkout.",
                 "The two militaries plan to hold the next round of the series in northern Japan "
                 "next winter.",
                 "The allies plan to hold another round of drills in the summer."):
        assert all(kind != "talks_scheduled" for kind, _ in _events(text)), text
    assert ("talks_scheduled", "2024-12") in _events(
        "The two sides will meet again in Washington next month.")


def test_an_opening_told_only_by_how_early_it_came_is_no_event() -> None:
    for text in ("The talks began unusually early, more than a year and a half before the current "
                 "agreement expires at the end of 2025.",
                 "The talks have started well ahead of time: the current agreement runs through "
                 "the end of next year."):
        assert all(kind != "talks_opened" for kind, _ in _events(text)), text
    text = "Talks on its successor opened unusually early, with a first round in Honolulu in April."
    assert [kind for kind, _ in _events(text)] == ["talks_opened"]


def test_a_round_held_in_a_clause_after_a_deals_lapse_is_a_round_held() -> None:
    text = ("The previous agreement lapsed at the end of 2019, and the two countries held an "
            "eighth round of talks by video conference on Feb. 5, the first under Joe Biden.")
    assert ("round_concluded", "2021-02-05") in _events(text, day=dt.date(2021, 2, 17))


def test_a_day_named_as_a_rounds_last_ends_that_round() -> None:
    day = dt.date(2021, 3, 10)
    for text in ("Negotiators reached the agreement in principle on March 7, the final day of the "
                 "ninth round of talks in Washington.",
                 "The agreement was hammered out on March 7, the last day of the ninth round of "
                 "negotiations held in Washington, according to the ministry."):
        assert _events(text, day=day) == [
            ("deal_announced", "2021-03-07"), ("round_concluded", "2021-03-07")], text
    text = "It was the final day of the second round of the combined exercise."
    assert _events(text, day=day) == []


def test_the_first_of_the_rounds_counted_and_where_the_sides_last_met_are_rounds_held() -> None:
    for text in ("The negotiations ran through eight rounds, the first of them held in Honolulu "
                 "in April.",
                 "* Negotiated over eight rounds, the first held in Honolulu in April."):
        assert _rounds(LEAD + text) == [("round_concluded", "2024-04", "Honolulu", 1)], text
    text = "The two sides last met in person in Los Angeles in March, when Washington asked more."
    assert _rounds(LEAD + text) == [("round_concluded", "2024-03", "Los Angeles", None)]


def _rounds(text: str) -> list[tuple[str, str | None, str | None, int | None]]:
    return [(e.kind, e.when.date if e.when else None, e.place, e.round)
            for e in extract(text, report_date=DAY).events]


def test_a_speaker_quick_to_say_something_is_the_speaker_without_the_words_of_readiness() -> None:
    assert _speakers("Officials in Seoul were quick to insist that this is not a new bill.") == [
        "Officials in Seoul"]
    assert _speakers("Officials here were quick to stress that this is not a new bill.") == [
        "Officials"]


def test_rejections_told_in_the_passive_or_after_an_aside_are_rejections() -> None:
    day = dt.date(2021, 3, 10)
    for text, when in (
            ("Trump had rejected a proposed 13% increase from Seoul, leaving the allies without "
             "a deal.", None),
            ("Trump had rejected a 13% raise, insisting on far more.", None),
            ("A tentative compromise under which Seoul would have raised its share by 13% was "
             "rejected by Trump in April 2020.", "2020-04"),
            ("That figure had been accepted by negotiators on both sides in March 2020, only to "
             "be rejected by President Trump in April 2020.", "2020-04"),
            # the date the increase was worked out is not the rejection's
            ("A 13 per cent increase worked out by negotiators in March 2020 was rejected by "
             "then-President Donald Trump in April.", "2020-04"),
            ("A tentative deal would have raised Seoul's contribution by 13 percent, but it was "
             "turned down by U.S. President Trump in April 2020.", "2020-04")):
        assert ("deal_rejected", when) in _events(text, day=day), text


def test_signings_told_by_apposition_second_relative_clause_signer_or_timeline() -> None:
    day = dt.date(2022, 3, 25)
    for text, when in (
            ("Seoul's cost-sharing deal with Washington, signed in November 2021, fixes its "
             "payment until 2025.", "2021-11"),
            ("The final text, signed in April 2021, lifts this year's payment by 13.9 percent.",
             "2021-04"),
            ("The pact, which the two governments agreed on Dec. 21, 2021, and which was signed "
             "on Jan. 7, will take effect on April 1.", "2022-01-07"),
            ("The deal was announced on Dec. 21, 2021, and was signed by Foreign Minister "
             "Hayashi and Ambassador Emanuel on Jan. 7.", "2022-01-07")):
        assert ("deal_signed", when) in _events(text, day=day), text
    for entry, when in (("* April 8, 2021 - The agreement is signed.", "2021-04-08"),
                        ("* March 18, 2021: text initialled.", "2021-03-18"),
                        ("* April 8, 2021: signed by Choi Jong-kun and Robert Rapson.",
                         "2021-04-08")):
        assert ("deal_signed", when) in _events("\n" + entry, day=day), entry


def test_a_dated_expiry_stands_beside_an_undated_lapse() -> None:
    text = ("The 11th SMA, signed in 2021, covers six years and expires at the end of 2025. "
            "Officials want to settle early to avoid the kind of dispute that left the allies "
            "without an agreement after the 10th SMA lapsed.")
    found = _events(text)
    assert ("deadline", "2025-12-31") in found and ("deadline_passed", None) in found


def test_expiries_told_after_what_they_mean_by_how_long_a_deal_runs_or_dated_before() -> None:
    day = dt.date(2019, 3, 8)
    for text in ("That means it expires at the end of this year and negotiations on the next one "
                 "will have to start within months.",
                 "Because it runs only until December 31, negotiators will have to return to the "
                 "table within months."):
        assert _events(text, day=day) == [("deadline", "2019-12-31")], text
    text = ("The deal came after eight rounds, well ahead of the Dec. 31, 2025, expiry of the "
            "current 11th SMA.")
    assert ("deadline", "2025-12-31") in _events(text)


def test_a_round_told_by_its_participle_in_apposition_is_held_where_the_participle_says() -> None:
    text = LEAD + ("The three-day session in Seoul came about a month after the first round, held "
                   "in Honolulu in April.")
    assert ("round_concluded", "2024-04", "Honolulu", 1) in _rounds(text)


def test_a_first_session_led_by_or_for_a_new_negotiator_is_his_first_not_round_one() -> None:
    text = ("S. Korea, U.S. wrap up 2nd round of defense cost talks in Hawaii\n\n"
            "HONOLULU, Oct. 24 (Yonhap) -- South Korea and the United States ended two days of "
            "talks in Honolulu on Thursday on how much Seoul should pay for the upkeep of "
            "American troops, in the first session led by Seoul's new chief negotiator.\n")
    assert [(e.kind, e.place, e.round) for e in extract(text).events] == [
        ("round_concluded", "Honolulu", 2)]


def test_a_years_amount_after_a_multiple_is_its_base_and_not_one_won_more_is_no_sum() -> None:
    text = LEAD + ("The U.S. is known to have demanded about $5 billion a year, about five times "
                   "this year's 1.0389 trillion won.")
    assert [(p.amount, p.currency) for p in extract(text, report_date=DAY).positions
            if p.amount is not None] == [(5e9, "USD")]
    assert find_money("Pay what is fair and not one won more.") == []
    assert [m.money.amount for m in find_money("It costs one billion won.")] == [1e9]


def test_what_a_party_pays_toward_the_troops_anchors_the_topic_past_a_trade_lede() -> None:
    text = ("HOST: South Korea and the United States today put out a joint fact sheet that wraps "
            "up months of bargaining over trade and security, and it includes a new number on "
            "what Seoul pays toward the American troops stationed there.\n\n"
            "CORRESPONDENT: The headline figure is 33 billion dollars. It bundles the payments "
            "Seoul already makes under its cost-sharing agreement with other support for the "
            "bases.\n")
    assert extract(text, report_date=dt.date(2025, 11, 14)).negotiation is not None


def test_a_sum_a_group_called_its_minimum_is_the_groups_statement() -> None:
    text = "U.S. negotiators had called $1 billion (1.1305 trillion won) a year their minimum."
    assert _speakers(text) == ["U.S. negotiators"]
    assert _speakers("Washington had called $1 billion a year its minimum.") == []


def test_a_source_before_a_dashed_aside_and_a_counterpart_named_with_his_role_speak() -> None:
    text = ("Washington is now asking for about $1.3 billion a year, according to diplomatic "
            "sources — roughly 50 percent more than Seoul paid last year.")
    assert _speakers(text) == ["diplomatic sources"]
    text = ("His counterpart Jeong Eun-bo, a former finance ministry official, said Seoul would "
            "hold to a reasonable level.")
    assert _speakers(text) == ["Jeong Eun-bo"]


def test_a_second_speaker_after_a_quote_that_ends_with_the_clauses_comma() -> None:
    text = ("Foreign Minister Kang Kyung-wha and U.S. Ambassador Harry Harris signed the "
            "agreement on March 8. Kang said the agreement would \"contribute to a robust "
            "combined defence posture,\" while Harris called it \"a fair deal\" that reflected "
            "Seoul's commitment to the alliance.")
    assert _speakers(text, day=dt.date(2019, 3, 8)) == ["Kang Kyung-wha", "Harry Harris"]


def test_a_speaker_with_a_participle_of_where_he_stood_set_off_is_the_speaker() -> None:
    text = ("Foreign Minister Kang Kyung-wha and U.S. Ambassador Harry Harris signed the "
            "agreement on March 8. Harris, standing beside her, said the deal showed the two "
            "countries could \"work through difficult issues as partners.\"")
    assert _speakers(text, day=dt.date(2019, 3, 8)) == ["Harry Harris"]


def test_a_timelines_walkout_and_a_round_the_team_left_early_are_talks_broken_off() -> None:
    entry = "* Nov 19, 2019 - U.S. negotiators walk out of the third round in Seoul."
    assert _rounds(LEAD + "\n" + entry) == [("talks_broken_off", "2019-11-19", "Seoul", 3),
                                           ("round_concluded", "2019-11-19", "Seoul", 3)]
    text = ("The discussions had been more businesslike than the previous round in Seoul last "
            "month, which the U.S. team left early.")
    assert ("talks_broken_off", "2024-10") in _events(text)


def test_lapses_of_a_stopgap_or_a_numbered_previous_one_passed_and_a_feared_one_did_not() -> None:
    day = dt.date(2021, 3, 8)
    for text in ("The previous five-year framework had been replaced in 2019 by a one-year "
                 "stopgap, which expired at the end of that year with no successor.",
                 "The previous one, the tenth, expired on December 31st, 2019."):
        assert ("deadline_passed", "2019-12-31") in _events(text, day=day), text
    text = ("No agreement is now expected before the year-end deadline, raising the prospect of "
            "a lapse in the deal that funds the wages of Korean workers.")
    assert all(kind != "deadline_passed" for kind, _ in _events(text, day=dt.date(2019, 12, 18)))
