"""Event kinds of a negotiation and their CAMEO event codes.

CAMEO (Conflict and Mediation Event Observations) is the event ontology of GDELT, ICEWS and the
PETRARCH coders: Philip A. Schrodt, *CAMEO Conflict and Mediation Event Observations Event and
Actor Codebook*, version 1.1b3, Penn State Event Data Project, March 2012. Codes and labels below
are the codebook's. Coding a timeline in CAMEO lets it be joined with those datasets.

Kinds that are not an interaction between actors (a deal's expiry) have no CAMEO code: the
codebook codes actions, and inventing one would mislead a join.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventKind:
    """A kind of negotiation event, its CAMEO code and label, and what it means here."""

    name: str
    cameo: str | None
    cameo_label: str | None
    meaning: str


EVENT_KINDS: tuple[EventKind, ...] = (
    EventKind(
        "round_concluded",
        "046",
        "Engage in negotiation",
        "a round of talks took place or ended (with or without a deal)",
    ),
    EventKind(
        "talks_opened", "046", "Engage in negotiation", "a round of talks began or is under way"
    ),
    EventKind(
        "talks_scheduled",
        "036",
        "Express intent to meet or negotiate",
        "the parties agreed or plan to meet or to continue negotiating",
    ),
    EventKind(
        "talks_broken_off",
        "164",
        "Halt negotiations",
        "a side walked out of or broke off the talks",
    ),
    EventKind(
        "deal_announced",
        "057",
        "Sign formal agreement",
        "an agreement was reached or announced (in principle, tentative or final)",
    ),
    EventKind(
        "deal_signed", "057", "Sign formal agreement", "an agreement was signed or initialled"
    ),
    EventKind(
        "deal_rejected",
        "127",
        "Reject plan, agreement to settle dispute",
        "a side (or its leader) rejected a deal or an offer",
    ),
    EventKind(
        "ratification_vote",
        "057",
        "Sign formal agreement",
        "a legislature voted to ratify (consent to) an agreement",
    ),
    EventKind("deadline", None, None, "the current agreement expires on a date still to come"),
    EventKind("deadline_passed", None, None, "the agreement expired (lapsed) without a successor"),
)

KINDS: dict[str, EventKind] = {k.name: k for k in EVENT_KINDS}


def cameo_of(kind: str) -> str | None:
    """The CAMEO code of an event kind (None for kinds that are not interactions)."""
    return KINDS[kind].cameo
