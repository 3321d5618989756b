"""`forecast` on a scenario: forecasts in the issues' real units (money in both currencies and as
a multiple of the status quo), and the negotiation's outcome from `run` beside them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from burdenshare.engine import NegotiationResult
    from burdenshare.model import Issue, Scenario
    from burdenshare.scenario.load import LoadedScenario
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


def real_value_json(sf: ScenarioForecast, k: int, value: float) -> dict[str, Any]:
    """One dimension's value in real units: the value and unit, each currency for money, and
    the multiple of the status quo where the issue has a numeric status quo."""
    from burdenshare.model import MoneyIssue

    dim = sf.scenario.stakeholders.dimensions[k] if sf.scenario.stakeholders else None
    out: dict[str, Any] = {"value": round(value, 6), "unit": dim.unit if dim else ""}
    issue = sf.issue(k)
    if isinstance(issue, MoneyIssue):
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
    from burdenshare.model import MoneyIssue, format_money

    scenario = sf.scenario
    issue = sf.issue(k)
    if isinstance(issue, MoneyIssue):
        if not short:
            return scenario.describe_money(issue, value)
        text = format_money(issue.to_currency_units(value), issue.currency)
        multiple = _multiple(scenario, issue, value)
        return f"{text} ({multiple:.2f}×)" if multiple is not None else text
    assert scenario.stakeholders is not None
    unit = scenario.stakeholders.dimensions[k].unit
    return f"{value:.1f} {unit}".strip()


def negotiation_json(sf: ScenarioForecast) -> dict[str, Any] | None:
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
                per_dim[dim.name] = real_value_json(sf, k, float(value))
        out["dimensions"] = per_dim
    return out


def _agreed(sf: ScenarioForecast, k: int) -> float | None:
    result = sf.negotiation
    name = sf.issues[k]
    if result is None or result.outcome.terms is None or name is None:
        return None
    value = result.outcome.terms[name]
    return float(value) if isinstance(value, int | float) else None


def print_real_units(
    console: Console, sf: ScenarioForecast, results: Mapping[str, ForecastResult]
) -> None:
    """A table per dimension of every model's forecast in real units, the negotiation's outcome
    beside it, and whether that outcome lies within the models' range."""
    from rich.table import Table

    from burdenshare.cli.render import outcome_lines

    s = sf.scenario.stakeholders
    assert s is not None
    first = next(iter(results.values()))
    best = first.stakeholders.to_real(first.most_probable.position)
    table = Table(title="Forecast in real units", title_justify="left")
    table.add_column("dimension")
    for name in results:
        table.add_column(name, justify="right")
    table.add_column(f"most probable ({first.model})", justify="right")
    if sf.negotiation is not None:
        table.add_column("negotiation (run)", justify="right")
        table.add_column("lenses", justify="left")
    for k, dim in enumerate(s.dimensions):
        values = [r.forecast_real[k] for r in results.values()]
        row = [dim.name, *(describe_value(sf, k, v, short=True) for v in values)]
        p_best = first.most_probable.probability
        row.append(f"{describe_value(sf, k, best[k], short=True)} (p={p_best:.2f})")
        if sf.negotiation is not None:
            agreed = _agreed(sf, k)
            if agreed is None:
                row += ["no agreement", ""]
            else:
                low, high = min(values), max(values)
                inside = low - 1e-9 <= agreed <= high + 1e-9
                row += [
                    describe_value(sf, k, agreed, short=True),
                    "inside the models' range" if inside else "outside the models' range",
                ]
        table.add_row(*row)
    console.print(table)
    for k, _ in enumerate(s.dimensions):
        console.print(
            f"{s.dimensions[k].name}: {first.model} forecast "
            f"{describe_value(sf, k, first.forecast_real[k])}"
        )
    if sf.negotiation is not None:
        console.print("Negotiation (burdenshare run, seed 0):")
        for line in outcome_lines(sf.scenario, sf.negotiation):
            console.print(f"  {line}")
