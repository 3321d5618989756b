"""`burdenshare report`: one self-contained HTML page telling the story of a run."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from burdenshare.cli._common import reports_input_errors, write_text_atomic
from burdenshare.cli.commands_scenario import SEED, SET, STRICT, warn
from burdenshare.cli.plugin_options import PLUGIN
from burdenshare.limits import MAX_RUNS, MAX_SEED, check_range

if TYPE_CHECKING:
    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.experiments.tallies import Tallies
    from burdenshare.experiments.uncertainty import Uncertain
    from burdenshare.model import Scenario


def report(
    scenario: Annotated[str, typer.Argument(help="A built-in scenario name or a TOML file.")],
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")],
    montecarlo: Annotated[
        int, typer.Option("--montecarlo", help="Also N Monte Carlo runs (0: none).")
    ] = 0,
    seed: Annotated[int, SEED] = 0,
    set_: Annotated[list[str] | None, SET] = None,
    plugin: Annotated[list[str] | None, PLUGIN] = None,
    strict: Annotated[bool, STRICT] = False,
) -> None:
    """Write one HTML file (no network needed to open it) telling the story of a run: the
    scenario with its sources, the talks meeting by meeting, the offers over time, the
    bargaining analysis and, with --montecarlo N, the distributions and sensitivity."""
    from burdenshare.analysis.briefing import analyze
    from burdenshare.cli.plugin_options import use_plugins
    from burdenshare.engine import negotiate
    from burdenshare.errors import InputError, Problem
    from burdenshare.reports.html import report as make_report
    from burdenshare.reports.provenance import provenance
    from burdenshare.scenario.uncertainty import load_uncertain

    if out.suffix.lower() not in (".html", ".htm"):
        raise InputError(Problem("--out", f"expected an .html file name, got {out.name!r}"))
    if montecarlo != 0:
        check_range(montecarlo, "--montecarlo", 1, MAX_RUNS, "use montecarlo for more")
    check_range(seed, "--seed", 0, MAX_SEED)
    plugins = use_plugins(plugin)
    loaded, uncertain = load_uncertain(scenario, set_ or [])
    warn(loaded, strict)
    result = negotiate(loaded.scenario, seed=seed)
    analysis = analyze(loaded.scenario, "reservation")
    simulated = None
    if montecarlo:
        simulated = _montecarlo(loaded.scenario, uncertain, montecarlo, seed, plugins)
    page = make_report(
        loaded.scenario, result, analysis, simulated, provenance(loaded.sha256, seed)
    )
    write_text_atomic(out, page.html())
    print(f"wrote {out}", file=sys.stderr)


def _montecarlo(
    scenario: Scenario,
    uncertain: tuple[Uncertain, ...],
    runs: int,
    seed: int,
    plugins: tuple[str, ...],
) -> tuple[MonteCarloPlan, Tallies, dict[str, Any]]:
    """The plan, tallies and summary of `runs` runs, with a progress bar."""
    from burdenshare.cli.plugin_options import note_montecarlo
    from burdenshare.cli.progress import note_compiling, progress
    from burdenshare.execution.executors import Executor
    from burdenshare.execution.jobs import run_unstored
    from burdenshare.experiments.montecarlo import MonteCarloPlan

    plan = MonteCarloPlan(scenario, uncertain, runs, seed)
    note_montecarlo(plan)
    note_compiling()
    with progress(runs) as bar:
        task = bar.add_task("montecarlo", total=runs, rate="")
        tallies, summary = run_unstored(
            plan, Executor(1, None, plugins), lambda k: bar.advance(task, k)
        )
    return plan, tallies, summary


def register(app: typer.Typer) -> None:
    """Attach the report command."""
    app.command("report")(reports_input_errors(report))
