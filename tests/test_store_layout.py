"""The store's runs table: lists of inputs and utilities, gaps found by SQL, old files upgraded."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
from builders import store_chunk

from burdenshare.execution.store import SCHEMA_V1, Store


def test_missing_ranges_are_the_gaps(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as db:
        ident = db.create("montecarlo", "x", "", "", {}, 0, 20)
        assert db.missing(ident, 20) == [(0, 20)]
        db.write(ident, store_chunk(range(3, 5)))
        db.write(ident, store_chunk(range(10, 12)))
        assert db.missing(ident, 20) == [(0, 3), (5, 10), (12, 20)]
        db.write(ident, store_chunk(range(0, 3)))
        db.write(ident, store_chunk(range(5, 10)))
        db.write(ident, store_chunk(range(12, 20)))
        assert db.missing(ident, 20) == []


def test_inputs_and_utilities_are_lists_null_without_agreement(tmp_path: Path) -> None:
    utilities = np.array([[0.25, 0.75], [np.nan, np.nan]])
    with Store(tmp_path / "s.duckdb") as db:
        ident = db.create("montecarlo", "x", "", "", {}, 0, 2)
        db.write(ident, store_chunk(range(2), utilities))
        rows = db.con.execute("SELECT inputs, utilities FROM runs ORDER BY run").fetchall()
    assert rows == [([0.0, 0.25], [0.25, 0.75]), ([0.5, 0.75], None)]


def test_an_old_store_with_json_texts_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    old = SCHEMA_V1.replace("inputs DOUBLE[] NOT NULL", "inputs VARCHAR NOT NULL").replace(
        "utilities DOUBLE[]", "utilities VARCHAR"
    )
    with duckdb.connect(str(path)) as con:
        con.execute(old)
        con.execute(
            "INSERT INTO runs VALUES ('e', 0, 1, '[0.1, 3.0]', 'agreement', 1, false, "
            "'2020-01-01', 0, 0, 0, '[]', 0, '{}', '[0.3333333333333333, 0.5]', 'batch')"
        )
    with Store(path) as db:
        got = db.con.execute("SELECT inputs, utilities FROM runs").fetchall()
    assert got == [([0.1, 3.0], [1 / 3, 0.5])]
