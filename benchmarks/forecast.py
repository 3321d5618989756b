"""Time the stakeholder forecasts on KTAB's example inputs (goal: SOE-Policy, 26 actors, 1
dimension, SMP in under a second on this machine).

    python benchmarks/forecast.py [--repeat N] [--json]

KTAB itself is not built here (its C++ source, SQLite, TinyXML2 and Qt dependencies are not
fetched by this project), so KTAB's own times are the elapsed times printed at the end of its
published reference logs (2017, on KAPSARC's machine, with SQLite logging on): they are quoted,
not measured, and are not a like-for-like comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "ktab-examples"
CASES = ("SOE-Policy.csv", "SOE-Pol-Comp.csv", "dummyData_3Dim.csv")
MODELS = ("smp", "bdm", "mean", "median")
GOAL_SECONDS = {("SOE-Policy.csv", "smp"): 1.0}

# "Elapsed time" lines at the end of lsyaseen/KTAB examples/smp/doc/20170530_ref-*.txt
KTAB_LOGGED_SECONDS = {
    "SOE-Pol-Comp.csv": (1.2092, "examples/smp/doc/20170530_ref-SOE-Pol-Comp.txt"),
    "dummyData_3Dim.csv": (0.1609, "examples/smp/doc/20170530_ref-dummyData_3Dim.txt"),
}


def measure(repeat: int) -> list[dict[str, object]]:
    """Best and median wall time of `repeat` runs (after one warm-up) per case and model."""
    from burdenshare.scenario.ktab_csv import read_ktab_csv
    from burdenshare.stakeholders.forecast import forecast_stakeholders

    rows: list[dict[str, object]] = []
    for case in CASES:
        stakeholders = read_ktab_csv(EXAMPLES / case)
        for model in MODELS:
            result = forecast_stakeholders(stakeholders, model)  # warm-up
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                forecast_stakeholders(stakeholders, model)
                times.append(time.perf_counter() - start)
            goal = GOAL_SECONDS.get((case, model))
            rows.append(
                {
                    "case": case,
                    "actors": len(stakeholders.actors),
                    "dimensions": len(stakeholders.dimensions),
                    "model": model,
                    "turns": result.turns,
                    "best_s": min(times),
                    "median_s": statistics.median(times),
                    "goal_s": goal,
                    "meets_goal": None if goal is None else min(times) < goal,
                }
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case (default 5)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not EXAMPLES.is_dir():
        print(f"error: KTAB examples not found at {EXAMPLES}", file=sys.stderr)
        return 2
    rows = measure(max(1, args.repeat))
    machine = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }
    ktab = [
        {"case": case, "elapsed_s": secs, "source": f"lsyaseen/KTAB {src}", "measured_here": False}
        for case, (secs, src) in KTAB_LOGGED_SECONDS.items()
    ]
    if args.json:
        print(
            json.dumps(
                {
                    "benchmark": "forecast",
                    "machine": machine,
                    "repeat": args.repeat,
                    "results": rows,
                    "ktab_built_here": False,
                    "ktab_logged": ktab,
                },
                indent=2,
            )
        )
        return 0
    print(f"stakeholder forecasts, best/median of {args.repeat} runs ({machine['platform']})")
    header = f"{'case':<20} {'actors':>6} {'dims':>4} {'model':<7} {'turns':>5} "
    header += f"{'best s':>8} {'median s':>9}  goal"
    print(header)
    print("-" * len(header))
    for r in rows:
        goal = ""
        if r["goal_s"] is not None:
            goal = f"< {r['goal_s']} s: {'ok' if r['meets_goal'] else 'MISSED'}"
        print(
            f"{r['case']:<20} {r['actors']:>6} {r['dimensions']:>4} {r['model']:<7} "
            f"{r['turns']:>5} {r['best_s']:>8.4f} {r['median_s']:>9.4f}  {goal}"
        )
    print()
    print("KTAB (not built here; elapsed times quoted from its 2017 reference logs):")
    for k in ktab:
        print(f"  {k['case']:<20} smpc {k['elapsed_s']:.4f} s  ({k['source']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
