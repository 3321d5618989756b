"""Reading a scenario's `[[uncertainty]]` section: each entry checked once, at load.

An entry must name a field that can vary per run (`model.paths`), give its distribution the
parameters it needs, and keep the scenario valid at every end of its support: the ends are
applied to the raw document as `--set` does and validated like any file, and the per-run path
on the model is checked to give exactly the scenario that validation builds. Problems are
located at the entry's key (`uncertainty[i].high`) with its line in the file. A `--set` on
the same field pins it: that entry is dropped.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from burdenshare.errors import InputError, Problem
from burdenshare.experiments.uncertainty import Drawn, Uncertain, apply_all
from burdenshare.model import Scenario
from burdenshare.model.paths import (
    PathError,
    overlap,
    parse_spec,
    reach,
    read_raw,
    resolve,
    set_raw,
)
from burdenshare.scenario.lines import line_map, line_of
from burdenshare.scenario.load import (
    LoadedScenario,
    apply_override,
    load_source,
    parse_toml,
    split_assignment,
    validate,
)
from burdenshare.scenario.schema import UncertaintyDoc

Where = Callable[[int, str], tuple[str, int | None]]
"""(field, line) of entry `i`'s key (`""`: the entry itself)."""


def locator(text: str) -> Where:
    """Where entry `i`'s key sits in `text`: `uncertainty[i].key` and its line."""
    lines = line_map(text) if text else {}

    def where(i: int, key: str) -> tuple[str, int | None]:
        loc = ("uncertainty", i, key) if key else ("uncertainty", i)
        return f"uncertainty[{i}]" + (f".{key}" if key else ""), line_of(lines, loc)

    return where


def _shape_problems(i: int, doc: UncertaintyDoc, where: Where) -> list[Problem]:
    """What the distribution lacks or gets wrong (before any value is tried)."""

    def problem(key: str, message: str) -> Problem:
        field, line = where(i, key)
        return Problem(field, message, line)

    out: list[Problem] = []
    if doc.dist == "choice":
        if not doc.values:
            out.append(problem("values", "a choice needs a non-empty `values` list"))
        if doc.weights is not None and (
            len(doc.weights) != len(doc.values or []) or sum(doc.weights) <= 0
        ):
            message = "`weights` must give one non-negative weight per value, not all 0"
            out.append(problem("weights", message))
        return out
    if doc.low is None or doc.high is None:
        key = "low" if doc.low is None else "high"
        return [problem(key, f"a {doc.dist} distribution needs `low` and `high`")]
    if not doc.low < doc.high:
        out.append(problem("low", f"`low` ({doc.low:g}) must be below `high` ({doc.high:g})"))
    if doc.dist == "triangular" and (doc.mode is None or not doc.low <= doc.mode <= doc.high):
        out.append(problem("mode", "a triangular distribution needs `mode` within [low, high]"))
    if doc.dist == "normal":
        if doc.mean is None or doc.sd is None:
            out.append(problem("mean", "a normal distribution needs `mean` and `sd`"))
        elif not doc.low <= doc.mean <= doc.high:
            out.append(problem("mean", "`mean` must lie within [low, high] (the bounds)"))
    return out


def _uncertain(doc: UncertaintyDoc, integer: bool) -> Uncertain:
    return Uncertain(
        path=doc.path,
        dist=doc.dist,
        low=doc.low,
        high=doc.high,
        mode=doc.mode,
        mean=doc.mean,
        sd=doc.sd,
        values=tuple(doc.values or ()),
        weights=tuple(doc.weights or ()),
        integer=integer,
        rationale=doc.rationale,
    )


def _document_value(base: Scenario, path: str, value: Drawn) -> Any:
    """`value` as the raw document holds it (a whole strategy `NAME[:p=v,…]` as its table)."""
    if resolve(base, path).pattern != "parties.P.strategy":
        return value
    spec = parse_spec(str(value))
    return {"name": spec.name, "params": dict(spec.params)}


def _try(
    data: dict[str, Any], base: Scenario, entries: Sequence[tuple[Uncertain, Drawn]], origin: str
) -> str | None:
    """None when `entries` applied to the raw document validate and the fast path agrees; else
    what went wrong."""
    trial = copy.deepcopy(data)
    try:
        for u, value in entries:
            set_raw(trial, u.path, _document_value(base, u.path, value))
        _, built = validate(trial, origin)
    except InputError as exc:
        return "; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in exc.problems)
    except PathError as exc:
        return str(exc)
    try:
        fast = apply_all(base, [u for u, _ in entries], [v for _, v in entries])
    except PathError as exc:
        return str(exc)
    if fast != built:
        return "internal: the per-run path does not reproduce the validated scenario"
    return None


