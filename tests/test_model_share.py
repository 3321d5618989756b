"""The share kind (issue 13): splits of a bill enumerated structurally, money per payer,
reference keys from sourced figures, scenario files, and the n-party analysis on them —
closed-form Nash, Kalai–Smorodinsky and egalitarian points to floating-point precision."""

from __future__ import annotations

import itertools
import json
from math import comb
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burdenshare.analysis.briefing import analyze, to_json
from burdenshare.analysis.pareto import frontier_indices
from burdenshare.analysis.skyline import frontier_many
from burdenshare.errors import InputError
from burdenshare.model.issues import Payer, ShareIssue, Split
from burdenshare.model.kinds.registry import kind_of
from burdenshare.model.kinds.splits import compositions, count_compositions, unbounded_count
from burdenshare.model.offers import Offer
from burdenshare.model.share_keys import latest, reference_key
from burdenshare.scenario import load
from burdenshare.scenario.load import load_source
from burdenshare.scenario.plausibility import warnings_of

# --- compositions ---------------------------------------------------------------------------


def test_four_payers_at_one_percent_are_176851_splits() -> None:
    units = compositions(100, [0] * 4, [100] * 4)
    assert units.shape == (176_851, 4) == (comb(103, 3), 4) == (unbounded_count(100, 4), 4)
    assert count_compositions(100, [0] * 4, [100] * 4) == 176_851
    assert np.all(units.sum(axis=1) == 100)
    assert tuple(units[0]) == (0, 0, 0, 100) and tuple(units[-1]) == (100, 0, 0, 0)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 12),
    st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=1, max_size=4),
)
def test_compositions_are_exactly_the_bounded_splits_in_order(
    total: int, bounds: list[tuple[int, int]]
) -> None:
    floors = [min(a, b) for a, b in bounds]
    caps = [max(a, b) for a, b in bounds]
    units = compositions(total, floors, caps)
    expected = [
        c
        for c in itertools.product(*(range(f, c + 1) for f, c in zip(floors, caps, strict=True)))
        if sum(c) == total
    ]  # the Cartesian product filtered: what the kind never does, here only as the oracle
    assert [tuple(r) for r in units] == expected
    assert count_compositions(total, floors, caps) == len(expected)


# --- the issue ------------------------------------------------------------------------------

ISSUE = ShareIssue(
    "split",
    (Payer("USA", 10.0, 30.0), Payer("DEU", 10.0, 30.0), Payer("Others", members=("FRA", "GBR"))),
    5.0,
    bill=10.0,
    currency="EUR",
    unit="bn",
    usd_rate=1.1,
)


def test_floors_and_caps_shape_the_grid_and_each_shares_range() -> None:
    percents = ISSUE.percents()
    assert ISSUE.size() == percents.shape[0] == 25  # USA and DEU each 10..30 by 5
    assert np.allclose(percents.sum(axis=1), 100.0)
    assert ISSUE.share_range("USA") == (10.0, 30.0)
    assert ISSUE.share_range("Others") == (40.0, 80.0)
    split = Split((("USA", 15.0), ("DEU", 20.0), ("Others", 65.0)))
    assert ISSUE.contains(split) and ISSUE.contains({"USA": 15, "DEU": 20, "Others": 65})
    assert not ISSUE.contains({"USA": 35, "DEU": 0, "Others": 65})  # above a cap
    assert not ISSUE.contains({"USA": 15, "DEU": 20, "Others": 66})  # not 100 %
    assert not ISSUE.contains({"USA": 0.15, "DEU": 0.2, "Others": 0.65})
    assert "look like fractions" in ISSUE.expected({"USA": 0.15, "DEU": 0.2, "Others": 0.65})
    assert ISSUE.grid()[ISSUE.index_of(split)] == split
    assert ISSUE.normalise({"USA": 15.0, "DEU": 20.0, "Others": 65.0}) == split


