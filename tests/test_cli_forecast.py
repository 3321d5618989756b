"""`burdenshare forecast`: tables, the JSON interface, --compare, --plot, and exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_forecast

EXAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "ktab-examples"


def _example(name: str) -> str:
    path = EXAMPLES / name
    if not path.exists():
        pytest.skip(f"KTAB example {name} not found beside the repository ({EXAMPLES})")
    return str(path)


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    return command_app(commands_forecast)  # type: ignore[return-value]


def _run(app: typer.Typer, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["forecast", *args])
    return result.exit_code, result.stdout, result.stderr


def test_tables_show_turns_distribution_and_forecast(app: typer.Typer) -> None:
    code, out, err = _run(app, _example("dummyData_3Dim.csv"), "--model", "smp")
    assert code == 0, err
    assert "10 turns" in out
    assert "Positions by turn: Pstn1" in out and "t10" in out
    assert "Final distribution of winning positions" in out
    assert "79.88" in out and "34.37" in out and "75.16" in out and "0.4009" in out
    assert "Forecast per dimension" in out


def test_json_interface(app: typer.Typer) -> None:
    code, out, err = _run(app, _example("SOE-Pol-Comp.csv"), "--model", "smp", "--json")
    assert code == 0, err
    obj = json.loads(out)  # exactly one JSON object on standard output
    assert obj["turns"] == 27
    assert obj["dimensions"] == ["Policy Position", "Competitive Position"]
    assert obj["final_positions"]["MOF"] == pytest.approx([38.82, 30.72], abs=0.01)
    assert obj["final_positions"]["XJ"] == pytest.approx([43.18, 43.30], abs=0.01)
    assert obj["final_positions"]["WY"] == [15.0, 60.0]
    assert set(obj["final_positions"]) == {
        "XJ", "LK", "ZG", "MK", "LH", "XS", "NEA", "MLR", "MEP", "MOF", "SHX", "HLJ", "WY"
    }  # fmt: skip
    dist = obj["distribution"]
    assert all(set(d) >= {"position", "probability"} for d in dist)
    assert all(len(d["position"]) == 2 for d in dist)
    assert sum(d["probability"] for d in dist) == pytest.approx(1.0)
    assert len(obj["history"]["XJ"]) == 28


@pytest.mark.parametrize("model", ["smp", "bdm", "mean", "median"])
def test_every_model_prints_the_json_interface(app: typer.Typer, model: str) -> None:
    code, out, err = _run(app, _example("dummyData_3Dim.csv"), "--model", model, "--json")
    assert code == 0, err
    obj = json.loads(out)
    assert obj["model"] == model
    assert obj["dimensions"] == ["Pstn1", "Pstn2", "Pstn3"]
    assert len(obj["final_positions"]) == 7
    assert isinstance(obj["turns"], int)
    assert sum(d["probability"] for d in obj["distribution"]) == pytest.approx(1.0)


def test_compare_runs_all_models(app: typer.Typer) -> None:
    code, out, err = _run(app, _example("SOE-Pol-Comp.csv"), "--compare", "--json")
    assert code == 0, err
    obj = json.loads(out)
    assert obj["model"] == "smp" and obj["turns"] == 27
    assert set(obj["compare"]) == {"smp", "bdm", "mean", "median"}
    assert obj["compare"]["median"]["forecast"] == [45.0, 40.0]
    code, out, err = _run(app, _example("SOE-Pol-Comp.csv"), "--compare")
    assert code == 0, err
    assert "Forecast (0-100) by model" in out
    for name in ("smp", "bdm", "mean", "median"):
        assert f"│ {name}" in out


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plot_draws_a_file(app: typer.Typer, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"trajectories{suffix}"
    code, _, err = _run(app, _example("SOE-Pol-Comp.csv"), "--plot", str(target), "--compare")
    assert code == 0, err
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in data
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_plot_refuses_other_formats_and_missing_folders(app: typer.Typer, tmp_path: Path) -> None:
    code, out, err = _run(app, _example("SOE-Pol-Comp.csv"), "--plot", str(tmp_path / "x.pdf"))
    assert code == 2 and out == "" and "--plot" in err
    code, out, err = _run(
        app, _example("SOE-Pol-Comp.csv"), "--plot", str(tmp_path / "no" / "x.png")
    )
    assert code == 2 and out == "" and "does not exist" in err
    assert list(tmp_path.iterdir()) == []


def test_bad_file_exits_2_with_file_line_and_field(app: typer.Typer, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("s,d,3,1\nActor,D,P,X,S\nA,a,1,5,50\nB,b,1,500,50\nC,c,1,5,50\n")
    code, out, err = _run(app, str(bad), "--json")
    assert code == 2
    assert out == ""
    assert f"{bad}:4: actor 'B'.X:" in err
    assert "Traceback" not in err


def test_missing_or_unsupported_source_exits_2(app: typer.Typer, tmp_path: Path) -> None:
    code, out, err = _run(app, str(tmp_path / "missing.csv"))
    assert code == 2 and out == "" and "cannot read file" in err
    code, out, err = _run(app, str(tmp_path / "scenario.toml"))
    assert code == 2 and out == "" and ".csv" in err


def test_unknown_model_exits_2(app: typer.Typer) -> None:
    code, _, _ = _run(app, _example("SOE-Pol-Comp.csv"), "--model", "oracle")
    assert code == 2


def test_installed_command_runs_forecast() -> None:
    """Through the real `burdenshare` entry point (skipped while other commands are missing)."""
    path = _example("dummyData_3Dim.csv")
    probe = subprocess.run(
        [sys.executable, "-c", "from burdenshare.cli.app import _register; _register()"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip(f"the burdenshare app cannot register all commands yet: {probe.stderr[-200:]}")
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from burdenshare.cli.app import main; sys.argv[0] = 'burdenshare'; main()",
            "forecast",
            path,
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["turns"] == 10
