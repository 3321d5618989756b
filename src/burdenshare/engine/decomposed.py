"""The offer kernel on a decomposed space: one long numeric issue × the product of the others.

Utilities are additive and floating-point addition is monotone in each term, so when the
weighted value of one numeric issue ("long": most grid values) is monotone for a party, every
row of the utility table indexed (combination c of the other issues, long value) is monotone
too — checked on the exact table, not assumed. A utility band is then an interval of columns
per row, found by binary search. The distance of a row's candidates to a reference offer is
monotone in the long issue's term, least at the column nearest the reference's long value
(unique, and strictly less than its neighbours after rounding when grid steps exceed 1e-11 of
the range). Rows are visited by their distance to the reference's row ("rest" distance, a lower
bound on any candidate's distance), in growing chunks, until the next row's bound exceeds the
best candidate found: the winners are then ranked with the kernel's exact key
(`strategies/bidding.py`: distances summed in issue order and rounded to 12 decimals, then
higher utility, then lower index). Whenever a premise fails (no monotone long issue, a mask on
it that is not an interval, no reference offer, an empty band, fine grids) `choose` returns
None and the caller scans every outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np

from burdenshare.model import OutcomeSpace, Valuation
from burdenshare.model.issues import NUMERIC_ISSUES
from burdenshare.strategies.bidding import BAND

MIN_LONG = 16
"""A long issue needs at least this many grid values for the decomposition to pay."""

MAX_ORDERED = 4096
"""Above this many rows, rows are not pre-ordered by distance (C² table); all are visited."""

_SLACK = 1e-9
"""Margin between a row's rest distance and the best rounded distance before it is skipped
(rounding to 12 decimals and summation order move distances by < 1e-12)."""


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
    from burdenshare.engine.batch import space_tables

    shape = space.shape
    numeric = [
        p
        for p, issue in enumerate(space.issues)
        if isinstance(issue, NUMERIC_ISSUES) and shape[p] >= MIN_LONG
    ]
    if not numeric or len(shape) < 2:
        return None
    long = max(numeric, key=lambda p: shape[p])
    grid = np.asarray(space.grids[long], dtype=float)
    steps = np.diff(grid)
    if not np.all(steps > 0):
        return None
    issue = space.issues[long]
    span = issue.high - issue.low  # type: ignore[union-attr]
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
        tables = space_tables(space).distances
        between = np.zeros((rows, rows))
        for p, table in enumerate(tables):
            if p != long:
                between += table[other[p][:, None], other[p][None, :]]
        order = np.argsort(between, axis=1, kind="stable").astype(np.intp)
        rest = np.take_along_axis(between, order, axis=1)
    return Layout(long, rows, length, tuple(other), row_of, long_of, order, rest, safe)


@dataclass(frozen=True, eq=False)
class Decomposition:
    """A valuation's utilities as rows × columns, columns oriented so each row is
    non-decreasing: `grid[j]` is the long issue's grid index of column j, `column` its inverse,
    `flat[c, j]` the outcome index; `padded` the rows with −inf / +inf before / after (flat),
    `approx_*` the additive parts that guess where a utility falls in a row."""

    layout: Layout
    grid: np.ndarray
    column: np.ndarray
    rows: np.ndarray
    padded: np.ndarray
    flat: np.ndarray
    approx_rest: np.ndarray
    approx_long: np.ndarray


def decompose(valuation: Valuation, space: OutcomeSpace) -> Decomposition | None:
    """The decomposition of `valuation` over `space`, or None when its long issue's value is
    not monotone (or the space has no long issue). Not cached here: the batch engine keeps it
    with the valuation's other tables."""
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
    padded = np.full((count, length + 2), np.inf)
    padded[:, 0] = -np.inf
    padded[:, 1:-1] = rows
    approx_long = np.asarray(valuation.issue_values(space)[long], dtype=float)[grid]
    return Decomposition(
        split,
        np.ascontiguousarray(grid),
        column,
        np.ascontiguousarray(rows),
        padded.ravel(),
        np.ascontiguousarray(flat),
        rows[:, 0] - approx_long[0],
        approx_long,
    )


def _first(dec: Decomposition, rows: np.ndarray, threshold: float, strict: bool) -> np.ndarray:
    """Per row in `rows`, the first column j with u ≥ threshold (> when `strict`), exactly:
    a guess from the additive parts, checked on the exact rows (missed rows searched alone)."""
    side: Literal["left", "right"] = "right" if strict else "left"
    guess: np.ndarray = np.searchsorted(dec.approx_long, threshold - dec.approx_rest[rows], side)
    at = rows * (dec.layout.length + 2) + guess
    before, after = dec.padded[at], dec.padded[at + 1]
    if strict:
        wrong = (before > threshold) | (after <= threshold)
    else:
        wrong = (before >= threshold) | (after < threshold)
    if wrong.any():
        for i in np.flatnonzero(wrong):
            guess[i] = np.searchsorted(dec.rows[rows[i]], threshold, side)
    return guess


def _distance(
    dec: Decomposition,
    tables: tuple[np.ndarray, ...],
    reference: tuple[int, ...],
    rows: np.ndarray,
    columns: np.ndarray,
) -> np.ndarray:
    """Distance of outcomes (rows, columns) to the reference (grid index per issue), summed
    issue by issue in the space's order from zero, as `bidding._distance` sums it."""
    total = np.zeros(rows.size)
    for p, table in enumerate(tables):
        if p == dec.layout.long:
            total += table[dec.grid[columns], reference[p]]
        else:
            total += table[dec.layout.other[p][rows], reference[p]]
    return total


