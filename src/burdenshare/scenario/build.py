"""From a validated scenario document to immutable model values, checking what spans fields.

Every problem is collected (with its field location) before anything is raised, so a user
sees all of them at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from burdenshare.errors import InputError
from burdenshare.model import (
    Calendar,
    ExchangeRate,
    Issue,
    IssueValue,
    Limit,
    Meeting,
    Offer,
    OutcomeSpace,
    Party,
    Ratifier,
    ReservationEvent,
    Scenario,
    SideIssue,
    StatusQuo,
    StrategySpec,
    Threat,
    Valuation,
)
from burdenshare.model.issues import Split, Value
from burdenshare.model.kinds.registry import kind_of
from burdenshare.model.offers import json_value
from burdenshare.model.projection import BOUNDS, Election, MeetingProjection
from burdenshare.model.single_text import NEUTRAL, SingleText
from burdenshare.model.stages import Stages
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
    """The issue of one `[[issues]]` table, built by its kind (see `model.kinds`)."""
    kind = kind_of(doc.kind)
    assert kind is not None  # the schema admits registered kinds only
    return kind.build(doc.model_dump(), lambda key, message: problems.add((*loc, key), message))


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
        converted: Value
        if isinstance(value, list):
            converted = frozenset(value)
        elif isinstance(value, dict):  # a split: payer -> percent
            converted = Split(tuple((str(k), float(v)) for k, v in value.items()))
        else:
            converted = value
        if not issue.contains(converted):
            problems.add((*loc, issue.name), issue.expected(value))
            ok = False
            continue
        values[issue.name] = issue.normalise(converted) if snap else converted
    return Offer.of(values) if ok else None


def terms_of(raw: Mapping[str, s.TermValue], space: OutcomeSpace, where: str) -> Offer:
    """An offer from terms written as in a scenario file (a number, a list of categories, an
    option, a split as a table), snapped to the grid; an `InputError` at `where.ISSUE` naming
    what each issue expects."""
    from burdenshare.errors import Problem

    problems = Problems()
    offer = _terms(raw, space, (), problems)
    if offer is None:
        found = [
            Problem(".".join([where, *map(str, loc)]), message) for loc, message in problems.found
        ]
        raise InputError(found)
    return offer


def _function(
    doc: s.ValueFunctionDoc, issue: Issue, loc: Loc, problems: Problems
) -> IssueValue | None:
    """The value function of one issue in a valuation, built by the issue's kind."""
    return issue.value_function(
        doc.model_dump(), lambda key, message: problems.add((*loc, key), message)
    )


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


def strategy_loc(name: str, params: Mapping[str, Any], field: str) -> Loc:
    """Where in a strategy `{name, params}` the problem `strategies.build` reported at `field`
    lies: a parameter at `("params", KEY)`; a problem with a strategy as a whole at `("name",)`,
    or at `("params", "inner")` when it comes from the strategy a wrapper builds (a misspelt
    inner name is not the wrapper's)."""
    from burdenshare.strategies import names

    tail = field.split(".")[1:] if "." in field else []
    if tail:
        return ("params", *tail)
    if name in names() and "inner" in params:
        return ("params", "inner")
    return ("name",)


def _strategy(doc: s.StrategyDoc, loc: Loc, problems: Problems) -> StrategySpec:
    """The party's strategy, each problem located by `strategy_loc`."""
    from burdenshare.strategies import build

    try:
        build(doc.name, doc.params)
    except InputError as exc:
        for p in exc.problems:
            problems.add((*loc, *strategy_loc(doc.name, doc.params, p.field)), p.message)
    return StrategySpec(doc.name, tuple(doc.params.items()))


def build_scenario(doc: s.ScenarioDoc) -> Scenario:
    """Turn a validated document into a `Scenario`, or raise `InputError` with every problem.

    The raised error's problems carry the location as a dotted field path; `load` adds lines.
    """
    problems = Problems()
    space = _space(doc, problems)
    rate = None
    if doc.exchange_rate is not None:
        e = doc.exchange_rate
        rate = ExchangeRate(e.base, e.quote, e.rate, e.source)
    status_terms = _terms(
        doc.status_quo.terms, space, ("status_quo", "terms"), problems, snap=False
    )
    names = [p.name for p in doc.parties]
    parties = _parties(doc, space, problems)
    ratifiers = tuple(
        _ratifier(rdoc, ("ratifiers", i), [r.name for r in doc.ratifiers], names, space, problems)
        for i, rdoc in enumerate(doc.ratifiers)
    )
    threats = _threats(doc, names, problems)
    cal = doc.calendar
    meetings = tuple(
        Meeting(m.date, m.place, m.label, m.days, m.offers, m.source) for m in cal.meetings
    )
    check_calendar(cal, doc.status_quo.expiry, problems)
    projection = _projection(doc, space, problems)
    stages = _stages(doc, space, status_terms, problems)
    protocol = _protocol(doc, names, problems)
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
        parties=parties,
        calendar=Calendar(meetings, cal.deadline, cal.end),
        exchange_rate=rate,
        ratifiers=ratifiers,
        threats=threats,
        sources=tuple(doc.sources.items()),
        stakeholders=stakeholders,
        information_date=doc.information_date,
        projection=projection,
        stages=stages,
        protocol=protocol,
    )


