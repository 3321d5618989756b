"""Scenarios the compiled loop cannot hold run on the reference engine, and the CLI says why."""

from __future__ import annotations

import dataclasses

from builders import money_issue, one_issue_scenario
from clitools import invoke

from burdenshare.engine import encoding
from burdenshare.engine.batch import run_one, unfit_scenarios
from burdenshare.model import OutcomeSpace
from burdenshare.scenario import load


def test_a_share_issue_of_thousands_of_splits_runs_on_the_compiled_engine() -> None:
    """nato-common-funding-2021's split has 20,091 values: a table of the distance between every
    two would take 3.2 GB (it did: 12.6 GB peak for 20 runs), so the kernel measures the
    distance of two splits from their shares instead, and the scenario fits."""
    nato = load("nato-common-funding-2021")
    assert max(nato.space.shape) == 20_091 > encoding.MAX_GRID
    assert encoding.unfit(nato) is None
    assert unfit_scenarios([nato]) == {}
    assert run_one(nato, {}, 0).engine == "batch"


def test_a_numeric_issue_of_thousands_of_values_goes_to_the_reference_engine() -> None:
    """Other issues are still held by a table of distances: more than MAX_GRID values do not
    fit (3,001 amounts here)."""
    wide = dataclasses.replace(
        one_issue_scenario(), space=OutcomeSpace((money_issue(0.0, 3000.0, 1.0),))
    )
    sma = load("sma-2019")
    assert max(sma.space.shape) <= encoding.MAX_GRID
    reason = encoding.unfit(wide)
    assert reason is not None and "3,001 values" in reason
    assert encoding.unfit(sma) is None
    assert unfit_scenarios([sma, wide, wide]) == {wide.name: reason}
    assert run_one(wide, {}, 0).engine == "reference"


def test_montecarlo_says_which_engine() -> None:
    done = invoke("montecarlo", "nato-common-funding-2021", "-n", "5", "--no-store", "--json")
    assert done.returncode == 0, done.stderr
    assert "reference engine" not in done.stderr
    assert '"reference_runs": 0' in done.stdout


def test_scenarios_of_one_structure_batch_together() -> None:
    """Two scenarios differing only in valuations share one batch (a scenario without stages
    has a NaN stage bound: NaN equals NaN here, or nothing would ever batch together)."""
    from dataclasses import replace

    from burdenshare.engine.batch import Batch

    sma = load("sma-2019")
    other = replace(sma, parties=(replace(sma.parties[0], reservation_value=0.2), sma.parties[1]))
    batch = Batch.of([sma, other])
    assert batch is not None and len(batch.scenarios) == 2
