"""The results store: an embedded DuckDB file with experiments and one row per run.

Runs are written chunk by chunk, each chunk in its own transaction, so an interrupted
experiment keeps every finished chunk; `(experiment_id, run)` is the primary key, so a resumed
experiment cannot hold a run twice. Default file: `$XDG_DATA_HOME/burdenshare/results.duckdb`
(`~/.local/share/burdenshare/results.duckdb` when XDG_DATA_HOME is unset).

A store is data from anywhere (shared, downloaded), never trusted as code: every connection has
DuckDB's external access (files, network), extension install and autoload off and its
configuration locked before the first query; the file's schema must be exactly the one written
here (tables, columns, types, constraints; no view, macro, sequence, type or index) with this
format version, and every value read back is checked before use. Reading commands open the file
read-only and never create it. See docs/explanation/security.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
import stat
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import numpy as np

from burdenshare.errors import InputError, Problem
from burdenshare.files import MAX_SCENARIO_BYTES
from burdenshare.limits import MAX_RUNS, MAX_SEED

if TYPE_CHECKING:
    import duckdb

SCHEMA = """
CREATE TABLE IF NOT EXISTS experiments (
    id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    scenario VARCHAR NOT NULL,
    scenario_sha256 VARCHAR NOT NULL,
    scenario_text VARCHAR NOT NULL,
    parameters VARCHAR NOT NULL,
    seed UBIGINT NOT NULL,
    runs_planned BIGINT NOT NULL,
    created TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    experiment_id VARCHAR NOT NULL,
    run BIGINT NOT NULL,
    seed UBIGINT NOT NULL,
    inputs DOUBLE[] NOT NULL,
    status VARCHAR NOT NULL,
    status_code TINYINT NOT NULL,
    during_lapse BOOLEAN NOT NULL,
    date DATE NOT NULL,
    days INTEGER NOT NULL,
    meeting INTEGER,
    vetoes INTEGER NOT NULL,
    vetoed_by VARCHAR NOT NULL,
    outcome BIGINT,
    terms VARCHAR,
    utilities DOUBLE[],
    engine VARCHAR NOT NULL,
    stopgap_outcome BIGINT,
    stopgap_date DATE,
    PRIMARY KEY (experiment_id, run)
);
"""
STOPGAP_COLUMNS = """
    stopgap_outcome BIGINT,
    stopgap_date DATE,"""
"""Deals in stages: the first stop-gap's outcome (−1: none; NULL: a run stored by a version that
did not record it) and date (NULL: none)."""

FORMAT = 2
"""The store format this version writes and reads (a newer one is refused, not guessed at):
format 2 added the stop-gap columns to format 1's runs."""
FORMAT_TABLE = """
CREATE TABLE burdenshare_store (format INTEGER NOT NULL, written_by VARCHAR NOT NULL);
"""
SCHEMA_V1 = SCHEMA.replace(STOPGAP_COLUMNS, "")
"""Format 1 (and the layout just before the format table): without the stop-gap columns. Read
as it is (its runs' stop-gaps unknown); brought to format 2 in place by the first command that
opens it for writing."""
LEGACY_SCHEMA = SCHEMA_V1.replace("inputs DOUBLE[] NOT NULL", "inputs VARCHAR NOT NULL").replace(
    "utilities DOUBLE[]", "utilities VARCHAR"
)
"""Stores written before inputs and utilities were lists (and before the format table): read
after an upgrade in place, done by the first command that opens the store for writing."""

MEMORY_LIMIT = "128MB"
"""DuckDB's working memory: past it, written blocks are evicted and the summary's sorts spill
to disk, so the memory an experiment takes does not grow with its number of runs (at 1e6 sma-2019
runs, 128 MB instead of 384 MB cost 4 % in time)."""

UNTRUSTED: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "memory_limit": MEMORY_LIMIT,
}
"""DuckDB settings every store connection opens with (its documented configuration options):
no extension is installed or loaded because of what a file holds (a foreign header asks for
one). External access is then switched off and the configuration locked before any query."""

ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""Experiment ids burdenshare writes are 12 hex digits; anything outside this is refused."""
KINDS = ("montecarlo",)
SHA256 = re.compile(r"[0-9a-f]{64}|")
MAX_TEXT = 4096
"""Longest scenario name or kind read from a store (its scenario text is a scenario, checked as
one when it is loaded)."""

P = ParamSpec("P")
R = TypeVar("R")


def default_path() -> Path:
    """`$XDG_DATA_HOME/burdenshare/results.duckdb`, else under `~/.local/share`."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "burdenshare" / "results.duckdb"


