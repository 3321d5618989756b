"""Running `burdenshare` in tests: in process (fast: no interpreter start, no re-import of numpy
and friends for every command), or as a real subprocess where a test needs one (stdin closed,
signals, worker processes killed, start-up time).

`invoke` gives what a subprocess gives (exit code, standard output, standard error as text), so
a test reads the same either way. An exception that escapes a command is written to the captured
standard error as Python would print it (`Traceback (most recent call last): ...`, exit code 1),
so "no traceback" assertions keep their meaning in process. Each call sees the strategies as a
fresh process sees them (the package's own; no plugin another call or test loaded) and leaves
the caller's as they were.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).with_name("burdenshare")


def run_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `burdenshare ARGS…` as a separate process (stdin closed)."""
    return subprocess.run(
        [str(BIN), *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


@cache
def _command() -> Any:
    """The `burdenshare` click command, built once as the console script builds it."""
    import typer

    from burdenshare.cli import app as cli_app
    from burdenshare.cli.hints import resolve_annotations

    cli_app._register()
    resolve_annotations(cli_app.app)
    return typer.main.get_command(cli_app.app)


Registrations = tuple[dict[str, Any], dict[Any, Any], set[str], dict[str, Any]]
PLUGIN_MODULES = "burdenshare_plugin_"


def registrations() -> Registrations:
    """The registered strategies, compiled forms, loaded plugins and plugin modules, copied."""
    import burdenshare.scenario.plugins as loaded
    from burdenshare.strategies import registry

    modules = {k: v for k, v in sys.modules.items() if k.startswith(PLUGIN_MODULES)}
    return dict(registry._REGISTRY), dict(registry._FORMS), set(loaded._LOADED), modules


def restore(state: Registrations) -> None:
    """Put back registrations copied by `registrations()`."""
    import burdenshare.scenario.plugins as loaded
    from burdenshare.strategies import registry

    entries, forms, plugins, modules = state
    registry._REGISTRY.clear()
    registry._REGISTRY.update(entries)
    registry._FORMS.clear()
    registry._FORMS.update(forms)
    loaded._LOADED.clear()
    loaded._LOADED.update(plugins)
    for name in [k for k in sys.modules if k.startswith(PLUGIN_MODULES)]:
        del sys.modules[name]
    sys.modules.update(modules)


INSTALLED = registrations()
"""The package's own strategies, as every process starts with them (taken at first import)."""


@contextlib.contextmanager
def working_folder(path: Path) -> Iterator[None]:
    """Run the block with `path` as the working folder, then go back."""
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def invoke(
    *args: str,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    input: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """`burdenshare ARGS…` run in this process, with `input` as stdin (default: empty), from
    `cwd` (default: the repository), with `env` added to the environment for the call."""
    from click.testing import CliRunner

    runner = CliRunner()
    caller = registrations()
    restore(INSTALLED)
    try:
        with working_folder(cwd or REPO):
            result = runner.invoke(
                _command(), list(args), input=input, prog_name="burdenshare", env=env
            )
    finally:
        restore(caller)
    stderr = result.stderr
    code = result.exit_code
    error = result.exception
    if error is not None and not isinstance(error, SystemExit):
        assert result.exc_info is not None
        stderr += "".join(traceback.format_exception(*result.exc_info))
        code = 1
    return subprocess.CompletedProcess(["burdenshare", *args], code, result.stdout, stderr)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`burdenshare ARGS…` as a user runs it, in process (see `invoke`)."""
    return invoke(*args, cwd=cwd)


def command_app(module: object) -> object:
    """A fresh typer app holding only the commands of one `cli.commands_*` module, registered as
    `burdenshare` registers them (for in-process tests with typer's CliRunner)."""
    import typer

    app = typer.Typer(pretty_exceptions_enable=False)

    @app.callback()
    def _root() -> None:
        """Test root."""

    module.register(app)  # type: ignore[attr-defined]
    return app
