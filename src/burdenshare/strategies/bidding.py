"""The offer kernel: from a target utility to a concrete offer, stated once in plain Python.

Among the outcomes whose own utility lies in [target − 1e-12, target + BAND] (and that a mask,
if any, allows), choose the one nearest to the party's own previous offer, so that positions
move smoothly rather than jump across the space; among equally near ones, the one most similar
to the opponent's last offer (the similarity criterion of Faratin, Sierra & Jennings 2002,
"Using similarity criteria to make issue trade-offs in automated negotiations"); then the
higher own utility; then the lower outcome index. Distances are summed issue by issue from 0.0
and rounded to 12 decimals (as `np.round` rounds); a missing offer puts every outcome at
distance 0. When no outcome lies in the band (or the mask allows nothing), the outcome whose
utility is nearest the target, lowest index on ties (among the allowed ones, unless none is).
These tie rules are burdenshare's own, stated here so that every engine can follow them
exactly: the compiled kernel (`engine/jit_kernel.py`) is tested equal to this one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
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


def choose_index(
    space: OutcomeSpace,
    table: UtilityTable,
    target: float,
    own_last: Offer | None,
    opponent_last: Offer | None,
    allowed: np.ndarray | None = None,
) -> int:
    """Flat index of the outcome the kernel picks for `target` among `table`'s utilities (see
    the module docstring); `allowed`, a flat boolean mask, restricts the choice (e.g. to what
    own ratifiers accept)."""
    if allowed is not None and not allowed.any():
        return _nearest(table, target, None)
    ascending = table.ascending  # sorted: the band is a slice of `order`, found by bisection
    low, high = target - 1e-12, target + BAND
    band = table.order[bisect_left(ascending, low) : bisect_right(ascending, high)]
    if target != target:  # NaN: no utility lies within a NaN band (bisection would take all)
        band = band[:0]
    candidates = band if allowed is None else [i for i in band if allowed[i]]
    if not candidates:
        return _nearest(table, target, allowed)
    # the rule, key by key: the least distance to the own last offer; among those, the least
    # distance to the opponent's last offer; then the highest utility; then the lowest index
    for reference in (own_last, opponent_last):
        if reference is not None and len(candidates) > 1:
            candidates = _nearest_to(space, reference, candidates)
    # candidates keep `order`'s order (ascending utility, ties by index): the highest utility
    # is the last one's; walking back over its ties reaches the lowest index
    values = table.values
    first = len(candidates) - 1
    while first > 0 and values[candidates[first - 1]] == values[candidates[-1]]:
        first -= 1
    return candidates[first]


def _nearest_to(space: OutcomeSpace, reference: Offer, candidates: Sequence[int]) -> list[int]:
    """The candidates (in their order) at the least distance to `reference`: each distance
    summed issue by issue from 0.0 and rounded as `np.round(d, 12)` rounds, rint(d · 1e12) /
    1e12; a NaN distance (a NaN value of an off-grid reference: every outcome's distance is then
    NaN) counts as infinite, after every number, as numpy's sorts put NaN. Over many candidates
    the same additions run element-wise in numpy (IEEE addition and rint: the same numbers)."""
    steps = _issue_steps(space, reference)
    if len(candidates) > MANY:
        outcomes = np.asarray(candidates, dtype=np.int64)
        total = np.zeros(len(outcomes))
        for _, table, stride, size in steps:
            total += table[outcomes // stride % size]
        with np.errstate(over="ignore", invalid="ignore"):
            many = total * 1e12
            rounded = np.where(np.isfinite(many), np.rint(many) / 1e12, inf)
        return outcomes[rounded == rounded.min()].tolist()  # type: ignore[no-any-return]
    nearest: list[int] = []  # the candidates at the least distance so far, in their order
    least = inf
    for index in candidates:
        d = 0.0
        for values, _, stride, size in steps:
            d += values[index // stride % size]
        scaled = d * 1e12
        d = round(scaled) / 1e12 if isfinite(scaled) else inf
        if d < least:
            least, nearest = d, [index]
        elif d == least:
            nearest.append(index)
    return nearest


MANY = 32
"""From this many candidates on, distances are summed in numpy rather than one by one."""

_Steps = tuple[tuple[tuple[float, ...], np.ndarray, int, int], ...]


def _issue_steps(space: OutcomeSpace, reference: Offer) -> _Steps:
    """Per issue: `issue_distances` as Python floats and as numpy, and the stride and size that
    find an outcome's grid index in it (as `np.unravel_index`). Computed once per reference and
    kept on the space, found by the reference's identity (the engine passes the same offers)."""
    kept: dict[int, tuple[Offer, _Steps]] = space.memo("bidding.issue_steps", dict)
    found = kept.get(id(reference))
    if found is not None and found[0] is reference:
        return found[1]
    if len(kept) >= 1 << 10:  # bounds a long-lived space's memory
        kept.clear()
    steps = []
    stride = space.size
    for table, size in zip(issue_distances(space, reference), space.shape, strict=True):
        stride //= size
        steps.append((tuple(table.tolist()), np.asarray(table, dtype=float), stride, size))
    kept[id(reference)] = (reference, tuple(steps))
    return tuple(steps)


def _nearest(table: UtilityTable, target: float, allowed: np.ndarray | None) -> int:
    """The lowest index among the (allowed) outcomes whose |u − target| is least, as
    `np.argmin` picks it: a NaN gap (from a NaN utility or target) counts as least."""

    def ok(index: int) -> bool:
        return allowed is None or bool(allowed[index])

    order, ascending = table.order, table.ascending
    if target != target:  # every gap NaN
        return next(i for i in range(len(order)) if ok(i))
    nearest = [(-inf, i) for i in order[len(ascending) :] if ok(i)]  # NaN utilities
    # walking away from `target` in utility order, |u − target| never decreases (rounding is
    # monotone): the nearest are the first allowed on either side, with their ties
    at = bisect_left(ascending, target)
    for side in (range(at - 1, -1, -1), range(at, len(ascending))):
        least = None
        for k in side:
            gap = _gap(ascending[k], target)
            if least is not None and gap != least:
                break
            if ok(order[k]):
                least = gap
                nearest.append((gap, order[k]))
    return min(nearest)[1]


def _gap(utility: float, target: float) -> float:
    """|utility − target|; NaN (both infinite, of one sign) as −inf, as a NaN utility's gap:
    `np.argmin` counts NaN as least."""
    gap = abs(utility - target)
    return gap if gap == gap else -inf


def offer_at(view: NegotiatorView, target: float, allowed: np.ndarray | None = None) -> Offer:
    """The offer the kernel picks for `view`'s party at `target` utility (within `allowed`)."""
    own: Offer | None = None
    opponent: Offer | None = None
    party = view.party
    for record in reversed(view.history):  # the latest own and opponent offers, in one pass
        if record.party != party:
            if opponent is None:
                opponent = record.offer
        elif own is None:
            own = record.offer
        if own is not None and opponent is not None:
            break
    space = view.space
    table = view.valuation.table(space)
    return space.offer_at(choose_index(space, table, target, own, opponent, allowed))
