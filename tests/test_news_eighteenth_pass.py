"""The eighteenth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import LEAD, placed
from news_passes import events as _events
from news_passes import speakers as _speakers

from burdenshare.news import extract


def test_a_deal_told_by_its_figure_or_text_and_who_settled_it() -> None:
    day = dt.date(2020, 5, 26)
    for text in ("The offer is a 13 percent increase in Seoul's contribution, which negotiators "
                 "of the two countries had agreed on at the working level in late March.",
                 "It is a figure that negotiators from both countries had tentatively agreed on "
                 "in late March."):
        assert _events(text, day=day) == [("deal_announced", "2020-03")], text
    assert ("deal_announced", "2024-10-04") in _events(
        "The ministers signed the text, which negotiators announced Oct. 4.")
    # a figure one side wants is no deal
    assert _events("It is a figure that negotiators from Washington demanded in late March.",
                   day=day) == []


def test_a_deal_told_in_the_passive_by_its_total_or_text() -> None:
    assert _events("The total, about 211 billion yen a year on average, was agreed on Dec. 21 "
                   "after negotiations.", day=dt.date(2022, 1, 7)) == [
        ("deal_announced", "2021-12-21")]
    assert _events("The text was agreed in early October.") == [("deal_announced", "2024-10")]
    # a total estimated is no deal
    assert _events("The total was estimated at about 1.5 trillion won.") == []


def test_a_deal_agreed_on_a_day_with_its_year_and_its_figures_settled() -> None:
    day = dt.date(2014, 2, 2)
    assert _events("After 10 rounds of talks, negotiators agreed on Jan. 12, 2014, on a "
                   "five-year deal.", day=day) == [("deal_announced", "2014-01-12")]
    assert _events("Negotiators settled the figures on 12 January.", day=day) == [
        ("deal_announced", "2014-01-12")]


def test_a_deal_told_by_it_after_the_sentence_that_names_it() -> None:
    lead = LEAD + "The 12th Special Measures Agreement runs for five years. "
    assert _events("The two sides announced it on Oct. 4.", lead=lead) == [
        ("deal_announced", "2024-10-04")]
    assert ("deal_announced", "2021-12") in _events(
        "The agreement, which the Japanese and U.S. governments reached in December, was "
        "signed on Jan. 7.", day=dt.date(2022, 1, 7))


def test_a_view_held_by_a_group_placed_with_the_reporter_is_its_statement() -> None:
    assert _speakers("Officials here worry that Korean employees could be put on unpaid leave."
                     ) == ["Officials"]
    assert _speakers("Analysts in Seoul expect the new administration to lower its demand.") == [
        "Analysts in Seoul"]
    # without the place, or no group: no statement
    assert _speakers("Officials worry that Korean employees could be put on unpaid leave.") == []
    assert _speakers("Few here expect a deal this year.") == []


def test_an_aside_asking_anonymity_is_no_part_of_the_speaker() -> None:
    assert _speakers("A South Korean official, asking not to be named, said the mood had been "
                     "\"cordial but firm\".") == ["A South Korean official"]


NATO = "NATO allies are debating how to share the burden of defence spending. "


def _placed(text: str, day: dt.date = dt.date(2025, 6, 27)) -> list[
        tuple[str, str | None, str | None]]:
    return placed(text, day)  # by default, the day after The Hague summit closed


def test_a_summit_named_by_its_city_places_the_pledge_made_there() -> None:
    assert _placed(NATO + "The old benchmark dates back to the Wales summit in September 2014, "
                   "when allies pledged to halt falling defence budgets.") == [
        ("deal_announced", "2014-09", "Wales")]
    assert _placed(NATO + "When the allies pledged at their Wales summit in September 2014 to "
                   "move toward 2 per cent, only three met it.") == [
        ("deal_announced", "2014-09", "Wales")]


def test_a_summit_closed_by_endorsing_a_target_is_a_deal() -> None:
    assert _placed("THE HAGUE - NATO leaders closed their summit in The Hague on 25 June by "
                   "endorsing the alliance's most ambitious burden-sharing target yet.") == [
        ("deal_announced", "2025-06-25", "The Hague")]
    # a summit closed by something else is none
    assert _placed(NATO + "Leaders closed their summit on 25 June by thanking their hosts.") == []


def test_a_dateline_in_title_case_before_a_long_dash_places_the_leaders_deal() -> None:
    assert _placed("The Hague – NATO leaders agreed on Wednesday to raise spending on defence "
                   "to 5 percent of GDP by 2035, a burden-sharing target for allies.") == [
        ("deal_announced", "2025-06-25", "The Hague")]


def test_a_summits_pledge_takes_the_city_of_the_sentence_before() -> None:
    text = ("Europe's leaders flew home from The Hague this week with a promise. Allies agreed "
            "at the summit on 25 June to spend 5 percent of GDP on defence by 2035.")
    assert _placed(text) == [("deal_announced", "2025-06-25", "The Hague")]
    # a sentence between, or no summit told: no city carried
    assert _placed("Europe's leaders flew home from The Hague this week with a promise. It was "
                   "long in coming. Allies agreed at the summit on 25 June to spend 5 percent of "
                   "GDP on defence by 2035.") == [("deal_announced", "2025-06-25", None)]
    assert _placed("Officials in Seoul were relieved. Negotiators reached a new cost-sharing "
                   "deal for U.S. troops on Tuesday.", day=dt.date(2024, 10, 4))[0][2] is None


def test_leaders_committing_or_signing_off_on_a_long_named_target_is_a_deal() -> None:
    assert _placed("NATO allies have long argued over burden sharing. On 25 June in The Hague, "
                   "NATO leaders went much further, committing to spend 5 per cent of GDP on "
                   "defence by 2035.") == [("deal_announced", "2025-06-25", "The Hague")]
    assert _placed("NATO leaders meeting in The Hague on Wednesday signed off on a new defence "
                   "spending target of 5 percent of GDP, a burden-sharing goal.") == [
        ("deal_announced", "2025-06-25", "The Hague")]
    # a deal named at such length is not (ministers approving a draft is no deal made)
    assert _placed(LEAD + "Ministers signed off on the draft new cost-sharing agreement on "
                   "Tuesday.") == []


def test_a_summit_named_after_when_places_the_pledge() -> None:
    assert _placed(NATO + "When the Wales summit of September 2014 turned it into a formal pledge, "
                   "only three allies met it.") == [("deal_announced", "2014-09", "Wales")]


def test_a_round_placed_by_the_dateline_and_said_held_by_video_has_no_city() -> None:
    text = ("SEOUL, Feb. 5 (UPI) -- South Korea and the United States on Friday held their first "
            "round of negotiations on sharing the cost of American troops since President Joe "
            "Biden took office.\n\nThe talks, the eighth round overall, were held by video link, "
            "Seoul's Foreign Ministry said.")
    x = extract(text, report_date=dt.date(2021, 2, 5))
    assert [(e.kind, e.when.date if e.when else None, e.place, e.round) for e in x.events] == [
        ("round_concluded", "2021-02-05", "video conference", 8)]
    # a round said to be held in the city is not the video one
    text2 = text.replace("held their first round", "held in Seoul their first round")
    assert ("round_concluded", "Seoul") in [(e.kind, e.place) for e in extract(text2).events]


def test_local_media_union_leaders_and_the_defense_department_speak() -> None:
    assert _speakers("Local media reported last month that the U.S. side had dropped that "
                     "demand.") == ["Local media"]
    assert _speakers("Union leaders here say their members feel used as a bargaining chip.") == [
        "Union leaders"]
    assert _speakers("In a statement, the U.S. Defense Department called the arrangement a "
                     "temporary measure and said a comprehensive agreement was still needed.") == [
        "U.S. Defense Department"]
    # leaders of no union are no such group
    assert _speakers("Business leaders say the talks matter.") == []


def test_a_figure_and_the_group_that_judged_it() -> None:
    assert _speakers("Washington asked for about $4.7 billion a year, a figure South Korean "
                     "lawmakers across party lines have called unacceptable.") == [
        "South Korean lawmakers"]
    assert _speakers("Washington sought about $8 billion a year from Japan, a demand officials "
                     "in Tokyo regarded as unrealistic.") == ["officials in Tokyo"]
    # beside the subject's own words
    assert _speakers("Donald Trump tweeted that Seoul had agreed to pay more, a claim South Korean "
                     "officials disputed.") == ["Donald Trump", "South Korean officials"]
    # a figure the group voted for is no word said
    assert _speakers("Seoul will pay 1.5 trillion won, a figure South Korean lawmakers "
                     "approved.") == []


def test_a_speaker_who_put_it_so_before_a_colon_and_one_posted_somewhere() -> None:
    assert _speakers("One official in Seoul put it this way: \"Both sides want a deal.\"") == [
        "One official in Seoul"]
    assert _speakers("\"Seoul wanted this settled before the vote,\" said a European diplomat "
                     "posted in the region.") == ["a European diplomat"]


def test_any_countrys_officials_a_ruling_party_lawmaker_and_one_on_a_committee_speak() -> None:
    for who in ("a Spanish diplomat", "Polish officials", "one ruling-party lawmaker",
                "a lawmaker on the foreign affairs committee"):
        assert _speakers(f"\"We will not pay,\" {who} said.") == [who], who
    # a time after "on" is no seat on a body
    assert _speakers("\"We will not pay,\" a lawmaker on Tuesday said.") != [
        "a lawmaker on Tuesday"]


def test_the_plurals_present_of_noting_and_pointing_out() -> None:
    assert _speakers("Analysts note that the complaint is rarely about percentages.") == [
        "Analysts"]
    assert _speakers("Critics point out that the deal runs five years.") == ["Critics"]
    # a word that would be said is none yet
    assert _speakers("Analysts would note that the complaint is rarely about percentages.") == []


def test_an_office_named_by_its_countrys_possessive_says_what_its_participle_tells() -> None:
    assert _speakers("Japan's top government spokesman declined to comment on the book, saying "
                     "only that support was handled \"appropriately\".") == [
        "Japan's top government spokesman"]


def test_a_deal_lapsed_is_told_by_the_deal_named_last_before_the_verb() -> None:
    day = dt.date(2021, 3, 10)
    for text in ("The deal ends more than a year without an agreement in force, after the 10th "
                 "SMA lapsed at the end of 2019.",
                 "The agreement closes a dispute that left the allies without a cost-sharing "
                 "accord for more than a year after the previous one expired at the end of 2019."):
        assert ("deadline_passed", "2019-12-31") in _events(text, day=day), text
    # a deal not lapsed is none
    assert _events("The deal has not expired.", day=day) == []


def test_a_factbox_deal_told_by_it_that_expired_with_no_successor() -> None:
    day = dt.date(2021, 3, 10)
    for text in ("* It expired on Dec. 31, 2019, with no successor in place.",
                 "* Valid for one year only, it expired on Dec. 31, 2019, without a successor."):
        assert _events(text, day=day) == [("deadline_passed", "2019-12-31")], text
    # "it expired" with a successor named is no lapse told
    assert _events("It expired on Dec. 31, 2019.", day=day) == []


def test_a_match_set_aside_does_not_hide_a_shorter_one_inside_it() -> None:
    # "no agreement has been in place since the previous one expired": the match from
    # "agreement" is negated, the one from "previous one" is the lapse
    text = ("Korean employees have been on unpaid leave since April 1, because no agreement has "
            "been in place since the previous one expired at the end of last year.")
    assert ("deadline_passed", "2019-12-31") in _events(text, day=dt.date(2020, 4, 21))


def test_a_deals_expiry_told_in_more_ways() -> None:
    day = dt.date(2019, 3, 8)
    assert _events("The previous agreement expired at the end of last year, and the new one will "
                   "itself expire at the end of this year.", day=day) == [
        ("deadline_passed", "2018-12-31"), ("deadline", "2019-12-31")]
    assert _events("The agreement, which is valid only through the end of this year, now goes "
                   "to the National Assembly.", day=day) == [("deadline", "2019-12-31")]
    assert _events("It is a six-year deal, running until the end of 2025.", day=day) == [
        ("deadline", "2025-12-31")]
    head = ("FACTBOX-South Korea's cost-sharing deals for U.S. troops\n\nSEOUL, March 10, 2021 "
            "(Reuters) - South Korea and the United States agreed on a new cost-sharing deal.\n\n")
    for line in ("* It expires at the end of 2025.", "* Expires on Dec. 31, 2025."):
        assert ("deadline", "2025-12-31") in _events(line, lead=head, day=None), line
    # one clause: an expiry told once
    assert _events("The deal expired at the end of 2018.", day=day) == [
        ("deadline_passed", "2018-12-31")]


def test_a_deal_signed_told_after_an_aside_or_by_who_signed_it() -> None:
    day = dt.date(2021, 4, 20)
    assert _events("The accord, reached in principle in March after more than a year of "
                   "deadlock, was signed on April 8 by the two envoys.", day=day) == [
        ("deal_signed", "2021-04-08"), ("deal_announced", "2021-03")]
    assert _events("The agreement was then signed on April 8.", day=day) == [
        ("deal_signed", "2021-04-08")]
    assert _events("Seoul will pay 920 billion won this year under a five-year deal the allies "
                   "signed Sunday.", day=dt.date(2014, 2, 3)) == [("deal_signed", "2014-02-02")]
    # a deal to be signed is none yet
    assert _events("The agreement is to be signed on April 8.", day=day) == []


def test_a_ratification_told_in_a_factbox_line_by_its_clearing_or_with_its_day() -> None:
    head = ("FACTBOX-South Korea's cost-sharing deals for U.S. troops\n\nSEOUL, Sept 1, 2021 "
            "(Reuters) - South Korea's cost-sharing deal for U.S. troops took effect.\n\n")
    assert ("ratification_vote", "2014-04-16") in _events(
        "* Approved by the National Assembly on April 16, 2014.", lead=head, day=None)
    day = dt.date(2019, 4, 6)
    assert _events("The 10th Special Measures Agreement cleared the National Assembly on Friday, "
                   "139 to 33.", day=day) == [("ratification_vote", "2019-04-05")]
    assert _events("South Korea's National Assembly voted on Friday to ratify the 10th Special "
                   "Measures Agreement.", day=day) == [("ratification_vote", "2019-04-05")]
    # a consent still needed is none
    assert _events("The deal must be approved by the National Assembly.", day=day) == []


def test_the_previous_round_of_the_one_round_numbered_is_the_one_before() -> None:
    text = ("WASHINGTON, March 7 (AP) - The agreement came at the close of the ninth round of "
            "negotiations, a three-day session in Washington that ended March 7. The previous "
            "round, held by video conference on Feb. 5, had been the first under the new U.S. "
            "government.")
    rounds = sorted((e.kind, e.round) for e in extract(LEAD + text, report_date=dt.date(
        2021, 3, 8)).events if e.kind == "round_concluded")
    assert rounds == [("round_concluded", 8), ("round_concluded", 9)]
    # the next round keeps no number, as the corpus's writers leave it
    text2 = ("SEOUL, Nov. 19 (Yonhap) - The third round of talks ended in Seoul on Tuesday. The "
             "next round will be held in Washington in December.")
    scheduled = [e.round for e in extract(LEAD + text2, report_date=dt.date(2019, 11, 19)).events
                 if e.kind == "talks_scheduled"]
    assert scheduled == [None]


def test_a_report_that_numbers_one_round_only_tells_of_that_round() -> None:
    text = ("LOS ANGELES, March 19 (Reuters) - South Korea and the United States ended three days "
            "of talks in Los Angeles on Thursday without agreeing on how much Seoul should pay for "
            "U.S. troops. The seventh round of negotiations went ahead despite the coronavirus "
            "outbreak.")
    x = extract(text, report_date=dt.date(2020, 3, 19))
    assert [(e.kind, e.round) for e in x.events] == [("round_concluded", 7)]
    # two rounds numbered: neither is lent
    text2 = text.replace("outbreak.", "outbreak, after the sixth round in Washington in January.")
    assert [e.round for e in extract(text2, report_date=dt.date(2020, 3, 19)).events
            if e.kind == "round_concluded" and e.place == "Los Angeles"] == [None]


def test_a_deal_agreed_on_a_day_written_first_and_the_offer_worked_out_by_negotiators() -> None:
    assert _placed(NATO + "Allies agreed in The Hague on 25 June that at least 3.5 percent should "
                   "go to core defence.") == [("deal_announced", "2025-06-25", "The Hague")]
    day = dt.date(2020, 4, 21)
    assert _events("The offer, a 13 percent increase, had been worked out by working-level "
                   "negotiators in late March.", day=day) == [("deal_announced", "2020-03")]
    assert sorted(_events("The offer he turned down traces back to a tentative agreement that "
                          "working-level negotiators from both countries reached in late March.",
                          day=day)) == [("deal_announced", "2020-03"), ("deal_rejected", "2020-03")]
    # an offer one side worked out is no deal
    assert _events("The offer had been worked out by Seoul's finance ministry in late March.",
                   day=day) == []


def test_a_sides_demand_recounted_with_a_participle_is_no_statement() -> None:
    assert _speakers("Washington had demanded at least $1 billion a year, calling that figure "
                     "a minimum.") == []
    # a side's own word with its participle still is
    assert _speakers("Washington rejected the offer, calling it too low.") == ["Washington"]
