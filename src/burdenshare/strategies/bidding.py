"""The shared offer kernel: from a target utility to a concrete offer.

Among the outcomes whose own utility lies in [target, target + BAND], choose the one most
similar to the opponent's last offer (the similarity trade-off of Faratin, Sierra & Jennings
2002, "Using similarity criteria to make issue trade-offs in automated negotiations"); before
any opponent offer, the one of highest own utility. Ties go to the lower outcome index. When no
outcome lies in the band, the outcome whose utility is nearest the target is chosen.
"""

from __future__ import annotations

import numpy as np

from burdenshare.model import Offer, OutcomeSpace
from burdenshare.model.issues import NUMERIC_ISSUES
from burdenshare.strategies.view import NegotiatorView

BAND = 0.02
"""Width of the utility band above the target in which trade-offs are searched."""


def issue_distances(space: OutcomeSpace, reference: Offer) -> tuple[np.ndarray, ...]:
    """Per issue, the distance in [0, 1] from every grid value to `reference`'s value.

    Numeric: |x − y| / range; scope: categories that differ / number of categories;
    choice: 0 if the same option, else 1.
    """
    out = []
    for position, issue in enumerate(space.issues):
        target = reference[issue.name]
        if isinstance(issue, NUMERIC_ISSUES):
            grid = np.asarray(space.grids[position], dtype=float)
            span = issue.high - issue.low
            assert isinstance(target, int | float)
            out.append(np.abs(grid - float(target)) / (span if span > 0 else 1.0))
        elif isinstance(target, frozenset):
            k = max(len(issue.values()[-1]), 1)  # type: ignore[arg-type]
            out.append(np.array([len(v ^ target) / k for v in issue.values()]))  # type: ignore[operator]
        else:
            out.append(np.array([0.0 if v == target else 1.0 for v in issue.values()]))
    return tuple(out)


def choose_index(
    space: OutcomeSpace, utilities: np.ndarray, target: float, reference: Offer | None
) -> int:
    """Flat index of the outcome the kernel picks for `target` (see module docstring)."""
    in_band = np.flatnonzero((utilities >= target - 1e-12) & (utilities <= target + BAND))
    if in_band.size == 0:
        return int(np.argmin(np.abs(utilities - target)))
    if reference is None:
        best = utilities[in_band].max()
        return int(in_band[np.flatnonzero(utilities[in_band] >= best - 1e-12)[0]])
    per_issue = issue_distances(space, reference)
    idx = np.unravel_index(in_band, space.shape)
    distance = np.zeros(in_band.size)
    for position, table in enumerate(per_issue):
        distance += table[idx[position]]
    nearest = distance.min()
    ties = in_band[distance <= nearest + 1e-12]
    # Among equally similar outcomes, prefer the higher own utility, then the lower index.
    return int(ties[np.argmax(utilities[ties])])


def offer_at(view: NegotiatorView, target: float) -> Offer:
    """The offer the kernel picks for `view`'s party at `target` utility."""
    opponents = view.opponent_offers()
    reference = opponents[-1].offer if opponents else None
    index = choose_index(view.space, view.utilities(), target, reference)
    return view.space.offer_at(index)
