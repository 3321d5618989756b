"""The sixteenth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract

DAY = dt.date(2019, 12, 18)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def _speakers(text: str, lead: str = LEAD) -> list[str]:
    return [s.speaker for s in extract(lead + text, report_date=DAY).statements]


def test_a_researcher_or_a_scholar_speaks_unnamed() -> None:
    assert _speakers("Linking the payments to defense budgets locks in steep increases, a "
                     "researcher at a Seoul-based think tank said.") == [
        "a researcher at a Seoul-based think tank"]
    assert _speakers("The deal is lopsided, one scholar said.") == ["one scholar"]


def test_what_the_talks_are_about_is_no_speaker() -> None:
    # the participle's subject is the one of the clause within, not "Relations"
    text = ("Relations were tested last month when the U.S. delegation walked out of the third "
            "round in Seoul after roughly 90 minutes, saying Seoul's proposals were \"not "
            "responsive to our request\".")
    assert _speakers(text) == ["U.S. delegation"]
    assert _speakers("Tensions rose when Trump rejected a 13 percent raise, calling it too "
                     "low.") == ["Trump"]
    # a factbox's line names no one
    assert _speakers("* Deal announced Oct. 4: Seoul will pay 1.5192 trillion won in 2026.") == []
    # the subject of the sentence still says it when it is someone
    assert _speakers("Trump rejected the offer after Seoul raised it, saying it was too "
                     "low.") == ["Trump"]


def test_a_title_case_headline_names_no_candidate() -> None:
    # "the Republican presidential candidate" is no word of the headline's ("Year")
    text = ("Trump Says S. Korea Would Pay 10 Bil. Dollars a Year for U.S. Troops\n\n"
            "Washington, Oct. 15 (Jiji Press)--Former U.S. President Donald Trump, the "
            "Republican presidential candidate, said Tuesday that South Korea \"would be paying "
            "us 10 billion dollars a year\" for the U.S. military presence there.")
    assert "Year" not in _speakers(text, lead="")


def _events(text: str, day: dt.date = DAY) -> list[tuple[str, str | None, str | None]]:
    x = extract(LEAD + text, report_date=day)
    return [(e.kind, e.when.date if e.when else None, e.place) for e in x.events]


def test_no_date_to_meet_again_is_no_meeting_set() -> None:
    text = ("The U.S. delegation got up and left the table an hour into the third round, "
            "leaving both sides without a date to meet again.")
    assert "talks_scheduled" not in [k for k, _, _ in _events(text)]
    assert _events("The two sides agreed to meet again in Washington next month.") == [
        ("talks_scheduled", "2020-01", "Washington")]


def test_committed_to_a_deal_as_a_state_is_no_deal() -> None:
    text = ("Seoul's foreign ministry said this morning that it remained committed to a fair "
            "and reasonable deal.")
    assert _events(text) == []


def test_the_deal_named_with_its_acronym_then_who_signed_it() -> None:
    text = ("Under the current one-year Special Measures Agreement (SMA), which the allies "
            "signed in March, South Korea is paying 1.0389 trillion won in 2019.")
    assert _events(text, dt.date(2019, 9, 25)) == [("deal_signed", "2019-03", None)]


def test_a_deal_to_get_signed_is_not_signed() -> None:
    assert _events("Seoul would be wise to get its agreement signed and ratified quickly.") == []


def test_the_whole_negotiation_wrapped_up_is_no_round() -> None:
    text = ("It wraps up negotiations that began in April, which went through eight rounds.")
    assert _events(text, dt.date(2024, 11, 28)) == [("talks_opened", "2024-04", None)]
    # talks that began on a day are a round, held
    text = "The two sides wrapped up the talks that began Tuesday in Seoul."
    assert ("round_concluded", "2024-11-26", "Seoul") in _events(text, dt.date(2024, 11, 28))


def test_a_meeting_told_as_the_time_of_a_remark_opens_nothing() -> None:
    text = 'Before the meeting began, Chang told reporters that Seoul would seek "a fair outcome".'
    assert _events(text) == []


def test_a_linking_adverb_and_an_indefinite_pronoun_name_no_one() -> None:
    text = ('Instead, President Donald Trump had rejected it, telling reporters: "They\'ve '
            'agreed to pay us more money, and I rejected it."')
    assert _speakers(text) == ["Donald Trump"]
    assert _speakers("Something tells me they are worried about next year.") == []


def test_an_earlier_round_walked_out_of_in_a_relative_clause() -> None:
    text = ("The two-day session in Washington followed the third round in Seoul last month, "
            "which the American delegation walked out of after barely an hour and a half.")
    assert _events(text, dt.date(2019, 12, 5)) == [
        ("talks_broken_off", "2019-11", "Seoul"), ("round_concluded", "2019-11", "Seoul")]


def test_a_numbered_round_that_ended_in_a_deal_was_held() -> None:
    text = ("The ninth round of negotiations ended in Washington on Sunday with an agreement in "
            "principle.")
    assert _events(text, dt.date(2021, 3, 10)) == [
        ("deal_announced", "2021-03-07", "Washington"),
        ("round_concluded", "2021-03-07", "Washington")]
    # the whole negotiation concluded is the deal alone
    assert _events("The negotiators concluded the 12th SMA negotiations on Friday.",
                   dt.date(2021, 3, 10)) == [("deal_announced", "2021-03-05", None)]


def test_money_is_no_speaker() -> None:
    assert _speakers("Money promised for 2035 is easy; money spent in 2026 is what deters.") == []


def test_a_round_the_first_since_another() -> None:
    text = ("The seventh round of negotiations was the first since the sixth round in "
            "Washington in January.")
    assert _events(text, dt.date(2020, 3, 19)) == [("round_concluded", "2020-01", "Washington")]
    x = extract(LEAD + text, report_date=dt.date(2020, 3, 19))
    assert [e.round for e in x.events] == [6]


def test_the_next_rounds_place_is_not_this_ones() -> None:
    text = ("Seoul and Washington wrapped up the fifth round of talks today without an "
            "agreement. The delegations agreed to sit down again for a sixth round in Washington "
            "in January.")
    x = extract(LEAD + text, report_date=dt.date(2019, 12, 18))
    assert [(e.kind, e.place, e.round) for e in x.events] == [
        ("round_concluded", None, 5), ("talks_scheduled", "Washington", 6)]
    # a round told once with its place, the meeting's round unsaid, still gives it its place
    text = ("Cost-sharing talks between Seoul and Washington fell apart today, when the "
            "American delegation walked out. The third round of talks was being held here in "
            "Seoul.")
    x = extract(LEAD + text, report_date=dt.date(2019, 11, 19))
    assert {e.place for e in x.events} == {"Seoul"}


def test_five_times_what_was_agreed_is_no_deal() -> None:
    text = "The U.S. figure is more than five times what Seoul agreed to pay for 2019."
    assert _events(text) == []


def test_agreed_on_an_abbreviated_day_that() -> None:
    text = ("Japan and the United States agreed on Dec. 21 that Tokyo will pay a total of "
            "1.0551 trillion yen over five years.")
    assert _events(text, dt.date(2021, 12, 21)) == [("deal_announced", "2021-12-21", None)]


def test_neither_side_set_a_date_to_meet_again() -> None:
    assert _events("Neither side set a date to meet again.") == []


def test_a_meetings_days_are_no_deadline() -> None:
    day = dt.date(2024, 4, 23)
    text = ("The first round of talks on the 12th Special Measures Agreement (SMA) runs through "
            "Thursday.")
    assert "deadline" not in [k for k, _, _ in _events(text, day)]
    text = "The round ended without a deal, and the current agreement runs through Dec. 31."
    assert ("deadline", "2024-12-31", None) in _events(text, day)


def test_any_deal_signed_or_ratified_is_none_in_particular() -> None:
    day = dt.date(2024, 10, 16)
    assert _events("Whether a deal signed with one administration survives the next is an open "
                   "question.", day) == []
    assert _events("The lesson is that a deal negotiated in good faith, ratified by parliament "
                   "and indexed to prices is worth more than any number.", day) == []
    # with its day or its place it is one deal
    assert ("deal_signed", "2021-04-08", None) in _events(
        "* A six-year deal signed on April 8, 2021, after the previous one lapsed.", day)
    assert ("deal_signed", None, "Seoul") in _events(
        "South Korea agreed to pay 1.0389 trillion won in a one-year deal initialed by "
        "negotiators in Seoul.", dt.date(2019, 2, 10))


def test_rounds_counted_or_months_of_talks_are_no_round() -> None:
    day = dt.date(2024, 11, 28)
    text = ("Negotiators held eight rounds of talks that began in April, and the outcome was "
            "announced on Oct. 4.")
    assert _events(text, day) == [("deal_announced", "2024-10-04", None),
                                  ("talks_opened", "2024-04", None)]
    assert _events("An ally that had just concluded months of negotiation was told that its "
                   "signature did not count.", day) == []
    # one round held stays one
    assert _events("The two sides held the fifth round in Seoul on Tuesday.", day) == [
        ("round_concluded", "2024-11-26", "Seoul")]


def test_a_month_naming_a_meeting_is_no_place() -> None:
    text = ("Washington reportedly put forward a figure of around US$4.7 billion a year at the "
            "September meeting, held at the Korea Institute for Defense Analyses.")
    assert [p for _, _, p in _events(text)] == [None]


def test_a_time_later_before_the_subject() -> None:
    assert _speakers('Eleven days later Mr Trump declared that Seoul "would be paying $10 '
                     'billion a year".') == ["Trump"]
    assert _speakers('Weeks earlier Donald Trump had declared that Seoul "would be paying $10 '
                     'billion a year".') == ["Donald Trump"]


def test_a_campaigning_aside_between_speaker_and_verb() -> None:
    text = ("On Oct. 15, former President Donald Trump, campaigning for a return to the White "
            'House, claimed that South Korea "would be paying $10 billion a year".')
    assert _speakers(text) == ["Donald Trump"]


def test_described_as_in_the_passive_or_with_a_decimal_amount() -> None:
    assert _speakers('Washington had pressed for at least $1 billion, described by US officials '
                     'as a "minimum", and insisted on a one-year term.') == ["US officials"]
    assert _speakers('U.S. negotiators had described $1 billion (about 1.1305 trillion won) as '
                     'the "minimum" they could accept.') == ["U.S. negotiators"]


def test_a_union_representing_the_workers_speaks() -> None:
    assert _speakers("A union representing the employees said the workers were being used as "
                     '"bargaining chips".') == ["A union representing the employees"]


def test_no_date_has_been_set_to_meet_again() -> None:
    text = ("The U.S. delegation walked out of the third round of negotiations in Seoul, and no "
            "date has been set to meet again.")
    assert "talks_scheduled" not in [k for k, _, _ in _events(text, dt.date(2019, 11, 19))]


def test_the_former_us_president_is_the_one_named_before() -> None:
    text = ('Donald Trump said he would demand more. Speaking yesterday, the former US president '
            'claimed South Korea "would be paying $10 billion a year".')
    assert _speakers(text) == ["Donald Trump", "Donald Trump"]


def test_question_words_and_parties_are_no_names() -> None:
    assert _speakers("What Trump wants is more money, he said.") == []
    # the office of Japan's government spokesman, as written
    assert _speakers("The Chief Cabinet Secretary told reporters that the extension would let "
                     'U.S. forces operate "stably".') == ["Chief Cabinet Secretary"]


def test_with_a_named_negotiator_complaining() -> None:
    text = ("Last month, the U.S. delegation walked out of the third round, with its chief "
            "negotiator, James DeHart, complaining that the Korean proposals were \"not "
            "responsive to our request.\"")
    assert _speakers(text) == ["James DeHart"]


def test_a_participle_after_a_demand_and_a_quoted_label() -> None:
    # "insisted on" is a demand, not the word said; "calling it a minimum" is
    assert _speakers("U.S. officials had insisted on at least $1 billion a year, calling it a "
                     "minimum, and also pushed for a one-year term.") == ["U.S. officials"]
    # a label in quotes, said by the longest group opening the sentence
    assert _speakers("Labor union officials staged a protest outside one base, calling the "
                     'workers "bargaining chips".') == ["Labor union officials"]
    assert _speakers("Opposition lawmakers grumbled about the cost, arguing that it was too "
                     "high.") == ["Opposition lawmakers"]
