"""The reference engine's small-space shortcuts change no result: a valuation's utility table
against its numpy utilities and the per-offer sums, the offer kernel's pure-Python path against
`choose_index`, and the memos kept on model objects against pickling and a second space."""

from __future__ import annotations

import dataclasses
import os
import pickle
import subprocess
import sys
from unittest import mock

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from burdenshare.model import (
    ChoiceIssue,
    CountIssue,
    LinearValue,
    Offer,
    OutcomeSpace,
    PowerValue,
    ScopeIssue,
    Valuation,
)
from burdenshare.model import valuation as valuation_module
from burdenshare.model.valuation import ChoiceValue, UtilityTable
from burdenshare.strategies import bidding
from builders import SMALL_SPACES

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SPACES = (
    *SMALL_SPACES,
    # a count issue stepped by halves: two grid points round to the same whole number
    OutcomeSpace((CountIssue("years", 1, 3, 0.5), ChoiceIssue("venue", ("a", "b")))),
)


@st.composite
def kernel_cases(draw: st.DrawFn) -> tuple:  # type: ignore[type-arg]
    space = draw(st.sampled_from(SPACES))
    # coarse utilities, so that ties in utility, in distance and in the gap are common
    levels = draw(st.integers(1, 8))
    numbers = st.builds(
        lambda k, jitter: k / levels + jitter,
        st.integers(-1, levels + 1),
        st.sampled_from([0.0, 0.0, 0.005, 0.01]),  # apart by less than the band, or not
    )
    utilities = np.array(draw(st.lists(numbers, min_size=space.size, max_size=space.size)))
    # targets at the band's edges around an outcome's utility, or anywhere
    near = draw(st.integers(0, space.size - 1))
    edge = st.sampled_from([0.0, 5e-13, -5e-13, 1e-12, -bidding.BAND, -bidding.BAND - 5e-13, -0.01])
    target = draw(st.one_of(edge.map(lambda d: float(utilities[near]) + d), st.floats(-0.2, 1.2)))
    references = st.one_of(
        st.none(), st.just(space.offer_at(near)), st.integers(0, space.size - 1).map(space.offer_at)
    )
    if space is SPACES[0]:
        off_grid = st.builds(
            lambda a, y: Offer.of({"amount": a, "years": y}),
            st.floats(0.0, 100.0),
            st.integers(1, 5),
        )
        references = st.one_of(references, off_grid)
    return space, utilities, target, draw(references), draw(references)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kernel_cases())
def test_property_table_kernel_picks_what_choose_index_picks(case: tuple) -> None:  # type: ignore[type-arg]
    """Both table paths: Python floats (a small space) and sorted numpy arrays (a larger one,
    here made by lowering the limit of a small space)."""
    space, utilities, target, own, other = case
    expected = bidding.choose_index(space, utilities, target, own, other)
    table = UtilityTable.of(utilities, float(utilities.max()))
    assert table.values
    assert bidding.choose_in_table(space, table, target, own, other) == expected
    with mock.patch.object(valuation_module, "SMALL_SPACE", 0):
        table = UtilityTable.of(utilities, float(utilities.max()))
    assert not table.values
    # a pass over the utilities until the table has been asked often enough, then sorted
    with mock.patch.object(valuation_module, "SORT_AFTER", 1):
        for sorted_ in (False, True):
            assert bidding.choose_in_table(space, table, target, own, other) == expected
            assert (table._sort[1] is not None) == sorted_


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_kernel_falls_back_on_numpy_for_a_utility_or_target_not_finite(bad: float) -> None:
    space = SPACES[0]
    utilities = np.linspace(0.0, 1.0, space.size)
    utilities[7] = bad
    table = UtilityTable.of(utilities, 1.0)
    assert table.order == () and table.ascending == ()
    with mock.patch.object(valuation_module, "SORT_AFTER", 0):
        assert table.sorted() is not None and table.sorted()[1].size == 0  # type: ignore[index]
    own, other = space.offer_at(3), space.offer_at(40)
    for target in (0.0, 0.31, 0.5, 1.0, bad):
        with np.errstate(invalid="ignore"):
            expected = bidding.choose_index(space, utilities, target, own, other)
            assert bidding.choose_in_table(space, table, target, own, other) == expected
    finite = UtilityTable.of(np.linspace(0.0, 1.0, space.size), 1.0)
    with np.errstate(invalid="ignore"):
        expected = bidding.choose_index(space, finite.array, bad, own, other)
    assert bidding.choose_in_table(space, finite, bad, own, other) == expected


def _valuations(space: OutcomeSpace) -> st.SearchStrategy[Valuation]:
    """Random weights and value functions over `space`'s issues."""

    def function(issue: object) -> st.SearchStrategy[object]:
        if isinstance(issue, ChoiceIssue):
            return st.lists(
                st.floats(0.0, 1.0), min_size=len(issue.options), max_size=len(issue.options)
            ).map(lambda vs: ChoiceValue(tuple(zip(issue.options, vs, strict=True))))
        if isinstance(issue, ScopeIssue):
            return st.just(LinearValue())  # not evaluated on a scope: weight it 0 below
        return st.one_of(
            st.sampled_from([LinearValue("rising"), LinearValue("falling")]),
            st.builds(PowerValue, st.sampled_from(["rising", "falling"]), st.floats(0.2, 3.0)),
        )

    names = [i.name for i in space.issues]
    return st.builds(
        lambda ws, fs: Valuation(
            tuple(
                (n, 0.0 if isinstance(i, ScopeIssue) else w)
                for n, i, w in zip(names, space.issues, ws, strict=True)
            ),
            tuple(zip(names, fs, strict=True)),
        ),
        st.lists(st.floats(0.01, 1.0), min_size=len(names), max_size=len(names)),
        st.tuples(*(function(i) for i in space.issues)),
    )


