"""The sixth pass's general rules, each with a known result (sentences invented for the test,
not cited as facts): sharers that are no state, an all-capitals date line, a definite role
that refers back to the speaker before it."""

from __future__ import annotations

import datetime as dt

import pytest

from burdenshare.news import extract
from burdenshare.news.evaluation import found_sets

DAY = dt.date(2023, 6, 8)


@pytest.mark.parametrize(
    "text",
    [
        "A South Korean aircraft maker and its U.S. defense partner have signed a cost-sharing "
        "agreement for their joint bid to supply the U.S. Air Force with jets.",
        "The film's budget of 6 billion won was shared by a Seoul studio and an American "
        "co-producer under a cost-sharing agreement.",
        "Pyeongtaek and Gyeonggi Province failed to agree on how to split the cost of a sewage "
        "plant that serves a U.S. military base; a city official said talks go on.",
    ],
)
def test_a_cost_shared_by_no_state_is_no_allied_negotiation(text: str) -> None:
    x = extract(text, report_date=DAY)
    assert x.negotiation is None
    assert not (x.events or x.positions or x.statements)


def test_a_state_sharing_the_cost_is_still_found() -> None:
    x = extract("South Korea and the United States signed a cost-sharing agreement for the "
                "upkeep of U.S. troops, a ministry official said.", report_date=DAY)
    assert x.negotiation is not None


def test_a_date_line_in_capitals_is_the_report_s_date() -> None:
    x = extract("U.S. walks out of cost-sharing talks with South Korea\n\n"
                "NOVEMBER 19, 2019 / 4:05 AM / UPDATED\n\n"
                "SEOUL (Reuters) - U.S. negotiators walked out of talks on sharing the cost of "
                "U.S. troops on Tuesday.")
    assert x.report_date == "2019-11-19"


def test_the_official_is_the_official_who_spoke_before() -> None:
    x = extract("South Korea and the United States signed a cost-sharing deal for U.S. troops. "
                "A ministry official said the deal was fair. \"It is balanced,\" the official "
                "said.", report_date=DAY)
    assert {s.speaker for s in x.statements} == {"A ministry official"}
    assert found_sets(x)["speaker"] == {"ministry official"}


def _events(text: str) -> set[tuple[str, str | None]]:
    x = extract("South Korea and the United States are in talks on sharing the cost of U.S. "
                "troops. " + text, report_date=dt.date(2021, 3, 8))
    return {(e.kind, e.when.date if e.when else None) for e in x.events}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The current one-year deal, signed in March 2019, expires on Dec. 31, 2019.",
         ("deal_signed", "2019-03")),
        ("The agreement, worked out with Washington in December 2020, raises the payment.",
         ("deal_announced", "2020-12")),
        ("The agreement was worked out in December 2020 and signed in January 2021.",
         ("deal_signed", "2021-01")),
        ("Talks stalled after Donald Trump rejected, in April 2020, a working-level proposal "
         "for a 13 percent increase.", ("deal_rejected", "2020-04")),
        ("South Korean negotiators met their U.S. counterparts in Los Angeles in March 2020.",
         ("round_concluded", "2020-03")),
        ("The five-year pact, covering 2026 to 2030, was reached on Oct. 4, 2024.",
         ("deal_announced", "2024-10-04")),
        ("The agreement, which covers fiscal 2022 through 2026, was reached by the two "
         "governments in December 2021.", ("deal_announced", "2021-12")),
        ("The agreement, which the two governments reached in December 2021, was signed on "
         "Jan. 7, 2022.", ("deal_announced", "2021-12")),
        ("The fixed rate of increase was settled when defense ministers met in November 1995.",
         ("deal_announced", "1995-11")),
        ("The Agreement will remain valid for one year, until December 31, 2019.",
         ("deadline", "2019-12-31")),
        ("The new goal doubles the two-percent guideline that allies adopted at their summit "
         "in Wales in September 2014.", ("deal_announced", "2014-09")),
        ("When the allies met in Wales in September 2014, they pledged merely to halt the "
         "decline.", ("deal_announced", "2014-09")),
        ("The one-year extension now in force expires at the end of March 2022.",
         ("deadline", "2022-03-31")),
        ("Trump rejected in April last year a proposal by Seoul to raise its contribution.",
         ("deal_rejected", "2020-04")),
        ("Negotiators worked out a tentative deal, but then-President Trump turned it down.",
         ("deal_rejected", None)),
        ("In March 2020 the two sides reached a tentative deal; in April, President Donald "
         "Trump turned it down.", ("deal_rejected", "2020-04")),
        ("Foreign ministry officials said the fourth round would still go ahead in Washington "
         "early next month as planned.", ("talks_scheduled", "2021-04")),
        ("Tokyo and Washington will start talks on a new agreement later this year, an "
         "official said.", ("talks_scheduled", "2021")),
    ],
)
def test_events_told_in_a_participle_a_parenthesis_or_with_counterparts(
    text: str, event: tuple[str, str | None]
) -> None:
    assert event in _events(text)


