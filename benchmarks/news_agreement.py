"""Benchmark: how far two readers of one report agree, and the news extractor beside them.

Each report of a sample (128 of `dev/`, 128 of `heldout/`) was read a second time by a reader who
saw only its text, the date a caller passes with it and the corpus spec, never the first
reading (`benchmarks/data/news/second_reading/SET/NAME.json`). The second reading is scored
against the first as an extraction is: per field precision and recall, and how many reports the
two readers read alike by issue 16's test (event kinds with their rounds and places, amounts with
currency, speakers, topic). That agreement is the ceiling for any extractor scored against one
reader. Beside it: the extractor against the first reading (the benchmark's usual score), the
second, either one, and on the reports both readers read alike. `--json` prints one JSON object.

    python benchmarks/news_agreement.py [--json] [--set dev|heldout]
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from news import DATA, SETS, extract_spec, table

from burdenshare.news.evaluation import score, score_readings

READINGS = DATA / "second_reading"


def run(set_name: str) -> dict[str, Any]:
    """The readers' agreement on a set's sample and the extractor's scores beside it."""
    first, second = {}, {}
    for f in sorted((READINGS / set_name).glob("*.json")):
        first[f.stem] = json.loads((DATA / set_name / f.name).read_text(encoding="utf-8"))
        second[f.stem] = json.loads(f.read_text(encoding="utf-8"))
    readers = score_readings((name, first[name], second[name]) for name in first)
    x = {name: extract_spec(DATA / set_name / f"{name}.json", first[name]) for name in first}
    alike = {name for name in first if score_readings([(name, first[name], second[name])]).correct}
    right = {
        reader: {name for name in first if score([(name, x[name], spec[name])]).correct}
        for reader, spec in (("first", first), ("second", second))
    }
    return {
        "reports": len(first),
        "readers": readers,
        "readers_alike": len(alike),
        "extractor": score((name, x[name], first[name]) for name in first),
        "extractor_correct_by_first": len(right["first"]),
        "extractor_correct_by_second": len(right["second"]),
        "extractor_correct_by_either": len(right["first"] | right["second"]),
        "extractor_correct_where_alike": len(right["first"] & alike),
    }


def _pct(n: int, of: int) -> str:
    return f"{n} ({100 * n / of:.1f} %)" if of else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--set", choices=SETS, action="append", help="only this set")
    args = parser.parse_args(argv)
    results = {name: run(name) for name in (args.set or SETS)}
    if args.json:
        obj: dict[str, Any] = {"benchmark": "news_agreement", "sets": {}}
        for name, r in results.items():
            readers = r["readers"].to_dict()
            readers.pop("errors")
            obj["sets"][name] = {
                **{k: v for k, v in r.items() if k not in ("readers", "extractor")},
                "second_reading_against_first": readers,
            }
        json.dump(obj, sys.stdout, indent=2)
        print()
        return 0
    for name, r in results.items():
        n = r["reports"]
        print(table(f"{name} sample, second reading against the first", r["readers"], None))
        print(f"  reports the two readers read alike:          {_pct(r['readers_alike'], n)}")
        print(f"  extractor correct by the first reading:      "
              f"{_pct(r['extractor_correct_by_first'], n)}")
        print(f"  extractor correct by the second reading:     "
              f"{_pct(r['extractor_correct_by_second'], n)}")
        print(f"  extractor correct by either reading:         "
              f"{_pct(r['extractor_correct_by_either'], n)}")
        print(f"  extractor correct where the readers agree:   "
              f"{_pct(r['extractor_correct_where_alike'], r['readers_alike'])}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
