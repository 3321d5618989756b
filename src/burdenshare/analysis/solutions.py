"""Bargaining solutions on a Pareto frontier, each relative to the disagreement point d.

- Nash (1950): maximise Π_i (u_i − d_i) over individually rational outcomes (u > d).
- Kalai & Smorodinsky (1975): the frontier point on the ray from d to the ideal point g
  (g_i = the best u_i among outcomes with u ≥ d); on a finite set, the point maximising
  min_i (u_i − d_i)/(g_i − d_i).
- Utilitarian: maximise Σ_i u_i. Egalitarian (Rawls 1971; Kalai 1977): maximise min_i (u_i − d_i).

On a piecewise-linear (continuous) frontier each is solved in closed form on every segment.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SOLUTION_NAMES = ("nash", "kalai_smorodinsky", "utilitarian", "egalitarian")


@dataclass(frozen=True)
class SolutionPoint:
    """A solution: its utilities and where it lies — a frontier point index, or a position
    `t` ∈ [0, 1] along the segment from vertex `index` to vertex `index + 1`."""

    name: str
    utilities: tuple[float, ...]
    index: int
    t: float = 0.0


def _rational(points: np.ndarray, d: np.ndarray, strict: bool) -> np.ndarray:
    gap = points - d
    return np.flatnonzero(np.all(gap > 0, axis=1) if strict else np.all(gap >= -1e-12, axis=1))


def ideal_point(points: np.ndarray, d: np.ndarray) -> np.ndarray | None:
    """g_i = max u_i over points with u ≥ d (None when no point is individually rational)."""
    ok = _rational(points, d, strict=False)
    return None if ok.size == 0 else np.asarray(points[ok].max(axis=0))


def discrete_solutions(points: np.ndarray, d: np.ndarray) -> dict[str, SolutionPoint | None]:
    """The four solutions among finite frontier points (k, n); ties go to the earlier point.

    A solution is None when no point gives every party strictly more than d (Nash, KS) or at
    least d (utilitarian, egalitarian).
    """
    d = np.asarray(d, dtype=float)
    out: dict[str, SolutionPoint | None] = dict.fromkeys(SOLUTION_NAMES)
    strict = _rational(points, d, strict=True)
    weak = _rational(points, d, strict=False)
    if strict.size:
        product = np.prod(points[strict] - d, axis=1)
        i = int(strict[int(np.argmax(product))])
        out["nash"] = SolutionPoint("nash", tuple(map(float, points[i])), i)
        g = points[weak].max(axis=0)
        share = np.min((points[strict] - d) / np.where(g - d > 0, g - d, 1.0), axis=1)
        best = share.max()
        tied = strict[share >= best - 1e-12]
        i = int(tied[int(np.argmax(points[tied].sum(axis=1)))])
        out["kalai_smorodinsky"] = SolutionPoint(
            "kalai_smorodinsky", tuple(map(float, points[i])), i
        )
    if weak.size:
        i = int(weak[int(np.argmax(points[weak].sum(axis=1)))])
        out["utilitarian"] = SolutionPoint("utilitarian", tuple(map(float, points[i])), i)
        least = np.min(points[weak] - d, axis=1)
        tied = weak[least >= least.max() - 1e-12]
        i = int(tied[int(np.argmax(points[tied].sum(axis=1)))])
        out["egalitarian"] = SolutionPoint("egalitarian", tuple(map(float, points[i])), i)
    return out


def _on_segment(p: np.ndarray, q: np.ndarray, t: float) -> np.ndarray:
    return np.asarray(p + t * (q - p), dtype=float)


def _rational_interval(p: np.ndarray, q: np.ndarray, d: np.ndarray) -> tuple[float, float] | None:
    """The t ∈ [0, 1] for which p + t(q − p) ≥ d in every coordinate, or None if empty."""
    lo, hi = 0.0, 1.0
    for a, b, floor in zip(p, q, d, strict=True):
        slope = b - a
        if slope == 0:
            if a < floor - 1e-12:
                return None
            continue
        root = (floor - a) / slope
        if slope > 0:
            lo = max(lo, root)
        else:
            hi = min(hi, root)
    return (lo, hi) if lo <= hi + 1e-15 else None


def polyline_solutions(vertices: np.ndarray, d: np.ndarray) -> dict[str, SolutionPoint | None]:
    """The four solutions on a 2-party piecewise-linear frontier (vertices ordered by u1 desc).

    On a segment u(t) = a + t·b (a = p − d): Nash maximises (a1 + t b1)(a2 + t b2), a concave
    quadratic with stationary point t* = −(a1 b2 + a2 b1)/(2 b1 b2); KS solves
    (u1 − d1)(g2 − d2) = (u2 − d2)(g1 − d1); egalitarian solves u1 − d1 = u2 − d2 (or takes an
    end); utilitarian is at a vertex. Each candidate is clipped to the rational part u ≥ d.
    """
    d = np.asarray(d, dtype=float)
    out: dict[str, SolutionPoint | None] = dict.fromkeys(SOLUTION_NAMES)
    if vertices.shape[0] == 1:
        return discrete_solutions(vertices, d)
    # the ideal point over the continuous frontier: the largest u_i on its rational part
    g = np.full(2, -np.inf)
    pieces: list[tuple[int, float, float]] = []
    for j in range(vertices.shape[0] - 1):
        p, q = vertices[j], vertices[j + 1]
        span = _rational_interval(p, q, d)
        if span is None:
            continue
        pieces.append((j, span[0], span[1]))
        for t in span:
            g = np.maximum(g, _on_segment(p, q, t))
    if not pieces:
        return out
    candidates: dict[str, list[tuple[float, int, float]]] = {n: [] for n in SOLUTION_NAMES}
    for j, lo, hi in pieces:
        p, q = vertices[j], vertices[j + 1]
        a, b = p - d, q - p
        ts = {lo, hi}
        if b[0] * b[1] != 0:
            ts.add(min(max(-(a[0] * b[1] + a[1] * b[0]) / (2 * b[0] * b[1]), lo), hi))
        for t in ts:
            u = _on_segment(p, q, t) - d
            candidates["nash"].append((float(u[0] * u[1]), j, t))
            candidates["utilitarian"].append((float(u.sum()), j, t))
        gap = g - d
        ks_den = b[0] * gap[1] - b[1] * gap[0]
        ks_ts = {lo, hi}
        if ks_den != 0:
            ks_ts.add(min(max(-(a[0] * gap[1] - a[1] * gap[0]) / ks_den, lo), hi))
        for t in ks_ts:
            u = _on_segment(p, q, t) - d
            share = min(
                u[0] / gap[0] if gap[0] > 0 else np.inf, u[1] / gap[1] if gap[1] > 0 else np.inf
            )
            candidates["kalai_smorodinsky"].append((float(share), j, t))
        eg_ts = {lo, hi}
        if b[0] != b[1]:
            eg_ts.add(min(max((a[1] - a[0]) / (b[0] - b[1]), lo), hi))
        for t in eg_ts:
            u = _on_segment(p, q, t) - d
            candidates["egalitarian"].append((float(u.min()), j, t))
    for name, found in candidates.items():
        if not found:
            continue
        best = max(found, key=lambda c: (c[0], -c[1], -c[2]))
        if name in ("nash", "kalai_smorodinsky") and best[0] <= 0:
            continue
        _, j, t = best
        if t >= 1.0 and j + 1 < vertices.shape[0] - 1:
            j, t = j + 1, 0.0
        u = _on_segment(vertices[j], vertices[min(j + 1, vertices.shape[0] - 1)], t)
        out[name] = SolutionPoint(name, tuple(map(float, u)), j, float(t))
    return out
