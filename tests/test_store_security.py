"""A results store is data, not code (issue 18): crafted stores are refused in one line, with
no file read, no file written and no extension fetched; faults lose nothing; resources are
bounded before anything is started. Every case runs in-process (one subprocess: worker death)."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import numpy as np
import pytest
import typer
from builders import store_chunk
from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_experiments
from burdenshare.cli._common import json_text
from burdenshare.errors import InputError
from burdenshare.execution.executors import Executor
from burdenshare.execution.store import FORMAT, FORMAT_TABLE, LEGACY_SCHEMA, SCHEMA, Store
from burdenshare.scenario.load import builtin_text

SECRET = "s3cr3t-that-no-output-may-show"
GOOD_ID = "0123456789ab"


def _store(
    path: Path,
    *extra: str,
    ident: str = GOOD_ID,
    schema: str = SCHEMA + FORMAT_TABLE,
    fmt: int = FORMAT,
) -> None:
    """A store written by hand: `schema`, one experiment `ident`, then `extra` statements."""
    with duckdb.connect(str(path)) as con:
        con.execute(schema)
        if "burdenshare_store" in schema:
            con.execute("INSERT INTO burdenshare_store VALUES (?, 'crafted')", [fmt])
        con.execute(
            "INSERT INTO experiments VALUES (?, 'montecarlo', 'sma-2019', '', '', '{}', 0, 4, "
            "TIMESTAMP '2026-01-01')",
            [ident],
        )
        for statement in extra:
            con.execute(statement)


def _view(path: Path) -> None:
    secret = path.parent / "secret.txt"
    secret.write_text(SECRET)
    _store(
        path,
        "DROP TABLE experiments",
        "CREATE VIEW experiments AS SELECT content AS id, "
        f"content AS kind FROM read_text('{secret}')",
    )


def _default_reads_a_setting(path: Path) -> None:
    crafted = SCHEMA.replace(
        "kind VARCHAR NOT NULL", "kind VARCHAR DEFAULT (current_setting('temp_directory')) NOT NULL"
    )
    _store(path, schema=crafted + FORMAT_TABLE)


def _quote_in_id(path: Path) -> None:
    target = path.parent / "pwned.pth"
    _store(path, ident=f"x' ORDER BY run) TO '{target}' (FORMAT CSV) --")


def _half(path: Path) -> None:
    _store(path, "CHECKPOINT")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _view_in_the_log(path: Path) -> None:
    """A view only in the write-ahead log: a writable open would replay it into the file."""
    _store(path)
    with duckdb.connect(str(path)) as con:
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
        con.execute("SET checkpoint_threshold = '1GB'")
        con.execute("CREATE VIEW notes AS SELECT 1")
    assert Path(f"{path}.wal").exists()


CORPUS: dict[str, Callable[[Path], None]] = {
    "view over read_text": _view,
    "macro shadowing a function": lambda p: _store(p, "CREATE MACRO least(a, b) AS a"),
    "table macro": lambda p: _store(
        p, "CREATE MACRO runs_of(x) AS TABLE SELECT * FROM read_csv('/etc/passwd')"),
    "sequence": lambda p: _store(p, "CREATE SEQUENCE s"),
    "view in the write-ahead log": _view_in_the_log,
    "extra table": lambda p: _store(p, "CREATE TABLE notes (t VARCHAR)"),
    "extra index": lambda p: _store(p, "CREATE INDEX k ON runs (seed)"),
    "column default reading a setting": _default_reads_a_setting,
    "quote in experiment id": _quote_in_id,
    "control characters in scenario": lambda p: _store(
        p, "UPDATE experiments SET scenario = 'x' || chr(27) || '[2J'"),
    "parameters not JSON": lambda p: _store(p, "UPDATE experiments SET parameters = '[[['"),
    "runs planned beyond the limit": lambda p: _store(
        p, "UPDATE experiments SET runs_planned = 9223372036854775807"),
    "newer format": lambda p: _store(p, fmt=99),
    "no format row": lambda p: _store(p, "DELETE FROM burdenshare_store"),
    "sqlite header (asks for an extension)": lambda p: p.write_bytes(
        b"SQLite format 3\x00" + bytes(4080)),
    "parquet file": lambda p: p.write_bytes(b"PAR1" + bytes(200) + b"PAR1"),
    "empty file": lambda p: p.write_bytes(b""),
    "text file": lambda p: p.write_text("id,kind\n1,montecarlo\n" * 50),
    "truncated store": _half,
    "a folder": lambda p: p.mkdir(),
    "a FIFO": lambda p: os.mkfifo(p),
}  # fmt: skip


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    return command_app(commands_experiments)  # type: ignore[return-value]


@contextlib.contextmanager
def _no_network() -> Iterator[list[object]]:
    """Record (and refuse) every socket connection attempted from Python."""
    attempts: list[object] = []
    real = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network refused by the test")

    socket.socket.connect = connect  # type: ignore[method-assign]
    try:
        yield attempts
    finally:
        socket.socket.connect = real  # type: ignore[method-assign]


def _extension_files() -> set[Path]:
    home = Path.home() / ".duckdb"
    return set(home.rglob("*")) if home.is_dir() else set()


def _snapshot(folder: Path) -> dict[str, bytes | None]:
    return {p.name: (p.read_bytes() if p.is_file() else None) for p in folder.iterdir()}


def _refused_touching_nothing(app: typer.Typer, store: Path, commands: list[list[str]]) -> None:
    """Each command on `store`: exit 2, one line naming the store, no traceback, no output, no
    secret shown, no socket opened, no extension fetched, nothing in its folder changed."""
    folder = store.parent
    before, extensions = _snapshot(folder), _extension_files()
    with _no_network() as attempts:
        for args in commands:
            result = CliRunner().invoke(app, [*args, "--store", str(store)])
            lines = result.stderr.strip().splitlines()
            assert result.exit_code == 2, (args, result.stderr, result.exception)
            assert len(lines) == 1 and store.name in lines[0], (args, result.stderr)
            assert "Traceback" not in result.stderr and result.stdout == ""
            assert SECRET not in result.stdout + result.stderr
    assert attempts == [] and _extension_files() == extensions
    assert _snapshot(folder) == before  # nothing written, nothing changed, nothing left


@pytest.mark.parametrize("case", list(CORPUS))
def test_a_crafted_store_is_refused_in_one_line_touching_nothing(
    case: str, app: typer.Typer, tmp_path: Path
) -> None:
    store = tmp_path / "crafted.duckdb"
    CORPUS[case](store)
    out = str(tmp_path / "out.parquet")  # export: the command that reads and writes
    _refused_touching_nothing(app, store, [["results", "export", GOOD_ID, out]])


@pytest.mark.parametrize(
    "case",
    ["view over read_text", "view in the write-ahead log", "sqlite header (asks for an extension)"],
)
def test_every_store_command_refuses_a_crafted_store(
    case: str, app: typer.Typer, tmp_path: Path
) -> None:
    store = tmp_path / "crafted.duckdb"
    CORPUS[case](store)
    commands = [["results", "list"], ["results", "show", GOOD_ID]]
    _refused_touching_nothing(app, store, [*commands, ["montecarlo", "--resume", GOOD_ID]])


def test_runs_out_of_range_for_their_scenario_are_refused_before_any_work(
    app: typer.Typer, tmp_path: Path
) -> None:
    store = tmp_path / "odd.duckdb"
    text = builtin_text("sma-2019")
    with Store(store) as db:
        ident = db.create("montecarlo", "sma-2019", "", text, {}, 0, 6)
        rows = store_chunk(range(6), inputs=1)
        rows["outcome"] = np.full(6, 10**12, dtype=np.int64)
        db.write(ident, rows)
    for args in (["results", "show", ident], ["montecarlo", "--resume", ident]):
        result = CliRunner().invoke(app, [*args, "--store", str(store)])
        assert result.exit_code == 2, result.stderr
        assert result.stderr.strip().splitlines() == [
            f"error: {store}: --store: not a burdenshare results store: experiment {ident}, "
            "run 0: values out of range for its scenario"
        ]


def test_results_list_shows_the_latest_experiments(app: typer.Typer, tmp_path: Path) -> None:
    store = tmp_path / "many.duckdb"
    with Store(store) as db:
        db.con.execute(
            "INSERT INTO experiments SELECT printf('%012x', range), 'montecarlo', 's', '', '', "
            "'{}', 0, 1, TIMESTAMP '2026-01-01' + to_seconds(range) FROM range(1005)"
        )
    listed = CliRunner().invoke(app, ["results", "list", "--store", str(store), "--json"])
    shown = json.loads(listed.stdout)["experiments"]
    assert len(shown) == 1000 and shown[-1]["id"] == f"{1004:012x}"
    assert "the latest 1,000 of 1,005 experiments" in listed.stderr


def test_a_good_store_is_read_read_only_and_exported_with_any_name(
    app: typer.Typer, tmp_path: Path
) -> None:
    store = tmp_path / "good.duckdb"
    with Store(store) as db:
        ident = db.create("montecarlo", "sma-2019", "", "", {}, 0, 6)
        db.write(ident, store_chunk(range(6), inputs=1))
    store.chmod(0o444)
    data = store.read_bytes()
    listed = CliRunner().invoke(app, ["results", "list", "--store", str(store), "--json"])
    assert listed.exit_code == 0, listed.stderr
    assert json.loads(listed.stdout)["experiments"][0]["runs_done"] == 6
    out = tmp_path / 'it\'s; a "name".parquet'
    exported = CliRunner().invoke(
        app, ["results", "export", ident, str(out), "--store", str(store)]
    )
    assert exported.exit_code == 0, exported.stderr
    with duckdb.connect() as con:
        rows = con.execute("SELECT run FROM read_parquet(?) ORDER BY run", [str(out)]).fetchall()
    assert [r[0] for r in rows] == list(range(6))
    assert store.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([store.name, out.name])


def test_reading_never_creates_a_store_and_a_failed_run_leaves_none(
    app: typer.Typer, tmp_path: Path
) -> None:
    typo = tmp_path / "typo.duckdb"
    for args in (["results", "show", "abc"], ["results", "list"],
                 ["results", "export", "abc", str(tmp_path / "o.parquet")],
                 ["montecarlo", "no-such-scenario"], ["montecarlo", "sma-2019", "-n", str(2**63)],
                 ["montecarlo", "--resume", "abc"]):  # fmt: skip
        result = CliRunner().invoke(app, [*args, "--store", str(typo)])
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1, args
        assert list(tmp_path.iterdir()) == [], (args, list(tmp_path.iterdir()))


def test_an_older_layout_is_read_after_an_upgrade(app: typer.Typer, tmp_path: Path) -> None:
    store = tmp_path / "old.duckdb"
    _store(store, schema=LEGACY_SCHEMA)
    shown = CliRunner().invoke(app, ["results", "show", GOOD_ID, "--store", str(store)])
    assert shown.exit_code == 2 and "older layout" in shown.stderr
    assert (
        f"upgrade it once with burdenshare montecarlo --resume ID --store {store}" in shown.stderr
    )
    with Store(store):  # opened for writing: upgraded in place
        pass
    listed = CliRunner().invoke(app, ["results", "list", "--store", str(store), "--json"])
    assert listed.exit_code == 0 and json.loads(listed.stdout)["experiments"][0]["id"] == GOOD_ID


def test_a_store_in_use_by_another_process_is_one_line(app: typer.Typer, tmp_path: Path) -> None:
    store = tmp_path / "busy.duckdb"
    with Store(store):
        pass
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
         "print('ready', flush=True); sys.stdin.read()", str(store)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        result = CliRunner().invoke(
            app, ["montecarlo", "sma-2019", "-n", "4", "--store", str(store)]
        )
        assert result.exit_code == 2 and "in use by another" in result.stderr, result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_a_full_disk_keeps_every_committed_chunk(tmp_path: Path) -> None:
    store = tmp_path / "full.duckdb"
    with Store(store) as db:
        ident = db.create("montecarlo", "sma-2019", "", "", {}, 0, 200_000)
        db.write(ident, store_chunk(range(100), inputs=1))
        limit = resource.getrlimit(resource.RLIMIT_FSIZE)
        handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        wal = Path(f"{store}.wal")
        resource.setrlimit(resource.RLIMIT_FSIZE, (wal.stat().st_size + 4096, limit[1]))
        try:
            with pytest.raises(InputError) as info:
                db.write(ident, store_chunk(range(100, 200_000), inputs=1))
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, limit)
            signal.signal(signal.SIGXFSZ, handler)
        text = info.value.render()
        assert "full.duckdb" in text and f"--resume {ident}" in text and "kept" in text
    with Store(store, read_only=True) as db:
        assert db.experiment(ident).runs_done == 100
        assert db.missing(ident, 200_000) == [(100, 200_000)]


def test_json_out_is_valid_json_with_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    text = json_text({"a": [1.5, float("nan")], "b": {"c": np.float64("-inf")}, "d": 2})
    assert json.loads(text) == {"a": [1.5, None], "b": {"c": None}, "d": 2}
    err = capsys.readouterr().err
    assert "$.a[1] is nan" in err and "$.b.c is -inf" in err


def test_resources_are_bounded_before_anything_starts(app: typer.Typer) -> None:
    with pytest.raises(InputError, match="--dask"):
        Executor(1, "not a url")
    for args, field in ((["-n", "4", "--workers", "100000"], "--workers"),
                        (["-n", str(10**15), "--chunk", "1"], "-n"),
                        (["-n", "100", "--chunk", str(10**9)], "--chunk"),
                        (["--dask", "not a url"], "--dask")):  # fmt: skip
        started = time.process_time()  # CPU time: other processes do not count
        result = CliRunner().invoke(app, ["montecarlo", "sma-2019", "--no-store", *args])
        assert result.exit_code == 2 and field in result.stderr, result.stderr
        assert time.process_time() - started < 2
    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.scenario.load import load

    plan = MonteCarloPlan(load("sma-2019"), (), 10_000_000, 0)
    chunks = plan.chunks(1)
    assert next(chunks) == (0, 1) and not isinstance(chunks, list)  # planned lazily


WORKER = """
import os, sys, time
from burdenshare.execution.executors import Executor

