"""experiments.recalibration and the backtest's recalibrated model, on hand-computed cases: the
Student-t predictive errors, Laplace's rule of succession, the least-squares blend weight, and
`recalibrated_forecast` moving runs and blending probabilities with the pool's base rate. No
engine runs (the out-of-sample check of the recalibrated forecaster is in
test_backtest_scoring.test_a_case_never_sees_its_own_outcome)."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burdenshare.experiments.backtest import (
    AGREEMENT,
    LAPSE,
    MODEL,
    RECALIBRATED,
    CaseForecast,
    Quantity,
    dressed_forecast,
    recalibrated_forecast,
)
from burdenshare.experiments.recalibration import (
    POINTS,
    blend_weight,
    blended,
    predictive_errors,
    succession_rate,
)
from burdenshare.model.forecast_view import projected_view
from burdenshare.scenario.uncertainty import load_uncertain


def test_predictive_errors_are_the_t_prediction_quantiles() -> None:
    # k = 2 errors 0 and 2: mean 1, s = √2, scale s·√(1 + 1/2) = √3; t with 1 degree of
    # freedom is Cauchy, whose quantile at ¾ is tan(π/4) = 1.
    assert predictive_errors([0.0, 2.0], points=2) == pytest.approx(
        (1 - math.sqrt(3), 1 + math.sqrt(3)), abs=1e-12
    )
    # k = 3 errors 1, 2, 3: mean 2, s = 1, scale √(4/3); t₂'s distribution function is
    # ½ + t / (2√(2 + t²)), ¾ at t = √(2/3): the quantiles are 2 ± √(8/9).
    assert predictive_errors([1.0, 2.0, 3.0], points=2) == pytest.approx(
        (2 - math.sqrt(8 / 9), 2 + math.sqrt(8 / 9)), abs=1e-12
    )
    assert predictive_errors([0.1, 0.1]) == pytest.approx((0.1,) * POINTS, abs=1e-15)
    assert predictive_errors([]) == (0.0,) and predictive_errors([0.3]) == (0.0,)


def test_rule_of_succession() -> None:
    assert succession_rate([]) == 0.5
    assert succession_rate([True, False, False]) == pytest.approx(2 / 5, abs=1e-15)
    assert succession_rate([True, True]) == pytest.approx(3 / 4, abs=1e-15)


def test_blend_weight_by_hand() -> None:
    # deviations from b = ½: p − b = ½, ½, −½; o − b = ½, −½, −½: w = (¼ − ¼ + ¼)/(3/4) = 1/3
    assert blend_weight([(1.0, 0.5, True), (1.0, 0.5, False), (0.0, 0.5, False)]) == (
        pytest.approx(1 / 3, abs=1e-15)
    )
    assert blend_weight([(0.9, 0.5, True), (0.2, 0.5, False)]) == 1.0  # 1.4, clipped
    assert blend_weight([(1.0, 0.5, False), (0.0, 0.5, True)]) == 0.0  # −1, clipped
    assert blend_weight([(0.3, 0.3, True)]) == 0.0 and blend_weight([]) == 0.0
    assert blended(0.8, 0.2, 0.5) == pytest.approx(0.5, abs=1e-15)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 1), st.floats(0.05, 0.95), st.booleans()), min_size=1, max_size=8
    )
)
def test_blend_weight_minimises_the_past_brier_score(
    past: list[tuple[float, float, bool]],
) -> None:
    def score(w: float) -> float:
        return math.fsum((blended(p, b, w) - (1.0 if o else 0.0)) ** 2 for p, b, o in past)

    best = score(blend_weight(past))
    assert all(best <= score(k / 20) + 1e-12 for k in range(21))


def _events(p_before: float, p_lapse: float, before: float, lapse: float) -> tuple[Quantity, ...]:
    return (
        Quantity(AGREEMENT, "probability", None, None, None, before, p_before),
        Quantity(LAPSE, "probability", None, None, None, lapse, p_lapse),
    )


def test_recalibrated_forecast_moves_runs_and_blends_probabilities() -> None:
    view = projected_view(load_uncertain("sma-2024", [])[0].scenario)
    amount = Quantity("amount", "KRW bn", 1500.0, 1500.0, 1500.0, 1519.2, headline=True,
                      sample=(1400.0, 1500.0))  # fmt: skip
    duration = Quantity("duration", "years", 3.0, 3.0, 3.0, 5.0, sample=(3.0, 9.0))
    model = CaseForecast(MODEL, (amount, duration, *_events(0.0, 1.0, 1.0, 0.0)), 0.0)

    def past(median: float, actual: float, years: float, p: float, lapsed: float) -> CaseForecast:
        return CaseForecast(MODEL, (
            replace(amount, median=median, actual=actual),
            replace(duration, median=3.0, actual=3.0 + years),
            *_events(1 - p, p, 1 - lapsed, lapsed),
        ), None)  # fmt: skip

    # amount: both past forecasts 10 % low (log errors equal: no spread, every run × 1.1);
    # duration: errors 0 and 2 years (mean 1, scale √3: the Cauchy quantiles of 21 points);
    # lapse: past (p, b, o) = (1, ½, 1), (1, ½, 0), (0, ½, 0), the case of the blend test.
    history = [
        (past(1000.0, 1100.0, 0.0, 1.0, 1.0), view),
        (past(2000.0, 2200.0, 2.0, 1.0, 0.0), view),
        (past(500.0, 550.0, 1.0, 0.0, 0.0), view),
    ]
    rates = [(0.5, 0.5)] * 3
    got = recalibrated_forecast(model, view, 1402.8, history, rates, (0.75, 0.25))
    assert got.forecaster == RECALIBRATED
    moved = got.quantity("amount")
    assert moved is not None and sorted(set(moved.sample)) == pytest.approx([1540.0, 1650.0])
    assert moved.median == pytest.approx(1595.0) and len(moved.sample) == 2 * POINTS
    years = got.quantity("duration")
    errors = predictive_errors([0.0, 2.0, 1.0])
    grid = view.space.numeric_grid(view.space.names.index("duration"))
    assert (grid.min(), grid.max()) == (1.0, 10.0)
    expected = sorted(min(max(x + e, 1.0), 10.0) for x in (3.0, 9.0) for e in errors)
    assert years is not None and sorted(years.sample) == pytest.approx(expected, abs=1e-12)
    # lapse: w = 1/3 (test_blend_weight_by_hand): ⅓·1 + ⅔·¼ = ½
    lapse = got.quantity(LAPSE)
    assert lapse is not None and lapse.probability == pytest.approx(0.5, abs=1e-15)
    # agreement: deviations p − b = −½, −½, ½ and o − b = −½, ½, ½: w = (¼ − ¼ + ¼)/(¾) = ⅓
    agreement = got.quantity(AGREEMENT)
    assert agreement is not None
    assert agreement.probability == pytest.approx(0.75 * 2 / 3, abs=1e-15)
    # the model with its track record blends its events the same way (its runs are dressed)
    dressed = dressed_forecast(model, view, 1402.8, history, rates, (0.75, 0.25))
    for event, p in ((LAPSE, 0.5), (AGREEMENT, 0.5)):
        found = dressed.quantity(event)
        assert found is not None and found.probability == pytest.approx(p, abs=1e-15)
    assert "lapse: weight 0.33 on the model, base rate 0.25" in dressed.note
    assert got.note.startswith(
        "amount: 3 past errors, mean +10.0%; duration: 3 past errors, "
        "mean +1; agreement_before_deadline: weight 0.33 on the model"
    )