@dataclass(frozen=True)
class Pinned:
    """An entry (`uncertainty[index]`, on `path`) whose field a `--set` assignment fixes: its
    range is dropped for this run."""

    assignment: str
    index: int
    path: str

    def note(self) -> str:
        """One line for standard error."""
        same = split_assignment(self.assignment)[0] == self.path
        on = "" if same else f" on {self.path}"
        return (
            f"note: --set {self.assignment} overrides its [[uncertainty]] range{on}: "
            "the range is dropped for this run"
        )


def raw_document(loaded: LoadedScenario) -> dict[str, Any]:
    """The raw document of `loaded` (its text as read, not the file again: the web editor's
    text has no file), its `--set` overrides applied."""
    data = parse_toml(loaded.text, loaded.origin)
    for assignment in loaded.overrides:
        apply_override(data, assignment)
    return data


def pinned(loaded: LoadedScenario) -> tuple[Pinned, ...]:
    """The entries a `--set` assignment pins: one path lies within the other once both are
    resolved (`ratifiers.trump.…` and `ratifiers.2.…` name the same ratifier); an entry below
    what a `--set` replaced need not exist any more (`--set ratifiers.trump.limits=[]`)."""
    docs = loaded.document.uncertainty
    if not docs or not loaded.overrides:
        return ()
    sets = [(a, reach(loaded.scenario, split_assignment(a)[0])) for a in loaded.overrides]
    out = []
    for i, doc in enumerate(docs):
        steps = reach(loaded.scenario, doc.path)
        by = [assignment for assignment, changed in sets if overlap(steps, changed)]
        if by:
            out.append(Pinned(by[-1], i, doc.path))
    return tuple(out)


def uncertain_inputs(
    loaded: LoadedScenario, data: dict[str, Any] | None = None
) -> tuple[Uncertain, ...]:
    """The scenario's uncertain inputs, each checked (see module docstring), less those a
    `--set` pins (`pinned`); `InputError` lists every problem at once."""
    docs = loaded.document.uncertainty
    if not docs:
        return ()
    if data is None:
        data = raw_document(loaded)
    dropped = {p.index for p in pinned(loaded)}
    where = locator(loaded.text)
    problems: list[Problem] = []
    out: list[tuple[int, Uncertain]] = []
    for i, doc in enumerate(docs):
        problems.extend(_shape_problems(i, doc, where))
        if i in dropped:
            continue
        try:
            resolve(loaded.scenario, doc.path)
        except PathError as exc:
            field, line = where(i, "path")
            problems.append(Problem(field, str(exc), line))
            continue
        value = read_raw(data, doc.path)[1]
        out.append((i, _uncertain(doc, isinstance(value, int) and not isinstance(value, bool))))
    if problems:
        raise InputError(problems, loaded.origin)
    _check_ends(loaded, data, out, where)
    return tuple(u for _, u in out)


def _check_ends(
    loaded: LoadedScenario,
    data: dict[str, Any],
    entries: list[tuple[int, Uncertain]],
    where: Where,
) -> None:
    """Every end of every support applied, all entries together first (fast), then one by one
    to locate what is invalid."""
    out = [u for _, u in entries]
    if not out:
        return
    rounds = max(2, *(len(u.extremes()) for u in out))
    combined_ok = all(
        _try(
            data,
            loaded.scenario,
            [(u, u.extremes()[r % len(u.extremes())]) for u in out],
            loaded.origin,
        )
        is None
        for r in range(rounds)
    )
    if combined_ok:
        return
    problems: list[Problem] = []
    for i, u in entries:
        for end, value in zip(_end_keys(u), u.extremes(), strict=True):
            why = _try(data, loaded.scenario, [(u, value)], loaded.origin)
            if why is not None:
                field, line = where(i, end)
                message = f"{u.path} = {value!r} ({u.describe()}) is invalid: {why}"
                problems.append(Problem(field, message, line))
    if not problems:
        problems.append(Problem("uncertainty", "the entries are invalid together"))
    raise InputError(problems, loaded.origin)


def _end_keys(u: Uncertain) -> tuple[str, ...]:
    """The key of each of `u.extremes()`: `values` for a choice, else `low` and `high`."""
    return ("values",) * len(u.values) if u.dist == "choice" else ("low", "high")


def load_uncertain(
    ref: str | Path, overrides: Sequence[str] = ()
) -> tuple[LoadedScenario, tuple[Uncertain, ...]]:
    """Load a scenario and its checked uncertain inputs."""
    loaded = load_source(ref, overrides)
    return loaded, uncertain_inputs(loaded)