@dataclass(frozen=True)
class Experiment:
    """A stored experiment's header."""

    id: str
    kind: str
    scenario: str
    scenario_sha256: str
    scenario_text: str
    parameters: dict[str, Any]
    seed: int
    runs_planned: int
    created: dt.datetime
    runs_done: int

    def to_json(self) -> dict[str, Any]:
        """JSON-ready header (without the scenario text)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "scenario": self.scenario,
            "scenario_sha256": self.scenario_sha256,
            "parameters": self.parameters,
            "seed": self.seed,
            "runs_planned": self.runs_planned,
            "runs_done": self.runs_done,
            "created": self.created.isoformat(timespec="seconds"),
        }


def _guarded(method: Callable[P, R]) -> Callable[P, R]:
    """A store method whose DuckDB errors (a corrupt or truncated file, a full disk, a lock)
    become one `InputError` naming the store file."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        import duckdb

        try:
            return method(*args, **kwargs)
        except duckdb.Error as exc:
            store = args[0]
            assert isinstance(store, Store)
            raise store.fault(exc) from None

    return wrapper


class Store:
    """An open results store (use as a context manager).

    `read_only`: for commands that only read (list, show, export): the file must exist and is
    opened read-only (a store on a read-only disk or shared read-only can be read; nothing is
    created). Otherwise the file is created if missing (its folder must exist, except for the
    default store's) and its schema written, or checked read-only (`checking`) before the file
    is opened for writing."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        read_only: bool = False,
        export_dir: Path | None = None,
        checking: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only or checking
        self.checking = checking
        self.legacy = False
        """Whether the file has the layout from before lists (upgraded when opened to write)."""
        self.stopgaps = True
        """Whether the runs table has the stop-gap columns (format 2; a format-1 store opened
        read-only has not)."""
        self.source = str(self.path)
        exists = _regular_file(self.path)
        if exists and not self.read_only:
            # checked read-only first: a writable open could replay a crafted write-ahead log
            # into the file before its schema is seen
            Store(self.path, checking=True).close()
        if read_only and not exists:
            raise InputError(
                Problem("--store", "no such store; expected a results file written by montecarlo"),
                self.source,
            )
        if not exists and not self.path.parent.is_dir():
            if path is not None:
                raise InputError(
                    Problem("--store", f"folder {self.path.parent} does not exist"), self.source
                )
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.created_file = not exists
        self.con = self._connect(export_dir)
        try:
            self._prepare()
        except BaseException:
            self.close()
            raise

    def _connect(self, export_dir: Path | None) -> duckdb.DuckDBPyConnection:
        """A connection with the untrusted settings, external access off and the configuration
        locked; `export_dir` (a folder the program made) is the one place it may write to."""
        import duckdb

        try:
            con = duckdb.connect(str(self.path), read_only=self.read_only, config=UNTRUSTED)
        except duckdb.Error as exc:
            if self.created_file:
                with contextlib.suppress(OSError):
                    os.unlink(self.path)
            raise self.fault(exc) from None
        try:
            if export_dir is not None:
                con.execute("SET allowed_directories = $d", {"d": [f"{export_dir}{os.sep}"]})
            con.execute("SET enable_external_access = false")
            con.execute("SET lock_configuration = true")
        except BaseException:
            con.close()
            raise
        return con

    @_guarded
    def _prepare(self) -> None:
        """Write the schema into an empty store; else check it is a store this version reads
        (and, when writing, bring an older layout up to date)."""
        found = _signature(self.con)
        if not found:
            if self.checking:  # an empty DuckDB file (a run killed before its schema): made one
                return
            if self.read_only:
                raise self.refuse("an empty DuckDB file, not a results store")
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute(SCHEMA + FORMAT_TABLE)
            self.con.execute("INSERT INTO burdenshare_store VALUES (?, ?)", [FORMAT, _written_by()])
            self.con.execute("COMMIT")
            return
        for layout, version in ((SCHEMA, FORMAT), (SCHEMA_V1, 1)):
            if found == _expected(layout + FORMAT_TABLE):
                rows = self.con.execute("SELECT format FROM burdenshare_store LIMIT 2").fetchall()
                if len(rows) != 1 or rows[0][0] != version:
                    got = "no" if not rows else "several" if len(rows) > 1 else f"{rows[0][0]}"
                    raise self.refuse(
                        f"format {got}: this burdenshare reads format {FORMAT} (a newer "
                        "version wrote it?)"
                    )
                if version != FORMAT:
                    self.stopgaps = False
                    if not self.read_only:
                        self._upgrade()
                return
        for layout in (SCHEMA_V1, LEGACY_SCHEMA):
            if found == _expected(layout):
                self.legacy = layout is LEGACY_SCHEMA
                self.stopgaps = False
                if not self.read_only:
                    self._upgrade()
                elif self.legacy and not self.checking:
                    raise self.refuse(
                        "an older layout (inputs as text): upgrade it once with "
                        f"burdenshare montecarlo --resume ID --store {self.path}"
                    )
                return
        raise self.refuse(_difference(found, _expected(SCHEMA + FORMAT_TABLE)))

    def _upgrade(self) -> None:
        """Bring an older store to this format in place: stores written before inputs and
        utilities were lists held them as JSON texts (DuckDB parses the texts exactly); format 1
        lacks the stop-gap columns (its runs' stop-gaps stay unknown, NULL); the oldest lack the
        format table."""
        self.con.execute("BEGIN TRANSACTION")
        texts = {
            str(c)
            for (c,) in self.con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'runs' "
                "AND column_name IN ('inputs', 'utilities') AND data_type = 'VARCHAR'"
            ).fetchall()
        }
        if "inputs" in texts:
            self.con.execute("ALTER TABLE runs ALTER inputs TYPE DOUBLE[] USING inputs::DOUBLE[]")
        if "utilities" in texts:
            self.con.execute(
                "ALTER TABLE runs ALTER utilities TYPE DOUBLE[] USING utilities::DOUBLE[]"
            )
        self.con.execute("ALTER TABLE runs ADD COLUMN stopgap_outcome BIGINT")
        self.con.execute("ALTER TABLE runs ADD COLUMN stopgap_date DATE")
        has_format = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'burdenshare_store'"
        ).fetchone()
        if has_format is not None and has_format[0]:
            self.con.execute("DELETE FROM burdenshare_store")
        else:
            self.con.execute(FORMAT_TABLE)
        self.con.execute("INSERT INTO burdenshare_store VALUES (?, ?)", [FORMAT, _written_by()])
        self.con.execute("COMMIT")
        self.stopgaps = True

    def refuse(self, message: str) -> InputError:
        """The error for a file that is not a store this version reads."""
        return InputError(
            Problem("--store", f"not a burdenshare results store: {message}"), self.source
        )

    def fault(self, exc: Exception) -> InputError:
        """One line for a DuckDB error on this store: what went wrong, in the file's terms
        (Ctrl-C inside a DuckDB query is raised again as the `KeyboardInterrupt` it was)."""
        import duckdb

        if isinstance(exc, duckdb.InterruptException):
            raise KeyboardInterrupt from None
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "Could not set lock" in text or "Conflicting lock" in text:
            message = "in use by another burdenshare process; wait for it or use another --store"
        elif "not a valid DuckDB database" in text or "Could not read enough bytes" in text:
            message = "not a DuckDB file, or a truncated or corrupt one"
        elif "extension" in text.lower():
            message = "not a DuckDB results store (its header asks for a DuckDB extension)"
        elif "No space left" in text or "File too large" in text:
            message = f"cannot write: {_reason(text)}"
        elif ("read-only" in text or "Permission denied" in text) and not self.created_file:
            message = f"cannot write: {_reason(text)} (reading it works: results list/show)"
        else:
            message = f"unusable store: {_reason(text)}"
        return InputError(Problem("--store", message), self.source)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file."""
        with contextlib.suppress(Exception):
            self.con.close()

    def discard_if_unused(self) -> None:
        """Remove the file this store created if no experiment was recorded in it (a command
        that failed before its first run leaves nothing behind)."""
        if not self.created_file:
            return
        with contextlib.suppress(Exception):
            if self.con.execute("SELECT count(*) FROM experiments").fetchone() != (0,):
                return
        self.close()
        for leftover in (self.path, Path(f"{self.path}.wal")):
            with contextlib.suppress(OSError):
                os.unlink(leftover)

    @_guarded
    def create(
        self,
        kind: str,
        scenario: str,
        sha256: str,
        text: str,
        parameters: dict[str, Any],
        seed: int,
        runs: int,
    ) -> str:
        """Record a new experiment; its id."""
        ident = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO experiments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                ident,
                kind,
                scenario,
                sha256,
                text,
                json.dumps(parameters, sort_keys=True),
                seed,
                runs,
                dt.datetime.now().replace(microsecond=0),
            ],
        )
        return ident

    @_guarded
    def experiment(self, ident: str) -> Experiment:
        """The experiment `ident`; `InputError` naming the latest ones when there is none."""
        row = self.con.execute(
            "SELECT e.*, (SELECT count(*) FROM runs r WHERE r.experiment_id = e.id) "
            "FROM experiments e WHERE e.id = ?",
            [ident],
        ).fetchone()
        if row is None:
            latest = self.con.execute(
                "SELECT id FROM experiments ORDER BY created DESC, id DESC LIMIT 5"
            ).fetchall()
            known = ", ".join(str(self._checked_id(r[0])) for r in reversed(latest))
            raise InputError(
                Problem(
                    "ID", f"no experiment {ident!r} in {self.path} (latest: {known or 'none yet'})"
                )
            )
        return self._experiment(row)

    @_guarded
    def experiments(self, latest: int | None = None) -> list[Experiment]:
        """Every experiment (or the `latest` ones), oldest first."""
        rows = self.con.execute(
            "SELECT * FROM (SELECT e.*, (SELECT count(*) FROM runs r WHERE r.experiment_id = e.id)"
            " FROM experiments e ORDER BY created DESC, id DESC LIMIT $n) ORDER BY created, id",
            {"n": latest if latest is not None else 2**62},
        ).fetchall()
        return [self._experiment(r) for r in rows]

    @_guarded
    def count(self) -> int:
        """How many experiments the store holds."""
        row = self.con.execute("SELECT count(*) FROM experiments").fetchone()
        return int(row[0]) if row is not None else 0

    def missing(self, ident: str, runs: int) -> list[tuple[int, int]]:
        """`gaps` as a list."""
        return list(self.gaps(ident, runs))

    @_guarded
    def gaps(self, ident: str, runs: int) -> Iterator[tuple[int, int]]:
        """The [start, stop) ranges of run indices below `runs` not yet stored for `ident`
        (the gaps between stored runs, found by DuckDB without reading every index), streamed
        in run order (a store with many gaps is not read into memory at once)."""
        cursor = self.con.cursor()
        cursor.execute(
            "SELECT run + 1, least(next, $runs) FROM ("
            "SELECT run, lead(run, 1, $runs) OVER (ORDER BY run) AS next "
            "FROM runs WHERE experiment_id = $id UNION ALL SELECT -1, "
            "(SELECT coalesce(min(run), $runs) FROM runs WHERE experiment_id = $id)) "
            "WHERE least(next, $runs) > run + 1 ORDER BY 1",
            {"id": ident, "runs": runs},
        )
        return _gaps(self, cursor)

    def write(self, ident: str, rows: dict[str, np.ndarray]) -> None:
        """Insert one chunk of runs (columns as in `runs`, without `experiment_id`) atomically.

        `inputs` and `utilities` are float tables (one row per run); DuckDB makes each row a
        list, NULL where the row starts with NaN (utilities of a run without agreement). A
        failure (a full disk) rolls the chunk back, keeps every chunk committed before and is
        one `InputError` naming the store and how to resume."""
        import duckdb

        n = len(rows["run"])
        chunk = {"experiment_id": np.array([ident] * n, dtype=object), **rows}
        select = {name: name for name in chunk}
        for name in ("inputs", "utilities"):
            table = chunk.pop(name)
            parts = [f"{name}_{j}" for j in range(table.shape[1])]
            chunk.update({part: table[:, j].copy() for j, part in enumerate(parts)})
            listed = f"list_value({', '.join(parts)})" if parts else "[]::DOUBLE[]"
            select[name] = (
                f"CASE WHEN {parts[0]} IS NULL OR isnan({parts[0]}) THEN NULL ELSE {listed} END"
                if parts
                else listed
            )
        # column names are the program's own (`records.to_rows` and the index j above)
        assert all(re.fullmatch(r"[a-z_0-9]+", name) for name in chunk)
        try:
            self.con.execute("BEGIN TRANSACTION")
            self.con.register("chunk", chunk)
            columns = ", ".join(select)
            values = ", ".join(select.values())
            self.con.execute(f"INSERT INTO runs ({columns}) SELECT {values} FROM chunk")
            self.con.unregister("chunk")
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            with contextlib.suppress(duckdb.Error):  # a full disk can fail the rollback too
                self.con.execute("ROLLBACK")
            fault = self.fault(exc)
            raise InputError(
                Problem(
                    "--store",
                    f"{fault.problems[0].message}; every run committed before is kept: "
                    f"complete it with montecarlo --resume {ident} --store {self.path}",
                ),
                self.source,
            ) from None
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                self.con.execute("ROLLBACK")
            raise

    @_guarded
    def export_to(self, ident: str, part: Path) -> int:
        """COPY the runs of `ident` to `part` (in the folder this connection may write to;
        both bound as parameters); the number of rows."""
        self.experiment(ident)
        self.con.execute(
            "COPY (SELECT * FROM runs WHERE experiment_id = $id ORDER BY run) TO $path "
            "(FORMAT PARQUET)",
            {"id": ident, "path": str(part)},
        )
        return self.experiment(ident).runs_done

    def _checked_id(self, ident: Any) -> str:
        if not isinstance(ident, str) or not ID.fullmatch(ident):
            raise self.refuse(f"experiment id {str(ident)[:40]!r} is not one burdenshare writes")
        return ident

    def _experiment(self, row: tuple[Any, ...]) -> Experiment:
        """An experiment row, every value checked (a crafted store can hold anything)."""
        ident = self._checked_id(row[0])

        def bad(field: str, expected: str) -> InputError:
            return self.refuse(f"experiment {ident}: {field}: expected {expected}")

        kind, scenario, sha, text, parameters = row[1:6]
        if kind not in KINDS:
            raise bad("kind", " or ".join(KINDS))
        if len(scenario) > MAX_TEXT or not scenario.isprintable():
            raise bad("scenario", f"a printable name of at most {MAX_TEXT} characters")
        if len(text) > MAX_SCENARIO_BYTES:
            raise bad("scenario_text", f"a scenario of at most {MAX_SCENARIO_BYTES:,} characters")
        if not SHA256.fullmatch(sha):
            raise bad("scenario_sha256", "64 hexadecimal digits")
        try:
            params = json.loads(parameters)
        except (ValueError, RecursionError):
            raise bad("parameters", "a JSON object") from None
        if not isinstance(params, dict):
            raise bad("parameters", "a JSON object")
        overrides = params.get("overrides", [])
        if not isinstance(overrides, list) or not all(isinstance(o, str) for o in overrides):
            raise bad("parameters.overrides", "a list of PATH=VALUE texts")
        if not 0 <= row[6] <= MAX_SEED:
            raise bad("seed", f"0 to {MAX_SEED:,}")
        if not 1 <= row[7] <= MAX_RUNS:
            raise bad("runs_planned", f"1 to {MAX_RUNS:,}")
        return Experiment(
            id=ident,
            kind=kind,
            scenario=scenario,
            scenario_sha256=sha,
            scenario_text=text,
            parameters=params,
            seed=int(row[6]),
            runs_planned=int(row[7]),
            created=row[8],
            runs_done=int(row[9]),
        )


