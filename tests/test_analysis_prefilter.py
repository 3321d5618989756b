"""The chunked O(N) prefilter of the 2-party frontier keeps exactly what the whole-array
arithmetic keeps, and the frontier found through it is the plain sort-and-sweep frontier."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from burdenshare.analysis.pareto import _prefilter_2d, frontier_indices_2d


def whole_array_prefilter(u1: np.ndarray, u2: np.ndarray, bins: int = 4096) -> np.ndarray:
    low, high = float(u1.min()), float(u1.max())
    if not high > low:
        return np.arange(u1.shape[0])
    b = ((u1 - low) * ((bins - 1) / (high - low))).astype(np.intp)
    top = np.full(bins, -np.inf)
    np.maximum.at(top, b, u2)
    above = np.empty(bins)
    above[-1] = -np.inf
    above[:-1] = np.maximum.accumulate(top[::-1])[::-1][1:]
    return np.flatnonzero(u2 > above[b])


def sweep(u1: np.ndarray, u2: np.ndarray) -> np.ndarray:
    """Sort by (u1 desc, u2 desc, index asc); keep a point whose u2 beats all before it."""
    order = np.lexsort((np.arange(u1.size), -u2, -u1))
    s2 = u2[order]
    best = np.concatenate([[-np.inf], np.maximum.accumulate(s2)[:-1]])
    return order[s2 > best]


@st.composite
def utilities(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    n = draw(st.integers(4097, 12_000))
    levels = draw(st.sampled_from([3, 50, 10**6]))  # many ties … almost none
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    u1 = rng.integers(0, levels, n) / levels
    u2 = rng.integers(0, levels, n) / levels
    if draw(st.booleans()):
        u1[:] = u1[0]  # one u1 value: nothing can be dropped
    return u1, u2


@settings(max_examples=60, deadline=None)
@given(utilities(), st.sampled_from([1000, 4096, 1 << 15, 1 << 20]))
def test_chunked_prefilter_keeps_what_the_whole_array_version_keeps(
    u: tuple[np.ndarray, np.ndarray], chunk: int
) -> None:
    u1, u2 = u
    assert np.array_equal(_prefilter_2d(u1, u2, chunk=chunk), whole_array_prefilter(u1, u2))


@settings(max_examples=60, deadline=None)
@given(utilities())
def test_frontier_through_the_prefilter_is_the_sweep_frontier(
    u: tuple[np.ndarray, np.ndarray],
) -> None:
    u1, u2 = u
    assert np.array_equal(frontier_indices_2d(u1, u2), sweep(u1, u2))
