"""Deals in stages: a stop-gap agreement, after which the talks go on toward the long deal.

japan-hns-2021 retraces the FY2021 one-year extension (17 Feb 2021, JPY 201.7 bn) and the
FY2022-26 deal (21 Dec 2021); the rule (`model/stages.py`, `rules.is_stopgap`,
`rules.stopgap_acceptable`) is checked on variants of it; the batch paths run a staged scenario
on the reference engine and say so; bad `[stages]` input is one error line, exit 2.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import cache
from pathlib import Path

import pytest
from clitools import invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_batch_equivalence import rich_scenarios

from burdenshare.engine.batch import (
    codes_of,
    from_reference,
    run_one,
    strategies_of,
    unfit_scenarios,
)
from burdenshare.engine.protocol import negotiate
from burdenshare.engine.result import NegotiationResult
from burdenshare.experiments.montecarlo import MonteCarloPlan
from burdenshare.experiments.uncertainty import apply_all
from burdenshare.model import Offer, Scenario
from burdenshare.model.rules import add_years_ordinal, is_stopgap, stopgap_acceptable
from burdenshare.model.stages import Stages, add_years
from burdenshare.scenario import load
from burdenshare.scenario.load import builtin_text
from burdenshare.scenario.uncertainty import load_uncertain

NAME = "japan-hns-2021"


@cache
def japan(*overrides: str) -> NegotiationResult:
    return negotiate(load(NAME, overrides))


def test_japan_retraces_the_extension_then_the_five_year_deal() -> None:
    result = japan()
    out = result.outcome
    assert out.status == "agreement" and out.stages is not None
    first, last = out.stages
    # the FY2021 extension, agreed 17 Feb 2021 (NEWSFRONT21): JPY 201.7 bn for one year
    assert first.stopgap and first.date == dt.date(2021, 2, 17)
    assert first.terms["amount"] == pytest.approx(201.7) and first.terms["duration"] == 1
    assert first.expiry == dt.date(2022, 3, 31)
    # the long deal, agreed on 21 Dec 2021 (NIPPON21), for five years
    assert not last.stopgap and last.date == dt.date(2021, 12, 21) == out.date
    assert last.terms == out.terms and last.terms["duration"] == 5
    # the deadline moved with the stop-gap to 31 Mar 2022, after the deal: no deadline passed
    assert [e.date for e in result.trace if e.kind == "deadline"] == []
    assert not out.during_lapse


def test_ratifiers_vote_on_the_stopgap_without_limits_on_its_years() -> None:
    votes = [e for e in japan().trace if e.kind == "ratification_vote"]
    first = [v for v in votes if v.date == dt.date(2021, 2, 17)]
    # the President's limit "at least 3 years" binds only the long deal
    assert [v.accept for v in first] == [True, True]


def test_limits_refer_to_the_new_status_quo_after_the_stopgap() -> None:
    vetoes = [e for e in japan().trace if e.kind == "ratification_vote" and e.accept is False]
    assert len(vetoes) == 1
    amount = vetoes[0].offer["amount"]  # type: ignore[index]
    assert isinstance(amount, float)
    shown = f"{100 * (amount / 201.7 - 1):+.1f} %"  # relative to FY2021, not FY2016-20
    assert shown in vetoes[0].detail
    # offers after the stop-gap are described against FY2021
    offers = [e for e in japan().trace if e.kind == "offer"]
    assert "FY2016-20" in offers[0].detail and "FY2021" in offers[-1].detail


def test_each_party_accepts_the_interim_only_if_it_beats_the_lapse_it_averts() -> None:
    # with Tokyo's lapse cost at -0.01 a month, a year of lapse leaves it 0.58 > 0.54
    result = japan("parties.JPN.lapse.per_month=-0.01")
    answers = [
        (e.party, e.accept)
        for e in result.trace
        if e.kind == "response" and e.date == dt.date(2021, 2, 17) and e.offer is not None
        and e.offer["duration"] == 1
    ]  # fmt: skip
    assert answers == [("USA", True), ("JPN", False)]
    assert result.outcome.stages is not None
    assert not any(s.stopgap for s in result.outcome.stages)
    assert [e.date for e in result.trace if e.kind == "deadline"] == [dt.date(2021, 3, 31)]


def test_an_agreement_within_max_years_is_a_stopgap_and_the_talks_go_on() -> None:
    # every agreement runs at most five years: each is a stop-gap, so no long deal is reached
    result = japan("stages.max_years=5")
    out = result.outcome
    assert out.status == "no_agreement" and out.stages is not None
    assert [s.stopgap for s in out.stages] == [True, True]
    assert out.stages[1].expiry == dt.date(2027, 3, 31)  # 5 years after FY2021's expiry


def test_an_interim_leaving_issues_out_extends_the_status_quo(tmp_path: Path) -> None:
    text = builtin_text(NAME)
    text = text.replace("interim = { amount = 201.7, duration = 1 }", "interim = { duration = 1 }")
    path = tmp_path / "extend.toml"
    # the status quo off the grid cannot be extended as it is: one error, naming where it came from
    path.write_text(text)
    result = invoke("run", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "stages.interim.amount: 189.3 (the status quo's, as interim leaves it out)" in (
        result.stderr
    )
    # on the grid (JPY 189.7 bn), the extension keeps the status quo's amount and cost items
    path.write_text(text.replace("terms = { amount = 189.3,", "terms = { amount = 189.7,"))
    scenario = load(path)
    out = negotiate(scenario).outcome
    assert out.stages is not None and out.stages[0].stopgap
    first = out.stages[0].terms
    assert first["amount"] == pytest.approx(189.7) and first["duration"] == 1
    assert first["scope"] == scenario.status_quo.terms["scope"]


def test_rules() -> None:
    assert is_stopgap(1.0, 1.0) and not is_stopgap(2.0, 1.0)
    assert not is_stopgap(1.0, float("nan"))
    assert stopgap_acceptable(0.54, 0.54) and not stopgap_acceptable(0.54, 0.58)


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.integers(1, 20))
def test_add_years_keeps_the_day_of_the_year(day: dt.date, years: int) -> None:
    moved = add_years(day, years)
    assert moved.year == day.year + years and moved.month == day.month
    assert moved.day == day.day or (day.month, day.day, moved.day) == (2, 29, 28)


def test_run_json_lists_every_stage() -> None:
    result = invoke("run", NAME, "--json")
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)["outcome"]
    stages = outcome["stages"]
    assert [s["kind"] for s in stages] == ["stop-gap", "final"]
    assert [s["date"] for s in stages] == ["2021-02-17", "2021-12-21"]
    assert stages[0]["terms"]["amount"] == 201.7 and stages[0]["expiry"] == "2022-03-31"
    assert stages[-1]["terms"] == outcome["terms"]


def test_run_table_shows_every_stage() -> None:
    result = invoke("run", NAME)
    assert result.returncode == 0, result.stderr
    assert "STOP-GAP AGREED: JPY 201.70 bn (USD 1.82 bn, 1.07× FY2016-20)" in result.stdout
    assert "stage 1 (stop-gap until 2022-03-31), 2021-02-17" in result.stdout
    assert "stage 2 (final deal), 2021-12-21" in result.stdout
    # the no-deal values are those of the final stage (deadline 31 Mar 2022, no lapse yet)
    assert "no-deal value then 0.700" in result.stdout


def test_a_scenario_without_stages_has_none() -> None:
    result = invoke("run", "sma-2019", "--json")
    assert result.returncode == 0, result.stderr
    assert "stages" not in json.loads(result.stdout)["outcome"]
    assert load("sma-2019").stages is None


def _same(scenario: Scenario, seed: int = 0) -> None:
    reference = from_reference(negotiate(scenario, seed=seed), scenario)
    batch = run_one(scenario, seed=seed)
    assert batch.engine == "batch"
    assert dataclasses.replace(batch, engine="reference") == reference


@pytest.mark.parametrize(
    "overrides",
    [
        (),
        ("parties.JPN.lapse.per_month=-0.01",),  # the interim rejected
        ("stages.max_years=5",),  # every agreement a stop-gap
        ("ratifiers.diet.limits.0.max_change_pct=6",),  # the interim vetoed, a lapse
    ],
    ids=["default", "interim-rejected", "all-stop-gaps", "interim-vetoed"],
)
def test_the_compiled_engine_follows_stages(overrides: tuple[str, ...]) -> None:
    _same(load(NAME, overrides))


def test_japan_drawn_scenarios_match_reference() -> None:
    loaded, uncertain = load_uncertain(NAME)
    plan = MonteCarloPlan(loaded.scenario, uncertain, 12, 5)
    for i in range(plan.runs):
        _same(apply_all(loaded.scenario, uncertain, plan.inputs(i)))


@st.composite
def staged_scenarios(draw: st.DrawFn) -> Scenario:
    """The batch-equivalence suite's rich scenarios with a [stages] section: agreements of at
    most 1-3 years (of 1-4) are stop-gaps, with or without interim terms."""
    scenario = draw(rich_scenarios())
    most = draw(st.sampled_from([1, 2, 3]))
    interim = None
    if draw(st.booleans()):
        terms = {
            "amount": draw(st.sampled_from([40.0, 48.0, 60.0])),
            "years": draw(st.integers(1, most)),
            "scope": frozenset({"labor"}),
            "venue": "seoul",
        }
        interim = scenario.space.snap(Offer.of(terms))
    return dataclasses.replace(scenario, stages=Stages("years", float(most), interim, "stop"))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(staged_scenarios())
def test_property_staged_scenarios_equal_reference(scenario: Scenario) -> None:
    _same(scenario)


def _many_meetings(tmp_path: Path) -> Path:
    """japan-hns-2021 with 16 more one-offer meetings: 3 limits in each of 22 possible stages
    need 66 bits, more than the compiled engine's 62."""
    extra = "".join(
        f"\n[[calendar.meetings]]\ndate = {dt.date(2021, 12, 22) + dt.timedelta(days=5 * k)}\n"
        'offers = 1\nplace = "test"\n'
        for k in range(16)
    )
    path = tmp_path / "many.toml"
    path.write_text(builtin_text(NAME) + extra)
    return path


