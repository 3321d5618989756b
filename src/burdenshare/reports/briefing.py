"""The `analyze` report: the bargaining analysis as one dict, a sweep of one ratifier limit
(win-set overlap as the limit moves) and a simulated negotiation measured against the frontier."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from burdenshare.analysis.briefing import Analysis
    from burdenshare.engine import NegotiationResult
    from burdenshare.model import Scenario

VARY_POINTS = 11
"""Values of the varied limit between low and high (inclusive)."""


@dataclass(frozen=True)
class SimulatedTalks:
    """A negotiation run on the analysed scenario (`analyze --run`)."""

    analysis: Analysis
    result: NegotiationResult

    def offers(self) -> list[tuple[str | None, tuple[float, ...] | None]]:
        """Each offer made: who made it and every party's utility of it."""
        return [
            (e.party, e.utilities) for e in self.result.trace if e.kind == "offer" and e.utilities
        ]

    def to_dict(self) -> dict[str, Any]:
        """Status, date and offers; on agreement the terms and their Euclidean distances (in
        utility space) to the Pareto frontier and to the Nash point."""
        import numpy as np

        from burdenshare.analysis.pareto import distance_to_frontier

        analysis, outcome = self.analysis, self.result.outcome
        out: dict[str, Any] = {
            "status": outcome.status,
            "date": outcome.date.isoformat(),
            "offers": len(self.offers()),
        }
        if outcome.utilities is not None and outcome.terms is not None:
            u = np.array(outcome.utilities)
            out["utilities"] = [round(float(x), 10) for x in u]
            out["terms"] = outcome.terms.to_json()
            out["description"] = analysis.scenario.describe(outcome.terms)
            out["distance_to_frontier"] = distance_to_frontier(
                u, analysis.space.points, analysis.space.segments
            )
            nash = analysis.solutions["nash"]
            out["distance_to_nash"] = (
                None if nash is None else float(np.linalg.norm(u - np.array(nash.utilities)))
            )
        return out


def simulate(analysis: Analysis, seed: int) -> SimulatedTalks:
    """Run the talks on the analysed scenario with its own strategies."""
    from burdenshare.engine import negotiate

    return SimulatedTalks(analysis, negotiate(analysis.scenario, seed=seed))


def stage_of(scenario: Scenario, stage: int, seed: int) -> tuple[Scenario, str | None]:
    """Stage `stage` of `scenario` as `burdenshare run` (with `seed`) reaches it, and the note
    saying what the analysis judges (`analyze --stage`): stage 1 is the scenario as given; a
    later stage is the scenario after the run's first `stage` − 1 stop-gaps (their terms the
    status quo, the deadline at their expiry: `Scenario.after_stages`). An `InputError` when
    the scenario has no deals in stages or its run does not reach that stage."""
    from burdenshare.analysis.briefing import stage_note
    from burdenshare.engine import negotiate
    from burdenshare.errors import InputError

    where = f"--stage {stage}"
    if stage < 1:
        raise InputError(f"expected a stage number from 1, got {stage}", where)
    if stage == 1:
        return scenario, stage_note(scenario)
    if scenario.stages is None:
        raise InputError(
            f"{scenario.name} has no deals in stages ([stages]): its talks have one stage", where
        )
    stopgaps = tuple(s for s in negotiate(scenario, seed=seed).outcome.stages or () if s.stopgap)
    if len(stopgaps) < stage - 1:
        raise InputError(
            f"the run of {scenario.name} (seed {seed}) agrees {len(stopgaps)} stop-gap(s), so its "
            f"talks reach stage {len(stopgaps) + 1} at most",
            where,
        )
    staged = scenario.after_stages(stopgaps[: stage - 1])
    return staged, stage_note(staged, stage, stopgaps[stage - 2].date)


def vary_limit(
    analysis: Analysis,
    field: str,
    low: float,
    high: float,
    variant: Callable[[str], Scenario],
    points: int = VARY_POINTS,
) -> dict[str, Any]:
    """Win-set sizes and their overlap (and whether the Nash point is ratifiable) at `points`
    values of `field` from `low` to `high`; `variant("FIELD=VALUE")` builds each scenario."""
    import numpy as np

    from burdenshare.analysis.winsets import overlap_curve

    runs = []
    for value in np.linspace(low, high, points):
        runs.append((float(value), variant(f"{field}={float(value):.10g}")))
    nash = analysis.solutions["nash"]
    index = None
    if nash is not None and analysis.space.outcome_index is not None:
        index = int(analysis.space.outcome_index[nash.index])
    curve = overlap_curve(runs, analysis.scenario.calendar.deadline, analysis.disagreement, index)
    return {
        "field": field,
        "points": [
            {
                "value": p.value,
                "sizes": list(p.sizes),
                "overlap": p.overlap,
                "nash_ratifiable": p.nash_ratifiable,
            }
            for p in curve
        ],
    }


def briefing_dict(
    analysis: Analysis,
    notes: Sequence[str] = (),
    vary: dict[str, Any] | None = None,
    talks: SimulatedTalks | None = None,
    frontier: bool = True,
) -> dict[str, Any]:
    """`analyze --json` without its timings: the analysis, reading notes, sweep and talks
    (`frontier=False`: without the frontier's points, which the table does not print)."""
    from burdenshare.analysis.briefing import to_json

    document = to_json(analysis, frontier)
    document["notes"] = list(notes)
    if vary is not None:
        document["vary"] = vary
    if talks is not None:
        document["run"] = talks.to_dict()
    return document
