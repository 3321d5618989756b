"""The backtest cases (scenario/cases/): each loads by name, is sourced, has an outcome with
sources, runs, and forecasts only from what was known on its information date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np
import pytest
from builders import later_facts_changed
from clitools import run_cli

from burdenshare.experiments.backtest import applicable
from burdenshare.experiments.montecarlo import MonteCarloPlan, run_range
from burdenshare.history.outcomes import actual_outcomes
from burdenshare.history.record import load_record
from burdenshare.model.forecast_view import projected_view
from burdenshare.model.scenario import Scenario
from burdenshare.scenario import builtin_names, builtin_text, load
from burdenshare.scenario.load import case_names
from burdenshare.scenario.uncertainty import load_uncertain

CASES = (
    "japan-hns-2010",
    "japan-hns-2015",
    "japan-hns-2020",
    "nato-2014",
    "sma-2008",
    "sma-2013",
    "sma-2018",
)
OUTCOMES = actual_outcomes(load_record())


def test_the_cases_are_listed_apart_from_the_library() -> None:
    assert case_names() == CASES
    assert not set(CASES) & set(builtin_names())
    assert set(CASES) <= set(OUTCOMES)  # `burdenshare backtest` runs every outcome's scenario


def _forecast(scenario: Scenario, name: str) -> tuple[list[int], list[int], list[int]]:
    """Agreed outcome, status and days of 2 Monte Carlo runs from the projected view."""
    view = projected_view(scenario)
    _, uncertain = load_uncertain(name, [])
    columns = run_range(MonteCarloPlan(view, applicable(view, uncertain), 2, 3), 0, 2)
    return [np.asarray(c).tolist() for c in (columns.index, columns.status, columns.days)]


@pytest.mark.parametrize("name", CASES)
def test_later_facts_do_not_change_the_forecast(name: str) -> None:
    scenario = load(name)
    as_of = scenario.information_date
    assert as_of is not None and scenario.projection is not None
    later = [m for m in scenario.calendar.meetings if m.last_day > as_of]
    assert later, "a case holds the real later meetings, which the forecast must not see"
    changed = later_facts_changed(scenario)
    assert changed != scenario
    assert _forecast(changed, name) == _forecast(scenario, name)


@pytest.mark.parametrize("name", CASES)
def test_the_outcome_comes_after_the_information_date(name: str) -> None:
    scenario, actual = load(name), OUTCOMES[name]
    assert scenario.information_date is not None
    assert scenario.information_date < actual.agreed <= scenario.calendar.end
    assert actual.agreed_sources
    for term in actual.terms:
        assert term.sources and all(s.startswith(("http://", "https://")) for s in term.sources)
        assert scenario.space.issue(term.issue) is not None
    assert "set by hand" in builtin_text(name)  # hand-set parameters are marked so


@pytest.mark.parametrize(
    ("name", "status_quo", "actual", "agreed"),
    [
        ("sma-2008", 741.5, {"amount": 760.0, "escalation": 4.0, "duration": 5.0}, (2008, 11, 20)),
        ("sma-2013", 869.5, {"amount": 920.0, "escalation": 4.0, "duration": 5.0}, (2014, 1, 12)),
        ("sma-2018", 960.2, {"amount": 1038.9, "escalation": 0.0, "duration": 1.0}, (2019, 2, 10)),
        ("japan-hns-2010", 188.0, {"amount": 188.1, "duration": 5.0}, (2010, 12, 13)),
        ("japan-hns-2015", 188.1, {"amount": 189.3, "duration": 5.0}, (2015, 12, 16)),
        ("japan-hns-2020", 189.3, {"amount": 201.7, "duration": 1.0}, (2021, 2, 17)),
    ],
)
def test_known_figures(
    name: str, status_quo: float, actual: dict[str, float], agreed: tuple[int, int, int]
) -> None:
    """The published figures: the expiring level (DWP18; JT10; USEMB11; NTV16) and the
    outcome."""
    scenario, outcome = load(name), OUTCOMES[name]
    assert scenario.status_quo.terms["amount"] == pytest.approx(status_quo)
    assert {t.issue: t.value for t in outcome.terms} == pytest.approx(actual)
    assert outcome.agreed == dt.date(*agreed)


def test_lapses_as_they_happened() -> None:
    """The 9th and 10th SMA were agreed after the old one expired; the others before."""
    lapsed = {n for n in CASES if OUTCOMES[n].agreed > load(n).calendar.deadline}
    assert lapsed == {"sma-2013", "sma-2018"}


def test_nato_2014_facts() -> None:
    scenario, outcome = load("nato-2014"), OUTCOMES["nato-2014"]
    assert scenario.status_quo.terms["core"] == pytest.approx(2.0)
    assert {p.name for p in scenario.parties} == {"USA", "POL", "DEU", "ITA", "ESP"}
    assert outcome.term("year").value == 2024 and outcome.term("core").value == 2.0  # type: ignore[union-attr]
    sources = dict(scenario.sources)
    for figure in ("Poland 1.9 %", "Italy 1.7 %", "Germany 1.3 %", "Spain 0.9 %"):
        assert figure in sources["WAPO14"]


def test_a_case_runs_and_exports_by_name() -> None:
    run = run_cli("run", "sma-2018")
    assert run.returncode == 0, run.stderr
    assert "Outcome:" in run.stdout
    export = run_cli("export", "japan-hns-2020")
    assert export.returncode == 0 and 'name = "japan-hns-2020"' in export.stdout


def test_the_no_leak_comparison_can_fail() -> None:
    """What the forecast does see (the held rounds and the projection) changes it."""
    scenario = load("sma-2018")
    assert scenario.projection is not None
    slower = replace(scenario, projection=replace(scenario.projection, every_days=90))
    first = replace(scenario.calendar.meetings[0], offers=1)
    fewer = replace(
        scenario,
        calendar=replace(scenario.calendar, meetings=(first, *scenario.calendar.meetings[1:])),
    )
    base = _forecast(scenario, "sma-2018")
    assert _forecast(slower, "sma-2018") != base
    assert _forecast(fewer, "sma-2018") != base