def _space(doc: s.ScenarioDoc, problems: Problems) -> OutcomeSpace:
    """The outcome space of `doc`'s issues (raises at once: everything else refers to it)."""
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
    return space


def _parties(doc: s.ScenarioDoc, space: OutcomeSpace, problems: Problems) -> tuple[Party, ...]:
    """The parties, each problem added to `problems` (a party without a valuation is left out)."""
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
    return tuple(parties)


def _ratifier(
    rdoc: s.RatifierDoc,
    loc: Loc,
    ratifier_names: list[str],
    names: list[str],
    space: OutcomeSpace,
    problems: Problems,
) -> Ratifier:
    """One ratifier, each problem added to `problems`."""
    if ratifier_names.count(rdoc.name) > 1:
        problems.add((*loc, "name"), f"duplicate ratifier name {rdoc.name!r}")
    if rdoc.party not in names:
        problems.add(
            (*loc, "party"),
            f"unknown party {rdoc.party!r}; expected one of: {', '.join(names)}",
        )
    if rdoc.start and rdoc.end and rdoc.end < rdoc.start:
        problems.add((*loc, "end"), f"must not be before start ({rdoc.start})")
    limits = tuple(
        limit
        for j, ldoc in enumerate(rdoc.limits)
        if (limit := _limit(ldoc, (*loc, "limits", j), space, problems)) is not None
    )
    rval = (
        _valuation(rdoc.valuation, space, (*loc, "valuation"), problems) if rdoc.valuation else None
    )
    if rdoc.valuation is not None and rdoc.min_utility is None:
        problems.add((*loc, "min_utility"), "a ratifier with a valuation needs min_utility")
    return Ratifier(
        rdoc.name,
        rdoc.party,
        limits,
        rdoc.min_utility,
        rval,
        rdoc.start,
        rdoc.end,
        rdoc.label,
        rdoc.rationale,
        rdoc.source,
    )


def _limit(ldoc: s.LimitDoc, loc: Loc, space: OutcomeSpace, problems: Problems) -> Limit | None:
    """One ratifier limit (None, with a problem added, when its issue is unknown)."""
    if ldoc.issue not in space.names:
        problems.add(
            (*loc, "issue"),
            f"unknown issue {ldoc.issue!r}; expected one of: {', '.join(space.names)}",
        )
        return None
    issue = space.issue(ldoc.issue)
    members = issue.members()
    if members:
        for key in ("requires", "excludes"):
            unknown = [c for c in getattr(ldoc, key) if c not in members]
            if unknown:
                problems.add(
                    (*loc, key),
                    f"unknown categories {unknown}; expected some of {list(members)}",
                )
    elif ldoc.requires or ldoc.excludes:
        problems.add(
            (*loc, "requires" if ldoc.requires else "excludes"),
            f"requires/excludes apply to scope issues only; {ldoc.issue!r} is {issue.kind}",
        )
    bounded = [
        key
        for key in ("min", "max", "min_change_pct", "max_change_pct")
        if getattr(ldoc, key) is not None
    ]
    if bounded and not issue.numeric:
        problems.add(
            (*loc, bounded[0]),
            f"{bounded[0]} applies to numeric issues only; {ldoc.issue!r} is "
            f"{issue.kind} (give the ratifier a valuation and `min_utility` instead)",
        )
    return Limit(
        ldoc.issue,
        ldoc.min,
        ldoc.max,
        ldoc.min_change_pct,
        ldoc.max_change_pct,
        tuple(ldoc.requires),
        tuple(ldoc.excludes),
        ldoc.source,
    )


def _threats(doc: s.ScenarioDoc, names: list[str], problems: Problems) -> tuple[Threat, ...]:
    """The threats, each problem added to `problems`."""
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
    return tuple(threats)


