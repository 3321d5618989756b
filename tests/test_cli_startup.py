"""`burdenshare --help` and every `burdenshare COMMAND --help` stay fast: they load no heavy
library (the commands import those lazily), and the groups' --help is typer's own but for its
default (False, so that typer does not coerce an absent --help through pydantic)."""

from __future__ import annotations

import json
import subprocess
import sys

import typer.main
from typer.core import TyperGroup

from burdenshare.cli.app import BurdenshareGroup

HEAVY = (
    "pydantic",
    "numpy",
    "scipy",
    "numba",
    "matplotlib",
    "duckdb",
    "pandas",
    "dateparser",
    "distributed",
)

PROBE = """
import contextlib, io, json, sys
import typer.main
from burdenshare.cli.app import _register, app, main

_register()


def paths(command, prefix):
    yield prefix
    for name, sub in getattr(command, "commands", {}).items():
        yield from paths(sub, [*prefix, name])


heavy = %r
loaded = {}
for path in paths(typer.main.get_command(app), []):
    sys.argv = ["burdenshare", *path, "--help"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        try:
            main()
        except SystemExit as exc:
            assert exc.code in (0, None), (path, exc.code)
    assert "Usage:" in out.getvalue(), path
    loaded[" ".join(path)] = [m for m in heavy if m in sys.modules]
print(json.dumps(loaded))
"""


def test_help_of_every_command_loads_no_heavy_library() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE % (HEAVY,)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    assert {"", "run", "montecarlo", "results list", "analyze"} <= set(loaded)
    assert {path: mods for path, mods in loaded.items() if mods} == {}


def _help_option(cls: type[TyperGroup]) -> typer.core.TyperOption:
    group = cls(name="burdenshare")
    option = group.get_help_option(group.make_context("burdenshare", ["x"], resilient_parsing=True))
    assert option is not None
    return option


def test_group_help_option_is_typers_but_for_its_default() -> None:
    ours, theirs = _help_option(BurdenshareGroup), _help_option(TyperGroup)
    assert ours.default is False
    assert theirs.default is not False  # else the subclass is no longer needed
    same = ("opts", "secondary_opts", "is_flag", "is_eager", "expose_value", "help")
    assert {k: getattr(ours, k) for k in same} == {k: getattr(theirs, k) for k in same}
    assert ours.callback is not None and theirs.callback is not None
    assert ours.callback.__code__ is theirs.callback.__code__  # typer's own show_help
