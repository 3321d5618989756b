"""`burdenshare run` and the scenario commands, used as a user would."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from clitools import run_cli

from burdenshare.scenario import load, load_source


def test_run_json_interface() -> None:
    result = run_cli("run", "sma-2019", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    outcome = data["outcome"]
    assert outcome["status"] in ("agreement", "no_agreement")
    assert set(outcome["terms"]) == {"amount", "escalation", "duration", "scope"}
    assert len(outcome["date"]) == 10 and outcome["date"][4] == "-"
    assert "sma-2019" not in json.dumps(outcome) and ".toml" not in json.dumps(outcome)
    for event in data["trace"]:
        assert {"date", "kind"} <= set(event)
        if event["kind"] in ("offer", "response", "ratification_vote"):
            assert "party" in event
    provenance = data["provenance"]
    assert provenance["seed"] == 0 and len(provenance["scenario_sha256"]) == 64
    assert provenance["version"]


def test_same_seed_gives_byte_identical_output() -> None:
    first = run_cli("run", "sma-2019", "--json", "--seed", "11")
    second = run_cli("run", "sma-2019", "--json", "--seed", "11")
    assert first.returncode == 0 and first.stdout == second.stdout


def test_table_tells_the_story_and_stdout_holds_only_the_table() -> None:
    result = run_cli("run", "sma-2019")
    assert result.returncode == 0
    text = result.stdout
    for expected in (
        "Round 1",
        "Seoul",
        "KRW 5.90 tn (USD 5.00 bn, 5.68× 2019)",
        "deadline",
        "US President (Trump) vetoes",
        "AGREEMENT",
        "Outcome: agreement",
    ):
        assert expected in text, expected
    assert result.stderr == ""


def test_export_loads_back_to_an_equal_scenario(tmp_path: Path) -> None:
    exported = run_cli("export", "sma-2019")
    assert exported.returncode == 0
    path = tmp_path / "my.toml"
    path.write_text(exported.stdout, encoding="utf-8")
    assert load(path) == load("sma-2019")
    again = run_cli("run", str(path), "--json")
    builtin = run_cli("run", "sma-2019", "--json")
    assert json.loads(again.stdout)["outcome"] == json.loads(builtin.stdout)["outcome"]


def test_export_with_set_writes_the_changed_scenario(tmp_path: Path) -> None:
    exported = run_cli("export", "sma-2019", "--set", "parties.ROK.reservation_value=0.5")
    assert exported.returncode == 0
    data = tomllib.loads(exported.stdout)
    assert data["parties"][1]["reservation_value"] == 0.5
    path = tmp_path / "changed.toml"
    path.write_text(exported.stdout, encoding="utf-8")
    assert load(path) == load("sma-2019", ["parties.ROK.reservation_value=0.5"])
    assert (
        load_source(path).sha256
        == load_source("sma-2019", ["parties.ROK.reservation_value=0.5"]).sha256
    )


def test_set_changes_the_run() -> None:
    base = json.loads(run_cli("run", "sma-2019", "--json").stdout)
    changed = json.loads(
        run_cli(
            "run", "sma-2019", "--json", "--set", "ratifiers.trump.limits.0.min_change_pct=10"
        ).stdout
    )
    assert changed["provenance"]["scenario_sha256"] != base["provenance"]["scenario_sha256"]
    assert changed["outcome"]["date"] < base["outcome"]["date"]  # Trump accepts the 2020 deal


def test_strategy_option_replaces_a_party_strategy() -> None:
    result = run_cli("run", "sma-2019", "--json", "--strategy", "USA=conceder")
    data = json.loads(result.stdout)
    assert data["strategies"]["USA"] == "time-dependent:e=2.0,k=0.0"


def test_out_writes_the_requested_output(tmp_path: Path) -> None:
    out = tmp_path / "run.txt"
    result = run_cli("run", "sma-2019", "--out", str(out))
    assert result.returncode == 0 and result.stdout == ""
    assert "Outcome: agreement" in out.read_text(encoding="utf-8")
    assert f"wrote {out}" in result.stderr


def test_scenarios_show_validate_schema_strategies() -> None:
    listed = run_cli("scenarios", "--json")
    assert {"name": "sma-2019", "title": load("sma-2019").title} in json.loads(listed.stdout)[
        "scenarios"
    ]
    shown = run_cli("show", "sma-2019")
    assert shown.returncode == 0
    for expected in (
        "ROK National Assembly",
        "US President (Trump)",
        "always: labor, construction, logistics",
        "Exchange rate: 1,180.00 KRW per USD",
        "Round 9",
    ):
        assert expected in shown.stdout, expected
    valid = run_cli("validate", "sma-2019")
    assert valid.returncode == 0 and "valid" in valid.stdout and valid.stderr == ""
    schema = json.loads(run_cli("schema").stdout)
    assert "parties" in schema["properties"] and schema["additionalProperties"] is False
    strategies = json.loads(run_cli("strategies", "--json").stdout)["strategies"]
    assert {s["name"] for s in strategies} >= {
        "boulware",
        "anchoring",
        "tit-for-tat",
        "ratification-aware",
    }


def test_validate_warns_about_unsourced_numbers(tmp_path: Path) -> None:
    from burdenshare.scenario import builtin_text

    path = tmp_path / "nosource.toml"
    path.write_text(
        builtin_text("sma-2019").replace('source = "KTV19"', 'source = ""'), encoding="utf-8"
    )
    result = run_cli("validate", str(path))
    assert result.returncode == 0
    assert "calendar.meetings[0] (2019-09-24): no source" in result.stderr
