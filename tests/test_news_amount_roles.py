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
