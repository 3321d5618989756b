"""Ratifiers: domestic veto players who must accept a tentative deal (Putnam's two-level game).

A ratifier accepts when every hard limit on the terms holds and, if it has a minimum utility,
the deal reaches it under the ratifier's own valuation (or its party's when it has none).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from burdenshare.model.offers import Offer
from burdenshare.model.rules import (
    ABOVE_MAX,
    BELOW_MIN,
    CHANGE_BELOW,
    HOLDS,
    change_pct,
    meets_minimum,
    numeric_limit,
)
from burdenshare.model.space import OutcomeSpace
from burdenshare.model.valuation import Valuation


@dataclass(frozen=True)
class Limit:
    """A hard limit on one issue: bounds, bounds on the change from the status quo, categories."""

    issue: str
    min: float | None = None
    max: float | None = None
    min_change_pct: float | None = None
    max_change_pct: float | None = None
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    source: str = ""

    def violation(self, offer: Offer, status_quo: Offer) -> str | None:
        """Why `offer` breaks this limit, or None when it holds."""
        value = offer[self.issue]
        if isinstance(value, frozenset):
            missing = [c for c in self.requires if c not in value]
            if missing:
                return f"{self.issue} must include {', '.join(missing)}"
            extra = [c for c in self.excludes if c in value]
            if extra:
                return f"{self.issue} must not include {', '.join(extra)}"
            return None
        if not isinstance(value, int | float):  # an option or a split: no numeric bound
            return None
        base = self.base(status_quo)
        low, high, low_pct, high_pct = self.bounds()
        found = numeric_limit(value, low, high, base, low_pct, high_pct)
        if found == HOLDS:
            return None
        if found == BELOW_MIN:
            return f"{self.issue} {value:g} below minimum {self.min:g}"
        if found == ABOVE_MAX:
            return f"{self.issue} {value:g} above maximum {self.max:g}"
        change = change_pct(value, base)
        if found == CHANGE_BELOW:
            return f"{self.issue} change {change:+.1f} % below {self.min_change_pct:+g} %"
        return f"{self.issue} change {change:+.1f} % above {self.max_change_pct:+g} %"

    def base(self, status_quo: Offer) -> float:
        """The status quo's value the % change is measured from (NaN: none, or zero)."""
        base = status_quo.get(self.issue)
        if isinstance(base, int | float) and base != 0:
            return float(base)
        return float("nan")

    def bounds(self) -> tuple[float, float, float, float]:
        """Min, max, min and max % change as `rules.numeric_limit` takes them (NaN: unset)."""
        nan = float("nan")
        return (
            nan if self.min is None else float(self.min),
            nan if self.max is None else float(self.max),
            nan if self.min_change_pct is None else float(self.min_change_pct),
            nan if self.max_change_pct is None else float(self.max_change_pct),
        )


def limits_mask(space: OutcomeSpace, limits: tuple[Limit, ...], status_quo: Offer) -> np.ndarray:
    """Flat boolean mask of the outcomes that satisfy every limit (vectorised per issue)."""
    per_issue = [np.ones(n, dtype=bool) for n in space.shape]
    for limit in limits:
        position = space.names.index(limit.issue)
        for j, value in enumerate(space.grids[position]):
            probe = Offer(((limit.issue, value),))
            base = Offer(((limit.issue, status_quo[limit.issue]),))
            if limit.violation(probe, base) is not None:
                per_issue[position][j] = False
    mask = np.ones(space.shape, dtype=bool)
    for position, allowed in enumerate(per_issue):
        shape = [1] * len(per_issue)
        shape[position] = len(allowed)
        mask = mask & allowed.reshape(shape)
    return mask.ravel()


@dataclass(frozen=True)
class Vote:
    """A ratifier's vote on a tentative deal, with the reason for a veto."""

    ratifier: str
    party: str
    accept: bool
    reason: str = ""
    utility: float | None = None


@dataclass(frozen=True)
class Ratifier:
    """A domestic veto player of `party`, in office between `start` and `end` (inclusive)."""

    name: str
    party: str
    limits: tuple[Limit, ...] = ()
    min_utility: float | None = None
    valuation: Valuation | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    label: str = ""
    rationale: str = ""
    source: str = ""

    def in_office(self, day: dt.date) -> bool:
        """Whether the ratifier has a say on `day`."""
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def vote(
        self,
        space: OutcomeSpace,
        offer: Offer,
        status_quo: Offer,
        party_valuation: Valuation,
    ) -> Vote:
        """Accept iff every limit holds and the minimum utility (if any) is reached."""
        for limit in self.limits:
            reason = limit.violation(offer, status_quo)
            if reason is not None:
                return Vote(self.name, self.party, False, reason)
        if self.min_utility is None:
            return Vote(self.name, self.party, True)
        valuation = self.valuation or party_valuation
        utility = valuation.utility(space, offer)
        if not meets_minimum(utility, self.min_utility):
            return Vote(
                self.name,
                self.party,
                False,
                f"utility {utility:.3f} below required {self.min_utility:.3f}",
                utility,
            )
        return Vote(self.name, self.party, True, "", utility)

    @property
    def display(self) -> str:
        """Label if given, else name."""
        return self.label or self.name
