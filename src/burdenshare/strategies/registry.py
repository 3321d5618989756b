"""Strategies registered by name (at their definition site), with tags to query them by."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from burdenshare.errors import InputError, Problem
from burdenshare.strategies import plugins
from burdenshare.strategies.base import Strategy
from burdenshare.strategies.compiled_form import CompiledForm, CompiledWrapper

Compiled = CompiledForm | CompiledWrapper


@dataclass(frozen=True)
class Entry:
    """A registered strategy: its class, preset parameters, tags, one-line summary and compiled
    form (None: it runs on the reference engine only)."""

    name: str
    cls: type[Any]
    presets: tuple[tuple[str, Any], ...]
    tags: frozenset[str]
    summary: str
    compiled: Compiled | None = None


_REGISTRY: dict[str, Entry] = {}
_DISCOVERED = [False]
_FORMS: dict[type[Any], Compiled] = {}
S = TypeVar("S")


def register(
    name: str,
    *,
    presets: Mapping[str, Any] | None = None,
    tags: frozenset[str] | None = None,
    compiled: Compiled | None = None,
) -> Callable[[type[S]], type[S]]:
    """Class decorator: register a strategy under `name` (a clash is an error, not an overwrite),
    with its compiled form if it has one."""

    def decorate(cls: type[S]) -> type[S]:
        add(name, cls, presets=presets, tags=tags, compiled=compiled)
        return cls

    return decorate


def add(
    name: str,
    cls: type[Any],
    *,
    presets: Mapping[str, Any] | None = None,
    tags: frozenset[str] | None = None,
    compiled: Compiled | None = None,
) -> None:
    """Register `cls` under `name` with preset parameters (e.g. `boulware` = e 0.2). A class's
    compiled form is declared once and serves every name it is registered under; such an entry
    is tagged "vectorisable"."""
    if name in _REGISTRY:
        raise ValueError(f"strategy name {name!r} is already registered")
    own = getattr(cls, "name", None)
    if isinstance(own, str) and "name" not in vars(cls) and own != name:
        # the name a built strategy reports (`spec_of`, stored runs, worker processes) would
        # be its parent's: they would rebuild the parent, silently
        raise ValueError(
            f"{cls.__name__} inherits name {own!r}: declare its own, "
            f"name: ClassVar[str] = {name!r}"
        )
    if compiled is not None:
        if _FORMS.get(cls, compiled) != compiled:
            raise ValueError(f"{cls.__name__} already has another compiled form")
        _FORMS[cls] = compiled
    form = _FORMS.get(cls)
    doc = (cls.__doc__ or "").strip().splitlines()
    found = frozenset(tags if tags is not None else getattr(cls, "tags", frozenset()))
    _REGISTRY[name] = Entry(
        name,
        cls,
        tuple((presets or {}).items()),
        found | {"vectorisable"} if form is not None else found,
        doc[0] if doc else "",
        form,
    )



def compiled_forms() -> tuple[tuple[type[Any], Compiled], ...]:
    """Every registered class with a compiled form, with it, in the order registered: the
    compiled engine numbers the forms in this order (a later registration renumbers none)."""
    return tuple(_FORMS.items())


def compiled_form(strategy: object) -> Compiled | None:
    """The compiled form of `strategy`'s own class (None: none; a subclass of a strategy with a
    compiled form has none unless it declares its own)."""
    return _FORMS.get(type(strategy))


def discover() -> None:
    """Register the strategies of installed plugins (`plugins.GROUP` entry points), once: their
    modules register themselves on import; an entry point naming an unregistered class is
    registered under the entry point's name."""
    if _DISCOVERED[0]:
        return
    _DISCOVERED[0] = True
    try:
        for ep in plugins.installed():
            loaded = plugins.load(ep)
            known = any(e.cls is loaded for e in _REGISTRY.values())
            if isinstance(loaded, type) and not known and ep.name not in _REGISTRY:
                add(ep.name, loaded)
    except InputError:
        _DISCOVERED[0] = False  # report it again on the next question, not silently
        raise


def names(tag: str | None = None) -> tuple[str, ...]:
    """Registered names (optionally only those carrying `tag`), sorted; installed plugins are
    discovered on the first call."""
    discover()
    return tuple(sorted(n for n, e in _REGISTRY.items() if tag is None or tag in e.tags))


def entry(name: str) -> Entry:
    """The entry for `name`; an `InputError` listing the known names if there is none (a name
    not registered yet is looked for among the installed plugins first)."""
    if name not in _REGISTRY:
        discover()
    if name not in _REGISTRY:
        known = ", ".join(names())
        raise InputError(
            Problem("strategy", f"unknown strategy {name!r}; expected one of: {known}")
        )
    return _REGISTRY[name]


def parameters(name: str) -> dict[str, Any]:
    """The parameters of strategy `name` with their defaults (presets applied)."""
    found = entry(name)
    out = {f.name: f.default for f in dataclasses.fields(found.cls) if f.init}
    out.update(dict(found.presets))
    return out


def _coerce(strategy: str, key: str, value: Any, annotation: Any) -> Any:
    """Convert a parameter value to its declared type, or explain what was expected."""
    origin = typing.get_origin(annotation)
    if annotation in (float, "float"):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise TypeError
        return float(value)
    if annotation in (int, "int"):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise TypeError
        return int(value)
    if annotation in (str, "str") or origin is None:
        return value if isinstance(value, str) else str(value)
    return value


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    """The class's resolved annotations (resolving costs about 0.35 ms, so once per class)."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def build(name: str, params: Mapping[str, Any] | None = None, field: str = "strategy") -> Strategy:
    """Instantiate strategy `name` with `params` (on top of its presets), validating each one."""
    found = entry(name)
    fields = {f.name: f for f in dataclasses.fields(found.cls) if f.init}
    hints = _hints(found.cls)
    merged: dict[str, Any] = dict(found.presets)
    problems = []
    extra: dict[str, Any] = {}
    for key, value in (params or {}).items():
        if key not in fields:
            if "params" in fields:
                extra[key] = value
                continue
            known = ", ".join(sorted(fields)) or "none"
            problems.append(
                Problem(
                    f"{field}.{key}", f"unknown parameter of {name!r}; expected one of: {known}"
                )
            )
            continue
        try:
            merged[key] = _coerce(name, key, value, hints.get(key, Any))
        except (TypeError, ValueError):
            expected = getattr(hints.get(key), "__name__", str(hints.get(key)))
            problems.append(Problem(f"{field}.{key}", f"expected a {expected}, got {value!r}"))
    if extra:
        merged["params"] = tuple(extra.items())
    if problems:
        raise InputError(problems)
    try:
        strategy = found.cls(**merged)
    except ValueError as exc:
        raise InputError(Problem(field, f"{name}: {exc}")) from None
    return typing.cast(Strategy, strategy)


def spec_of(strategy: object) -> str:
    """`name:param=value,…` for a built strategy (a wrapper's inner parameters inlined)."""
    name = getattr(strategy, "name", type(strategy).__name__)
    if not dataclasses.is_dataclass(strategy):
        return str(name)
    parts: list[str] = []
    for f in dataclasses.fields(strategy):
        if not f.init:
            continue
        value = getattr(strategy, f.name)
        if f.name == "params":
            parts.extend(f"{k}={v}" for k, v in value)
        else:
            parts.append(f"{f.name}={value}")
    return f"{name}:{','.join(parts)}" if parts else str(name)
