"""A tournament's scored matches written to CSV, or to Parquet through DuckDB's COPY, atomically
(no partial file is left behind)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from burdenshare.files import atomic_output


def write_matches(rows: Sequence[dict[str, Any]], out: Path) -> None:
    """Rows (as `experiments.tournament.play` scores them) to `out`, by its suffix: .csv or
    .parquet (metrics as doubles with NULL for none, counts as BIGINT, the seed as UBIGINT)."""
    import csv

    with atomic_output(out) as tmp:
        if out.suffix == ".csv":
            with tmp.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            return
        import duckdb
        import numpy as np

        from burdenshare.experiments.tournament import METRICS

        columns = {k: np.array([r[k] for r in rows], dtype=object) for k in rows[0]}
        floats = [m for m in METRICS if m != "offers"] + (
            ["stopgap"] if "stopgap" in rows[0] else []
        )
        for key in floats:
            columns[key] = np.array(
                [np.nan if r[key] is None else r[key] for r in rows], dtype=float
            )
        for key in ("match", "repetition", "offers", "vetoes"):
            columns[key] = np.array([r[key] for r in rows], dtype=np.int64)
        columns["seed"] = np.array([r["seed"] for r in rows], dtype=np.uint64)
        with duckdb.connect() as con:
            con.register("rows", columns)
            # the target is bound as a parameter, never written into the SQL
            con.execute("COPY (SELECT * FROM rows) TO $path (FORMAT PARQUET)", {"path": str(tmp)})