def test_a_split_is_snapped_alike_before_and_after_the_grid_is_listed() -> None:
    """`normalise` makes one row a `Split` until the grid is listed, then returns the grid's
    own: the same split (and hash) either way, at every point of the grid."""
    fresh = ShareIssue("split", ISSUE.payers, 5.0, bill=10.0, currency="EUR", unit="bn")
    rows = [dict(zip(fresh.payer_names, row, strict=True)) for row in fresh.percents().tolist()]
    before = [fresh.normalise({k: v + 1e-9 for k, v in row.items()}) for row in rows]
    assert "grid" not in fresh._cache  # each made from its row
    listed = fresh.grid()
    after = [fresh.normalise(row) for row in rows]
    assert before == after == list(listed)
    assert [hash(s) for s in before] == [hash(s) for s in listed]
    assert all(a is b for a, b in zip(after, listed, strict=True))


def test_distance_is_euclidean_and_money_is_bill_times_share() -> None:
    split = Split((("USA", 10.0), ("DEU", 30.0), ("Others", 60.0)))
    d = ISSUE.distances(split)
    other = ISSUE.index_of({"USA": 30.0, "DEU": 10.0, "Others": 60.0})
    assert d[other] == pytest.approx(0.2, rel=1e-15)  # √(20² + 20²) / (100·√2)
    spread = ISSUE.distances({"USA": 10.0, "DEU": 10.0, "Others": 80.0})
    nearer = ISSUE.index_of({"USA": 20.0, "DEU": 20.0, "Others": 60.0})
    assert spread[nearer] == pytest.approx(np.sqrt(600.0) / (100 * np.sqrt(2.0)), rel=1e-15)
    money = ISSUE.amounts(split)
    assert money["DEU"] == {"EUR": 3e9, "USD": pytest.approx(3.3e9, rel=1e-15)}
    assert ISSUE.describe(split).startswith("USA 10 % (EUR 1.00 bn, USD 1.10 bn)")
    assert Offer.of({"split": split}).to_json() == {
        "split": {"USA": 10.0, "DEU": 30.0, "Others": 60.0}
    }


def test_reference_keys_from_the_sourced_figures() -> None:
    gni = latest("gni")
    assert all(d.source for d in gni.values())
    key = reference_key("gni", [("USA", ("USA",)), ("EU2", ("DEU", "FRA"))])
    usa, deu, fra = gni["USA"].value, gni["DEU"].value, gni["FRA"].value
    assert dict(key.shares)["USA"] == pytest.approx(100 * usa / (usa + deu + fra), rel=1e-15)
    assert key.years == (2018,)
    equal = reference_key("equal", [("a", ()), ("b", ()), ("c", ()), ("d", ())])
    assert dict(equal.shares) == dict.fromkeys("abcd", 25.0)
    lacking = reference_key("gdp", [("USA", ("USA",)), ("Small", ("LUX", "ISL"))])
    assert not lacking.available and lacking.missing == ("LUX", "ISL")


def test_a_payers_value_function_reads_its_own_share() -> None:
    kind = kind_of("share")
    assert kind is not None
    problems: list[str] = []
    function = ISSUE.value_function(
        {"payer": "DEU", "shape": "linear", "direction": "falling"},
        lambda key, message: problems.append(key),
    )
    assert function is not None and not problems
    values = function.evaluate(ISSUE, ISSUE.numbers())
    assert np.allclose(values, (30.0 - ISSUE.column("DEU")) / 20.0, rtol=0, atol=1e-15)
    assert ISSUE.value_function({"shape": "linear"}, lambda k, m: problems.append(k)) is None
    assert problems == ["payer"]


# --- scenario files -------------------------------------------------------------------------

FOUR = """
name = "four-allies"
title = "Four allies split a USD 10 bn bill"

[[issues]]
name = "split"
kind = "share"
step = STEP
bill = 10.0
currency = "USD"
unit = "bn"
payers = [{ name = "USA" }, { name = "DEU" }, { name = "FRA" }, { name = "GBR" }]

[status_quo]
terms = { split = { USA = 40.0, DEU = 20.0, FRA = 20.0, GBR = 20.0 } }
expiry = 2020-12-31
PARTIES
[calendar]
deadline = 2020-12-31
end = 2021-06-30
meetings = [
  { date = 2020-09-01, place = "Brussels", offers = 20 },
  { date = 2020-12-01, place = "Brussels", offers = 40 },
]
"""

