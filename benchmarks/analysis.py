"""Benchmark: Pareto frontier + Nash + Kalai–Smorodinsky, burdenshare vs NegMAS, same inputs.

Random linear-additive discrete 2-party spaces of 1e3…1e6 outcomes and the 2-party GENIUS
domains in ../shared/genius-domains. NegMAS (the `bench` extra) is run in this same script.
Comparison in GENIUS semantics: NegMAS keeps GENIUS's raw discrete evaluations, so each issue's
table is divided by its maximum before NegMAS computes; NegMAS's nash_points/kalai_points
normalise utilities by their ranges, so both points are recomputed on NegMAS's frontier with the
plain product (u1 − d1)(u2 − d2) and the min-share rule, d = 0, and compared with ours.
Also: the whole `burdenshare analyze FOLDER --json` process vs a NegMAS script that loads the same
folder and computes the same (tables in GENIUS semantics, frontier, Nash, KS), each timed
--repeats times alternately after one untimed run, median reported (minimum too), outputs
compared as above; and 1e7 outcomes (burdenshare alone) with peak memory. `--json` prints one
JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from burdenshare.analysis.outcomes import analyse_space
from burdenshare.analysis.solutions import discrete_solutions
from burdenshare.model import (
    ChoiceIssue,
    ChoiceValue,
    Offer,
    OutcomeSpace,
    Party,
    Scenario,
    StatusQuo,
    StrategySpec,
    Valuation,
)
from burdenshare.scenario.genius import _calendar, read_folder

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "genius-domains"
TWO_PARTY = [
    "FiftyFifty2013",
    "Laptop",
    "ItexvsCypress",
    "EnglandZimbabwe",
    "Grocery",
    "Travel",
    "Energy",
]


def random_scenario(outcomes: int, seed: int) -> Scenario:
    """2 parties, log10(outcomes) issues of 10 values, random weights, tables max-normalised."""
    rng = np.random.default_rng(seed)
    k = round(np.log10(outcomes))
    issues = tuple(ChoiceIssue(f"i{j}", tuple(f"v{m}" for m in range(10))) for j in range(k))
    parties = []
    for p in range(2):
        weights = rng.random(k)
        weights /= weights.sum()
        functions = []
        for issue in issues:
            table = rng.random(10)
            table /= table.max()
            functions.append(
                (issue.name, ChoiceValue(tuple(zip(issue.options, map(float, table), strict=True))))
            )
        parties.append(
            Party(
                f"p{p + 1}",
                Valuation(
                    tuple((i.name, float(w)) for i, w in zip(issues, weights, strict=True)),
                    tuple(functions),
                ),
                0.0,
                StrategySpec("boulware"),
            )
        )
    space = OutcomeSpace(issues)
    first = Offer(tuple((i.name, i.options[0]) for i in issues))
    cal = _calendar(180)
    return Scenario(
        f"random-{outcomes}", "random", space, StatusQuo(first, cal.end), tuple(parties), cal
    )


def ours(scenario: Scenario) -> tuple[float, np.ndarray, dict]:
    start = time.perf_counter()
    space = analyse_space(scenario)
    sol = discrete_solutions(space.points, np.zeros(2))
    return time.perf_counter() - start, space.points, sol


def negmas_ufuns(scenario: Scenario):
    """The same utility functions as NegMAS objects (tables already in GENIUS semantics)."""
    from negmas.outcomes import make_issue, make_os
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.preferences.value_fun import TableFun

    issues = [make_issue(list(i.options), name=i.name) for i in scenario.space.issues]  # type: ignore[union-attr]
    os_ = make_os(issues)
    ufuns = []
    for p in scenario.parties:
        v = p.valuation
        values = [TableFun(dict(v.function(i.name).values)) for i in scenario.space.issues]  # type: ignore[union-attr]
        weights = [v.weight(i.name) for i in scenario.space.issues]
        ufuns.append(
            LinearAdditiveUtilityFunction(values=values, weights=weights, outcome_space=os_)
        )
    return ufuns, os_


def theirs(ufuns, os_) -> tuple[float, np.ndarray, tuple, tuple]:
    from negmas.preferences.ops import kalai_points, nash_points, pareto_frontier

    start = time.perf_counter()
    outcomes = list(os_.enumerate_or_sample())
    frontier, _ = pareto_frontier(ufuns, outcomes=outcomes, sort_by_welfare=True)
    nash = nash_points(ufuns, frontier, outcome_space=os_)
    kalai = kalai_points(ufuns, frontier, outcome_space=os_, subtract_reserved_value=False)
    return time.perf_counter() - start, np.array(frontier), nash, kalai


def compare(points: np.ndarray, sol: dict, frontier: np.ndarray) -> dict:
    """Same frontier (as sets, 1e-9) and same Nash / KS under the plain definitions (d = 0)."""
    mine = {tuple(np.round(p, 9)) for p in points}
    other = {tuple(np.round(p, 9)) for p in frontier}
    plain = discrete_solutions(
        frontier[np.lexsort((-frontier[:, 1], -frontier[:, 0]))], np.zeros(2)
    )
    same_nash = np.allclose(sol["nash"].utilities, plain["nash"].utilities, atol=1e-9)
    same_ks = np.allclose(
        sol["kalai_smorodinsky"].utilities, plain["kalai_smorodinsky"].utilities, atol=1e-9
    )
    return {
        "same_frontier": mine == other,
        "frontier_sizes": [len(mine), len(other)],
        "same_nash": bool(same_nash),
        "same_kalai_smorodinsky": bool(same_ks),
    }


def genius_as_negmas(name: str, scenario: Scenario):
    """NegMAS's own GENIUS loader, converted to GENIUS semantics (each table / its maximum)."""
    from negmas.inout import load_genius_domain_from_folder
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.preferences.value_fun import TableFun

    loaded = load_genius_domain_from_folder(str(SHARED / name), ignore_discount=True)
    names = [p.source for p in scenario.parties]
    chosen = [
        u for u in loaded.ufuns if Path(str(getattr(u, "path", "") or "")).name in names
    ] or list(loaded.ufuns)
    ufuns = []
    for u in chosen[:2]:
        inner = getattr(u, "ufun", u)
        values = []
        for f in inner.values:
            top = max(f.mapping.values()) if hasattr(f, "mapping") else max(f.d.values())
            table = f.mapping if hasattr(f, "mapping") else f.d
            values.append(
                TableFun({k: (v / top if top >= 1e-5 else 0.0) for k, v in table.items()})
            )
        ufuns.append(
            LinearAdditiveUtilityFunction(
                values=values, weights=list(inner.weights), outcome_space=loaded.outcome_space
            )
        )
    return ufuns, loaded.outcome_space


