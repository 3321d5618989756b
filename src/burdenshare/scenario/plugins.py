"""User strategy modules named with `--plugin`: a module on the Python path, or a .py file.

Importing the module registers its strategies (`@register` from `burdenshare.strategies.registry`).
An edge job (it reads a user's file): the core only knows installed plugins, through their entry
points (`burdenshare.strategies.plugins`). Loading is idempotent, so worker processes can load the
same specs again before their first run.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from burdenshare.errors import InputError, Problem
from burdenshare.strategies import entry, names

NOTHING = "registers no strategy (decorate a class with @register(NAME))"
_LOADED: set[str] = set()
"""The modules this process loaded as plugins (a second load of one is a no-op)."""


def _registers(module: str) -> bool:
    """Whether a registered strategy's class is defined in `module`."""
    return any(entry(name).cls.__module__ == module for name in names())


def is_file(spec: str) -> bool:
    """Whether `spec` names a file (ends in .py or holds a path separator), not a module."""
    return spec.endswith(".py") or "/" in spec or "\\" in spec


def module_name(path: Path) -> str:
    """The name a plugin file is imported under: its stem and a hash of its absolute path, so
    that two files named alike never share a module and a second load finds the first."""
    digest = hashlib.sha256(str(path).encode()).hexdigest()[:12]
    stem = "".join(c if c.isalnum() else "_" for c in path.stem)
    return f"burdenshare_plugin_{stem}_{digest}"


def _import_file(spec: str, path: Path) -> ModuleType:
    """Execute the file `path` as a new module (registered in `sys.modules` only on success)."""
    name = module_name(path)
    found = importlib.util.spec_from_file_location(name, path)
    if found is None or found.loader is None:
        raise InputError(Problem(f"--plugin {spec}", "cannot be imported as a Python module"))
    module = importlib.util.module_from_spec(found)
    sys.modules[name] = module
    try:
        found.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def load_one(spec: str) -> str:
    """Import one plugin and return its spec as workers should see it (a file as an absolute
    path); a missing file or module, a failing import or no strategy registered is an
    `InputError` naming the plugin."""
    field = f"--plugin {spec}"
    path = Path(spec).expanduser().resolve() if is_file(spec) else None
    if path is not None and not path.is_file():
        raise InputError(Problem(field, "no such file"))
    key = module_name(path) if path is not None else spec
    loaded = str(path) if path is not None else spec
    if key in _LOADED or (key in sys.modules and _registers(key)):
        return loaded
    if key in sys.modules:  # imported before, by something else, and registered nothing
        raise InputError(Problem(field, NOTHING))
    before = set(names())
    try:
        if path is not None:
            _import_file(spec, path)
        else:
            importlib.import_module(spec)
    except InputError as exc:  # e.g. a clash of strategy names
        raise InputError(Problem(field, exc.render())) from None
    except ModuleNotFoundError as exc:
        if path is None and exc.name is not None and spec.startswith(exc.name):
            message = f"no module named {spec!r} on the Python path (or give a .py file)"
            raise InputError(Problem(field, message)) from None
        raise InputError(Problem(field, f"ModuleNotFoundError: {exc}")) from None
    except Exception as exc:  # the user's code may fail in any way: one line, no traceback
        raise InputError(Problem(field, _describe(exc))) from None
    if not set(names()) - before:
        raise InputError(Problem(field, NOTHING))
    _LOADED.add(key)
    return loaded


def _describe(exc: Exception) -> str:
    """`Type: message`, with the file and line of a syntax error."""
    if isinstance(exc, SyntaxError):
        return f"SyntaxError: {exc.msg} (line {exc.lineno})"
    return f"{type(exc).__name__}: {exc}"


def load_plugins(specs: Sequence[str]) -> tuple[str, ...]:
    """Import every plugin of `specs` (in order); their specs as workers should load them."""
    return tuple(load_one(spec) for spec in specs)
