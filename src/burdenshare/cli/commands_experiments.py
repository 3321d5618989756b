"""Commands for experiments at scale: montecarlo, tournament, results (list, show, export)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from burdenshare.cli._common import json_text, reports_input_errors
from burdenshare.cli.group import BurdenshareGroup
from burdenshare.cli.plugin_options import PLUGIN
from burdenshare.cli.progress import note_compiling, progress
from burdenshare.limits import MAX_CHUNK, MAX_RUNS, MAX_SEED, MAX_WORKERS, check_range

if TYPE_CHECKING:
    from burdenshare.execution.store import Store
    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.experiments.tallies import Tallies
    from burdenshare.experiments.uncertainty import Uncertain
    from burdenshare.scenario.load import LoadedScenario

STORE = typer.Option(
    "--store", help="DuckDB results file (default: $XDG_DATA_HOME/burdenshare/results.duckdb)."
)
WORKERS = typer.Option("--workers", help="Local worker processes (1: serial).")
DASK = typer.Option("--dask", help="Run on an existing Dask cluster, e.g. tcp://HOST:8786.")
JSON = typer.Option("--json", help="Print one JSON object.")
SET = typer.Option("--set", help="Override a scenario field, PATH=VALUE (repeatable).")


def _check(condition: bool, field: str, message: str) -> None:
    from burdenshare.errors import InputError, Problem

    if not condition:
        raise InputError(Problem(field, message))


def montecarlo(
    scenario: Annotated[
        str | None, typer.Argument(help="A built-in scenario name or a TOML file.")
    ] = None,
    n: Annotated[int, typer.Option("-n", "--runs", help="Number of runs.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Experiment seed.")] = 0,
    set_: Annotated[list[str] | None, SET] = None,
    workers: Annotated[int, WORKERS] = 1,
    dask: Annotated[str | None, DASK] = None,
    store: Annotated[Path | None, STORE] = None,
    no_store: Annotated[
        bool,
        typer.Option("--no-store", help="Keep runs in a temporary store, deleted at the end."),
    ] = False,
    resume: Annotated[
        str | None, typer.Option("--resume", help="Complete the stored experiment ID.")
    ] = None,
    as_json: Annotated[bool, JSON] = False,
    plot: Annotated[Path | None, typer.Option("--plot", help="Figure file (.png/.svg).")] = None,
    chunk: Annotated[
        int | None,
        typer.Option("--chunk", help="Runs per committed chunk (default: about 2 s of work)."),
    ] = None,
    plugin: Annotated[list[str] | None, PLUGIN] = None,
    versus: Annotated[
        str | None,
        typer.Option(
            "--versus",
            help="Compare with scenario B (a built-in name or a TOML file) on the same draws.",
        ),
    ] = None,
    versus_set: Annotated[
        list[str] | None,
        typer.Option(
            "--versus-set",
            help="Override a field of B, PATH=VALUE (repeatable; B defaults to SCENARIO).",
        ),
    ] = None,
    explain: Annotated[
        int | None,
        typer.Option("--explain", help="Changed runs to replay and explain (paired; default 3)."),
    ] = None,
) -> None:
    """Run a scenario many times with its uncertain inputs drawn anew each run, and summarise;
    with --versus or --versus-set, run A and B on the same draws and report what changed."""
    import tempfile
    import time
    from contextlib import ExitStack

    from burdenshare.cli.plugin_options import note_montecarlo, use_plugins
    from burdenshare.execution.executors import Executor
    from burdenshare.execution.jobs import run_plan
    from burdenshare.execution.store import Store
    from burdenshare.execution.tallying import check_runs
    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.reports.experiments import montecarlo_dict
    from burdenshare.scenario.uncertainty import load_uncertain, pinned

    _check(n >= 1, "-n", f"expected at least 1 run, got {n}")
    _check(seed >= 0, "--seed", f"expected a non-negative integer, got {seed}")
    _check(workers >= 1, "--workers", f"expected at least 1, got {workers}")
    _check(chunk is None or chunk >= 1, "--chunk", f"expected at least 1, got {chunk}")
    if chunk is not None:
        check_range(chunk, "--chunk", 1, MAX_CHUNK, "runs held in memory at once")
    check_range(n, "-n", 1, MAX_RUNS, "split a larger experiment in several")
    check_range(seed, "--seed", 0, MAX_SEED)
    check_range(workers, "--workers", 1, MAX_WORKERS)
    _check(not (resume and no_store), "--resume", "needs the store (drop --no-store)")
    plugins = use_plugins(plugin)
    executor = Executor(workers, dask, plugins)
    paired = versus is not None or bool(versus_set)
    _check(paired or explain is None, "--explain", "explains a paired what-if: add --versus")
    if paired:
        _check(scenario is not None, "SCENARIO", "missing (a paired what-if needs A)")
        _check(
            resume is None and plot is None and store is None and not no_store,
            "--versus",
            "cannot be combined with --resume, --plot, --store or --no-store (paired runs are"
            " not stored)",
        )
        explain = 3 if explain is None else explain
        _check(0 <= explain <= 100, "--explain", f"expected 0 to 100 runs, got {explain}")
        assert scenario is not None
        _paired(scenario, set_ or [], versus, versus_set or [], n, seed, executor, explain, as_json)
        return
    if plot is not None:
        _check(plot.suffix in (".png", ".svg"), "--plot", "expected a .png or .svg file name")
        _check(plot.parent.is_dir() or str(plot.parent) == "", "--plot", "folder does not exist")
    if resume is None:  # the scenario is read before a store file is made
        _check(scenario is not None, "SCENARIO", "missing (or give --resume ID)")
        assert scenario is not None
        loaded, uncertain = load_uncertain(scenario, set_ or [])
        older = False
    else:  # the stored experiment is checked, read-only, before the store is opened to write
        loaded, uncertain, n, seed, older = _stored_experiment(store, resume, scenario, set_)
    with ExitStack() as stack:
        if no_store:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="burdenshare-"))
            db = stack.enter_context(Store(Path(folder) / "runs.duckdb"))
        else:
            db = stack.enter_context(Store(store))
            stack.callback(db.discard_if_unused)  # a failure before the first run: no file
        if resume:
            experiment, done = resume, db.experiment(resume).runs_done
            if older:
                check_runs(db, resume, MonteCarloPlan(loaded.scenario, uncertain, n, seed))
        else:
            experiment = db.create(
                "montecarlo",
                loaded.origin,
                loaded.sha256,
                loaded.text,
                {"overrides": list(set_ or []), "inputs": [u.path for u in uncertain]},
                seed,
                n,
            )
            done = 0
        for pin in pinned(loaded):
            print(pin.note(), file=sys.stderr)
        plan = MonteCarloPlan(loaded.scenario, uncertain, n, seed)
        note_montecarlo(plan)
        if not no_store:
            print(f"experiment {experiment} → {db.path}", file=sys.stderr)
        note_compiling()
        began = time.perf_counter()
        with _stops_cleanly(None if no_store else (experiment, db.path)), progress(n) as bar:
            task = bar.add_task("montecarlo", total=n, completed=done, rate="")

            def advance(k: int) -> None:
                elapsed = time.perf_counter() - began
                bar.advance(task, k)
                finished = bar.tasks[0].completed - done
                bar.update(task, rate=f"{finished / max(elapsed, 1e-9):,.0f} runs/s")

            run_plan(plan, executor, db, experiment, advance, chunk)
            seconds = time.perf_counter() - began
            tallies, summary = _summarise(bar, plan, db, experiment)
    summary = montecarlo_dict(
        summary,
        None if no_store else experiment,
        executor.describe(),
        seconds,
        loaded.sha256,
        seed,
    )
    _show(plan, tallies, summary, plot, as_json)


def _stored_experiment(
    store: Path | None, resume: str, scenario: str | None, set_: list[str] | None
) -> tuple[LoadedScenario, tuple[Uncertain, ...], int, int, bool]:
    """The Monte Carlo experiment `resume` of the store, checked read-only before the store is
    opened to write: its scenario (the same as SCENARIO, if given), uncertain inputs, runs and
    seed, and whether the store has an older layout (its runs are checked once upgraded)."""
    from burdenshare.execution.store import Store
    from burdenshare.execution.tallying import check_runs
    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.scenario.stored import load_stored
    from burdenshare.scenario.uncertainty import load_uncertain

    with Store(store, checking=True) as check:
        stored = check.experiment(resume)
        _check(stored.kind == "montecarlo", "--resume", f"{resume} is a {stored.kind}")
        overrides = list(stored.parameters.get("overrides", []))
        loaded, uncertain = load_stored(stored.scenario, stored.scenario_text, overrides)
        if scenario is not None:
            given, _ = load_uncertain(scenario, set_ or overrides)
            _check(
                given.sha256 == stored.scenario_sha256,
                "SCENARIO",
                f"{scenario} differs from the scenario stored with {resume} "
                f"(sha256 {given.sha256[:12]}… vs {stored.scenario_sha256[:12]}…)",
            )
        n, seed = stored.runs_planned, stored.seed
        older = check.legacy
        if not older:
            check_runs(check, resume, MonteCarloPlan(loaded.scenario, uncertain, n, seed))
    return loaded, uncertain, n, seed, older


def _show(
    plan: MonteCarloPlan,
    tallies: Tallies,
    summary: dict[str, Any],
    plot: Path | None,
    as_json: bool,
) -> None:
    """A Monte Carlo's summary as the command prints it: the figure if asked, then JSON or the
    tables."""
    if plot is not None:
        from burdenshare.cli._common import save_figure
        from burdenshare.reports.montecarlo_figure import montecarlo_figure

        save_figure(montecarlo_figure(plan, tallies, summary), plot, dpi=110)
        print(f"wrote {plot}", file=sys.stderr)
    if as_json:
        print(json_text(summary, ensure_ascii=False))
        return
    from burdenshare.cli.experiments_tables import montecarlo_tables
    from burdenshare.cli.render import console

    con = console()
    for table in montecarlo_tables(plan, summary):
        con.print(table)


def _paired(
    scenario: str,
    set_: list[str],
    versus: str | None,
    versus_set: list[str],
    n: int,
    seed: int,
    executor: Any,
    explain: int,
    as_json: bool,
) -> None:
    """`montecarlo A --versus B`: both on common random numbers, not stored."""
    import time

    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.experiments.paired import common_draws
    from burdenshare.reports.experiments import paired_dict, play_paired
    from burdenshare.scenario.uncertainty import load_uncertain, pinned

    other = versus if versus is not None else scenario
    loaded_a, uncertain_a = load_uncertain(scenario, set_)
    loaded_b, uncertain_b = load_uncertain(other, versus_set)
    for loaded in (loaded_a, loaded_b):
        for pin in pinned(loaded):
            print(pin.note(), file=sys.stderr)
    plan_a = MonteCarloPlan(loaded_a.scenario, uncertain_a, n, seed)
    from burdenshare.cli.plugin_options import note_unfit_scenarios

    note_unfit_scenarios([loaded_a.scenario, loaded_b.scenario])
    plan_b = common_draws(plan_a, loaded_b.scenario, uncertain_b)
    note_compiling()
    began = time.perf_counter()
    with progress(2 * n) as bar:
        task = bar.add_task("paired", total=2 * n, rate="")
        summary = play_paired(plan_a, plan_b, executor, explain, lambda k: bar.advance(task, k))
    out = paired_dict(
        summary,
        (scenario, other),
        (set_, versus_set),
        executor.describe(),
        time.perf_counter() - began,
        (loaded_a.sha256, loaded_b.sha256),
        seed,
    )
    if as_json:
        print(json_text(out, ensure_ascii=False))
        return
    from burdenshare.cli.experiments_tables import paired_tables
    from burdenshare.cli.render import console

    con = console()
    for table in paired_tables(out):
        con.print(table)


@contextmanager
def _stops_cleanly(stored: tuple[str, Path] | None) -> Iterator[None]:
    """Ctrl-C during a run: one line saying what is kept and how to resume, exit code 130
    (the workers ignore it; the pool finishes its running chunks and stops)."""
    try:
        yield
    except KeyboardInterrupt:
        if stored is None:
            message = "interrupted: nothing kept (--no-store)"
        else:
            ident, path = stored
            message = (
                f"interrupted: the runs committed so far are kept in {path}; complete them "
                f"with: burdenshare montecarlo --resume {ident} --store {path}"
            )
        print(message, file=sys.stderr)
        raise typer.Exit(130) from None


def _summarise(
    bar: Any, plan: MonteCarloPlan, db: Store, ident: str
) -> tuple[Tallies, dict[str, Any]]:
    """The summary of the stored runs, counted with a bar of its own (a second or more at
    1e6 runs)."""
    from burdenshare.execution.jobs import summary_of
    from burdenshare.execution.tallying import steps

    task = bar.add_task("summary", total=steps(plan), rate="counted in the store")
    return summary_of(plan, db, ident, lambda k: bar.advance(task, k))


def _store_summary(db: Store, ident: str) -> tuple[MonteCarloPlan, dict[str, Any]]:
    from burdenshare.execution.tallying import check_runs
    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.reports.experiments import stored_summary_dict
    from burdenshare.scenario.stored import load_stored

    stored = db.experiment(ident)
    loaded, uncertain = load_stored(
        stored.scenario, stored.scenario_text, list(stored.parameters.get("overrides", []))
    )
    plan = MonteCarloPlan(loaded.scenario, uncertain, stored.runs_planned, stored.seed)
    check_runs(db, ident, plan)  # a damaged or crafted store: one line, before any bar
    with progress(stored.runs_done) as bar:
        _, summary = _summarise(bar, plan, db, ident)
    return plan, stored_summary_dict(summary, stored)


MAX_LISTED = 1000
"""Experiments `results list` shows: the latest (a store with millions of rows lists quickly)."""


def results_list(
    store: Annotated[Path | None, STORE] = None, as_json: Annotated[bool, JSON] = False
) -> None:
    """List the stored experiments with their progress."""
    from rich.table import Table

    from burdenshare.cli.render import console
    from burdenshare.execution.store import Store, default_path
    from burdenshare.reports.experiments import experiments_dict

    if store is None and not default_path().exists():
        experiments = []  # nothing stored yet (the default store is made by the first run)
    else:
        with Store(store, read_only=True) as db:
            experiments, total = db.experiments(MAX_LISTED), db.count()
        if total > len(experiments):
            print(
                f"note: the latest {len(experiments):,} of {total:,} experiments", file=sys.stderr
            )
    if as_json:
        print(json_text(experiments_dict(experiments)))
        return
    table = Table(title="experiments", title_justify="left")
    for column in ("id", "kind", "scenario", "seed", "runs", "created"):
        table.add_column(column)
    for e in experiments:
        state = f"{e.runs_done:,}/{e.runs_planned:,}"
        table.add_row(e.id, e.kind, e.scenario, str(e.seed), state, str(e.created))
    console().print(table)


def results_show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="Experiment id.")],
    store: Annotated[Path | None, STORE] = None,
    as_json: Annotated[bool, JSON] = False,
    plugin: Annotated[list[str] | None, PLUGIN] = None,
) -> None:
    """Summarise a stored experiment (its runs so far)."""
    from burdenshare.cli.plugin_options import use_plugins
    from burdenshare.execution.store import Store

    use_plugins(plugin)
    with Store(store, read_only=True) as db:
        stored = db.experiment(ident)
        if stored.kind != "montecarlo":
            print(json_text(stored.to_json()))
            return
        plan, summary = _store_summary(db, ident)
    if as_json:
        print(json_text(summary, ensure_ascii=False))
        return
    from burdenshare.cli.experiments_tables import montecarlo_tables
    from burdenshare.cli.render import console

    con = console()
    e = summary["experiment"]
    con.print(f"experiment {e['id']}: {e['runs_done']:,} of {e['runs_planned']:,} runs stored")
    for table in montecarlo_tables(plan, summary):
        con.print(table)


def results_export(
    ident: Annotated[str, typer.Argument(metavar="ID", help="Experiment id.")],
    out: Annotated[Path, typer.Argument(metavar="FILE.parquet", help="Parquet file to write.")],
    store: Annotated[Path | None, STORE] = None,
) -> None:
    """Export a stored experiment's runs, one row per run, to Parquet."""
    from burdenshare.cli._common import atomic_output
    from burdenshare.execution.store import Store, default_path, export

    _check(out.suffix == ".parquet", "FILE", f"expected a .parquet file name, got {out}")
    _check(
        not (
            out.exists()
            and (store or default_path()).exists()
            and out.samefile(store or default_path())
        ),
        "FILE",
        f"{out} is the store itself; export to another file",
    )
    with Store(store, read_only=True) as db:  # checked before any file is made
        db.experiment(ident)
    with atomic_output(out) as tmp:
        rows = export(store, ident, tmp)
    print(f"wrote {out} ({rows:,} rows)", file=sys.stderr)


def register(app: typer.Typer) -> None:
    """Attach montecarlo, tournament and the `results` group."""
    from burdenshare.cli.commands_tournament import tournament

    app.command("montecarlo")(reports_input_errors(montecarlo))
    app.command("tournament")(reports_input_errors(tournament))
    results = typer.Typer(
        help="Stored experiments: list, show, export.", no_args_is_help=True, cls=BurdenshareGroup
    )
    results.command("list")(reports_input_errors(results_list))
    results.command("show")(reports_input_errors(results_show))
    results.command("export")(reports_input_errors(results_export))
    app.add_typer(results, name="results")
