"""Recognition by cues and lemmas rather than phrase lists (issue 16): verbs in every form,
topic cues spread over two sentences, amounts with the years they cover and not their base's."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from burdenshare.news import extract
from burdenshare.news.lexicon import forms, verb_pattern


def test_forms_of_regular_irregular_and_phrasal_verbs() -> None:
    assert forms("settle") == ("settle", "settles", "settled", "settling")
    assert forms("strike") == ("strike", "strikes", "struck", "striking", "stricken")
    assert forms("hammer out") == ("hammer out", "hammers out", "hammered out", "hammering out")
    assert forms("wrap up")[2] == "wrapped up"
    assert forms("ratify") == ("ratify", "ratifies", "ratified", "ratifying")
    assert "initialed" in forms("initial") and "initialled" in forms("initial")


def test_verb_pattern_matches_every_form_and_past_only_the_past() -> None:
    every = re.compile(rf"\b{verb_pattern(['settle', 'work out'])}\b")
    assert all(every.fullmatch(f) for f in ("settles", "settling", "worked out"))
    past = re.compile(rf"\b{verb_pattern(['settle', 'strike', 'put'], past_only=True)}\b")
    assert [bool(past.fullmatch(w)) for w in ("settled", "struck", "put", "settles", "striking")
            ] == [True, True, True, False, False]


def _kinds(text: str, day: dt.date | None = None) -> set[str]:
    return {e.kind for e in extract(text, report_date=day).events}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Tokyo will shoulder 946.5 billion yen to host American service members, under a fresh "
         "accord the two governments have settled, sources said Friday.", "deal_announced"),
        ("Seoul and Washington have settled on how much Korea will contribute this year toward "
         "the upkeep of the U.S. Forces Korea: 920 billion won.", "deal_announced"),
        ("Japan and the United States have decided to extend the current arrangement on Japan's "
         "payments for U.S. bases by one year.", "deal_announced"),
        ("Kang Kyung-wha and Harry Harris put their signatures Friday to a one-year accord that "
         "raises Seoul's payment for American troops to 1.0389 trillion won.", "deal_signed"),
        ("The upper house gave final approval Friday to a special agreement under which Japan "
         "will cover ¥1.0551 trillion in expenses for U.S. military bases.", "ratification_vote"),
        ("Lee Tae-woo sat down with Linda Specht in Washington on Monday to begin three days of "
         "discussions on the 12th Special Measures Agreement.", "talks_opened"),
    ],
)
def test_agreement_and_talks_verbs_in_their_forms(text: str, kind: str) -> None:
    assert kind in _kinds(text, dt.date(2020, 1, 1))


def test_topic_from_two_sentences_and_a_negotiators_own_first_session() -> None:
    x = extract(
        "Seoul's new negotiator has finished his first session with Washington's James DeHart.\n"
        "The two sides spent two days in Honolulu haggling over what Korea should contribute "
        "for the American soldiers based on its soil, the second meeting of its kind.",
        report_date=dt.date(2019, 10, 24),
    )
    assert x.negotiation is not None
    assert {(e.kind, e.round, e.place) for e in x.events} == {("round_concluded", 2, "Honolulu")}


def test_a_sports_meeting_with_ticket_money_is_not_the_topic() -> None:
    x = extract(
        "Korea's football team will face the United States in Seoul, the fifth meeting between "
        "the two sides this year.\nTickets cost 50,000 won, and proceeds will support soldiers' "
        "families."
    )
    assert x.negotiation is None and not x.events


def test_amount_years_through_a_fiscal_year_and_not_the_base_year() -> None:
    x = extract(
        "The upper house gave final approval Friday to a special agreement under which Japan "
        "will cover ¥1.0551 trillion in expenses for U.S. military bases during the five years "
        "through fiscal 2026.",
        report_date=dt.date(2022, 3, 25),
    )
    (p,) = x.positions
    assert (p.amount, p.qualifier, p.period, p.years) == (1.0551e12, None, "total", (2022, 2026))
    y = extract(
        "SEOUL, March 8, 2019 (AFP) - The ministers signed a one-year accord that raises Seoul's "
        "payment for American troops to 1.0389 trillion won, 8.2 percent higher than last year."
    )
    (q,) = y.positions
    assert (q.amount, q.years, q.factor) == (1.0389e12, None, 1.082)


def test_the_year_of_a_payment_said_before_its_amount() -> None:
    x = extract(
        "SEOUL, Nov. 28, 2024 (Yonhap) -- Under the defense cost-sharing accord, Seoul's "
        "contribution for 2026 rises 8.3 percent to 1.5192 trillion won."
    )
    (p,) = x.positions
    assert (p.amount, p.period, p.years, p.factor) == (1.5192e12, "year", (2026, 2026), 1.083)


def test_a_date_of_the_years_an_amount_covers_is_not_the_deals() -> None:
    x = extract(
        "TOKYO, Dec. 18, 2015 (Kyodo) -- Tokyo will shoulder a combined 946.5 billion yen over "
        "the five fiscal years starting in April 2016 to host American service members, under a "
        "fresh accord the two governments have settled, sources said Friday."
    )
    (e,) = x.events
    assert (e.kind, e.when.date if e.when else None) == ("deal_announced", "2015-12-18")
    (p,) = x.positions
    assert (p.period, p.years) == ("total", (2016, 2020))


def test_a_round_stated_in_a_sentence_of_its_own() -> None:
    x = extract(
        "ANCHOR: Negotiators from Seoul and Washington opened talks in Honolulu on Tuesday on how "
        "to split the cost of keeping some 28,500 U.S. troops in South Korea.\n"
        "REPORTER: The three-day meeting is the first for the 12th agreement.",
        report_date=dt.date(2024, 4, 23),
    )
    (e,) = x.events
    assert (e.kind, e.round, e.place, e.when.date if e.when else None) == (
        "talks_opened", 1, "Honolulu", "2024-04-23")
    assert [ev.fields for ev in e.evidence][-1] == ("round",)


def test_legislatures_by_other_names_and_demands_by_want() -> None:
    x = extract(
        "The House of Councillors on Thursday approved the special agreement on Japan's share of "
        "costs for the U.S. military in Japan, under which Tokyo pays about 946.5 billion yen "
        "over the five years from fiscal 2016.",
        report_date=dt.date(2016, 3, 31),
    )
    assert [e.kind for e in x.events] == ["ratification_vote"]
    y = extract(
        "American officials cut short a meeting in Seoul on the price of keeping US forces on "
        "the peninsula.\nWashington is reported to want close to $5bn a year, more than five "
        "times what Seoul now pays."
    )
    assert [(p.party, p.stance, p.amount, p.period) for p in y.positions] == [
        ("USA", "demand", 5e9, "year")]


def test_export_deals_beside_troops_are_not_the_topic() -> None:
    x = extract(
        "SEOUL, Oct. 20, 2025 (Reuters) - South Korean defense firms signed export deals worth "
        "about $2 billion with European buyers, as U.S. and Korean troops staged a flyover."
    )
    assert x.negotiation is None and not x.positions


def test_troops_here_place_a_round_but_not_a_deal() -> None:
    text = ("SEOUL, South Korea (AP) — South Korea and the United States agreed Wednesday that "
            "Seoul will contribute 725.5 billion won next year to the cost of stationing American "
            "troops here, officials said.")
    (e,) = extract(text, report_date=dt.date(2006, 12, 6)).events
    assert (e.kind, e.place) == ("deal_announced", None)
    y = extract("SEOUL, Sept. 25, 2019 (Yonhap) -- South Korea and the United States wrapped up "
                "their first round of talks on sharing the cost of stationing American troops "
                "here on Wednesday.")
    assert [(e.kind, e.place) for e in y.events] == [("round_concluded", "Seoul")]


def test_speakers_before_after_and_around_their_words() -> None:
    x = extract(
        "U.S. negotiators abruptly left talks with South Korea on the cost of keeping U.S. troops "
        "on the peninsula on Tuesday, about 90 minutes into the third round in Seoul.\n"
        '"Unfortunately," James DeHart, the chief U.S. negotiator, told reporters, "the proposals '
        'that were put forward by the Korean team were not responsive to our request."\n'
        'The Korean side said it "regrets" the walkout. Seoul wants a fair deal, said Jeong '
        'Eun-bo.\n"We will keep talking," he added.\n'
        "Foreign ministry spokeswoman Kim In-chul told a briefing that Seoul remained committed "
        "to the talks.\n"
        "The proposal was reported, according to a memoir by John Bolton, his former adviser, "
        "published on Tuesday.",
        report_date=dt.date(2019, 11, 19),
    )
    assert [(s.speaker, s.kind, s.text) for s in x.statements] == [
        ("James DeHart", "quote", "Unfortunately"),
        ("James DeHart", "quote", "the proposals that were put forward by the Korean team were "
                                  "not responsive to our request"),
        ("Korean side", "paraphrase", 'it "regrets" the walkout.'),
        ("Jeong Eun-bo", "paraphrase", "Seoul wants a fair deal"),
        ("Jeong Eun-bo", "quote", "We will keep talking"),
        ("Kim In-chul", "paraphrase", "Seoul remained committed to the talks."),
        ("John Bolton", "paraphrase", "The proposal was reported"),
    ]
    # "remained committed to the talks" is no agreement
    assert [(e.kind, e.round, e.place) for e in x.events] == [
        ("talks_broken_off", 3, "Seoul"), ("round_concluded", 3, "Seoul")]


def test_talks_under_way_in_the_present_and_a_place_opening_the_sentence() -> None:
    x = extract(
        "ANCHOR: In Washington, defense cost negotiators from both countries are meeting again "
        "today, this time for a sixth round.",
        report_date=dt.date(2020, 1, 14),
    )
    assert [(e.kind, e.round, e.place, e.when.date if e.when else None) for e in x.events] == [
        ("talks_opened", 6, "Washington", "2020-01-14")]
    y = extract("Defense cost negotiators from both countries are meeting in Seoul next week for "
                "a sixth round.", report_date=dt.date(2020, 1, 7))
    assert "talks_opened" not in {e.kind for e in y.events}


_CTX = ("South Korea and the United States are negotiating how much Seoul pays for the upkeep "
        "of U.S. troops.\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Negotiators met in Seoul on Dec. 17-18 for the fifth round.",
         [("round_concluded", "2019-12-17", "Seoul", 5)]),
        ("Seoul and Washington wound up their seventh round of talks in Los Angeles on Thursday.",
         [("round_concluded", "2019-12-19", "Los Angeles", 7)]),
        ("The seventh round ended on the 19th in Los Angeles.",
         [("round_concluded", "2019-12-19", "Los Angeles", 7)]),
        ("The U.S. delegation walked away from the negotiating table on Tuesday.",
         [("talks_broken_off", "2019-12-17", None, None),
          ("round_concluded", "2019-12-17", None, None)]),
        ("The deal was approved by the National Assembly on Dec. 2.",
         [("ratification_vote", "2019-12-02", None, None)]),
        ("It will take effect after it is approved by the National Assembly.", []),
        ("Lawmakers voted 173-36 to ratify the agreement on Thursday.",
         [("ratification_vote", "2019-12-19", None, None)]),
        ("Trump nixed the tentative deal last month.", [("deal_rejected", "2019-11", None, None)]),
        ("Trump shot down the deal on Monday.", [("deal_rejected", "2019-12-16", None, None)]),
        ("The allies came to terms on Sunday.", [("deal_announced", "2019-12-15", None, None)]),
        ("Negotiators will sit down again in January.",
         [("talks_scheduled", "2020-01", None, None)]),
    ],
)
def test_event_verbs_and_dates_in_other_wordings(text: str, expected: list[tuple[object, ...]]
                                                  ) -> None:
    x = extract(_CTX + text, report_date=dt.date(2019, 12, 20))
    assert [(e.kind, e.when.date if e.when else None, e.place, e.round) for e in x.events
            ] == expected


def test_a_share_stated_with_a_copula_and_speakers_with_asides() -> None:
    x = extract(_CTX + "Seoul's share for 2019 is 1.0389 trillion won, up 8.2 percent from 960.2 "
                "billion won in 2018.")
    assert [(p.party, p.amount, p.period, p.years, p.factor) for p in x.positions] == [
        ("KOR", 1.0389e12, "year", (2019, 2019), 1.082)]
    y = extract(_CTX + "A senior official in Seoul, speaking on condition of anonymity, said the "
                "gap had narrowed.\nThe gap has narrowed, a Seoul official told Yonhap.\n"
                '"The talks were productive," according to Jeong Eun-bo.')
    assert [s.speaker for s in y.statements] == [
        "A senior official in Seoul", "a Seoul official", "Jeong Eun-bo"]


@pytest.mark.parametrize(
    ("text", "on_topic"),
    [
        ("Germany pays a fraction of the cost of the U.S. garrison on its soil, a Pentagon report "
         "showed.", True),
        ("Korea will shoulder more of the expenses of American bases under a deal reached "
         "Sunday.", True),
        ("The two countries are in talks on how to divide the financial burden of the U.S. "
         "Army's presence in Korea.", True),
        ("The U.S. Army agreed to pay $5 million to settle a lawsuit brought by Korean workers at "
         "Camp Humphreys.", False),
        ("American soldiers in Seoul paid tribute to war veterans in a ceremony on Tuesday, and "
         "officials agreed to hold it every year.", False),
        ("Seoul-based drone startup closes $40 million round\nThe company, whose customers include "
         "the U.S. Army, said the funding was led by a Korean fund.\nIts chief executive said "
         "talks with new investors continued.", False),
    ],
)
def test_topic_from_cues_in_other_words_and_not_from_other_business(text: str, on_topic: bool
                                                                    ) -> None:
    assert (extract(text).negotiation is not None) is on_topic


def test_money_written_with_a_trailing_code_or_a_hyphen_and_a_timestamp_header() -> None:
    x = extract(_CTX + "Washington demanded 5 billion USD, or $4.7-billion by another count.",
                report_date=dt.date(2019, 11, 19))
    assert [(p.amount, p.currency) for p in x.positions][:1] == [(5e9, "USD")]
    from burdenshare.news.numbers import find_money

    assert [(m.money.amount, m.money.currency) for m in find_money("$4.7-billion")] == [
        (4.7e9, "USD")]
    y = extract("2020-01-15T10:05:00+09:00\nThe sixth round of talks on the cost of U.S. troops in "
                "South Korea ended on Wednesday.")
    assert y.report_date == "2020-01-15"
    assert [(e.kind, e.when.date if e.when else None) for e in y.events] == [
        ("round_concluded", "2020-01-15")]


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        ("The U.S. demanded that Seoul quintuple its payment.", 5.0),
        ("The U.S. demanded that Seoul double its contribution.", 2.0),
        ("Seoul's payment will grow 13.9% in 2021.", 1.139),
        ("Seoul's contribution will jump 13.9 per cent this year.", 1.139),
        ("Seoul will keep its payment unchanged in 2020.", 1.0),
        ("The deal freezes Seoul's contribution at the 2019 level for 2020.", 1.0),
        ("Seoul will pay 1.1833 trillion won in 2021, a 13.9-percent increase.", 1.139),
    ],
)
def test_relations_in_other_words(text: str, factor: float) -> None:
    x = extract(_CTX + text, report_date=dt.date(2020, 3, 20))
    assert [round(p.factor, 3) for p in x.positions if p.factor is not None] == [factor]


def test_a_cut_its_round_at_a_high_level_meeting_and_the_base_years_date() -> None:
    x = extract(
        "SEOUL, March 15, 2005 (Yonhap) -- South Korea will cut its annual payment for the upkeep "
        "of U.S. troops to 680.4 billion won, 8.9 percent less than last year, under a provisional "
        "deal struck at the fifth high-level meeting between the two countries on Tuesday."
    )
    # (the meeting the deal was struck at was held too)
    assert [(e.kind, e.when.date if e.when else None, e.round) for e in x.events] == [
        ("deal_announced", "2005-03-15", 5), ("round_concluded", "2005-03-15", 5)]
    assert [(p.amount, p.period, p.factor) for p in x.positions] == [(680.4e9, "year", 0.911)]


def test_a_pronoun_is_the_person_the_sentence_before_names_and_signed_it_is_the_deal() -> None:
    x = extract(
        "HOST: Former President Donald Trump is again targeting Seoul. Speaking in Chicago on "
        "Tuesday, he claimed South Korea would be paying ten billion dollars a year for U.S. "
        "troops if he were in the White House.\nGUEST: That's roughly nine times what Seoul "
        "agreed to earlier this month.",
        report_date=dt.date(2024, 10, 16),
    )
    assert [s.speaker for s in x.statements] == ["Donald Trump"]
    y = extract(
        "TOKYO, Jan. 7, 2022 (Kyodo) -- Japan and the United States on Friday signed a special "
        "agreement on Tokyo's financial support for American forces stationed in the country.\n"
        "Foreign Minister Yoshimasa Hayashi signed it with U.S. Ambassador Rahm Emanuel in Tokyo."
    )
    assert [(e.kind, e.when.date if e.when else None, e.place) for e in y.events] == [
        ("deal_signed", "2022-01-07", "Tokyo")]


def test_a_claim_is_no_event_and_the_deal_that_came_on_a_day_is_dated_by_it() -> None:
    x = extract("U.S. President Donald Trump said on Twitter that South Korea had agreed to pay "
                "more for the American troops stationed there.", report_date=dt.date(2019, 8, 8))
    assert not x.events and [s.speaker for s in x.statements] == ["Donald Trump"]
    y = extract(
        "NEWSREADER: After more than a year of deadlock, Seoul and Washington have struck an "
        "agreement in principle on sharing the cost of the American military presence in Korea.\n"
        "The breakthrough came on Sunday, at the end of three days of meetings in Washington, the "
        "ninth round.",
        report_date=dt.date(2021, 3, 8),
    )
    assert sorted((e.kind, e.when.date if e.when else None) for e in y.events) == [
        ("deal_announced", "2021-03-07"), ("round_concluded", "2021-03-07")]


def test_expiry_lapse_consent_and_a_round_counted_since_a_month() -> None:
    x = extract(
        "SEOUL, South Korea (AP) — South Korea and the United States ended another round of talks "
        "on Wednesday without agreeing on how much Seoul should pay for the American military "
        "presence, with the current deal set to expire at the end of the month.\n"
        "The two-day meeting in Seoul was the fifth since September. Washington has reportedly "
        "asked for about $5 billion a year, more than five times the 1.0389 trillion won ($890 "
        "million) Seoul agreed to pay this year.",
        report_date=dt.date(2019, 12, 18),
    )
    assert sorted((e.kind, e.when.date if e.when else None, e.place, e.round) for e in x.events
                  ) == [("deadline", "2019-12-31", None, None),
                        ("round_concluded", "2019-12-18", "Seoul", 5)]
    y = extract("Since April 1, about 4,000 Korean employees of the U.S. military have been on "
                "unpaid leave because the two governments let their cost-sharing agreement lapse "
                "at the end of 2019.")
    assert [(e.kind, e.when.date if e.when else None) for e in y.events] == [
        ("deadline_passed", "2019-12-31")]
    z = extract("ANCHOR: The National Assembly has given its consent to the 12th defense "
                "cost-sharing agreement with the United States.\nThe 2020 contribution stays "
                "frozen at the 2019 level.", report_date=dt.date(2024, 11, 28))
    assert [(e.kind, e.when.date if e.when else None) for e in z.events] == [
        ("ratification_vote", "2024-11-28")]
    assert [(p.party, p.factor) for p in z.positions] == [("KOR", 1.0)]


def test_a_city_naming_the_talks_and_a_relative_clause_before_said() -> None:
    x = extract(_CTX + "The Honolulu talks ended on Thursday.\nThe Korean talks ended on Friday.",
                report_date=dt.date(2020, 3, 20))
    assert [e.place for e in x.events] == ["Honolulu", None]
    y = extract(_CTX + "Jeong Eun-bo, who leads the Korean team, said the gap had narrowed.")
    assert [s.speaker for s in y.statements] == ["Jeong Eun-bo"]


def test_opening_round_round_over_and_the_subject_of_a_with_clause() -> None:
    x = extract(
        "SEOUL, Sept. 25, 2019 (UPI) -- U.S. and South Korean negotiators concluded their opening "
        "round of talks on the cost of keeping American forces in the country on Wednesday in "
        "Seoul, with Washington reportedly asking for about $4.7 billion."
    )
    assert [(e.kind, e.round, e.place) for e in x.events] == [("round_concluded", 1, "Seoul")]
    assert [(p.party, p.stance, p.amount) for p in x.positions] == [("USA", "demand", 4.7e9)]
    y = extract("REPORTER: The fifth round is over.\nThe delegations met here in Seoul for two "
                "days, and the talks over Korea's payment for the U.S. military presence ended "
                "Wednesday afternoon.", report_date=dt.date(2019, 12, 18))
    assert [(e.kind, e.round, e.place, e.when.date if e.when else None) for e in y.events] == [
        ("round_concluded", 5, "Seoul", "2019-12-18")]


def test_allied_contributions_compared_and_a_payment_rising_under_an_agreement() -> None:
    x = extract(
        "Who pays for America's garrisons?\nA Pentagon tally of allied contributions for 1998 "
        "makes for awkward reading in Berlin. Germany provided $23.3 million in direct support to "
        "U.S. forces on its territory that year, against $2.88 billion from Japan."
    )
    assert [(p.party, p.amount) for p in x.positions] == [("DEU", 23.3e6), ("JPN", 2.88e9)]
    y = extract("Seoul's negotiators did their job last autumn: under the agreement announced in "
                "October 2024, Korea's payment rises to 1.5192 trillion won in 2026, 8.3 percent "
                "above the 2025 level.")
    assert [(p.amount, p.years, p.factor) for p in y.positions] == [
        (1.5192e12, (2026, 2026), 1.083)]
    assert [(e.kind, e.when.date if e.when else None) for e in y.events] == [
        ("deal_announced", "2024-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 2021 payment has been set at 1.1833 trillion won.",
         [(1.1833e12, "year", (2021, 2021))]),
        ("South Korea paid 1.0389 trillion won in 2019 and 2020.",
         [(1.0389e12, "year", (2019, 2020))]),
        ("The budget for USFK support next year is 1.2472 trillion won.",
         [(1.2472e12, "year", (2022, 2022))]),
        ("Seoul will pay 1.1833 trillion won per fiscal year.", [(1.1833e12, "year", None)]),
    ],
)
def test_the_year_of_an_amount_in_other_words(text: str, expected: list[tuple[object, ...]]
                                               ) -> None:
    x = extract(_CTX + text, report_date=dt.date(2021, 3, 10))
    assert [(p.amount, p.period, p.years) for p in x.positions] == expected


def test_a_headline_figure_cut_short_folds_into_the_body_but_neighbours_stay_two() -> None:
    x = extract("Seoul to pay W1.52tr for USFK in 2026\nPublished : Oct. 4, 2024 - 18:20\n\n"
                "South Korea will contribute 1.5192 trillion won in 2026 to the upkeep of the US "
                "Forces Korea, an 8.3 percent rise from the 2025 level, under a new five-year deal "
                "the allies concluded Friday.")
    assert [(p.amount, p.years, p.factor) for p in x.positions] == [
        (1.5192e12, (2026, 2026), 1.083)]
    y = extract("How much does Japan pay to host U.S. forces?\nUnder its current special "
                "agreement with Washington, Japan budgeted ¥197.4 billion for host-nation support "
                "in fiscal 2019 and ¥199.3 billion in fiscal 2020.")
    assert [(p.amount, p.years) for p in y.positions] == [
        (197.4e9, (2019, 2019)), (199.3e9, (2020, 2020))]


def test_nato_targets_countries_and_shares_that_are_no_relations() -> None:
    x = extract(
        "The Hague, 26 June 2025 — A day after allied leaders signed up to a new target of 5% of "
        "GDP for defence by 2035, Spain's prime minister insisted his country would meet its "
        "obligations with about 2.1%.\nUnder the pledge made on Wednesday, at least 3.5% must go "
        "to core defence."
    )
    assert [(e.kind, e.when.date if e.when else None) for e in x.events] == [
        ("deal_announced", "2025-06-25")]
    assert [s.speaker for s in x.statements] == ["Spain's prime minister"]
    assert not [p for p in x.positions if p.factor is not None]


def test_bargaining_over_an_annual_sum_between_allies_is_the_topic() -> None:
    x = extract(
        "LOS ANGELES, March 18, 2020 (Reuters) - U.S. and South Korean negotiators met for a "
        "second day in Los Angeles on Wednesday, with Washington now seeking about $4 billion "
        "annually and Seoul offering a rise of around 10 percent, according to people briefed on "
        "the talks.\nIt is the seventh round of the negotiations."
    )
    assert [(e.kind, e.when.date if e.when else None, e.place, e.round) for e in x.events] == [
        ("talks_opened", "2020-03-18", "Los Angeles", 7)]
    assert [(p.party, p.stance, p.amount, p.factor) for p in x.positions] == [
        ("USA", "demand", 4e9, None), ("KOR", "offer", None, 1.1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington's $5 billion ask stunned Seoul.", [("USA", "demand", 5e9, None)]),
        ("The U.S. put $4 billion on the table.", [("USA", "offer", 4e9, None)]),
        ("Seoul countered with a 10 percent rise.", [("KOR", "offer", None, 1.1)]),
        ("Washington is pushing Seoul to pay $5 billion.", [("USA", "demand", 5e9, None)]),
        ("U.S. negotiators have come down from their initial $5 billion demand.", []),
    ],
)
def test_stances_in_other_words(text: str, expected: list[tuple[object, ...]]) -> None:
    x = extract(_CTX + text, report_date=dt.date(2020, 3, 20))
    assert [(p.party, p.stance, p.amount, p.factor) for p in x.positions] == expected


def test_initials_host_nation_payments_averages_and_settled_disputes() -> None:
    x = extract("ANCHOR: Seoul and Washington today initialed a one-year deal on sharing the costs "
                "of the American troops here.\nChang Won-sam and Timothy Betts put their initials "
                "to the text at the foreign ministry in Seoul.", report_date=dt.date(2019, 2, 10))
    assert [(e.kind, e.when.date if e.when else None, e.place) for e in x.events] == [
        ("deal_signed", "2019-02-10", "Seoul")]
    y = extract("TOKYO, Nov. 16, 2019 (Kyodo) -- The United States has asked Japan to quadruple "
                "its annual host-nation payment to about $8 billion, diplomatic sources said "
                "Saturday.")
    assert [(p.party, p.amount, p.period, p.factor) for p in y.positions] == [
        ("USA", 8e9, "year", 4.0)]
    z = extract("The Japanese and U.S. governments on Tuesday agreed that Japan will bear a total "
                "of ¥1.0551 trillion in costs for U.S. forces in Japan over the five years from "
                "fiscal 2022, averaging ¥211 billion annually.", report_date=dt.date(2021, 12, 22))
    assert [(p.amount, p.period, p.years) for p in z.positions] == [
        (1.0551e12, "total", (2022, 2026)), (211e9, "year", None)]
    w = extract("When Seoul and Washington finally settled their cost-sharing dispute in March "
                "2021, after more than a year without a deal, both sides claimed victory.")
    assert [(e.kind, e.when.date if e.when else None) for e in w.events] == [
        ("deal_announced", "2021-03")]


def test_small_sums_are_no_contribution_and_this_morning_is_the_report_day() -> None:
    x = extract("A U.S. Air Force sergeant and his Korean bride hosted a second round of "
                "celebrations in Osan on Sunday, with guests chipping in 50,000 won each for the "
                "party, and both families agreed to meet again next year.")
    assert x.negotiation is None
    y = extract("ANCHOR: The second round of talks on Korea's share of the upkeep of U.S. Forces "
                "Korea got underway in Seoul this morning.", report_date=dt.date(2024, 5, 21))
    assert [(e.kind, e.when.date if e.when else None) for e in y.events] == [
        ("talks_opened", "2024-05-21")]


def test_requests_guidelines_half_multiples_and_rising_to() -> None:
    x = extract("Tokyo should call Washington's bluff\nThe Trump administration's request that "
                "Japan pay $8 billion a year for the U.S. troops it hosts, some four and a half "
                "times today's amount, was never serious.")
    assert [(p.party, p.amount, p.period, p.factor) for p in x.positions] == [
        ("USA", 8e9, "year", 4.5)]
    y = extract("Europe finally pays up\nStockholm, 18 June 2024 — NATO's European members are "
                "spending more on their armed forces than at any time since the Cold War, with 23 "
                "allies expected to meet the alliance's 2% guideline this year, the secretary "
                "general said.")
    assert y.negotiation is not None and [s.speaker for s in y.statements] == [
        "secretary general"]
    z = extract("South Korea and the United States struck a new five-year agreement on Friday on "
                "sharing the cost of the 28,500 American troops in the country, with Seoul's "
                "payment rising to 1.5192 trillion won in 2026.", report_date=dt.date(2024, 10, 4))
    assert [(p.amount, p.years) for p in z.positions] == [(1.5192e12, (2026, 2026))]


def test_a_date_a_state_runs_from_is_not_the_events() -> None:
    x = extract("When the two governments could not agree on cost sharing, some 4,000 Korean "
                "workers at U.S. bases went unpaid from April 1, 2020, until Seoul agreed to fund "
                "their wages for the rest of the year.")
    assert [(e.kind, e.when.date if e.when else None) for e in x.events] == [
        ("deal_announced", None)]


def test_comparisons_of_allies_totals_and_formulas() -> None:
    x = extract("Real support, not sympathy\nJapan contributed $2.88 billion in direct support to "
                "U.S. forces in fiscal 1998, far more than South Korea's $349 million or Kuwait's "
                "$171 million, according to a Pentagon report.")
    assert [(p.party, p.amount, p.years) for p in x.positions] == [
        ("JPN", 2.88e9, (1998, 1998)), ("KOR", 349e6, (1998, 1998)), ("KWT", 171e6, (1998, 1998))]
    y = extract("NEWSREADER: Japan and the United States have agreed that Japan will pay about 211 "
                "billion yen a year to host American troops over the next five years.\nThe total "
                "comes to 1.0551 trillion yen.\nThe total is 13.3 billion yen more than under the "
                "previous pact.", report_date=dt.date(2021, 12, 21))
    assert [(p.amount, p.period) for p in y.positions] == [(211e9, "year"), (1.0551e12, "total")]
    z = extract("Paris, 24 June 2020 — According to John Bolton's memoir, Donald Trump wanted "
                "allies hosting American troops to pay the full cost plus 50 percent, and sought "
                "$8 billion a year from Japan.")
    assert [s.speaker for s in z.statements] == ["John Bolton"]
    assert [(p.amount, p.factor) for p in z.positions] == [(8e9, None)]


def test_institutions_fundraising_and_a_round_in_the_datelines_city() -> None:
    x = extract(
        "Seoul and Washington reached an agreement in principle on Sunday on a new Special "
        "Measures Agreement, the Ministry of Foreign Affairs said Monday.\nU.S. Forces Korea "
        "gave its employees notice that they will be put on unpaid leave, the command said.",
        report_date=dt.date(2021, 3, 8),
    )
    assert [s.speaker for s in x.statements] == ["Ministry of Foreign Affairs", "U.S. Forces Korea"]
    y = extract(
        "SEOUL, Oct. 2, 2024 -- A museum in Yongsan honoring U.S. and Korean soldiers of the "
        "Korean War raised 2 billion won in a second round of fundraising, its director said, "
        "after talks with donors."
    )
    assert y.negotiation is None
    z = extract(
        "WASHINGTON, June 12, 2024 (Reuters) - South Korea and the United States wrapped up a "
        "third round of talks on how to split the cost of the 28,500 U.S. troops in Korea on "
        "Wednesday."
    )
    assert [(e.kind, e.place, e.round) for e in z.events] == [("round_concluded", "Washington", 3)]


def test_a_frozen_year_a_relative_signing_and_demands_between_allies() -> None:
    x = extract(_CTX + "Korea will pay 1.1833 trillion won this year, 13.9 percent more than in "
                "2020, when its contribution was frozen at the 2019 level.",
                report_date=dt.date(2021, 4, 8))
    assert sorted(round(p.factor, 3) for p in x.positions if p.factor) == [1.0, 1.139]
    y = extract("Seoul has said it will honor the cost-sharing agreement it signed with Washington "
                "in 2024, under which it pays 1.4028 trillion won this year.",
                report_date=dt.date(2025, 7, 15))
    assert [(e.kind, e.when.date if e.when else None) for e in y.events] == [
        ("deal_signed", "2024")]
    z = extract("The US has reduced its demand to around $1.3 billion a year, about 50% more than "
                "what Seoul paid in 2019, while Seoul is sticking to its offer of a 13% increase, "
                "according to a source familiar with the talks.", report_date=dt.date(2020, 5, 26))
    assert [(p.party, p.amount, p.factor) for p in z.positions] == [
        ("USA", 1.3e9, 1.5), ("KOR", None, 1.13)]
    assert [s.speaker for s in z.statements] == ["a source familiar with the talks"]


def test_short_scales_the_bare_us_and_headlines_that_speak_for_no_one() -> None:
    from burdenshare.news.numbers import find_money

    assert [(m.money.amount, m.money.text) for m in find_money("$1.3b a year, $5 bil. now")] == [
        (1.3e9, "$1.3b"), (5e9, "$5 bil.")]
    assert not find_money("5 m people")
    x = extract("US insists on $1 billion, one-year deal\nPosted : 2019-01-22 17:00\n\nThe United "
                "States insisted on a one-year deal on the cost of U.S. troops, officials said.")
    assert [s.speaker for s in x.statements] == ["officials"]
