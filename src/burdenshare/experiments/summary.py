"""Exact summaries of Monte Carlo runs, computed in run-index order (so identical whatever ran
them): outcome probabilities, veto probabilities, quantiles of the agreed terms and of the time
to agreement, and a sensitivity ranking by Spearman rank correlation (scipy.stats.spearmanr).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from burdenshare.experiments.montecarlo import (
    STATUS_BEFORE,
    STATUS_LAPSE,
    Columns,
    MonteCarloPlan,
)
from burdenshare.model import MoneyIssue, ScopeIssue
from burdenshare.model.issues import NUMERIC_ISSUES, UNIT_SCALES, unit_label

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


def _quantiles(values: np.ndarray) -> dict[str, float] | None:
    """Exact quantiles (linear interpolation between order statistics), mean, min and max."""
    if values.size == 0:
        return None
    q = np.quantile(values, QUANTILES)
    out = {f"q{round(p * 100):02d}": float(v) for p, v in zip(QUANTILES, q, strict=True)}
    out.update(mean=float(values.mean()), min=float(values.min()), max=float(values.max()))
    return out


def _round(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 4)


def terms_quantiles(plan: MonteCarloPlan, columns: Columns) -> dict[str, Any]:
    """Per issue, over the agreements: quantiles of numbers (money also in the other currency
    of the exchange rate), frequencies of scope categories and of choice options."""
    scenario = plan.scenario
    space = scenario.space
    agreed = columns.index[columns.index >= 0]
    positions = np.unravel_index(agreed, space.shape) if agreed.size else None
    out: dict[str, Any] = {}
    for p, issue in enumerate(space.issues):
        if positions is None:
            out[issue.name] = None
            continue
        grid_index = positions[p]
        if isinstance(issue, NUMERIC_ISSUES):
            values = np.asarray(space.grids[p], dtype=float)[grid_index]
            entry: dict[str, Any] = {"quantiles": _quantiles(values)}
            if unit_label(issue):
                entry["unit"] = unit_label(issue)
            out[issue.name] = entry
            if isinstance(issue, MoneyIssue):
                rate = scenario.exchange_rate
                other = rate.other(issue.currency) if rate is not None else None
                if rate is not None and other is not None:
                    scale = UNIT_SCALES[issue.unit]
                    distinct, where = np.unique(values, return_inverse=True)  # grid values
                    converted = np.array(
                        [rate.convert(v * scale, issue.currency, other) / scale for v in distinct]
                    )[where.reshape(-1)]
                    out[f"{issue.name}_{other}"] = {
                        "quantiles": _quantiles(converted),
                        "unit": f"{other} {issue.unit}".strip(),
                    }
        elif isinstance(issue, ScopeIssue):
            sets = issue.values()
            counts = np.bincount(grid_index, minlength=len(sets))
            out[issue.name] = {
                "categories": {
                    c: float(sum(counts[j] for j, s in enumerate(sets) if c in s)) / agreed.size
                    for c in issue.names
                },
                "sets": {
                    "+".join(sorted(s)): float(counts[j]) / agreed.size
                    for j, s in enumerate(sets)
                    if counts[j]
                },
            }
        else:
            counts = np.bincount(grid_index, minlength=issue.size())
            out[issue.name] = {
                "options": {
                    str(o): float(counts[j]) / agreed.size for j, o in enumerate(issue.values())
                }
            }
    return out


def outcome_measures(plan: MonteCarloPlan, columns: Columns) -> dict[str, np.ndarray]:
    """The outcomes inputs are correlated with: agreement (1/0), days to the end of talks, and
    each money issue's agreed amount (NaN without agreement)."""
    measures: dict[str, np.ndarray] = {
        "agreement": (columns.status > 0).astype(float),
        "days_to_end": columns.days.astype(float),
    }
    space = plan.scenario.space
    for p, issue in enumerate(space.issues):
        if isinstance(issue, MoneyIssue):
            values = np.full(len(columns), np.nan)
            ok = columns.index >= 0
            if ok.any():
                grid = np.asarray(space.grids[p], dtype=float)
                values[ok] = grid[np.unravel_index(columns.index[ok], space.shape)[p]]
            measures[issue.name] = values
    return measures


def sensitivity(plan: MonteCarloPlan, columns: Columns) -> list[dict[str, Any]]:
    """Spearman's rank correlation of each uncertain input with each outcome measure, ranked by
    the largest absolute correlation (NaN — constant input or outcome — counts as 0).

    ρ is Pearson's correlation of the average ranks (`scipy.stats.spearmanr`'s definition),
    over the runs where the measure is defined; each column is ranked once per such subset."""
    from scipy.stats import rankdata  # type: ignore[import-untyped,unused-ignore]

    measures = outcome_measures(plan, columns)
    subsets = {name: ~np.isnan(y) for name, y in measures.items()}
    targets = {name: rankdata(y[subsets[name]]) for name, y in measures.items()}
    rows = []
    for j, u in enumerate(plan.uncertain):
        x = columns.inputs[:, j]
        ranks: dict[bytes, np.ndarray] = {}  # this input's ranks per subset of runs
        correlations: dict[str, float | None] = {}
        for name, y in measures.items():
            ok = subsets[name]
            if ok.sum() < 3 or np.ptp(x[ok]) == 0 or np.ptp(y[ok]) == 0:
                correlations[name] = None
                continue
            key = np.packbits(ok).tobytes()
            if key not in ranks:
                ranks[key] = rankdata(x[ok])
            rho = float(np.corrcoef(ranks[key], targets[name])[0, 1])
            correlations[name] = _round(rho)
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


def summarise(plan: MonteCarloPlan, columns: Columns) -> dict[str, Any]:
    """The whole summary, JSON-ready (probabilities as fractions of all runs)."""
    n = len(columns)
    status = columns.status
    before = float(np.count_nonzero(status == STATUS_BEFORE)) / n if n else 0.0
    lapse = float(np.count_nonzero(status == STATUS_LAPSE)) / n if n else 0.0
    agreed = status > 0
    start = plan.scenario.calendar.start
    deadline_days = (plan.scenario.calendar.deadline - start).days
    days = columns.days[agreed]
    return {
        "runs": n,
        "p_agreement": before + lapse,
        "p_agreement_before_deadline": before,
        "p_agreement_during_lapse": lapse,
        "p_no_agreement": 1.0 - (before + lapse),
        "p_veto": float(np.count_nonzero(columns.vetoes > 0)) / n if n else 0.0,
        "p_veto_by_ratifier": {
            r.name: float(np.count_nonzero(columns.vetoed[:, j])) / n if n else 0.0
            for j, r in enumerate(plan.scenario.ratifiers)
        },
        "terms_quantiles": terms_quantiles(plan, columns),
        "time_to_agreement": {
            "days_from_first_meeting": _quantiles(days.astype(float)),
            "days_after_deadline": _quantiles((days - deadline_days).astype(float)),
            "first_meeting": start.isoformat(),
        },
        "utilities": {
            p.name: _quantiles(columns.utilities[agreed, k])
            for k, p in enumerate(plan.scenario.parties)
        },
        "sensitivity": sensitivity(plan, columns),
        "engine": {
            "batch_runs": int(np.count_nonzero(columns.engine_batch)),
            "reference_runs": int(n - np.count_nonzero(columns.engine_batch)),
        },
    }
