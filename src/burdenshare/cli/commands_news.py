"""`burdenshare news`: read news reports, say what they establish, keep a timeline."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from burdenshare.cli._common import json_text, reports_input_errors

if TYPE_CHECKING:
    from rich.console import Console

    from burdenshare.news import Extraction, Money
    from burdenshare.news.timeline import Timeline


def register(app: typer.Typer) -> None:
    """Attach the `news` command."""
    app.command("news")(news)


@reports_input_errors
def news(
    files: Annotated[
        list[Path], typer.Argument(help="Plain-text news reports (UTF-8).", metavar="FILE...")
    ],
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="The reports' date (YYYY-MM-DD), for reports that carry none.",
            metavar="YYYY-MM-DD",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    timeline: Annotated[
        Path | None,
        typer.Option(
            "--timeline",
            help="Merge the reports into this timeline file (JSON; created if missing).",
            metavar="FILE",
        ),
    ] = None,
    status_quo: Annotated[
        str | None,
        typer.Option(
            "--status-quo",
            help="Set positions against this amount, e.g. 'KRW 1.0389 trillion'.",
            metavar="AMOUNT",
        ),
    ] = None,
    rate: Annotated[
        list[str] | None,
        typer.Option(
            "--rate",
            help="Exchange rate for --status-quo, e.g. USD/KRW=1160 (repeatable).",
            metavar="A/B=X",
        ),
    ] = None,
    scenario: Annotated[
        str | None,
        typer.Option(
            "--scenario",
            help="Compare with this scenario (built-in name or TOML file) and print the "
            "proposed change as a unified diff.",
            metavar="NAME|FILE",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="With --scenario: write the proposed scenario here.", metavar="FILE"
        ),
    ] = None,
) -> None:
    """Extract rounds, positions, statements and what the talks touch on from news reports."""
    from burdenshare.news.timeline import Timeline
    from burdenshare.reports.news import news_dict, read_report
    from burdenshare.scenario.timeline_file import read_timeline, write_timeline

    report_date = _parse_date(date)
    sq = _parse_status_quo(status_quo)
    rates = _parse_rates(rate or [])
    texts = [(path, _read(path)) for path in files]  # every file checked before any output
    _check_total(sum(len(data) for _, data in texts))
    existing = read_timeline(timeline) if timeline is not None else None

    extractions: list[Extraction] = []
    merged = Timeline()
    for path, data in texts:
        x, digest = read_report(str(path), data, report_date, sq, rates)
        extractions.append(x)
        merged = merged.add(x, digest)
        if existing is not None:
            existing = existing.add(x, digest)
        for note in x.notes:
            print(f"note: {path}: {note}", file=sys.stderr)

    if out is not None and scenario is None:
        from burdenshare.errors import InputError, Problem

        raise InputError(Problem("", "--out needs --scenario (the scenario to change)"), "--out")
    proposal = None
    if scenario is not None:
        from burdenshare.cli.news_scenario import against_scenario, show

        proposal = against_scenario(merged, scenario, out)
    if as_json:
        result = news_dict(extractions, merged, proposal)
        sys.stdout.write(json_text(result, ensure_ascii=False) + "\n")
    elif proposal is not None:
        show(proposal.comparison, proposal.diff)
    else:
        _summary(extractions, merged)
    if timeline is not None and existing is not None:
        write_timeline(timeline, existing)
        print(
            f"timeline {timeline}: {len(existing.events)} events, {len(existing.positions)} "
            f"positions, {len(existing.statements)} statements from "
            f"{len(existing.documents)} reports",
            file=sys.stderr,
        )


def _read(path: Path) -> bytes:
    from burdenshare.files import read_input
    from burdenshare.limits import MAX_NEWS_BYTES

    return read_input(path, "a plain-text news report", MAX_NEWS_BYTES)


def _check_total(size: int) -> None:
    """Refuse more news text than `limits.MAX_NEWS_BYTES` in one command (bounded time)."""
    from burdenshare.errors import InputError, Problem
    from burdenshare.limits import MAX_NEWS_BYTES

    if size > MAX_NEWS_BYTES:
        message = (
            f"{size / 2**20:.1f} MiB of reports in all: more than the "
            f"{MAX_NEWS_BYTES / 2**20:.0f} MiB one command reads (about 10 s a MiB); "
            "read them in several runs merged with --timeline"
        )
        raise InputError(Problem("FILE...", message))


def _parse_date(text: str | None) -> dt.date | None:
    from burdenshare.errors import InputError, Problem

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            Problem("", f"expected a date as YYYY-MM-DD, got {text!r}"), "--date"
        ) from None


def _parse_status_quo(text: str | None) -> Money | None:
    from burdenshare.errors import InputError, Problem
    from burdenshare.news.numbers import parse_money

    if text is None:
        return None
    try:
        return parse_money(text)
    except ValueError as exc:
        raise InputError(Problem("", str(exc)), "--status-quo") from None


def _parse_rates(options: list[str]) -> dict[tuple[str, str], float]:
    from burdenshare.errors import InputError, Problem

    rates: dict[tuple[str, str], float] = {}
    for option in options:
        try:
            pair, value = option.split("=")
            source, target = (c.strip().upper() for c in pair.split("/"))
            rates[(source, target)] = float(value)
            if not (len(source) == 3 and len(target) == 3 and rates[(source, target)] > 0):
                raise ValueError
        except ValueError:
            raise InputError(
                Problem(
                    "",
                    f"expected A/B=X with currency codes and a positive "
                    f"rate (1 A = X B), e.g. USD/KRW=1160, got {option!r}",
                ),
                "--rate",
            ) from None
    return rates


def _date_cell(date: str | None, relative: str | None, end: str | None = None) -> str:
    if date:
        return f"{date}–{end[5:] if end and end[:4] == date[:4] else end}" if end else date
    return relative or "—"


def _summary(extractions: list[Extraction], merged: Timeline) -> None:
    """Readable tables: events, positions, statements, mentions."""
    from rich.table import Table

    from burdenshare.cli.render import console

    con = console()
    for x in extractions:
        where = x.document or "report"
        dated = f"dated {x.report_date} ({x.report_date_basis})" if x.report_date else "undated"
        topic = (
            f"{x.negotiation.topic} ({'-'.join(x.negotiation.parties)})"
            if x.negotiation
            else "no cost-sharing negotiation"
        )
        con.print(f"{where}: {dated}; {topic}")
    if not merged.events and not merged.positions and not merged.statements:
        con.print("nothing extracted")
        return
    events = Table(title="events", title_justify="left")
    for column in ("date", "kind", "CAMEO", "actors", "round", "place", "length", "outcome"):
        events.add_column(column)
    for e in merged.events:
        when = e.when
        events.add_row(
            _date_cell(when.date, when.relative, when.end_date) if when else "—",
            e.kind,
            e.cameo or "—",
            " → ".join(a for a in (e.source_actor, e.target_actor) if a) or "—",
            str(e.round) if e.round is not None else (e.round_text or "—"),
            e.place or "—",
            e.length_text or "—",
            _outcome_cell(e.outcome, e.votes.to_dict() if e.votes else None),
        )
    con.print(events)
    if merged.positions:
        _positions_table(con, merged)
    if merged.statements:
        statements = Table(title="statements", title_justify="left")
        for column in ("speaker", "role", "kind", "text"):
            statements.add_column(column)
        for s in merged.statements:
            text = s.text if len(s.text) <= 110 else s.text[:107] + "…"
            statements.add_row(s.speaker, s.role or "—", s.kind, text)
        con.print(statements)
    if merged.mentions:
        mentions = Table(title="mentions", title_justify="left")
        for column in ("category", "item", "stance", "as written"):
            mentions.add_column(column)
        for m in merged.mentions:
            stance = f"{m.stance} ({m.cue})" if m.cue else m.stance
            mentions.add_row(m.category, m.item, stance, m.text)
        con.print(mentions)


def _outcome_cell(outcome: str | None, votes: dict[str, Any] | None) -> str:
    parts = [outcome] if outcome else []
    if votes:
        parts.append(
            "votes "
            + "/".join(
                "?" if votes[k] is None else str(votes[k])
                for k in ("in_favor", "against", "abstentions")
            )
        )
        if votes["present"] is not None:
            parts[-1] += f" of {votes['present']}"
    return "; ".join(parts) or "—"


def _positions_table(con: Console, merged: Timeline) -> None:
    from rich.table import Table

    table = Table(title="positions", title_justify="left")
    for column in ("as of", "party", "stance", "figure", "amount", "relation", "vs status quo"):
        table.add_column(column)
    for p in merged.positions:
        amount = f"{p.currency} {p.amount:,.0f}" if p.amount is not None else "—"
        relation = p.relation or "—"
        if p.factor is not None:
            relation += f" (×{p.factor:g})"
        if p.reported:
            relation += "; reportedly"
        computed = "—"
        if p.computed is not None:
            c = p.computed
            if c.factor is not None and p.amount is not None:
                computed = f"×{c.factor:g}"
            elif c.amount is not None:
                computed = f"{c.currency} {c.amount:,.0f}"
            elif c.note:
                computed = c.note
        when = p.when
        table.add_row(
            _date_cell(when.date, when.relative) if when else "—",
            p.party or "—",
            p.stance,
            p.figure or "—",
            amount,
            relation,
            computed,
        )
    con.print(table)
