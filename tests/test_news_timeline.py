"""Several reports build one timeline: duplicates merged with all sources kept, ordered by date,
written atomically, and observed positions readable as plain records for calibration."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import typer
from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_news
from burdenshare.news import Timeline, decode_report, extract, observed_positions

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "news"
SEED = ROOT / ".." / "shared" / "seed" / "000_aeb335dba5fa7fdb.txt"


def _add(t: Timeline, path: Path, date: dt.date | None = None) -> Timeline:
    data = path.read_bytes()
    x = extract(decode_report(data), report_date=date, document=path.name)
    import hashlib

    return t.add(x, hashlib.sha256(data).hexdigest())


@pytest.fixture(scope="module")
def seed() -> Path:
    if not SEED.exists():
        pytest.skip(f"seed report not found beside the repository ({SEED})")
    return SEED


def test_two_reports_of_round_five_merge_into_one_event(seed: Path) -> None:
    t = _add(_add(Timeline(), seed, dt.date(2019, 12, 18)), DATA / "r05_seoul_2019-12.txt")
    rounds = [e for e in t.events if e.kind == "round_concluded"]
    assert len(rounds) == 1
    e = rounds[0]
    docs = {ev.document for ev in e.evidence}
    assert docs == {seed.name, "r05_seoul_2019-12.txt"}
    assert len(e.evidence) == 5  # three sentences of the seed, two of the second report
    assert (e.round, e.place, e.length_days) == (5, "Seoul", 2)
    # the seed's day (the report's date) lies inside the second report's "Tuesday and
    # Wednesday": the stated range is kept, and nothing conflicts
    assert e.when is not None and (e.when.date, e.when.end_date) == ("2019-12-17", "2019-12-18")
    assert e.conflicts == ()
    deadlines = [e for e in t.events if e.kind == "deadline"]
    assert len(deadlines) == 1 and len(deadlines[0].evidence) == 2
    scheduled = [e for e in t.events if e.kind == "talks_scheduled"]
    assert len(scheduled) == 1 and {ev.document for ev in scheduled[0].evidence} == docs
    # the US demand: two reports, two figures stated differently ("5 billion", "about 5
    # billion ... a year") but the same amount, party and stance: one position, both sources
    (usa,) = [p for p in t.positions if p.party == "USA"]
    assert {ev.document for ev in usa.evidence} == docs


def test_different_rounds_stay_apart_and_are_ordered_by_date() -> None:
    t = Timeline()
    for name in ("r07_los_angeles_2020-03.txt", "r03_walkout_2019-11.txt",
                 "r06_washington_2020-01.txt", "r02_honolulu_2019-10.txt"):
        t = _add(t, DATA / name)
    rounds = [(e.round, e.when.date) for e in t.events if e.kind == "round_concluded"]
    # (round 3 was broken off on 19 November: it took place too; the Honolulu report tells the
    # first round as the setting of the U.S. demand, "at the first round in September")
    assert rounds == [(1, "2019-09"), (2, "2019-10-24"), (3, "2019-11-19"), (6, "2020-01-15"),
                      (7, "2020-03-19")]
    dates = [e.when.date for e in t.events if e.when and e.when.date]
    assert dates == sorted(dates)  # undated events sit at their report's date


def test_adding_a_report_twice_changes_nothing() -> None:
    t = _add(Timeline(), DATA / "r07_los_angeles_2020-03.txt")
    assert _add(t, DATA / "r07_los_angeles_2020-03.txt") == t


def test_json_round_trip() -> None:
    t = Timeline()
    for name in ("r07_los_angeles_2020-03.txt", "na_vote_2024-11_undated.txt"):
        t = _add(t, DATA / name, dt.date(2024, 11, 28))
    again = Timeline.from_dict(json.loads(json.dumps(t.to_dict())))
    assert again.to_dict() == t.to_dict()


def test_observed_positions_are_plain_dated_records() -> None:
    t = Timeline()
    for name in ("positions_2020-05.txt", "r07_los_angeles_2020-03.txt",
                 "r02_honolulu_2019-10.txt"):
        t = _add(t, DATA / name)
    usa = observed_positions(t, "USA")
    assert [(o.date, o.amount, o.currency) for o in usa] == [
        ("2019-09", 4.7e9, "USD"), ("2020-03-19", 4e9, "USD"), ("2020-05-26", 1.3e9, "USD")]
    kor = [(o.date, o.stance, o.factor) for o in observed_positions(t, "KOR")]
    assert ("2020-03-19", "offer", 1.1) in kor and ("2020-05-26", "offer", 1.13) in kor
    assert all(o.sources for o in observed_positions(t))


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    return command_app(commands_news)  # type: ignore[return-value]


def test_cli_timeline_file_appends_and_merges(app: typer.Typer, tmp_path: Path,
                                              seed: Path) -> None:
    path = tmp_path / "sma.json"
    runner = CliRunner()
    first = runner.invoke(app, ["news", str(seed), "--date", "2019-12-18", "--timeline",
                                str(path)])
    assert first.exit_code == 0, first.stderr
    second = runner.invoke(app, ["news", str(DATA / "r05_seoul_2019-12.txt"),
                                 str(DATA / "r06_washington_2020-01.txt"), "--timeline",
                                 str(path), "--json"])
    assert second.exit_code == 0, second.stderr
    saved = json.loads(path.read_text())
    assert saved["format"] == "burdenshare-timeline" and len(saved["documents"]) == 3
    kinds = [e["kind"] for e in saved["events"]]
    assert kinds.count("round_concluded") == 2  # rounds 5 and 6
    five = next(e for e in saved["events"] if e["round"] == 5)
    assert len({s["document"] for s in five["sources"]}) == 2
    assert [e["date"] for e in saved["events"] if e["date"]] == sorted(
        e["date"] for e in saved["events"] if e["date"])


def test_cli_bad_timeline_file_is_left_untouched(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    result = CliRunner().invoke(app, ["news", str(DATA / "r07_los_angeles_2020-03.txt"),
                                      "--timeline", str(path)])
    assert result.exit_code == 2
    assert "not valid JSON" in result.stderr
    assert path.read_text() == "{not json"
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind
