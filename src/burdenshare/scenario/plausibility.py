"""Plausibility warnings: valid values that are probably not what the analyst meant.

Each warning names the field, its line in the file and a suggested fix; warnings never change
a result (`validate --strict` and `run --strict` refuse a scenario that has any). Read over the
built `Scenario` and its document, so each check is one function over values already checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from burdenshare.model import Scenario
from burdenshare.model.offers import Offer
from burdenshare.model.paths import PathError, read_raw, resolve
from burdenshare.model.ratifiers import Limit
from burdenshare.scenario.build import format_loc
from burdenshare.scenario.lines import Loc, line_map, line_of
from burdenshare.scenario.load import LoadedScenario
from burdenshare.scenario.schema import ScenarioDoc
from burdenshare.scenario.uncertainty import pinned

SCALE = 1000.0
"""A bound this many times the status quo (or its inverse) is read as a unit slip (×1,000:
millions for billions, thousands for millions)."""

OPENING_SLACK = 0.05
"""How far (in utility) an opening may fall below the status quo for its own party before it
is flagged: a small deliberate concession (sma-2019's ROK opening, a rise of 4 %, is worth
0.862 against 0.872) is a choice; a larger gap is usually a swapped or mistyped opening."""


@dataclass(frozen=True)
class Implausible:
    """One warning: the field (`parties[1].lapse.per_month`), what looks wrong and a fix."""

    loc: Loc
    message: str
    fix: str

    @property
    def field(self) -> str:
        """The field as a dotted path with list indices, as errors name it."""
        return format_loc(self.loc)

    def render(self, source: str, lines: dict[Loc, int]) -> str:
        """`warning: FILE:LINE: FIELD: message; fix: …` (the line left out when unknown)."""
        line = line_of(lines, self.loc)
        where = source + (f":{line}" if line is not None else "")
        return f"warning: {where}: {self.field}: {self.message}; fix: {self.fix}"


def warnings_of(loaded: LoadedScenario, data: dict[str, Any]) -> tuple[Implausible, ...]:
    """Every plausibility warning on `loaded` (`data`: its raw document, `--set` applied)."""
    s, doc = loaded.scenario, loaded.document
    return (
        *percent_changes(doc),
        *bound_units(s, doc),
        *binding(s, doc),
        *lapse_signs(doc),
        *threat_signs(doc),
        *openings(s, doc),
        *outside_own_range(loaded, data),
        *share_fractions(doc),
    )


def lines_of(loaded: LoadedScenario) -> dict[Loc, int]:
    """The line map of `loaded`'s file (empty for a document without text)."""
    return line_map(loaded.text) if loaded.text else {}


def percent_changes(doc: ScenarioDoc) -> Iterator[Implausible]:
    """A change cap between 0 and 1 (exclusive) in absolute value: a fraction (0.10) written
    where a percentage (10) is meant."""
    for i, ratifier in enumerate(doc.ratifiers):
        for j, limit in enumerate(ratifier.limits):
            for key in ("min_change_pct", "max_change_pct"):
                value = getattr(limit, key)
                if value is not None and 0 < abs(value) < 1:
                    yield Implausible(
                        ("ratifiers", i, "limits", j, key),
                        f"a change of {value:+g} % is tiny; this field is in percent",
                        f"{key} = {value * 100:g} if {value * 100:g} % is meant",
                    )


