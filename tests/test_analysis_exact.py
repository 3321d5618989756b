"""Closed forms reproduced to float precision: Rubinstein, Nash and Kalai–Smorodinsky on linear
cases, and a small discrete domain checked by hand."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from burdenshare.analysis import analyze
from burdenshare.analysis.pareto import frontier_indices, linear_box_frontier
from burdenshare.analysis.rubinstein import offer_interval_days, rubinstein, split
from burdenshare.analysis.solutions import discrete_solutions, polyline_solutions
from burdenshare.analysis.winsets import acceptance
from burdenshare.model import (
    Calendar,
    ChoiceIssue,
    ChoiceValue,
    Limit,
    LinearValue,
    Meeting,
    MoneyIssue,
    Offer,
    OutcomeSpace,
    Party,
    Ratifier,
    RealIssue,
    Scenario,
    StatusQuo,
    StrategySpec,
    Valuation,
)

DAY = dt.date(2020, 1, 1)


def scenario(issues, valuations, reservations=(0.0, 0.0), discounts=(1.0, 1.0), ratifiers=()):
    space = OutcomeSpace(tuple(issues))
    parties = tuple(
        Party(f"P{k + 1}", v, r, StrategySpec("boulware"), monthly_discount=m)
        for k, (v, r, m) in enumerate(zip(valuations, reservations, discounts, strict=True))
    )
    first = Offer(tuple((i.name, space.grids[k][0]) for k, i in enumerate(space.issues)))
    calendar = Calendar(
        (Meeting(DAY, "here", days=30, offers=30),), DAY + dt.timedelta(30), DAY + dt.timedelta(30)
    )
    return Scenario(
        "t", "test", space, StatusQuo(first, DAY), parties, calendar, ratifiers=tuple(ratifiers)
    )


@pytest.mark.parametrize("d1,d2", [(0.9, 0.9), (0.5, 0.8), (0.99, 0.3), (1.0, 0.5), (0.0, 0.7)])
def test_rubinstein_closed_form(d1: float, d2: float) -> None:
    x1, x2 = split(d1, d2)  # type: ignore[misc]
    assert x1 == pytest.approx((1 - d2) / (1 - d1 * d2), rel=1e-15, abs=1e-15)
    assert x2 == pytest.approx(d2 * (1 - d1) / (1 - d1 * d2), rel=1e-15, abs=1e-15)
    assert x1 + x2 == pytest.approx(1.0, abs=1e-15)


def test_rubinstein_equal_discounts_and_no_impatience() -> None:
    x1, _ = split(0.8, 0.8)  # type: ignore[misc]
    assert x1 == pytest.approx(1 / 1.8, rel=1e-15)
    assert split(1.0, 1.0) is None


def test_rubinstein_from_monthly_discount_and_calendar() -> None:
    issue = RealIssue("x", 0.0, 1.0, 0.5)
    v1 = Valuation((("x", 1.0),), (("x", LinearValue("rising")),))
    v2 = Valuation((("x", 1.0),), (("x", LinearValue("falling")),))
    s = scenario([issue], [v1, v2], discounts=(0.9, 0.8))
    assert offer_interval_days(s.calendar) == pytest.approx(1.0)
    r = rubinstein(s)
    assert r is not None and r.applicable
    months = 1.0 / (365.25 / 12)
    d1, d2 = 0.9**months, 0.8**months
    assert r.deltas == pytest.approx((d1, d2), rel=1e-15)
    assert r.proposer_share == pytest.approx((1 - d2) / (1 - d1 * d2), rel=1e-12)
    flat = rubinstein(scenario([issue], [v1, v2]))
    assert flat is not None and not flat.applicable and "not" not in flat.reason[:0]


def test_nash_and_ks_symmetric_split() -> None:
    issue = RealIssue("share", 0.0, 1.0, 0.01)
    v1 = Valuation((("share", 1.0),), (("share", LinearValue("rising")),))
    v2 = Valuation((("share", 1.0),), (("share", LinearValue("falling")),))
    a = analyze(scenario([issue], [v1, v2]))
    assert a.space.method == "linear-exact" and a.space.outcome_count is None
    assert a.solutions["nash"].utilities == pytest.approx((0.5, 0.5), abs=1e-15)  # type: ignore[union-attr]
    assert a.solutions["kalai_smorodinsky"].utilities == pytest.approx((0.5, 0.5), abs=1e-15)  # type: ignore[union-attr]
    assert a.solution_terms["nash"]["share"] == pytest.approx(0.5, abs=1e-15)  # type: ignore[index]


@pytest.mark.parametrize("d", [(0.0, 0.0), (0.2, 0.1), (0.3, 0.0)])
def test_nash_and_ks_asymmetric_linear_segment(d: tuple[float, float]) -> None:
    # frontier u2 = c(1 − u1/b): segment from (b, 0) to (0, c); Nash gain split is the segment's
    # midpoint relative to d: u1 = (b(1 − d2/c) + d1)/2; KS on the ray to g = (b', c').
    b, c = 0.8, 0.6
    vertices = np.array([[b, 0.0], [0.0, c]])
    s = polyline_solutions(vertices, np.array(d))
    u1_max = b * (1 - d[1] / c)
    nash_u1 = (u1_max + d[0]) / 2
    assert s["nash"].utilities[0] == pytest.approx(nash_u1, abs=1e-14)  # type: ignore[union-attr]
    assert s["nash"].utilities[1] == pytest.approx(c * (1 - nash_u1 / b), abs=1e-14)  # type: ignore[union-attr]
    g1, g2 = u1_max, c * (1 - d[0] / b)
    # KS: (u1 − d1)/(g1 − d1) = (u2 − d2)/(g2 − d2) on the segment
    k1, k2 = s["kalai_smorodinsky"].utilities  # type: ignore[union-attr]
    assert (k1 - d[0]) / (g1 - d[0]) == pytest.approx((k2 - d[1]) / (g2 - d[1]), abs=1e-14)
    assert k2 == pytest.approx(c * (1 - k1 / b), abs=1e-14)


def test_two_issue_logroll_frontier_is_exact() -> None:
    # P1 weights issue a 0.7, b 0.3; P2 the reverse: trade a to P1 and b to P2 → (0.7, 0.7).
    a, b = RealIssue("a", 0, 1, 0.5), RealIssue("b", 0, 1, 0.5)
    v1 = Valuation(
        (("a", 0.7), ("b", 0.3)), (("a", LinearValue("rising")), ("b", LinearValue("rising")))
    )
    v2 = Valuation(
        (("a", 0.3), ("b", 0.7)), (("a", LinearValue("falling")), ("b", LinearValue("falling")))
    )
    s = analyze(scenario([a, b], [v1, v2]))
    assert np.allclose(s.space.points, [[1.0, 0.0], [0.7, 0.7], [0.0, 1.0]], atol=1e-15)
    assert s.solutions["nash"].utilities == pytest.approx((0.7, 0.7), abs=1e-15)  # type: ignore[union-attr]
    terms = s.solution_terms["nash"]
    assert (terms["a"], terms["b"]) == (1.0, 0.0)  # type: ignore[index]


def test_linear_box_frontier_orders_by_marginal_ratio() -> None:
    f = linear_box_frontier(np.array([[0.2, -0.6], [0.5, -0.1], [0.3, 0.3]]))
    # start at P1's preferred ends (Σ Δ over t = 1); steepest trade first (0.6/0.2), then 0.1/0.5
    assert np.allclose(f.vertices, [[1.0, -0.4], [0.8, 0.2], [0.3, 0.3]], atol=1e-15)
    assert f.positions.tolist() == [[1, 1, 1], [0, 1, 1], [0, 0, 1]]


def test_small_domain_by_hand() -> None:
    # 2 × 2 discrete domain; utilities by hand:
    #   (x, p): P1 = .6·1 + .4·0 = .6, P2 = .5·0 + .5·1 = .5
    #   (x, q): P1 = .6 + .4 = 1.0,     P2 = 0 + 0 = 0
    #   (y, p): P1 = 0,                 P2 = .5 + .5 = 1.0
    #   (y, q): P1 = .4,                P2 = .5
    # (y, q) is dominated by (x, p); frontier (1, 0), (.6, .5), (0, 1); Nash = (.6, .5).
    i1, i2 = ChoiceIssue("A", ("x", "y")), ChoiceIssue("B", ("p", "q"))
    v1 = Valuation(
        (("A", 0.6), ("B", 0.4)),
        (
            ("A", ChoiceValue((("x", 1.0), ("y", 0.0)))),
            ("B", ChoiceValue((("p", 0.0), ("q", 1.0)))),
        ),
    )
    v2 = Valuation(
        (("A", 0.5), ("B", 0.5)),
        (
            ("A", ChoiceValue((("x", 0.0), ("y", 1.0)))),
            ("B", ChoiceValue((("p", 1.0), ("q", 0.0)))),
        ),
    )
    a = analyze(scenario([i1, i2], [v1, v2]))
    assert a.space.outcome_count == 4
    assert np.allclose(a.space.points, [[1.0, 0.0], [0.6, 0.5], [0.0, 1.0]])
    assert a.solutions["nash"].utilities == pytest.approx((0.6, 0.5))  # type: ignore[union-attr]
    assert a.solution_terms["nash"].as_dict() == {"A": "x", "B": "p"}  # type: ignore[union-attr]
    assert a.solutions["utilitarian"].utilities == pytest.approx((0.6, 0.5))  # type: ignore[union-attr]
    assert a.solutions["egalitarian"].utilities == pytest.approx((0.6, 0.5))  # type: ignore[union-attr]
    # with d = (0.7, 0) only (1, 0) is rational and it gives P2 no gain: no Nash point
    s = discrete_solutions(a.space.points, np.array([0.7, 0.0]))
    assert s["nash"] is None and s["utilitarian"].utilities == (1.0, 0.0)  # type: ignore[union-attr]


def test_vectorised_acceptance_matches_ratifier_vote() -> None:
    amount = MoneyIssue("amount", 100.0, 200.0, 10.0, currency="KRW", unit="bn")
    kind = ChoiceIssue("kind", ("a", "b"))
    v = Valuation(
        (("amount", 1.0), ("kind", 1.0)),
        (("amount", LinearValue("falling")), ("kind", ChoiceValue((("a", 1.0),)))),
    )
    w = Valuation((("amount", 1.0),), (("amount", LinearValue("rising")),))
    ratifiers = [
        Ratifier("na", "P1", (Limit("amount", max_change_pct=40.0),)),
        Ratifier("pub", "P1", (Limit("amount", min=120.0),), min_utility=0.3),
    ]
    s = scenario([amount, kind], [v, w], ratifiers=ratifiers)
    for r in s.ratifiers:
        mask = acceptance(s, r)
        votes = [
            r.vote(s.space, s.space.offer_at(k), s.status_quo.terms, v).accept
            for k in range(s.space.size)
        ]
        assert mask.tolist() == votes


def test_n_party_frontier_matches_brute_force() -> None:
    rng = np.random.default_rng(1)
    u = rng.integers(0, 6, size=(400, 3)) / 5
    found = {tuple(p) for p in u[frontier_indices(u)]}
    brute = {tuple(p) for p in u if not np.any(np.all(u >= p, 1) & np.any(u > p, 1))}
    assert found == brute
