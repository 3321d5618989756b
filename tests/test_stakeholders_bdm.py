"""Bueno de Mesquita's expected-utility model (Scholz, Calbert & Smith 2011) on a case checked by
hand: three actors at 0, 50 and 100 with capabilities 2, 1, 1 and full salience.

By hand (dx = 100, U_k(m) = 1 - 2|x_k - x_m|/100):
  U = [[1, 0, -1], [0, 1, 0], [-1, 0, 1]], votes v_k(i:j) = w_k (U_k(i) - U_k(j)) with w = 2, 1, 1
  P[0,1] = 2/4, P[0,2] = 4/6, P[1,2] = 3/4 (and P[j,i] = 1 - P[i,j]); median voter μ = 0.
  With r = 1 and Q = 1: U_s = 2d, U_f = -2d, U_sq = 0, so EU_ij = 2 d (2 P_ij - 1):
  EU = [[0, 0, 2/3], [0, 0, 1/2], [-2/3, -1/2, 0]].
  Security S_i = Σ_j EU_ji = (-2/3, -1/2, 7/6) -> R = (-1, -9/11, 1) -> r = (2, 7/4, 1/2).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from burdenshare.scenario.ktab_csv import read_ktab_csv
from burdenshare.stakeholders import Actor, Dimension, StakeholderSet, bdm
from burdenshare.stakeholders.baselines import weighted_median

X = np.array([0.0, 50.0, 100.0])
C = np.array([2.0, 1.0, 1.0])
S = np.array([1.0, 1.0, 1.0])
DX = 100.0


def _eu_by_hand(p: float, d: float, r: float) -> float:
    """EU with s_j = 1 and Q = 1: P U_s + (1 - P) U_f - U_sq."""
    u_s = 2 - 4 * (0.5 - 0.5 * d) ** r
    u_f = 2 - 4 * (0.5 + 0.5 * d) ** r
    u_sq = 2 - 4 * 0.5**r
    return p * u_s + (1 - p) * u_f - u_sq


def test_win_probabilities_by_hand() -> None:
    p = bdm.win_probabilities(X, C * S, DX)
    expected = [[0.5, 0.5, 2 / 3], [0.5, 0.5, 3 / 4], [1 / 3, 1 / 4, 0.5]]
    assert p == pytest.approx(np.array(expected), abs=1e-15)


def test_expected_utilities_risk_neutral_by_hand() -> None:
    p = bdm.win_probabilities(X, C * S, DX)
    eu = bdm.expected_utilities(X, S, p, np.ones(3), mu=0.0, dx=DX)
    expected = [[0, 0, 2 / 3], [0, 0, 1 / 2], [-2 / 3, -1 / 2, 0]]
    assert eu == pytest.approx(np.array(expected), abs=1e-14)


def test_risk_exponents_by_hand() -> None:
    eu = np.array([[0, 0, 2 / 3], [0, 0, 1 / 2], [-2 / 3, -1 / 2, 0]])
    assert bdm.risk_exponents(eu) == pytest.approx([2.0, 7 / 4, 1 / 2], abs=1e-14)


def test_expected_utilities_with_risk_by_hand() -> None:
    p = bdm.win_probabilities(X, C * S, DX)
    r = np.array([2.0, 7 / 4, 1 / 2])
    eu = bdm.expected_utilities(X, S, p, r, mu=0.0, dx=DX)
    expected = [
        [0.0, _eu_by_hand(1 / 2, 0.5, 2.0), _eu_by_hand(2 / 3, 1.0, 2.0)],
        [_eu_by_hand(1 / 2, 0.5, 7 / 4), 0.0, _eu_by_hand(3 / 4, 0.5, 7 / 4)],
        [_eu_by_hand(1 / 3, 1.0, 0.5), _eu_by_hand(1 / 4, 0.5, 0.5), 0.0],
    ]
    assert eu == pytest.approx(np.array(expected), abs=1e-14)
    # the same numbers written out: -1/4, -1/3, 0.3196, 0.1618, -0.2696
    assert eu[0, 1] == pytest.approx(-0.25)
    assert eu[0, 2] == pytest.approx(-1 / 3)
    assert eu[1, 2] == pytest.approx(0.31960, abs=5e-6)
    assert eu[2, 0] == pytest.approx(0.16176, abs=5e-6)
    assert eu[2, 1] == pytest.approx(-0.26965, abs=5e-6)


def test_one_round_by_hand() -> None:
    # Only 2 -> 0 (EU 0.162) and 1 -> 2 (EU 0.3196) are worth challenging.
    # Actor 0's own EU against 2 is -1/3 and |-1/3| >= 0.162: 0 capitulates, moves to 100.
    # Actor 2's own EU against 1 is -0.2696 and 0.2696 < 0.3196: compromise, 2 moves
    # 0.2696 / 0.3196 of the way from 100 to 50.
    new = bdm.bdm_round(X, C, S, DX, bdm.BDMSettings())
    eu_12 = _eu_by_hand(3 / 4, 0.5, 7 / 4)
    eu_21 = _eu_by_hand(1 / 4, 0.5, 0.5)
    assert new == pytest.approx([100.0, 50.0, 100.0 + (50.0 - 100.0) * abs(eu_21 / eu_12)])


def test_q_and_t_bring_in_better_and_worse_outcomes() -> None:
    # Q = 0 and T = 1: the alternative to challenging is U_b = 2 - 4 (1/2 - (m + d)/4)^r.
    p = np.array([[0.5, 0.75], [0.25, 0.5]])
    x = np.array([20.0, 60.0])
    s = np.array([0.5, 0.8])
    r = np.array([1.0, 1.0])
    eu = bdm.expected_utilities(x, s, p, r, mu=40.0, dx=40.0, q=0.0, t=1.0)
    d, m = 1.0, 0.5  # |20 - 60| / 40 and |20 - 40| / 40
    u_s, u_f, u_b = 2 * d, -2 * d, 2 - 4 * (0.5 - 0.25 * (m + d))
    assert eu[0, 1] == pytest.approx(0.8 * (0.75 * u_s + 0.25 * u_f) + 0.2 * u_s - u_b)


def test_challenges_only_move_their_recipients() -> None:
    x = np.array([0.0, 100.0])
    eu = np.array([[0.0, 0.5], [0.4, 0.0]])  # both gain: a conflict that 1 loses
    assert bdm.responses(x, eu) == pytest.approx([0.0, 0.0])
    eu = np.array([[0.0, 0.5], [-0.1, 0.0]])  # 1 loses little: compromise, a fifth of the way
    assert bdm.responses(x, eu) == pytest.approx([0.0, 80.0])
    eu = np.array([[0.0, 0.5], [-0.6, 0.0]])  # 1 would lose more than 0 gains: capitulation
    assert bdm.responses(x, eu) == pytest.approx([0.0, 0.0])
    eu = np.array([[0.0, -0.5], [-0.6, 0.0]])  # nobody gains from challenging: nobody moves
    assert bdm.responses(x, eu) == pytest.approx([0.0, 100.0])


def test_least_movement_offer_is_taken() -> None:
    x = np.array([0.0, 40.0, 100.0])
    eu = np.zeros((3, 3))
    eu[0, 2] = eu[1, 2] = 0.5  # both challenge 2
    eu[2, 0] = eu[2, 1] = -0.9  # 2 capitulates to either: it chooses 40, the nearer
    assert bdm.responses(x, eu)[2] == pytest.approx(40.0)


def _set(rows: list[tuple[str, float, float, float]]) -> StakeholderSet:
    return StakeholderSet(
        actors=tuple(Actor(n, capability=c, position=(x,), salience=(s,)) for n, c, x, s in rows),
        dimensions=(Dimension("issue"),),
    )


def test_run_stops_when_positions_settle_and_forecasts_the_median_voter() -> None:
    result = bdm.run_bdm(_set([("A", 2, 0, 1), ("B", 1, 50, 1), ("C", 1, 100, 1)]))
    assert result.turns < 100
    last = result.positions[-1, :, 0]
    assert np.max(np.abs(result.positions[-1] - result.positions[-2])) <= 0.01
    assert result.forecast[0] == weighted_median(list(last), [2.0, 1.0, 1.0])
    assert result.distribution[0].probability == 1.0


def test_all_at_one_position_nobody_moves() -> None:
    result = bdm.run_bdm(_set([("A", 2, 30, 1), ("B", 1, 30, 0.5), ("C", 1, 30, 0.2)]))
    assert result.turns == 1
    assert np.all(result.positions == 30.0)
    assert result.forecast == (30.0,)


def test_positions_stay_within_the_initial_range_on_ktab_inputs() -> None:
    path = Path(__file__).resolve().parents[1] / ".." / "shared" / "ktab-examples"
    if not (path / "SOE-Policy.csv").exists():
        pytest.skip(f"KTAB examples not found beside the repository ({path})")
    for name in ("SOE-Policy.csv", "SOE-Pol-Comp.csv", "dummyData_3Dim.csv"):
        s = read_ktab_csv(path / name)
        result = bdm.run_bdm(s)
        start = result.positions[0]
        assert np.all(result.positions >= start.min(axis=0) - 1e-9), name
        assert np.all(result.positions <= start.max(axis=0) + 1e-9), name
        assert 1 <= result.turns <= 100
