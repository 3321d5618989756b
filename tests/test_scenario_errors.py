"""One test per kind of bad input: exit code 2, one readable message naming the file, no
traceback, nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from clitools import run_cli

from burdenshare.scenario import builtin_text

BASE = builtin_text("sma-2019")


def write(tmp_path: Path, text: str, name: str = "bad.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


CASES = {
    "malformed TOML": ('name = "unclosed\n', r"bad\.toml:1: malformed TOML"),
    "missing field": (
        re.sub(r"(?m)^expiry = 2019-12-31\n", "", BASE),
        r"status_quo\.expiry: required field is missing",
    ),
    "wrong type": (
        edit("reservation_value = 0.17", 'reservation_value = "low"'),
        r"bad\.toml:\d+: parties\[0\]\.reservation_value: input should be a valid number",
    ),
    "out of range": (
        edit("reservation_value = 0.17", "reservation_value = 1.5"),
        r"parties\[0\]\.reservation_value: input should be less than 1",
    ),
    "unknown key": (
        edit("reservation_value = 0.17", 'reservation_value = 0.17\ncolour = "blue"'),
        r"bad\.toml:\d+: parties\[0\]\.colour: unknown key",
    ),
    "unknown strategy": (
        edit('inner = "anchoring", hold = 6', 'inner = "telepathy", hold = 6'),
        r"parties\[0\]\.strategy.*unknown strategy 'telepathy'; expected one of: anchoring",
    ),
    "meetings out of order": (
        edit("date = 2019-10-23", "date = 2019-08-01"),
        r"calendar\.meetings\[1\]\.date: meetings out of order",
    ),
    "deadline before first meeting": (
        edit("deadline = 2019-12-31\nend", "deadline = 2019-01-01\nend"),
        r"calendar\.deadline: deadline 2019-01-01 is before the first meeting",
    ),
    "empty file": ("", r"bad\.toml: the file is empty"),
    "unknown issue in a valuation": (
        edit("[parties.valuation.escalation]", "[parties.valuation.escalaton]"),
        r"parties\[0\]\.valuation\.escalaton: unknown issue; expected one of: amount, escalation",
    ),
    "offer outside the range": (
        edit("opening = { amount = 5900.0", "opening = { amount = 9900.0"),
        r"parties\[0\]\.opening\.amount: expected a number from 1000 to 6000",
    ),
    "deadline is not the status quo's expiry": (
        edit("deadline = 2019-12-31\nend", "deadline = 2020-01-31\nend"),
        r"calendar\.deadline: the deadline is the status quo's expiry \(2019-12-31\), "
        r"got 2020-01-31",
    ),
    "unknown category in a ratifier limit": (
        edit('excludes = ["readiness", "off-peninsula"]', 'excludes = ["readyness"]'),
        r"ratifiers\[0\]\.limits\[1\]\.excludes: unknown categories \['readyness'\]",
    ),
    "duplicate ratifier name": (
        edit('name = "public"', 'name = "national-assembly"'),
        r"ratifiers\[1\]\.name: duplicate ratifier name 'national-assembly'",
    ),
    "ratifier of an unknown party": (
        edit(
            'party = "ROK"\nlabel = "ROK National Assembly"',
            'party = "DPRK"\nlabel = "ROK National Assembly"',
        ),
        r"ratifiers\[0\]\.party: unknown party 'DPRK'",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_scenario_exits_2_with_a_located_message(tmp_path: Path, case: str) -> None:
    text, pattern = CASES[case]
    path = write(tmp_path, text)
    out = tmp_path / "result.json"
    result = run_cli("run", str(path), "--json", "--out", str(out))
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert str(path) in result.stderr
    assert re.search(pattern, result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [path]  # no partial or temporary file left behind


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = edit("reservation_value = 0.17", 'reservation_value = "low"\ncolour = 1')
    text = text.replace("step = 10.0", 'step = "ten"', 1)
    result = run_cli("validate", str(write(tmp_path, text)))
    assert result.returncode == 2
    assert "3 problems" in result.stderr
    for field in ("parties[0].reservation_value", "parties[0].colour", "issues[0].step"):
        assert field in result.stderr


def test_semantic_problems_are_reported_together(tmp_path: Path) -> None:
    text = edit("date = 2019-10-23", "date = 2019-08-01")
    text = text.replace(
        "deadline = 2019-12-31\nend = 2021-12-31", "deadline = 2019-12-31\nend = 2019-06-01"
    )
    result = run_cli("validate", str(write(tmp_path, text)))
    assert result.returncode == 2
    assert "meetings out of order" in result.stderr and "end 2019-06-01 is before" in result.stderr


def test_directory_and_missing_path(tmp_path: Path) -> None:
    directory = run_cli("run", str(tmp_path))
    assert directory.returncode == 2 and "is a directory" in directory.stderr
    missing = run_cli("run", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert "Traceback" not in directory.stderr + missing.stderr


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "binary.toml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    result = run_cli("validate", str(path))
    assert result.returncode == 2 and "not a UTF-8 text file" in result.stderr


def test_bad_options_exit_2() -> None:
    for args, pattern in [
        (("run", "sma-2019", "--strategy", "USA=telepathy"), "unknown strategy 'telepathy'"),
        (
            ("run", "sma-2019", "--strategy", "ROK=boulware:speed=2"),
            "unknown parameter of 'boulware'",
        ),
        (("run", "sma-2019", "--strategy", "NK=boulware"), "unknown party 'NK'"),
        (("run", "sma-2019", "--set", "parties.ROK.reservation_value=7"), "less than 1"),
        (("run", "sma-2019", "--set", "parties.JPN.reservation_value=0.5"), "no element 'JPN'"),
        (("run", "sma-2019", "--set", "nonsense"), "expected PATH=VALUE"),
        (("run", "sma-2019", "--seed", "-3"), "non-negative"),
    ]:
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert pattern in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_a_failed_run_leaves_an_earlier_output_file_intact(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    first = run_cli("run", "sma-2019", "--json", "--out", str(out))
    assert first.returncode == 0
    before = out.read_bytes()
    second = run_cli("run", "sma-2019", "--json", "--out", str(out), "--strategy", "USA=nope")
    assert second.returncode == 2
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.json"]


def test_a_structural_problem_does_not_hide_date_or_range_problems(tmp_path: Path) -> None:
    text = edit("reservation_value = 0.17", "reservation_value = 0.17\ncolour = 1")
    text = text.replace("date = 2019-10-23", "date = 2019-08-23", 1).replace(
        "step = 10.0", "step = -10.0", 1
    )
    result = run_cli("validate", str(write(tmp_path, text)))
    assert result.returncode == 2
    assert "3 problems" in result.stderr
    for expected in (
        "parties[0].colour: unknown key",
        "issues[0].step: must be > 0",
        "calendar.meetings[1].date: meetings out of order",
    ):
        assert expected in result.stderr, result.stderr


def test_every_problem_of_one_issue_is_reported(tmp_path: Path) -> None:
    text = 'name = "mine"\n[[issues]]\nname = "amount"\nkind = "money"\nlow = 10\nhigh = 5\n'
    result = run_cli("validate", str(write(tmp_path, text)))
    assert result.returncode == 2
    for expected in (
        "issues[0].step: required",
        "issues[0].high: must be greater than low (10)",
        "issues[0].currency: required",
        "calendar: required field is missing",
    ):
        assert expected in result.stderr, result.stderr


@pytest.mark.parametrize("command", [("run",), ("analyze", "--run")])
def test_negative_seed_is_refused_without_traceback(command: tuple[str, ...]) -> None:
    result = run_cli(command[0], "sma-2019", *command[1:], "--seed", "-3")
    assert result.returncode == 2
    assert "--seed: expected a non-negative integer, got -3" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
