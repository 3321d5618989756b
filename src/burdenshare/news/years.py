"""Years and periods of stated amounts that another sentence of the report gives.

The deal "runs from 2021 through 2025" and an amount is "for the first year"; an amount "for that
year" after a sentence naming 1998; a demand "lowered to about $4 billion" keeps the period of the
demand told before; "the sum is spread over ten years" makes the amount before a total.
"""

from __future__ import annotations

import re
from dataclasses import replace

from burdenshare.news.numbers import (
    NUMBER_WORD_PATTERN,
    find_money,
)
from burdenshare.news.periods import FISCAL, SAID_BETWEEN, YEAR_NUM
from burdenshare.news.records import Position
from burdenshare.news.sentences import Sentence

# the years a deal covers, said of the deal: "The deal runs from 2021 through 2025", "the
# agreement covers 2026 to 2030", "a six-year accord for 2020-2025"
_DEAL_SPAN = re.compile(
    r"\b(?:deal|agreement|accord|pact|SMA|arrangement)\b[^.;]{0,60}?\b(?:runs?|running|ran|"
    r"covers?|covering|covered|lasts?|lasting|applies|applying|spans?|spanning|"
    r"is\s(?:valid|effective)|will\sbe\s(?:valid|effective)|for|from)\s"
    rf"(?:from\s)?{FISCAL}(?P<y1>{YEAR_NUM})\s?(?:to|through|until|and|-|–)\s?"
    rf"{FISCAL}(?P<y2>{YEAR_NUM})\b",
    re.I,
)
_ANY_SPAN = re.compile(rf"\b({YEAR_NUM})\s?(?:to|through|until|-|–)\s?({YEAR_NUM})\b")
# which year of the deal an amount is for: "in the first year", "for the deal's final year"
_DEAL_YEAR = re.compile(
    r"\b(?:in|for)\s(?:the|its|the\s(?:deal|agreement|accord|pact)['’]s)\s"
    r"(?P<which>first|opening|initial|last|final)\syear\b",
    re.I,
)
# the deal's whole span, named: "over the period", "over the life of the deal"
_DEAL_WHOLE = re.compile(
    r"\b(?:over|during|for|across)\s(?:the\s(?:whole\s|entire\s)?(?:period|term|span)|"
    r"the\s(?:life|length|course|duration)\sof\s(?:the\s)?(?:deal|agreement|accord|pact))\b",
    re.I,
)


def with_deal_years(
    sentences: tuple[Sentence, ...], positions: tuple[Position, ...]
) -> tuple[Position, ...]:
    """Amounts whose years the report gives in another sentence, as the span of the deal: the
    deal "runs from 2021 through 2025" and Seoul pays an amount "in the first year" (2021, a
    yearly amount) or a total "over the period" (2021-2025). Only when the report states one
    span; the sentence stating it joins the position's evidence."""
    spans = {
        (int(m.group("y1")), int(m.group("y2"))): s
        for s in sentences
        for m in _DEAL_SPAN.finditer(s.text)
        if int(m.group("y1")) < int(m.group("y2"))
    }
    if len(spans) != 1:
        return positions
    ((first, last), source), = spans.items()
    named = {(int(m.group(1)), int(m.group(2))) for s in sentences
             for m in _ANY_SPAN.finditer(s.text)}
    if named - {(first, last)}:
        return positions  # another span of years named ("the new one covers 2026 to 2030")
    by_index = {s.index: s for s in sentences}
    out = []
    for p in positions:
        own = by_index.get(p.evidence[0].index) if p.evidence else None
        if own is None or p.amount is None or p.years is not None:
            out.append(p)
            continue
        which = _DEAL_YEAR.search(own.text)
        years: tuple[int, int] | None = None
        period = p.period
        if which and p.period in (None, "year"):
            y = first if which.group("which").lower() in ("first", "opening", "initial") else last
            years, period = (y, y), "year"
        elif p.period == "total" and _DEAL_WHOLE.search(own.text):
            years = (first, last)
        if years is None:
            out.append(p)
            continue
        evidence = source.evidence("years")
        out.append(replace(p, period=period, years=years,
                           evidence=(*p.evidence, evidence)
                           if source.index != own.index else p.evidence))
    return tuple(out)


