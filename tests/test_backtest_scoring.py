"""The backtest's method: CRPS, Brier and coverage exactly; the out-of-sample calibration (a
case's own outcome never reaches its forecast); the baselines on a hand case."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import ndtri  # type: ignore[import-untyped,unused-ignore]

from burdenshare.experiments.backtest import (
    AGREEMENT,
    BASELINES,
    DRESSED,
    LAPSE,
    MODEL,
    RECALIBRATED,
    Backtest,
    Case,
    CaseForecast,
    Quantity,
    backtest_cases,
    baseline_points,
    dressed_forecast,
    summarize,
)
from burdenshare.experiments.backtest_calibration import (
    EARLIER,
    LEAVE_ONE_OUT,
    SHARES,
    Pool,
    calibrate,
    concession_share,
    drawn_shares,
    pool,
)
from burdenshare.experiments.scoring import brier, crps_sample, interval80
from burdenshare.history.outcomes import ActualTerm, actual_outcomes
from burdenshare.history.record import load_record
from burdenshare.model.forecast_view import projected_view
from burdenshare.scenario.uncertainty import load_uncertain

# -- scores -------------------------------------------------------------------------------------


def test_crps_of_small_samples_is_exact() -> None:
    # one point: the absolute error
    assert crps_sample([3.0], 1.25) == 1.75
    # {1, 2, 3} at 2: E|X - y| = 2/3, E|X - X'| = 8/9 (pairs: 0,1,2,1,0,1,2,1,0 over 9)
    assert crps_sample([3.0, 1.0, 2.0], 2.0) == pytest.approx(2 / 3 - 4 / 9, abs=1e-15)
    # {0, 1} at 0: E|X - y| = 1/2, E|X - X'| = 1/2
    assert crps_sample([0.0, 1.0], 0.0) == pytest.approx(0.25, abs=1e-15)
    with pytest.raises(ValueError):
        crps_sample([], 0.0)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=1, max_size=12),
    st.floats(-1e3, 1e3, allow_nan=False),
)
def test_crps_equals_the_pairwise_definition(sample: list[float], y: float) -> None:
    x = np.array(sample)
    pairs = np.abs(x[:, None] - x[None, :]).mean()
    expected = np.abs(x - y).mean() - 0.5 * pairs
    assert crps_sample(sample, y) == pytest.approx(expected, abs=1e-9 * (1 + np.abs(x).max()))


@pytest.mark.parametrize(("mu", "sigma", "y"), [(0.0, 1.0, 0.7), (10.0, 2.5, 4.0), (1.0, 0.1, 1.0)])
def test_crps_of_a_normal_quantile_sample_meets_the_closed_form(
    mu: float, sigma: float, y: float
) -> None:
    """CRPS(N(mu, sigma), y) = sigma [z (2 Phi(z) - 1) + 2 phi(z) - 1/sqrt(pi)] (Gneiting &
    Raftery 2007), against 100,000 deterministic quantiles mu + sigma Phi^-1((i - 1/2)/n)."""
    n = 100_000
    sample = mu + sigma * ndtri((np.arange(n) + 0.5) / n)
    z = (y - mu) / sigma
    cdf = 0.5 * (1 + math.erf(z / math.sqrt(2)))
    pdf = math.exp(-z * z / 2) / math.sqrt(2 * math.pi)
    exact = sigma * (z * (2 * cdf - 1) + 2 * pdf - 1 / math.sqrt(math.pi))
    assert crps_sample(sample, y) == pytest.approx(exact, abs=1e-9 * sigma)


def test_brier_and_interval() -> None:
    assert brier(0.25, True) == 0.5625 and brier(0.25, False) == 0.0625
    assert interval80([]) is None
    assert interval80(np.arange(11.0)) == (5.0, 1.0, 9.0)


# -- the calibration ------------------------------------------------------------------------------

OUTCOMES = actual_outcomes(load_record())
BUILT_INS = ("sma-2019", "sma-2024", "japan-hns-2021", "nato-2025")


def _case(name: str) -> Case:
    loaded, uncertain = load_uncertain(name, [])
    return Case(loaded.scenario, uncertain, OUTCOMES[name])


def test_concession_share_of_sma_2024() -> None:
    view = projected_view(_case("sma-2024").scenario)
    # US opening KRW 1,750 bn, status quo 1,402.8, agreed 1,519.2
    expected = (1519.2 - 1402.8) / (1750.0 - 1402.8)
    assert concession_share(view, OUTCOMES["sma-2024"]) == pytest.approx(expected, abs=1e-15)


def test_pool_uses_earlier_outcomes_else_leave_one_out_never_its_own() -> None:
    day = dt.date
    known = {
        "a": (day(2010, 1, 1), 0.1),
        "b": (day(2012, 1, 1), 0.3),
        "c": (day(2015, 1, 1), None),
        "d": (day(2020, 1, 1), 0.5),
    }
    assert pool("d", day(2016, 1, 1), known) == Pool(EARLIER, ("a", "b", "c"), (0.1, 0.3))
    assert pool("b", day(2011, 1, 1), known) == Pool(LEAVE_ONE_OUT, ("a", "c", "d"), (0.1, 0.5))
    assert all("d" not in pool("d", day(y, 1, 1), known).cases for y in (2000, 2030))


def test_drawn_shares_split_the_pool_between_the_sides() -> None:
    u = (np.arange(SHARES) + 0.5) / SHARES
    assert drawn_shares([0.0, 1.0], "demander") == pytest.approx(tuple(u / 2), abs=1e-15)
    assert drawn_shares([1.0, 0.0], "payer") == pytest.approx(tuple((1 + u) / 2), abs=1e-15)


def test_calibration_replaces_the_reservation_values_from_one_shared_slot() -> None:
    case = _case("sma-2024")
    view = projected_view(case.scenario)
    calibrated = calibrate(view, case.uncertain, (0.0, 0.5))
    reservation = [u for u in calibrated.uncertain if u.path.endswith("reservation_value")]
    assert [u.path for u in reservation] == [
        "parties.USA.reservation_value",
        "parties.ROK.reservation_value",
    ]
    assert len(set(calibrated.slots[-2:])) == 1 and calibrated.slots[-1] == len(case.uncertain) - 2
    usa, rok = reservation
    # the US gains with the amount: its walk-away rises with the draw; Seoul's falls
    assert list(usa.values) == sorted(usa.values) and list(rok.values) == sorted(rok.values)[::-1]
    assert calibrate(view, case.uncertain, ()).uncertain == case.uncertain


def _signature(r: Backtest) -> list[object]:
    return [
        (f.forecaster, q.name, q.median, q.low, q.high, q.probability, f.crps_amount is None)
        for f in (r.model, r.forecaster(RECALIBRATED), r.forecaster(DRESSED), *r.baselines)
        for q in f.quantities
    ]


def test_a_case_never_sees_its_own_outcome() -> None:
    """Changing sma-2024's actual outcome (terms and date) leaves its forecasts unchanged;
    changing an earlier case's outcome changes them (the test can fail)."""
    cases = {name: _case(name) for name in BUILT_INS}
    base = backtest_cases(cases, ["sma-2024"], 4, 0)[0]
    own = cases["sma-2024"].actual
    moved = replace(
        own,
        agreed=dt.date(2025, 11, 30),
        terms=tuple(replace(t, value=t.value * 1.3) for t in own.terms),
    )
    perturbed = backtest_cases({**cases, "sma-2024": replace(cases["sma-2024"], actual=moved)},
                               ["sma-2024"], 4, 0)[0]  # fmt: skip
    assert _signature(perturbed) == _signature(base)
    assert perturbed.model.amount is not None and perturbed.model.amount.actual != 1519.2
    other = cases["sma-2019"].actual
    doubled = replace(other, terms=(ActualTerm("amount", 2000.0, "", ("https://x",)),))
    changed = backtest_cases({**cases, "sma-2019": replace(cases["sma-2019"], actual=doubled)},
                             ["sma-2024"], 4, 0)[0]  # fmt: skip
    assert _signature(changed) != _signature(base)
    recalibrated = [_signature_of(r.forecaster(RECALIBRATED)) for r in (base, changed)]
    assert recalibrated[0] != recalibrated[1]
    hand = backtest_cases(cases, ["sma-2024"], 4, 0, hand_set=True)[0]
    assert hand.replaced_inputs == () and base.replaced_inputs
    assert [_signature_of(b) for b in hand.baselines] == [_signature_of(b) for b in base.baselines]


