"""A space split for the offer kernel: one long numeric issue × the product of the others.

Utilities are additive and floating-point addition is monotone in each term, so when the
weighted value of one numeric issue ("long": most grid values) is monotone for a party, every
row of the utility table indexed (combination c of the other issues, long value) is monotone
too — checked on the exact table here, not assumed. `layout` splits the space (with, per row,
every row ordered by its "rest" distance); `decompose` orients one valuation's rows so each is
non-decreasing. The compiled kernel (`jit_kernel.py`) searches them: a utility band is an
interval of columns per row (binary search); a row's candidates are nearest a reference offer at
the column nearest its long value (unique when grid steps exceed 1e-11 of the range); rows are
visited by rest distance, a lower bound on any candidate's distance, until none can win.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from burdenshare.engine.tables import between
from burdenshare.model import OutcomeSpace, Valuation, is_numeric

MIN_LONG = 16
"""A long issue needs at least this many grid values for the decomposition to pay."""

MAX_ORDERED = 4096
"""Above this many rows, rows are not pre-ordered by distance (C² table); all are visited."""


@dataclass(frozen=True, eq=False)
class Layout:
    """How a space splits: the long issue, each row's grid index per other issue, each
    outcome's row and long grid index, and (for ≤ MAX_ORDERED rows) per row every row ordered
    by rest distance with those distances."""

    long: int
    rows: int
    length: int
    other: tuple[np.ndarray, ...]
    row_of: np.ndarray
    long_of: np.ndarray
    order: np.ndarray | None
    rest: np.ndarray | None
    safe: bool


@lru_cache(maxsize=16)
def layout(space: OutcomeSpace) -> Layout | None:
    """The split of `space` (None when it has no numeric issue of at least MIN_LONG values)."""
    shape = space.shape
    numeric = [
        p
        for p, issue in enumerate(space.issues)
        if issue.numeric and shape[p] >= MIN_LONG
    ]
    if not numeric or len(shape) < 2:
        return None
    long = max(numeric, key=lambda p: shape[p])
    grid = np.asarray(space.grids[long], dtype=float)
    steps = np.diff(grid)
    if not np.all(steps > 0):
        return None
    issue = space.issues[long]
    assert is_numeric(issue)
    span = issue.high - issue.low
    safe = bool(span > 0 and steps.min() / span > 1e-11)
    length = shape[long]
    rows = space.size // length
    flat = np.moveaxis(np.arange(space.size).reshape(shape), long, -1).reshape(rows, length)
    row_of = np.empty(space.size, dtype=np.intp)
    row_of[flat] = np.arange(rows)[:, None]
    long_of = np.empty(space.size, dtype=np.intp)
    long_of[flat] = np.arange(length)[None, :]
    others = [s for p, s in enumerate(shape) if p != long]
    combo = np.unravel_index(np.arange(rows), others)
    other: list[np.ndarray] = []
    k = 0
    for p in range(len(shape)):
        if p == long:
            other.append(np.zeros(rows, dtype=np.intp))
        else:
            other.append(np.asarray(combo[k], dtype=np.intp))
            k += 1
    order = rest = None
    if rows <= MAX_ORDERED:
        apart = np.zeros((rows, rows))
        for p in range(len(shape)):
            if p != long:
                apart += between(space, p, other[p][:, None], other[p][None, :])
        order = np.argsort(apart, axis=1, kind="stable").astype(np.intp)
        rest = np.take_along_axis(apart, order, axis=1)
    return Layout(long, rows, length, tuple(other), row_of, long_of, order, rest, safe)


@dataclass(frozen=True, eq=False)
class Decomposition:
    """A valuation's utilities as rows × columns, columns oriented so each row is
    non-decreasing: `grid[j]` is the long issue's grid index of column j, `column` its inverse,
    `flat[c, j]` the outcome index, `approx_*` the additive parts that guess where a utility
    falls in a row."""

    layout: Layout
    grid: np.ndarray
    column: np.ndarray
    rows: np.ndarray
    flat: np.ndarray
    approx_rest: np.ndarray
    approx_long: np.ndarray


def decompose(valuation: Valuation, space: OutcomeSpace) -> Decomposition | None:
    """The decomposition of `valuation` over `space`, or None when its long issue's value is
    not monotone (or the space has no long issue). Not cached here: the kernel's pool holds it."""
    split = layout(space)
    if split is None:
        return None
    shape = space.shape
    long, count, length = split.long, split.rows, split.length
    utilities = valuation.utilities(space).reshape(shape)
    rows = np.moveaxis(utilities, long, -1).reshape(count, length)
    flat = np.moveaxis(np.arange(space.size).reshape(shape), long, -1).reshape(count, length)
    grid = np.arange(length)
    if not np.all(np.diff(rows, axis=1) >= 0):
        rows, flat, grid = rows[:, ::-1], flat[:, ::-1], grid[::-1]
        if not np.all(np.diff(rows, axis=1) >= 0):
            return None
    column = np.empty(length, dtype=np.intp)
    column[grid] = np.arange(length)
    approx_long = np.asarray(valuation.issue_values(space)[long], dtype=float)[grid]
    return Decomposition(
        split,
        np.ascontiguousarray(grid),
        column,
        np.ascontiguousarray(rows),
        np.ascontiguousarray(flat),
        rows[:, 0] - approx_long[0],
        approx_long,
    )
