"""news --scenario: the seed confirms round 5 of sma-2019, positions become observed offers in
KRW, another place is a contradiction, and the proposed diff applies to a TOML that loads."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest
from clitools import REPO, run_cli

from burdenshare.news import Timeline, decode_report, extract
from burdenshare.news.compare import compare
from burdenshare.scenario import builtin_text, load_source
from burdenshare.scenario.amend import amend, unified_diff

SEED = REPO / ".." / "shared" / "seed" / "000_aeb335dba5fa7fdb.txt"


def _timeline(*reports: tuple[str, bytes, dt.date | None]) -> Timeline:
    timeline = Timeline()
    for name, data, date in reports:
        x = extract(decode_report(data, name), report_date=date, document=name)
        timeline = timeline.add(x, hashlib.sha256(data).hexdigest())
    return timeline


@pytest.fixture(scope="module")
def seed_bytes() -> bytes:
    if not SEED.exists():
        pytest.skip("the shared seed report is not beside the repository")
    return SEED.read_bytes()


def _apply(text: str, diff: str) -> str:
    """Apply a unified diff (as `patch` would) to `text`; fails on a mismatched context."""
    old = text.splitlines(keepends=True)
    out: list[str] = []
    pos = 0
    lines = diff.splitlines(keepends=True)
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    i = 2
    while i < len(lines):
        head = re.match(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", lines[i])
        assert head, lines[i]
        start = int(head.group(1)) - 1
        out.extend(old[pos:start])
        pos = start
        i += 1
        while i < len(lines) and not lines[i].startswith("@@"):
            tag, body = lines[i][0], lines[i][1:]
            if tag in " -":
                assert old[pos] == body, (old[pos], body)
                pos += 1
            if tag in " +":
                out.append(body)
            i += 1
    out.extend(old[pos:])
    return "".join(out)


def test_seed_confirms_round_5_and_maps_usd_5_bn(seed_bytes: bytes) -> None:
    loaded = load_source("sma-2019")
    c = compare(_timeline(("seed", seed_bytes, dt.date(2019, 12, 18))), loaded.scenario)
    confirmed = [f for f in c.findings if f.verdict == "confirms" and f.field.startswith("cal")]
    assert [f.field for f in confirmed] == ["calendar.meetings.4"]
    assert "Round 5, Seoul, 2019-12-17–12-18" in confirmed[0].scenario_value
    assert not c.contradictions
    (offer,) = c.offers
    assert offer.party == "USA" and offer.stance == "demand"
    assert offer.value == pytest.approx(5900.0)  # KRW bn: USD 5 bn × 1,180
    assert offer.multiple == pytest.approx(5900.0 / 1038.9)
    assert round(offer.multiple, 2) == 5.68


def test_other_place_is_a_contradiction() -> None:
    report = (
        b"SEOUL, December 18, 2019 -- South Korea and the United States wrapped up their fifth "
        b"round of talks on sharing defense costs in Busan without a deal.\n"
    )
    loaded = load_source("sma-2019")
    c = compare(_timeline(("busan", report, None)), loaded.scenario)
    (bad,) = c.contradictions
    assert bad.field == "calendar.meetings.4.place"
    assert (bad.scenario_value, bad.report_value) == ("Seoul", "Busan")
    proposed = amend(loaded.text, c.amendments)
    assert "# news: report gives place 'Busan'" in proposed
    assert 'place = "Seoul"' in proposed  # flagged, never changed silently


def test_a_new_round_is_added_and_the_diff_applies(tmp_path: Path) -> None:
    report = (
        b"WASHINGTON, February 20, 2020 -- South Korea and the United States held a two-day "
        b"round of talks on sharing defense costs in Honolulu on Feb. 19-20 without a deal.\n"
    )
    loaded = load_source("sma-2019")
    c = compare(_timeline(("hawaii", report, None)), loaded.scenario)
    assert [f.verdict for f in c.findings if f.field == "calendar.meetings"] == ["adds"]
    proposed = amend(loaded.text, c.amendments)
    diff = unified_diff(loaded.text, proposed, "sma-2019.toml")
    assert _apply(builtin_text("sma-2019"), diff) == proposed
    path = tmp_path / "amended.toml"
    path.write_text(proposed)
    amended = load_source(path).scenario
    assert len(amended.calendar.meetings) == len(loaded.scenario.calendar.meetings) + 1
    new = [m for m in amended.calendar.meetings if m.place == "Honolulu" and m.date.year == 2020]
    assert len(new) == 1 and new[0].days == 2


def test_cli_prints_a_diff_and_writes_only_with_out(seed_bytes: bytes, tmp_path: Path) -> None:
    report = tmp_path / "seed.txt"
    report.write_bytes(seed_bytes)
    plain = run_cli("news", str(report), "--date", "2019-12-18", "--scenario", "sma-2019")
    assert plain.returncode == 0, plain.stderr
    assert "confirms" in plain.stdout and "KRW 5,900.0 bn" in plain.stdout
    assert "\n--- a/sma-2019.toml\n+++ b/sma-2019.toml\n" in plain.stdout
    assert list(tmp_path.iterdir()) == [report]
    out = tmp_path / "proposed.toml"
    result = run_cli(
        "news", str(report), "--date", "2019-12-18", "--scenario", "sma-2019", "--json",
        "--out", str(out),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["scenario"]["observed_offers"][0]["multiple_of_status_quo"] == pytest.approx(
        5900 / 1038.9
    )
    assert _apply(builtin_text("sma-2019"), data["scenario"]["diff"]) == out.read_text()
    assert load_source(out).scenario.calendar.meetings[4].source.endswith(f"news: {report}")


def test_out_without_scenario_and_unknown_scenario_exit_2(tmp_path: Path) -> None:
    report = REPO / "tests" / "data" / "news" / "r07_los_angeles_2020-03.txt"
    result = run_cli("news", str(report), "--out", str(tmp_path / "x.toml"))
    assert result.returncode == 2 and "--out needs --scenario" in result.stderr
    result = run_cli("news", str(report), "--scenario", "no-such-scenario")
    assert result.returncode == 2 and "no such file" in result.stderr
    assert not list(tmp_path.iterdir())
