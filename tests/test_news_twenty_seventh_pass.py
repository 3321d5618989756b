"""The twenty-seventh pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import LEAD
from news_passes import events as _events
from news_passes import placed as _placed
from news_passes import speakers as _speakers

from burdenshare.news import extract


def test_a_title_in_full_is_no_part_of_the_name_he_refers_to() -> None:
    # "he" is the one person the sentence before names; "General" and "Senator" are offices
    for opener, who in (
        ("NATO Secretary General Mark Rutte arrived in Seoul on Monday.", "Mark Rutte"),
        ("Senator Lindsey Graham arrived in Seoul on Monday.", "Lindsey Graham"),
        ("Then-President Donald Trump arrived in Seoul on Monday.", "Donald Trump"),
    ):
        assert _speakers(opener + " \"The talks were useful,\" he said.") == [who], opener


def test_a_bodys_name_is_no_second_person_before_he() -> None:
    # the committee and the think tank are named beside the one person who speaks
    for opener, who in (
        ("House Armed Services Committee Chairman Adam Smith arrived in Seoul on Monday.",
         "Adam Smith"),
        ("Victor Cha of the Center for Strategic and International Studies arrived in Seoul on "
         "Monday.", "Victor Cha"),
    ):
        assert _speakers(opener + " \"The talks were useful,\" he said.") == [who], opener
    # two people before "he" are still too many to choose from
    assert _speakers("Mark Esper met Jeong Kyeong-doo on Monday. \"The talks were useful,\" he "
                     "said.") == []


def test_the_subject_of_the_first_verb_speaks_after_but() -> None:
    for text, who in (
        ("Defense Secretary Mark Esper declined to give details but said the talks had been "
         "useful.", "Mark Esper"),
        ("Chief negotiator Jeong Eun-bo declined to give details but said the talks had been "
         "useful.", "Jeong Eun-bo"),
        ("Rep. Kim Jong-dae of the Justice Party declined to comment but said the deal was too "
         "costly.", "Kim Jong-dae"),
    ):
        assert _speakers(text) == [who], text
    # a capital's act is a position, not a statement
    assert _speakers("Washington had pressed for at least $1 billion and insisted the deal last "
                     "only one year.") == []


def test_a_caution_or_a_lament_is_said() -> None:
    for verb in ("cautioned", "lamented", "quipped", "alleged"):
        assert _speakers(f"Victor Cha {verb} that the talks could drag into next year.") == [
            "Victor Cha"], verb


def test_a_quote_labelled_with_its_speaker_is_theirs() -> None:
    # a pull quote or a headline's: the label before a colon, or after a dash
    for text, who in (
        ("Foreign Minister Kang Kyung-wha: \"The talks were useful.\"", "Kang Kyung-wha"),
        ("\"The talks were useful.\" -- Victor Cha", "Victor Cha"),
        ("A senior delegation official: \"We are not there yet.\"",
         "A senior delegation official"),
    ):
        assert _speakers(text) == [who], text
    # a label that names no one is no speaker
    assert _speakers("The word of the day: \"burden\".") == []


def test_european_names_keep_their_accents_and_particles() -> None:
    for text, who in (
        ("Spanish Prime Minister Pedro Sánchez said the target was unrealistic.",
         "Pedro Sánchez"),
        ("European Commission President Ursula von der Leyen said Europe would pay more.",
         "Ursula von der Leyen"),
        ("\"Europe will do its part,\" said French Foreign Minister Jean-Yves Le Drian.",
         "Jean-Yves Le Drian"),
    ):
        assert _speakers(text) == [who], text


def test_offices_in_full_before_a_name() -> None:
    for text, who in (
        ("German Chancellor Angela Merkel said Germany would reach the target by 2031.",
         "Angela Merkel"),
        ("Assistant Secretary of State David Stilwell said the talks had been useful.",
         "David Stilwell"),
        ("\"Korea is a wealthy country,\" said Mr. Pompeo.", "Pompeo"),
    ):
        assert _speakers(text) == [who], text


def test_a_round_as_the_setting_of_a_failure_was_held() -> None:
    for text in (
        "SEOUL, Dec. 18 (Yonhap) -- The allies failed to narrow their differences in the fifth "
        "round of defense cost-sharing talks in Seoul on Wednesday.",
        "SEOUL, Dec. 18 (Yonhap) -- In the fifth round of talks on defense cost-sharing in Seoul "
        "on Wednesday, the two sides failed to reach a deal.",
    ):
        x = extract(text, report_date=dt.date(2019, 12, 18))
        assert [(e.kind, e.round, e.place, e.when.date if e.when else None)
                for e in x.events] == [("round_concluded", 5, "Seoul", "2019-12-18")], text
    # a round to come is no setting of a failure, nor one where nothing failed
    assert _events("The allies hope to narrow their differences in the sixth round of talks in "
                   "Washington next month.") != [("round_concluded", None)]
    assert _placed("SEOUL, Dec. 18 (Yonhap) -- Jeong Eun-bo led the delegation in the fifth "
                   "round of talks in Seoul.") == []


def test_a_deal_told_with_what_it_is_on_was_reached() -> None:
    assert _events("A deal on defense cost-sharing was reached on Wednesday.") == [
        ("deal_announced", "2024-11-27")]
    assert _events("No deal on defense cost-sharing has been reached.") == []


def test_a_city_told_by_what_it_is_is_the_place() -> None:
    for venue, city in ((" in the Dutch city of The Hague", "The Hague"),
                        (" in the Hawaiian capital", "Honolulu"),
                        (" at U.S. Pacific Command headquarters in Honolulu", "Honolulu")):
        text = (f"SEOUL, Dec. 18 (Yonhap) -- The fifth round of talks on defense cost-sharing "
                f"was held{venue} on Tuesday and Wednesday.")
        assert [p for _, _, p in _placed(text, dt.date(2019, 12, 18))] == [city], venue
    # where the speakers are is no meeting's place
    text = ("SEOUL, Dec. 18 (Yonhap) -- Officials in the port city of Busan said the fifth "
            "round of talks on defense cost-sharing was held on Wednesday.")
    assert "Busan" not in [p for _, _, p in _placed(text, dt.date(2019, 12, 18))]


def test_pounds_and_trln_are_read_with_their_currency() -> None:
    for figure, amount, currency in (("£2 billion", 2e9, "GBP"),
                                     ("2 billion pounds sterling", 2e9, "GBP"),
                                     ("1.389 trln won", 1.389e12, "KRW")):
        x = extract(LEAD + f"Seoul agreed to pay {figure} this year under the deal.",
                    report_date=dt.date(2019, 12, 18))
        assert [(p.amount, p.currency) for p in x.positions if p.amount] == [
            (amount, currency)], figure
    # pounds of weight are no money
    x = extract(LEAD + "Each soldier carries 60 pounds of gear.", report_date=dt.date(2019, 12, 18))
    assert [p.amount for p in x.positions if p.amount] == []


def test_an_office_named_back_is_the_person_who_holds_it() -> None:
    # the person is set beside the office in any order, or with "is"; the office is named back
    for opener in ("James DeHart, the top U.S. negotiator, met reporters in Seoul on Monday.",
                   "The top U.S. negotiator, James DeHart, arrived in Seoul on Monday.",
                   "James DeHart is the top U.S. negotiator."):
        for back in ("The negotiator said the talks had been useful.",
                     "\"The talks were useful,\" the U.S. envoy said."):
            assert _speakers(f"{opener} {back}") == ["James DeHart"], (opener, back)
    # with two negotiators named, "the negotiator" is neither
    assert _speakers("James DeHart, the top U.S. negotiator, met Jeong Eun-bo, Seoul's chief "
                     "negotiator, on Monday. The negotiator said the talks had been useful.") == [
        "negotiator"]


def test_a_hosts_payment_for_the_forces_is_the_topic() -> None:
    day = dt.date(2019, 12, 18)
    for text in ("South Korea paid 1.04 trillion won last year for the U.S. troops stationed "
                 "there.",
                 "South Korea will pay 1.389 trillion won this year to help maintain the "
                 "American military presence."):
        x = extract("SEOUL, Dec. 18 (Yonhap) -- " + text, report_date=day)
        assert x.negotiation is not None and x.negotiation.parties == ("KOR", "USA"), text
    # a purchase for the forces, or a small sum, is no share of their cost
    for text in ("South Korea will pay $1 billion for new tanks for its forces.",
                 "South Korea paid 50,000 won for the U.S. troops' party."):
        assert extract("SEOUL, Dec. 18 (Yonhap) -- " + text, report_date=day).negotiation is None


def test_a_label_may_be_a_body_or_a_titled_surname() -> None:
    for text, who in (("Seoul's foreign ministry: \"The talks were useful.\"",
                       "Seoul's foreign ministry"),
                      ("\"The talks were useful.\" -- Mr. Pompeo", "Pompeo")):
        assert _speakers(text) == [who], text


def test_a_city_told_by_its_country_is_no_municipality_at_the_table() -> None:
    text = ("SEOUL, Dec. 18 (Yonhap) -- South Korea and the United States ended the fifth round "
            "of talks on sharing the cost of stationing U.S. troops in Korea in the Dutch city of "
            "The Hague on Wednesday.")
    assert _placed(text, dt.date(2019, 12, 18)) == [
        ("round_concluded", "2019-12-18", "The Hague")]
    # (a city itself at the table is other business still)
    assert _placed("The city of Pyeongtaek and Gyeonggi Province ended a third round of talks "
                   "on sharing the cost of a new road near the U.S. base.") == []


def test_a_second_speaker_after_a_semicolon() -> None:
    assert _speakers("Jeong Eun-bo said the talks had been useful; James DeHart said the gap "
                     "remained wide.") == ["Jeong Eun-bo", "James DeHart"]
    # (a semicolon before no speaker leaves the one statement)
    assert _speakers("Jeong Eun-bo said the talks had been useful; the gap remained wide.") == [
        "Jeong Eun-bo"]


def test_a_post_a_testimony_a_citation_and_a_speech_carried_on_are_said() -> None:
    for text in ("Victor Cha posted on social media that the talks had been useful.",
                 "Victor Cha testified before Congress that the talks had been useful.",
                 "Victor Cha was cited by Yonhap as saying the talks had been useful.",
                 "Victor Cha went on to say that the talks had been useful."):
        assert _speakers(text) == ["Victor Cha"], text
    # a post of no words said is no statement
    assert _speakers("Victor Cha posted a photo of the talks.") == []


def test_an_unnamed_speaker_relayed_by_a_news_agency_keeps_the_words() -> None:
    assert "A State Department spokesperson" in _speakers(
        "A State Department spokesperson said the talks had been useful, according to Yonhap.")


def test_an_office_held_then_is_no_time_before_an_aside() -> None:
    assert _speakers("Then-President Donald Trump, asked about the talks, said the talks had "
                     "been useful.") == ["Donald Trump"]