NEGMAS_SCRIPT = """
import json, sys
from pathlib import Path
from negmas.inout import load_genius_domain_from_folder
from negmas.preferences import LinearAdditiveUtilityFunction
from negmas.preferences.ops import kalai_points, nash_points, pareto_frontier
from negmas.preferences.value_fun import TableFun
s = load_genius_domain_from_folder(sys.argv[1], ignore_discount=True)
names = sys.argv[2:]
chosen = sorted((u for u in s.ufuns if Path(str(getattr(u, "path", "") or "")).name in names),
                key=lambda u: names.index(Path(str(u.path)).name)) or list(s.ufuns)
u = []
for ufun in chosen[:2]:  # GENIUS semantics: each discrete table divided by its maximum
    inner = getattr(ufun, "ufun", ufun)
    values = []
    for f in inner.values:
        table = f.mapping if hasattr(f, "mapping") else f.d
        top = max(table.values())
        values.append(TableFun({k: (v / top if top >= 1e-5 else 0.0) for k, v in table.items()}))
    u.append(LinearAdditiveUtilityFunction(values=values, weights=list(inner.weights),
                                           outcome_space=s.outcome_space))
outcomes = list(s.outcome_space.enumerate_or_sample())
f, _ = pareto_frontier(u, outcomes=outcomes)
nash = nash_points(u, f, outcome_space=s.outcome_space)
kalai = kalai_points(u, f, outcome_space=s.outcome_space, subtract_reserved_value=False)
front = [[float(x) for x in p] for p in f]
print(json.dumps({"frontier": front, "nash": len(nash), "kalai": len(kalai)}))
"""

