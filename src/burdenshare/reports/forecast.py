"""The `forecast` report: a stakeholder forecast as one JSON-ready dict, on a scenario also in
the issues' real units (money in both currencies and as a multiple of the status quo) beside the
negotiation's outcome from `run`, and the figure of positions by turn."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from burdenshare.engine import NegotiationResult
    from burdenshare.model import Issue, Scenario
    from burdenshare.scenario.load import LoadedScenario
    from burdenshare.stakeholders.actors import StakeholderSet
    from burdenshare.stakeholders.result import ForecastResult


@dataclass(frozen=True)
class ScenarioForecast:
    """A loaded scenario with stakeholders, the issue each dimension measures, and (optionally)
    the negotiation's result on the same scenario."""

    loaded: LoadedScenario
    issues: tuple[str | None, ...]
    negotiation: NegotiationResult | None = None

    @property
    def scenario(self) -> Scenario:
        """The scenario value."""
        return self.loaded.scenario

    def issue(self, k: int) -> Issue | None:
        """The issue dimension k measures, if any."""
        name = self.issues[k]
        return None if name is None else self.scenario.space.issue(name)


def prepare(loaded: LoadedScenario, negotiate: bool, seed: int = 0) -> ScenarioForecast:
    """Pair the scenario's dimensions with its issues; run the negotiation if asked."""
    from burdenshare.scenario.stakeholders_build import dimension_issues

    assert loaded.document.stakeholders is not None
    issues = dimension_issues(loaded.document.stakeholders)
    result = None
    if negotiate:
        from burdenshare.engine import negotiate as run

        result = run(loaded.scenario, {}, seed=seed)
    return ScenarioForecast(loaded, issues, result)


def _multiple(scenario: Scenario, issue: Issue | None, value: float) -> float | None:
    if issue is None:
        return None
    base = scenario.status_quo.terms.get(issue.name)
    if isinstance(base, int | float) and not isinstance(base, bool) and base > 0:
        return value / float(base)
    return None


def real_value_dict(sf: ScenarioForecast, k: int, value: float) -> dict[str, Any]:
    """One dimension's value in real units: the value and unit, each currency for money, and
    the multiple of the status quo where the issue has a numeric status quo."""
    from burdenshare.model import is_money

    dim = sf.scenario.stakeholders.dimensions[k] if sf.scenario.stakeholders else None
    out: dict[str, Any] = {"value": round(value, 6), "unit": dim.unit if dim else ""}
    issue = sf.issue(k)
    if is_money(issue):
        amount = issue.to_currency_units(value)
        out[issue.currency] = round(amount, 2)
        rate = sf.scenario.exchange_rate
        other = rate.other(issue.currency) if rate else None
        if rate is not None and other is not None:
            out[other] = round(rate.convert(amount, issue.currency, other), 2)
    multiple = _multiple(sf.scenario, issue, value)
    if multiple is not None:
        out["multiple_of_status_quo"] = round(multiple, 6)
    return out


def describe_value(sf: ScenarioForecast, k: int, value: float, short: bool = False) -> str:
    """One dimension's value for people, e.g. `KRW 1.31 tn (USD 1.11 bn, 1.26× 2019)`; short:
    `KRW 1.31 tn (1.26×)`."""
    from burdenshare.model import format_money, is_money

    scenario = sf.scenario
    issue = sf.issue(k)
    if is_money(issue):
        if not short:
            return scenario.describe_money(issue, value)
        text = format_money(issue.to_currency_units(value), issue.currency)
        multiple = _multiple(scenario, issue, value)
        return f"{text} ({multiple:.2f}×)" if multiple is not None else text
    assert scenario.stakeholders is not None
    unit = scenario.stakeholders.dimensions[k].unit
    return f"{value:.1f} {unit}".strip()


def negotiation_dict(sf: ScenarioForecast) -> dict[str, Any] | None:
    """The negotiation's outcome (as `run --json` gives it) and, per dimension, the agreed value
    in real units."""
    if sf.negotiation is None:
        return None
    result = sf.negotiation
    out: dict[str, Any] = {
        "seed": result.seed,
        "strategies": dict(result.strategies),
        "outcome": result.outcome.to_dict(result.parties),
    }
    terms = result.outcome.terms
    if terms is not None:
        per_dim: dict[str, Any] = {}
        assert sf.scenario.stakeholders is not None
        for k, dim in enumerate(sf.scenario.stakeholders.dimensions):
            name = sf.issues[k]
            value = terms[name] if name is not None else None
            if isinstance(value, int | float):
                per_dim[dim.name] = real_value_dict(sf, k, float(value))
        out["dimensions"] = per_dim
    return out


def agreed_value(sf: ScenarioForecast, k: int) -> float | None:
    """The negotiated value of dimension k's issue, if the talks agreed on a number for it."""
    result = sf.negotiation
    name = sf.issues[k]
    if result is None or result.outcome.terms is None or name is None:
        return None
    value = result.outcome.terms[name]
    return float(value) if isinstance(value, int | float) else None


def compare_models(
    stakeholders: StakeholderSet, result: ForecastResult
) -> dict[str, ForecastResult]:
    """Every stakeholder model's forecast of `stakeholders` (`forecast --compare`), in the
    order of `stakeholders.forecast.MODELS`; `result` stands for its own model."""
    from burdenshare.stakeholders.forecast import MODELS, forecast_stakeholders

    return {
        name: result if name == result.model else forecast_stakeholders(stakeholders, name)
        for name in MODELS
    }


