"""The Monte Carlo figure (`montecarlo --plot`): how the talks end, the agreed amount, time to
agreement, and what drives the outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.experiments.tallies import Tallies


def montecarlo_figure(plan: MonteCarloPlan, tallies: Tallies, summary: dict[str, Any]) -> Figure:
    """Four panels of a Monte Carlo summary (as `montecarlo --json` prints it); the histograms
    are weighted counts over the grid of amounts and of days, as tallied from the runs."""
    import numpy as np
    from matplotlib.figure import Figure

    from burdenshare.experiments.tallies import Counts
    from burdenshare.model import is_money

    scenario = plan.scenario
    fig = Figure(figsize=(12, 8))
    axes = fig.subplots(2, 2)
    ax = axes[0][0]
    labels = ["before deadline", "during lapse", "no agreement"]
    shares = [
        summary["p_agreement_before_deadline"],
        summary["p_agreement_during_lapse"],
        summary["p_no_agreement"],
    ]
    ax.bar(labels, [100 * p for p in shares], color=["#2a9d8f", "#e9c46a", "#e76f51"])
    ax.set_ylabel("% of runs")
    ax.set_title(f"How the talks end ({summary['runs']:,} runs)")

    ax = axes[0][1]
    space = scenario.space
    money = [p for p, i in enumerate(space.issues) if is_money(i)]
    if money and tallies.outcomes.n:
        p = money[0]
        issue = space.issues[p]
        assert is_money(issue)
        position = np.unravel_index(tallies.outcomes.values.astype(np.int64), space.shape)[p]
        amounts = Counts(position, tallies.outcomes.counts).mapped(np.asarray(space.grids[p]))
        ax.hist(amounts.values, bins=40, weights=amounts.counts, color="#264653")
        base = scenario.status_quo.terms.get(issue.name)
        if isinstance(base, int | float):
            ax.axvline(float(base), color="#e76f51", linestyle="--", label="status quo")
            ax.legend()
        ax.set_xlabel(f"{issue.label or issue.name} ({issue.currency} {issue.unit})".strip())
    ax.set_ylabel("runs with agreement")
    ax.set_title("Agreed amount")

    ax = axes[1][0]
    start = scenario.calendar.start
    deadline = (scenario.calendar.deadline - start).days
    days = tallies.days
    if days.n:
        ax.hist(
            days.values,
            bins=40,
            range=(0, int(days.values.max()) + 10),
            weights=days.counts,
            color="#2a9d8f",
        )
    ax.axvline(deadline, color="#e76f51", linestyle="--", label="deadline")
    ax.legend()
    ax.set_xlabel(f"days from the first meeting ({start.isoformat()})")
    ax.set_ylabel("runs with agreement")
    ax.set_title("Time to agreement")

    ax = axes[1][1]
    rows = summary["sensitivity"][::-1]
    names = [r["input"] for r in rows]
    y = np.arange(len(rows))
    keys = list(rows[0]["spearman"]) if rows else []
    height = 0.8 / max(len(keys), 1)
    for k, key in enumerate(keys):
        values = [r["spearman"][key] or 0.0 for r in rows]
        ax.barh(y + k * height, values, height=height, label=key)
    ax.set_yticks(y + 0.4 - height / 2, names, fontsize=7)
    ax.axvline(0, color="black", linewidth=0.5)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("Spearman ρ with the outcome")
    ax.set_title("What drives the outcome")
    if keys and rows:  # no uncertain input moved anything: nothing to name in a legend
        ax.legend(fontsize=7, loc="lower right")
    fig.suptitle(scenario.title or scenario.name)
    fig.tight_layout()
    return fig
