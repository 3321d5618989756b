"""The role an amount of money plays in a sentence, when that role is not a position.

An amount may be the base of a change ("up from 960.2 billion won"), a conversion of the amount
before it ("1.14 trillion won ($1 billion)"), a difference or a gap ("$1 billion more than"), a
threshold ("has topped 1 trillion won") or a purchase ("$2 billion worth of weapons"). The rules
here tell those apart so that `positions` reads none of them as what a party asks, offers or pays.
"""

from __future__ import annotations

import re

from burdenshare.news.numbers import MoneyMatch

_BASE_CUE = re.compile(
    # (or the level a sum is set above: "slightly above the 199.3 billion yen earmarked for
    # fiscal 2020", "8.3 per cent above the 1.4028 trillion won"; 8 of 8 dev writers list no
    # such sum)
    r"(?:\bup from|\bdown from|\bfrom|\bover|\bthan|\babove|\bcompared with|"
    r"\bcompared to)\s+(?:the\s+)?$|"
    # "down from an initial $5 billion", "compares with 201.7 billion yen in fiscal 2021"
    r"\b(?:from|over|than|compare[sd]?\s(?:with|to)|against|versus)\s+(?:the\s|an?\s|its\s|"
    r"their\s|his\s|her\s)?(?:initial|original|opening|first|earlier|previous|current|"
    r"existing|old)\s+$|"
    r"\bcompares\s(?:with|to)\s+(?:the\s+)?$|"
    # "a raise of roughly 10% on last year's 1.0389 trillion won"
    # (or "8.2 percent above last year's 960.2 billion won")
    # (or next year's, a year's by number: "8.3 percent more than next year's 1.4028 trillion
    # won", "up 8.3% from 2025's 1.4028 trillion won", "more than the 2025 level of ...")
    r"\b(?:on|over|from|than|above|below)\s(?:(?:last|this|next|the\sprevious|the\scurrent)\s"
    r"year|(?:19|20)\d\d)['’]s\s+$|"
    r"\b(?:on|over|from|than|above|below)\sthe\s(?:(?:19|20)\d\d\s)?(?:level|figure|amount)\s"
    r"of\s+$|"
    # a rise in percent on its base: "an increase of around 10 percent on the 1.0389 trillion
    # won it paid last year", "about 10 percent over its 2019 payment of 1.0389 trillion won"
    # (55 of 55 dev writers list no such base)
    r"(?:%|\bpercent|\bper\scent)(?:\s(?:increase|rise|hike|raise))?\s(?:on|over)\s(?:the\s|its\s|"
    r"their\s)?(?:(?:19|20)\d\d\s)?(?:(?:payment|contribution|level|figure)\sof\s)?"
    r"(?:about\s|around\s|some\s|roughly\s)?$|"
    # the sum a rise is worked out on: "The 13 percent increase would have been calculated on
    # the 1.0389 trillion won Seoul paid for 2019"
    r"\b(?:calculated|computed|based|reckoned)\son\s(?:the\s)?$|"
    # "an 8.9 percent cut from last year, when it paid the equivalent of about $620 million"
    r"\b(?:from|over|on|than)\s(?:last\syear|the\sprevious\syear|(?:19|20)\d{2}),\swhen\s"
    r"[^,;]{0,50}$",
    re.I,
)
# a contrast, not a base: "a long way from the $10 billion a year Trump talked about"
_CONTRAST = re.compile(
    r"\b(?:far|a\slong\sway|a\sfar\scry|very\sdifferent|distant)\s(?:from|than)\s(?:the\s)?$",
    re.I)


def is_base(text: str, at: int) -> bool:
    """Whether the amount at `at` is the base of a change ("up from", "on last year's"), so no
    position of its own; "far from the ..." is a contrast, not a base."""
    before = text[max(0, at - 80) : at]
    return _BASE_CUE.search(before) is not None and _CONTRAST.search(before) is None


# "five times the 1.0389 trillion won Seoul pays": the amount after a relation is its base
# (or the year's: "about five times this year's 1.0389 trillion won")
RELATION_BASE = re.compile(
    r"(?:times|fold|per ?cent|%|increase|rise|more|less)\s(?:than\s)?"
    r"(?:the\s|of\s|(?:this|last|next)\syear['’]s\s)?$", re.I
)


# a difference right after an amount ("$1 billion more than", "$1 billion less a year")
# ("13.3 billion yen larger in total than under the current agreement")
DIFFERENCE = re.compile(
    r"\s(?:more|less|higher|lower|larger|smaller|bigger)\s(?:in\stotal\s|overall\s)?"
    r"(?:than|a year\b)", re.I)


