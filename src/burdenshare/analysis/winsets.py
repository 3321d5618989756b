"""Two-level win-sets (Putnam 1988, "Diplomacy and Domestic Politics", IO 42(3):427–460).

A side's win-set is the set of Level-I agreements all its Level-II ratifiers accept; an
agreement needs the win-sets to overlap. Acceptance is `Ratifier.vote` evaluated for every
outcome at once (same limits, same tolerances), with the ratifiers in office on a given day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from burdenshare.model import Limit, OutcomeSpace, Ratifier, Scenario


def _limit_mask(space: OutcomeSpace, limit: Limit, status_quo: object) -> np.ndarray:
    """Per grid value of the limited issue, whether the limit holds (as `Limit.violation`)."""
    position = space.names.index(limit.issue)
    issue = space.issues[position]
    if issue.numeric:
        x = space.numeric_grid(position)
        ok = np.ones(x.size, dtype=bool)
        if limit.min is not None:
            ok &= x >= limit.min - 1e-9
        if limit.max is not None:
            ok &= x <= limit.max + 1e-9
        if isinstance(status_quo, int | float) and status_quo != 0:
            change = 100.0 * (x / float(status_quo) - 1.0)
            if limit.min_change_pct is not None:
                ok &= change >= limit.min_change_pct - 1e-9
            if limit.max_change_pct is not None:
                ok &= change <= limit.max_change_pct + 1e-9
        return ok
    values = space.grids[position]
    return np.array(
        [
            not isinstance(v, frozenset)
            or (all(c in v for c in limit.requires) and not any(c in v for c in limit.excludes))
            for v in values
        ],
        dtype=bool,
    )


def acceptance(scenario: Scenario, ratifier: Ratifier) -> np.ndarray:
    """Flat boolean mask: which outcomes `ratifier` accepts (the vectorised `Ratifier.vote`)."""
    space = scenario.space
    mask = np.ones(space.shape, dtype=bool)
    for limit in ratifier.limits:
        position = space.names.index(limit.issue)
        shape = [1] * len(space.shape)
        shape[position] = space.shape[position]
        sq = scenario.status_quo.terms.get(limit.issue)
        mask = mask & _limit_mask(space, limit, sq).reshape(shape)
    flat = mask.ravel()
    if ratifier.min_utility is not None:
        valuation = ratifier.valuation or scenario.party(ratifier.party).valuation
        flat = flat & (valuation.utilities(space) >= ratifier.min_utility - 1e-12)
    return flat


@dataclass(frozen=True)
class WinSets:
    """Per side: its ratifiers and win-set size; the overlap; whether the Nash point is in it."""

    day: dt.date
    sides: tuple[tuple[str, tuple[str, ...], int], ...]
    overlap: int
    outcome_count: int
    nash_ratifiable: bool | None
    nash_vetoed_by: tuple[str, ...]
    best_in_overlap: int | None
    masks: tuple[np.ndarray, ...]
    overlap_mask: np.ndarray


def in_office(scenario: Scenario, day: dt.date) -> tuple[Ratifier, ...]:
    """The ratifiers with a say on `day`."""
    return tuple(r for r in scenario.ratifiers if r.in_office(day))


def winsets(
    scenario: Scenario,
    day: dt.date,
    nash_index: int | None,
    disagreement: Sequence[float],
) -> WinSets | None:
    """Win-sets of every side on `day`; None when the scenario has no ratifier in office.

    `best_in_overlap` is the outcome in the overlap with the largest Nash product
    Π(u_i − d_i) (the ratifiable Nash point), or None if the overlap is empty.
    """
    ratifiers = in_office(scenario, day)
    if not ratifiers:
        return None
    space = scenario.space
    sides = []
    masks = []
    overlap = np.ones(space.size, dtype=bool)
    vetoes: list[str] = []
    for party in scenario.parties:
        own = [r for r in ratifiers if r.party == party.name]
        mask = np.ones(space.size, dtype=bool)
        for ratifier in own:
            accepted = acceptance(scenario, ratifier)
            if nash_index is not None and not accepted[nash_index]:
                vetoes.append(ratifier.display)
            mask &= accepted
        overlap &= mask
        masks.append(mask)
        sides.append((party.name, tuple(r.display for r in own), int(mask.sum())))
    best = None
    if overlap.any():
        gains = np.column_stack([p.valuation.utilities(space) for p in scenario.parties])
        gains = gains - np.asarray(disagreement, dtype=float)
        product = np.where(np.all(gains > 0, axis=1), np.prod(gains, axis=1), -np.inf)
        product = np.where(overlap, product, -np.inf)
        if np.isfinite(product.max()):
            best = int(np.argmax(product))
    ratifiable = None if nash_index is None else bool(overlap[nash_index])
    return WinSets(
        day,
        tuple(sides),
        int(overlap.sum()),
        space.size,
        ratifiable,
        tuple(vetoes),
        best,
        tuple(masks),
        overlap,
    )


@dataclass(frozen=True)
class OverlapPoint:
    """One point of a --vary curve: the varied value, each side's win-set size and the overlap."""

    value: float
    sizes: tuple[int, ...]
    overlap: int
    nash_ratifiable: bool | None


def overlap_curve(
    runs: Sequence[tuple[float, Scenario]],
    day: dt.date,
    disagreement: Sequence[float],
    nash_index: int | None,
) -> tuple[OverlapPoint, ...]:
    """How the overlap changes as one ratifier limit moves: one scenario per value."""
    out = []
    for value, scenario in runs:
        found = winsets(scenario, day, nash_index, disagreement)
        if found is None:
            out.append(OverlapPoint(value, (), scenario.space.size, None))
            continue
        out.append(
            OverlapPoint(
                value, tuple(s[2] for s in found.sides), found.overlap, found.nash_ratifiable
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class MeetingOverlap:
    """The win-sets on one meeting's date: who is in office, each side's size, the overlap."""

    day: dt.date
    meeting: int
    label: str
    place: str
    ratifiers: tuple[str, ...]
    sizes: tuple[int, ...]
    overlap: int
    nash_ratifiable: bool | None


def overlap_over_time(scenario: Scenario, nash_index: int | None) -> tuple[MeetingOverlap, ...]:
    """The win-sets at every meeting of the calendar, with the ratifiers in office on its first
    day (each ratifier's acceptance computed once: it does not depend on the date)."""
    space = scenario.space
    accepted = {id(r): acceptance(scenario, r) for r in scenario.ratifiers}
    out = []
    for k, meeting in enumerate(scenario.calendar.meetings):
        ratifiers = in_office(scenario, meeting.date)
        overlap = np.ones(space.size, dtype=bool)
        sizes = []
        for party in scenario.parties:
            mask = np.ones(space.size, dtype=bool)
            for ratifier in ratifiers:
                if ratifier.party == party.name:
                    mask &= accepted[id(ratifier)]
            overlap &= mask
            sizes.append(int(mask.sum()))
        out.append(
            MeetingOverlap(
                meeting.date,
                k,
                meeting.label,
                meeting.place,
                tuple(r.display for r in ratifiers),
                tuple(sizes),
                int(overlap.sum()),
                None if nash_index is None else bool(overlap[nash_index]),
            )
        )
    return tuple(out)
