"""The `backtest` report: the JSON object of every case's forecasts (model and baselines) and
the scores over all cases, and the figure of each case's forecast intervals against the actual
values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from burdenshare.experiments.backtest import Backtest, CaseForecast, Quantity, Summary

PALETTE = ("tab:blue", "tab:orange", "tab:cyan", "tab:gray", "tab:olive", "tab:purple", "tab:green")
"""One colour per forecaster in the figure, in `experiments.backtest.FORECASTERS` order."""


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


def _day(x: float | None) -> str | None:
    return None if x is None else dt.date.fromordinal(round(x)).isoformat()


def quantity_dict(q: Quantity) -> dict[str, Any]:
    """One quantity: `median`, `interval80`, `actual`, `error`, `covered` (dates as ISO days,
    the error in days; an event has `probability` and `brier`, its actual 1/0)."""
    from burdenshare.experiments.backtest import DATE

    show = _day if q.name == DATE else _r
    interval = None if q.low is None else [show(q.low), show(q.high)]
    out: dict[str, Any] = {
        "unit": q.unit,
        "median": show(q.median),
        "interval80": interval,
        "actual": show(q.actual),
        "error": _r(q.error),
        "relative_error": _r(q.relative_error),
        "covered": q.covered,
    }
    if q.event:
        out |= {"probability": _r(q.probability), "brier": _r(q.brier)}
    if q.headline:
        out["headline"] = True
    if q.note:
        out["note"] = q.note
    if q.sources:
        out["sources"] = list(q.sources)
    return out


def forecast_dict(f: CaseForecast) -> dict[str, Any]:
    """One forecaster's forecast of a case."""
    out: dict[str, Any] = {q.name: quantity_dict(q) for q in f.quantities}
    return {"quantities": out, "crps_amount": _r(f.crps_amount), "note": f.note}


def case_dict(r: Backtest) -> dict[str, Any]:
    """One case: how it was forecast, the model's quantities, each baseline's."""
    from burdenshare.experiments.backtest import DRESSED, RECALIBRATED

    model = forecast_dict(r.model)
    return {
        "scenario": r.scenario,
        "information_date": r.information_date.isoformat(),
        "runs": r.runs,
        "seed": r.seed,
        "forecast_view": {
            "meetings_held": r.meetings_held,
            "meetings_projected": r.meetings_projected,
            "uncertain_inputs_dropped": list(r.dropped_inputs),
        },
        "calibration": {
            "rule": r.calibration.rule,
            "cases": list(r.calibration.cases),
            "concession_shares": [_r(s) for s in r.calibration.shares],
            "replaced_inputs": list(r.replaced_inputs),
        },
        "headline": r.headline,
        "status_quo": _r(r.status_quo),
        "deadline": r.deadline.isoformat(),
        "actual": {
            "agreed": r.actual.agreed.isoformat(),
            "agreed_sources": list(r.actual.agreed_sources),
            "note": r.actual.note,
        },
        **model["quantities"],
        "crps_amount": model["crps_amount"],
        "model_recalibrated": {
            **forecast_dict(r.forecaster(RECALIBRATED)),
            "track_record_cases": list(r.dressing_cases),
        },
        "model_with_track_record": {
            **forecast_dict(r.forecaster(DRESSED)),
            "track_record_cases": list(r.dressing_cases),
        },
        "baselines": {b.forecaster: forecast_dict(b) for b in r.baselines},
    }


def summary_dict(s: Summary) -> dict[str, Any]:
    """One forecaster's scores over all cases."""
    return {
        "cases": s.cases,
        "share_within_5pct": _r(s.share_within_5pct),
        "coverage80": _r(s.coverage80),
        "intervals": s.intervals,
        "brier_agreement": _r(s.brier_agreement),
        "brier_lapse": _r(s.brier_lapse),
        "crps_amount": _r(s.crps_amount),
        "not_forecast": list(s.not_forecast),
    }


def backtest_dict(results: Sequence[Backtest]) -> dict[str, Any]:
    """`backtest --json`: `cases` and `summary` (the model's scores, the model's recalibrated
    on its track record under `summary.model_recalibrated`, the model's with its track record
    under `summary.model_with_track_record`, the baselines' under `summary.baselines`)."""
    from burdenshare.experiments.backtest import BASELINES, DRESSED, MODEL, RECALIBRATED, summarize

    summary = summary_dict(summarize(results, MODEL))
    summary["model_recalibrated"] = summary_dict(summarize(results, RECALIBRATED))
    summary["model_with_track_record"] = summary_dict(summarize(results, DRESSED))
    summary["baselines"] = {b: summary_dict(summarize(results, b)) for b in BASELINES}
    return {"cases": [case_dict(r) for r in results], "summary": summary}


