"""The `burdenshare` command: one typer app; each command lives in its own module.

Heavy libraries (numpy, pydantic, matplotlib, …) are imported inside the commands, so that
`burdenshare --help` loads none of them and stays fast (tests/test_cli_startup.py).
"""

from __future__ import annotations

import typer

from burdenshare.cli.group import BurdenshareGroup
from burdenshare.cli.hints import resolve_annotations

app = typer.Typer(
    name="burdenshare",
    help="Model, simulate, analyze and forecast cost-sharing negotiations between allies.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=BurdenshareGroup,
)


def _register() -> None:
    """Attach every command module's commands to the app (each module has `register(app)`)."""
    from burdenshare.cli import (
        commands_analyze,
        commands_backtest,
        commands_calibrate,
        commands_experiments,
        commands_forecast,
        commands_history,
        commands_news,
        commands_play,
        commands_report,
        commands_scenario,
        commands_serve,
    )

    commands_scenario.register(app)
    commands_analyze.register(app)
    commands_history.register(app)
    commands_forecast.register(app)
    commands_news.register(app)
    commands_calibrate.register(app)
    commands_experiments.register(app)
    commands_backtest.register(app)
    commands_report.register(app)
    commands_play.register(app)
    commands_serve.register(app)


def main() -> None:
    """Console-script entry point."""
    _register()
    resolve_annotations(app)  # quicker start, same commands (see the module)
    app()
