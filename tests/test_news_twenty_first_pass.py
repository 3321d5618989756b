"""The twenty-first pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

from news_passes import events as _events


def test_a_deal_told_by_it_or_its_terms_announced_on_a_day_is_the_deal() -> None:
    lead = ("The National Assembly on Thursday gave its consent to the 12th Special Measures "
            "Agreement, the deal on the cost of U.S. Forces Korea. ")
    for text in ("It had been announced Oct. 4, after eight rounds of negotiations.",
                 "Its terms were announced Oct. 4 after eight rounds of negotiations.",
                 "The two sides signed it on Nov. 4, a month after it was announced on Oct. 4."):
        assert ("deal_announced", "2024-10-04") in _events(lead + text), text