PEAK_SCRIPT = """
import sys, time
sys.path.insert(0, {bench!r})
from analysis import random_scenario, ours
s = random_scenario(int(sys.argv[1]), 7)
t, points, sol = ours(s)
# VmHWM (peak resident set of this process image); ru_maxrss would include the parent's
# peak, which Linux carries across fork and exec.
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(t, len(points), hwm / 1024)
"""


def _process_env() -> dict[str, str]:
    """The environment for timed processes: bytecode caches written and used, as after any
    `pip install` (NegMAS's are in site-packages already; PYTHONDONTWRITEBYTECODE, set in some
    sandboxes, would make only our modules be recompiled on every start)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def wall(cmd: list[str]) -> tuple[float, str]:
    """Wall time of one whole process, and what it printed."""
    start = time.perf_counter()
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, env=_process_env())
    return time.perf_counter() - start, done.stdout


def whole_processes(folder: str, names: list[str], repeats: int) -> dict:
    """`burdenshare analyze FOLDER --json` and the NegMAS script on FOLDER, each run once untimed
    (caches), then `repeats` times each, alternating so both see the same machine load."""
    ours_cmd = [str(Path(sys.executable).with_name("burdenshare")), "analyze", folder, "--json"]
    theirs_cmd = [sys.executable, "-c", NEGMAS_SCRIPT, folder, *names]
    _, ours_out = wall(ours_cmd)
    _, theirs_out = wall(theirs_cmd)
    ours_s, theirs_s = [], []
    for _ in range(repeats):
        ours_s.append(wall(ours_cmd)[0])
        theirs_s.append(wall(theirs_cmd)[0])
    doc = json.loads(ours_out)
    mine = np.array([p["utilities"] for p in doc["pareto_frontier"]])
    other = np.array(json.loads(theirs_out)["frontier"]).reshape(-1, 2)
    same_frontier = mine.shape == other.shape and np.allclose(
        mine[np.lexsort((mine[:, 1], -mine[:, 0]))],
        other[np.lexsort((other[:, 1], -other[:, 0]))],
        atol=1e-9,
        rtol=0,
    )
    plain = discrete_solutions(other[np.lexsort((-other[:, 1], -other[:, 0]))], np.zeros(2))
    same = {
        name: bool(
            np.allclose(doc["solutions"][name]["utilities"], plain[name].utilities, atol=1e-9)
        )
        for name in ("nash", "kalai_smorodinsky")
    }
    median_ours, median_theirs = float(np.median(ours_s)), float(np.median(theirs_s))
    return {
        "runs": repeats,
        "burdenshare_process_s": median_ours,
        "negmas_process_s": median_theirs,
        "ratio": median_theirs / median_ours,
        "burdenshare_process_min_s": min(ours_s),
        "negmas_process_min_s": min(theirs_s),
        "ratio_of_minima": min(theirs_s) / min(ours_s),
        "burdenshare_runs_s": ours_s,
        "negmas_runs_s": theirs_s,
        "burdenshare_in_process_s": doc["timing_seconds"]["total_in_process"],
        "same_frontier": bool(same_frontier),
        "frontier_sizes": [len(mine), len(other)],
        "same_nash": same["nash"],
        "same_kalai_smorodinsky": same["kalai_smorodinsky"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sizes", default="1e3,1e4,1e5,1e6")
    parser.add_argument("--big", type=float, default=1e7)
    parser.add_argument(
        "--repeats",
        type=int,
        default=5,
        help="timed runs of each whole process (the median is reported)",
    )
    parser.add_argument(
        "--process-only", action="store_true", help="only the whole-process comparison"
    )
    args = parser.parse_args()
    rows = []
    for size in [] if args.process_only else [int(float(s)) for s in args.sizes.split(",")]:
        s = random_scenario(size, 1)
        t_ours, points, sol = ours(s)
        ufuns, os_ = negmas_ufuns(s)
        t_theirs, frontier, _, _ = theirs(ufuns, os_)
        rows.append(
            {
                "input": f"random {size:.0e}",
                "outcomes": size,
                "burdenshare_s": t_ours,
                "negmas_s": t_theirs,
                "ratio": t_theirs / t_ours,
                **compare(points, sol, frontier),
            }
        )
    if SHARED.is_dir() and not args.process_only:
        for name in TWO_PARTY:
            s = read_folder(SHARED / name).scenario
            t_ours, points, sol = ours(s)
            ufuns, os_ = genius_as_negmas(name, s)
            t_theirs, frontier, _, _ = theirs(ufuns, os_)
            rows.append(
                {
                    "input": name,
                    "outcomes": s.space.size,
                    "burdenshare_s": t_ours,
                    "negmas_s": t_theirs,
                    "ratio": t_theirs / t_ours,
                    **compare(points, sol, frontier),
                }
            )
    import tempfile

    from burdenshare.scenario.genius import to_genius_xml

    processes = []
    with tempfile.TemporaryDirectory() as tmp:
        scenario_1e6 = random_scenario(10**6, 3)
        for file, text in to_genius_xml(scenario_1e6).items():
            (Path(tmp) / file).write_text(text)
        folders = [("random 1e6 (GENIUS XML)", tmp, 10**6)]
        if SHARED.is_dir():
            folders.append(("Energy", str(SHARED / "Energy"), 390625))
        for label, folder, count in folders:
            names = [p.source for p in read_folder(Path(folder)).scenario.parties]
            processes.append(
                {"folder": label, "outcomes": count, **whole_processes(folder, names, args.repeats)}
            )
    process = processes
    memory = []
    bench = str(Path(__file__).resolve().parent)
    for size in () if args.process_only else (int(1e5), int(1e6), int(args.big)):
        out = subprocess.run(
            [sys.executable, "-c", PEAK_SCRIPT.format(bench=bench), str(size)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        memory.append(
            {
                "outcomes": size,
                "burdenshare_s": float(out[0]),
                "frontier": int(out[1]),
                "peak_rss_mb": float(out[2]),
            }
        )
    doc = {
        "rows": rows,
        "whole_process": process,
        "scaling": memory,
        "note": "NegMAS tables divided by their maxima (GENIUS semantics); Nash and KS recomputed"
        " on NegMAS's frontier with the plain product and min-share rule, d = 0; whole processes: "
        "median of --repeats alternating runs after one untimed run each, bytecode caches on",
    }
    if args.json:
        print(json.dumps(doc))
        return
    print(
        f"{'input':18s} {'outcomes':>10s} {'burdenshare s':>14s} {'NegMAS s':>10s} {'ratio':>8s}"
        "  same frontier/Nash/KS"
    )
    for r in rows:
        print(
            f"{r['input']:18s} {r['outcomes']:>10,d} {r['burdenshare_s']:>14.4f}"
            f" {r['negmas_s']:>10.3f} {r['ratio']:>8.0f}×  {r['same_frontier']}/{r['same_nash']}/"
            f"{r['same_kalai_smorodinsky']} {r['frontier_sizes']}"
        )
    for pr in process:
        print(
            f"whole process, {pr['folder']} (median of {pr['runs']}; min): burdenshare "
            f"{pr['burdenshare_process_s']:.3f} s ({pr['burdenshare_process_min_s']:.3f}), NegMAS "
            f"{pr['negmas_process_s']:.2f} s ({pr['negmas_process_min_s']:.2f}), "
            f"ratio {pr['ratio']:.1f}× "
            f"({pr['ratio_of_minima']:.1f}×); same frontier/Nash/KS {pr['same_frontier']}/"
            f"{pr['same_nash']}/{pr['same_kalai_smorodinsky']} {pr['frontier_sizes']}"
        )
    for m in memory:
        print(
            f"{m['outcomes']:>10,d} outcomes: {m['burdenshare_s']:.2f} s, "
            f"peak RSS {m['peak_rss_mb']:.0f} MB"
        )
    print(doc["note"])


if __name__ == "__main__":
    main()
