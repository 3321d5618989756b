"""The news benchmark corpus (benchmarks/data/news): every report is sourced and well formed, the
extractor keeps its scores on a fixed sample of the development set, and on every sampled report
(held-out ones too) each source sentence is the report's text at its offsets and nothing is
invented. The held-out set's
scores are printed by `python benchmarks/news.py`, never asserted here (a floor on them would be
tuning against them)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from burdenshare.news import Extraction, decode_report, extract
from burdenshare.news.cameo import KINDS
from burdenshare.news.evaluation import (
    FIELDS,
    Tally,
    expected_sets,
    found_sets,
    score,
    score_readings,
    unsupported,
)

# one worker runs this module, so its sample is extracted once, not once by each worker that
# draws one of its tests
pytestmark = pytest.mark.xdist_group("news_corpus")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data" / "news"
SPECS = sorted((DATA / "dev").glob("*.json")) + sorted((DATA / "heldout").glob("*.json"))
# A fixed third of the corpus (every third report by name, dev and held-out alike): the whole of
# it takes about 190 s of CPU to extract on the 2-core CI machine, more than half the suite's
# budget; `python benchmarks/news.py` scores every report and counts what each set states
# without evidence ("unsupported").
SAMPLE = SPECS[::3]

# Floors on the development sample: what the extractor reaches now, less a margin for a report
# added later (precision, recall); every field must stay above its pair.
DEV_FLOORS = dict.fromkeys(FIELDS, (0.95, 0.9))


def _extract(spec_file: Path) -> tuple[str, Extraction, dict[str, Any]]:
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    text = decode_report(spec_file.with_name(spec["report"]).read_bytes())
    date = spec["date_option"]
    x = extract(text, report_date=dt.date.fromisoformat(date) if date else None,
                document=spec_file.stem)
    return text, x, spec


@pytest.fixture(scope="module")
def extracted() -> dict[Path, tuple[str, Extraction, dict[str, Any]]]:
    return {f: _extract(f) for f in SAMPLE}


def test_corpus_size_sources_and_kinds() -> None:
    dev = [f for f in SPECS if f.parent.name == "dev"]
    held = [f for f in SPECS if f.parent.name == "heldout"]
    # The held-out folder is empty between one set's move to dev/ and the next set's arrival.
    assert len(SPECS) >= 40 and len(dev) >= 30 and (len(held) == 0 or len(held) >= 12)
    negatives = 0
    for f in SPECS:
        spec = json.loads(f.read_text(encoding="utf-8"))
        assert f.with_name(spec["report"]).exists(), f.name
        assert spec["sources"] and all(s.strip() for s in spec["sources"]), f.name
        assert all(e["kind"] in KINDS for e in spec["events"]), f.name
        assert all(len(a["currency"]) == 3 and a["currency"].isupper() for a in spec["amounts"])
        if not spec["topic"]:
            negatives += 1
            assert not (spec["events"] or spec["amounts"] or spec["speakers"]), f.name
    assert negatives >= 5


def test_the_sample_holds_both_sets() -> None:
    held = [f for f in SAMPLE if f.parent.name == "heldout"]
    assert len(SAMPLE) >= len(SPECS) // 3 and len(SAMPLE) - len(held) >= 10
    assert not any(f.parent.name == "heldout" for f in SPECS) or len(held) >= 4


def test_dev_scores_stay_above_their_floors(
    extracted: dict[Path, tuple[str, Extraction, dict[str, Any]]],
) -> None:
    scores = score(
        (f.stem, x, spec) for f, (_, x, spec) in extracted.items() if f.parent.name == "dev"
    )
    low = []
    for name, (p_floor, r_floor) in DEV_FLOORS.items():
        t = scores.tallies[name]
        if (t.precision or 0.0) < p_floor or (t.recall or 0.0) < r_floor:
            low.append(f"{name}: P {t.precision} R {t.recall}; {scores.errors.get(name)}")
    assert low == []


@pytest.mark.parametrize("spec_file", SAMPLE, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_sources_verbatim_and_nothing_invented(
    spec_file: Path, extracted: dict[Path, tuple[str, Extraction, dict[str, Any]]]
) -> None:
    text, x, _ = extracted[spec_file]
    assert unsupported(text, x) == []


def test_an_item_without_its_evidence_is_reported() -> None:
    import dataclasses

    text = ("SEOUL, Dec. 18 (Yonhap) -- South Korea and the United States ended their fifth round "
            "of talks on sharing the cost of U.S. troops in Seoul on Wednesday without a deal, "
            "chief U.S. negotiator James DeHart said.")
    x = extract(text, report_date=dt.date(2019, 12, 18))
    assert x.events and unsupported(text, x) == []
    (e,) = x.events
    moved = dataclasses.replace(e, evidence=tuple(
        dataclasses.replace(ev, start=ev.start + 1) for ev in e.evidence))
    assert unsupported(text, dataclasses.replace(x, events=(moved,)))[0].startswith("source 1:")
    elsewhere = dataclasses.replace(e, place="Tokyo")
    assert unsupported(text, dataclasses.replace(x, events=(elsewhere,))) == [
        f"round_concluded place 'Tokyo' not in {text!r}"]


def test_scoring_counts_what_is_missing_and_extra() -> None:
    t = Tally()
    t.add({1, 2}, {2, 3, 4})
    assert (t.tp, t.fp, t.fn) == (1, 1, 2)
    assert t.precision == 0.5 and t.recall == pytest.approx(1 / 3)
    assert Tally().precision is None
    x = extract("Kim Joo-hyung shot a 67 in the third round in Incheon on Saturday.")
    spec = {"topic": True, "report_date": "2019-12-18",
            "events": [{"kind": "round_concluded", "date": "2019-12-18", "place": "Seoul",
                        "round": 5}],
            "amounts": [{"amount": 5e9, "currency": "USD", "period": "year", "years": None}],
            "relations": [5.0], "speakers": ["James DeHart"]}
    result = score([("golf", x, spec)])
    assert result.exact == 0
    assert all(result.tallies[f].recall == 0.0 for f in FIELDS)
    assert found_sets(x)["topic"] == set() and expected_sets(spec)["amount"] == {(5e9, "USD")}


def test_second_readings_name_corpus_reports_and_are_well_formed() -> None:
    # benchmarks/news_agreement.py scores them against the first readings
    readings = sorted((DATA / "second_reading").glob("*/*.json"))
    assert {f.parent.name for f in readings} == {"dev", "heldout"} and len(readings) >= 200
    for f in readings:
        second = json.loads(f.read_text(encoding="utf-8"))
        first = json.loads((DATA / f.parent.name / f.name).read_text(encoding="utf-8"))
        assert second["report"] == first["report"], f.name
        assert second["date_option"] == first["date_option"], f.name
        assert all(e["kind"] in KINDS for e in second["events"]), f.name
        if not second["topic"]:
            assert not (second["events"] or second["amounts"] or second["speakers"]), f.name


def test_a_second_reading_is_scored_against_the_first_as_an_extraction_is() -> None:
    first = {"topic": True, "report_date": "2019-12-04",
             "events": [{"kind": "round_concluded", "date": "2019-12-04", "place": "Washington",
                         "round": 4}],
             "amounts": [{"amount": 5e9, "currency": "USD", "period": "year", "years": None}],
             "relations": [], "speakers": ["James DeHart", "officials"]}
    second = {**first, "speakers": ["DeHart"],
              "events": [*first["events"], {"kind": "talks_scheduled", "date": "2019-12",
                                            "place": None, "round": 5}]}
    alike = score_readings([("r4", first, first)])
    assert (alike.reports, alike.exact, alike.correct) == (1, 1, 1)
    result = score_readings([("r4", first, second)])
    assert (result.exact, result.correct) == (0, 0)
    t = result.tallies["speaker"]
    assert (t.tp, t.fp, t.fn) == (0, 1, 2)  # the second's speakers are the found ones
    t = result.tallies["event kind"]
    assert (t.tp, t.fp, t.fn) == (1, 1, 0)
    assert result.errors["round"] == ["r4: missing [] extra ['5']"]


def test_speakers_compare_without_determiners_dots_or_curly_apostrophes() -> None:
    spec = {"speakers": ["U.S. Forces Korea", "Seoul's foreign ministry", "a diplomat"]}
    x = extract("South Korea and the United States are negotiating how to share the cost of "
                "stationing U.S. troops. US Forces Korea said it would furlough workers. The "
                "talks stalled, Seoul’s foreign ministry said. One diplomat said so too.",
                report_date=dt.date(2020, 1, 16))
    assert found_sets(x)["speaker"] == expected_sets(spec)["speaker"]


def test_amounts_compare_to_four_significant_digits() -> None:
    spec = {"amounts": [{"amount": 1.0551e12, "currency": "JPY", "period": "total",
                         "years": [2022, 2026]}]}
    x = extract("Japan and the United States agreed Tuesday that Japan will pay 1,055.1 billion "
                "yen in host-nation support for U.S. forces over the five years from fiscal 2022.",
                report_date=dt.date(2021, 12, 21))
    assert found_sets(x)["period"] == expected_sets(spec)["period"]
    (p,) = x.positions
    assert (p.period, p.years, p.party) == ("total", (2022, 2026), "JPN")


def test_cli_json_gives_verbatim_sources_with_offsets() -> None:
    from clitools import command_app

    from burdenshare.cli import commands_news

    app = command_app(commands_news)
    report = DATA / "dev" / "d24_noise_round5_2019-12.txt"
    result = CliRunner().invoke(app, ["news", str(report), "--json"])  # type: ignore[arg-type]
    assert result.exit_code == 0, result.stderr
    obj = json.loads(result.stdout)
    text = report.read_text(encoding="utf-8")
    records = [*obj["events"], *obj["positions"], *obj["statements"], *obj["mentions"]]
    assert records
    for r in records:
        assert text[r["source_start"]:r["source_end"]] == r["source_sentence"]
    assert all(e["cameo"] for e in obj["events"] if e["kind"] not in ("deadline",
                                                                       "deadline_passed"))
    (p,) = obj["positions"]
    assert (p["amount"], p["currency"], p["period"]) == (5e9, "USD", "year")


def test_a_report_without_full_stops_is_read_in_linear_time() -> None:
    """100 kB of corpus text as one comma-joined sentence: each sentence's amounts and dates are
    found once, not once per date phrase (that took 66 s for 200 kB; now about 1 s)."""
    import time

    texts = [f.with_name(f.stem + ".txt").read_text(encoding="utf-8") for f in SPECS[:20]]
    one = " ".join(t.replace("\n", " ") for t in texts).replace(". ", ", ")
    one = (one * (100_000 // len(one) + 1))[:100_000]
    started = time.process_time()  # CPU time: other processes do not count
    extract(one)
    assert time.process_time() - started < 5.0


def test_a_report_correct_by_the_issues_test_may_miss_its_dates() -> None:
    text = ("SEOUL, Dec. 18 (Yonhap) -- South Korea and the United States ended their fifth round "
            "of talks on sharing the cost of U.S. troops in Seoul on Wednesday without a deal, "
            "chief U.S. negotiator James DeHart said.")
    x = extract(text, report_date=dt.date(2019, 12, 18))
    right = {"topic": True, "report_date": "2019-12-18",
             "events": [{"kind": "round_concluded", "date": "2019-12-18", "place": "Seoul",
                         "round": 5}], "amounts": [], "relations": [],
             "speakers": ["James DeHart"]}
    wrong_day = {**right, "events": [{**right["events"][0], "date": "2019-12-17"}]}
    wrong_round = {**right, "events": [{**right["events"][0], "round": 4}]}
    result = score([("right", x, right), ("day", x, wrong_day), ("round", x, wrong_round)])
    assert (result.reports, result.exact, result.correct) == (3, 1, 2)
    assert result.to_dict()["correct_reports"] == 2


def test_the_agreement_benchmark_prints_readers_and_extractor_side_by_side(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    import runpy
    import sys

    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    monkeypatch.setattr(sys, "argv", ["news_agreement.py", "--json", "--set", "dev"])
    with pytest.raises(SystemExit) as done:
        runpy.run_path(str(ROOT / "benchmarks" / "news_agreement.py"), run_name="__main__")
    assert done.value.code == 0
    result = json.loads(capsys.readouterr().out)["sets"]["dev"]
    n = result["reports"]
    assert n >= 100 and result["second_reading_against_first"]["correct_reports"] == \
        result["readers_alike"] <= n
    by = [result[f"extractor_correct_by_{r}"] for r in ("first", "second", "either")]
    assert max(by[:2]) <= by[2] <= n
    assert result["extractor_correct_where_alike"] <= min(by[0], result["readers_alike"])
