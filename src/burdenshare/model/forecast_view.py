"""The forecast view: a scenario as it was knowable on a date, with every later element removed.

A backtest must forecast from what an analyst knew then. The view keeps the meetings that had
ended by `as_of`, the reservation events and threats dated on or before it, and the ratifiers in
office by then (a term ending after `as_of` is not known then, so the end is dropped). The
calendar's deadline (the expiry written into the expiring agreement) and end (the modeller's
horizon) are kept: both are known in advance. Valuations, limits, parties' own deadlines and the
stakeholders are the modeller's assumptions and stay as they are; they may still embody
hindsight, which the view cannot detect. `projected_view` adds the projected meetings (see
`model.projection`) to the view, and for each election the projection states, the incumbent's
term end (fixed in advance) and his successor from the next day, holding the challenger's limit
(`election_view`; a backtest draws who wins).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from burdenshare.errors import InputError, Problem
from burdenshare.model.calendar import Calendar
from burdenshare.model.projection import Election
from burdenshare.model.ratifiers import Ratifier
from burdenshare.model.scenario import Scenario


def forecast_view(scenario: Scenario, as_of: dt.date) -> Scenario:
    """`scenario` as knowable on `as_of`; `InputError` if no meeting had ended by then."""
    meetings = tuple(m for m in scenario.calendar.meetings if m.last_day <= as_of)
    if not meetings:
        first = scenario.calendar.meetings[0]
        raise InputError(
            Problem(
                "as_of",
                f"expected a date on or after the end of the first meeting "
                f"({first.last_day}), got {as_of}: nothing of the talks is known before it",
            ),
            scenario.name,
        )
    parties = tuple(
        replace(p, events=tuple(e for e in p.events if e.date <= as_of)) for p in scenario.parties
    )
    ratifiers = tuple(
        replace(r, end=r.end if r.end is not None and r.end <= as_of else None)
        for r in scenario.ratifiers
        if r.start is None or r.start <= as_of
    )
    threats = tuple(t for t in scenario.threats if t.start is None or t.start <= as_of)
    calendar = Calendar(meetings, scenario.calendar.deadline, scenario.calendar.end)
    return replace(
        scenario,
        calendar=calendar,
        parties=parties,
        ratifiers=ratifiers,
        threats=threats,
        information_date=as_of,
    )


def projected_view(scenario: Scenario, as_of: dt.date | None = None) -> Scenario:
    """The forecast view of `scenario` on `as_of` (default: its information date) plus its
    projected meetings; the view alone when the scenario states no projection."""
    date = as_of if as_of is not None else scenario.information_date
    if date is None:
        raise InputError(
            Problem("information_date", "expected a date (or give as_of): none is stated"),
            scenario.name,
        )
    view = forecast_view(scenario, date)
    if scenario.projection is None:
        return view
    added = scenario.projection.meetings(date, view.calendar.end)
    calendar = Calendar(view.calendar.meetings + added, view.calendar.deadline, view.calendar.end)
    view = replace(view, calendar=calendar)
    problems = [
        Problem(f"projection.elections[{i}].{field}", message)
        for i, e in enumerate(scenario.projection.elections)
        for field, message in election_problems(scenario, e, date)
    ]
    if problems:
        raise InputError(problems, scenario.name)
    for election in scenario.projection.elections:
        view = election_view(view, scenario, election)
    return view


def election_problems(
    scenario: Scenario, election: Election, as_of: dt.date
) -> list[tuple[str, str]]:
    """(field, message) for what `election` needs of `scenario` and lacks: an incumbent ratifier
    in office on `as_of` with a term end, and a limit of his on the challenger's issue and
    bound."""
    names = [r.name for r in scenario.ratifiers]
    incumbent = next((r for r in scenario.ratifiers if r.name == election.ratifier), None)
    if incumbent is None:
        expected = ", ".join(names) or "none"
        return [("ratifier", f"expected a ratifier of the scenario ({expected}), "
                             f"got {election.ratifier!r}")]  # fmt: skip
    if incumbent.end is None or (incumbent.start is not None and incumbent.start > as_of):
        return [("ratifier", f"expected a ratifier in office on {as_of} with an `end` (his "
                             f"term's end), got {election.ratifier!r}")]  # fmt: skip
    if election.replaced(incumbent.limits) is None:
        bound, issue = election.bound, election.challenger.issue
        return [("challenger", f"expected a bound {election.ratifier!r} sets ({bound} on "
                               f"{issue!r}): the challenger's limit replaces his")]  # fmt: skip
    return []


def successor(incumbent: Ratifier, election: Election, value: float) -> Ratifier:
    """The office holder after `incumbent`'s term: his copy named `election.successor`, in
    office from the day after his term's end, with the limit the challenger's replaces
    (`Election.replaced`) set to `value`."""
    assert incumbent.end is not None
    k = election.replaced(incumbent.limits)
    changes: dict[str, Any] = {election.bound: value, "source": election.challenger.source}
    limits = tuple(
        replace(limit, **changes) if i == k else limit for i, limit in enumerate(incumbent.limits)
    )
    return replace(
        incumbent,
        name=election.successor,
        label=election.label or election.successor,
        limits=limits,
        start=incumbent.end + dt.timedelta(days=1),
        end=None,
        rationale=election.rationale,
        source=election.source,
    )


def election_view(view: Scenario, scenario: Scenario, election: Election) -> Scenario:
    """`view` with `election`'s incumbent's term end (fixed in advance, so known) restored from
    `scenario` and his successor added holding the challenger's limit; `view` unchanged when
    the term ended by the view's date (the real holders are then known)."""
    incumbent = next(r for r in scenario.ratifiers if r.name == election.ratifier)
    assert incumbent.end is not None and view.information_date is not None
    if incumbent.end <= view.information_date:
        return view
    value = getattr(election.challenger, election.bound)
    ratifiers = tuple(
        replace(r, end=incumbent.end) if r.name == incumbent.name else r for r in view.ratifiers
    )
    return replace(view, ratifiers=(*ratifiers, successor(incumbent, election, value)))
