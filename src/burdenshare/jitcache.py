"""Generated modules for numba's on-disk cache, named by what they compile, so it never goes stale.

numba keys a cached function by its own source file alone (path, modification time and size):
a change in a function it calls from another file, or in a constant it reads from one, goes
unseen. So the compiled engine writes the module it caches as source text named by a hash of
that text, of every source file it compiles (found by following the globals its functions
read) and of the constants they read: a change anywhere gives a new file, hence a new cache.

This module writes and reads files, so it stands apart from the core packages (which do no
file I/O) and imports nothing from burdenshare.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import inspect
import os
import sys
import tempfile
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; each process compiles for itself
    fcntl = None  # type: ignore[assignment]

LIBRARIES = frozenset({"numpy", "numba", "llvmlite", *sys.stdlib_module_names})
"""Top-level packages whose code is not followed (their version is part of numba's own key)."""


def _library(module: str | None) -> bool:
    return (module or "builtins").partition(".")[0] in LIBRARIES


def _names(code: types.CodeType) -> set[str]:
    """Global and attribute names a code object reads, nested functions included."""
    found = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            found |= _names(const)
    return found


def reachable(roots: Iterable[object]) -> tuple[list[types.FunctionType], dict[str, str]]:
    """The plain functions (not numba dispatchers) reached from `roots` by the globals they
    read, outside the libraries (a dispatcher is followed through its `py_func`), and a
    fingerprint of what they all depend on: each one's source file and every constant global
    it reads, as text by key."""
    functions: list[types.FunctionType] = []
    found: dict[str, str] = {}
    stack = list(roots)
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        plain = not hasattr(item, "py_func")
        item = getattr(item, "py_func", item)
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, type):
            if not _library(item.__module__):
                _add_file(found, inspect.getsourcefile(item))
            continue
        if not isinstance(item, types.FunctionType) or _library(item.__module__):
            continue
        if plain:
            functions.append(item)
        _add_file(found, item.__code__.co_filename)
        names = _names(item.__code__)
        for name in sorted(names):
            if name not in item.__globals__:
                continue
            value = item.__globals__[name]
            if isinstance(value, types.ModuleType):
                if not _library(value.__name__):
                    _add_file(found, getattr(value, "__file__", None))
                    stack.extend(getattr(value, n) for n in sorted(names) if hasattr(value, n))
            elif isinstance(value, int | float | str | bytes | tuple | frozenset):
                found[f"{item.__module__}.{item.__qualname__}:{name}"] = repr(value)
            else:
                stack.append(value)
    return functions, found


def _add_file(found: dict[str, str], path: str | None) -> None:
    if path and path not in found and os.path.exists(path):
        found[path] = Path(path).read_text(encoding="utf-8")


def source(function: Callable[..., object]) -> str:
    """The source text of a module-level `function`, without its decorators."""
    lines = inspect.getsource(function).splitlines(keepends=True)
    while lines and lines[0].startswith("@"):
        lines.pop(0)
    return "".join(lines)


def key(text: str, dependencies: Mapping[str, str], *extra: str) -> str:
    """A hash of `text`, of the dependencies (by key, sorted) and of `extra` (16 hex digits)."""
    digest = hashlib.sha256(text.encode())
    for name in sorted(dependencies):
        digest.update(b"\0" + name.encode() + b"\0" + dependencies[name].encode())
    for part in extra:
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()[:16]


def directory() -> Path:
    """Where generated modules go: $XDG_CACHE_HOME/burdenshare/jit (default ~/.cache), else,
    when that cannot be written, a folder of the user's in the temporary directory."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    for folder in (
        Path(base) / "burdenshare" / "jit",
        Path(tempfile.gettempdir()) / f"burdenshare-jit-{getattr(os, 'getuid', lambda: 0)()}",
    ):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    raise OSError("no writable folder for burdenshare's compiled engine (set XDG_CACHE_HOME)")


KEEP = 8
"""Generated modules of one kind kept (newest first): each edit of a source they compile leaves
an old one behind, with about 1 MB of numba's cache."""


def load(name: str, text: str, namespace: Mapping[str, object]) -> types.ModuleType:
    """Module `name` (`<kind>_<hash>`) from `text`, written once as `name`.py (atomically: a file
    never changes once written, so numba's stamp of it holds) and run with `namespace` bound
    first. Writing one removes the oldest of its kind beyond `KEEP`."""
    if name in sys.modules:
        return sys.modules[name]
    path = directory() / f"{name}.py"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        fd, scratch = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(scratch, 0o644)
        os.replace(scratch, path)
        prune(path.parent, name.rpartition("_")[0])
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import the generated module {path}")
    module = importlib.util.module_from_spec(spec)
    module.__dict__.update(namespace)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def prune(folder: Path, kind: str, keep: int = KEEP) -> None:
    """Remove all but the `keep` newest `<kind>_*.py` in `folder`, with numba's cache files of
    each (in `__pycache__`, or `NUMBA_CACHE_DIR` where numba was told to put them elsewhere)."""
    found = sorted(folder.glob(f"{kind}_*.py"), key=lambda f: f.stat().st_mtime, reverse=True)
    caches = [folder / "__pycache__"]
    if os.environ.get("NUMBA_CACHE_DIR"):
        caches.append(Path(os.environ["NUMBA_CACHE_DIR"]))
    for old in found[keep:]:
        for cache in caches:
            for stale in cache.rglob(f"{old.stem}.*"):
                stale.unlink(missing_ok=True)
        old.with_suffix(".lock").unlink(missing_ok=True)
        old.unlink(missing_ok=True)


def on_disk(dispatcher: object) -> bool:
    """Whether numba's cache holds compiled code of `dispatcher` (True when numba's internals
    differ from what this reads: better no note than a wrong one)."""
    try:
        index = dispatcher._cache._cache_file._index_path  # type: ignore[attr-defined]
    except AttributeError:
        return True
    return os.path.exists(index)


@contextlib.contextmanager
def compiled_once(dispatcher: Any) -> Iterator[None]:
    """Hold, around a first call of `dispatcher` that compiles it, a lock on its generated
    module: processes starting together on an empty cache (process-pool workers, a local Dask
    cluster, test workers) compile it once (~50 s of CPU) while the others wait and then load
    numba's cache, instead of each compiling it beside the others. Nothing is locked when this
    process has it already or numba's cache holds it."""
    if fcntl is None or dispatcher.signatures or on_disk(dispatcher):
        yield
        return
    lock = directory() / f"{dispatcher.py_func.__module__}.lock"
    with open(lock, "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(held, fcntl.LOCK_UN)