def test_too_many_stages_of_limits_run_on_the_reference_engine_and_say_so(
    tmp_path: Path,
) -> None:
    path = _many_meetings(tmp_path)
    scenario = load(path)
    assert list(unfit_scenarios([scenario, load("sma-2019")])) == ["japan-hns-2021"]
    assert codes_of(scenario, strategies_of(scenario)) is None
    one = run_one(scenario)
    assert one.engine == "reference"
    assert one == from_reference(negotiate(scenario), scenario)
    result = invoke("montecarlo", str(path), "-n", "2", "--no-store", "--json")
    assert result.returncode == 0, result.stderr
    assert "deals in stages" in result.stderr and "reference engine" in result.stderr
    assert json.loads(result.stdout)["engine"] == {"batch_runs": 0, "reference_runs": 2}


def test_montecarlo_runs_japan_on_the_batch_engine() -> None:
    result = invoke("montecarlo", NAME, "-n", "2", "--no-store", "--json")
    assert result.returncode == 0, result.stderr
    assert "reference engine" not in result.stderr
    assert json.loads(result.stdout)["engine"] == {"batch_runs": 2, "reference_runs": 0}


def test_add_years_on_ordinals_is_the_calendar_rule() -> None:
    for day in (dt.date(2020, 2, 29), dt.date(2021, 3, 31), dt.date(1, 1, 1)):
        for years in range(9):
            moved = dt.date.fromordinal(add_years_ordinal(day.toordinal(), years))
            try:
                expected = day.replace(year=day.year + years)
            except ValueError:
                expected = day.replace(year=day.year + years, day=28)
            assert moved == expected


