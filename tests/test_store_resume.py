"""The DuckDB store: a killed experiment keeps its committed chunks and resumes to exactly N."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import duckdb
from clitools import BIN, REPO, run_cli


def _rows(store: Path, ident: str) -> list[int]:
    for _ in range(50):
        try:
            with duckdb.connect(str(store), read_only=True) as con:
                return [r[0] for r in con.execute(
                    "SELECT run FROM runs WHERE experiment_id = ? ORDER BY run", [ident]
                ).fetchall()]
        except duckdb.IOException:  # the writer holds the lock
            time.sleep(0.1)
    raise AssertionError("store stayed locked")


def test_kill_then_resume_gives_exactly_n_runs(tmp_path: Path) -> None:
    store = tmp_path / "results.duckdb"
    wal = tmp_path / "results.duckdb.wal"
    n = 12_000
    proc = subprocess.Popen(
        [str(BIN), "montecarlo", "sma-2019", "-n", str(n), "--seed", "5", "--chunk", "40",
         "--store", str(store), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        stdin=subprocess.DEVNULL,
    )
    ident = None
    deadline = time.time() + 60
    assert proc.stderr is not None
    while ident is None and time.time() < deadline:
        line = proc.stderr.readline()
        if line.startswith("experiment "):
            ident = line.split()[1]
    assert ident is not None
    # kill as soon as a chunk has been committed (the write-ahead log grows), long before
    # the 300th chunk is
    # (the first growth may be the experiment's own row, written after its line is printed, so
    # wait for a second one: a committed chunk)
    size = wal.stat().st_size if wal.exists() else 0
    growths = 0
    while time.time() < deadline and growths < 2:
        now = wal.stat().st_size if wal.exists() else 0
        growths, size = (growths + 1, now) if now > size else (growths, size)
        time.sleep(0.01)
    assert proc.poll() is None, "the experiment finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    killed = _rows(store, ident)
    assert 0 < len(killed) < n, "kill landed before the first chunk or after the last"
    assert len(killed) % 40 == 0 or killed[-1] == n - 1  # whole chunks only

    listed = json.loads(run_cli("results", "list", "--store", str(store), "--json").stdout)
    entry = next(e for e in listed["experiments"] if e["id"] == ident)
    assert entry["runs_planned"] == n and entry["runs_done"] == len(killed)

    bad = run_cli("montecarlo", "sma-2019", "--set", "parties.ROK.reservation_value=0.5",
                  "--resume", ident, "--store", str(store))
    assert bad.returncode == 2 and "differs from the scenario stored" in bad.stderr

    done = run_cli("montecarlo", "sma-2019", "--resume", ident, "--store", str(store), "--json")
    assert done.returncode == 0, done.stderr
    resumed = json.loads(done.stdout)
    assert resumed["runs"] == n and resumed["experiment_id"] == ident
    assert _rows(store, ident) == list(range(n))

    fresh = run_cli("montecarlo", "sma-2019", "-n", str(n), "--seed", "5", "--no-store", "--json")
    expected = json.loads(fresh.stdout)
    for key in ("experiment_id", "provenance", "seconds", "executor"):
        expected.pop(key), resumed.pop(key)
    assert resumed == expected

    out = tmp_path / "runs.parquet"
    exported = run_cli("results", "export", ident, str(out), "--store", str(store))
    assert exported.returncode == 0, exported.stderr
    with duckdb.connect() as con:
        runs = [r[0] for r in con.execute(f"SELECT run FROM '{out}' ORDER BY run").fetchall()]
    assert runs == list(range(n))


def test_results_show_and_unknown_id(tmp_path: Path) -> None:
    store = tmp_path / "r.duckdb"
    done = run_cli("montecarlo", "sma-2019", "-n", "6", "--store", str(store), "--json")
    ident = json.loads(done.stdout)["experiment_id"]
    shown = run_cli("results", "show", ident, "--store", str(store), "--json")
    assert json.loads(shown.stdout)["runs"] == 6
    missing = run_cli("results", "show", "nope", "--store", str(store))
    assert missing.returncode == 2 and "no experiment 'nope'" in missing.stderr
    bad = run_cli("results", "export", ident, str(tmp_path / "x.csv"), "--store", str(store))
    assert bad.returncode == 2 and ".parquet" in bad.stderr
    assert not (tmp_path / "x.csv").exists()
