"""`analyze --at DATE` and `--over-time` (issue 13 item 5): the win-sets of the ratifiers in
office and the no-deal values on a chosen date, and the win-sets' overlap at every meeting."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from clitools import invoke

from burdenshare.analysis.briefing import analyze, to_json
from burdenshare.analysis.winsets import winsets
from burdenshare.model import Scenario
from burdenshare.scenario import load

BIDEN = dt.date(2021, 2, 5)  # round 8, the first under President Biden


@pytest.fixture(scope="module")
def sma() -> Scenario:
    return load("sma-2019")


def test_at_a_date_the_ratifiers_and_no_deal_values_are_those_of_that_date(sma: Scenario) -> None:
    default = analyze(sma, "reservation")
    assert default.winsets is not None and default.winsets.day == sma.calendar.deadline
    assert default.disagreement == tuple(p.reservation_value for p in sma.parties)
    later = analyze(sma, "reservation", at=BIDEN)
    assert later.winsets is not None and later.winsets.day == BIDEN
    assert later.disagreement == tuple(
        p.reservation_at(BIDEN, sma.calendar.deadline, sma.threats) for p in sma.parties
    )
    usa = {p: r for p, r, _ in later.winsets.sides}["USA"]
    assert usa == ("US President (Biden)",)
    assert {p: r for p, r, _ in default.winsets.sides}["USA"] == ("US President (Trump)",)
    document = to_json(later, with_frontier=False)
    assert document["at"] == "2021-02-05" and document["winsets"]["day"] == "2021-02-05"
    assert to_json(default, with_frontier=False)["at"] is None


def test_over_time_is_the_win_sets_at_each_meeting(sma: Scenario) -> None:
    analysis = analyze(sma, "reservation", over_time=True)
    timeline = analysis.over_time
    assert timeline is not None and len(timeline) == len(sma.calendar.meetings)
    for point, meeting in zip(timeline, sma.calendar.meetings, strict=True):
        found = winsets(sma, meeting.date, None, analysis.disagreement)
        assert found is not None and point.day == meeting.date
        assert point.overlap == found.overlap
        assert point.sizes == tuple(size for _, _, size in found.sides)
    # the win-sets overlap only once President Biden is in office
    assert [p.overlap > 0 for p in timeline] == [p.day >= BIDEN for p in timeline]
    rows = to_json(analysis, with_frontier=False)["over_time"]
    assert rows[-1]["ratifiers"][-1] == "US President (Biden)"


def test_the_cli_options(tmp_path: Path) -> None:
    bad = invoke("analyze", "sma-2019", "--at", "2021-13-01")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "--at" in bad.stderr and "expected a date YYYY-MM-DD" in bad.stderr
    good = invoke("analyze", "sma-2019", "--at", "2021-02-05", "--over-time", "--json")
    document = json.loads(good.stdout)
    assert document["winsets"]["day"] == "2021-02-05" and len(document["over_time"]) == 11
    figure = tmp_path / "over-time.png"
    drawn = invoke("analyze", "sma-2019", "--over-time", "--plot", str(figure))
    assert drawn.returncode == 0 and figure.stat().st_size > 0
    assert "Win-sets at each meeting" in drawn.stdout