# the gap between an amount and its restatement in another currency: ", or about", " in 2026,
# roughly"
_RESTATED_IN_OTHER_CURRENCY = re.compile(
    r"(?:\s(?:in|for)\s(?:fiscal\s)?(?:19|20)\d{2})?,?\s(?:or\s)?(?:about|roughly|around|some|"
    r"nearly|approximately|equivalent\sto|worth)?\s?"
)


# "1.0389 trillion won this year (that's about 925 million dollars)"
_BRACKETED_CONVERSION = re.compile(
    r"[^()]{0,30}\(\s?(?:that(?:'s|’s|\sis)\s|or\s|i\.e\.,?\s)?(?:about|roughly|around|some|nearly|"
    r"approximately|equivalent\sto|worth)?\s?",
    re.I,
)


def is_conversion(text: str, monies: list[MoneyMatch], i: int) -> bool:
    """Whether amount `i` restates the one before it in another currency ("1.14 trillion won
    ($1 billion)", "$5 billion, or about 5.8 trillion won"), so it is no second position."""
    if i == 0:
        return False
    gap = text[monies[i - 1].end : monies[i].start]
    return gap.strip(" ,") in ("(", "[", "or about", "or", "or roughly", "or around", "about") or (
        _BRACKETED_CONVERSION.fullmatch(gap) is not None) or (
        monies[i - 1].money.currency != monies[i].money.currency
        and _RESTATED_IN_OTHER_CURRENCY.fullmatch(gap) is not None
    )


BRACKET_AFTER = re.compile(r"^\s?\([^()]*\)")  # a conversion right after the amount


# what follows an amount that is no party's position: a purchase ("$2 billion worth of
# weapons"), a difference ("$1 billion more than"), a loss or a price of something else
NOT_A_POSITION_AFTER = re.compile(
    r"\s(?:worth|(?:in|of)\s(?:\w+\s)?(?:purchases?|arms|weapons|investments?|exports?|imports?|"
    r"sales|tariffs?))\b|"
    # a difference or a gap: "about 10 billion yen more annually than now", "roughly 10
    # billion yen a year more than", "1.2 trillion won short", "a $1 billion gap"
    r"\s(?:(?:a|per|each)\s(?:fiscal\s)?year\s|[a-z]+ly\s)?(?:more|less|higher|lower|above|"
    r"below|short|shortfall|gap|apart|deficit)\b|"
    # an exchange rate: "($1 = 1,125.6000 won)"
    r"\s?=",
    re.I,
)
# what goes before an amount that is no position: a change ("up some 10 billion yen from",
# "an increase of 8.2 percent (78.7 billion won)"), a threshold ("has topped 1 trillion won")
NOT_A_POSITION_BEFORE = re.compile(
    r"(?:\b(?:up|down|rise|rose|increase|increased|decrease|cut|jump|gain)\s(?:of\s|by\s)?"
    r"(?:about\s|some\s|roughly\s|nearly\s|around\s)?|"
    r"\d\s?(?:%|percent|per\scent)(?:\s\(|,\s(?:or\s)?(?:about\s|some\s|roughly\s)?)|"
    # a base given in brackets: "over the 2018 level (960.2 billion won)"
    r"\b(?:from|over|than|compared\s(?:with|to))\s[^,;()]{0,30}\($|"
    # ("topping 1 trillion won for the first time", "exceeding the 201.7 billion yen budgeted
    # for fiscal 2021"; a timeline's "2019 - PAST 1 TRILLION WON")
    r"\b(?:top|tops|topped|topping|exceed|exceeds|exceeded|exceeding|surpass|surpassed|"
    r"surpassing|pass|passed|passing|crossed|crossing|breach|breached|breaching)\s(?:the\s)?"
    r"(?:mark\sof\s)?|(?:^|\s[-–—:]\s)(?i:past)\s|"
    # "the figure has gone over 1 trillion won", "pushed the figure above 1 trillion won"
    # (the money may hold its "over": "has gone over 1 trillion won")
    r"\b(?:gone|went|go|goes|going|pushed\s(?:the\s)?(?:figure|amount|total|bill|share))\s"
    r"(?:(?:over|above|past|beyond)\s)?|"
    r"\b(?:climbed|risen|rose)\s(?:over|above|past|beyond)\s|"
    # a purchase: "to buy $25 billion of American weapons"
    r"\b(?:buy|buys|bought|buying|purchase|purchases|purchased|purchasing)\s"
    r"(?:about\s|some\s|roughly\s|nearly\s|up\sto\s)?|"
    # "the first above 1 trillion won"; the rate's other side: "($1 = 1,125.6000 won)"
    r"\b(?:first|highest|lowest|ever)\s(?:above|over|below|under)\s|=\s?)$",
    re.I,
)
