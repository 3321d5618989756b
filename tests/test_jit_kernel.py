"""The compiled offer kernel picks what the reference kernel (`bidding.choose_index`, the rule
in plain Python) picks, outcome by outcome."""

from __future__ import annotations

import numba
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from burdenshare.engine import jit_kernel
from burdenshare.engine.jit_kernel import Pool, SpaceArrays, choose, pool, space_arrays
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

# these tests compile the kernel's functions as entries of their own (not cached: the cached
# loop holds them, ~15 s of CPU for `choose`): on one xdist worker, which compiles each once
pytestmark = pytest.mark.xdist_group("kernel")

OTHERS = [
    CountIssue("years", 1, 4, 1, unit="years"),
    PercentIssue("rise", 0, 2, 0.5),
    ChoiceIssue("venue", ("a", "b", "c")),
    ScopeIssue("scope", (Category("x", fixed=True), Category("y"), Category("z"))),
    MoneyIssue("fee", 0.0, 9.0, 1.0, currency="USD"),  # numeric but too short to be long
    ChoiceIssue("twin", ("p", "p", "q")),  # two grid values at distance 0 from each other
]


# -- exactness of the pieces ---------------------------------------------------------------


@numba.njit  # type: ignore[misc]  # no cache: it would keep a stale copy of the kernel
def _round_all(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ours = np.empty_like(x)
    numbas = np.empty_like(x)
    for i in range(x.size):
        ours[i] = jit_kernel.round12(x[i])
        numbas[i] = np.round(x[i], 12)
    return ours, numbas


def test_round12_is_numpys_round_to_12_decimals() -> None:
    """Bit for bit on random values, halfway cases and sums of grid-step distances."""
    rng = np.random.default_rng(0)
    steps = np.array([1 / 16, 1 / 9, 1 / 500, 1 / 3, 0.25, 1 / 7, 1 / 59])
    sums = (rng.integers(0, 60, (200_000, steps.size)) * steps).cumsum(axis=1).ravel()
    x = np.concatenate(
        (
            rng.uniform(0.0, 5.0, 200_000),
            rng.uniform(0.0, 1e-9, 50_000),
            (np.arange(50_000) + 0.5) / 1e12,  # ties: half to even
            np.arange(1, 50_000) / 3.0,
            sums,
            np.abs(np.diff(sums)),
        )
    )
    ours, numbas = _round_all(x)
    expected = np.round(x, 12)
    assert np.array_equal(ours, expected)
    assert np.array_equal(numbas, expected)
    assert ours.tobytes() == expected.tobytes()  # also the sign of zeros


# -- generators ----------------------------------------------------------------------------


def _function(draw: st.DrawFn, issue: object) -> object:
    if isinstance(issue, ChoiceIssue):
        return ChoiceValue(
            tuple((o, draw(st.sampled_from([0.0, 0.01, 0.5, 0.51, 1.0]))) for o in issue.options)
        )
    if isinstance(issue, ScopeIssue):
        return ScopeValue((("y", draw(st.sampled_from([-1.0, 1.0]))), ("z", 0.5)))
    return LinearValue(draw(st.sampled_from(["rising", "falling"])))


def _long_value(draw: st.DrawFn, high: int) -> object:
    shape = draw(st.sampled_from(["linear", "power", "plateau", "bumpy"]))
    direction = draw(st.sampled_from(["rising", "falling"]))
    if shape == "linear":
        return LinearValue(direction)
    if shape == "power":
        return PowerValue(direction, draw(st.sampled_from([0.5, 2.0])))
    if shape == "plateau":
        middle = draw(st.integers(2, high - 2))
        ends = (1.0, 0.0) if direction == "falling" else (0.0, 1.0)
        return PiecewiseLinearValue(((0.0, ends[0]), (float(middle), ends[1])))
    return PiecewiseLinearValue(((0.0, 0.0), (high / 2, 1.0), (float(high), 0.2)))


@st.composite
def spaces_and_pools(draw: st.DrawFn) -> tuple[OutcomeSpace, list[Valuation]]:
    """A space with a long money issue (16–60 values, at any position) or without one, and
    1–3 valuations over it (the long issue rising, falling, plateaued or not monotone)."""
    others = draw(
        st.lists(st.sampled_from(OTHERS), min_size=0, max_size=3, unique_by=lambda i: i.name)
    )
    issues: list[object] = list(others)
    high = draw(st.integers(15, 59))
    long = MoneyIssue("amount", 0.0, float(high), 1.0, currency="USD")
    if not issues or draw(st.booleans()):
        issues.insert(draw(st.integers(0, len(issues))), long)
    space = OutcomeSpace(tuple(issues))  # type: ignore[arg-type]
    valuations = []
    for _ in range(draw(st.integers(1, 3))):
        weights = [draw(st.floats(0.05, 1.0)) for _ in issues]
        functions = [
            (i.name, _long_value(draw, high) if i is long else _function(draw, i))  # type: ignore[attr-defined]
            for i in issues
        ]
        valuations.append(
            Valuation(
                tuple((i.name, w) for i, w in zip(issues, weights, strict=True)),  # type: ignore[attr-defined]
                tuple(functions),  # type: ignore[arg-type]
            )
        )
    return space, valuations


def _masks(draw: st.DrawFn, space: OutcomeSpace) -> list[np.ndarray] | None:
    """None, or per issue a mask: intervals or not on the long issue, sometimes all False."""
    kind = draw(st.sampled_from(["none", "some", "some", "nothing"]))
    if kind == "none":
        return None
    masks = []
    for issue, n in zip(space.issues, space.shape, strict=True):
        if issue.name == "amount" and draw(st.booleans()):
            a = draw(st.integers(0, n - 1))
            b = draw(st.integers(a, n - 1))
            mask = np.zeros(n, dtype=bool)
            mask[a : b + 1] = True
        else:
            keep = draw(st.sampled_from([0.0, 0.5, 1.0]))
            mask = np.array([draw(st.booleans()) or keep == 1.0 or k == 0 for k in range(n)])
            if keep == 0.5:
                mask[draw(st.integers(0, n - 1))] = False
        masks.append(mask)
    if kind == "nothing":
        masks[draw(st.integers(0, len(masks) - 1))][:] = False
    return masks


@st.composite
def kernel_calls(draw: st.DrawFn) -> tuple:
    """A space and pool, and several calls: valuation, target (on band edges, just below the own
    offer as a conceding party's, midway between two utilities, beyond both ends), own,
    opponent, masks, padding."""
    (
        space,
        valuations,
    ) = draw(spaces_and_pools())
    index = st.integers(0, space.size - 1)
    calls = []
    for _ in range(draw(st.integers(1, 8))):
        v = draw(st.integers(0, len(valuations) - 1))
        utilities = valuations[v].utilities(space)
        own = draw(st.one_of(st.none(), index, index, index))
        other = draw(st.one_of(st.none(), index, index))
        near = float(utilities[own if own is not None and draw(st.booleans()) else draw(index)])
        levels = np.unique(utilities)
        k = draw(st.integers(0, max(levels.size - 2, 0)))
        midway = float((levels[k] + levels[min(k + 1, levels.size - 1)]) / 2)
        target = draw(
            st.one_of(
                st.floats(-0.05, 1.05),
                st.sampled_from(
                    [
                        near,
                        near + 1e-12,
                        near - 1e-12,
                        near - BAND,
                        near - BAND + 1e-12,
                        near - BAND - 1e-12,
                        midway,
                        float(utilities.max()) + 0.01,
                        float(utilities.min()) - 0.05,
                    ]
                ),
                st.floats(0.0, 0.1).map(lambda d, near=near: near - BAND - d),
            )
        )
        calls.append((v, target, own, other, _masks(draw, space), draw(st.booleans())))
    return space, valuations, calls, draw(st.booleans())


def _flat(sa: SpaceArrays, masks: list[np.ndarray] | None) -> np.ndarray | None:
    if masks is None:
        return None
    out = np.ones(sa.positions.shape[1], dtype=bool)
    for p, mask in enumerate(masks):
        out &= mask[sa.positions[p]]
    return out


def _allowed(space: OutcomeSpace, masks: list[np.ndarray] | None, padding: bool) -> np.ndarray:
    """The kernel's bool[I, G] mask; the padding beyond each grid is True or False (never read)."""
    out = np.full((len(space.shape), max(space.shape)), padding, dtype=np.bool_)
    for p, n in enumerate(space.shape):
        out[p, :n] = True if masks is None else masks[p]
    return out


def _expected(
    space: OutcomeSpace,
    valuation: Valuation,
    target: float,
    own: int | None,
    other: int | None,
    flat: np.ndarray | None,
) -> int:
    return choose_index(
        space,
        valuation.table(space),
        target,
        space.offer_at(own) if own is not None else None,
        space.offer_at(other) if other is not None else None,
        flat,
    )


# -- properties ----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kernel_calls())
def test_property_compiled_kernel_equals_reference(case: tuple) -> None:
    space, valuations, calls, unordered = case
    sa = space_arrays(space)
    if unordered:  # the rows are then visited unsorted, as beyond decomposed.MAX_ORDERED
        sa = sa._replace(ordered=False)
    tables = pool(valuations, space)
    for v, valuation in enumerate(valuations):
        assert np.array_equal(tables.utilities[v], valuation.utilities(space))
        assert tables.best[v] == valuation.best_value(space)
    scan = sa._replace(safe=False, distinct=False)  # no shortcut, no decomposition
    for v, target, own, other, masks, padding in calls:
        flat = _flat(sa, masks)
        expected = _expected(space, valuations[v], target, own, other, flat)
        allowed = _allowed(space, masks, padding)
        own_i = -1 if own is None else own
        other_i = -1 if other is None else other
        masked = masks is not None
        assert choose(sa, tables, v, target, own_i, other_i, allowed, masked) == expected
        assert choose(scan, tables, v, target, own_i, other_i, allowed, masked) == expected
        if masks is None:  # an all-True mask changes nothing
            assert choose(sa, tables, v, target, own_i, other_i, allowed, True) == expected
        elif flat is not None and flat.any() and tables.orientation[v] != 0:
            utilities = tables.utilities[v]
            band = (utilities >= target - 1e-12) & (utilities <= target + BAND) & flat
            first, last = jit_kernel._columns(sa, tables, v, allowed)
            if not band.any() and first >= 0:  # the row-wise nearest alone
                near = jit_kernel._nearest_rows(sa, tables, v, target, first, last, allowed)
                assert near == expected


def test_each_valuation_of_a_pool_is_its_own() -> None:
    """v picks the v-th valuation: opposite valuations pick opposite ends."""
    space = OutcomeSpace((MoneyIssue("amount", 0.0, 30.0, 1.0), CountIssue("years", 1, 3, 1)))
    rising = Valuation((("amount", 1.0),), (("amount", LinearValue("rising")),))
    falling = Valuation((("amount", 1.0),), (("amount", LinearValue("falling")),))
    sa, tables = space_arrays(space), pool([rising, falling, rising], space)
    allowed = _allowed(space, None, False)
    picks = [choose(sa, tables, v, 1.0, -1, -1, allowed, False) for v in range(3)]
    assert [space.offer_at(i)["amount"] for i in picks] == [30.0, 0.0, 30.0]
    assert list(tables.orientation) == [1, -1, 1]


def test_duplicate_grid_values_disable_the_own_offer_shortcut() -> None:
    """Two choice options with the same name: the own offer (second twin) ties at distance 0
    with the first twin, which has the lower index and wins (a shortcut would keep the own)."""
    space = OutcomeSpace((ChoiceIssue("twin", ("p", "p", "q")), CountIssue("years", 1, 3, 1)))
    flat = Valuation((("years", 1.0),), (("years", LinearValue("rising")),))
    sa, tables = space_arrays(space), pool([flat], space)
    assert not sa.distinct
    own = 3  # (second p, 1 year); its twin (first p, 1 year) is outcome 0
    allowed = _allowed(space, None, False)
    for other in (-1, 0, 3, 8):
        expected = _expected(space, flat, 0.0, own, other if other >= 0 else None, None)
        assert expected == 0
        assert choose(sa, tables, 0, 0.0, own, other, allowed, False) == 0


def test_distances_that_tie_only_after_rounding_tie() -> None:
    """1/3 + 1/9 and 4/9 differ in the last bit: the kernel rounds them equal, as bidding does
    (then the higher utility wins), on the decomposed search and on the scan."""
    years = CountIssue("years", 1, 4, 1)
    fee = MoneyIssue("fee", 0.0, 9.0, 1.0)
    tenth = MoneyIssue("tenth", 0.0, 10.0, 1.0)
    amount = MoneyIssue("amount", 0.0, 20.0, 1.0)
    space = OutcomeSpace((years, fee, tenth, amount))
    directions = ("falling", "rising", "rising", "rising")
    valuation = Valuation(
        tuple((i.name, w) for i, w in zip(space.issues, (0.4, 0.3, 0.4, 0.4), strict=True)),
        tuple((i.name, LinearValue(d)) for i, d in zip(space.issues, directions, strict=True)),  # type: ignore[arg-type]
    )
    other, target, expected = 1876, 0.8, 1989
    assert _expected(space, valuation, target, None, other, None) == expected
    offer = space.offer_at(other)
    unrounded = [
        sum(
            abs(float(space.offer_at(i)[issue.name]) - float(offer[issue.name]))  # type: ignore[arg-type]
            / (issue.high - issue.low)  # type: ignore[union-attr]
            for issue in space.issues
        )
        for i in (expected, 2027)
    ]
    assert unrounded[0] != unrounded[1]  # so only rounding makes them tie
    assert round(unrounded[0], 12) == round(unrounded[1], 12)
    sa, tables = space_arrays(space), pool([valuation], space)
    allowed = _allowed(space, None, False)
    assert tables.orientation[0] == 1 and sa.safe
    assert choose(sa, tables, 0, target, -1, other, allowed, False) == expected
    scan = sa._replace(safe=False)
    assert choose(scan, tables, 0, target, -1, other, allowed, False) == expected


@pytest.mark.parametrize("high", [2, 20])
def test_equally_near_to_the_own_offer_the_nearest_to_the_opponents_wins(high: int) -> None:
    """From own (a, 0): (b, 0) and (c, 0) are both at own distance 1; the opponent's
    (c, high) is nearer (c, 0), which wins though (b, 0) is worth more — on a short second
    issue (scan) and a long one (rows; their utilities are flat)."""
    space = OutcomeSpace(
        (ChoiceIssue("venue", ("a", "b", "c")), MoneyIssue("amount", 0.0, float(high), 1.0))
    )
    valuation = Valuation((("venue", 1.0),), (("venue", ChoiceValue((("b", 0.51), ("c", 0.5)))),))
    own, other, target = 0, 3 * (high + 1) - 1, 0.5  # (a, 0), (c, high)
    winner = 2 * (high + 1)  # (c, 0)
    assert _expected(space, valuation, target, own, other, None) == winner
    sa, tables = space_arrays(space), pool([valuation], space)
    assert (tables.orientation[0] != 0) == (high >= 16)
    for masked in (False, True):
        allowed = _allowed(space, None, False)
        assert choose(sa, tables, 0, target, own, other, allowed, masked) == winner


def test_beyond_every_allowed_utility_the_nearest_may_combine_near_ties() -> None:
    """Target above every allowed outcome: venue c and size s top their issues by 1e-12 only,
    and (c, s) — after (b, s), (b, m), (c, m) in index order — is the nearest."""
    space = OutcomeSpace(
        (
            ChoiceIssue("venue", ("a", "b", "c")),
            ChoiceIssue("size", ("s", "m")),
            CountIssue("years", 1, 3, 1),
        )
    )
    valuation = Valuation(
        (("venue", 1.0), ("size", 1.0), ("years", 1.0)),
        (
            ("venue", ChoiceValue((("b", 1.0 - 1e-12), ("c", 1.0)))),
            ("size", ChoiceValue((("s", 1.0), ("m", 1.0 - 1e-12)))),
            ("years", LinearValue("rising")),
        ),
    )
    masks = [np.ones(3, dtype=bool), np.ones(2, dtype=bool), np.array([True, True, False])]
    sa, tables = space_arrays(space), pool([valuation], space)
    expected = _expected(space, valuation, 2.0, None, None, _flat(sa, masks))
    assert space.offer_at(expected) == space.offer_at(13)  # (c, s, 2)
    allowed = _allowed(space, masks, False)
    for own, other in ((-1, -1), (0, -1), (0, 17)):
        assert choose(sa, tables, 0, 2.0, own, other, allowed, True) == expected


@pytest.mark.parametrize("ordered", [True, False])
def test_a_row_exactly_as_far_as_the_best_candidate_is_still_visited(ordered: bool) -> None:
    """From (0, a): (20, a) in the own row and (0, b) one row away are both at distance 1.0
    with utility 0.5; (0, b) has the lower index and wins, so its row must not be skipped."""
    space = OutcomeSpace(
        (MoneyIssue("amount", 0.0, 20.0, 1.0), ChoiceIssue("venue", ("a", "b", "c")))
    )
    valuation = Valuation(
        (("amount", 1.0), ("venue", 1.0)),
        (("amount", LinearValue("rising")), ("venue", ChoiceValue((("b", 1.0),)))),
    )
    assert _expected(space, valuation, 0.5, None, 0, None) == 1
    sa, tables = space_arrays(space), pool([valuation], space)
    sa = sa._replace(ordered=ordered)
    assert choose(sa, tables, 0, 0.5, -1, 0, _allowed(space, None, False), False) == 1


@pytest.mark.parametrize("direction", ["rising", "falling"])
@pytest.mark.parametrize(
    ("high", "target", "rising", "falling"), [(4, 0.625, 0.5, 0.75), (16, 0.53125, 0.5, 0.5625)]
)
def test_an_empty_band_takes_the_nearest_utility_lowest_index_on_either_side(
    direction: str, high: int, target: float, rising: float, falling: float
) -> None:
    """Utilities k/high and a target midway between two of them, with no outcome in its band:
    both are equally near and the lower index wins (the lower utility when rising, the higher
    when falling), with a mask or without, on a short amount (scan) and a long one (rows)."""
    space = OutcomeSpace(
        (CountIssue("years", 1, 2, 1), MoneyIssue("amount", 0.0, float(high), 1.0))
    )
    valuation = Valuation((("amount", 1.0),), (("amount", LinearValue(direction)),))  # type: ignore[arg-type]
    sa, tables = space_arrays(space), pool([valuation], space)
    assert (sa.long >= 0) == (high >= 16)
    for masks in (None, [np.array([False, True]), np.ones(high + 1, dtype=bool)]):
        flat = _flat(sa, masks)
        allowed = _allowed(space, masks, False)
        for own, other in ((-1, -1), (0, 2 * high + 1), (2 * high + 1, -1)):
            expected = _expected(
                space, valuation, target, own if own >= 0 else None,
                other if other >= 0 else None, flat,
            )  # fmt: skip
            assert float(valuation.utilities(space)[expected]) == (
                rising if direction == "rising" else falling
            )
            assert choose(sa, tables, 0, target, own, other, allowed, masks is not None) == (
                expected
            )


# -- sma-2019 ------------------------------------------------------------------------------


@numba.njit  # type: ignore[misc]  # no cache: it would keep a stale copy of the kernel
def _choose_all(
    sa: SpaceArrays, tables: Pool, v: np.ndarray, target: np.ndarray, own: np.ndarray,
    other: np.ndarray, allowed: np.ndarray, masked: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
    """The kernel called from compiled code; the decomposed band search alone (−1: empty
    band, −3: not tried) and, after an empty band under a mask, the row-wise nearest."""
    out = np.empty(v.size, dtype=np.int64)
    dec = np.full(v.size, -3, dtype=np.int64)
    near = np.full(v.size, -3, dtype=np.int64)
    for i in range(v.size):
        out[i] = choose(sa, tables, v[i], target[i], own[i], other[i], allowed[i], masked[i])
        first = own[i] if own[i] >= 0 else other[i]
        second = other[i] if own[i] >= 0 else -1
        columns = (0, sa.length)
        if masked[i]:
            columns = jit_kernel._columns(sa, tables, v[i], allowed[i])
        if first >= 0 and tables.orientation[v[i]] != 0 and columns[0] >= 0:
            dec[i] = jit_kernel._decomposed(
                sa, tables, v[i], target[i] - 1e-12, target[i] + BAND, first, second,
                columns[0], columns[1], allowed[i], masked[i],
            )  # fmt: skip
            if dec[i] < 0 and masked[i]:
                near[i] = jit_kernel._nearest_rows(
                    sa, tables, v[i], target[i], columns[0], columns[1], allowed[i]
                )
    return out, dec, near


@pytest.fixture(scope="module")
def sma() -> tuple[OutcomeSpace, list[Valuation]]:
    scenario = load_uncertain("sma-2019")[0].scenario
    return scenario.space, [p.valuation for p in scenario.parties]


def test_sma2019_both_parties_match_the_reference(
    sma: tuple[OutcomeSpace, list[Valuation]],
) -> None:
    """Random targets, references and masks (amount intervals or not) for both parties; the
    decomposed search answers most calls with references, and then agrees."""
    space, valuations = sma
    sa, tables = space_arrays(space), pool(valuations, space)
    assert sa.long == 0 and sa.rows == 680 and sa.length == 501 and sa.safe and sa.distinct
    assert list(tables.orientation) == [1, -1]
    rng = np.random.default_rng(7)
    count = 60
    v = np.arange(count) % 2
    own = rng.integers(-1, space.size, count)
    other = rng.integers(-1, space.size, count)
    own[::6] = -1
    target = rng.uniform(0.2, 1.05, count)
    target[48:] = tables.best[v[48:]] - rng.uniform(0.0, 0.1, 12)  # beyond the limits below
    for i in range(0, count, 5):  # on a band edge of the own or another outcome
        ref = own[i] if own[i] >= 0 else int(rng.integers(space.size))
        target[i] = tables.utilities[v[i], ref] - (BAND if i % 2 else 0.0)
    masks: list[list[np.ndarray] | None] = []
    for i in range(count):
        if i % 3 == 0 and i < 48:
            masks.append(None)
            continue
        chosen = [rng.random(n) < 0.8 for n in space.shape]
        for m in chosen:
            m[rng.integers(m.size)] = True
        if i % 3 == 1 or i >= 48:  # limits on the amount are intervals
            a, b = sorted(int(x) for x in rng.integers(0, 501, 2))
            if i >= 48:
                a, b = 100 + i, 400 - i
            chosen[0][:] = False
            chosen[0][a : b + 1] = True
        masks.append(chosen)
    allowed = np.stack([_allowed(space, m, True) for m in masks])
    masked = np.array([m is not None for m in masks])
    found, dec, near = _choose_all(sa, tables, v, target, own, other, allowed, masked)
    answered = nearest = 0
    for i in range(count):
        o = int(own[i]) if own[i] >= 0 else None
        x = int(other[i]) if other[i] >= 0 else None
        expected = _expected(space, valuations[v[i]], target[i], o, x, _flat(sa, masks[i]))
        assert found[i] == expected, i
        if dec[i] >= 0:
            answered += 1
            assert dec[i] == expected, i
        if near[i] >= 0:
            nearest += 1
            assert near[i] == expected, i
    assert answered >= 20
    assert nearest >= 8, nearest
