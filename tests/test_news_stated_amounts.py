"""Amounts of a cost-sharing report that no stance cue claimed: kept as `stated`, with no
party guessed, unless they are a base, a conversion, a difference or a purchase (amounts
invented for the test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

import pytest

from burdenshare.news import extract
from burdenshare.news.records import STATED

CONTEXT = "The talks are on sharing the cost of the U.S. troops stationed in Japan. "
DAY = dt.date(2021, 12, 22)


def _amounts(text: str) -> list[tuple[str | None, str, float | None, str | None, str | None]]:
    x = extract(CONTEXT + text, report_date=DAY)
    return [(p.party, p.stance, p.amount, p.currency, p.period) for p in x.positions]


def test_an_amount_without_a_stance_cue_is_stated_with_no_party() -> None:
    found = _amounts("The figure dwarfs the 197.4 billion yen budgeted for host-nation "
                     "support in fiscal 2019.")
    assert found == [(None, STATED, 197.4e9, "JPY", "year")]
    x = extract(CONTEXT + "The figure dwarfs the 197.4 billion yen budgeted for host-nation "
                "support in fiscal 2019.", report_date=DAY)
    (p,) = x.positions
    assert p.years == (2019, 2019)
    assert "party" not in p.evidence[0].fields


def test_a_yearly_figure_brought_to_the_talks_is_stated() -> None:
    assert _amounts("He brought a number that stunned his hosts: $8 billion a year.") == [
        (None, STATED, 8e9, "USD", "year")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # bases
        "Tokyo offered a raise of roughly 10% on last year's 1.0389 trillion yen.",
        "Washington had most recently asked for about $1.3 billion a year, down from an "
        "initial $5 billion.",
        "The annual average compares with 201.7 billion yen in fiscal 2021.",
        "The deal sets Japan's share at 211 billion yen, up 8.2 percent over the 2021 level "
        "(195 billion yen).",
        # a difference, a gap, a threshold, a purchase
        "The annual average of 211 billion yen is up some 10 billion yen from now.",
        "The new figure is about 10 billion yen more annually than now.",
        "Tokyo is 120 billion yen short.",
        "It is the first time Tokyo's contribution has topped 200 billion yen.",
        "The document also records $25 billion in purchases of American weapons.",
    ],
)
def test_bases_differences_and_purchases_are_no_stated_amount(text: str) -> None:
    assert all(p[1] != STATED for p in _amounts(text))


def test_a_conversion_after_a_comma_is_no_second_amount() -> None:
    found = _amounts("Japan will pay 211 billion yen in 2022, roughly $1.9 billion.")
    assert [(a, c) for _, _, a, c, _ in found] == [(211e9, "JPY")]


def test_a_headline_figure_with_fewer_digits_folds_into_the_body_s() -> None:
    x = extract("Japan, U.S. agree on 1.05 trillion yen host-nation support\n\n" + CONTEXT
                + "Japan will pay 1.0551 trillion yen over five years from fiscal 2022 to host "
                "U.S. troops.", report_date=DAY)
    assert [(p.stance, p.amount) for p in x.positions] == [("agreed", 1.0551e12)]


def test_money_in_a_sentence_on_other_business_is_no_stated_amount() -> None:
    assert _amounts("Tokyo also pledged $550 billion of investment and lower tariffs on "
                    "cars.") == []


def test_a_stated_amount_said_twice_is_one_with_both_sentences() -> None:
    x = extract("Trump's $8 Billion Question\n\n" + CONTEXT + "Bolton brought a number that "
                "stunned his hosts: $8 billion a year.", report_date=DAY)
    (p,) = x.positions
    assert (p.stance, p.amount, p.period) == (STATED, 8e9, "year")
    assert len(p.evidence) == 2


def test_a_yearly_difference_and_a_bracketed_conversion_are_no_amounts() -> None:
    found = _amounts("The deal works out to about 211 billion yen a year, roughly 10 billion yen "
                     "a year more than under the current framework. Japan pays 201.7 billion "
                     "yen this year (that's about 1.9 billion dollars).")
    assert sorted(a for _, _, a, _, _ in found) == [201.7e9, 211e9]


def test_a_total_takes_the_span_said_with_its_deal() -> None:
    x = extract(CONTEXT + "Japan's payments under the previous five-year deal, covering fiscal "
                "2016 to 2020, totaled about 946.5 billion yen.", report_date=DAY)
    assert [(p.amount, p.period, p.years) for p in x.positions] == [
        (946.5e9, "total", (2016, 2020))]


def test_a_contrast_is_no_base_and_a_saying_s_year_is_not_the_amount_s() -> None:
    x = extract(CONTEXT + "Japan will pay 211 billion yen in 2026 — a long way from the $8 "
                "billion a year Trump talked about.", report_date=DAY)
    assert (STATED, 8e9, "year", None) in {(p.stance, p.amount, p.period, p.years)
                                           for p in x.positions}
    x = extract(CONTEXT + 'Trump had said in October last year that Japan "would be paying $8 '
                'billion a year" for the troops.', report_date=DAY)
    assert [(p.amount, p.period, p.years) for p in x.positions] == [(8e9, "year", None)]


def test_a_package_is_a_total() -> None:
    x = extract(CONTEXT + 'Tokyo shared a plan to provide $33 billion in "comprehensive '
                'support" for U.S. forces.', report_date=DAY)
    assert [(p.amount, p.period) for p in x.positions] == [(33e9, "total")]


def test_a_stated_amount_keeps_its_relation_and_a_change_in_money_is_no_amount() -> None:
    x = extract(CONTEXT + "A: 211 billion yen a year, an 8.2 percent increase on last year's "
                "195 billion yen.", report_date=DAY)
    assert [(p.stance, p.amount, p.factor) for p in x.positions] == [(STATED, 211e9, 1.082)]
    x = extract(CONTEXT + "Japan will pay 211 billion yen this year. That is 5.8 percent, or "
                "11.5 billion yen, more than last year.", report_date=DAY)
    assert [(p.amount, p.factor) for p in x.positions] == [(211e9, 1.058)]


def test_a_conversion_in_brackets_does_not_cut_the_amount_from_its_relation() -> None:
    x = extract(CONTEXT + "Japan will pay 211 billion yen ($1.9 billion) this year toward the "
                "upkeep of U.S. forces, an 8.2 percent increase.", report_date=DAY)
    assert [(p.amount, p.factor) for p in x.positions] == [(211e9, 1.082)]
