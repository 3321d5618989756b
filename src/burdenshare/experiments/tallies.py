"""What an exact Monte Carlo summary needs, in a size that does not grow with the number of
runs: counts over finite grids, a few order statistics, and sums of rank products.

The store counts them (`execution.tallying`); these values and the arithmetic on them are pure,
so the summary is exact and identical whatever executed the runs and in whatever order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


def ranks_needed(n: int) -> tuple[int, ...]:
    """The 0-based order statistics that `quantiles` reads for a sample of `n`: both
    neighbours of each quantile's virtual index (n − 1)·q, and the minimum and maximum."""
    if n == 0:
        return ()
    needed = {0, n - 1}
    for q in QUANTILES:
        virtual = (n - 1) * q
        if virtual < n - 1:
            below = math.floor(virtual)
            needed.update((below, below + 1))
    return tuple(sorted(needed))


def quantiles(n: int, at: Mapping[int, float], mean: float) -> dict[str, float] | None:
    """The quantiles `QUANTILES` of a sample of `n` by linear interpolation between order
    statistics (Hyndman & Fan's type 7, numpy's default), with the mean, minimum and maximum.

    `at[k]` is the k-th smallest value (0-based) for every k in `ranks_needed(n)`. The
    interpolation repeats numpy's arithmetic step for step, so the result equals
    `numpy.quantile` on the whole sample to the last bit."""
    if n == 0:
        return None
    out: dict[str, float] = {}
    for q in QUANTILES:
        virtual = float(np.float64(n - 1) * np.float64(q))
        if virtual >= n - 1:
            value = at[n - 1]
        else:
            below = math.floor(virtual)
            a, b, t = at[below], at[below + 1], virtual - below
            diff = b - a
            value = b - diff * (1 - t) if t >= 0.5 else a + diff * t
        out[f"q{round(q * 100):02d}"] = float(value)
    out.update(mean=float(mean), min=float(at[0]), max=float(at[n - 1]))
    return out


@dataclass(frozen=True, eq=False)
class Counts:
    """A sample over finitely many values: `counts[i]` runs had `values[i]` (ascending)."""

    values: np.ndarray
    counts: np.ndarray

    @property
    def n(self) -> int:
        return int(self.counts.sum())

    def mapped(self, table: np.ndarray) -> Counts:
        """The sample of `table[value]` (values are indices into `table`), merged and sorted."""
        mapped = np.asarray(table)[self.values.astype(np.int64)]
        distinct, where = np.unique(mapped, return_inverse=True)
        return Counts(
            distinct, np.bincount(where.reshape(-1), weights=self.counts).astype(np.int64)
        )

    def mean(self) -> float:
        """The exact mean, correctly rounded (sums of binary fractions, no rounding on the way)."""
        total = sum(
            (Fraction(float(v)) * int(c) for v, c in zip(self.values, self.counts, strict=True)),
            Fraction(0),
        )
        return float(total / self.n) if self.n else math.nan

    def quantiles(self) -> dict[str, float] | None:
        """`quantiles` of the sample, order statistics read off the cumulative counts."""
        n = self.n
        ends = np.cumsum(self.counts)
        at = {
            k: float(self.values[np.searchsorted(ends, k, side="right")]) for k in ranks_needed(n)
        }
        return quantiles(n, at, self.mean()) if n else None


@dataclass(frozen=True)
class RankSums:
    """Over `n` runs, with R and S each value's doubled average rank (ties share the mean of
    their ranks, doubled to stay an integer): Σ R·S, Σ R² and Σ S², as exact integers."""

    n: int
    xy: int
    xx: int
    yy: int

    def rho(self) -> float | None:
        """Spearman's ρ, Pearson's correlation of the average ranks (scipy's `spearmanr`):
        ρ = (ΣRS − n(n+1)²) / √((ΣR² − n(n+1)²)(ΣS² − n(n+1)²)), since ΣR = ΣS = n(n+1).
        None with fewer than 3 runs or a constant side."""
        centre = self.n * (self.n + 1) ** 2
        xx, yy = self.xx - centre, self.yy - centre
        if self.n < 3 or xx <= 0 or yy <= 0:
            return None
        return (self.xy - centre) / math.sqrt(xx * yy)


@dataclass(frozen=True, eq=False)
class Tallies:
    """Everything `summary.summarise` reads, counted over all stored runs of an experiment.

    `status` counts runs per outcome code; `vetoed` per ratifier the runs in which it vetoed;
    `outcomes` and `days` the agreed outcome indices and the days from the first meeting of the
    runs with agreement; `utilities` per party; `spearman` the rank sums per (input position,
    outcome measure). With deals in stages, `stopgaps` counts the runs whose first agreement
    was a stop-gap (None: not recorded for some runs, stored by an older version), and
    `stopgap_outcomes` and `stopgap_days` are those stop-gaps' outcomes and days from the first
    meeting; `outcomes` and `days` are the final deals'."""

    runs: int
    status: Mapping[int, int]
    any_veto: int
    vetoed: tuple[int, ...]
    batch_runs: int
    outcomes: Counts
    days: Counts
    utilities: tuple[dict[str, float] | None, ...]
    spearman: Mapping[tuple[int, str], RankSums] = field(default_factory=dict)
    stopgaps: int | None = None
    stopgap_outcomes: Counts | None = None
    stopgap_days: Counts | None = None
