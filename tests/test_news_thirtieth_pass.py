"""The thirtieth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

import pytest
from news_passes import DAY, LEAD, placed
from news_passes import events as _events
from news_passes import speakers as _speakers

from burdenshare.news import extract


@pytest.mark.parametrize("participle", ["Concluding", "Wrapping up", "Ending", "Closing",
                                        "After wrapping up"])
def test_a_round_ended_by_the_participle_that_opens_the_sentence(participle: str) -> None:
    # "Wrapping up the fifth round in Seoul on Wednesday, the two sides failed to reach a deal"
    text = (f"{participle} the fifth round in Seoul on Wednesday, the two sides failed to "
            "reach a deal.")
    assert placed(LEAD + text) == [("round_concluded", "2024-11-27", "Seoul")]
    x = extract(LEAD + text)
    assert [e.round for e in x.events] == [5]


@pytest.mark.parametrize("participle", ["Opening", "Beginning", "Kicking off"])
def test_a_round_opened_by_the_participle_that_opens_the_sentence(participle: str) -> None:
    text = (f"{participle} the fifth round in Seoul on Tuesday, Jeong Eun-bo said Seoul wanted "
            "a fair deal.")
    assert placed(LEAD + text) == [("talks_opened", "2024-11-26", "Seoul")]


def test_a_participle_after_its_clause_or_of_something_else_opens_nothing() -> None:
    # an opening after the verb is no opening of the talks; "Opening" of a base is no round
    assert _events("Opening the new barracks at Camp Humphreys on Tuesday, the commander "
                   "praised the workers.") == []


@pytest.mark.parametrize("verb", ["plan", "are planning", "have scheduled"])
def test_a_round_planned_as_an_object(verb: str) -> None:
    # "The two allies plan a sixth round in Washington early next year"
    assert placed(LEAD + f"The two allies {verb} a sixth round in Washington in January.") == [
        ("talks_scheduled", "2025-01", "Washington")]
    # a round of something else is none
    assert _events(f"The two armies {verb} a new round of drills in January.") == []


def test_a_command_spelled_out_in_full_speaks_under_that_name() -> None:
    # "United States Forces Korea (USFK) ..." then "USFK said": the fullest name the report gives
    text = ("United States Forces Korea (USFK), which employs about 9,000 South Korean workers, "
            "has told its employees that many of them will be placed on unpaid leave. USFK said "
            "it regretted the uncertainty.")
    assert set(_speakers(text)) == {"United States Forces Korea"}


@pytest.mark.parametrize("first", ["a first session, also held in Seoul, in September",
                                   "a first session in Seoul in September"])
def test_the_rounds_listed_after_the_one_a_round_followed(first: str) -> None:
    # "The round followed a first session ... and a second in Honolulu in October": two rounds
    x = extract(LEAD + f"The round followed {first} and a second in Honolulu in October.",
                report_date=DAY)
    assert [(e.kind, e.round, e.place, e.when.date if e.when else None) for e in x.events] == [
        ("round_concluded", 1, "Seoul", "2024-09"), ("round_concluded", 2, "Honolulu", "2024-10")]


TIMELINE = """TIMELINE: How Seoul and Washington reached the 11th defense cost deal

Posted : 2021-04-08 17:20

South Korea and the United States signed their 11th Special Measures Agreement on Thursday, \
ending a negotiation on the cost of stationing American troops here. Key moments:

Aug. 7, 2019 - Trump tweets that talks have begun.

Oct. 23-24 - Second round in Honolulu.

Nov. 18-19 - Third round in Seoul. The U.S. delegation walks out on the second day.

Dec. 31 - The 10th SMA expires with no successor in place.

Jan. 14-15, 2020 - Sixth round in Washington.

