"""Monte Carlo runs as rows of the compiled engine: each drawn value is written straight into
the per-run arrays (`engine/encoding.Runs`) at the column of what its path names
(`model.paths.resolve`), instead of rebuilding the scenario for every run.

`RowPlan.of(plan)` returns None when some path or strategy has no such place (a whole strategy
drawn from a list, a strategy the compiled loop does not know); `run_range` then builds each
run's scenario as before. Both give the same columns (tests/test_experiments_montecarlo.py).
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
from burdenshare.experiments.uncertainty import Uncertain
from burdenshare.model import Scenario, paths

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


_COLUMNS = {
    "parties.P.reservation_value": "r0",
    "parties.P.lapse.per_month": "lapse",
    "parties.P.lapse.events.I.change": "event_change",
    "ratifiers.R.min_utility": "min_utility",
    "ratifiers.R.limits.I.min": "lim_min",
    "ratifiers.R.limits.I.max": "lim_max",
    "ratifiers.R.limits.I.min_change_pct": "lim_min_pct",
    "ratifiers.R.limits.I.max_change_pct": "lim_max_pct",
    "threats.T.change": "threat_change",
    "threats.T.credibility": "threat_cred",
}
"""The `Runs` field of each path pattern (`model.paths`) whose drawn value a run reads."""

_UNREAD = ("parties.P.monthly_discount", "exchange_rate.rate")
"""Patterns that do not change how a run ends."""


def _column(scenario: Scenario, target: paths.Target) -> int:
    """The column of `target` among its kind: an event or a limit counts those of the earlier
    parties or ratifiers first."""
    first = target.indices[0]
    if len(target.indices) == 1:
        return first
    if target.steps[0] == "parties":
        before = sum(len(p.events) for p in scenario.parties[:first])
    else:
        before = sum(len(r.limits) for r in scenario.ratifiers[:first])
    return before + target.indices[1]


def strategy_place(code: int, key: str, integer: bool, seat: int) -> Place | None:
    """Where a drawn parameter `key` of the compiled strategy `code` at `seat` goes (None: the
    strategy does not read it as a drawn number)."""
    if key not in _KEYS[code]:
        return None
    if key in ("hold", "delta") and not integer:
        return None
    return (key, seat)


def place(scenario: Scenario, u: Uncertain, codes: list[int]) -> Place | None:
    """Where `u`'s drawn value goes in the run arrays (None: nowhere — the caller rebuilds
    the scenario per run). A choice among texts (a strategy) has no place."""
    if not u.numeric:
        return None
    try:
        target = paths.resolve(scenario, u.path)
    except paths.PathError:
        return None
    if target.pattern in _UNREAD:
        return IGNORED
    if target.pattern == "parties.P.strategy.params.KEY":
        seat = target.indices[0]
        return strategy_place(codes[seat], str(target.steps[-1]), u.integer, seat)
    name = _COLUMNS.get(target.pattern)
    return None if name is None else (name, _column(scenario, target))


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
