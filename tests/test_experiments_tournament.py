"""Tournaments: every pairing in every role, deterministic pairings played once, exports."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from clitools import run_cli

from burdenshare.experiments.tournament import TournamentPlan, leaderboard, pairings, play
from burdenshare.scenario import load

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def test_pairings_cover_every_role() -> None:
    two = pairings(["a", "b", "c"], 2)
    assert len(two) == 9 and ("a", "b") in two and ("b", "a") in two
    three = pairings(["a", "b"], 3)
    for role in range(3):
        assert any(p[role] == "a" and p.count("a") == 1 for p in three)
        assert any(p[role] == "b" and p.count("b") == 1 for p in three)


def test_deterministic_repetitions_are_identical_and_scores_consistent() -> None:
    plan = TournamentPlan(("boulware", "conceder"), (load("sma-2019"),), 2, 0)
    rows = play(plan, 0, len(plan.matches()))
    assert len(rows) == 2 * 4 * 2  # roles × pairings × repetitions
    for row in rows:
        if row["agreement"]:
            assert row["pareto_distance"] is not None and row["pareto_distance"] >= 0
    first = [r for r in rows if r["repetition"] == 0]
    second = [r for r in rows if r["repetition"] == 1]
    strip = lambda r: {k: v for k, v in r.items() if k not in ("match", "repetition", "seed")}  # noqa: E731
    assert [strip(r) for r in first] == [strip(r) for r in second]
    board = leaderboard(rows)
    assert [e["rank"] for e in board] == [1, 2]
    assert board[0]["utility"] >= board[1]["utility"]


def test_cli_tournament_with_genius_domain_and_exports(tmp_path: Path) -> None:
    domain = SHARED / "genius-domains" / "Laptop"
    if not domain.is_dir():
        pytest.skip("shared/genius-domains is absent")
    out = tmp_path / "t.csv"
    done = run_cli(
        "tournament",
        "--strategy",
        "boulware",
        "--strategy",
        "conceder",
        "--genius",
        str(domain),
        "--json",
        "--out",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["scenarios"] == ["Laptop"] and payload["matches"] == 4
    assert {e["strategy"] for e in payload["leaderboard"]} == {"boulware", "conceder"}
    with out.open() as handle:
        assert len(list(csv.DictReader(handle))) == 8
    parquet = tmp_path / "t.parquet"
    done = run_cli(
        "tournament", "--strategy", "linear", "--genius", str(domain), "--out", str(parquet)
    )
    assert done.returncode == 0 and parquet.stat().st_size > 0 and "leaderboard" in done.stdout
    bad = run_cli("tournament", "--strategy", "nosuch")
    assert bad.returncode == 2 and "unknown strategy" in bad.stderr
