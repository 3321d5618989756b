"""Merging records that describe the same thing, keeping every source.

Within one report, sentences that tell of the same event ("the final round ... ended", "the
two-day round of meetings in Seoul ... the fifth") are one event when nothing they say
conflicts. Across reports the test is stricter, since two reports may tell of two rounds: the
same kind of event in the same negotiation is one event when both give the same round number,
or both give dates that overlap (day precision, within `DAY_TOLERANCE`), or both give the same
place in the same month. Fields are filled from whichever source gives them; where sources
disagree the first value stays and the other is kept in `conflicts`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from burdenshare.news.places import is_region, same_place
from burdenshare.news.records import (
    STATED,
    Event,
    Evidence,
    Mention,
    Position,
    Statement,
    When,
)

DAY_TOLERANCE = 2
"""Days apart two day-precise dates may be and still denote one event (a two-day round is
reported as "Tuesday" by one report and "Wednesday" by another)."""


def merge_evidence(a: tuple[Evidence, ...], b: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """Union of two evidence lists, one entry per sentence, with their fields united."""
    out: dict[tuple[str | None, int], Evidence] = {}
    for e in (*a, *b):
        key = e.key()
        if key in out:
            old = out[key]
            fields = tuple(dict.fromkeys((*old.fields, *e.fields)))
            out[key] = replace(old, fields=fields)
        else:
            out[key] = e
    return tuple(out.values())


def _span(when: When | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a date may denote."""
    if when is None or when.date is None:
        return None
    d = when.date
    if "W" in d:
        year, week = int(d[:4]), int(d[6:])
        first = dt.date.fromisocalendar(year, week, 1)
        return first, first + dt.timedelta(days=6)
    if len(d) == 4:
        return dt.date(int(d), 1, 1), dt.date(int(d), 12, 31)
    if len(d) == 7:
        y, m = int(d[:4]), int(d[5:7])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
    start = dt.date.fromisoformat(d)
    end = (
        dt.date.fromisoformat(when.end_date)
        if when.end_date and len(when.end_date) == 10
        else start
    )
    return start, end


def dates_overlap(a: When | None, b: When | None, tolerance: int = DAY_TOLERANCE) -> bool | None:
    """Do two dates overlap (None when either is unknown)?"""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return None
    pad = dt.timedelta(days=tolerance)
    return sa[0] - pad <= sb[1] and sb[0] - pad <= sa[1]


def _finer(a: When | None, b: When | None) -> When | None:
    """The more precise of two overlapping dates (the first on a tie)."""
    if a is None or a.date is None:
        return b if (b is not None and (b.date is not None or a is None)) else a
    if b is None or b.date is None:
        return a
    sa, sb = _span(a), _span(b)
    assert sa is not None and sb is not None
    day_a, day_b = len(a.date) == 10, len(b.date) == 10
    if day_a and day_b:
        # two day dates: a stated range (a two-day round) that contains the other day wins
        if b.end_date and sb[0] <= sa[0] and sa[1] <= sb[1] and not a.end_date:
            return b
        return a
    width_a, width_b = (sa[1] - sa[0]).days, (sb[1] - sb[0]).days
    if width_b < width_a:
        return b
    return a


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return True
    if isinstance(a, str) and isinstance(b, str):
        return a.casefold() == b.casefold()
    return a == b


def same_event(a: Event, b: Event, *, strict: bool) -> bool:
    """Do two events describe the same happening? (`strict` across reports, see module doc)."""
    if a.kind != b.kind or not _same(a.negotiation, b.negotiation):
        return False
    if not (_same(a.round, b.round) and same_place(a.place, b.place)):
        return False
    # (within one report, a weekday resolved against the report's date is as loose: "have
    # reached an agreement ..., the ministry said Monday" over "hammered out on March 7")
    # (a round's end is not so loose: "The Honolulu talks ended on Thursday. The Korean talks
    # ended on Friday." are two rounds)
    inferred = _inferred(a.when) or _inferred(b.when) or (
        a.kind in _DONE_IN_A_DAY and (_weekday(a.when) or _weekday(b.when)))
    overlap = dates_overlap(a.when, b.when, DAY_TOLERANCE if strict or inferred else 0)
    if overlap is False and not strict and a.kind == "deal_announced" and _told_late(a, b):
        overlap = True  # "have agreed on a new SMA" (the report's day) over "reached on
        # March 7" (three days before): one deal, told as news and then dated
    if overlap is False:
        return False
    if not strict:
        return True
    if a.round is not None and a.round == b.round:
        return True
    if _month_or_finer(a.when) and a.when and b.when and a.when.date == b.when.date:
        return True
    if overlap and _day_precise(a.when) and _day_precise(b.when):
        return True
    same_month = dates_overlap(a.when, b.when, 0)
    return bool(
        a.place and b.place and same_month and _month_or_finer(a.when) and _month_or_finer(b.when)
    )


