"""Where the time of `burdenshare backtest` goes: the whole command as a user runs it (a
subprocess, every case, the default runs), and in process the parts: loading every case
(scenarios, uncertain inputs, stakeholder forecasts), the first engine call (numba's cache load
or compile), and each case alone: its forecast and those of its pool's cases made without it
(`experiments.backtest.plan`), on the compiled engine.

Usage: python benchmarks/backtest.py [--runs 1000] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).with_name("burdenshare")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    start = time.perf_counter()
    done = subprocess.run(
        [str(BIN), "backtest", "-n", str(args.runs), "--json"],
        capture_output=True,
        check=True,
        stdin=subprocess.DEVNULL,
    )
    command = time.perf_counter() - start
    cases_count = len(json.loads(done.stdout)["cases"])

    from burdenshare.cli.commands_backtest import backtest_inputs
    from burdenshare.experiments.backtest import backtest_cases, plan
    from burdenshare.history.outcomes import actual_outcomes
    from burdenshare.history.record import load_record

    start = time.perf_counter()
    record = load_record()
    cases = backtest_inputs(record, actual_outcomes(record))
    loading = time.perf_counter() - start
    names = list(cases)
    start = time.perf_counter()
    backtest_cases(cases, names[:1], 1, 0)
    first = time.perf_counter() - start
    forecasts = len(plan(cases, names)[0])
    per_case = {}
    for name in names:
        start = time.perf_counter()
        backtest_cases(cases, [name], args.runs, 0)
        per_case[name] = time.perf_counter() - start
    result = {
        "runs_per_case": args.runs,
        "cases": cases_count,
        "command_seconds": round(command, 3),
        "loading_seconds": round(loading, 3),
        "first_call_seconds": round(first, 3),
        "case_seconds": {k: round(v, 3) for k, v in per_case.items()},
        "forecasts_in_the_command": forecasts,
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"burdenshare backtest -n {args.runs} (all {cases_count} cases): {command:.2f} s")
    print(f"loading every case: {loading:.2f} s; first engine call: {first:.2f} s")
    print(f"forecasts the command makes: {forecasts} (each case, and its pool's without it)")
    print(f"{'case alone':<18} {'seconds':>8}")
    for name, seconds in per_case.items():
        print(f"{name:<18} {seconds:>8.3f}")


if __name__ == "__main__":
    main()
