"""The twenty-ninth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import pytest
from news_passes import DAY, LEAD
from news_passes import events as _events
from news_passes import speakers as _speakers

from burdenshare.news import extract


@pytest.mark.parametrize("apposition", [
    "spokesperson for the union", "secretary-general of the union",
    "deputy chief of mission at the embassy", "research fellow at KIDA",
    "former deputy foreign minister", "director-general for North American affairs at the "
    "foreign ministry", "54, a USFK worker", "in a tweet",
])
def test_a_name_speaks_across_an_apposition_without_an_article(apposition: str) -> None:
    # AP's style drops the article: "Son Ji-oh, spokesperson for the union, said"
    for text in (f"Son Ji-oh, {apposition}, said the talks had been useful.",
                 f"\"The talks were useful,\" said Son Ji-oh, {apposition}.",
                 f"Son Ji-oh, {apposition}, told reporters that the talks had been useful."):
        assert _speakers(text) == ["Son Ji-oh"], text


def test_a_name_in_a_relative_clause_is_not_the_speaker() -> None:
    # the relative clause holds a name with its own commas; the subject before it speaks
    assert _speakers("Seoul's chief negotiator, Lee Tae-woo, who has faced his American "
                     "counterpart, Linda Specht, across the table since spring, called the "
                     "outcome reasonable.") == ["Lee Tae-woo"]
    # a country with a figure set off by commas says nothing
    assert _speakers("Poland, at 4.12 per cent of GDP in last year's estimates, tops the table; "
                     "Spain, at 1.28 per cent, was among the lowest.") == []


@pytest.mark.parametrize("calling", ["Analyst", "Economist", "Researcher", "Scholar"])
def test_a_calling_before_a_name_is_no_part_of_it(calling: str) -> None:
    assert _speakers(f"{calling} Go Myong-hyun said the talks had been useful.") == [
        "Go Myong-hyun"]


TRANSCRIPT = ("ANCHOR: South Korea and the United States are negotiating how to share the cost of "
              "stationing U.S. troops in Korea.\n\n")


@pytest.mark.parametrize("label", [
    "(SOUNDBITE) (Korean) JEONG EUN-BO, SOUTH KOREAN CHIEF NEGOTIATOR, SAYING:",
    "(SOUNDBITE) (English) SOUTH KOREAN CHIEF NEGOTIATOR, JEONG EUN-BO, SAYING:",
    "(SOUNDBITE) (English) SOUTH KOREAN CHIEF NEGOTIATOR JEONG EUN-BO, SAYING:",
    "JEONG EUN-BO, South Korean Chief Negotiator:",
])
def test_a_video_scripts_sound_bite_is_its_named_speakers(label: str) -> None:
    # Reuters' shot lists put the office before or after the name, then "SAYING"
    assert _speakers(f"{label} \"The talks were useful.\"", lead=TRANSCRIPT) == ["Jeong Eun-bo"]


def test_an_unnamed_sound_bite_names_no_one() -> None:
    assert _speakers("(SOUNDBITE) (Korean) UNIDENTIFIED USFK WORKER, SAYING: \"We are worried.\"",
                     lead=TRANSCRIPT) == []


@pytest.mark.parametrize("at, city", [
    ("at a Seoul hotel", "Seoul"), ("in Seoul's Jongno district", "Seoul"),
    ("in Los Angeles's downtown", "Los Angeles"), ("at KIDA in Seoul", "Seoul"),
    ("at the U.S. Embassy in Seoul", "Seoul"), ("in the U.S. state of Hawaii", "Hawaii"),
])
def test_a_meetings_city_told_through_a_building_or_a_district(at: str, city: str) -> None:
    text = f"The two sides ended the fifth round of talks {at} on Wednesday."
    assert [e.place for e in extract(LEAD + text, report_date=DAY).events] == [city]


def test_an_embassys_staff_are_no_meeting_held_there() -> None:
    text = ("The U.S. Embassy in Seoul said the fifth round of talks ended in Honolulu on "
            "Wednesday.")
    assert [e.place for e in extract(LEAD + text, report_date=DAY).events] == ["Honolulu"]


@pytest.mark.parametrize("words, day", [
    ("the day before yesterday", "2024-11-26"), ("a week ago", "2024-11-21"),
    ("two days ago", "2024-11-26"), ("yesterday", "2024-11-27"),
])
def test_a_day_counted_back_from_the_reports(words: str, day: str) -> None:
    assert _events(f"The two sides signed the deal in Seoul {words}.") == [("deal_signed", day)]


@pytest.mark.parametrize("text", [
    "As Jeong Eun-bo put it, the talks were useful.",
    "In the words of Jeong Eun-bo, the talks were useful.",
    "Jeong Eun-bo commented that the talks were useful.",
    "Jeong Eun-bo assured lawmakers that the talks were useful.",
])
def test_words_told_as_someones(text: str) -> None:
    assert _speakers(text) == ["Jeong Eun-bo"]


def test_a_comment_on_something_states_nothing() -> None:
    assert _speakers("Jeong Eun-bo commented on the talks.") == []
    assert _speakers("As expected, the talks ended.") == []


@pytest.mark.parametrize("text, who", [
    ("Trump said Seoul had agreed to pay more, a claim Seoul's Foreign Ministry disputed.",
     "Seoul's Foreign Ministry"),
    ("Trump's claim, which South Korean officials disputed, angered many in Seoul.",
     "South Korean officials"),
    ("Trump said Seoul had agreed to pay more, a claim denied by Seoul's foreign ministry.",
     "Seoul's foreign ministry"),
    ("The report was disputed by Seoul.", "Seoul"),
    ("The report that Seoul had agreed to pay more was denied by U.S. officials on Monday.",
     "U.S. officials"),
])
def test_who_disputed_a_claim_speaks(text: str, who: str) -> None:
    assert who in _speakers(text)


def test_a_figure_a_side_rejected_is_an_act_not_words() -> None:
    # (a figure rejected, dismissed or named in the active by one person, is no statement: the
    # dev writers list none of them)
    assert _speakers("Seoul's best offer is still a 13 percent increase, the very figure "
                     "President Donald Trump had rejected.") == []


@pytest.mark.parametrize("told, n", [
    ("the fifth set of talks", 5), ("the fifth negotiating session", 5),
    ("the fifth in a series of talks", 5),
])
def test_a_round_numbered_in_other_words(told: str, n: int) -> None:
    text = f"The two sides ended {told} in Seoul on Wednesday."
    assert [e.round for e in extract(LEAD + text, report_date=DAY).events] == [n]


@pytest.mark.parametrize("heads", [
    "who now heads the South Korean delegation", "who took over the Korean delegation for this "
    "round", "who recently took over the South Korean negotiating team",
])
def test_an_office_in_the_lede_is_the_person_named_later_as_its_holder(heads: str) -> None:
    # the lede names the office, the next paragraph the person who holds it
    text = ("The two sides ended their second round of talks in Honolulu on Thursday, with "
            "Seoul's new chief negotiator saying the gap remained wide. It was the first session "
            f"for Jeong Eun-bo, a former finance ministry official {heads}.")
    assert _speakers(text) == ["Jeong Eun-bo"]


@pytest.mark.parametrize("text, who", [
    ("Washington has backed away from its demand, according to diplomatic sources cited by "
     "Korean media.", "diplomatic sources"),
    ("According to officials quoted by Yonhap, Washington has backed away from its demand.",
     "officials"),
])
def test_a_source_relayed_by_a_medium_is_the_source(text: str, who: str) -> None:
    assert _speakers(text) == [who]


@pytest.mark.parametrize("tag", ["[SOUNDBITE]\n", "(SOUNDBITE) ", "[SOT]\n"])
def test_a_quote_after_a_sound_bites_tag_is_the_person_named_before(tag: str) -> None:
    text = ("U.S. chief negotiator James DeHart put the blame squarely on the Korean side.\n"
            f"{tag}\"The proposals were not responsive to our request.\"")
    assert _speakers(text, lead=TRANSCRIPT) == ["James DeHart"]


def test_the_reporter_who_reached_a_source_is_no_part_of_it() -> None:
    assert _speakers("REPORTER: The atmosphere was different, according to one government "
                     "official we spoke to.", lead=TRANSCRIPT) == ["one government official"]


def test_a_rounds_place_in_an_aside_leaves_its_opening() -> None:
    # "held in Seoul" tells where; the main verb tells what happened on the day
    assert _events("The round, held in Seoul, had opened on Nov. 18.") == [
        ("talks_opened", "2024-11-18")]
    # (without the aside, a round held is a round held)
    assert _events("The round was held in Seoul on Nov. 18.") == [
        ("round_concluded", "2024-11-18")]


def test_rounds_listed_with_the_day_each_ended() -> None:
    text = ("The first round ended in Honolulu on April 25, followed by a second round in Seoul "
            "that ended on May 23, a third in Washington concluding June 12 and a fourth in "
            "Seoul ending June 27.")
    found = [(e.round, e.place, e.when.date if e.when else None)
             for e in extract(LEAD + text, report_date=DAY).events]
    assert found == [(1, "Honolulu", "2024-04-25"), (2, "Seoul", "2024-05-23"),
                     (3, "Washington", "2024-06-12"), (4, "Seoul", "2024-06-27")]


@pytest.mark.parametrize("text", [
    "The first round took place in Honolulu on April 23-25; the second in Seoul on May 21-23; "
    "the third in Washington on June 10-12.",
    "The first round was held in Honolulu on April 23-25, followed by rounds in Seoul (May 21-23) "
    "and Washington (June 10-12).",
])
def test_rounds_listed_after_semicolons_or_unnumbered(text: str) -> None:
    found = [(e.round, e.place) for e in extract(LEAD + text, report_date=DAY).events]
    assert found == [(1, "Honolulu"), (2, "Seoul"), (3, "Washington")]


def test_a_round_that_was_in_a_city_at_a_time_was_held() -> None:
    text = ("The first round was in Honolulu in April, the second in Seoul in May, the third in "
            "Washington in June.")
    found = [(e.kind, e.round, e.place) for e in extract(LEAD + text, report_date=DAY).events]
    assert found == [("round_concluded", 1, "Honolulu"), ("round_concluded", 2, "Seoul"),
                     ("round_concluded", 3, "Washington")]
    # (a round that will be is booked, as before)
    assert _events("The next round will be in Seoul in December.") == [
        ("talks_scheduled", "2024-12")]


def test_another_who_said_the_same() -> None:
    assert _speakers("Jeong Eun-bo said the talks had been useful, as did James DeHart.") == [
        "Jeong Eun-bo", "James DeHart"]
    assert _speakers("Seoul paid more, as did Tokyo.") == []  # (no words said)


@pytest.mark.parametrize("text, kind", [
    ("South Korea and the United States ended their first round of negotiations over Seoul's "
     "contribution to U.S. Forces Korea (USFK) for 2020 and beyond on Wednesday.",
     "round_concluded"),
    ("South Korea and the United States have concluded negotiations on a new deal, which will "
     "set Seoul's contribution to the upkeep of U.S. Forces Korea from 2026 through 2030.",
     "deal_announced"),
])
def test_the_years_a_contribution_covers_date_no_event(text: str, kind: str) -> None:
    # (the day told, or else the report's own day)
    assert _events(text) == [(kind, "2024-11-27" if "Wednesday" in text else "2024-11-28")]


def test_a_time_in_a_clause_before_a_plan_is_that_clauses() -> None:
    assert _events("With no time left to close a deal this year, the two sides agreed to keep "
                   "negotiating and to hold a sixth round next month in Washington.") == [
        ("talks_scheduled", "2024-12")]


def test_a_source_set_off_before_the_verb_leaves_the_subjects_words() -> None:
    assert _speakers("Kang said the agreement would help, while Harris, according to the "
                     "ministry, called it a sign of the alliance's strength.") == ["Kang", "Harris"]
    # (a thing as the subject: the source's account, as before)
    assert _speakers("The deal, according to the ministry, was reached on Monday.") == [
        "ministry"]


@pytest.mark.parametrize("text, days", [
    ("The deal was initialled on Feb. 10 and formally signed on March 8.",
     ["2024-02-10", "2024-03-08"]),
    ("Text initialled March 18; signed April 8.", ["2024-03-18", "2024-04-08"]),
    ("A one-year deal, initialled Feb. 10, 2019 and signed March 8, 2019.",
     ["2019-02-10", "2019-03-08"]),
])
def test_a_text_initialled_and_then_signed_is_two_signings(text: str, days: list[str]) -> None:
    assert _events(text) == [("deal_signed", day) for day in days]


def test_a_vaguer_time_made_exact_in_apposition() -> None:
    assert _events("The talks ended last month, on Oct. 24, without a deal.") == [
        ("round_concluded", "2024-10-24")]
    assert _events("The deal, which was initialled last month, on Oct. 10, is to be signed "
                   "soon.")[:1] == [("deal_signed", "2024-10-10")]


def test_later_that_month_is_the_month_told_before() -> None:
    assert _events("The deal was signed on 4 November 2023 and approved by the National "
                   "Assembly later that month.") == [("deal_signed", "2023-11-04"),
                                                    ("ratification_vote", "2023-11")]
    assert ("deal_signed", "2005") in _events(
        "A provisional agreement was reached on March 15, 2005, and the deal was signed later "
        "that year.")


def test_an_end_hoped_for_ends_nothing() -> None:
    assert _events("Trump on Monday rejected Seoul's offer, dealing a blow to hopes of an early "
                   "end to the stalled negotiations.") == [("deal_rejected", "2024-11-25")]
    # (the end of a round is its end, as before)
    assert ("round_concluded", "2024-11-24") in _events(
        "The two sides reached the agreement in principle Sunday, at the end of a three-day "
        "ninth round of talks in Washington.")


def test_a_deal_named_as_a_past_verbs_object_looks_back() -> None:
    # "would pay" is the deal's term; "put together" says when it was made
    assert _events("Working-level negotiators put together a tentative agreement in late March "
                   "under which Seoul would pay 13 percent more.") == [
        ("deal_announced", "2024-03")]


@pytest.mark.parametrize("text, years", [
    ("For 2020 - a year without any agreement - Seoul's payment is frozen at 1.0389 trillion "
     "won.", (2020, 2020)),
    ("Seoul's payment for 2020 was frozen, while this year's contribution rises 13.9 percent to "
     "1.1833 trillion won.", (2024, 2024)),
])
def test_the_year_of_a_payment_told_before_it(text: str, years: tuple[int, int]) -> None:
    found = [(p.period, p.years) for p in extract(LEAD + text, report_date=DAY).positions
             if p.amount]
    assert found == [("year", years)]


def test_a_clause_after_and_keeps_its_own_year() -> None:
    text = ("Seoul's contribution for 2020 stays frozen at 1.0389 trillion won, unchanged from "
            "2019, and for 2021 rises by 13.9% to 1.1833 trillion won.")
    found = [(p.amount, p.years) for p in extract(LEAD + text, report_date=DAY).positions
             if p.amount]
    assert found == [(1.0389e12, (2020, 2020)), (1.1833e12, (2021, 2021))]
    # (and a year told as the whole of it: "for all of 2020")
    assert [p.years for p in extract(LEAD + "Seoul would provide more than $200 million to cover "
                                     "the salaries for all of 2020.", report_date=DAY).positions
            if p.amount] == [(2020, 2020)]


def test_a_sum_in_a_when_clause_is_of_the_year_it_hangs_on() -> None:
    def years(text: str) -> list[tuple[str | None, tuple[int, int] | None]]:
        return [(p.period, p.years) for p in extract(LEAD + text, report_date=DAY).positions
                if p.amount]
    assert years("The first SMA was signed in January 1991, when Seoul paid $150 million.") == [
        ("year", (1991, 1991))]
    # (not a yearly sum said then)
    assert years("The claim dates from October 2023, when Trump said Seoul would be paying $10 "
                 "billion a year.") == [("year", None)]
