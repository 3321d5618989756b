# ruff: noqa: E501  (the reference histories below are KTAB log lines, kept verbatim)
"""The Spatial Model of Politics reproduces KTAB's published reference runs.

KTAB ships reference logs of `smpc` runs on its example inputs
(`lsyaseen/KTAB`, `examples/smp/doc/20170530_ref-SOE-Pol-Comp.txt` and
`20170530_ref-dummyData_3Dim.txt`, MIT licence). The position and probability histories below are
copied from the end of those logs (positions printed to 0.1, probabilities to 0.0001); the inputs
are read from `../shared/ktab-examples/`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burdenshare.scenario.ktab_csv import read_ktab_csv
from burdenshare.stakeholders import Actor, Dimension, StakeholderSet, smp
from burdenshare.stakeholders.smp import run_smp

EXAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "ktab-examples"


def _example(name: str) -> Path:
    path = EXAMPLES / name
    if not path.exists():
        pytest.skip(f"KTAB example {name} not found beside the repository ({EXAMPLES})")
    return path


@pytest.fixture(scope="module")
def pol_comp() -> smp.ForecastResult:
    return run_smp(read_ktab_csv(_example("SOE-Pol-Comp.csv")))


@pytest.fixture(scope="module")
def dummy3() -> smp.ForecastResult:
    return run_smp(read_ktab_csv(_example("dummyData_3Dim.csv")))


# --- the numbers the issue names -------------------------------------------------------------


def test_soe_pol_comp_ends_after_27_turns(pol_comp: smp.ForecastResult) -> None:
    assert pol_comp.turns == 27


def test_soe_pol_comp_final_positions(pol_comp: smp.ForecastResult) -> None:
    final = pol_comp.final_positions
    assert final["MOF"] == pytest.approx((38.82, 30.72), abs=0.01)
    assert final["XJ"] == pytest.approx((43.18, 43.30), abs=0.01)


def test_soe_pol_comp_wy_never_moves(pol_comp: smp.ForecastResult) -> None:
    wy = pol_comp.actors.index("WY")
    assert np.all(np.abs(pol_comp.positions[:, wy, :] - [15.0, 60.0]) <= 1e-9)


def test_dummy_3dim_ends_after_10_turns(dummy3: smp.ForecastResult) -> None:
    assert dummy3.turns == 10


def test_dummy_3dim_final_position_of_sactor_05(dummy3: smp.ForecastResult) -> None:
    assert dummy3.final_positions["SActor-05"] == pytest.approx((79.88, 34.37, 75.16), abs=0.01)


# --- the whole published histories -------------------------------------------------------------

POL_COMP_LOG = """\
XJ, Policy Position:  30.0  30.0  30.9  31.4  31.4  34.2  34.2  40.1  40.1  40.1  40.1  40.1  40.1  40.1  39.6  36.9  37.1  37.2  37.2  37.2  37.4  43.2  43.2  43.2  43.2  43.2  43.2  43.2
XJ, Competitive Position:  20.0  20.0  20.4  20.6  20.6  21.6  21.6  28.0  28.0  28.0  28.2  28.2  28.2  29.0  29.5  24.6  25.0  25.1  25.1  25.5  25.6  43.4  43.4  43.3  43.3  43.3  43.3  43.3
LK, Policy Position:  45.0  44.8  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  44.7  43.2  43.2  43.2  43.2  43.2  43.2  43.2
LK, Competitive Position:  65.0  64.6  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  64.4  43.4  43.3  43.3  43.3  43.3  43.3  43.3
ZG, Policy Position:  30.0  30.0  30.0  30.0  30.0  30.0  30.0  30.0  30.0  30.0  30.0  30.0  30.0  30.0  30.0  36.9  36.9  36.9  37.1  37.1  37.1  37.1  38.1  38.1  38.1  38.7  38.7  38.7
ZG, Competitive Position:  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  24.6  24.6  24.6  24.9  24.9  24.9  24.9  27.6  27.6  27.6  28.8  28.8  28.8
MK, Policy Position:  45.0  44.9  44.8  44.8  41.6  41.6  41.6  41.6  41.6  37.4  39.6  39.6  39.6  40.1  39.0  39.2  39.2  39.2  39.2  37.2  38.4  38.4  38.1  38.1  38.7  38.7  38.6  38.6
MK, Competitive Position:  45.0  45.0  45.0  45.0  43.5  43.5  43.5  43.5  43.5  38.5  39.4  39.4  39.4  29.0  31.8  31.7  31.7  31.7  31.7  25.5  28.3  28.3  27.6  27.6  28.9  28.8  28.8  28.8
LH, Policy Position:  50.0  49.6  49.6  49.6  49.6  49.6  49.6  40.1  40.0  40.0  38.3  38.3  38.3  38.3  38.3  38.3  38.4  38.4  38.4  38.4  38.4  38.4  38.4  38.4  38.4  38.4  38.7  38.7
LH, Competitive Position:  65.0  64.4  64.4  64.4  64.4  64.4  64.4  28.0  28.0  28.0  28.1  28.1  28.1  28.1  28.1  28.1  28.5  28.5  28.5  28.5  28.5  28.5  28.5  28.5  28.5  28.5  28.8  28.8
XS, Policy Position:  15.0  42.9  39.7  40.7  35.2  35.2  40.1  40.1  40.0  39.9  39.9  39.1  38.3  39.0  39.0  39.0  38.4  38.4  38.4  38.4  38.4  38.4  38.4  38.4  38.4  38.8  38.6  38.6
XS, Competitive Position:  10.0  38.8  35.4  36.3  26.5  26.5  39.5  39.5  39.4  39.1  39.1  34.6  28.1  32.9  32.5  32.5  28.5  28.5  28.5  28.5  28.3  28.3  28.3  28.2  28.2  30.8  29.5  29.5
NEA, Policy Position:  20.0  20.0  39.7  43.5  32.6  41.5  34.5  40.0  39.6  40.2  40.1  39.0  39.0  39.0  39.1  39.3  39.2  39.2  37.2  38.8  38.8  38.8  38.8  38.8  38.7  38.7  38.7  38.7
NEA, Competitive Position:  15.0  15.0  35.4  44.4  22.7  43.4  22.4  39.1  38.7  37.8  38.6  33.0  33.0  32.7  30.7  30.4  30.4  30.4  25.1  29.4  29.4  29.4  29.4  29.3  29.0  29.0  29.0  29.0
MLR, Policy Position:  60.0  59.7  59.4  59.4  59.4  34.2  34.2  34.2  34.2  37.4  37.4  37.4  37.4  37.4  39.6  39.2  39.2  39.2  39.2  39.2  37.4  38.3  38.3  38.7  38.7  38.7  38.6  38.7
MLR, Competitive Position:  50.0  49.8  49.6  49.6  49.6  21.6  21.6  21.6  21.6  38.5  38.5  38.5  38.5  38.5  29.5  30.4  30.4  30.4  30.4  30.4  25.6  27.2  26.9  28.9  28.9  28.7  28.7  29.0
MEP, Policy Position:  30.0  29.6  44.8  40.7  40.7  40.7  40.7  34.5  40.0  40.0  40.1  38.6  39.0  38.9  39.0  39.2  39.2  37.5  38.8  38.3  38.3  38.3  38.8  38.7  38.7  38.7  38.7  38.7
MEP, Competitive Position:  15.0  14.7  45.0  36.3  36.3  36.3  36.3  21.9  39.4  39.4  38.3  29.1  33.0  32.1  31.6  30.4  30.4  25.4  29.4  27.3  27.3  27.3  30.8  29.5  29.0  29.0  29.0  28.9
MOF, Policy Position:  45.0  42.9  42.0  42.8  41.2  41.2  41.2  41.2  41.2  40.2  40.1  39.3  39.3  39.3  39.3  39.3  37.1  38.8  38.8  38.8  38.8  38.8  38.8  38.8  38.8  38.8  38.8  38.8
MOF, Competitive Position:  40.0  38.8  38.2  38.9  37.0  37.0  37.0  37.0  37.0  37.8  38.3  35.8  35.8  35.8  35.8  35.8  25.1  30.8  30.8  30.8  30.8  30.8  30.8  30.8  30.7  30.7  30.7  30.7
SHX, Policy Position:  50.0  49.9  49.9  31.4  41.6  41.6  41.6  41.6  41.6  41.6  39.6  39.6  40.1  39.4  39.0  39.1  39.1  37.2  37.1  38.3  38.3  38.3  38.2  38.8  38.8  38.8  38.8  38.8
SHX, Competitive Position:  50.0  50.0  49.9  20.6  43.5  43.5  43.5  43.5  43.5  43.5  39.4  39.4  28.2  29.9  32.5  32.1  32.1  25.1  24.9  27.3  27.3  27.2  26.4  30.8  30.8  30.8  30.8  30.8
HLJ, Policy Position:  20.0  20.0  20.0  20.0  20.0  20.0  20.0  20.0  20.0  20.0  38.3  39.0  39.0  39.0  39.0  39.1  39.1  38.8  38.8  38.8  38.7  38.7  38.7  38.7  38.7  38.7  38.8  38.8
HLJ, Competitive Position:  30.0  29.9  29.9  29.9  29.9  29.9  29.9  29.9  29.9  29.9  28.1  33.0  33.0  32.9  31.8  31.4  31.4  29.4  29.4  29.4  28.8  28.8  28.8  28.8  28.8  28.8  30.8  30.8
WY, Policy Position:  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0  15.0
WY, Competitive Position:  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0  60.0
XJ, prob : 0.0618 0.2605 0.1180 0.1528 0.1198 0.1375 0.1564 0.0358 0.0937 0.2052 0.1558 0.1044 0.1347 0.0645 0.1933 0.0653 0.2531 0.1868 0.1722 0.2372 0.2368 0.1232 0.0938 0.1005 0.0890 0.1705 0.1810 0.2299
LK, prob : 0.0156 0.0095 0.0075 0.0044 0.0031 0.0025 0.0026 0.0002 0.0002 0.0000 0.0000 0.0000 0.0001 0.0000 0.0000 0.0000 0.0001 0.0000 0.0001 0.0001 0.0000 0.1232 0.0938 0.1005 0.0890 0.1705 0.1810 0.2299
ZG, prob : 0.0117 0.0219 0.0026 0.0033 0.0004 0.0008 0.0007 0.0001 0.0002 0.0001 0.0000 0.0000 0.0000 0.0000 0.0000 0.0653 0.0275 0.0060 0.0355 0.0190 0.0117 0.0000 0.0536 0.0035 0.0002 0.2450 0.1777 0.1104
MK, prob : 0.4340 0.2986 0.2689 0.1470 0.1423 0.1328 0.1226 0.1593 0.1405 0.2784 0.0794 0.0438 0.0600 0.0645 0.1937 0.1343 0.1132 0.0283 0.0433 0.2372 0.2120 0.0869 0.0536 0.0035 0.4204 0.2450 0.1777 0.1104
LH, prob : 0.0028 0.0021 0.0016 0.0009 0.0006 0.0003 0.0004 0.0358 0.0937 0.2052 0.1770 0.0910 0.1470 0.0264 0.0203 0.1809 0.1773 0.1488 0.1701 0.2147 0.1771 0.1241 0.1710 0.1094 0.0715 0.0024 0.1777 0.1104
XS, prob : 0.0000 0.2413 0.2528 0.2166 0.2240 0.2074 0.1904 0.3425 0.3171 0.1916 0.1095 0.1573 0.1470 0.2349 0.1317 0.0342 0.1773 0.1488 0.1701 0.2147 0.2120 0.0869 0.1167 0.0332 0.0078 0.2453 0.2037 0.2202
NEA, prob : 0.0020 0.0002 0.2528 0.2442 0.1867 0.1695 0.1895 0.3122 0.2985 0.2432 0.1379 0.1651 0.2499 0.2414 0.2288 0.1580 0.2105 0.1479 0.1722 0.1932 0.0327 0.2204 0.1942 0.1825 0.4204 0.3057 0.2373 0.2063
MLR, prob : 0.0013 0.0010 0.0010 0.0008 0.0009 0.1375 0.1564 0.0116 0.0138 0.2784 0.1603 0.0801 0.1527 0.0120 0.1933 0.1766 0.2105 0.1479 0.1834 0.0811 0.2368 0.0150 0.0006 0.1653 0.4204 0.0311 0.0041 0.2063
MEP, prob : 0.0117 0.0032 0.2689 0.2166 0.1707 0.1808 0.1784 0.0275 0.3171 0.0744 0.1802 0.2192 0.2499 0.2061 0.2145 0.1766 0.2105 0.1900 0.2086 0.2090 0.2425 0.0150 0.2007 0.2071 0.4204 0.3057 0.2373 0.2063
MOF, prob : 0.2481 0.2413 0.2392 0.2021 0.1415 0.1559 0.1449 0.1075 0.1317 0.2432 0.1802 0.1391 0.2554 0.0708 0.0176 0.0031 0.2531 0.1344 0.1868 0.0456 0.0073 0.2770 0.2007 0.1984 0.2704 0.2453 0.1961 0.2330
SHX, prob : 0.1533 0.1015 0.0883 0.1528 0.1423 0.1328 0.1226 0.1593 0.1405 0.0059 0.0794 0.0438 0.1347 0.1438 0.1317 0.0781 0.0253 0.1868 0.0355 0.2090 0.2425 0.0150 0.0000 0.1984 0.2704 0.2453 0.1961 0.2330
HLJ, prob : 0.0689 0.0601 0.0201 0.0279 0.0098 0.0124 0.0142 0.0035 0.0043 0.0012 0.1770 0.1651 0.2499 0.2349 0.1937 0.1695 0.1929 0.1578 0.2086 0.1932 0.0798 0.1533 0.1693 0.1653 0.1407 0.2450 0.1961 0.2330
WY, prob : 0.0005 0.0002 0.0001 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0000 0.0001 0.0002
"""

DUMMY_3DIM_LOG = """\
SActor-00, Pstn1:  75.8  79.5  80.6  80.6  78.5  78.5  78.5  78.5  78.6  78.6  78.6
SActor-00, Pstn2:   6.4  44.7  34.2  35.0  30.5  30.5  31.2  31.2  31.5  31.8  31.8
SActor-00, Pstn3:  70.5  72.0  75.9  76.1  74.0  74.0  74.0  74.0  74.0  74.1  74.1
SActor-01, Pstn1:  82.7  78.9  76.0  78.3  79.0  79.0  79.1  78.5  79.9  78.6  78.6
SActor-01, Pstn2:  73.5  56.3  27.5  30.5  30.6  30.6  30.9  31.2  34.4  31.8  31.8
SActor-01, Pstn3:  64.0  72.5  72.0  73.8  74.2  74.2  74.3  74.0  75.2  74.1  74.1
SActor-02, Pstn1:  82.5  82.5  82.5  82.5  82.5  82.5  82.5  82.5  82.5  82.5  82.5
SActor-02, Pstn2:  90.9  90.9  90.9  90.9  90.9  90.9  90.9  90.9  90.9  90.9  90.9
SActor-02, Pstn3:   0.1   0.1   0.1   0.1   0.1   0.1   0.1   0.1   0.1   0.1   0.1
SActor-03, Pstn1:  62.5  65.8  66.7  66.7  66.7  66.7  67.1  67.1  67.1  67.1  67.1
SActor-03, Pstn2:  50.8  50.8  50.2  50.2  50.2  50.2  50.1  50.1  50.1  50.1  50.1
SActor-03, Pstn3:  62.3  63.0  63.5  63.5  63.5  63.5  63.7  63.7  63.7  63.7  63.7
SActor-04, Pstn1:  82.3  79.5  81.5  78.3  78.5  78.5  78.6  80.5  78.6  78.6  78.6
SActor-04, Pstn2:  45.8  44.7  35.8  30.5  30.5  30.5  30.6  34.6  31.6  31.6  31.6
SActor-04, Pstn3:  73.3  72.0  79.1  73.8  74.0  74.0  74.1  75.9  74.0  74.1  74.1
SActor-05, Pstn1:  84.5  84.4  80.6  80.7  80.6  80.5  80.5  80.5  79.9  79.9  79.9
SActor-05, Pstn2:  33.7  34.1  34.2  34.3  34.7  34.6  34.6  34.6  34.4  34.4  34.4
SActor-05, Pstn3:  88.1  86.3  75.9  76.3  76.1  75.9  75.9  75.9  75.2  75.2  75.2
SActor-06, Pstn1:  71.0  75.6  76.0  77.4  77.4  80.5  78.5  78.5  78.7  78.7  78.6
SActor-06, Pstn2:  33.5  24.8  27.5  28.7  28.7  34.6  31.2  31.2  31.3  31.3  31.6
SActor-06, Pstn3:  90.4  72.0  72.0  73.0  73.0  75.9  74.0  74.0  74.1  74.1  74.1
SActor-00, prob : 0.0047 0.6059 0.3618 0.2234 0.2420 0.4040 0.4031 0.3546 0.4593 0.3962 0.3340
SActor-01, prob : 0.0302 0.0509 0.3087 0.3684 0.2457 0.1811 0.1290 0.3546 0.2960 0.3962 0.3340
SActor-02, prob : 0.0054 0.0096 0.0256 0.0158 0.0096 0.0339 0.0072 0.0571 0.0194 0.0074 0.0183
SActor-03, prob : 0.1492 0.1406 0.1887 0.1674 0.0823 0.2564 0.0533 0.2768 0.1131 0.0507 0.0957
SActor-04, prob : 0.6001 0.6059 0.1152 0.3684 0.2420 0.4040 0.0446 0.3115 0.4593 0.1730 0.1512
SActor-05, prob : 0.1447 0.1217 0.3618 0.0649 0.3687 0.1246 0.3628 0.3115 0.2960 0.3530 0.4009
SActor-06, prob : 0.0656 0.0713 0.3087 0.1602 0.0517 0.1246 0.4031 0.3546 0.1123 0.0198 0.1512
"""


def _compare_with_log(result: smp.ForecastResult, log: str) -> None:
    """Every logged position within 0.05 (printed to 0.1) and probability within 0.00005."""
    dims = list(result.dimensions)
    for line in log.splitlines():
        head, values = line.split(":", 1)
        expected = np.array([float(v) for v in values.split()])
        actor, what = (x.strip() for x in head.split(","))
        i = result.actors.index(actor)
        assert len(expected) == result.turns + 1, line
        if what == "prob":
            assert result.win_probabilities is not None
            got = result.win_probabilities[:, i]
            assert np.max(np.abs(got - expected)) <= 5e-5 + 1e-12, (actor, got.round(4))
        else:
            got = result.positions[:, i, dims.index(what)]
            assert np.max(np.abs(got - expected)) <= 0.05 + 1e-9, (actor, what, got.round(2))


def test_soe_pol_comp_matches_ktab_log_turn_by_turn(pol_comp: smp.ForecastResult) -> None:
    _compare_with_log(pol_comp, POL_COMP_LOG)


def test_dummy_3dim_matches_ktab_log_turn_by_turn(dummy3: smp.ForecastResult) -> None:
    _compare_with_log(dummy3, DUMMY_3DIM_LOG)


def test_final_distribution_matches_ktab(pol_comp: smp.ForecastResult) -> None:
    # "History of actors' winning probabilities", last column, one entry per unique position
    by_holder = {w.holders[0]: w.probability for w in pol_comp.distribution}
    assert by_holder == pytest.approx(
        {"XJ": 0.2299, "ZG": 0.1104, "XS": 0.2202, "NEA": 0.2063, "MOF": 0.2330, "WY": 0.0002},
        abs=5e-5,
    )
    assert sum(w.probability for w in pol_comp.distribution) == pytest.approx(1.0, abs=1e-12)
    holders = [h for w in pol_comp.distribution for h in w.holders]
    assert sorted(holders) == sorted(pol_comp.actors)


def test_forecast_is_the_expected_final_position(pol_comp: smp.ForecastResult) -> None:
    expected = sum(np.array(w.position) * w.probability for w in pol_comp.distribution)
    assert pol_comp.forecast == pytest.approx(tuple(expected), abs=1e-9)


# --- first-turn internals, against the same log ------------------------------------------------


def _unit(result_path: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    s = read_ktab_csv(_example(result_path))
    pos = np.array(s.unit_positions())
    sal = np.array([a.salience for a in s.actors])
    cap = np.array([a.capability for a in s.actors])
    return pos, sal, cap


def test_first_turn_risk_attitudes_match_log() -> None:
    pos, sal, cap = _unit("SOE-Pol-Comp.csv")
    risk = smp._assess(pos, sal, cap).risk
    logged = [
        1.0,
        -0.498,
        -0.452,
        0.362,
        -0.5,
        -0.5,
        -0.497,
        -0.499,
        -0.452,
        0.643,
        -0.383,
        -0.196,
        -0.5,
    ]
    assert risk == pytest.approx(logged, abs=5e-4)


def test_first_turn_challenge_and_bargain_match_log() -> None:
    # "In turn 0 actor 4 has most advantageous target 5 worth 0.492 / Est by 4 of prob 0.8682"
    # "Bargain [1013, 4:5] from 4's perspective: 4 proposes 4 adopt: 49.590 64.440"
    pos, sal, cap = _unit("SOE-Pol-Comp.csv")
    a = smp._assess(pos, sal, cap)
    p_ij, gain = smp._challenge_gains(a, cap * sal.sum(axis=1), sal.sum(axis=1))
    gain_4 = np.where(np.arange(13) == 4, -np.inf, gain[4])
    assert int(np.argmax(gain_4)) == 5
    assert gain[4, 5] == pytest.approx(0.4920, abs=5e-5)
    assert p_ij[4, 5] == pytest.approx(0.8682, abs=5e-5)
    b4, b5 = smp.s2p2_bargain(pos[4], sal[4], p_ij[4, 5], pos[5], sal[5], 1 - p_ij[4, 5])
    assert b4 * 100 == pytest.approx([49.59, 64.44], abs=1e-9)
    assert b5 * 100 == pytest.approx([49.59, 64.44], abs=1e-9)


# --- formulas ------------------------------------------------------------------------------------


def test_bs_util_formula() -> None:
    d = np.array([0.0, 0.25, 1.0, 1.5])
    r = np.array([0.5, -0.5, 1.0, 1.0])
    assert smp.bs_util(d, r) == pytest.approx([1.0, 0.75 * 0.875, 0.0, -0.5 * 2.0])


def test_risk_attitudes_span_minus_half_to_one() -> None:
    r = smp.risk_attitudes(np.array([0.1, 0.2, 0.7]))
    assert r == pytest.approx([-0.5, (3 * 0.2 - (0.7 + 2 * 0.1)) / (2 * 0.6), 1.0])


def test_conditional_pce_of_two_options() -> None:
    pv = np.array([[0.5, 0.8], [0.2, 0.5]])
    assert smp.conditional_pce(pv) == pytest.approx([0.8, 0.2])


def test_s2p2_weights_and_rounding() -> None:
    # w = s^2 p^2: 0.25 * 0.64 = 0.16 and 0.25 * 0.04 = 0.01; (0.16+1e-6)*0.2 + 0.01*0.8 ...
    b_i, b_j = smp.s2p2_bargain(
        np.array([0.2]), np.array([0.5]), 0.8, np.array([0.8]), np.array([0.5]), 0.2
    )
    exact_i = ((0.16 + 1e-6) * 0.2 + 0.01 * 0.8) / (0.16 + 1e-6 + 0.01)
    assert b_i[0] == pytest.approx(round(exact_i, 4), abs=1e-12)
    assert b_j[0] == pytest.approx(round((0.16 * 0.2 + (1e-6 + 0.01) * 0.8) / 0.170001, 4))
    assert b_i[0] * 10000 == pytest.approx(round(b_i[0] * 10000), abs=1e-6)


def test_unique_positions_group_greedily_by_first_appearance() -> None:
    pos = np.array([[0.10], [0.1005], [0.1012], [0.3]])
    uniq, group = smp.unique_positions(pos)
    assert uniq == [0, 2, 3]
    assert group == [0, 0, 1, 2]


# --- properties ----------------------------------------------------------------------------------

actor_rows = st.tuples(
    st.floats(1.0, 200.0),  # capability
    st.floats(0.0, 100.0),  # position
    st.floats(0.05, 1.0),  # salience
)


@settings(max_examples=25, deadline=None)
@given(st.lists(actor_rows, min_size=3, max_size=8))
def test_positions_stay_on_scale_and_distribution_sums_to_one(
    rows: list[tuple[float, float, float]],
) -> None:
    s = StakeholderSet(
        actors=tuple(
            Actor(f"A{i}", capability=c, position=(x,), salience=(w,))
            for i, (c, x, w) in enumerate(rows)
        ),
        dimensions=(Dimension("d"),),
    )
    r = run_smp(s)
    assert 2 <= r.turns <= 100
    assert np.all(r.positions >= -1e-9) and np.all(r.positions <= 100 + 1e-9)
    lo, hi = min(x for _, x, _ in rows), max(x for _, x, _ in rows)
    # bargains interpolate between two positions, so nobody leaves the initial hull
    assert np.all(r.positions >= lo - 0.005) and np.all(r.positions <= hi + 0.005)
    assert sum(w.probability for w in r.distribution) == pytest.approx(1.0)
    assert lo - 0.005 <= r.forecast[0] <= hi + 0.005


# --- the values ------------------------------------------------------------------------------


def test_results_are_immutable(dummy3: smp.ForecastResult) -> None:
    import dataclasses

    with pytest.raises(ValueError):
        dummy3.positions[0, 0, 0] = 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        dummy3.model = "bdm"  # type: ignore[misc]
    with pytest.raises(TypeError):
        dummy3.parameters["VotingRule"] = "Binary"  # type: ignore[index]


@pytest.mark.parametrize(
    ("actors", "words"),
    [
        ([("A", 1, 50, 0.5), ("B", 1, 50, 0.5)], "need 3 to 250 actors"),
        ([("A", 1, 50, 0.5), ("A", 1, 40, 0.5), ("C", 1, 30, 0.5)], "unique"),
        ([("A", 0, 50, 0.5), ("B", 1, 40, 0.5), ("C", 1, 30, 0.5)], "positive number"),
        ([("A", 1, 50, 1.5), ("B", 1, 40, 0.5), ("C", 1, 30, 0.5)], "in [0, 1]"),
        ([("A", 1, 50, 0.0), ("B", 1, 40, 0.5), ("C", 1, 30, 0.5)], "positive"),
        ([("A", 1, 150, 0.5), ("B", 1, 40, 0.5), ("C", 1, 30, 0.5)], "outside the dimension"),
    ],
)
def test_stakeholder_values_are_checked(
    actors: list[tuple[str, float, float, float]], words: str
) -> None:
    from burdenshare.errors import InputError

    with pytest.raises(InputError) as info:
        StakeholderSet(
            actors=tuple(
                Actor(n, capability=c, position=(x,), salience=(s,)) for n, c, x, s in actors
            ),
            dimensions=(Dimension("d"),),
        )
    assert words in info.value.render()


def test_real_units_round_trip() -> None:
    d = Dimension("first-year amount", 0.9e12, 1.6e12, "KRW")
    assert d.to_scale(1.25e12) == pytest.approx(50.0)
    assert d.from_scale(50.0) == pytest.approx(1.25e12)
    assert d.to_unit(1.6e12) == 1.0
