"""Arithmetic that gives the same bits on every machine, for the iterated stakeholder models.

Their loops are chaotic (BDM on sma-2019 lands elsewhere after a 1-ulp change in one round), so
they may use only what IEEE 754 rounds exactly: +, -, ×, ÷, sqrt, comparisons, frexp and ldexp.
Not numpy's reductions (pairwise, unrolled by SIMD width), not BLAS, not `np.power` or libm's
`pow` (SIMD kernels, FMA variants: up to an ulp apart between CPUs and libraries).
"""

from __future__ import annotations

import math

import numpy as np

from burdenshare.stakeholders.result import FloatArray

_SQRT_HALF = math.sqrt(0.5)
_LN2 = math.log(2.0)
# ln m = 2 atanh z = 2 Σ z^(2n+1) / (2n+1), z = (m - 1) / (m + 1), |z| <= 0.172 for m in
# [√½, √2): 14 terms leave < 1e-20 (z² <= 0.0295).
_ATANH = tuple(1.0 / (2 * n + 1) for n in range(14))
# e^f = Σ f^n / n!, |f| <= ln 2 / 2: 18 terms leave < 1e-23.
_EXP = tuple(1.0 / math.factorial(n) for n in range(18))


def fsum_last(a: FloatArray) -> FloatArray:
    """Σ over the last axis, correctly rounded (`math.fsum`): independent of order and machine."""
    rows = np.asarray(a, dtype=np.float64)
    flat = rows.reshape(-1, rows.shape[-1]).tolist()
    return np.array([math.fsum(r) for r in flat], dtype=np.float64).reshape(rows.shape[:-1])


def prod_last(a: FloatArray) -> FloatArray:
    """Π over the last axis, multiplied in index order (`math.prod`)."""
    rows = np.asarray(a, dtype=np.float64)
    flat = rows.reshape(-1, rows.shape[-1]).tolist()
    return np.array([math.prod(r) for r in flat], dtype=np.float64).reshape(rows.shape[:-1])


def _horner(z: FloatArray, coefficients: tuple[float, ...]) -> FloatArray:
    """Σ c_n z^n by Horner's rule, highest power first."""
    out = np.full_like(z, coefficients[-1])
    for c in reversed(coefficients[:-1]):
        out = out * z + c
    return out


def power(base: FloatArray | float, exponent: FloatArray | float) -> FloatArray:
    """base^exponent for base >= 0 and exponent > 0, as exp(exponent · ln base) from series
    in basic operations (ln by atanh after frexp, exp after reduction by ln 2): relative error
    below 4e-16 (1 + |exponent ln base|), and the same bits everywhere. 0^e = 0."""
    b, e = np.broadcast_arrays(np.asarray(base, np.float64), np.asarray(exponent, np.float64))
    m, k = np.frexp(b)  # b = m 2^k, m in [1/2, 1)
    low = m < _SQRT_HALF
    m = np.where(low, 2.0 * m, m)
    k = np.where(low, k - 1, k)
    z = (m - 1.0) / (m + 1.0)
    ln_b = k * _LN2 + 2.0 * z * _horner(z * z, _ATANH)
    y = e * ln_b
    n = np.floor(y / _LN2 + 0.5)
    f = y - n * _LN2
    out: FloatArray = np.where(b > 0.0, np.ldexp(_horner(f, _EXP), n.astype(np.int64)), 0.0)
    return out