March 17-19 - Seventh round in Los Angeles.
"""


def test_a_timelines_entries_run_forward_from_the_last_year_named() -> None:
    # the entries after "Aug. 7, 2019" are of 2019, those after "Jan. 14-15, 2020" of 2020; an
    # expiry on a day before the report's, with no successor, has passed
    x = extract(TIMELINE)
    told = [(e.kind, e.round, e.place, e.when.date if e.when else None) for e in x.events]
    assert ("round_concluded", 2, "Honolulu", "2019-10-23") in told
    assert ("talks_broken_off", 3, "Seoul", "2019-11-18") in told
    assert ("deadline_passed", None, None, "2019-12-31") in told
    assert ("round_concluded", 7, "Los Angeles", "2020-03-17") in told


def test_rounds_counted_whose_opening_is_placed_are_no_round_held() -> None:
    # "held eight rounds of talks, which began in April in Honolulu": Honolulu is the opening's
    assert [k for k, _ in _events("Chief negotiators Lee Tae-woo and Linda Specht held eight "
                                  "rounds of talks, which began in April in Honolulu.")] == [
        "talks_opened"]


def test_he_after_a_surname_alone_is_that_person_not_the_speaker_before() -> None:
    text = ("* Nov. 19 - The U.S. team walks out; James DeHart says Seoul's proposals were poor.\n"
            "* April - Trump rejects a working-level deal for a 13 percent rise. "
            "\"I rejected it,\" he says on April 20.")
    assert _speakers(text) == ["James DeHart", "Trump"]


@pytest.mark.parametrize("text", [
    "Aug. 7, 2019 - Trump tweets that talks have begun.",
    "Republican candidate Trump said on October 15 that Seoul would pay more.",
])
def test_a_tweet_in_the_present_and_a_candidate_by_surname(text: str) -> None:
    assert _speakers(text) == ["Trump"]


@pytest.mark.parametrize("verb", ["concede", "acknowledge", "admit"])
def test_a_second_clause_whose_plural_subject_speaks_in_the_present(verb: str) -> None:
    assert _speakers("Seoul's foreign ministry says the sixth round will be held in Washington "
                     f"next month, and officials here {verb} the allies may go into the new "
                     "year with no deal.") == ["Seoul's foreign ministry", "officials"]


@pytest.mark.parametrize("text", [
    "Officials in Seoul have not said so publicly, but the timing is widely linked to the vote.",
    "Navy officials have never said how many contracts they expect to award.",
])
def test_a_saying_denied_is_no_statement(text: str) -> None:
    assert _speakers(text) == []


@pytest.mark.parametrize("what", ["stay in close contact", "remain in close touch",
                                  "consult closely"])
def test_an_agreement_to_keep_in_touch_is_no_deal(what: str) -> None:
    assert _events(f"The ministry said the two sides had agreed to {what}.") == []


def test_the_numbered_round_that_produced_a_deal_was_held() -> None:
    x = extract(LEAD + "A seventh round in Los Angeles in March produced a working-level "
                "compromise of a 13 percent rise.", report_date=DAY)
    assert sorted((e.kind, e.round, e.place) for e in x.events) == [
        ("deal_announced", 7, "Los Angeles"), ("round_concluded", 7, "Los Angeles")]


CHRONOLOGY = """SEOUL, Sept. 1 (Yonhap) -- The following is a chronology of the negotiations \
on sharing the cost of U.S. troops in Korea.

2019

Sept. 24-25 -- Negotiations open in Seoul with the first round.

Oct. 23-24 -- Second round in Honolulu.

Dec. 31 -- The 10th SMA expires.

2020

