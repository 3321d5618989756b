"""The single negotiating text with a chair (`[protocol] kind = "single-text"`).

Known results: with two parties and linear utilities, a neutral chair facing two hardliners
moves its text to the midpoint of their demands (draft 50 + 10 · ½^k from a status quo of 60);
with one hardliner objecting and step = shrink = ½, the draft after k revisions is
60 · Π_{j<k} (1 − 2^−(j+1)), which tends to 60 · φ(½) = 17.33 (Euler's function,
φ(½) = 0.288788...), so the text freezes at 17. A share split among three payers stays feasible
at every text; runs are deterministic; the compiled engine plays the single text as the
reference engine does, run by run (random scenarios, japan-hns-2021, Monte Carlo rows, splits
among three payers and nato-common-funding-2021's Monte Carlo rows): the nearest split is
`rules.nearest_split` on both, equal to reading every split's sum of squared gaps; bad
`[protocol]` input is one error line, exit 2.
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import numpy as np
import pytest
from clitools import invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_batch_equivalence import rich_scenarios
from test_engine_stages import staged_scenarios

from burdenshare.engine.batch import from_reference, run_one, unfit_scenarios
from burdenshare.engine.protocol import negotiate
from burdenshare.engine.result import NegotiationResult
from burdenshare.model import Scenario
from burdenshare.model.kinds.splits import compositions
from burdenshare.model.rules import (
    chair_step,
    draft_coordinates,
    nearest_number,
    nearest_option,
    nearest_split,
    revise_draft,
    revised,
)
from burdenshare.model.single_text import SingleText, draft_of, revise, text_of
from burdenshare.scenario import load

TWO = """
name = "two-texts"
[[issues]]
name = "amount"
kind = "money"
currency = "USD"
unit = "bn"
low = 0
high = 100
step = 1
[status_quo]
terms = {{ amount = 60 }}
expiry = 2030-12-31
[[parties]]
name = "Seller"
reservation_value = {seller_r}
strategy = {{ name = "time-dependent", params = {{ e = {seller_e}, k = {seller_k} }} }}
valuation = {{ amount = {{ weight = 1, shape = "linear", direction = "rising" }} }}
[[parties]]
name = "Buyer"
reservation_value = 0
strategy = {{ name = "time-dependent", params = {{ e = 0 }} }}
valuation = {{ amount = {{ weight = 1, shape = "linear", direction = "falling" }} }}
[calendar]
deadline = 2030-12-31
end = 2031-06-30
meetings = [{{ date = 2030-01-10, place = "Geneva", offers = 12 }}]
[protocol]
kind = "single-text"
{protocol}
"""

HARDLINER = {"seller_r": 0, "seller_e": 0, "seller_k": 0}
"""The seller asks for 100 (its best) until its deadline, as the buyer asks for 0."""
YIELDING = {"seller_r": 0, "seller_e": 1, "seller_k": 1}
"""k = 1: the seller's target is its no-deal value 0 from the outset, so it accepts any text."""


def two(tmp_path: Path, seller: dict[str, float], protocol: str) -> NegotiationResult:
    path = tmp_path / "two.toml"
    path.write_text(TWO.format(protocol=protocol, **seller), encoding="utf-8")
    return negotiate(load(path))


def texts(result: NegotiationResult) -> list[float]:
    return [float(e.offer["amount"]) for e in result.trace if e.kind == "offer" and e.offer]  # type: ignore[arg-type]


def test_the_rules_step_and_revision() -> None:
    assert chair_step(0, 0.5, 0.9) == 0.5
    assert chair_step(2, 0.5, 0.5) == pytest.approx(0.125)
    assert revised(60.0, 0.0, 0.5) == 30.0
    assert revised(10.0, 20.0, 0.25) == 12.5


def _draft_rules(
    widths: np.ndarray, positions: np.ndarray, step: float, keep: int
) -> tuple[np.ndarray, int, int]:
    """From a numeric issue's draft 60 and a choice issue's draft (option 0 of 3), revised by
    `step` toward two amendments (numbers 0 and 100; options 1 and 1, or as `positions`): the
    draft, the text's number on the grid 0, 1, ... 100 and the text's option (`keep` on a tie)."""
    draft = np.zeros((2, 3))
    draft_coordinates(True, 60.0, 0, 1, draft[0])
    draft_coordinates(False, 0.0, 0, 3, draft[1])
    amendments = np.zeros((2, 2, 3))
    for j in range(2):
        draft_coordinates(True, 100.0 * j, 0, 1, amendments[j, 0])
        draft_coordinates(False, 0.0, positions[j], 3, amendments[j, 1])
    revise_draft(draft, amendments, 2, widths, step)
    grid = np.arange(101.0)
    return draft, nearest_number(grid, grid.size, draft[0, 0]), nearest_option(draft[1], 3, keep)


