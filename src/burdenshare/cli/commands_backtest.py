"""`burdenshare backtest`: each historical built-in's Monte Carlo forecast from its information
date (the forecast view plus its projected meetings) against what happened, with sources."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from burdenshare.cli._common import json_text, reports_input_errors

if TYPE_CHECKING:
    from burdenshare.experiments.backtest import Backtest

DEFAULT_RUNS = 20
"""Runs per scenario by default: seconds in all (sma-2019 takes about 0.2 s a run)."""


def register(app: typer.Typer) -> None:
    """Attach `backtest`."""
    app.command("backtest")(reports_input_errors(backtest))


def backtest(
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="[NAME]...", help="Built-in scenarios (default: every one)."),
    ] = None,
    n: Annotated[int, typer.Option("-n", "--runs", help="Monte Carlo runs per scenario.")] = (
        DEFAULT_RUNS
    ),
    seed: Annotated[int, typer.Option("--seed", help="Experiment seed.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON list.")] = False,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", metavar="FILE", help="Predicted interval vs actual (.png/.svg)."),
    ] = None,
) -> None:
    """Forecast each historical scenario from its information date and compare with history."""
    from burdenshare.cli.plugin_options import note_unfit_scenarios
    from burdenshare.errors import InputError, Problem
    from burdenshare.experiments.backtest import backtest as run_backtest
    from burdenshare.history.outcomes import actual_outcomes
    from burdenshare.history.record import load_record
    from burdenshare.limits import MAX_RUNS, MAX_SEED
    from burdenshare.reports.backtest import backtest_figure, backtest_list
    from burdenshare.scenario.uncertainty import load_uncertain

    known = actual_outcomes(load_record())
    chosen = list(names or known)
    problems = [
        Problem("NAME", f"expected a built-in with a known outcome ({', '.join(sorted(known))})"
                f", got {name!r}")
        for name in chosen
        if name not in known
    ]  # fmt: skip
    if n < 1:
        problems.append(Problem("-n", f"expected at least 1 run, got {n}"))
    if n > MAX_RUNS:
        problems.append(Problem("-n", f"expected at most {MAX_RUNS:,} runs, got {n:,}"))
    if seed < 0:
        problems.append(Problem("--seed", f"expected a non-negative integer, got {seed}"))
    if seed > MAX_SEED:
        problems.append(Problem("--seed", f"expected at most 2**63 - 1, got {seed}"))
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        problems.append(Problem("--plot", f"expected a .png or .svg file name, got {plot}"))
    if plot is not None and not (plot.parent.is_dir() or str(plot.parent) == ""):
        problems.append(Problem("--plot", f"folder {plot.parent} does not exist"))
    if problems:
        raise InputError(problems)
    results = []
    for name in chosen:
        loaded, uncertain = load_uncertain(name, [])
        print(f"backtest {name}: {n} runs", file=sys.stderr)
        note_unfit_scenarios([loaded.scenario])
        results.append(run_backtest(loaded.scenario, uncertain, known[name], n, seed))
    if plot is not None:
        from burdenshare.cli._common import save_figure

        save_figure(backtest_figure(results), plot, dpi=110)
        print(f"wrote {plot}", file=sys.stderr)
    if as_json:
        print(json_text(backtest_list(results), ensure_ascii=False))
        return
    _print(results)


def _num(x: float | None, digits: int = 1) -> str:
    return "—" if x is None else f"{x:,.{digits}f}"


def _print(results: list[Backtest]) -> None:
    from rich.table import Table

    from burdenshare.cli.render import console

    con = console()
    terms = Table(
        title="backtest: predicted (median, 80 % interval) vs actual", title_justify="left"
    )
    for column in ("scenario", "issue", "unit", "median", "80 % interval", "actual", "error"):
        terms.add_column(column, justify="left" if column in ("scenario", "issue") else "right")
    terms.add_column("rel.", justify="right")
    terms.add_column("in 80 %")
    for r in results:
        for f in r.issues:
            digits = 2 if f.unit.startswith("%") else 1 if f.unit.split()[:1] != [] else 0
            digits = 0 if f.unit in ("years", "") else digits
            rows: list[tuple[str, tuple[Any, ...]]] = [
                (f.unit, (f.median, f.low, f.high, f.actual, f.error))
            ]
            if f.other is not None:
                m, lo, hi, act = f.other
                err = None if m is None else m - act
                rows.append((f.other_unit, (m, lo, hi, act, err)))
            for k, (unit, (m, lo, hi, act, err)) in enumerate(rows):
                d = 3 if k else digits
                rel = f.relative_error
                terms.add_row(
                    r.scenario if f is r.issues[0] and k == 0 else "",
                    f.issue if k == 0 else "",
                    unit,
                    _num(m, d),
                    "—" if lo is None else f"{_num(lo, d)} – {_num(hi, d)}",
                    _num(act, d),
                    "—" if err is None else f"{err:+,.{d}f}",
                    "—" if rel is None else f"{rel:+.1%}",
                    {True: "yes", False: "no", None: "—"}[f.inside],
                )
    con.print(terms)
    lapse = Table(title="agreement and lapse", title_justify="left")
    for column in ("scenario", "information date", "runs", "P(agreement)", "P(lapse)"):
        lapse.add_column(column, justify="left" if column == "scenario" else "right")
    for column in ("actual lapse", "Brier", "median agreement", "actual agreement"):
        lapse.add_column(column, justify="right")
    for r in results:
        actual = 1.0 if r.actual_lapse else 0.0
        lapse.add_row(
            r.scenario,
            r.information_date.isoformat(),
            str(r.runs),
            f"{r.p_agreement:.0%}",
            f"{r.p_lapse:.0%}",
            "yes" if r.actual_lapse else "no",
            f"{(r.p_lapse - actual) ** 2:.2f}",
            "none" if r.median_agreement is None else r.median_agreement.isoformat(),
            r.actual.agreed.isoformat(),
        )
    con.print(lapse)
    con.print("sources of the actual outcomes:")
    for r in results:
        addresses: list[str] = list(r.actual.agreed_sources)
        for f in r.issues:
            addresses += [a for a in f.sources if a not in addresses]
        con.print(f"  {r.scenario}: " + "; ".join(addresses), soft_wrap=True)
