"""The twenty-eighth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

import pytest
from news_passes import events as _events
from news_passes import speakers as _speakers

from burdenshare.news import extract
from burdenshare.news.dates import day_in_figures, find_report_date, own_date_phrases


@pytest.mark.parametrize("subject, who", [
    ("The United States", "United States"), ("The U.S.", "U.S."), ("The US", "US"),
    ("Washington", "Washington"), ("South Korea", "South Korea"),
])
def test_a_country_named_with_its_article_speaks(subject: str, who: str) -> None:
    for text in (f"{subject} says Seoul should pay more for the troops.",
                 f"{subject} has repeatedly argued that the cost should be shared more fairly.",
                 f"Seoul should pay more for the troops, {subject[0].lower()}{subject[1:]} "
                 "insists." if subject.startswith("The") else
                 f"Seoul should pay more for the troops, {subject} insists."):
        assert _speakers(text) == [who], text


def test_a_side_whose_demand_was_met_says_nothing() -> None:
    # "as the U.S. insisted": the length the deal has, not words said
    for side in ("the U.S.", "Washington"):
        assert _speakers(f"The deal lasts only one year, as {side} insisted, instead of the "
                         "three to five years Seoul wanted.") == []
    # a person who insisted, as before, speaks
    assert _speakers("The deal lasts only one year, as DeHart insisted, instead of the three to "
                     "five years Seoul wanted.") == ["DeHart"]


@pytest.mark.parametrize("words, near, day", [
    ("12/17/2019", None, "2019-12-17"),  # only month first is a date
    ("17/12/2019", None, "2019-12-17"),  # only day first is a date
    ("17.12.2019", None, "2019-12-17"),
    ("05/12/2019", dt.date(2019, 12, 18), "2019-12-05"),  # the reading near the report's day
    ("05/12/2019", dt.date(2019, 5, 20), "2019-05-12"),
    ("05/12/2019", None, "2019-05-12"),  # no day to go by: month first with slashes
    ("05.12.2019", None, "2019-12-05"),  # day first with full stops
    ("05/06/2019", dt.date(2019, 5, 30), "2019-05-06"),  # both near: the convention
    ("31/31/2019", None, None),
])
def test_a_day_in_figures_is_read_one_way(words: str, near: dt.date | None,
                                          day: str | None) -> None:
    found = day_in_figures(words, near=near)
    assert (found.isoformat() if found else None) == day


def test_a_day_in_figures_dates_an_event_and_a_report_alike() -> None:
    for written in ("12/17/2019", "17/12/2019", "17.12.2019", "2019-12-17"):
        assert _events(f"The two sides signed the deal in Seoul on {written}.",
                       day=dt.date(2019, 12, 18)) == [("deal_signed", "2019-12-17")], written
    # the header's and the sentence's reading are one rule: a French agency's stamp day first
    assert find_report_date("Seoul (AFP) – Published on: 10/03/2021\nText.")[0] == \
        dt.date(2021, 3, 10)
    assert find_report_date("Posted 10/03/2021\nText.")[0] == dt.date(2021, 10, 3)
    x = extract("Posted: 12/18/2019\nSouth Korea and the United States ended their fifth round "
                "of talks on sharing the cost of U.S. troops in Seoul on Wednesday.")
    assert x.report_date == "2019-12-18"
    assert [e.when.date for e in x.events if e.when] == ["2019-12-18"]


def test_a_datelines_date_is_no_date_its_sentence_tells() -> None:
    text = "Brussels, 26.06.2025 – A day later, diplomats were still arguing on Wednesday."
    assert [p.text for p in own_date_phrases(text)] == ["on Wednesday"]
    assert [p.text for p in own_date_phrases("SEOUL, Dec. 18 (Yonhap) -- Talks ended.")] == []


@pytest.mark.parametrize("verb", ["forged an agreement", "arrived at a deal", "secured a deal"])
def test_a_deal_forged_secured_or_arrived_at_is_announced(verb: str) -> None:
    assert _events(f"Seoul and Washington {verb} on sharing the cost of U.S. troops on Monday.") \
        == [("deal_announced", "2024-11-25")]


def test_a_round_hosted_convened_or_got_under_way() -> None:
    day = dt.date(2019, 12, 18)
    assert [(e.kind, e.round, e.place) for e in extract(
        "Washington will host the sixth round of the cost-sharing talks in January.",
        report_date=day).events] == [("talks_scheduled", 6, "Washington")]
    # (not troops hosted: "how much Seoul should pay to host US troops, cutting the third round
    # of negotiations short")
    assert [e.kind for e in extract(
        "U.S. negotiators walked out on Tuesday over how much Seoul should pay to host U.S. "
        "troops, cutting the third round of negotiations short.", report_date=day).events] == \
        ["talks_broken_off", "round_concluded"]
    assert [(e.kind, e.round, e.place) for e in extract(
        "Seoul hosted the fifth round of the cost-sharing talks on Tuesday, and the next one is "
        "in Washington.", report_date=day).events] == [("round_concluded", 5, "Seoul")]
    assert _events("The two sides will convene the sixth round of talks in Washington next "
                   "month.", day=day) == [("talks_scheduled", "2020-01")]
    assert _events("The two sides got the sixth round of talks under way in Washington on "
                   "Tuesday.", day=day) == [("talks_opened", "2019-12-17")]
    assert _events("The sixth round will be in Washington in January.", day=day) == [
        ("talks_scheduled", "2020-01")]


@pytest.mark.parametrize("intro, who, back", [
    ("Bruce Klingner, a senior fellow at the Heritage Foundation, has followed the talks.",
     "Bruce Klingner", "the analyst"),
    ("Kim Hyun-wook, a professor at the Korea National Diplomatic Academy, has studied them.",
     "Kim Hyun-wook", "the academic"),
    ("Choi Eung-sik, head of the USFK Korean Employees Union, led the protest on Monday.",
     "Choi Eung-sik", "the union leader"),
    ("NATO Secretary General Mark Rutte arrived in Seoul on Monday.", "Mark Rutte",
     "the NATO chief"),
    ("Defense Secretary Mark Esper visited Seoul on Friday.", "Mark Esper", "the Pentagon chief"),
    ("Jeong Eun-bo, Seoul's chief negotiator, arrived in Washington on Monday.", "Jeong Eun-bo",
     "the veteran diplomat"),
    ("Foreign Minister Kang Kyung-wha met lawmakers on Monday.", "Kang Kyung-wha",
     "the top diplomat"),
])
def test_a_person_is_called_back_by_another_word_for_the_post(intro: str, who: str,
                                                              back: str) -> None:
    assert _speakers(f"{intro} \"The gap is still wide,\" {back} said.") == [who]
    assert _speakers(f"{intro} {back.capitalize()} said the gap was still wide.") == [who]


def test_the_word_names_no_one_when_two_hold_such_posts() -> None:
    assert _speakers("Bruce Klingner, a senior fellow at the Heritage Foundation, and Victor "
                     "Cha, a professor at Georgetown University, spoke on Monday. \"The gap is "
                     "still wide,\" the analyst said.") == ["analyst"]


@pytest.mark.parametrize("who, act", [
    ("A U.S. official", "briefed reporters on Monday."),
    ("A Pentagon spokesman", "met reporters after the session."),
    ("One negotiator", "sat with reporters after the session."),
])
def test_he_is_the_one_unnamed_person_the_sentence_before_opens_with(who: str, act: str) -> None:
    assert _speakers(f"{who} {act} \"The gap is still wide,\" he said.") == [who]
    assert _speakers(f"{who} {act} She added that the gap was still wide.") == [who]


def test_a_call_made_by_a_participle_is_the_subjects() -> None:
    for text, who in (
        ("Lawmakers attached conditions to their consent, urging the government to move to a "
         "requirement-based system.", "Lawmakers"),
        ("Lawmakers attached riders to the motion, calling on the government to shift to a "
         "requirement-based system.", "Lawmakers"),
        ("Korean labor unions held rallies this week, calling on both governments to protect "
         "their wages.", "Korean labor unions"),
        ("The Korean employees' union has staged rallies outside bases, urging both governments "
         "to separate the workers' pay from the talks.", "Korean employees' union"),
    ):
        assert _speakers(text) == [who], text
    # (a call with no one to make it is none: "calling on" without "to")
    assert _speakers("Lawmakers attached conditions, calling on the government.") == []


def test_the_assembly_is_the_national_assembly() -> None:
    assert _speakers("In attached opinions, the Assembly called on the government to move to a "
                     "requirement-based system.") == ["National Assembly"]
    # (a lower-case assembly is none: "the assembly of workers")
    assert _speakers("The assembly of workers said the talks had failed.") == []


def test_who_tells_an_event_may_say_words_in_a_participle() -> None:
    assert _speakers("The State Department confirmed the deal, saying it reflects the "
                     "alliance's strength.") == ["State Department"]
    assert _speakers("Seoul's foreign ministry announced the agreement on Friday, calling it "
                     "reasonable.") == ["Seoul's foreign ministry"]
    # (the event alone is no statement)
    assert _speakers("The State Department confirmed the deal on Friday.") == []


def test_a_grumble_with_what_it_is_is_said() -> None:
    assert _speakers("Diplomats from several other capitals privately grumbled that the deal "
                     "had been shaped to satisfy Washington.") == [
        "Diplomats from several other capitals"]
    assert _speakers("Diplomats grumbled about the venue.") == []


def test_a_quote_that_takes_up_the_sentences_words_is_attributed() -> None:
    assert _speakers("The two sides \"explained their positions in considerable detail,\" said "
                     "Jeong Eun-bo, a former finance ministry official.") == ["Jeong Eun-bo"]
    # (not a word quoted as a label, nor a clause of its own after the quote)
    assert _speakers("If the alliance is the \"linchpin\" both governments say it is, Washington "
                     "should accept a fair deal.") == []
    assert _speakers("During the talks, $1 billion had been floated as the American "
                     "\"minimum,\" and Washington insisted on a one-year term.") == []


def test_a_second_speaker_after_an_attribution() -> None:
    assert _speakers("The pact gives both governments predictability, a ministry official "
                     "said, while critics in the opposition argued the budget should be cut.") == [
        "a ministry official", "critics in the opposition"]
    # (a side's stand is still the first speaker's account)
    assert _speakers("The gap between the two sides remains wide, Jeong said, and Seoul insists "
                     "that any new deal stay within the framework.") == ["Jeong"]


def test_a_reply_drawn_by_what_the_sentence_tells() -> None:
    assert _speakers("Trump had tweeted in August that Seoul had \"agreed to pay more,\" "
                     "prompting South Korea's foreign ministry to point out that the talks had "
                     "not even started.") == ["Trump", "South Korea's foreign ministry"]


def test_a_meeting_counted_by_the_times_the_negotiators_met() -> None:
    day = dt.date(2020, 3, 20)
    x = extract("South Korea and the United States are negotiating how to share the cost of "
                "stationing U.S. troops. Negotiators met for the seventh time in Los Angeles "
                "from March 17 to 19.", report_date=day)
    assert [(e.kind, e.round, e.place, e.when.date if e.when else None) for e in x.events] == [
        ("round_concluded", 7, "Los Angeles", "2020-03-17")]
    # (not two leaders, nor a count within a year)
    assert _events("Trump and Moon met for the first time in Washington in March.") == []
    assert _events("The delegations met for the third time this year in Washington last "
                   "week.") == []


def test_rounds_listed_with_their_days_before_their_places() -> None:
    x = extract("South Korea and the United States held eight rounds of talks on sharing the cost "
                "of U.S. troops. The first was held April 23-25 in Honolulu, the second May 21-23 "
                "in Seoul, the third June 10-12 in Washington and the fourth June 25-27 in Seoul.",
                report_date=dt.date(2024, 10, 5))
    assert [(e.kind, e.round, e.place, e.when.date if e.when else None,
             e.when.end_date if e.when else None) for e in x.events] == [
        ("round_concluded", 1, "Honolulu", "2024-04-23", "2024-04-25"),
        ("round_concluded", 2, "Seoul", "2024-05-21", "2024-05-23"),
        ("round_concluded", 3, "Washington", "2024-06-10", "2024-06-12"),
        ("round_concluded", 4, "Seoul", "2024-06-25", "2024-06-27")]


def test_a_participles_meeting_shares_its_main_clauses_day() -> None:
    assert _events("Negotiators failed again Wednesday to settle how much Seoul should pay, "
                   "ending the fifth and last round of talks this year with the two sides still "
                   "far apart.", day=dt.date(2019, 12, 18)) == [("round_concluded", "2019-12-18")]


def test_a_factboxs_bullet_is_no_lede_to_date_the_report_by() -> None:
    text = ("FACTBOX-How the allies settled their troop-cost dispute\n\n"
            "March 10 (Reuters) - South Korea's foreign ministry on Wednesday released details of "
            "a six-year deal. Here are key facts:\n\n"
            "* LAPSE: The previous one-year deal expired on Dec. 31, 2019.\n")
    assert find_report_date(text) == (None, None)
    # (a lede that tells its day in full still dates the report)
    assert find_report_date("Talks end\n\nThe U.S. team walked out of the talks on Nov. 19, "
                            "2019.\n")[0] == dt.date(2019, 11, 19)


def test_reader_comments_under_a_handle_and_time_or_a_masked_handle_are_noise() -> None:
    from burdenshare.news.clean import clean_report

    text = ("South Korea's National Assembly approved the deal on Thursday.\n\nComments (2)\n"
            "hanbando_mom | 2024-11-28 18:55\n1.5 trillion won and they still want more??\n"
            "  Like 19 | Dislike 12\nseoulbo***  1.5 trillion won is a lot of money for us\n")
    cleaned = clean_report(text)
    assert "trillion" not in cleaned.text and "approved the deal" in cleaned.text
    # (a byline's agency before its time, alone, is no reader)
    assert "Yonhap" in clean_report("Yonhap | 2021-03-18 17:12\nSeoul and Washington signed "
                                    "the deal.\n").text


def test_a_view_held_and_a_case_pointed_to_are_the_subjects() -> None:
    assert _speakers("Japanese officials regarded the demand as out of the question.") == [
        "Japanese officials"]
    assert _speakers("Opposition lawmakers have demanded closer scrutiny of the funds, pointing "
                     "to reports that unspent money had piled up.") == ["Opposition lawmakers"]
    # (a regard without "as" is none)
    assert _speakers("Japanese officials regarded the demand with alarm.") == []


def test_capitals_that_insist_after_although_speak() -> None:
    assert _speakers("Pressure from Washington drove the new target, diplomats said, although "
                     "several European capitals insist they are raising budgets for their own "
                     "reasons.") == ["diplomats", "several European capitals"]
    # (both capitals together are no one side that speaks)
    assert _speakers("The negotiations went on, officials said, while both capitals insisted "
                     "they were close.") == ["officials"]


def test_a_lede_under_a_dated_dateline_is_on_its_day() -> None:
    from news_passes import placed

    assert placed("S. Korea, U.S. end 2nd round of defense cost talks in Hawaii\n\nHONOLULU, "
                  "Oct. 24 (Yonhap) -- South Korea and the United States wrapped up a second "
                  "round of negotiations here on splitting the cost of keeping American troops "
                  "in Korea.", day=dt.date(2019, 10, 24)) == [
        ("round_concluded", "2019-10-24", "Honolulu")]
