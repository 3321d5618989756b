"""The shared offer kernel: from a target utility to a concrete offer.

Among the outcomes whose own utility lies in [target, target + BAND], choose the one nearest to
the party's own previous offer, so that positions move smoothly rather than jump across the
space; among equally near ones, the one most similar to the opponent's last offer (the
similarity criterion of Faratin, Sierra & Jennings 2002, "Using similarity criteria to make
issue trade-offs in automated negotiations"); then the higher own utility; then the lower
outcome index. Before any own offer, the first criterion drops out: the outcome in the band most
similar to the opponent's last offer (if any), then the highest own utility. When no
outcome lies in the band, the outcome whose utility is nearest the target. These tie rules are
burdenshare's own, stated here so that every engine can follow them exactly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from math import inf, isfinite

import numpy as np

from burdenshare.model import Offer, OutcomeSpace
from burdenshare.model.valuation import UtilityTable
from burdenshare.strategies.view import NegotiatorView

BAND = 0.02
"""Width of the utility band above the target in which trade-offs are searched."""


def issue_distances(space: OutcomeSpace, reference: Offer) -> tuple[np.ndarray, ...]:
    """Per issue, the distance in [0, 1] from every grid value to `reference`'s value.

    Numeric: |x − y| / range; scope: categories that differ / number of categories;
    choice: 0 if the same option, else 1. (Fixed scope categories never differ.)
    """
    return tuple(issue.distances(reference[issue.name]) for issue in space.issues)


ROW_LIMIT = 1024
"""Spaces of up to this many outcomes measure a reference's distance to every outcome once (a
cached row of the space's distance table); larger ones measure it to the band's outcomes only."""


@lru_cache(maxsize=1 << 12)
def _issue_distances(space: OutcomeSpace, reference: Offer) -> tuple[np.ndarray, ...]:
    """`issue_distances`, read-only and cached: the kernel measures from the same few offers."""
    out = issue_distances(space, reference)
    for table in out:
        table.setflags(write=False)
    return out


def _distance(space: OutcomeSpace, candidates: np.ndarray, reference: Offer) -> np.ndarray:
    """Summed per-issue distance from each candidate outcome to `reference` (from zero, in
    issue order)."""
    per_issue = _issue_distances(space, reference)
    idx = np.unravel_index(candidates, space.shape)
    distance = np.zeros(candidates.size)
    for position, table in enumerate(per_issue):
        distance += table[idx[position]]
    return distance


@lru_cache(maxsize=1 << 10)
def _row(space: OutcomeSpace, reference: Offer) -> np.ndarray:
    """The rounded distance from every outcome of `space` to `reference`, in flat index order:
    the per-issue distances summed from zero in issue order by successive outer sums, as
    `_distance` sums them candidate by candidate."""
    flat = np.zeros(1)
    for table in _issue_distances(space, reference):
        flat = np.add.outer(flat, table).ravel()
    row = np.round(flat, 12)
    row.setflags(write=False)
    return row


def _rounded_distance(space: OutcomeSpace, candidates: np.ndarray, reference: Offer) -> np.ndarray:
    """round(distance, 12) from each candidate to `reference`: the same sums either way, taken
    from the cached row in a small space (see `ROW_LIMIT`)."""
    if space.size <= ROW_LIMIT:
        taken: np.ndarray = _row(space, reference)[candidates]
        return taken
    return np.round(_distance(space, candidates, reference), 12)


@lru_cache(maxsize=64)
def _distinct(space: OutcomeSpace) -> bool:
    """Whether any two different values of an issue are at least 1e-12 apart, so that every
    outcome but the own last offer is at a rounded distance > 0 from it."""
    shape = space.shape
    for g in range(max(shape)):
        index = np.ravel_multi_index(tuple(min(g, n - 1) for n in shape), shape)
        for p, column in enumerate(issue_distances(space, space.offer_at(int(index)))):
            if g < shape[p] and np.any(np.delete(column, g) < 1e-12):
                return False
    return True


def choose_index(
    space: OutcomeSpace,
    utilities: np.ndarray,
    target: float,
    own_last: Offer | None,
    opponent_last: Offer | None,
    allowed: np.ndarray | None = None,
) -> int:
    """Flat index of the outcome the kernel picks for `target` (see module docstring).

    `allowed`, a flat boolean mask, restricts the choice (e.g. to what own ratifiers accept).
    The own last offer, when still in the band and allowed, is the only outcome at rounded own
    distance 0 (when issue values are distinct), so it is picked without ranking the band.
    """
    if own_last is not None:
        own = space.index_of(own_last)
        if (
            target - 1e-12 <= utilities[own] <= target + BAND
            and space.offer_at(own) == own_last  # on the grid, not snapped to it
            and (allowed is None or allowed[own])
            and _distinct(space)
        ):
            return own
    band = (utilities >= target - 1e-12) & (utilities <= target + BAND)
    if allowed is not None:
        band &= allowed
    in_band = band.ravel().nonzero()[0]  # np.flatnonzero without its wrapper
    if in_band.size == 0:
        gap = np.abs(utilities - target)
        if allowed is not None and allowed.any():
            gap = np.where(allowed, gap, np.inf)
        return int(np.argmin(gap))
    if in_band.size == 1:
        return int(in_band[0])
    return _first_ranked(space, utilities, in_band, own_last, opponent_last)


def _first_ranked(
    space: OutcomeSpace,
    utilities: np.ndarray,
    in_band: np.ndarray,
    own_last: Offer | None,
    opponent_last: Offer | None,
) -> int:
    """The first of the band's outcomes `in_band` (flat indices, ascending, or in ascending
    utility with ties by index) by the kernel's ranking: own distance, opponent distance,
    higher utility, lower index.

    Key by key, only the outcomes tied on the keys before are measured (the first in
    lexicographic order, without sorting the band): usually the own distance alone decides.
    A missing reference gives a distance of zero to every candidate: a constant key, skipped.
    """
    candidates = in_band
    for reference in (own_last, opponent_last):
        if reference is not None and candidates.size > 1:
            distance = _rounded_distance(space, candidates, reference)
            least = distance.min()
            if least != least:  # NaN (an off-grid reference's value): as lexsort orders it
                return _first_sorted(space, utilities, in_band, own_last, opponent_last)
            candidates = candidates[distance == least]
    if candidates.size > 1:
        utility = utilities[candidates]
        candidates = candidates[utility == utility.max()]
    return int(candidates[0])


def _first_sorted(
    space: OutcomeSpace,
    utilities: np.ndarray,
    in_band: np.ndarray,
    own_last: Offer | None,
    opponent_last: Offer | None,
) -> int:
    """`_first_ranked` by sorting the whole band on every key."""
    # np.lexsort sorts by the last key first: own distance, then opponent distance, then
    # higher utility, then index (a stable sort keeps index order). A missing reference gives
    # a distance of zero to every candidate: a constant key, left out as it orders nothing.
    keys = [-utilities[in_band]]
    for reference in (opponent_last, own_last):
        if reference is not None:
            keys.append(_rounded_distance(space, in_band, reference))
    order = np.lexsort(keys)
    return int(in_band[order[0]])


class _SpaceMemo:
    """What the kernel's table paths derive from one space, kept on it (`OutcomeSpace.memo`):
    whether its issue values are distinct, and `_row` as Python floats for the references met
    (at most `ROW_LIMIT`)."""

    def __init__(self) -> None:
        self.distinct: bool | None = None
        self.rows: dict[Offer, tuple[float, ...]] = {}

    def is_distinct(self, space: OutcomeSpace) -> bool:
        """`_distinct(space)`, computed once."""
        if self.distinct is None:
            self.distinct = _distinct(space)
        return self.distinct

    def row(self, space: OutcomeSpace, reference: Offer) -> tuple[float, ...]:
        """The rounded distance from every outcome to `reference` (`_row`), as Python floats."""
        found = self.rows.get(reference)
        if found is None:
            if len(self.rows) >= ROW_LIMIT:
                self.rows.clear()
            found = self.rows[reference] = tuple(_row(space, reference).tolist())
        return found


def _nearest(
    ascending: Sequence[float] | np.ndarray,
    order: Sequence[int] | np.ndarray,
    at: int,
    target: float,
) -> int:
    """With no outcome in the band (which would start at sorted position `at`), the lowest
    flat index among the outcomes whose |u − target| is least, as numpy's argmin picks it.
    |u − target| rounds monotonically on each side of the band, so those outcomes sit next to
    it: the nearest utilities below and above, with their ties."""
    gap = min(
        target - ascending[at - 1] if at else inf,
        ascending[at] - target if at < len(ascending) else inf,
    )
    nearest = []
    j = at - 1
    while j >= 0 and abs(ascending[j] - target) == gap:
        nearest.append(int(order[j]))
        j -= 1
    j = at
    while j < len(ascending) and abs(ascending[j] - target) == gap:
        nearest.append(int(order[j]))
        j += 1
    return min(nearest)


def choose_in_table(
    space: OutcomeSpace,
    table: UtilityTable,
    target: float,
    own_last: Offer | None,
    opponent_last: Offer | None,
) -> int:
    """`choose_index(space, table.array, target, own_last, opponent_last)` on the table's
    sorted utilities: the band is a slice of the sorted order, found by two bisections rather
    than a pass over every outcome. In a space of at most `ROW_LIMIT` outcomes (when the table
    holds Python floats) the whole choice runs in pure Python, where a few numpy calls would
    cost more than it does. Falls back on `choose_index` while a larger table is not sorted
    yet (`UtilityTable.sorted`), when a utility or the target is not finite."""
    small = bool(table.order) and space.size <= ROW_LIMIT
    found = None if small else table.sorted()
    if not isfinite(target) or not (small or (found is not None and found[1].size)):
        return choose_index(space, table.array, target, own_last, opponent_last)
    low, high = target - 1e-12, target + BAND
    memo = space.memo("kernel", _SpaceMemo)
    if own_last is not None:
        own = space.index_of(own_last)
        if low <= (table.values[own] if small else table.array[own]) <= high:
            on_grid = space.offer_at(own)  # own_last itself, unless off the grid
            if (on_grid is own_last or on_grid == own_last) and memo.is_distinct(space):
                return own
    if found is not None:
        ascending, indices = found
        start = int(ascending.searchsorted(low, "left"))
        stop = int(ascending.searchsorted(high, "right"))
        if start >= stop:
            return _nearest(ascending, indices, start, target)
        # in utility order, ties by index, not index order: the ranking ends on higher
        # utility, then lower index, so either order ranks the same outcome first
        in_band = indices[start:stop]
        if in_band.size == 1:
            return int(in_band[0])
        return _first_ranked(space, table.array, in_band, own_last, opponent_last)
    start = bisect_left(table.ascending, low)
    stop = bisect_right(table.ascending, high, start)
    if stop - start == 1:
        return table.order[start]
    if start == stop:
        return _nearest(table.ascending, table.order, start, target)
    band, values = table.order[start:stop], table.values
    # own distance, opponent distance, higher utility, lower index (see the module docstring)
    if own_last is not None and opponent_last is not None:
        mine, theirs = memo.row(space, own_last), memo.row(space, opponent_last)
        return min(band, key=lambda i: (mine[i], theirs[i], -values[i], i))
    if own_last is not None or opponent_last is not None:
        reference = own_last if own_last is not None else opponent_last
        assert reference is not None
        row = memo.row(space, reference)
        return min(band, key=lambda i: (row[i], -values[i], i))
    return min(band, key=lambda i: (-values[i], i))


def offer_at(view: NegotiatorView, target: float, allowed: np.ndarray | None = None) -> Offer:
    """The offer the kernel picks for `view`'s party at `target` utility (within `allowed`)."""
    own: Offer | None = None
    opponent: Offer | None = None
    for record in reversed(view.history):  # the latest own and opponent offers, in one pass
        if record.party != view.party:
            if opponent is None:
                opponent = record.offer
        elif own is None:
            own = record.offer
        if own is not None and opponent is not None:
            break
    space = view.space
    table = view.valuation.table(space) if allowed is None else None
    if table is not None:
        return space.offer_at(choose_in_table(space, table, target, own, opponent))
    return space.offer_at(choose_index(space, view.utilities(), target, own, opponent, allowed))
