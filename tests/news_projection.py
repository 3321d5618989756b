"""The parts of an extraction that corpus tests compare with `tests/data/news/*.expected.json`.

Only what a reader checks against the report is compared (kinds, codes, dates, figures,
speakers, stances); the full records carry more (evidence offsets, field lists).
"""

from __future__ import annotations

from typing import Any

from burdenshare.news import Extraction

EVENT_KEYS = ("kind", "cameo", "source_actor", "target_actor", "date", "end_date",
              "relative_date", "round", "place", "length_days", "outcome", "votes")
POSITION_KEYS = ("party", "stance", "figure", "amount", "currency", "period", "relation",
                 "factor", "base_amount", "date", "applies_to")
STATEMENT_KEYS = ("speaker", "role", "kind", "text")
MENTION_KEYS = ("category", "item", "stance")


def project(x: Extraction) -> dict[str, Any]:
    """The compared projection of an extraction."""
    d = x.to_dict()
    return {
        "report_date": d["report_date"],
        "events": [{k: e[k] for k in EVENT_KEYS} for e in d["events"]],
        "positions": [{k: p[k] for k in POSITION_KEYS} for p in d["positions"]],
        "statements": [{k: s[k] for k in STATEMENT_KEYS} for s in d["statements"]],
        "mentions": [{k: m[k] for k in MENTION_KEYS} for m in d["mentions"]],
    }
