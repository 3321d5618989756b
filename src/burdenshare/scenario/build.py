"""From a validated scenario document to immutable model values, checking what spans fields.

Every problem is collected (with its field location) before anything is raised, so a user
sees all of them at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from burdenshare.errors import InputError
from burdenshare.model import (
    Calendar,
    ChoiceIssue,
    ChoiceValue,
    CountIssue,
    ExchangeRate,
    Issue,
    IssueValue,
    Limit,
    LinearValue,
    Meeting,
    MoneyIssue,
    Offer,
    OutcomeSpace,
    Party,
    PercentIssue,
    PiecewiseLinearValue,
    PowerValue,
    Ratifier,
    ReservationEvent,
    Scenario,
    ScopeIssue,
    ScopeValue,
    SideIssue,
    StatusQuo,
    StrategySpec,
    Threat,
    Valuation,
)
from burdenshare.model.issues import NUMERIC_ISSUES, UNIT_SCALES, Category, Value
from burdenshare.model.projection import MeetingProjection
from burdenshare.scenario import schema as s

Loc = tuple[str | int, ...]

MAX_OUTCOMES = 20_000_000
"""Largest outcome space a scenario may define (the engine enumerates it)."""


@dataclass
class Problems:
    """Problems found so far, each with its location in the document."""

    found: list[tuple[Loc, str]] = field(default_factory=list)

    def add(self, loc: Loc, message: str) -> None:
        """Record one problem."""
        self.found.append((loc, message))


def _issue(doc: s.IssueDoc, loc: Loc, problems: Problems) -> Issue | None:
    common = {"name": doc.name, "label": doc.label, "source": doc.source}
    if doc.kind in ("money", "percent", "count"):
        before = len(problems.found)
        for key in ("low", "high", "step"):
            if getattr(doc, key) is None:
                problems.add((*loc, key), f"required for a {doc.kind} issue: a number")
        low, high, step = doc.low, doc.high, doc.step
        if low is not None and high is not None and high <= low:
            problems.add((*loc, "high"), f"must be greater than low ({low:g}), got {high:g}")
        elif (
            low is not None and high is not None and step is not None
            and (step <= 0 or step > high - low)
        ):
            problems.add((*loc, "step"), f"must be > 0 and at most high − low ({high - low:g})")
        unit = doc.unit or ""
        if doc.kind == "money":
            if not doc.currency:
                problems.add((*loc, "currency"), 'required for a money issue: e.g. "KRW"')
            if unit not in UNIT_SCALES:
                problems.add((*loc, "unit"), f"expected one of {sorted(UNIT_SCALES)}, got {unit!r}")
        if len(problems.found) > before:
            return None
        assert doc.low is not None and doc.high is not None and doc.step is not None
        numeric = {"low": doc.low, "high": doc.high, "step": doc.step, **common}
        if doc.kind == "money":
            return MoneyIssue(currency=doc.currency, unit=unit, **numeric)  # type: ignore[arg-type]
        if doc.kind == "percent":
            return PercentIssue(per=doc.per or "", **numeric)  # type: ignore[arg-type]
        if doc.step != int(doc.step) or doc.low != int(doc.low):
            problems.add((*loc, "step"), "a count issue needs whole-number low and step")
            return None
        return CountIssue(unit=doc.unit or "", **numeric)  # type: ignore[arg-type]
    if doc.kind == "scope":
        if not doc.categories:
            problems.add((*loc, "categories"), "required for a scope issue: a list of categories")
            return None
        names = [c.name for c in doc.categories]
        if len(set(names)) != len(names):
            problems.add((*loc, "categories"), "category names must be unique")
        cats = tuple(Category(c.name, c.label, c.source, c.fixed) for c in doc.categories)
        return ScopeIssue(doc.name, cats, doc.label, doc.source)
    if not doc.options:
        problems.add((*loc, "options"), "required for a choice issue: a list of option names")
        return None
    if len(set(doc.options)) != len(doc.options):
        problems.add((*loc, "options"), "option names must be unique")
    return ChoiceIssue(doc.name, tuple(doc.options), doc.label, doc.source)


def _terms(
    raw: Mapping[str, s.TermValue],
    space: OutcomeSpace,
    loc: Loc,
    problems: Problems,
    snap: bool = True,
) -> Offer | None:
    """Check and convert terms given for every issue; snap numbers to the grid if `snap`."""
    ok = True
    values: dict[str, Value] = {}
    for key in raw:
        if key not in space.names:
            problems.add((*loc, key), f"unknown issue; expected one of: {', '.join(space.names)}")
            ok = False
    for issue in space.issues:
        if issue.name not in raw:
            problems.add((*loc,), f"missing a value for issue {issue.name!r}")
            ok = False
            continue
        value = raw[issue.name]
        converted: Value = frozenset(value) if isinstance(value, list) else value
        if not issue.contains(converted):
            problems.add((*loc, issue.name), _expected(issue, value))
            ok = False
            continue
        if isinstance(issue, NUMERIC_ISSUES):
            assert isinstance(converted, int | float)
            converted = issue.snap_value(float(converted)) if snap else converted
        values[issue.name] = converted
    return Offer.of(values) if ok else None


def _expected(issue: Issue, value: object) -> str:
    if isinstance(issue, NUMERIC_ISSUES):
        return f"expected a number from {issue.low:g} to {issue.high:g}, got {value!r}"
    if isinstance(issue, ScopeIssue):
        return f"expected a list of categories among {list(issue.names)}, got {value!r}"
    assert isinstance(issue, ChoiceIssue)
    return f"expected one of {list(issue.options)}, got {value!r}"


def _function(
    doc: s.ValueFunctionDoc, issue: Issue, loc: Loc, problems: Problems
) -> IssueValue | None:
    shape = doc.shape or {"scope": "scope", "choice": "choice"}.get(issue.kind)
    if isinstance(issue, ScopeIssue):
        if shape != "scope" or doc.categories is None:
            problems.add(
                (*loc, "categories"), "a scope issue needs `categories = {name = value, …}`"
            )
            return None
        unknown = [c for c in doc.categories if c not in issue.names]
        if unknown:
            problems.add(
                (*loc, "categories"), f"unknown categories {unknown}; expected {list(issue.names)}"
            )
            return None
        return ScopeValue(tuple(doc.categories.items()))
    if isinstance(issue, ChoiceIssue):
        if shape != "choice" or doc.options is None:
            problems.add((*loc, "options"), "a choice issue needs `options = {name = value, …}`")
            return None
        bad = [o for o in doc.options if o not in issue.options]
        if bad:
            problems.add(
                (*loc, "options"), f"unknown options {bad}; expected {list(issue.options)}"
            )
            return None
        out_of_range = [o for o, v in doc.options.items() if not 0 <= v <= 1]
        if out_of_range:
            problems.add((*loc, "options"), "option values must lie in [0, 1]")
            return None
        return ChoiceValue(tuple(doc.options.items()))
    if shape is None:
        problems.add((*loc, "shape"), "required: one of linear, power, piecewise")
        return None
    if shape in ("linear", "power"):
        if doc.direction is None:
            problems.add((*loc, "direction"), f"required for shape {shape!r}: rising or falling")
            return None
        if shape == "linear":
            return LinearValue(doc.direction)
        if doc.exponent is None:
            problems.add(
                (*loc, "exponent"), "required for shape 'power': a number > 0 (< 1 concave)"
            )
            return None
        return PowerValue(doc.direction, doc.exponent)
    if shape == "piecewise":
        points = doc.points or []
        if len(points) < 2:
            problems.add((*loc, "points"), "expected at least two [x, value] points")
            return None
        xs = [p[0] for p in points]
        if any(b <= a for a, b in pairwise(xs)):
            problems.add((*loc, "points"), "x values must increase strictly")
            return None
        if any(not 0 <= p[1] <= 1 for p in points):
            problems.add((*loc, "points"), "values must lie in [0, 1]")
            return None
        return PiecewiseLinearValue(tuple((float(x), float(v)) for x, v in points))
    problems.add((*loc, "shape"), f"shape {shape!r} does not fit a {issue.kind} issue")
    return None


def _valuation(
    doc: Mapping[str, s.ValueFunctionDoc], space: OutcomeSpace, loc: Loc, problems: Problems
) -> Valuation | None:
    weights: list[tuple[str, float]] = []
    functions: list[tuple[str, IssueValue]] = []
    for key, fdoc in doc.items():
        if key not in space.names:
            problems.add((*loc, key), f"unknown issue; expected one of: {', '.join(space.names)}")
            continue
        function = _function(fdoc, space.issue(key), (*loc, key), problems)
        if function is not None:
            weights.append((key, fdoc.weight))
            functions.append((key, function))
    if doc and sum(w for _, w in weights) <= 0 and len(weights) == len(doc):
        problems.add(loc, "weights must not all be zero")
        return None
    if len(functions) != len(doc):
        return None
    return Valuation(tuple(weights), tuple(functions))


def _strategy(doc: s.StrategyDoc, loc: Loc, problems: Problems) -> StrategySpec:
    from burdenshare.strategies import build

    try:
        build(doc.name, doc.params)
    except InputError as exc:
        for p in exc.problems:
            tail = p.field.split(".")[1:] if "." in p.field else []
            where: Loc = (*loc, "params", *tail) if tail else (*loc, "name")
            problems.add(where, p.message)
    return StrategySpec(doc.name, tuple(doc.params.items()))


def build_scenario(doc: s.ScenarioDoc) -> Scenario:
    """Turn a validated document into a `Scenario`, or raise `InputError` with every problem.

    The raised error's problems carry the location as a dotted field path; `load` adds lines.
    """
    problems = Problems()
    issues: list[Issue] = []
    seen: set[str] = set()
    for i, idoc in enumerate(doc.issues):
        if idoc.name in seen:
            problems.add(("issues", i, "name"), f"duplicate issue name {idoc.name!r}")
        seen.add(idoc.name)
        issue = _issue(idoc, ("issues", i), problems)
        if issue is not None:
            issues.append(issue)
    if problems.found:
        raise _error(problems)
    space = OutcomeSpace(tuple(issues))
    if space.size > MAX_OUTCOMES:
        problems.add(
            ("issues",),
            f"the outcome space has {space.size:,} outcomes; at most "
            f"{MAX_OUTCOMES:,} are supported (use coarser steps)",
        )
        raise _error(problems)

    rate = None
    if doc.exchange_rate is not None:
        e = doc.exchange_rate
        rate = ExchangeRate(e.base, e.quote, e.rate, e.source)
    status_terms = _terms(
        doc.status_quo.terms, space, ("status_quo", "terms"), problems, snap=False
    )

    names = [p.name for p in doc.parties]
    parties: list[Party] = []
    for i, pdoc in enumerate(doc.parties):
        loc: Loc = ("parties", i)
        if names.count(pdoc.name) > 1:
            problems.add((*loc, "name"), f"duplicate party name {pdoc.name!r}")
        valuation = _valuation(pdoc.valuation, space, (*loc, "valuation"), problems)
        opening = None
        if pdoc.opening is not None:
            opening = _terms(pdoc.opening, space, (*loc, "opening"), problems)
        strategy = _strategy(pdoc.strategy, (*loc, "strategy"), problems)
        if pdoc.deadline is not None and pdoc.deadline <= doc.calendar.meetings[0].date:
            problems.add(
                (*loc, "deadline"),
                f"must be after the first meeting "
                f"({doc.calendar.meetings[0].date}), got {pdoc.deadline}",
            )
        if valuation is None:
            continue
        parties.append(
            Party(
                name=pdoc.name,
                label=pdoc.label,
                valuation=valuation,
                reservation_value=pdoc.reservation_value,
                strategy=strategy,
                opening=opening,
                lapse_change_per_month=pdoc.lapse.per_month,
                events=tuple(
                    ReservationEvent(e.date, e.change, e.label, e.source) for e in pdoc.lapse.events
                ),
                monthly_discount=pdoc.monthly_discount,
                deadline=pdoc.deadline,
                side_issues=tuple(
                    SideIssue(x.name, x.value, x.label, x.source) for x in pdoc.side_issues
                ),
                rationale=pdoc.rationale,
                source=pdoc.source,
            )
        )

    ratifiers: list[Ratifier] = []
    ratifier_names = [r.name for r in doc.ratifiers]
    for i, rdoc in enumerate(doc.ratifiers):
        loc = ("ratifiers", i)
        if ratifier_names.count(rdoc.name) > 1:
            problems.add((*loc, "name"), f"duplicate ratifier name {rdoc.name!r}")
        if rdoc.party not in names:
            problems.add(
                (*loc, "party"),
                f"unknown party {rdoc.party!r}; expected one of: {', '.join(names)}",
            )
        if rdoc.start and rdoc.end and rdoc.end < rdoc.start:
            problems.add((*loc, "end"), f"must not be before start ({rdoc.start})")
        limits = []
        for j, ldoc in enumerate(rdoc.limits):
            if ldoc.issue not in space.names:
                problems.add(
                    (*loc, "limits", j, "issue"),
                    f"unknown issue {ldoc.issue!r}; expected one of: {', '.join(space.names)}",
                )
                continue
            issue = space.issue(ldoc.issue)
            if isinstance(issue, ScopeIssue):
                for key in ("requires", "excludes"):
                    unknown = [c for c in getattr(ldoc, key) if c not in issue.names]
                    if unknown:
                        problems.add(
                            (*loc, "limits", j, key),
                            f"unknown categories {unknown}; expected some of {list(issue.names)}",
                        )
            elif ldoc.requires or ldoc.excludes:
                problems.add(
                    (*loc, "limits", j, "requires" if ldoc.requires else "excludes"),
                    f"requires/excludes apply to scope issues only; {ldoc.issue!r} is {issue.kind}",
                )
            limits.append(
                Limit(
                    ldoc.issue,
                    ldoc.min,
                    ldoc.max,
                    ldoc.min_change_pct,
                    ldoc.max_change_pct,
                    tuple(ldoc.requires),
                    tuple(ldoc.excludes),
                    ldoc.source,
                )
            )
        rval = (
            _valuation(rdoc.valuation, space, (*loc, "valuation"), problems)
            if rdoc.valuation
            else None
        )
        if rdoc.valuation is not None and rdoc.min_utility is None:
            problems.add((*loc, "min_utility"), "a ratifier with a valuation needs min_utility")
        ratifiers.append(
            Ratifier(
                rdoc.name,
                rdoc.party,
                tuple(limits),
                rdoc.min_utility,
                rval,
                rdoc.start,
                rdoc.end,
                rdoc.label,
                rdoc.rationale,
                rdoc.source,
            )
        )

    threats = []
    threat_names = [t.name for t in doc.threats]
    for i, tdoc in enumerate(doc.threats):
        if threat_names.count(tdoc.name) > 1:
            problems.add(("threats", i, "name"), f"duplicate threat name {tdoc.name!r}")
        for key in ("by", "against"):
            if getattr(tdoc, key) not in names:
                problems.add(
                    ("threats", i, key),
                    f"unknown party {getattr(tdoc, key)!r}; expected one of: {', '.join(names)}",
                )
        threats.append(
            Threat(
                tdoc.name,
                tdoc.by,
                tdoc.against,
                tdoc.change,
                tdoc.credibility,
                tdoc.start,
                tdoc.label,
                tdoc.source,
            )
        )

    cal = doc.calendar
    meetings = tuple(
        Meeting(m.date, m.place, m.label, m.days, m.offers, m.source) for m in cal.meetings
    )
    check_calendar(cal, doc.status_quo.expiry, problems)
    projection = _projection(doc, problems)
    stakeholders = None
    if doc.stakeholders is not None:
        from burdenshare.scenario.stakeholders_build import build_stakeholders

        stakeholders, found = build_stakeholders(doc.stakeholders, space, names, doc.title)
        problems.found.extend(found)
    if problems.found or status_terms is None:
        raise _error(problems)
    return Scenario(
        name=doc.name,
        title=doc.title,
        description=doc.description,
        space=space,
        status_quo=StatusQuo(
            status_terms, doc.status_quo.expiry, doc.status_quo.label, doc.status_quo.source
        ),
        parties=tuple(parties),
        calendar=Calendar(meetings, cal.deadline, cal.end),
        exchange_rate=rate,
        ratifiers=tuple(ratifiers),
        threats=tuple(threats),
        sources=tuple(doc.sources.items()),
        stakeholders=stakeholders,
        information_date=doc.information_date,
        projection=projection,
    )


def _projection(doc: s.ScenarioDoc, problems: Problems) -> MeetingProjection | None:
    """The `[projection]` rule, checked against the calendar and the information date."""
    p = doc.projection
    if p is None:
        return None
    cal = doc.calendar
    if p.days > p.every_days:
        problems.add(
            ("projection", "days"),
            f"must be at most every_days ({p.every_days}) so projected meetings do not overlap, "
            f"got {p.days}",
        )
    if p.until is not None and not cal.meetings[0].date <= p.until <= cal.end:
        problems.add(
            ("projection", "until"),
            f"expected a date from the first meeting ({cal.meetings[0].date}) to the calendar's "
            f"end ({cal.end}), got {p.until}",
        )
    rule = MeetingProjection(
        p.every_days, p.days, p.offers, p.place, p.until, p.rationale, p.source
    )
    if doc.information_date is not None and not rule.meetings(doc.information_date, cal.end):
        problems.add(
            ("projection", "every_days"),
            f"projects no meeting between the information date ({doc.information_date}) and "
            f"{p.until or cal.end}: expected a shorter cadence, got {p.every_days} days",
        )
    return rule


def check_calendar(cal: s.CalendarDoc, expiry: dt.date | None, problems: Problems) -> None:
    """Dates in order: meetings ascending, the deadline (= the status quo's expiry) not before
    the first meeting, the end not before the last meeting nor the deadline."""
    meetings = cal.meetings
    for i in range(1, len(meetings)):
        if meetings[i].date < meetings[i - 1].date:
            problems.add(
                ("calendar", "meetings", i, "date"),
                f"meetings out of order: {meetings[i].date} comes before the previous "
                f"meeting ({meetings[i - 1].date}); list meetings in date order",
            )
    if cal.deadline < meetings[0].date:
        problems.add(
            ("calendar", "deadline"),
            f"deadline {cal.deadline} is before the first meeting ({meetings[0].date})",
        )
    if cal.end < meetings[-1].date:
        problems.add(
            ("calendar", "end"), f"end {cal.end} is before the last meeting ({meetings[-1].date})"
        )
    if expiry is not None and expiry != cal.deadline:
        problems.add(
            ("calendar", "deadline"),
            f"the deadline is the status quo's expiry ({expiry}), got {cal.deadline}",
        )
    if cal.end < cal.deadline:
        problems.add(("calendar", "end"), f"end {cal.end} is before the deadline ({cal.deadline})")


def partial_checks(data: Mapping[str, object]) -> list[tuple[Loc, str]]:
    """Checks of the parts that are well-formed on their own, for a document that failed
    validation elsewhere, so that one bad field does not hide problems in others."""
    from pydantic import ValidationError

    problems = Problems()
    issues = data.get("issues")
    if isinstance(issues, list):
        for i, raw in enumerate(issues):
            with contextlib.suppress(ValidationError):
                _issue(s.IssueDoc.model_validate(raw), ("issues", i), problems)
    try:
        cal = s.CalendarDoc.model_validate(data.get("calendar"))
    except ValidationError:
        return problems.found
    expiry = None
    quo = data.get("status_quo")
    if isinstance(quo, dict):
        with contextlib.suppress(ValidationError):
            expiry = s.StatusQuoDoc.model_validate(quo).expiry
    check_calendar(cal, expiry, problems)
    return problems.found


class LocatedError(InputError):
    """An `InputError` that still carries each problem's location tuple (for line lookup)."""

    def __init__(self, located: list[tuple[Loc, str]]) -> None:
        from burdenshare.errors import Problem

        self.located = located
        super().__init__([Problem(format_loc(loc), msg) for loc, msg in located])


def _error(problems: Problems) -> LocatedError:
    return LocatedError(problems.found)


def format_loc(loc: Loc) -> str:
    """`("parties", 0, "valuation")` → `parties[0].valuation`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out
