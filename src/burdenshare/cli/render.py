"""Rendering results for people: rich tables of a negotiation and of a scenario."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from burdenshare.engine import NegotiationResult
    from burdenshare.model import Scenario


def console(file: object = None) -> Console:
    """A console for standard output (or `file`); wide when not a terminal, so rows don't wrap."""
    target = file if file is not None else sys.stdout
    con = Console(file=target, highlight=False)  # type: ignore[arg-type]
    if not con.is_terminal:
        con = Console(file=target, width=200, highlight=False, no_color=True)  # type: ignore[arg-type]
    return con


def negotiation_table(scenario: Scenario, result: NegotiationResult) -> Table:
    """Meeting by meeting: date, place, proposer, offer in human terms, utilities, response."""
    parties = result.parties
    table = Table(title=f"{scenario.title or scenario.name}", title_justify="left", expand=False)
    table.add_column("date", no_wrap=True)
    table.add_column("place")
    table.add_column("by", no_wrap=True)
    table.add_column("offer / event")
    for party in parties:
        table.add_column(f"u {party}", justify="right", no_wrap=True)
    table.add_column("response")
    trace = result.trace
    i = 0
    while i < len(trace):
        event = trace[i]
        if event.kind == "meeting_opened":
            table.add_row(
                event.date.isoformat(),
                event.place,
                "",
                Text(event.detail or "meeting", style="bold"),
                *([""] * len(parties)),
                "",
                end_section=False,
            )
        elif event.kind in ("offer", "stopgap_offer"):
            responses = []
            j = i + 1
            while j < len(trace) and trace[j].kind == "response":
                answer = "accepts" if trace[j].accept else "rejects"
                responses.append(f"{trace[j].party} {answer}")
                j += 1
            utilities = [f"{u:.3f}" for u in event.utilities or ()]
            text: str | Text = event.detail
            if event.kind == "stopgap_offer":
                text = Text(f"stop-gap put to both sides: {event.detail}", style="cyan")
            table.add_row("", "", event.party or "", text, *utilities, "; ".join(responses))
            i = j
            continue
        elif event.kind in ("deadline", "reservation_change", "veto", "breakdown"):
            who = event.party or ""
            style = "red" if event.kind in ("veto", "breakdown") else "yellow"
            label = {
                "deadline": "deadline",
                "reservation_change": "no-deal value changes",
                "veto": "VETO",
                "breakdown": "talks break down",
            }[event.kind]
            table.add_row(
                event.date.isoformat(),
                "",
                who,
                Text(f"{label}: {event.detail}", style=style),
                *([""] * len(parties)),
                "",
            )
        elif event.kind == "tentative_agreement":
            table.add_row(
                event.date.isoformat(),
                "",
                "",
                Text("tentative deal → ratifiers", style="cyan"),
                *([""] * len(parties)),
                "",
            )
        elif event.kind == "ratification_vote":
            verdict = "approves" if event.accept else "vetoes"
            table.add_row(
                "",
                "",
                event.party or "",
                f"  {event.detail.split(':')[0]} {verdict}"
                + (f" ({event.detail.split(': ', 1)[1]})" if ": " in event.detail else ""),
                *([""] * len(parties)),
                "",
            )
        elif event.kind in ("agreement", "stopgap"):
            utilities = [f"{u:.3f}" for u in event.utilities or ()]
            heading = "AGREEMENT" if event.kind == "agreement" else "STOP-GAP AGREED"
            table.add_row(
                event.date.isoformat(),
                "",
                "",
                Text(f"{heading}: {event.detail}", style="bold green"),
                *utilities,
                "",
            )
        i += 1
    return table


def outcome_lines(scenario: Scenario, result: NegotiationResult) -> list[str]:
    """A short plain-language summary of how the talks ended."""
    outcome = result.outcome
    lines = []
    if outcome.status == "agreement":
        assert outcome.terms is not None and outcome.utilities is not None
        meeting = scenario.calendar.meetings[outcome.meeting or 0]
        when = f"on {outcome.date.isoformat()} ({meeting.label}, {meeting.place})"
        lines.append(f"Outcome: agreement {when}")
        lines.append(f"  terms: {outcome.summary or scenario.describe(outcome.terms)}")
        lapse = (
            "after the status quo expired (during a lapse)"
            if outcome.during_lapse
            else "before the deadline"
        )
        lines.append(f"  reached {lapse}; {outcome.vetoes} earlier tentative deal(s) vetoed")
        worths = outcome.discounted or outcome.utilities
        scenario = scenario.after_stages(outcome.stages)  # the status quo the deal replaces
        for party, utility, worth in zip(result.parties, outcome.utilities, worths, strict=True):
            p = scenario.party(party)
            reservation = scenario.reservation(party, outcome.date)
            side = p.side_value()
            extra = f" + {side:.3f} from linked side issues" if side else ""
            if p.monthly_discount < 1:
                extra += f"; {worth:.3f} discounted to the first meeting"
            lines.append(
                f"  {p.display}: utility {utility:.3f}{extra} "
                f"(no-deal value then {reservation:.3f})"
            )
    else:
        lines.append(
            f"Outcome: no agreement by {outcome.date.isoformat()} "
            f"({outcome.vetoes} tentative deal(s) vetoed)"
        )
    for k, stage in enumerate(outcome.stages or ()):
        kind = f"stop-gap until {stage.expiry.isoformat()}" if stage.expiry else "final deal"
        lines.append(f"  stage {k + 1} ({kind}), {stage.date.isoformat()}: {stage.summary}")
    return lines
