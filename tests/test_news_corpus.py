"""The news extractor on its corpus: every report matches its expected extraction, nothing is
invented, and bad input (empty, binary, not UTF-8, missing) is a clear error with exit code 2."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import typer
from clitools import command_app
from news_projection import project
from typer.testing import CliRunner

from burdenshare.cli import commands_news
from burdenshare.errors import InputError
from burdenshare.news import Extraction, decode_report, extract

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "news"
SHARED = ROOT / ".." / "shared"
EXPECTED = sorted(DATA.glob("*.expected.json"))


def report_path(name: str) -> Path:
    """A corpus report, or a file under shared/ (never copied into the repository)."""
    if name.startswith("shared:"):
        path = SHARED / name.removeprefix("shared:")
        if not path.exists():
            pytest.skip(f"{path} not found beside the repository")
        return path
    return DATA / name


def run_expected(spec: dict[str, object]) -> Extraction:
    path = report_path(str(spec["report"]))
    date = spec["date_option"]
    return extract(decode_report(path.read_bytes(), str(path)),
                   report_date=dt.date.fromisoformat(str(date)) if date else None,
                   document=path.name)


def test_corpus_has_reports_of_every_kind() -> None:
    assert len(EXPECTED) >= 10
    kinds = {e["kind"] for f in EXPECTED for e in json.loads(f.read_text())["events"]}
    assert {"round_concluded", "talks_scheduled", "talks_opened", "talks_broken_off",
            "deal_announced", "deal_rejected", "ratification_vote", "deadline",
            "deadline_passed"} <= kinds


@pytest.mark.parametrize("expected_file", EXPECTED, ids=lambda p: p.name)
def test_report_matches_expected_extraction(expected_file: Path) -> None:
    spec = json.loads(expected_file.read_text(encoding="utf-8"))
    got = project(run_expected(spec))
    for part in ("report_date", "events", "positions", "statements", "mentions"):
        assert got[part] == spec[part], f"{expected_file.name}: {part}"


def _strings_in_their_sentences(x: Extraction) -> list[str]:
    """Every figure, speaker, role, place and date phrase that is not in its sentence."""
    missing: list[str] = []

    def check(value: str | None, sentences: list[str], what: str) -> None:
        if value and not any(value in s for s in sentences):
            missing.append(f"{what} {value!r}")

    for e in x.events:
        sentences = [ev.read for ev in e.evidence]
        # (a dateline's city is written in capitals: "SEOUL, Nov. 19, 2019 -- ...")
        check(e.place if e.place != "video conference" else None,
              [*sentences, *(s.title() for s in sentences)], "place")
        check(e.round_text, sentences, "round")
        check(e.length_text, sentences, "length")
        check(e.when.text if e.when else None, sentences, "date")
        if e.votes:
            for n in (e.votes.in_favor, e.votes.against, e.votes.abstentions, e.votes.present):
                check(str(n) if n is not None else None, sentences, "votes")
    for p in x.positions:
        sentences = [ev.read for ev in p.evidence]
        for value, what in ((p.figure, "figure"), (p.relation, "relation"), (p.base, "base"),
                            (p.party_text, "party"), (p.applies_to, "applies_to"),
                            (p.when.text if p.when else None, "date")):
            check(value, sentences, what)
    for s in x.statements:
        sentences = [ev.read for ev in s.evidence]
        check(s.text, sentences, "statement")
        check(s.speaker_mention, sentences, "speaker mention")
        intro = [s.speaker_evidence.read] if s.speaker_evidence else sentences
        check(s.speaker, intro, "speaker")
        check(s.role, intro, "role")
    for m in x.mentions:
        sentences = [ev.read for ev in m.evidence]
        check(m.text, sentences, "mention")
        check(m.cue, sentences, "cue")
    return missing


@pytest.mark.parametrize("expected_file", EXPECTED, ids=lambda p: p.name)
def test_nothing_invented(expected_file: Path) -> None:
    spec = json.loads(expected_file.read_text(encoding="utf-8"))
    path = report_path(str(spec["report"]))
    raw = decode_report(path.read_bytes())
    x = run_expected(spec)
    assert _strings_in_their_sentences(x) == []
    # every source sentence is the report's text at its offsets, exactly as written, and the
    # normalised text it was read in keeps the same words
    for record in (*x.events, *x.positions, *x.statements, *x.mentions):
        for ev in record.evidence:
            original = raw[ev.start:ev.end]
            assert ev.sentence == original
            for word in ev.read.split():
                assert word.strip(",.") in original, (word, original)


@pytest.mark.parametrize(("name", "message"), [
    ("empty.txt", "empty"),
    ("binary.bin", "binary"),
    ("latin1.txt", "not valid UTF-8"),
])
def test_bad_bytes_are_input_errors(name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_report((DATA / name).read_bytes(), name)


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    return command_app(commands_news)  # type: ignore[return-value]


def run_cli(app: typer.Typer, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["news", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", ["empty.txt", "binary.bin", "latin1.txt", "missing.txt"])
def test_cli_bad_input_exits_2_with_one_message(app: typer.Typer, name: str) -> None:
    code, out, err = run_cli(app, str(DATA / name), "--json")
    assert code == 2
    assert out == ""
    assert err.startswith("error: ") and name in err and "Traceback" not in err


def test_cli_bad_date_exits_2(app: typer.Typer) -> None:
    code, _, err = run_cli(app, str(DATA / "r07_los_angeles_2020-03.txt"), "--date", "19.3.2020")
    assert code == 2 and "--date" in err and "YYYY-MM-DD" in err


@pytest.mark.parametrize("name", ["no_negotiation_golf.txt", "korean_only.txt"])
def test_cli_no_negotiation_is_empty_valid_json_with_note(app: typer.Typer, name: str) -> None:
    code, out, err = run_cli(app, str(DATA / name), "--json")
    assert code == 0
    obj = json.loads(out)
    assert obj["events"] == [] and obj["positions"] == [] and obj["statements"] == []
    assert "no cost-sharing negotiation found" in err


def test_cli_json_interface(app: typer.Typer) -> None:
    code, out, err = run_cli(app, str(DATA / "r07_los_angeles_2020-03.txt"), "--json")
    assert code == 0, err
    obj = json.loads(out)
    for e in obj["events"]:
        assert {"kind", "cameo", "place", "round", "source_sentence"} <= set(e)
        assert e["date"] is not None or e["relative_date"] is not None
    for p in obj["positions"]:
        assert {"party", "amount", "currency", "relation", "source_sentence"} <= set(p)
    assert obj["positions"][0]["amount"] == 4e9 and obj["positions"][0]["currency"] == "USD"


def test_cli_summary_tables(app: typer.Typer) -> None:
    code, out, err = run_cli(app, str(DATA / "sma12_agreement_2024-10.txt"))
    assert code == 0, err
    assert "deal_announced" in out and "057" in out
    assert "1.5192 trillion won" in out and "KRW 1,519,200,000,000" in out


def test_cli_status_quo_sets_positions_against_it(app: typer.Typer) -> None:
    code, out, err = run_cli(app, str(DATA / "r07_los_angeles_2020-03.txt"), "--json",
                             "--status-quo", "KRW 1.0389 trillion", "--rate", "USD/KRW=1200")
    assert code == 0, err
    usa, kor = json.loads(out)["positions"]
    assert usa["computed"]["factor"] == pytest.approx(4e9 * 1200 / 1.0389e12, abs=1e-4)
    assert kor["computed"]["amount"] == pytest.approx(1.0389e12 * 1.1)
    code, _, err = run_cli(app, str(DATA / "r07_los_angeles_2020-03.txt"),
                           "--status-quo", "lots of money")
    assert code == 2 and "--status-quo" in err
