"""`burdenshare backtest`: each historical case's Monte Carlo forecast from its information date
(the forecast view plus its projected meetings), calibrated on the other cases, scored against
what happened beside simple baselines, with sources."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from burdenshare.cli._common import json_text, reports_input_errors

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from burdenshare.experiments.backtest import Backtest, Case, Quantity
    from burdenshare.history.dataset import SmaRecord
    from burdenshare.history.outcomes import ActualOutcome

DEFAULT_RUNS = 1000
"""Runs per case by default (the compiled engine: about a second for every case together)."""


def register(app: typer.Typer) -> None:
    """Attach `backtest`."""
    app.command("backtest")(reports_input_errors(backtest))


def backtest(
    names: Annotated[
        list[str] | None,
        typer.Argument(metavar="[NAME]...", help="Cases to show (default: every one)."),
    ] = None,
    n: Annotated[int, typer.Option("-n", "--runs", help="Monte Carlo runs per case.")] = (
        DEFAULT_RUNS
    ),
    seed: Annotated[int, typer.Option("--seed", help="Experiment seed.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", metavar="FILE", help="Forecast intervals vs actuals (.png/.svg)."),
    ] = None,
    hand_set: Annotated[
        bool,
        typer.Option(
            "--hand-set",
            help="Run the model with the scenarios' own reservation values (in sample: set "
            "knowing the outcome) instead of the calibration, for comparison.",
        ),
    ] = False,
) -> None:
    """Forecast each historical case from its information date, calibrated on the other cases
    only, and score it against history beside simple baselines."""
    from burdenshare.cli.plugin_options import note_unfit_scenarios
    from burdenshare.cli.progress import note_compiling, progress
    from burdenshare.errors import InputError, Problem
    from burdenshare.experiments.backtest import backtest_cases, plan
    from burdenshare.history.outcomes import actual_outcomes
    from burdenshare.history.record import load_record
    from burdenshare.limits import MAX_RUNS, MAX_SEED
    from burdenshare.reports.backtest import backtest_dict, backtest_figure

    record = load_record()
    known = actual_outcomes(record)
    chosen = list(names or known)
    problems = [
        Problem("NAME", f"expected a case with a known outcome ({', '.join(sorted(known))})"
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
    cases = backtest_inputs(record, known)
    planned = plan(cases, chosen)[0]  # each case, and its pool's without it
    note_unfit_scenarios(list({p.name: cases[p.name].scenario for p in planned}.values()))
    note_compiling()
    total = n * len(planned)
    with progress(total) as bar:
        task = bar.add_task("backtest", total=total, rate="")

        def advance(name: str, k: int) -> None:
            bar.update(task, advance=k, rate=name)

        results = backtest_cases(cases, chosen, n, seed, advance, hand_set)
    if plot is not None:
        from burdenshare.cli._common import save_figure

        save_figure(backtest_figure(results), plot, dpi=110)
        print(f"wrote {plot}", file=sys.stderr)
    if as_json:
        print(json_text(backtest_dict(results), ensure_ascii=False))
        return
    _print(results)


def backtest_inputs(record: SmaRecord, known: Mapping[str, ActualOutcome]) -> dict[str, Case]:
    """Every case with a known outcome, loaded (each calibrates the others): its scenario and
    uncertain inputs, the inflation of its money issue's currency in the year before its
    information date, and the stakeholder model's forecast where it has stakeholders."""
    from burdenshare.experiments.backtest import Case, stakeholder_points
    from burdenshare.history.inflation import inflation
    from burdenshare.model.issues import is_money
    from burdenshare.scenario.uncertainty import load_uncertain

    cases = {}
    for name, outcome in known.items():
        loaded, uncertain = load_uncertain(name, [])
        scenario = loaded.scenario
        money = next((i for i in scenario.space.issues if is_money(i)), None)
        rate = None
        if is_money(money) and scenario.information_date is not None:
            rate = inflation(record, money.currency, scenario.information_date.year - 1)
        points, note = stakeholder_points(scenario)
        cases[name] = Case(scenario, uncertain, outcome, rate, points, note)
    return cases


