"""Vectorised SeedSequence words equal numpy's, word for word."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from burdenshare.experiments.seeding import spawn_words, uniforms


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 2**140),
    st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=6),
    st.integers(1, 9),
)
def test_words_equal_numpy_seed_sequence(seed: int, runs: list[int], count: int) -> None:
    expected = np.stack(
        [np.random.SeedSequence(seed, spawn_key=(i,)).generate_state(count) for i in runs]
    )
    np.testing.assert_array_equal(spawn_words(seed, np.array(runs), count), expected)


def test_spawned_children_read_the_same_words() -> None:
    children = np.random.SeedSequence(42).spawn(4)
    words = spawn_words(42, np.arange(4), 3)
    for i, child in enumerate(children):
        np.testing.assert_array_equal(words[i], child.generate_state(3))


def test_uniforms_use_53_bits_in_unit_interval() -> None:
    words = np.array([[0, 0, 0xFFFFFFFF, 0xFFFFFFFF, 1 << 5, 0]], dtype=np.uint32)
    u = uniforms(words)
    assert u[0, 0] == 0.0
    assert u[0, 1] == (2**53 - 1) / 2**53
    assert u[0, 2] == 2**26 / 2**53