def _signature_of(f: CaseForecast) -> list[object]:
    return [(q.name, q.median, q.low, q.high, q.probability) for q in f.quantities]


# -- the baselines and the summary ---------------------------------------------------------------


def test_baselines_on_a_hand_case() -> None:
    case = replace(_case("sma-2024"), inflation=(2.0, "hand"), stakeholders={"amount": 1500.0})
    view = projected_view(case.scenario)
    points = baseline_points(case, view)
    assert list(points) == list(BASELINES)
    sq_inflation, _ = points["status-quo-plus-inflation"]
    assert sq_inflation == pytest.approx(
        {"amount": 1402.8 * 1.02, "escalation": 5.4, "duration": 6.0}, abs=1e-9
    )
    rule, _ = points["previous-escalation-rule"]
    assert rule["amount"] == pytest.approx(1402.8 * 1.054, abs=1e-9)
    # openings: USA 1,750 / 5 % / 3 years, ROK 1,430 / 3 % / 6 years
    assert points["midpoint-of-openings"][0] == {"amount": 1590.0, "escalation": 4.0,
                                                 "duration": 4.5}  # fmt: skip
    assert points["stakeholder-model"][0] == {"amount": 1500.0}
    nato = projected_view(_case("nato-2025").scenario)
    inflated, note = baseline_points(_case("nato-2025"), nato)["status-quo-plus-inflation"]
    assert inflated["core"] == 2.0 and "share of GDP" in note


