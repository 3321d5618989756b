"""Reported positions: who asks or offers what figure, and how it relates to a base.

A position needs a stance cue (a verb or noun of demanding, offering, agreeing or paying), a
party (the subject before the cue, or the possessor of the noun: "Seoul's best offer"), and a
figure (money with a currency) or a stated relation ("a 10 percent increase", "fivefold").
Amounts after "from", "over" or "up from" are the base of a relation, not positions; an amount
in brackets right after another is its conversion and is not a second position.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from burdenshare.news.actors import ActorMention, find_actors
from burdenshare.news.dates import find_date_phrases, report_day, resolve
from burdenshare.news.numbers import (
    MULTIPLE_RE,
    PERCENT_RE,
    MoneyMatch,
    find_money,
    multiple_value,
    number_value,
)
from burdenshare.news.records import Evidence, Negotiation, Position, When
from burdenshare.news.sentences import Sentence

_STANCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "demand",
        re.compile(
            r"\b(?:demanded|demands|demanding|demand|asked for|asking for|asks for|asked|asking|"
            r"asks|sought|seeks|seeking|wants|wanted|called for|calls for|insisted on|insists on|"
            r"pressed for|pushed for|requested|requesting|request|ask)\b",
            re.I,
        ),
    ),
    (
        "offer",
        re.compile(
            r"\b(?:offered|offers|offering|offer|proposed|proposes|proposing|proposal|suggested|"
            r"put forward|tabled|counteroffer|counter-offer)\b",
            re.I,
        ),
    ),
    (
        "agreed",
        re.compile(
            r"\b(?:will pay|to pay|agreed to pay|agreed to|agreed|will contribute|"
            r"under the (?:new |\w+ )?(?:deal|agreement|SMA|accord)|will rise|rises to|rise to|"
            r"set at|was set|"
            r"will increase|increase to|the deal calls for|contribution for)\b",
            re.I,
        ),
    ),
    ("paid", re.compile(r"\b(?:paid|pays|shouldered|contributed|spent)\b", re.I)),
)
_REPORTED = re.compile(
    r"\b(?:reportedly|allegedly|according to (?:sources|reports|media)|"
    r"sources said|is said to|was said to|is believed to)\b",
    re.I,
)
_BASE_CUE = re.compile(
    r"(?:\bup from|\bdown from|\bfrom|\bover|\bthan|\bcompared with|"
    r"\bcompared to)\s+(?:the\s+)?$",
    re.I,
)
_PERIOD = re.compile(
    r"^\s*(?:a|per|each|every)\s(?P<p>year|annum|month)\b|^\s*annually\b|"
    r"^\s*(?:a|per) year\b",
    re.I,
)
_APPLIES_TO = re.compile(
    r"^\s*(?:,\s)?(?P<a>(?:for|in)\s(?:(?:19|20)\d{2}|next year|this year))\b", re.I
)
_CHANGE_WORD = (
    r"increase|rise|hike|raise|jump|boost|cut|reduction|decrease|drop|freeze|"
    r"increment"
)
_RELATION = re.compile(
    r"(?P<rel>\b(?:an?\s|the\s)?"
    r"(?:(?P<mult>(?:\w+)(?:-|\s)?fold)|(?P<times>\w+(?:\.\d+)?\stimes))"
    rf"(?:\s(?:{_CHANGE_WORD}))?|"
    r"(?:an?\s)?(?:about\s|roughly\s|around\s)?"
    r"(?P<pct>[+-]?\d+(?:\.\d+)?\s?(?:percent|per cent|%))"
    rf"(?:\s(?P<pctword>{_CHANGE_WORD}))?|"
    rf"(?:an?\s)?(?P<word>{_CHANGE_WORD})\sof\s(?:about\s|roughly\s)?(?P<pct2>\d+(?:\.\d+)?\s?"
    r"(?:percent|per cent|%))|"
    r"(?P<updown>up|down)\s(?:about\s)?(?P<pct3>\d+(?:\.\d+)?\s?(?:percent|per cent|%))|"
    r"(?P<freeze>(?:a\s)?freeze|frozen))"
    r"(?:\s(?P<basecue>from|over|on|compared with|than)\s(?P<base>[^,;]+?)"
    r"(?=\s(?:which|that|while|and|but)\b|[,;.](?=\s|$)|$))?",
    re.I,
)
_NEGATIVE = re.compile(r"cut|reduction|decrease|drop|down", re.I)


@dataclass(frozen=True)
class _Relation:
    text: str
    factor: float | None
    base: str | None
    start: int
    end: int


_CLAUSE_BREAK = re.compile(r",\s(?:while|whereas|but)\s|;\s|\s(?:while|whereas)\s")


def sentence_positions(
    sentence: Sentence, negotiation: Negotiation, report_date: dt.date | None
) -> list[Position]:
    """The positions one sentence reports: at most one per clause ("X demands A, while Y
    offers B" gives two)."""
    text = sentence.text
    bounds = [0, *(x for m in _CLAUSE_BREAK.finditer(text) for x in (m.start(), m.end()))]
    bounds.append(len(text))
    out: list[Position] = []
    for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
        position = _clause_position(text[lo:hi], sentence, negotiation, report_date)
        if position is not None:
            out.append(position)
    return out


def _clause_position(
    text: str, sentence: Sentence, negotiation: Negotiation, report_date: dt.date | None
) -> Position | None:
    cue = _stance(text)
    if cue is None:
        return None
    stance, cue_start, cue_end = cue
    monies = find_money(text)
    chosen = _position_money(text, monies, cue_end)
    relation = _relation(text, chosen.end if chosen else cue_end)
    if chosen is None and relation is None:
        return None
    party = _party(text, cue_start, monies, negotiation)
    if party is None:
        return None
    base_money = _base_money(text, monies, chosen, relation)
    fields = ["stance", "party"]
    if chosen:
        fields.append("figure")
    if relation:
        fields.append("relation")
    period = _period(text, chosen.end) if chosen else None
    applies = _APPLIES_TO.match(text[chosen.end :]) if chosen else None
    skip = [(relation.start, relation.end)] if relation else []
    if chosen and applies:
        skip.append((chosen.end + applies.start("a"), chosen.end + applies.end("a")))
    when = _when(text, cue_start, skip, report_date)
    if when.date is not None or when.basis == "relative":
        fields.append("date")
    full = sentence.text
    evidence = Evidence(full, sentence.index, sentence.start, sentence.end, tuple(fields))
    money = chosen.money if chosen else None
    return Position(
        party=party.country,
        party_text=party.text,
        stance=stance,
        figure=money.text if money else None,
        amount=money.amount if money else None,
        currency=money.currency if money else None,
        unit=money.unit if money else None,
        qualifier=money.qualifier if money else None,
        period=period,
        relation=relation.text if relation else None,
        factor=relation.factor if relation else None,
        base=relation.base if relation else None,
        base_amount=base_money.money.amount if base_money else None,
        base_currency=base_money.money.currency if base_money else None,
        reported=bool(_REPORTED.search(full)),
        negotiation=negotiation.key,
        when=when,
        applies_to=applies.group("a") if applies else None,
        evidence=(evidence,),
    )


def _stance(text: str) -> tuple[str, int, int] | None:
    """The first stance cue in the sentence (demand before offer before agreed before paid)."""
    best: tuple[str, int, int] | None = None
    for stance, pattern in _STANCES:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[1]):
            best = (stance, m.start(), m.end())
    return best