def export(store: Path | None, ident: str, out: Path) -> int:
    """Write the runs of `ident` in `store` to the Parquet file `out` (a temporary file of the
    caller's); the number of rows. DuckDB writes into a folder this function makes (the only
    place the store's connection may write to, the path bound as a parameter), then the file is
    moved to `out`."""
    folder = out.parent if str(out.parent) else Path(".")
    with tempfile.TemporaryDirectory(prefix=".burdenshare-export-", dir=folder) as work:
        part = Path(work).resolve() / "runs.parquet"
        with Store(store, read_only=True, export_dir=part.parent) as db:
            rows = db.export_to(ident, part)
        os.replace(part, out)
    return rows


def _regular_file(path: Path) -> bool:
    """Whether `path` is a regular file (False if missing); `InputError` for a folder, device or
    pipe (DuckDB would block on a FIFO or read a device without end)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise InputError(
            Problem("--store", f"cannot read: {exc.strerror or exc}"), str(path)
        ) from None
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device or pipe)"
        raise InputError(Problem("--store", f"{what}; expected a results store file"), str(path))
    return True


def _gaps(store: Store, cursor: Any) -> Iterator[tuple[int, int]]:
    import duckdb

    try:
        while batch := cursor.fetchmany(4096):
            for a, b in batch:
                yield int(a), int(b)
    except duckdb.Error as exc:
        raise store.fault(exc) from None
    finally:
        cursor.close()


SIGNATURE = """
SELECT 'table', schema_name, table_name, '', '' FROM duckdb_tables()
    WHERE database_name = current_database()
