"""The twenty-fourth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import LEAD
from news_passes import events as _events
from news_passes import speakers as _speakers

from burdenshare.news import extract
from burdenshare.news.evaluation import speaker_key
from burdenshare.news.lexicon import forms


def test_a_deal_dated_by_weekday_in_an_undated_report_is_no_background_deal() -> None:
    # a yearless dateline leaves the report undated, so "agreed Tuesday" stays relative; the
    # dated deadline beside it does not make the deal a restated, undated one
    text = ("TOKYO, Dec. 21 (Kyodo) -- Japan and the United States agreed Tuesday that Tokyo will "
            "pay 1 trillion yen from fiscal 2022 through fiscal 2026 toward the cost of hosting "
            "U.S. forces in Japan, the Foreign Ministry said.\n\nThe current arrangement expires "
            "at the end of March 2022.")
    x = extract(text)
    kinds = {e.kind: e.when for e in x.events}
    assert "deal_announced" in kinds and kinds["deal_announced"] is not None
    assert kinds["deal_announced"].basis == "relative"
    assert kinds["deadline"] is not None and kinds["deadline"].date == "2022-03-31"
    # a deal told without any time beside a dated deadline is still the deal told again
    text = ("South Korea and the United States are negotiating a new deal on the cost of U.S. "
            "troops.\n\nThe last deal came after ten rounds of talks.\n\nThe current agreement "
            "expires at the end of March 2027.")
    assert all(e.kind != "deal_announced" for e in extract(text).events)


def test_allies_that_will_reconvene_in_a_year_have_a_meeting_to_come() -> None:
    lead = ("NATO leaders meeting in The Hague agreed on Wednesday to raise the alliance's "
            "defence spending target to 5% of GDP by 2035, reshaping how the burden of defence "
            "is shared among the allies.\n\n")
    day = dt.date(2025, 6, 25)
    for text in ("Each ally will submit an annual plan, and the allies agreed to reconvene in 2029 "
                 "to review the trajectory.",
                 "Each ally will submit an annual plan, and allies will come back to the table in "
                 "2029 to review the trajectory.",
                 "Allies will meet to review the trajectory in 2029."):
        assert ("talks_scheduled", "2029") in _events(text, lead=lead, day=day), text
    # coming back to the table on a condition sets no meeting
    text = "Washington would come back to the table when Seoul was ready to compromise."
    assert all(kind != "talks_scheduled" for kind, _ in _events(text, lead=lead, day=day))


def test_a_round_told_in_a_clause_of_time_is_the_round_that_clause_names() -> None:
    lead = ("SEOUL, March 19, 2020 (Yonhap) -- South Korea and the United States ended their "
            "seventh round of talks on sharing the cost of U.S. troops in Los Angeles on "
            "Thursday.\n\n")
    text = ("The seventh round, which opened Tuesday in Los Angeles, came two months after the "
            "sixth round was held in Washington in January.")
    x = extract(lead + text)
    held = [(e.round, e.place, e.when.date if e.when else None) for e in x.events
            if e.kind == "round_concluded" and e.place == "Washington"]
    assert held == [(6, "Washington", "2020-01")]


def test_a_name_between_its_office_and_an_apposition_is_the_speaker() -> None:
    for text, who in (
            ("Former U.S. President Donald Trump, the Republican presidential candidate, said "
             "Tuesday that South Korea would pay $10 billion a year.", "Donald Trump"),
            ("Washington, Oct. 15 (Jiji Press)--Former U.S. President Donald Trump, the "
             "Republican presidential candidate, said Tuesday that South Korea would pay $10 "
             "billion a year.", "Donald Trump"),
            ("South Korean Foreign Minister Kang Kyung-wha, a former U.N. official, said the "
             "deal was fair.", "Kang Kyung-wha")):
        assert _speakers(text) == [who], text


def test_one_member_or_worker_counted_is_a_speaker() -> None:
    for text, who in (
            ('"We have bound ourselves to pay more," one opposition member said.',
             "one opposition member"),
            ('Outside one base, a worker who asked not to be named said employees felt like '
             '"bargaining chips".', "a worker"),
            ("A member of the Korean delegation said the gap had narrowed.",
             "A member of the Korean delegation")):
        assert _speakers(text) == [who], text
    # a workforce's plight and member states are no speakers
    for text in ("Korean workers at U.S. bases have already been told to expect unpaid leave.",
                 "Under the deal, member states pledge to spend 5 percent of GDP on defence."):
        assert _speakers(text) == [], text


def test_verbs_inflect_by_the_spelling_rules_of_english() -> None:
    # a one-syllable verb doubles its last consonant after one short vowel; "-ee" keeps its e;
    # "-o" takes "-es"
    assert forms("scrap") == ("scrap", "scraps", "scrapped", "scrapping")
    assert forms("snub")[2:] == ("snubbed", "snubbing")
    assert forms("plan")[2:] == ("planned", "planning")
    assert forms("seek")[2] == "sought" and forms("want")[2] == "wanted"
    assert forms("nix")[2] == "nixed" and forms("open")[2:] == ("opened", "opening")
    assert forms("agree")[3] == "agreeing"
    assert forms("veto")[1] == "vetoes"


def test_a_deal_scrapped_is_rejected() -> None:
    text = "Trump scrapped the tentative deal in April."
    assert ("deal_rejected", "2024-04") in _events(text)


def test_more_ways_of_telling_a_signing_and_a_vote() -> None:
    assert ("deal_signed", "2024-11-25") in _events("The deal was inked on Monday.")
    for text in ("The National Assembly voted 173-36 on Thursday to ratify the deal.",
                 "Parliament rubber-stamped the deal on Thursday.",
                 "The agreement won parliamentary approval on Thursday.",
                 "The agreement won the National Assembly's approval on Thursday.",
                 "The deal won the approval of the National Assembly on Thursday."):
        assert ("ratification_vote", "2024-11-28") in _events(text), text
    for text in ("The deal won praise from analysts on Thursday.",
                 "The agreement still needs parliamentary approval."):
        assert all(kind != "ratification_vote" for kind, _ in _events(text)), text


def test_the_parties_set_to_meet_at_a_time_to_come_have_a_meeting_scheduled() -> None:
    for text in ("The negotiators will reconvene in Seoul next month.",
                 "The negotiators will meet in Seoul next month.",
                 "Negotiators are scheduled to meet in Seoul next month.",
                 "The two sides will meet in Washington in January."):
        assert any(kind == "talks_scheduled" for kind, _ in _events(text)), text
    # leaders meeting, a target met, and a meeting without a time set are none
    for text in ("Trump will meet Kim next month.",
                 "Allies were expected to meet that mark in 2024."):
        assert all(kind != "talks_scheduled" for kind, _ in _events(text)), text


def test_a_statement_is_said_by_the_one_who_issued_it() -> None:
    for text, who in (
            ("A statement from South Korea's foreign ministry said talks would continue.",
             "South Korea's foreign ministry"),
            ('"Talks will continue," a statement issued by Seoul\'s foreign ministry said.',
             "Seoul's foreign ministry"),
            ("A Pentagon statement said talks would continue.", "Pentagon"),
            ("A foreign ministry statement said talks would continue.", "foreign ministry")):
        assert _speakers(text) == [who], text
    assert _speakers("A statement said talks would continue.") == []
    # a person's words as her side's statement gives them are hers
    text = ("His American counterpart, Linda Specht, said the deal reflected South Korea's role "
            "as a strong ally, according to a statement released by the U.S. side.")
    assert _speakers(text) == ["Linda Specht"]


def test_a_party_or_body_named_in_full_is_the_speaker() -> None:
    for text, who in (
            ("The Liberty Korea Party said Seoul should not accept the demand.",
             "Liberty Korea Party"),
            ("The ruling Democratic Party said Seoul should not accept the demand.",
             "Democratic Party"),
            ("The Democratic Party of Korea said Seoul should not accept the demand.",
             "Democratic Party of Korea"),
            ("The People Power Party criticized the deal.", "People Power Party"),
            ("The USFK Korean Employees Union said its members were anxious.",
             "USFK Korean Employees Union")):
        assert _speakers(text) == [who], text


def test_a_name_after_a_title_and_before_an_apposition_is_the_speaker() -> None:
    text = "Gen. Robert Abrams, the USFK commander, said he regretted the furloughs."
    assert _speakers(text) == ["Robert Abrams"]


def test_one_who_judged_in_a_clause_after_what_is_the_speaker() -> None:
    for text, who in (
            ("The budget will be renamed, reflecting what a senior Defense Ministry official "
             "described as its role in strengthening the alliance.",
             "senior Defense Ministry official"),
            ('The meeting did little to bridge what one diplomat called "a chasm, not a gap."',
             "diplomat"),
            ('The talks made what officials called "meaningful progress."', "officials")):
        assert [speaker_key(x) for x in _speakers(text)] == [speaker_key(who)], text
    assert _speakers('The allies held an exercise called "Freedom Shield" in March.') == []


def test_a_country_with_two_asides_before_its_verb_is_the_speaker() -> None:
    text = ("Spain, whose defence spending was estimated at 1.28 percent of GDP last year, among "
            "the lowest in the alliance, said it would meet its commitments with core spending "
            "of about 2.1 percent.")
    assert _speakers(text) == ["Spain"]


def test_a_new_deal_running_to_a_year_sets_no_deadline_the_current_one_does() -> None:
    for text in ("The deal runs through 2030.",
                 "It is a six-year pact running through 2025.",
                 "Under the new deal, which runs through 2018, future increases will be linked "
                 "to inflation."):
        assert all(kind != "deadline" for kind, _ in _events(text)), text
    for text, day in (("The current agreement, the 11th, runs through 2025.", "2025"),
                      ("The current deal runs until the end of 2025.", "2025-12-31")):
        assert ("deadline", day) in _events(text), text


def test_a_city_where_a_deal_is_read_reported_or_turned_down_is_not_where_it_was_made() -> None:
    day = dt.date(2024, 10, 5)
    for text in ("The new accord was struck on Friday, more than a year before it is needed -- a "
                 "timetable widely read in Seoul as an effort to lock in terms.",
                 "That will be news in Seoul, which on Friday concluded a five-year agreement "
                 "with Washington.",
                 "Working-level negotiators reached a tentative deal on Friday, only for it to be "
                 "turned down in Washington."):
        x = extract(LEAD + text, report_date=day)
        deals = [e for e in x.events if e.kind == "deal_announced"]
        assert deals and all(e.place is None for e in deals), text


def test_a_city_no_meeting_was_in_is_not_carried_to_the_meeting() -> None:
    text = ("Tokyo, Feb 17 (Jiji Press)--Japan and the United States agreed Wednesday to extend "
            "their special agreement on Japan's host-nation support for U.S. forces by one "
            "year, with Tokyo to pay 201.7 billion yen in fiscal 2021.\n\nThe two governments "
            "had been unable to start full-scale talks on a new accord due to the transition of "
            "power in Washington. They will begin negotiations on the next agreement later this "
            "year.")
    x = extract(text, report_date=dt.date(2021, 2, 17))
    assert [(e.kind, e.place) for e in x.events if e.kind == "deal_announced"] == [
        ("deal_announced", None)]


def test_the_meeting_a_stretch_is_counted_from_is_held_where_its_clause_says() -> None:
    day = dt.date(2020, 3, 19)
    for text, round_no in (
            ("The three-day session in Los Angeles was the first face-to-face meeting of the two "
             "delegations since January, when they met in Washington for the sixth round.", 6),
            ("The three-day session was the first since January, when the negotiators met in "
             "Washington.", None)):
        x = extract(LEAD + text, report_date=day)
        assert [(e.kind, e.place, e.round) for e in x.events] == [
            ("round_concluded", "Washington", round_no)], text


def test_a_stance_denied_is_no_stance() -> None:
    for text in ("The Liberty Korea Party said Seoul should not accept the U.S. demand of $5 "
                 "billion.",
                 "Seoul should not accept the U.S. demand of $5 billion, lawmakers said."):
        x = extract(LEAD + text, report_date=dt.date(2019, 12, 18))
        assert [(p.party, p.stance) for p in x.positions] == [("USA", "demand")], text


def test_a_deal_wished_signed_is_not_signed() -> None:
    text = ("Tokyo wants the special agreement signed early next year so that the Diet can "
            "approve it.")
    assert all(kind != "deal_signed" for kind, _ in _events(text))
    assert ("deal_signed", "2024-11-25") in _events(
        "The special agreement, signed on Monday, runs for five years.")
