"""Monte Carlo runs as rows of the compiled engine: each drawn value is written straight into
the per-run arrays (`engine/encoding.Runs`) at the column of what its path names
(`model.paths.resolve`), instead of rebuilding the scenario for every run.

`RowPlan.of(plan)` returns None when some path or strategy has no such place (a whole strategy
drawn from a list, a strategy the compiled loop does not know); `run_range` then builds each
run's scenario as before. Both give the same columns (tests/test_experiments_montecarlo.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from burdenshare.engine.batch import codes_of, compiled_tables, strategies_of
from burdenshare.engine.compiled import Outputs, negotiate_all
from burdenshare.engine.encoding import (
    Runs,
    StrategyCode,
    Structure,
    runs,
    structure,
    valuations_of,
)
from burdenshare.engine.jit_kernel import Pool, SpaceArrays
from burdenshare.experiments.uncertainty import Uncertain
from burdenshare.model import Scenario, paths
from burdenshare.strategies import Strategy

Place = tuple[str, int]
"""Where a drawn value goes: a `Runs` field and its column, counted over the field's columns
after the run axis flattened ("" for a field that does not change how a run ends, such as
discounting or the exchange rate)."""

IGNORED: Place = ("", -1)


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


def _compiled(strategy: Strategy, code: StrategyCode) -> object:
    """The strategy whose parameters `code` holds (a wrapper's inner one)."""
    return getattr(strategy, "wrapped", strategy) if code.wrapper >= 0 else strategy


def strategy_place(
    strategy: Strategy, code: StrategyCode, key: str, integer: bool, seat: int, width: int
) -> Place | None:
    """Where a drawn parameter `key` of the seat's strategy goes in `Runs.params` (`width`
    parameters a seat); None when its compiled form does not read it, or reads a whole number
    and the draw is not one."""
    if key not in code.names:
        return None
    if isinstance(getattr(_compiled(strategy, code), key), int) and not integer:
        return None
    return ("params", seat * width + code.names.index(key))


def place(
    scenario: Scenario,
    u: Uncertain,
    strategies: Sequence[Strategy],
    codes: Sequence[StrategyCode],
    width: int,
) -> Place | None:
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
        key = str(target.steps[-1])
        return strategy_place(strategies[seat], codes[seat], key, u.integer, seat, width)
    name = _COLUMNS.get(target.pattern)
    return None if name is None else (name, _column(scenario, target))


def check(rows: Runs, strategies: Sequence[Strategy], codes: Sequence[StrategyCode]) -> None:
    """The strategies' own parameter checks (`__post_init__`), run on each seat's lowest and on
    its highest drawn values (exact when each parameter's valid values form an interval)."""
    for seat, (strategy, code) in enumerate(zip(strategies, codes, strict=True)):
        inner = _compiled(strategy, code)
        if not code.names or not dataclasses.is_dataclass(inner):
            continue
        columns = rows.params[:, seat, : len(code.names)]
        for corner in (columns.min(axis=0), columns.max(axis=0)):
            values = {
                name: type(getattr(inner, name))(value)
                for name, value in zip(code.names, corner.tolist(), strict=True)
            }
            try:
                dataclasses.replace(inner, **values)  # type: ignore[type-var]
            except ValueError as exc:
                raise ValueError(f"{exc} (a drawn strategy parameter)") from None


@dataclass(frozen=True, eq=False)
class RowPlan:
    """A Monte Carlo plan's fixed arrays and where each uncertain input goes."""

    space: SpaceArrays
    pool: Pool
    structure: Structure
    base: Runs
    places: tuple[Place, ...]
    vids: tuple[int, ...]
    strategies: tuple[Strategy, ...]
    codes: tuple[StrategyCode, ...]

    @staticmethod
    def of(scenario: Scenario, uncertain: tuple[Uncertain, ...]) -> RowPlan | None:
        """The row plan of `scenario` with `uncertain`, or None when some input has no place."""
        chosen = strategies_of(scenario)
        codes = codes_of(scenario, chosen)
        if codes is None:
            return None
        strategies = [chosen[p.name] for p in scenario.parties]
        places = []
        valuations, vids, rat_vids = valuations_of(scenario)
        sp, kernel_pool = compiled_tables(tuple(valuations), scenario.space)
        utilities = [kernel_pool.utilities[v] for v in vids]
        base = runs(scenario, codes, vids, rat_vids, utilities)
        for u in uncertain:
            found = place(scenario, u, strategies, codes, base.params.shape[2])
            if found is None:
                return None
            places.append(found)
        return RowPlan(
            sp, kernel_pool, structure(scenario), base, tuple(places), tuple(vids),
            tuple(strategies), tuple(codes),
        )  # fmt: skip

    def rows(self, drawn: np.ndarray) -> Runs:
        """One row per run: the scenario's own row with drawn[k, j] written at input j's place."""
        rows = Runs(*(np.repeat(a, drawn.shape[0], axis=0) for a in self.base))
        for j, (name, column) in enumerate(self.places):
            if name:
                getattr(rows, name).reshape(drawn.shape[0], -1)[:, column] = drawn[:, j]
        return rows

    def negotiate(self, rows: Runs) -> Outputs:
        """Run every row (compiled)."""
        check(rows, self.strategies, self.codes)
        return negotiate_all(self.space, self.pool, self.structure, rows)
