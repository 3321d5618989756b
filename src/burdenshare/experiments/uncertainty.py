"""Uncertain inputs: a distribution over one scenario field, drawn per run and applied to the
immutable `Scenario` along its path (`model.paths`; no re-parsing, no re-validation per run).

Distributions: uniform U(low, high); normal N(mean, sd) truncated to [low, high]; triangular
(low, mode, high); a discrete choice among values (optionally weighted), which covers a strategy
drawn from a list (`parties.X.strategy` with `NAME[:param=value,…]` values). Each is drawn by
its inverse CDF from a uniform fraction, so a block of runs is drawn with a few array
operations (`draw_block`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

import numpy as np

from burdenshare.experiments.seeding import spawn_words, uniforms
from burdenshare.model import Scenario, paths

Drawn: TypeAlias = float | int | str
Dist: TypeAlias = Literal["uniform", "normal", "triangular", "choice"]


@dataclass(frozen=True)
class Uncertain:
    """One uncertain input: the field `path` and its distribution (see the module docstring).

    `integer` draws whole numbers (the field holds an integer, e.g. a strategy's `hold`).
    """

    path: str
    dist: Dist
    low: float | None = None
    high: float | None = None
    mode: float | None = None
    mean: float | None = None
    sd: float | None = None
    values: tuple[Drawn, ...] = ()
    weights: tuple[float, ...] = ()
    integer: bool = False
    rationale: str = ""

    def quantile(self, u: np.ndarray) -> np.ndarray:
        """The drawn numbers for uniform fractions u ∈ [0, 1) (inverse CDF; a choice among
        texts gives the index of its value).

        uniform: low + (high − low)·u (integers: low + ⌊u·(high − low + 1)⌋); triangular: the
        inverse of its piecewise-quadratic CDF; normal truncated to [low, high]: mean + sd ·
        Φ⁻¹(Φ(a) + u·(Φ(b) − Φ(a))), exact truncation without rejection; choice: the first value
        whose cumulative (normalised) weight exceeds u — the value itself when all values are
        numbers.
        """
        u = np.asarray(u, dtype=float)
        if self.dist == "choice":
            n = len(self.values)
            p = np.asarray(self.weights, dtype=float) if self.weights else np.ones(n)
            cumulative = np.cumsum(p) / p.sum()
            k = np.minimum(np.searchsorted(cumulative, u, side="right"), n - 1)
            return np.asarray(self.values, dtype=float)[k] if self.numeric else k.astype(float)
        low, high = float(self.low or 0.0), float(self.high or 0.0)
        if self.integer and self.dist == "uniform":
            first, last = round(low), round(high)
            whole: np.ndarray = np.minimum(first + np.floor(u * (last - first + 1)), last)
            return whole
        if self.dist == "uniform":
            x = low + (high - low) * u
        elif self.dist == "triangular":
            x = _triangular(u, low, float(self.mode if self.mode is not None else low), high)
        else:
            x = _truncated_normal(u, float(self.mean or 0.0), float(self.sd or 1.0), low, high)
        return np.round(x) if self.integer else x

    @property
    def numeric(self) -> bool:
        """Whether the drawn values are numbers (a choice among texts is not)."""
        return all(not isinstance(v, str) for v in self.values)

    def value(self, code: float) -> Drawn:
        """A drawn number as the field's value (a choice's value, an integer, a float)."""
        if self.dist == "choice":
            if self.numeric:
                return next(v for v in self.values if v == code)
            return self.values[int(code)]
        return int(code) if self.integer else float(code)

    def extremes(self) -> tuple[Drawn, ...]:
        """The values at the ends of the support (every value of a choice)."""
        if self.dist == "choice":
            return self.values
        ends: tuple[float, float] = (float(self.low or 0.0), float(self.high or 0.0))
        return tuple(round(v) for v in ends) if self.integer else ends

    def describe(self) -> str:
        """A short human form, e.g. `uniform 0.5–0.8`."""
        if self.dist == "choice":
            return "one of " + ", ".join(str(v) for v in self.values)
        if self.dist == "normal":
            return f"normal {self.mean:g}±{self.sd:g} in [{self.low:g}, {self.high:g}]"
        if self.dist == "triangular":
            return f"triangular {self.low:g}–{self.mode:g}–{self.high:g}"
        return f"uniform {self.low:g}–{self.high:g}"


def _triangular(u: np.ndarray, low: float, mode: float, high: float) -> np.ndarray:
    """Inverse CDF of the triangular distribution (low, mode, high)."""
    span = high - low
    if span <= 0:
        return np.full(u.shape, low)
    left = u < (mode - low) / span
    rising = low + np.sqrt(u * span * (mode - low))
    falling = high - np.sqrt((1.0 - u) * span * (high - mode))
    return np.where(left, rising, falling)


def _truncated_normal(u: np.ndarray, mean: float, sd: float, low: float, high: float) -> np.ndarray:
    """Inverse CDF of N(mean, sd) conditioned on [low, high] (the mean, clipped, when the
    interval lies too far in a tail for the normal CDF to tell its ends apart)."""
    from scipy.special import ndtr, ndtri  # type: ignore[import-untyped,unused-ignore]

    a, b = ndtr((low - mean) / sd), ndtr((high - mean) / sd)
    if not b > a:
        return np.full(u.shape, min(max(mean, low), high))
    x: np.ndarray = np.clip(mean + sd * ndtri(a + u * (b - a)), low, high)
    return x


def draw_block(
    uncertain: Sequence[Uncertain],
    seed: int,
    start: int,
    stop: int,
    slots: Sequence[int] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Runs start..stop−1's integer seeds (uint64[n]) and drawn numbers (float[n, k]; a choice
    among texts as the index of its value): run i reads the words of
    `SeedSequence(seed, spawn_key=(i,))` — word 0 is its seed, words 2s+1 and 2s+2 make the
    uniform fraction of input j, s = slots[j] (default j; paired plans share slots by path)."""
    slot = tuple(range(len(uncertain))) if slots is None else tuple(slots)
    words = spawn_words(seed, np.arange(start, stop), 1 + 2 * (max(slot, default=-1) + 1))
    fractions = uniforms(words[:, 1:])
    codes = np.empty((stop - start, len(uncertain)))
    for j, u in enumerate(uncertain):
        codes[:, j] = u.quantile(fractions[:, slot[j]])
    return words[:, 0].astype(np.uint64), codes


def applier(
    scenario: Scenario, uncertain: Sequence[Uncertain]
) -> Callable[[Sequence[Drawn]], Scenario]:
    """A function giving `scenario` with drawn values set along the inputs' paths
    (`model.paths`), each path resolved once for all the runs it serves."""
    targets = tuple(paths.resolve(scenario, u.path) for u in uncertain)

    def apply(values: Sequence[Drawn]) -> Scenario:
        out = scenario
        for target, value in zip(targets, values, strict=True):
            out = paths.replace(out, target, value)
        return out

    return apply


def apply_all(
    scenario: Scenario, uncertain: Sequence[Uncertain], values: Sequence[Drawn]
) -> Scenario:
    """`scenario` with every drawn value set along its path."""
    return applier(scenario, uncertain)(values)
