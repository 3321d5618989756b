"""Paired what-ifs: two Monte Carlo plans run on common random numbers, and what changed.

Run i of both plans gets the same seed and, for every uncertain input the two share by path,
the same uniform fraction (`common_draws`), so a difference between the two is the what-if's
effect on that run and not noise from fresh draws. Differences of proportions get Newcombe's
(1998) hybrid score interval for paired data; the runs whose outcome changed are replayed on
the reference engine and their traces compared (`explain`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from burdenshare.engine.protocol import negotiate
from burdenshare.engine.result import Event, NegotiationResult
from burdenshare.experiments.montecarlo import Columns, MonteCarloPlan
from burdenshare.experiments.uncertainty import Uncertain, apply_all
from burdenshare.model import Scenario

Z95 = 1.959963984540054
"""The standard normal quantile of 0.975 (two-sided 95 % intervals)."""


def common_draws(
    a: MonteCarloPlan, scenario: Scenario, uncertain: Sequence[Uncertain]
) -> MonteCarloPlan:
    """The plan of `scenario` paired with `a`: same runs and seed, each input on a path `a`
    draws reading `a`'s slot for that path, each other input a slot of its own after `a`'s."""
    mine = {u.path: j for j, u in enumerate(a.uncertain)}
    extra = len(a.uncertain)
    slots = []
    for u in uncertain:
        if u.path in mine:
            slots.append(mine[u.path])
        else:
            slots.append(extra)
            extra += 1
    return MonteCarloPlan(scenario, tuple(uncertain), a.runs, a.seed, tuple(slots))


def concat(parts: Sequence[Columns]) -> Columns:
    """Chunks of columns as one, in run order."""
    ordered = sorted(parts, key=lambda c: int(c.run[0]) if len(c) else 0)
    fields = list(Columns.__dataclass_fields__)
    return Columns(*(np.concatenate([getattr(c, f) for c in ordered]) for f in fields))


@dataclass(frozen=True)
class PairedProportion:
    """P(event) in A and in B over the same runs, B − A with its 95 % interval, the discordant
    runs (`gained`: in B only; `lost`: in A only) and McNemar's exact two-sided p-value."""

    a: float
    b: float
    diff: float
    low: float
    high: float
    gained: int
    lost: int
    p_value: float


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson's score interval for k successes in n trials (Wilson 1927)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def paired_proportion(in_a: np.ndarray | np.bool_, in_b: np.ndarray | np.bool_) -> PairedProportion:
    """B − A for a yes/no event observed on the same runs: Newcombe's (1998, Statistics in
    Medicine 17:873, method 10) interval, Wilson limits of each proportion combined with the
    phi correlation of the 2×2 table, its numerator AD − BC moved N/2 towards 0 (a continuity
    correction: without it, no changed run at p = ½ gives a zero-width interval); McNemar's
    exact test on the discordant runs."""
    from scipy.stats import binomtest  # type: ignore[import-untyped,unused-ignore]

    a, b = np.asarray(in_a, dtype=bool), np.asarray(in_b, dtype=bool)
    n = int(a.size)
    both, lost = int((a & b).sum()), int((a & ~b).sum())
    gained, neither = int((~a & b).sum()), int((~a & ~b).sum())
    pa, pb = (both + lost) / n, (both + gained) / n
    la, ua = wilson(both + lost, n)
    lb, ub = wilson(both + gained, n)
    margins = (both + lost) * (gained + neither) * (both + gained) * (lost + neither)
    cross = float(both * neither - lost * gained)
    corrected = math.copysign(max(abs(cross) - n / 2, 0.0), cross)
    phi = corrected / math.sqrt(margins) if margins else 0.0
    diff = pb - pa
    below = math.sqrt(max(0.0, (pb - lb) ** 2 - 2 * phi * (pb - lb) * (ua - pa) + (ua - pa) ** 2))
    above = math.sqrt(max(0.0, (ub - pb) ** 2 - 2 * phi * (ub - pb) * (pa - la) + (pa - la) ** 2))
    discordant = gained + lost
    p_value = binomtest(gained, discordant, 0.5).pvalue if discordant else 1.0
    return PairedProportion(pa, pb, diff, diff - below, diff + above, gained, lost, float(p_value))


@dataclass(frozen=True)
class PairedMean:
    """Means of a measure in A and in B over the runs where both have it (`pairs`), and of
    B − A with its normal 95 % interval: mean ± z·s/√pairs."""

    a: float | None
    b: float | None
    diff: float | None
    low: float | None
    high: float | None
    pairs: int