def with_that_year(
    sentences: tuple[Sentence, ...], positions: tuple[Position, ...]
) -> tuple[Position, ...]:
    """Amounts "for that year" / "that year" whose sentence names no year: the last year the
    report named before ("A Pentagon tally ... for 1998 ..." + "Germany provided $23.3 million
    ... that year"). The sentence naming the year joins the evidence."""
    out = []
    for p in positions:
        own = p.evidence[0] if p.evidence else None
        if (own is None or p.amount is None or p.years is not None or p.period not in (None, "year")
                or not _THAT_YEAR_ANY.search(own.sentence)
                # ("more than five times what Seoul paid that year": the base's year)
                or re.search(r"\b(?:than|times\swhat|on\swhat|over\swhat)\b[^.;]{0,40}?\b(?:that|"
                             r"the\ssame)\s(?:fiscal\s)?year\b", own.sentence)
                or re.search(rf"\b{YEAR_NUM}\b", own.sentence)
                or _dates_the_saying(own.sentence, p.figure)):
            out.append(p)
            continue
        earlier = [(s, m) for s in sentences if s.index < own.index
                   for m in re.finditer(rf"\b({YEAR_NUM})\b", s.text)]
        if not earlier:
            out.append(p)
            continue
        source, m = earlier[-1]
        y = int(m.group(1))
        evidence = source.evidence("years")
        out.append(replace(p, period="year", years=(y, y), evidence=(*p.evidence, evidence)))
    return tuple(out)


def _dates_the_saying(sentence: str, figure: str | None) -> bool:
    """"declared in October that year that Korea \"would be paying $10 billion a year\"": the
    year dates the saying (a reporting verb stands beside it, before the amount), not the
    amount."""
    at = sentence.find(figure) if figure else -1
    that = _THAT_YEAR_ANY.search(sentence, 0, at) if at > 0 else None
    return that is not None and SAID_BETWEEN.search(
        sentence, max(0, that.start() - 30), at) is not None


def with_revised_demand_period(positions: tuple[Position, ...]) -> tuple[Position, ...]:
    """An amount a demand or offer was revised to ("It has since lowered its demand to about $4
    billion") with no period of its own: the period of the demand or offer told before it in
    the same currency ("sought close to $5 billion a year")."""
    out: list[Position] = []
    for p in positions:
        own = p.evidence[0] if p.evidence else None
        if (own is None or p.amount is None or p.period is not None
                or not _REVISED.search(own.sentence)):
            out.append(p)
            continue
        earlier = [q for q in out if q.period and q.currency == p.currency
                   and q.stance in ("demand", "offer")]
        out.append(replace(p, period=earlier[-1].period) if earlier else p)
    return tuple(out)


_REVISED = re.compile(
    r"\b(?:lowered|lowers|cut|cuts|reduced|reduces|trimmed|scaled\sback|raised|raises|lifted)\s"
    r"(?:its|their|his|the|Washington['’]s|Seoul['’]s)\s(?:\w+\s)?(?:demand|offer|request|ask)\s"
    r"(?:from\s[^,;]{1,40}\s)?to\b",
    re.I,
)
_THAT_YEAR_ANY = re.compile(r"\b(?:that|the\ssame)\s(?:fiscal\s)?year\b(?!['’]s)", re.I)


