"""Exact summaries from tallies: quantiles equal numpy's to the last bit, ρ equals scipy's."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import rankdata, spearmanr

from burdenshare.experiments.tallies import (
    QUANTILES,
    Counts,
    RankSums,
    quantiles,
    ranks_needed,
)

samples = st.lists(
    st.one_of(
        st.integers(-5, 5).map(float),  # many ties
        st.floats(-1e6, 1e6, allow_nan=False, allow_subnormal=False),
    ),
    min_size=1,
    max_size=60,
)


@given(samples)
@settings(max_examples=300, deadline=None)
def test_quantiles_from_order_statistics_equal_numpy(values: list[float]) -> None:
    """Only the order statistics `ranks_needed` lists are handed over: a missing one fails."""
    ordered = np.sort(np.asarray(values))
    at = {k: float(ordered[k]) for k in ranks_needed(len(values))}
    got = quantiles(len(values), at, 0.0)
    assert got is not None
    expected = np.quantile(ordered, QUANTILES)
    assert [got[f"q{round(q * 100):02d}"] for q in QUANTILES] == list(expected)
    assert (got["min"], got["max"]) == (ordered[0], ordered[-1])


@given(samples)
@settings(max_examples=200, deadline=None)
def test_counts_quantiles_and_exact_mean(values: list[float]) -> None:
    distinct, counts = np.unique(np.asarray(values), return_counts=True)
    got = Counts(distinct, counts).quantiles()
    assert got is not None
    assert got["q50"] == np.quantile(values, 0.5) and got["q95"] == np.quantile(values, 0.95)
    exact = float(sum(map(Fraction, values), Fraction(0)) / len(values))
    assert got["mean"] == exact
    assert got["mean"] == pytest.approx(np.mean(values), rel=1e-12, abs=1e-9)


def test_counts_mapped_merges_equal_values() -> None:
    grid = np.array([10.0, 20.0, 10.0])
    mapped = Counts(np.array([0, 1, 2]), np.array([3, 1, 2])).mapped(grid)
    assert list(mapped.values) == [10.0, 20.0] and list(mapped.counts) == [5, 1]
    assert Counts(np.array([]), np.array([], dtype=np.int64)).quantiles() is None


def _sums(x: np.ndarray, y: np.ndarray) -> RankSums:
    r = (2 * rankdata(x)).astype(np.int64)  # doubled average ranks are integers
    s = (2 * rankdata(y)).astype(np.int64)
    return RankSums(len(x), int(r @ s), int(r @ r), int(s @ s))


@given(
    st.lists(st.tuples(st.integers(0, 6), st.floats(-10, 10, allow_nan=False)), min_size=3,
             max_size=80)
)
@settings(max_examples=200, deadline=None)
def test_rho_from_rank_sums_equals_scipy(pairs: list[tuple[int, float]]) -> None:
    x = np.array([p[1] for p in pairs])
    y = np.array([float(p[0]) for p in pairs])
    rho = _sums(x, y).rho()
    if np.ptp(x) == 0 or np.ptp(y) == 0:
        assert rho is None
    else:
        assert rho == pytest.approx(spearmanr(x, y).statistic, abs=1e-12)


def test_rho_of_a_monotone_pair_is_exactly_one() -> None:
    x = np.arange(10.0)
    assert _sums(x, x**3).rho() == 1.0
    assert _sums(x, -x).rho() == -1.0
    assert _sums(x[:2], x[:2]).rho() is None  # fewer than 3 runs


def test_ranks_needed_small_samples() -> None:
    assert ranks_needed(0) == ()
    assert ranks_needed(1) == (0,)
    assert ranks_needed(2) == (0, 1)
    assert math.isnan(Counts(np.array([1.0]), np.array([0])).mean())
