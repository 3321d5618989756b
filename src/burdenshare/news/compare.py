"""How a timeline of news reports relates to a scenario: what it confirms, adds or contradicts.

Pure: takes a `Timeline` and a `Scenario`, returns findings and the amendments they suggest.
A reported round confirms a scenario meeting when their days overlap within `TOLERANCE_DAYS`
and the places agree; it contradicts one when the days match but the place (or the round
number) differs, or when the round number matches a meeting on other days; a dated round that
matches no meeting is one the scenario lacks. Deadlines are checked against the status quo's
expiry, amounts "paid" under the current deal (and stated bases) against the status-quo amount.
Positions become observed offers on the scenario's money issue (see
`burdenshare.model.money_scale`). Amendments never change a sourced figure: a
contradiction becomes a comment for the analyst to settle.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from burdenshare.model import Meeting, Scenario
from burdenshare.model.money_scale import amount_in_units, money_issue, status_quo_value
from burdenshare.news.parties import party_for
from burdenshare.news.records import Event, Evidence, Position, primary
from burdenshare.news.timeline import Timeline

TOLERANCE_DAYS = 2
"""Days a reported round may lie before or after a scenario meeting and still be the same."""

AMOUNT_TOLERANCE = 0.01
"""Relative difference below which a reported amount equals the scenario's (1 %)."""

MEETING_KINDS = frozenset({"round_concluded", "talks_opened", "talks_broken_off", "deal_announced"})
DEADLINE_KINDS = frozenset({"deadline", "deadline_passed"})

Verdict = Literal["confirms", "adds", "contradicts", "consistent", "unresolved"]


@dataclass(frozen=True)
class Finding:
    """One thing a report says about the scenario and how it relates to it.

    `field` is the scenario's field path (`calendar.meetings.4.place`, `status_quo.expiry`),
    `scenario_value` and `report_value` the two values as text, `source` the report sentence.
    """

    verdict: Verdict
    subject: str
    field: str
    scenario_value: str
    report_value: str
    note: str
    source: str
    document: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """JSON form."""
        return {
            "verdict": self.verdict,
            "subject": self.subject,
            "field": self.field,
            "scenario_value": self.scenario_value,
            "report_value": self.report_value,
            "note": self.note,
            "source_sentence": self.source,
            "document": self.document,
        }


@dataclass(frozen=True)
class ObservedOffer:
    """A reported position as an offer on the scenario's money issue.

    `value` is in the issue's units and currency (e.g. KRW bn), `multiple` = value / status quo.
    """

    date: str | None
    party: str | None
    reported_party: str | None
    stance: str
    stated: str
    value: float | None
    unit: str
    multiple: float | None
    note: str
    source: str

    def to_dict(self) -> dict[str, str | float | None]:
        """JSON form."""
        return {
            "date": self.date,
            "party": self.party,
            "reported_party": self.reported_party,
            "stance": self.stance,
            "stated": self.stated,
            "value": self.value,
            "unit": self.unit,
            "multiple_of_status_quo": self.multiple,
            "note": self.note,
            "source_sentence": self.source,
        }


@dataclass(frozen=True)
class Amendment:
    """A proposed change to the scenario file.

    `add_meeting`: insert `meeting` into the calendar; `add_source`: append `text` to the
    source of the element at `path`; `flag`: put the comment `text` above the field at `path`.
    """

    kind: Literal["add_meeting", "add_source", "flag"]
    path: tuple[str | int, ...]
    text: str
    meeting: Meeting | None = None


@dataclass(frozen=True)
class Comparison:
    """Findings, observed offers and proposed amendments of a timeline against a scenario."""

    scenario: str
    findings: tuple[Finding, ...]
    offers: tuple[ObservedOffer, ...]
    amendments: tuple[Amendment, ...]

    @property
    def contradictions(self) -> tuple[Finding, ...]:
        """The findings that contradict the scenario."""
        return tuple(f for f in self.findings if f.verdict == "contradicts")

    def to_dict(self) -> dict[str, object]:
        """JSON form (without the amendments, which the diff shows)."""
        return {
            "scenario": self.scenario,
            "findings": [f.to_dict() for f in self.findings],
            "observed_offers": [o.to_dict() for o in self.offers],
            "contradictions": [f.to_dict() for f in self.contradictions],
        }


