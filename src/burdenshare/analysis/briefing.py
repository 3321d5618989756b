"""One analysis of a scenario, assembled from the concept modules, and its JSON form.

Everything here is pure: the CLI measures time, renders tables and draws figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from burdenshare.analysis.outcomes import UtilitySpace, analyse_space
from burdenshare.analysis.rubinstein import RubinsteinSplit, rubinstein
from burdenshare.analysis.solutions import (
    SOLUTION_NAMES,
    SolutionPoint,
    discrete_solutions,
    polyline_solutions,
)
from burdenshare.analysis.winsets import MeetingOverlap, WinSets, overlap_over_time, winsets
from burdenshare.analysis.zopa import Zopa, zopas
from burdenshare.model import MoneyIssue, Offer, Scenario, is_money, is_numeric
from burdenshare.model.issues import is_share
from burdenshare.model.offers import json_value

Disagreement = Literal["zero", "reservation"]

LISTED_VALUES = 64
"""A non-numeric issue with more values (the splits of a share issue) is summarised by its
range, not listed value by value."""


@dataclass(frozen=True)
class Analysis:
    """The bargaining analysis of one scenario relative to one disagreement point."""

    scenario: Scenario
    space: UtilitySpace
    disagreement: tuple[float, ...]
    disagreement_kind: Disagreement
    solutions: dict[str, SolutionPoint | None]
    solution_terms: dict[str, Offer | None]
    zopas: tuple[Zopa, ...]
    rubinstein: RubinsteinSplit | None
    winsets: WinSets | None
    at: dt.date | None = None
    over_time: tuple[MeetingOverlap, ...] | None = None


def disagreement_point(
    scenario: Scenario, kind: Disagreement, at: dt.date | None = None
) -> tuple[float, ...]:
    """d = 0 for every party, or each party's (base) reservation value; with `at`, each
    party's no-deal value on that date (`Party.reservation_at`: lapse, events and threats)."""
    if kind == "zero":
        return tuple(0.0 for _ in scenario.parties)
    if at is not None:
        deadline = scenario.calendar.deadline
        return tuple(p.reservation_at(at, deadline, scenario.threats) for p in scenario.parties)
    return tuple(p.reservation_value for p in scenario.parties)


def analyze(
    scenario: Scenario,
    disagreement: Disagreement = "zero",
    at: dt.date | None = None,
    over_time: bool = False,
) -> Analysis:
    """Frontier, the four solutions, ZOPAs, Rubinstein and win-sets of `scenario`.

    `at`: the win-sets of the ratifiers in office on that date, and (with the reservation
    disagreement point) the no-deal values on that date; default the deadline and the base
    reservation values. `over_time`: also the win-sets' overlap at every meeting."""
    space = analyse_space(scenario)
    d = np.array(disagreement_point(scenario, disagreement, at))
    if space.segments:
        solutions = polyline_solutions(space.points, d)
    else:
        solutions = discrete_solutions(space.points, d)
    terms = {
        name: (space.terms(s.index, s.t) if s is not None else None)
        for name, s in solutions.items()
    }
    continuous = any(issue.continuous for issue in scenario.space.issues)
    found_zopas = zopas(scenario) if not continuous else ()
    split = rubinstein(scenario, found_zopas[0] if found_zopas else None)
    sets = None
    timeline = None
    if space.method == "enumerated" and scenario.ratifiers:
        nash = solutions["nash"]
        nash_index = (
            int(space.outcome_index[nash.index])
            if nash is not None and space.outcome_index is not None
            else None
        )
        sets = winsets(scenario, at or scenario.calendar.deadline, nash_index, tuple(d))
        if over_time:
            timeline = overlap_over_time(scenario, nash_index)
    return Analysis(
        scenario,
        space,
        tuple(map(float, d)),
        disagreement,
        solutions,
        terms,
        found_zopas,
        split,
        sets,
        at,
        timeline,
    )


def stage_note(scenario: Scenario, stage: int = 1, agreed: dt.date | None = None) -> str | None:
    """What the analysis of a scenario with deals in stages judges: stage `stage` (1: the
    first; a later one is the scenario after the stop-gaps before it, the last agreed on
    `agreed`), against its status quo, with the limits measured from it and its deadline
    (None without a `[stages]` section)."""
    if scenario.stages is None:
        return None
    quo = scenario.status_quo
    label = f" ({quo.label})" if quo.label else ""
    if stage == 1:
        return (
            f"deals in stages: this analysis judges the first stage, against the status quo{label} "
            f"expiring {quo.expiry.isoformat()} (ratifiers' limits measured from it); after a "
            f"stop-gap ({scenario.stages.label}) the status quo and the deadline move, which "
            "`burdenshare run` follows and `analyze --stage 2` judges"
        )
    when = f", agreed on {agreed.isoformat()} in `burdenshare run`" if agreed else ""
    return (
        f"deals in stages: this analysis judges stage {stage}, against the status quo{label} "
        f"of the stop-gap before it{when}, expiring {quo.expiry.isoformat()} (ratifiers' limits "
        "measured from it; the deadline is its expiry)"
    )


