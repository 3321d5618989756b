"""What the summaries say about deals in stages and about share issues: `analyze` states that it
judges the first stage's status quo; `forecast` refuses a share issue as a stakeholder dimension
with a message saying what to do instead (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

from clitools import invoke

from burdenshare.analysis.briefing import stage_note
from burdenshare.scenario import load
from burdenshare.scenario.load import builtin_text


def test_analyze_says_it_judges_the_first_stage() -> None:
    japan = load("japan-hns-2021")
    note = stage_note(japan)
    assert note is not None
    assert "judges the first stage" in note and "(FY2016-20) expiring 2021-03-31" in note
    assert stage_note(load("sma-2019")) is None
    done = invoke("analyze", "japan-hns-2021", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["notes"] == [note]
    assert f"note: {note}" in done.stderr


def test_forecast_refuses_a_share_issue_dimension_clearly(tmp_path: Path) -> None:
    text = (
        builtin_text("nato-common-funding-2021")
        + """
[stakeholders]
dimensions = [{ name = "split", issue = "split" }]
[[stakeholders.actors]]
name = "a"
capability = 1
position = { split = 20 }
salience = { split = 1 }
rationale = "assumed"

[[stakeholders.actors]]
name = "b"
capability = 1
position = { split = 15 }
salience = { split = 1 }
rationale = "assumed"

[[stakeholders.actors]]
name = "c"
capability = 1
position = { split = 18 }
salience = { split = 1 }
rationale = "assumed"
"""
    )
    path = tmp_path / "nato-forecast.toml"
    path.write_text(text, encoding="utf-8")
    done = invoke("forecast", str(path))
    assert done.returncode == 2
    assert "stakeholders.dimensions[0].issue: issue 'split' is a share issue" in done.stderr
    assert "forecast a payer's share on a dimension of its own without `issue`" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
