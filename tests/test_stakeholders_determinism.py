"""Stakeholder forecasts are the same bits on every machine, and the doc's values are robust.

BDM's rounds are compared bit for bit with a plain-Python reference of the same arithmetic
(math.fsum, a scalar power from basic operations): a numpy reduction, BLAS product or
`np.power` brought back into the loop changes some last bit and fails here. The sma-2019 forecast
must not move under a 1-ulp change of every expected utility (the old code went from KRW 2.94 tn
to 3.86 tn), so what the tutorial pins does not depend on the CPU.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from burdenshare.scenario.load import load
from burdenshare.stakeholders import StakeholderSet, arithmetic, bdm, smp


def _sma2019() -> StakeholderSet:
    stakeholders = load("sma-2019").stakeholders
    assert stakeholders is not None
    return stakeholders


# ---- a plain-Python reference: lists, math.fsum, a scalar power -----------------------------


def ref_power(b: float, e: float) -> float:
    """`arithmetic.power` for one pair, in Python floats."""
    m, k = math.frexp(b)
    if m < math.sqrt(0.5):
        m, k = 2.0 * m, k - 1
    z = (m - 1.0) / (m + 1.0)
    s = arithmetic._ATANH[-1]
    for c in reversed(arithmetic._ATANH[:-1]):
        s = s * (z * z) + c
    y = e * (k * math.log(2.0) + 2.0 * z * s)
    n = math.floor(y / math.log(2.0) + 0.5)
    f = y - n * math.log(2.0)
    p = arithmetic._EXP[-1]
    for c in reversed(arithmetic._EXP[:-1]):
        p = p * f + c
    return math.ldexp(p, n) if b > 0.0 else 0.0


def ref_round(x: list[float], c: list[float], s: list[float], dx: float) -> list[float]:
    """One BDM round (module docstring of bdm.py, steps 2-5) on Python lists, with the default
    Q = T = 1, where the median voter drops out."""
    n = len(x)
    w = [ci * si for ci, si in zip(c, s, strict=True)]
    u = [[1.0 - 2.0 * abs(x[k] - x[m]) / dx for m in range(n)] for k in range(n)]
    p = [[0.5] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            v = [w[k] * (u[k][i] - u[k][j]) for k in range(n)]
            den = math.fsum(abs(vk) for vk in v)
            if den > 0:
                p[i][j] = math.fsum(max(vk, 0.0) for vk in v) / den

    def eu(r: list[float]) -> list[list[float]]:
        out = [[0.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(n):
                if i != j:
                    d = abs(x[i] - x[j]) / dx
                    u_s = 2.0 - 4.0 * ref_power(0.5 - 0.5 * d, r[i])
                    u_f = 2.0 - 4.0 * ref_power(0.5 + 0.5 * d, r[i])
                    u_sq = 2.0 - 4.0 * ref_power(0.5, r[i])
                    out[i][j] = u_s + s[j] * (1.0 - p[i][j]) * (u_f - u_s) - u_sq
        return out

    security = [math.fsum(row[i] for row in eu([1.0] * n)) for i in range(n)]
    hi, lo = max(security), min(security)
    big_r = [(2.0 * si - hi - lo) / (hi - lo) for si in security]
    r = [(1.0 - ri / 3.0) / (1.0 + ri / 3.0) for ri in big_r]
    new = bdm.responses(np.array(x), np.array(eu(r)))
    return [float(v) for v in new]


@given(st.floats(1e-150, 1.0), st.floats(0.5, 2.0))
def test_power_is_the_reference_bit_for_bit_and_close_to_libm(b: float, e: float) -> None:
    got = float(arithmetic.power(np.array([b]), np.array([e]))[0])
    assert got.hex() == ref_power(b, e).hex()
    assert got == pytest.approx(math.pow(b, e), rel=4e-16 * (1.0 + abs(e * math.log(b))))


def test_power_of_zero_is_zero() -> None:
    assert arithmetic.power(np.zeros(2), np.array([0.5, 2.0])).tolist() == [0.0, 0.0]


def test_power_pinned_bits() -> None:
    # a change of the algorithm changes some of these; libm's pow gives 2 and 1 ulp less for
    # 0.3^1.7 and 0.001^0.61, so np.power or math.pow in its place fails too
    bases = np.array([0.5, 0.3, 0.75, 0.9999, 1e-3])
    got = [v.hex() for v in arithmetic.power(bases, np.array([1.0, 1.7, 0.5, 2.0, 0.61]))]
    assert got == [
        "0x1.0000000000000p-1",
        "0x1.08819f76d9f8fp-3",
        "0x1.bb67ae8584caap-1",
        "0x1.ffe5c972fb1f5p-1",
        "0x1.e4ac9ac5a8e94p-7",
    ]


@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=30), st.randoms())
def test_fsum_last_does_not_depend_on_order(values: list[float], rnd: object) -> None:
    shuffled = list(values)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a = arithmetic.fsum_last(np.array([values, shuffled]))
    assert a[0] == a[1] == math.fsum(values)


@pytest.mark.parametrize("k", [0, 1], ids=["amount", "duration"])
def test_bdm_rounds_equal_the_plain_python_reference(k: int) -> None:
    s = _sma2019()
    x = [row[k] for row in s.scaled_positions()]
    c = [a.capability for a in s.actors]
    sal = [a.salience[k] for a in s.actors]
    dx = max(x) - min(x)
    for _ in range(12):
        got = bdm.bdm_round(np.array(x), np.array(c), np.array(sal), dx, bdm.BDMSettings())
        want = ref_round(x, c, sal, dx)
        assert [v.hex() for v in got] == [v.hex() for v in want]
        x = want


def _perturbed(factor: float) -> Callable[..., np.ndarray]:
    original = bdm.expected_utilities

    def eu(*args: object, **kwargs: object) -> np.ndarray:
        return original(*args, **kwargs) * factor  # type: ignore[arg-type,no-any-return]

    return eu


def test_sma2019_bdm_forecast_is_pinned_and_robust_to_one_ulp(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = _sma2019()
    result = bdm.run_bdm(s)
    assert result.forecast_real[0] == pytest.approx(2939.3017322886753, abs=1e-9)
    assert result.turns == 94
    assert not result.converged  # duration cycles
    assert any("duration: not settled: positions repeat every 2 rounds" in n for n in result.notes)
    for factor in (1.0 + 2.0**-52, 1.0 - 2.0**-53, 1.0 + 1e-12):
        monkeypatch.setattr(bdm, "expected_utilities", _perturbed(factor))
        moved = bdm.run_bdm(s)
        assert moved.forecast_real[0] == pytest.approx(result.forecast_real[0], abs=1e-6)
        assert moved.notes == result.notes


def test_a_cycle_stops_the_dimension_and_is_not_converged() -> None:
    s = _sma2019()
    x = np.array([row[1] for row in s.scaled_positions()])
    c = np.array([a.capability for a in s.actors])
    sal = np.array([a.salience[1] for a in s.actors])
    run = bdm.run_dimension(x, c, sal, bdm.BDMSettings())
    assert (run.settled, run.period, run.rounds) == (False, 2, 3)
    assert np.array_equal(run.trajectory[3], run.trajectory[1])
    assert not np.array_equal(run.trajectory[2], run.trajectory[1])


def test_smp_reports_convergence() -> None:
    s = _sma2019()
    done = smp.run_smp(s)
    assert done.converged and done.turns == 4
    cut = smp.run_smp(s, smp.SMPSettings(min_turns=1, max_turns=1))
    assert not cut.converged
    assert any(n.startswith("not settled: stopped after 1 turns") for n in cut.notes)
