"""From a validated `[stakeholders]` document to a `StakeholderSet`, checking what spans fields.

Positions stay in real units (the dimension's range and unit); the forecast models scale them to
KTAB's 0-100 per dimension: y = 100 (x - low) / (high - low). Saliences are fractions in [0, 1]
summing to at most 1 per actor (KTAB's CSV percentages divided by 100).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from burdenshare.model.issues import is_numeric
from burdenshare.model.space import OutcomeSpace
from burdenshare.scenario.stakeholders_schema import StakeholdersDoc
from burdenshare.stakeholders.actors import MAX_ACTORS, MIN_ACTORS, Actor, Dimension, StakeholderSet

Loc = tuple[str | int, ...]
Located = list[tuple[Loc, str]]
ROOT: Loc = ("stakeholders",)
SALIENCE_TOLERANCE = 1e-9


def _dimensions(doc: StakeholdersDoc, space: OutcomeSpace, found: Located) -> list[Dimension]:
    dims: list[Dimension] = []
    seen: set[str] = set()
    for k, d in enumerate(doc.dimensions):
        loc: Loc = (*ROOT, "dimensions", k)
        if d.name in seen:
            found.append(((*loc, "name"), f"duplicate dimension name {d.name!r}"))
        seen.add(d.name)
        low, high, unit = d.low, d.high, d.unit
        if d.issue is not None:
            if d.issue not in space.names:
                found.append(
                    (
                        (*loc, "issue"),
                        f"unknown issue {d.issue!r}; expected one of: {', '.join(space.names)}",
                    )
                )
                continue
            issue = space.issue(d.issue)
            if not is_numeric(issue):
                found.append(
                    (
                        (*loc, "issue"),
                        f"issue {d.issue!r} is a {issue.kind} issue; stakeholder dimensions "
                        "need a numeric issue (money, percent or count)"
                        + _SHARE_HINT.get(issue.kind, ""),
                    )
                )
                continue
            low = issue.low if low is None else low
            high = issue.high if high is None else high
            unit = issue.unit_label() if unit is None else unit
            for key, value in (("low", low), ("high", high)):
                if not issue.low - 1e-9 <= value <= issue.high + 1e-9:
                    found.append(
                        (
                            (*loc, key),
                            f"must lie within issue {d.issue!r}'s range "
                            f"[{issue.low:g}, {issue.high:g}], got {value:g}",
                        )
                    )
        missing = [key for key, value in (("low", low), ("high", high)) if value is None]
        for key in missing:
            found.append(((*loc, key), "required when the dimension maps to no issue: a number"))
        if missing:
            continue
        assert low is not None and high is not None
        if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
            found.append(((*loc, "high"), f"must be greater than low ({low:g}), got {high:g}"))
            continue
        dims.append(Dimension(d.name, float(low), float(high), unit or ""))
    return dims


def build_stakeholders(
    doc: StakeholdersDoc, space: OutcomeSpace, parties: Sequence[str], title: str = ""
) -> tuple[StakeholderSet | None, Located]:
    """The document's `StakeholderSet` (None when anything is wrong) and every problem found,
    each with its location in the scenario document."""
    found: Located = []
    dims = _dimensions(doc, space, found)
    if len(dims) != len(doc.dimensions):
        return None, found
    by_name = {d.name: d for d in dims}
    n = len(doc.actors)
    if not MIN_ACTORS <= n <= MAX_ACTORS:
        found.append(
            (
                (*ROOT, "actors"),
                f"need {MIN_ACTORS} to {MAX_ACTORS} actors (KTAB's limits), got {n}",
            )
        )
    actors: list[Actor] = []
    seen: set[str] = set()
    for i, a in enumerate(doc.actors):
        loc: Loc = (*ROOT, "actors", i)
        before = len(found)
        if a.name in seen:
            found.append(((*loc, "name"), f"duplicate actor name {a.name!r}"))
        seen.add(a.name)
        if a.side is not None and a.side not in parties:
            found.append(
                (
                    (*loc, "side"),
                    f"unknown party {a.side!r}; expected one of: {', '.join(parties)} "
                    "(or leave side out for an actor on neither side)",
                )
            )
        if not (math.isfinite(a.capability) and a.capability > 0):
            found.append(((*loc, "capability"), f"must be a positive number, got {a.capability:g}"))
        if not (a.source.strip() or a.rationale.strip()):
            found.append((loc, "needs a source (for its positions) or a rationale (assumptions)"))
        for key in ("position", "salience"):
            given: dict[str, float] = getattr(a, key)
            for dim_name in given:
                if dim_name not in by_name:
                    found.append(
                        (
                            (*loc, key, dim_name),
                            f"unknown dimension; expected one of: {', '.join(by_name)}",
                        )
                    )
            for d in dims:
                if d.name not in given:
                    found.append(((*loc, key), f"missing a value for dimension {d.name!r}"))
        for d in dims:
            x = a.position.get(d.name)
            if x is not None and not (math.isfinite(x) and d.low <= x <= d.high):
                unit = f" {d.unit}" if d.unit else ""
                found.append(
                    (
                        (*loc, "position", d.name),
                        f"{x:g}{unit} lies outside the dimension's range "
                        f"[{d.low:g}, {d.high:g}]{unit}",
                    )
                )
            s = a.salience.get(d.name)
            if s is not None and not (math.isfinite(s) and 0.0 <= s <= 1.0):
                found.append(
                    (
                        (*loc, "salience", d.name),
                        f"must be a fraction in [0, 1] (KTAB's percentage / 100), got {s:g}",
                    )
                )
        if len(found) > before:
            continue
        total = math.fsum(a.salience.values())
        if total > 1.0 + SALIENCE_TOLERANCE:
            found.append(
                ((*loc, "salience"), f"an actor's saliences must sum to at most 1, got {total:g}")
            )
            continue
        if total <= 0.0:
            found.append(((*loc, "salience"), "at least one salience must be positive"))
            continue
        actors.append(
            Actor(
                name=a.name,
                capability=float(a.capability),
                position=tuple(float(a.position[d.name]) for d in dims),
                salience=tuple(float(a.salience[d.name]) for d in dims),
                side=a.side,
                description=a.label,
            )
        )
    if found:
        return None, found
    return (
        StakeholderSet(
            actors=tuple(actors),
            dimensions=tuple(dims),
            name=title,
            description=doc.description,
        ),
        found,
    )


_SHARE_HINT = {
    "share": (
        ": the forecast models place actors on one line, and a split of 100 % among payers is "
        "not one; forecast a payer's share on a dimension of its own without `issue`, e.g. "
        '{ name = "USA share", low = 14, high = 24, unit = "%" } (the forecasts of several '
        "payers' shares are not renormalised to 100 %)"
    )
}
"""What to do instead, by the kind of an issue a dimension cannot measure."""


def dimension_issues(doc: StakeholdersDoc) -> tuple[str | None, ...]:
    """The scenario issue each dimension measures (None where it maps to none), in order."""
    return tuple(d.issue for d in doc.dimensions)
