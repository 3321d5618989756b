"""Benchmark: `burdenshare analyze` of four allies splitting a bill at 1 % steps (176,851 splits,
every one of them on the Pareto frontier), as a fresh CLI process, wall time.

Goal (issue 13): under 5 s on a 2-core machine, JIT compile included. Each run is a new process
(the `burdenshare` console script beside this Python, `analyze FILE`, table output to
/dev/null); `cold` runs give numba
a fresh, empty cache folder (NUMBA_CACHE_DIR), so the frontier's kernels are compiled in the
run; `warm` runs share one folder filled by an untimed run first. Also `--json` runs (the JSON
document lists all 176,851 frontier points). Median and minimum of --repeats runs each; `--json`
prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_SECONDS = 5.0

SCENARIO = (
    """
name = "four-allies-1pct"
title = "Four allies split a USD 10 bn bill at 1 % steps"

[[issues]]
name = "split"
kind = "share"
step = 1.0
bill = 10.0
currency = "USD"
unit = "bn"
payers = [{ name = "USA" }, { name = "DEU" }, { name = "FRA" }, { name = "GBR" }]

[status_quo]
terms = { split = { USA = 40.0, DEU = 20.0, FRA = 20.0, GBR = 20.0 } }
expiry = 2020-12-31
"""
    + "".join(
        f"""
[[parties]]
name = "{name}"
reservation_value = 0.3
strategy = {{ name = "conceder" }}
[parties.valuation]
split = {{ weight = 1.0, payer = "{name}", shape = "linear" }}
"""
        for name in ("USA", "DEU", "FRA", "GBR")
    )
    + """
[calendar]
deadline = 2020-12-31
end = 2021-06-30
meetings = [{ date = 2020-12-01, place = "Brussels", offers = 40 }]
"""
)


def _run(path: Path, cache: str, as_json: bool) -> float:
    env = {**os.environ, "NUMBA_CACHE_DIR": cache}
    command = [str(Path(sys.executable).parent / "burdenshare"), "analyze", str(path)]
    if as_json:
        command.append("--json")
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def measure(repeats: int) -> dict[str, object]:
    """Cold-cache, warm-cache and --json wall times of the analyze process."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "four-allies.toml"
        path.write_text(SCENARIO, encoding="utf-8")
        cold = []
        for k in range(repeats):
            cold.append(_run(path, str(Path(folder) / f"cold-{k}"), False))
        warm_cache = str(Path(folder) / "warm")
        _run(path, warm_cache, False)  # fills the cache, untimed
        warm = [_run(path, warm_cache, False) for _ in range(repeats)]
        as_json = [_run(path, warm_cache, True) for _ in range(repeats)]
    rows = {}
    for name, times in (("cold", cold), ("warm", warm), ("warm --json", as_json)):
        rows[name] = {
            "median_s": round(statistics.median(times), 3),
            "min_s": round(min(times), 3),
            "runs": [round(t, 3) for t in times],
        }
    return {
        "benchmark": "share_analysis",
        "splits": 176_851,
        "parties": 4,
        "cpus": os.cpu_count(),
        "goal_s": GOAL_SECONDS,
        "results": rows,
        "meets_goal": all(
            r["median_s"] < GOAL_SECONDS for k, r in rows.items() if k != "warm --json"
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")
    args = parser.parse_args()
    result = measure(args.repeats)
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"burdenshare analyze, 4 allies at 1 % steps ({result['splits']:,} splits), fresh process"
    )
    print(f"{'numba cache':<14}{'median s':>10}{'min s':>10}  runs")
    for name, row in result["results"].items():  # type: ignore[attr-defined]
        runs = ", ".join(f"{t:.2f}" for t in row["runs"])
        print(f"{name:<14}{row['median_s']:>10.2f}{row['min_s']:>10.2f}  {runs}")
    print(
        f"goal: < {GOAL_SECONDS:g} s (table output, cache cold and warm): "
        f"{'met' if result['meets_goal'] else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
