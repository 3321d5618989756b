"""Monte Carlo columns as store rows (readable: status, date, terms as JSON) and back."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import numpy as np

from burdenshare.experiments.montecarlo import STATUS_LAPSE, Columns, MonteCarloPlan

_STATUS = np.array(["no_agreement", "agreement", "agreement"], dtype=object)


def _texts(keys: np.ndarray, text: Callable[[Any], str]) -> np.ndarray:
    """`text(key)` for every row, computed once per distinct key (rows share few values)."""
    distinct, inverse = np.unique(keys, axis=0, return_inverse=True)
    made = np.array([text(key) for key in distinct], dtype=object)
    return made[inverse.reshape(-1)]


def to_rows(plan: MonteCarloPlan, columns: Columns) -> dict[str, np.ndarray]:
    """The `runs` table columns for `columns` (without `experiment_id`); the JSON texts of
    terms, utilities and vetoes are made once per distinct value, not once per run."""
    scenario = plan.scenario
    ratifiers = [r.name for r in scenario.ratifiers]
    n = len(columns)
    start = np.datetime64(scenario.calendar.start, "D")
    agreed = columns.index >= 0
    terms = np.full(n, None, dtype=object)
    utilities = np.full(n, None, dtype=object)
    if agreed.any():
        terms[agreed] = _texts(
            columns.index[agreed],
            lambda i: json.dumps(scenario.space.offer_at(int(i)).to_json()),
        )
        utilities[agreed] = _texts(
            columns.utilities[agreed], lambda row: json.dumps([float(u) for u in row])
        )
    return {
        "run": columns.run,
        "seed": columns.seed,
        "inputs": columns.inputs,  # float[n, k]: the store writes it as a JSON array per run
        "status": _STATUS[columns.status],
        "status_code": columns.status,
        "during_lapse": columns.status == STATUS_LAPSE,
        "date": (start + columns.days.astype("timedelta64[D]")).astype("datetime64[s]"),
        "days": columns.days,
        "meeting": np.where(columns.meeting >= 0, columns.meeting, -1),
        "vetoes": columns.vetoes,
        "vetoed_by": _texts(
            columns.vetoed.reshape(n, len(ratifiers)),
            lambda row: json.dumps([r for j, r in enumerate(ratifiers) if row[j]]),
        )
        if n
        else np.empty(0, dtype=object),
        "outcome": columns.index,
        "terms": terms,
        "utilities": utilities,
        "engine": np.where(columns.engine_batch, "batch", "reference").astype(object),
    }


def _filled(column: np.ndarray) -> np.ndarray:
    """A fetched column with NULLs as None (text) or −1 (numbers)."""
    if isinstance(column, np.ma.MaskedArray):
        if column.dtype == object:
            out = np.array(column.data, dtype=object)
            out[np.ma.getmaskarray(column)] = None
            return out
        return column.filled(-1)
    return column


def from_rows(plan: MonteCarloPlan, stored: dict[str, np.ndarray]) -> Columns:
    """Columns rebuilt from stored rows (run order)."""
    rows = {name: _filled(column) for name, column in stored.items()}
    ratifiers = [r.name for r in plan.scenario.ratifiers]
    n = len(rows["run"])
    parties = len(plan.scenario.parties)
    vetoed = np.zeros((n, len(ratifiers)), dtype=bool)
    utilities = np.full((n, parties), np.nan)
    for k in range(n):
        for name in json.loads(rows["vetoed_by"][k]):
            vetoed[k, ratifiers.index(name)] = True
        if rows["utilities"][k] is not None:
            utilities[k] = json.loads(rows["utilities"][k])
    inputs = np.array([json.loads(x) for x in rows["inputs"]], dtype=float).reshape(
        n, len(plan.uncertain)
    )
    return Columns(
        run=np.asarray(rows["run"], dtype=np.int64),
        seed=np.asarray(rows["seed"], dtype=np.uint64),
        inputs=inputs,
        status=np.asarray(rows["status_code"], dtype=np.int8),
        days=np.asarray(rows["days"], dtype=np.int32),
        meeting=np.asarray(rows["meeting"], dtype=np.int32),
        vetoes=np.asarray(rows["vetoes"], dtype=np.int32),
        vetoed=vetoed,
        index=np.asarray(rows["outcome"], dtype=np.int64),
        utilities=utilities,
        engine_batch=np.asarray(rows["engine"]) == "batch",
    )
