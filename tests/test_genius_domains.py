"""GENIUS domains from ../shared/genius-domains: load, match the FORMAT.md oracles, refuse with a
reason, round-trip through GENIUS XML, and the CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from burdenshare.analysis import analyze
from burdenshare.analysis.outcomes import utility_matrix
from burdenshare.errors import InputError
from burdenshare.scenario.genius import read_folder, read_geniusweb, to_genius_xml

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "genius-domains"
pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} is absent")

# FORMAT.md §1.8: outcomes, Nash point (u1, u2) with d = 0, min utilities
ORACLES = {
    "Laptop": (27, (1.0001, 0.8151), (0.3504, 0.3527)),
    "ItexvsCypress": (180, (0.6705, 0.7215), (0.04, 0.0381)),
    "EnglandZimbabwe": (576, (0.9109, 0.7332), (0.1101, 0.099)),
    "Grocery": (1600, (0.84, 0.895), (0.1, 0.1)),
    "Travel": (188160, (0.8824, 0.802), (0.0968, 0.0968)),
    "Energy": (390625, (0.625, 0.7543), (0.095, 0.0)),
    "FiftyFifty2013": (11, (0.5, 0.5), (0.0, 0.0)),
}


@pytest.mark.parametrize("name", sorted(ORACLES))
def test_oracle_nash_points(name: str) -> None:
    count, nash, lows = ORACLES[name]
    loaded = read_folder(SHARED / name)
    a = analyze(loaded.scenario)
    assert a.space.outcome_count == count
    assert a.solutions["nash"].utilities == pytest.approx(nash, abs=5e-5)  # type: ignore[union-attr]
    assert a.space.cloud.min(axis=0) == pytest.approx(lows, abs=5e-5)


def test_distinct_pareto_counts() -> None:
    for name, expected in (
        ("Laptop", 4),
        ("ItexvsCypress", 18),
        ("EnglandZimbabwe", 25),
        ("Grocery", 7),
        ("Travel", 12),
        ("FiftyFifty2013", 11),
    ):
        assert len(analyze(read_folder(SHARED / name).scenario).space.points) == expected, name


def test_laptop_weights_are_not_renormalised() -> None:
    u = utility_matrix(
        read_folder(SHARED / "Laptop").scenario.parties,
        read_folder(SHARED / "Laptop").scenario.space,
    )
    written = 0.4452125771655631 + 0.37808251708013424 + 0.1767567099260568  # buyer's weights
    assert u[:, 0].max() == pytest.approx(written, abs=1e-15) and written > 1.00005


def test_uncertain_profiles_left_out_unless_asked() -> None:
    base = read_folder(SHARED / "EnglandZimbabwe")
    assert [p.name for p in base.scenario.parties] == ["England", "Zimbabwe"]
    assert any("UNCERTAIN" in n for n in base.notes)
    every = read_folder(SHARED / "EnglandZimbabwe", include_uncertain=True)
    assert [p.name for p in every.scenario.parties] == [
        "England",
        "England10",
        "Zimbabwe",
        "Zimbabwe10",
    ]
    assert every.scenario.party("Zimbabwe10").reservation_value == pytest.approx(0.84001)


def test_integer_evaluator_relative_to_lower_bound() -> None:
    s = read_folder(SHARED / "Vacation").scenario
    v = s.party("Vacation_util2").valuation
    f = v.function("Duration (weeks)")
    issue = s.space.issue("Duration (weeks)")
    assert f.evaluate(issue, np.array([1.0, 4.0])) / (
        v.weight("Duration (weeks)") * 0 + 1
    ) == pytest.approx(np.array([1.0, 0.5]) * sum(w for _, w in v.weights))  # type: ignore[union-attr]


def test_discount_becomes_per_offer_delta() -> None:
    s = read_folder(SHARED / "Laptop").scenario
    a = analyze(s)
    assert a.rubinstein is not None
    assert a.rubinstein.deltas[0] == pytest.approx(0.42441038 ** (1 / 180), rel=1e-12)


@pytest.mark.parametrize(
    "name,reason",
    [
        ("SecondHandCar", "car_dealer.xml"),
        ("10issuesDiscountedwithRV", "nonlinear"),
    ],
)
def test_refused_with_a_reason(name: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read_folder(SHARED / name)


def test_son_is_approximated_with_a_stated_tolerance() -> None:
    a = analyze(read_folder(SHARED / "SON").scenario)
    assert a.space.method == "grid" and a.space.outcome_count is None
    assert 0 < a.space.tolerance < 0.1


@pytest.mark.parametrize("name", ["Laptop", "Vacation", "ItexvsCypress", "TriangularFight"])
def test_round_trip_through_genius_xml(name: str, tmp_path: Path) -> None:
    first = read_folder(SHARED / name).scenario
    for file, text in to_genius_xml(first).items():
        (tmp_path / file).write_text(text)
    again = read_folder(tmp_path).scenario
    assert [p.reservation_value for p in again.parties] == pytest.approx(
        [p.reservation_value for p in first.parties]
    )
    assert np.allclose(
        utility_matrix(first.parties, first.space),
        utility_matrix(again.parties, again.space),
        atol=1e-12,
    )
    assert [p.monthly_discount for p in again.parties] == pytest.approx(
        [p.monthly_discount for p in first.parties], rel=1e-12
    )


def test_geniusweb_profiles(tmp_path: Path) -> None:
    domain = {
        "name": "party",
        "issuesValues": {
            "Food": {"values": ["Chips", "Catering"]},
            "Size": {"range": {"low": 1, "high": 3, "step": 1}},
        },
    }
    for name, utils, weights in (
        ("p1", {"Chips": 0.75, "Catering": 0.25}, (0.19, 0.81)),
        ("p2", {"Chips": 0.1, "Catering": 1.0}, (0.5, 0.5)),
    ):
        key = "discreteutils" if name == "p1" else "DiscreteValueSetUtilities"
        body = {
            "LinearAdditiveUtilitySpace": {
                "name": name,
                "domain": domain,
                "issueUtilities": {
                    "Food": {key: {"valueUtilities": utils}},
                    "Size": {
                        "numberutils": {
                            "lowValue": 1,
                            "lowUtility": 0,
                            "highValue": 3,
                            "highUtility": 1,
                        }
                    },
                },
                "issueWeights": {"Food": weights[0], "Size": weights[1]},
                "reservationBid": {"issuevalues": {"Food": "Catering", "Size": 2}}
                if name == "p1"
                else None,
            }
        }
        (tmp_path / f"{name}.json").write_text(json.dumps(body))
    s = read_geniusweb(sorted(tmp_path.glob("*.json"))).scenario
    assert s.space.size == 6
    assert s.party("p1").reservation_value == pytest.approx(0.19 * 0.25 + 0.81 * 0.5)
    u = utility_matrix(s.parties, s.space)
    assert u[:, 0].max() == pytest.approx(0.19 * 0.75 + 0.81)


def test_cli_json_contract_and_refusal() -> None:
    exe = [str(Path(sys.executable).with_name("burdenshare"))]
    done = subprocess.run(
        [*exe, "analyze", str(SHARED / "Laptop"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    doc = json.loads(done.stdout)
    assert doc["parties"] == ["laptop_buyer_utility", "laptop_seller_utility"]
    assert doc["outcome_count"] == 27 and len(doc["pareto_frontier"]) == 4
    for key in ("nash", "kalai_smorodinsky", "utilitarian", "egalitarian"):
        assert set(doc["solutions"][key]) >= {"utilities", "terms"}
    bad = subprocess.run(
        [*exe, "analyze", str(SHARED / "SecondHandCar")], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "car_dealer.xml" in bad.stderr and bad.stdout == ""
