"""An offer (or agreed terms): one value per issue, immutable and hashable."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from burdenshare.model.kinds.base import Value
from burdenshare.model.kinds.splits import Split


def json_value(value: Value) -> float | str | list[str] | dict[str, float]:
    """One issue's value as JSON carries it: a number or name as is, a scope as a sorted list,
    a split as an object mapping each payer to its percent."""
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, Split):
        return value.to_json()
    return value


@dataclass(frozen=True)
class Offer:
    """Terms for every issue, in the outcome space's issue order."""

    terms: tuple[tuple[str, Value], ...]

    def __hash__(self) -> int:
        """The dataclass hash, computed once: offers key the engine's memos (utilities, grid
        indices, descriptions), looked up several times a step, and hashing walks every term."""
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash((self.terms,))

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the cached hash: string hashes differ from process to process."""
        state = dict(self.__dict__)
        state.pop("_hash", None)
        return state

    @classmethod
    def of(cls, terms: Mapping[str, Value]) -> Offer:
        """Build an offer from a mapping issue name -> value (order kept)."""
        return cls(tuple(terms.items()))

    def __getitem__(self, issue: str) -> Value:
        for name, value in self.terms:
            if name == issue:
                return value
        raise KeyError(issue)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self.terms)

    def get(self, issue: str, default: Value | None = None) -> Value | None:
        """The value for `issue`, or `default` when the offer does not settle it."""
        try:
            return self[issue]
        except KeyError:
            return default

    def as_dict(self) -> dict[str, Value]:
        """A plain dict issue name -> value."""
        return dict(self.terms)

    def to_json(self) -> dict[str, float | str | list[str] | dict[str, float]]:
        """JSON-ready terms: numbers stay numbers, scopes become sorted lists, splits objects
        mapping each payer to its percent."""
        return {name: json_value(value) for name, value in self.terms}
