"""The JSON of experiments at scale: a Monte Carlo summary with how and where it ran, and a
tournament's leaderboard with what was played."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from burdenshare.reports.provenance import provenance

if TYPE_CHECKING:
    from burdenshare.experiments.tournament import TournamentPlan


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


def tournament_dict(
    plan: TournamentPlan, board: Sequence[dict[str, Any]], seconds: float
) -> dict[str, Any]:
    """`tournament --json`: the leaderboard and what was played (matches, scenarios,
    strategies, repetitions, seed) in how many seconds."""
    return {
        "leaderboard": list(board),
        "matches": len(plan.matches()),
        "scenarios": [s.name for s in plan.scenarios],
        "strategies": list(plan.strategies),
        "repetitions": plan.repetitions,
        "seed": plan.seed,
        "seconds": round(seconds, 3),
    }
