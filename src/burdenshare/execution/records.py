"""Monte Carlo columns as store rows (readable: status, date, terms as JSON)."""

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
    terms and vetoes are made once per distinct value, not once per run."""
    scenario = plan.scenario
    ratifiers = [r.name for r in scenario.ratifiers]
    n = len(columns)
    start = np.datetime64(scenario.calendar.start, "D")
    agreed = columns.index >= 0
    terms = np.full(n, None, dtype=object)
    if agreed.any():
        terms[agreed] = _texts(
            columns.index[agreed],
            lambda i: json.dumps(scenario.space.offer_at(int(i)).to_json()),
        )
    return {
        "run": columns.run,
        "seed": columns.seed,
        "inputs": columns.inputs,  # float[n, k]: the store writes a list per run
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
        "utilities": columns.utilities,  # float[n, parties], NaN without agreement
        "engine": np.where(columns.engine_batch, "batch", "reference").astype(object),
        "stopgap_outcome": columns.stopgap,  # −1: no stop-gap
        "stopgap_date": np.where(
            columns.stopgap >= 0,
            start + np.maximum(columns.stopgap_days, 0).astype("timedelta64[D]"),
            np.datetime64("NaT"),
        ).astype("datetime64[s]"),  # NaT: NULL
    }
