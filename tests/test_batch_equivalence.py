"""The batch engine (compiled loop) gives the reference engine's outcome, run by run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import subprocess
import sys

import pytest
from builders import START, STRATEGY_SPECS, calendars, random_scenarios
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from burdenshare.engine import negotiate
from burdenshare.engine.batch import from_reference, run_one, strategies_of
from burdenshare.experiments.montecarlo import MonteCarloPlan
from burdenshare.experiments.uncertainty import apply_all
from burdenshare.model import (
    Calendar,
    ChoiceIssue,
    ChoiceValue,
    CountIssue,
    LinearValue,
    Meeting,
    MoneyIssue,
    Offer,
    OutcomeSpace,
    Party,
    PowerValue,
    Ratifier,
    Scenario,
    StatusQuo,
    StrategySpec,
    Threat,
    Valuation,
)
from burdenshare.model.issues import Category, ScopeIssue
from burdenshare.model.parties import ReservationEvent
from burdenshare.model.ratifiers import Limit
from burdenshare.model.valuation import ScopeValue
from burdenshare.scenario.uncertainty import load_uncertain
from burdenshare.strategies import entry, names


def _same(scenario: Scenario, seed: int = 0) -> None:
    reference = from_reference(negotiate(scenario, seed=seed), scenario)
    batch = run_one(scenario, seed=seed)
    assert batch.engine == "batch"
    assert dataclasses.replace(batch, engine="reference") == reference


SPACE = OutcomeSpace(
    (
        MoneyIssue("amount", 0.0, 100.0, 4.0, currency="USD"),
        CountIssue("years", 1, 4, 1, unit="years"),
        ScopeIssue("scope", (Category("labor", fixed=True), Category("rotation"), Category("ops"))),
        ChoiceIssue("venue", ("seoul", "washington")),
    )
)
DAY = st.integers(0, 200).map(lambda d: START + dt.timedelta(days=d))


@st.composite
def _valuation(draw: st.DrawFn) -> Valuation:
    weights = [draw(st.floats(0.05, 1.0)) for _ in range(4)]
    total = sum(weights)
    amount = draw(
        st.sampled_from(
            [LinearValue("rising"), LinearValue("falling"), PowerValue("falling", 2.0)]
        )
    )
    return Valuation(
        tuple((n, w / total) for n, w in zip(SPACE.names, weights, strict=True)),
        (
            ("amount", amount),
            ("years", LinearValue(draw(st.sampled_from(["rising", "falling"])))),
            ("scope", ScopeValue((("rotation", draw(st.sampled_from([-1.0, 1.0]))), ("ops", 0.5)))),
            ("venue", ChoiceValue((("seoul", draw(st.sampled_from([0.0, 1.0]))),))),
        ),
    )


@st.composite
def _limit(draw: st.DrawFn) -> Limit:
    kind = draw(st.sampled_from(["min", "max", "min_change_pct", "max_change_pct", "scope"]))
    if kind == "scope":
        return Limit("scope", requires=("ops",)) if draw(st.booleans()) else Limit(
            "scope", excludes=("rotation",)
        )
    value = draw(st.sampled_from([20.0, 48.0, 60.0])) if kind in ("min", "max") else draw(
        st.sampled_from([-20.0, 0.0, 10.0, 30.0])
    )
    return Limit("amount", **{kind: value})  # type: ignore[arg-type]


@st.composite
def rich_scenarios(draw: st.DrawFn) -> Scenario:
    """Two or three parties over four issues (money, count, scope, choice) with reservation
    events, own deadlines, lapses, threats, and ratifiers with bounds, % limits, scope limits,
    minimum utilities (own valuation or the party's) and terms of office."""
    count = draw(st.integers(2, 3))
    names_ = ["A", "B", "C"][:count]
    calendar = draw(calendars(max_gap=50, max_offers=5, max_tail=60))
    deadline = calendar.deadline
    dates = [m.date for m in calendar.meetings]
    parties = []
    for name in names_:
        events = tuple(
            ReservationEvent(draw(DAY), draw(st.sampled_from([-0.1, 0.05])))
            for _ in range(draw(st.integers(0, 2)))
        )
        opening = None
        if draw(st.booleans()):
            opening = Offer.of(
                {
                    "amount": draw(st.sampled_from([0.0, 52.0, 100.0])),
                    "years": 2,
                    "scope": frozenset({"labor", "ops"}),
                    "venue": "seoul",
                }
            )
        parties.append(
            Party(
                name,
                draw(_valuation()),
                draw(st.floats(0.0, 0.7)),
                draw(STRATEGY_SPECS),
                opening=opening,
                lapse_change_per_month=draw(st.sampled_from([0.0, -0.05, 0.02])),
                events=events,
                deadline=draw(st.none() | st.sampled_from(dates)),
            )
        )
    threats = tuple(
        Threat(
            f"t{i}",
            draw(st.sampled_from(names_)),
            draw(st.sampled_from(names_)),
            draw(st.sampled_from([-0.2, -0.05])),
            draw(st.floats(0.0, 1.0)),
            draw(st.none() | DAY),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    ratifiers = []
    for i in range(draw(st.integers(0, 3))):
        start = draw(st.none() | DAY)
        end = draw(st.none() | DAY)
        ratifiers.append(
            Ratifier(
                f"r{i}",
                draw(st.sampled_from(names_)),
                tuple(draw(st.lists(_limit(), max_size=2))),
                draw(st.none() | st.floats(0.2, 0.8)),
                draw(st.none() | _valuation()),
                start,
                end,
            )
        )
    status_quo = Offer.of(
        {"amount": 40.0, "years": 1, "scope": frozenset({"labor"}), "venue": "seoul"}
    )
    return Scenario(
        "rich",
        "rich",
        SPACE,
        StatusQuo(status_quo, deadline, "old"),
        tuple(parties),
        calendar,
        ratifiers=tuple(ratifiers),
        threats=threats,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_scenarios())
def test_property_batch_outcome_equals_reference(scenario: Scenario) -> None:
    _same(scenario)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rich_scenarios())
def test_property_rich_scenarios_equal_reference(scenario: Scenario) -> None:
    _same(scenario)


def test_sma2019_default_runs_on_batch_and_matches() -> None:
    loaded, _ = load_uncertain("sma-2019")
    _same(loaded.scenario)


def test_sma2019_drawn_scenarios_match_reference() -> None:
    loaded, uncertain = load_uncertain("sma-2019")
    plan = MonteCarloPlan(loaded.scenario, uncertain, 12, 11)
    for i in range(plan.runs):
        _same(apply_all(loaded.scenario, uncertain, plan.inputs(i)))


def test_every_vectorisable_strategy_has_a_batch_form() -> None:
    """The registry's tag drives the batch engine: each tagged strategy must run on it."""
    scenario = load_uncertain("sma-2019")[0].scenario
    for name in names("vectorisable"):
        if name == "ratification-aware":
            continue
        spec = dataclasses.replace(scenario.parties[1].strategy, name=name, params=())
        party = dataclasses.replace(scenario.parties[1], strategy=spec)
        changed = dataclasses.replace(scenario, parties=(scenario.parties[0], party))
        assert run_one(changed, strategies_of(changed)).engine == "batch", name


def test_untagged_strategy_falls_back_to_reference() -> None:
    """A strategy without the tag runs on the reference engine, transparently."""
    from builders import Scripted, one_issue_scenario

    from burdenshare.errors import InputError

    scenario = one_issue_scenario()
    with pytest.raises(InputError):
        entry("scripted")  # the test double is not registered, so it is not vectorisable
    out = run_one(scenario, {"buyer": Scripted((10.0,), accept_at=60.0)})
    assert out.engine == "reference"
    assert out == from_reference(
        negotiate(scenario, {"buyer": Scripted((10.0,), accept_at=60.0)}), scenario
    )


def test_a_party_vetoed_by_two_ratifiers_at_every_meeting() -> None:
    """Found by the property above: two ratifiers of one party veto six deals (twelve vetoes to
    remember for that party); the batch engine once kept room for one veto a meeting and wrote
    the rest over the other party's memory."""
    days = [START + dt.timedelta(days=d) for d in range(1, 7)]
    calendar = Calendar(tuple(Meeting(d, "here", f"R{i}", 1, 1) for i, d in enumerate(days)),
                        days[0], days[-1])

    def valuation(weights: tuple[float, float, float, float]) -> Valuation:
        return Valuation(
            tuple(zip(SPACE.names, weights, strict=True)),
            (
                ("amount", LinearValue("rising")),
                ("years", LinearValue("rising")),
                ("scope", ScopeValue((("rotation", -1.0), ("ops", 0.5)))),
                ("venue", ChoiceValue((("seoul", 0.0),))),
            ),
        )

    parties = (
        Party("A", valuation((1 / 13, 4 / 13, 4 / 13, 4 / 13)), 0.0,
              StrategySpec("boulware"), deadline=days[0]),
        Party("B", valuation((0.25, 0.25, 0.25, 0.25)), 0.0,
              StrategySpec("ratification-aware", (("inner", "boulware"),)), deadline=days[0]),
    )
    ratifiers = (
        Ratifier("r0", "B", (Limit("amount", min=20.0),)),
        Ratifier("r1", "A", (Limit("amount", min=48.0),)),
        Ratifier("r2", "A", min_utility=0.5),
    )
    status_quo = Offer.of(
        {"amount": 40.0, "years": 1, "scope": frozenset({"labor"}), "venue": "seoul"}
    )
    scenario = Scenario("vetoes", "vetoes", SPACE, StatusQuo(status_quo, days[0], "old"),
                        parties, calendar, ratifiers=ratifiers)
    _same(scenario)
    assert run_one(scenario).vetoes == 6


BOUNDS_REPLAY = "rich_scenarios or two_ratifiers or sma2019_drawn"


def test_compiled_engine_stays_in_bounds() -> None:
    """numba does not check indices: the rich, two-ratifier and sma-2019 equivalence tests
    replayed with the loop run as plain Python (`NUMBA_DISABLE_JIT=1`, the same source), where
    numpy checks every index as numba's `NUMBA_BOUNDSCHECK=1` would (negative indices wrap in
    both), so a read or write past an array's end fails loudly — at ~5 s of CPU instead of a
    second bounds-checked compile of the whole loop (~45 s)."""
    env = {**os.environ, "NUMBA_DISABLE_JIT": "1"}
    command = [sys.executable, "-m", "pytest", "-o", "addopts=", "-q", "-p", "no:cacheprovider",
               __file__, "-k", BOUNDS_REPLAY]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    ran = re.search(r"(\d+) passed, \d+ deselected", output)
    assert ran is not None and int(ran.group(1)) >= 3, output