def _bad(tmp_path: Path, old: str, new: str) -> tuple[str, str]:
    text = builtin_text(NAME)
    assert old in text
    path = tmp_path / "staged.toml"
    path.write_text(text.replace(old, new))
    result = invoke("run", str(path))
    assert result.returncode == 2 and not result.stdout
    assert "Traceback" not in result.stderr
    return str(path), result.stderr


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ('issue = "duration"\nmax', 'issue = "years"\nmax', "stages.issue", "numeric issue"),
        ("interim = { amount = 201.7,", "interim = { amount = 201.5,", "stages.interim.amount",
         "grid"),
        ("interim = { amount = 201.7, duration = 1 }", "interim = { amount = 201.7, duration = 3 }",
         "stages.interim.duration", "max_years"),
        ("max_years = 1", "max_years = 0", "stages.max_years", ""),
    ],
)  # fmt: skip
def test_bad_stages_are_one_error_naming_file_and_field(
    tmp_path: Path, old: str, new: str, field: str, words: str
) -> None:
    path, err = _bad(tmp_path, old, new)
    assert path in err and field in err and words in err


def test_show_describes_the_stages() -> None:
    result = invoke("show", NAME)
    assert result.returncode == 0, result.stderr
    assert "Deals in stages: an agreement of at most 1 year(s) (duration) is a stop-gap" in (
        result.stdout
    )
    assert "JPY 201.70 bn (USD 1.82 bn, 1.07× FY2016-20) · 1 year" in result.stdout
