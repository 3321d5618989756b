"""`burdenshare forecast SCENARIO`: built-in names and TOML files, forecasts in real units, the
negotiation's outcome beside them, the JSON interface, and exit code 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_forecast
from burdenshare.scenario import builtin_text

BASE = builtin_text("sma-2019")


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    return command_app(commands_forecast)  # type: ignore[return-value]


def _run(app: typer.Typer, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["forecast", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def compared(app: typer.Typer) -> dict[str, object]:
    code, out, err = _run(app, "sma-2019", "--compare", "--json")
    assert code == 0, err
    obj = json.loads(out)
    assert isinstance(obj, dict)
    return obj


def test_compare_json_keeps_the_interface_keys(compared: dict[str, object]) -> None:
    assert {"turns", "dimensions", "final_positions", "distribution"} <= set(compared)
    assert compared["dimensions"] == ["amount", "duration"]
    final = compared["final_positions"]
    assert isinstance(final, dict) and len(final) == 11
    assert all(len(p) == 2 and all(0 <= x <= 100 for x in p) for p in final.values())
    dist = compared["distribution"]
    assert isinstance(dist, list)
    assert sum(w["probability"] for w in dist) == pytest.approx(1.0)
    assert set(compared["compare"]) == {"smp", "bdm", "mean", "median"}  # type: ignore[arg-type]


def test_real_units_in_both_currencies_and_as_multiple(compared: dict[str, object]) -> None:
    real = compared["real_units"]
    assert isinstance(real, dict)
    amount = real["amount"]
    assert amount["issue"] == "amount" and amount["unit"] == "KRW bn"
    assert set(amount["forecast"]) == {"smp", "bdm", "mean", "median"}
    for f in amount["forecast"].values():
        assert f["KRW"] == pytest.approx(f["value"] * 1e9, rel=1e-9)
        assert f["USD"] == pytest.approx(f["value"] * 1e9 / 1180.0, rel=1e-9)
        assert f["multiple_of_status_quo"] == pytest.approx(f["value"] / 1038.9, rel=1e-6)
    # the weighted median of the built-in set is the +13 % held by the ROK President's camp
    assert amount["forecast"]["median"]["value"] == pytest.approx(1174.0)
    duration = real["duration"]
    assert duration["unit"] == "years" and duration["forecast"]["median"]["value"] == 5.0
    assert duration["forecast"]["median"]["multiple_of_status_quo"] == 5.0


def test_negotiation_outcome_is_shown_beside_the_forecast(compared: dict[str, object]) -> None:
    from burdenshare.engine import negotiate
    from burdenshare.scenario import load

    run = negotiate(load("sma-2019"), seed=0).to_dict()
    negotiation = compared["negotiation"]
    assert isinstance(negotiation, dict)
    assert negotiation["outcome"] == run["outcome"]
    terms = run["outcome"]["terms"]
    assert negotiation["dimensions"]["amount"]["value"] == terms["amount"]
    assert negotiation["dimensions"]["duration"]["value"] == terms["duration"]


def test_tables_show_real_units_and_the_negotiation(app: typer.Typer) -> None:
    code, out, err = _run(app, "sma-2019", "--compare")
    assert code == 0, err
    assert "Forecast in real units" in out
    assert "KRW 1.17 tn (1.13×)" in out  # the weighted median
    assert "negotiation (run)" in out and "Outcome: agreement" in out
    assert "models' range" in out
    assert "USD" in out  # money in the other currency of the scenario's rate


def test_no_negotiation_leaves_it_out(app: typer.Typer) -> None:
    code, out, _ = _run(app, "sma-2019", "--model", "median", "--json", "--no-negotiation")
    assert code == 0
    obj = json.loads(out)
    assert "negotiation" not in obj and set(obj["real_units"]["amount"]["forecast"]) == {"median"}


def test_set_overrides_a_stakeholder(app: typer.Typer) -> None:
    code, out, err = _run(
        app,
        "sma-2019",
        "--model",
        "median",
        "--json",
        "--no-negotiation",
        "--set",
        "stakeholders.actors.us-president.capability=1000",
    )
    assert code == 0, err
    assert json.loads(out)["real_units"]["amount"]["forecast"]["median"]["value"] == 5900.0


def test_toml_file_works_like_the_builtin(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "copy.toml"
    path.write_text(BASE, encoding="utf-8")
    _, a, _ = _run(app, str(path), "--model", "mean", "--json", "--no-negotiation")
    _, b, _ = _run(app, "sma-2019", "--model", "mean", "--json", "--no-negotiation")
    fa, fb = json.loads(a), json.loads(b)
    assert fa["forecast"] == fb["forecast"] and fa["final_positions"] == fb["final_positions"]


def test_scenario_without_stakeholders_exits_2(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "plain.toml"
    path.write_text(BASE.partition("\n[stakeholders]\n")[0] + "\n", encoding="utf-8")
    code, out, err = _run(app, str(path))
    assert code == 2 and out == ""
    assert f"{path}: stakeholders: the scenario has no [stakeholders] section" in err


def test_bad_stakeholder_exits_2_with_file_line_and_field(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        BASE.replace(
            "salience = { amount = 0.9, duration = 0.05 }",
            "salience = { amount = 0.9, duration = 0.2 }",
        ),
        encoding="utf-8",
    )
    code, out, err = _run(app, str(path), "--json")
    assert code == 2 and out == "" and "Traceback" not in err
    assert f"{path}:" in err
    assert "stakeholders.actors[0].salience: an actor's saliences must sum to at most 1" in err


def test_set_on_a_csv_exits_2(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("s,d,3,1\nActor,D,P,X,S\nA,a,1,5,50\nB,b,1,50,50\nC,c,1,5,50\n")
    code, _, err = _run(app, str(path), "--set", "a=1")
    assert code == 2 and "--set" in err
