"""The `analyze` briefing as rich tables: space, ZOPA, frontier, solutions, Rubinstein, win-sets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.table import Table

from burdenshare.cli.render import console

if TYPE_CHECKING:
    from burdenshare.analysis.briefing import Analysis

LABELS = {
    "nash": "Nash (max Π(u−d))",
    "kalai_smorodinsky": "Kalai–Smorodinsky",
    "utilitarian": "utilitarian (max Σu)",
    "egalitarian": "egalitarian (max min(u−d))",
}


def _money(entry: dict[str, float] | None) -> str:
    from burdenshare.model import format_money

    if entry is None:
        return "—"
    return " = ".join(format_money(v, k) for k, v in entry.items())


def briefing(analysis: Analysis, doc: dict[str, Any], np: Any) -> None:
    """Print the briefing to standard output."""
    from burdenshare.model import is_money

    out = console()
    scenario = analysis.scenario
    parties = doc["parties"]
    count = doc["outcome_count"]
    size = "infinitely many (continuous issues)" if count is None else f"{count:,}"
    out.print(f"[bold]{scenario.title or scenario.name}[/bold] — bargaining analysis")
    out.print(
        f"Parties: {', '.join(parties)}.  Outcomes: {size}.  "
        f"Disagreement point ({doc['disagreement']['kind']}): "
        + ", ".join(
            f"{p} {d:.3f}" for p, d in zip(parties, doc["disagreement"]["utilities"], strict=True)
        )
    )
    table = Table(title="Outcome space", title_justify="left")
    for col in ("issue", "kind", "values", "range"):
        table.add_column(col)
    for issue in doc["issues"]:
        values = "∞" if issue["values"] is None else f"{issue['values']:,}"
        rng = issue["range"] if len(issue["range"]) < 90 else issue["range"][:87] + "…"
        table.add_row(issue["name"], issue["kind"], values, rng)
    out.print(table)

    if doc["zopa"]:
        table = Table(
            title="Zone of possible agreement (other issues held at the status quo)",
            title_justify="left",
        )
        for col in ("issue", "who", "accepts from", "to"):
            table.add_column(col)
        for z in doc["zopa"]:
            issue = scenario.space.issue(z["issue"])
            assert is_money(issue)
            from burdenshare.analysis.briefing import money_in

            for p in z["parties"]:
                table.add_row(
                    z["issue"],
                    f"{p['party']} (r = {p['reservation_value']:.3f})",
                    _money(money_in(scenario, issue, p["low"])),
                    _money(money_in(scenario, issue, p["high"])),
                )
            table.add_row(
                z["issue"],
                "[bold]ZOPA[/bold]" if z["exists"] else "[bold]no ZOPA[/bold]",
                _money(z["low_in"]),
                _money(z["high_in"]),
            )
        out.print(table)
        for z in doc["zopa"]:
            out.print(f"  {z['issue']}: other issues at {z['other_issues_held_at']}.")

    frontier = analysis.space.points
    out.print(
        f"\n[bold]Pareto frontier[/bold]: {len(frontier):,} "
        + (
            "vertices of a piecewise-linear frontier"
            if analysis.space.segments
            else "distinct points"
        )
        + f" ({analysis.space.method}; {analysis.space.note})."
    )
    if len(frontier):
        spans = ", ".join(
            f"{p} {frontier[:, k].min():.3f}–{frontier[:, k].max():.3f}"
            for k, p in enumerate(parties)
        )
        out.print(f"  utilities along it: {spans}")

    table = Table(
        title="Where the solution concepts put the deal (gains = u − d)", title_justify="left"
    )
    table.add_column("concept")
    table.add_column("terms")
    for p in parties:
        table.add_column(f"u {p}", justify="right")
    for p in parties:
        table.add_column(f"gain {p}", justify="right")
    for name, label in LABELS.items():
        s = doc["solutions"][name]
        if s is None:
            table.add_row(label, "none: no outcome beats the disagreement point for everyone")
            continue
        table.add_row(
            label,
            s.get("description", ""),
            *(f"{u:.4f}" for u in s["utilities"]),
            *(f"{g:+.4f}" for g in s["gains"]),
        )
    out.print(table)
    _reference_keys(doc, parties)

    r = doc.get("rubinstein")
    if r is not None:
        out.print(
            "\n[bold]Rubinstein alternating offers[/bold] "
            f"(δ per offer interval of {r['offer_interval_days']:.1f} days: "
            f"{r['proposer']} {r['deltas_per_offer'][0]:.5f}, "
            f"{r['responder']} {r['deltas_per_offer'][1]:.5f})"
        )
        if not r["applicable"]:
            out.print(f"  not applicable: {r['reason']}")
        else:
            out.print(
                f"  {r['proposer']} (first proposer) gets x* = (1−δ2)/(1−δ1δ2) = "
                f"{r['proposer_share']:.4f}"
                f" of the pie, {r['responder']} {r['responder_share']:.4f}."
            )
            if r.get("issue"):
                out.print(f"  On {r['issue']}: {_money(r['amount_in'])} — {r['amount_note']}.")
    w = doc.get("winsets")
    if w is not None:
        table = Table(
            title=f"Two-level win-sets (Putnam 1988), ratifiers in office on {w['day']}",
            title_justify="left",
        )
        for col in ("side", "ratifiers", "deals they accept", "share"):
            table.add_column(col)
        total = w["outcome_count"]
        for side in w["sides"]:
            table.add_row(
                side["party"],
                ", ".join(side["ratifiers"]) or "none",
                f"{side['size']:,}",
                f"{side['size'] / total:.1%}",
            )
        table.add_row(
            "[bold]overlap[/bold]", "all", f"{w['overlap']:,}", f"{w['overlap'] / total:.1%}"
        )
        out.print(table)
        if w["nash_ratifiable"] is not None:
            verdict = (
                "is ratifiable"
                if w["nash_ratifiable"]
                else "would be vetoed by " + ", ".join(w["nash_vetoed_by"])
            )
            out.print(f"  The Nash point {verdict}.")
        best = w.get("ratifiable_nash")
        if best is not None:
            out.print(
                f"  Best ratifiable deal by the Nash product: {best['description']} "
                f"(u = {', '.join(f'{u:.3f}' for u in best['utilities'])})."
            )
        elif w["overlap"] == 0:
            out.print("  The win-sets do not overlap: no deal can be ratified by every side.")
    _over_time(doc, parties)
    vary = doc.get("vary")
    if vary is not None:
        table = Table(title=f"Overlap as {vary['field']} moves", title_justify="left")
        table.add_column("value", justify="right")
        for p in parties:
            table.add_column(f"win-set {p}", justify="right")
        table.add_column("overlap", justify="right")
        table.add_column("Nash ratifiable")
        for point in vary["points"]:
            sizes = point["sizes"] or ["—"] * len(parties)
            table.add_row(
                f"{point['value']:g}",
                *(f"{s:,}" if isinstance(s, int) else s for s in sizes),
                f"{point['overlap']:,}",
                str(point["nash_ratifiable"]),
            )
        out.print(table)
    run = doc.get("run")
    if run is not None:
        if run["status"] == "agreement":
            out.print(
                "\n[bold]Simulated talks[/bold]: "
                f"agreement on {run['date']}: {run['description']}; "
                f"distance to the frontier {run['distance_to_frontier']:.4f}, "
                f"to the Nash point {_number(run['distance_to_nash'])}."
            )
        else:
            out.print(
                "\n[bold]Simulated talks[/bold]: "
                f"no agreement by {run['date']} ({run['offers']} offers)."
            )


def _over_time(doc: dict[str, Any], parties: list[str]) -> None:
    """`--over-time`: the win-sets at every meeting."""
    timeline = doc.get("over_time")
    if timeline is None:
        return
    table = Table(
        title="Win-sets at each meeting (ratifiers in office that day)", title_justify="left"
    )
    table.add_column("date")
    table.add_column("meeting")
    table.add_column("ratifiers in office")
    for p in parties:
        table.add_column(f"win-set {p}", justify="right")
    table.add_column("overlap", justify="right")
    table.add_column("Nash ratifiable")
    total = doc["winsets"]["outcome_count"] if doc.get("winsets") else 1
    for m in timeline:
        table.add_row(
            m["date"],
            m["label"] or m["place"],
            ", ".join(m["ratifiers"]) or "none",
            *(f"{s:,}" for s in m["sizes"]),
            f"{m['overlap']:,} ({m['overlap'] / total:.1%})",
            "—" if m["nash_ratifiable"] is None else str(m["nash_ratifiable"]),
        )
    console().print(table)


def _reference_keys(doc: dict[str, Any], parties: list[str]) -> None:
    """The reference keys of each share issue: shares, the nearest split's utilities."""
    keys = doc.get("reference_keys")
    if not keys:
        return
    table = Table(
        title="Reference keys (the split nearest to each on the grid)", title_justify="left"
    )
    table.add_column("issue")
    table.add_column("key")
    table.add_column("the key's shares")
    table.add_column("nearest split the floors and caps allow")
    for p in parties:
        table.add_column(f"u {p}", justify="right")
    for key in keys:
        if not key["available"]:
            table.add_row(key["issue"], key["key"], f"— {key['reason']}")
            continue
        shares = ", ".join(f"{p} {s:.2f} %" for p, s in key["shares"].items())
        split = key["nearest"]["terms"][key["issue"]]
        nearest = ", ".join(f"{p} {s:g} %" for p, s in split.items())
        table.add_row(
            key["issue"],
            key["key"],
            shares,
            nearest,
            *(f"{u:.4f}" for u in key["nearest"]["utilities"]),
        )
    console().print(table)


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.4f}"
