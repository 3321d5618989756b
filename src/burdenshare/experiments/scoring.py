"""Scores of probabilistic forecasts against what happened: the 80 % interval and its coverage,
the Brier score of a probability, and the continuous ranked probability score (CRPS) of a sample.

CRPS of a forecast distribution F at the outcome y (Gneiting & Raftery 2007, eq. 21):

    CRPS(F, y) = E|X − y| − ½ E|X − X'|,   X, X' independent draws from F.

For the empirical distribution of a sample x_1 ≤ … ≤ x_n both expectations are finite sums;
the second is computed exactly from the sorted sample,

    E|X − X'| = (2 / n²) Σ_i (2i − n − 1) x_i   (i = 1..n),

so the score is exact (no pairs enumerated) and, summed with `math.fsum`, the same on every
machine. For a point forecast (n = 1) it is the absolute error.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

LOW_Q, HIGH_Q = 0.1, 0.9
"""The 80 % interval: the 10th and 90th percentiles (numpy's 'linear' method)."""


def crps_sample(sample: Sequence[float] | np.ndarray, outcome: float) -> float:
    """CRPS of the empirical distribution of `sample` at `outcome` (see the module docstring)."""
    x = np.sort(np.asarray(sample, dtype=float))
    n = x.size
    if n == 0:
        raise ValueError("CRPS needs at least one sample value")
    spread_weights = 2.0 * np.arange(1, n + 1) - n - 1.0
    mean_abs = math.fsum(np.abs(x - outcome).tolist()) / n
    mean_pair = 2.0 * math.fsum((spread_weights * x).tolist()) / (n * n)
    return mean_abs - 0.5 * mean_pair


def brier(probability: float, happened: bool) -> float:
    """(p − o)², o = 1 if the event happened, else 0."""
    return (probability - (1.0 if happened else 0.0)) ** 2


def interval80(sample: Sequence[float] | np.ndarray) -> tuple[float, float, float] | None:
    """Median, 10th and 90th percentile of `sample` (None when empty)."""
    x = np.asarray(sample, dtype=float)
    if x.size == 0:
        return None
    low, median, high = np.quantile(x, (LOW_Q, 0.5, HIGH_Q))
    return float(median), float(low), float(high)


def mean_or_none(values: Sequence[float | None]) -> float | None:
    """The mean of the values that are set (fsum), None when none is."""
    kept = [v for v in values if v is not None]
    return math.fsum(kept) / len(kept) if kept else None


def share_true(values: Sequence[bool | None]) -> float | None:
    """Share of True among `values` (None counts as False), None when empty."""
    return sum(1 for v in values if v) / len(values) if values else None
