"""reports.experiments and reports.montecarlo_figure from Python, and the tournament's edges:
GENIUS domain folders read (scenario.genius_domains) and scored matches written
(execution.tournament_file)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_experiments
from burdenshare.execution.executors import Executor
from burdenshare.execution.jobs import run_plan, summary_of
from burdenshare.execution.store import Store
from burdenshare.execution.tournament_file import write_matches
from burdenshare.experiments.montecarlo import MonteCarloPlan
from burdenshare.experiments.room import notes
from burdenshare.experiments.tournament import TournamentPlan, leaderboard, play
from burdenshare.reports.experiments import (
    experiments_dict,
    montecarlo_dict,
    play_tournament,
    stored_summary_dict,
    tournament_dict,
)
from burdenshare.reports.montecarlo_figure import montecarlo_figure
from burdenshare.scenario import load
from burdenshare.scenario.genius_domains import read_domains
from burdenshare.scenario.uncertainty import load_uncertain

DOMAINS = Path(__file__).resolve().parents[1] / ".." / "shared" / "genius-domains"


def test_stored_montecarlo_json_is_what_results_prints_and_the_figure_has_four_panels(
    tmp_path: Path,
) -> None:
    loaded, uncertain = load_uncertain("sma-2019")
    plan = MonteCarloPlan(loaded.scenario, uncertain, 12, 3)
    with Store(tmp_path / "runs.duckdb") as db:
        text = loaded.text
        ident = db.create("montecarlo", "sma-2019", loaded.sha256, text, {}, plan.seed, plan.runs)
        run_plan(plan, Executor(), db, ident)
        tallies, summary = summary_of(plan, db, ident)
        stored = stored_summary_dict(summary, db.experiment(ident))
        listed = experiments_dict(db.experiments())
    app = command_app(commands_experiments)
    store = ["--store", str(tmp_path / "runs.duckdb"), "--json"]
    printed = {
        name: CliRunner().invoke(app, ["results", *args, *store])  # type: ignore[arg-type]
        for name, args in (("list", ["list"]), ("show", ["show", ident]))
    }
    assert printed["list"].stdout == json.dumps(listed, indent=2) + "\n"
    assert printed["show"].stdout == json.dumps(stored, ensure_ascii=False, indent=2) + "\n"
    assert [e["id"] for e in listed["experiments"]] == [ident]
    assert stored["experiment"]["runs_done"] == 12
    report = montecarlo_dict(summary, None, "serial", 1.23456, loaded.sha256, 3)
    assert list(report)[-4:] == ["experiment_id", "executor", "seconds", "provenance"]
    assert report["seconds"] == 1.235 and report["provenance"]["seed"] == 3
    figure = montecarlo_figure(plan, tallies, report)
    titles = [ax.get_title() for ax in figure.axes]
    assert titles == [
        "How the talks end (12 runs)",
        "Agreed amount",
        "Time to agreement",
        "What drives the outcome",
    ]
    bars = [100 * report[k] for k in ("p_agreement_before_deadline", "p_agreement_during_lapse")]
    heights = [patch.get_height() for patch in figure.axes[0].patches]
    assert heights[:2] == pytest.approx(bars)
    drivers = figure.axes[3].get_yticklabels()
    assert {t.get_text() for t in drivers} == {r["input"] for r in report["sensitivity"]}


def test_tournament_dict_is_what_the_cli_prints_but_the_seconds() -> None:
    plan = TournamentPlan(("boulware", "conceder"), (load("sma-2019"),), 1, 0)
    finished: list[int] = []
    rows = play_tournament(plan, Executor(), finished.append)
    assert sum(finished) == len(plan.matches())
    assert rows == sorted(play(plan, 0, sum(finished)), key=lambda r: (r["match"], r["role"]))
    expected = tournament_dict(plan, leaderboard(rows), 0.0, notes(plan.scenarios, rows))
    assert expected["notes"]  # boulware and conceder end alike on sma-2019, and say why
    args = ["tournament", "--scenario", "sma-2019", "--strategy", "boulware"]
    result = CliRunner().invoke(
        command_app(commands_experiments),  # type: ignore[arg-type]
        [*args, "--strategy", "conceder", "--json"],
    )
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout[result.stdout.index("{") :])
    assert printed.pop("seconds") >= 0 and expected.pop("seconds") == 0.0
    assert printed == expected


def test_matches_written_as_csv_and_parquet_read_back_the_same(tmp_path: Path) -> None:
    plan = TournamentPlan(("boulware", "linear"), (load("sma-2019"),), 1, 0)
    rows = play(plan, 0, len(plan.matches()))
    write_matches(rows, tmp_path / "m.csv")
    write_matches(rows, tmp_path / "m.parquet")
    csv_rows = duckdb.sql(f"SELECT * FROM '{tmp_path / 'm.csv'}'").fetchall()
    parquet = duckdb.sql(f"SELECT * FROM '{tmp_path / 'm.parquet'}'")
    assert len(csv_rows) == len(parquet.fetchall()) == len(rows)
    types = dict(zip(parquet.columns, (str(t) for t in parquet.types), strict=True))
    assert types["seed"] == "UBIGINT" and types["match"] == "BIGINT"
    assert types["utility"] == "DOUBLE"
    assert [r[0] for r in parquet.order("match").fetchall()] == sorted(r["match"] for r in rows)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv", "m.parquet"]  # no temporaries


def test_a_folder_of_domains_gives_the_readable_ones_and_a_note_per_skipped_one(
    tmp_path: Path,
) -> None:
    if not (DOMAINS / "Laptop").is_dir():
        pytest.skip("../shared/genius-domains is not beside the repository")
    (tmp_path / "Laptop").symlink_to((DOMAINS / "Laptop").resolve())
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "domain.xml").write_text("<not a domain", encoding="utf-8")
    scenarios, notes = read_domains(tmp_path, 50)
    assert len(scenarios) == 1 and scenarios[0].space.size > 1
    assert len(notes) == 1 and notes[0].startswith("skipped broken: ")
    alone, none = read_domains(tmp_path / "Laptop", 50)
    assert none == [] and alone[0].space == scenarios[0].space