def _inferred(when: When | None) -> bool:
    """A date taken from the report's own date ("have ended", told as just happened): the
    event may have ended a day or two before the report."""
    return when is not None and when.basis == "report_date"


_DONE_IN_A_DAY = ("deal_announced", "deal_signed", "deal_rejected", "ratification_vote")


def _told_late(a: Event, b: Event) -> bool:
    """One of two deals is dated only by the day it was told (the report's own date, or a
    weekday counted from it), the other stated as a day up to a month before it."""
    for told, stated in ((a, b), (b, a)):
        if (_inferred(told.when) or _weekday(told.when)) and _day_precise(stated.when) and not (
                _inferred(stated.when)):
            late, early = _iso(told.when), _iso(stated.when)
            if late and early and 0 < (dt.date.fromisoformat(late)
                                       - dt.date.fromisoformat(early)).days <= 31:
                return True
    return False


def _iso(when: When | None) -> str:
    return (when.date or "") if when is not None else ""


def _weekday(when: When | None) -> bool:
    return when is not None and when.basis == "resolved" and when.text is not None and bool(
        re.fullmatch(r"(?:on\s)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", when.text, re.I))


def _day_precise(when: When | None) -> bool:
    return when is not None and when.date is not None and len(when.date) == 10


def _month_or_finer(when: When | None) -> bool:
    return when is not None and when.date is not None and len(when.date) >= 7


def combine_events(a: Event, b: Event) -> Event:
    """One event from two that describe the same happening; every source is kept."""
    conflicts = list(a.conflicts) + [c for c in b.conflicts if c not in a.conflicts]
    values: dict[str, Any] = {}
    for name in (
        "source_actor",
        "target_actor",
        "negotiation",
        "round",
        "round_text",
        "place",
        "length_days",
        "length_text",
        "outcome",
        "votes",
    ):
        va, vb = getattr(a, name), getattr(b, name)
        values[name] = va if va is not None else vb
        if name == "place" and is_region(va) and vb is not None:
            values[name] = vb  # the city, not the region the headline named ("in Hawaii")
        if (
            va is not None
            and vb is not None
            and not _same(va, vb)
            and name in ("length_days", "outcome", "votes")
        ):
            note = f"{name}: {vb} ({_where(b)})"
            if note not in conflicts:
                conflicts.append(note)
    when = _finer(a.when, b.when)
    if _inferred(a.when) and _day_precise(b.when) and not _inferred(b.when):
        when = b.when  # a day the report states beats the report's own date
    elif _inferred(b.when) and _day_precise(a.when):
        when = a.when
    elif _weekday(a.when) and _day_precise(b.when) and not _weekday(b.when):
        when = b.when  # a date stated beats a weekday counted from the report's date
    elif _weekday(b.when) and _day_precise(a.when) and not _weekday(a.when):
        when = a.when
    elif _weekday(a.when) and _weekday(b.when) and a.kind in _DONE_IN_A_DAY:
        # two weekdays a day or two apart: the later is the day it was told ("has approved
        # ..., the ministry said Wednesday" over "passed the agreement on Tuesday"); a round,
        # which lasts days, keeps the first told
        when = a.when if _iso(a.when) <= _iso(b.when) else b.when
    if not (_inferred(a.when) or _inferred(b.when)) and (
        a.when
        and b.when
        and a.when.date
        and b.when.date
        and len(a.when.date) == len(b.when.date)
        and not dates_overlap(a.when, b.when, 0)
    ):
        note = f"date: {b.when.date} ({_where(b)})"
        if note not in conflicts:
            conflicts.append(note)
    return replace(
        a,
        when=when,
        evidence=merge_evidence(a.evidence, b.evidence),
        conflicts=tuple(conflicts),
        **values,
    )


def _where(record: Event) -> str:
    docs = [e.document for e in record.evidence if e.document]
    return docs[0] if docs else f"sentence {record.evidence[0].index}"


def merge_events(events: Iterable[Event], *, strict: bool) -> tuple[Event, ...]:
    """Fold events that describe the same happening into one, in first-seen order."""
    out: list[Event] = []
    for event in events:
        for i, kept in enumerate(out):
            if same_event(kept, event, strict=strict):
                out[i] = combine_events(kept, event)
                break
        else:
            out.append(event)
    return tuple(out)


def _position_key(p: Position) -> tuple[object, ...]:
    return (p.party, p.stance, p.amount, p.currency, p.factor, p.negotiation)


def _rounded_same(a: Position, b: Position) -> bool:
    """The same amount written with fewer digits ("1.05 trillion yen" in a headline, "1.0551
    trillion yen" in the body), by the same party in the same currency."""
    return a.party == b.party and _same_figure(a, b)


