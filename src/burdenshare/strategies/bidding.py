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

import numpy as np

from burdenshare.model import Offer, OutcomeSpace
from burdenshare.model.issues import NUMERIC_ISSUES, ScopeIssue
from burdenshare.strategies.view import NegotiatorView

BAND = 0.02
"""Width of the utility band above the target in which trade-offs are searched."""


def issue_distances(space: OutcomeSpace, reference: Offer) -> tuple[np.ndarray, ...]:
    """Per issue, the distance in [0, 1] from every grid value to `reference`'s value.

    Numeric: |x − y| / range; scope: categories that differ / number of categories;
    choice: 0 if the same option, else 1. (Fixed scope categories never differ.)
    """
    out = []
    for position, issue in enumerate(space.issues):
        target = reference[issue.name]
        if isinstance(issue, NUMERIC_ISSUES):
            grid = np.asarray(space.grids[position], dtype=float)
            span = issue.high - issue.low
            assert isinstance(target, int | float)
            out.append(np.abs(grid - float(target)) / (span if span > 0 else 1.0))
        elif isinstance(issue, ScopeIssue) and isinstance(target, frozenset):
            k = max(len(issue.names) - len(issue.fixed), 1)
            out.append(np.array([len(v ^ target) / k for v in issue.values()]))
        else:
            out.append(np.array([0.0 if v == target else 1.0 for v in issue.values()]))
    return tuple(out)


def _distance(space: OutcomeSpace, candidates: np.ndarray, reference: Offer) -> np.ndarray:
    """Summed per-issue distance from each candidate outcome to `reference`."""
    per_issue = issue_distances(space, reference)
    idx = np.unravel_index(candidates, space.shape)
    distance = np.zeros(candidates.size)
    for position, table in enumerate(per_issue):
        distance += table[idx[position]]
    return distance


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
    """
    band = (utilities >= target - 1e-12) & (utilities <= target + BAND)
    if allowed is not None:
        band &= allowed
    in_band = np.flatnonzero(band)
    if in_band.size == 0:
        gap = np.abs(utilities - target)
        if allowed is not None and allowed.any():
            gap = np.where(allowed, gap, np.inf)
        return int(np.argmin(gap))
    zeros = np.zeros(in_band.size)
    own = _distance(space, in_band, own_last) if own_last is not None else zeros
    other = _distance(space, in_band, opponent_last) if opponent_last is not None else zeros
    # np.lexsort sorts by the last key first: own distance, then opponent distance, then
    # higher utility, then index (a stable sort keeps index order).
    order = np.lexsort((-utilities[in_band], np.round(other, 12), np.round(own, 12)))
    return int(in_band[order[0]])


def offer_at(view: NegotiatorView, target: float, allowed: np.ndarray | None = None) -> Offer:
    """The offer the kernel picks for `view`'s party at `target` utility (within `allowed`)."""
    own = view.own_offers()
    opponents = view.opponent_offers()
    index = choose_index(
        view.space,
        view.utilities(),
        target,
        own[-1].offer if own else None,
        opponents[-1].offer if opponents else None,
        allowed,
    )
    return view.space.offer_at(index)
