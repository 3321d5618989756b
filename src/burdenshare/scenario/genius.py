"""GENIUS XML domains and profiles, and GeniusWeb JSON profiles, read into a `Scenario`; a
scenario written back as GENIUS XML where it fits.

Semantics follow ../shared/genius-domains/FORMAT.md (the GENIUS 10.4 Java reader), including
where they differ from what the XML suggests: issues are matched by `index`; a missing or
unknown issue `type` means discrete; discrete evaluations are divided by their maximum (not
min–max); integer evaluators are relative to the lower bound, real ones to raw x, both clipped to
[0, 1]; weights are used as written (not renormalised); a discount factor ≤ 0 or > 1 means none.

Mapping into the model (each kind's `from_genius` and `genius`, see `model.kinds`): discrete →
`ChoiceIssue`/`ChoiceValue`; integer → `CountIssue` (step 1); real → continuous `RealIssue`;
every numeric evaluator → an exact `PiecewiseLinearValue` over the domain range. `Valuation`
normalises weights to sum 1, so the value functions are scaled by the written weight total W:
(w_i/W)·(W·e_i) = w_i·e_i, which keeps GENIUS utilities exactly (Laptop's maximum stays 1.0001).
A GENIUS domain has no calendar: it gets one meeting of `steps` offers on
consecutive days, and the discount d (per unit of normalised time) becomes the monthly discount
d^(30.44/steps), so that U·d^t is reproduced at every offer. GENIUS has no status quo: the first
value of every issue stands in for it (labelled so).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

import numpy as np

from burdenshare.errors import InputError, Problem
from burdenshare.files import read_input
from burdenshare.model import (
    Calendar,
    ChoiceValue,
    Issue,
    Meeting,
    Offer,
    OutcomeSpace,
    Party,
    PiecewiseLinearValue,
    Scenario,
    StatusQuo,
    StrategySpec,
    Valuation,
)
from burdenshare.model.issues import Value
from burdenshare.model.kinds.base import GeniusIssue
from burdenshare.model.kinds.registry import from_genius
from burdenshare.model.parties import DAYS_PER_MONTH
from burdenshare.model.valuation import IssueValue

DEFAULT_STEPS = 180
"""Offers in the plain calendar given to a GENIUS domain (ANAC's usual 180-round deadline)."""
START = dt.date(2000, 1, 1)
"""Fixed first day of that calendar, so runs are reproducible."""
ENUMERATION_LIMIT = 50_000_000
"""Largest discrete outcome space accepted (the analysis enumerates it)."""
_LEADING = re.compile(r"^\s*(?:(?:<!--.*?-->|<\?.*?\?>)\s*)*", re.S)


@dataclass(frozen=True)
class _Issue:
    index: int
    name: str
    kind: Literal["discrete", "integer", "real"]
    items: tuple[str, ...] = ()
    low: float = 0.0
    high: float = 0.0


@dataclass(frozen=True)
class GeniusProfile:
    """One profile as read: file, kind, weights as written, discount and reservation value."""

    path: Path
    name: str
    uncertain: bool
    valuation: Valuation
    discount: float
    reservation: float
    weight_total: float


@dataclass(frozen=True)
class GeniusScenario:
    """A scenario read from a GENIUS (or GeniusWeb) folder, with what was left out and why."""

    scenario: Scenario
    profiles: tuple[GeniusProfile, ...]
    notes: tuple[str, ...]


def _fail(path: Path, message: str, field: str = "") -> InputError:
    return InputError([Problem(field, message)], str(path))


def parse_xml(path: Path) -> ET.Element:
    """Parse a GENIUS XML file leniently: comments or declarations before the root are dropped
    (FORMAT.md §1.7.1); anything else malformed is an `InputError` naming file and line."""
    text = read_input(path, "a GENIUS XML file").decode("utf-8", errors="replace")
    body = _LEADING.sub("", text, count=1)
    if "<!DOCTYPE" in body:  # entities are declared only there: none is ever expanded
        message = "has a <!DOCTYPE> declaration (entities); GENIUS files have none (refused)"
        raise _fail(path, message)
    try:
        return ET.fromstring(body)
    except ET.ParseError as exc:
        line = exc.position[0] if hasattr(exc, "position") else None
        raise InputError([Problem("", f"not well-formed XML: {exc}", line)], str(path)) from None


def _float(path: Path, element: ET.Element, attr: str, where: str) -> float:
    raw = element.get(attr)
    if raw is None:
        raise _fail(path, f"missing attribute {attr!r}", where)
    try:
        value = float(raw)
    except ValueError:
        raise _fail(path, f"{attr}={raw!r} is not a number", where) from None
    if not math.isfinite(value):
        raise _fail(path, f"{attr}={raw!r} is not a finite number", where)
    return value


def _issues_in(objective: ET.Element) -> list[ET.Element]:
    """Issues in pre-order of the objective tree (GENIUS's bid order); a stack, not recursion,
    so objectives nested thousands deep are walked too."""
    out: list[ET.Element] = []
    stack = [iter(objective)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == "issue":
            out.append(child)
        elif child.tag == "objective":
            stack.append(iter(child))
    return out


def _issue_kind(element: ET.Element) -> Literal["discrete", "integer", "real"]:
    kind = (element.get("type") or "discrete").lower()
    if kind == "integer":
        return "integer"
    return "real" if kind == "real" else "discrete"


def read_domain(path: Path) -> tuple[_Issue, ...]:
    """The issues of a domain file in bid order (type from `type`; items, bounds or range)."""
    root = parse_xml(path)
    if root.tag != "negotiation_template":
        raise _fail(path, f"root element is <{root.tag}>, expected <negotiation_template>")
    objective = root.find("./utility_space/objective")
    if objective is None:
        raise _fail(path, "no <utility_space><objective> element", "utility_space")
    issues = []
    for element in _issues_in(objective):
        where = f"issue {element.get('index')}"
        index = int(_float(path, element, "index", where))
        name = element.get("name") or f"issue{index}"
        kind = _issue_kind(element)
        if kind == "discrete":
            items = tuple(i.get("value", "") for i in element.findall("item"))
            if not items:
                raise _fail(path, f"discrete issue {name!r} has no <item> values", where)
            issues.append(_Issue(index, name, kind, items))
        elif kind == "integer":
            low = _float(path, element, "lowerbound", where)
            high = _float(path, element, "upperbound", where)
            issues.append(_Issue(index, name, kind, (), low, high))
        else:
            rng = element.find("range")
            if rng is None:
                raise _fail(path, f"real issue {name!r} has no <range> child", where)
            low = _float(path, rng, "lowerbound", where + ".range")
            high = _float(path, rng, "upperbound", where + ".range")
            issues.append(_Issue(index, name, kind, (), low, high))
        if kind != "discrete" and issues[-1].high < issues[-1].low:
            raise _fail(path, f"{name!r}: upper bound below lower bound", where)
    if not issues:
        raise _fail(path, "the domain has no issues", "objective")
    return tuple(issues)


def _clipped_line(
    slope: float, intercept: float, low: float, high: float
) -> tuple[tuple[float, float], ...]:
    """Points of clip(intercept + slope·x, 0, 1) on [low, high], exact under interpolation."""
    xs = {low, high}
    if slope != 0:
        for level in (0.0, 1.0):
            x = (level - intercept) / slope
            if low < x < high:
                xs.add(x)
    ordered = sorted(xs)
    return tuple((x, float(min(max(intercept + slope * x, 0.0), 1.0))) for x in ordered)


def _evaluator(
    path: Path, issue: _Issue, element: ET.Element
) -> np.ndarray | tuple[tuple[float, float], ...]:
    """e_i as a table over discrete items, or as interpolation points over the range."""
    where = f"issue {issue.index} ({issue.name})"
    kind = _issue_kind(element)
    if issue.kind == "discrete" or kind == "discrete":
        declared = element.get("type")
        items = {i.get("value", ""): i.get("evaluation") for i in element.findall("item")}
        if issue.kind != "discrete" or not items:
            raise _fail(
                path,
                f"type={declared!r} gives a discrete evaluator with no items for a "
                f"{issue.kind} issue: GENIUS cannot evaluate it (FORMAT.md §1.7.5)",
                where,
            )
        missing = [v for v in issue.items if v not in items]
        if missing:
            raise _fail(path, f"no evaluation for value(s) {', '.join(map(repr, missing))}", where)
        raw = []
        for value in issue.items:
            text = items[value]
            try:
                raw.append(float(text) if text is not None else 0.0)
            except ValueError:
                raise _fail(
                    path, f"evaluation={text!r} of {value!r} is not a number", where
                ) from None
        table = np.array(raw)
        top = table.max()
        return table / top if top >= 1e-5 else np.zeros_like(table)
    evaluator = element.find("evaluator")
    if evaluator is None:
        raise _fail(path, f"{issue.kind} issue has no <evaluator>", where)
    if issue.kind == "integer":
        low = float(element.get("lowerbound", issue.low))
        slope = _float(path, evaluator, "slope", where + ".evaluator")
        offset = _float(path, evaluator, "offset", where + ".evaluator")
        return _clipped_line(slope, offset - slope * low, issue.low, issue.high)
    ftype = (evaluator.get("ftype") or "").lower()
    if ftype == "linear":
        a = _float(path, evaluator, "parameter0", where + ".evaluator")
        b = _float(path, evaluator, "parameter1", where + ".evaluator")
        return _clipped_line(b, a, issue.low, issue.high)
    if ftype == "constant":
        c = _float(path, evaluator, "parameter0", where + ".evaluator")
        return ((issue.low, c), (issue.high, c))
    if ftype == "triangular":
        lo = _float(path, evaluator, "parameter0", where + ".evaluator")
        hi = _float(path, evaluator, "parameter1", where + ".evaluator")
        top = _float(path, evaluator, "parameter2", where + ".evaluator")
        return ((lo, 0.0), (top, 1.0), (hi, 0.0))
    raise _fail(
        path,
        f"real evaluator ftype={evaluator.get('ftype')!r} is not supported "
        "(GENIUS reads no parameters for 'faratin' and fails on others)",
        where,
    )


def _unit_interval(path: Path, element: ET.Element | None, name: str) -> float | None:
    if element is None:
        return None
    raw = element.get("value")
    try:
        return float(raw) if raw is not None else None
    except ValueError:
        return None


def read_profile(path: Path, domain: tuple[_Issue, ...]) -> GeniusProfile:
    """A linear-additive profile (also `UNCERTAIN`, read as linear); others are refused."""
    root = parse_xml(path)
    if root.tag != "utility_space":
        raise _fail(path, f"root element is <{root.tag}>, expected <utility_space>")
    kind = (root.get("type") or "linear").lower()
    if kind not in ("linear", "uncertain"):
        size = 1
        for issue in domain:
            size *= (
                len(issue.items)
                if issue.kind == "discrete"
                else (int(issue.high - issue.low) + 1 if issue.kind == "integer" else 0)
            )
        count = f"{size:,}" if size else "infinitely many"
        raise _fail(
            path,
            f'utility_space type="{root.get("type")}" is not supported: a '
            f"non-linear profile (hyper-rectangle utilities) over {count} outcomes has no "
            "exact frontier method here and is too large to enumerate",
            "utility_space",
        )
    objective = root.find("objective")
    if objective is None:
        raise _fail(path, "no <objective> element", "utility_space")
    weights: dict[int, float] = {}
    for w in objective.iter("weight"):
        index = int(_float(path, w, "index", "weight"))
        weights[index] = _float(path, w, "value", f"weight {index}")
    by_index = {int(e.get("index", "-1")): e for e in _issues_in(objective)}
    total = sum(weights.get(i.index, 0.0) for i in domain)
    if total <= 0:
        raise _fail(path, "the issue weights sum to 0", "weight")
    if not math.isfinite(total):  # each is finite, their sum overflows: no utility is
        raise _fail(path, f"the issue weights sum to {total}: expected a finite total", "weight")
    functions: list[tuple[str, IssueValue]] = []
    for issue in domain:
        element = by_index.get(issue.index)
        if element is None:
            raise _fail(
                path,
                f'no <issue index="{issue.index}"> for domain issue {issue.name!r}',
                "objective",
            )
        e = _evaluator(path, issue, element)
        if isinstance(e, np.ndarray):
            functions.append(
                (
                    issue.name,
                    ChoiceValue(
                        tuple((v, float(total * x)) for v, x in zip(issue.items, e, strict=True))
                    ),
                )
            )
        else:
            functions.append(
                (issue.name, PiecewiseLinearValue(tuple((x, total * v) for x, v in e)))
            )
    valuation = Valuation(
        tuple((i.name, weights.get(i.index, 0.0)) for i in domain), tuple(functions)
    )
    discount = _unit_interval(path, root.find("discount_factor"), "discount_factor")
    if discount is None or discount <= 0 or discount > 1:
        discount = 1.0
    reservation = _unit_interval(path, root.find("reservation"), "reservation") or 0.0
    return GeniusProfile(
        path, path.stem, kind == "uncertain", valuation, discount, reservation, total
    )


def _model_issue(issue: _Issue) -> Issue:
    return from_genius(GeniusIssue(issue.name, issue.kind, issue.items, issue.low, issue.high))


def _calendar(steps: int) -> Calendar:
    end = START + dt.timedelta(days=steps)
    return Calendar(
        (Meeting(START, "GENIUS", f"{steps} offers", days=steps, offers=steps),), end, end
    )


def assemble(
    name: str,
    issues: tuple[Issue, ...],
    profiles: list[GeniusProfile],
    steps: int,
    notes: list[str],
    title: str,
) -> GeniusScenario:
    """The scenario of a domain and its chosen profiles (in the order given)."""
    space = OutcomeSpace(issues)
    parties = tuple(
        Party(
            p.name,
            p.valuation,
            p.reservation,
            StrategySpec("boulware"),
            monthly_discount=p.discount ** (DAYS_PER_MONTH / steps),
            source=p.path.name,
        )
        for p in profiles
    )
    first = Offer(tuple((i.name, space.grids[k][0]) for k, i in enumerate(issues)))
    status_quo = StatusQuo(
        first,
        START + dt.timedelta(days=steps),
        "none (GENIUS has no status quo; first values stand in)",
    )
    scenario = Scenario(
        name, title, space, status_quo, parties, _calendar(steps), description=f"read from {name}"
    )
    return GeniusScenario(scenario, tuple(profiles), tuple(notes))


def read_folder(
    folder: Path, include_uncertain: bool = False, steps: int = DEFAULT_STEPS
) -> GeniusScenario:
    """A GENIUS folder (one domain XML + profiles) or a GeniusWeb folder (JSON profiles).

    Parties are the base profiles in file-name order (`type="UNCERTAIN"` ones only with
    `include_uncertain`). Files that are neither (e.g. a CSV `pareto.xml`) are noted and skipped.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder", str(folder))
    jsons = sorted(folder.glob("*.json"))
    xmls = sorted(folder.glob("*.xml"))
    if jsons and not xmls:
        return read_geniusweb(jsons, steps)
    domains: list[Path] = []
    profile_paths: list[Path] = []
    notes: list[str] = []
    for path in xmls:
        if not path.is_file():
            notes.append(f"{path.name}: not a regular file; ignored")
            continue
        head = read_input(path, "a GENIUS XML file").decode("utf-8", errors="replace")
        stripped = _LEADING.sub("", head, count=1).lstrip()
        if stripped.startswith("<negotiation_template"):
            domains.append(path)
        elif stripped.startswith("<utility_space"):
            profile_paths.append(path)
        else:
            notes.append(
                f"{path.name}: not a GENIUS domain or profile (no XML root element); ignored"
            )
    if len(domains) != 1:
        found = ", ".join(p.name for p in domains) or "none"
        raise InputError(
            f"expected exactly one domain file (root <negotiation_template>), found {found}",
            str(folder),
        )
    issues = read_domain(domains[0])
    profiles = []
    for path in profile_paths:
        profile = read_profile(path, issues)
        if profile.uncertain and not include_uncertain:
            notes.append(
                f'{path.name}: type="UNCERTAIN" profile left out (use --include-uncertain)'
            )
            continue
        profiles.append(profile)
    if len(profiles) < 2:
        raise InputError(f"needs at least two profiles, found {len(profiles)}", str(folder))
    model_issues = tuple(_model_issue(i) for i in issues)
    discrete = 1
    for issue in model_issues:
        if not issue.continuous:
            discrete *= issue.size()
    if discrete > ENUMERATION_LIMIT:
        raise InputError(
            f"{discrete:,} discrete outcomes exceed the enumeration limit {ENUMERATION_LIMIT:,}",
            str(domains[0]),
        )
    name = folder.resolve().name
    return assemble(name, model_issues, profiles, steps, notes, f"GENIUS domain {name}")


# --- GeniusWeb JSON (FORMAT.md §2) ---------------------------------------------------------

_DISCRETE_KEYS = ("discreteutils", "DiscreteValueSetUtilities")
_NUMBER_KEYS = ("numberutils", "NumberValueSetUtilities")


def _not_a_number(name: str) -> float:
    """JSON has no NaN or Infinity (Python's `json` reads them unless told not to)."""
    raise ValueError(f"{name} is not a JSON number")


def _json(path: Path) -> Any:
    text = read_input(path, "a GeniusWeb JSON file").decode("utf-8", errors="replace")
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_not_a_number)
    except RecursionError:
        raise _fail(path, "nested too deeply to be a GeniusWeb profile") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            [Problem("", f"not valid JSON: {exc.msg}", exc.lineno)], str(path)
        ) from None
    except ValueError as exc:  # NaN or Infinity: not JSON numbers
        raise InputError([Problem("", f"not valid JSON: {exc}")], str(path)) from None


def _geniusweb_issues(path: Path, domain: Any) -> tuple[Issue, ...]:
    values = domain.get("issuesValues") if isinstance(domain, dict) else None
    if not isinstance(values, dict) or not values:
        raise _fail(path, "expected an object of issues", "domain.issuesValues")
    out: list[Issue] = []
    for name, spec in values.items():
        where = f"domain.issuesValues.{name}"
        if isinstance(spec, dict) and isinstance(spec.get("values"), list):
            items = tuple(str(v) for v in spec["values"])
            out.append(from_genius(GeniusIssue(name, "discrete", items)))
        elif isinstance(spec, dict) and isinstance(spec.get("range"), dict):
            r = spec["range"]
            try:
                low, high, step = (float(r[k]) for k in ("low", "high", "step"))
            except (KeyError, TypeError, ValueError, InvalidOperation):
                raise _fail(path, "range needs numbers low, high and step", where) from None
            if step <= 0 or high < low:
                raise _fail(path, "range needs step > 0 and high ≥ low", where)
            out.append(from_genius(GeniusIssue(name, "real", (), low, high, step)))
        else:
            raise _fail(
                path, 'expected {"values": [...]} or {"range": {"low", "high", "step"}}', where
            )
    return tuple(out)


def _geniusweb_function(path: Path, issue: Issue, spec: Any) -> IssueValue:
    where = f"issueUtilities.{issue.name}"
    if not isinstance(spec, dict) or len(spec) != 1:
        raise _fail(path, "expected a one-key object (discreteutils or numberutils)", where)
    key, body = next(iter(spec.items()))
    if key in _DISCRETE_KEYS and not issue.numeric:
        table = body.get("valueUtilities", {}) if isinstance(body, dict) else {}
        return ChoiceValue(tuple((str(k), float(v)) for k, v in table.items()))
    if key in _NUMBER_KEYS and issue.numeric:
        try:
            lo, ulo, hi, uhi = (
                float(body[k]) for k in ("lowValue", "lowUtility", "highValue", "highUtility")
            )
        except (KeyError, TypeError, ValueError, InvalidOperation):
            raise _fail(
                path, "numberutils needs lowValue, lowUtility, highValue, highUtility", where
            ) from None
        if not lo < hi:
            raise _fail(path, "numberutils needs lowValue < highValue", where)
        grid = issue.values()
        utility = np.where(
            (grid >= lo) & (grid <= hi),
            np.round(ulo + (uhi - ulo) * (grid - lo) / (hi - lo), 8),
            0.0,
        )
        return PiecewiseLinearValue(tuple(zip(map(float, grid), map(float, utility), strict=True)))
    raise _fail(path, f"{key!r} does not fit a {issue.kind} issue", where)


def read_geniusweb(paths: list[Path], steps: int = DEFAULT_STEPS) -> GeniusScenario:
    """GeniusWeb `LinearAdditiveUtilitySpace` profiles (one per party, file-name order)."""
    profiles: list[GeniusProfile] = []
    issues: tuple[Issue, ...] | None = None
    domain_name = ""
    for path in paths:
        doc = _json(path)
        body = doc.get("LinearAdditiveUtilitySpace") if isinstance(doc, dict) else None
        if not isinstance(body, dict):
            raise _fail(
                path,
                "expected a LinearAdditiveUtilitySpace profile (other classes are not supported)",
                "",
            )
        found = _geniusweb_issues(path, body.get("domain"))
        if issues is None:
            issues = found
            domain_name = str(body["domain"].get("name", path.parent.name))
        elif [i.name for i in found] != [i.name for i in issues]:
            raise _fail(path, "its embedded domain differs from the first profile's", "domain")
        weights = body.get("issueWeights")
        utils = body.get("issueUtilities")
        names = {i.name for i in found}
        if not isinstance(weights, dict) or set(weights) != names:
            raise _fail(path, "issueWeights must name exactly the domain's issues", "issueWeights")
        if not isinstance(utils, dict) or set(utils) != names:
            raise _fail(
                path, "issueUtilities must name exactly the domain's issues", "issueUtilities"
            )
        total = sum((Decimal(str(w)) for w in weights.values()), Decimal(0))
        if total != 1:
            raise _fail(
                path, f"weights sum to {total}, GeniusWeb requires exactly 1", "issueWeights"
            )
        functions = tuple((i.name, _geniusweb_function(path, i, utils[i.name])) for i in found)
        valuation = Valuation(tuple((i.name, float(weights[i.name])) for i in found), functions)
        space = OutcomeSpace(found)
        bid = body.get("reservationBid")
        reservation = 0.0
        if isinstance(bid, dict) and isinstance(bid.get("issuevalues"), dict):
            terms: dict[str, Value] = {}
            for i in found:
                value = bid["issuevalues"].get(i.name)
                if value is None:
                    raise _fail(path, f"reservation bid lacks {i.name!r}", "reservationBid")
                terms[i.name] = float(value) if i.numeric else str(value)
            reservation = valuation.utility(space, Offer.of(terms))
        name = str(body.get("name") or path.stem)
        profiles.append(GeniusProfile(path, name, False, valuation, 1.0, reservation, 1.0))
    if issues is None or len(profiles) < 2:
        raise InputError(
            f"needs at least two profiles, found {len(profiles)}", str(paths[0].parent)
        )
    return assemble(domain_name, issues, profiles, steps, [], f"GeniusWeb domain {domain_name}")


# --- writing GENIUS XML -------------------------------------------------------------------


def to_genius_xml(scenario: Scenario) -> dict[str, str]:
    """GENIUS XML files (domain + one profile per party) keyed by file name.

    Discrete (choice, scope) → discrete; whole-number count → integer; other numeric → real.
    Each issue is written with weight w_i' = (w_i/W)·max v_i and evaluations v_i / max v_i, so
    GENIUS's U = Σ w_i' e_i equals the model's utility. Raises `InputError` where it does not
    fit: negative values, or a numeric value function that is not linear (or triangular).
    """
    problems: list[Problem] = []
    files = {f"{scenario.name}_domain.xml": _xml_text(_domain_xml(scenario))}
    for party in scenario.parties:
        files[f"{party.name}.xml"] = _xml_text(_profile_xml(scenario, party, problems))
    if problems:
        raise InputError(problems, f"scenario {scenario.name} as GENIUS XML")
    return files


def _domain_xml(scenario: Scenario) -> ET.Element:
    """The domain file: every issue with its values (discrete), bounds (integer) or range."""
    space = scenario.space
    domain = ET.Element("negotiation_template")
    us = ET.SubElement(domain, "utility_space", number_of_issues=str(len(space.issues)))
    objective = ET.SubElement(
        us, "objective", index="0", name=scenario.name, type="objective", etype="objective"
    )
    for k, issue in enumerate(space.issues, start=1):
        attrs = {"index": str(k), "name": issue.name}
        g = issue.genius()
        if g.type == "discrete":
            element = ET.SubElement(
                objective, "issue", attrs, type="discrete", etype="discrete", vtype="discrete"
            )
            for j, label in enumerate(g.items, start=1):
                ET.SubElement(element, "item", index=str(j), value=label)
        elif g.type == "integer":
            ET.SubElement(
                objective,
                "issue",
                attrs,
                type="integer",
                etype="integer",
                vtype="integer",
                lowerbound=str(int(g.low)),
                upperbound=str(int(g.high)),
            )
        else:
            element = ET.SubElement(
                objective, "issue", attrs, type="real", etype="real", vtype="real"
            )
            ET.SubElement(element, "range", lowerbound=repr(g.low), upperbound=repr(g.high))
    return domain


def _profile_xml(scenario: Scenario, party: Party, problems: list[Problem]) -> ET.Element:
    """One party's profile: per issue its weight and evaluations, then its reservation value
    and its discount over the calendar; what does not fit GENIUS is added to `problems`."""
    space = scenario.space
    root = ET.Element("utility_space", number_of_issues=str(len(space.issues)))
    obj = ET.SubElement(
        root, "objective", index="0", name=scenario.name, type="objective", etype="objective"
    )
    parts = party.valuation.issue_values(space)
    for k, issue in enumerate(space.issues, start=1):
        where = f"parties.{party.name}.valuation.{issue.name}"
        values = parts[k - 1]
        top = float(values.max()) if values.size else 0.0
        if values.size and values.min() < -1e-12:
            problems.append(Problem(where, "negative values do not fit GENIUS evaluations"))
            continue
        ET.SubElement(obj, "weight", index=str(k), value=repr(top))
        problem = _profile_issue(obj, scenario, party, k, values, top)
        if problem is not None:
            problems.append(Problem(where, problem))
    if party.reservation_value:
        ET.SubElement(root, "reservation", value=repr(party.reservation_value))
    steps = max((scenario.calendar.end - scenario.calendar.start).days, 1)
    discount = party.monthly_discount ** (steps / DAYS_PER_MONTH)
    if discount < 1:
        ET.SubElement(root, "discount_factor", value=repr(discount))
    return root


def _profile_issue(
    obj: ET.Element, scenario: Scenario, party: Party, k: int, values: np.ndarray, top: float
) -> str | None:
    """Write issue `k`'s evaluations (values / top) under `obj`; what does not fit GENIUS (a
    numeric value function neither linear nor triangular), or None."""
    space = scenario.space
    issue = space.issues[k - 1]
    scale = top if top > 0 else 1.0
    attrs = {"index": str(k), "name": issue.name}
    g = issue.genius()
    if g.type == "discrete":
        element = ET.SubElement(obj, "issue", attrs, type="discrete", etype="discrete")
        for j, (label, v) in enumerate(zip(g.items, values, strict=True), start=1):
            ET.SubElement(
                element, "item", index=str(j), value=label, evaluation=repr(float(v) / scale)
            )
        return None
    grid = space.numeric_grid(k - 1)
    e = values / scale
    slopes = np.diff(e) / np.diff(grid) if grid.size > 1 else np.zeros(1)
    linear = bool(np.allclose(slopes, slopes[0], rtol=1e-9, atol=1e-12))
    if g.type == "integer":
        if not linear:
            return "an integer issue needs a linear value function"
        element = ET.SubElement(
            obj,
            "issue",
            attrs,
            type="integer",
            etype="integer",
            lowerbound=str(int(g.low)),
            upperbound=str(int(grid[-1])),
        )
        ET.SubElement(
            element,
            "evaluator",
            ftype="linear",
            slope=repr(float(slopes[0])),
            offset=repr(float(e[0])),
        )
        return None
    element = ET.SubElement(obj, "issue", attrs, type="real", etype="real")
    ET.SubElement(element, "range", lowerbound=repr(g.low), upperbound=repr(g.high))
    function = party.valuation.function(issue.name)
    if linear:
        b = float(slopes[0])
        ET.SubElement(
            element,
            "evaluator",
            ftype="linear",
            parameter0=repr(float(e[0]) - b * float(grid[0])),
            parameter1=repr(b),
        )
        return None
    if (
        isinstance(function, PiecewiseLinearValue)
        and len(function.points) == 3
        and function.points[0][1] == function.points[2][1] == 0
    ):
        (lo, _), (top_x, peak), (hi, _) = function.points
        if abs(peak * party.valuation.weight(issue.name) - top) > 1e-12:
            return "a triangular value function must peak at its maximum"
        ET.SubElement(
            element,
            "evaluator",
            ftype="triangular",
            parameter0=repr(lo),
            parameter1=repr(hi),
            parameter2=repr(top_x),
        )
        return None
    return "a real issue needs a linear or triangular value function"


def _xml_text(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