@SETTINGS
@given(st.sampled_from(SPACES).flatmap(lambda s: st.tuples(st.just(s), _valuations(s))))
def test_property_utility_table_holds_the_same_numbers(case: tuple) -> None:  # type: ignore[type-arg]
    """Table reads equal the numpy utilities and the per-offer sums exactly (not approximately):
    the engine records them in its trace."""
    space, valuation = case
    table = valuation.table(space)
    assert table is not None
    array = valuation_module._utilities.__wrapped__(valuation, space)
    assert table.array.tobytes() == array.tobytes()
    assert valuation.utilities(space).tobytes() == array.tobytes()
    assert valuation.best_value(space) == valuation_module._best_value(valuation, space)
    for index in range(space.size):
        offer = space.offer_at(index)
        per_offer = valuation_module._utility(valuation, space, offer)
        assert valuation.utility(space, offer) == per_offer
        assert table.values[space.index_of(offer)] == per_offer
    assert list(table.ascending) == sorted(table.values)
    assert [table.values[i] for i in table.order] == list(table.ascending)
    with mock.patch.object(valuation_module, "SORT_AFTER", 0):
        found = table.sorted()
    assert found is not None
    assert found[0].tolist() == list(table.ascending) and found[1].tolist() == list(table.order)
    # a table of numpy arrays only (as over a larger space), on a copy of the valuation
    larger = dataclasses.replace(valuation)
    with mock.patch.object(valuation_module, "SMALL_SPACE", 0):
        numeric = larger.table(space)
    assert numeric is not None and not numeric.values
    for index in range(space.size):
        offer = space.offer_at(index)
        assert larger.utility(space, offer) == valuation_module._utility(valuation, space, offer)
        assert type(larger.utility(space, offer)) is float


def test_small_table_follows_the_space_asked() -> None:
    """The identity memo of the last space is not fooled by a second space, equal or not."""
    small, other = SPACES[0], SPACES[2]
    valuation = Valuation((("amount", 0.5), ("years", 0.5)), (("amount", LinearValue()),))
    same = OutcomeSpace(small.issues)
    for space in (small, other, same, small, other):
        table = valuation.table(space)
        assert table is not None and table.array.size == space.size
        assert table.array.tobytes() == valuation_module._utilities(valuation, space).tobytes()
    huge = OutcomeSpace(tuple(ChoiceIssue(f"i{k}", tuple("abcdefghij")) for k in range(6)))
    assert huge.size > valuation_module.TABLE_LIMIT
    assert valuation.table(huge) is None
    assert valuation.table(huge) is None
    assert valuation.table(small) is not None


_CHILD = """
import base64, pickle, sys
from burdenshare.model import ChoiceIssue, OutcomeSpace, Valuation
from burdenshare.model.valuation import ChoiceValue
from burdenshare.strategies import bidding
space = OutcomeSpace((ChoiceIssue("venue", ("Seoul", "Washington")),))
values = ChoiceValue((("Seoul", 1.0), ("Washington", 0.99)))
valuation = Valuation((("venue", 1.0),), (("venue", values),))
offer = space.offer_at(1)
bidding.choose_in_table(space, valuation.table(space), 0.98, None, offer)
assert hash(offer) and space.memo("kernel", bidding._SpaceMemo).rows
sys.stdout.write(base64.b64encode(pickle.dumps((space, valuation, offer, hash("probe")))).decode())
"""


def test_memos_and_cached_hashes_stay_in_their_process() -> None:
    """An offer's cached hash (string hashes differ between processes), a valuation's tables
    and a space's memos are left out of pickles."""
    import base64

    env = {**os.environ, "PYTHONHASHSEED": "1"}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True
    ).stdout
    space, valuation, offer, probe = pickle.loads(base64.b64decode(out))
    assert not {"_hash", "_memos"} & set(space.__dict__)
    assert space.memo("kernel", bidding._SpaceMemo).rows == {}
    assert not {"_hash", "_tables", "_last"} & set(valuation.__dict__)
    assert "_hash" not in offer.__dict__
    if probe == hash("probe"):
        pytest.skip("this process has the child's string hashes (PYTHONHASHSEED=1)")
    fresh = Offer((("venue", "Washington"),))
    assert hash(offer) == hash(fresh) and {fresh: 1}[offer] == 1
    assert valuation.utility(space, offer) == 0.99


@SETTINGS
@given(kernel_cases(), st.data())
def test_property_ranking_key_by_key_equals_sorting_the_band(
    case: tuple, data: st.DataObject
) -> None:  # type: ignore[type-arg]
    """The band ranked key by key (measuring only the tied) picks what a lexsort of the whole
    band picks, also from a reference whose value is NaN (an off-grid offer)."""
    space, utilities, _, own, other = case
    if space is SPACES[0] and data.draw(st.booleans()):
        own = Offer.of({"amount": float("nan"), "years": 2})
    size = data.draw(st.integers(1, space.size))
    chosen = data.draw(st.sets(st.integers(0, space.size - 1), min_size=size, max_size=size))
    in_band = np.array(sorted(chosen))
    by_utility = in_band[np.argsort(utilities[in_band], kind="stable")]  # as the sorted tables
    with np.errstate(invalid="ignore"):
        expected = bidding._first_sorted(space, utilities, in_band, own, other)
        assert bidding._first_ranked(space, utilities, in_band, own, other) == expected
        assert bidding._first_ranked(space, utilities, by_utility, own, other) == expected
        assert bidding._first_sorted(space, utilities, by_utility, own, other) == expected
