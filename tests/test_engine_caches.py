"""The reference engine's caches and shortcuts change no result: the offer kernel against its
plain statement, the space's offer/index memos against the grid, cached hashes across
processes, and the views' latest-offer lookups against the full lists."""

from __future__ import annotations

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
    LinearValue,
    MoneyIssue,
    Offer,
    OutcomeSpace,
    Valuation,
)
from burdenshare.model import space as space_module
from burdenshare.model.valuation import ChoiceValue
from burdenshare.strategies import NegotiatorView, OfferRecord, bidding
from builders import SMALL_SPACES

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SPACES = SMALL_SPACES


def plain_choose_index(
    space: OutcomeSpace,
    utilities: np.ndarray,
    target: float,
    own_last: Offer | None,
    opponent_last: Offer | None,
    allowed: np.ndarray | None = None,
) -> int:
    """The kernel as first written (before its caches): the statement the engine must keep."""

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
        gap = np.abs(utilities - target)
        if allowed is not None and allowed.any():
            gap = np.where(allowed, gap, np.inf)
        return int(np.argmin(gap))
    zeros = np.zeros(in_band.size)
    own = distance(in_band, own_last) if own_last is not None else zeros
    other = distance(in_band, opponent_last) if opponent_last is not None else zeros
    order = np.lexsort((-utilities[in_band], np.round(other, 12), np.round(own, 12)))
    return int(in_band[order[0]])


@st.composite
def kernel_cases(draw: st.DrawFn) -> tuple:  # type: ignore[type-arg]
    space = draw(st.sampled_from(SPACES))
    # coarse utilities, so that ties in utility and in distance are common
    levels = draw(st.integers(2, 12))
    utilities = (
        np.array(
            draw(st.lists(st.integers(0, levels), min_size=space.size, max_size=space.size)),
            dtype=float,
        )
        / levels
    )
    target = draw(st.floats(-0.1, 1.1))
    references = st.one_of(st.none(), st.integers(0, space.size - 1).map(space.offer_at))
    own, other = draw(references), draw(references)
    allowed = None
    if draw(st.booleans()):
        allowed = np.array(draw(st.lists(st.booleans(), min_size=space.size, max_size=space.size)))
    return space, utilities, target, own, other, allowed


@SETTINGS
@given(kernel_cases())
def test_property_kernel_picks_what_its_plain_statement_picks(case: tuple) -> None:  # type: ignore[type-arg]
    space, utilities, target, own, other, allowed = case
    expected = plain_choose_index(
        space, utilities, target, own, other, None if allowed is None else allowed.copy()
    )
    for limit in (0, 10**9):  # distances to the band only, and from the cached rows
        with mock.patch.object(bidding, "ROW_LIMIT", limit):
            mask = None if allowed is None else allowed.copy()
            assert bidding.choose_index(space, utilities, target, own, other, mask) == expected


def test_kernel_measures_from_off_grid_references_as_before() -> None:
    """A reference between grid points (a strategy's own offer, not yet snapped)."""
    space = SPACES[0]
    utilities = np.linspace(0.0, 1.0, space.size)
    own = Offer.of({"amount": 33.3, "years": 2})
    other = Offer.of({"amount": 71.0, "years": 5})
    for target in np.linspace(0.0, 1.0, 41):
        expected = plain_choose_index(space, utilities, float(target), own, other)
        for limit in (0, 10**9):
            with mock.patch.object(bidding, "ROW_LIMIT", limit):
                assert bidding.choose_index(space, utilities, float(target), own, other) == expected


@pytest.mark.parametrize("space", SPACES)
def test_space_memos_agree_with_the_grid(space: OutcomeSpace) -> None:
    for _ in range(2):  # computed, then memoised
        for index in range(space.size):
            idx = np.unravel_index(index, space.shape)
            offer = space.offer_at(index)
            assert offer == Offer(
                tuple((i.name, space.grids[p][int(idx[p])]) for p, i in enumerate(space.issues))
            )
            assert space.indices_of(offer) == tuple(int(i) for i in idx)
            assert space.index_of(offer) == index
            assert space.offer_at(np.int64(index)) is offer


def test_space_memos_stay_bounded() -> None:
    space = OutcomeSpace((MoneyIssue("amount", 0.0, 100.0, 1.0),))
    with mock.patch.object(space_module, "_MEMO_LIMIT", 5):
        for index in range(space.size):
            assert space.index_of(space.offer_at(index)) == index
        assert max(len(space._offers), len(space._indices), len(space._flat)) <= 5


_CHILD = """
import base64, pickle, sys
from burdenshare.model import ChoiceIssue, OutcomeSpace, Valuation
from burdenshare.model.valuation import ChoiceValue
space = OutcomeSpace((ChoiceIssue("venue", ("Seoul", "Washington")),))
valuation = Valuation((("venue", 1.0),), (("venue", ChoiceValue((("Seoul", 1.0),))),))
hash(space), hash(valuation), space.index_of(space.offer_at(1)), valuation.utilities(space)
sys.stdout.write(base64.b64encode(pickle.dumps((space, valuation, hash("probe")))).decode())
"""


def test_cached_hashes_are_not_carried_to_another_process() -> None:
    """String hashes differ between processes: a hash cached in one must not travel in a pickle."""
    import base64

    env = {**os.environ, "PYTHONHASHSEED": "1"}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True
    ).stdout
    space, valuation, probe = pickle.loads(base64.b64decode(out))
    if probe == hash("probe"):
        pytest.skip("this process has the child's string hashes (PYTHONHASHSEED=1)")
    fresh_space = OutcomeSpace((ChoiceIssue("venue", ("Seoul", "Washington")),))
    fresh_valuation = Valuation((("venue", 1.0),), (("venue", ChoiceValue((("Seoul", 1.0),))),))
    assert hash(space) == hash(fresh_space) and space == fresh_space
    assert hash(valuation) == hash(fresh_valuation) and valuation == fresh_valuation
    assert {fresh_space: 1}[space] == 1
    assert space.index_of(space.offer_at(1)) == 1
    assert valuation.utility(space, space.offer_at(0)) == 1.0


def test_pickles_hold_no_memos() -> None:
    space = SPACES[0]
    space.index_of(space.offer_at(3))
    valuation = Valuation((("amount", 1.0),), (("amount", LinearValue("rising")),))
    hash(valuation)
    assert not {"_hash", "_offers", "_indices", "_flat"} & set(
        pickle.loads(pickle.dumps(space)).__dict__
    )
    assert "_hash" not in pickle.loads(pickle.dumps(valuation)).__dict__


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from("ABC"), max_size=12), st.sampled_from("ABC"))
def test_property_latest_offers_are_the_ends_of_the_full_lists(parties: list[str], me: str) -> None:
    space = SPACES[0]
    history = tuple(OfferRecord(p, space.offer_at(i), i / 20, 0) for i, p in enumerate(parties))
    view = NegotiatorView(
        me,
        Valuation((("amount", 1.0),), (("amount", LinearValue("rising")),)),
        space,
        None,  # type: ignore[arg-type]
        0.5,
        0,
        None,  # type: ignore[arg-type]
        0.0,
        None,
        history,
    )
    own, other = view.own_offers(), view.opponent_offers()
    assert view.last_own_offer() == (own[-1] if own else None)
    assert view.last_opponent_offer() == (other[-1] if other else None)
