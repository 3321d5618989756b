"""Monte Carlo runs as rows of the compiled engine: each drawn value is written straight into
the per-run arrays (`engine/encoding.Runs`) at the place its `--set` path names, instead of
rebuilding the scenario for every run.

`RowPlan.of(plan)` returns None when some path or strategy has no such place (a whole strategy
drawn from a list, a strategy the compiled loop does not know); `run_range` then builds each
run's scenario as before. Both give the same columns (tests/test_experiments_rows.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from burdenshare.engine.batch import codes_of, compiled_tables, strategies_of
from burdenshare.engine.compiled import Outputs, negotiate_all
from burdenshare.engine.encoding import (
    ANCHORING,
    TIME_DEPENDENT,
    TIT_FOR_TAT,
    Runs,
    Structure,
    runs,
    structure,
    valuations_of,
)
from burdenshare.engine.jit_kernel import Pool, SpaceArrays
from burdenshare.experiments.uncertainty import Uncertain, UnsupportedPathError, _pick
from burdenshare.model import Scenario

Place = tuple[str, int]
"""Where a drawn value goes: a `Runs` field and its column ("" for a field that does not
change how a run ends, such as discounting or the exchange rate)."""

IGNORED: Place = ("", -1)

_KEYS = {
    TIME_DEPENDENT: ("e", "k"),
    ANCHORING: ("e", "hold"),
    TIT_FOR_TAT: ("delta",),
}
"""The numeric parameters each compiled strategy reads."""


def place(scenario: Scenario, u: Uncertain, codes: list[int]) -> Place | None:
    """Where `u`'s drawn value goes in the run arrays (None: nowhere — the caller rebuilds
    the scenario per run). A choice among texts (a strategy) has no place."""
    if not u.numeric:
        return None
    keys = [k for k in u.path.split(".") if k]
    try:
        if keys == ["exchange_rate", "rate"]:
            return IGNORED
        if len(keys) < 3:
            return None
        head, key, rest = keys[0], keys[1], keys[2:]
        if head == "parties":
            p = _pick(scenario.parties, key)
            if rest == ["reservation_value"]:
                return ("r0", p)
            if rest == ["monthly_discount"]:
                return IGNORED
            if rest == ["lapse", "per_month"]:
                return ("lapse", p)
            if len(rest) == 4 and rest[:2] == ["lapse", "events"] and rest[3] == "change":
                before = sum(len(q.events) for q in scenario.parties[:p])
                return ("event_change", before + _pick(scenario.parties[p].events, rest[2]))
            if len(rest) == 3 and rest[:2] == ["strategy", "params"]:
                name = rest[2]
                if name not in _KEYS[codes[p]]:
                    return None
                if name in ("hold", "delta") and not u.integer:
                    return None
                return (name, p)
            return None
        if head == "ratifiers":
            q = _pick(scenario.ratifiers, key)
            if rest == ["min_utility"]:
                return ("min_utility", q)
            fields = {"min": "lim_min", "max": "lim_max"}
            fields |= {"min_change_pct": "lim_min_pct", "max_change_pct": "lim_max_pct"}
            if len(rest) == 3 and rest[0] == "limits" and rest[2] in fields:
                before = sum(len(r.limits) for r in scenario.ratifiers[:q])
                limit = _pick(scenario.ratifiers[q].limits, rest[1])
                return (fields[rest[2]], before + limit)
            return None
        if head == "threats" and len(rest) == 1 and rest[0] in ("change", "credibility"):
            t = _pick(scenario.threats, key)
            return ("threat_change" if rest[0] == "change" else "threat_cred", t)
    except UnsupportedPathError:
        return None
    return None


def check(rows: Runs) -> None:
    """The strategies' own parameter checks (`__post_init__`), on every row at once."""
    problems = [
        (rows.e < 0, "e must be ≥ 0"),
        ((rows.k < 0) | (rows.k > 1), "k must be in [0, 1]"),
        ((rows.code == ANCHORING) & (rows.hold < 0), "hold must be ≥ 0 meetings"),
        ((rows.code == TIT_FOR_TAT) & (rows.delta < 1), "delta must be ≥ 1"),
    ]
    for bad, message in problems:
        if bad.any():
            raise ValueError(f"{message} (a drawn strategy parameter)")


@dataclass(frozen=True, eq=False)
class RowPlan:
    """A Monte Carlo plan's fixed arrays and where each uncertain input goes."""

    space: SpaceArrays
    pool: Pool
    structure: Structure
    base: Runs
    places: tuple[Place, ...]
    vids: tuple[int, ...]

    @staticmethod
    def of(scenario: Scenario, uncertain: tuple[Uncertain, ...]) -> RowPlan | None:
        """The row plan of `scenario` with `uncertain`, or None when some input has no place."""
        codes = codes_of(scenario, strategies_of(scenario))
        if codes is None:
            return None
        places = []
        for u in uncertain:
            found = place(scenario, u, [c.code for c in codes])
            if found is None:
                return None
            places.append(found)
        valuations, vids, rat_vids = valuations_of(scenario)
        sp, kernel_pool = compiled_tables(tuple(valuations), scenario.space)
        utilities = [kernel_pool.utilities[v] for v in vids]
        base = runs(scenario, codes, vids, rat_vids, utilities)
        return RowPlan(sp, kernel_pool, structure(scenario), base, tuple(places), tuple(vids))

    def rows(self, drawn: np.ndarray) -> Runs:
        """One row per run: the scenario's own row with drawn[k, j] written at input j's place."""
        rows = Runs(*(np.repeat(a, drawn.shape[0], axis=0) for a in self.base))
        for j, (name, column) in enumerate(self.places):
            if name:
                getattr(rows, name)[:, column] = drawn[:, j]
        return rows

    def negotiate(self, rows: Runs) -> Outputs:
        """Run every row (compiled)."""
        check(rows)
        return negotiate_all(self.space, self.pool, self.structure, rows)