# the amount told again as a noun, spread over years: "Officials say the sum is spread over
# ten years", "Seoul says the support covers 10 years"
_SPREAD = re.compile(
    r"\b(?:the|this|that)\s(?P<noun>sum|money|amount|total|package|support|pledge|plan|"
    # (or the amount told again: "the US$33 billion would be spread over 10 years")
    r"investment|spending|(?:US|U\.S\.\s?)?[$₩¥€][\d.,]+\s(?:billion|trillion|million)|"
    r"[\d.,]+\s(?:billion|trillion|million)\s(?:dollars|won|yen|euros))\s"
    r"(?:is\s|are\s|will\sbe\s|would\sbe\s)?(?:spread\s(?:over|across)|covers|"
    r"spans|paid\sover|paid\sout\sover|runs\sover)\s(?:the\snext\s)?"
    rf"(?P<n>\d{{1,2}}|{NUMBER_WORD_PATTERN})\s(?:fiscal\s)?years\b"
    r"(?!\s(?:from|starting|beginning))",
    re.I,
)
_GENERIC_NOUNS = ("sum", "money", "amount", "total")


def with_spread_years(
    sentences: tuple[Sentence, ...], positions: tuple[Position, ...]
) -> tuple[Position, ...]:
    """An amount with no period whose next sentence says it is spread over several years (the
    sum told again as a noun) is a total over those years, their first and last unsaid. A
    noun of its own ("the support covers 10 years") is the amount said with that noun; a
    generic one ("the sum") the last amount of the sentence before."""
    out = list(positions)
    for s in sentences:
        m = _SPREAD.search(s.text)
        if m is None:
            continue
        noun = m.group("noun").lower()
        before = [i for i, p in enumerate(out)
                  if any(e.index == s.index - 1 for e in p.evidence) and p.amount is not None]
        told = find_money(m.group("noun"))
        if told:
            # the amount itself, told anywhere before
            chosen = [i for i, p in enumerate(out)
                      if p.amount is not None and p.currency == told[0].money.currency
                      and _same_amount(p.amount, told[0].money.amount)
                      and min(e.index for e in p.evidence) < s.index]
        elif noun in _GENERIC_NOUNS:
            chosen = before[-1:]
        else:
            chosen = [i for i in before if noun in _after_amount(out[i], s.index - 1).lower()]
        for i in chosen:
            p = out[i]
            if p.period is not None:
                continue
            evidence = s.evidence("period")
            out[i] = replace(p, period="total", evidence=(*p.evidence, evidence))
    return tuple(out)


def _same_amount(a: float, b: float) -> bool:
    """Two amounts as written agree to four significant digits."""
    return abs(a - b) <= 5e-4 * max(abs(a), abs(b))


def _after_amount(p: Position, index: int) -> str:
    """The words of a position's sentence `index` after its figure (up to the next comma or
    "and")."""
    own = next(e.sentence for e in p.evidence if e.index == index)
    at = own.find(p.figure) if p.figure else -1
    if at < 0:
        return ""
    return re.split(r"[,;]|\band\b", own[at + len(p.figure or ""):])[0]


# a factbox's heading that is one year ("2020", "FY2021"), the bullets under it that year's
_HEADING_YEAR = re.compile(rf"(?:FY\s?|[Ff]iscal\s)?(?P<y>{YEAR_NUM})")


def with_heading_year(
    sentences: tuple[Sentence, ...], positions: tuple[Position, ...]
) -> tuple[Position, ...]:
    """An amount with no years of its own under a heading line that is one year ("2020" +
    "• South Korea's contribution is frozen at the 2019 level of 1.0389 trillion won"): an
    amount for that year. The heading joins the evidence."""
    by_index = {s.index: s for s in sentences}
    out = []
    for p in positions:
        own = p.evidence[0] if p.evidence else None
        heading = by_index.get(own.index - 1) if own is not None else None
        m = _HEADING_YEAR.fullmatch(heading.text.strip()) if heading is not None else None
        if (own is None or heading is None or m is None or p.amount is None
                or p.years is not None or p.period == "total"):
            out.append(p)
            continue
        y = int(m.group("y"))
        evidence = heading.evidence("years")
        out.append(replace(p, period="year", years=(y, y), evidence=(*p.evidence, evidence)))
    return tuple(out)