PARTY = """
[[parties]]
name = "{name}"
reservation_value = {rv}
strategy = {{ name = "conceder" }}
[parties.valuation]
split = {{ weight = 1.0, payer = "{name}", shape = "linear" }}
"""


def _scenario(tmp_path: Path, step: float = 5.0, rvs: tuple[float, ...] = (0, 0, 0, 0)) -> Path:
    parties = "".join(
        PARTY.format(name=n, rv=rv) for n, rv in zip(("USA", "DEU", "FRA", "GBR"), rvs, strict=True)
    )
    path = tmp_path / "four.toml"
    path.write_text(FOUR.replace("STEP", str(step)).replace("PARTIES", parties), encoding="utf-8")
    return path


def test_a_share_scenario_loads_and_every_split_is_on_the_frontier(tmp_path: Path) -> None:
    scenario = load(_scenario(tmp_path))
    assert scenario.space.size == comb(23, 3)  # 20 steps of 5 % among four payers
    analysis = analyze(scenario, "reservation")
    # each ally values only its own share: no split is better for all, so all are optimal
    assert analysis.space.points.shape == (comb(23, 3), 4)
    nash = analysis.solution_terms["nash"]
    assert nash is not None and nash.to_json() == {
        "split": {"USA": 25.0, "DEU": 25.0, "FRA": 25.0, "GBR": 25.0}
    }
    document = to_json(analysis)
    assert document["solutions"]["nash"]["money"]["split"]["USA"] == {"USD": 2.5e9}
    assert document["pareto_frontier"][0]["terms"]["split"] == {
        "USA": 0.0,
        "DEU": 0.0,
        "FRA": 0.0,
        "GBR": 100.0,
    }
    keys = {k["key"]: k for k in document["reference_keys"]}
    assert keys["equal"]["nearest"]["terms"] == nash.to_json()
    assert keys["gni"]["available"] and keys["gni"]["sources"]
    json.dumps(document)


