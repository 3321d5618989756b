"""A timeline of a negotiation built from several reports: events by date, every source kept.

Adding a report merges its events with those already there (the same round told by two
reports becomes one event with both reports' sentences; see `burdenshare.news.merge` for the
test), and likewise positions and statements. Adding the same report twice changes nothing.
`observed_positions` reads the parties' positions off a timeline as plain records, the input a
calibration of strategies to observed behaviour needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from burdenshare.news.merge import (
    merge_events,
    merge_mentions,
    merge_positions,
    merge_statements,
)
from burdenshare.news.records import (
    Event,
    Evidence,
    Extraction,
    Mention,
    Position,
    Statement,
)

FORMAT = "burdenshare-timeline"
VERSION = 1


@dataclass(frozen=True)
class DocumentRef:
    """A report that went into a timeline: its name, date and content digest (SHA-256)."""

    name: str | None
    report_date: str | None
    digest: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"name": self.name, "report_date": self.report_date, "sha256": self.digest}


@dataclass(frozen=True)
class Timeline:
    """Events ordered by date, positions, statements and mentions, merged from reports."""

    events: tuple[Event, ...] = ()
    positions: tuple[Position, ...] = ()
    statements: tuple[Statement, ...] = ()
    mentions: tuple[Mention, ...] = ()
    documents: tuple[DocumentRef, ...] = ()

    def add(self, extraction: Extraction, digest: str) -> Timeline:
        """This timeline with one more report merged in (unchanged if the report is already in)."""
        if any(d.digest == digest for d in self.documents):
            return self
        doc = DocumentRef(extraction.document, extraction.report_date, digest)
        return Timeline(
            events=order_events(merge_events((*self.events, *extraction.events), strict=True)),
            positions=_order(merge_positions((*self.positions, *extraction.positions))),
            statements=merge_statements((*self.statements, *extraction.statements)),
            mentions=merge_mentions((*self.mentions, *extraction.mentions)),
            documents=(*self.documents, doc),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON form (the format of timeline files)."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "documents": [d.to_dict() for d in self.documents],
            "events": [e.to_dict() for e in self.events],
            "positions": [p.to_dict() for p in self.positions],
            "statements": [s.to_dict() for s in self.statements],
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timeline:
        """Inverse of `to_dict`. Raises KeyError/TypeError/ValueError on a malformed dict."""
        if data.get("format") != FORMAT:
            raise ValueError(
                f"not a burdenshare timeline (format is {data.get('format')!r}, "
                f"expected {FORMAT!r})"
            )
        if data.get("version") != VERSION:
            raise ValueError(f"unsupported timeline version {data.get('version')!r}")
        return cls(
            events=tuple(Event.from_dict(e) for e in data["events"]),
            positions=tuple(Position.from_dict(p) for p in data["positions"]),
            statements=tuple(Statement.from_dict(s) for s in data["statements"]),
            mentions=tuple(_mention_from_dict(m) for m in data.get("mentions", ())),
            documents=tuple(
                DocumentRef(d.get("name"), d.get("report_date"), d["sha256"])
                for d in data["documents"]
            ),
        )


def _mention_from_dict(data: dict[str, Any]) -> Mention:
    return Mention(
        data["category"],
        data["item"],
        data["text"],
        data["stance"],
        data.get("cue"),
        tuple(Evidence.from_dict(e) for e in data.get("sources", ())),
    )


def _sort_date(when_date: str | None, evidence: tuple[Evidence, ...]) -> str:
    """A sortable day for a record: its own date (first day), else its first report's date."""
    if when_date:
        if "W" in when_date:
            return when_date[:4] + "-" + when_date[5:]
        return when_date
    dates = [e.report_date for e in evidence if e.report_date]
    return min(dates) if dates else "9999"


def order_events(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Events by date (undated events by their report's date, unknown last), stable."""
    return tuple(
        sorted(events, key=lambda e: _sort_date(e.when.date if e.when else None, e.evidence))
    )


def _order(positions: tuple[Position, ...]) -> tuple[Position, ...]:
    return tuple(
        sorted(positions, key=lambda p: _sort_date(p.when.date if p.when else None, p.evidence))
    )


@dataclass(frozen=True)
class ObservedPosition:
    """A party's position on a date, as reports give it: what a calibration fits to.

    `date` is the date the position was stated (or the report's date, "as of"), `None` if
    neither is known; `amount`/`currency` the figure if one was given; `factor` the stated
    multiple of the base (1.13 for "a 13 percent increase") if one was given.
    """

    date: str | None
    party: str | None
    stance: str
    amount: float | None
    currency: str | None
    factor: float | None
    relation: str | None
    negotiation: str | None
    sources: tuple[str, ...]
    """The sentences the position rests on."""


def observed_positions(
    timeline: Timeline, party: str | None = None
) -> tuple[ObservedPosition, ...]:
    """The positions of a timeline (optionally one party's) as plain records, by date."""
    out = []
    for p in timeline.positions:
        if party is not None and p.party != party:
            continue
        date = p.when.date if p.when and p.when.date else None
        if date is None:
            dates = [e.report_date for e in p.evidence if e.report_date]
            date = min(dates) if dates else None
        out.append(
            ObservedPosition(
                date,
                p.party,
                p.stance,
                p.amount,
                p.currency,
                p.factor,
                p.relation,
                p.negotiation,
                tuple(dict.fromkeys(e.sentence for e in p.evidence)),
            )
        )
    return tuple(sorted(out, key=lambda o: o.date or "9999"))