def test_the_rules_of_the_draft_and_the_nearest_text() -> None:
    """`rules.draft_coordinates`, `revise_draft`, `nearest_number`, `nearest_option` give the
    known results (the compiled loop compiles these same functions: tests/
    test_engine_compiled_rules.py; its runs equal the reference's, below)."""
    widths = np.array([1, 3], dtype=np.int64)
    draft, number, option = _draft_rules(widths, np.array([1, 1], dtype=np.int64), 0.5, 0)
    # 60 + ½ (50 − 60) = 55; the weights move halfway from option 0 to option 1
    assert draft.tolist() == [[55.0, 0.0, 0.0], [0.5, 0.5, 0.0]]
    assert (number, option) == (55, 0)  # a tie of weights keeps the text's option
    draft, number, option = _draft_rules(widths, np.array([1, 2], dtype=np.int64), 0.25, -1)
    assert draft[0, 0] == 57.5 and number == 57  # 57.5 lies halfway: the lower
    assert draft[1].tolist() == [0.75, 0.125, 0.125] and option == 0
    draft, number, option = _draft_rules(widths, np.array([2, 2], dtype=np.int64), 1.0, 1)
    assert draft[1].tolist() == [0.0, 0.0, 1.0] and option == 2
    assert nearest_option((0.5, 0.5 - 1e-13, 0.0), 3, 1) == 1  # a tie within 1e-12
    assert nearest_option((0.5, 0.5 - 1e-11, 0.0), 3, 1) == 0
    assert nearest_option((0.2, 0.4, 0.4), 3, -1) == 1  # no text to keep: the first
    assert nearest_number((0.0, 10.0, 20.0), 2, 19.0) == 1  # the first `size` values only


def test_a_neutral_chair_moves_the_text_to_the_midpoint_of_two_hardliners(tmp_path: Path) -> None:
    result = two(tmp_path, HARDLINER, "step = 0.5\nshrink = 1")
    # draft 50 + 10 · 0.5^k: 60, 55, 52.5 (a tie: the lower grid value), 51.25, 50.625, ...
    assert texts(result)[:7] == [60, 55, 52, 51, 51, 50, 50]
    assert set(texts(result)[5:]) == {50}
    assert result.outcome.status == "no_agreement"
    objections = [e for e in result.trace if e.kind == "response" and e.accept is False]
    assert objections[0].detail.startswith("asks for USD")


def test_one_objector_and_a_shrinking_step_freeze_the_text_at_euler_phi(tmp_path: Path) -> None:
    result = two(tmp_path, YIELDING, "step = 0.5\nshrink = 0.5")
    drafts = [60.0]
    for j in range(11):
        drafts.append(drafts[-1] * (1 - 0.5 ** (j + 1)))
    # the grid rounds to the nearest dollar-billion, a tie to the lower one
    assert texts(result) == [60, 30, 22, 20, 18, 18, 18, 17, 17, 17, 17, 17]
    assert [math.ceil(d - 0.5) for d in drafts] == texts(result)  # nearest; a tie: the lower
    limit = 60 * math.prod(1 - 0.5 ** (j + 1) for j in range(60))  # 60 · φ(½)
    assert limit == pytest.approx(60 * 0.288788095, abs=1e-6) and round(limit) == texts(result)[-1]
    # the seller (target 0) accepts every text; the buyer objects to each, asking for 0
    responses = [e for e in result.trace if e.kind == "response"]
    assert all(e.accept for e in responses if e.party == "Seller")
    assert not any(e.accept for e in responses if e.party == "Buyer")


def test_a_party_chair_opens_with_its_own_proposal(tmp_path: Path) -> None:
    result = two(tmp_path, HARDLINER, 'chair = "Buyer"\nshrink = 1')
    assert texts(result)[0] == 0  # the buyer's best
    offers = [e for e in result.trace if e.kind == "offer"]
    assert {e.party for e in offers} == {"Buyer"}


def test_a_text_all_accept_is_agreed(tmp_path: Path) -> None:
    """A yielding seller and a buyer who accepts only 0: the text reaches 0 with a constant
    step (60 · ½^k < ½ after 7 revisions), and the deal is struck there."""
    result = two(tmp_path, YIELDING, "step = 0.5\nshrink = 1")
    assert texts(result) == [60, 30, 15, 7, 4, 2, 1, 0]  # 7.5: a tie, the lower value
    out = result.outcome
    assert out.status == "agreement" and out.terms is not None and out.terms["amount"] == 0


