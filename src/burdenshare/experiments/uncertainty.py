"""Uncertain inputs: a distribution over one scenario field, drawn per run and applied to the
immutable `Scenario` along its `--set` path (no re-parsing, no re-validation per run).

Distributions: uniform U(low, high); normal N(mean, sd) truncated to [low, high]; triangular
(low, mode, high); a discrete choice among values (optionally weighted), which covers a strategy
drawn from a list (`parties.X.strategy` with `NAME[:param=value,…]` values). Each is drawn by
its inverse CDF from a uniform fraction, so a block of runs is drawn with a few array
operations (`draw_block`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

import numpy as np

from burdenshare.experiments.seeding import spawn_words, uniforms
from burdenshare.model import Limit, Party, Ratifier, Scenario, StrategySpec, Threat

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
    uncertain: Sequence[Uncertain], seed: int, start: int, stop: int
) -> tuple[np.ndarray, np.ndarray]:
    """Runs start..stop−1's integer seeds (uint64[n]) and drawn numbers (float[n, k]; a choice
    among texts as the index of its value): run i reads the words of
    `SeedSequence(seed, spawn_key=(i,))` — word 0 is its seed, words 2j+1 and 2j+2 make the
    uniform fraction of input j."""
    words = spawn_words(seed, np.arange(start, stop), 1 + 2 * len(uncertain))
    fractions = uniforms(words[:, 1:])
    codes = np.empty((stop - start, len(uncertain)))
    for j, u in enumerate(uncertain):
        codes[:, j] = u.quantile(fractions[:, j])
    return words[:, 0].astype(np.uint64), codes


def apply_all(
    scenario: Scenario, uncertain: Sequence[Uncertain], values: Sequence[Drawn]
) -> Scenario:
    """`scenario` with every drawn value set along its path."""
    for u, value in zip(uncertain, values, strict=True):
        scenario = apply_path(scenario, u.path, value)
    return scenario


# -- applying a value along a `--set` path to the immutable model ---------------------------

SUPPORTED_PATHS = (
    "parties.P.reservation_value",
    "parties.P.monthly_discount",
    "parties.P.lapse.per_month",
    "parties.P.lapse.events.I.change",
    "parties.P.strategy",
    "parties.P.strategy.name",
    "parties.P.strategy.params.KEY",
    "ratifiers.R.min_utility",
    "ratifiers.R.limits.I.(min|max|min_change_pct|max_change_pct)",
    "threats.T.(change|credibility)",
    "exchange_rate.rate",
)
"""The field paths that can vary per run (P, R, T: a name or index; I: an index)."""


class UnsupportedPathError(KeyError):
    """The path names no field that can vary per run (see `SUPPORTED_PATHS`)."""


def _pick(items: tuple[Any, ...], key: str) -> int:
    """Index of the element called `key` (or at index `key`), as `--set` resolves list elements."""
    if key.isdigit() and int(key) < len(items):
        return int(key)
    for i, item in enumerate(items):
        if getattr(item, "name", None) == key:
            return i
    raise UnsupportedPathError(key)


def _fields(name: str, value: Drawn) -> dict[str, Any]:
    """Keyword arguments for `dataclasses.replace`: one numeric field."""
    return {name: float(value)}


def _put(items: tuple[Any, ...], index: int, item: Any) -> tuple[Any, ...]:
    return (*items[:index], item, *items[index + 1 :])


def parse_spec(text: str) -> StrategySpec:
    """`NAME[:param=value,…]` (the `--strategy` syntax) as a `StrategySpec`."""
    name, _, rest = text.partition(":")
    params: list[tuple[str, float | str]] = []
    for item in filter(None, (p.strip() for p in rest.split(","))):
        key, _, raw = item.partition("=")
        params.append((key.strip(), _number(raw.strip())))
    return StrategySpec(name.strip(), tuple(params))


def _number(text: str) -> float | str:
    try:
        return int(text) if text.lstrip("-").isdigit() else float(text)
    except ValueError:
        return text


def _strategy(spec: StrategySpec, keys: list[str], value: Drawn) -> StrategySpec:
    if not keys:
        return parse_spec(str(value))
    if keys == ["name"]:
        return StrategySpec(str(value), spec.params)
    if len(keys) == 2 and keys[0] == "params":
        params = dict(spec.params)
        params[keys[1]] = value
        return StrategySpec(spec.name, tuple(params.items()))
    raise UnsupportedPathError(".".join(keys))


def _party(party: Party, keys: list[str], value: Drawn) -> Party:
    head, rest = keys[0], keys[1:]
    if head in ("reservation_value", "monthly_discount") and not rest:
        return dataclasses.replace(party, **_fields(head, value))
    if head == "lapse" and rest == ["per_month"]:
        return dataclasses.replace(party, lapse_change_per_month=float(value))
    if head == "lapse" and len(rest) == 3 and rest[0] == "events" and rest[2] == "change":
        i = _pick(party.events, rest[1])
        event = dataclasses.replace(party.events[i], change=float(value))
        return dataclasses.replace(party, events=_put(party.events, i, event))
    if head == "strategy":
        return dataclasses.replace(party, strategy=_strategy(party.strategy, rest, value))
    raise UnsupportedPathError(".".join(keys))


_LIMIT_FIELDS = ("min", "max", "min_change_pct", "max_change_pct")


def _ratifier(ratifier: Ratifier, keys: list[str], value: Drawn) -> Ratifier:
    if keys == ["min_utility"]:
        return dataclasses.replace(ratifier, min_utility=float(value))
    if len(keys) == 3 and keys[0] == "limits" and keys[2] in _LIMIT_FIELDS:
        i = _pick(ratifier.limits, keys[1])
        limit: Limit = dataclasses.replace(ratifier.limits[i], **_fields(keys[2], value))
        return dataclasses.replace(ratifier, limits=_put(ratifier.limits, i, limit))
    raise UnsupportedPathError(".".join(keys))


def apply_path(scenario: Scenario, path: str, value: Drawn) -> Scenario:
    """`scenario` with `path` set to `value`; `UnsupportedPathError` if it cannot vary per run."""
    keys = [k for k in path.split(".") if k]
    if len(keys) < 2:
        raise UnsupportedPathError(path)
    head, key, rest = keys[0], keys[1], keys[2:]
    if head == "parties" and rest:
        i = _pick(scenario.parties, key)
        party = _party(scenario.parties[i], rest, value)
        return dataclasses.replace(scenario, parties=_put(scenario.parties, i, party))
    if head == "ratifiers" and rest:
        i = _pick(scenario.ratifiers, key)
        ratifier = _ratifier(scenario.ratifiers[i], rest, value)
        return dataclasses.replace(scenario, ratifiers=_put(scenario.ratifiers, i, ratifier))
    if head == "threats" and len(rest) == 1 and rest[0] in ("change", "credibility"):
        i = _pick(scenario.threats, key)
        threat: Threat = dataclasses.replace(scenario.threats[i], **_fields(rest[0], value))
        return dataclasses.replace(scenario, threats=_put(scenario.threats, i, threat))
    if keys == ["exchange_rate", "rate"] and scenario.exchange_rate is not None:
        rate = dataclasses.replace(scenario.exchange_rate, rate=float(value))
        return dataclasses.replace(scenario, exchange_rate=rate)
    raise UnsupportedPathError(path)
