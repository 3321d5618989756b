"""The fifteenth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract

DAY = dt.date(2020, 3, 20)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def _speakers(text: str) -> list[str]:
    return [s.speaker for s in extract(LEAD + text, report_date=DAY).statements]


def test_a_quote_then_said_by_a_person_as_he_leaves() -> None:
    text = ('"We have narrowed some differences," said South Korea\'s chief negotiator '
            "Jeong Eun-bo as he left the talks.")
    assert _speakers(text) == ["Jeong Eun-bo"]
    assert _speakers('"We will keep working," said Jeong Eun-bo when he arrived.') == [
        "Jeong Eun-bo"]


def test_a_military_unit_is_no_persons_name() -> None:
    # the pronoun is the official who opens the sentence before, not "Infantry Division"
    text = ("A foreign ministry official attributed the cut to the move of 2nd Infantry "
            'Division units to Iraq. "Our contribution should reflect that," he said.')
    assert _speakers(text) == ["A foreign ministry official"]


def test_he_is_the_one_unnamed_official_opening_the_sentence_before() -> None:
    text = ("A senior official in Seoul was blunt about the gap. "
            '"Thirteen percent is the maximum," he said.')
    assert _speakers(text) == ["A senior official in Seoul"]
    # officials are no "he"
    text = ("Officials in Seoul were blunt about the gap. "
            '"Thirteen percent is the maximum," he said.')
    assert _speakers(text) == []


def _events(text: str, day: dt.date = DAY) -> list[tuple[str, str | None, str | None]]:
    x = extract(LEAD + text, report_date=day)
    return [(e.kind, e.when.date if e.when else None, e.place) for e in x.events]


def test_a_deal_the_allies_announced_without_that() -> None:
    text = ("South Korea will pay 1.5192 trillion won in 2026 under a new five-year Special "
            "Measures Agreement (SMA) the allies announced Friday.")
    assert _events(text, dt.date(2024, 10, 4)) == [("deal_announced", "2024-10-04", None)]


def test_the_talks_opening_gives_the_deal_neither_place_nor_date() -> None:
    # a deal reached over many rounds ends the negotiation, whose opening is the talks'
    text = ("The deal was hammered out over eight rounds of negotiations that opened in "
            "Honolulu in April.")
    assert _events(text, dt.date(2024, 11, 28)) == [("talks_opened", "2024-04", "Honolulu")]
    # the deal's own day stays its own
    text = ("The deal was reached on Friday after eight rounds of negotiations that began in "
            "Honolulu in April.")
    assert _events(text, dt.date(2024, 10, 4)) == [
        ("deal_announced", "2024-10-04", None), ("talks_opened", "2024-04", "Honolulu")]


def test_an_agency_dateline_on_the_ledes_line_dates_the_report() -> None:
    for line in ("Seoul (AFP) - 28 November 2024 - South Korea's National Assembly on Thursday "
                 "approved a five-year agreement on sharing the cost of stationing US troops.",
                 "Seoul (AFP) – 28/11/2024 – South Korea's National Assembly on Thursday "
                 "approved a five-year agreement on sharing the cost of stationing US troops."):
        x = extract(line)
        assert x.report_date == "2024-11-28"
        assert [(e.kind, e.when.date if e.when else None) for e in x.events] == [
            ("ratification_vote", "2024-11-28")]


def test_the_first_in_two_months_or_the_first_such_deal_is_no_first_round() -> None:
    day = dt.date(2020, 3, 19)
    text = "The allies ended a round of talks today. The three-day meeting was the first in two months."
    assert {e[0] for e in _events(text, day)} == {"round_concluded"}
    assert all(e.round is None for e in extract(LEAD + text, report_date=day).events)
    text = ("The talks ended on Sunday. It is the first such agreement under the Biden "
            "administration.")
    assert all(e.round is None for e in extract(LEAD + text, report_date=day).events)
    text = ("The talks ended on Sunday. It is the first cost-sharing deal struck under the "
            "Biden administration.")
    assert all(e.round is None for e in extract(LEAD + text, report_date=day).events)
    # a first round stays one
    text = "The talks ended on Sunday. It was the first round of the negotiations."
    assert [e.round for e in extract(LEAD + text, report_date=day).events] == [1]


def test_rounds_told_by_their_ordinals_alone() -> None:
    day = dt.date(2024, 10, 5)
    text = ("The negotiations took eight rounds. The first opened in Honolulu on April 23; the "
            "fourth ended in Seoul on June 27.")
    x = extract(LEAD + text, report_date=day)
    assert [(e.kind, e.round, e.place, e.when.date if e.when else None) for e in x.events] == [
        ("talks_opened", 1, "Honolulu", "2024-04-23"), ("round_concluded", 4, "Seoul", "2024-06-27")]
    # every event's source is the whole sentence as written
    assert {e.source_sentence for e in x.events} == {
        "The first opened in Honolulu on April 23; the fourth ended in Seoul on June 27."}
    text = ("The second followed in Seoul on May 21-23, the third in Washington on June 10-12 "
            "and the fourth, again in Seoul, on June 25-27.")
    got = [(e.round, e.place) for e in extract(LEAD + text, report_date=day).events]
    assert got[:2] == [(2, "Seoul"), (3, "Washington")]
    text = ("It was only the second round under President Biden; the eighth, on 5 February, "
            "took place by video conference.")
    got = [e.round for e in extract(LEAD + text, report_date=dt.date(2021, 3, 10)).events]
    assert 8 in got


def test_cost_sharing_for_american_troops_is_the_topic_beside_other_words() -> None:
    # "noise" in the lede is figurative here; the body names the troops' cost sharing
    text = ("For Europeans tempted to think that Washington's grumbling about who pays for the "
            "alliance is only noise, the quarrel deserves attention. Seoul and Washington have "
            "had no cost-sharing arrangement for American troops on the peninsula since the old "
            "one expired on 31 December 2019.")
    x = extract(text, report_date=dt.date(2020, 4, 22))
    assert x.negotiation is not None
    assert [(e.kind, e.when.date if e.when else None) for e in x.events] == [
        ("deadline_passed", "2019-12-31")]


def test_what_should_have_happened_or_close_consultations_is_no_round() -> None:
    assert _events("They are hostages to a negotiation between two governments that should "
                   "have finished its work months ago.") == []
    assert "round_concluded" not in [e[0] for e in _events(
        "Officials said the government would continue close consultations with Washington on "
        "its execution.")]
    assert [e[0] for e in _events("The two sides closed their talks on Friday.")] == [
        "round_concluded"]


def test_a_deal_which_two_named_people_signed_on_a_day() -> None:
    text = ("Under the pact, which Foreign Minister Cho Tae-yul and U.S. Ambassador Philip "
            "Goldberg signed on Nov. 4, South Korea will contribute 1.5192 trillion won in 2026.")
    assert _events(text, dt.date(2024, 11, 28)) == [("deal_signed", "2024-11-04", None)]


def test_he_said_then_a_participle() -> None:
    text = ("U.S. negotiator James DeHart, meeting Korean reporters, signaled some flexibility. "
            "Any figure the two sides settle on will differ from what Washington first "
            "proposed, he said, describing the American delegation as having \"listened more "
            "than we have spoken.\"")
    assert _speakers("The foreign ministry said the talks were useful. " + text) == [
        "foreign ministry", "James DeHart"]


def test_a_former_official_speaks_as_one() -> None:
    text = ('"Today the U.S. is arguing the opposite," recalled a former foreign ministry '
            "official who took part in those talks.")
    assert _speakers(text) == ["a former foreign ministry official"]


def test_there_is_no_speaker() -> None:
    assert _speakers("There, the U.S. side was reported to have come down to about $4 billion "
                     "a year.") == []


def test_a_transcript_label_in_parentheses() -> None:
    text = ("Outside the venue, the chief U.S. negotiator, James DeHart, did not hide his "
            'frustration.\n\n(DEHART, IN ENGLISH): "The proposals were not responsive to our '
            'request."\n\n(DeHart, sound bite) "We gave them time to reconsider."')
    assert _speakers(text) == ["James DeHart", "James DeHart"]


def test_a_deal_with_its_partner_announced_by_the_ministry_late_friday() -> None:
    text = ("Seoul will pay 1.5192 trillion won in 2026 under a new five-year deal with "
            "Washington announced by the foreign ministry late Friday.")
    assert _events(text, dt.date(2024, 10, 4)) == [("deal_announced", "2024-10-04", None)]


def test_trump_by_surname_in_four_constructions() -> None:
    assert _speakers('A year ago Trump claimed that Seoul "would be paying" 10 billion dollars '
                     "a year.") == ["Trump"]
    assert _speakers("The deal then died in the White House: President Trump, it later emerged, "
                     'had rejected it, saying South Korea was "a very wealthy country".') == [
        "Trump"]
    assert _speakers("Within a fortnight President Trump was claiming that Seoul \"would be "
                     "paying\" $10 billion a year.") == ["Trump"]
    assert _speakers("Seoul braces for pressure from Trump, who said in October that South "
                     "Korea would be paying 10 billion dollars a year.") == ["Trump"]
    # a place is no one
    assert _speakers("Seoul braces for pressure from Washington, where officials have been "
                     "quiet.") == []


def test_the_us_military_speaks_as_an_institution() -> None:
    text = ("The current agreement expires at the end of next month, and the U.S. military has "
            "already warned its Korean employees that they could face unpaid leave.")
    assert _speakers(text) == ["U.S. military"]


def test_a_preposition_opening_the_sentence_is_no_name() -> None:
    text = ("Within hours, the chief U.S. negotiator, James DeHart, appeared before reporters "
            "and said it was his side that had cut the session short.")
    assert "Within" not in _speakers(text)
    text = ("Shortly afterwards, the chief U.S. negotiator, James DeHart, appeared before "
            "cameras and said the Korean proposals were \"not responsive to our request.\"")
    assert "Shortly" not in _speakers(text)


def test_yesterday_trump_said_and_he_said_after_a_colon() -> None:
    assert _speakers('Yesterday Trump said that, were he in charge, South Korea "would be '
                     'paying" $10 billion a year.') == ["Trump"]
    assert _speakers("It took Donald Trump one sentence to brush it aside: South Korea, he said "
                     'on Tuesday, "would be paying" 10 billion dollars a year.') == [
        "Donald Trump"]
    # (a title before the name is no part of it)
    assert _speakers("It took President Donald Trump one sentence to brush it aside: South "
                     'Korea, he said on Tuesday, "would be paying" 10 billion dollars a year.') == [
        "Donald Trump"]
    # two people before the colon: no telling which
    assert _speakers("It took Donald Trump and John Bolton one meeting to decide: Japan, he said "
                     'on Tuesday, "would be paying" 8 billion dollars a year.') == []


def test_a_stalemate_that_began_is_no_opening() -> None:
    text = ("Negotiators reached an agreement in principle on March 7 at the ninth round of talks "
            "in Washington, ending a stalemate that began when the previous one-year pact "
            "expired.")
    kinds = [e[0] for e in _events(text, dt.date(2021, 4, 8))]
    assert "talks_opened" not in kinds and "deal_announced" in kinds


def test_who_sat_across_from_whom_opens_nothing() -> None:
    day = dt.date(2019, 10, 24)
    text = ("Jeong Eun-bo, a former finance ministry official, sat across the table from U.S. "
            "negotiator James DeHart for the second round of negotiations.")
    assert "talks_opened" not in [e[0] for e in _events(text, day)]
    text = ("Jeong Eun-bo sat down with U.S. counterpart James DeHart for the second round of "
            "talks on the 11th Special Measures Agreement.")
    assert "talks_opened" not in [e[0] for e in _events(text, day)]
    # sitting down on a day, or for the talks today, still opens them
    text = ("South Korean negotiators sat down with their American counterparts in Los Angeles "
            "on Tuesday for a seventh round of talks.")
    assert "talks_opened" in [e[0] for e in _events(text, dt.date(2020, 3, 17))]
    text = "The two delegations sat in Seoul today for the third round of talks."
    assert "talks_opened" in [e[0] for e in _events(text, dt.date(2019, 11, 18))]


def test_bargaining_chips_are_no_semiconductors() -> None:
    text = ("[Editorial] Workers are not bargaining chips\n\nFor three weeks now, some 4,000 "
            "South Korean employees of U.S. Forces Korea have been sent home without pay.\n\n"
            "The furloughs began on April 1, three months after the previous cost-sharing "
            "agreement lapsed at the end of last year.")
    x = extract(text, report_date=dt.date(2020, 4, 21))
    assert x.negotiation is not None
    assert [e.kind for e in x.events] == ["deadline_passed"]
    # a chipmaker's report stays other business
    text = ("Chips lead exports\n\nSouth Korea's chip exports rose in March. Cost-sharing "
            "talks on U.S. troops were not discussed by the firms.")
    assert extract(text, report_date=dt.date(2020, 4, 21)).negotiation is None


def test_the_fourth_of_which_was_held_and_the_sixth_round_held_before() -> None:
    text = "The talks ran through eight rounds, the fourth of which was held in Seoul in late June."
    x = extract(LEAD + text, report_date=dt.date(2024, 11, 4))
    assert [(e.kind, e.round, e.place) for e in x.events] == [("round_concluded", 4, "Seoul")]
    text = ("The seventh round of talks followed the sixth round, held in Washington in January, "
            "which also produced no breakthrough.")
    x = extract(LEAD + text, report_date=dt.date(2020, 3, 19))
    assert [(e.kind, e.round, e.place, e.when.date if e.when else None) for e in x.events] == [
        ("round_concluded", 6, "Washington", "2020-01")]


def test_a_round_pencilled_in_for_a_city() -> None:
    day = dt.date(2019, 11, 19)
    text = "Officials say a fourth round is pencilled in for Washington next month."
    assert _events(text, day) == [("talks_scheduled", "2019-12", "Washington")]
    text = "Officials say a fourth round is scheduled for Washington next month."
    assert _events(text, day) == [("talks_scheduled", "2019-12", "Washington")]
    # a month is no city
    assert _events("The next round is scheduled for December.", day) == [
        ("talks_scheduled", "2019-12", None)]


def test_a_name_and_its_office_after_the_paraphrase() -> None:
    text = ('The Korean proposals "were not responsive to our request" for fair and equitable '
            "burden sharing, James DeHart, the senior U.S. negotiator, told reporters.")
    assert _speakers(text) == ["James DeHart"]


def test_flood_defense_costs_and_chipping_in() -> None:
    text = ("Tokyo, Central Govt Hold New Round of Talks on Sharing Flood-Defense Costs\n\n"
            "The Tokyo metropolitan government and the central government held another round of "
            "talks Friday on how to share the cost of strengthening river embankments.")
    assert extract(text, report_date=dt.date(2021, 12, 17)).negotiation is None
    text = ("[Opinion] Who pays for deterrence?\n\nAn alliance's protection works like a public "
            "good: every member enjoys it whether or not it chips in.\n\nSome 4,000 Korean "
            "employees of U.S. Forces Korea have been on unpaid leave since April 1, casualties "
            "of a cost-sharing agreement that lapsed at the end of last year.")
    assert extract(text, report_date=dt.date(2020, 4, 21)).negotiation is not None


def test_a_figure_put_on_the_table_at_the_first_round() -> None:
    text = ("Washington is reported to have put a figure of around US$4.7 billion a year on the "
            "table at the first round of the talks in September.")
    x = extract(LEAD + text, report_date=dt.date(2019, 11, 19))
    assert [(e.kind, e.round, e.when.date if e.when else None) for e in x.events] == [
        ("round_concluded", 1, "2019-09")]


def test_a_past_round_as_the_setting_with_its_month() -> None:
    day = dt.date(2019, 11, 19)
    cases = {
        "Washington is reported to be seeking about $4.7 billion a year, a figure first put on "
        "the table at the opening round in September.": ("2019-09", None),
        "He took over from Chang Won-sam, who headed the delegation at the first round in Seoul "
        "in September.": ("2019-09", "Seoul"),
        "At the first round, also held in Seoul, in September, Washington reportedly tabled a "
        "demand of about $4.7 billion.": ("2019-09", "Seoul"),
    }
    for text, (month, place) in cases.items():
        x = extract(LEAD + text, report_date=day)
        assert [(e.kind, e.round, e.when.date if e.when else None, e.place)
                for e in x.events] == [("round_concluded", 1, month, place)], text
    # told before the report's month, the month is this year's, not the next
    text = ("Washington is reported to have tabled a demand at the first round, held in Seoul in "
            "September, a sum that would cover costs well outside the three categories.")
    assert _events(text, day) == [("round_concluded", "2019-09", "Seoul")]
    # a round to come is no round held
    assert _events("The U.S. will present its demand at the first round in January.", day) == []
    # nor does a failed deal at a round hide the round
    text = ("Seoul and Washington failed to reach a deal at their sixth round of talks held in "
            "Washington on Jan. 14-15.")
    assert [e[0] for e in _events(text, dt.date(2020, 1, 16))] == ["round_concluded"]


def test_a_round_numbered_in_apposition_or_as_most_recent() -> None:
    day = dt.date(2020, 4, 10)
    for text in ("The latest round of negotiations, the seventh, was held in Los Angeles from "
                 "March 17 to 19 but ended without an agreement.",
                 "The seventh and most recent formal round was held in Los Angeles in March."):
        assert [(e.kind, e.round, e.place) for e in extract(LEAD + text, report_date=day).events
                ] == [("round_concluded", 7, "Los Angeles")], text