SPLIT = """
name = "three-payers"
[[issues]]
name = "split"
kind = "share"
step = 1
payers = [
  {{ name = "A", floor = 10, cap = 50 }},
  {{ name = "B", floor = 20, cap = 45 }},
  {{ name = "C", floor = 15, cap = 60 }},
]
[status_quo]
terms = {{ split = {{ A = 40, B = 25, C = 35 }} }}
expiry = 2030-12-31
{parties}
[calendar]
deadline = 2030-12-31
end = 2031-06-30
meetings = [
  {{ date = 2030-01-10, place = "Geneva", offers = 8 }},
  {{ date = 2030-06-10, place = "Geneva", offers = 8 }},
]
[protocol]
kind = "single-text"
chair = "{chair}"
step = {step}
shrink = {shrink}
"""

PARTY = """
[[parties]]
name = "{name}"
reservation_value = {r}
strategy = {{ name = "time-dependent", params = {{ e = {e} }} }}
valuation = {{ split = {{ weight = 1, payer = "{name}", shape = "linear" }} }}
"""


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    chair=st.sampled_from(["neutral", "A", "C"]),
    step=st.sampled_from([0.3, 0.5, 1.0]),
    shrink=st.sampled_from([0.8, 1.0]),
    rs=st.lists(st.sampled_from([0.0, 0.2, 0.4]), min_size=3, max_size=3),
    es=st.lists(st.sampled_from([0.5, 1.0, 2.0]), min_size=3, max_size=3),
)
def test_a_share_split_among_three_stays_feasible(
    tmp_path: Path, chair: str, step: float, shrink: float, rs: list[float], es: list[float]
) -> None:
    parties = "".join(PARTY.format(name=n, r=r, e=e) for n, r, e in zip("ABC", rs, es, strict=True))
    path = tmp_path / "split.toml"
    path.write_text(
        SPLIT.format(parties=parties, chair=chair, step=step, shrink=shrink), encoding="utf-8"
    )
    scenario = load(path)
    result = negotiate(scenario)
    issue = scenario.space.issues[0]
    for event in result.trace:
        if event.offer is not None:
            split = event.offer["split"]
            shares = [split[p] for p in "ABC"]  # type: ignore[index]
            assert sum(shares) == pytest.approx(100.0)
            assert 10 <= shares[0] <= 50 and 20 <= shares[1] <= 45 and 15 <= shares[2] <= 60
            assert issue.contains(split)
    assert negotiate(scenario).to_dict() == result.to_dict()  # deterministic


def test_the_draft_of_a_split_is_its_shares_and_the_text_the_nearest_split() -> None:
    nato = load("nato-common-funding-2021")
    space = nato.space
    quo = nato.status_quo.terms
    assert draft_of(space, quo) == ((442.0, 296.0, 1262.0),)  # 22.1/14.8/63.1 % in 0.05 % units
    ask = ((280.0, 360.0, 1360.0),)  # 14/18/68 %
    moved = revise(draft_of(space, quo), [ask], 0.5)
    assert moved[0] == (361.0, 328.0, 1311.0)
    expected = {"USA": 18.05, "DEU": 16.4, "Others": 65.55}
    assert text_of(space, moved)["split"].to_json() == expected  # type: ignore[union-attr]
    halfway = ((361.5, 327.5, 1311.0),)  # two splits equally near: the earlier in grid order
    assert text_of(space, halfway)["split"].to_json() == expected  # type: ignore[union-attr]


def _plain_nearest(units: np.ndarray, x: np.ndarray) -> int:
    """Every split's squared gaps summed payer by payer, the first least (what the search must
    find without reading them all)."""
    squares = np.zeros(units.shape[0])
    for p in range(units.shape[1]):
        gap = units[:, p] - x[p]
        squares += gap * gap
    return int(np.argmin(squares))


