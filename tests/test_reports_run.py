"""reports.negotiation: `run --json` is `run_dict` of the same negotiation, from Python."""

from __future__ import annotations

import json

from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_scenario
from burdenshare.engine import negotiate
from burdenshare.reports.negotiation import run_dict
from burdenshare.reports.provenance import provenance
from burdenshare.scenario import load_source


def test_run_dict_is_what_the_cli_prints() -> None:
    loaded = load_source("sma-2019")
    expected = run_dict(negotiate(loaded.scenario, {}, seed=5), loaded.sha256, 5)
    result = CliRunner().invoke(
        command_app(commands_scenario), ["run", "sma-2019", "--seed", "5", "--json"]
    )  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    assert result.stdout == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_provenance_carries_the_seed_only_when_there_is_one() -> None:
    assert provenance("ab", 3)["seed"] == 3
    assert "seed" not in provenance("ab", None)
    assert provenance("ab", None)["scenario_sha256"] == "ab"