def paired_mean(x_a: np.ndarray, x_b: np.ndarray) -> PairedMean:
    """`PairedMean` of two measures per run (NaN where a run has none)."""
    x_a, x_b = np.asarray(x_a, dtype=float), np.asarray(x_b, dtype=float)
    both = ~np.isnan(x_a) & ~np.isnan(x_b)
    d = x_b[both] - x_a[both]
    if d.size == 0:
        return PairedMean(None, None, None, None, None, 0)
    m = float(d.mean())
    mean_a, mean_b = float(x_a[both].mean()), float(x_b[both].mean())
    if d.size < 2:
        return PairedMean(mean_a, mean_b, m, None, None, 1)
    half = Z95 * float(d.std(ddof=1)) / math.sqrt(d.size)
    return PairedMean(mean_a, mean_b, m, m - half, m + half, int(d.size))


def change(a: Columns, b: Columns) -> np.ndarray:
    """Per run, how its outcome changed from A to B: 0 same, 1 agreement lost, 2 agreement
    gained, 3 other terms agreed, 4 same outcome with other vetoes."""
    agreed_a, agreed_b = a.index >= 0, b.index >= 0
    out = np.zeros(len(a), dtype=np.int8)
    if a.vetoed.shape == b.vetoed.shape:
        out[(a.vetoed != b.vetoed).any(axis=1)] = 4
    else:
        out[a.vetoes != b.vetoes] = 4
    out[agreed_a & agreed_b & (a.index != b.index)] = 3
    out[~agreed_a & agreed_b] = 2
    out[agreed_a & ~agreed_b] = 1
    return out


CHANGES = ("same", "agreement_lost", "agreement_gained", "other_terms", "other_vetoes")
"""The names of `change`'s codes."""


@dataclass(frozen=True)
class Veto:
    """A veto in a replayed run: meeting, date and each vetoing ratifier's stated reason."""

    meeting: int
    date: str
    by: tuple[str, ...]


@dataclass(frozen=True)
class Replay:
    """One side of an explained run: outcome, meeting and date, terms, vetoes."""

    status: str
    meeting: int | None
    date: str
    terms: str
    vetoes: tuple[Veto, ...]


@dataclass(frozen=True)
class Explained:
    """A run whose outcome changed, replayed on both sides: the first event that differs (its
    meeting, date and the event on each side) and the vetoes that happened on one side only."""

    run: int
    change: str
    a: Replay
    b: Replay
    meeting: int | None
    date: str | None
    event_a: str
    event_b: str
    vetoes_only_a: tuple[Veto, ...]
    vetoes_only_b: tuple[Veto, ...]


def _said(event: Event | None) -> str:
    """An event in a line: kind, party, the verdict of a response or vote, and its detail."""
    if event is None:
        return "(talks over)"
    verdict = {True: " accepts", False: " rejects", None: ""}[event.accept]
    party = f" {event.party}" if event.party else ""
    detail = f": {event.detail}" if event.detail else ""
    return f"{event.kind}{party}{verdict}{detail}"


def _vetoes(result: NegotiationResult) -> tuple[Veto, ...]:
    out: list[Veto] = []
    refusals: list[str] = []
    for e in result.trace:
        if e.kind == "ratification_vote" and e.accept is False:
            refusals.append(e.detail)
        elif e.kind == "tentative_agreement":
            refusals = []
        elif e.kind == "veto":
            out.append(Veto(int(e.meeting or 0), e.date.isoformat(), tuple(refusals)))
            refusals = []
    return tuple(out)


def _replay(result: NegotiationResult) -> Replay:
    o = result.outcome
    return Replay(o.status, o.meeting, o.date.isoformat(), o.summary, _vetoes(result))


def _key(e: Event) -> tuple[object, ...]:
    return (e.kind, e.party, e.meeting, e.offer, e.accept, e.detail)


def explain(a: MonteCarloPlan, b: MonteCarloPlan, run: int, code: int) -> Explained:
    """Replay run `run` of both plans on the reference engine and compare their traces."""
    results = []
    for plan in (a, b):
        scenario = apply_all(plan.scenario, plan.uncertain, plan.inputs(run))
        results.append(negotiate(scenario, None, plan.run_seed(run)))
    ta, tb = results[0].trace, results[1].trace
    first = next(
        (
            k
            for k in range(max(len(ta), len(tb)))
            if k >= min(len(ta), len(tb)) or _key(ta[k]) != _key(tb[k])
        ),
        None,
    )
    ea = ta[first] if first is not None and first < len(ta) else None
    eb = tb[first] if first is not None and first < len(tb) else None
    at = ea or eb
    ra, rb = _replay(results[0]), _replay(results[1])

    return Explained(
        run,
        CHANGES[code],
        ra,
        rb,
        None if at is None else at.meeting,
        None if at is None else at.date.isoformat(),
        _said(ea),
        _said(eb),
        _only(ra.vetoes, rb.vetoes),
        _only(rb.vetoes, ra.vetoes),
    )


