"""The immutable result of one negotiation: the outcome and a trace of every event."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from burdenshare.model import Offer
from burdenshare.model.stages import Stage

EventKind = Literal[
    "meeting_opened",
    "offer",
    "response",
    "tentative_agreement",
    "ratification_vote",
    "veto",
    "deadline",
    "reservation_change",
    "agreement",
    "breakdown",
    "stopgap_offer",
    "stopgap",
]


class Event(NamedTuple):
    """One step of the talks. `utilities` are each party's utility of `offer` (party order).

    An immutable named tuple rather than a frozen dataclass: a negotiation makes one for every
    offer and response, and a frozen dataclass costs about four times as much to build."""

    date: dt.date
    kind: EventKind
    party: str | None = None
    meeting: int | None = None
    offer: Offer | None = None
    utilities: tuple[float, ...] | None = None
    accept: bool | None = None
    detail: str = ""
    place: str = ""
    time: float | None = None

    def to_dict(self, parties: tuple[str, ...]) -> dict[str, Any]:
        """JSON-ready form; `utilities` keyed by party name."""
        out: dict[str, Any] = {"date": self.date.isoformat(), "kind": self.kind}
        if self.party is not None:
            out["party"] = self.party
        if self.meeting is not None:
            out["meeting"] = self.meeting
        if self.place:
            out["place"] = self.place
        if self.time is not None:
            out["time"] = round(self.time, 6)
        if self.offer is not None:
            out["terms"] = self.offer.to_json()
        if self.utilities is not None:
            out["utilities"] = {
                p: round(u, 6) for p, u in zip(parties, self.utilities, strict=True)
            }
        if self.accept is not None:
            out["accept"] = self.accept
        if self.detail:
            out["detail"] = self.detail
        return out


@dataclass(frozen=True)
class Outcome:
    """How the talks ended: an agreement (terms, date, utilities) or none.

    `discounted` is each party's utility discounted to the first meeting at its monthly
    discount factor: u · δ^months. `stages` (None unless the scenario has a `[stages]` section)
    lists every agreement in order, stop-gaps first and the final deal last; the other fields
    describe the final deal (or its absence).
    """

    status: Literal["agreement", "no_agreement"]
    date: dt.date
    terms: Offer | None = None
    utilities: tuple[float, ...] | None = None
    meeting: int | None = None
    during_lapse: bool = False
    vetoes: int = 0
    summary: str = ""
    discounted: tuple[float, ...] | None = None
    stages: tuple[Stage, ...] | None = None

    def to_dict(self, parties: tuple[str, ...]) -> dict[str, Any]:
        """JSON-ready form."""
        out: dict[str, Any] = {"status": self.status, "date": self.date.isoformat()}
        if self.terms is not None:
            out["terms"] = self.terms.to_json()
        if self.utilities is not None:
            out["utilities"] = {
                p: round(u, 6) for p, u in zip(parties, self.utilities, strict=True)
            }
        if self.discounted is not None:
            out["discounted_utilities"] = {
                p: round(u, 6) for p, u in zip(parties, self.discounted, strict=True)
            }
        if self.meeting is not None:
            out["meeting"] = self.meeting
        out["during_lapse"] = self.during_lapse
        out["vetoes"] = self.vetoes
        if self.summary:
            out["summary"] = self.summary
        if self.stages is not None:
            out["stages"] = [stage.to_dict(parties) for stage in self.stages]
        return out


@dataclass(frozen=True)
class NegotiationResult:
    """Outcome, trace, the parties in utility order, the strategies used and the seed."""

    outcome: Outcome
    trace: tuple[Event, ...]
    parties: tuple[str, ...]
    strategies: tuple[tuple[str, str], ...]
    seed: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: outcome, trace, parties, strategies, seed."""
        return {
            "outcome": self.outcome.to_dict(self.parties),
            "parties": list(self.parties),
            "strategies": dict(self.strategies),
            "seed": self.seed,
            "trace": [e.to_dict(self.parties) for e in self.trace],
        }

    def to_dataframe(self) -> Any:
        """The trace as a pandas DataFrame (one row per event; needs pandas installed)."""
        try:
            import pandas as pd  # type: ignore[import-untyped,unused-ignore]
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_dataframe needs pandas: pip install pandas") from exc
        rows = []
        for event in self.trace:
            row = event.to_dict(self.parties)
            utilities = row.pop("utilities", {})
            for party in self.parties:
                row[f"u_{party}"] = utilities.get(party)
            rows.append(row)
        return pd.DataFrame(rows)