def _stages(
    doc: s.ScenarioDoc, space: OutcomeSpace, status_quo: Offer | None, problems: Problems
) -> Stages | None:
    """The `[stages]` section: a numeric years issue; interim terms (the status quo's where left
    out) that are an outcome of the space and a stop-gap by the section's own rule."""
    sdoc = doc.stages
    if sdoc is None:
        return None
    ok = True
    issue = space.issue(sdoc.issue) if sdoc.issue in space.names else None
    if issue is None or not issue.numeric:
        numeric = [i.name for i in space.issues if i.numeric]
        problems.add(
            ("stages", "issue"),
            f"expected a numeric issue counting years, one of: {', '.join(numeric) or '(none)'}",
        )
        ok = False
    if sdoc.interim is None or status_quo is None or not ok:
        return Stages(sdoc.issue, sdoc.max_years, None, sdoc.label, sdoc.source) if ok else None
    raw = {**status_quo.to_json(), **sdoc.interim}
    raw = {name: raw[name] for name in space.names if name in raw}
    interim = _terms(raw, space, ("stages", "interim"), problems, snap=False)
    if interim is None:
        return None
    snapped = space.snap(interim)
    for i in space.issues:
        value, grid = interim[i.name], snapped[i.name]
        off = value != grid
        if isinstance(value, int | float) and isinstance(grid, int | float):
            off = abs(float(value) - float(grid)) > 1e-9
        if off:
            kept = "" if i.name in sdoc.interim else " (the status quo's, as interim leaves it out)"
            problems.add(
                ("stages", "interim", i.name),
                f"{json_value(value)}{kept} is not on the issue's grid (nearest: "
                f"{json_value(grid)}); interim terms must be an outcome of the space",
            )
            ok = False
    stages = Stages(sdoc.issue, sdoc.max_years, snapped, sdoc.label, sdoc.source)
    if ok and not stages.is_stopgap(snapped):
        problems.add(
            ("stages", "interim", sdoc.issue),
            f"the interim terms run {stages.years(snapped):g} years, more than max_years "
            f"({sdoc.max_years:g}): they would not be a stop-gap",
        )
        ok = False
    return stages if ok else None


def _protocol(doc: s.ScenarioDoc, names: list[str], problems: Problems) -> SingleText | None:
    """The `[protocol]` section: None for alternating offers; for a single text, a chair who is
    a party or `neutral`; the chair's keys only with `kind = "single-text"`."""
    pdoc = doc.protocol
    if pdoc is None:
        return None
    if pdoc.kind == "alternating-offers":
        chair_keys = ("chair", "chair_label", "step", "shrink")
        for key in (k for k in chair_keys if k in pdoc.model_fields_set):
            problems.add(
                ("protocol", key),
                f'{key} is a key of the single-text protocol; expected kind = "single-text" '
                "or no such key",
            )
        return None
    if pdoc.chair != NEUTRAL and pdoc.chair not in names:
        problems.add(
            ("protocol", "chair"),
            f"expected a party's name ({', '.join(names)}) or {NEUTRAL!r} for a chair who is "
            f"not a party, got {pdoc.chair!r}",
        )
        return None
    chair = None if pdoc.chair == NEUTRAL else pdoc.chair
    return SingleText(chair, pdoc.chair_label, pdoc.step, pdoc.shrink, pdoc.rationale, pdoc.source)


def _elections(doc: s.ScenarioDoc, space: OutcomeSpace, problems: Problems) -> tuple[Election, ...]:
    """The projection's elections, each challenger's limit checked (one bound on a known issue)
    and each successor a new name. The incumbent is checked by `projected_view`, the only user
    of the projection: a `--set` on the ratifiers (delete one, move a term's end) is for a plain
    run, which ignores the projection, and must not make the file invalid."""
    assert doc.projection is not None
    out = []
    names = {r.name for r in doc.ratifiers}
    for i, e in enumerate(doc.projection.elections):
        loc: Loc = ("projection", "elections", i)
        if e.successor in names:
            problems.add((*loc, "successor"), f"expected a new name, got {e.successor!r}")
        limit = _limit(e.challenger, (*loc, "challenger"), space, problems)
        bounds = [b for b in BOUNDS if getattr(e.challenger, b) is not None]
        if len(bounds) != 1:
            problems.add(
                (*loc, "challenger"),
                f"expected exactly one bound ({', '.join(BOUNDS)}), "
                f"got {', '.join(bounds) or 'none'}",
            )
        elif limit is not None:
            out.append(Election(e.ratifier, e.successor, e.incumbent_wins, limit, e.label,
                                e.rationale, e.source))  # fmt: skip
    return tuple(out)


def _projection(
    doc: s.ScenarioDoc, space: OutcomeSpace, problems: Problems
) -> MeetingProjection | None:
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
    scheduled = tuple(
        Meeting(m.date, m.place, m.label, m.days, m.offers, m.source, projected=True)
        for m in p.meetings
    )
    for i, m in enumerate(p.meetings):
        after = doc.information_date or cal.meetings[0].date
        if not after < m.date <= cal.end:
            problems.add(
                ("projection", "meetings", i, "date"),
                f"expected a date after the information date ({after}) up to the calendar's "
                f"end ({cal.end}), got {m.date}",
            )
    rule = MeetingProjection(
        p.every_days, p.days, p.offers, p.place, p.until, p.rationale, p.source, scheduled,
        _elections(doc, space, problems),
    )  # fmt: skip
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
