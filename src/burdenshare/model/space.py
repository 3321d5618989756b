"""The outcome space: the Cartesian product of the issues' admissible values, enumerable exactly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from math import prod
from typing import Any, TypeVar

import numpy as np

from burdenshare.model.kinds.base import Issue, Value
from burdenshare.model.offers import Offer


@dataclass(frozen=True)
class OutcomeSpace:
    """All combinations of issue values; outcome k has issue indices `unravel_index(k, shape)`."""

    issues: tuple[Issue, ...]

    def __hash__(self) -> int:
        """The dataclass hash, computed once: a space keys the caches of valuations and of the
        offer kernel, looked up at every step, and hashing it walks every issue's values."""
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash((self.issues,))

    # Memos of the conversions between offers and outcome indices: the engine converts the
    # same few offers at every step (snapping, utilities, distances), each walking the issues.
    @cached_property
    def _offers(self) -> dict[int, Offer]:
        return {}

    @cached_property
    def _indices(self) -> dict[Offer, tuple[int, ...]]:
        return {}

    @cached_property
    def _flat(self) -> dict[Offer, int]:
        return {}

    @cached_property
    def _memos(self) -> dict[str, Any]:
        return {}

    def memo(self, name: str, make: Callable[[], _V]) -> _V:
        """The object kept on this space under `name`, made by `make()` on first use: a
        caller's memo of what it derives from the space alone (e.g. the offer kernel's distance
        rows). Unlike a cache keyed by the space, reading it never compares two equal spaces
        issue by issue. Not pickled."""
        memos = self._memos
        found: _V | None = memos.get(name)
        if found is None:
            found = memos[name] = make()
        return found

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the hash (string hashes differ from process to process) and the memos."""
        return {k: v for k, v in self.__dict__.items() if k not in _NOT_PICKLED}

    @cached_property
    def shape(self) -> tuple[int, ...]:
        """Number of values per issue."""
        return tuple(issue.size() for issue in self.issues)

    @cached_property
    def size(self) -> int:
        """Number of outcomes (computed once: the kernel asks at every step)."""
        return prod(self.shape)

    @cached_property
    def grids(self) -> tuple[tuple[Value, ...], ...]:
        """Per issue, its admissible values in order, as offers carry them (`Issue.grid`)."""
        return tuple(issue.grid() for issue in self.issues)

    def issue(self, name: str) -> Issue:
        """The issue called `name`."""
        for issue in self.issues:
            if issue.name == name:
                return issue
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        """Issue names in order."""
        return tuple(issue.name for issue in self.issues)

    def offer_at(self, index: int) -> Offer:
        """The outcome with flat index `index`."""
        index = int(index)
        offer = self._offers.get(index)
        if offer is None:
            idx = np.unravel_index(index, self.shape)
            offer = Offer(
                tuple(
                    (issue.name, self.grids[i][int(idx[i])]) for i, issue in enumerate(self.issues)
                )
            )
            _remember(self._offers, index, offer)
        return offer

    def indices_of(self, offer: Offer) -> tuple[int, ...]:
        """Per-issue grid indices of `offer` (numeric values snap to the nearest grid point)."""
        indices = self._indices.get(offer)
        if indices is None:
            indices = tuple(issue.index_of(offer[issue.name]) for issue in self.issues)
            _remember(self._indices, offer, indices)
        return indices

    def index_of(self, offer: Offer) -> int:
        """Flat index of `offer`."""
        index = self._flat.get(offer)
        if index is None:
            index = int(np.ravel_multi_index(self.indices_of(offer), self.shape))
            _remember(self._flat, offer, index)
        return index

    def snap(self, offer: Offer) -> Offer:
        """The outcome on the grid nearest to `offer`."""
        return self.offer_at(self.index_of(offer))

    def contains(self, offer: Offer) -> bool:
        """Whether `offer` gives every issue an admissible value (and nothing else)."""
        if tuple(offer) != self.names:
            return False
        return all(issue.contains(offer[issue.name]) for issue in self.issues)

    def numeric_grid(self, position: int) -> np.ndarray:
        """The grid of issue `position` as numbers (`Issue.numbers`: indices for scope and
        choice)."""
        return self.issues[position].numbers()


_NOT_PICKLED = frozenset({"_hash", "_offers", "_indices", "_flat", "_memos"})
_MEMO_LIMIT = 1 << 16
"""Entries a memo holds before it starts afresh (bounds the memory of a long-lived space)."""

_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(memo: dict[_K, _V], key: _K, value: _V) -> None:
    """Put `key` in `memo`, emptying it first when it is full."""
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
