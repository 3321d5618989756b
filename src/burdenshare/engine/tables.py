"""Tables shared by every run on one outcome space or valuation: per issue, each outcome's
grid index and the distance between grid values; per valuation, every outcome's utility and
their order (built once, kept within a byte budget). The compiled kernel's arrays
(`jit_kernel.space_arrays`, `jit_kernel.pool`) are made from these.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from burdenshare.model import OutcomeSpace, Valuation
from burdenshare.model.kinds.share import is_share


@dataclass(frozen=True, eq=False)
class SpaceTables:
    """Per issue: the grid index of every outcome, and the distance table D[a, b] between grid
    values a and b (`bidding.issue_distances` for every reference value at once) — except for a
    share issue, whose thousands of splits would make a table of gigabytes: (0, 0) there, and
    `between` measures two splits from their shares (`ShareIssue.between`)."""

    positions: tuple[np.ndarray, ...]
    distances: tuple[np.ndarray, ...]


@lru_cache(maxsize=16)
def space_tables(space: OutcomeSpace) -> SpaceTables:
    """The tables of `space` (computed once per space)."""
    flat = np.arange(space.size)
    positions = tuple(np.asarray(p, dtype=np.intp) for p in np.unravel_index(flat, space.shape))
    tables: list[np.ndarray] = []
    for position, issue in enumerate(space.issues):
        if is_share(issue):
            tables.append(np.zeros((0, 0)))
            continue
        # column b: the distances to grid value b, as issue_distances computes them
        tables.append(np.column_stack([issue.distances(value) for value in space.grids[position]]))
    return SpaceTables(positions, tuple(tables))


def between(space: OutcomeSpace, issue: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The distances between grid values a[k] and b[k] of `issue` (arrays broadcast)."""
    found = space.issues[issue]
    if is_share(found):
        return found.between(a, b)
    return space_tables(space).distances[issue][a, b]  # type: ignore[no-any-return]


@dataclass(frozen=True, eq=False)
class ValuationTables:
    """A valuation's utility of every outcome and, for the outcomes open to choice (all, or
    those an `allowed` mask keeps): their order by utility, the sorted utilities and each
    issue's grid index in that order — so a utility band is two binary searches and a slice."""

    utilities: np.ndarray
    order: np.ndarray
    sorted: np.ndarray
    best: float
    positions: tuple[np.ndarray, ...]
    grid: SpaceTables


TABLES_BUDGET = 256 * 2**20
"""Bytes of valuation tables kept between runs (least recently used dropped first): a count of
entries would either thrash when many valuations alternate (a tournament, 50 random pairs) or
hold gigabytes at 1e6 outcomes."""

_tables: OrderedDict[tuple[Valuation, OutcomeSpace], ValuationTables] = OrderedDict()
_tables_bytes: list[int] = [0]


def _size(tables: ValuationTables) -> int:
    arrays = [tables.utilities, tables.order, tables.sorted, *tables.positions]
    return sum(a.nbytes for a in arrays)


def valuation_tables(valuation: Valuation, space: OutcomeSpace) -> ValuationTables:
    """The tables of `valuation` over every outcome (kept within TABLES_BUDGET bytes)."""
    key = (valuation, space)
    found = _tables.get(key)
    if found is not None:
        _tables.move_to_end(key)
        return found
    made = _make_tables(valuation, space)
    _tables[key] = made
    _tables_bytes[0] += _size(made)
    while _tables_bytes[0] > TABLES_BUDGET and len(_tables) > 1:
        _, dropped = _tables.popitem(last=False)
        _tables_bytes[0] -= _size(dropped)
    return made


def _make_tables(valuation: Valuation, space: OutcomeSpace) -> ValuationTables:
    utilities = valuation.utilities(space)
    order = np.argsort(utilities, kind="stable")
    grid = space_tables(space)
    positions = tuple(p[order] for p in grid.positions)
    return ValuationTables(
        utilities,
        order,
        utilities[order],
        valuation.best_value(space),
        positions,
        grid,
    )