@settings(max_examples=60, deadline=None)
@given(
    bounds=st.lists(
        st.tuples(st.integers(0, 4), st.integers(0, 30)), min_size=1, max_size=5
    ).filter(lambda b: sum(f for f, _ in b) <= 24 <= sum(max(f, c) for f, c in b)),
    pick=st.integers(0, 10**6),
    noise=st.lists(st.sampled_from([0.0, 0.5, -0.5, 0.25, 1.7, -3.2, 9.0]), min_size=5, max_size=5),
)
def test_nearest_split_is_the_first_least_sum_over_every_split(
    bounds: list[tuple[int, int]], pick: int, noise: list[float]
) -> None:
    floors = tuple(f for f, _ in bounds)
    caps = tuple(max(f, c) for f, c in bounds)
    units = compositions(24, floors, caps).astype(float)
    k = pick % units.shape[0]
    x = units[k] + np.array(noise[: len(bounds)])
    assert nearest_split(units, units.shape[0], len(bounds), x) == _plain_nearest(units, x)
    assert nearest_split(units, units.shape[0], len(bounds), units[k]) == k  # its own nearest


def test_nato_under_a_single_text_agrees_on_a_feasible_split_and_runs_the_same_twice() -> None:
    overrides = ("protocol.kind=single-text",)
    first = invoke("run", "nato-common-funding-2021", "--json", *[f"--set={o}" for o in overrides])
    again = invoke("run", "nato-common-funding-2021", "--json", *[f"--set={o}" for o in overrides])
    assert first.returncode == 0, first.stderr
    assert first.stdout == again.stdout
    out = json.loads(first.stdout)["outcome"]
    assert out["status"] == "agreement" and out["date"] == "2019-11-27"
    assert out["terms"]["split"] == {"USA": 16.5, "DEU": 16.9, "Others": 66.6}
    assert sum(out["terms"]["split"].values()) == pytest.approx(100.0)


def test_the_batch_paths_play_a_split_on_the_compiled_engine() -> None:
    """nato-common-funding-2021 under a single text: no note, the compiled engine, and each Monte
    Carlo row ends as the reference engine plays the drawn scenario."""
    scenario = load("nato-common-funding-2021", ("protocol.kind=single-text",))
    assert unfit_scenarios([scenario]) == {}
    batch = run_one(scenario)
    assert batch.engine == "batch"
    assert dataclasses.replace(batch, engine="reference") == from_reference(
        negotiate(scenario), scenario
    )
    _rows_equal_reference_runs(
        "nato-common-funding-2021", ["protocol.kind=single-text", "protocol.chair=DEU"], 5
    )
    done = invoke(
        "montecarlo", "nato-common-funding-2021", "--set", "protocol.kind=single-text",
        "-n", "2", "--no-store", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "reference engine" not in done.stderr


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    chair=st.sampled_from(["neutral", "A", "B", "C"]),
    step=st.sampled_from([0.3, 0.5, 1.0]),
    shrink=st.sampled_from([0.8, 1.0]),
    rs=st.lists(st.sampled_from([0.0, 0.2, 0.4]), min_size=3, max_size=3),
    es=st.lists(st.sampled_from([0.5, 1.0, 2.0]), min_size=3, max_size=3),
    grid=st.sampled_from([1, 0.5]),
)
def test_property_a_split_under_a_single_text_is_played_alike_by_both_engines(
    tmp_path: Path, chair: str, step: float, shrink: float, rs: list[float], es: list[float],
    grid: float,
) -> None:  # fmt: skip
    """Run by run the same outcome, date, offers and vetoes on both engines."""
    parties = "".join(PARTY.format(name=n, r=r, e=e) for n, r, e in zip("ABC", rs, es, strict=True))
    text = SPLIT.format(parties=parties, chair=chair, step=step, shrink=shrink)
    path = tmp_path / "split.toml"
    path.write_text(text.replace("step = 1\n", f"step = {grid}\n", 1), encoding="utf-8")
    scenario = load(path)
    batch = run_one(scenario)
    assert batch.engine == "batch"
    assert dataclasses.replace(batch, engine="reference") == from_reference(
        negotiate(scenario), scenario
    )


def test_show_names_the_protocol() -> None:
    done = invoke("show", "nato-common-funding-2021", "--set", "protocol.kind=single-text",
                  "--set", "protocol.chair=USA")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Protocol: a single negotiating text; USA chairs" in done.stdout


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("protocol.chair=USB", "protocol.chair: expected a party's name (USA, DEU, Others)"),
        ("protocol.step=1.5", "protocol.step: input should be less than or equal to 1"),
        ("protocol.shrink=0", "protocol.shrink: input should be greater than 0"),
        ("protocol.kind=rounds", "protocol.kind"),
    ],
)
def test_bad_protocol_input_is_one_error_exit_2(setting: str, message: str) -> None:
    done = invoke("run", "nato-common-funding-2021", "--set", "protocol.kind=single-text",
                  "--set", setting)  # fmt: skip
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_chair_keys_need_the_single_text_kind() -> None:
    done = invoke("run", "nato-common-funding-2021", "--set", "protocol.step=0.3")
    assert done.returncode == 2
    assert "protocol.step: step is a key of the single-text protocol" in done.stderr


