"""Valuations: additive utility over issues, each issue scored in [0, 1] by its value function.

u(ω) = Σ_i w_i · v_i(ω_i) with Σ_i w_i = 1 (the linear-additive model of multi-attribute utility
theory; Keeney & Raiffa 1976, as used by GENIUS and the ANAC competitions).
"""

from __future__ import annotations

import array as arrays
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal, TypeAlias

import numpy as np

from burdenshare.model.kinds.base import Issue, ValueFunction, is_numeric
from burdenshare.model.offers import Offer
from burdenshare.model.space import OutcomeSpace

Direction: TypeAlias = Literal["rising", "falling"]


def _fraction(issue: Issue, x: np.ndarray) -> np.ndarray:
    """Position of `x` in the issue's range, 0 at `low` and 1 at `high`."""
    assert is_numeric(issue)
    span = issue.high - issue.low
    if span <= 0:
        return np.ones_like(x)
    return np.clip((x - issue.low) / span, 0.0, 1.0)


@dataclass(frozen=True)
class LinearValue:
    """Value rising (or falling) linearly from 0 to 1 across the issue's range."""

    direction: Direction = "rising"

    def evaluate(self, issue: Issue, x: np.ndarray) -> np.ndarray:
        """v(x) = (x − low)/(high − low), or 1 minus that when falling."""
        f = _fraction(issue, x)
        return f if self.direction == "rising" else 1.0 - f


@dataclass(frozen=True)
class PowerValue:
    """Curved value: v(x) = f^p with f the rising (or falling) position in the range.

    p < 1 is concave (early gains count most), p > 1 convex (late gains count most).
    """

    direction: Direction
    exponent: float

    def evaluate(self, issue: Issue, x: np.ndarray) -> np.ndarray:
        """v(x) = f(x)^p."""
        f = _fraction(issue, x)
        if self.direction == "falling":
            f = 1.0 - f
        out: np.ndarray = np.power(f, self.exponent)
        return out


@dataclass(frozen=True)
class PiecewiseLinearValue:
    """Value interpolated linearly through (x, v) points; flat beyond the first and last point."""

    points: tuple[tuple[float, float], ...]

    def evaluate(self, issue: Issue, x: np.ndarray) -> np.ndarray:
        """np.interp through the points."""
        xs = np.array([p[0] for p in self.points], dtype=float)
        vs = np.array([p[1] for p in self.points], dtype=float)
        out: np.ndarray = np.interp(x, xs, vs)
        return out


@dataclass(frozen=True)
class ScopeValue:
    """Additive value of the covered categories, rescaled to [0, 1] over the admissible sets.

    v(S) = (Σ_{c∈S} a_c − min_T Σ_{c∈T} a_c) / (max_T Σ a_c − min_T Σ a_c) over admissible T:
    the worst set scores 0, the best 1 (all 1 when every set is worth the same).
    """

    values: tuple[tuple[str, float], ...]

    def raw(self, subset: frozenset[str]) -> float:
        """Σ_{c∈S} a_c (unlisted categories are worth 0)."""
        table = dict(self.values)
        return sum(table.get(name, 0.0) for name in subset)

    def evaluate(self, issue: Issue, x: np.ndarray) -> np.ndarray:
        """v(S) for every admissible set on the issue's grid (x holds grid indices)."""
        raws = np.array([self.raw(s) for s in issue.values()])
        span = raws.max() - raws.min()
        scores = np.ones_like(raws) if span == 0 else (raws - raws.min()) / span
        out: np.ndarray = scores[x.astype(int)]
        return out


@dataclass(frozen=True)
class ChoiceValue:
    """A value in [0, 1] for each option (unlisted options are worth 0)."""

    values: tuple[tuple[str, float], ...]

    def evaluate(self, issue: Issue, x: np.ndarray) -> np.ndarray:
        """The listed value of each option on the grid (x holds grid indices)."""
        table = dict(self.values)
        scores = np.array([table.get(str(option), 0.0) for option in issue.values()])
        out: np.ndarray = scores[x.astype(int)]
        return out


IssueValue: TypeAlias = ValueFunction
"""A value function: `LinearValue`, `PowerValue`, `PiecewiseLinearValue` (numeric kinds),
`ScopeValue`, `ChoiceValue`, or one a kind defines."""


