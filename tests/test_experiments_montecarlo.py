"""Monte Carlo: seeds fixed per run, identical results on any executor, exact summaries."""

from __future__ import annotations

import json

import numpy as np
import pytest
from clitools import run_cli

from burdenshare.execution.executors import Executor
from burdenshare.execution.jobs import run_plan, summary_of
from burdenshare.execution.store import Store
from burdenshare.experiments.montecarlo import Columns, MonteCarloPlan, run_range
from burdenshare.experiments.tallies import Tallies
from burdenshare.scenario.uncertainty import load_uncertain

N = 24


@pytest.fixture(scope="module")
def plan() -> MonteCarloPlan:
    loaded, uncertain = load_uncertain("sma-2019")
    return MonteCarloPlan(loaded.scenario, uncertain, N, 7)


def _run(plan: MonteCarloPlan, executor: Executor, folder) -> tuple[Tallies, dict]:
    """Run `plan` into a fresh store in `folder` in chunks of 5; its tallies and summary."""
    with Store(folder / "runs.duckdb") as db:
        ident = db.create("montecarlo", "sma-2019", "", "", {}, plan.seed, plan.runs)
        run_plan(plan, executor, db, ident, size=5)
        assert db.missing(ident, plan.runs) == []
        return summary_of(plan, db, ident)


@pytest.fixture(scope="module")
def serial_run(plan: MonteCarloPlan, tmp_path_factory) -> tuple[Tallies, dict]:
    return _run(plan, Executor(), tmp_path_factory.mktemp("serial"))


@pytest.fixture(scope="module")
def serial(serial_run: tuple[Tallies, dict]) -> dict:
    return serial_run[1]


def _columns_equal(a: Columns, b: Columns) -> None:
    for name in Columns.__dataclass_fields__:
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


def test_run_seed_is_the_spawned_child(plan: MonteCarloPlan) -> None:
    children = np.random.SeedSequence(plan.seed).spawn(5)
    for i, child in enumerate(children):
        assert plan.run_seed(i) == int(child.generate_state(1)[0])


def test_fast_rows_equal_scenario_by_scenario(plan: MonteCarloPlan) -> None:
    """Drawn values written into the compiled engine's arrays give the runs that rebuilding
    each run's scenario gives."""
    from burdenshare.experiments.montecarlo import row_plan, run_scenarios

    assert row_plan(plan) is not None
    _columns_equal(run_range(plan, 0, N), run_scenarios(plan, 0, N))


def test_chunking_does_not_change_runs(plan: MonteCarloPlan) -> None:
    whole = run_range(plan, 0, 10)
    chunks = [run_range(plan, 0, 3), run_range(plan, 3, 6), run_range(plan, 6, 10)]
    parts = Columns(
        **{
            name: np.concatenate([getattr(c, name) for c in chunks])
            for name in Columns.__dataclass_fields__
        }
    )
    _columns_equal(whole, parts)


def test_processes_equal_serial(plan: MonteCarloPlan, serial: dict, tmp_path) -> None:
    assert _run(plan, Executor(workers=2), tmp_path)[1] == serial


