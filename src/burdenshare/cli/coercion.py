"""Typer's parameter coercion, minus pydantic, for the plain types our commands take.

typer 0.2x coerces every parameter through a pydantic TypeAdapter — even `--help` when it is
absent — and building the first adapter imports pydantic: ~70 ms of the ~0.3 s a
`burdenshare analyze FOLDER --json` process took. For `str`, `bool`, `int` and `Path` (and lists
of them) with no parser, range or path type, the adapter's answer is known: the value itself;
int(text) for a plain decimal integer; Path(text) followed by typer's own path checks.
`PlainCoercionCommand` / `PlainCoercionGroup` give such parameters a coercer that returns exactly
that and hands everything else (other types, constraints, unusual text, hence every error
message) to typer's own coercion, so values and messages are unchanged
(tests/test_cli_coercion.py compares both on generated input). This relies on typer internals
(`typer._coercion.RuntimeParam`, `_TyperParameter._runtime_param`); with a typer that lacks them
nothing is changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_origin

import typer
from typer.core import TyperCommand, TyperGroup

if TYPE_CHECKING:
    from typer._click import Context
    from typer.core import TyperOption

try:
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    from typer._param_types import coerce_cli_path
    from typer.core import _TyperParameter
except ImportError:  # pragma: no cover - another typer: its own coercion is used unchanged
    SUPPORTED = False
else:
    SUPPORTED = True

_PLAIN_INT = re.compile(r"-?[0-9]{1,18}")
"""Decimal integers that int() and pydantic's lax int read alike (pydantic also takes '+5',
' 5', '5_0', '5.0': those go to typer)."""

_DECLINED = object()


def plain_kind(annotation: Any, parameter_info: Any) -> str | None:
    """'str', 'bool', 'int' or 'path' when typer would coerce with a plain unconstrained adapter."""
    if getattr(parameter_info, "parser", None) is not None:
        return None
    if annotation is str:
        return "str"
    if annotation is bool:
        return "bool"
    if annotation is int and parameter_info.min is None and parameter_info.max is None:
        return None if parameter_info.clamp else "int"
    if annotation is Path and parameter_info.path_type is None:
        return "path"
    return None


if SUPPORTED:

    @dataclass(frozen=True)
    class PlainCoercion(RuntimeParam):
        """What typer's adapter returns for a plain value; anything else goes to typer."""

        descriptor: TypeDescriptor
        kind: str
        is_list: bool
        _typer: dict[str, RuntimeParam] = field(default_factory=dict, compare=False, repr=False)

        def _coerce_value(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
            if self.is_list:
                if isinstance(value, (list, tuple)):
                    items = [self._item(item, param, ctx) for item in value]
                    if all(item is not _DECLINED for item in items):
                        return items
                return self._by_typer(value, param, ctx)
            item = self._item(value, param, ctx)
            return self._by_typer(value, param, ctx) if item is _DECLINED else item

        def _item(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
            if self.kind == "str":
                return value if type(value) is str else _DECLINED
            if self.kind == "bool":
                return value if type(value) is bool else _DECLINED
            if self.kind == "int":
                if type(value) is int:
                    return value
                if type(value) is str and _PLAIN_INT.fullmatch(value):
                    return int(value)
                return _DECLINED
            if type(value) is not str:
                return _DECLINED
            try:  # pydantic's Path(text), then typer's own checks
                return coerce_cli_path(
                    Path(value), self.parameter_info, path_type=Path, param=param, ctx=ctx
                )
            except (typer.BadParameter, ValueError):  # typer's message names the text as given
                return _DECLINED

        def _by_typer(self, value: Any, param: _TyperParameter, ctx: Context) -> Any:
            if "runtime" not in self._typer:
                self._typer["runtime"] = build_runtime_param(self.descriptor)
            return self._typer["runtime"]._coerce_value(value, param=param, ctx=ctx)

    def plain_coercer(param: Any) -> PlainCoercion | None:
        """The plain coercer for a typer parameter, or None when typer's own must be used."""
        descriptor = getattr(param, "type_descriptor", None)
        if not isinstance(descriptor, TypeDescriptor) or descriptor.file_annotation is not None:
            return None
        annotation: Any = descriptor.annotation
        origin: Any = get_origin(annotation)
        is_list = origin is list and len(get_args(annotation)) == 1
        if is_list:
            annotation = get_args(annotation)[0]
        kind = plain_kind(annotation, descriptor.parameter_info)
        if kind is None:
            return None
        return PlainCoercion(
            descriptor.parameter_info, descriptor.annotation, descriptor, kind, is_list
        )


def _equip(params: Iterable[object]) -> None:
    """Give each typer parameter that has no coercer yet its plain one (if it has one)."""
    if not SUPPORTED:
        return
    try:
        for param in params:
            if isinstance(param, _TyperParameter) and param._runtime_param is None:
                param._runtime_param = plain_coercer(param)
    except AttributeError:  # pragma: no cover - typer internals changed shape
        return


class PlainCoercionCommand(TyperCommand):
    """A TyperCommand whose plain parameters (and --help) are coerced without pydantic."""

    def __init__(self, name: str | None, **attrs: Any) -> None:
        super().__init__(name, **attrs)
        _equip(self.params)

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        _equip([option])
        return option


class PlainCoercionGroup(TyperGroup):
    """A TyperGroup whose plain parameters (and --help) are coerced without pydantic."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        _equip(self.params)

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        _equip([option])
        return option


def use_plain_coercion(app: typer.Typer) -> None:
    """Registered commands of `app` and its sub-apps that use typer's plain TyperCommand get
    PlainCoercionCommand (call after registering; make the app with `cls=PlainCoercionGroup`)."""
    for info in app.registered_commands:
        if info.cls is None or info.cls is TyperCommand:
            info.cls = PlainCoercionCommand
    for group in app.registered_groups:
        if group.typer_instance is not None:
            use_plain_coercion(group.typer_instance)