def test_bad_share_input_names_the_field(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        load(_scenario(tmp_path, step=3.0))
    assert [p.field for p in raised.value.problems] == ["issues[0].step"]
    path = _scenario(tmp_path)
    path.write_text(
        path.read_text().replace("USA = 40.0, DEU = 20.0", "USA = 0.4, DEU = 0.2"), "utf-8"
    )
    with pytest.raises(InputError) as raised:
        load(path)
    (problem,) = raised.value.problems
    assert problem.field == "status_quo.terms.split" and "expected a table of shares" in (
        problem.message
    )


def test_a_fraction_for_a_floor_is_flagged(tmp_path: Path) -> None:
    path = _scenario(tmp_path)
    path.write_text(path.read_text().replace('{ name = "USA" }', '{ name = "USA", floor = 0.6 }'))
    loaded = load_source(str(path))
    found = [w.field for w in warnings_of(loaded, {})]
    assert found == ["issues[0].payers[0].floor"]


# --- exact n-party solutions ----------------------------------------------------------------


def test_three_party_solutions_in_closed_form(tmp_path: Path) -> None:
    """u_i = 1 − s_i/100 (linear in its own share) so Σu = 2 on every split; d = (0.5, 0, 0).
    Nash: equal gains (2 − Σd)/3 = 0.5 → u = (1, 0.5, 0.5); egalitarian the same;
    Kalai–Smorodinsky with ideal g = (1, 1, 1): u_i = d_i + λ(1 − d_i), λ = (2 − Σd)/(3 − Σd)
    = 0.6 → u = (0.8, 0.6, 0.6); the utilitarian sum is 2 everywhere."""
    text = FOUR.replace("STEP", "1.0").replace(', { name = "GBR" }', "")
    text = text.replace(", GBR = 20.0", "").replace("USA = 40.0", "USA = 60.0")
    parties = "".join(
        PARTY.format(name=n, rv=rv) for n, rv in (("USA", 0.5), ("DEU", 0.0), ("FRA", 0.0))
    )
    path = tmp_path / "three.toml"
    path.write_text(text.replace("PARTIES", parties), encoding="utf-8")
    analysis = analyze(load(path), "reservation")
    exact = {
        "nash": (1.0, 0.5, 0.5),
        "egalitarian": (1.0, 0.5, 0.5),
        "kalai_smorodinsky": (0.8, 0.6, 0.6),
    }
    for name, utilities in exact.items():
        found = analysis.solutions[name]
        assert found is not None
        assert found.utilities == pytest.approx(utilities, rel=1e-15, abs=1e-15), name
    terms = analysis.solution_terms["kalai_smorodinsky"]
    assert terms is not None and terms.to_json()["split"] == {"USA": 20.0, "DEU": 40.0, "FRA": 40.0}
    utilitarian = analysis.solutions["utilitarian"]
    assert utilitarian is not None and sum(utilitarian.utilities) == pytest.approx(2.0, abs=1e-14)


# --- the frontier algorithm -----------------------------------------------------------------


def _brute_frontier(u: np.ndarray) -> list[int]:
    first: dict[tuple[float, ...], int] = {}
    for i, row in enumerate(map(tuple, u)):
        first.setdefault(row, i)
    rows = sorted(first.values())
    return [
        i
        for i in rows
        if not any(j != i and np.all(u[j] >= u[i]) and np.any(u[j] > u[i]) for j in rows)
    ]


@settings(max_examples=80, deadline=None)
@given(
    st.integers(3, 5).flatmap(
        lambda d: st.lists(
            st.lists(st.integers(0, 4), min_size=d, max_size=d), min_size=1, max_size=60
        )
    )
)
def test_the_maxima_algorithms_agree_with_pairwise_dominance(rows: list[list[int]]) -> None:
    u = np.array(rows, dtype=float)  # few distinct values: many ties, many duplicates
    assert frontier_many(u).tolist() == _brute_frontier(u)
    assert sorted(frontier_indices(u).tolist()) == _brute_frontier(u)


def test_ternary_corners_and_pairwise_panels() -> None:
    from burdenshare.reports.many_parties import ternary

    x, y = ternary(np.array([[100.0, 0, 0], [0, 100.0, 0], [0, 0, 100.0]]))
    assert np.allclose(x, [0, 1, 0.5]) and np.allclose(y, [0, 0, np.sqrt(3) / 2])


# --- the built-in multilateral scenario -----------------------------------------------------


def test_the_builtin_nato_split_is_sourced_and_ends_in_agreement() -> None:
    import re

    from burdenshare.engine import negotiate
    from burdenshare.scenario.audit import unsourced

    loaded = load_source("nato-common-funding-2021")
    scenario = loaded.scenario
    assert unsourced(loaded.document) == []
    doc = loaded.document
    texts = [m.source for m in doc.calendar.meetings] + [doc.status_quo.source]
    texts += [i.source for i in doc.issues] + [r.source for r in doc.ratifiers]
    texts += [p.source for p in doc.parties] + [r.rationale for r in doc.ratifiers]
    for token in re.findall(r"\b[A-Z][A-Z_]*[0-9]+[A-Z0-9_]*\b", " ".join(texts)):
        assert token in doc.sources, token  # every cited key is a [sources] entry
    issue = scenario.space.issues[0]
    assert issue.kind == "share" and len(scenario.parties) >= 3
    assert scenario.status_quo.terms.to_json() == {
        "split": {"USA": 22.1, "DEU": 14.8, "Others": 63.1}
    }
    assert issue.contains({"USA": 16.35, "DEU": 16.35, "Others": 67.3})  # what was agreed
    assert "16.35 %" in loaded.document.sources["DW19"]
    result = negotiate(scenario)
    assert result.outcome.status == "agreement"
    analysis = analyze(scenario, "reservation")
    assert analysis.solutions["nash"] is not None


def test_every_offer_of_a_run_is_a_feasible_split(tmp_path: Path) -> None:
    from burdenshare.engine import negotiate

    scenario = load(_scenario(tmp_path, rvs=(0.3, 0.2, 0.2, 0.2)))
    issue = scenario.space.issues[0]
    offers = [e.offer for e in negotiate(scenario, seed=3).trace if e.offer is not None]
    assert offers
    for offer in offers:
        split = offer["split"]
        assert issue.contains(split) and sum(split.percents()) == pytest.approx(100.0)  # type: ignore[union-attr]


def test_monte_carlo_terms_of_a_share_issue_are_each_payers_share(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from burdenshare.experiments.summary import terms_quantiles
    from burdenshare.experiments.tallies import Counts

    scenario = load(_scenario(tmp_path))
    issue = scenario.space.issues[0]
    a = issue.index_of({"USA": 40.0, "DEU": 20.0, "FRA": 20.0, "GBR": 20.0})
    b = issue.index_of({"USA": 25.0, "DEU": 25.0, "FRA": 25.0, "GBR": 25.0})
    runs = Counts(np.array(sorted([a, b])), np.array([1, 3]) if a < b else np.array([3, 1]))
    shares = terms_quantiles(SimpleNamespace(scenario=scenario), runs)["split"]["shares"]  # type: ignore[arg-type]
    assert list(shares) == ["USA", "DEU", "FRA", "GBR"]
    assert shares["USA"]["quantiles"]["mean"] == pytest.approx((40.0 + 3 * 25.0) / 4, rel=1e-15)
    assert shares["USA"]["quantiles"]["q50"] == 25.0 and shares["USA"]["unit"] == "%"


def test_run_json_gives_the_agreed_split_and_each_payers_money() -> None:
    from burdenshare.engine import negotiate
    from burdenshare.reports.negotiation import run_dict

    loaded = load_source("nato-common-funding-2021")
    payload = run_dict(negotiate(loaded.scenario), loaded.sha256, 0, loaded.scenario)
    split = payload["outcome"]["terms"]["split"]
    assert set(split) == {"USA", "DEU", "Others"} and sum(split.values()) == pytest.approx(100)
    money = payload["outcome"]["money"]["split"]["DEU"]
    assert money["EUR"] == round(2.12e9 * split["DEU"] / 100, 2)
    assert money["USD"] == round(2.12e9 * split["DEU"] / 100 * 1.1018, 2)


def test_four_party_nash_point_in_closed_form(tmp_path: Path) -> None:
    """Four allies, u_i = 1 − s_i/100, Σu = 3; d = (0.3, 0.2, 0.1, 0): the Nash product is
    largest with equal gains (3 − Σd)/4 = 0.6, u = (0.9, 0.8, 0.7, 0.6), i.e. shares
    (10, 20, 30, 40) %; the egalitarian point is the same."""
    analysis = analyze(load(_scenario(tmp_path, rvs=(0.3, 0.2, 0.1, 0.0))), "reservation")
    for name in ("nash", "egalitarian"):
        found = analysis.solutions[name]
        assert found is not None
        assert found.utilities == pytest.approx((0.9, 0.8, 0.7, 0.6), rel=1e-15, abs=1e-15)
    terms = analysis.solution_terms["nash"]
    assert terms is not None
    assert terms.to_json()["split"] == {"USA": 10.0, "DEU": 20.0, "FRA": 30.0, "GBR": 40.0}


def test_a_key_beyond_a_cap_is_nearest_to_the_split_spreading_the_excess() -> None:
    """GNI-like shares 68.6/13.05/9.18/9.17 with the US capped at 50 %: the excess spreads over
    the others (Euclidean, the kind's distance), not onto the last payer (total variation ties
    every way of moving it, and the first such split was 50/15/10/25)."""
    issue = ShareIssue(
        "split",
        (Payer("USA", 20.0, 50.0), Payer("DEU", 10.0, 30.0), Payer("FRA", 10.0, 30.0),
         Payer("GBR", 10.0, 30.0)),
        2.5,
    )  # fmt: skip
    key = {"USA": 68.6, "DEU": 13.05, "FRA": 9.18, "GBR": 9.17}
    nearest = issue.grid()[issue.nearest(key)]
    assert dict(nearest.shares) == {"USA": 50.0, "DEU": 20.0, "FRA": 15.0, "GBR": 15.0}
