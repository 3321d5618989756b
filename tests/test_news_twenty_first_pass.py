"""The twenty-first pass's general rules, each with a known result (sentences invented for the
test, not cited as facts)."""

from __future__ import annotations

import datetime as dt

from news_passes import LEAD
from news_passes import events as _events


def test_a_deal_told_by_it_or_its_terms_announced_on_a_day_is_the_deal() -> None:
    lead = ("The National Assembly on Thursday gave its consent to the 12th Special Measures "
            "Agreement, the deal on the cost of U.S. Forces Korea. ")
    for text in ("It had been announced Oct. 4, after eight rounds of negotiations.",
                 "Its terms were announced Oct. 4 after eight rounds of negotiations.",
                 "The two sides signed it on Nov. 4, a month after it was announced on Oct. 4."):
        assert ("deal_announced", "2024-10-04") in _events(lead + text), text


def test_an_offer_made_by_negotiators_then_rejected_is_a_deal_made_on_its_own_date() -> None:
    day = dt.date(2020, 4, 21)
    lead = LEAD + "Trump rejected the offer in April. "
    for text in ("The offer he turned down had been hammered out by working-level negotiators "
                 "in late March.",
                 "The offer, worked out by working-level negotiators late last month, would have "
                 "raised Seoul's contribution by about 13 percent.",
                 "He had rejected a tentative agreement, reached by working-level negotiators in "
                 "March 2020, that would have raised Seoul's payments by 13 percent."):
        # the rejection keeps its own month; the March date is the deal's
        assert _events(text, lead=lead, day=day) == [
            ("deal_rejected", "2020-04"), ("deal_announced", "2020-03")], text
