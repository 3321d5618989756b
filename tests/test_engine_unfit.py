"""Scenarios the compiled loop cannot hold run on the reference engine, and the CLI says why."""

from __future__ import annotations

from clitools import invoke

from burdenshare.engine import encoding
from burdenshare.engine.batch import run_one, unfit_scenarios
from burdenshare.scenario import load


def test_an_issue_of_thousands_of_values_goes_to_the_reference_engine() -> None:
    """nato-common-funding-2021's split has 20,091 values: a table of the distance between every
    two would take 3.2 GB (it did: 12.6 GB peak for 20 runs), so it is not built."""
    nato, sma = load("nato-common-funding-2021"), load("sma-2019")
    assert max(nato.space.shape) > encoding.MAX_GRID >= max(sma.space.shape)
    reason = encoding.unfit(nato)
    assert reason is not None and "20,091 values" in reason
    assert encoding.unfit(sma) is None
    assert unfit_scenarios([sma, nato, nato]) == {"nato-common-funding-2021": reason}
    assert run_one(nato, {}, 0).engine == "reference"


def test_montecarlo_says_which_engine_and_why() -> None:
    done = invoke("montecarlo", "nato-common-funding-2021", "-n", "5", "--no-store", "--json")
    assert done.returncode == 0, done.stderr
    assert "note: nato-common-funding-2021 has an issue of 20,091 values" in done.stderr
    assert '"reference_runs": 5' in done.stdout


def test_scenarios_of_one_structure_batch_together() -> None:
    """Two scenarios differing only in valuations share one batch (a scenario without stages
    has a NaN stage bound: NaN equals NaN here, or nothing would ever batch together)."""
    from dataclasses import replace

    from burdenshare.engine.batch import Batch

    sma = load("sma-2019")
    other = replace(sma, parties=(replace(sma.parties[0], reservation_value=0.2), sma.parties[1]))
    batch = Batch.of([sma, other])
    assert batch is not None and len(batch.scenarios) == 2
