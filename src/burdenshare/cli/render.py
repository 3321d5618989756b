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


STYLES = {
    "meeting": "bold",
    "note": "yellow",
    "alarm": "red",
    "vote": "cyan",
    "deal": "bold green",
    "offer": "",
}
"""How each kind of row reads in the terminal (`reports.story.TraceRow.tone`)."""


def negotiation_table(scenario: Scenario, result: NegotiationResult) -> Table:
    """Meeting by meeting: date, place, proposer, offer in human terms, utilities, response
    (the rows of `reports.story.trace_rows`)."""
    from burdenshare.reports.story import trace_rows

    parties = result.parties
    table = Table(title=f"{scenario.title or scenario.name}", title_justify="left", expand=False)
    table.add_column("date", no_wrap=True)
    table.add_column("place")
    table.add_column("by", no_wrap=True)
    table.add_column("offer / event")
    for party in parties:
        table.add_column(f"u {party}", justify="right", no_wrap=True)
    table.add_column("response")
    for row in trace_rows(result):
        utilities = row.shown_utilities(len(parties))
        text = row.text if row.tone == "offer" else Text(row.text, style=STYLES[row.tone])
        if row.tone == "vote" and row.by:  # a ratifier's vote, under its tentative deal
            text = f"  {row.text}"
        table.add_row(
            row.date.isoformat() if row.date else "",
            row.place,
            row.by,
            text,
            *utilities,
            row.responses,
        )
    return table


def outcome_lines(scenario: Scenario, result: NegotiationResult) -> list[str]:
    """A short plain-language summary of how the talks ended (`reports.story.outcome_lines`)."""
    from burdenshare.reports.story import outcome_lines as lines

    return lines(scenario, result)
