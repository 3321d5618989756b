"""`burdenshare forecast`: stakeholder forecasts (KTAB's SMP, Bueno de Mesquita, baselines).

Input: a KTAB SMP CSV file, or a scenario (built-in name or TOML file) with a `[stakeholders]`
section. `load_stakeholders` returns the `StakeholderSet`; everything after that goes through
`forecast_stakeholders(stakeholders, model)` from the pure core and `burdenshare.reports.forecast`.
For a scenario the forecast is also shown in the issues' real units, beside the negotiation's
outcome from `run`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from burdenshare.cli._common import fail, json_text, reports_input_errors, save_figure

if TYPE_CHECKING:
    from burdenshare.reports.forecast import ScenarioForecast
    from burdenshare.scenario.load import LoadedScenario
    from burdenshare.stakeholders.actors import StakeholderSet
    from burdenshare.stakeholders.result import ForecastResult

MAX_TURN_COLUMNS = 9  # keeps the turn-by-turn table within 80 columns


class ModelName(StrEnum):
    """The stakeholder models `forecast` can run."""

    smp = "smp"
    bdm = "bdm"
    mean = "mean"
    median = "median"


def register(app: typer.Typer) -> None:
    """Attach the `forecast` command."""
    app.command("forecast")(forecast)


def load_stakeholders(
    source: str, overrides: list[str] | None = None
) -> tuple[StakeholderSet, LoadedScenario | None]:
    """The stakeholders named on the command line, and the scenario they come from (None for a
    KTAB CSV file): FILE.csv, or a built-in scenario name or TOML file with `\\[stakeholders]`."""
    from burdenshare.errors import InputError, Problem
    from burdenshare.scenario import builtin_names, load_source
    from burdenshare.scenario.ktab_csv import read_ktab_csv

    path = Path(source)
    if path.suffix.lower() == ".csv":
        if overrides:
            raise InputError(Problem("--set", "applies to scenarios, not to KTAB CSV files"))
        return read_ktab_csv(path), None
    if not path.exists() and source not in builtin_names():
        raise InputError(
            Problem(
                "",
                "no such file, and no built-in scenario of that name (built-ins: "
                f"{', '.join(builtin_names())}); expected a scenario with [stakeholders] "
                "or a KTAB SMP FILE.csv",
            ),
            source,
        )
    loaded = load_source(source, overrides or [])
    if loaded.scenario.stakeholders is None:
        raise InputError(
            Problem(
                "stakeholders",
                "the scenario has no [stakeholders] section to forecast with; add one (see "
                "docs/tutorial/forecast-with-stakeholders.md) or give a KTAB SMP FILE.csv",
            ),
            loaded.origin,
        )
    return loaded.scenario.stakeholders, loaded


@reports_input_errors
def forecast(
    source: Annotated[
        str,
        typer.Argument(
            help="A scenario with \\[stakeholders] (built-in name or TOML file), or a KTAB SMP "
            "input file (FILE.csv)."
        ),
    ],
    model: Annotated[
        ModelName,
        typer.Option("--model", "-m", help="Which stakeholder model to run."),
    ] = ModelName.smp,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object instead of tables.")
    ] = False,
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot",
            help="Draw each actor's trajectory per dimension to FILE.png or FILE.svg.",
            metavar="FILE",
        ),
    ] = None,
    compare: Annotated[
        bool, typer.Option("--compare", help="Also run every model and show them side by side.")
    ] = False,
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set", help="Override a scenario field, e.g. stakeholders.actors.0.capability=30."
        ),
    ] = None,
    with_negotiation: Annotated[
        bool,
        typer.Option(
            "--negotiation/--no-negotiation",
            help="For a scenario: also run the negotiation (as `run`) and show its outcome.",
        ),
    ] = True,
) -> None:
    """Forecast where stakeholders' positions settle (KTAB's SMP, BDM, baselines).

    Prints positions turn by turn, the final winning positions with probabilities, the forecast.
    """
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        raise fail(f"--plot: expected a file name ending in .png or .svg, got {str(plot)!r}")
    if plot is not None and not plot.resolve().parent.is_dir():
        raise fail(f"--plot: cannot write {plot}: folder {plot.parent} does not exist")
    from burdenshare.reports.forecast import compare_models, forecast_dict, forecast_figure, prepare
    from burdenshare.stakeholders.forecast import forecast_stakeholders

    stakeholders, loaded = load_stakeholders(source, set_)
    sf: ScenarioForecast | None = None
    if loaded is not None:
        sf = prepare(loaded, with_negotiation)
    result = forecast_stakeholders(stakeholders, model.value)
    others = compare_models(stakeholders, result) if compare else {}
    if plot is not None:
        save_figure(forecast_figure(result, others), plot, dpi=120)
    if as_json:
        obj = forecast_dict(result, source, others, sf)
        print(json_text(obj, ensure_ascii=False))
    else:
        _print(result, others, source)
        if sf is not None:
            from burdenshare.cli.forecast_scenario import print_real_units
            from burdenshare.cli.render import console

            print_real_units(console(), sf, others or {result.model: result})


# --- tables -------------------------------------------------------------------------------------


def _turn_columns(turns: int) -> list[int]:
    """At most MAX_TURN_COLUMNS turns, evenly spread, always the first and the last."""
    if turns + 1 <= MAX_TURN_COLUMNS:
        return list(range(turns + 1))
    step = turns / (MAX_TURN_COLUMNS - 1)
    return sorted({round(k * step) for k in range(MAX_TURN_COLUMNS)})


def _real_units_differ(s: StakeholderSet) -> bool:
    return any(d.unit or d.low != 0.0 or d.high != 100.0 for d in s.dimensions)


def _fmt_real(x: float, unit: str) -> str:
    return f"{x:,.4g} {unit}".strip()


def _print(r: ForecastResult, others: dict[str, ForecastResult], source: str) -> None:
    from rich.console import Console
    from rich.table import Table

    from burdenshare.stakeholders.forecast import MODEL_TITLES

    console = Console(soft_wrap=False, highlight=False)
    s = r.stakeholders
    title = s.name or Path(source).name
    console.print(f"{title}: {len(s.actors)} actors, {len(s.dimensions)} dimension(s)")
    console.print(f"model {r.model}: {MODEL_TITLES[r.model]}; {r.turns} turns")
    cols = _turn_columns(r.turns)
    for k, dim in enumerate(s.dimensions):
        table = Table(title=f"Positions by turn: {dim.name} (0-100)", title_justify="left")
        table.add_column("actor")
        for t in cols:
            table.add_column(f"t{t}", justify="right")
        for i, name in enumerate(r.actors):
            table.add_row(name, *(f"{r.positions[t, i, k]:.1f}" for t in cols))
        console.print(table)

    dist = Table(title="Final distribution of winning positions", title_justify="left")
    for dim in s.dimensions:
        dist.add_column(dim.name, justify="right")
    dist.add_column("probability", justify="right")
    dist.add_column("held by")
    for w in sorted(r.distribution, key=lambda w: -w.probability):
        dist.add_row(*(f"{x:.2f}" for x in w.position), f"{w.probability:.4f}", " ".join(w.holders))
    console.print(dist)

    show_real = _real_units_differ(s)
    fc = Table(title="Forecast per dimension", title_justify="left")
    fc.add_column("dimension")
    fc.add_column("forecast (0-100)", justify="right")
    if show_real:
        fc.add_column("in real units", justify="right")
    fc.add_column("most probable (0-100)", justify="right")
    best = r.most_probable
    for k, dim in enumerate(s.dimensions):
        row = [dim.name, f"{r.forecast[k]:.2f}"]
        if show_real:
            row.append(_fmt_real(r.forecast_real[k], dim.unit))
        row.append(f"{best.position[k]:.2f} (p={best.probability:.2f})")
        fc.add_row(*row)
    console.print(fc)
    for note in r.notes:
        console.print(f"note: {note}")

    if others:
        cmp = Table(title="Forecast (0-100) by model", title_justify="left")
        cmp.add_column("model")
        cmp.add_column("turns", justify="right")
        cmp.add_column("settled")
        for dim in s.dimensions:
            cmp.add_column(dim.name, justify="right")
        for name, o in others.items():
            settled = "yes" if o.converged else "no (cycle or turn limit)"
            cmp.add_row(name, str(o.turns), settled, *(f"{x:.2f}" for x in o.forecast))
        console.print(cmp)