def slow(plan, a, b):
    os.write(1, f"{os.getpid()}\\n".encode())  # one write: the two workers do not interleave
    time.sleep(120)
    return a

for _ in Executor(workers=2).map(slow, None, [(0, 1), (1, 2)]):
    pass
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in "ZX"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    parent = subprocess.Popen([sys.executable, "-c", WORKER], stdout=subprocess.PIPE, text=True,
                              stdin=subprocess.DEVNULL, cwd=tmp_path)  # fmt: skip
    assert parent.stdout is not None
    workers = [int(parent.stdout.readline()) for _ in range(2)]
    assert all(_alive(w) for w in workers)
    parent.kill()
    parent.wait()
    deadline = time.time() + 5
    while any(_alive(w) for w in workers) and time.time() < deadline:
        time.sleep(0.05)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert left == []


def test_ctrl_c_says_what_is_kept_and_how_to_resume(capsys: pytest.CaptureFixture[str]) -> None:
    from burdenshare.cli.commands_experiments import _stops_cleanly

    with pytest.raises(typer.Exit) as info, _stops_cleanly((GOOD_ID, Path("r.duckdb"))):
        raise KeyboardInterrupt
    assert info.value.exit_code == 130
    assert capsys.readouterr().err.strip() == (
        "interrupted: the runs committed so far are kept in r.duckdb; complete them with: "
        f"burdenshare montecarlo --resume {GOOD_ID} --store r.duckdb"
    )


