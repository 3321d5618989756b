"""The thirteenth pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract
from burdenshare.news.actors import find_actors

DAY = dt.date(2021, 3, 10)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def _speakers(text: str) -> list[str]:
    return [s.speaker for s in extract(LEAD + text, report_date=DAY).statements]


def test_a_country_before_its_own_office_is_one_actor() -> None:
    assert [(a.text, a.code) for a in find_actors("The U.S. State Department welcomed it")] == [
        ("U.S. State Department", "USAGOV")]
    assert _speakers("The U.S. State Department welcomed the agreement, saying it would "
                     "strengthen the alliance.") == ["U.S. State Department"]
    # two parties side by side stay two
    assert [a.code for a in find_actors("Seoul and the State Department differ")] == [
        "KOR", "USAGOV"]


def _events(text: str, day: dt.date = DAY) -> list[tuple[str, str | None]]:
    return [(e.kind, e.when.date if e.when else None)
            for e in extract(LEAD + text, report_date=day).events]


def test_a_gap_that_opened_is_no_talks_opening() -> None:
    text = ("South Korea and the United States have again come away empty-handed from "
            "negotiations over Seoul's share, extending a gap that opened when the 10th Special "
            "Measures Agreement expired at the end of December.")
    assert _events(text, dt.date(2020, 1, 16)) == [("deadline_passed", "2019-12-31")]
    assert _events("The talks opened in Honolulu on Tuesday.", dt.date(2020, 1, 16)) == [
        ("talks_opened", "2020-01-14")]


def test_what_the_deal_in_force_says_is_no_deal_reached() -> None:
    text = ("Under the current one-year Special Measures Agreement, which expires at the end of "
            "December, South Korea agreed to contribute 1.0389 trillion won for 2019.")
    assert _events(text, dt.date(2019, 9, 25)) == [("deadline", "2019-12-31")]
    assert _events("South Korea agreed to contribute 1.0389 trillion won for 2019.",
                   dt.date(2019, 9, 25)) == [("deal_announced", None)]


def test_the_other_sides_stand_in_a_speakers_account_is_still_his_account() -> None:
    text = ("Jeong said Washington was pressing for a drastic increase, while Seoul insisted any "
            "new deal must stay within the existing framework.")
    assert _speakers(text) == ["Jeong"]
    # a person after "while" speaks for himself
    assert _speakers("DeHart said Washington wanted more, while Jeong insisted Seoul would not "
                     "budge.") == ["DeHart", "Jeong"]


def test_a_round_where_no_deal_was_reached_is_still_a_round_held() -> None:
    text = ("Seoul and Washington failed to reach a new defense cost-sharing deal at their sixth "
            "round of talks held in Washington on Jan. 14-15.")
    events = extract(LEAD + text, report_date=dt.date(2020, 1, 16)).events
    assert [(e.kind, e.round, e.place) for e in events] == [("round_concluded", 6, "Washington")]


def test_an_end_hoped_for_is_no_round_ended() -> None:
    text = ("Trump confirmed that he turned down South Korea's offer, dealing a blow to hopes "
            "for a quick end to months of stalled negotiations.")
    assert [k for k, _ in _events(text, dt.date(2020, 4, 21))] == ["deal_rejected"]


def test_a_deal_unveiled_is_a_deal_announced() -> None:
    text = ("The deal, unveiled on Oct. 4 after eight rounds of talks that began in April, sets "
            "Seoul's contribution for 2026 at 1.5192 trillion won.")
    assert _events(text, dt.date(2024, 10, 16)) == [("deal_announced", "2024-10-04"),
                                                   ("talks_opened", "2024-04")]


def test_a_legislature_consenting_in_a_participle_is_a_vote() -> None:
    text = ("The National Assembly did its part on Nov. 28, consenting to the 12th Special "
            "Measures Agreement by 173 votes to 36, with 25 abstentions.")
    assert _events(text, dt.date(2024, 11, 29)) == [("ratification_vote", "2024-11-28")]


def test_a_participles_own_date_dates_it() -> None:
    text = ("South Korea's foreign ministry on Wednesday released the main terms of the 11th "
            "Special Measures Agreement, agreed in principle with the United States at the ninth "
            "round of talks in Washington on 7 March.")
    assert _events(text) == [("deal_announced", "2021-03-07"), ("round_concluded", "2021-03-07")]
    # a date in a clause of time after it is that clause's
    text = ("The seventh round, which began Tuesday, was held as Seoul hoped to reach a deal "
            "before U.S. Forces Korea begins furloughs on April 1.")
    assert "2021-04-01" not in [d for _, d in _events(text, dt.date(2020, 3, 19))]


def test_a_deal_concluding_the_negotiations_is_no_round_even_with_a_relative_clause() -> None:
    text = ("The accord, which requires Diet approval, concludes negotiations once clouded by "
            "pressure from the Trump administration.")
    assert _events(text) == []


def test_balking_as_a_disposition_is_no_rejection() -> None:
    assert _events("Negotiators should remember that a legislature which balks at large "
                   "increases is also a card to play.") == []
    assert _events("But the White House balked.") == [("deal_rejected", None)]


def test_the_deal_in_forces_expiry_dated_is_a_deadline_not_the_talks_date() -> None:
    text = ("The negotiations were launched well ahead of the current deal's expiry at the end "
            "of 2025.")
    assert _events(text, dt.date(2024, 10, 4)) == [("deadline", "2025-12-31"),
                                                  ("talks_opened", None)]
    text = "The talks began well before the expiry of the current deal at the end of 2025."
    assert ("deadline", "2025-12-31") in _events(text, dt.date(2024, 10, 4))


def test_a_place_in_an_apposition_after_the_deal_is_not_the_deals() -> None:
    text = ("South Korea will increase its payment by 8.3% in 2026 under a new five-year "
            "agreement announced Friday, a deal both allies hope will shield the alliance from "
            "political turbulence in Washington.")
    (deal,) = extract(LEAD + text, report_date=dt.date(2024, 10, 4)).events
    assert (deal.kind, deal.place) == ("deal_announced", None)


def test_a_city_taking_on_its_share_is_no_ally() -> None:
    text = ("HONOLULU — After a third round of negotiations, city and state transportation "
            "officials have agreed how to divide the bill for widening a highway that carries "
            "service members to a U.S. military base.\n\nUnder the cost-sharing arrangement, "
            "announced Thursday, the state will cover most of the construction while the city "
            "takes on land acquisition and maintenance.")
    assert extract(text, report_date=dt.date(2019, 10, 24)).negotiation is None


def test_a_named_negotiator_then_an_apposition_is_the_person() -> None:
    text = ("At a separate briefing, Seoul's negotiator Jeong Eun-bo, a former finance ministry "
            "official, said South Korea wanted any new deal to stay within the framework.")
    assert _speakers(text) == ["Jeong Eun-bo"]


def test_a_quote_alone_after_a_person_met_the_press_is_his() -> None:
    text = (LEAD + "\n\nShortly afterwards, U.S. chief negotiator James DeHart spoke to reporters "
            "and placed the blame squarely on the Korean side.\n\n\"Unfortunately, the proposals "
            "were not responsive to our request.\"")
    statements = extract(text, report_date=DAY).statements
    assert [(s.speaker, s.kind) for s in statements] == [("James DeHart", "quote")]


def test_the_source_after_a_source_familiar_with_the_talks_is_that_source() -> None:
    text = ('Washington has lowered its demand, a source familiar with the talks told Reuters. '
            '"There has been progress," the source said, asking not to be named.')
    assert _speakers(text) == ["a source familiar with the talks"] * 2


def test_an_office_with_its_employer_before_a_participle_keeps_the_employer() -> None:
    text = ("An official at Seoul's foreign ministry declined to comment directly on the "
            "president's remarks, saying only that the government \"has nothing to add.\"")
    assert _speakers(text) == ["An official at Seoul's foreign ministry"]


def test_the_ministry_in_the_capital_is_the_countrys_ministry_named_in_the_report() -> None:
    text = ("South Korea will pay 13.9 percent more this year, the foreign ministry in Seoul said "
            "Wednesday.\n\nThe increase will then follow the defence budget, South Korea's "
            "foreign ministry said.")
    assert set(_speakers("\n\n" + text)) == {"South Korea's foreign ministry"}


def test_an_inverted_did_tells_the_past() -> None:
    text = ("Only on October 4 did Seoul and Washington announce a new five-year Special "
            "Measures Agreement, under which South Korea will pay 1.5192 trillion won in 2026.")
    assert _events(text, dt.date(2024, 10, 16)) == [("deal_announced", "2024-10-04")]


def test_a_broadcasters_header_is_no_dateline() -> None:
    text = ("KBS WORLD RADIO - NEWS AT NINE\n\nTalks between South Korea and the United States "
            "on sharing the cost of American troops here broke down today, with the U.S. "
            "delegation walking out of the third round.")
    events = extract(text, report_date=dt.date(2019, 11, 19)).events
    assert events and all(e.place is None for e in events)


def _periods(text: str, day: dt.date = DAY) -> list[tuple[float | None, str | None,
                                                        tuple[int, int] | None]]:
    return [(p.amount, p.period, p.years)
            for p in extract(LEAD + text, report_date=day).positions if p.amount]


def test_a_yearly_sum_asked_covers_no_year_its_asking_is_dated() -> None:
    for text in ("Washington had reportedly demanded about $5 billion a year late last year.",
                 "Late last year Washington was seeking about $5 billion a year.",
                 "In 2019 a demand of about $5 billion a year was reportedly put on the table."):
        assert _periods(text, dt.date(2020, 1, 16)) == [(5e9, "year", None)], text
    # a sum asked for a year named is that year's
    assert _periods("Washington pressed for about $5 billion for next year.",
                    dt.date(2019, 12, 18)) == [(5e9, "year", (2020, 2020))]


def test_a_ministry_releasing_the_terms_speaks() -> None:
    for text in ("South Korea's foreign ministry on Wednesday released the main terms of the 11th "
                 "Special Measures Agreement, agreed in principle in Washington on March 7.",
                 "South Korea's foreign ministry released the key terms on Wednesday. Here are "
                 "the main points:"):
        assert _speakers(text)[:1] == ["South Korea's foreign ministry"], text


def test_a_round_told_by_its_days_in_a_participle_ended() -> None:
    text = ("South Korea and the United States failed to close the gap, ending three days of "
            "negotiations in Los Angeles on Thursday without an agreement.")
    (ended,) = extract(LEAD + text, report_date=dt.date(2020, 3, 19)).events
    assert (ended.kind, ended.when and ended.when.date, ended.place) == (
        "round_concluded", "2020-03-19", "Los Angeles")


def test_a_leaders_own_i_rejected_it_is_a_rejection_without_a_place() -> None:
    text = ('"They have offered us a certain amount of money and I rejected it," Trump said at '
            "the White House on Monday.")
    (rejected,) = extract(LEAD + text, report_date=dt.date(2020, 4, 21)).events
    assert (rejected.kind, rejected.when and rejected.when.date, rejected.place) == (
        "deal_rejected", "2020-04-20", None)
    # a claim in a quote is still no event
    assert _events('"We will reject any unfair deal," the minister said.') == []


def test_a_group_that_would_not_but_stressed_speaks() -> None:
    assert _speakers("Officials would not give figures, but stressed that the accord ends the "
                     "uncertainty.") == ["Officials"]


def test_a_notice_to_many_words_of_employees_is_a_statement() -> None:
    text = ("US Forces Korea has notified about half of its roughly 9,000 South Korean employees "
            "that they will be placed on unpaid leave from April 1 if no deal is reached.")
    assert _speakers(text) == ["US Forces Korea"]


def test_talks_held_up_were_not_held() -> None:
    text = ("Negotiations on a new multiyear accord were held up by the U.S. presidential "
            "transition, a ministry official said.")
    assert _events(text, dt.date(2021, 2, 17)) == []
    assert _events("The talks were held in Seoul on Tuesday.", dt.date(2021, 2, 17)) == [
        ("round_concluded", "2021-02-16")]


def test_opening_the_talks_with_a_demand_is_how_a_side_bargained() -> None:
    text = ("Washington opened the negotiations last year with a demand that Seoul pay close to "
            "$5 billion a year.")
    assert [k for k, _ in _events(text, dt.date(2020, 1, 16))] == []
    assert _events("The two sides opened the talks in Honolulu on Tuesday.",
                   dt.date(2020, 1, 16)) == [("talks_opened", "2020-01-14")]


def test_a_second_coordinated_passive_with_its_date_straight_after_is_signed() -> None:
    text = ("The deal was announced Oct. 4 after eight rounds of negotiations that began in April, "
            "and was signed Nov. 4 by Cho Tae-yul and Philip Goldberg.")
    assert ("deal_signed", "2024-11-04") in _events(text, dt.date(2024, 11, 29))
