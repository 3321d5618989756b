"""The registry's compiled strategies, numbered, and the dispatch over them as numba compiles it.

Each `CompiledForm` and each `CompiledWrapper` in the registry gets a code, its place among
the forms of its kind in registration order (`Runs.code`, `Runs.wrapper`). The functions below
are what the compiled loop calls with a code; in Python they look the form up. numba cannot
compile a look-up in a Python list, so `source` writes them as if-chains over the numbered
forms, calling each form's functions by name, for the generated loop module (`compiled.py`).
"""

from __future__ import annotations

import numpy as np

from burdenshare.strategies.compiled_form import CompiledForm, CompiledView, CompiledWrapper
from burdenshare.strategies.registry import compiled_forms

Forms = tuple[tuple[CompiledForm, ...], tuple[CompiledWrapper, ...]]


def forms() -> Forms:
    """The registered strategies' compiled forms and the wrappers', each in its code order."""
    registered = [form for _, form in compiled_forms()]
    return (
        tuple(f for f in registered if isinstance(f, CompiledForm)),
        tuple(f for f in registered if isinstance(f, CompiledWrapper)),
    )


def width(of: tuple[CompiledForm, ...] | tuple[CompiledWrapper, ...]) -> int:
    """Room for the parameters of any of `of` in a parameter row (at least 1)."""
    return max([1, *(len(f.params) for f in of)])


def inner_target(code: int, p: np.ndarray, view: CompiledView) -> float:
    """The target of strategy `code` with parameters p."""
    return forms()[0][code].target(p, view)


def inner_offer(code: int, p: np.ndarray, view: CompiledView) -> int:
    """The offer strategy `code` makes of its own (−1: the offer kernel's at its target)."""
    offer = forms()[0][code].offer
    return -1 if offer is None else offer(p, view)


def wrapper_target(code: int, p: np.ndarray, view: CompiledView, inner: float) -> float:
    """Wrapper `code`'s target around the inner target."""
    return forms()[1][code].target(p, view, inner)


def wrapper_permitted(code: int, p: np.ndarray, view: CompiledView, offer: int) -> bool:
    """Whether wrapper `code` lets `offer` be proposed or accepted."""
    return forms()[1][code].permitted(p, view, offer)


def wrapper_allowed(code: int, p: np.ndarray, view: CompiledView, out: np.ndarray) -> bool:
    """Wrapper `code`'s allowed grid values, written into out (whether any is barred)."""
    return forms()[1][code].allowed(p, view, out)


_CHAINS = (
    ("inner_target", "p, view", 0, "target", "0.0"),
    ("inner_offer", "p, view", 0, "offer", "-1"),
    ("wrapper_target", "p, view, inner", 1, "target", "inner"),
    ("wrapper_permitted", "p, view, offer", 1, "permitted", "True"),
    ("wrapper_allowed", "p, view, out", 1, "allowed", "False"),
)
"""Each dispatch function: name, arguments after the code, kind of form (0 strategy, 1
wrapper), the form's field it calls, and what it returns when the form has no such function
(no form of that kind at all: never called, but numba needs a body)."""


def source(numbered: Forms) -> tuple[str, dict[str, object]]:
    """The dispatch functions as if-chains over `numbered`, and the names they call bound to
    each form's functions (`inner_target_0` = the first form's target, ...)."""
    bindings: dict[str, object] = {}
    parts = []
    for name, args, kind, field, missing in _CHAINS:
        lines = [f"def {name}(code, {args}):"]
        of = numbered[kind]
        for code, form in enumerate(of):
            function = getattr(form, field)
            if function is None:
                call = missing
            else:
                bound = f"{name}_{code}"
                bindings[bound] = function
                call = f"{bound}({args})"
                lines.append(f"    # {code}: {function.__module__}.{function.__qualname__}")
            if code < len(of) - 1:
                lines.append(f"    if code == {code}:")
                lines.append(f"        return {call}")
            else:
                lines.append(f"    return {call}")
        if not of:
            lines.append(f"    return {missing}")
        parts.append("\n".join(lines) + "\n")
    return "\n\n".join(parts), bindings
