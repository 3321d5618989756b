"""How much room a scenario leaves the strategies of a tournament, and notes saying so.

A strategy can only matter at a meeting where some deal is worth at least every party's
reservation value that day and passes every ratifier in office (the ratifiable zone of
possible agreement, Putnam's 1988 win-set). If the first such meeting comes after every
party's own deadline, the time-dependent family (Faratin et al. 1998) has t = 1 there and
targets its reservation value whatever its e: boulware, linear and conceder play alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from burdenshare.model import Scenario
from burdenshare.model.rules import TOLERANCE


def _masks(scenario: Scenario) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Each party's utility of every outcome, and each ratifier's mask of the outcomes it
    accepts (limits and minimum utility, as `Ratifier.vote` decides), computed once."""
    from burdenshare.model.ratifiers import limits_mask

    space = scenario.space
    utilities = [p.valuation.utilities(space) for p in scenario.parties]
    accepted = []
    for r in scenario.ratifiers:
        mask = np.ones(utilities[0].shape, dtype=bool)
        if r.limits:
            mask &= limits_mask(space, r.limits, scenario.status_quo.terms)
        if r.min_utility is not None:
            valuation = r.valuation or scenario.party(r.party).valuation
            mask &= ~(valuation.utilities(space) < r.min_utility - TOLERANCE)
        accepted.append(mask)
    return utilities, accepted


def first_open(scenario: Scenario) -> int | None:
    """The first meeting with an outcome worth at least every party's reservation value on its
    first day and accepted by every ratifier in office then (None: no such meeting)."""
    utilities, accepted = _masks(scenario)
    for m, meeting in enumerate(scenario.calendar.meetings):
        day = meeting.date
        mask = np.ones(utilities[0].shape, dtype=bool)
        for p, u in zip(scenario.parties, utilities, strict=True):
            mask &= u >= scenario.reservation(p.name, day) - TOLERANCE
        for r, ok in zip(scenario.ratifiers, accepted, strict=True):
            if r.in_office(day):
                mask &= ok
        if mask.any():
            return m
    return None


def scenario_notes(scenario: Scenario) -> list[str]:
    """Why the strategies may have little room on `scenario` (empty when they have it)."""
    meetings = scenario.calendar.meetings
    first = first_open(scenario)
    name = scenario.name
    if first is None:
        return [
            f"{name}: at no meeting is any deal worth every party's reservation value and "
            "accepted by every ratifier in office: no strategy can reach an agreement"
        ]
    notes = []
    if first > 0:
        notes.append(
            f"{name}: no deal is worth every party's reservation value and accepted by every "
            f"ratifier in office before meeting {first} ({meetings[first].date}): "
            "every earlier tentative deal is refused or vetoed, whatever the strategies"
        )
    day = meetings[first].date
    clocks = [
        scenario.calendar.time_fraction(day, 0.0, p.deadline) if p.deadline else None
        for p in scenario.parties
    ]
    if all(t is not None and t >= 1.0 for t in clocks):
        notes.append(
            f"{name}: by then every party is past its own deadline (t = 1): a time-dependent "
            "strategy targets its reservation value whatever its e, so boulware, linear and "
            "conceder play alike"
        )
    return notes


def alike(rows: Sequence[dict[str, Any]]) -> list[tuple[str, ...]]:
    """Groups of two or more strategies whose every match ended alike: the same agreement
    (or none) and the same own utility in the same seat against the same opponents."""
    seen: dict[str, list[tuple[Any, ...]]] = {}
    for r in sorted(rows, key=lambda r: (r["scenario"], r["role"], r["opponents"], r["match"])):
        seen.setdefault(r["strategy"], []).append(
            (r["scenario"], r["role"], r["opponents"], r["agreement"], round(r["utility"], 9))
        )
    groups: dict[tuple[tuple[Any, ...], ...], list[str]] = {}
    for strategy, outcomes in seen.items():
        groups.setdefault(tuple(outcomes), []).append(strategy)
    return [tuple(sorted(g)) for g in groups.values() if len(g) > 1]


def notes(scenarios: Sequence[Scenario], rows: Sequence[dict[str, Any]]) -> list[str]:
    """Notes for a tournament's output: strategies that ended every match alike, and why the
    scenarios left them no room (`scenario_notes`), when they did."""
    from burdenshare.strategies import build

    groups = alike(rows)
    out = []
    for g in groups:
        built = {name: build(name) for name in g}
        same = [
            f"{b} is {a} at its defaults"
            for i, a in enumerate(g)
            for b in g[i + 1 :]
            if built[a] == built[b]
        ]
        said = f" ({'; '.join(same)})" if same else ""
        out.append(f"{', '.join(g)} ended every match alike (same deal or none){said}")
    if groups or any(r["agreement"] == 0.0 for r in rows):
        for scenario in scenarios:
            out.extend(scenario_notes(scenario))
    failed = {r["match"] for r in rows if r["agreement"] == 0.0}
    vetoed = {r["match"] for r in rows if r["agreement"] == 0.0 and r["vetoes"] > 0}
    if failed:
        out.append(
            f"{len(vetoed):,} of {len(failed):,} matches without agreement saw a ratifier veto a "
            "deal the negotiators had accepted (of the built-in strategies only "
            "ratification-aware learns from a veto)"
        )
    return out