March 17-19 -- Seventh round in Los Angeles.
"""


def test_a_chronology_with_double_hyphens_and_year_headings() -> None:
    # Yonhap's chronologies set each entry's day off with "--" under a heading for its year;
    # an expiry told as an entry before the report's day has passed
    x = extract(CHRONOLOGY, report_date=dt.date(2021, 9, 1))
    assert [(e.kind, e.round, e.place, e.when.date if e.when else None) for e in x.events] == [
        ("talks_opened", 1, "Seoul", "2019-09-24"),
        ("round_concluded", 2, "Honolulu", "2019-10-23"),
        ("deadline_passed", None, None, "2019-12-31"),
        ("round_concluded", 7, "Los Angeles", "2020-03-17")]


def test_a_name_before_the_participle_says_what_follows() -> None:
    # an absolute clause: "..., DeHart saying Seoul's proposals were ..."
    assert _speakers("The U.S. team walked out on Nov. 19 after about 90 minutes, James DeHart "
                     "saying Seoul's proposals were \"not responsive to our request.\"") == [
        "James DeHart"]


def test_later_rounds_unnumbered_in_two_cities_are_no_round() -> None:
    assert _events("Later rounds were held in Seoul and Washington.") == []


@pytest.mark.parametrize("who", ["both governments", "the two governments", "the two sides"])
def test_a_deal_announced_together_is_no_statement_of_the_two(who: str) -> None:
    # "... have reached an agreement in principle on ..., both governments said on Sunday,
    # ending a deadlock": the deal told, no words of a side (5 of 7 dev writers)
    text = ("WASHINGTON (Reuters) - South Korea and the United States have reached an agreement "
            f"in principle on sharing the cost of U.S. troops, {who} said on Sunday, ending a "
            "deadlock that had strained the alliance.")
    assert _speakers(text, lead="") == []
    # (what they said after the verb still is theirs)
    assert _speakers(f"{who[0].upper()}{who[1:]} said the gap had narrowed.") != []


def test_a_timelines_rounds_by_their_number() -> None:
    # "* Oct. 23-24, 2019 - Round 2 in Honolulu."
    x = extract("FACTBOX: How Seoul and Washington reached their deal on sharing the cost of U.S. "
                "troops\n\n* Sept. 24-25, 2019 - Round 1 in Seoul.\n\n"
                "* Oct. 23-24, 2019 - Round 2 in Honolulu.\n", report_date=dt.date(2021, 4, 8))
    assert [(e.kind, e.round, e.place) for e in x.events] == [
        ("round_concluded", 1, "Seoul"), ("round_concluded", 2, "Honolulu")]


@pytest.mark.parametrize(("text", "who"), [
    ("U.S. Forces Korea, or USFK, said in a statement that the furlough would last.",
     "U.S. Forces Korea"),
    ("In a statement, the foreign ministry here said the two sides had narrowed the gap.",
     "foreign ministry"),
])
def test_an_acronym_or_a_place_between_the_speaker_and_its_verb(text: str, who: str) -> None:
    assert _speakers(text) == [who]


def test_a_timelines_round_by_its_number_ending_in_a_deal_was_held() -> None:
    x = extract(LEAD + "\n\n* March 5-7, 2021 - Round 9 in Washington ends with an agreement "
                "in principle on March 7.", report_date=dt.date(2021, 4, 8))
    assert sorted((e.kind, e.round, e.place) for e in x.events) == [
        ("deal_announced", 9, "Washington"), ("round_concluded", 9, "Washington")]


@pytest.mark.parametrize("text", [
    "Trump says \"I rejected it\", turning down Seoul's offer of a 13 percent increase.",
    "In April, a deal was sunk in Washington, where President Trump said simply: "
    "\"I rejected it.\"",
])
def test_a_leaders_own_words_of_rejection_after_the_verb(text: str) -> None:
    assert "deal_rejected" in [k for k, _ in _events(text)]


def test_a_ministry_announcing_that_the_two_sides_agreed_says_it() -> None:
    # (2 of 2 dev writers; negotiators announcing they agreed tell the deal only)
    text = ("The foreign ministry announced Friday that the two sides had concluded negotiations "
            "on the 12th Special Measures Agreement.")
    assert _speakers(text) == ["foreign ministry"]
    assert _speakers("Negotiators announced that they had reached an agreement.") == []


@pytest.mark.parametrize("previous", [
    "The previous round ended in Washington on Dec. 4, and U.S. negotiators walked out of the "
    "third round in Seoul on Nov. 19.",
    "The two-day meeting followed a round in Washington that ended on Dec. 4.",
])
def test_the_round_before_the_one_the_report_is_about(previous: str) -> None:
    x = extract(LEAD + "Seoul and Washington ended a fifth round of talks in Seoul on Wednesday. "
                + previous, report_date=dt.date(2019, 12, 18))
    assert (4, "Washington") in [(e.round, e.place) for e in x.events]


def test_an_ordinal_in_apposition_after_what_the_round_was_under() -> None:
    x = extract(LEAD + "An earlier round under the new administration, the eighth, was held by "
                "video link on Feb. 5.", report_date=dt.date(2021, 3, 8))
    assert [e.round for e in x.events] == [8]


def test_terms_under_a_numbered_deal_and_a_factboxs_signing() -> None:
    # the terms of the deal in force, named by its number, are no new deal
    assert [k for k, _ in _events("Under the 10th SMA, a one-year deal signed in March, Seoul "
                                  "agreed to pay 1.0389 trillion won for 2019.")] == ["deal_signed"]
    # a factbox's item told by "it"
    assert [k for k, _ in _events("The 11th SMA took effect in 2021.\n\n* It was signed on April "
                                  "8, 2021, and approved by the National Assembly on Aug. 31, "
                                  "2021.")] == ["deal_signed", "ratification_vote"]


@pytest.mark.parametrize("quantifier", ["Other", "Several", "Various"])
def test_a_quantifier_before_a_plural_is_no_speaker(quantifier: str) -> None:
    assert _speakers(f"{quantifier} estimates put the number of furloughed workers at 4,500 "
                     "to 5,000.") == []


def test_a_timelines_round_by_its_number_then_its_city() -> None:
    x = extract("Timeline of the talks on sharing the cost of U.S. troops in Korea\n\n"
                "May 21-23 - Round 2, Seoul\n\nJun. 10-12 - Round 3, Washington\n",
                report_date=dt.date(2024, 11, 28))
    assert [(e.round, e.place) for e in x.events] == [(2, "Seoul"), (3, "Washington")]


@pytest.mark.parametrize("text", [
    "Bolton, a former U.S. national security adviser, has written in his memoir that the "
    "administration sought about $8 billion a year from Japan.",
    "The memoir of Bolton, the former U.S. national security adviser, says the president sought "
    "\"cost plus 50 percent\" from allies.",
])
def test_a_memoirs_author_speaks(text: str) -> None:
    assert _speakers(text) == ["Bolton"]


def test_a_second_thing_said_after_and_that_keeps_its_own_place() -> None:
    x = extract(LEAD + "Seoul's Foreign Ministry said the two days of talks in Seoul ended "
                "without agreement and that a sixth round would be held in Washington in "
                "January.", report_date=dt.date(2019, 12, 18))
    assert ("talks_scheduled", 6, "Washington") in [(e.kind, e.round, e.place) for e in x.events]


def test_a_round_booked_to_open() -> None:
    x = extract(LEAD + "South Korea and the United States are scheduled to open the second round "
                "of talks in Honolulu on Wednesday, Oct. 23.", report_date=dt.date(2019, 10, 21))
    assert [(e.kind, e.round, e.place, e.when.date if e.when else None) for e in x.events] == [
        ("talks_scheduled", 2, "Honolulu", "2019-10-23")]


def test_a_body_in_a_relative_clause_after_what_it_is_the_object_of() -> None:
    assert _speakers("The furlough hits nearly half of the South Koreans working for United "
                     "States Forces Korea (USFK), which said it regretted the move.") == [
        "United States Forces Korea"]


def test_the_sum_a_rise_is_worked_out_on_is_no_position() -> None:
    x = extract(LEAD + "The 13 percent increase would have been calculated on the 1.0389 "
                "trillion won Seoul paid for 2019.", report_date=dt.date(2020, 4, 21))
    assert [p.amount for p in x.positions if p.amount is not None] == []


@pytest.mark.parametrize("text", [
    "Yonhap news agency put the number of furloughed workers at 4,500 to 5,000.",
    "South Korea's Yonhap News Agency put the number at between 4,500 and 5,000.",
])
def test_a_news_agency_that_puts_the_number_at_a_figure(text: str) -> None:
    assert [s.lower() for s in _speakers(text)] == ["yonhap news agency"]
    # estimates put it, no one
    assert _speakers("Estimates for 2024 put the number at 23.") == []
