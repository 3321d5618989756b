"""Recalibration of a Monte Carlo forecast on the model's own past errors, learned only from
other cases (the backtest passes the forecasts of a case's pool, made without its outcome).

Two rules, both textbook statistics, neither with a parameter set by hand beyond `POINTS`:

**Values — the Student-t prediction interval of the next error.** Given k ≥ `MIN_ERRORS` past
errors e_1..e_k of the model's median (log(actual / median) for the amount, actual − median
otherwise, in days for the date), with mean ē and sample standard deviation s, the next error,
if the errors are independent draws from one normal distribution of unknown mean and variance,
is distributed as

    ē + s · √(1 + 1/k) · T,   T ~ Student's t with k − 1 degrees of freedom

(the classical prediction interval; e.g. Geisser 1993, *Predictive Inference*, §2.1). Its
`POINTS` equally likely quantiles (j + ½)/POINTS, j = 0..POINTS−1, are the *predictive errors*;
every run's value is moved by each of them (multiplied by exp(e) for the amount, plus e
otherwise). So the recalibrated forecast is the model's run distribution, shifted by the
model's mean past error (its bias) and widened by the spread of its past errors. No random draw
enters: the same answer on every machine.

**Events — a least-squares blend with the base rate.** The base rate of an event over a pool
of n cases, k of which saw it, is Laplace's rule of succession (k + 1)/(n + 2) (the mean of
the rate's posterior under a uniform prior): never 0 or 1 from a handful of cases. Given the
model's probabilities p_j of the event in past forecasts, the base rate b_j each of those
forecasts had (over its own pool) and the outcomes o_j (1/0), the weight

    w = Σ (p_j − b_j)(o_j − b_j) / Σ (p_j − b_j)²,   clipped to [0, 1],

minimises the past Brier score of w·p + (1 − w)·b (least squares through the origin in the
deviations from the base rate); the recalibrated probability is w·p + (1 − w)·b with the
case's own base rate b. w = 1: the model's probability; w = 0: the base rate (also when the
model never differed from the base rate in the past).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

POINTS = 21
"""Equally likely predictive errors each run is moved by ((j + ½)/POINTS quantiles)."""

MIN_ERRORS = 2
"""Fewest past errors the t prediction needs (a spread needs two); with fewer, no change."""


def predictive_errors(errors: Sequence[float], points: int = POINTS) -> tuple[float, ...]:
    """The `points` equally likely quantiles of the Student-t predictive distribution of the
    next error given the past `errors` (see the module docstring); (0.0,) with fewer than
    `MIN_ERRORS` errors."""
    from scipy.special import stdtrit  # type: ignore[import-untyped,unused-ignore]

    k = len(errors)
    if k < MIN_ERRORS:
        return (0.0,)
    mean = math.fsum(errors) / k
    s = math.sqrt(math.fsum((e - mean) ** 2 for e in errors) / (k - 1))
    q = (np.arange(points) + 0.5) / points
    spread = s * math.sqrt(1.0 + 1.0 / k)
    return tuple(float(mean + spread * x) for x in stdtrit(k - 1, q))


def succession_rate(happened: Sequence[bool]) -> float:
    """Laplace's rule of succession: (k + 1)/(n + 2), k of the n cases with the event."""
    return (sum(1 for h in happened if h) + 1.0) / (len(happened) + 2.0)


def blend_weight(past: Sequence[tuple[float, float, bool]]) -> float:
    """The weight w of the model's probability against the base rate, from past forecasts
    (model probability, base rate, happened): least squares, clipped to [0, 1]; 0 when the
    model never differed from the base rate."""
    num = math.fsum((p - b) * ((1.0 if o else 0.0) - b) for p, b, o in past)
    den = math.fsum((p - b) ** 2 for p, b, _ in past)
    if den == 0.0:
        return 0.0
    return min(1.0, max(0.0, num / den))


def blended(probability: float, base_rate: float, weight: float) -> float:
    """w·p + (1 − w)·b."""
    return weight * probability + (1.0 - weight) * base_rate
