"""The general money, stance and relation rules of the third pass, each with a known result
(amounts invented for the test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

import pytest

from burdenshare.news import extract
from burdenshare.news.numbers import find_money

CONTEXT = "The talks are on sharing the cost of the U.S. troops stationed in South Korea. "
DAY = dt.date(2021, 4, 8)


def _positions(text: str) -> list[tuple[str, float | None, str | None, float | None]]:
    x = extract(CONTEXT + text, report_date=DAY)
    return [(p.party, p.amount, p.period, p.factor) for p in x.positions]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [("a trillion won", 1e12, "KRW"), ("USD 1 billion-plus", 1e9, "USD"),
     ("a million", None, None)],
)
def test_money_with_the_article_as_its_number(
    text: str, value: float | None, currency: str | None
) -> None:
    found = [(m.money.amount, m.money.currency) for m in find_money(text)]
    assert found == ([] if value is None else [(value, currency)])


@pytest.mark.parametrize(
    "text",
    [
        "Seoul's payment climbs to 1.2 trillion won this year.",
        "The vote puts Seoul's share for this year at 1.2 trillion won.",
        "Seoul's contribution this year reaches 1.2 trillion won.",
        "South Korea will shell out 1.2 trillion won this year.",
        "The rise takes the total to 1.2 trillion won this year.",
    ],
)
def test_a_payment_noun_or_stance_lemma_gives_the_amount(text: str) -> None:
    assert ("KOR", 1.2e12, "year", None) in _positions(text)


def test_a_threshold_and_a_cap_are_neither_amount_nor_relation() -> None:
    assert _positions("It is the first time Seoul's contribution has topped 1 trillion won.") == []
    found = _positions("The deal set Seoul's payment at 1.2 trillion won for this year and capped "
                       "yearly increases at 4 percent.")
    assert found == [("KOR", 1.2e12, "year", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every form of a lemma-listed stance verb
        ("The deal has Seoul shouldering 1.2 trillion won this year.",
         ("KOR", 1.2e12, "year", None)),
        ("Washington is holding out for $5 billion a year.", ("USA", 5e9, "year", None)),
        # the agent of a participle after the amount
        ("The $5 billion a year sought by Washington is five times the current level.",
         ("USA", 5e9, "year", 5.0)),
        # the direction of a bare percentage from its verb, also inside a payment-noun cue
        ("Seoul's payment fell 8.9 percent to 700 billion won this year.",
         ("KOR", 700e9, "year", 0.911)),
        ("Seoul's payment was cut 8.9 percent to 700 billion won.", ("KOR", 700e9, None, 0.911)),
        # periods: "yearly", "over the life of the five-year deal", "during 2022-2026"
        ("Seoul will pay 1.2 trillion won yearly.", ("KOR", 1.2e12, "year", None)),
        ("Seoul will pay 6 trillion won over the life of the five-year deal.",
         ("KOR", 6e12, "total", None)),
        # the rise of the years after, and a share borne, are no relation
        ("Seoul will pay 1.2 trillion won in 2022, with a 10 percent increase each year after "
         "that.", ("KOR", 1.2e12, "year", None)),
    ],
)
def test_general_stance_period_and_relation_rules(
    text: str, expected: tuple[str, float, str | None, float | None]
) -> None:
    assert expected in _positions(text)


def test_a_share_borne_is_no_relation_but_paying_more_is() -> None:
    assert [f for *_, f in _positions("Seoul pays 40 percent of the cost.")] in ([], [None])
    assert ("KOR", None, None, 1.13) in _positions("Seoul is prepared to pay 13 percent more.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seoul will hand the United States 1.2 trillion won this year.",
         [("KOR", 1.2e12, "year", None)]),
        ("Seoul will put up more than $200 million.", [("KOR", 2e8, None, None)]),
        ("Korea will invest $350 billion in American shipyards.", []),
        ("Seoul is 1.2 trillion won short.", []),
    ],
)
def test_a_party_s_amount_whatever_its_verb(
    text: str, expected: list[tuple[str, float, str | None, float | None]]
) -> None:
    assert _positions(text) == expected


def test_a_gapped_list_of_allies() -> None:
    found = _positions("In fiscal 1998 South Korea provided $349 million in direct support to "
                       "U.S. forces, Japan $2.88 billion and Kuwait $171 million.")
    assert [(p, a) for p, a, *_ in found] == [("KOR", 349e6), ("JPN", 2.88e9), ("KWT", 171e6)]


def test_a_cap_said_as_no_more_than_is_no_relation() -> None:
    found = _positions("The deal sets Seoul's payment at 1.2 trillion won for this year; later "
                       "payments rise with prices, by no more than 4 percent a year.")
    assert [f for *_, f in found] == [None]
