"""The twenty-sixth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import LEAD
from news_passes import events as _events
from news_passes import placed as _placed
from news_passes import speakers as _speakers

from burdenshare.news import extract


def test_one_unnamed_person_in_the_writers_own_words_speaks() -> None:
    # the article and the noun make one person; the words between them are the writer's own
    for text, who in (
        ("\"We have families to feed,\" one furloughed worker said.", "one furloughed worker"),
        ("A union leader told reporters the workers feel abandoned.", "A union leader"),
        ("A senior delegation official told reporters that Seoul would not accept an "
         "increase it could not justify.", "A senior delegation official"),
    ):
        assert _speakers(text) == [who], text
    # a plural, or a noun that names no person, is no one counted
    for text in ("Furloughed workers said the talks had dragged on.",
                 "A furloughed workforce said nothing."):
        assert _speakers(text) == [], text


def test_an_initials_stop_does_not_end_the_speaker_after_said() -> None:
    assert _speakers("\"Korea has chosen to argue in won,\" said a former U.S. official.") == [
        "a former U.S. official"]


def test_a_judgement_quoted_on_a_possessives_object_is_a_statement() -> None:
    assert _speakers("A diplomatic source called today's talks \"serious and "
                     "forward-looking.\"") == ["A diplomatic source"]
    # a briefing called (held) is no judgement
    assert _speakers("The Korean side called its own briefing an hour later.") == []


def test_a_participle_between_the_speaker_and_the_verb_is_set_aside() -> None:
    assert _speakers("A union representative speaking outside one of the bases said the "
                     "workers felt like hostages.") == ["A union representative"]


def test_won_is_the_currency_only_after_the_adjective() -> None:
    # "Spain won room" names Spain, whose government the next sentence's "its" is
    assert _speakers("Spain won room to manoeuvre. Its government said core defence spending "
                     "of about 2.1 percent would be enough.") == ["Spain's government"]
    # (the currency names no country whose government "its" could be)
    assert _speakers("The sum is 1.5 trillion Korean won. Its government said the sum was "
                     "fair.") == []


def test_it_after_a_colon_is_the_party_opening_the_sentence() -> None:
    assert _speakers("Seoul has kept its nerve: it said this month that it would implement the "
                     "agreement as it stands.") == ["Seoul"]
    assert _speakers("The deal has one flaw: it said nothing about costs.") == []


def test_he_is_no_group_that_spoke_before() -> None:
    # a capitalised plural opening a sentence had been read as a surname, and "he" bound to it
    assert _speakers("Economists have long argued that alliances are lopsided. The gap, he "
                     "noted, is wide.") == ["Economists"]
    # a surname in -ers is a person when the report names him in full
    assert _speakers("Jeffrey Myers spoke first. Myers said the talks were useful. The gap, he "
                     "noted, is wide.") == ["Jeffrey Myers", "Jeffrey Myers"]


def test_an_attribution_inverted_at_the_end_names_the_speaker() -> None:
    # an initial's stop is no end, and words said within the sentence leave the speaker last
    assert _speakers("The furloughed staff would be back at work by June 15, said U.S. Forces "
                     "Korea.") == ["U.S. Forces Korea"]
    assert _speakers("The two sides had explained their positions in detail and agreed to meet "
                     "again next month, said Seoul's foreign ministry.") == [
        "Seoul's foreign ministry"]
    # a person quoted within keeps his words
    assert _speakers("Jeong Eun-bo told reporters that the gap was still wide, said Seoul's "
                     "foreign ministry.") == ["Jeong Eun-bo", "Seoul's foreign ministry"]


def test_quotations_in_single_marks_are_quotes() -> None:
    text = (f"{LEAD}'We will see,' said Jeong Eun-bo, Seoul's chief negotiator. 'The gap is still "
            "wide.'")
    found = extract(text).statements
    assert [(st.speaker, st.kind, st.text) for st in found] == [
        ("Jeong Eun-bo", "quote", "We will see"),
        ("Jeong Eun-bo", "quote", "The gap is still wide.")]
    # each source is the sentence as written, single marks and all
    for st in found:
        ev = st.evidence[0]
        assert text[ev.start : ev.end] == ev.sentence and ev.sentence.startswith("'")
    # an apostrophe, or a plural's possessive with no opening mark, is no quotation
    assert _speakers("The allies' share is fair, the workers' union said.") == [
        "workers' union"]


def test_a_round_of_talks_on_the_agreement_concluded_is_no_deal() -> None:
    for text in ("The allies concluded the fifth round of SMA talks in Seoul on Wednesday.",
                 "The allies concluded their fifth round of the Special Measures Agreement "
                 "talks in Seoul on Wednesday without reaching a deal."):
        assert [kind for kind, _ in _events(text)] == ["round_concluded"], text
    # the talks themselves concluded are the deal
    assert [kind for kind, _ in _events("The allies concluded the SMA talks in Seoul on "
                                        "Wednesday.")] == ["deal_announced"]


def test_a_meeting_in_a_named_district_is_no_district_sharing_the_cost() -> None:
    text = ("SEOUL, Dec. 18 (Yonhap) -- The allies ended their fifth round of talks on sharing "
            "the cost of stationing U.S. troops in Korea in Seoul's Dongdaemun district on "
            "Wednesday.")
    assert _placed(text, dt.date(2019, 12, 18)) == [("round_concluded", "2019-12-18", "Seoul")]
    # a district that pays is still a local bargain
    assert extract("The city and the district will share the cost of the road to the U.S. "
                   "base.").negotiation is None


def test_a_round_launched_is_opened_and_a_round_booked_with_its_subject_is_scheduled() -> None:
    assert [kind for kind, _ in _events("The two allies launched their fifth round of talks "
                                        "in Honolulu on Wednesday.")] == ["talks_opened"]
    for text in ("The fifth round of talks on defense cost-sharing is set for next month in "
                 "Washington.",
                 "The sixth round is tentatively set for January in Washington.",
                 "The next round is due in Washington next month."):
        assert [kind for kind, _ in _events(text)] == ["talks_scheduled"], text
    # a length booked is no meeting to come; a round of drills launched is no talks
    assert _events("The fifth round of talks on defense cost-sharing is set to run for three "
                   "days.") == []


def test_a_year_qualifying_the_round_is_no_date_when_a_day_is_told() -> None:
    text = ("SEOUL, Dec. 18 (Yonhap) -- South Korea and the United States ended the fifth and "
            "final round of talks this year on sharing the cost of stationing U.S. troops in "
            "Korea in Seoul on Wednesday.")
    assert _placed(text, dt.date(2019, 12, 18)) == [("round_concluded", "2019-12-18", "Seoul")]
    # with no day told, the year is the date
    assert _events("The allies held a fifth round of talks this year.") == [
        ("round_concluded", "2024")]


def test_a_named_person_is_found_behind_titles_offices_and_appositions() -> None:
    for text, who in (
        ("\"The talks were useful,\" said Gen. Robert Abrams.", "Robert Abrams"),
        ("\"The talks were useful,\" said Lt. Gen. Kim Seung-kyum.", "Kim Seung-kyum"),
        ("Rep. Kim Jong-dae of the Justice Party said the talks had been useful.",
         "Kim Jong-dae"),
        ("Prime Minister Pedro Sanchez of Spain said the talks had been useful.",
         "Pedro Sanchez"),
        ("Victor Cha of the Center for Strategic and International Studies said the talks had "
         "been useful.", "Victor Cha"),
        ("Senator Lindsey Graham said the talks had been useful.", "Lindsey Graham"),
        ("Then-President Donald Trump said the talks had been useful.", "Donald Trump"),
        ("House Armed Services Committee Chairman Adam Smith said the talks had been useful.",
         "Adam Smith"),
        ("Mark Rutte, NATO's secretary general, said the talks had been useful.", "Mark Rutte"),
        ("Choi Eung-sik, head of the USFK Korean Employees Union, said the talks had been "
         "useful.", "Choi Eung-sik"),
        ("\"The talks were useful,\" Bruce Klingner, a senior fellow at the Heritage "
         "Foundation, said.", "Bruce Klingner"),
    ):
        assert _speakers(text) == [who], text


def test_the_variants_benchmark_reads_a_sample_of_each_family_right() -> None:
    # benchmarks/news_variants.py writes one fact many ways; every 40th sentence of each family
    # (all of them run in the benchmark) must read as the fact it writes
    import importlib
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        variants = importlib.import_module("news_variants")
    finally:
        sys.path.pop(0)
    for name, family in variants.FAMILIES.items():
        cases = list(family())
        assert len({c.text for c in cases}) == len(cases) >= 100, name
        wrong = [c.text for c in cases[::40]
                 if not c.check(extract(c.text, report_date=variants.DAY))]
        assert wrong == [], (name, wrong[:3])
    # and a reading that misses the fact fails its check
    case = next(iter(variants.FAMILIES["round held"]()))
    assert not case.check(extract("Nothing happened today."))


def test_an_expiry_at_year_end_and_a_vote_with_its_tally_in_words() -> None:
    day = dt.date(2019, 11, 20)
    for text in ("The existing one-year deal lapses at year-end.",
                 "The current agreement ends at year-end."):
        assert _events(text, day=day) == [("deadline", "2019-12-31")], text
    assert [kind for kind, _ in _events("The National Assembly voted 173 to 36 on Wednesday "
                                        "to ratify the agreement.", day=day)] == [
        "ratification_vote"]


def test_two_people_who_both_said_it_and_a_name_with_its_age_or_caption_cue() -> None:
    for text in ("South Korean negotiator Jeong Eun-bo and his U.S. counterpart James DeHart "
                 "both said the gap was wide.",
                 "Both Jeong Eun-bo and James DeHart said the gap was wide."):
        assert _speakers(text) == ["Jeong Eun-bo", "James DeHart"], text
    # two capitals are no two people: their statement is a side's (and no rule of this pass)
    assert "Seoul" not in _speakers("Seoul and Washington said the gap was wide.")
    for text in ("Jeong Eun-bo, 55, said the gap was wide.",
                 "Jeong Eun-bo (pictured) said the gap was wide."):
        assert _speakers(text) == ["Jeong Eun-bo"], text


def test_a_transcript_turn_labelled_with_a_full_name_the_report_gives_nowhere_else() -> None:
    lead = LEAD + "\n\n"
    for text in ("JEONG EUN-BO: \"The gap is still wide.\"",
                 "JEONG EUN-BO (Chief Negotiator): The gap is still wide.",
                 "JEONG EUN-BO, CHIEF NEGOTIATOR: \"The gap is still wide.\""):
        assert _speakers(text, lead=lead) == ["Jeong Eun-bo"], text
    # a heading, a place, an unnamed office or a surname alone is no one named
    for text in ("BREAKING NEWS: Talks collapse.", "SOUTH KOREA: Talks collapse.",
                 "LOS ANGELES: Talks end.", "CITY OFFICIAL: \"The road will be built.\"",
                 "JEONG: \"The gap is still wide.\""):
        assert _speakers(text, lead=lead) == [], text


def test_a_position_restated_or_a_hint_given_with_what_it_is_is_a_statement() -> None:
    for text in ("Jeong Eun-bo reaffirmed that Seoul would not accept a sharp increase.",
                 "Jeong Eun-bo repeated that Seoul would not accept a sharp increase.",
                 "Jeong Eun-bo hinted that Seoul could offer more."):
        assert _speakers(text) == ["Jeong Eun-bo"], text
    # an act repeated is no words said
    assert _speakers("Jeong Eun-bo repeated the offer.") == []