def test_exporting_onto_the_store_itself_is_refused(app: typer.Typer, tmp_path: Path) -> None:
    store = tmp_path / "runs.parquet"  # a store with a misleading name
    with Store(store) as db:
        ident = db.create("montecarlo", "sma-2019", "", "", {}, 0, 6)
    data = store.read_bytes()
    result = CliRunner().invoke(
        app, ["results", "export", ident, str(store), "--store", str(store)]
    )
    assert result.exit_code == 2 and "is the store itself" in result.stderr
    assert store.read_bytes() == data and list(tmp_path.iterdir()) == [store]


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_json_inputs_refuse_numbers_json_does_not_have(number: str, tmp_path: Path) -> None:
    from burdenshare.calibration.observed_text import parse_observed
    from burdenshare.scenario.timeline_file import read_timeline

    text = '{"format": "burdenshare-timeline", "documents": [], "events": [], "x": ' + number + "}"
    path = tmp_path / "t.json"
    path.write_text(text)
    with pytest.raises(InputError, match="number"):
        read_timeline(path)
    with pytest.raises(InputError, match="number"):
        parse_observed(text, "t.json", lambda p: p)


def test_a_scenario_is_bounded_in_size_and_its_problems_in_lines(tmp_path: Path) -> None:
    from burdenshare.errors import Problem
    from burdenshare.scenario.load import load_source

    big = tmp_path / "big.toml"
    big.write_text("# padding\n" * 500_000)  # 5 MB: TOML reads about 1 MB a second
    started = time.process_time()  # CPU time: other processes do not count
    with pytest.raises(InputError, match="larger than the 4 MiB"):
        load_source(str(big))
    assert time.process_time() - started < 1
    lines = InputError([Problem(f"f{i}", "bad") for i in range(2000)], "x.toml").render()
    assert len(lines.splitlines()) == 52 and lines.endswith("… and 1,950 more")


def test_an_empty_duckdb_file_is_made_a_store_only_when_writing(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"  # e.g. a first run killed before its schema was written
    duckdb.connect(str(path)).close()
    with pytest.raises(InputError, match="an empty DuckDB file"):
        Store(path, read_only=True)
    with Store(path) as db:
        assert db.experiments() == []
