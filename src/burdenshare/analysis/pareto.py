"""Pareto frontiers: exact for enumerated outcome sets, and exact piecewise-linear for linear
additive utilities over continuous boxes.

An outcome is on the frontier when no other outcome gives every party at least as much and one
party strictly more (weak Pareto dominance; Pareto 1906, as used by GENIUS and NegMAS). Frontier
points are *distinct* utility vectors; each keeps the lowest outcome index that reaches it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def frontier_indices_2d(u1: np.ndarray, u2: np.ndarray) -> np.ndarray:
    """Indices of the 2-party frontier, sorted by u1 descending: O(N log N) sort-and-sweep.

    Sort by (u1 desc, u2 desc, index asc); a point is on the frontier iff its u2 exceeds the
    running maximum of u2 over all points before it (Kung, Luccio & Preparata 1975).
    """
    n = u1.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    candidates = _prefilter_2d(u1, u2) if n > 4096 else np.arange(n)
    c1, c2 = u1[candidates], u2[candidates]
    order = np.lexsort((candidates, -c2, -c1))
    s2 = c2[order]
    best_before = np.empty_like(s2)
    best_before[0] = -np.inf
    np.maximum.accumulate(s2[:-1], out=best_before[1:])
    return np.asarray(candidates[order[s2 > best_before]], dtype=np.int64)


def _prefilter_2d(
    u1: np.ndarray, u2: np.ndarray, bins: int = 4096, chunk: int = 1 << 15
) -> np.ndarray:
    """Indices that may be on the frontier, in O(N): bin u1; a point whose u2 is at most the best
    u2 of any strictly higher bin (all of whose u1 are larger) is dominated and dropped.

    Two passes over chunks small enough to stay in cache, with reused buffers: the same bins and
    the same result as whole-array arithmetic, about twice as fast on 1e6 points (no 8 MB
    temporaries to fault in).
    """
    n = u1.shape[0]
    low, high = float(u1.min()), float(u1.max())
    if not high > low:
        return np.arange(n)
    scale = (bins - 1) / (high - low)
    size = min(chunk, n)
    scaled = np.empty(size)
    binned = np.empty(size, dtype=np.intp)

    def bins_of(start: int, stop: int) -> np.ndarray:
        m = stop - start
        np.subtract(u1[start:stop], low, out=scaled[:m])
        scaled[:m] *= scale
        np.copyto(binned[:m], scaled[:m], casting="unsafe")  # truncation, as astype(np.intp)
        return binned[:m]

    top = np.full(bins, -np.inf)
    for start in range(0, n, size):
        stop = min(start + size, n)
        np.maximum.at(top, bins_of(start, stop), u2[start:stop])
    above = np.empty(bins)
    above[-1] = -np.inf
    above[:-1] = np.maximum.accumulate(top[::-1])[::-1][1:]
    kept = []
    for start in range(0, n, size):
        stop = min(start + size, n)
        best_above = np.take(above, bins_of(start, stop), out=scaled[: stop - start])
        hits = np.flatnonzero(u2[start:stop] > best_above)
        if hits.size:
            kept.append(hits + start)
    return np.concatenate(kept) if kept else np.zeros(0, dtype=np.intp)


def frontier_indices(utilities: np.ndarray) -> np.ndarray:
    """Indices of the frontier of an (N, n) utility matrix, any n; sorted by u1 descending.

    n = 2 uses the sweep; n ≥ 3 the compiled maxima algorithms of `skyline.frontier_many`
    (O(N log N) for three parties, O(N log² N) for four).
    """
    utilities = np.asarray(utilities, dtype=float)
    count, parties = utilities.shape
    if parties == 1:
        if count == 0:
            return np.zeros(0, dtype=np.int64)
        return np.array([int(np.argmax(utilities[:, 0]))], dtype=np.int64)
    if parties == 2:
        return frontier_indices_2d(utilities[:, 0], utilities[:, 1])
    from burdenshare.analysis.skyline import frontier_many

    result = frontier_many(utilities)
    key = np.lexsort((result, *(-utilities[result, j] for j in reversed(range(parties)))))
    return np.asarray(result[key], dtype=np.int64)


@dataclass(frozen=True)
class LinearBoxFrontier:
    """The exact 2-party frontier of Σ_i t_i·Δ_i over t ∈ [0, 1]^m: a concave polyline.

    `vertices` (k, 2) run from the best point for party 1 to the best for party 2; `positions`
    (k, m) give each issue's position t_i ∈ [0, 1] at each vertex; between two vertices the
    positions move linearly, and every point of every segment is Pareto-optimal.
    """

    vertices: np.ndarray
    positions: np.ndarray


def linear_box_frontier(deltas: np.ndarray) -> LinearBoxFrontier:
    """Frontier of the zonotope {Σ_i t_i Δ_i}: fix issues both sides rank alike, then trade the
    rest in decreasing order of the ratio of marginal utilities |Δ2_i / Δ1_i|.

    Start at the best point for party 1 (t_i = 1 iff Δ1_i > 0, or Δ1_i = 0 < Δ2_i); each conflicting
    issue then gives an edge (−|Δ1_i|, |Δ2_i|); sorting the edges by slope gives the upper-right
    boundary of the Minkowski sum of segments (zonotope; e.g. Raiffa 1982, "The Art and Science of
    Negotiation", ch. 10 on integrative trade-offs).
    """
    deltas = np.asarray(deltas, dtype=float).reshape(-1, 2)
    d1, d2 = deltas[:, 0], deltas[:, 1]
    start = ((d1 > 0) | ((d1 == 0) & (d2 > 0))).astype(float)
    conflict = ((d1 > 0) & (d2 < 0)) | ((d1 < 0) & (d2 > 0))
    issues = np.flatnonzero(conflict)
    ratio = np.abs(d2[issues]) / np.abs(d1[issues])
    issues = issues[np.argsort(-ratio, kind="stable")]
    ratio = np.sort(ratio)[::-1]
    vertex = start @ deltas
    positions = [start.copy()]
    vertices = [vertex.copy()]
    current = start.copy()
    k = 0
    while k < issues.size:
        group = [issues[k]]
        while k + 1 < issues.size and np.isclose(ratio[k + 1], ratio[k], rtol=1e-12, atol=0):
            k += 1
            group.append(issues[k])
        k += 1
        for i in group:
            current[i] = 1.0 - current[i]
        positions.append(current.copy())
        vertices.append(current @ deltas)
    return LinearBoxFrontier(np.array(vertices), np.array(positions))


def distance_to_frontier(point: np.ndarray, frontier: np.ndarray, segments: bool) -> float:
    """Euclidean distance from `point` to the nearest frontier point (or segment, if joined)."""
    point = np.asarray(point, dtype=float)
    if not segments or frontier.shape[0] < 2:
        return float(np.min(np.linalg.norm(frontier - point, axis=1)))
    p, q = frontier[:-1], frontier[1:]
    span = q - p
    length = np.einsum("ij,ij->i", span, span)
    t = np.clip(np.einsum("ij,ij->i", point - p, span) / np.where(length > 0, length, 1.0), 0, 1)
    return float(np.min(np.linalg.norm(p + t[:, None] * span - point, axis=1)))
