"""The batch engine gives the reference engine's outcome, run by run."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from burdenshare.engine import negotiate
from burdenshare.engine.batch import _Run, choose, from_reference, run_one, strategies_of, valuation_tables
from burdenshare.experiments.uncertainty import apply_all, draw_all
from burdenshare.scenario.uncertainty import load_uncertain
from burdenshare.strategies import entry, names
from burdenshare.strategies.bidding import choose_index
from builders import random_scenarios


def _same(scenario, seed=0):
    reference = from_reference(negotiate(scenario, seed=seed), scenario)
    batch = run_one(scenario, seed=seed)
    assert batch.engine == "batch"
    assert dataclasses.replace(batch, engine="reference") == reference


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_scenarios())
def test_property_batch_outcome_equals_reference(scenario):
    _same(scenario)


def test_sma2019_default_runs_on_batch_and_matches():
    loaded, _ = load_uncertain("sma-2019")
    _same(loaded.scenario)


def test_sma2019_drawn_scenarios_match_reference():
    loaded, uncertain = load_uncertain("sma-2019")
    for i in range(6):
        rng = np.random.default_rng(np.random.SeedSequence(11, spawn_key=(i,)))
        _same(apply_all(loaded.scenario, uncertain, draw_all(uncertain, rng)))


@settings(max_examples=80, deadline=None)
@given(random_scenarios(), st.floats(0.0, 1.05), st.integers(0, 54), st.integers(0, 54))
def test_property_kernel_equals_reference_kernel(scenario, target, own, other):
    space = scenario.space
    valuation = scenario.parties[0].valuation
    expected = choose_index(
        space, valuation.utilities(space), target, space.offer_at(own), space.offer_at(other)
    )
    assert choose(space, valuation_tables(valuation, space), target, own, other) == expected


def test_every_vectorisable_strategy_has_a_batch_form():
    """The registry's tag drives the batch engine: each tagged strategy must run on it."""
    scenario = load_uncertain("sma-2019")[0].scenario
    for name in names("vectorisable"):
        if name == "ratification-aware":
            continue
        spec = dataclasses.replace(scenario.parties[1].strategy, name=name, params=())
        party = dataclasses.replace(scenario.parties[1], strategy=spec)
        changed = dataclasses.replace(scenario, parties=(scenario.parties[0], party))
        run = _Run(changed, strategies_of(changed))
        assert run.run().engine == "batch", name


def test_untagged_strategy_falls_back_to_reference():
    """A strategy without the tag runs on the reference engine, transparently."""
    from builders import Scripted, one_issue_scenario

    scenario = one_issue_scenario()
    with pytest.raises(Exception):
        entry("scripted")  # the test double is not registered, so it is not vectorisable
    out = run_one(scenario, {"buyer": Scripted((10.0,), accept_at=60.0)})
    assert out.engine == "reference"
    assert out == from_reference(
        negotiate(scenario, {"buyer": Scripted((10.0,), accept_at=60.0)}), scenario
    )
