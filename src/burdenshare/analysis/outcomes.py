"""The utility space of a scenario: every outcome's utilities and the exact Pareto frontier.

Three methods, chosen from the issues and valuations (the first that applies):

- `enumerated`: no continuous issue; every outcome is enumerated (vectorised) — exact.
- `linear-exact`: two parties, continuous issues valued linearly by both: the continuous part
  is a zonotope whose frontier is computed exactly (`pareto.linear_box_frontier`); with discrete
  issues as well, the union of its translates by the discrete frontier is sampled along every
  segment (tolerance = the largest gap between consecutive samples, stated).
- `grid`: otherwise, each continuous issue is cut into a grid; the stated tolerance bounds how
  far any continuous outcome's utility is from its nearest grid outcome, per party:
  ε = Σ_i w_i · L_i · h_i / 2 (L_i the value function's Lipschitz constant, h_i the grid step);
  for a monotone non-piecewise-linear function, w_i · the largest step of v between grid points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from math import prod

import numpy as np

from burdenshare.analysis.pareto import frontier_indices, frontier_indices_2d, linear_box_frontier
from burdenshare.model import (
    LinearValue,
    Offer,
    OutcomeSpace,
    Party,
    PiecewiseLinearValue,
    PowerValue,
    Scenario,
    Valuation,
)
from burdenshare.model.issues import Issue, Value, is_numeric
from burdenshare.model.kinds.base import NumericLike

GRID_BUDGET_TWO = 1_000_000
"""Grid outcomes evaluated for a continuous non-linear 2-party space."""
GRID_BUDGET_MANY = 200_000
"""Grid outcomes for three or more parties (the n-party frontier costs O(N·F))."""
SAMPLES_PER_SEGMENT = 64
"""Samples per frontier segment in the mixed discrete + continuous linear case."""


def _linear_on_range(valuation: Valuation, issue: Issue) -> bool:
    """Whether the issue's value function is affine over the issue's whole range."""
    function = valuation.function(issue.name)
    if function is None or valuation.weight(issue.name) == 0 or isinstance(function, LinearValue):
        return True
    if isinstance(function, PowerValue):
        return function.exponent == 1.0
    if isinstance(function, PiecewiseLinearValue):
        assert is_numeric(issue)
        xs = np.array([p[0] for p in function.points] + [issue.low, issue.high])
        xs = np.unique(np.clip(xs, issue.low, issue.high))
        vs = function.evaluate(issue, xs)
        if xs.size <= 2:
            return True
        slopes = np.diff(vs) / np.diff(xs)
        return bool(np.allclose(slopes, slopes[0], rtol=1e-12, atol=1e-12))
    return False


def _contribution(valuation: Valuation, issue: Issue, x: np.ndarray) -> np.ndarray:
    """w_i · v_i(x) for values x of one issue (0 when the valuation ignores the issue)."""
    function = valuation.function(issue.name)
    weight = valuation.weight(issue.name)
    if function is None or weight == 0:
        return np.zeros_like(x, dtype=float)
    return np.asarray(weight * function.evaluate(issue, np.asarray(x, dtype=float)), dtype=float)


def _grid_error(valuation: Valuation, issue: NumericLike, step: float) -> float:
    """Bound on |u(x) − u(nearest grid value)| contributed by one continuous issue."""
    function = valuation.function(issue.name)
    weight = valuation.weight(issue.name)
    if function is None or weight == 0:
        return 0.0
    if isinstance(function, PiecewiseLinearValue | LinearValue):
        xs = np.array([issue.low, issue.high] + [p[0] for p in getattr(function, "points", ())])
        xs = np.unique(np.clip(xs, issue.low, issue.high))
        if xs.size < 2:
            return 0.0
        slopes = np.abs(np.diff(function.evaluate(issue, xs)) / np.diff(xs))
        return float(weight * slopes.max() * step / 2)
    grid = issue.values()
    values = function.evaluate(issue, grid)
    return float(weight * np.abs(np.diff(values)).max()) if grid.size > 1 else 0.0


@dataclass(frozen=True)
class UtilitySpace:
    """Frontier points (k, n) in party order with their terms, and how they were found.

    `segments`: consecutive points are joined by frontier segments (a piecewise-linear frontier);
    otherwise the frontier is the finite set of points. `cloud` holds the utilities of the
    outcomes (or of a sample of them, for a continuous space) for plots and distances; it is
    built on first use from `make_cloud` (a 1e6-outcome space's is 16 MB that `--json` never reads).
    """

    parties: tuple[str, ...]
    method: str
    outcome_count: int | None
    evaluated: int
    tolerance: float
    points: np.ndarray
    segments: bool
    make_cloud: Callable[[], np.ndarray]
    space: OutcomeSpace
    offer_at: Callable[[int, float], Offer]
    note: str = ""
    outcome_index: np.ndarray | None = None

    def terms(self, index: int, t: float = 0.0) -> Offer:
        """The terms of frontier point `index`, or of position t along the segment after it."""
        return self.offer_at(index, t)

    @cached_property
    def cloud(self) -> np.ndarray:
        """(N, n) utilities of the outcomes (or of a sample), made once on first use."""
        return self.make_cloud()


def utility_matrix(parties: tuple[Party, ...], space: OutcomeSpace) -> np.ndarray:
    """(N, n) utilities of every outcome of an enumerable space."""
    return np.column_stack([p.valuation.utilities(space) for p in parties])


def _enumerated(
    parties: tuple[Party, ...],
    space: OutcomeSpace,
    method: str,
    count: int | None,
    tolerance: float,
    note: str,
) -> UtilitySpace:
    names = tuple(p.name for p in parties)
    columns = [p.valuation.utilities(space) for p in parties]
    if len(columns) == 2:
        index = frontier_indices_2d(columns[0], columns[1])

        def make_cloud() -> np.ndarray:
            return np.column_stack(columns)
    else:
        cloud = np.column_stack(columns)
        index = frontier_indices(cloud)

        def make_cloud() -> np.ndarray:
            return cloud

    points = np.column_stack([column[index] for column in columns])

    def offer_at(j: int, t: float = 0.0) -> Offer:
        return space.offer_at(int(index[j]))

    return UtilitySpace(
        names,
        method,
        count,
        space.size,
        tolerance,
        points,
        False,
        make_cloud,
        space,
        offer_at,
        note,
        index if method == "enumerated" else None,
    )


def analyse_space(scenario: Scenario, sample_seed: int = 0) -> UtilitySpace:
    """The scenario's utility space and Pareto frontier by the first method that applies."""
    parties = scenario.parties
    space = scenario.space
    continuous = [i for i, issue in enumerate(space.issues) if issue.continuous]
    if not continuous:
        return _enumerated(
            parties, space, "enumerated", space.size, 0.0, "every outcome enumerated; exact"
        )
    linear = len(parties) == 2 and all(
        _linear_on_range(p.valuation, space.issues[i]) for p in parties for i in continuous
    )
    if linear:
        return _linear_exact(scenario, continuous, sample_seed)
    return _gridded(scenario, continuous)


def _gridded(scenario: Scenario, continuous: list[int]) -> UtilitySpace:
    parties = scenario.parties
    space = scenario.space
    discrete = prod(space.shape[i] for i in range(len(space.issues)) if i not in continuous)
    budget = GRID_BUDGET_TWO if len(parties) == 2 else GRID_BUDGET_MANY
    per_issue = max(2, int((budget / discrete) ** (1.0 / len(continuous)) + 1e-9))
    issues = list(space.issues)
    for i in continuous:
        issue = issues[i]
        assert is_numeric(issue)
        step = (issue.high - issue.low) / (per_issue - 1) if issue.high > issue.low else 1.0
        issues[i] = replace(issue, step=step)  # type: ignore[type-var]  # kinds are dataclasses
    grid = OutcomeSpace(tuple(issues))
    reals = [issue for issue in grid.issues if is_numeric(issue) and issue.continuous]
    tolerance = max(
        sum(_grid_error(p.valuation, issue, issue.step) for issue in reals) for p in parties
    )
    note = (
        f"continuous issues cut into {per_issue} grid values each ({grid.size:,} outcomes "
        f"evaluated); any outcome's utility is within {tolerance:.2g} of a grid outcome's"
    )
    return _enumerated(parties, grid, "grid", None, tolerance, note)


def _linear_exact(scenario: Scenario, continuous: list[int], seed: int) -> UtilitySpace:
    parties = scenario.parties
    space = scenario.space
    names = tuple(p.name for p in parties)
    real = [issue for issue in (space.issues[i] for i in continuous) if is_numeric(issue)]
    lows = np.array(
        [
            [_contribution(p.valuation, issue, np.array([issue.low]))[0] for p in parties]
            for issue in real
        ]
    )
    highs = np.array(
        [
            [_contribution(p.valuation, issue, np.array([issue.high]))[0] for p in parties]
            for issue in real
        ]
    )
    box = linear_box_frontier(highs - lows)
    fixed = [i for i in range(len(space.issues)) if i not in continuous]
    sub = OutcomeSpace(tuple(space.issues[i] for i in fixed))
    base = (utility_matrix(parties, sub) if fixed else np.zeros((1, 2))) + lows.sum(axis=0)
    base_front = frontier_indices_2d(base[:, 0], base[:, 1])

    def values_at(positions: np.ndarray) -> dict[str, Value]:
        out: dict[str, Value] = {}
        for k, issue in enumerate(real):
            assert is_numeric(issue)
            out[issue.name] = float(issue.low + positions[k] * (issue.high - issue.low))
        return out

    def build(discrete_index: int, positions: np.ndarray) -> Offer:
        terms: dict[str, Value] = {}
        fixed_offer = sub.offer_at(discrete_index).as_dict() if fixed else {}
        cont = values_at(positions)
        for issue in space.issues:
            terms[issue.name] = (
                fixed_offer[issue.name] if issue.name in fixed_offer else cont[issue.name]
            )
        return Offer.of(terms)

    rng = np.random.default_rng(seed)
    samples = 20_000
    t_random = rng.random((samples, len(real)))
    picks = rng.integers(0, base.shape[0], samples)
    cloud = base[picks] + t_random @ (highs - lows)

    if base_front.size == 1:
        vertices = base[base_front[0]] + box.vertices
        d_index = int(base_front[0])
        positions = box.positions

        def offer_at(j: int, t: float = 0.0) -> Offer:
            nxt = min(j + 1, positions.shape[0] - 1)
            return build(d_index, positions[j] + t * (positions[nxt] - positions[j]))

        note = (
            "frontier computed exactly: issues traded in order of the ratio of marginal "
            "utilities; every point of every segment is Pareto-optimal"
        )
        return UtilitySpace(
            names,
            "linear-exact",
            None,
            0,
            0.0,
            vertices,
            True,
            lambda: cloud,
            space,
            offer_at,
            note,
        )
    # mixed: union of the translated polylines, sampled along each segment
    s = np.linspace(0.0, 1.0, SAMPLES_PER_SEGMENT + 1)
    seg = box.vertices.shape[0] - 1
    if seg == 0:
        local = box.vertices
        local_pos = box.positions
    else:
        local = np.concatenate(
            [
                box.vertices[j] + s[:-1, None] * (box.vertices[j + 1] - box.vertices[j])
                for j in range(seg)
            ]
            + [box.vertices[-1:]]
        )
        local_pos = np.concatenate(
            [
                box.positions[j] + s[:-1, None] * (box.positions[j + 1] - box.positions[j])
                for j in range(seg)
            ]
            + [box.positions[-1:]]
        )
    all_points = (base[base_front][:, None, :] + local[None, :, :]).reshape(-1, 2)
    front = frontier_indices_2d(all_points[:, 0], all_points[:, 1])
    which = front // local.shape[0]
    at = front % local.shape[0]
    gaps = np.linalg.norm(np.diff(local, axis=0), axis=1)
    tolerance = float(gaps.max()) if gaps.size else 0.0

    def offer_at_mixed(j: int, t: float = 0.0) -> Offer:
        return build(int(base_front[which[j]]), local_pos[at[j]])

    note = (
        f"frontier of {base_front.size} discrete frontier points each plus the exact "
        f"continuous trade-off polyline, sampled {SAMPLES_PER_SEGMENT} times per segment "
        f"(tolerance {tolerance:.2g})"
    )
    return UtilitySpace(
        names,
        "linear-sampled",
        None,
        int(all_points.shape[0]),
        tolerance,
        all_points[front],
        False,
        lambda: cloud,
        space,
        offer_at_mixed,
        note,
    )
