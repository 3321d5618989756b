"""A scenario described in human terms (`burdenshare show`)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from burdenshare.model import Scenario
from burdenshare.model.issues import is_money
from burdenshare.model.kinds.share import ShareValue
from burdenshare.model.parties import Party
from burdenshare.model.valuation import (
    ChoiceValue,
    IssueValue,
    LinearValue,
    PiecewiseLinearValue,
    PowerValue,
    ScopeValue,
)
from burdenshare.reports.story import ratifier_rules


def _function(function: IssueValue) -> str:
    if isinstance(function, LinearValue):
        return f"linear, {function.direction}"
    if isinstance(function, PowerValue):
        curve = (
            "concave" if function.exponent < 1 else "convex" if function.exponent > 1 else "linear"
        )
        return f"{curve} (power {function.exponent:g}), {function.direction}"
    if isinstance(function, PiecewiseLinearValue):
        return "piecewise through " + ", ".join(f"({x:g}, {v:g})" for x, v in function.points)
    if isinstance(function, ScopeValue | ChoiceValue):
        return ", ".join(f"{k} {v:+g}" for k, v in function.values)
    if isinstance(function, ShareValue):
        return f"{function.payer}'s share: {_function(function.inner)}"
    return str(function)


def _utilities(s: Scenario, party: Party) -> str:
    """`party`'s utility of the status quo, of each opening and of no deal at the deadline
    (`Party.reservation_at`: reservation value, events and threats in force then)."""
    u = party.valuation.utility
    parts = [f"the status quo {u(s.space, s.status_quo.terms):.3f}"]
    for p in s.parties:
        if p.opening is not None:
            whose = "its own opening" if p is party else f"{p.name}'s opening"
            parts.append(f"{whose} {u(s.space, p.opening):.3f}")
    deadline = s.calendar.deadline
    parts.append(
        f"no deal at the deadline {party.reservation_at(deadline, deadline, s.threats):.3f}"
    )
    return ", ".join(parts)


def describe_scenario(con: Console, s: Scenario) -> None:
    """Print the scenario: issues, status quo, parties, ratifiers, threats, calendar."""
    con.print(f"[bold]{s.title or s.name}[/bold]  ({s.name})")
    if s.description:
        con.print(s.description.strip())
    con.print()
    issues = Table(title="Issues", title_justify="left")
    for column in ("issue", "kind", "range", "status quo"):
        issues.add_column(column)
    for issue in s.space.issues:
        value = s.status_quo.terms[issue.name]
        rng = issue.describe_range()
        now = (
            s.describe_money(issue, float(value))  # type: ignore[arg-type]
            if is_money(issue)
            else issue.describe(value)
        )
        issues.add_row(issue.label or issue.name, issue.kind, rng, now)
    con.print(issues)
    expiry = f"expires {s.status_quo.expiry.isoformat()}"
    con.print(
        f"Status quo ({s.status_quo.label or 'current deal'}): "
        f"{s.describe(s.status_quo.terms)}; {expiry}"
    )
    if s.exchange_rate is not None:
        rate = s.exchange_rate
        con.print(f"Exchange rate: {rate.rate:,.2f} {rate.quote} per {rate.base}")
    con.print(f"Outcome space: {s.space.size:,} outcomes")
    con.print()
    for party in s.parties:
        con.print(
            f"[bold]{party.display}[/bold] ({party.name}) — strategy {party.strategy.render()}"
        )
        table = Table(show_header=True, box=None, padding=(0, 2))
        table.add_column("issue")
        table.add_column("weight", justify="right")
        table.add_column("value function")
        for issue in s.space.issues:
            function = party.valuation.function(issue.name)
            if function is not None:
                table.add_row(
                    issue.name, f"{party.valuation.weight(issue.name):.2f}", _function(function)
                )
        con.print(table)
        horizon = f"; own deadline {party.deadline.isoformat()}" if party.deadline else ""
        con.print(
            f"  reservation value {party.reservation_value:.3f}; during a lapse "
            f"{party.lapse_change_per_month:+.3f} per month{horizon}"
        )
        con.print(f"  utility of {_utilities(s, party)}")
        for event in party.events:
            con.print(f"  {event.date.isoformat()}: {event.label} ({event.change:+.3f})")
        if party.opening is not None:
            con.print(f"  opening: {s.describe(party.opening)}")
        for side in party.side_issues:
            con.print(
                f"  linked, off the table: {side.label or side.name} "
                f"(worth {side.value:+.3f} on agreement)"
            )
        if party.rationale:
            con.print(f"  [dim]{party.rationale}[/dim]")
        con.print()
    if s.ratifiers:
        table = Table(title="Ratifiers (each must accept a tentative deal)", title_justify="left")
        for column in ("ratifier", "of", "in office", "accepts when"):
            table.add_column(column)
        for r in s.ratifiers:
            office = f"{r.start or '…'} – {r.end or '…'}" if (r.start or r.end) else "throughout"
            rules = ratifier_rules(r)
            table.add_row(r.display, r.party, office, "; ".join(rules) or "always")
        con.print(table)
    for threat in s.threats:
        con.print(
            f"Threat by {threat.by} against {threat.against}: {threat.label or threat.name} "
            f"(no-deal value {threat.change:+.3f} × credibility {threat.credibility:g})"
        )
    cal = s.calendar
    table = Table(
        title=f"Calendar (deadline {cal.deadline}, talks can go on until {cal.end})",
        title_justify="left",
    )
    for column in ("date", "days", "place", "round", "offers"):
        table.add_column(column)
    for m in cal.meetings:
        table.add_row(m.date.isoformat(), str(m.days), m.place, m.label, str(m.offers))
    con.print(table)
    if s.stages is not None:
        st = s.stages
        con.print(
            f"Deals in stages: an agreement of at most {st.max_years:g} year(s) ({st.issue}) is a "
            f"stop-gap, the status quo ({st.label}) until its expiry, and the talks go on"
        )
        if st.interim is not None:
            con.print(
                "  put to both sides when the last meeting before the deadline ends without a "
                f"deal: {s.describe(st.interim)}"
            )
    if s.protocol is not None:
        pr = s.protocol
        who = f"{pr.chair} chairs" if pr.chair is not None else f"a neutral {pr.label} chairs"
        con.print(
            f"Protocol: a single negotiating text; {who}, revising the text toward the "
            f"objections by {pr.step:g} of the way, each later step × {pr.shrink:g}"
        )
    con.print(f"{len(s.sources)} sources cited; see `burdenshare export {s.name}`.")
