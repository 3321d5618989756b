"""The seventh pass's general rules, each with a known result (sentences invented for the test,
not cited as facts): the fullest name of an office-holder, bare groups named as written, a
further round coordinated in the same sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from burdenshare.news import extract
from burdenshare.news.evaluation import found_sets

DAY = dt.date(2019, 11, 19)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def test_a_minister_named_by_surname_is_the_full_name_given_with_the_office() -> None:
    x = extract(LEAD + "Minister of Foreign Affairs Kang Kyung-wha signed the agreement. "
                "Minister Kang stated that the deal was fair.", report_date=DAY)
    assert {s.speaker for s in x.statements} == {"Kang Kyung-wha"}


def test_bare_officials_are_named_as_written_not_as_the_group_before() -> None:
    x = extract(LEAD + "The amount is about 1 trillion won a year, government officials said. "
                "The deal will be signed next week, officials said.", report_date=DAY)
    assert found_sets(x)["speaker"] == {"government officials", "officials"}


def test_the_ministry_refers_back_to_the_ministry_that_spoke_before() -> None:
    x = extract(LEAD + "South Korea's foreign ministry said the talks were useful. The ministry "
                "said another round is planned.", report_date=DAY)
    assert {s.speaker for s in x.statements} == {"South Korea's foreign ministry"}


def test_a_speaker_after_but_or_though_is_the_clause_s_subject() -> None:
    x = extract(LEAD + "Washington first demanded $5 billion, though officials here say the "
                "U.S. side has since shown flexibility.", report_date=DAY)
    assert {s.speaker for s in x.statements} == {"officials"}


def _rounds(text: str) -> set[tuple[str, str | None, str | None, int | None]]:
    x = extract(LEAD + text, report_date=DAY)
    return {(e.kind, e.when.date if e.when else None, e.place, e.round) for e in x.events}


def test_a_further_round_after_and_has_its_own_number_place_and_date() -> None:
    assert _rounds("The allies held the first round of the talks in Seoul in September and the "
                   "second in Honolulu last month.") == {
        ("round_concluded", "2019-09", "Seoul", 1),
        ("round_concluded", "2019-10", "Honolulu", 2),
    }


def test_a_further_round_the_talks_moved_to() -> None:
    assert _rounds("The allies held a first round in Seoul on Sept. 24-25 and moved to Honolulu "
                   "for a second round on Oct. 23-24.") == {
        ("round_concluded", "2019-09-24", "Seoul", 1),
        ("round_concluded", "2019-10-23", "Honolulu", 2),
    }


def test_a_deal_and_a_second_look_is_no_further_round() -> None:
    # the first clause tells no numbered round: nothing is split off
    kinds = {k for k, *_ in _rounds("The two sides reached a deal in Seoul on Tuesday and the "
                                    "second vice minister welcomed it.")}
    assert "round_concluded" not in kinds


def test_leaders_agreeing_in_the_dateline_lede_agree_where_the_report_was_filed() -> None:
    x = extract("THE HAGUE, 25 June 2025 -- NATO leaders agreed on Wednesday to raise defence "
                "spending to 5% of GDP by 2035 and to share the cost of the alliance's common "
                "budgets.", report_date=dt.date(2025, 6, 25))
    assert [(e.kind, e.place) for e in x.events] == [("deal_announced", "The Hague")]


def test_a_deal_in_the_dateline_lede_without_leaders_has_no_place_unless_said() -> None:
    x = extract("SEOUL, April 16 (Yonhap) -- The National Assembly on Wednesday approved a new "
                "deal on how much South Korea will pay for the upkeep of U.S. troops stationed "
                "here.", report_date=dt.date(2014, 4, 16))
    assert [(e.kind, e.place) for e in x.events] == [("ratification_vote", None)]


def test_a_place_in_the_clause_of_another_event_is_not_this_event_s() -> None:
    x = extract("WASHINGTON (AP) — American and South Korean negotiators ended two days of talks "
                "on Wednesday without agreeing on how much Seoul should pay toward the upkeep of "
                "U.S. troops, and they plan to meet again in Seoul later this month.",
                report_date=dt.date(2019, 12, 4))
    assert {(e.kind, e.place) for e in x.events} == {
        ("round_concluded", "Washington"), ("talks_scheduled", "Seoul")}


def _amounts(text: str, day: dt.date = DAY) -> set[tuple[float | None, str | None, str | None,
                                                         tuple[int, int] | None]]:
    x = extract(LEAD + text, report_date=day)
    return {(p.amount, p.currency, p.period, p.years) for p in x.positions if p.amount}


def test_an_amount_the_change_is_measured_from_is_a_base_not_a_position() -> None:
    assert _amounts("The amount is 8.2 percent higher than the 960.2 billion won Seoul paid "
                    "last year.") == set()
    assert _amounts("Seoul will contribute 680.4 billion won a year in 2005 and 2006, an 8.9 "
                    "percent cut from last year, when it paid the equivalent of about 620 "
                    "million dollars.") == {(680.4e9, "KRW", "year", (2005, 2006))}


def test_the_amount_told_before_takes_the_change_the_next_sentence_states() -> None:
    x = extract(LEAD + "Seoul will pay 1.0389 trillion won this year. The amount is 8.2 percent "
                "higher than the 960.2 billion won Seoul paid last year.", report_date=DAY)
    assert sorted(round(p.factor, 6) for p in x.positions if p.factor) == [1.082]


def test_two_amounts_joined_by_and_share_what_is_said_after_the_second() -> None:
    assert _amounts("Under the accord, Seoul will pay US$58.8 million and 536.8 billion won "
                    "this year.", dt.date(2002, 4, 4)) == {
        (58.8e6, "USD", "year", (2002, 2002)), (536.8e9, "KRW", "year", (2002, 2002))}


def test_a_total_over_years_takes_the_span_said_before_it_or_after_a_comma() -> None:
    assert _amounts("The current special agreement, for fiscal 2016 through 2020, commits Japan "
                    "to about 946.5 billion yen over five years.") == {
        (946.5e9, "JPY", "total", (2016, 2020))}
    assert _amounts("Japan will pay a total of 1.0551 trillion yen over five years, from fiscal "
                    "2022, toward the cost of U.S. forces.") == {
        (1.0551e12, "JPY", "total", (2022, 2026))}


def test_a_month_day_year_stamp_with_dashes_is_the_report_s_date() -> None:
    x = extract("Korea, US Sign Five-Year Cost-Sharing Deal for USFK\n\n01-15-2009 18:20\n\n"
                "South Korea and the United States signed a new cost-sharing agreement Thursday "
                "under which Seoul will contribute 760 billion won this year toward the upkeep "
                "of U.S. Forces Korea.")
    assert x.report_date == "2009-01-15"
    assert _amounts("Seoul will contribute 760 billion won this year.", dt.date(2009, 1, 15)) == {
        (760e9, "KRW", "year", (2009, 2009))}


def test_a_cost_shared_for_something_named_in_a_report_without_forces_is_no_topic() -> None:
    x = extract("Brussels, Oct. 9 (Jiji Press)--Japan and the European Union ended a third round "
                "of talks here Friday on mutual recognition of safety certification for "
                "machinery. \"The question of cost sharing for laboratories remains,\" a "
                "Japanese trade ministry official said.", report_date=dt.date(2026, 10, 9))
    assert x.negotiation is None and not x.events


def test_a_burden_carried_together_is_no_money() -> None:
    x = extract("NATO defence ministers agreed to share surveillance data on undersea cables. "
                "Under the arrangement, coast guards and U.S. forces in Europe will feed radar "
                "information into one system. \"This is a burden we can only carry together,\" "
                "a senior NATO official said.", report_date=dt.date(2025, 2, 13))
    assert x.negotiation is None


def test_a_cost_sharing_deal_between_the_allies_is_still_the_topic() -> None:
    x = extract("SEOUL, March 9, 2021 (Yonhap) -- The six-year cost-sharing deal agreed in "
                "principle on Sunday will raise Seoul's contribution this year by 13.9 percent, "
                "the foreign ministry said Tuesday.")
    assert x.negotiation is not None


def test_the_official_is_never_a_named_person_of_another_office() -> None:
    x = extract(LEAD + "President Joe Biden welcomed the talks. The increase reflects the "
                "growth of the defense budget, a senior ministry official said. \"We have put "
                "an end to uncertainty,\" the official said.", report_date=DAY)
    assert {s.speaker for s in x.statements} == {"a senior ministry official"}


def test_governments_announcing_an_agreement_tell_an_event_not_a_statement() -> None:
    x = extract(LEAD + "On Oct. 4, the two governments announced the 12th Special Measures "
                "Agreement, under which Seoul will pay 1.5192 trillion won in 2026.",
                report_date=DAY)
    assert not x.statements


def test_a_president_elect_is_named_without_the_title() -> None:
    x = extract(LEAD + "President-elect Donald Trump said Korea would be paying $10 billion a "
                "year.", report_date=DAY)
    assert {s.speaker for s in x.statements} == {"Donald Trump"}


def test_a_spokesperson_of_an_institution_is_a_speaker_as_named() -> None:
    x = extract(LEAD + "A State Department spokesperson said Washington wanted a fair deal.",
                report_date=DAY)
    assert found_sets(x)["speaker"] == {"state department spokesperson"}


def test_a_transcript_turn_is_said_by_the_person_its_label_names() -> None:
    x = extract("[INTERVIEW] Korea's chief negotiator on the cost-sharing talks with the United "
                "States\n\nANCHOR: Jeong Eun-bo, Seoul's negotiator on sharing the cost of U.S. "
                "troops, joins us now.\n\nJEONG: We had very candid discussions, but a gap "
                "remains.\n\nANCHOR: Reporter Kang Min-seo has more.\n\nREPORTER: Talks end.",
                report_date=DAY)
    assert {s.speaker for s in x.statements} == {"Jeong Eun-bo"}


def test_he_after_an_institution_is_the_person_named_in_the_sentence_before() -> None:
    x = extract(LEAD + "The American Embassy said the United States sought a fair deal. "
                "President Trump has made the issue a personal cause. He wrote in August that "
                "South Korea had agreed to pay more.", report_date=DAY)
    assert {s.speaker for s in x.statements} == {"American Embassy", "Trump"}


def test_one_european_diplomat_is_a_speaker_and_compares_as_a_diplomat() -> None:
    x = extract("NATO allies agreed to share the cost of defence more fairly. \"This is a "
                "quantum leap,\" one European diplomat said of the new target.",
                report_date=dt.date(2025, 6, 25))
    assert found_sets(x)["speaker"] == {"european diplomat"}


def test_a_memoir_written_later_is_its_author_s_statement() -> None:
    x = extract(LEAD + "John Bolton later wrote in his memoir that President Donald Trump "
                "wanted allies to pay \"cost plus 50 percent\".", report_date=DAY)
    assert {s.speaker for s in x.statements} == {"John Bolton"}


def test_an_undated_deal_told_again_in_a_dated_report_is_no_event() -> None:
    x = extract(LEAD + "The two sides signed the 11th Special Measures Agreement on April 8. "
                "That six-year deal came after more than a year of negotiations.",
                report_date=dt.date(2021, 4, 9))
    assert [(e.kind, e.when.date if e.when else None) for e in x.events] == [
        ("deal_signed", "2021-04-08")]


def test_an_undated_deal_alone_is_kept() -> None:
    x = extract(LEAD + "The two sides have reached a deal, officials said.")
    assert [e.kind for e in x.events] == ["deal_announced"]


def test_a_bill_to_pass_is_no_money_a_bill_to_foot_is() -> None:
    day = dt.date(2023, 12, 7)
    assert extract("House and Senate negotiators reached agreement on the annual defense policy "
                   "bill, which keeps a floor of 28,500 U.S. troops in South Korea.",
                   report_date=day).negotiation is None
    assert extract("Seoul agreed to foot the bill for U.S. troops under the new deal with "
                   "Washington.", report_date=day).negotiation is not None


def test_an_agreement_approved_by_a_named_country_s_assembly_is_a_ratification() -> None:
    x = extract(LEAD + "That agreement was approved by South Korea's National Assembly in April "
                "and expires on Dec. 31.", report_date=dt.date(2019, 9, 25))
    assert ("ratification_vote", "2019-04") in {(e.kind, e.when.date if e.when else None)
                                                for e in x.events}


def test_a_round_that_followed_an_earlier_session_tells_that_session_too() -> None:
    assert ("round_concluded", "2019-10", "Seoul", 3) in _rounds(  # told on 2019-11-19
        "The fourth round of negotiations followed a stormy third session in Seoul last month, "
        "which the U.S. delegation left early.")


def _deadlines(text: str, day: dt.date) -> set[str | None]:
    x = extract(LEAD + text, report_date=day)
    return {e.when.date if e.when else None for e in x.events if e.kind == "deadline"}


def test_a_deadline_is_still_to_come() -> None:
    assert _deadlines("Seoul pays 1.0389 trillion won under the current one-year agreement, "
                      "which runs out at the end of December.", dt.date(2019, 11, 19)) == {
        "2019-12-31"}


def test_a_day_with_a_relative_year_is_in_that_year() -> None:
    assert _deadlines("The talks aim at a 12th agreement to replace the current one, which "
                      "expires on December 31st next year.", dt.date(2024, 5, 24)) == {
        "2025-12-31"}


def test_a_day_spelled_out_as_broadcasts_say_it_is_read() -> None:
    x = extract(LEAD + "The old agreement expired on December thirty-first, so for almost three "
                "months there has been nothing in place.", report_date=dt.date(2020, 3, 19))
    assert {(e.kind, e.when.date if e.when else None) for e in x.events} == {
        ("deadline_passed", "2019-12-31")}


def test_a_deadline_with_a_long_clause_between_the_deal_and_its_expiry() -> None:
    assert _deadlines("The current five-year special measures agreement, under which Japan pays "
                      "a total of about 946.5 billion yen over fiscal 2016 through 2020, expires "
                      "at the end of March.", dt.date(2020, 12, 16)) == {"2021-03-31"}


def test_the_headlines_listed_under_related_are_other_stories() -> None:
    x = extract("South Korea and the United States agreed on Friday that Seoul will pay 1.5192 "
                "trillion won in 2026 for U.S. troops.\n\nRelated:\n- US, South Korea wrap up "
                "third round of cost-sharing talks in Washington\n- Base workers face furloughs "
                "as troop-cost pact lapses\n\nTags: USFK", report_date=dt.date(2024, 10, 4))
    assert [e.kind for e in x.events] == ["deal_announced"]
    assert any(d.startswith("related list") for d in x.dropped_noise)


def test_an_ordinal_in_apposition_to_the_deal_numbers_the_deal_not_a_round() -> None:
    x = extract(LEAD + "The two envoys signed the agreement, the eighth of its kind since 1991, "
                "on Thursday.", report_date=dt.date(2009, 1, 15))
    assert [(e.kind, e.round) for e in x.events] == [("deal_signed", None)]


def test_a_yearly_demand_dated_by_its_asking_covers_no_year() -> None:
    assert _amounts("In 2019, Washington reportedly asked for $5 billion a year.",
                    dt.date(2021, 3, 1)) == {(5e9, "USD", "year", None)}


def test_a_year_in_the_expiry_clause_is_not_the_yearly_amount_s() -> None:
    assert _amounts("Japan currently pays about 189.3 billion yen a year under a five-year "
                    "special agreement that expires on March 31 next year.",
                    dt.date(2020, 6, 20)) == {(189.3e9, "JPY", "year", None)}


def test_an_amount_in_total_over_a_span_said_before_it() -> None:
    assert _amounts("The previous five-year accord, covering fiscal 2016 to 2020, was worth "
                    "about 946.5 billion yen in total.", dt.date(2021, 12, 21)) == {
        (946.5e9, "JPY", "total", (2016, 2020))}


def test_a_dateline_of_a_city_and_a_dash_and_allies_who_promised() -> None:
    x = extract("THE HAGUE - NATO leaders agreed on Wednesday to lift defence spending to 5% of "
                "GDP by 2035, sharing the burden of the alliance's defence more evenly.",
                report_date=dt.date(2025, 6, 25))
    assert [(e.kind, e.place) for e in x.events] == [("deal_announced", "The Hague")]
    x = extract("NATO allies have argued for years over burden sharing and the cost of "
                "defence. At The Hague last year, NATO allies promised to spend 5 percent of GDP "
                "on defense by 2035.", report_date=dt.date(2026, 12, 2))
    assert [(e.kind, e.when.date if e.when else None) for e in x.events] == [
        ("deal_announced", "2025")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Several opposition lawmakers who voted against the bill said the term was too short.",
         "opposition lawmakers"),
        ("\"We cannot keep handing over money,\" an opposition lawmaker said.",
         "opposition lawmaker"),
        ("NATO estimates that 23 allies reached the guideline this year.", "nato"),
        ("According to NATO estimates, 23 allies reached 2 percent in 2024.", "nato"),
        ("Trump rejected a working-level deal for a 13 percent increase, calling it too low.",
         "trump"),
        ("Donald Trump, then a candidate, says South Korea \"would be paying $10 billion a "
         "year\".", "donald trump"),
        ("South Korean officials have called the demand excessive.", "south korean officials"),
        ("The share paid in won will rise to 88 percent, which officials said would reduce the "
         "burden of exchange-rate swings.", "officials"),
    ],
)
def test_speakers_of_the_seventh_pass(sentence: str, speaker: str) -> None:
    x = extract(LEAD + sentence, report_date=DAY)
    assert found_sets(x)["speaker"] == {speaker}


@pytest.mark.parametrize(
    ("text", "amount"),
    [("one trillion 55.1 billion yen", 1.0551e12), ("1 trillion 55.1 billion yen", 1.0551e12),
     ("1.0551 trillion yen", 1.0551e12)],
)
def test_a_figure_said_as_broadcasts_say_it(text: str, amount: float) -> None:
    from burdenshare.news.numbers import find_money

    (found,) = find_money(f"Japan will spend {text} from fiscal 2022.")
    assert (found.money.text, found.money.amount) == (text, pytest.approx(amount, rel=1e-12))


def test_a_round_that_began_in_a_relative_clause_is_opened_then() -> None:
    assert _rounds("Negotiators reached the agreement in principle on Sunday in Washington at "
                   "the end of the ninth round of talks, which began Friday.") >= {
        ("talks_opened", "2019-11-15", "Washington", 9)}


def test_a_day_in_the_past_perfect_is_before_the_date_the_sentence_before_states() -> None:
    x = extract(LEAD + "When the National Assembly approved the 12th Special Measures Agreement "
                "on Nov. 28, 2024, the debate was short. The deal had been signed on Nov. 4 by "
                "the foreign minister.", report_date=dt.date(2026, 12, 1))
    assert {(e.kind, e.when.date if e.when else None) for e in x.events} == {
        ("ratification_vote", "2024-11-28"), ("deal_signed", "2024-11-04")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington had insisted on a \"minimum\" of $1 billion and on a one-year term.",
        "CORRESPONDENT: Nothing announced.",
        "ANCHOR: Reports say Washington has come down to around $4 billion a year.",
    ],
)
def test_no_speaker_in_a_demand_or_a_non_name(sentence: str) -> None:
    assert not extract(LEAD + sentence, report_date=DAY).statements


@pytest.mark.parametrize(
    "sentence",
    [
        "Seoul's contribution for this year rises 13.9 percent to 1.1833 trillion won, after a "
        "freeze for 2020.",
        "Korea will pay 1.1833 trillion won this year; the contribution for 2020 stays frozen "
        "at the 2019 level of 1.0389 trillion won.",
    ],
)
def test_a_freeze_is_a_relation_of_its_own(sentence: str) -> None:
    x = extract(LEAD + sentence, report_date=dt.date(2021, 3, 10))
    assert 1.0 in {p.factor for p in x.positions}


def test_a_revised_demand_keeps_the_period_of_the_demand_it_revises() -> None:
    x = extract(LEAD + "The U.S. side initially sought close to $5 billion a year. It has since "
                "lowered its demand to about $4 billion, according to officials in Seoul.",
                report_date=dt.date(2020, 3, 20))
    assert {(p.amount, p.period) for p in x.positions if p.amount} == {
        (5e9, "year"), (4e9, "year")}


@pytest.mark.parametrize(
    "sentence",
    [
        "In February this year, the two governments agreed to extend it by one year.",
        "The current special measures agreement was extended by one year in February.",
    ],
)
def test_an_extension_in_a_month_of_this_year(sentence: str) -> None:
    x = extract("Japan and the United States share the cost of hosting U.S. forces. " + sentence,
                report_date=dt.date(2021, 12, 21))
    assert [(e.kind, e.when.date if e.when else None) for e in x.events] == [
        ("deal_announced", "2021-02")]


def test_a_day_of_that_year_and_a_ratification_on_condition() -> None:
    x = extract(LEAD + "The ninth SMA, reached in January 2014 after 10 rounds of negotiations "
                "and signed on Feb. 2 of that year, set Korea's share at 920 billion won. The new "
                "agreement will be submitted to the National Assembly for consent and, if "
                "approved, take effect on Jan. 1.", report_date=dt.date(2019, 2, 11))
    assert {(e.kind, e.when.date if e.when else None) for e in x.events} == {
        ("deal_announced", "2014-01"), ("deal_signed", "2014-02-02")}


def test_a_participle_clause_keeps_its_own_place_and_governing_is_no_place() -> None:
    x = extract("HONOLULU, April 25 (Yonhap) -- South Korea and the United States on Thursday "
                "concluded the first round of negotiations on how to share the cost of "
                "stationing American troops, agreeing to meet again in Seoul next month.",
                report_date=dt.date(2024, 4, 25))
    assert {(e.kind, e.place) for e in x.events} == {
        ("round_concluded", "Honolulu"), ("talks_scheduled", "Seoul")}
    x = extract(LEAD + "The accord replaces a stopgap deal struck in February after negotiations "
                "were delayed by the change of administration in Washington.",
                report_date=dt.date(2021, 12, 21))
    assert [(e.kind, e.place) for e in x.events] == [("deal_announced", None)]


def test_rounds_recounted_in_an_analysis() -> None:
    found = _rounds("At the first round, held Sept. 24-25 at a defense think tank in Seoul, "
                    "Washington reportedly tabled a demand of about $4.7 billion a year. The "
                    "third, in Seoul, collapsed on Nov. 19 when the American team walked out. The "
                    "fourth round, in Washington early this month, produced little.")
    assert {(k, r) for k, _, _, r in found} >= {
        ("round_concluded", 1), ("talks_broken_off", 3), ("round_concluded", 4)}


def test_a_timeline_entry_with_a_dash() -> None:
    x = extract(LEAD + "Key dates:\n\n* May 21-23 - Second round, Seoul.",
                report_date=dt.date(2024, 11, 29))
    assert [(e.kind, e.round, e.when.date if e.when else None) for e in x.events] == [
        ("round_concluded", 2, "2024-05-21")]