UNION ALL SELECT 'view', schema_name, view_name, '', '' FROM duckdb_views()
    WHERE database_name = current_database() AND NOT internal
UNION ALL SELECT 'function', schema_name, function_name, function_type, '' FROM duckdb_functions()
    WHERE database_name = current_database() AND NOT internal
UNION ALL SELECT 'sequence', schema_name, sequence_name, '', '' FROM duckdb_sequences()
    WHERE database_name = current_database()
UNION ALL SELECT 'type', schema_name, type_name, '', '' FROM duckdb_types()
    WHERE database_name = current_database() AND NOT internal
UNION ALL SELECT 'index', schema_name, index_name, '', '' FROM duckdb_indexes()
    WHERE database_name = current_database()
UNION ALL SELECT 'schema', schema_name, '', '', '' FROM duckdb_schemas()
    WHERE database_name = current_database() AND schema_name <> 'main'
UNION ALL SELECT 'column', schema_name, table_name || '.' || column_name,
    data_type || CASE WHEN is_nullable THEN '' ELSE ' NOT NULL' END,
    coalesce(column_default, '') FROM duckdb_columns()
    WHERE database_name = current_database()
UNION ALL SELECT 'constraint', schema_name, table_name, constraint_type,
    coalesce(constraint_text, '') FROM duckdb_constraints()
    WHERE database_name = current_database()
