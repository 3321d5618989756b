"""Benchmark: `burdenshare montecarlo sma-2019 -n N`, run as a user runs it, for several N.

For each N: the wall time of the whole command (start-up, runs, store, summary), the runs phase
alone (the `seconds` it reports), the rate, and the peak resident memory sampled every 50 ms
from /proc, of the main process and of the whole process tree (main + worker processes). The
goals (issue 4): one million runs in under a minute; memory flat in N, the runs streamed to the
store and the summary counted there. `--json` prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

CLI = str(Path(sys.executable).with_name("burdenshare"))


def _rss_mb(pid: int) -> float:
    """VmRSS of one process in MB (0 once it has gone)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def measure(runs: int, workers: int, folder: Path) -> dict[str, float]:
    """Run the command once; its timings and sampled memory peaks."""
    store = folder / f"runs-{runs}.duckdb"
    cmd = [
        CLI,
        "montecarlo",
        "sma-2019",
        "-n",
        str(runs),
        "--seed",
        "0",
        "--json",
        "--workers",
        str(workers),
        "--store",
        str(store),
    ]
    peaks = {"main": 0.0, "tree": 0.0}
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

    def sample() -> None:
        while proc.poll() is None:
            peaks["main"] = max(peaks["main"], _rss_mb(proc.pid))
            peaks["tree"] = max(peaks["tree"], sum(_rss_mb(p) for p in _tree(proc.pid)))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - began
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}")
    summary = json.loads(out)
    return {
        "runs": runs,
        "workers": workers,
        "wall_s": round(wall, 2),
        "runs_phase_s": summary["seconds"],
        "runs_per_s": round(runs / summary["seconds"]),
        "peak_rss_main_mb": round(peaks["main"]),
        "peak_rss_tree_mb": round(peaks["tree"]),
        "store_mb": round(store.stat().st_size / 2**20, 1),
        "p_agreement": summary["p_agreement"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", default="10000,100000,1000000", help="values of N, comma-separated"
    )
    parser.add_argument("--workers", type=int, default=2, help="--workers of the command")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="burdenshare-bench-") as folder:
        for n in (int(v) for v in args.runs.split(",")):
            rows.append(measure(n, args.workers, Path(folder)))
            if not args.json:
                print(f"  measured N={n:,}", file=sys.stderr)
    first, last = rows[0], rows[-1]
    result = {
        "benchmark": "montecarlo sma-2019",
        "rows": rows,
        "main_rss_bytes_per_extra_run": round(
            (last["peak_rss_main_mb"] - first["peak_rss_main_mb"])
            * 2**20
            / max(last["runs"] - first["runs"], 1),
            1,
        ),
        "goals": {"one_million_under_60_s": None, "memory_flat_in_n": None},
    }
    million = [r for r in rows if r["runs"] == 1_000_000]
    if million:
        result["goals"]["one_million_under_60_s"] = million[0]["wall_s"] < 60
    if len(rows) > 1:
        result["goals"]["memory_flat_in_n"] = (
            last["peak_rss_main_mb"] <= 1.25 * first["peak_rss_main_mb"]
        )
    if args.json:
        print(json.dumps(result, indent=2))
        return
    head = (
        f"{'runs':>10} {'wall s':>8} {'runs s':>8} {'runs/s':>9} {'main MB':>8} {'tree MB':>8}"
        f" {'store MB':>9}"
    )
    print(
        f"burdenshare montecarlo sma-2019 --workers {args.workers} (peak RSS sampled every 50 ms)"
    )
    print(head)
    for r in rows:
        print(
            f"{r['runs']:>10,} {r['wall_s']:>8.1f} {r['runs_phase_s']:>8.1f} {r['runs_per_s']:>9,}"
            f" {r['peak_rss_main_mb']:>8} {r['peak_rss_tree_mb']:>8} {r['store_mb']:>9}"
        )
    if len(rows) > 1:
        print(
            f"main process: {result['main_rss_bytes_per_extra_run']} bytes of peak RSS"
            " per extra run"
        )
    print(f"goals: {result['goals']}")


if __name__ == "__main__":
    main()
