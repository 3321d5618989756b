"""The protocol every issue kind follows, so that the rest of the code asks an issue, never
checks which kind it is.

An issue kind is one module (money, percent, count, real, scope, choice): its values on a grid,
the distance between two values, their description for people, the build of its scenario-file
table (with precise errors) and the way back, its value functions, and its GENIUS mapping.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeAlias, TypeGuard

import numpy as np

from burdenshare.model.kinds.splits import Split

Value: TypeAlias = float | int | frozenset[str] | str | Split
"""The value an offer gives one issue: a number, a set of category names, an option name, or a
split of a common bill (`splits.Split`)."""

Table: TypeAlias = Mapping[str, Any]
"""A table of a scenario file as plain data (an issue, or one issue's value function)."""

Report: TypeAlias = Callable[[str, str], None]
"""Where a build reports a problem: (key of the table, message)."""


def common(table: Table) -> dict[str, Any]:
    """The keys every kind's table has: name, label and source."""
    return {
        "name": table["name"],
        "label": table.get("label") or "",
        "source": table.get("source") or "",
    }


@dataclass(frozen=True)
class GeniusIssue:
    """An issue as a GENIUS domain declares it: discrete `items`, or an integer or real range
    (with `step` > 0: a GeniusWeb number set, every `step` from `low`)."""

    name: str
    type: Literal["discrete", "integer", "real"]
    items: tuple[str, ...] = ()
    low: float = 0.0
    high: float = 0.0
    step: float = 0.0


class ValueFunction(Protocol):
    """Scores an issue's values in [0, 1] (one term v_i of an additive valuation)."""

    def evaluate(self, issue: Issue, x: np.ndarray) -> np.ndarray:
        """v_i at `x`: the issue's `numbers()`, or any of them."""
        ...


class Issue(Protocol):
    """What an agreement settles, of some kind: everything the code may ask of an issue."""

    @property
    def name(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def kind(self) -> str:
        """The kind's name, as `kind = "..."` in scenario files."""
        ...

    @property
    def numeric(self) -> bool:
        """Whether values are numbers in a range [low, high] (see `NumericIssue`)."""
        ...

    @property
    def continuous(self) -> bool:
        """Whether values form an interval, the grid only a sample of it."""
        ...

    def values(self) -> Any:
        """Every admissible value in grid order (numbers as an array for numeric kinds)."""
        ...

    def size(self) -> int:
        """How many values the grid holds."""
        ...

    def grid(self) -> tuple[Value, ...]:
        """The admissible values in grid order, as offers carry them."""
        ...

    def numbers(self) -> np.ndarray:
        """The grid as the numbers value functions read: values, or positions 0..n-1."""
        ...

    def contains(self, value: Value) -> bool:
        """Whether `value` is admissible."""
        ...

    def index_of(self, value: Value) -> int:
        """Position of `value` on the grid."""
        ...

    def normalise(self, value: Value) -> Value:
        """An admissible value as offers carry it (numbers snapped to the grid)."""
        ...

    def distances(self, target: Value) -> np.ndarray:
        """Per grid value, its distance in [0, 1] to `target`."""
        ...

    def members(self) -> tuple[str, ...]:
        """The names a value may hold when values are sets (scope categories), else ()."""
        ...

    def describe(self, value: Value) -> str:
        """A value for people, e.g. `KRW 1.04 tn`."""
        ...

    def describe_range(self) -> str:
        """The admissible values for people, e.g. `KRW 1.00 tn – KRW 6.00 tn, step 10 bn`."""
        ...

    def unit_label(self) -> str:
        """The unit values are in, e.g. `KRW bn`, `%/yr`, `years` (empty if none)."""
        ...

    def expected(self, value: object) -> str:
        """The message for an inadmissible `value`: what was expected, what came."""
        ...

    def value_function(self, table: Table, report: Report) -> ValueFunction | None:
        """This issue's value function from a valuation table (None after reporting why)."""
        ...

    def to_table(self) -> dict[str, Any]:
        """The scenario-file table of this issue (its kind's `build` gives the issue back)."""
        ...

    def genius(self) -> GeniusIssue:
        """This issue as a GENIUS domain issue."""
        ...


REQUIRED: Any = ...
"""The default of a key that must be given."""


@dataclass(frozen=True)
class TomlTable:
    """A table nested in an issue's table (a scope's categories, a share's payers): its name in
    the file format's schema, what it is, and its keys."""

    name: str
    doc: str
    keys: tuple[TomlKey, ...]


@dataclass(frozen=True)
class TomlKey:
    """A key of an issue's table as its kind reads it: its name, its type (`number`, `text`,
    `texts`: a list of text, `flag`: true or false, or a `TomlTable`: a list of such tables),
    what it means, and its default (None: may be left out; REQUIRED: must be given). The file
    format's schema (`scenario/schema.py`) is assembled from the kinds' keys."""

    name: str
    type: Literal["number", "text", "texts", "flag"] | TomlTable
    description: str
    default: Any = None


@dataclass(frozen=True)
class IssueKind:
    """A kind as scenario files name it: `kind = "<name>"`, the keys of its table besides
    `name`, `kind`, `label` and `source`, and the build of its table."""

    name: str
    build: Callable[[Table, Report], Issue | None]
    """The issue of a table (with `name`, `label`, `source`), or None after reporting why."""
    keys: tuple[TomlKey, ...] = ()


def is_numeric(issue: Issue) -> TypeGuard[NumericLike]:
    """Whether `issue` has numbers in a range (money, percent, count, real, ...)."""
    return issue.numeric


class NumericLike(Issue, Protocol):
    """An issue whose values are numbers on a grid from `low` to `high` by `step`."""

    @property
    def low(self) -> float: ...
    @property
    def high(self) -> float: ...
    @property
    def step(self) -> float: ...
