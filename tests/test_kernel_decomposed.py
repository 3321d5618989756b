"""The decomposed offer kernel picks what the full-scan kernel picks, outcome by outcome."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from burdenshare.engine import decomposed
from burdenshare.engine.batch import choose, space_tables, valuation_tables
from burdenshare.model import (
    ChoiceIssue,
    ChoiceValue,
    CountIssue,
    LinearValue,
    MoneyIssue,
    OutcomeSpace,
    PercentIssue,
    PiecewiseLinearValue,
    PowerValue,
    Valuation,
)
from burdenshare.model.issues import Category, ScopeIssue
from burdenshare.model.valuation import ScopeValue
from burdenshare.scenario.uncertainty import load_uncertain
from burdenshare.strategies.bidding import BAND, choose_index

OTHERS = [
    CountIssue("years", 1, 4, 1, unit="years"),
    PercentIssue("rise", 0, 2, 0.5),
    ChoiceIssue("venue", ("a", "b", "c")),
    ScopeIssue("scope", (Category("x", fixed=True), Category("y"), Category("z"))),
]


def _function(draw: st.DrawFn, issue: object) -> object:
    if isinstance(issue, ChoiceIssue):
        return ChoiceValue(
            tuple((o, draw(st.sampled_from([0.0, 0.5, 1.0]))) for o in issue.options)
        )
    if isinstance(issue, ScopeIssue):
        return ScopeValue((("y", draw(st.sampled_from([-1.0, 1.0]))), ("z", 0.5)))
    return LinearValue(draw(st.sampled_from(["rising", "falling"])))


@st.composite
def spaces_and_valuations(draw: st.DrawFn) -> tuple[OutcomeSpace, Valuation]:
    """A long money issue (16–60 values, monotone, plateaued or not monotone) among 1–3 others,
    at a random position."""
    high = draw(st.integers(15, 59))
    long = MoneyIssue("amount", 0.0, float(high), 1.0, currency="USD")
    others = draw(
        st.lists(st.sampled_from(OTHERS), min_size=1, max_size=3, unique_by=lambda i: i.name)
    )
    issues = list(others)
    issues.insert(draw(st.integers(0, len(others))), long)
    space = OutcomeSpace(tuple(issues))
    shape = draw(st.sampled_from(["linear", "power", "plateau", "bumpy"]))
    direction = draw(st.sampled_from(["rising", "falling"]))
    if shape == "linear":
        value: object = LinearValue(direction)
    elif shape == "power":
        value = PowerValue(direction, draw(st.sampled_from([0.5, 2.0])))
    elif shape == "plateau":
        middle = draw(st.integers(2, high - 2))
        ends = (1.0, 0.0) if direction == "falling" else (0.0, 1.0)
        value = PiecewiseLinearValue(((0.0, ends[0]), (float(middle), ends[1])))
    else:
        value = PiecewiseLinearValue(((0.0, 0.0), (high / 2, 1.0), (float(high), 0.2)))
    weights = [draw(st.floats(0.05, 1.0)) for _ in issues]
    functions = [(i.name, value if i is long else _function(draw, i)) for i in issues]
    valuation = Valuation(
        tuple((i.name, w) for i, w in zip(issues, weights, strict=True)),
        tuple(functions),  # type: ignore[arg-type]
    )
    return space, valuation


def _masks(draw: st.DrawFn, space: OutcomeSpace) -> tuple[np.ndarray, ...] | None:
    if not draw(st.booleans()):
        return None
    masks = []
    for issue, n in zip(space.issues, space.shape, strict=True):
        if issue.name == "amount" and draw(st.booleans()):
            a = draw(st.integers(0, n - 1))
            b = draw(st.integers(a, n - 1))
            mask = np.zeros(n, dtype=bool)
            mask[a : b + 1] = True
        else:
            mask = np.array([draw(st.booleans()) or k == 0 for k in range(n)])
        masks.append(mask)
    return tuple(masks)


@st.composite
def kernel_calls(draw: st.DrawFn) -> tuple:
    space, valuation = draw(spaces_and_valuations())
    utilities = valuation.utilities(space)
    index = st.integers(0, space.size - 1)
    near = float(utilities[draw(index)])
    target = draw(
        st.one_of(
            st.floats(-0.05, 1.05),
            st.sampled_from([near, near - BAND, near + 1e-12, near - 1e-12]),
        )
    )
    own = draw(st.one_of(st.none(), index))
    other = draw(st.one_of(st.none(), index))
    return space, valuation, target, own, other, _masks(draw, space)


def _flat(space: OutcomeSpace, masks: tuple[np.ndarray, ...] | None) -> np.ndarray | None:
    if masks is None:
        return None
    positions = space_tables(space).positions
    out = np.ones(space.size, dtype=bool)
    for p, mask in enumerate(masks):
        out &= mask[positions[p]]
    return out


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kernel_calls())
def test_property_decomposed_kernel_equals_full_scan(call: tuple) -> None:
    space, valuation, target, own, other, masks = call
    expected = choose_index(
        space,
        valuation.utilities(space),
        target,
        space.offer_at(own) if own is not None else None,
        space.offer_at(other) if other is not None else None,
        _flat(space, masks),
    )
    tables = valuation_tables(valuation, space)
    assert choose(space, tables, target, own, other, masks) == expected
    scan = dataclasses.replace(tables, decomposed=None)
    assert choose(space, scan, target, own, other, masks) == expected
    dec = decomposed.decompose(valuation, space)
    if dec is not None:
        st_ = space_tables(space)

        def grid(i: int | None) -> tuple[int, ...] | None:
            return None if i is None else tuple(int(p[i]) for p in st_.positions)

        found = decomposed.choose(dec, st_.distances, target, grid(own), grid(other), masks)
        assert found is None or found == expected


def test_monotone_long_issues_decompose_and_bumpy_ones_do_not() -> None:
    long = MoneyIssue("amount", 0.0, 30.0, 1.0, currency="USD")
    space = OutcomeSpace((CountIssue("years", 1, 3, 1), long))
    rising = Valuation((("amount", 1.0),), (("amount", LinearValue("rising")),))
    falling = Valuation((("amount", 1.0),), (("amount", PowerValue("falling", 2.0)),))
    bumpy = Valuation(
        (("amount", 1.0),), (("amount", PiecewiseLinearValue(((0, 0), (15, 1), (30, 0)))),)
    )
    assert decomposed.decompose(rising, space) is not None
    dec = decomposed.decompose(falling, space)
    assert dec is not None and dec.grid[0] == 30  # columns reversed: rows non-decreasing
    assert decomposed.decompose(bumpy, space) is None
    assert decomposed.layout(OutcomeSpace((CountIssue("years", 1, 3, 1),))) is None


def test_sma2019_kernel_calls_use_the_decomposition_and_match_the_scan() -> None:
    """On sma-2019 the decomposed kernel answers (not None) and equals the full scan."""
    scenario = load_uncertain("sma-2019")[0].scenario
    space = scenario.space
    rng = np.random.default_rng(3)
    answered = 0
    for party in scenario.parties:
        utilities = party.valuation.utilities(space)
        dec = decomposed.decompose(party.valuation, space)
        assert dec is not None
        st_ = space_tables(space)
        for _ in range(15):
            own, other = (int(i) for i in rng.integers(space.size, size=2))
            target = float(rng.uniform(0.2, 1.0))
            expected = choose_index(
                space, utilities, target, space.offer_at(own), space.offer_at(other)
            )
            grid = [tuple(int(p[i]) for p in st_.positions) for i in (own, other)]
            found = decomposed.choose(dec, st_.distances, target, grid[0], grid[1])
            answered += found is not None
            assert found is None or found == expected
    assert answered >= 25