def backtest_figure(results: Sequence[Backtest]) -> Figure:
    """One row per case: a panel per value quantity (each forecaster's 80 % interval and
    median, the actual value as a red cross), and a panel of the two events' probabilities."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from burdenshare.experiments.backtest import FORECASTERS

    forecasters = FORECASTERS
    colors = dict(zip(FORECASTERS, PALETTE, strict=True))
    columns = max(sum(not q.event for q in r.model.quantities) for r in results) + 1
    fig = Figure(figsize=(3.3 * columns, 2.2 * len(results) + 0.8), constrained_layout=True)
    axes = fig.subplots(len(results), columns, squeeze=False)
    heights = {f: len(forecasters) - k for k, f in enumerate(forecasters)}
    for row, r in enumerate(results):
        values = [q for q in r.model.quantities if not q.event]
        for col in range(columns):
            ax = axes[row][col]
            ax.set_yticks([])
            ax.tick_params(labelsize=7)
            ax.set_ylim(-0.5, len(forecasters) + 0.8)
            if col < len(values):
                _value_panel(ax, r, values[col].name, colors, heights)
            elif col == columns - 1:
                _event_panel(ax, r, colors, heights)
            else:
                ax.axis("off")
        axes[row][0].set_ylabel(f"{r.scenario}\n(as of {r.information_date})", fontsize=8)
    handles = [Line2D([], [], lw=6, color=colors[f], alpha=0.5, label=f) for f in forecasters] + [
        Line2D([], [], ls="", marker="X", color="tab:red", ms=9, label="actual")
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=len(handles), fontsize=8)
    fig.suptitle(
        f"Backtest: 80 % intervals and medians from each information date "
        f"({results[0].runs} runs a case) vs what happened",
        fontsize=10,
    )
    return fig


def _value_panel(ax: Any, r: Backtest, name: str, colors: dict[str, str],
                 heights: dict[str, int]) -> None:  # fmt: skip
    from matplotlib.ticker import MaxNLocator

    from burdenshare.experiments.backtest import DATE

    actual = None
    seen: list[float] = []
    first = next(iter(colors))  # the model
    for f, color in colors.items():
        q = r.forecaster(f).quantity(name)
        if q is None:
            continue
        actual = q.actual
        y = heights[f]
        if q.low is not None and q.high is not None:
            ax.plot([q.low, q.high], [y, y], lw=6, color=color, alpha=0.5,
                    solid_capstyle="butt")  # fmt: skip
            seen += [q.low, q.high]
        if q.median is not None:
            ax.plot([q.median], [y], "o", color=color, ms=4)
            seen.append(q.median)
        elif f == first:
            ax.text(0.02, y / (len(colors) + 1.3), "no agreement in any run", fontsize=7,
                    color=color, transform=ax.transAxes)  # fmt: skip
    if actual is None:
        return
    ax.plot([actual], [0], "X", color="tab:red", ms=9)
    seen.append(actual)
    model = r.model.quantity(name)
    unit = "" if model is None else model.unit
    ax.set_title(f"{name} ({unit})" if unit else name, fontsize=8)
    pad = 0.15 * (max(seen) - min(seen)) or (30.0 if name == DATE else max(abs(actual) * 0.05, 0.5))
    low, high = min(seen) - pad, max(seen) + pad
    if name == DATE:
        ticks = [low + (high - low) * k / 3 for k in range(4)]
        ax.set_xticks(ticks)
        ax.set_xticklabels([_day(t) or "" for t in ticks], rotation=30, fontsize=6)
    else:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
    ax.set_xlim(low, high)


def _event_panel(ax: Any, r: Backtest, colors: dict[str, str],
                 heights: dict[str, int]) -> None:  # fmt: skip
    """P(agreement before the deadline) as circles, P(lapse) as squares; what happened as
    red crosses at 0 or 1."""
    for f, color in colors.items():
        forecast = r.forecaster(f)
        for name, marker in (("agreement_before_deadline", "o"), ("lapse", "s")):
            q = forecast.quantity(name)
            if q is not None and q.probability is not None:
                ax.plot([q.probability], [heights[f]], marker, color=color, ms=5,
                        fillstyle="none" if marker == "s" else "full")  # fmt: skip
    for name, y in (("agreement_before_deadline", 0.2), ("lapse", -0.2)):
        q = r.model.quantity(name)
        if q is not None:
            ax.plot([q.actual], [y], "X", color="tab:red", ms=8)
    ax.set_xlim(-0.05, 1.05)
    ax.set_title("P(agreement by deadline) ●, P(lapse) □", fontsize=8)
