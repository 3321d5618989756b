"""The `calibrate` report: a fit of strategy parameters to observed positions as one JSON-ready
dict, and the figure of observed positions against the simulated offers before and after."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from burdenshare.calibration.fit import Fit, Residual
    from burdenshare.model import Scenario


def residual_dict(r: Residual) -> dict[str, Any]:
    """One observation against the simulated offer in force on its date."""
    o = r.observation
    return {
        "date": o.date.isoformat(),
        "party": o.party,
        "stated": o.stated(),
        "observed": r.observed,
        "simulated": r.simulated,
        "difference": r.difference,
        "log_residual": r.log_residual,
        "source": o.source,
    }


def calibration_dict(model: Scenario, fit: Fit, overrides: tuple[str, ...]) -> dict[str, Any]:
    """`calibrate --json`: per party the parameters before and after, the RMSE of log amounts
    (and in money) before and after, every residual, and the `--set` overrides fitted."""
    from burdenshare import __version__
    from burdenshare.model.money_scale import money_issue

    issue = money_issue(model)
    return {
        "package": "burdenshare",
        "version": __version__,
        "scenario": model.name,
        "scale": "log amounts: residual = ln(simulated) - ln(observed)",
        "unit": {"issue": issue.name, "currency": issue.currency, "unit": issue.unit},
        "parties": [
            {
                "party": p.party,
                "strategy": p.strategy,
                "observations": p.observations,
                "before": dict(p.before),
                "after": dict(p.after),
                "note": p.note,
            }
            for p in fit.parties
        ],
        "rmse": {"before": fit.rmse(fit.before), "after": fit.rmse(fit.after)},
        "rmse_money": {"before": fit.rmse_units(fit.before), "after": fit.rmse_units(fit.after)},
        "residuals": {
            "before": [residual_dict(r) for r in fit.before],
            "after": [residual_dict(r) for r in fit.after],
        },
        "evaluations": fit.evaluations,
        "overrides": list(overrides),
    }


def calibration_figure(model: Scenario, fit: Fit) -> Figure:
    """Observed positions (markers) and the simulated offer in force over time, with the
    scenario's parameters (dashed) and the fitted ones (solid), on a log scale of money."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    from burdenshare.calibration.fit import simulated_offers
    from burdenshare.model.money_scale import money_issue

    issue = money_issue(model)
    before = {p.party: dict(p.before) for p in fit.parties}
    after = {p.party: dict(p.after) for p in fit.parties}
    paths_before = simulated_offers(model, before)
    paths_after = simulated_offers(model, after)
    fig = Figure(figsize=(9, 5))
    ax = fig.subplots()
    colours = ["tab:blue", "tab:red", "tab:green", "tab:purple"]
    for i, p in enumerate(model.parties):
        colour = colours[i % len(colours)]
        for paths, style, tag in ((paths_before, "--", "scenario"), (paths_after, "-", "fitted")):
            points = list(paths.get(p.name, []))
            last = max((r.observation.date for r in fit.after), default=None)
            if points and last is not None and last > points[-1][0]:
                points.append((last, points[-1][1]))
            if points:
                ax.step(
                    _dates([d for d, _ in points]),
                    [v for _, v in points],
                    where="post",
                    linestyle=style,
                    color=colour,
                    alpha=0.5 if style == "--" else 1.0,
                    label=f"{p.name} {tag}",
                )
        seen = [r for r in fit.after if r.observation.party == p.name]
        if seen:
            ax.scatter(
                _dates([r.observation.date for r in seen]),
                [r.observed for r in seen],
                color=colour,
                edgecolor="black",
                zorder=5,
                s=50,
                label=f"{p.name} observed",
            )
    ax.xaxis_date()
    ax.set_yscale("log")
    thousands = FuncFormatter(lambda v, _: f"{v:,.0f}")
    ax.yaxis.set_major_formatter(thousands)
    ax.yaxis.set_minor_formatter(thousands)
    ax.tick_params(axis="y", which="minor", labelsize=7)
    ax.set_ylabel(f"{issue.label or issue.name} ({issue.currency} {issue.unit}, log scale)")
    ax.set_title(
        f"{model.name}: observed positions vs simulated offers "
        f"(RMSE log {fit.rmse(fit.before):.3f} → {fit.rmse(fit.after):.3f})"
    )
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, ncol=2)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def _dates(days: list[Any]) -> Any:
    """Dates as matplotlib takes them (its stubs expect arrays; it converts dates itself)."""
    import numpy as np

    return np.array(days, dtype="datetime64[D]")
