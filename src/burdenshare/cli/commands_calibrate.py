"""`burdenshare calibrate`: fit strategy parameters to observed positions, show the fit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from burdenshare.cli._common import json_text, reports_input_errors

if TYPE_CHECKING:
    from burdenshare.calibration.fit import Fit, Residual
    from burdenshare.model import Scenario


def register(app: typer.Typer) -> None:
    """Attach the `calibrate` command."""
    app.command("calibrate")(calibrate)


@reports_input_errors
def calibrate(
    scenario: Annotated[str, typer.Argument(help="Built-in scenario name or TOML file.")],
    observed: Annotated[
        Path,
        typer.Option(
            "--observed",
            help="Observed positions: CSV (date,party,amount,currency,factor,source) or a "
            "timeline JSON written by `burdenshare news --timeline`.",
            metavar="FILE",
        ),
    ],
    party: Annotated[
        list[str] | None,
        typer.Option("--party", help="Fit only this party (repeatable).", metavar="P"),
    ] = None,
    fit_reservation: Annotated[
        bool,
        typer.Option("--fit-reservation", help="Also fit each party's reservation value."),
    ] = False,
    max_evals: Annotated[
        int,
        typer.Option("--max-evals", help="At most this many simulations.", min=1),
    ] = 400,
    sweeps: Annotated[int, typer.Option("--sweeps", help="Passes over the parties.", min=1)] = 2,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Write the scenario with the fitted parameters (TOML).", metavar="FILE"
        ),
    ] = None,
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot", help="Draw observed vs fitted positions (PNG or SVG).", metavar="FILE"
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Fit each party's strategy parameters to observed positions (least squares on log amounts)."""
    from burdenshare.calibration.fit import calibrate as fit_parameters
    from burdenshare.errors import InputError, Problem
    from burdenshare.news.parties import party_for
    from burdenshare.reports.calibration import calibration_dict, calibration_figure
    from burdenshare.scenario import load_source
    from burdenshare.scenario.observed_file import read_observed

    loaded = load_source(scenario)
    model = loaded.scenario
    names = [p.name for p in model.parties]
    for name in party or []:
        if name not in names:
            raise InputError(
                Problem("", f"unknown party {name!r}; expected one of: {', '.join(names)}"),
                "--party",
            )
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        raise InputError(Problem("", "expected a .png or .svg file name"), "--plot")
    observations = read_observed(observed, lambda text: party_for(model, text))
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task("simulations (at most)", total=max_evals)
        try:
            fit = fit_parameters(
                model,
                observations,
                party or None,
                fit_reservation=fit_reservation,
                max_evals=max_evals,
                sweeps=sweeps,
                on_simulation=lambda count: progress.update(task, completed=count),
            )
        except ValueError as exc:
            raise InputError(Problem("", str(exc)), str(observed)) from None
    overrides = fit.overrides()
    if out is not None:
        from burdenshare.cli._common import write_text_atomic
        from burdenshare.scenario import to_toml

        fitted = load_source(scenario, overrides)
        header = (
            f"# {fitted.scenario.name}: strategy parameters fitted to {observed} by "
            f"`burdenshare calibrate` ({', '.join(overrides) or 'no change'})\n"
        )
        write_text_atomic(out, header + to_toml(fitted.document))
    if plot is not None:
        from burdenshare.cli._common import save_figure

        save_figure(calibration_figure(model, fit), plot)
    if as_json:
        sys.stdout.write(json_text(calibration_dict(model, fit, overrides)) + "\n")
    else:
        _show(model, fit, overrides)
    if out is not None:
        print(f"wrote the fitted scenario to {out}", file=sys.stderr)
    if plot is not None:
        print(f"wrote the plot to {plot}", file=sys.stderr)


def _params(values: tuple[tuple[str, float], ...]) -> str:
    return ", ".join(f"{k}={int(v) if k == 'hold' else v:g}" for k, v in values) or "—"


def _money(model: Scenario, value: float | None, signed: bool = False) -> str:
    """`KRW 5,900 bn (USD 5.00 bn)` for a value in the money issue's units."""
    from burdenshare.model import format_money
    from burdenshare.model.money_scale import money_issue

    if value is None:
        return "—"
    issue = money_issue(model)
    amount = issue.to_currency_units(value)
    sign = "+" if signed and amount >= 0 else ""
    text = f"{issue.currency} {sign}{value:,.0f} {issue.unit}".strip()
    rate = model.exchange_rate
    other = rate.other(issue.currency) if rate else None
    if rate is not None and other is not None:
        converted = format_money(rate.convert(amount, issue.currency, other), other)
        if sign:
            converted = converted.replace(f"{other} ", f"{other} {sign}")
        text += f" ({converted})"
    return text


def _percent(r: Residual) -> str:
    import math

    if r.log_residual is None:
        return "—"
    return f"{math.expm1(r.log_residual) * 100:+.1f} %"


def _show(model: Scenario, fit: Fit, overrides: tuple[str, ...]) -> None:
    from rich.table import Table

    from burdenshare.cli.render import console

    con = console()
    params = Table(title=f"calibration of {model.name}", title_justify="left")
    for column in ("party", "strategy", "observations", "before", "after", "note"):
        params.add_column(column)
    for p in fit.parties:
        params.add_row(
            p.party,
            p.strategy,
            str(p.observations),
            _params(p.before),
            _params(p.after),
            p.note or "—",
        )
    con.print(params)
    table = Table(title="observed vs simulated offer in force", title_justify="left")
    for column in ("date", "party", "observed", "before", "after", "residual", "source"):
        table.add_column(column)
    for b, a in zip(fit.before, fit.after, strict=True):
        o = a.observation
        source = o.source if len(o.source) <= 60 else o.source[:57] + "…"
        table.add_row(
            o.date.isoformat(),
            o.party,
            f"{o.stated()} = {_money(model, a.observed)}",
            _money(model, b.simulated),
            _money(model, a.simulated),
            f"{_money(model, a.difference, signed=True)} {_percent(a)}",
            source or "—",
        )
    con.print(table)
    con.print(
        f"RMSE (log amounts): {fit.rmse(fit.before):.4f} → {fit.rmse(fit.after):.4f}; "
        f"in money: {_money(model, fit.rmse_units(fit.before))} → "
        f"{_money(model, fit.rmse_units(fit.after))}; {fit.evaluations} simulations"
    )
    if overrides:
        con.print("fitted: " + " ".join(f"--set {o}" for o in overrides))
