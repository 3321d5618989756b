"""Exact summaries of Monte Carlo runs from their tallies (`experiments.tallies`): outcome
probabilities, veto probabilities, quantiles of the agreed terms and of the time to agreement,
and a sensitivity ranking by Spearman's rank correlation. Identical whatever ran the runs.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from burdenshare.experiments.montecarlo import STATUS_BEFORE, STATUS_LAPSE, MonteCarloPlan
from burdenshare.experiments.tallies import Counts, Tallies
from burdenshare.model.issues import UNIT_SCALES, is_money, is_share


def _round(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(value, 4)


def terms_quantiles(plan: MonteCarloPlan, outcomes: Counts) -> dict[str, Any]:
    """Per issue, over the agreements: quantiles of numbers (money also in the other currency
    of the exchange rate), frequencies of scope categories and of choice options, and for a
    share issue the quantiles of each payer's share (each over the agreements on its own)."""
    scenario = plan.scenario
    space = scenario.space
    agreed = outcomes.n
    positions = np.unravel_index(outcomes.values.astype(np.int64), space.shape)
    out: dict[str, Any] = {}
    for p, issue in enumerate(space.issues):
        if not agreed:
            out[issue.name] = None
            continue
        on_grid = Counts(positions[p], outcomes.counts)
        if is_share(issue):
            out[issue.name] = {
                "shares": {
                    payer: {
                        "quantiles": on_grid.mapped(issue.column(payer)).quantiles(),
                        "unit": "%",
                    }
                    for payer in issue.payer_names
                }
            }
        elif issue.numeric:
            grid = np.asarray(space.grids[p], dtype=float)
            entry: dict[str, Any] = {"quantiles": on_grid.mapped(grid).quantiles()}
            if issue.unit_label():
                entry["unit"] = issue.unit_label()
            out[issue.name] = entry
            if is_money(issue):
                rate = scenario.exchange_rate
                other = rate.other(issue.currency) if rate is not None else None
                if rate is not None and other is not None:
                    scale = UNIT_SCALES[issue.unit]
                    converted = np.array(
                        [rate.convert(v * scale, issue.currency, other) / scale for v in grid]
                    )
                    out[f"{issue.name}_{other}"] = {
                        "quantiles": on_grid.mapped(converted).quantiles(),
                        "unit": f"{other} {issue.unit}".strip(),
                    }
        else:
            counts = np.bincount(
                on_grid.values.astype(np.int64), weights=on_grid.counts, minlength=issue.size()
            )
            members = issue.members()
            if members:
                sets = issue.values()
                out[issue.name] = {
                    "categories": {
                        c: float(sum(counts[j] for j, s in enumerate(sets) if c in s)) / agreed
                        for c in members
                    },
                    "sets": {
                        "+".join(sorted(s)): float(counts[j]) / agreed
                        for j, s in enumerate(sets)
                        if counts[j]
                    },
                }
            else:
                out[issue.name] = {
                    "options": {
                        str(o): float(counts[j]) / agreed for j, o in enumerate(issue.values())
                    }
                }
    return out


def sensitivity(plan: MonteCarloPlan, tallies: Tallies) -> list[dict[str, Any]]:
    """Spearman's rank correlation of each uncertain input with each outcome measure, ranked by
    the largest absolute correlation (None — constant input or outcome — counts as 0).

    ρ is Pearson's correlation of the average ranks (`scipy.stats.spearmanr`'s definition),
    over the runs where the measure is defined (`tallies.RankSums.rho`)."""
    measures = list(dict.fromkeys(name for _, name in tallies.spearman))  # in measure order
    rows = []
    for j, u in enumerate(plan.uncertain):
        correlations = {name: _round(tallies.spearman[j, name].rho()) for name in measures}
        strongest = max((abs(v) for v in correlations.values() if v is not None), default=0.0)
        rows.append(
            {
                "input": u.path,
                "distribution": u.describe(),
                "spearman": correlations,
                "strongest": round(strongest, 4),
            }
        )
    rows.sort(key=lambda r: -float(r["strongest"]))  # type: ignore[arg-type]
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
    return rows


def summarise(plan: MonteCarloPlan, tallies: Tallies) -> dict[str, Any]:
    """The whole summary, JSON-ready (probabilities as fractions of all runs)."""
    n = tallies.runs
    before = tallies.status.get(STATUS_BEFORE, 0) / n if n else 0.0
    lapse = tallies.status.get(STATUS_LAPSE, 0) / n if n else 0.0
    start = plan.scenario.calendar.start
    deadline_days = (plan.scenario.calendar.deadline - start).days
    days = tallies.days
    summary = {
        "runs": n,
        "p_agreement": before + lapse,
        "p_agreement_before_deadline": before,
        "p_agreement_during_lapse": lapse,
        "p_no_agreement": 1.0 - (before + lapse),
        "p_veto": tallies.any_veto / n if n else 0.0,
        "p_veto_by_ratifier": {
            r.name: tallies.vetoed[j] / n if n else 0.0
            for j, r in enumerate(plan.scenario.ratifiers)
        },
        "terms_quantiles": terms_quantiles(plan, tallies.outcomes),
        "time_to_agreement": {
            "days_from_first_meeting": days.quantiles(),
            "days_after_deadline": Counts(days.values - deadline_days, days.counts).quantiles(),
            "first_meeting": start.isoformat(),
        },
        "utilities": {p.name: tallies.utilities[k] for k, p in enumerate(plan.scenario.parties)},
        "sensitivity": sensitivity(plan, tallies),
        "engine": {
            "batch_runs": tallies.batch_runs,
            "reference_runs": n - tallies.batch_runs,
        },
    }
    if plan.scenario.stages is not None:
        summary["stages"] = stages_summary(plan, tallies)
    return summary


def stages_summary(plan: MonteCarloPlan, tallies: Tallies) -> dict[str, Any]:
    """Deals in stages: the share of runs whose first agreement was a stop-gap, and those
    stop-gaps' terms and days from the first meeting (None where runs were stored without the
    record, by an older version); the rest of the summary describes the final deal."""
    n = tallies.runs
    known = tallies.stopgaps is not None
    outcomes, days = tallies.stopgap_outcomes, tallies.stopgap_days
    return {
        "p_stopgap": (tallies.stopgaps or 0) / n if known and n else None,
        "stopgap_terms_quantiles": terms_quantiles(plan, outcomes) if outcomes else None,
        "stopgap_days_from_first_meeting": days.quantiles() if days else None,
        "final_deal": "terms_quantiles, time_to_agreement and utilities describe the final "
        "deal (the last agreement of a run)",
    }