SHORT = {
    "model-recalibrated": "recalibr.",
    "model-with-track-record": "model+track",
    "status-quo-plus-inflation": "SQ+infl.",
    "previous-escalation-rule": "prev. rule",
    "midpoint-of-openings": "midpoint",
    "stakeholder-model": "stakeh.",
}
"""Column heads of the baselines in the table."""


def _show(q: Quantity | None) -> str:
    from burdenshare.reports.backtest import quantity_dict

    if q is None:
        return "—"
    if q.event:
        return "—" if q.probability is None else f"{q.probability:.0%}"
    d = quantity_dict(q)
    if d["median"] is None:
        return "none"
    return _num(d["median"])


def _num(x: Any) -> str:
    if isinstance(x, str) or x is None:
        return "—" if x is None else x
    if float(x).is_integer():
        return f"{x:,.0f}"
    return f"{x:,.1f}" if abs(x) >= 100 else f"{x:.4g}"


def _print(results: Sequence[Backtest]) -> None:
    from rich.markup import escape
    from rich.table import Table

    from burdenshare.cli.render import console
    from burdenshare.experiments.backtest import (
        BASELINES,
        DRESSED,
        FORECASTERS,
        RECALIBRATED,
        summarize,
    )
    from burdenshare.reports.backtest import quantity_dict

    con = console()
    table = Table(
        title="backtest: model (median, 80 % interval) and baselines (median) vs actual",
        title_justify="left",
    )
    for column in ("case", "quantity", "actual", "model", "80 % interval", "in 80 %"):
        table.add_column(column, justify="left" if column in ("case", "quantity") else "right")
    others = (RECALIBRATED, DRESSED, *BASELINES)
    for b in others:
        table.add_column(SHORT[b], justify="right")
    for r in results:
        for k, q in enumerate(r.model.quantities):
            d = quantity_dict(q)
            interval = "—" if d["interval80"] is None else (
                f"{_num(d['interval80'][0])} – {_num(d['interval80'][1])}"
            )  # fmt: skip
            actual = ("yes" if q.actual else "no") if q.event else _num(d["actual"])
            name = f"{q.name} ({q.unit})" if q.unit and not q.event and q.unit != "date" else q.name
            table.add_row(
                r.scenario if k == 0 else "",
                name,
                actual,
                _show(q),
                interval,
                {True: "yes", False: "no", None: "—"}[q.covered],
                *(_show(r.forecaster(b).quantity(q.name)) for b in others),
            )
    con.print(table)
    scores = Table(title="scores over all cases", title_justify="left")
    for column in ("forecaster", "cases", "medians within 5 %", "80 % coverage",
                   "Brier agreement", "Brier lapse", "CRPS amount (× status quo)"):  # fmt: skip
        scores.add_column(column, justify="left" if column == "forecaster" else "right")
    for f in FORECASTERS:
        s = summarize(results, f)
        scores.add_row(
            f,
            str(s.cases),
            _pct(s.share_within_5pct),
            "—" if s.coverage80 is None else f"{s.coverage80:.0%} of {s.intervals}",
            _fixed(s.brier_agreement),
            _fixed(s.brier_lapse),
            _fixed(s.crps_amount),
        )
    con.print(scores)
    con.print("calibration (concession shares of the pool, never the case's own):")
    for r in results:
        c = r.calibration
        shares = ", ".join(f"{s:.3f}" for s in c.shares) or "none"
        used = "" if r.replaced_inputs else "; the model used the scenario's own reservation values"
        con.print(f"  {r.scenario}: {c.rule}: {', '.join(c.cases) or 'none'} ({shares}){used}",
                  soft_wrap=True)  # fmt: skip
    notes = [(r.scenario, f.forecaster, f.note) for r in results for f in r.baselines if f.note]
    if notes:
        con.print("baselines:")
        for scenario, forecaster, note in notes:
            con.print(f"  {scenario}, {forecaster}: {escape(note)}", soft_wrap=True)
    con.print("sources of the actual outcomes:")
    for r in results:
        addresses: list[str] = list(r.actual.agreed_sources)
        for q in r.model.quantities:
            addresses += [a for a in q.sources if a not in addresses]
        con.print(f"  {r.scenario}: " + "; ".join(addresses), soft_wrap=True)


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.0%}"


def _fixed(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"
