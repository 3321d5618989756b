"""How much slower `montecarlo` and `tournament` run a strategy without a compiled form.

The CLI says so on standard error for a strategy that has none (`cli.plugin_options.SLOWER`).
This script measures it as a user meets it: `burdenshare montecarlo sma-2019` and
`burdenshare tournament` as subprocesses, once with the built-in strategies (batch engine) and
once with the same classes registered under new names without a compiled form (a `--plugin`
file written here), with the same parameters: Monte Carlo runs, and tournament repetitions of
anchoring and ratification-aware in every seating. Rates exclude start-up: each command runs at
two sizes and the rate is the difference in runs over the difference in seconds.

Usage: python benchmarks/reference_slowdown.py [--runs 120] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).with_name("burdenshare")
PLUGIN = '''
from dataclasses import dataclass
from typing import ClassVar

from burdenshare.strategies.anchoring import Anchoring
from burdenshare.strategies.ratification_aware import RatificationAware
from burdenshare.strategies.registry import register


@register("plain-anchoring")
@dataclass(frozen=True)
class PlainAnchoring(Anchoring):
    """Anchoring without a compiled form (a subclass has none unless it declares one)."""

    name: ClassVar[str] = "plain-anchoring"


@register("plain-ratification-aware")
@dataclass(frozen=True)
class PlainRatificationAware(RatificationAware):
    """The ratification-aware wrapper without a compiled form."""

    name: ClassVar[str] = "plain-ratification-aware"
'''


def strategies(plain: bool) -> list[str]:
    """`--set` options giving both parties the classes without a compiled form (the scenario's
    own parameters stay)."""
    if not plain:
        return []
    return [
        arg
        for party in ("USA", "ROK")
        for arg in (
            "--set", f"parties.{party}.strategy.name=plain-ratification-aware",
            "--set", f"parties.{party}.strategy.params.inner=plain-anchoring",
        )
    ]  # fmt: skip


def timed(args: list[str]) -> float:
    """Wall seconds of one `burdenshare ARGS…` (it must succeed)."""
    start = time.perf_counter()
    done = subprocess.run([str(BIN), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"burdenshare {' '.join(args)} failed:\n{done.stderr}")
    return time.perf_counter() - start


def rate(make: callable, small: int, large: int) -> float:  # type: ignore[valid-type]
    """Runs per second between two sizes (start-up and compile-cache loading cancel out)."""
    seconds = timed(make(large)) - timed(make(small))
    if seconds <= 0:
        raise SystemExit(f"{large} runs took no longer than {small}: raise --runs")
    return (large - small) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=120, help="runs of the larger reference size")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plugin = Path(folder) / "plain.py"
        plugin.write_text(PLUGIN, encoding="utf-8")
        timed(["montecarlo", "sma-2019", "-n", "2", "--no-store"])  # compile once, untimed
        rows = []
        for plain in (False, True):
            extra = ["--plugin", str(plugin)] if plain else []
            scale = 1 if plain else 100

            def montecarlo(n: int, extra: list[str] = extra, plain: bool = plain) -> list[str]:
                return ["montecarlo", "sma-2019", "-n", str(n), "--no-store", "--seed", "1",
                        *extra, *strategies(plain)]  # fmt: skip

            def tournament(r: int, extra: list[str] = extra, plain: bool = plain) -> list[str]:
                names = ("plain-anchoring", "plain-ratification-aware") if plain else (
                    "anchoring", "ratification-aware")  # fmt: skip
                picks = [arg for name in names for arg in ("--strategy", name)]
                return ["tournament", "--scenario", "sma-2019", "-r", str(r), "--json",
                        *extra, *picks]  # fmt: skip

            mc = rate(montecarlo, args.runs * scale // 4, args.runs * scale)
            reps = max(args.runs // 20, 2) * (1 if plain else 10)
            tm = rate(tournament, reps // 2, reps)
            rows.append(
                {
                    "engine": "reference" if plain else "batch",
                    "montecarlo_runs_s": mc,
                    "tournament_repetitions_s": tm,
                }
            )
    batch, reference = rows
    doc = {
        "scenario": "sma-2019",
        "rows": rows,
        "montecarlo_slower": batch["montecarlo_runs_s"] / reference["montecarlo_runs_s"],
        "tournament_slower": batch["tournament_repetitions_s"]
        / reference["tournament_repetitions_s"],
    }
    if args.json:
        print(json.dumps(doc))
        return
    print(f"{'engine':10} {'montecarlo runs/s':>18} {'tournament repetitions/s':>25}")
    for row in rows:
        print(
            f"{row['engine']:10} {row['montecarlo_runs_s']:>18,.1f}"
            f" {row['tournament_repetitions_s']:>25,.2f}"
        )
    print(
        f"the reference engine is {doc['montecarlo_slower']:,.0f}× slower in montecarlo and "
        f"{doc['tournament_slower']:,.0f}× in tournament (sma-2019)"
    )


if __name__ == "__main__":
    main()
