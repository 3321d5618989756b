"""The twenty-fifth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import LEAD
from news_passes import events as _events
from news_passes import placed as _placed
from news_passes import speakers as _speakers

from burdenshare.news import extract


def test_he_later_in_a_sentence_a_person_opens_is_that_person() -> None:
    # a government spoke in the sentence before; "he" is the person who opens this one
    text = ("Spain secured some flexibility: the Spanish government said it could meet its "
            "commitments with core spending of about 2.1 percent. Donald Trump had already "
            "signalled that he expected more: two weeks after the deal was announced, he said "
            "Seoul \"would be paying $10 billion a year\".")
    assert _speakers(text) == ["Spanish government", "Donald Trump"]


def test_the_words_a_persons_claim_quotes_are_that_persons() -> None:
    for text in (
        "Donald Trump's claim last month that Seoul \"would be paying\" $10 billion a year shows "
        "how little a signed text may count for.",
        "Seoul has said it will implement the deal as written, despite Donald Trump's claim last "
        "October that Seoul \"would be paying\" $10 billion a year.",
    ):
        assert "Donald Trump" in _speakers(text), text
    # a claim told without its words is only told of; a capital's claim is no person's
    for text in (
        "Donald Trump's claim that Seoul would be paying $10 billion a year is far from the "
        "deal.",
        "Seoul's claim that it \"pays enough\" is disputed.",
    ):
        assert _speakers(text) == [], text


def test_a_timeline_item_headed_by_its_days_and_city_is_held_there() -> None:
    text = ("SEOUL, Oct. 4 (Reuters) - Here is how the talks on the cost of U.S. troops in South "
            "Korea unfolded:\n\n* April 23-25, Honolulu: first round held.\n\n* May 21-23, Seoul: "
            "second round.\n\n* June 10-12 - Washington: third round.\n")
    assert [(kind, place) for kind, _, place in _placed(text)] == [
        ("round_concluded", "Honolulu"), ("round_concluded", "Seoul"),
        ("round_concluded", "Washington")]


def test_a_vote_is_held_where_another_sentence_puts_that_legislature() -> None:
    lead = ("SEOUL, Nov 28 (Reuters) - South Korea's National Assembly on Thursday approved a new "
            "five-year agreement on sharing the cost of stationing U.S. troops in the country.")
    day = dt.date(2024, 11, 28)
    for after in ("Of the 234 lawmakers present at the National Assembly in Seoul, 173 voted in "
                  "favor, 36 against and 25 abstained.",
                  "Lawmakers at the assembly in Seoul voted 173 in favour and 36 against."):
        assert _placed(f"{lead}\n\n{after}", day) == [
            ("ratification_vote", "2024-11-28", "Seoul")], after
    # the dateline alone places no vote; nor does another country's legislature
    assert _placed(lead, day) == [("ratification_vote", "2024-11-28", None)]
    diet = ("TOKYO, March 25 (Kyodo) -- Japan's Diet on Friday approved a special agreement on "
            "sharing the cost of hosting U.S. forces in Japan.\n\nA similar deal still has to be "
            "approved by the National Assembly in Seoul.")
    assert _placed(diet, dt.date(2022, 3, 25)) == [("ratification_vote", "2022-03-25", None)]


def test_where_a_deal_stalled_or_its_legislature_sits_is_not_where_it_was_made() -> None:
    day = dt.date(2024, 11, 28)
    lead = "South Korea and the United States shared the cost of U.S. troops.\n\n"
    deal = ("On 4 October the two governments announced a five-year cost-sharing deal under which "
            "South Korea will pay 1.5192 trillion won in 2026.")
    for after in ("That agreement was the product of eight rounds of patient talks, and it still "
                  "needs the approval of the National Assembly in Seoul.",
                  "The deal, the product of eight rounds of talks, was made before it stalled in "
                  "Washington."):
        assert _placed(f"{lead}{deal}\n\n{after}", day) == [
            ("deal_announced", "2024-10-04", None)], after
    # the legislature's seat is still where it votes
    assert _placed("The National Assembly in Seoul on Thursday ratified the 12th Special "
                   "Measures Agreement on the cost of U.S. troops.", day) == [
        ("ratification_vote", "2024-11-28", "Seoul")]


def test_a_meeting_in_la_written_with_stops_is_in_los_angeles() -> None:
    text = ("South Korea and the United States ended their seventh round of talks on the cost of "
            "U.S. troops in L.A. on Thursday.")
    assert _placed(text, dt.date(2020, 3, 19)) == [
        ("round_concluded", "2020-03-19", "Los Angeles")]


def _rounds(text: str, day: dt.date) -> list[tuple[str, int | None, str | None]]:
    return [(e.kind, e.round, e.place) for e in extract(LEAD + text, report_date=day).events]


def test_a_first_under_a_president_named_in_full_is_no_first_round() -> None:
    text = ("The breakthrough came barely a month after the two sides held their first round "
            "under the Joe Biden administration, the eighth overall, by video conference on "
            "Feb. 5.")
    assert ("round_concluded", 8, "video conference") in _rounds(text, dt.date(2021, 3, 8))


def test_an_event_in_brackets_takes_its_round_and_place_from_the_brackets() -> None:
    text = ("The ninth round, the first face-to-face session since the Biden administration took "
            "office (the eighth was held by video link last month), began on Friday in "
            "Washington.")
    assert _rounds(text, dt.date(2021, 3, 6)) == [
        ("talks_opened", 9, "Washington"), ("round_concluded", 8, "video conference")]


def test_a_round_held_beside_a_deal_in_a_quote_or_before_the_deal_is_a_round() -> None:
    day = dt.date(2021, 3, 10)
    quoted = ("\"We have secured a reasonable and fair agreement,\" Jeong Eun-bo said, noting that "
              "the two sides had held their eighth round by video link on Feb. 5.")
    assert ("round_concluded", 8, "video conference") in _rounds(quoted, day)
    before = ("Negotiators reached an agreement in principle on March 7 at the ninth round of "
              "talks, held in Washington from March 5 to 7, after an eighth round held by video "
              "link in February.")
    assert _rounds(before, day) == [
        ("deal_announced", 9, "Washington"), ("round_concluded", 8, "video conference"),
        ("round_concluded", 9, "Washington")]


def test_a_round_as_the_subject_of_its_own_sentence_numbers_the_unnumbered_meeting() -> None:
    text = ("SEOUL (Reuters) - South Korea and the United States ended three days of talks in Los "
            "Angeles on Thursday without agreeing how much Seoul should pay toward the cost of "
            "U.S. troops.\n\nThe seventh round of negotiations was the first since the sixth round "
            "in Washington in January.")
    found = [(e.kind, e.round, e.place)
             for e in extract(text, report_date=dt.date(2020, 3, 19)).events]
    assert found == [("round_concluded", 7, "Los Angeles"), ("round_concluded", 6, "Washington")]


def test_a_rise_agreed_after_a_time_or_terms_worked_out_are_a_deal() -> None:
    for text in (
        "Officials in Seoul say working-level negotiators tentatively agreed late last month on "
        "an increase of about 13 percent, but that deal still needs approval in Washington.",
        "The deal was signed Feb. 2 by Yun Byung-se and Sung Kim, weeks after negotiators "
        "hammered out its terms on Jan. 12 following 10 rounds of talks.",
        "Negotiators worked out a 13 percent increase in March.",
    ):
        assert "deal_announced" in {k for k, _ in _events(text)}, text
    for text in ("Negotiators have yet to work out the terms.",
                 "Negotiators hope to hammer out the terms next month."):
        assert _events(text) == [], text


def test_a_broadcast_cue_names_its_speaker_in_every_layout() -> None:
    lead = ("ANCHOR: South Korea and the United States are negotiating how to share the cost of "
            "stationing U.S. troops in Korea.\n\n")
    for cue, who in (
        ("[SOUND BITE - OPPOSITION LAWMAKER]\n\"Every won must be accounted for.\"",
         "opposition lawmaker"),
        ("(SOUNDBITE, KOREAN NEGOTIATING OFFICIAL) \"We cannot let these workers become "
         "hostages of the process.\"", "Korean negotiating official"),
        ("(SOUNDBITE, JEONG EUN-BO) \"The gap is still wide.\"", "Jeong Eun-bo"),
    ):
        assert _speakers(cue, lead=lead) == [who], cue


def test_the_agent_of_a_passive_judgement_says_the_relative_clause_after_it() -> None:
    for text, who in (
        ("The decision was welcomed by South Korea's defense ministry, which called it \"a "
         "relief for the workers and their families.\"", "South Korea's defense ministry"),
        ("The outcome was described as a balanced one by a senior Foreign Ministry official, who "
         "said the arrangement \"strengthens the alliance.\"", "senior Foreign Ministry official"),
    ):
        assert _speakers(text) == [who], text
    assert _speakers("The deal was signed by the two ministers, who said nothing more.") == []


def test_minor_parties_are_a_group_that_speaks() -> None:
    text = "Minor opposition parties criticized the deal as too costly and too short."
    assert _speakers(text) == ["Minor opposition parties"]


def test_a_deal_told_as_what_they_agreed_or_as_it_reached_with_its_time() -> None:
    for text in (
        "The number bears no relation to what the two governments agreed on Oct. 4.",
        "That's roughly nine times what Seoul agreed to earlier this month.",
        "Negotiators had reached it in early October after eight rounds of talks.",
    ):
        assert "deal_announced" in {k for k, _ in _events(text)}, text
    for text in ("The U.S. figure is more than five times what Seoul agreed to pay for 2019.",
                 "By NATO's own estimate, 23 allies reached it in 2024."):
        assert "deal_announced" not in {k for k, _ in _events(text)}, text


def test_both_sides_agreement_to_keep_talking_quoted_is_a_meeting_to_come() -> None:
    text = ("\"The two sides agreed to keep negotiating in order to reach a deal as soon as "
            "possible,\" South Korea's foreign ministry said in a statement.")
    assert ("talks_scheduled", None) in _events(text)
    # one speaker's own word is no plan of both sides
    assert _events("\"We will keep talking,\" he added.") == []


def test_related_headlines_behind_triangles_are_not_report_text() -> None:
    text = ("Seoul defense-tech startup closes Series B round led by US investor\n\n"
            "A Seoul-based maker of drone navigation software said Friday it had closed a Series "
            "B funding round led by a U.S. venture capital firm.\n\nRelated articles\n"
            "▶ Seoul, Washington reach defense cost-sharing deal for 2026-2030\n"
            "▶ Korean drone makers eye European market\n")
    x = extract(text, report_date=dt.date(2024, 10, 4))
    assert x.negotiation is None and x.events == ()


def test_a_burden_shared_with_no_state_sharing_it_is_off_topic() -> None:
    text = ("Cabinet and water boards settle burden-sharing row over dike upgrades\n\n"
            "After a final round of talks at the ministry, the government and the regional water "
            "boards have agreed how to split the bill for raising the dikes.")
    assert extract(text, report_date=dt.date(2025, 6, 24)).negotiation is None
    # a state sharing it is on topic
    text = ("Seoul and Washington settle burden-sharing row\n\nAfter a final round of talks, "
            "South Korea and the United States agreed how to split the cost of U.S. troops.")
    assert extract(text, report_date=dt.date(2025, 6, 24)).negotiation is not None