# the two tests that start a Dask cluster run on one xdist worker, one after the other: a
# scheduler opens its HTTP server on port 8787 even with the dashboard off, and two at once
# made the second warn "Port 8787 is already in use"
@pytest.mark.xdist_group("dask")
def test_dask_local_cluster_equals_serial(plan: MonteCarloPlan, serial: dict, tmp_path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        summary = _run(plan, Executor(dask=address), tmp_path)[1]
    assert summary == serial


def test_summary_is_exact(plan: MonteCarloPlan, serial_run: tuple[Tallies, dict]) -> None:
    """The summary counted by the store equals numpy and scipy over the runs in memory:
    quantiles to the last bit, Spearman's ρ to float precision."""
    from scipy.stats import spearmanr

    tallies, serial = serial_run
    columns = run_range(plan, 0, N)
    assert serial["runs"] == N
    agreed = columns.status > 0
    assert serial["p_agreement"] == pytest.approx(agreed.mean(), abs=0)
    assert serial["p_agreement"] == pytest.approx(
        serial["p_agreement_before_deadline"] + serial["p_agreement_during_lapse"]
    )
    assert serial["p_no_agreement"] == pytest.approx(1 - serial["p_agreement"])
    for j, ratifier in enumerate(plan.scenario.ratifiers):
        assert serial["p_veto_by_ratifier"][ratifier.name] == columns.vetoed[:, j].mean()
    grid = np.asarray(plan.scenario.space.grids[0])
    amounts = grid[np.unravel_index(columns.index[agreed], plan.scenario.space.shape)[0]]
    q = serial["terms_quantiles"]["amount"]["quantiles"]
    assert [q[k] for k in ("q05", "q25", "q50", "q75", "q95")] == list(
        np.quantile(amounts, [0.05, 0.25, 0.5, 0.75, 0.95])
    )
    assert q["mean"] == pytest.approx(amounts.mean(), rel=1e-15)
    usd = serial["terms_quantiles"]["amount_USD"]["quantiles"]
    assert usd["q50"] == pytest.approx(q["q50"] / 1180.0)
    days = serial["time_to_agreement"]["days_from_first_meeting"]
    assert days["q75"] == np.quantile(columns.days[agreed], 0.75)
    for k, party in enumerate(plan.scenario.parties):
        u = serial["utilities"][party.name]
        assert u["q25"] == np.quantile(columns.utilities[agreed, k], 0.25)
        assert u["max"] == columns.utilities[agreed, k].max()
        assert u["mean"] == pytest.approx(columns.utilities[agreed, k].mean(), rel=1e-14)
    amount = np.full(N, np.nan)
    amount[agreed] = amounts
    measures = {"agreement": agreed.astype(float), "days_to_end": columns.days, "amount": amount}
    for j in range(len(plan.uncertain)):
        x = columns.inputs[:, j]
        for name, y in measures.items():
            ok = ~np.isnan(y)
            rho = tallies.spearman[j, name].rho()
            if np.ptp(x[ok]) == 0 or np.ptp(y[ok]) == 0:
                assert rho is None
            else:
                assert rho == pytest.approx(spearmanr(x[ok], y[ok]).statistic, abs=1e-12)
    assert [r["rank"] for r in serial["sensitivity"]] == list(range(1, len(plan.uncertain) + 1))
    strongest = [r["strongest"] for r in serial["sensitivity"]]
    assert strongest == sorted(strongest, reverse=True)


def test_inputs_follow_their_distributions(plan: MonteCarloPlan) -> None:
    columns = run_range(plan, 0, N)
    for j, u in enumerate(plan.uncertain):
        x = columns.inputs[:, j]
        if u.dist == "choice":
            assert set(x) <= set(range(len(u.values))) | {
                float(v) for v in u.values if not isinstance(v, str)
            }
        else:
            assert (x >= u.low).all() and (x <= u.high).all(), u.path
        if u.integer:
            assert (x == np.round(x)).all()


@pytest.mark.xdist_group("dask")
def test_cli_json_identical_across_executors(tmp_path) -> None:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    )
    outs = []
    with cluster:
        runs = [[], ["--workers", "2"], ["--dask", cluster.scheduler_address]]
        outs = [_cli_summary(tmp_path, extra) for extra in runs]
    assert outs[0] == outs[1] == outs[2]
    assert outs[0]["runs"] == 12


def _cli_summary(tmp_path, extra: list[str]) -> dict:
    done = run_cli(
        "montecarlo",
        "sma-2019",
        "-n",
        "12",
        "--seed",
        "3",
        "--json",
        "--chunk",
        "3",
        "--store",
        str(tmp_path / "r.duckdb"),
        *extra,
    )
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    for key in (
        "runs",
        "p_agreement",
        "p_agreement_before_deadline",
        "p_no_agreement",
        "terms_quantiles",
        "sensitivity",
        "experiment_id",
        "provenance",
    ):
        assert key in payload
    assert payload["executor"] == (
        "serial" if not extra else "processes×2" if extra[0] == "--workers" else f"dask {extra[1]}"
    )
    for key in ("experiment_id", "provenance", "seconds", "executor"):
        payload.pop(key)
    return payload


def test_cli_plot_writes_a_figure(tmp_path) -> None:
    figure = tmp_path / "mc.png"
    done = run_cli("montecarlo", "sma-2019", "-n", "8", "--no-store", "--plot", str(figure))
    assert done.returncode == 0, done.stderr
    assert figure.stat().st_size > 10_000
    assert "no agreement" in done.stdout


def test_cli_bad_options_exit_2() -> None:
    done = run_cli("montecarlo", "sma-2019", "-n", "0", "--no-store")
    assert done.returncode == 2 and "-n" in done.stderr and "Traceback" not in done.stderr


def test_cli_says_so_when_no_input_varies() -> None:
    """Without [[uncertainty]] inputs the sensitivity table says why it is empty (an empty table
    read as a bug); with them, it ranks them (nato-common-funding-2021 has four)."""
    flat = run_cli(
        "montecarlo", "japan-hns-2021", "-n", "4", "--no-store", "--set", "uncertainty=[]"
    )
    assert flat.returncode == 0, flat.stderr
    assert "none: no [[uncertainty]] input varies: every run is alike" in flat.stdout
    nato = run_cli("montecarlo", "nato-common-funding-2021", "-n", "4", "--no-store", "--json")
    assert nato.returncode == 0, nato.stderr
    ranked = json.loads(nato.stdout)["sensitivity"]
    assert {row["input"] for row in ranked} == {
        "parties.USA.reservation_value", "parties.DEU.reservation_value",
        "parties.Others.reservation_value", "parties.USA.strategy.params.e",
    }  # fmt: skip
