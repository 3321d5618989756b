"""Throughput: complete bilateral negotiations per second, burdenshare vs NegMAS.

(a) sma-2019 Monte Carlo runs (drawn inputs) on the batch engine and the reference engine;
(b) the negotiations NegMAS is usually benchmarked on: two random linear-additive valuations
over discrete spaces of about 1e2, 1e4 and 1e6 outcomes (k issues of 10 values), time-dependent
Boulware (e = 0.2) against Conceder (e = 2), 100 steps — the same valuations built in both
libraries, NegMAS run in this script (`pip install negmas`, the `bench` extra).

The protocols coincide in structure (alternating offers, 100 offers, the same concession
exponents) but not in bid choice (NegMAS's time-based negotiators pick among outcomes at the
aspiration level differently from burdenshare's kernel), so agreements are compared as
"both agree / same outcome / utility gap", not expected to be identical.

Usage: python benchmarks/throughput.py [--sizes 2,4,6] [--seconds 3] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from typing import Any

import numpy as np

from burdenshare.engine import negotiate
from burdenshare.engine.batch import Batch
from burdenshare.model import (
    Calendar,
    ChoiceIssue,
    ChoiceValue,
    Meeting,
    Offer,
    OutcomeSpace,
    Party,
    Scenario,
    StatusQuo,
    StrategySpec,
    Valuation,
)

VALUES = 10
LARGE = 100_000
"""Above this many outcomes the batch engine is timed one negotiation (and its tables) at a time."""
STEPS = 100
START = dt.date(2000, 1, 1)


def random_tables(rng: np.random.Generator, issues: int) -> tuple[np.ndarray, np.ndarray]:
    """Weights (sum 1) and per-issue value scores in [0, 1] (max 1 per issue)."""
    weights = rng.random(issues)
    weights /= weights.sum()
    scores = rng.random((issues, VALUES))
    scores /= scores.max(axis=1, keepdims=True)
    return weights, scores


def ours(tables: list[tuple[np.ndarray, np.ndarray]], issues: int) -> Scenario:
    """The negotiation in burdenshare: one meeting of 100 offers, Boulware vs Conceder."""
    names = [f"i{k}" for k in range(issues)]
    options = tuple(str(v) for v in range(VALUES))
    space = OutcomeSpace(tuple(ChoiceIssue(n, options) for n in names))
    parties = []
    for who, (weights, scores), strategy in zip(
        ("A", "B"), tables, ("boulware", "conceder"), strict=True
    ):
        valuation = Valuation(
            tuple((n, float(w)) for n, w in zip(names, weights, strict=True)),
            tuple(
                (n, ChoiceValue(tuple((o, float(s)) for o, s in zip(options, row, strict=True))))
                for n, row in zip(names, scores, strict=True)
            ),
        )
        parties.append(Party(who, valuation, 0.0, StrategySpec(strategy)))
    end = START + dt.timedelta(days=STEPS)
    calendar = Calendar((Meeting(START, "bench", "", STEPS, STEPS),), end, end)
    status_quo = StatusQuo(Offer(tuple((n, "0") for n in names)), end)
    return Scenario("bench", "bench", space, status_quo, tuple(parties), calendar)


def theirs(tables: list[tuple[np.ndarray, np.ndarray]], issues: int) -> Any:
    """The same negotiation in NegMAS (SAOMechanism, BoulwareTB vs ConcederTB, 100 steps)."""
    from negmas import SAOMechanism, make_issue
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.preferences.value_fun import TableFun
    from negmas.sao import BoulwareTBNegotiator, ConcederTBNegotiator

    space = [make_issue([str(v) for v in range(VALUES)], name=f"i{k}") for k in range(issues)]
    mechanism = SAOMechanism(issues=space, n_steps=STEPS)
    for (weights, scores), cls, name in zip(
        tables, (BoulwareTBNegotiator, ConcederTBNegotiator), ("A", "B"), strict=True
    ):
        ufun = LinearAdditiveUtilityFunction(
            values=[TableFun({str(v): float(s) for v, s in enumerate(row)}) for row in scores],
            weights=[float(w) for w in weights],
            issues=space,
        )
        mechanism.add(cls(name=name), ufun=ufun)
    return mechanism


def timed(func: Any, budget: float, most: int, keep: int = 200) -> tuple[float, int, list[Any]]:
    """Negotiations per second of `func(i)` over about `budget` seconds (at least one); the
    first `keep` results are returned for the comparisons, the rest dropped as they come (a
    growing heap of kept results would slow either library through garbage collection)."""
    results = []
    done = 0
    began = time.perf_counter()
    while done < most and (not done or time.perf_counter() - began < budget):
        result = func(done)
        if done < keep:
            results.append(result)
        done += 1
    elapsed = time.perf_counter() - began
    return done / elapsed, done, results


def timed_batch(
    scenarios: list[Scenario], budget: float, threads: int = 1
) -> tuple[float, int, list[Any]]:
    """Negotiations per second of the batch engine: the scenarios encoded once (tables and
    valuations built: counted), then runs i = 0, 1, … of scenario i mod 50 in compiled calls
    of growing size, on `threads` threads, until about `budget` seconds have passed."""
    warm = Batch.of(scenarios[:1])  # load the compiled loop (numba's cache) outside the timing
    assert warm is not None
    warm.negotiate(np.zeros(1, dtype=np.int64))
    began = time.perf_counter()
    first: list[Any] = []
    if scenarios[0].space.size > LARGE:
        # a pool of 100 valuations over 1e6 outcomes would not fit in memory: one pair at a
        # time, its tables built within the timing, until the budget is spent
        done = 0
        while not first or time.perf_counter() - began < budget:
            one = Batch.of(scenarios[done % len(scenarios) : done % len(scenarios) + 1])
            assert one is not None
            which = np.zeros(1, dtype=np.int64)
            first.append(one.outcome(which, one.negotiate(which), 0))
            done += 1
        return done / (time.perf_counter() - began), done, first
    batch = Batch.of(scenarios)
    assert batch is not None
    done, size = 0, 1000
    while time.perf_counter() - began < budget:
        which = (done + np.arange(size)) % len(scenarios)
        out = batch.negotiate(which, threads)
        if not first:
            first = [batch.outcome(which, out, i) for i in range(min(size, 200))]
        done += size
        size *= 2
    return done / (time.perf_counter() - began), done, first


def bench_size(issues: int, budget: float, negmas: bool) -> dict[str, Any]:
    """One outcome-space size: rates of both engines and of NegMAS, and agreement checks."""
    rng = np.random.default_rng(issues)
    pool = [[random_tables(rng, issues), random_tables(rng, issues)] for _ in range(50)]
    scenarios = [ours(t, issues) for t in pool]
    batch_rate, batch_n, batch = timed_batch(scenarios, budget)
    both_rate, _, _ = timed_batch(scenarios, budget, threads=2)
    # both libraries cycle over the same 50 negotiations for the same time budget, as many as
    # fit (one at 1e6 outcomes for NegMAS, ~6 s a negotiation)
    ref_rate, ref_n, ref = timed(lambda i: negotiate(scenarios[i % 50]), budget, 100_000)
    same = all(
        b.index
        == (
            scenarios[i % 50].space.index_of(r.outcome.terms)
            if r.outcome.terms is not None
            else None
        )
        for i, (b, r) in enumerate(zip(batch, ref, strict=False))
    )
    row: dict[str, Any] = {
        "outcomes": VALUES**issues,
        "batch_per_s": batch_rate,
        "batch_two_threads_per_s": both_rate,
        "batch_runs": batch_n,
        "reference_per_s": ref_rate,
        "reference_runs": ref_n,
        "batch_equals_reference": same,
        "burdenshare_agreement_rate": float(np.mean([b.status == "agreement" for b in batch])),
    }
    if negmas:
        most = 1 if issues >= 6 else 100_000

        def run_theirs(i: int) -> Any:
            mechanism = theirs(pool[i % 50], issues)
            mechanism.run()
            return mechanism

        neg_rate, neg_n, mechs = timed(run_theirs, budget, most)
        agreed = [m.agreement is not None for m in mechs]
        compared = mechs[: len(batch)]
        both_same = sum(
            1
            for i, m in enumerate(compared)
            if m.agreement is not None
            and batch[i].index is not None
            and tuple(m.agreement)
            == tuple(str(v) for _, v in scenarios[i % 50].space.offer_at(batch[i].index).terms)
        )
        row.update(
            negmas_per_s=neg_rate,
            negmas_runs=neg_n,
            negmas_agreement_rate=float(np.mean(agreed)),
            same_agreement=f"{both_same}/{len(compared)}",
            reference_vs_negmas=ref_rate / neg_rate,
            batch_vs_negmas=batch_rate / neg_rate,
            batch_two_threads_vs_negmas=both_rate / neg_rate,
        )
    return row


def bench_sma(budget: float) -> dict[str, Any]:
    """sma-2019 Monte Carlo runs per second (drawn inputs, batch engine, one process)."""
    from burdenshare.experiments.montecarlo import MonteCarloPlan, run_range
    from burdenshare.scenario.uncertainty import load_uncertain

    loaded, uncertain = load_uncertain("sma-2019")
    plan = MonteCarloPlan(loaded.scenario, uncertain, 10**6, 0)
    run_range(plan, 0, 5)  # warm the tables and load the compiled loop
    began = time.perf_counter()
    done, size = 5, 500
    while time.perf_counter() - began < budget:
        run_range(plan, done, done + size)
        done += size
    done -= 5
    rate = done / (time.perf_counter() - began)
    ref_began = time.perf_counter()
    negotiate(loaded.scenario)
    ref_rate = 1 / (time.perf_counter() - ref_began)
    return {
        "montecarlo_runs_per_s_one_process": rate,
        "reference_runs_per_s": ref_rate,
        "projected_seconds_1e6_runs_two_processes": 10**6 / (2 * rate),
    }


def main() -> None:
    """Print the table (or one JSON object with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2,4,6", help="issues per space (10 values each)")
    parser.add_argument("--seconds", type=float, default=3.0, help="time budget per measure")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--no-negmas", action="store_true", help="skip NegMAS")
    args = parser.parse_args()
    negmas = not args.no_negmas
    if negmas:
        try:
            import negmas as _  # noqa: F401
        except ImportError:
            negmas = False
    sizes = [int(s) for s in args.sizes.split(",") if s]
    result = {
        "sma_2019": bench_sma(args.seconds),
        "spaces": [bench_size(k, args.seconds, negmas) for k in sizes],
        "negmas": negmas,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    sma = result["sma_2019"]
    print("sma-2019 Monte Carlo (drawn inputs)")
    print(f"  batch engine, one process : {sma['montecarlo_runs_per_s_one_process']:10.1f} runs/s")
    print(f"  reference engine          : {sma['reference_runs_per_s']:10.1f} runs/s")
    print(
        "  1e6 runs on 2 processes   : "
        f"{sma['projected_seconds_1e6_runs_two_processes']:10.0f} s (goal: 60 s)"
    )
    print()
    head = (
        f"{'outcomes':>10} {'batch/s':>10} {'batch 2 thr/s':>13} {'ref/s':>9} {'NegMAS/s':>9} "
        f"{'batch×':>8} {'2 thr×':>8} {'ref×':>7} {'same':>8} {'b=ref':>6}"
    )
    print(head)
    for row in result["spaces"]:
        print(
            f"{row['outcomes']:>10,} {row['batch_per_s']:>10.1f} "
            f"{row['batch_two_threads_per_s']:>13.1f} {row['reference_per_s']:>9.2f} "
            f"{row.get('negmas_per_s', float('nan')):>9.2f} "
            f"{row.get('batch_vs_negmas', float('nan')):>8.1f} "
            f"{row.get('batch_two_threads_vs_negmas', float('nan')):>8.1f} "
            f"{row.get('reference_vs_negmas', float('nan')):>7.1f} "
            f"{row.get('same_agreement', '-'):>8} {row['batch_equals_reference']!s:>6}"
        )
    print(
        "batch: one thread; 2 thr: the same runs split over both cores (NegMAS: one process, it"
        " has no batch mode)"
    )
    print("goals: batch ≥ 1000× NegMAS at 1e2 and 1e4 outcomes; reference ≥ 20× at 1e2 (issue 12)")


if __name__ == "__main__":
    main()