def _only(mine: Sequence[Veto], other: Sequence[Veto]) -> tuple[Veto, ...]:
    """The refusals in `mine` that no veto at the same meeting in `other` has from the same
    ratifier (the label before the reason's colon)."""
    seen = {(v.meeting, r.split(":")[0]) for v in other for r in v.by}
    out = []
    for v in mine:
        by = tuple(r for r in v.by if (v.meeting, r.split(":")[0]) not in seen)
        if by:
            out.append(Veto(v.meeting, v.date, by))
    return tuple(out)


@dataclass(frozen=True)
class PairedSummary:
    """What a paired what-if found: outcome, lapse and per-ratifier veto proportions, the
    numeric terms and the vetoes per run as paired means, the runs per kind of change, the
    first changed runs (up to `SAMPLE_RUNS`) and a sample of them explained."""

    runs: int
    agreement: PairedProportion
    lapse: PairedProportion
    any_veto: PairedProportion
    vetoed_by: tuple[tuple[str, PairedProportion], ...]
    vetoes: PairedMean
    terms: tuple[tuple[str, str, PairedMean], ...]
    changes: tuple[tuple[str, int], ...]
    changed_runs: tuple[int, ...]
    explained: tuple[Explained, ...]


SAMPLE_RUNS = 20
"""How many changed runs' indices the summary lists."""


def _terms(plan: MonteCarloPlan, cols: Columns) -> list[np.ndarray]:
    """Each numeric issue's agreed value per run (NaN: no agreement)."""
    space = plan.scenario.space
    agreed = cols.index >= 0
    positions = np.unravel_index(np.where(agreed, cols.index, 0), space.shape)
    out = []
    for p, issue in enumerate(space.issues):
        if issue.numeric:
            values = np.asarray(space.grids[p], dtype=float)[positions[p]]
            out.append(np.where(agreed, values, np.nan))
    return out


def compare(
    a: MonteCarloPlan, b: MonteCarloPlan, cols_a: Columns, cols_b: Columns, explain_runs: int
) -> PairedSummary:
    """The paired summary of the same runs under A and B (`cols_a`, `cols_b` in run order),
    explaining the first `explain_runs` runs whose agreement changed (then any other change)."""
    from burdenshare.experiments.montecarlo import STATUS_BEFORE

    lapse_a, lapse_b = cols_a.status != STATUS_BEFORE, cols_b.status != STATUS_BEFORE
    names_a = [r.name for r in a.scenario.ratifiers]
    vetoed_by = []
    for q, r in enumerate(b.scenario.ratifiers):
        if r.name in names_a:
            qa = names_a.index(r.name)
            vetoed_by.append((r.name, paired_proportion(cols_a.vetoed[:, qa], cols_b.vetoed[:, q])))
    terms = []
    issues_a = [i for i in a.scenario.space.issues if i.numeric]
    issues_b = [i for i in b.scenario.space.issues if i.numeric]
    if [i.name for i in issues_a] == [i.name for i in issues_b]:
        for issue, xa, xb in zip(issues_a, _terms(a, cols_a), _terms(b, cols_b), strict=True):
            terms.append((issue.name, issue.unit_label(), paired_mean(xa, xb)))
    codes = change(cols_a, cols_b)
    counts = tuple((name, int((codes == k).sum())) for k, name in enumerate(CHANGES))
    changed = np.flatnonzero(codes > 0)
    order = sorted(changed.tolist(), key=lambda r: (codes[r] not in (1, 2), r))
    return PairedSummary(
        len(cols_a),
        paired_proportion(cols_a.index >= 0, cols_b.index >= 0),
        paired_proportion(lapse_a, lapse_b),
        paired_proportion(cols_a.vetoed.any(axis=1), cols_b.vetoed.any(axis=1)),
        tuple(vetoed_by),
        paired_mean(cols_a.vetoes, cols_b.vetoes),
        tuple(terms),
        counts,
        tuple(int(r) for r in changed[:SAMPLE_RUNS]),
        tuple(explain(a, b, int(r), int(codes[r])) for r in order[:explain_runs]),
    )
