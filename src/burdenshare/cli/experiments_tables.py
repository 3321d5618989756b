"""Rich tables of a Monte Carlo summary: outcomes, vetoes, agreed terms, sensitivity."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    from burdenshare.experiments.montecarlo import MonteCarloPlan


def _pct(p: float) -> str:
    return f"{100 * p:.1f} %"


def _q(entry: dict[str, Any] | None, key: str, fmt: str) -> str:
    if not entry or not entry.get("quantiles"):
        return "–"
    return format(entry["quantiles"][key], fmt)


def montecarlo_tables(plan: MonteCarloPlan, s: dict[str, Any]) -> list[Table]:
    """The summary as four tables."""
    scenario = plan.scenario
    runs = s["runs"]
    head = Table(
        title=f"{scenario.title or scenario.name} — {runs:,} runs (seed {plan.seed})",
        title_justify="left",
    )
    head.add_column("outcome")
    head.add_column("probability", justify="right")
    deadline = scenario.calendar.deadline.isoformat()
    head.add_row(
        f"agreement before the deadline ({deadline})", _pct(s["p_agreement_before_deadline"])
    )
    head.add_row("agreement during a lapse", _pct(s["p_agreement_during_lapse"]))
    head.add_row("agreement (either)", _pct(s["p_agreement"]))
    head.add_row("no agreement", _pct(s["p_no_agreement"]))
    head.add_row("a tentative deal vetoed (any ratifier)", _pct(s["p_veto"]))
    for r in scenario.ratifiers:
        head.add_row(f"  vetoed by {r.display}", _pct(s["p_veto_by_ratifier"][r.name]))

    staged = s.get("stages")
    if staged is not None:
        p = staged["p_stopgap"]
        head.add_row("a stop-gap agreed first", "– (not recorded)" if p is None else _pct(p))
    title = "agreed terms (over agreements)"
    if staged is not None:
        title = "final deal's terms (over runs with a final deal)"
    terms = _terms_table(title)
    scopes: list[Table] = []
    _terms_rows(terms, s["terms_quantiles"], scopes, "agreements")
    timing = s["time_to_agreement"]["days_after_deadline"]
    if timing:
        terms.add_row(
            "days after the deadline",
            *(f"{timing[k]:,.0f}" for k in ("q05", "q25", "q50", "q75", "q95")),
        )

    sens = Table(title="what drives the outcome (Spearman rank correlation)", title_justify="left")
    for column in ("rank", "uncertain input", "range", *plan_measures(s)):
        sens.add_column(
            column, justify="right" if column not in ("uncertain input", "range") else "left"
        )
    for row in s["sensitivity"]:
        values = ["–" if v is None else f"{v:+.2f}" for v in row["spearman"].values()]
        sens.add_row(str(row["rank"]), row["input"], row["distribution"], *values)
    if not s["sensitivity"]:  # an empty table would read as a bug
        sens.add_row("–", escape("none: no [[uncertainty]] input varies: every run is alike"), "–")
    gaps: list[Table] = []
    if staged is not None and staged["stopgap_terms_quantiles"]:
        gap = _terms_table("stop-gap terms (over runs with a stop-gap; the first one)")
        _terms_rows(gap, staged["stopgap_terms_quantiles"], scopes, "stop-gaps")
        days = staged["stopgap_days_from_first_meeting"]
        if days:
            gap.add_row(
                "days from the first meeting",
                *(f"{days[k]:,.0f}" for k in ("q05", "q25", "q50", "q75", "q95")),
            )
        gaps.append(gap)
    return [head, terms, *gaps, *scopes, sens]


def _terms_table(title: str) -> Table:
    """An empty table of terms quantiles (issue, 5 % … 95 %)."""
    table = Table(title=title, title_justify="left")
    for column in ("issue", "5 %", "25 %", "median", "75 %", "95 %"):
        table.add_column(column, justify="left" if column == "issue" else "right")
    return table


def _terms_rows(terms: Table, quantiles: dict[str, Any], scopes: list[Table], over: str) -> None:
    """The rows of `summary.terms_quantiles` into `terms` (a scope issue's categories as a table
    of its own, into `scopes`; `over`: what its shares are of)."""
    for name, entry in quantiles.items():
        if entry is None:
            continue
        if "quantiles" in entry:
            base = name.rpartition("_")[0]
            if base in quantiles and entry.get("unit"):  # e.g. amount_USD
                label = f"{base} ({entry['unit']}, at the scenario's rate)"
            else:
                label = f"{name} ({entry['unit']})" if entry.get("unit") else name
            top = max(abs(v) for v in entry["quantiles"].values() if isinstance(v, int | float))
            fmt = ",.2f" if top < 10 else ",.1f"
            terms.add_row(label, *(_q(entry, k, fmt) for k in ("q05", "q25", "q50", "q75", "q95")))
        elif "shares" in entry:  # a share issue: each payer's share
            for payer, share in entry["shares"].items():
                terms.add_row(
                    f"{name}: {payer} (%)",
                    *(_q(share, k, ",.2f") for k in ("q05", "q25", "q50", "q75", "q95")),
                )
        elif "categories" in entry:
            covered = Table(
                title=f"{name}: share of {over} covering each category", title_justify="left"
            )
            covered.add_column("category")
            covered.add_column("share", justify="right")
            for category, share in entry["categories"].items():
                covered.add_row(category, _pct(share))
            scopes.append(covered)


def plan_measures(s: dict[str, Any]) -> list[str]:
    """The outcome measures of the sensitivity table, as column titles."""
    if not s["sensitivity"]:
        return []
    return [f"ρ {k}" for k in s["sensitivity"][0]["spearman"]]


def _diff(p: dict[str, Any], scale: float = 100.0, unit: str = " pp") -> str:
    if p["diff"] is None:
        return "–"
    low, high = p["low"], p["high"]
    band = "" if low is None else f" [{scale * low:+.1f}, {scale * high:+.1f}]"
    return f"{scale * p['diff']:+.1f}{unit}{band}"


def paired_tables(s: dict[str, Any]) -> list[Table]:
    """A paired what-if (`reports.experiments.paired_dict`) as tables: the paired differences,
    the runs per kind of change, and the explained runs."""
    a, b = s["a"], s["b"]

    def name(side: dict[str, Any]) -> str:
        return " ".join([side["scenario"], *(f"--set {o}" for o in side["overrides"])])

    head = Table(
        title=f"A: {name(a)}\nB: {name(b)}\n{s['runs']:,} paired runs (same seeds and draws)",
        title_justify="left",
    )
    for column in ("measure", "A", "B", "B − A [95 % interval]", "runs A→B"):
        head.add_column(column, justify="left" if column == "measure" else "right")

    def proportion(label: str, p: dict[str, Any]) -> None:
        flips = f"+{p['gained']} / −{p['lost']}"
        head.add_row(label, _pct(p["a"]), _pct(p["b"]), _diff(p), flips)

    proportion("agreement", s["agreement"])
    proportion("no agreement by the deadline (lapse)", s["lapse"])
    proportion("a deal vetoed", s["any_veto"])
    for ratifier, p in s["veto_by_ratifier"].items():
        proportion(f"  vetoed by {ratifier}", p)
    v = s["vetoes_per_run"]
    head.add_row("vetoes per run", f"{v['a']:.2f}", f"{v['b']:.2f}", _diff(v, 1.0, ""), "")
    for issue, m in s["terms"].items():
        if m["a"] is None or m["b"] is None:
            continue
        unit = f" {m['unit']}" if m["unit"] else ""
        head.add_row(
            f"mean agreed {issue}{unit} (runs both agree: {m['pairs']:,})",
            f"{m['a']:,.2f}",
            f"{m['b']:,.2f}",
            _diff(m, 1.0, ""),
            "",
        )
    changes = Table(title="how each run changed", title_justify="left")
    changes.add_column("change")
    changes.add_column("runs", justify="right")
    for kind, count in s["changes"].items():
        changes.add_row(kind.replace("_", " "), f"{count:,}")
    tables = [head, changes]
    for e in s["explained"]:
        t = Table(title=f"run {e['run']}: {e['change'].replace('_', ' ')}", title_justify="left")
        t.add_column("")
        t.add_column("A")
        t.add_column("B")
        ra, rb = e["a"], e["b"]

        def outcome(r: dict[str, Any]) -> str:
            if r["status"] != "agreement":
                return f"no agreement by {r['date']}"
            return f"agreed at meeting {r['meeting']} ({r['date']}): {r['terms']}"

        def vetoes(vs: list[dict[str, Any]]) -> str:
            return "\n".join(f"m{v['meeting']} {v['date']}: " + "; ".join(v["by"]) for v in vs)

        t.add_row("outcome", outcome(ra), outcome(rb))
        where = f"meeting {e['meeting']} ({e['date']})" if e["meeting"] is not None else "–"
        t.add_row(f"first difference\n{where}", e["event_a"], e["event_b"])
        t.add_row("vetoes on one side only", vetoes(e["vetoes_only_a"]), vetoes(e["vetoes_only_b"]))
        tables.append(t)
    return tables
