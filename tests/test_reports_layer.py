"""burdenshare.reports stays an application layer: it imports neither the command line nor the
file writers, touches no file itself, and importing it loads no heavy library."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import burdenshare.reports

PACKAGE = Path(burdenshare.reports.__file__).resolve().parent
FORBIDDEN_IMPORTS = ("burdenshare.cli", "burdenshare.files", "burdenshare.web")
FILE_CALLS = {"open", "savefig", "to_parquet", "write_text", "write_bytes", "read_text",
              "read_bytes", "mkdir", "unlink", "touch"}  # fmt: skip


def _in_memory(tree: ast.AST) -> set[str]:
    """Names bound to an in-memory buffer (`x = io.StringIO()` or `io.BytesIO()`)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Attribute) and func.attr in ("StringIO", "BytesIO"):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _imports_and_calls(path: Path) -> tuple[set[str], set[str]]:
    """The modules `path` imports and the names it calls (a figure saved into an in-memory
    buffer, as the HTML report's SVG, is not file I/O and not counted)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    buffers = _in_memory(tree)
    imports, calls = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imports.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imports.add(node.module)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            target = node.args[0] if node.args else None
            if name == "savefig" and isinstance(target, ast.Name) and target.id in buffers:
                continue
            calls.add(name)
    return imports, calls


def test_no_module_imports_an_edge_writer_or_does_file_io() -> None:
    modules = sorted(PACKAGE.glob("*.py"))
    assert len(modules) > 5
    for path in modules:
        imports, calls = _imports_and_calls(path)
        bad = [m for m in imports if m.startswith(FORBIDDEN_IMPORTS)]
        assert not bad, f"{path.name} imports {bad}"
        assert not calls & FILE_CALLS, f"{path.name} calls {sorted(calls & FILE_CALLS)}"


def test_importing_every_module_loads_no_heavy_library() -> None:
    code = (
        "import importlib, pkgutil, sys, burdenshare.reports as r\n"
        "for m in pkgutil.iter_modules(r.__path__):\n"
        "    importlib.import_module('burdenshare.reports.' + m.name)\n"
        "heavy = ('matplotlib', 'numpy', 'rich', 'typer', 'duckdb')\n"
        "print(sorted(k for k in heavy if k in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
