"""Monte Carlo columns as store rows (readable: status, date, terms as JSON) and back."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np

from burdenshare.experiments.montecarlo import STATUS_LAPSE, Columns, MonteCarloPlan

_STATUS = np.array(["no_agreement", "agreement", "agreement"], dtype=object)


def to_rows(plan: MonteCarloPlan, columns: Columns) -> dict[str, np.ndarray]:
    """The `runs` table columns for `columns` (without `experiment_id`)."""
    scenario = plan.scenario
    ratifiers = [r.name for r in scenario.ratifiers]
    n = len(columns)
    start = scenario.calendar.start
    terms = np.empty(n, dtype=object)
    utilities = np.empty(n, dtype=object)
    for k in range(n):
        if columns.index[k] >= 0:
            terms[k] = json.dumps(scenario.space.offer_at(int(columns.index[k])).to_json())
            utilities[k] = json.dumps([float(u) for u in columns.utilities[k]])
    return {
        "run": columns.run,
        "seed": columns.seed,
        "inputs": np.array(
            [json.dumps([float(x) for x in row]) for row in columns.inputs], dtype=object
        ),
        "status": _STATUS[columns.status],
        "status_code": columns.status,
        "during_lapse": columns.status == STATUS_LAPSE,
        "date": np.array(
            [start + dt.timedelta(days=int(d)) for d in columns.days], dtype="datetime64[s]"
        ),
        "days": columns.days,
        "meeting": np.where(columns.meeting >= 0, columns.meeting, -1),
        "vetoes": columns.vetoes,
        "vetoed_by": np.array(
            [json.dumps([r for j, r in enumerate(ratifiers) if row[j]]) for row in columns.vetoed],
            dtype=object,
        ),
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