def _limits(
    dec: Decomposition, allowed: tuple[np.ndarray, ...] | None
) -> tuple[int, int, np.ndarray | None] | None:
    """What `allowed` keeps: an interval [first, last) of columns and a mask of rows (None:
    every row); None when the long issue's mask is not an interval."""
    split = dec.layout
    first, last = 0, split.length
    keep: np.ndarray | None = None
    if allowed is None:
        return first, last, keep
    mask = allowed[split.long][dec.grid]
    if not mask.all():
        where = np.flatnonzero(mask)
        if where.size == 0 or where[-1] - where[0] + 1 != where.size:
            return None
        first, last = int(where[0]), int(where[-1]) + 1
    for p, issue_mask in enumerate(allowed):
        if p != split.long and not issue_mask.all():
            ok = issue_mask[split.other[p]]
            keep = ok if keep is None else keep & ok
    return first, last, keep


def nearest(
    dec: Decomposition, target: float, allowed: tuple[np.ndarray, ...] | None = None
) -> int | None:
    """The allowed outcome whose utility is nearest `target`, lowest index on ties (the
    kernel's rule for an empty band), or None when the caller must scan: in each row only the
    two columns around `target` can be nearest; a plateau beside them could hide a lower
    index, so then the caller scans."""
    limits = _limits(dec, allowed)
    if limits is None:
        return None
    first, last, keep = limits
    rows = np.arange(dec.layout.rows) if keep is None else np.flatnonzero(keep)
    if rows.size == 0:
        return None
    at = np.minimum(np.maximum(_first(dec, rows, target, strict=False), first), last)
    below = np.maximum(at - 1, first)
    above = np.minimum(at, last - 1)
    rows2 = np.concatenate((rows, rows))
    columns = np.concatenate((below, above))
    values = dec.rows[rows2, columns]
    gap = np.abs(values - target)
    pick = gap == gap.min()
    rows2, columns, values = rows2[pick], columns[pick], values[pick]
    left = columns - 1
    right = columns + 1
    inner_left = left >= first
    inner_right = right < last
    if (dec.rows[rows2[inner_left], left[inner_left]] == values[inner_left]).any() or (
        dec.rows[rows2[inner_right], right[inner_right]] == values[inner_right]
    ).any():
        return None
    return int(dec.flat[rows2, columns].min())


def choose(
    dec: Decomposition,
    tables: tuple[np.ndarray, ...],
    target: float,
    own: tuple[int, ...] | None,
    opponent: tuple[int, ...] | None,
    allowed: tuple[np.ndarray, ...] | None = None,
) -> int | None:
    """The kernel's flat outcome index, or None when the caller must scan every outcome.

    `tables`: per issue, the distance D[a, b] between grid values a and b; `own` / `opponent`:
    the reference offers' grid index per issue (None: no such offer); `allowed`: per issue, the
    grid values a mask keeps.
    """
    split = dec.layout
    primary = own if own is not None else opponent
    limits = _limits(dec, allowed)
    if primary is None or not split.safe or limits is None:
        return None
    first, last, keep = limits
    low, high = target - 1e-12, target + BAND
    home = 0
    for p in range(len(primary)):
        if p != split.long:
            home = home * tables[p].shape[0] + primary[p]
    order = split.order[home] if split.order is not None else np.arange(split.rows)
    rest = split.rest[home] if split.rest is not None else None
    column = int(dec.column[primary[split.long]])
    start, chunk = 0, 1
    if rest is not None and (keep is None or keep[home]):
        # the reference's own row first: its distance is the long term alone (the other
        # terms are exact zeros); if no other row can come as near, its nearest column wins
        row = dec.rows[home]
        lo = max(int(np.searchsorted(row, low, "left")), first)
        hi = min(int(np.searchsorted(row, high, "right")), last)
        if hi > lo:
            best_column = min(max(lo, column), hi - 1)
            near = float(tables[split.long][dec.grid[best_column], primary[split.long]])
            if split.rows == 1 or rest[1] > near + _SLACK:
                return int(dec.flat[home, best_column])
            # else only the rows no farther than it can hold the winner: visit them at once
            chunk = int(np.searchsorted(rest, near + _SLACK, "right"))
    best = np.inf
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    while start < split.rows:
        if rest is not None and rest[start] > best + _SLACK:
            break
        rows = order[start : start + chunk]
        start += rows.size
        chunk *= 8
        if keep is not None:
            rows = rows[keep[rows]]
        lo = np.maximum(_first(dec, rows, low, strict=False), first)
        hi = np.minimum(_first(dec, rows, high, strict=True), last)
        valid = hi > lo
        if not valid.any():
            continue
        rows, lo, hi = rows[valid], lo[valid], hi[valid]
        columns = np.minimum(np.maximum(lo, column), hi - 1)
        rounded = np.round(_distance(dec, tables, primary, rows, columns), 12)
        least = float(rounded.min())
        if least <= best:
            best = least
            pick = rounded == least
            found.append((rows[pick], columns[pick], rounded[pick]))
    if not found:
        return nearest(dec, target, allowed)
    rows = np.concatenate([f[0] for f in found])
    columns = np.concatenate([f[1] for f in found])
    winners = np.concatenate([f[2] for f in found]) == best
    rows, columns = rows[winners], columns[winners]
    values = dec.rows[rows, columns]
    flat = dec.flat[rows, columns]
    if own is not None and opponent is not None and rows.size > 1:
        second = np.round(_distance(dec, tables, opponent, rows, columns), 12)
        ranked = np.lexsort((flat, -values, second))
    else:
        ranked = np.lexsort((flat, -values))
    return int(flat[ranked[0]])