def bound_units(s: Scenario, doc: ScenarioDoc) -> Iterator[Implausible]:
    """A `min`/`max` bound in the wrong unit: a fraction below 1 on an issue whose grid has
    no such value (0.20 for 20 %), or ×1,000 off the status quo (a unit slip)."""
    for i, ratifier in enumerate(doc.ratifiers):
        for j, limit in enumerate(ratifier.limits):
            if limit.issue not in s.space.names or not s.space.issue(limit.issue).numeric:
                continue
            grid = [float(v) for v in s.space.issue(limit.issue).grid()]  # type: ignore[arg-type]
            low, high = min(grid), max(grid)
            base = s.status_quo.terms.get(limit.issue)
            for key in ("min", "max"):
                value = getattr(limit, key)
                if value is None:
                    continue
                loc = ("ratifiers", i, "limits", j, key)
                if 0 < abs(value) < 1 and all(abs(x) >= 1 for x in grid if x != 0):
                    percent = value * 100
                    fix = (
                        f"{key} = {percent:g} if {percent:g} % is meant"
                        if low <= percent <= high
                        else f"a {key} within {low:g}–{high:g}, in the issue's unit"
                    )
                    yield Implausible(
                        loc,
                        f"{value:g} looks like a fraction, but {limit.issue} counts in whole "
                        f"units ({low:g}–{high:g})",
                        fix,
                    )
                elif isinstance(base, int | float) and base > 0 and value > 0:
                    ratio = value / base
                    if ratio >= SCALE or ratio <= 1 / SCALE:
                        better = value / SCALE if ratio >= SCALE else value * SCALE
                        yield Implausible(
                            loc,
                            f"{value:g} is {ratio:,.4g}× the status quo ({base:g}): "
                            "a unit off by ×1,000?",
                            f"{key} = {better:g} if it is in the issue's unit",
                        )


def share_fractions(doc: ScenarioDoc) -> Iterator[Implausible]:
    """A share issue's floor or cap between 0 and 1 (exclusive), or a step below 0.01: a
    fraction (0.25) written where a percentage (25) is meant."""
    for i, issue in enumerate(doc.issues):
        table = issue.model_dump()
        step, payers = table.get("step"), table.get("payers")
        if payers is None:
            continue
        if step is not None and 0 < step < 0.01:
            yield Implausible(
                ("issues", i, "step"),
                f"a step of {step:g} % cuts 100 % into {100 / step:,.0f} steps; "
                "shares are in percent",
                f"step = {step * 100:g} if {step * 100:g} % is meant",
            )
        for j, payer in enumerate(payers):
            for key in ("floor", "cap"):
                value = payer[key]
                if 0 < value < 1:
                    yield Implausible(
                        ("issues", i, "payers", j, key),
                        f"a {key} of {value:g} % is tiny; shares are in percent",
                        f"{key} = {value * 100:g} if {value * 100:g} % is meant",
                    )


def binding(s: Scenario, doc: ScenarioDoc) -> Iterator[Implausible]:
    """A limit every value of its issue's grid meets (it never binds) or none meets while its
    ratifier sits through all the talks (it vetoes every deal; one who takes office or leaves
    during the talks makes a deadline, a modelling choice)."""
    first, last = s.calendar.meetings[0].date, s.calendar.meetings[-1].date
    ratifiers = {r.name: r for r in s.ratifiers}
    for i, rdoc in enumerate(doc.ratifiers):
        ratifier = ratifiers.get(rdoc.name)
        if ratifier is None:
            continue
        for j, limit in enumerate(ratifier.limits):
            if limit.issue not in s.space.names:
                continue
            grid = s.space.issue(limit.issue).grid()
            held = sum(_holds(limit, value, s.status_quo.terms) for value in grid)
            loc = ("ratifiers", i, "limits", j)
            if held == len(grid):
                yield Implausible(
                    loc,
                    f"every value of {limit.issue} on the grid "
                    f"({s.space.issue(limit.issue).describe_range()}) meets this limit: "
                    "it never binds",
                    "tighten the limit, or delete it",
                )
            elif held == 0 and ratifier.in_office(first) and ratifier.in_office(last):
                yield Implausible(
                    loc,
                    f"no value of {limit.issue} on the grid meets this limit: "
                    f"{rdoc.name} vetoes every deal",
                    f"loosen the limit, or widen {limit.issue}'s range",
                )


def _holds(limit: Limit, value: Any, status_quo: Offer) -> bool:
    """Whether `limit` holds for `value` of its issue (the status quo as its base)."""
    probe = Offer(((limit.issue, value),))
    base = Offer(((limit.issue, status_quo[limit.issue]),))
    return limit.violation(probe, base) is None