@dataclass(frozen=True)
class Valuation:
    """A party's (or ratifier's) additive utility: a weight and a value function per issue."""

    weights: tuple[tuple[str, float], ...]
    functions: tuple[tuple[str, IssueValue], ...]

    def __hash__(self) -> int:
        """The dataclass hash, computed once: a valuation keys the caches below, looked up at
        every step, and hashing it walks every weight and value table."""
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash((self.weights, self.functions))

    @cached_property
    def _tables(self) -> dict[int, tuple[OutcomeSpace, UtilityTable]]:
        """This valuation's tables (see `table`), kept as long as it is."""
        return {}

    @cached_property
    def _last(self) -> list[tuple[OutcomeSpace | None, UtilityTable]]:
        """The space last asked of `table` with its table, as one pair (replaced whole)."""
        return [(None, UtilityTable(()))]

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the cached hash (string hashes differ from process to process) and
        the tables."""
        state = dict(self.__dict__)
        for memo in ("_hash", "_tables", "_last"):
            state.pop(memo, None)
        return state

    def weight(self, issue: str) -> float:
        """Normalised weight of `issue` (weights sum to 1; an unlisted issue weighs 0)."""
        total = sum(w for _, w in self.weights)
        return dict(self.weights).get(issue, 0.0) / total if total > 0 else 0.0

    def function(self, issue: str) -> IssueValue | None:
        """The value function of `issue`, if listed."""
        return dict(self.functions).get(issue)

    def issue_values(self, space: OutcomeSpace) -> tuple[np.ndarray, ...]:
        """Per issue, the weighted value w_i · v_i of each grid value."""
        return self.table(space).parts

    def utilities(self, space: OutcomeSpace) -> np.ndarray:
        """Utility of every outcome, flat in the space's index order (computed once per space)."""
        return self.table(space).array

    def utility(self, space: OutcomeSpace, offer: Offer) -> float:
        """u(offer) = Σ_i w_i v_i(offer_i)."""
        last, table = self._last[0]  # `table`'s first step, without the call
        return (table if last is space else self.table(space)).utility(space, offer)

    def best_value(self, space: OutcomeSpace) -> float:
        """The highest utility any outcome reaches (1 unless a value function tops out lower)."""
        last, table = self._last[0]
        return (table if last is space else self.table(space)).best

    def table(self, space: OutcomeSpace) -> UtilityTable:
        """This valuation's `UtilityTable` over `space`, made once and kept on the valuation,
        found by the space's identity (the engine asks at every step: hashing a space would
        cost more than the offer kernel); the last one asked first."""
        last, table = self._last[0]
        if last is space:
            return table
        tables = self._tables
        found = tables.get(id(space))
        if found is not None and found[0] is space:
            table = found[1]
        else:
            if len(tables) >= 64:  # bounds a long-lived valuation's memory
                tables.clear()
            table = UtilityTable(_issue_values(self, space))
            tables[id(space)] = (space, table)
        self._last[0] = (space, table)
        return table


class UtilityTable:
    """One valuation's utilities over one space, each form computed once.

    `parts`: per issue, the weighted value of each grid value; `best` = Σ_i max part_i; when
    first read: `values`, every outcome's Σ_i part_i(outcome), flat in index order, summed
    from 0.0 in issue order (as `utility` sums one outcome's terms); `array`, the same numbers
    as read-only numpy; `order` and `ascending`, sorted, for the offer kernel's bisection.
    """

    def __init__(self, parts: tuple[np.ndarray, ...]) -> None:
        self.parts = parts
        self.best = float(sum(part.max() for part in parts))
        self.complete = False  # whether `values` has been computed

    @classmethod
    def of(cls, utilities: np.ndarray) -> UtilityTable:
        """The table of given flat utilities (as the single part of a one-issue valuation)."""
        part = np.array(utilities, dtype=float).ravel()  # a copy: the table owns it
        part.setflags(write=False)
        return cls((part,))

    @cached_property
    def values(self) -> arrays.array[float]:
        """Every outcome's utility, by successive outer sums (about one pass over them)."""
        flat = np.zeros(1)
        for part in self.parts:
            flat = np.add.outer(flat, part).ravel()
        self.complete = True
        return _packed("d", flat)

    @cached_property
    def array(self) -> np.ndarray:
        """`values` as read-only numpy (the same memory)."""
        out = np.frombuffer(self.values, dtype=float)
        out.setflags(write=False)
        return out

    @cached_property
    def order(self) -> arrays.array[int]:
        """Flat indices by ascending utility; ties by index (a stable sort), NaNs last."""
        return _packed("q", np.argsort(self.array, kind="stable").astype(np.int64))

    @cached_property
    def ascending(self) -> arrays.array[float]:
        """The utilities in `order`, NaNs left out."""
        ordered = self.array[np.frombuffer(self.order, dtype=np.int64)]
        return _packed("d", ordered[~np.isnan(ordered)])

    def utility(self, space: OutcomeSpace, offer: Offer) -> float:
        """`offer`'s entry of `values` once they are computed, else its parts summed from 0.0
        in issue order (the same sum, without computing every outcome's)."""
        if self.complete:
            return self.values[space.index_of(offer)]
        total = 0.0
        for part, index in zip(self.parts, space.indices_of(offer), strict=True):
            total += float(part[index])
        return total


def _packed(code: str, numbers: np.ndarray) -> arrays.array[Any]:
    """`numbers` copied into a Python array of type `code` (8 bytes a number, as numpy's, but
    read as Python numbers, without numpy's per-element cost)."""
    out: arrays.array[Any] = arrays.array(code)
    out.frombytes(np.ascontiguousarray(numbers).data.cast("B"))
    return out


def _issue_values(valuation: Valuation, space: OutcomeSpace) -> tuple[np.ndarray, ...]:
    """Per issue, w_i · v_i of every grid value (zeros for an unlisted or unweighted issue),
    read-only."""
    out = []
    for position, issue in enumerate(space.issues):
        function = valuation.function(issue.name)
        weight = valuation.weight(issue.name)
        grid = space.numeric_grid(position)
        if function is None or weight == 0.0:
            out.append(np.zeros(len(grid)))
        else:
            out.append(weight * function.evaluate(issue, grid))
    for part in out:
        part.setflags(write=False)
    return tuple(out)