def test_a_participle_without_its_own_date_is_no_second_event() -> None:
    found = _events("The deal, reached after ten rounds of talks, will run through 2025.")
    assert not any(kind == "deal_announced" and date == "2025" for kind, date in found)


def _money(text: str) -> set[tuple[float | None, float | None]]:
    x = extract("South Korea and the United States are in talks on sharing the cost of U.S. "
                "troops. " + text, report_date=dt.date(2019, 2, 10))
    return {(p.amount, p.factor) for p in x.positions}


def test_a_threshold_and_a_base_after_a_change_are_no_positions() -> None:
    found = _money("Seoul will pay 1.0389 trillion won this year. The amount marks an 8.2 "
                   "percent increase from the 960.2 billion won South Korea paid last year and "
                   "is the first time the annual contribution has exceeded 1 trillion won.")
    assert (1.0389e12, None) in found
    assert not any(a in (960.2e9, 1e12) for a, _ in found)


def test_a_contrast_is_no_base() -> None:
    found = _money("Trump's claim is far from the 1.5192 trillion won South Korea agreed to "
                   "pay in 2026.")
    assert any(a == 1.5192e12 for a, _ in found)


def test_a_trailing_change_in_apposition_is_the_amount_s_relation() -> None:
    found = _money("Seoul will pay 1.0389 trillion won this year toward the cost of stationing "
                   "U.S. troops in the country, an increase of 8.2 percent.")
    assert (1.0389e12, 1.082) in found


@pytest.mark.parametrize(
    "text",
    [
        "Japanese automaker, U.S. chip partner agree to split development costs\n\n"
        "TOKYO, March 6 (Kyodo) -- A Japanese automaker and its U.S. semiconductor partner said "
        "Thursday they have signed a cost-sharing agreement after several rounds of talks.",
        "Wage talks between U.S. Forces Korea and the union of its Korean employees broke down "
        "Tuesday after a fourth round of negotiations, union officials said. USFK has offered "
        "2.5 percent.",
        "REVIEW\n\nA slow drama set outside a U.S. base, in which the film's producers shared "
        "the cost of a 9 billion won budget under a cost-sharing deal after rounds of talks.",
    ],
)
def test_a_report_whose_lede_is_other_business_is_off_topic(text: str) -> None:
    assert extract(text, report_date=DAY).negotiation is None


def test_the_allies_cost_sharing_named_keeps_a_report_with_trade_in_its_lede() -> None:
    x = extract("Seoul and Washington, also locked in a trade dispute over tariffs, held the "
                "fifth round of talks on the Special Measures Agreement on sharing the cost of "
                "U.S. troops.", report_date=DAY)
    assert x.negotiation is not None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Jeong Eun-bo, Seoul's top negotiator and a former finance ministry official who took "
         "over the talks last month, said the U.S. side had insisted on a drastic increase.",
         "Jeong Eun-bo"),
        ("The State Department, for its part, said the deal reflected a shared commitment.",
         "State Department"),
        ("His counterpart, Linda Specht of the State Department, said in a statement that the "
         "agreement would strengthen the alliance.", "Linda Specht"),
        ("Donald Trump declared that Korea would be paying $10 billion a year.", "Donald Trump"),
    ],
)
def test_speakers_with_a_long_apposition_an_aside_an_organisation_or_another_verb(
    text: str, speaker: str
) -> None:
    x = extract("South Korea and the United States are in talks on sharing the cost of U.S. "
                "troops. " + text, report_date=DAY)
    assert speaker in {s.speaker for s in x.statements}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will make every effort," a senior South Korean government official told the '
         "Hankyoreh on condition of anonymity.", "senior South Korean government official"),
        ('"It is a serious matter," the government\'s top spokesman told a news conference.',
         "government's top spokesman"),
        ("A senior Japanese government official declined to comment on the book but said that "
         "Japan's contribution is appropriate.", "senior Japanese government official"),
    ],
)
def test_an_unnamed_office_qualified_as_written(text: str, speaker: str) -> None:
    x = extract("Japan and the United States are in talks on sharing the cost of U.S. troops. "
                + text, report_date=DAY)
    assert [s.speaker.removeprefix("A ").removeprefix("a ") for s in x.statements] == [speaker]