def lapse_signs(doc: ScenarioDoc) -> Iterator[Implausible]:
    """A lapse that raises the no-deal value (a cost is negative), or moves it by more than the
    whole utility scale [0, 1] in a month."""
    for i, party in enumerate(doc.parties):
        value = party.lapse.per_month
        wrong = []
        if value > 0:
            wrong.append(f"makes every month of lapse a gain for {party.name}")
        if abs(value) > 1:
            wrong.append("moves the no-deal value by more than the whole utility scale (0 to 1)")
        if wrong:
            cost = -abs(value) / 100 if abs(value) > 1 else -value
            yield Implausible(
                ("parties", i, "lapse", "per_month"),
                f"{value:+g} a month " + " and ".join(wrong),
                f"per_month = {cost:g} (a lapse that costs lowers the no-deal value, in utility)",
            )


def threat_signs(doc: ScenarioDoc) -> Iterator[Implausible]:
    """A threat that raises its target's no-deal value: a threat lowers it (`change` < 0)."""
    for i, threat in enumerate(doc.threats):
        if threat.change > 0:
            yield Implausible(
                ("threats", i, "change"),
                f"{threat.change:+g} raises {threat.against}'s no-deal value; a threat lowers it",
                f"change = {-threat.change:g}",
            )


def openings(s: Scenario, doc: ScenarioDoc) -> Iterator[Implausible]:
    """An opening offer worth less to its own party than the status quo (by more than
    `OPENING_SLACK`) or than its own reservation value (it would refuse its own offer)."""
    parties = {p.name: p for p in s.parties}
    for i, pdoc in enumerate(doc.parties):
        party = parties.get(pdoc.name)
        if party is None or party.opening is None:
            continue
        opening = party.valuation.utility(s.space, party.opening)
        status_quo = party.valuation.utility(s.space, s.status_quo.terms)
        if opening < status_quo - OPENING_SLACK or opening < party.reservation_value:
            yield Implausible(
                ("parties", i, "opening"),
                f"worth {opening:.3f} to {pdoc.name}: less than the status quo "
                f"({status_quo:.3f}) or its reservation value ({party.reservation_value:.3f})",
                "open with terms the party prefers to the status quo (see `burdenshare show`)",
            )


def outside_own_range(loaded: LoadedScenario, data: dict[str, Any]) -> Iterator[Implausible]:
    """A fixed value outside its own `[[uncertainty]]` range: a single run and a Monte Carlo
    run then model different worlds (an entry a `--set` pins is left out)."""
    s, doc = loaded.scenario, loaded.document
    dropped = {p.index for p in pinned(loaded)}
    for i, entry in enumerate(doc.uncertainty):
        if i in dropped:
            continue  # a --set pins the field: its range is dropped for this run
        try:
            resolve(s, entry.path)
            value = read_raw(data, entry.path)[1]
        except (PathError, KeyError, IndexError, TypeError):
            continue  # reported as an error by the uncertainty checks
        loc = ("uncertainty", i)
        if entry.dist == "choice":
            if isinstance(value, int | float | str) and value not in (entry.values or []):
                yield Implausible(
                    loc,
                    f"{entry.path} is {value!r} in the file, not one of its values",
                    f"add {value!r} to `values`, or change {entry.path}",
                )
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if (
            entry.low is not None
            and entry.high is not None
            and not (entry.low <= value <= entry.high)
        ):
            yield Implausible(
                loc,
                f"{entry.path} is {value:g} in the file, outside its range "
                f"[{entry.low:g}, {entry.high:g}]",
                f"widen the range to include {value:g}, or set {entry.path} within it",
            )


def warning_lines(loaded: LoadedScenario, data: dict[str, Any]) -> tuple[str, ...]:
    """Every warning on `loaded` as a line for standard error: the plausibility warnings, then
    the figures stated without a source (`audit.unsourced`)."""
    from burdenshare.scenario.audit import unsourced

    lines = lines_of(loaded)
    return (
        *(w.render(loaded.origin, lines) for w in warnings_of(loaded, data)),
        *(f"warning: {loaded.origin}: {text}" for text in unsourced(loaded.document)),
    )
