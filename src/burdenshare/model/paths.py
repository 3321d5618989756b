"""Scenario field paths such as `ratifiers.trump.limits.0.min_change_pct`: one grammar, read on
the raw TOML document (`--set`) and on the immutable `Scenario` (uncertain inputs, drawn per run).

A path is dot-separated steps; a step into a list picks an element by index or by its `name`.
`FIELDS` is the table of what a path may name on the model (the fields that can vary per run);
`resolve` turns a path into a `Target` with every element as its index, and errors name the
path, what is there ("did you mean" for a near miss) and what was expected.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from burdenshare.model.parties import StrategySpec
from burdenshare.model.scenario import Scenario

Step: TypeAlias = str | int
"""A resolved step: a table key, or a list element's index."""


class PathError(ValueError):
    """A path that names nothing: `where` (the path up to the bad step) and why."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}" if where else message)


def steps_of(path: str) -> tuple[str, ...]:
    """The steps of `path` (empty steps, as in `a..b`, are skipped)."""
    steps = tuple(k for k in path.strip().split(".") if k)
    if not steps:
        raise PathError("", f"empty field path {path!r}")
    return steps


def _near(key: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _index(names: Sequence[str | None], key: str) -> int | None:
    if key.isascii() and key.isdigit() and int(key) < len(names):
        return int(key)
    return names.index(key) if key in names else None


def element(names: Sequence[str | None], key: str, where: str) -> int:
    """Index of the list element `key` names: an index (ASCII digits) below the length, else
    the element whose `name` is `key`."""
    found = _index(names, key)
    if found is None:
        raise PathError(where, _missing(names, key))
    return found


def _missing(names: Sequence[str | None], key: str) -> str:
    known = [n for n in names if n is not None]
    named = f" or one of: {', '.join(known)}" if known else ""
    return f"no element {key!r}{_near(key, known)}; expected an index below {len(names)}{named}"


# -- the raw document (`--set`) --------------------------------------------------------------


def _names(items: list[Any]) -> list[str | None]:
    return [str(x["name"]) if isinstance(x, dict) and "name" in x else None for x in items]


def _raw_step(node: Any, key: str, walked: tuple[str, ...], create: bool) -> tuple[Any, Step]:
    """The child of raw `node` at `key` and its resolved step (a missing table key is created
    as an empty table when `create`, else the child is None)."""
    where = ".".join(walked)
    if isinstance(node, list):
        i = element(_names(node), key, where)
        return node[i], i
    if isinstance(node, dict):
        if key not in node and create:
            node[key] = {}
        return node.get(key), key
    raise PathError(".".join(walked[:-1]), "is a value, not a table")


def set_raw(data: dict[str, Any], path: str, value: Any) -> tuple[Step, ...]:
    """Set `path` to `value` in the raw document (missing tables are created); the resolved
    steps."""
    steps = steps_of(path)
    node: Any = data
    resolved: list[Step] = []
    for position, key in enumerate(steps[:-1]):
        node, step = _raw_step(node, key, steps[: position + 1], create=True)
        resolved.append(step)
    last = steps[-1]
    if isinstance(node, list):
        i = element(_names(node), last, path)
        node[i] = value
        return (*resolved, i)
    if not isinstance(node, dict):
        raise PathError(".".join(steps[:-1]), "is a value, not a table")
    node[last] = value
    return (*resolved, last)


def read_raw(data: dict[str, Any], path: str) -> tuple[tuple[Step, ...], Any]:
    """(resolved steps, value) of `path` in the raw document; the value is None where a table
    lacks the key (and the steps stop there)."""
    steps = steps_of(path)
    node: Any = data
    resolved: list[Step] = []
    for position, key in enumerate(steps):
        node, step = _raw_step(node, key, steps[: position + 1], create=False)
        resolved.append(step)
        if node is None:
            break
    return tuple(resolved), node


# -- the model: what a path may name, and replacing it ---------------------------------------


@dataclass(frozen=True)
class Number:
    """A number field of the model."""


@dataclass(frozen=True)
class Strategy:
    """A party's strategy: whole (`NAME[:param=value,…]`), its `name` or `params.KEY`."""


@dataclass(frozen=True)
class Fields:
    """A table: each TOML key with the model attribute it sets ("" for a table of the file
    that has no object of its own, such as a party's `lapse`) and what lies below."""

    children: tuple[tuple[str, str, Node], ...]
    by_key: dict[str, tuple[str, Node]] = dataclasses.field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_key", {k: (a, n) for k, a, n in self.children})

    def child(self, key: str) -> tuple[str, Node] | None:
        """(attribute, node) under `key`."""
        return self.by_key.get(key)