def _position_money(text: str, monies: list[MoneyMatch], after: int) -> MoneyMatch | None:
    """The first amount after the cue that is not a base ("from X") or a conversion "(X)"."""
    for i, mm in enumerate(monies):
        if mm.start < after:
            continue
        if _BASE_CUE.search(text[: mm.start]):
            continue
        if i > 0 and text[monies[i - 1].end : mm.start].strip() in ("(", "or about", "or"):
            continue
        return mm
    return None


def _base_money(
    text: str, monies: list[MoneyMatch], chosen: MoneyMatch | None, relation: _Relation | None
) -> MoneyMatch | None:
    if relation is None or relation.base is None:
        return None
    for mm in monies:
        if mm is not chosen and relation.start <= mm.start < relation.end:
            return mm
    return None


def _relation(text: str, after: int) -> _Relation | None:
    m = _RELATION.search(text, after)
    if m is None:
        return None
    # the relation must follow closely (within a few words of the figure or cue)
    if len(text[after : m.start()].split()) > 10:
        return None
    factor: float | None = None
    if m.group("mult"):
        mult = MULTIPLE_RE.search(m.group("mult"))
        factor = multiple_value(mult) if mult else None
    elif m.group("times"):
        mult = MULTIPLE_RE.search(m.group("times"))
        factor = multiple_value(mult) if mult else None
    elif m.group("freeze"):
        factor = 1.0
    else:
        pct_text = m.group("pct") or m.group("pct2") or m.group("pct3")
        pct = PERCENT_RE.search(pct_text)
        if pct is None:
            return None
        value = number_value(pct.group("num"))
        words = " ".join(g for g in (m.group("pctword"), m.group("word"), m.group("updown")) if g)
        if pct.group("sign") == "-" or (words and _NEGATIVE.search(words)):
            value = -value
        factor = 1 + value / 100
    if factor is None:
        return None
    base = m.group("base").strip() if m.group("base") else None
    return _Relation(m.group("rel").strip(), round(factor, 6), base, m.start(), m.end())


def _party(
    text: str, cue_start: int, monies: list[MoneyMatch], negotiation: Negotiation
) -> ActorMention | None:
    """The party holding the position: the last party named before the cue, outside money
    and prepositional phrases; else a possessor right before a noun cue."""
    candidates = [
        a
        for a in find_actors(text[:cue_start])
        if not any(mm.start <= a.start < mm.end for mm in monies)
        and not re.search(
            r"\b(?:from|of|to|with|against|under|for|by)\s+(?:the\s)?$", text[: a.start], re.I
        )
    ]
    parties = negotiation.parties
    candidates = [a for a in candidates if not parties or a.country in parties]
    if candidates:
        return candidates[-1]
    return None


def _period(text: str, at: int) -> str | None:
    m = _PERIOD.match(text[at:])
    if not m:
        return None
    return "year" if (m.group("p") or "year").lower() in ("year", "annum") else m.group("p")


def _when(
    text: str, cue_start: int, skip: list[tuple[int, int]], report_date: dt.date | None
) -> When:
    """When the position was stated: a date phrase near the cue, else as of the report's date.

    Dates in a clause about the old deal's expiry, and the year an amount is for ("for 2026"),
    are not the date of the position.
    """
    phrases = [
        p
        for p in find_date_phrases(text)
        if not any(lo <= p.start < hi for lo, hi in skip)
        and not re.search(
            r"\b(?:expires?|expired|expiring|lapsed?|since|under)\b",
            text[min(cue_start, p.start) : max(cue_start, p.start)],
            re.I,
        )
    ]
    if phrases:
        nearest = min(phrases, key=lambda p: abs(p.start - cue_start))
        return resolve(nearest, text, report_date)
    return report_day(report_date)
