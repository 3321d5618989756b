"""The choice kind: one of several named options."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from burdenshare.model.kinds.base import (
    REQUIRED,
    GeniusIssue,
    IssueKind,
    Report,
    Table,
    TomlKey,
    Value,
    ValueFunction,
    common,
)
from burdenshare.model.valuation import ChoiceValue


@dataclass(frozen=True)
class ChoiceIssue:
    """One of several named options."""

    name: str
    options: tuple[str, ...]
    label: str = ""
    source: str = ""
    kind: Literal["choice"] = "choice"

    @property
    def numeric(self) -> bool:
        """Names, not numbers."""
        return False

    @property
    def continuous(self) -> bool:
        """Finitely many options."""
        return False

    def values(self) -> tuple[str, ...]:
        """The options in file order."""
        return self.options

    def size(self) -> int:
        """How many options."""
        return len(self.options)

    def grid(self) -> tuple[Value, ...]:
        """The options."""
        return self.options

    def numbers(self) -> np.ndarray:
        """Positions 0..n-1 of the options."""
        return np.arange(self.size(), dtype=float)

    def contains(self, value: Value) -> bool:
        """Whether `value` is one of the options."""
        return isinstance(value, str) and value in self.options

    def index_of(self, value: Value) -> int:
        """Position of `value` among the options."""
        assert isinstance(value, str)
        return self.options.index(value)

    def normalise(self, value: Value) -> Value:
        """The option itself."""
        return value

    def distances(self, target: Value) -> np.ndarray:
        """0 for the same option, else 1."""
        return np.array([0.0 if v == target else 1.0 for v in self.options])

    def describe(self, value: Value) -> str:
        """The option's name."""
        return str(value)

    def members(self) -> tuple[str, ...]:
        """Values are not sets."""
        return ()

    def describe_range(self) -> str:
        """The options, comma-separated."""
        return ", ".join(self.options)

    def unit_label(self) -> str:
        """No unit."""
        return ""

    def expected(self, value: object) -> str:
        """One of the options was expected."""
        return f"expected one of {list(self.options)}, got {value!r}"

    def value_function(self, table: Table, report: Report) -> ValueFunction | None:
        """`options = {name = value, …}`, each value in [0, 1]."""
        options = table.get("options")
        if (table.get("shape") or "choice") != "choice" or options is None:
            report("options", "a choice issue needs `options = {name = value, …}`")
            return None
        bad = [o for o in options if o not in self.options]
        if bad:
            report("options", f"unknown options {bad}; expected {list(self.options)}")
            return None
        if any(not 0 <= v <= 1 for v in options.values()):
            report("options", "option values must lie in [0, 1]")
            return None
        return ChoiceValue(tuple(options.items()))

    def to_table(self) -> dict[str, Any]:
        """`kind = "choice"` with its options."""
        out: dict[str, Any] = {"name": self.name, "kind": self.kind, "options": list(self.options)}
        if self.label:
            out["label"] = self.label
        if self.source:
            out["source"] = self.source
        return out

    def genius(self) -> GeniusIssue:
        """A discrete issue whose items are the options."""
        return GeniusIssue(self.name, "discrete", self.options)


def build(table: Table, report: Report) -> ChoiceIssue | None:
    """A choice issue: a non-empty list of options with unique names."""
    options = table.get("options")
    if not options:
        report("options", "required for a choice issue: a list of option names")
        return None
    if len(set(options)) != len(options):
        report("options", "option names must be unique")
    return ChoiceIssue(options=tuple(options), **common(table))


def from_genius(issue: GeniusIssue) -> ChoiceIssue:
    """A GENIUS discrete issue: its items as options."""
    return ChoiceIssue(issue.name, issue.items)


KIND = IssueKind("choice", build, (TomlKey("options", "texts", "the options.", REQUIRED),))
