"""Benchmark: the news extractor on reports it was not built with, precision and recall per field.

Reads the corpus in benchmarks/data/news/ (each report `NAME.txt` beside its expected extraction
`NAME.json`, written from the sourced facts each cites): `dev/` is developed against, `heldout/`
is not. Prints one table per set (topic detected, report date, event kind, date, place, round,
amount with currency, amount with period and years, relation to the status quo, speaker), how
many reports are extracted without an error and how many correctly by issue 16's test (event
kinds with their rounds and places, amounts with currency, speakers, topic), how many items are
stated without their evidence in the text ("unsupported": a source not at its offsets, a value
not in its sentence; the goal is none), and with `--errors` what each report missed, added or
stated without evidence; `--json` prints one JSON object.

    python benchmarks/news.py [--json] [--errors] [--set dev|heldout]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from burdenshare.news import Extraction, decode_report, extract
from burdenshare.news.evaluation import FIELDS, Scores, score, unsupported

DATA = Path(__file__).resolve().parent / "data" / "news"
SETS = ("dev", "heldout")


def load(set_name: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(name, report text, expected extraction) for every report of a set, by name."""
    out = []
    for spec_file in sorted((DATA / set_name).glob("*.json")):
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
        report = spec_file.with_name(spec["report"])
        out.append((spec_file.stem, decode_report(report.read_bytes(), str(report)), spec))
    return out


def extract_text(name: str, text: str, spec: dict[str, Any]) -> Extraction:
    """A report's extraction, given the date a caller passes with it when its spec has one."""
    date = spec.get("date_option")
    return extract(text, report_date=dt.date.fromisoformat(date) if date else None, document=name)


def extract_spec(spec_file: Path, spec: dict[str, Any]) -> Extraction:
    """The extraction of the report a spec file names."""
    report = spec_file.with_name(spec["report"])
    return extract_text(spec_file.stem, decode_report(report.read_bytes(), str(report)), spec)


def run(set_name: str) -> tuple[Scores, float]:
    """Extract every report of a set and score it; also the seconds it took. What a report states
    without evidence is listed under the errors' "unsupported" key."""
    reports = load(set_name)
    start = time.perf_counter()
    pairs = [(name, extract_text(name, text, spec), spec) for name, text, spec in reports]
    seconds = time.perf_counter() - start
    scores = score(pairs)
    texts = {name: text for name, text, _ in reports}
    for name, x, _ in pairs:
        scores.errors.setdefault("unsupported", []).extend(
            f"{name}: {problem}" for problem in unsupported(texts[name], x))
    return scores, seconds


def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def table(set_name: str, scores: Scores, seconds: float | None) -> str:
    """A plain-text table of one set's scores."""
    took = "" if seconds is None else f", {seconds:.2f} s"
    lines = [
        f"{set_name}: {scores.reports} reports, {scores.exact} extracted without an error{took}",
        f"  {scores.correct} correct in the kinds, rounds and places of their events, their "
        "amounts with currency, their speakers and their topic",
    ]
    if "unsupported" in scores.errors:  # (an extraction's, not a second reading's)
        lines.append(f"  {len(scores.errors['unsupported'])} items stated without their evidence")
    lines.append(f"  {'field':<12} {'precision':>9} {'recall':>7}   {'tp':>3} {'fp':>3} {'fn':>3}")
    for name in FIELDS:
        t = scores.tallies[name]
        counts = f"{t.tp:>3} {t.fp:>3} {t.fn:>3}"
        lines.append(f"  {name:<12} {_pct(t.precision):>9} {_pct(t.recall):>7}   {counts}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--errors", action="store_true", help="list each report's errors")
    parser.add_argument("--set", choices=SETS, action="append", help="only this set")
    args = parser.parse_args(argv)
    results = {name: run(name) for name in (args.set or SETS)}
    if args.json:
        obj = {
            "benchmark": "news",
            "sets": {
                name: {**s.to_dict(), "seconds": round(sec, 3)}
                for name, (s, sec) in results.items()
            },
        }
        for v in obj["sets"].values():
            v["unsupported_items"] = len(v["errors"].get("unsupported", []))
            if not args.errors:
                v.pop("errors")
        json.dump(obj, sys.stdout, indent=2)
        print()
        return 0
    for name, (s, sec) in results.items():
        print(table(name, s, sec))
        if args.errors:
            for f, errs in s.errors.items():
                for e in errs:
                    print(f"    {f}: {e}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
