"""reports.news from Python: `news --json` (with --scenario) is `news_dict` of the same reports."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_news
from burdenshare.news.timeline import Timeline
from burdenshare.reports.news import news_dict, propose, read_report
from burdenshare.scenario import load_source

REPORT = Path(__file__).resolve().parent / "data" / "news" / "r07_los_angeles_2020-03.txt"


def test_news_dict_with_a_proposal_is_what_the_cli_prints() -> None:
    data = REPORT.read_bytes()
    x, digest = read_report(str(REPORT), data, dt.date(2020, 3, 19))
    assert digest == hashlib.sha256(data).hexdigest()
    merged = Timeline().add(x, digest)
    proposal = propose(merged, load_source("sma-2019"), "sma-2019.toml")
    expected = news_dict([x], merged, proposal)
    args = ["news", str(REPORT), "--date", "2020-03-19", "--scenario", "sma-2019", "--json"]
    result = CliRunner().invoke(command_app(commands_news), args)  # type: ignore[arg-type]
    assert result.exit_code == 0, result.output
    assert result.stdout == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
    assert expected["scenario"]["diff"] == proposal.diff
    assert "scenario" not in news_dict([x], merged)


def test_the_proposal_diff_turns_the_scenario_text_into_the_proposed_one() -> None:
    x, digest = read_report("r07.txt", REPORT.read_bytes(), dt.date(2020, 3, 19))
    loaded = load_source("sma-2019")
    proposal = propose(Timeline().add(x, digest), loaded, "sma-2019.toml")
    assert proposal.diff.startswith("--- ")
    removed = [
        ln[1:]
        for ln in proposal.diff.splitlines()
        if ln.startswith("-") and not ln.startswith("---")
    ]
    added = [
        ln[1:]
        for ln in proposal.diff.splitlines()
        if ln.startswith("+") and not ln.startswith("+++")
    ]
    assert added and all(line in proposal.proposed.splitlines() for line in added)
    assert all(line in loaded.text.splitlines() for line in removed)
