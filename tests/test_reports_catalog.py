"""reports.catalog from Python: `scenarios --json` and `strategies --json` are its dicts."""

from __future__ import annotations

import json

from clitools import command_app
from typer.testing import CliRunner

from burdenshare import strategies as registry
from burdenshare.cli import commands_scenario
from burdenshare.reports.catalog import scenarios_dict, strategies_dict, strategy_rows
from burdenshare.scenario import builtin_names, load


def _printed(*args: str) -> str:
    result = CliRunner().invoke(command_app(commands_scenario), list(args))  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    return result.stdout


def test_strategies_dict_is_what_the_cli_prints_with_every_registered_strategy() -> None:
    expected = strategies_dict()
    assert _printed("strategies", "--json") == json.dumps(expected, indent=2) + "\n"
    assert [s["name"] for s in expected["strategies"]] == list(registry.names())
    assert strategies_dict(strategy_rows()[:1])["strategies"] == expected["strategies"][:1]


def test_scenarios_dict_is_what_the_cli_prints() -> None:
    rows = [(name, load(name).title) for name in builtin_names()]
    assert _printed("scenarios", "--json") == json.dumps(scenarios_dict(rows), indent=2) + "\n"
    assert scenarios_dict([("a", "A")]) == {"scenarios": [{"name": "a", "title": "A"}]}