"""
"""Every object a DuckDB file holds, with each column's type and each constraint: a store is
one whose signature is exactly that of the schema written here."""

Signature = frozenset[tuple[str, ...]]


def _signature(con: Any) -> Signature:
    return frozenset(tuple(str(v) for v in row) for row in con.execute(SIGNATURE).fetchall())


@functools.cache
def _expected(schema: str) -> Signature:
    """The signature of `schema` written into an empty in-memory database."""
    import duckdb

    with duckdb.connect(":memory:", config=UNTRUSTED) as con:
        con.execute(schema)
        return _signature(con)


def _difference(found: Signature, expected: Signature) -> str:
    """The first way `found` differs from `expected`, in words."""
    order = ("view", "function", "table", "sequence", "type", "index", "schema", "column")
    extra = sorted(found - expected, key=lambda o: (order.index(o[0]) if o[0] in order else 9, o))
    if extra:
        kind, _, name, detail, _ = extra[0]
        if kind == "column":
            return f"column {name} {detail} is not in the schema"
        what = f"{detail} " if kind == "function" and detail else ""
        return f"it holds a {what}{kind} {name!r}" if name else f"it holds a {kind}"
    missing = sorted(expected - found)
    kind, _, name, detail, _ = missing[0]
    return f"{kind} {name} {detail} is missing".replace("  ", " ")


def _written_by() -> str:
    from burdenshare import __version__

    return f"burdenshare {__version__}"


def _reason(text: str) -> str:
    """DuckDB's message without its error class prefix."""
    return text.split(": ", 1)[1] if ": " in text and "Error" in text.split(": ", 1)[0] else text
