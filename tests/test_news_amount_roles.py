"""The roles an amount plays that make it no position (news.amount_roles), each with a known
result: a base, a contrast, a conversion."""

from __future__ import annotations

import pytest

from burdenshare.news.amount_roles import is_base, is_conversion
from burdenshare.news.numbers import find_money


@pytest.mark.parametrize(
    ("text", "figure", "base"),
    [
        ("Seoul will pay 1.1833 trillion won, up from 1.0389 trillion won.", "1.0389", True),
        ("a raise of 8 percent on last year's 960.2 billion won", "960.2", True),
        ("down from an initial $5 billion", "$5", True),
        ("an 8.9 percent cut from last year, when it paid about 620 million dollars", "620",
         True),
        # a contrast is no base
        ("a long way from the $10 billion a year Trump talked about", "$10", False),
        ("Seoul will pay 1.1833 trillion won this year.", "1.1833", False),
    ],
)
def test_is_base(text: str, figure: str, base: bool) -> None:
    assert is_base(text, text.index(figure)) is base


def test_a_bracketed_dollar_figure_after_won_is_a_conversion() -> None:
    text = "Seoul will pay 1.0389 trillion won ($925 million) this year."
    monies = find_money(text)
    assert [is_conversion(text, monies, i) for i in range(len(monies))] == [False, True]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Seoul will pay 1.0389 trillion won. ($1 = 1,125.6000 won)", "$1 "),
        ("Seoul will pay 1.0389 trillion won. ($1 = 1,125.6000 won)", "1,125.6000"),
        ("The amount is the first above 1 trillion won.", "1 trillion"),
        ("The amount is 8.2 percent higher than last year's 960.2 billion won.", "960.2"),
    ],
)
def test_a_rate_a_threshold_and_last_year_s_base_are_no_positions(text: str, figure: str) -> None:
    from burdenshare.news import extract

    x = extract("South Korea and the United States share the cost of U.S. troops. " + text)
    assert not [p for p in x.positions if p.figure and figure.strip() in p.figure]
