"""The offer kernel compiled with numba: `bidding.choose_index` on flat arrays, exactly.

Same rule as the reference (`strategies/bidding.py`): among outcomes with own utility in
[t − 1e-12, t + BAND] (and allowed), the least own distance to the own last offer, then the least
distance to the opponent's last offer (distances summed issue by issue from 0.0 and rounded to 12
decimals as `np.round` does: rint(x·1e12)/1e12), then the higher utility, then the lower index;
if none, the outcome of utility nearest t (lowest index on ties; among allowed ones unless the
mask allows nothing). The search follows `batch.choose`: the own last offer when it is still in
the band (unique at distance 0 when every grid step's distance is ≥ 1e-12), the decomposed
search of `decomposed.py` (rows of one monotone long numeric issue, binary search per row, rows
visited by rest distance until none can win) when its premises hold, else one pass over the
sorted band. An empty band is answered from the sorted utilities (no mask), from the per-issue
parts when t lies beyond every allowed utility (float addition is monotone, so the extremes
are sums of per-issue extremes), else row by row. Every shortcut either is exact by such an
argument or only skips what a bound with margin proves cannot win. Tested equal to
`choose_index` outcome by outcome (tests/test_jit_kernel.py).

Compiled without numba's reference counting (`_nrt=False`) and allocating nothing, so that the
engine's loop (compiled the same way, `compiled.py`) can call it, with no count updates for the
arrays of `SpaceArrays` and `Pool` at each call. Not cached on its own: the loop's cache is
named by a hash of this file among the others it compiles (`burdenshare.jitcache`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple, TypeVar, cast

import numba
import numpy as np

from burdenshare.engine.decomposed import decompose, layout
from burdenshare.engine.tables import space_tables, valuation_tables
from burdenshare.model import OutcomeSpace, Valuation
from burdenshare.model.kinds.share import is_share
from burdenshare.model.rules import split_distance
from burdenshare.strategies.bidding import BAND

SLACK = 1e-9
"""Margin between a row's rest distance and the best rounded distance before the row is skipped
(summation order and rounding move distances by < 1e-12)."""

DISTINCT = 1e-12
"""Least distance between two grid values for the own-offer shortcut: above it no other outcome
rounds to distance 0 from the own last offer."""


CUT = 1e-11
"""An unrounded distance above the best rounded one by more than this rounds above it too (a
distance is at most the number of issues, far below 1e3 where float spacing reaches 1e-13):
no need to round it."""


class SpaceArrays(NamedTuple):
    """The arrays of one outcome space (I issues, N outcomes, G = the largest grid; the long
    issue's L values × C rows of the other issues when the space decomposes, else empty)."""

    positions: np.ndarray  # i8[I, N]: grid index of every outcome per issue
    shape: np.ndarray  # i8[I]: grid size per issue
    distances: np.ndarray  # f8[I, T, T]: D[i, a, b] = bidding's distance of values a, b (symmetric;
    #   T = the largest grid of an issue held by a table)
    held: np.ndarray  # b1[I]: issue i is held by coordinates (a share issue), not by a table
    units: np.ndarray  # i8[I, G, K]: a share issue's splits in grid units (K: most payers)
    scale: np.ndarray  # f8[I]: a share issue's `distance_scale`
    distinct: bool  # every off-diagonal distance ≥ DISTINCT (the own-offer shortcut is exact)
    long: int  # the long issue (−1: none)
    rows: int  # C
    length: int  # L
    row_of: np.ndarray  # i8[N]: row of every outcome
    long_of: np.ndarray  # i8[N]: long grid index of every outcome
    other: np.ndarray  # i8[I, C]: grid index of each row's value per issue (0 for the long one)
    ordered: bool  # row_order / row_rest exist (C ≤ decomposed.MAX_ORDERED)
    row_order: np.ndarray  # i8[C, C]: per home row, every row by rest distance (stable)
    row_rest: np.ndarray  # f8[C, C]: those rest distances (other issues' distance, summed)
    safe: bool  # long grid steps > 1e-11 of its range: one nearest column per row


class Pool(NamedTuple):
    """Stacked tables of V valuations over one space (rows: columns oriented so that each row
    of utilities is non-decreasing; `orientation` 0 when the valuation does not decompose)."""

    utilities: np.ndarray  # f8[V, N]: valuation.utilities(space)
    best: np.ndarray  # f8[V]: valuation.best_value(space)
    order: np.ndarray  # i8[V, N]: stable argsort of utilities
    sorted_utilities: np.ndarray  # f8[V, N]: utilities in that order
    sorted_positions: np.ndarray  # i4[V, N, I]: grid index per issue, in that order
    orientation: np.ndarray  # i8[V]: 1 rising, −1 falling, 0 no decomposition
    grid: np.ndarray  # i8[V, L]: long grid index of column j
    column: np.ndarray  # i8[V, L]: column of long grid index g
    row_utilities: np.ndarray  # f8[V, C, L]
    row_outcomes: np.ndarray  # i8[V, C, L]: flat outcome index
    approx_rest: np.ndarray  # f8[V, C]: with approx_long, u[c, j] ≈ rest[c] + long[j] ...
    approx_long: np.ndarray  # f8[V, L]
    approx_margin: np.ndarray  # f8[V]: ... within this (measured on the exact table, doubled)
    parts: np.ndarray  # f8[V, I, G]: weighted value of each grid value (issue_values), the
    #   terms summed into utilities
    scale: np.ndarray  # f8[V]: Σ over issues of max |part| (bounds the summation error)


@lru_cache(maxsize=16)
def space_arrays(space: OutcomeSpace) -> SpaceArrays:
    """The kernel's arrays for `space` (built once per space from `tables.space_tables` and
    `decomposed.layout`)."""
    tables = space_tables(space)
    shape = np.asarray(space.shape, dtype=np.int64)
    widest = int(shape.max())
    tabled = max(t.shape[0] for t in tables.distances)
    distances = np.zeros((len(shape), tabled, tabled))
    shares = [issue if is_share(issue) else None for issue in space.issues]
    payers = max((len(issue.payers) for issue in shares if issue is not None), default=0)
    held = np.array([issue is not None for issue in shares], dtype=np.bool_)
    units = np.zeros((len(shape), widest if payers else 0, payers), dtype=np.int64)
    scale = np.full(len(shape), np.nan)
    # two splits differ by a unit in two payers at least: distance ≥ 1 / units in 100 % ≥ 1e-5
    distinct = True
    for p, table in enumerate(tables.distances):
        issue = shares[p]
        if issue is not None:
            found = issue.units()
            units[p, : found.shape[0], : found.shape[1]] = found
            scale[p] = issue.distance_scale
            continue
        n = table.shape[0]
        if not np.array_equal(table, table.T):  # |a − b| = |b − a| exactly; the scan relies on it
            raise ValueError(f"distance table of issue {p} is not symmetric")
        distances[p, :n, :n] = table
        off = table[~np.eye(n, dtype=bool)]
        distinct = distinct and bool(np.all(off >= DISTINCT))
    positions = np.ascontiguousarray(np.stack(tables.positions).astype(np.int64))
    split = layout(space)
    empty = np.zeros(0, dtype=np.int64)
    if split is None:
        return SpaceArrays(
            positions, shape, distances, held, units, scale, distinct, -1, 0, 0, empty, empty,
            np.zeros((len(shape), 0), dtype=np.int64), False,
            np.zeros((0, 0), dtype=np.int64), np.zeros((0, 0)), False,
        )  # fmt: skip
    ordered = split.order is not None and split.rest is not None
    return SpaceArrays(
        positions,
        shape,
        distances,
        held,
        units,
        scale,
        distinct,
        int(split.long),
        int(split.rows),
        int(split.length),
        np.ascontiguousarray(split.row_of, dtype=np.int64),
        np.ascontiguousarray(split.long_of, dtype=np.int64),
        np.ascontiguousarray(np.stack(split.other), dtype=np.int64),
        ordered,
        np.ascontiguousarray(split.order if ordered else np.zeros((0, 0)), dtype=np.int64),
        np.ascontiguousarray(split.rest if ordered else np.zeros((0, 0)), dtype=np.float64),
        bool(split.safe),
    )


def pool(valuations: Sequence[Valuation], space: OutcomeSpace) -> Pool:
    """The stacked tables of `valuations` over `space` (from `tables.valuation_tables`; the
    decomposition is `decomposed.decompose`'s)."""
    sp = space_arrays(space)
    count, n, issues = len(valuations), space.size, len(space.shape)
    rows, length = sp.rows, sp.length
    out = Pool(
        np.empty((count, n)),
        np.empty(count),
        np.empty((count, n), dtype=np.int64),
        np.empty((count, n)),
        np.empty((count, n, issues), dtype=np.int32),
        np.zeros(count, dtype=np.int64),
        np.zeros((count, length), dtype=np.int64),
        np.zeros((count, length), dtype=np.int64),
        np.zeros((count, rows, length)),
        np.zeros((count, rows, length), dtype=np.int64),
        np.zeros((count, rows)),
        np.zeros((count, length)),
        np.zeros(count),
        np.zeros((count, issues, int(sp.shape.max()))),
        np.zeros(count),
    )
    for v, valuation in enumerate(valuations):
        tables = valuation_tables(valuation, space)
        out.utilities[v] = tables.utilities
        out.best[v] = tables.best
        out.order[v] = tables.order
        out.sorted_utilities[v] = tables.sorted
        out.sorted_positions[v] = np.stack(tables.positions, axis=1)
        for p, part in enumerate(valuation.issue_values(space)):
            out.parts[v, p, : part.size] = part
            out.scale[v] += float(np.abs(part).max())
        dec = decompose(valuation, space)
        if dec is not None:
            out.orientation[v] = 1 if dec.grid[0] == 0 else -1
            out.grid[v] = dec.grid
            out.column[v] = dec.column
            out.row_utilities[v] = dec.rows
            out.row_outcomes[v] = dec.flat
            out.approx_rest[v] = dec.approx_rest
            out.approx_long[v] = dec.approx_long
            error = np.abs(dec.rows - (dec.approx_rest[:, None] + dec.approx_long[None, :]))
            out.approx_margin[v] = 2.0 * float(error.max()) + 1e-12
    return out


def allowed_array(space: OutcomeSpace, masks: Sequence[np.ndarray] | None) -> np.ndarray:
    """Per-issue masks (one bool array per issue) as the kernel's bool[I, G] array (padding False);
    None gives all True (pass has_allowed=False then)."""
    shape = space.shape
    out = np.zeros((len(shape), max(shape)), dtype=np.bool_)
    for p, n in enumerate(shape):
        out[p, :n] = True if masks is None else masks[p]
    return out


# -- compiled -------------------------------------------------------------------------------

_F = TypeVar("_F", bound=Callable[..., object])


def compiled(function: _F) -> _F:
    """`function` compiled by numba without reference counting, and not cached on its own: its
    code is compiled into the cached loop (`compiled.py`), whose cache knows this file."""
    return cast(_F, numba.njit(_nrt=False)(function))  # type: ignore[call-overload]


_split_distance = compiled(split_distance)


@compiled
def distance(space: SpaceArrays, p: int, a: int, b: int) -> float:
    """Bidding's distance between grid values a and b of issue p: from the table, or for a
    share issue `rules.split_distance` of the splits' squared gaps in grid units (whole numbers:
    the same sum as `ShareIssue.between` in any order)."""
    if space.held[p]:
        squares = 0
        for c in range(space.units.shape[2]):
            step = space.units[p, a, c] - space.units[p, b, c]
            squares += step * step
        return float(_split_distance(float(squares), space.scale[p]))
    return float(space.distances[p, a, b])


@compiled
def round12(x: float) -> float:
    """`np.round(x, 12)` as numpy computes it: rint(x · 1e12) / 1e12 (half to even)."""
    return float(np.rint(x * 1e12) / 1e12)


@compiled
def _left(a: np.ndarray, x: float) -> int:
    """np.searchsorted(a, x, "left"): the first k with a[k] ≥ x."""
    lo, hi = 0, a.size
    while lo < hi:
        mid = (lo + hi) >> 1
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


@compiled
def _right(a: np.ndarray, x: float) -> int:
    """np.searchsorted(a, x, "right"): the first k with a[k] > x."""
    lo, hi = 0, a.size
    while lo < hi:
        mid = (lo + hi) >> 1
        if a[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo


@compiled
def _better(
    r1: float, r2: float, u: float, n: int, b1: float, b2: float, bu: float, bn: int
) -> bool:
    """Whether key (r1, r2, −u, n) sorts before the best so far (bn < 0: none yet)."""
    if bn < 0:
        return True
    if r1 != b1:
        return r1 < b1
    if r2 != b2:
        return r2 < b2
    if u != bu:
        return u > bu
    return n < bn


@compiled
def _sorted_allowed(pool: Pool, v: int, k: int, allowed: np.ndarray) -> bool:
    """Whether the k-th outcome in v's utility order lies within `allowed`."""
    positions = pool.sorted_positions[v, k]
    for p in range(positions.size):  # noqa: SIM110 (numba compiles loops, not generators)
        if not allowed[p, positions[p]]:
            return False
    return True


@compiled
def _side(
    pool: Pool, v: int, k: int, step: int, target: float, allowed: np.ndarray, masked: bool
) -> tuple[float, int]:
    """From position k of v's utility order walking by `step`: the least |u − target| of an
    (allowed) outcome and the lowest index at it (−1: none)."""
    values = pool.sorted_utilities[v]
    order = pool.order[v]
    least, pick = np.inf, -1
    while 0 <= k < values.size:
        gap = abs(values[k] - target)
        if pick >= 0 and gap != least:
            break
        if not masked or _sorted_allowed(pool, v, k, allowed):
            if pick < 0 or order[k] < pick:
                pick = order[k]
            least = gap
        k += step
    return least, pick


@compiled
def _nearest(pool: Pool, v: int, target: float, allowed: np.ndarray, masked: bool) -> int:
    """Lowest index among the (allowed) outcomes whose |u − target| is least: walking out from
    `target` in utility order, where |u − target| never decreases (rounding is monotone)."""
    start = _left(pool.sorted_utilities[v], target)
    below, low = _side(pool, v, start - 1, -1, target, allowed, masked)
    above, high = _side(pool, v, start, 1, target, allowed, masked)
    if low < 0 or (high >= 0 and above < below):
        return high
    if high < 0 or below < above:
        return low
    return min(low, high)


@compiled
def _highest(
    pool: Pool, v: int, lo: int, hi: int, target: float, allowed: np.ndarray, masked: bool
) -> int:
    """No reference offer: the highest utility in the sorted band [lo, hi), lowest index."""
    values = pool.sorted_utilities[v]
    order = pool.order[v]
    pick = -1
    top = 0.0
    for k in range(hi - 1, lo - 1, -1):
        if pick >= 0 and values[k] != top:
            break
        if not masked or _sorted_allowed(pool, v, k, allowed):
            if pick < 0 or order[k] < pick:
                pick = order[k]
            top = values[k]
    return pick if pick >= 0 else _nearest(pool, v, target, allowed, masked)


@compiled
def _scan(
    space: SpaceArrays, pool: Pool, v: int, lo: int, hi: int, target: float, first: int,
    second: int, allowed: np.ndarray, masked: bool,
) -> int:  # fmt: skip
    """One pass over the sorted band [lo, hi): the least key (own, opponent, −u, index)."""
    values = pool.sorted_utilities[v]
    order = pool.order[v]
    positions = pool.sorted_positions[v]
    issues = space.shape.size
    b1, b2, bu, bn = np.inf, np.inf, 0.0, -1
    for k in range(lo, hi):
        if masked:
            ok = True
            for p in range(issues):
                if not allowed[p, positions[k, p]]:
                    ok = False
                    break
            if not ok:
                continue
        d = 0.0
        for p in range(issues):  # distance(ref, g) = distance(g, ref) (symmetric: space_arrays)
            d += distance(space, p, space.positions[p, first], positions[k, p])
        if bn >= 0 and d > b1 + CUT:
            continue
        r1 = round12(d)
        if bn >= 0 and r1 > b1:
            continue
        r2 = 0.0
        if second >= 0:
            d = 0.0
            for p in range(issues):
                d += distance(space, p, positions[k, p], space.positions[p, second])
            r2 = round12(d)
        if _better(r1, r2, values[k], order[k], b1, b2, bu, bn):
            b1, b2, bu, bn = r1, r2, values[k], order[k]
    return bn if bn >= 0 else _nearest(pool, v, target, allowed, masked)


@compiled
def _row_distance(
    space: SpaceArrays, pool: Pool, v: int, row: int, col: int, reference: int
) -> float:
    """Distance of outcome (row, column) to `reference`, summed in issue order from 0.0."""
    d = 0.0
    for p in range(space.shape.size):
        g = pool.grid[v, col] if p == space.long else space.other[p, row]
        d += distance(space, p, g, space.positions[p, reference])
    return float(d)


@compiled
def _columns(space: SpaceArrays, pool: Pool, v: int, allowed: np.ndarray) -> tuple[int, int]:
    """The columns [first, last) the long issue's mask keeps ((−1, −1): not an interval)."""
    first, last = -1, -1
    for j in range(space.length):
        if allowed[space.long, pool.grid[v, j]]:
            if first < 0:
                first = j
            elif last != j:
                return -1, -1
            last = j + 1
    return first, last


@compiled
def _row_allowed(space: SpaceArrays, row: int, allowed: np.ndarray, masked: bool) -> bool:
    """Whether the other issues' values of `row` lie within `allowed` (always, unmasked)."""
    if masked:
        for p in range(space.shape.size):
            if p != space.long and not allowed[p, space.other[p, row]]:
                return False
    return True


@compiled
def _decomposed(
    space: SpaceArrays, pool: Pool, v: int, low: float, high: float, first_ref: int,
    second_ref: int, first: int, last: int, allowed: np.ndarray, masked: bool,
) -> int:  # fmt: skip
    """The decomposed search in columns [first, last) (see `decomposed.choose`): the winner,
    or −1 when the band holds no allowed outcome."""
    long, issues = space.long, space.shape.size
    home = space.row_of[first_ref]
    column = pool.column[v, space.long_of[first_ref]]
    margin = pool.approx_margin[v]
    b1, b2, bu, bn = np.inf, np.inf, 0.0, -1
    for k in range(space.rows):
        if space.ordered:
            row = space.row_order[home, k]
            if space.row_rest[home, k] > b1 + SLACK:
                break
        else:
            row = home if k == 0 else (k - 1 if k <= home else k)
            if bn >= 0:
                rest = 0.0
                for p in range(issues):
                    if p != long:
                        rest += distance(space, p, space.other[p, row], space.other[p, home])
                if rest > b1 + SLACK:
                    continue
        if not _row_allowed(space, row, allowed, masked):
            continue
        rest = pool.approx_rest[v, row]
        if rest + pool.approx_long[v, first] - margin > high:
            continue  # without reading the row: its utilities in [first, last) lie above …
        if rest + pool.approx_long[v, last - 1] + margin < low:
            continue  # … or below the band
        values = pool.row_utilities[v, row]
        if values[first] > high or values[last - 1] < low:
            continue  # rows are non-decreasing: no column of [first, last) in the band
        lo = max(_left(values, low), first)
        hi = min(_right(values, high), last)
        if hi <= lo:
            continue
        col = min(max(lo, column), hi - 1)
        r1 = round12(_row_distance(space, pool, v, row, col, first_ref))
        if bn >= 0 and r1 > b1:
            continue
        n = pool.row_outcomes[v, row, col]
        r2 = 0.0
        if second_ref >= 0:
            r2 = round12(_row_distance(space, pool, v, row, col, second_ref))
        if _better(r1, r2, values[col], n, b1, b2, bu, bn):
            b1, b2, bu, bn = r1, r2, values[col], n
    return bn


@compiled
def _run(values: np.ndarray, flat: np.ndarray, j: int, step: int, end: int, target: float) -> int:
    """Lowest index among columns j, j + step, … (before `end`) at column j's |u − target|."""
    gap = abs(values[j] - target)
    pick = flat[j]
    j += step
    while j != end and abs(values[j] - target) == gap:
        pick = min(pick, flat[j])
        j += step
    return int(pick)


@compiled
def _nearest_rows(
    space: SpaceArrays, pool: Pool, v: int, target: float, first: int, last: int,
    allowed: np.ndarray,
) -> int:  # fmt: skip
    """`_nearest` among the allowed outcomes (rows × columns [first, last)), row by row: in a
    non-decreasing row |u − target| never decreases away from target, so each row's nearest are
    a run of columns beside it. A first pass bounds each row's gap from the additive parts
    (`approx_*`, within `approx_margin`), the second reads only the rows that may be nearest."""
    margin = pool.approx_margin[v]
    bound = np.inf  # the least gap of some row is at most this
    for row in range(space.rows):
        if _row_allowed(space, row, allowed, True):
            estimate = _gap_estimate(pool, v, row, target, first, last)
            if estimate >= margin:  # target surely beyond the row's end: gap ≤ estimate + margin
                bound = min(bound, estimate + margin)
    best, pick = np.inf, -1
    for row in range(space.rows):
        if not _row_allowed(space, row, allowed, True):
            continue
        if _gap_estimate(pool, v, row, target, first, last) - margin > bound:
            continue
        values = pool.row_utilities[v, row]
        flat = pool.row_outcomes[v, row]
        at = min(max(_left(values, target), first), last)
        for j, step, end in ((at, 1, last), (at - 1, -1, first - 1)):
            if j < first or j >= last:
                continue
            gap = abs(values[j] - target)
            if gap < best or (gap == best and pick >= 0):
                n = _run(values, flat, j, step, end, target)
                if gap < best or n < pick:
                    best, pick = gap, n
    return pick


@compiled
def _gap_estimate(pool: Pool, v: int, row: int, target: float, first: int, last: int) -> float:
    """The additive parts' estimate of a row's least |u − target| over [first, last)."""
    rest = pool.approx_rest[v, row]
    low = rest + pool.approx_long[v, first]
    high = rest + pool.approx_long[v, last - 1]
    return float(max(low - target, target - high, 0.0))


@compiled
def _end(parts: np.ndarray, allowed: np.ndarray, p: int, size: int, top: bool) -> float:
    """Issue p's highest (`top`) or lowest allowed part."""
    end = -np.inf if top else np.inf
    for g in range(size):
        if allowed[p, g]:
            end = max(end, parts[p, g]) if top else min(end, parts[p, g])
    return float(end)


@compiled
def _next(
    parts: np.ndarray, allowed: np.ndarray, p: int, size: int, g: int, top: bool, window: float
) -> int:
    """Issue p's next allowed value after g whose part lies within `window` of its highest
    (lowest) allowed part (−1: none)."""
    end = _end(parts, allowed, p, size, top)
    for h in range(g + 1, size):
        if allowed[p, h] and abs(parts[p, h] - end) <= window:
            return h
    return -1


@compiled
def _extreme(
    space: SpaceArrays, pool: Pool, v: int, target: float, allowed: np.ndarray, top: bool,
    window: float,
) -> int:  # fmt: skip
    """`_nearest` when `target` lies above (`top`) or below every allowed utility: the nearest
    are the allowed outcomes of highest (lowest) utility, or within a rounding of |u − target|
    of it (≪ `window`); their exact sums of parts lie within `window` of the top (bottom) one,
    so each part within `window` of its issue's highest (lowest) allowed part. Only that
    product of values is read (every allowed one when all parts tie), by increasing index."""
    issues = space.shape.size
    shape = space.shape
    parts = pool.parts[v]
    u = pool.utilities[v]
    n = 0
    for p in range(issues):
        n = n * shape[p] + _next(parts, allowed, p, shape[p], -1, top, window)
    best, pick = np.inf, -1
    while True:
        gap = abs(u[n] - target)
        if gap < best:  # the first at the least gap has the lowest index
            best, pick = gap, n
        stride = 1  # advance the last issue that has a next candidate, reset those after it
        p = issues - 1
        while p >= 0:
            g = n // stride % shape[p]
            h = _next(parts, allowed, p, shape[p], g, top, window)
            if h >= 0:
                n += (h - g) * stride
                break
            stride *= shape[p]
            p -= 1
        if p < 0:
            return pick
        stride = 1
        for q in range(issues - 1, p, -1):
            g = n // stride % shape[q]
            n += (_next(parts, allowed, q, shape[q], -1, top, window) - g) * stride
            stride *= shape[q]


@compiled
def choose(
    space: SpaceArrays, pool: Pool, v: int, target: float, own: int, opp: int,
    allowed: np.ndarray, has_allowed: bool,
) -> int:  # fmt: skip
    """`bidding.choose_index` for valuation v of the pool at a finite `target`: own / opp are
    flat indices of the own and the opponent's last offer (−1: none); with `has_allowed`,
    allowed[i, g] says whether grid value g of issue i is allowed (padding is never read)."""
    low, high = target - 1e-12, target + BAND
    issues = space.shape.size
    masked = has_allowed
    if has_allowed:
        masked = False
        top, bottom = 0.0, 0.0  # Σ per issue of the highest / lowest allowed part
        for p in range(issues):
            some = False
            most, least = -np.inf, np.inf
            for g in range(space.shape[p]):
                if allowed[p, g]:
                    some = True
                    most = max(most, pool.parts[v, p, g])
                    least = min(least, pool.parts[v, p, g])
                else:
                    masked = True
            if not some:  # nothing allowed: bidding ignores the mask
                return _nearest(pool, v, target, allowed, False)
            top += most
            bottom += least
        # utilities sum the parts in this order and float addition is monotone: every allowed
        # utility lies in [bottom, top], and top and bottom are allowed utilities
        window = 1e-9 * (1.0 + pool.scale[v] + abs(target))
        if masked and low > top:
            return _extreme(space, pool, v, target, allowed, True, window)
        if masked and high < bottom:
            return _extreme(space, pool, v, target, allowed, False, window)
    u = pool.utilities[v]
    if own >= 0 and space.distinct and low <= u[own] <= high:
        ok = True
        if masked:
            for p in range(issues):
                if not allowed[p, space.positions[p, own]]:
                    ok = False
                    break
        if ok:
            return own  # the only outcome at own distance 0
    values = pool.sorted_utilities[v]
    first = own if own >= 0 else opp
    second = opp if own >= 0 else -1
    if first < 0:
        return _highest(pool, v, _left(values, low), _right(values, high), target, allowed,
                        masked)  # fmt: skip
    if pool.orientation[v] != 0 and space.safe:
        first_column, last_column = 0, space.length
        if masked:
            first_column, last_column = _columns(space, pool, v, allowed)
        if first_column >= 0:
            found = _decomposed(space, pool, v, low, high, first, second, first_column,
                                last_column, allowed, masked)  # fmt: skip
            if found >= 0:
                return int(found)
            if not masked:
                return _nearest(pool, v, target, allowed, False)
            return _nearest_rows(space, pool, v, target, first_column, last_column, allowed)
    return _scan(space, pool, v, _left(values, low), _right(values, high), target, first,
                 second, allowed, masked)  # fmt: skip