@dataclass(frozen=True)
class Elements:
    """A list, by index or `name`; `symbol` stands for an element in a pattern (P, R, T, I)."""

    symbol: str
    item: Node


Node: TypeAlias = Number | Strategy | Fields | Elements

_LIMIT = Fields(tuple((k, k, Number()) for k in ("min", "max", "min_change_pct", "max_change_pct")))

FIELDS = Fields(
    (
        (
            "parties",
            "parties",
            Elements(
                "P",
                Fields(
                    (
                        ("reservation_value", "reservation_value", Number()),
                        ("monthly_discount", "monthly_discount", Number()),
                        (
                            "lapse",
                            "",
                            Fields(
                                (
                                    ("per_month", "lapse_change_per_month", Number()),
                                    (
                                        "events",
                                        "events",
                                        Elements("I", Fields((("change", "change", Number()),))),
                                    ),
                                )
                            ),
                        ),
                        ("strategy", "strategy", Strategy()),
                    )
                ),
            ),
        ),
        (
            "ratifiers",
            "ratifiers",
            Elements(
                "R",
                Fields(
                    (
                        ("min_utility", "min_utility", Number()),
                        ("limits", "limits", Elements("I", _LIMIT)),
                    )
                ),
            ),
        ),
        (
            "threats",
            "threats",
            Elements(
                "T",
                Fields((("change", "change", Number()), ("credibility", "credibility", Number()))),
            ),
        ),
        ("exchange_rate", "exchange_rate", Fields((("rate", "rate", Number()),))),
    )
)
"""What a path may name on the model: the fields that can vary per run."""


def patterns(node: Node = FIELDS, prefix: str = "") -> tuple[str, ...]:
    """Every path `node` admits, as patterns: `parties.P.strategy.params.KEY`."""
    join = f"{prefix}." if prefix else ""
    if isinstance(node, Number):
        return (prefix,)
    if isinstance(node, Strategy):
        return (prefix, f"{join}name", f"{join}params.KEY")
    if isinstance(node, Elements):
        return patterns(node.item, f"{join}{node.symbol}")
    return tuple(p for key, _, child in node.children for p in patterns(child, f"{join}{key}"))


@dataclass(frozen=True)
class Target:
    """What a path names on a scenario: its steps with every element as an index, and the
    pattern it matches (`ratifiers.R.limits.I.max_change_pct`)."""

    path: str
    steps: tuple[Step, ...]
    pattern: str

    @property
    def indices(self) -> tuple[int, ...]:
        """The element indices along the path (party, then event; ratifier, then limit; …)."""
        return tuple(s for s in self.steps if isinstance(s, int))


def _expected(node: Node, where: str) -> str:
    return f"expected one of: {', '.join(patterns(node, where))}"


@dataclass(frozen=True)
class _Walk:
    """How far a path goes in `FIELDS` on a scenario: the resolved steps and their pattern,
    the steps left over, and why the walk stopped short (None: it reached a field)."""

    steps: tuple[Step, ...]
    pattern: tuple[str, ...]
    rest: tuple[str, ...]
    error: PathError | None


def _walk(scenario: Scenario, path: str) -> _Walk:
    steps = steps_of(path)
    node: Node = FIELDS
    obj: Any = scenario
    resolved: list[Step] = []
    pattern: list[str] = []

    def stop(position: int, where: int, message: str) -> _Walk:
        error = PathError(".".join(steps[:where]), message)
        return _Walk(tuple(resolved), tuple(pattern), steps[position:], error)

    for position, key in enumerate(steps):
        if isinstance(node, Number):
            return stop(position, position, "is a number, not a table")
        if isinstance(node, Strategy):
            rest = steps[position:]
            if rest == ("name",) or (len(rest) == 2 and rest[0] == "params"):
                keys = ("name",) if rest == ("name",) else ("params", "KEY")
                return _Walk((*resolved, *rest), (*pattern, *keys), (), None)
            return stop(position, position + 1, _expected(node, ".".join(steps[:position])))
        if isinstance(node, Elements):
            names = [getattr(x, "name", None) for x in obj]
            i = _index(names, key)
            if i is None:
                return stop(position, position + 1, _missing(names, key))
            resolved.append(i)
            pattern.append(node.symbol)
            obj, node = obj[i], node.item
            continue
        found = node.child(key)
        if found is None:
            known = [k for k, _, _ in node.children]
            expected = _expected(node, ".".join(steps[:position]))
            why = f"no field that can vary per run{_near(key, known)}; {expected}"
            return stop(position, position + 1, why)
        attribute, child = found
        value = getattr(obj, attribute) if attribute else obj
        if value is None and not isinstance(child, Number):
            return stop(position, position + 1, "is not set in this scenario")
        obj, node = value, child
        resolved.append(key)
        pattern.append(key)
    if isinstance(node, Fields | Elements):
        kind = "table" if isinstance(node, Fields) else "list"
        return stop(len(steps), len(steps), f"is a {kind}; " + _expected(node, path))
    return _Walk(tuple(resolved), tuple(pattern), (), None)


