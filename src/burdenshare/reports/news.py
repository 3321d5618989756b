"""The `news` report: one report's bytes read into an extraction, the reports merged as one
JSON-ready dict, and the change they propose to a scenario (findings, observed offers, the
amended scenario text and its unified diff)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from burdenshare.news import Extraction, Money
    from burdenshare.news.compare import Comparison
    from burdenshare.news.timeline import Timeline
    from burdenshare.scenario.load import LoadedScenario


def read_report(
    name: str,
    data: bytes,
    report_date: dt.date | None = None,
    status_quo: Money | None = None,
    rates: Mapping[tuple[str, str], float] | None = None,
) -> tuple[Extraction, str]:
    """The extraction of one report file's bytes (`name` for messages and the record) and the
    SHA-256 of those bytes, by which a timeline knows a report it has already merged."""
    from hashlib import sha256

    from burdenshare.news import decode_report, extract

    text = decode_report(data, name)
    x = extract(text, report_date=report_date, document=name, status_quo=status_quo, rates=rates)
    return x, sha256(data).hexdigest()


@dataclass(frozen=True)
class Proposal:
    """What reports establish about a scenario, and the scenario text that would record it."""

    comparison: Comparison
    proposed: str
    diff: str

    def to_dict(self) -> dict[str, Any]:
        """The `scenario` part of `news --json`: findings, observed offers, the diff."""
        return {**self.comparison.to_dict(), "diff": self.diff}


def propose(timeline: Timeline, loaded: LoadedScenario, name: str) -> Proposal:
    """Compare `timeline` with the loaded scenario; amend its text (new meetings, sources,
    flags) and diff it against the original as file `name`."""
    from burdenshare.news.compare import compare
    from burdenshare.scenario.amend import amend, unified_diff

    comparison = compare(timeline, loaded.scenario)
    proposed = amend(loaded.text, comparison.amendments)
    return Proposal(comparison, proposed, unified_diff(loaded.text, proposed, name))


def news_dict(
    extractions: Sequence[Extraction], merged: Timeline, proposal: Proposal | None = None
) -> dict[str, Any]:
    """`news --json`: each report's details, the merged events, positions, statements and
    mentions, and (given) the proposal for a scenario."""
    from burdenshare import __version__

    out: dict[str, Any] = {
        "package": "burdenshare",
        "version": __version__,
        "reports": [
            {
                "document": x.document,
                "report_date": x.report_date,
                "report_date_basis": x.report_date_basis,
                "negotiation": x.negotiation.to_dict() if x.negotiation else None,
                "counts": {
                    "events": len(x.events),
                    "positions": len(x.positions),
                    "statements": len(x.statements),
                    "mentions": len(x.mentions),
                },
                "notes": list(x.notes),
                "dropped_noise": list(x.dropped_noise),
            }
            for x in extractions
        ],
        "events": [e.to_dict() for e in merged.events],
        "positions": [p.to_dict() for p in merged.positions],
        "statements": [s.to_dict() for s in merged.statements],
        "mentions": [m.to_dict() for m in merged.mentions],
    }
    if proposal is not None:
        out["scenario"] = proposal.to_dict()
    return out