def _round(x: float) -> float:
    return float(round(float(x), 10))


def _frontier_json(space: UtilitySpace) -> list[dict[str, Any]]:
    """`pareto_frontier`: each point's utilities (rounded to 10 decimals) and terms. For an
    enumerated space the terms come from each issue's grid by index, each grid value shaped
    once (a frontier can hold every one of 176,851 splits)."""
    points = np.asarray(space.points, dtype=float)
    # Python's round on each distinct utility (a frontier repeats few of them), mapped back
    distinct, inverse = np.unique(points, return_inverse=True)
    rounded = np.array([round(x, 10) for x in distinct.tolist()], dtype=float)
    rows = rounded[inverse.reshape(-1)].reshape(points.shape).tolist()
    if space.outcome_index is None:
        return [{"utilities": u, "terms": space.terms(j).to_json()} for j, u in enumerate(rows)]
    outcomes = space.space
    per_issue = np.unravel_index(np.asarray(space.outcome_index, dtype=np.int64), outcomes.shape)
    columns = []
    for position, issue in enumerate(outcomes.issues):
        grid = outcomes.grids[position]
        shaped: dict[int, Any] = {}
        column = []
        for k in per_issue[position].tolist():
            value = shaped.get(k)
            if value is None:
                value = shaped[k] = json_value(grid[k])
            column.append(value)
        columns.append((issue.name, column))
    return [
        {"utilities": u, "terms": {name: column[j] for name, column in columns}}
        for j, u in enumerate(rows)
    ]


def issue_summary(scenario: Scenario) -> list[dict[str, Any]]:
    """Each issue: name, kind, number of values (null if continuous) and its range or options."""
    out: list[dict[str, Any]] = []
    for issue in scenario.space.issues:
        entry: dict[str, Any] = {"name": issue.name, "kind": issue.kind}
        if is_numeric(issue):
            entry["values"] = None if issue.continuous else issue.size()
            entry["low"], entry["high"], entry["step"] = issue.low, issue.high, issue.step
            if is_money(issue):
                entry["currency"], entry["unit"] = issue.currency, issue.unit
            entry["range"] = (
                f"{scenario_text(scenario, issue.name, issue.low)} .. "
                f"{scenario_text(scenario, issue.name, issue.high)}"
            )
        else:
            entry["values"] = issue.size()
            entry["range"] = (
                " | ".join(issue.describe(v) for v in issue.values())
                if issue.size() <= LISTED_VALUES
                else issue.describe_range()
            )
        out.append(entry)
    return out


def scenario_text(scenario: Scenario, issue_name: str, value: float) -> str:
    """One numeric value of an issue in human units (money in both currencies)."""
    issue = scenario.space.issue(issue_name)
    if is_money(issue):
        return scenario.describe_money(issue, value)
    return issue.describe(value)


def _point(analysis: Analysis, utilities: tuple[float, ...], terms: Offer | None) -> dict[str, Any]:
    d = analysis.disagreement
    out: dict[str, Any] = {
        "utilities": [_round(u) for u in utilities],
        "gains": [_round(u - di) for u, di in zip(utilities, d, strict=True)],
    }
    if terms is not None:
        out["terms"] = terms.to_json()
        out["description"] = analysis.scenario.describe(terms)
        money = {
            issue.name: issue.amounts(terms[issue.name])
            for issue in analysis.scenario.space.issues
            if is_share(issue) and issue.bill > 0
        }
        if money:
            out["money"] = money
    return out


def reference_keys_json(analysis: Analysis) -> list[dict[str, Any]]:
    """Per share issue, each reference key: its shares, and the split on the grid nearest to
    it (least total variation) with every party's utility of that split (the other issues at
    the status quo)."""
    scenario = analysis.scenario
    space = scenario.space
    out: list[dict[str, Any]] = []
    for issue in space.issues:
        if not is_share(issue):
            continue
        for key in issue.reference_keys():
            entry: dict[str, Any] = {
                "issue": issue.name,
                "key": key.name,
                "label": key.label,
                "available": key.available,
            }
            if not key.available:
                entry["reason"] = key.unavailable
                entry["missing"] = list(key.missing)
                out.append(entry)
                continue
            entry["shares"] = {p: _round(s) for p, s in key.shares}
            nearest = issue.grid()[issue.nearest(dict(key.shares))]
            terms = Offer.of({**scenario.status_quo.terms.as_dict(), issue.name: nearest})
            entry["nearest"] = _point(
                analysis,
                tuple(p.valuation.utility(space, terms) for p in scenario.parties),
                terms,
            )
            entry["years"] = list(key.years)
            entry["sources"] = list(key.sources)
            out.append(entry)
    return out


