"""Hypothesis properties of the frontier and the Nash point."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from burdenshare.analysis.pareto import frontier_indices
from burdenshare.analysis.solutions import discrete_solutions

values = st.integers(0, 8).map(lambda k: k / 8)


@st.composite
def clouds(draw: st.DrawFn) -> np.ndarray:
    n = draw(st.integers(2, 4))
    count = draw(st.integers(1, 120))
    return draw(arrays(float, (count, n), elements=values))


@settings(max_examples=150, deadline=None)
@given(clouds())
def test_frontier_points_are_undominated(u: np.ndarray) -> None:
    front = u[frontier_indices(u)]
    for p in front:
        assert not np.any(np.all(u >= p, axis=1) & np.any(u > p, axis=1))


@settings(max_examples=150, deadline=None)
@given(clouds())
def test_every_outcome_is_weakly_dominated_by_a_frontier_point(u: np.ndarray) -> None:
    front = u[frontier_indices(u)]
    for p in u:
        assert np.any(np.all(front >= p, axis=1))


@settings(max_examples=150, deadline=None)
@given(clouds(), arrays(float, 4, elements=st.integers(0, 4).map(lambda k: k / 8)))
def test_nash_maximises_the_product(u: np.ndarray, d_all: np.ndarray) -> None:
    d = d_all[: u.shape[1]]
    front = u[frontier_indices(u)]
    nash = discrete_solutions(front, d)["nash"]
    rational = np.all(u > d, axis=1)
    if not rational.any():
        assert nash is None
        return
    assert nash is not None
    best = np.prod(u[rational] - d, axis=1).max()
    assert np.prod(np.array(nash.utilities) - d) == best
