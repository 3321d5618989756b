"""The scope kind: which cost categories the agreement covers, any subset of them."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any, Literal

import numpy as np

from burdenshare.model.kinds.base import (
    REQUIRED,
    GeniusIssue,
    IssueKind,
    Report,
    Table,
    TomlKey,
    TomlTable,
    Value,
    ValueFunction,
    common,
)
from burdenshare.model.valuation import ScopeValue


@dataclass(frozen=True)
class Category:
    """A named cost category that an agreement may cover (e.g. Korean-national labor).

    A `fixed` category is always covered (part of the framework, not negotiable here).
    """

    name: str
    label: str = ""
    source: str = ""
    fixed: bool = False


@dataclass(frozen=True)
class ScopeIssue:
    """Which cost categories the agreement covers: any subset of `categories`."""

    name: str
    categories: tuple[Category, ...]
    label: str = ""
    source: str = ""
    kind: Literal["scope"] = "scope"

    @property
    def numeric(self) -> bool:
        """Sets of names, not numbers."""
        return False

    @property
    def continuous(self) -> bool:
        """Finitely many sets."""
        return False

    @property
    def names(self) -> tuple[str, ...]:
        """The category names in file order."""
        return tuple(c.name for c in self.categories)

    @property
    def fixed(self) -> frozenset[str]:
        """The categories every agreement covers."""
        return frozenset(c.name for c in self.categories if c.fixed)

    def values(self) -> tuple[frozenset[str], ...]:
        """Every admissible set: the fixed categories plus any subset of the others, smallest
        first, in a fixed order."""
        fixed = self.fixed
        free = [n for n in self.names if n not in fixed]
        return tuple(
            fixed | frozenset(combo)
            for k in range(len(free) + 1)
            for combo in combinations(free, k)
        )

    def size(self) -> int:
        """2 to the number of negotiable (non-fixed) categories."""
        return int(2 ** (len(self.categories) - len(self.fixed)))

    def grid(self) -> tuple[Value, ...]:
        """The admissible sets (as `values`)."""
        return self.values()

    def numbers(self) -> np.ndarray:
        """Positions 0..n-1 of the sets."""
        return np.arange(self.size(), dtype=float)

    def contains(self, value: Value) -> bool:
        """Whether `value` is a set of known category names including the fixed ones."""
        return isinstance(value, frozenset) and self.fixed <= value <= set(self.names)

    def index_of(self, value: Value) -> int:
        """Position of `value` among `values()`."""
        assert isinstance(value, frozenset)
        return self.values().index(value)

    def normalise(self, value: Value) -> Value:
        """The set itself."""
        return value

    def distances(self, target: Value) -> np.ndarray:
        """Categories that differ / number of negotiable categories (fixed ones never differ)."""
        if not isinstance(target, frozenset):  # not a set of categories: differs everywhere
            return np.ones(self.size())
        k = max(len(self.names) - len(self.fixed), 1)
        return np.array([len(v ^ target) / k for v in self.values()])

    def describe(self, value: Value) -> str:
        """Human rendering: the included categories, comma-separated (or `no categories`)."""
        assert isinstance(value, frozenset)
        names = [n for n in self.names if n in value]
        return ", ".join(names) if names else "no categories"

    def members(self) -> tuple[str, ...]:
        """The category names in file order."""
        return self.names

    def describe_range(self) -> str:
        """The categories always covered, then the negotiable ones."""
        fixed = [c.name for c in self.categories if c.fixed]
        free = [c.name for c in self.categories if not c.fixed]
        always = f"always: {', '.join(fixed)}; " if fixed else ""
        return always + f"negotiable: {', '.join(free)}"

    def unit_label(self) -> str:
        """No unit."""
        return ""

    def expected(self, value: object) -> str:
        """A list of known categories was expected."""
        return f"expected a list of categories among {list(self.names)}, got {value!r}"

    def value_function(self, table: Table, report: Report) -> ValueFunction | None:
        """`categories = {name = value, …}`: each covered category adds its value."""
        categories = table.get("categories")
        if (table.get("shape") or "scope") != "scope" or categories is None:
            report("categories", "a scope issue needs `categories = {name = value, …}`")
            return None
        unknown = [c for c in categories if c not in self.names]
        if unknown:
            report("categories", f"unknown categories {unknown}; expected {list(self.names)}")
            return None
        return ScopeValue(tuple(categories.items()))

    def to_table(self) -> dict[str, Any]:
        """`kind = "scope"` with its categories."""
        out: dict[str, Any] = {"name": self.name, "kind": self.kind}
        out["categories"] = [
            {"name": c.name, "label": c.label, "source": c.source, "fixed": c.fixed}
            for c in self.categories
        ]
        if self.label:
            out["label"] = self.label
        if self.source:
            out["source"] = self.source
        return out

    def genius(self) -> GeniusIssue:
        """A discrete issue whose items are the admissible sets, described."""
        return GeniusIssue(self.name, "discrete", tuple(self.describe(v) for v in self.values()))


def build(table: Table, report: Report) -> ScopeIssue | None:
    """A scope issue: a non-empty list of categories with unique names."""
    docs = table.get("categories")
    if not docs:
        report("categories", "required for a scope issue: a list of categories")
        return None
    names = [c["name"] for c in docs]
    if len(set(names)) != len(names):
        report("categories", "category names must be unique")
    categories = tuple(
        Category(c["name"], c.get("label", ""), c.get("source", ""), c.get("fixed", False))
        for c in docs
    )
    return ScopeIssue(categories=categories, **common(table))


CATEGORY = TomlTable(
    "CategoryDoc",
    "A cost category of a scope issue.",
    (
        TomlKey("name", "text", "Identifier used in offers, e.g. `labor`.", REQUIRED),
        TomlKey("label", "text", "Readable name, e.g. `Korean-national labor`.", ""),
        TomlKey("fixed", "flag", "Always covered: part of the framework, not negotiable.", False),
        TomlKey("source", "text", "Where the category comes from.", ""),
    ),
)

KIND = IssueKind(
    "scope", build, (TomlKey("categories", CATEGORY, "the cost categories.", REQUIRED),)
)