def _forecast(name: str, median: float | None, low: float, high: float,
              p_lapse: float) -> CaseForecast:  # fmt: skip
    amount = Quantity("amount", "", median, low, high, 100.0, headline=True)
    events = (
        Quantity(AGREEMENT, "probability", None, None, None, 1.0, 1 - p_lapse),
        Quantity(LAPSE, "probability", None, None, None, 0.0, p_lapse),
    )
    return CaseForecast(name, (amount, *events), 0.5)


def _backtest(model: CaseForecast) -> Backtest:
    outcome = OUTCOMES["sma-2024"]
    return Backtest("x", dt.date(2020, 1, 1), 1, 0, 0, 0, (), Pool(EARLIER, (), ()), (),
                    "amount", 1.0, dt.date(2020, 1, 1), outcome, model,
                    tuple(CaseForecast(b, (), None, "none") for b in BASELINES))  # fmt: skip


def test_summary_counts_misses_and_averages_scores() -> None:
    results = [
        _backtest(_forecast(MODEL, 104.0, 95.0, 110.0, 0.2)),  # within 5 %, covered
        _backtest(_forecast(MODEL, 90.0, 85.0, 99.0, 0.6)),  # -10 %, not covered
        _backtest(_forecast(MODEL, None, math.nan, math.nan, 1.0)),  # no agreement: misses
    ]
    s = summarize(results, MODEL)
    assert s.cases == 3 and s.share_within_5pct == pytest.approx(1 / 3)
    assert s.coverage80 == pytest.approx(1 / 3) and s.intervals == 3
    assert s.brier_lapse == pytest.approx((0.04 + 0.36 + 1.0) / 3, abs=1e-15)
    assert s.brier_agreement == pytest.approx((0.04 + 0.36 + 1.0) / 3, abs=1e-15)
    assert s.crps_amount == 0.5
    none = summarize(results, BASELINES[0])
    assert none.cases == 0 and none.share_within_5pct is None and none.not_forecast == ("x",) * 3


def test_the_track_record_moves_each_run_by_each_past_error() -> None:
    case = _case("sma-2024")
    view = projected_view(case.scenario)
    amount = Quantity("amount", "KRW bn", 1500.0, 1500.0, 1500.0, 1519.2, headline=True,
                      sample=(1450.0, 1500.0))  # fmt: skip
    duration = Quantity("duration", "years", 3.0, 3.0, 3.0, 5.0, sample=(3.0, 9.0))
    model = CaseForecast(MODEL, (amount, duration), 0.0)
    past_amount = replace(amount, median=1000.0, actual=1100.0)  # +10 %
    past_duration = replace(duration, median=4.0, actual=6.0)  # +2 years
    past = [(CaseForecast(MODEL, (past_amount, past_duration), None), view)]
    dressed = dressed_forecast(model, view, 1402.8, past, [(0.5, 0.5)], (0.5, 0.5))
    got = dressed.quantity("amount")
    assert got is not None and sorted(got.sample) == pytest.approx([1450.0, 1500.0, 1595.0, 1650.0])
    years = dressed.quantity("duration")
    assert years is not None and sorted(years.sample) == [3.0, 5.0, 9.0, 10.0]  # 11 > the range
    expected = crps_sample(np.array([1450.0, 1500.0, 1595.0, 1650.0]) / 1402.8, 1519.2 / 1402.8)
    assert dressed.crps_amount == pytest.approx(expected, abs=1e-15)
