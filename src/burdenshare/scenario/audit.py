"""Checks beyond validity: numbers a scenario states without a source or rationale."""

from __future__ import annotations

from burdenshare.scenario.schema import ScenarioDoc


def unsourced(doc: ScenarioDoc) -> list[str]:
    """Field paths whose figures carry neither a source nor a rationale (warnings, not errors)."""
    out = []
    if doc.exchange_rate is not None and not doc.exchange_rate.source:
        out.append("exchange_rate: no source")
    if not doc.status_quo.source:
        out.append("status_quo: no source")
    for i, issue in enumerate(doc.issues):
        if not issue.source:
            out.append(f"issues[{i}] ({issue.name}): no source for its range")
    for i, party in enumerate(doc.parties):
        if not party.rationale and not party.source:
            out.append(f"parties[{i}] ({party.name}): no rationale for the reservation value")
        for key, function in party.valuation.items():
            if not function.rationale:
                out.append(f"parties[{i}].valuation.{key}: no rationale")
    for i, ratifier in enumerate(doc.ratifiers):
        if not ratifier.source and not ratifier.rationale:
            out.append(f"ratifiers[{i}] ({ratifier.name}): no source")
    for i, meeting in enumerate(doc.calendar.meetings):
        if not meeting.source:
            out.append(f"calendar.meetings[{i}] ({meeting.date}): no source")
    for i, threat in enumerate(doc.threats):
        if not threat.source:
            out.append(f"threats[{i}] ({threat.name}): no source")
    return out
