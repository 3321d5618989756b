"""Reading a scenario's `[[uncertainty]]` section: each entry checked once, at load.

An entry must name a field that exists (the `--set` path), give its distribution the parameters
it needs, and keep the scenario valid at every end of its support: the ends are applied with the
`--set` machinery and validated like any file. The fast per-run path (`apply_path` on the model)
is checked to give exactly the scenario that validation builds. Problems are located as
`uncertainty[i]`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from burdenshare.errors import InputError, Problem
from burdenshare.experiments.uncertainty import (
    Drawn,
    Uncertain,
    UnsupportedPathError,
    apply_all,
    parse_spec,
)
from burdenshare.model import Scenario
from burdenshare.scenario.load import (
    LoadedScenario,
    apply_override,
    load_source,
    parse_toml,
    read_source,
    validate,
)
from burdenshare.scenario.schema import UncertaintyDoc


def _where(i: int) -> str:
    return f"uncertainty[{i}]"


def _current(data: dict[str, Any], path: str) -> tuple[bool, Any]:
    """(found, value) at `path` in the raw document, resolving list elements as `--set` does."""
    node: Any = data
    keys = [k for k in path.split(".") if k]
    for position, key in enumerate(keys):
        if isinstance(node, list):
            match = [x for x in node if isinstance(x, dict) and x.get("name") == key]
            if key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            elif match:
                node = match[0]
            else:
                return False, None
        elif isinstance(node, dict):
            if key not in node:
                # a strategy parameter may be absent (its default applies)
                absent_param = position == len(keys) - 1 and keys[position - 1 : position] == [
                    "params"
                ]
                strategy_params = keys[position - 1 : position] == ["strategy"] and key == "params"
                return (absent_param or strategy_params), None
            node = node[key]
        else:
            return False, None
    return True, node


def _shape_problems(i: int, doc: UncertaintyDoc) -> list[Problem]:
    """What the distribution lacks or gets wrong (before any value is tried)."""
    where = _where(i)
    out: list[Problem] = []
    if doc.dist == "choice":
        if not doc.values:
            out.append(Problem(where, "a choice needs a non-empty `values` list"))
        if doc.weights is not None and (
            len(doc.weights) != len(doc.values or []) or sum(doc.weights) <= 0
        ):
            out.append(
                Problem(where, "`weights` must give one non-negative weight per value, not all 0")
            )
        return out
    if doc.low is None or doc.high is None:
        return [Problem(where, f"a {doc.dist} distribution needs `low` and `high`")]
    if not doc.low < doc.high:
        out.append(Problem(where, f"`low` ({doc.low:g}) must be below `high` ({doc.high:g})"))
    if doc.dist == "triangular" and (doc.mode is None or not doc.low <= doc.mode <= doc.high):
        out.append(Problem(where, "a triangular distribution needs `mode` within [low, high]"))
    if doc.dist == "normal":
        if doc.mean is None or doc.sd is None:
            out.append(Problem(where, "a normal distribution needs `mean` and `sd`"))
        elif not doc.low <= doc.mean <= doc.high:
            out.append(Problem(where, "`mean` must lie within [low, high] (the bounds)"))
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


def _override(path: str, value: Drawn) -> str:
    """The `--set` assignment for `value` (a whole strategy `NAME[:p=v,…]` as an inline table)."""
    if path.split(".")[-1] == "strategy":
        spec = parse_spec(str(value))
        params = ", ".join(f"{k} = {json.dumps(v)}" for k, v in spec.params)
        return f"{path}={{ name = {json.dumps(spec.name)}, params = {{ {params} }} }}"
    return f"{path}={json.dumps(value)}"


def _try(
    data: dict[str, Any], base: Scenario, entries: Sequence[tuple[Uncertain, Drawn]], origin: str
) -> str | None:
    """None when `entries` applied to the raw document validate and the fast path agrees; else
    what went wrong."""
    trial = copy.deepcopy(data)
    try:
        for u, value in entries:
            apply_override(trial, _override(u.path, value))
        _, built = validate(trial, origin)
    except InputError as exc:
        return "; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in exc.problems)
    try:
        fast = apply_all(base, [u for u, _ in entries], [v for _, v in entries])
    except UnsupportedPathError:
        return "this field cannot vary per run; see `burdenshare` docs, reference/uncertainty"
    if fast != built:
        return "internal: the per-run path does not reproduce the validated scenario"
    return None


def uncertain_inputs(
    loaded: LoadedScenario, data: dict[str, Any] | None = None
) -> tuple[Uncertain, ...]:
    """The scenario's uncertain inputs, each checked (see module docstring); `InputError` lists
    every problem at once."""
    docs = loaded.document.uncertainty
    if not docs:
        return ()
    if data is None:
        data = parse_toml(read_source(loaded.origin)[1], loaded.origin)
        for assignment in loaded.overrides:
            apply_override(data, assignment)
    problems: list[Problem] = []
    out: list[Uncertain] = []
    for i, doc in enumerate(docs):
        found, value = _current(data, doc.path)
        if not found:
            problems.append(Problem(_where(i), f"no field {doc.path!r} in this scenario"))
            continue
        shape = _shape_problems(i, doc)
        problems.extend(shape)
        integer = isinstance(value, int) and not isinstance(value, bool)
        out.append(_uncertain(doc, integer))
    if problems:
        raise InputError(problems, loaded.origin)
    # every end of every support, all entries together first (fast), then one by one to locate
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
        return tuple(out)
    for i, u in enumerate(out):
        for value in u.extremes():
            why = _try(data, loaded.scenario, [(u, value)], loaded.origin)
            if why is not None:
                problems.append(
                    Problem(_where(i), f"{u.path} = {value!r} ({u.describe()}) is invalid: {why}")
                )
    if not problems:
        problems.append(Problem("uncertainty", "the entries are invalid together"))
    raise InputError(problems, loaded.origin)


def load_uncertain(
    ref: str | Path, overrides: Sequence[str] = ()
) -> tuple[LoadedScenario, tuple[Uncertain, ...]]:
    """Load a scenario and its checked uncertain inputs."""
    loaded = load_source(ref, overrides)
    return loaded, uncertain_inputs(loaded)
