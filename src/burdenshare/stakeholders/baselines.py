"""The baselines every stakeholder forecaster is compared with, per dimension k:

- weighted mean   x̄_k = Σ_i c_i s_ik x_ik / Σ_i c_i s_ik
- weighted median the smallest position x with Σ_{i: x_ik <= x} c_i s_ik >= ½ Σ_i c_i s_ik
  (the lower weighted median; with |x - y| utilities it is the median voter's position, which
  no other position beats in a pairwise capability x salience vote: Black 1948).

Weights are capability x salience on that dimension ("effective power"), as in Bueno de
Mesquita's expected-utility work and KTAB's effective-power chart (`SMPModel::sankeyOutput`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from types import MappingProxyType

import numpy as np

from burdenshare.errors import InputError, Problem
from burdenshare.stakeholders.actors import StakeholderSet
from burdenshare.stakeholders.result import ForecastResult, WinningPosition, frozen_array


def weighted_mean(x: Sequence[float], w: Sequence[float]) -> float:
    """Σ w_i x_i / Σ w_i (exactly summed with `math.fsum`)."""
    total = math.fsum(w)
    if total <= 0:
        raise InputError(Problem("weights", "need a positive total weight"))
    return math.fsum(wi * xi for wi, xi in zip(w, x, strict=True)) / total


def weighted_median(x: Sequence[float], w: Sequence[float]) -> float:
    """The lower weighted median: the smallest x_j with Σ_{x_i <= x_j} w_i >= ½ Σ w_i."""
    total = math.fsum(w)
    if total <= 0:
        raise InputError(Problem("weights", "need a positive total weight"))
    order = sorted(range(len(x)), key=lambda i: x[i])
    below: list[float] = []
    for n, i in enumerate(order):
        below.append(w[i])
        last_at_this_position = n + 1 == len(order) or x[order[n + 1]] != x[i]
        if last_at_this_position and 2.0 * math.fsum(below) >= total:
            return float(x[i])
    return float(x[order[-1]])


def effective_power(stakeholders: StakeholderSet, k: int) -> list[float]:
    """c_i s_ik for every actor on dimension k."""
    return [a.capability * a.salience[k] for a in stakeholders.actors]


def _baseline(stakeholders: StakeholderSet, model: str) -> ForecastResult:
    scaled = stakeholders.scaled_positions()
    point = []
    for k in range(len(stakeholders.dimensions)):
        xs = [row[k] for row in scaled]
        w = effective_power(stakeholders, k)
        if not any(wi > 0 for wi in w):
            name = stakeholders.dimensions[k].name
            raise InputError(Problem(f"dimension '{name}'", "no actor has salience on it"))
        point.append(weighted_mean(xs, w) if model == "mean" else weighted_median(xs, w))
    holders = tuple(
        a.name
        for a, row in zip(stakeholders.actors, scaled, strict=True)
        if all(abs(p - q) < 0.1 for p, q in zip(row, point, strict=True))
    )
    return ForecastResult(
        model=model,
        stakeholders=stakeholders,
        positions=frozen_array(np.array([scaled])),
        distribution=(WinningPosition(tuple(point), 1.0, holders),),
        forecast=tuple(point),
        parameters=MappingProxyType({"weights": "capability x salience, per dimension"}),
        notes=("a closed-form baseline: no bargaining, one point with probability 1",),
    )


def run_weighted_mean(stakeholders: StakeholderSet) -> ForecastResult:
    """Capability x salience-weighted mean position, per dimension."""
    return _baseline(stakeholders, "mean")


def run_weighted_median(stakeholders: StakeholderSet) -> ForecastResult:
    """Capability x salience-weighted (lower) median position, per dimension."""
    return _baseline(stakeholders, "median")
