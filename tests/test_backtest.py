"""The backtest: projected meetings, no leak from after the information date, actual outcomes
with sources, exact error arithmetic, and `burdenshare backtest` as a user runs it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from builders import later_facts_changed
from clitools import run_cli

from burdenshare.errors import InputError
from burdenshare.experiments.backtest import (
    BASELINES,
    DATE,
    Quantity,
    applicable,
    election_inputs,
    model_forecast,
)
from burdenshare.experiments.backtest_calibration import calibrate
from burdenshare.history.outcomes import actual_outcomes
from burdenshare.history.record import load_record
from burdenshare.model.calendar import Meeting
from burdenshare.model.forecast_view import projected_view
from burdenshare.model.projection import MeetingProjection
from burdenshare.model.scenario import Scenario
from burdenshare.scenario import load
from burdenshare.scenario.load import load_source
from burdenshare.scenario.uncertainty import load_uncertain

OUTCOMES = actual_outcomes(load_record())
FAST = "sma-2024"  # every run agrees, about 10 ms a run
SHARES = (0.0, 0.2, 0.4)  # a fixed pool of concession shares for the no-leak tests


def _predicted(scenario: Scenario, name: str = FAST, runs: int = 6) -> dict[str, object]:
    _, uncertain = load_uncertain(name, [])
    view = projected_view(scenario)
    calibrated = calibrate(view, applicable(view, uncertain), SHARES)
    forecast = model_forecast(view, calibrated, OUTCOMES[name], runs, seed=3)
    quantities = [(q.name, q.median, q.low, q.high, q.probability) for q in forecast.quantities]
    meetings = [(m.date, m.projected) for m in view.calendar.meetings]
    return {"predicted": quantities, "view": (meetings, calibrated.uncertain)}


# -- the projection --------------------------------------------------------------------------


def test_projection_cadence_is_exact() -> None:
    rule = MeetingProjection(every_days=10, days=2, offers=3, until=dt.date(2020, 1, 31))
    meetings = rule.meetings(dt.date(2020, 1, 1), end=dt.date(2020, 12, 31))
    assert [m.date.day for m in meetings] == [11, 21, 31]
    assert all(m.projected and m.days == 2 and m.offers == 3 for m in meetings)
    assert rule.meetings(dt.date(2020, 1, 1), end=dt.date(2020, 1, 20))[-1].date.day == 11


@pytest.mark.parametrize("name", sorted(OUTCOMES))
def test_view_holds_only_held_or_projected_meetings(name: str) -> None:
    scenario = load(name)
    as_of = scenario.information_date
    assert as_of is not None and scenario.projection is not None
    view = projected_view(scenario)
    held = [m for m in view.calendar.meetings if not m.projected]
    projected = [m for m in view.calendar.meetings if m.projected]
    assert held and projected
    assert all(m.last_day <= as_of for m in held)
    announced = scenario.projection.scheduled
    assert all(m.date > as_of and ("Projected meeting" in m.label or m in announced)
               for m in projected)  # fmt: skip
    later = {(m.date, m.label) for m in scenario.calendar.meetings if m.last_day > as_of}
    assert later and not later & {(m.date, m.label) for m in view.calendar.meetings}
    for party in view.parties:
        assert all(e.date <= as_of for e in party.events)
    assert all(t.start is None or t.start <= as_of for t in view.threats)
    successors = {e.successor for e in scenario.projection.elections}
    assert all(r.start is None or r.start <= as_of or r.name in successors for r in view.ratifiers)
    dates = [m.date for m in view.calendar.meetings]
    assert dates == sorted(dates) and dates[-1] <= view.calendar.end


# -- nothing after the information date leaks into the prediction ---------------------------


@pytest.mark.parametrize("name", ["sma-2024", "sma-2019"])
def test_later_facts_do_not_change_the_prediction(name: str) -> None:
    scenario = load(name)
    changed = later_facts_changed(scenario)
    assert changed != scenario
    runs = 6 if name == FAST else 2
    assert _predicted(changed, name, runs) == _predicted(scenario, name, runs)


def test_an_earlier_fact_does_change_the_prediction() -> None:
    """The no-leak test can fail: a change before the information date shows in the forecast."""
    scenario = load(FAST)
    first = scenario.calendar.meetings[0]
    earlier = replace(first, offers=1)
    meetings = (earlier, *scenario.calendar.meetings[1:])
    calendar = replace(scenario.calendar, meetings=meetings)
    changed = replace(scenario, calendar=calendar)
    slower = replace(scenario, projection=replace(scenario.projection, every_days=60))
    base = _predicted(scenario)
    assert _predicted(changed) != base or _predicted(slower) != base
    assert _predicted(slower)["view"] != base["view"]


# -- actual outcomes and the comparison -------------------------------------------------------


def test_actual_outcomes_come_from_the_sourced_record() -> None:
    record = load_record()
    sma11, sma12 = OUTCOMES["sma-2019"], OUTCOMES["sma-2024"]
    assert sma11.term("amount").value == float(record.amount(2021).amount)  # type: ignore[union-attr,arg-type]
    assert sma11.term("amount").value == 1183.3  # type: ignore[union-attr]
    assert sma11.term("duration").value == 6  # type: ignore[union-attr]
    assert sma11.term("escalation").value == pytest.approx(  # type: ignore[union-attr]
        ((1402.8 / 1183.3) ** 0.25 - 1) * 100, abs=0.005
    )
    assert sma12.term("amount").value == 1519.2  # type: ignore[union-attr]
    assert sma12.term("escalation").value == 5 and sma12.term("duration").value == 5  # type: ignore[union-attr]
    assert sma11.agreed == dt.date(2021, 3, 7) and sma12.agreed == dt.date(2024, 10, 4)
    assert OUTCOMES["japan-hns-2021"].term("amount").value == pytest.approx(1055.1 / 5)  # type: ignore[union-attr]
    for outcome in OUTCOMES.values():
        assert outcome.agreed_sources
        for term in outcome.terms:
            assert term.sources and all(s.startswith(("http://", "https://")) for s in term.sources)
            assert load(outcome.scenario).space.issue(term.issue) is not None


def test_quantity_errors_and_coverage_are_exact() -> None:
    q = Quantity("amount", "KRW bn", 1460.0, 1425.0, 1500.0, 1519.2)
    assert q.error == pytest.approx(1460.0 - 1519.2, abs=1e-12)
    assert q.relative_error == pytest.approx((1460.0 - 1519.2) / 1519.2, abs=1e-15)
    assert q.covered is False and q.within_5pct is True
    assert replace(q, high=1519.2).covered is True
    assert replace(q, median=1443.0).within_5pct is False  # -5.02 %
    none = replace(q, median=None, low=None, high=None)
    assert none.error is None and none.covered is None and none.within_5pct is None
    lapse = Quantity("lapse", "probability", None, None, None, 1.0, probability=0.3)
    assert lapse.brier == pytest.approx(0.49, abs=1e-15) and lapse.covered is None


def test_model_forecast_of_sma_2024_has_every_quantity() -> None:
    scenario, uncertain = load(FAST), load_uncertain(FAST, [])[1]
    view = projected_view(scenario)
    calibrated = calibrate(view, applicable(view, uncertain), SHARES)
    assert calibrated.replaced == (
        "parties.ROK.reservation_value",
        "parties.USA.reservation_value",
    )
    forecast = model_forecast(view, calibrated, OUTCOMES[FAST], 8, seed=0)
    names = [q.name for q in forecast.quantities]
    assert names == ["amount", "escalation", "duration", "agreement_before_deadline", "lapse",
                     DATE]  # fmt: skip
    amount = forecast.amount
    assert amount is not None and amount.headline and amount.actual == 1519.2
    assert amount.low is not None and amount.high is not None and amount.median is not None
    assert amount.low <= amount.median <= amount.high
    assert forecast.crps_amount is not None and forecast.crps_amount >= 0
    assert len(amount.sample) <= 8


def test_sma_2019_dropped_inputs_are_listed() -> None:
    scenario, uncertain = load("sma-2019"), load_uncertain("sma-2019", [])[1]
    view = projected_view(scenario)
    dropped = [u.path for u in uncertain if u not in applicable(view, uncertain)]
    assert dropped == ["ratifiers.biden.limits.1.min"]


def test_an_announced_meeting_replaces_the_cadence_meetings_it_overlaps() -> None:
    summit = Meeting(dt.date(2020, 1, 20), "summit", "announced", 3, 6, projected=True)
    rule = MeetingProjection(every_days=10, days=2, offers=3, scheduled=(summit,))
    meetings = rule.meetings(dt.date(2020, 1, 1), end=dt.date(2020, 2, 5))
    # the cadence's 11, 21 and 31 Jan: 21 Jan falls in the summit (20-22 Jan) and is dropped
    assert [(m.date.day, m.label) for m in meetings] == [
        (11, "Projected meeting 1 (assumption: one every 10 days)"),
        (20, "announced"),
        (31, "Projected meeting 3 (assumption: one every 10 days)"),
    ]
    assert rule.meetings(dt.date(2020, 1, 25), end=dt.date(2020, 2, 5))[0].date.day == 4


def test_an_election_keeps_the_term_end_and_draws_the_successor() -> None:
    scenario = load("sma-2019")
    view = projected_view(scenario)
    by_name = {r.name: r for r in view.ratifiers}
    assert "biden" not in by_name  # the real successor starts after the information date
    assert by_name["trump"].end == dt.date(2021, 1, 19)  # the term's end, fixed in advance
    successor = by_name["us-president-2021"]
    assert successor.start == dt.date(2021, 1, 20) and successor.end is None
    assert [(x.issue, x.min_change_pct) for x in successor.limits] == [("amount", 0.0)]
    (drawn,) = election_inputs(view)
    assert drawn.path == "ratifiers.us-president-2021.limits.0.min_change_pct"
    assert drawn.values == (50.0, 0.0) and drawn.weights == (0.5, 0.5)
    assert drawn in applicable(view, [drawn])
    assert election_inputs(projected_view(scenario, dt.date(2021, 2, 1))) == ()


# -- validation of [projection] ---------------------------------------------------------------


def _with_projection(tmp_path: Path, body: str) -> Path:
    text = load_source("sma-2024").text
    head, _, _ = text.partition("[projection]")
    path = tmp_path / "s.toml"
    path.write_text(head + "[projection]\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "field", "expected"),
    [
        ('every_days = 900\nrationale = "x"\n', "projection.every_days", "projects no meeting"),
        ('every_days = 5\ndays = 6\nrationale = "x"\n', "projection.days", "at most every_days"),
        ('every_days = 5\nuntil = 2030-01-01\nrationale = "x"\n', "projection.until", "end"),
        ("every_days = 5\n", "projection.rationale", "required"),
        ('every_days = 0\nrationale = "x"\n', "projection.every_days", "greater than"),
        (
            'every_days = 5\nrationale = "x"\n[[projection.meetings]]\ndate = 2024-01-01\n'
            'place = "x"\n',
            "projection.meetings[0].date",
            "after the information date",
        ),
        (
            'every_days = 5\nrationale = "x"\n[[projection.elections]]\nratifier = "biden"\n'
            'successor = "x"\nincumbent_wins = 0.5\nrationale = "x"\n'
            'challenger = { issue = "amount", min = 1.0, max = 2.0 }\n',
            "projection.elections[0].challenger",
            "exactly one bound",
        ),
    ],
)
def test_bad_projection_is_reported(tmp_path: Path, body: str, field: str, expected: str) -> None:
    with pytest.raises(InputError) as info:
        load(_with_projection(tmp_path, body))
    message = info.value.render()
    assert field in message and expected in message


@pytest.mark.parametrize(
    ("ratifier", "challenger", "field", "expected"),
    [
        ("nobody", 'issue = "amount", min = 1.0', "ratifier", "'nobody'"),
        ("national-assembly", 'issue = "amount", min = 1.0', "ratifier", "with an `end`"),
        ("biden", 'issue = "escalation", max = 1.0', "challenger", "max on 'escalation'"),
    ],
)
def test_an_election_the_scenario_cannot_hold_is_reported_by_the_backtest_view(
    tmp_path: Path, ratifier: str, challenger: str, field: str, expected: str
) -> None:
    """A plain run ignores the projection (a `--set` may delete the incumbent or move his term's
    end): the file stays valid, and the view, which uses the projection, names the entry."""
    body = (
        f'every_days = 5\nrationale = "x"\n[[projection.elections]]\nratifier = "{ratifier}"\n'
        f'successor = "x"\nincumbent_wins = 0.5\nrationale = "x"\nchallenger = {{ {challenger} }}\n'
    )
    scenario = load(_with_projection(tmp_path, body))
    with pytest.raises(InputError) as info:
        projected_view(scenario)
    message = info.value.render()
    assert f"projection.elections[0].{field}" in message and expected in message


def test_an_election_before_the_information_date_leaves_the_real_holders() -> None:
    scenario = load_source("sma-2019", ["ratifiers.trump.end=2019-12-01"]).scenario
    view = projected_view(scenario)
    assert "us-president-2021" not in {r.name for r in view.ratifiers}
    assert election_inputs(view) == ()


# -- the command --------------------------------------------------------------------------------


def test_cli_json_interface(tmp_path: Path) -> None:
    plot = tmp_path / "bt.png"
    result = run_cli("backtest", FAST, "-n", "4", "--json", "--plot", str(plot))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"cases", "summary"}
    (case,) = data["cases"]
    assert case["scenario"] == FAST and case["runs"] == 4
    assert case["information_date"] == "2024-06-27"
    assert FAST not in case["calibration"]["cases"]
    for name in ("amount", "escalation", "duration", "agreement_date"):
        assert {"median", "interval80", "actual", "error", "covered"} <= set(case[name])
    for name in ("agreement_before_deadline", "lapse"):
        assert {"probability", "actual", "brier"} <= set(case[name])
    assert case["amount"]["actual"] == 1519.2 and case["amount"]["sources"]
    assert case["actual"]["agreed_sources"]
    keys = {"share_within_5pct", "coverage80", "brier_agreement", "brier_lapse", "crps_amount"}
    assert keys <= set(data["summary"])
    assert set(data["summary"]["baselines"]) == set(BASELINES)
    for scores in data["summary"]["baselines"].values():
        assert keys <= set(scores)
    assert set(case["baselines"]) == set(BASELINES)
    assert keys <= set(data["summary"]["model_with_track_record"])
    assert FAST not in case["model_with_track_record"]["track_record_cases"]
    assert plot.stat().st_size > 10_000


def test_cli_table_and_bad_input() -> None:
    table = run_cli("backtest", FAST, "-n", "3")
    assert table.returncode == 0, table.stderr
    assert "80 % interval" in table.stdout and "1,519" in table.stdout
    assert "scores over all cases" in table.stdout and "midpoint-of-openings" in table.stdout
    assert "sources of the actual outcomes" in table.stdout
    bad = run_cli("backtest", "nowhere", "-n", "0", "--plot", "x.pdf")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "nowhere" in bad.stderr and "-n" in bad.stderr and ".png" in bad.stderr
    assert bad.stdout == ""
