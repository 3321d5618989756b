"""Tracking negotiations from the news: a pure extractor and a timeline of what reports establish.

`extract(text)` reads one report and returns an immutable `Extraction` whose every record keeps
the sentences it rests on; `Timeline` merges several reports' extractions into one sourced
timeline, and `observed_positions` reads the positions off it as plain records. Reading and
writing files is left to the edges (`burdenshare.scenario.timeline_file`, the CLI).
"""

from __future__ import annotations

from burdenshare.news.extract import decode_report, extract
from burdenshare.news.records import (
    Event,
    Evidence,
    Extraction,
    Mention,
    Money,
    Negotiation,
    Position,
    Statement,
    When,
)
from burdenshare.news.timeline import ObservedPosition, Timeline, observed_positions

__all__ = [
    "Event",
    "Evidence",
    "Extraction",
    "Mention",
    "Money",
    "Negotiation",
    "ObservedPosition",
    "Position",
    "Statement",
    "Timeline",
    "When",
    "decode_report",
    "extract",
    "observed_positions",
]