def forecast_dict(
    result: ForecastResult,
    source: str,
    others: Mapping[str, ForecastResult] | None = None,
    sf: ScenarioForecast | None = None,
) -> dict[str, Any]:
    """`forecast --json`: the result; with `others` (--compare) each model's summary; with a
    scenario (`sf`) the forecasts in real units and the negotiation's outcome."""
    out = result_dict(result, source)
    if others:
        out["compare"] = {name: summary_dict(r) for name, r in others.items()}
    if sf is not None:
        out.update(_scenario_dict(sf, result, dict(others or {result.model: result})))
    return out


def _scenario_dict(
    sf: ScenarioForecast, result: ForecastResult, results: dict[str, ForecastResult]
) -> dict[str, Any]:
    """Real units per dimension and model, and the negotiation's outcome (when run)."""
    s = sf.scenario.stakeholders
    assert s is not None
    out: dict[str, Any] = {
        "real_units": {
            dim.name: {
                "issue": sf.issues[k],
                "unit": dim.unit,
                "forecast": {
                    name: real_value_dict(sf, k, r.forecast_real[k]) for name, r in results.items()
                },
            }
            for k, dim in enumerate(s.dimensions)
        },
        "final_positions_real": {
            name: [_clean(x) for x in s.to_real(pos)]
            for name, pos in result.final_positions.items()
        },
    }
    negotiation = negotiation_dict(sf)
    if negotiation is not None:
        out["negotiation"] = negotiation
    return out


def _clean(x: float) -> float:
    """Round away binary noise (positions are computed to 0.01 on the 0-100 scale)."""
    return round(float(x), 6)


def summary_dict(r: ForecastResult) -> dict[str, Any]:
    """Turns, whether the model settled before its turn limit, forecast (0-100 and real units)
    and the final distribution of winning positions."""
    return {
        "turns": r.turns,
        "converged": r.converged,
        "forecast": [_clean(x) for x in r.forecast],
        "forecast_real": [_clean(x) for x in r.forecast_real],
        "distribution": [
            {
                "position": [_clean(x) for x in w.position],
                "probability": w.probability,
                "holders": list(w.holders),
            }
            for w in r.distribution
        ],
    }


def result_dict(r: ForecastResult, source: str) -> dict[str, Any]:
    """The whole result as one JSON-ready object (positions on KTAB's 0-100 scale)."""
    s = r.stakeholders
    best = r.most_probable
    obj: dict[str, Any] = {
        "source": source,
        "scenario": s.name,
        "model": r.model,
        "turns": r.turns,
        "dimensions": list(r.dimensions),
        "units": [
            {"dimension": d.name, "low": d.low, "high": d.high, "unit": d.unit}
            for d in s.dimensions
        ],
        "scale": "KTAB 0-100 per dimension (0 = low end of the dimension's range)",
        "final_positions": {
            name: [_clean(x) for x in pos] for name, pos in r.final_positions.items()
        },
        "history": {
            name: [[_clean(x) for x in r.positions[t, i]] for t in range(r.turns + 1)]
            for i, name in enumerate(r.actors)
        },
        **summary_dict(r),
        "most_probable": {
            "position": [_clean(x) for x in best.position],
            "probability": best.probability,
            "holders": list(best.holders),
        },
        "parameters": {k: _jsonable(v) for k, v in r.parameters.items()},
        "notes": list(r.notes),
    }
    if r.win_probabilities is not None:
        obj["win_probabilities"] = {
            name: [float(p) for p in r.win_probabilities[:, i]] for i, name in enumerate(r.actors)
        }
    return obj


def _jsonable(v: object) -> object:
    if isinstance(v, tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def forecast_figure(
    r: ForecastResult, others: Mapping[str, ForecastResult] | None = None
) -> Figure:
    """One panel per dimension: each actor's position by turn, and a horizontal line per model's
    forecast (`others`, e.g. from --compare; else r's own)."""
    import matplotlib
    from matplotlib.figure import Figure

    dims = r.dimensions
    fig = Figure(figsize=(9, 3.2 * len(dims) + 0.8))
    axes = fig.subplots(len(dims), 1, squeeze=False, sharex=True)
    turns = range(r.turns + 1)
    cmap = matplotlib.colormaps["tab20"]
    forecasts = others or {r.model: r}
    styles = [("black", "--"), ("tab:red", ":"), ("tab:blue", "-."), ("tab:green", "--")]
    for k, ax in enumerate(axes[:, 0]):
        for i, name in enumerate(r.actors):
            ax.plot(turns, r.positions[:, i, k], color=cmap(i % 20), lw=1.4, label=name)
        for n, (name, o) in enumerate(forecasts.items()):
            color, ls = styles[n % len(styles)]
            ax.axhline(o.forecast[k], color=color, lw=1.2, ls=ls, label=f"forecast: {name}")
        ax.set_ylabel(f"{dims[k]} (0-100)")
        ax.set_ylim(-2, 102)
        ax.grid(alpha=0.3)
    axes[-1, 0].set_xlabel("turn")
    title = r.stakeholders.name or "stakeholders"
    fig.suptitle(f"{title}: positions by turn, model {r.model}")
    handles, labels = axes[0, 0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="center right", fontsize=8, frameon=False)
    fig.tight_layout(rect=(0, 0, 0.8, 1))
    return fig