def test_the_protocol_default_is_alternating_offers() -> None:
    plain = negotiate(load("sma-2019"))
    stated = negotiate(load("sma-2019", ("protocol.kind=alternating-offers",)))
    assert plain.to_dict() == stated.to_dict()
    assert SingleText().display == "chair" and SingleText("USA").display == "USA"


def test_an_absent_protocol_leaves_the_scenario_hash_as_it_was() -> None:
    """Results and saved games name their scenario by its hash: the new optional section,
    absent, must not change it (the example game of docs/how-to/play-a-side.md still replays)."""
    from burdenshare.scenario.load import load_source

    game = json.loads(
        (Path(__file__).parents[1] / "docs/examples/sma-2019-rok-game.json").read_text()
    )
    assert load_source("sma-2019").sha256 == game["scenario_sha256"]
    stated = load_source("sma-2019", ["protocol.kind=single-text"]).sha256
    assert stated != game["scenario_sha256"]


@st.composite
def single_text_scenarios(draw: st.DrawFn) -> Scenario:
    """The batch-equivalence suite's rich scenarios (money, count, scope and choice issues;
    ratifiers, threats, own deadlines), some with deals in stages, under a single text: a
    neutral chair or a party chairing, a drawn step and shrink."""

    scenario = draw(staged_scenarios() if draw(st.booleans()) else rich_scenarios())
    chair = draw(st.none() | st.sampled_from([p.name for p in scenario.parties]))
    step = draw(st.sampled_from([0.25, 0.5, 1.0]))
    shrink = draw(st.sampled_from([0.7, 0.95, 1.0]))
    return dataclasses.replace(scenario, protocol=SingleText(chair, "chair", step, shrink))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(single_text_scenarios())
def test_property_the_compiled_engine_plays_the_single_text_as_the_reference(
    scenario: Scenario,
) -> None:
    """Run by run the same outcome, date, vetoes, offers (texts tabled) and stop-gap."""
    reference = from_reference(negotiate(scenario), scenario)
    batch = run_one(scenario)
    assert batch.engine == "batch"
    assert dataclasses.replace(batch, engine="reference") == reference


@pytest.mark.parametrize(
    "overrides",
    [
        ("protocol.kind=single-text",),
        ("protocol.kind=single-text", "protocol.chair=JPN", "protocol.shrink=1"),
        ("protocol.kind=single-text", "protocol.chair=USA", "protocol.step=0.25"),
    ],
)
def test_japan_under_a_single_text_on_both_engines(overrides: tuple[str, ...]) -> None:
    """Stages, a scope issue (a weight per option in the draft), interim terms and vetoes."""
    scenario = load("japan-hns-2021", overrides)
    reference = from_reference(negotiate(scenario), scenario)
    batch = run_one(scenario)
    assert batch.engine == "batch"
    assert dataclasses.replace(batch, engine="reference") == reference


def test_monte_carlo_rows_under_a_single_text_equal_the_reference_runs() -> None:
    """The Monte Carlo's compiled rows (drawn inputs written into the arrays) play the single
    text as the reference engine plays each drawn scenario."""
    _rows_equal_reference_runs("japan-hns-2021", ["protocol.kind=single-text"], 11)


def _rows_equal_reference_runs(name: str, overrides: list[str], seed: int) -> None:
    """Six Monte Carlo rows of `name` (with `overrides`, seed `seed`), all on the compiled
    engine, each ending (agreement, first stop-gap) as the reference engine plays the drawn
    scenario."""
    from burdenshare.experiments.montecarlo import MonteCarloPlan, run_range
    from burdenshare.experiments.uncertainty import apply_all
    from burdenshare.scenario.uncertainty import load_uncertain

    loaded, uncertain = load_uncertain(name, overrides)
    plan = MonteCarloPlan(loaded.scenario, uncertain, 6, seed)
    columns = run_range(plan, 0, plan.runs)
    assert columns.engine_batch.all()
    for i in range(plan.runs):
        scenario = apply_all(loaded.scenario, uncertain, plan.inputs(i))
        reference = from_reference(negotiate(scenario), scenario)
        assert (reference.index if reference.index is not None else -1) == columns.index[i]
        assert (reference.stopgap if reference.stopgap is not None else -1) == columns.stopgap[i]
