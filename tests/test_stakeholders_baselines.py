"""Capability x salience-weighted mean and median: closed forms, checked exactly."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burdenshare.errors import InputError
from burdenshare.scenario.ktab_csv import read_ktab_csv
from burdenshare.stakeholders import Actor, Dimension, StakeholderSet
from burdenshare.stakeholders.baselines import (
    run_weighted_mean,
    run_weighted_median,
    weighted_mean,
    weighted_median,
)
from burdenshare.stakeholders.forecast import forecast_stakeholders

EXAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "ktab-examples"


def test_weighted_mean_exact() -> None:
    # (1*10 + 3*20 + 4*40) / 8 = 230 / 8
    assert weighted_mean([10, 20, 40], [1, 3, 4]) == 28.75


def test_weighted_median_is_the_lower_median() -> None:
    assert weighted_median([10, 20, 40], [1, 3, 4]) == 20  # 4 of 8 at or below 20
    assert weighted_median([10, 20, 40], [1, 2, 4]) == 40  # 3 of 7 at or below 20
    assert weighted_median([40, 10, 20], [4, 1, 3]) == 20  # order of input does not matter
    assert weighted_median([5, 5, 9], [1, 1, 3]) == 9  # ties at a position count together
    assert weighted_median([5, 9], [0, 1]) == 9  # zero weight never decides


def test_baselines_reject_zero_total_weight() -> None:
    with pytest.raises(InputError):
        weighted_mean([1, 2], [0, 0])
    with pytest.raises(InputError):
        weighted_median([1, 2], [0, 0])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 100), st.integers(1, 1000)),
        min_size=1,
        max_size=30,
    )
)
def test_weighted_mean_and_median_match_exact_arithmetic(rows: list[tuple[int, int]]) -> None:
    xs = [x for x, _ in rows]
    ws = [w for _, w in rows]
    exact = Fraction(sum(w * x for x, w in rows), sum(ws))
    assert weighted_mean(xs, ws) == float(exact)
    m = weighted_median(xs, ws)
    total = sum(ws)
    assert 2 * sum(w for x, w in rows if x <= m) >= total
    assert all(2 * sum(w for x, w in rows if x <= y) < total for y in set(xs) if y < m)
    # the median voter: no other position wins a weighted majority against it
    for y in set(xs):
        for_m = sum(w for x, w in rows if abs(x - m) < abs(x - y))
        for_y = sum(w for x, w in rows if abs(x - y) < abs(x - m))
        assert for_m >= for_y


def _three() -> StakeholderSet:
    return StakeholderSet(
        actors=(
            Actor("A", capability=2.0, position=(1.0, 10.0), salience=(0.5, 0.5)),
            Actor("B", capability=1.0, position=(2.0, 20.0), salience=(0.25, 0.75)),
            Actor("C", capability=4.0, position=(4.0, 40.0), salience=(0.5, 0.25)),
        ),
        dimensions=(Dimension("amount", 0.0, 4.0, "trillion KRW"), Dimension("years", 0.0, 40.0)),
    )


def test_mean_and_median_use_capability_times_salience_per_dimension() -> None:
    s = _three()
    mean = run_weighted_mean(s)
    # dimension 1 weights 1, 0.25, 2; positions 25, 50, 100 on the 0-100 scale
    assert mean.forecast[0] == pytest.approx((1 * 25 + 0.25 * 50 + 2 * 100) / 3.25, abs=1e-12)
    # dimension 2 weights 1, 0.75, 1
    assert mean.forecast[1] == pytest.approx((1 * 25 + 0.75 * 50 + 1 * 100) / 2.75, abs=1e-12)
    assert mean.forecast_real[0] == pytest.approx(mean.forecast[0] * 4 / 100)
    median = run_weighted_median(s)
    assert median.forecast == (100.0, 50.0)
    assert median.distribution[0].holders == ()
    assert median.turns == 0 and mean.turns == 0


def test_soe_policy_baselines_exact() -> None:
    path = EXAMPLES / "SOE-Policy.csv"
    if not path.exists():
        pytest.skip(f"KTAB example not found beside the repository ({EXAMPLES})")
    s = read_ktab_csv(path)
    w = [
        Fraction(str(a.capability)) * Fraction(str(round(a.salience[0] * 100, 6))) for a in s.actors
    ]
    x = [Fraction(str(a.position[0])) for a in s.actors]
    exact = sum(wi * xi for wi, xi in zip(w, x, strict=True)) / sum(w)
    assert forecast_stakeholders(s, "mean").forecast[0] == pytest.approx(float(exact), abs=1e-12)
    assert forecast_stakeholders(s, "median").forecast[0] == 30.0
