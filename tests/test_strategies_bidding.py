"""The offer kernel (`bidding.choose_index`) against its statement in numpy, as first written
(a band by mask, np.lexsort of the band, np.argmin of the gaps), over random spaces, utilities,
targets, references and masks; and a valuation's `UtilityTable` against the sums it holds."""

from __future__ import annotations

import base64
import dataclasses
import os
import pickle
import subprocess
import sys

import numpy as np
import pytest
from builders import SMALL_SPACES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from burdenshare.model import (
    ChoiceIssue,
    CountIssue,
    LinearValue,
    MoneyIssue,
    Offer,
    OutcomeSpace,
    PercentIssue,
    PowerValue,
    ScopeIssue,
    Valuation,
)
from burdenshare.model.issues import Category
from burdenshare.model.valuation import ChoiceValue, UtilityTable
from burdenshare.strategies import NegotiatorView, OfferRecord, bidding

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def plain_choose_index(
    space: OutcomeSpace,
    utilities: np.ndarray,
    target: float,
    own_last: Offer | None,
    opponent_last: Offer | None,
    allowed: np.ndarray | None = None,
) -> int:
    """The kernel's rule in numpy, as first written: what every engine must pick. (Its empty
    band once masked the gaps with infinity, where an infinite utility's gap tied with every
    outcome outside the mask: the nearest are sought among the allowed outcomes alone.)"""

    def distance(candidates: np.ndarray, reference: Offer) -> np.ndarray:
        per_issue = bidding.issue_distances(space, reference)
        idx = np.unravel_index(candidates, space.shape)
        out = np.zeros(candidates.size)
        for position, table in enumerate(per_issue):
            out += table[idx[position]]
        return out

    band = (utilities >= target - 1e-12) & (utilities <= target + bidding.BAND)
    if allowed is not None:
        band &= allowed
    in_band = np.flatnonzero(band)
    if in_band.size == 0:
        near = np.arange(utilities.size)
        if allowed is not None and allowed.any():
            near = np.flatnonzero(allowed)
        return int(near[np.argmin(np.abs(utilities[near] - target))])
    zeros = np.zeros(in_band.size)
    own = distance(in_band, own_last) if own_last is not None else zeros
    other = distance(in_band, opponent_last) if opponent_last is not None else zeros
    order = np.lexsort((-utilities[in_band], np.round(other, 12), np.round(own, 12)))
    return int(in_band[order[0]])


# -- random spaces -------------------------------------------------------------------------

ISSUES = (
    MoneyIssue("amount", 0.0, 100.0, 10.0),
    MoneyIssue("fee", 0.0, 1.0, 0.25),
    CountIssue("years", 1, 5, 1),
    CountIssue("halves", 1, 3, 0.5),  # two grid points round to the same whole number
    PercentIssue("rise", 0, 2, 0.5),
    ChoiceIssue("venue", ("Seoul", "Washington", "Honolulu")),
    ChoiceIssue("twin", ("p", "p", "q")),  # two options at distance 0 from each other
    ScopeIssue("scope", (Category("labor"), Category("rotation"), Category("base", fixed=True))),
)


@st.composite
def spaces(draw: st.DrawFn) -> OutcomeSpace:
    """One of the shared small spaces, or 1–3 issues of any kind in any order."""
    if draw(st.booleans()):
        return draw(st.sampled_from(SMALL_SPACES))
    issues = draw(st.lists(st.sampled_from(ISSUES), min_size=1, max_size=3, unique=True))
    return OutcomeSpace(tuple(issues))


def off_grid(space: OutcomeSpace) -> st.SearchStrategy[Offer]:
    """An outcome with one numeric value moved off the grid (between points, beyond the range,
    NaN or infinite) or one option no issue has."""

    def move(index: int, position: int, value: object) -> Offer:
        offer = space.offer_at(index)
        issue = space.issues[position]
        if isinstance(issue, ChoiceIssue):
            value = "elsewhere"
        elif isinstance(issue, ScopeIssue):
            return offer
        return Offer(tuple((n, value if n == issue.name else v) for n, v in offer.terms))

    values = st.one_of(
        st.floats(-50.0, 150.0),
        st.sampled_from([float("nan"), float("inf"), -float("inf")]),
    )
    return st.builds(
        move, st.integers(0, space.size - 1), st.integers(0, len(space.issues) - 1), values
    )


