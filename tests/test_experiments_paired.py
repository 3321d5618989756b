"""Paired what-ifs on common random numbers (experiments/paired.py, montecarlo --versus)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_experiments
from burdenshare.experiments.montecarlo import MonteCarloPlan, run_range
from burdenshare.experiments.paired import (
    common_draws,
    compare,
    paired_mean,
    paired_proportion,
    wilson,
)
from burdenshare.scenario.uncertainty import load_uncertain

NO_TRUMP = "ratifiers.trump.end=2019-01-01"
app = command_app(commands_experiments)


def _plan(overrides: list[str], runs: int = 40) -> MonteCarloPlan:
    loaded, uncertain = load_uncertain("sma-2019", overrides)
    return MonteCarloPlan(loaded.scenario, uncertain, runs, 7)


def test_a_plan_paired_with_itself_changes_nothing() -> None:
    a = _plan([])
    b = common_draws(a, a.scenario, a.uncertain)
    ca, cb = run_range(a, 0, a.runs), run_range(b, 0, b.runs)
    s = compare(a, b, ca, cb, 2)
    assert dict(s.changes)["same"] == a.runs
    assert s.agreement.diff == 0 and s.agreement.gained == s.agreement.lost == 0
    assert s.explained == ()
    assert s.agreement.low < 0 < s.agreement.high  # no run changed: not a zero-width interval


def test_shared_paths_draw_the_same_values_and_a_pinned_path_shifts_nothing() -> None:
    a = _plan([])
    pinned = _plan(["parties.ROK.reservation_value=0.6"])
    assert len(pinned.uncertain) == len(a.uncertain) - 1
    b = common_draws(a, pinned.scenario, pinned.uncertain)
    for run in (0, 5, 39):
        drawn_a = dict(zip([u.path for u in a.uncertain], a.inputs(run), strict=True))
        drawn_b = dict(zip([u.path for u in b.uncertain], b.inputs(run), strict=True))
        assert all(drawn_b[path] == drawn_a[path] for path in drawn_b)
        assert b.run_seed(run) == a.run_seed(run)
    # unpaired, the pinned plan draws input j from slot j: its values would shift
    assert pinned.inputs(0)[0] != a.inputs(0)[1]


def test_an_input_of_b_alone_gets_a_slot_of_its_own() -> None:
    a = _plan(["parties.ROK.reservation_value=0.6"])
    full = _plan([])
    b = common_draws(a, full.scenario, full.uncertain)
    assert b.slots is not None and max(b.slots) == len(a.uncertain)
    assert sorted(b.slots) == list(range(len(full.uncertain)))


def test_pairing_leaves_a_as_its_plain_monte_carlo() -> None:
    a = _plan([])
    explicit = MonteCarloPlan(a.scenario, a.uncertain, a.runs, a.seed, tuple(range(12)))
    plain, paired = run_range(a, 0, 10), run_range(explicit, 0, 10)
    assert np.array_equal(plain.inputs, paired.inputs)
    assert np.array_equal(plain.index, paired.index)


def test_newcombe_interval_brackets_the_difference_and_nears_wald_for_large_n() -> None:
    rng = np.random.default_rng(0)
    a = rng.random(200_000) < 0.45
    b = np.where(rng.random(a.size) < 0.1, ~a, a)
    p = paired_proportion(a, b)
    assert p.low < p.diff < p.high
    n = a.size
    lost, gained = int((a & ~b).sum()), int((~a & b).sum())
    wald = 1.959963984540054 * math.sqrt((gained + lost) - (gained - lost) ** 2 / n) / n
    assert p.high - p.diff == pytest.approx(wald, rel=2e-2)
    assert p.diff - p.low == pytest.approx(wald, rel=2e-2)
    assert (p.gained, p.lost) == (gained, lost)


def test_newcombe_small_table_and_wilson_by_hand() -> None:
    # Wilson (1927): 8 of 10, z = 1.96 -> (0.4902, 0.9433)
    low, high = wilson(8, 10)
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)
    a = np.array([True] * 6 + [False] * 4)
    b = np.array([True] * 4 + [False] * 2 + [True] * 1 + [False] * 3)
    p = paired_proportion(a, b)
    assert p.diff == pytest.approx(-0.1)
    assert -1 <= p.low < -0.1 < p.high <= 1
    assert p.p_value == pytest.approx(1.0)  # 1 gained vs 2 lost: exact binomial, two-sided


def test_no_trump_veto_explained_at_the_vote_that_no_longer_happens() -> None:
    a = _plan([], runs=60)
    nb = _plan([NO_TRUMP], runs=60)
    b = common_draws(a, nb.scenario, nb.uncertain)
    s = compare(a, b, run_range(a, 0, a.runs), run_range(b, 0, b.runs), 2)
    assert dict(s.vetoed_by)["trump"].b == 0.0
    assert s.agreement.lost > 0
    first = s.explained[0]
    assert first.change == "agreement_lost"
    assert "Trump" in first.event_a and "Trump" not in first.event_b
    assert any("Trump" in r for v in first.vetoes_only_a for r in v.by)
    assert not any("Trump" in r for v in first.vetoes_only_b for r in v.by)


def test_cli_versus_json_and_table() -> None:
    runner = CliRunner()
    args = ["montecarlo", "sma-2019", "-n", "30", "--versus-set", NO_TRUMP, "--explain", "1"]
    out = runner.invoke(app, [*args, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["b"]["overrides"] == [NO_TRUMP] and data["a"]["overrides"] == []
    assert data["a"]["sha256"] != data["b"]["sha256"]
    assert set(data["agreement"]) == {"a", "b", "diff", "low", "high", "gained", "lost", "p_value"}
    assert sum(data["changes"].values()) == 30
    assert len(data["explained"]) <= 1
    table = runner.invoke(app, args)
    assert table.exit_code == 0 and "B − A" in table.stdout


def test_cli_versus_builtin_and_refusals() -> None:
    runner = CliRunner()
    same = runner.invoke(
        app, ["montecarlo", "sma-2019", "-n", "5", "--versus", "sma-2019", "--json"]
    )
    assert same.exit_code == 0, same.output
    assert json.loads(same.stdout)["changes"]["same"] == 5
    bad = runner.invoke(app, ["montecarlo", "sma-2019", "--versus", "sma-2019", "--resume", "x"])
    assert bad.exit_code == 2 and "--versus" in bad.output
    bad = runner.invoke(app, ["montecarlo", "sma-2019", "--versus", "sma-2019", "--explain", "-1"])
    assert bad.exit_code == 2 and "--explain" in bad.output
    bad = runner.invoke(app, ["montecarlo", "sma-2019", "--versus", "sma-2019", "--no-store"])
    assert bad.exit_code == 2 and "not stored" in bad.output
    alone = runner.invoke(app, ["montecarlo", "sma-2019", "-n", "5", "--explain", "2"])
    assert alone.exit_code == 2 and "add --versus" in alone.output


def test_paired_mean_over_the_runs_both_have() -> None:
    m = paired_mean(np.array([1.0, np.nan, 3.0, 4.0]), np.array([2.0, 5.0, np.nan, 6.0]))
    assert (m.a, m.b, m.diff, m.pairs) == (2.5, 4.0, 1.5, 2)
    assert m.low is not None and m.high is not None and m.low < 1.5 < m.high
    one = paired_mean(np.array([1.0, np.nan]), np.array([2.0, 5.0]))
    assert (one.diff, one.low, one.high) == (1.0, None, None)
