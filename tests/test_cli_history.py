"""`burdenshare history`: tables, --json, --plot, --real, --currency and bad input (exit 2)."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from burdenshare.cli import commands_history


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    """The history command on its own app (independent of the other command modules)."""
    application = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @application.callback()
    def main() -> None:
        """Test app."""

    commands_history.register(application)
    return application


def run(app, *args):
    return CliRunner().invoke(app, ["history", *args])


def test_json_has_agreements_and_series_with_the_agreed_keys(app):
    result = run(app, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)  # exactly one JSON object on stdout
    assert {"agreements", "series"} <= set(data)
    assert [a["number"] for a in data["agreements"]] == list(range(1, 13))
    for a in data["agreements"]:
        assert {
            "number",
            "years",
            "first_year_amount",
            "currency",
            "escalation_rule",
            "sources",
        } <= set(a)
        assert a["sources"]
    by_year = {s["year"]: s for s in data["series"]}
    assert sorted(by_year) == list(range(1991, 2031))
    for s in data["series"]:
        assert {"year", "amount", "currency", "source", "status"} <= set(s)
        assert s["source"].startswith("http")
    assert by_year[2019]["amount"] == 1_038_900_000_000 and by_year[2019]["currency"] == "KRW"
    assert by_year[1991]["amount"] == 150_000_000 and by_year[1991]["currency"] == "USD"
    assert by_year[2028]["amount"] is None and by_year[2028]["status"] == "computed"
    assert by_year[2002]["status"] == "unverified"
    eleventh = data["agreements"][10]
    assert (
        eleventh["years"] == [2020, 2025] and eleventh["escalation_rule"] == "defense_budget_growth"
    )


def test_json_real_values_in_the_chosen_currency(app):
    data = json.loads(run(app, "--json", "--real", "2019", "--currency", "USD").stdout)
    by_year = {s["year"]: s for s in data["series"]}
    assert by_year[2019]["real"]["currency"] == "USD"
    assert by_year[2019]["real"]["constant_won_of"] == 2019
    assert by_year[2019]["real"]["amount"] == by_year[2019]["in_other_currency"]["amount"]
    assert by_year[1991]["real"]["amount"] > 1.4 * by_year[1991]["amount"]
    assert by_year[2026]["real"]["amount"] is None  # no CPI for 2026 yet


def test_tables_show_amounts_status_and_numbered_sources(app):
    result = run(app, "--real", "2019")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "KRW 1,038.9 bn" in out and "USD 150 M" in out
    assert "constant 2019 won" in out
    assert "unverified" in out and "computed" in out
    assert "Sources" in out and "https://mnd.go.kr/mnd_book/DefenseWhitePaper/2018" in out


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_plot_file_is_written(app, tmp_path, suffix):
    path = tmp_path / f"history.{suffix}"
    result = run(app, "--plot", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)
    head = path.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if suffix == "png" else b"<svg" in path.read_bytes()
    assert len(head) > 0


@pytest.mark.parametrize("year", ["2031", "1980"])
def test_bad_real_year_exits_2_with_a_clear_message(app, year):
    result = run(app, "--real", year)
    assert result.exit_code == 2
    assert f"--real: no Korean CPI figure for {year}" in result.stderr
    assert "1991 to 2025" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_bad_plot_file_exits_2_and_writes_nothing(app, tmp_path):
    result = run(app, "--plot", str(tmp_path / "history.pdf"))
    assert result.exit_code == 2 and ".png or .svg" in result.stderr
    result = run(app, "--plot", str(tmp_path / "no" / "such" / "dir.png"))
    assert result.exit_code == 2 and "does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_bad_currency_is_rejected(app):
    result = run(app, "--currency", "EUR")
    assert result.exit_code == 2
