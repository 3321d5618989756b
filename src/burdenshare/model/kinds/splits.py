"""Splits of a common bill: the value a share issue gives, and the structural enumeration of
every split on a grid (compositions of the grid's units with per-payer floors and caps).

A split of 100 % into n shares on a grid of step h is a composition of T = 100/h units into n
parts; with floors f_i and caps c_i (in units), part i ranges over
[max(f_i, R − Σ_{j>i} c_j), min(c_i, R − Σ_{j>i} f_j)] given the R units left before it, so
every partial split extends to at least one whole one and nothing is filtered afterwards.
Their number without bounds is C(T + n − 1, n − 1) (stars and bars; Feller 1968, II.5):
176,851 for four payers at 1 % steps.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from math import comb

import numpy as np


@dataclass(frozen=True)
class Split:
    """Shares of a common bill in percent, one per payer, in the issue's payer order."""

    shares: tuple[tuple[str, float], ...]

    def __getitem__(self, payer: str) -> float:
        for name, percent in self.shares:
            if name == payer:
                return percent
        raise KeyError(payer)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self.shares)

    def __len__(self) -> int:
        return len(self.shares)

    def payers(self) -> tuple[str, ...]:
        """The payers in order."""
        return tuple(name for name, _ in self.shares)

    def percents(self) -> tuple[float, ...]:
        """The shares in percent, in payer order."""
        return tuple(percent for _, percent in self.shares)

    def to_json(self) -> dict[str, float]:
        """`{payer: percent}` in payer order, as JSON carries a split."""
        return dict(self.shares)


def count_compositions(total: int, floors: Sequence[int], caps: Sequence[int]) -> int:
    """How many compositions of `total` units respect `floors` and `caps`, counted exactly
    (Python integers) by the recursion `compositions` follows, with prefix sums: O(n·T).
    A space is sized before it is enumerated."""
    n = len(floors)
    if n == 0:
        return 0
    # ways[r]: compositions of r units into the parts from the current one on
    ways = [1 if floors[-1] <= r <= caps[-1] else 0 for r in range(total + 1)]
    for i in range(n - 2, -1, -1):
        prefix = [0]
        for w in ways:
            prefix.append(prefix[-1] + w)
        nxt = []
        for r in range(total + 1):
            low, high = floors[i], min(caps[i], r)
            # Σ_{x=low..high} ways[r - x] = prefix[r - low + 1] - prefix[r - high]
            nxt.append(prefix[r - low + 1] - prefix[r - high] if high >= low else 0)
        ways = nxt
    return ways[total]


def unbounded_count(total: int, parts: int) -> int:
    """C(T + n − 1, n − 1): compositions of T units into n non-negative parts."""
    return comb(total + parts - 1, parts - 1) if parts > 0 else 0


def compositions(total: int, floors: Sequence[int], caps: Sequence[int]) -> np.ndarray:
    """Every composition of `total` units into len(floors) parts with floors[i] ≤ part i ≤
    caps[i], as an (N, n) int64 array in lexicographic order (part 1 slowest).

    Built part by part: each partial row is repeated once per admissible next part, whose range
    is cut so that the remaining parts can still be filled (no row is ever dropped).
    """
    n = len(floors)
    floors_a = np.asarray(floors, dtype=np.int64)
    caps_a = np.asarray(caps, dtype=np.int64)
    if n == 0 or floors_a.sum() > total or caps_a.sum() < total:
        return np.zeros((0, n), dtype=np.int64)
    # the floors and caps of the parts after part i, summed
    after_floor = np.concatenate([np.cumsum(floors_a[::-1])[::-1][1:], [0]])
    after_cap = np.concatenate([np.cumsum(caps_a[::-1])[::-1][1:], [0]])
    left = np.array([total], dtype=np.int64)  # units left before the current part, per row
    columns: list[np.ndarray] = []
    for i in range(n):
        low = np.maximum(floors_a[i], left - after_cap[i])
        high = np.minimum(caps_a[i], left - after_floor[i])
        counts = high - low + 1
        rows = np.repeat(np.arange(left.size), counts)
        starts = np.repeat(np.cumsum(counts) - counts, counts)
        part = low[rows] + (np.arange(rows.size) - starts)
        columns = [column[rows] for column in columns]
        columns.append(part)
        left = left[rows] - part
    return np.column_stack(columns)
