"""Plausibility warnings (scenario/plausibility.py), `--strict`, `validate` on the
`[[uncertainty]]` section, nested strategy errors, "did you mean" and export after `--set`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_scenario
from burdenshare.scenario import builtin_names, builtin_text, load_source
from burdenshare.scenario.plausibility import warning_lines
from burdenshare.scenario.uncertainty import raw_document

BASE = builtin_text("sma-2019")
APP = command_app(commands_scenario)


def cli(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `burdenshare ARGS…` run in process."""
    result = CliRunner().invoke(APP, list(args))  # type: ignore[arg-type]
    return result.exit_code, result.stdout, result.stderr


def edit(*pairs: tuple[str, str]) -> str:
    text = BASE
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


NA_CAP = 'max_change_pct = 15.0, source = "assumption"'
BIDEN_YEARS = '{ issue = "duration", min = 5.0,'
USA_LAPSE = "per_month = -0.001\n"

WARNINGS = {
    "change cap as a fraction": (
        (NA_CAP, NA_CAP.replace("15.0", "0.15")),
        NA_CAP.replace("15.0", "0.15"),
        "ratifiers[0].limits[0].max_change_pct: a change of +0.15 % is tiny; this field is "
        "in percent; fix: max_change_pct = 15 if 15 % is meant",
    ),
    "bound x1,000 off the status quo": (
        (BIDEN_YEARS, BIDEN_YEARS.replace("5.0", "5000.0")),
        BIDEN_YEARS.replace("5.0", "5000.0"),
        "ratifiers[3].limits[1].min: 5000 is 5,000× the status quo (1): a unit off by ×1,000?; "
        "fix: min = 5",
    ),
    "bound as a fraction": (
        (BIDEN_YEARS, BIDEN_YEARS.replace("5.0", "0.05")),
        BIDEN_YEARS.replace("5.0", "0.05"),
        "ratifiers[3].limits[1].min: 0.05 looks like a fraction, but duration counts in whole "
        "units (1–10); fix: min = 5 if 5 % is meant",
    ),
    "lapse of the wrong sign": (
        (USA_LAPSE, "per_month = 0.003\n"),
        "per_month = 0.003",
        "parties[0].lapse.per_month: +0.003 a month makes every month of lapse a gain for USA; "
        "fix: per_month = -0.003",
    ),
    "lapse of the wrong sign and scale": (
        (USA_LAPSE, "per_month = 3\n"),
        "per_month = 3",
        "parties[0].lapse.per_month: +3 a month makes every month of lapse a gain for USA and "
        "moves the no-deal value by more than the whole utility scale (0 to 1); "
        "fix: per_month = -0.03",
    ),
    "threat of the wrong sign": (
        ("change = -0.1\n", "change = 0.1\n"),
        "change = 0.1\n",
        "threats[0].change: +0.1 raises ROK's no-deal value; a threat lowers it; "
        "fix: change = -0.1",
    ),
    "limit that never binds": (
        (NA_CAP, NA_CAP.replace("15.0", "5000.0")),
        NA_CAP.replace("15.0", "5000.0"),
        "ratifiers[0].limits[0]: every value of amount on the grid",
    ),
    "limit that vetoes every deal": (
        (NA_CAP, NA_CAP.replace("max_change_pct = 15.0", "max_change_pct = -95.0")),
        "max_change_pct = -95.0",
        "ratifiers[0].limits[0]: no value of amount on the grid meets this limit: "
        "national-assembly vetoes every deal",
    ),
    "opening below the status quo": (
        ("opening = { amount = 1080.0", "opening = { amount = 1300.0"),
        "opening = { amount = 1300.0",
        "parties[1].opening: worth 0.466 to ROK: less than the status quo (0.872) or its "
        "reservation value (0.670); fix: open with terms",
    ),
    "fixed value outside its range": (
        ("reservation_value = 0.67", "reservation_value = 0.9"),
        "[[uncertainty]]",
        "uncertainty[0]: parties.ROK.reservation_value is 0.9 in the file, outside its range "
        "[0.55, 0.75]; fix: widen the range",
    ),
}


@pytest.mark.parametrize("name", list(WARNINGS))
def test_warning_fires_with_field_line_and_fix(tmp_path: Path, name: str) -> None:
    """Each warning names the file, the line, the field and a fix; the file stays valid and
    `--strict` refuses it (exit 2, one error line)."""
    change, located_at, expected = WARNINGS[name]
    text = edit(change)
    path = write(tmp_path, text)
    code, out, err = cli("validate", str(path))
    assert code == 0 and "valid" in out
    line = line_of(text, located_at)
    assert f"warning: {path}:{line}: {expected}" in err, err
    code, out, err = cli("validate", "--strict", str(path))
    assert code == 2 and "valid" not in out
    assert re.search(rf"error: {re.escape(str(path))}: --strict: \d+ warnings? above", err)


@pytest.mark.parametrize("name", builtin_names())
def test_builtins_pass_strict(name: str) -> None:
    """No warning on any built-in scenario: `validate --strict` exits 0."""
    loaded = load_source(name)
    assert warning_lines(loaded, raw_document(loaded)) == ()
    code, out, err = cli("validate", "--strict", name)
    assert (code, err) == (0, "")
    assert out.startswith(f"{name}: valid")