def money_in(scenario: Scenario, issue: MoneyIssue, value: float | None) -> dict[str, float] | None:
    """An amount of a money issue in whole units of each currency the scenario knows."""
    if value is None:
        return None
    amount = issue.to_currency_units(value)
    out = {issue.currency: amount}
    rate = scenario.exchange_rate
    other = rate.other(issue.currency) if rate else None
    if rate is not None and other is not None:
        out[other] = rate.convert(amount, issue.currency, other)
    return out


def to_json(analysis: Analysis, with_frontier: bool = True) -> dict[str, Any]:
    """The analysis as one JSON-ready object (fields documented in docs/reference);
    `with_frontier=False` leaves out the frontier's points (`pareto_frontier`), not its size."""
    scenario = analysis.scenario
    space = analysis.space
    frontier = _frontier_json(space) if with_frontier else []
    solutions: dict[str, Any] = {}
    for name in SOLUTION_NAMES:
        s = analysis.solutions[name]
        solutions[name] = (
            None if s is None else _point(analysis, s.utilities, analysis.solution_terms[name])
        )
    out: dict[str, Any] = {
        "scenario": scenario.name,
        "title": scenario.title,
        "parties": list(space.parties),
        "outcome_count": space.outcome_count,
        "issues": issue_summary(scenario),
        "method": space.method,
        "method_note": space.note,
        "tolerance": space.tolerance,
        "outcomes_evaluated": space.evaluated,
        "disagreement": {
            "kind": analysis.disagreement_kind,
            "utilities": list(analysis.disagreement),
        },
        "pareto_frontier": frontier,
        "pareto_frontier_size": int(space.points.shape[0]),
        "frontier_is_piecewise_linear": space.segments,
        "solutions": solutions,
    }
    out["at"] = None if analysis.at is None else analysis.at.isoformat()
    if analysis.over_time is not None:
        out["over_time"] = [
            {
                "date": m.day.isoformat(),
                "meeting": m.meeting,
                "label": m.label,
                "place": m.place,
                "ratifiers": list(m.ratifiers),
                "sizes": list(m.sizes),
                "overlap": m.overlap,
                "nash_ratifiable": m.nash_ratifiable,
            }
            for m in analysis.over_time
        ]
    keys = reference_keys_json(analysis)
    if keys:
        out["reference_keys"] = keys
    out["zopa"] = [_zopa_json(scenario, z) for z in analysis.zopas]
    r = analysis.rubinstein
    if r is not None:
        rj: dict[str, Any] = {
            "proposer": r.proposer,
            "responder": r.responder,
            "applicable": r.applicable,
            "deltas_per_offer": list(r.deltas),
            "offer_interval_days": r.interval_days,
            "proposer_share": r.proposer_share,
            "responder_share": r.responder_share,
        }
        if not r.applicable:
            rj["reason"] = r.reason
        if r.issue is not None:
            issue = scenario.space.issue(r.issue)
            assert is_money(issue)
            rj["issue"] = r.issue
            rj["amount"] = r.amount
            rj["amount_in"] = money_in(scenario, issue, r.amount)
            rj["amount_note"] = r.amount_note
        out["rubinstein"] = rj
    w = analysis.winsets
    if w is not None:
        best = w.best_in_overlap
        out["winsets"] = {
            "day": w.day.isoformat(),
            "outcome_count": w.outcome_count,
            "sides": [{"party": p, "ratifiers": list(rs), "size": n} for p, rs, n in w.sides],
            "overlap": w.overlap,
            "nash_ratifiable": w.nash_ratifiable,
            "nash_vetoed_by": list(w.nash_vetoed_by),
            "ratifiable_nash": None
            if best is None
            else _point(
                analysis,
                tuple(float(p.valuation.utilities(scenario.space)[best]) for p in scenario.parties),
                scenario.space.offer_at(best),
            ),
        }
    return out


def _zopa_json(scenario: Scenario, z: Zopa) -> dict[str, Any]:
    issue = scenario.space.issue(z.issue)
    assert is_money(issue)
    return {
        "issue": z.issue,
        "currency": z.currency,
        "unit": z.unit,
        "other_issues_held_at": f"status quo ({z.held_at})",
        "exists": z.exists,
        "low": z.low,
        "high": z.high,
        "low_in": money_in(scenario, issue, z.low),
        "high_in": money_in(scenario, issue, z.high),
        "parties": [
            {
                "party": r.party,
                "reservation_value": r.reservation_value,
                "low": r.low,
                "high": r.high,
                "contiguous": r.contiguous,
            }
            for r in z.ranges
        ],
    }
