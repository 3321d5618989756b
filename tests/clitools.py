"""Running the installed `burdenshare` command as a user would (a subprocess, no stdin)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).with_name("burdenshare")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `burdenshare ARGS…`; returns the completed process (text mode)."""
    return subprocess.run(
        [str(BIN), *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


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
