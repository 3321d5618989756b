"""Valuations: additive utility over issues, each issue scored in [0, 1] by its value function.

u(ω) = Σ_i w_i · v_i(ω_i) with Σ_i w_i = 1 (the linear-additive model of multi-attribute utility
theory; Keeney & Raiffa 1976, as used by GENIUS and the ANAC competitions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
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
    def _tables(self) -> dict[OutcomeSpace, UtilityTable]:
        """This valuation's tables (see `table`), kept as long as it is."""
        return {}

    @cached_property
    def _last(self) -> list[tuple[Any, UtilityTable | None]]:
        """The space last asked of `table` with its table, as one pair (replaced whole, never
        half-written): asked again at every step, it is found by identity, without hashing
        the space."""
        return [(None, None)]

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the cached hash (string hashes differ from process to process) and
        the tables."""
        state = dict(self.__dict__)
        state.pop("_hash", None)
        state.pop("_tables", None)
        state.pop("_last", None)
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
        return _issue_values(self, space)

    def utilities(self, space: OutcomeSpace) -> np.ndarray:
        """Utility of every outcome, flat in the space's index order (cached per space)."""
        table = self.table(space)
        return _utilities(self, space) if table is None else table.array

    def utility(self, space: OutcomeSpace, offer: Offer) -> float:
        """u(offer) = Σ_i w_i v_i(offer_i) (cached per valuation, space and offer)."""
        last, table = self._last[0]  # `table`'s first step, without the call
        if last is not space:
            table = self.table(space)
        if table is None:
            return _utility(self, space, offer)
        if table.values:
            return table.values[space.index_of(offer)]
        return float(table.array[space.index_of(offer)])

    def best_value(self, space: OutcomeSpace) -> float:
        """The highest utility any outcome reaches (1 unless a value function tops out lower)."""
        last, table = self._last[0]
        if last is not space:
            table = self.table(space)
        return _best_value(self, space) if table is None else table.best

    def table(self, space: OutcomeSpace) -> UtilityTable | None:
        """The utilities over `space` as a `UtilityTable`, kept on this valuation, when the
        space has at most `TABLE_LIMIT` outcomes; None for a larger one."""
        last = self._last
        space_, found = last[0]
        if space_ is space:
            return found
        table = None
        if space.size <= TABLE_LIMIT:
            tables = self._tables
            table = tables.get(space)
            if table is None:
                if len(tables) >= 64:  # bounds a long-lived valuation's memory
                    tables.clear()
                table = tables[space] = _table(self, space)
        last[0] = (space, table)
        return table


SMALL_SPACE = 1 << 10
"""Spaces of up to this many outcomes have their utility tables as Python floats too, sorted
at once: the reference engine reads single utilities and finds the offer kernel's band there
in a few hundred nanoseconds, less than one numpy call costs."""

TABLE_LIMIT = 1 << 17
"""Spaces of up to this many outcomes have their utilities kept on the valuation, to be sorted
once the kernel has used them often enough (see `SORT_AFTER`); a larger space is left to the
caches below."""

SORT_AFTER = 128
"""Kernel passes over a larger table's utilities before they are sorted: a sort costs about
as much as 100–160 passes (measured at 1e4 and 1e5 outcomes), so a valuation used in one
negotiation (~50 passes) is never sorted, one used in many is sorted early."""


@dataclass(frozen=True, eq=False)
class UtilityTable:
    """One valuation's utilities over one space, in the forms the engine reads.

    `array`: flat, read-only (as `Valuation.utilities`); `best`: as `Valuation.best_value`;
    in a space of at most `SMALL_SPACE` outcomes (else empty): `values`, the same numbers as
    Python floats, `ascending`, sorted, and `order`, their flat indices (ties by index), the
    last two empty unless every utility is finite (a search never meets NaN or an infinity).
    A larger table is sorted on demand (`sorted`).
    """

    array: np.ndarray
    best: float
    values: tuple[float, ...]
    ascending: tuple[float, ...]
    order: tuple[int, ...]
    # passes counted before the sort, then the sorted arrays: a memo, not part of the value
    _sort: list[Any] = field(default_factory=lambda: [0, None], repr=False)

    @classmethod
    def of(cls, array: np.ndarray, best: float) -> UtilityTable:
        """The table of flat utilities `array` (copied) whose highest value is `best`."""
        array = np.array(array, dtype=float)  # a copy: the table owns it
        array.setflags(write=False)
        if array.size > SMALL_SPACE:
            return cls(array, best, (), (), ())
        ascending, order = _sorted(array)
        return cls(
            array, best, tuple(array.tolist()), tuple(ascending.tolist()), tuple(order.tolist())
        )

    def sorted(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(utilities ascending, their flat indices with ties by index), both empty unless every
        utility is finite; None until this has been asked `SORT_AFTER` times (the caller then
        makes a pass over `array` instead)."""
        state = self._sort
        found: tuple[np.ndarray, np.ndarray] | None = state[1]
        if found is None:
            state[0] += 1
            if state[0] <= SORT_AFTER:
                return None
            found = state[1] = _sorted(self.array)
        return found


def _sorted(array: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`array` ascending and its flat indices (a stable sort: ties by index), read-only; both
    empty unless every value is finite."""
    order = np.argsort(array, kind="stable")
    if not np.isfinite(array).all():
        order = order[:0]
    ascending = array[order]
    order.setflags(write=False)
    ascending.setflags(write=False)
    return ascending, order


@lru_cache(maxsize=256)
def _issue_values(valuation: Valuation, space: OutcomeSpace) -> tuple[np.ndarray, ...]:
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


@lru_cache(maxsize=1 << 14)
def _utility(valuation: Valuation, space: OutcomeSpace, offer: Offer) -> float:
    parts = _issue_values(valuation, space)
    indices = space.indices_of(offer)
    return float(sum(parts[i][j] for i, j in enumerate(indices)))


@lru_cache(maxsize=256)
def _best_value(valuation: Valuation, space: OutcomeSpace) -> float:
    """Σ_i max v_i·w_i (computed once per valuation and space: strategies ask at every step)."""
    return float(sum(part.max() for part in _issue_values(valuation, space)))


@lru_cache(maxsize=64)
def _utilities(valuation: Valuation, space: OutcomeSpace) -> np.ndarray:
    """Σ_i w_i v_i over the product space, built by successive outer sums so that each step
    writes only the partial product (about one pass over the outcomes in all), in C order."""
    parts = _issue_values(valuation, space)
    flat = np.zeros(1)
    for part in parts:
        flat = np.add.outer(flat, part).ravel()
    flat.setflags(write=False)
    return flat


def _table(valuation: Valuation, space: OutcomeSpace) -> UtilityTable:
    """The `UtilityTable` of `valuation` over `space`: `_utilities` (the same sums, which
    `_utility` makes too, term by term in issue order), converted and sorted once."""
    return UtilityTable.of(_utilities.__wrapped__(valuation, space), _best_value(valuation, space))