def test_run_strict_refuses_a_warning_and_results_do_not_change() -> None:
    """`run` prints the warning and the result it computes without warnings; `run --strict`
    exits 2 with nothing on standard output."""
    import json

    from burdenshare.engine import negotiate
    from burdenshare.reports.negotiation import run_dict

    assignment = "ratifiers.national-assembly.limits.0.max_change_pct=0.1"
    code, out, err = cli("run", "sma-2019", "--json", "--set", assignment)
    assert code == 0 and "max_change_pct: a change of +0.1 % is tiny" in err
    loaded = load_source("sma-2019", [assignment])
    expected = run_dict(negotiate(loaded.scenario, {}, seed=0), loaded.sha256, 0)
    assert json.loads(out) == json.loads(json.dumps(expected))
    code, out, err = cli("run", "sma-2019", "--strict", "--json", "--set", assignment)
    assert (code, out) == (2, "")
    assert err.strip().endswith(
        "error: sma-2019: --strict: 1 warning above; fix them or drop --strict"
    )
    assert cli("run", "sma-2019", "--strict", "--json")[0] == 0


@pytest.mark.parametrize(
    "change, key, expected",
    [
        (
            ("low = 0.55\nhigh = 0.75", "low = 0.55\nhigh = 1.5"),
            "high",
            "uncertainty[0].high: parties.ROK.reservation_value = 1.5 (uniform 0.55–1.5) is "
            "invalid",
        ),
        (
            ('path = "parties.ROK.reservation_value"', 'path = "parties.ROK.reservaton_value"'),
            "path",
            "uncertainty[0].path: parties.ROK.reservaton_value: no field",
        ),
        (
            ("low = 0.55\nhigh = 0.75", "low = 0.75\nhigh = 0.55"),
            "low",
            "uncertainty[0].low: `low` (0.75) must be below `high` (0.55)",
        ),
    ],
)
def test_validate_checks_the_uncertainty_section(
    tmp_path: Path, change: tuple[str, str], key: str, expected: str
) -> None:
    """What montecarlo would refuse, validate refuses first: exit 2, the entry's key and its
    line in the file."""
    text = edit(change)
    path = write(tmp_path, text)
    code, out, err = cli("validate", str(path))
    assert (code, out) == (2, "")
    first = text.index("[[uncertainty]]")
    line = line_of(text, "[[uncertainty]]") + line_of(text[first:], f"\n{key} = ")
    assert f"{path}:{line}: {expected}" in err, err


@pytest.mark.parametrize(
    "old, new, field",
    [
        ('inner = "anchoring", hold = 6', 'inner = "anchorng", hold = 6', "params.inner"),
        ('inner = "anchoring", hold = 6', 'inner = "ratification-aware", hold = 6', "params.inner"),
        ('inner = "anchoring", hold = 6', 'inner = "anchoring", hodl = 6', "params.hodl"),
        (
            'name = "ratification-aware", params = { inner = "anchoring", hold = 6',
            'name = "ratification-awar", params = { inner = "anchoring", hold = 6',
            "name",
        ),
    ],
)
def test_nested_strategy_errors_name_the_nested_field(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    path = write(tmp_path, edit((old, new)))
    code, _, err = cli("validate", str(path))
    assert code == 2
    assert f": parties[0].strategy.{field}: " in err, err


@pytest.mark.parametrize(
    "option, field",
    [
        ("USA=ratification-aware:inner=anchorng", "parameter.inner: unknown strategy 'anchorng'"),
        ("USA=ratification-aware:inner=anchoring,hodl=3", "parameter.hodl: unknown parameter"),
        ("USA=boulware:e=fast", "parameter.e: expected a float, got 'fast'"),
        ("USA=stubborn", "strategy: unknown strategy 'stubborn'"),
    ],
)
def test_strategy_option_errors_name_the_nested_field(option: str, field: str) -> None:
    code, out, err = cli("run", "sma-2019", "--strategy", option)
    assert (code, out) == (2, "")
    assert err.strip().startswith(f"error: --strategy {option}: {field}"), err


def test_unknown_keys_get_did_you_mean(tmp_path: Path) -> None:
    text = edit(
        (USA_LAPSE, "per_mnth = -0.001\n"),
        ("low = 0.55\nhigh = 0.75", "low = 0.55\nhihg = 0.75"),
        ("[calendar]\n", "[calendar]\ncolour = 1\n"),
    )
    code, _, err = cli("validate", str(write(tmp_path, text)))
    assert code == 2
    assert "parties[0].lapse.per_mnth: unknown key (not part of the scenario format; see " in err
    assert "; did you mean 'per_month'?" in err
    assert "uncertainty[0].hihg: unknown key" in err and "did you mean 'high'?" in err
    assert re.search(r"calendar\.colour: unknown key \(.*\)\n", err + "\n")  # nothing close


def test_export_drops_ranges_on_deleted_fields(tmp_path: Path) -> None:
    """An exported scenario keeps no range on a ratifier deleted by `--set` (it validates
    strictly); a range on a field a `--set` pins is kept, with a note."""
    out = tmp_path / "out.toml"
    code, _, err = cli(
        "export",
        "sma-2019",
        "--set",
        "ratifiers=[]",
        "--set",
        "parties.ROK.reservation_value=0.6",
        "--out",
        str(out),
    )
    assert code == 0
    assert err.count("note: [[uncertainty]] on ratifiers.") == 4
    assert "note: [[uncertainty]] on ratifiers.trump.limits.0.min_change_pct dropped" in err
    assert "keeps the [[uncertainty]] range on parties.ROK.reservation_value" in err
    text = out.read_text(encoding="utf-8")
    assert "ratifiers." not in text and 'path = "parties.ROK.reservation_value"' in text
    assert cli("validate", "--strict", str(out))[0] == 0


def test_show_prints_each_partys_utilities() -> None:
    code, out, _ = cli("show", "sma-2019")
    assert code == 0
    assert (
        "utility of the status quo 0.872, USA's opening 0.101, its own opening 0.862, "
        "no deal at the deadline 0.645" in out
    )
    assert out.count("utility of the status quo") == 2