def test_a_dateline_s_year_agrees_with_the_lede_s_weekday_or_is_not_guessed() -> None:
    lede = ("HONOLULU, April 25 (Yonhap) -- South Korea and the United States wrapped up their "
            "first round of talks on sharing the cost of U.S. troops on Thursday.")
    # April 25 fell on a Thursday in 2024, on a Sunday in 2021: 2021 is no guess
    assert extract(lede + " The last deal was signed in March 2021.").report_date is None
    assert extract(lede + " The talks began in April 2024.").report_date == "2024-04-25"


@pytest.mark.parametrize(
    "text",
    [
        "South Korean firm signs $6.5 billion tank deal with NATO member after months of talks\n\n"
        "WARSAW, Aug 1 (Reuters) - A South Korean defence company signed a $6.5 billion contract "
        "on Friday to supply 180 battle tanks to a NATO member. \"This agreement means NATO "
        "allies carry more of the burden,\" an official said.",
        "Korean biotech signs cost-sharing pact with U.S. drugmaker\n\nA Seoul-based biotech "
        "company has signed an agreement with a U.S. pharmaceutical group under which the two "
        "will share the cost of clinical trials, after rounds of talks, the company said.",
    ],
)
def test_nato_or_cost_sharing_in_passing_keeps_other_business_off_topic(text: str) -> None:
    assert extract(text, report_date=DAY).negotiation is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Opposition lawmakers argued during Diet deliberations that the support should be cut.",
         "Opposition lawmakers"),
        ("Opposition lawmakers criticized the accord for failing to give parliament oversight.",
         "Opposition lawmakers"),
        # (a deal the two reached is told, not said by them: the thirtieth pass, 5 of 7 writers)
        ("The two sides remain far apart, both governments said on Sunday.",
         "both governments"),
        ('Kang praised the deal, while Harris called it "a fair deal" for the alliance.',
         "Harris"),
        ("Seoul offered 1.17 trillion won, according to diplomatic sources here.",
         "diplomatic sources"),
        ("A spokesperson said the deal reaffirmed the alliance.", "A spokesperson"),
        ("The government countered that the support is essential.", "government"),
    ],
)
def test_groups_of_lawmakers_governments_and_sides_speak(text: str, speaker: str) -> None:
    x = extract("Japan and the United States are in talks on sharing the cost of U.S. troops. "
                + text, report_date=DAY)
    assert speaker in {s.speaker for s in x.statements}


def test_an_obligation_or_a_purpose_to_begin_talks_is_no_plan() -> None:
    assert not any(k == "talks_scheduled" for k, _ in _events(
        "The two governments will have to start bargaining over a successor within months."))
    assert not any(k == "talks_scheduled" for k, _ in _events(
        "Lee sat down with Specht in Washington on Monday to begin three days of talks."))


@pytest.mark.parametrize(
    "statement",
    [
        "The session, the third round of negotiations on a new deal, had been due to run for "
        "two days.",
        "The third round of negotiations was meant to run for two days.",
    ],
)
def test_a_round_stated_after_the_event_in_a_sentence_of_its_own(statement: str) -> None:
    x = extract("SEOUL, Nov. 19, 2019 (AFP) - U.S. negotiators walked out of talks with South "
                "Korea on sharing the cost of U.S. troops on Tuesday. Seoul said it regretted "
                "the walkout. " + statement)
    assert {(e.kind, e.round) for e in x.events} >= {("talks_broken_off", 3),
                                                     ("round_concluded", 3)}
