"""`forecast` on a scenario, for people: every model's forecast in the issues' real units beside
the negotiation's outcome from `run` (the values themselves come from `reports.forecast`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from burdenshare.reports.forecast import ScenarioForecast
    from burdenshare.stakeholders.result import ForecastResult


def print_real_units(
    console: Console, sf: ScenarioForecast, results: Mapping[str, ForecastResult]
) -> None:
    """A table per dimension of every model's forecast in real units, the negotiation's outcome
    beside it, and whether that outcome lies within the models' range."""
    from rich.table import Table

    from burdenshare.cli.render import outcome_lines
    from burdenshare.reports.forecast import agreed_value, describe_value

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
            agreed = agreed_value(sf, k)
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
