"""The forecast view keeps only what was knowable on its date: nothing later leaks in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burdenshare.engine import negotiate
from burdenshare.errors import InputError
from burdenshare.model import Scenario
from burdenshare.model.forecast_view import forecast_view
from burdenshare.scenario import load

LIBRARY = ("sma-2019", "sma-2024", "japan-hns-2021", "nato-2025")
SCENARIOS = {name: load(name) for name in LIBRARY}
SCHEDULED = ("deadline", "breakdown")


def dated_elements(view: Scenario) -> list[tuple[str, dt.date]]:
    """Every date in the view that records something that happened (not the fixed schedule)."""
    out = [(f"meeting {m.label}", m.last_day) for m in view.calendar.meetings]
    for party in view.parties:
        out += [(f"event {e.label}", e.date) for e in party.events]
    for ratifier in view.ratifiers:
        out += [(f"ratifier {ratifier.name} start", d) for d in (ratifier.start,) if d]
        out += [(f"ratifier {ratifier.name} end", d) for d in (ratifier.end,) if d]
    out += [(f"threat {t.name}", t.start) for t in view.threats if t.start is not None]
    return out


@st.composite
def scenario_and_date(draw: st.DrawFn) -> tuple[Scenario, dt.date]:
    scenario = SCENARIOS[draw(st.sampled_from(LIBRARY))]
    first = scenario.calendar.meetings[0].last_day
    span = (scenario.calendar.end - first).days + 60
    return scenario, first + dt.timedelta(days=draw(st.integers(0, span)))


@settings(max_examples=200, deadline=None)
@given(scenario_and_date())
def test_every_dated_element_is_on_or_before_the_date(case: tuple[Scenario, dt.date]) -> None:
    scenario, as_of = case
    view = forecast_view(scenario, as_of)
    late = [(what, day) for what, day in dated_elements(view) if day > as_of]
    assert late == []
    assert view.information_date == as_of
    # what was known is kept: every meeting ended by then, every earlier event and ratifier
    kept = [m for m in scenario.calendar.meetings if m.last_day <= as_of]
    assert view.calendar.meetings == tuple(kept)
    assert len(view.ratifiers) == sum(
        r.start is None or r.start <= as_of for r in scenario.ratifiers
    )
    assert view.calendar.deadline == scenario.calendar.deadline
    assert view.calendar.end == scenario.calendar.end
    assert view.stakeholders == scenario.stakeholders


@settings(max_examples=25, deadline=None)
@given(scenario_and_date())
def test_the_run_of_the_view_shows_nothing_after_the_date(case: tuple[Scenario, dt.date]) -> None:
    scenario, as_of = case
    result = negotiate(forecast_view(scenario, as_of))
    late = [(e.kind, e.date) for e in result.trace if e.date > as_of and e.kind not in SCHEDULED]
    assert late == []
    assert result.outcome.status == "agreement" or result.outcome.date == scenario.calendar.end


def test_the_whole_calendar_is_the_scenario_itself() -> None:
    scenario = SCENARIOS["sma-2019"]
    view = forecast_view(scenario, scenario.calendar.end)
    assert view.calendar == scenario.calendar and view.ratifiers == scenario.ratifiers
    assert negotiate(view).outcome == negotiate(scenario).outcome


def test_sma_2019_as_of_its_information_date() -> None:
    """On 18 Dec 2019 five rounds had been held; no furlough, no new President was known."""
    scenario = SCENARIOS["sma-2019"]
    assert scenario.information_date == dt.date(2019, 12, 18)
    view = forecast_view(scenario, scenario.information_date)
    assert [m.label for m in view.calendar.meetings][-1] == "Round 5"
    assert all(not p.events for p in view.parties)
    assert "biden" not in {r.name for r in view.ratifiers}
    trump = next(r for r in view.ratifiers if r.name == "trump")
    assert trump.end is None  # his term's end (2021) was not known in 2019


def test_a_meeting_still_running_on_the_date_is_left_out() -> None:
    scenario = SCENARIOS["sma-2024"]
    view = forecast_view(scenario, dt.date(2024, 6, 26))  # round 4 runs 25-27 June
    assert [m.label for m in view.calendar.meetings] == ["Round 1", "Round 2", "Round 3"]


def test_before_the_first_meeting_ends_nothing_is_known() -> None:
    scenario = SCENARIOS["nato-2025"]
    with pytest.raises(InputError, match="as_of"):
        forecast_view(scenario, scenario.calendar.meetings[0].date - dt.timedelta(days=1))
