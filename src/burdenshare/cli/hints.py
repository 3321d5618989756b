"""Command annotations evaluated once, before typer builds the commands.

The command modules use `from __future__ import annotations`, so each parameter's annotation is
a string, and typer evaluates every one four times while building the commands
(`inspect.signature(eval_str=True)` and `get_type_hints`, both twice per command): ~8 ms of each
`burdenshare` start. Evaluated here once, the way `inspect.signature(eval_str=True)` evaluates
them, typer finds the objects themselves and builds the same commands.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import typer


def resolve_annotations(app: typer.Typer) -> None:
    """Replace the string annotations of `app`'s command callbacks (and its sub-apps') by their
    values; a function whose annotations do not evaluate is left for typer to report as before."""
    for info in app.registered_commands:
        _resolve(info.callback)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            resolve_annotations(group.typer_instance)


def _resolve(callback: Callable[..., Any] | None) -> None:
    if callback is None:
        return
    function = inspect.unwrap(callback)
    annotations = getattr(function, "__annotations__", None)
    if not isinstance(annotations, dict):
        return
    if not any(isinstance(value, str) for value in annotations.values()):
        return
    try:
        values = inspect.get_annotations(function, eval_str=True)
    except Exception:  # typer evaluates them again and reports the error itself
        return
    annotations.update(values)  # the same dict functools.wraps shares with any wrapper
