"""Rich tables of a Monte Carlo summary: outcomes, vetoes, agreed terms, sensitivity."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

    terms = Table(title="agreed terms (over agreements)", title_justify="left")
    scopes: list[Table] = []
    for column in ("issue", "5 %", "25 %", "median", "75 %", "95 %"):
        terms.add_column(column, justify="left" if column == "issue" else "right")
    for name, entry in s["terms_quantiles"].items():
        if entry is None:
            continue
        if "quantiles" in entry:
            base = name.rpartition("_")[0]
            if base in s["terms_quantiles"] and entry.get("unit"):  # e.g. amount_USD
                label = f"{base} ({entry['unit']}, at the scenario's rate)"
            else:
                label = f"{name} ({entry['unit']})" if entry.get("unit") else name
            top = max(abs(v) for v in entry["quantiles"].values() if isinstance(v, int | float))
            fmt = ",.2f" if top < 10 else ",.1f"
            terms.add_row(label, *(_q(entry, k, fmt) for k in ("q05", "q25", "q50", "q75", "q95")))
        elif "categories" in entry:
            covered = Table(
                title=f"{name}: share of agreements covering each category", title_justify="left"
            )
            covered.add_column("category")
            covered.add_column("share", justify="right")
            for category, share in entry["categories"].items():
                covered.add_row(category, _pct(share))
            scopes.append(covered)
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
    return [head, terms, *scopes, sens]


def plan_measures(s: dict[str, Any]) -> list[str]:
    """The outcome measures of the sensitivity table, as column titles."""
    if not s["sensitivity"]:
        return []
    return [f"ρ {k}" for k in s["sensitivity"][0]["spearman"]]