@st.composite
def kernel_cases(draw: st.DrawFn) -> tuple:  # type: ignore[type-arg]
    """A space, utilities, a target, references and a mask, drawn so that ties (in utility,
    in distance, in the gap), band edges, empty bands and non-finite numbers are common."""
    space = draw(spaces())
    levels = draw(st.integers(1, 8))
    numbers = st.builds(
        lambda k, jitter: k / levels + jitter,
        st.integers(-1, levels + 1),
        st.sampled_from([0.0, 0.0, 0.005, 0.01]),  # apart by less than the band, or not
    )
    rare = st.sampled_from([float("nan"), float("inf"), -float("inf")])
    utilities = np.array(
        draw(
            st.lists(
                st.one_of(numbers, numbers, numbers, numbers, numbers, numbers, numbers, rare)
                if draw(st.integers(0, 4)) == 0
                else numbers,
                min_size=space.size,
                max_size=space.size,
            )
        )
    )
    near = float(utilities[draw(st.integers(0, space.size - 1))])
    edge = st.sampled_from(
        [0.0, 5e-13, -5e-13, 1e-12, -1e-12, -bidding.BAND, -bidding.BAND - 5e-13, -0.01]
    )
    target = draw(
        st.one_of(
            edge.map(lambda d: near + d),
            edge.map(lambda d: near + d),
            st.floats(-0.2, 1.2),
            rare,
        )
    )
    on_grid = st.integers(0, space.size - 1).map(space.offer_at)
    references = st.one_of(st.none(), on_grid, on_grid, off_grid(space))
    allowed = draw(
        st.one_of(
            st.none(),
            st.lists(st.booleans(), min_size=space.size, max_size=space.size).map(np.array),
            st.sampled_from([False, True]).map(lambda b: np.full(space.size, b)),
        )
    )
    return space, utilities, target, draw(references), draw(references), allowed


@SETTINGS
@given(kernel_cases())
def test_property_kernel_picks_what_its_statement_in_numpy_picks(case: tuple) -> None:  # type: ignore[type-arg]
    space, utilities, target, own, other, allowed = case
    with np.errstate(invalid="ignore"):
        expected = plain_choose_index(space, utilities, target, own, other, allowed)
    table = UtilityTable.of(utilities)
    assert bidding.choose_index(space, table, target, own, other, allowed) == expected


def test_kernel_measures_from_off_grid_references_at_every_target() -> None:
    """References between grid points (a strategy's own offer, not yet snapped)."""
    space = SMALL_SPACES[0]
    utilities = np.linspace(0.0, 1.0, space.size)
    table = UtilityTable.of(utilities)
    own = Offer.of({"amount": 33.3, "years": 2})
    other = Offer.of({"amount": 71.0, "years": 5})
    for target in np.linspace(0.0, 1.0, 41):
        expected = plain_choose_index(space, utilities, float(target), own, other)
        assert bidding.choose_index(space, table, float(target), own, other) == expected


def test_the_own_offer_stays_while_in_the_band_unless_a_twin_ties_with_it() -> None:
    """At own distance 0 the own last offer wins; a twin option (distance 0 too) with a lower
    index takes its place."""
    space = OutcomeSpace((ChoiceIssue("twin", ("p", "p", "q")), CountIssue("years", 1, 3, 1)))
    table = UtilityTable.of(np.zeros(space.size))
    for own, kept in ((0, 0), (3, 0), (4, 1), (6, 6)):  # outcome 3 is the twin of outcome 0
        assert bidding.choose_index(space, table, 0.0, space.offer_at(own), None) == kept


def test_an_empty_band_takes_the_nearest_utility_lowest_index_on_either_side() -> None:
    space = OutcomeSpace((CountIssue("years", 1, 4, 1),))
    table = UtilityTable.of(np.array([0.5, 0.25, 0.875, 0.25]))
    assert bidding.choose_index(space, table, 0.375, None, None) == 0  # 0.5 and 0.25 tie
    assert bidding.choose_index(space, table, 0.75, None, None) == 2
    mask = np.array([False, True, True, True])
    assert bidding.choose_index(space, table, 0.375, None, None, mask) == 1
    assert bidding.choose_index(space, table, 0.375, None, None, mask & (mask.cumsum() > 1)) == 3
    nothing = np.zeros(4, dtype=bool)  # a mask that allows nothing: the nearest of all
    assert bidding.choose_index(space, table, 0.5, None, None, nothing) == 0


def test_offer_at_reads_the_latest_offers_and_the_valuations_table() -> None:
    space = SMALL_SPACES[0]
    valuation = Valuation((("amount", 1.0),), (("amount", LinearValue("rising")),))
    history = (
        OfferRecord("B", space.offer_at(54), 0.1, 0),
        OfferRecord("A", space.offer_at(20), 0.2, 0),
        OfferRecord("B", space.offer_at(40), 0.3, 0),
    )
    view = NegotiatorView("A", valuation, space, None, 0.5, 0, None, 0.0, None, history)  # type: ignore[arg-type]
    for target in (0.0, 0.35, 0.5, 0.9, 1.0):
        expected = plain_choose_index(
            space, valuation.utilities(space), target, space.offer_at(20), space.offer_at(40)
        )
        assert bidding.offer_at(view, target) == space.offer_at(expected)


# -- utility tables ------------------------------------------------------------------------


