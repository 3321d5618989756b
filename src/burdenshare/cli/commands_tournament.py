"""The tournament command: strategies × scenarios × repetitions, a leaderboard, CSV/Parquet."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

STRATEGY = typer.Option("--strategy", help="A registered strategy (repeatable; default: all).")
SCENARIO = typer.Option("--scenario", help="Built-in name or TOML file (repeatable).")
GENIUS = typer.Option(
    "--genius",
    help="A GENIUS/GeniusWeb domain folder, or a folder of them (repeatable).",
)


MAX_OUTCOMES = 2_000_000
"""Largest outcome space a tournament enumerates (per-outcome tables: ~100 bytes each)."""


def _genius(folder: Path, steps: int) -> list[Any]:
    """The readable GENIUS domains in `folder` (itself, or its sub-folders); skipped ones noted."""
    from burdenshare.errors import InputError
    from burdenshare.scenario.genius import read_folder

    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder", "--genius")
    candidates = (
        [folder]
        if any(folder.glob("*.xml")) or any(folder.glob("*.json"))
        else sorted(p for p in folder.iterdir() if p.is_dir())
    )
    out = []
    for path in candidates:
        try:
            scenario = read_folder(path, steps=steps).scenario
        except InputError as exc:
            print(f"note: skipped {path.name}: {exc.render().splitlines()[0]}", file=sys.stderr)
            continue
        if scenario.space.size > MAX_OUTCOMES:
            print(
                f"note: skipped {path.name}: {scenario.space.size:,} outcomes (real issues on "
                f"their grid) exceed {MAX_OUTCOMES:,}, the most the offer kernel enumerates here",
                file=sys.stderr,
            )
            continue
        out.append(scenario)
    return out


def _write(rows: list[dict[str, Any]], out: Path) -> None:
    """Rows to CSV or Parquet (Parquet through DuckDB's COPY), atomically."""
    import csv

    from burdenshare.cli._common import atomic_output

    with atomic_output(out) as tmp:
        if out.suffix == ".csv":
            with tmp.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            return
        import duckdb
        import numpy as np

        from burdenshare.experiments.tournament import METRICS

        columns = {k: np.array([r[k] for r in rows], dtype=object) for k in rows[0]}
        for key in (m for m in METRICS if m != "offers"):
            columns[key] = np.array(
                [np.nan if r[key] is None else r[key] for r in rows], dtype=float
            )
        for key in ("match", "repetition", "offers"):
            columns[key] = np.array([r[key] for r in rows], dtype=np.int64)
        columns["seed"] = np.array([r["seed"] for r in rows], dtype=np.uint64)
        with duckdb.connect() as con:
            con.register("rows", columns)
            target = str(tmp).replace("'", "''")
            con.execute(f"COPY (SELECT * FROM rows) TO '{target}' (FORMAT PARQUET)")


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
) -> None:
    """Rank strategies over scenarios, every strategy in every role (ANAC-style scores)."""
    import time

    from rich.table import Table

    from burdenshare import strategies as registry
    from burdenshare.cli.render import console
    from burdenshare.errors import InputError, Problem
    from burdenshare.execution.executors import Executor
    from burdenshare.experiments.tournament import TournamentPlan, leaderboard, play
    from burdenshare.scenario import load

    if repetitions < 1:
        raise InputError(Problem("--repetitions", f"expected at least 1, got {repetitions}"))
    if steps < 2:
        raise InputError(Problem("--steps", f"expected at least 2, got {steps}"))
    if out is not None and out.suffix not in (".csv", ".parquet"):
        raise InputError(Problem("--out", f"expected a .csv or .parquet file, got {out}"))
    names = tuple(strategy or registry.names())
    for name in names:
        registry.entry(name)
    scenarios = [load(ref) for ref in (scenario or ([] if genius else ["sma-2019"]))]
    for folder in genius or []:
        scenarios.extend(_genius(folder, steps))
    if not scenarios:
        raise InputError(Problem("--genius", "no readable domain found"))
    plan = TournamentPlan(names, tuple(scenarios), repetitions, seed)
    matches = len(plan.matches())
    size = max(1, min(50, matches // max(4 * workers, 1)))
    chunks = [(a, min(a + size, matches)) for a in range(0, matches, size)]
    began = time.perf_counter()
    rows: list[dict[str, Any]] = []
    from burdenshare.cli.progress import progress

    with progress(matches) as bar:
        task = bar.add_task("tournament", total=matches, rate="")
        for part in Executor(workers, dask).map(play, plan, chunks):
            rows.extend(part)
            bar.advance(task, len({r["match"] for r in part}))
            speed = bar.tasks[0].completed / max(time.perf_counter() - began, 1e-9)
            bar.update(task, rate=f"{speed:,.1f} matches/s")
    rows.sort(key=lambda r: (r["match"], r["role"]))
    board = leaderboard(rows)
    if out is not None:
        _write(rows, out)
        print(f"wrote {out} ({len(rows):,} rows)", file=sys.stderr)
    if as_json:
        payload = {
            "leaderboard": board,
            "matches": matches,
            "scenarios": [s.name for s in scenarios],
            "strategies": list(names),
            "repetitions": repetitions,
            "seed": seed,
            "seconds": round(time.perf_counter() - began, 3),
        }
        print(json.dumps(payload, indent=2))
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
        )
    console().print(table)