def _same_figure(a: Position, b: Position) -> bool:
    """The same amount in the same currency, as written or with fewer digits, whoever holds
    it."""
    if a.amount is None or b.amount is None or a.currency != b.currency:
        return False
    if a.amount == b.amount:
        return False
    precise, short = (a, b) if _digits(a) > _digits(b) else (b, a)
    assert precise.amount is not None and short.amount is not None
    digits = _digits(short)
    if digits < 1 or precise.amount <= 0:
        return False
    # the shorter figure is the precise one cut to its digits, rounded or truncated ("1.05
    # trillion" for 1.0551 trillion; "1.52tr" for 1.5192 trillion), not a neighbouring amount
    # (¥197.4 billion and ¥199.3 billion are two)
    scale = 10 ** (math.floor(math.log10(precise.amount)) - digits + 1)
    cut = {round(precise.amount / scale) * scale, math.floor(precise.amount / scale) * scale}
    near = abs(a.amount - b.amount) <= 0.01 * max(a.amount, b.amount)
    if not near and _LOWER_BOUND.fullmatch(short.qualifier or "") and (
            short.amount < precise.amount < short.amount + scale):
        return True  # "over 1 tril. yen" in a headline for 1.0551 trillion yen: its floor
    # (a headline cuts harder: "Assembly approves 1 tril. won defense cost deal" for the
    # body's 1.0389 trillion won)
    headline = bool(short.evidence) and short.evidence[0].index <= 2 and not (
        short.evidence[0].sentence.rstrip().endswith((".", "!", "?", '"', "”")))
    return (near or headline) and any(math.isclose(short.amount, c, rel_tol=1e-9) for c in cut)


_LOWER_BOUND = re.compile(r"over|more\sthan|above|at\sleast|upwards\sof", re.I)


def _digits(p: Position) -> int:
    return sum(ch.isdigit() for ch in (p.figure or ""))


def merge_positions(positions: Iterable[Position]) -> tuple[Position, ...]:
    """Fold positions with the same party, stance and figure (and overlapping dates); an
    amount restated with fewer digits folds into the more precise one."""
    out: list[Position] = []
    for p in positions:
        rounded = next((i for i, kept in enumerate(out) if _rounded_same(kept, p)), None)
        if rounded is not None:
            kept = out[rounded]
            precise, other = (p, kept) if _digits(p) > _digits(kept) else (kept, p)
            out[rounded] = replace(precise, evidence=merge_evidence(precise.evidence,
                                                                    other.evidence))
            continue
        for i, kept in enumerate(out):
            if (
                _position_key(kept) == _position_key(p)
                and dates_overlap(kept.when, p.when, 7) is not False
            ):
                out[i] = replace(
                    kept,
                    when=_finer(kept.when, p.when),
                    evidence=merge_evidence(kept.evidence, p.evidence),
                    relation=kept.relation or p.relation,
                    base=kept.base or p.base,
                    period=kept.period or p.period,
                    years=kept.years or p.years,
                    applies_to=kept.applies_to or p.applies_to,
                )
                break
        else:
            out.append(p)
    return tuple(out)


def drop_restated(positions: tuple[Position, ...]) -> tuple[Position, ...]:
    """Drop each `stated` amount that another position already holds, as written or with
    fewer digits ("1.05 trillion yen" in a headline over the body's 1.0551 trillion yen): the
    one with its stance and party says more. A `stated` amount said twice (a headline's "$8
    Billion" and the body's "$8 billion a year") is one, with both sentences as evidence."""
    claimed = [p for p in positions if p.stance != STATED and p.amount is not None]
    out: list[Position] = []
    for p in positions:
        if p.stance != STATED or p.amount is None:
            out.append(p)  # (a relation told without an amount is no amount said twice)
            continue
        if any(_same_figure(p, q) or (p.amount, p.currency) == (q.amount, q.currency)
               for q in claimed):
            continue
        same = next((i for i, q in enumerate(out)
                     if q.stance == STATED and (q.amount, q.currency) == (p.amount, p.currency)),
                    None)
        if same is None:
            out.append(p)
            continue
        kept = out[same]
        richer = p if _said(p) > _said(kept) else kept
        out[same] = replace(richer, evidence=merge_evidence(kept.evidence, p.evidence))
    return tuple(out)


def _said(p: Position) -> int:
    """How much of its period a position says (period, years)."""
    return (p.period is not None) + (p.years is not None)


def merge_statements(statements: Iterable[Statement]) -> tuple[Statement, ...]:
    """Fold identical statements (same speaker and words) reported by several sources."""
    out: list[Statement] = []
    for s in statements:
        for i, kept in enumerate(out):
            if kept.speaker == s.speaker and kept.text == s.text:
                out[i] = replace(kept, evidence=merge_evidence(kept.evidence, s.evidence))
                break
        else:
            out.append(s)
    return tuple(out)


def merge_mentions(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """Fold mentions of the same item with the same stance from the same sentence."""
    out: dict[tuple[str, str, str, tuple[str | None, int]], Mention] = {}
    for m in mentions:
        key = (m.category, m.item, m.stance, m.evidence[0].key())
        if key not in out:
            out[key] = m
    return tuple(out.values())