def _valuations(space: OutcomeSpace) -> st.SearchStrategy[Valuation]:
    """Random weights and value functions over `space`'s issues."""

    def function(issue: object) -> st.SearchStrategy[object]:
        if isinstance(issue, ChoiceIssue):
            return st.lists(
                st.floats(0.0, 1.0), min_size=len(issue.options), max_size=len(issue.options)
            ).map(lambda vs: ChoiceValue(tuple(zip(issue.options, vs, strict=True))))
        if isinstance(issue, ScopeIssue):
            return st.just(LinearValue())  # not evaluated on a scope: weighted 0 below
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


def _outer_sums(parts: tuple[np.ndarray, ...]) -> np.ndarray:
    flat = np.zeros(1)
    for part in parts:
        flat = np.add.outer(flat, part).ravel()
    return flat


@SETTINGS
@given(spaces().flatmap(lambda s: st.tuples(st.just(s), _valuations(s))))
def test_property_utility_table_holds_the_same_numbers(case: tuple) -> None:  # type: ignore[type-arg]
    """Exactly (the engine records them in its trace): utilities as numpy and as Python floats,
    one offer's utility summed term by term (before the table is complete) and read from it
    (after), the best value; `order` a stable argsort, `ascending` the utilities in it."""
    space, valuation = case
    parts = valuation.issue_values(space)
    array = _outer_sums(parts)
    fresh = dataclasses.replace(valuation)  # no table yet
    summed = [fresh.utility(space, space.offer_at(i)) for i in range(space.size)]
    assert not fresh.table(space).complete  # summed term by term
    assert all(type(u) is float for u in summed)
    assert np.array(summed).tobytes() == array.tobytes()
    assert valuation.utilities(space).tobytes() == array.tobytes()
    table = valuation.table(space)
    assert list(table.values) == array.tolist()
    assert [valuation.utility(space, space.offer_at(i)) for i in range(space.size)] == summed
    assert valuation.best_value(space) == float(sum(p.max() for p in parts))
    assert list(table.order) == np.argsort(array, kind="stable").tolist()
    assert list(table.ascending) == array[np.argsort(array, kind="stable")].tolist()


def test_a_table_of_given_utilities_keeps_them_sorts_them_and_leaves_nan_out() -> None:
    utilities = np.array([0.5, np.nan, -np.inf, 0.5, np.inf, 0.25, np.nan, -0.0, 0.0])
    table = UtilityTable.of(utilities)
    assert table.array.tobytes() == (utilities + 0.0).tobytes()  # -0.0 + 0.0 is 0.0
    assert not table.array.flags.writeable
    assert list(table.order) == [2, 7, 8, 5, 0, 3, 4, 1, 6]  # stable, NaNs last
    assert list(table.ascending) == [-np.inf, 0.0, 0.0, 0.25, 0.5, 0.5, np.inf]


def test_each_space_has_its_own_table() -> None:
    small, other = SMALL_SPACES
    valuation = Valuation((("amount", 0.5), ("years", 0.5)), (("amount", LinearValue()),))
    same = OutcomeSpace(small.issues)
    for space in (small, other, same, small, other):
        assert valuation.utilities(space).tobytes() == (
            _outer_sums(valuation.issue_values(space)).tobytes()
        )
    assert valuation.table(small) is valuation.table(small)
    assert valuation.table(small) is not valuation.table(other)


_CHILD = """
import base64, pickle, sys
from burdenshare.model import ChoiceIssue, OutcomeSpace, Valuation
from burdenshare.model.valuation import ChoiceValue
from burdenshare.strategies import bidding
space = OutcomeSpace((ChoiceIssue("venue", ("Seoul", "Washington")),))
values = ChoiceValue((("Seoul", 1.0), ("Washington", 0.99)))
valuation = Valuation((("venue", 1.0),), (("venue", values),))
offer = space.offer_at(1)
bidding.choose_index(space, valuation.table(space), 0.98, space.offer_at(0), offer)
assert hash(offer) and space._memos and valuation._tables
sys.stdout.write(base64.b64encode(pickle.dumps((space, valuation, offer, hash("probe")))).decode())
"""


def test_tables_memos_and_cached_hashes_stay_in_their_process() -> None:
    """An offer's cached hash (string hashes differ between processes), a valuation's tables
    and a space's memos are left out of pickles."""
    env = {**os.environ, "PYTHONHASHSEED": "1"}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True
    ).stdout
    space, valuation, offer, probe = pickle.loads(base64.b64decode(out))
    assert not {"_hash", "_memos"} & set(space.__dict__)
    assert not {"_hash", "_tables", "_last"} & set(valuation.__dict__)
    assert "_hash" not in offer.__dict__
    if probe == hash("probe"):
        pytest.skip("this process has the child's string hashes (PYTHONHASHSEED=1)")
    fresh = Offer((("venue", "Washington"),))
    assert hash(offer) == hash(fresh) and {fresh: 1}[offer] == 1
    assert valuation.utility(space, offer) == 0.99
    assert bidding.choose_index(space, valuation.table(space), 0.98, None, offer) == 1
