"""Experiments at scale: a Monte Carlo summary with how and where it ran, a paired what-if,
and stored experiments, as JSON; a tournament played on an executor, and its leaderboard with
what was played, as JSON."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from burdenshare.reports.provenance import provenance

if TYPE_CHECKING:
    from burdenshare.execution.executors import Executor
    from burdenshare.execution.store import Experiment
    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.experiments.paired import PairedSummary
    from burdenshare.experiments.tournament import TournamentPlan

MAX_CHUNK = 50
"""Most matches in one chunk of a tournament (chunks are sized for about four per worker)."""


def montecarlo_dict(
    summary: dict[str, Any],
    experiment_id: str | None,
    executor: str,
    seconds: float,
    sha256: str,
    seed: int,
) -> dict[str, Any]:
    """`montecarlo --json`: the summary of the runs (as `execution.jobs.summary_of` counts it),
    the stored experiment's id (None when not kept), the executor, wall time and provenance."""
    return {
        **summary,
        "experiment_id": experiment_id,
        "executor": executor,
        "seconds": round(seconds, 3),
        "provenance": provenance(sha256, seed),
    }


def stored_summary_dict(summary: dict[str, Any], experiment: Experiment) -> dict[str, Any]:
    """`results show --json` of a Monte Carlo experiment: the summary of its stored runs and
    the experiment's record (id, scenario, seed, runs planned and done, ...)."""
    return {**summary, "experiment": experiment.to_json()}


def experiments_dict(experiments: Sequence[Experiment]) -> dict[str, Any]:
    """`results list --json`: the record of every stored experiment."""
    return {"experiments": [e.to_json() for e in experiments]}


def tournament_dict(
    plan: TournamentPlan,
    board: Sequence[dict[str, Any]],
    seconds: float,
    notes: Sequence[str] = (),
    stopgaps: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """`tournament --json`: the leaderboard, what was played (matches, scenarios, strategies,
    repetitions, seed) in how many seconds, and notes on strategies the scenarios left no
    room (`experiments.room.notes`); with scenarios with deals in stages, `p_stopgap`: per such
    scenario the share of matches whose first agreement was a stop-gap (`experiments.tournament.
    stopgaps`; the leaderboard's scores describe the final deal)."""
    found: dict[str, Any] = {
        "leaderboard": list(board),
        "notes": list(notes),
        "matches": plan.match_count,
        "scenarios": [s.name for s in plan.scenarios],
        "strategies": list(plan.strategies),
        "repetitions": plan.repetitions,
        "seed": plan.seed,
        "seconds": round(seconds, 3),
    }
    if stopgaps:
        found["p_stopgap"] = dict(stopgaps)
    return found


def play_tournament(
    plan: TournamentPlan, executor: Executor, on_matches: Callable[[int], None] | None = None
) -> list[dict[str, Any]]:
    """Every match of `plan` scored on `executor` (chunks of consecutive matches, about four a
    worker, at most MAX_CHUNK), sorted by match and role; `on_matches(k)` as k more finish."""
    from burdenshare.experiments.tournament import play

    matches = plan.match_count
    size = max(1, min(MAX_CHUNK, matches // max(4 * executor.workers, 1)))
    chunks = ((a, min(a + size, matches)) for a in range(0, matches, size))
    rows: list[dict[str, Any]] = []
    for part in executor.map(play, plan, chunks):
        rows.extend(part)
        if on_matches is not None:
            on_matches(len({r["match"] for r in part}))
    rows.sort(key=lambda r: (r["match"], r["role"]))
    return rows


def paired_dict(
    summary: PairedSummary,
    scenarios: tuple[str, str],
    overrides: tuple[Sequence[str], Sequence[str]],
    executor: str,
    seconds: float,
    sha256: tuple[str, str],
    seed: int,
) -> dict[str, Any]:
    """`montecarlo --versus --json`: A and B (scenario, overrides, SHA-256), each paired
    difference B − A with its interval, the runs per kind of change, the first changed runs and
    the explained sample (keys documented in docs/reference/experiments.md)."""
    from dataclasses import asdict

    return {
        "runs": summary.runs,
        "a": {"scenario": scenarios[0], "overrides": list(overrides[0]), "sha256": sha256[0]},
        "b": {"scenario": scenarios[1], "overrides": list(overrides[1]), "sha256": sha256[1]},
        "agreement": asdict(summary.agreement),
        "lapse": asdict(summary.lapse),
        "any_veto": asdict(summary.any_veto),
        "veto_by_ratifier": {name: asdict(p) for name, p in summary.vetoed_by},
        "vetoes_per_run": asdict(summary.vetoes),
        "terms": {name: {"unit": unit, **asdict(mean)} for name, unit, mean in summary.terms},
        "changes": dict(summary.changes),
        "changed_runs": list(summary.changed_runs),
        "explained": [asdict(e) for e in summary.explained],
        "interval": "95 %: Newcombe (1998) method 10 for proportions, normal for means",
        "executor": executor,
        "seconds": round(seconds, 3),
        "provenance": {**provenance(sha256[0], seed), "scenario_b_sha256": sha256[1]},
    }


def play_paired(
    a: MonteCarloPlan,
    b: MonteCarloPlan,
    executor: Executor,
    explain_runs: int,
    on_runs: Callable[[int], None] | None = None,
) -> PairedSummary:
    """Every run of `a` and of `b` (paired by `experiments.paired.common_draws`) on `executor`,
    compared run by run (`experiments.paired.compare`); `on_runs(k)` as k more finish."""
    from burdenshare.experiments.montecarlo import run_range
    from burdenshare.experiments.paired import compare, concat

    size = max(1, min(2000, a.runs // max(4 * executor.workers, 1)))
    columns = []
    for plan in (a, b):
        parts = []
        for part in executor.map(run_range, plan, plan.chunks(size)):
            parts.append(part)
            if on_runs is not None:
                on_runs(len(part))
        columns.append(concat(parts))
    return compare(a, b, columns[0], columns[1], explain_runs)
