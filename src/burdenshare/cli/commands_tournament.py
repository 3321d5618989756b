"""The tournament command: strategies × scenarios × repetitions, a leaderboard, CSV/Parquet."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from burdenshare.cli._common import json_text
from burdenshare.cli.plugin_options import PLUGIN

STRATEGY = typer.Option("--strategy", help="A registered strategy (repeatable; default: all).")
SCENARIO = typer.Option("--scenario", help="Built-in name or TOML file (repeatable).")
GENIUS = typer.Option(
    "--genius",
    help="A GENIUS/GeniusWeb domain folder, or a folder of them (repeatable).",
)


def tournament(
    strategy: Annotated[list[str] | None, STRATEGY] = None,
    scenario: Annotated[list[str] | None, SCENARIO] = None,
    genius: Annotated[list[Path] | None, GENIUS] = None,
    repetitions: Annotated[int, typer.Option("--repetitions", "-r", help="Repetitions.")] = 1,
    seed: Annotated[int, typer.Option("--seed", help="Tournament seed.")] = 0,
    steps: Annotated[
        int, typer.Option("--steps", help="Offers on a GENIUS domain's plain calendar.")
    ] = 100,
    workers: Annotated[int, typer.Option("--workers", help="Local worker processes.")] = 1,
    dask: Annotated[str | None, typer.Option("--dask", help="Dask scheduler address.")] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write every scored match to .csv or .parquet.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    plugin: Annotated[list[str] | None, PLUGIN] = None,
) -> None:
    """Rank strategies over scenarios, every strategy in every role (ANAC-style scores)."""
    import time

    from rich.table import Table

    from burdenshare import strategies as registry
    from burdenshare.cli.plugin_options import (
        note_reference_engine,
        note_unfit_scenarios,
        use_plugins,
    )
    from burdenshare.cli.render import console
    from burdenshare.errors import InputError, Problem
    from burdenshare.execution.executors import Executor
    from burdenshare.experiments.room import notes as room_notes
    from burdenshare.experiments.tournament import (
        TournamentPlan,
        leaderboard,
        pairings,
        stopgaps,
    )
    from burdenshare.limits import MAX_MATCHES, MAX_OFFERS, MAX_SEED, MAX_WORKERS, check_range
    from burdenshare.reports.experiments import play_tournament, tournament_dict
    from burdenshare.scenario import load
    from burdenshare.scenario.genius_domains import read_domains

    if repetitions < 1:
        raise InputError(Problem("--repetitions", f"expected at least 1, got {repetitions}"))
    if steps < 2:
        raise InputError(Problem("--steps", f"expected at least 2, got {steps}"))
    check_range(steps, "--steps", 2, MAX_OFFERS, "offers in one negotiation")
    check_range(seed, "--seed", 0, MAX_SEED)
    check_range(workers, "--workers", 1, MAX_WORKERS)
    if out is not None and out.suffix not in (".csv", ".parquet"):
        raise InputError(Problem("--out", f"expected a .csv or .parquet file, got {out}"))
    plugins = use_plugins(plugin)
    names = tuple(strategy or registry.names())
    note_reference_engine([registry.build(name) for name in names], "tournament")
    scenarios = [load(ref) for ref in (scenario or ([] if genius else ["sma-2019"]))]
    for folder in genius or []:
        found, notes = read_domains(folder, steps)
        for note in notes:
            print(f"note: {note}", file=sys.stderr)
        scenarios.extend(found)
    if not scenarios:
        raise InputError(Problem("--genius", "no readable domain found"))
    roles = sum(len(pairings(names, len(s.parties))) for s in scenarios)
    check_range(roles * repetitions, "--repetitions", 1, MAX_MATCHES, "matches in a tournament")
    note_unfit_scenarios(scenarios)
    plan = TournamentPlan(names, tuple(scenarios), repetitions, seed)
    executor = Executor(workers, dask, plugins)
    matches = plan.match_count
    began = time.perf_counter()
    from burdenshare.cli.progress import progress

    with progress(matches) as bar:
        task = bar.add_task("tournament", total=matches, rate="")

        def advance(k: int) -> None:
            bar.advance(task, k)
            speed = bar.tasks[0].completed / max(time.perf_counter() - began, 1e-9)
            bar.update(task, rate=f"{speed:,.1f} matches/s")

        rows = play_tournament(plan, executor, advance)
    board = leaderboard(rows)
    notes = room_notes(plan.scenarios, rows)
    staged = stopgaps(rows)
    if out is not None:
        from burdenshare.execution.tournament_file import write_matches

        write_matches(rows, out)
        print(f"wrote {out} ({len(rows):,} rows)", file=sys.stderr)
    if as_json:
        seconds = time.perf_counter() - began
        print(json_text(tournament_dict(plan, board, seconds, notes, staged)))
        return
    table = Table(
        title=f"leaderboard — {matches:,} matches on {len(scenarios)} scenario(s)",
        title_justify="left",
    )
    for column in (
        "rank",
        "strategy",
        "utility",
        "opp. utility",
        "welfare",
        "agreement",
        "Pareto dist.",
        "Nash dist.",
        "offers",
        *(("stop-gap first",) if staged else ()),
    ):
        table.add_column(column, justify="left" if column == "strategy" else "right")

    def fmt(value: float | None, pattern: str = ".3f") -> str:
        return "–" if value is None else format(value, pattern)

    for e in board:
        table.add_row(
            str(e["rank"]),
            e["strategy"],
            fmt(e["utility"]),
            fmt(e["opponent_utility"]),
            fmt(e["welfare"]),
            fmt(100 * e["agreement"], ".0f") + " %",
            fmt(e["pareto_distance"]),
            fmt(e["nash_distance"]),
            fmt(e["offers"], ".1f"),
            *((fmt(None if e["stopgap"] is None else 100 * e["stopgap"], ".0f") + " %",)
              if staged else ()),
        )  # fmt: skip
    con = console()
    con.print(table)
    for note in notes:
        con.print(f"note: {note}", highlight=False)
    for name, share in staged.items():
        con.print(
            f"{name}: a stop-gap agreed first in {100 * share:.0f} % of matches; the scores "
            "describe the final deal",
            highlight=False,
        )
