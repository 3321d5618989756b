"""Counting a stored Monte Carlo experiment for its exact summary, inside DuckDB.

Every figure of the summary is computed from the stored runs by SQL that returns counts over
finite grids, a few order statistics or integer sums (`experiments.tallies`), so the memory it
takes does not grow with the number of runs (DuckDB sorts out of core past its memory limit),
and the result does not depend on the order in which runs were stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import numpy as np

from burdenshare.execution.store import Store
from burdenshare.experiments.montecarlo import MonteCarloPlan
from burdenshare.experiments.tallies import Counts, RankSums, Tallies, quantiles, ranks_needed
from burdenshare.model import is_money

RUNS = "SELECT * FROM runs WHERE experiment_id = $experiment"


def steps(plan: MonteCarloPlan) -> int:
    """How many steps `tally` reports: the counts, each party's utilities, each input's ranks."""
    return 1 + len(plan.scenario.parties) + len(plan.uncertain)


def tally(
    store: Store,
    experiment: str,
    plan: MonteCarloPlan,
    progress: Callable[[int], None] = lambda _: None,
) -> Tallies:
    """Every count the summary of `experiment` (run from `plan`) needs; `progress(1)` after
    each of `steps(plan)` steps. A DuckDB fault (a damaged page, no room to spill a sort) is
    one `InputError` naming the store."""
    import duckdb

    try:
        return _tally(store, experiment, plan, progress)
    except duckdb.Error as exc:
        raise store.fault(exc) from None


def _tally(
    store: Store, experiment: str, plan: MonteCarloPlan, progress: Callable[[int], None]
) -> Tallies:
    con = store.con
    params = {"experiment": experiment}
    check_runs(store, experiment, plan)

    def one(sql: str) -> tuple[Any, ...]:
        row = con.execute(sql, params).fetchone()
        assert row is not None
        return tuple(row)

    runs, any_veto, batch = one(
        "SELECT count(*), count(*) FILTER (vetoes > 0), count(*) FILTER (engine = 'batch') "
        f"FROM ({RUNS})"
    )
    status = dict(
        con.execute(f"SELECT status_code, count(*) FROM ({RUNS}) GROUP BY 1", params).fetchall()
    )
    names = [r.name for r in plan.scenario.ratifiers]
    vetoed = [0] * len(names)
    for text, count in con.execute(
        f"SELECT vetoed_by, count(*) FROM ({RUNS}) WHERE vetoes > 0 GROUP BY 1", params
    ).fetchall():
        for name in _ratifiers(store, text, names):
            vetoed[names.index(name)] += int(count)
    outcomes = _counts(store, experiment, "outcome", "outcome >= 0")
    days = _counts(store, experiment, "days", "status_code > 0")
    progress(1)
    utilities = []
    for p in range(len(plan.scenario.parties)):
        where = "status_code > 0 AND utilities IS NOT NULL"
        utilities.append(_order_statistics(store, experiment, f"utilities[{p + 1}]", where))
        progress(1)
    stopgaps, stopgap_outcomes, stopgap_days = _stopgaps(store, experiment, plan)
    return Tallies(
        runs=int(runs),
        status={int(k): int(v) for k, v in status.items()},
        any_veto=int(any_veto),
        vetoed=tuple(vetoed),
        batch_runs=int(batch),
        outcomes=outcomes,
        days=days,
        utilities=tuple(utilities),
        spearman=_rank_sums(store, experiment, plan, progress),
        stopgaps=stopgaps,
        stopgap_outcomes=stopgap_outcomes,
        stopgap_days=stopgap_days,
    )


def _stopgaps(
    store: Store, experiment: str, plan: MonteCarloPlan
) -> tuple[int | None, Counts | None, Counts | None]:
    """With deals in stages: the runs whose first agreement was a stop-gap, and those
    stop-gaps' outcomes and days from the first meeting (None: no `[stages]`, or a run stored
    without the record, by an older version)."""
    if plan.scenario.stages is None or not store.stopgaps:
        return None, None, None
    row = store.con.execute(
        "SELECT count(*) FILTER (stopgap_outcome IS NULL), count(*) FILTER "
        f"(stopgap_outcome >= 0) FROM ({RUNS})",
        {"experiment": experiment},
    ).fetchone()
    assert row is not None
    if row[0]:
        return None, None, None
    start = plan.scenario.calendar.start.isoformat()
    days = f"date_diff('day', DATE '{start}', stopgap_date)"
    return (
        int(row[1]),
        _counts(store, experiment, "stopgap_outcome", "stopgap_outcome >= 0"),
        _counts(store, experiment, days, "stopgap_outcome >= 0"),
    )


def check_runs(store: Store, experiment: str, plan: MonteCarloPlan) -> None:
    """`InputError` naming the store and the first run of `experiment` that `plan` cannot
    have produced (a crafted or damaged store): every value the summary reads is in range."""
    import duckdb

    try:
        _check_runs(store, experiment, plan)
    except duckdb.Error as exc:
        raise store.fault(exc) from None


def _check_runs(store: Store, experiment: str, plan: MonteCarloPlan) -> None:
    row = store.con.execute(
        "SELECT min(run) FILTER (NOT coalesce("
        "run >= 0 AND run < $runs AND status_code IN (0, 1, 2) AND days >= 0 AND vetoes >= 0 "
        "AND outcome >= -1 AND outcome < $outcomes AND len(inputs) = $inputs "
        "AND (utilities IS NULL OR len(utilities) = $parties)"
        + (
            " AND (stopgap_outcome IS NULL OR (stopgap_outcome >= -1 AND stopgap_outcome "
            "< $outcomes AND (stopgap_outcome < 0) = (stopgap_date IS NULL)))"
            if store.stopgaps
            else ""
        )
        + ", FALSE)), "
        f"count(*), count(DISTINCT run) FROM ({RUNS})",
        {
            "experiment": experiment,
            "runs": plan.runs,
            "outcomes": int(np.prod(plan.scenario.space.shape)),
            "inputs": len(plan.uncertain),
            "parties": len(plan.scenario.parties),
        },
    ).fetchone()
    assert row is not None
    if row[0] is not None:
        raise store.refuse(
            f"experiment {experiment}, run {row[0]}: values out of range for its scenario"
        )
    if row[1] != row[2]:  # a file's primary key is not checked when it is read
        raise store.refuse(f"experiment {experiment}: {row[1] - row[2]:,} runs stored twice")


def _ratifiers(store: Store, text: str, names: list[str]) -> list[str]:
    """The ratifier names of a stored `vetoed_by` text, each one of `names`."""
    try:
        got = json.loads(text)
    except (ValueError, RecursionError):
        got = None
    if not isinstance(got, list) or not all(name in names for name in got):
        raise store.refuse(f"vetoed_by {text[:60]!r}: expected a list of ratifiers of {names}")
    return got


def _counts(store: Store, experiment: str, column: str, where: str) -> Counts:
    """How many runs (satisfying `where`) have each value of `column`."""
    got = store.con.execute(
        f"SELECT {column} AS v, count(*) AS c FROM ({RUNS}) WHERE {where} GROUP BY 1 ORDER BY 1",
        {"experiment": experiment},
    ).fetchnumpy()
    return Counts(np.asarray(got["v"]), np.asarray(got["c"], dtype=np.int64))


def _order_statistics(
    store: Store, experiment: str, expression: str, where: str
) -> dict[str, float] | None:
    """`tallies.quantiles` of `expression` over the runs satisfying `where`: DuckDB numbers
    the sorted values and returns only the order statistics the quantiles read. The mean is
    DuckDB's average of the values as DECIMAL(38, 18): an integer sum, so it does not depend
    on the order of the rows."""
    con = store.con
    params = {"experiment": experiment}
    values = f"SELECT {expression} AS v FROM ({RUNS}) WHERE {where}"
    row = con.execute(
        f"SELECT count(*), avg(v::DECIMAL(38, 18)) FROM ({values})", params
    ).fetchone()
    assert row is not None
    n, mean = int(row[0]), row[1]
    if n == 0:
        return None
    at = con.execute(
        f"SELECT k, v FROM (SELECT v, row_number() OVER (ORDER BY v) - 1 AS k FROM ({values})) "
        "WHERE list_contains($wanted, k)",
        {**params, "wanted": [int(k) for k in ranks_needed(n)]},
    ).fetchall()
    return quantiles(n, {int(k): float(v) for k, v in at}, float(mean))


def measures(plan: MonteCarloPlan) -> tuple[dict[str, tuple[str, str]], dict[str, Any]]:
    """The outcome measures inputs are correlated with, each as (SQL value, subset of runs):
    agreement (1/0) and days to the end of talks over all runs, and each money issue's agreed
    amount over the runs with agreement; and the parameters those expressions read (a money
    issue's grid, stride and size are bound, never written into the SQL)."""
    out = {
        "agreement": ("(status_code > 0)::INTEGER", "TRUE"),
        "days_to_end": ("days", "TRUE"),
    }
    params: dict[str, Any] = {}
    space = plan.scenario.space
    strides = np.cumprod((1, *space.shape[::-1]))[::-1][1:]
    for p, issue in enumerate(space.issues):
        if is_money(issue):
            params[f"grid{p}"] = [float(v) for v in np.asarray(space.grids[p], dtype=float)]
            params[f"stride{p}"] = int(strides[p])
            params[f"size{p}"] = int(space.shape[p])
            position = f"(outcome // $stride{p}) % $size{p} + 1"
            out[issue.name] = (f"($grid{p}::DOUBLE[])[{position}]", "outcome >= 0")
    return out, params


def _rank_sums(
    store: Store, experiment: str, plan: MonteCarloPlan, progress: Callable[[int], None]
) -> dict[tuple[int, str], RankSums]:
    """Per (input, measure): the sums of products of doubled average ranks over the runs
    where the measure is defined.

    One query per input ranks it by one window per subset of runs (`rank() + count(*)` over
    the same ordering: 1 + #smaller plus #not larger, the doubled average rank R), and sums R
    per value of each measure. A measure takes few values (a grid), so its own doubled ranks S
    follow from its counts, and Σ R·S = Σ_y S(y)·Σ_{runs with y} R, all in exact integers."""
    wanted, bound = measures(plan)
    subsets = list(dict.fromkeys(subset for _, subset in wanted.values()))
    names = list(wanted)
    ys = ", ".join(
        f"CASE WHEN {subset} THEN {value} END AS y{m}"
        for m, (value, subset) in enumerate(wanted.values())
    )
    oks = ", ".join(f"{subset} AS ok{s}" for s, subset in enumerate(subsets))
    ranks = ", ".join(f"rank() OVER w{s} + count(*) OVER w{s} AS r{s}" for s in range(len(subsets)))
    windows = ", ".join(f"w{s} AS (PARTITION BY ok{s} ORDER BY x)" for s in range(len(subsets)))
    sums = ", ".join(
        f"count(*) FILTER (ok{s}), sum(r{s}::HUGEINT) FILTER (ok{s}), "
        f"sum(r{s}::HUGEINT * r{s}) FILTER (ok{s})"
        for s in range(len(subsets))
    )
    groups = ", ".join(f"(y{m})" for m in range(len(names)))
    ycols = ", ".join(f"y{m}" for m in range(len(names)))
    flags = ", ".join(f"GROUPING(y{m})" for m in range(len(names)))
    out: dict[tuple[int, str], RankSums] = {}
    for j in range(len(plan.uncertain)):
        sql = (
            f"SELECT {ycols}, {flags}, {sums} FROM ("
            f"SELECT {ranks}, * FROM (SELECT inputs[{j + 1}] AS x, {oks}, {ys} FROM ({RUNS})) "
            f"WINDOW {windows}) GROUP BY GROUPING SETS ({groups}, ())"
        )
        rows = store.con.execute(sql, {"experiment": experiment, **bound}).fetchall()
        grand = next(r for r in rows if all(r[len(names) : 2 * len(names)]))
        for m, name in enumerate(names):
            s = subsets.index(wanted[name][1])
            n, _, xx = grand[2 * len(names) + 3 * s : 2 * len(names) + 3 * s + 3]
            per_value = sorted(
                (r[m], int(r[2 * len(names) + 3 * s]), int(r[2 * len(names) + 3 * s + 1]))
                for r in rows
                if r[len(names) + m] == 0 and r[m] is not None
            )
            xy = yy = below = 0
            for _, count, rank_sum in per_value:
                doubled = 2 * below + count + 1  # S(y): twice the average rank of value y
                xy += doubled * rank_sum
                yy += count * doubled * doubled
                below += count
            out[j, name] = RankSums(int(n or 0), xy, int(xx or 0), yy)
        progress(1)
    return out
