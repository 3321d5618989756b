"""`burdenshare news --scenario`: how the reports relate to a scenario, and the proposed change.

Shows the findings (meetings confirmed, added or contradicted; expiry and status-quo amount
checked), the positions as observed offers on the scenario's money issue, and the proposed
change to the scenario file as a unified diff. Nothing is written unless `--out` is given.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from burdenshare.news.compare import Comparison
    from burdenshare.news.timeline import Timeline
    from burdenshare.reports.news import Proposal


def against_scenario(timeline: Timeline, ref: str, out: Path | None) -> Proposal:
    """The proposal of `timeline` for scenario `ref` (a built-in name or TOML file); writes the
    proposed text to `out` (atomically) when given."""
    from burdenshare.cli._common import write_text_atomic
    from burdenshare.reports.news import propose
    from burdenshare.scenario import load_source

    loaded = load_source(ref)
    name = Path(loaded.origin).name if loaded.origin.endswith(".toml") else f"{ref}.toml"
    proposal = propose(timeline, loaded, name)
    if out is not None:
        write_text_atomic(out, proposal.proposed)
        print(f"wrote the proposed scenario to {out}", file=sys.stderr)
    return proposal


def show(comparison: Comparison, diff: str) -> None:
    """Findings and observed offers as tables, then the diff (plain text, for `patch`)."""
    from rich.table import Table

    from burdenshare.cli.render import console

    con = console()
    findings = Table(title=f"against scenario {comparison.scenario}", title_justify="left")
    for column in ("verdict", "what", "scenario field", "scenario", "report", "note"):
        findings.add_column(column)
    for f in comparison.findings:
        findings.add_row(f.verdict, f.subject, f.field, f.scenario_value, f.report_value, f.note)
    con.print(findings if comparison.findings else "no events to compare with the scenario")
    if comparison.offers:
        offers = Table(title="observed offers", title_justify="left")
        for column in ("as of", "party", "stance", "stated", "offer", "× status quo", "note"):
            offers.add_column(column)
        for o in comparison.offers:
            offers.add_row(
                o.date or "—",
                o.party or f"? ({o.reported_party})",
                o.stance,
                o.stated,
                _units(o.unit, o.value),
                f"{o.multiple:.2f}×" if o.multiple is not None else "—",
                o.note or "—",
            )
        con.print(offers)
    con.file.flush()
    sys.stdout.flush()
    if diff:
        sys.stdout.write(diff if diff.endswith("\n") else diff + "\n")
    else:
        print("no change proposed to the scenario", file=sys.stderr)


def _units(unit: str, value: float | None) -> str:
    """`KRW 5,900.0 bn` from the unit `KRW bn` and a value."""
    if value is None:
        return "—"
    currency, _, scale = unit.partition(" ")
    return f"{currency} {value:,.1f} {scale}".strip()