def resolve(scenario: Scenario, path: str) -> Target:
    """The `Target` `path` names on `scenario`; `PathError` if it names no field that can vary
    per run."""
    walk = _walk(scenario, path)
    if walk.error is not None:
        raise walk.error
    return Target(path, walk.steps, ".".join(walk.pattern))


def reach(scenario: Scenario, path: str) -> tuple[Step, ...]:
    """The steps of any path (a `--set` path too), each list element `FIELDS` knows as its
    index and the rest as written: what `overlap` compares."""
    walk = _walk(scenario, path)
    return (*walk.steps, *walk.rest)


def overlap(a: Sequence[Step], b: Sequence[Step]) -> bool:
    """Whether setting `a` and setting `b` touch the same field: one lies within the other."""
    n = min(len(a), len(b))
    return tuple(a[:n]) == tuple(b[:n])


def replace(scenario: Scenario, target: Target, value: float | int | str) -> Scenario:
    """`scenario` with the field `target` names set to `value`."""
    result: Scenario = _put(scenario, FIELDS, target.steps, value)
    return result


def _put(obj: Any, node: Node, steps: tuple[Step, ...], value: float | int | str) -> Any:
    if isinstance(node, Number):
        return float(value)
    if isinstance(node, Strategy):
        return _strategy(obj, steps, value)
    head, rest = steps[0], steps[1:]
    if isinstance(node, Elements):
        assert isinstance(head, int)
        items = tuple(obj)
        return (*items[:head], _put(items[head], node.item, rest, value), *items[head + 1 :])
    found = node.child(str(head))
    assert found is not None
    attribute, child = found
    if not attribute:
        return _put(obj, child, rest, value)
    changed = _put(getattr(obj, attribute), child, rest, value)
    return dataclasses.replace(obj, **{attribute: changed})


def _strategy(
    spec: StrategySpec, steps: tuple[Step, ...], value: float | int | str
) -> StrategySpec:
    if not steps:
        return parse_spec(str(value))
    if steps == ("name",):
        return StrategySpec(str(value), spec.params)
    params = dict(spec.params)
    params[str(steps[1])] = value
    return StrategySpec(spec.name, tuple(params.items()))


def apply(scenario: Scenario, path: str, value: float | int | str) -> Scenario:
    """`scenario` with `path` set to `value` (`PathError` if it names no field that can vary)."""
    return replace(scenario, resolve(scenario, path), value)


def parse_spec(text: str, field: str = "strategy") -> StrategySpec:
    """`NAME[:param=value,…]` (the `--strategy` syntax) as a `StrategySpec`: the one parser of
    that syntax. A value is a TOML number (`3`, `1.5`, `1e3`, `inf`) or string (`"a,b"` keeps
    its comma), else its text; `InputError` naming `field` for an item without `=` or a name."""
    from burdenshare.errors import InputError, Problem

    name, _, rest = text.partition(":")
    params: list[tuple[str, float | str]] = []
    for item in _items(rest):
        key, equals, raw = item.partition("=")
        if not equals or not key.strip():
            message = f"parameter {item!r} of {name.strip()!r}: expected param=value"
            raise InputError(Problem(field, message))
        params.append((key.strip(), spec_value(raw.strip())))
    if not name.strip():
        raise InputError(Problem(field, f"expected NAME[:param=value,…], got {text!r}"))
    return StrategySpec(name.strip(), tuple(params))


def _items(rest: str) -> list[str]:
    """The comma-separated items of `rest`, a comma inside double quotes kept."""
    items, current, quoted = [], "", False
    for char in rest:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return [item.strip() for item in items if item.strip()]


def spec_value(text: str) -> float | str:
    """A parameter value of a strategy spec: a TOML int, float or string, else the text itself
    (`true` or a date stays text: a strategy parameter is a number or a string)."""
    import tomllib

    try:
        value = tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return text
    return value
