"""The ninth pass's general rules, each with a known result (sentences invented for the test,
not cited as facts)."""

from __future__ import annotations

import datetime as dt

from burdenshare.news import extract

DAY = dt.date(2021, 3, 10)
LEAD = ("South Korea and the United States are negotiating how to share the cost of stationing "
        "U.S. troops in Korea. ")


def test_two_countries_sharing_a_bill_without_the_us_or_an_alliance_is_another_bill() -> None:
    text = ("SEOUL, Nov. 8 -- South Korea and China ended a round of fisheries talks on Friday. "
            "Seoul is also pushing Beijing to share the cost of a joint patrol program, which the "
            "ministry puts at 3.2 billion won a year.")
    assert extract(text).negotiation is None


def test_one_party_paying_under_the_deal_is_still_on_topic() -> None:
    text = ("SEOUL, Feb. 10, 2019 (Yonhap) -- Under the deal initialed Sunday, Seoul's share "
            "rises to 1.0389 trillion won this year.")
    assert extract(text).negotiation is not None
