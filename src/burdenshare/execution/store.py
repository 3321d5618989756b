"""The results store: an embedded DuckDB file with experiments and one row per run.

Runs are written chunk by chunk, each chunk in its own transaction, so an interrupted
experiment keeps every finished chunk; `(experiment_id, run)` is the primary key, so a resumed
experiment cannot hold a run twice. Default file: `$XDG_DATA_HOME/burdenshare/results.duckdb`
(`~/.local/share/burdenshare/results.duckdb` when XDG_DATA_HOME is unset).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from burdenshare.errors import InputError, Problem

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
    PRIMARY KEY (experiment_id, run)
);
"""

MEMORY_LIMIT = "128MB"
"""DuckDB's working memory: past it, written blocks are evicted and the summary's sorts spill
to disk, so the memory an experiment takes does not grow with its number of runs (at 1e6 sma-2019
runs, 128 MB instead of 384 MB cost 4 % in time)."""


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


class Store:
    """An open results store (use as a context manager)."""

    def __init__(self, path: Path | None = None) -> None:
        import duckdb

        self.path = Path(path) if path is not None else default_path()
        if not self.path.parent.is_dir():
            if path is not None:
                raise InputError(
                    Problem("--store", f"folder {self.path.parent} does not exist"), str(path)
                )
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(str(self.path))
        except duckdb.Error as exc:
            raise InputError(
                Problem("--store", f"not a usable DuckDB file: {exc}"), str(path)
            ) from None
        self.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        self.con.execute(SCHEMA)
        self._upgrade()

    def _upgrade(self) -> None:
        """Stores written before inputs and utilities were lists held them as JSON texts:
        convert those columns in place (DuckDB parses the texts exactly)."""
        texts = self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'runs' "
            "AND column_name IN ('inputs', 'utilities') AND data_type = 'VARCHAR'"
        ).fetchall()
        for (column,) in texts:
            self.con.execute(
                f"ALTER TABLE runs ALTER {column} TYPE DOUBLE[] USING {column}::DOUBLE[]"
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file."""
        self.con.close()

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

    def experiment(self, ident: str) -> Experiment:
        """The experiment `ident`; `InputError` naming the known ones when there is none."""
        row = self.con.execute(
            "SELECT e.*, (SELECT count(*) FROM runs r WHERE r.experiment_id = e.id) "
            "FROM experiments e WHERE e.id = ?",
            [ident],
        ).fetchone()
        if row is None:
            known = ", ".join(e.id for e in self.experiments()[-5:]) or "none yet"
            raise InputError(
                Problem("ID", f"no experiment {ident!r} in {self.path} (latest: {known})")
            )
        return _experiment(row)

    def experiments(self) -> list[Experiment]:
        """Every experiment, oldest first."""
        rows = self.con.execute(
            "SELECT e.*, (SELECT count(*) FROM runs r WHERE r.experiment_id = e.id) "
            "FROM experiments e ORDER BY created, id"
        ).fetchall()
        return [_experiment(r) for r in rows]

    def missing(self, ident: str, runs: int) -> list[tuple[int, int]]:
        """The [start, stop) ranges of run indices below `runs` not yet stored for `ident`
        (the gaps between stored runs, found by DuckDB without reading every index)."""
        return [
            (int(a), int(b))
            for a, b in self.con.execute(
                "SELECT run + 1, least(next, $runs) FROM ("
                "SELECT run, lead(run, 1, $runs) OVER (ORDER BY run) AS next "
                "FROM runs WHERE experiment_id = $id UNION ALL SELECT -1, "
                "(SELECT coalesce(min(run), $runs) FROM runs WHERE experiment_id = $id)) "
                "WHERE least(next, $runs) > run + 1 ORDER BY 1",
                {"id": ident, "runs": runs},
            ).fetchall()
        ]

    def write(self, ident: str, rows: dict[str, np.ndarray]) -> None:
        """Insert one chunk of runs (columns as in `runs`, without `experiment_id`) atomically.

        `inputs` and `utilities` are float tables (one row per run); DuckDB makes each row a
        list, NULL where the row starts with NaN (utilities of a run without agreement)."""
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
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.register("chunk", chunk)
            columns = ", ".join(select)
            values = ", ".join(select.values())
            self.con.execute(f"INSERT INTO runs ({columns}) SELECT {values} FROM chunk")
            self.con.unregister("chunk")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def export(self, ident: str, path: Path) -> int:
        """Write the runs of `ident` to a Parquet file (DuckDB's COPY); the number of rows."""
        self.experiment(ident)
        target = str(path).replace("'", "''")
        self.con.execute(
            f"COPY (SELECT * FROM runs WHERE experiment_id = '{ident}' ORDER BY run) "
            f"TO '{target}' (FORMAT PARQUET)"
        )
        return self.experiment(ident).runs_done


def _experiment(row: tuple[Any, ...]) -> Experiment:
    return Experiment(
        id=row[0],
        kind=row[1],
        scenario=row[2],
        scenario_sha256=row[3],
        scenario_text=row[4],
        parameters=json.loads(row[5]),
        seed=int(row[6]),
        runs_planned=int(row[7]),
        created=row[8],
        runs_done=int(row[9]),
    )
