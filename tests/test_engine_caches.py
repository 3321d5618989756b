"""The reference engine's caches change no result: the space's offer/index memos against the
grid, cached hashes across processes, and the views' latest-offer lookups against the full
lists. (The offer kernel against its statement: tests/test_strategies_bidding.py.)"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from unittest import mock

import numpy as np
import pytest
from builders import SMALL_SPACES
from hypothesis import given, settings
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
from burdenshare.strategies import NegotiatorView, OfferRecord

SPACES = SMALL_SPACES


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