def _day(text: str | None) -> dt.date | None:
    if text is None or len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _span(event: Event) -> tuple[dt.date, dt.date] | None:
    """First and last day of a day-precise reported event (its length counted where stated)."""
    when = event.when
    start = _day(when.date) if when else None
    if when is None or start is None:
        return None
    end = _day(when.end_date) or start
    if end == start and event.length_days and event.length_days > 1:
        if event.kind == "talks_opened":
            end = start + dt.timedelta(days=event.length_days - 1)
        else:  # concluded (or broken off) on that day: the round began earlier
            start = end - dt.timedelta(days=event.length_days - 1)
    return start, end


def meeting_span(meeting: Meeting) -> tuple[dt.date, dt.date]:
    """First and last day of a scenario meeting."""
    return meeting.date, meeting.last_day


def _overlaps(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    pad = dt.timedelta(days=TOLERANCE_DAYS)
    return a[0] - pad <= b[1] and b[0] - pad <= a[1]


def _round_of(label: str) -> int | None:
    match = re.search(r"\bround\s+(\d+)\b", label, re.IGNORECASE)
    return int(match.group(1)) if match else None


def _same_place(a: str | None, b: str) -> bool:
    return a is None or a.strip().lower() == b.strip().lower()


def _days(span: tuple[dt.date, dt.date]) -> str:
    first, last = span
    if first == last:
        return first.isoformat()
    return f"{first.isoformat()}–{last.isoformat()[5:] if first.year == last.year else last}"


def _evidence(record: Event | Position) -> tuple[str, str | None]:
    best: Evidence = primary(record.evidence)
    return best.sentence, best.document


def _cite(document: str | None, sentence: str) -> str:
    short = sentence if len(sentence) <= 90 else sentence[:87] + "…"
    return f'news: {document or "report"} ("{short}")'


def _meeting_findings(event: Event, scenario: Scenario) -> tuple[list[Finding], list[Amendment]]:
    meetings = scenario.calendar.meetings
    sentence, document = _evidence(event)
    label = f"{event.kind}" + (f" (round {event.round})" if event.round else "")
    span = _span(event)
    findings: list[Finding] = []
    amendments: list[Amendment] = []

    def finding(verdict: Verdict, field: str, ours: str, theirs: str, note: str) -> None:
        findings.append(Finding(verdict, label, field, ours, theirs, note, sentence, document))

    if span is None:
        when = event.when.date if event.when and event.when.date else None
        numbered = [
            (i, m)
            for i, m in enumerate(meetings)
            if event.round and _round_of(m.label) == event.round
        ]
        for i, m in numbered:
            if when is not None and not m.date.isoformat().startswith(when):
                finding(
                    "contradicts",
                    f"calendar.meetings.{i}.date",
                    _days(meeting_span(m)),
                    when,
                    f"{m.label or 'the meeting'} is dated otherwise",
                )
            elif _same_place(event.place, m.place):
                finding(
                    "consistent",
                    f"calendar.meetings.{i}",
                    f"{m.label}, {m.place}",
                    f"round {event.round}" + (f", {event.place}" if event.place else ""),
                    "same round and place; the report gives no day to confirm the date",
                )
            else:
                finding(
                    "contradicts",
                    f"calendar.meetings.{i}.place",
                    m.place,
                    str(event.place),
                    f"{m.label}: the report places it elsewhere",
                )
                amendments.append(
                    Amendment(
                        "flag",
                        ("calendar", "meetings", i, "place"),
                        f"report gives place {event.place!r}: {_cite(document, sentence)}",
                    )
                )
        if not numbered:
            finding(
                "unresolved",
                "calendar.meetings",
                "—",
                when or "undated",
                "no day-precise date: cannot be matched to a meeting",
            )
        return findings, amendments

    near = [(i, m) for i, m in enumerate(meetings) if _overlaps(span, meeting_span(m))]
    for i, m in near:
        ours = f"{m.label or 'meeting'}, {m.place}, {_days(meeting_span(m))}"
        theirs = f"{event.place or 'place not stated'}, {_days(span)}"
        number = _round_of(m.label)
        if not _same_place(event.place, m.place):
            finding(
                "contradicts",
                f"calendar.meetings.{i}.place",
                m.place,
                str(event.place),
                f"same days as {m.label or 'a meeting'} but another place",
            )
            amendments.append(
                Amendment(
                    "flag",
                    ("calendar", "meetings", i, "place"),
                    f"report gives place {event.place!r}: {_cite(document, sentence)}",
                )
            )
        elif event.round and number is not None and number != event.round:
            finding(
                "contradicts",
                f"calendar.meetings.{i}.label",
                m.label,
                f"round {event.round}",
                "same days and place, another round number",
            )
            amendments.append(
                Amendment(
                    "flag",
                    ("calendar", "meetings", i, "label"),
                    f"report calls it round {event.round}: {_cite(document, sentence)}",
                )
            )
        else:
            finding(
                "confirms",
                f"calendar.meetings.{i}",
                ours,
                theirs,
                f"same days (±{TOLERANCE_DAYS}) and place",
            )
            if document is None or document not in m.source:
                amendments.append(
                    Amendment(
                        "add_source", ("calendar", "meetings", i), f"news: {document or 'report'}"
                    )
                )
    if near:
        return findings, amendments
    numbered = [
        (i, m) for i, m in enumerate(meetings) if event.round and _round_of(m.label) == event.round
    ]
    for i, m in numbered:
        finding(
            "contradicts",
            f"calendar.meetings.{i}.date",
            _days(meeting_span(m)),
            _days(span),
            f"{m.label} is dated otherwise",
        )
        amendments.append(
            Amendment(
                "flag",
                ("calendar", "meetings", i, "date"),
                f"report dates round {event.round} {_days(span)}: {_cite(document, sentence)}",
            )
        )
    if numbered:
        return findings, amendments
    days = (span[1] - span[0]).days + 1
    added = Meeting(
        date=span[0],
        place=event.place or "not stated",
        label=f"Round {event.round}" if event.round else f"Reported {event.kind.replace('_', ' ')}",
        days=days,
        offers=2 * days,
        source=_cite(document, sentence),
    )
    finding(
        "adds",
        "calendar.meetings",
        "—",
        f"{added.place}, {_days(span)}",
        "no scenario meeting on these days",
    )
    amendments.append(Amendment("add_meeting", ("calendar", "meetings"), "", added))
    return findings, amendments


def _deadline_findings(event: Event, scenario: Scenario) -> tuple[list[Finding], list[Amendment]]:
    sentence, document = _evidence(event)
    day = _day(event.when.date if event.when else None)
    expiry = scenario.status_quo.expiry
    if day is None:
        return [], []
    if day == expiry:
        return [
            Finding(
                "confirms",
                "expiry",
                "status_quo.expiry",
                expiry.isoformat(),
                day.isoformat(),
                "same expiry date",
                sentence,
                document,
            )
        ], []
    return (
        [
            Finding(
                "contradicts",
                "expiry",
                "status_quo.expiry",
                expiry.isoformat(),
                day.isoformat(),
                "the report gives another expiry date",
                sentence,
                document,
            )
        ],
        [
            Amendment(
                "flag",
                ("status_quo", "expiry"),
                f"report gives expiry {day.isoformat()}: {_cite(document, sentence)}",
            )
        ],
    )


def _status_quo_findings(
    position: Position, scenario: Scenario
) -> tuple[list[Finding], list[Amendment]]:
    """A stated base amount, or an amount "paid" for the status quo's year, against the scenario."""
    base = status_quo_value(scenario)
    if base is None:
        return [], []
    issue = money_issue(scenario)
    sentence, document = _evidence(position)
    figures: list[tuple[float, str]] = []
    if position.base_amount is not None and position.base_currency:
        figures.append((position.base_amount, position.base_currency))
    label = scenario.status_quo.label
    when = position.when.date if position.when and position.when.date else ""
    same_year = (position.applies_to or when or "").startswith(label) if label else False
    if (
        position.stance == "paid"
        and position.amount is not None
        and position.currency
        and same_year
    ):
        figures.append((position.amount, position.currency))
    findings: list[Finding] = []
    amendments: list[Amendment] = []
    field = f"status_quo.terms.{issue.name}"
    for amount, currency in figures:
        try:
            value = amount_in_units(scenario, amount, currency)
        except ValueError:
            continue
        ours = issue.describe(base)
        theirs = f"{currency} {amount:,.0f}"
        if abs(value - base) <= AMOUNT_TOLERANCE * base:
            findings.append(
                Finding(
                    "confirms",
                    "status quo amount",
                    field,
                    ours,
                    theirs,
                    "same amount (within 1 %)",
                    sentence,
                    document,
                )
            )
        else:
            findings.append(
                Finding(
                    "contradicts",
                    "status quo amount",
                    field,
                    ours,
                    theirs,
                    f"{value / base:.3f}× the scenario's amount",
                    sentence,
                    document,
                )
            )
            amendments.append(
                Amendment(
                    "flag",
                    ("status_quo", "terms"),
                    f"report gives the status quo as {theirs}: {_cite(document, sentence)}",
                )
            )
    return findings, amendments


def _observed_offer(position: Position, scenario: Scenario) -> ObservedOffer:
    issue = money_issue(scenario)
    unit = f"{issue.currency} {issue.unit}".strip()
    sentence, _ = _evidence(position)
    base = status_quo_value(scenario)
    party = party_for(scenario, position.party)
    stated = position.figure or position.relation or "—"
    value: float | None = None
    notes: list[str] = []
    if position.amount is not None and position.currency:
        try:
            value = amount_in_units(scenario, position.amount, position.currency)
        except ValueError as exc:
            notes.append(str(exc))
        if position.factor is not None and value is not None and base:
            notes.append(f"stated ×{position.factor:g}, computed ×{value / base:.2f}")
    elif position.factor is not None and base is not None:
        value = position.factor * base
        notes.append(f"{position.relation or 'stated factor'} on the status quo")
    if party is None:
        notes.append(f"no scenario party for {position.party!r}")
    when = position.when.date if position.when else None
    return ObservedOffer(
        date=when,
        party=party,
        reported_party=position.party,
        stance=position.stance,
        stated=stated,
        value=value,
        unit=unit,
        multiple=value / base if value is not None and base else None,
        note="; ".join(notes),
        source=sentence,
    )


def compare(timeline: Timeline, scenario: Scenario) -> Comparison:
    """The findings of `timeline` against `scenario`, its positions as observed offers, and the
    amendments that would record what the reports add (new meetings, sources, flags)."""
    findings: list[Finding] = []
    amendments: list[Amendment] = []
    for event in timeline.events:
        if event.kind in MEETING_KINDS:
            more, changes = _meeting_findings(event, scenario)
        elif event.kind in DEADLINE_KINDS:
            more, changes = _deadline_findings(event, scenario)
        else:
            continue
        findings.extend(more)
        amendments.extend(changes)
    offers: list[ObservedOffer] = []
    for position in timeline.positions:
        more, changes = _status_quo_findings(position, scenario)
        findings.extend(more)
        amendments.extend(changes)
        if position.stance in ("demand", "offer", "agreed"):
            offers.append(_observed_offer(position, scenario))
    unique = tuple(dict.fromkeys(findings))
    return Comparison(scenario.name, unique, tuple(offers), _unique(amendments))


def _unique(amendments: list[Amendment]) -> tuple[Amendment, ...]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for a in amendments:
        key = (a.kind, a.path, a.text, a.meeting)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return tuple(out)


__all__ = [
    "Amendment",
    "Comparison",
    "Finding",
    "ObservedOffer",
    "compare",
    "meeting_span",
]
