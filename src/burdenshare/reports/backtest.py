"""The `backtest` report: the JSON list of backtests, and the figure of each scenario's predicted
80 % interval and median against the actual value, per issue, and the predicted probability of a
lapse against what happened."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from burdenshare.experiments.backtest import Backtest

PRED, ACTUAL = 0.3, -0.3
"""Heights of the prediction (interval, median) and of the actual value in each panel."""


def backtest_list(results: Sequence[Backtest]) -> list[dict[str, Any]]:
    """`backtest --json`: one object per scenario (see `Backtest.to_json`)."""
    return [r.to_json() for r in results]


def backtest_figure(results: Sequence[Backtest]) -> Figure:
    """One row per scenario: a panel per issue with a known outcome, and a lapse panel."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    columns = max(len(r.issues) for r in results) + 1
    fig = Figure(
        figsize=(3.2 * columns, 1.9 * len(results) + 0.6),
        constrained_layout=True,
    )
    axes = fig.subplots(len(results), columns, squeeze=False)
    for row, r in enumerate(results):
        for col in range(columns):
            ax = axes[row][col]
            ax.set_yticks([])
            if col < len(r.issues):
                f = r.issues[col]
                if f.low is not None and f.high is not None:
                    ax.plot([f.low, f.high], [PRED, PRED], lw=8, color="tab:blue", alpha=0.35,
                            solid_capstyle="butt", label="80 % interval")  # fmt: skip
                if f.median is not None:
                    ax.plot([f.median], [PRED], "o", color="tab:blue", label="median")
                else:
                    ax.text(0.5, 0.8, "no agreement in any run", transform=ax.transAxes,
                            ha="center", fontsize=8, color="tab:blue")  # fmt: skip
                ax.plot([f.actual], [ACTUAL], "X", color="tab:red", ms=10, label="actual")
                values = [v for v in (f.low, f.high, f.median, f.actual) if v is not None]
                span = max(values) - min(values) or max(abs(f.actual) * 0.05, 0.5)
                ax.set_xlim(min(values) - 0.3 * span, max(values) + 0.3 * span)
                ax.set_title(f"{f.issue} ({f.unit})" if f.unit else f.issue, fontsize=9)
            elif col == columns - 1:
                actual = 1.0 if r.actual_lapse else 0.0
                ax.plot([r.p_lapse], [PRED], "o", color="tab:blue")  # a probability, no interval
                ax.plot([actual], [ACTUAL], "X", color="tab:red", ms=10)
                ax.set_xlim(-0.05, 1.05)
                ax.set_title("P(lapse): predicted vs 1/0", fontsize=9)
            else:
                ax.axis("off")
            ax.set_ylim(-1, 1)
            ax.tick_params(labelsize=8)
        axes[row][0].set_ylabel(f"{r.scenario}\n(as of {r.information_date})", fontsize=9)
    handles = [
        Line2D([], [], lw=8, color="tab:blue", alpha=0.35, label="predicted 80 % interval"),
        Line2D([], [], ls="", marker="o", color="tab:blue", label="predicted median"),
        Line2D([], [], ls="", marker="X", color="tab:red", ms=10, label="actual"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=3, fontsize=8)
    runs = results[0].runs
    fig.suptitle(
        f"Backtest: forecast from the information date ({runs} runs each) vs what happened",
        fontsize=11,
    )
    return fig
