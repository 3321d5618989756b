"""A share issue on the compiled engine: the kernel measures the distance between two splits
from their shares in grid units (`jit_kernel.distance`, `rules.split_distance`), as the
reference engine's `ShareIssue.distances` does (`ShareIssue.between`), so both engines give the
same outcome run by run."""

from __future__ import annotations

import dataclasses

import numpy as np
from builders import STRATEGY_SPECS, calendars
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from burdenshare.engine import negotiate
from burdenshare.engine.batch import from_reference, run_one
from burdenshare.engine.jit_kernel import distance, space_arrays
from burdenshare.experiments.montecarlo import MonteCarloPlan
from burdenshare.experiments.uncertainty import apply_all
from burdenshare.model import (
    LinearValue,
    MoneyIssue,
    Offer,
    OutcomeSpace,
    Party,
    Scenario,
    StatusQuo,
    Valuation,
)
from burdenshare.model.kinds.share import Payer, ShareIssue, ShareValue
from burdenshare.scenario.uncertainty import load_uncertain

SPLIT = ShareIssue(
    "split", (Payer("A", 10.0, 50.0), Payer("B", 20.0, 45.0), Payer("C", 15.0, 60.0)), 5.0
)
SPACE = OutcomeSpace((SPLIT, MoneyIssue("amount", 0.0, 100.0, 4.0, currency="USD")))


def _same(scenario: Scenario, seed: int = 0) -> None:
    reference = from_reference(negotiate(scenario, seed=seed), scenario)
    batch = run_one(scenario, seed=seed)
    assert batch.engine == "batch"
    assert dataclasses.replace(batch, engine="reference") == reference


def test_the_kernel_measures_every_pair_of_splits_as_the_share_kind() -> None:
    """Every pair of a small issue's splits, and a known value: A 10→30, B 45→25 (C the same)
    is √(20² + 20²) / (100 √2) = 0.2 apart."""
    sp = space_arrays(SPACE)
    values = SPLIT.values()
    n = len(values)
    for b in range(n):
        expected = SPLIT.distances(values[b])
        got = [distance(sp, 0, a, b) for a in range(n)]
        assert got == expected.tolist()
        assert SPLIT.between(np.arange(n), np.full(n, b)).tolist() == expected.tolist()
    a = SPLIT.index_of({"A": 10.0, "B": 45.0, "C": 45.0})
    b = SPLIT.index_of({"A": 30.0, "B": 25.0, "C": 45.0})
    assert distance(sp, 0, a, b) == 0.2 == distance(sp, 0, b, a)
    grid = np.asarray(SPACE.grids[1], dtype=float)
    assert distance(sp, 1, 0, 3) == SPACE.issues[1].distances(grid[3])[0]


@st.composite
def share_scenarios(draw: st.DrawFn) -> Scenario:
    """A split and an amount (a long numeric issue: the decomposed search, rows ordered by the
    split's distance), random valuations and strategies."""
    directions = st.sampled_from(["rising", "falling"])
    parties = []
    for name in ("A", "B"):
        weight = draw(st.floats(0.05, 0.95))
        valuation = Valuation(
            (("split", weight), ("amount", 1.0 - weight)),
            (
                ("split", ShareValue(draw(st.sampled_from("ABC")), LinearValue(draw(directions)))),
                ("amount", LinearValue(draw(directions))),
            ),
        )
        parties.append(Party(name, valuation, draw(st.floats(0.0, 0.6)), draw(STRATEGY_SPECS)))
    calendar = draw(calendars())
    quo = Offer.of({"split": SPLIT.normalise({"A": 30.0, "B": 30.0, "C": 40.0}), "amount": 40.0})
    return Scenario(
        "shares", "shares", SPACE, StatusQuo(quo, calendar.deadline, "old"), tuple(parties),
        calendar,
    )  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(share_scenarios())
def test_property_share_scenarios_equal_reference(scenario: Scenario) -> None:
    _same(scenario)


def test_nato_drawn_scenarios_match_reference() -> None:
    loaded, uncertain = load_uncertain("nato-common-funding-2021")
    plan = MonteCarloPlan(loaded.scenario, uncertain, 8, 3)
    for i in range(plan.runs):
        _same(apply_all(loaded.scenario, uncertain, plan.inputs(i)), seed=i)
