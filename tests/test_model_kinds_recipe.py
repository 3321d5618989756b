"""The recipe for a new issue kind, followed in this file alone: an `ordinal` kind (ordered
levels, e.g. low < medium < high) that a scenario file uses end to end — built from TOML,
enumerated, negotiated, analysed — without any change to the package.

A kind is: an immutable issue class that follows `burdenshare.model.kinds.base.Issue`, a `build`
of its scenario-file table, and one `register` call. Its value function may be its own too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pytest

from burdenshare.analysis.briefing import analyze, issue_summary
from burdenshare.engine import negotiate
from burdenshare.errors import InputError
from burdenshare.experiments.montecarlo import MonteCarloPlan, run_range
from burdenshare.model.kinds import registry
from burdenshare.model.kinds.base import (
    GeniusIssue,
    IssueKind,
    Report,
    Table,
    Value,
    ValueFunction,
)
from burdenshare.scenario import load

# --- the kind: one module's worth -----------------------------------------------------------


@dataclass(frozen=True)
class RankValue:
    """v = rank / (n − 1), rising with the level (or falling)."""

    direction: Literal["rising", "falling"]

    def evaluate(self, issue: Any, x: np.ndarray) -> np.ndarray:
        """x holds the levels' positions."""
        f: np.ndarray = x / max(issue.size() - 1, 1)
        return f if self.direction == "rising" else 1.0 - f


@dataclass(frozen=True)
class OrdinalIssue:
    """One of ordered `levels`; two levels are as far apart as their ranks."""

    name: str
    levels: tuple[str, ...]
    label: str = ""
    source: str = ""
    kind: Literal["ordinal"] = "ordinal"

    @property
    def numeric(self) -> bool:
        return False

    @property
    def continuous(self) -> bool:
        return False

    def values(self) -> tuple[str, ...]:
        return self.levels

    def size(self) -> int:
        return len(self.levels)

    def grid(self) -> tuple[Value, ...]:
        return self.levels

    def numbers(self) -> np.ndarray:
        return np.arange(self.size(), dtype=float)

    def contains(self, value: Value) -> bool:
        return isinstance(value, str) and value in self.levels

    def index_of(self, value: Value) -> int:
        assert isinstance(value, str)
        return self.levels.index(value)

    def normalise(self, value: Value) -> Value:
        return value

    def distances(self, target: Value) -> np.ndarray:
        """|rank − rank(target)| / (n − 1)."""
        ranks = np.arange(self.size(), dtype=float)
        return np.abs(ranks - self.index_of(target)) / max(self.size() - 1, 1)

    def members(self) -> tuple[str, ...]:
        return ()

    def describe(self, value: Value) -> str:
        return f"{value} ({self.index_of(value) + 1} of {self.size()})"

    def describe_range(self) -> str:
        return " < ".join(self.levels)

    def unit_label(self) -> str:
        return ""

    def expected(self, value: object) -> str:
        return f"expected one of the levels {list(self.levels)}, got {value!r}"

    def value_function(self, table: Table, report: Report) -> ValueFunction | None:
        if table.get("shape") != "linear" or table.get("direction") is None:
            report("shape", 'an ordinal issue needs shape = "linear" and a direction')
            return None
        return RankValue(table["direction"])

    def to_table(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "options": list(self.levels)}

    def genius(self) -> GeniusIssue:
        return GeniusIssue(self.name, "discrete", self.levels)


def build(table: Table, report: Report) -> OrdinalIssue | None:
    """`options`: the levels, lowest first."""
    levels = table.get("options")
    if not levels or len(set(levels)) != len(levels):
        report("options", "an ordinal issue needs its levels, lowest first, each once")
        return None
    return OrdinalIssue(table["name"], tuple(levels), table.get("label") or "")


ORDINAL = IssueKind("ordinal", build)

# --- using it -------------------------------------------------------------------------------

SCENARIO = """
name = "readiness-talks"
title = "An amount and a readiness level"

[[issues]]
name = "amount"
kind = "money"
currency = "USD"
unit = "M"
low = 100
high = 300
step = 10

[[issues]]
name = "readiness"
kind = "ordinal"
label = "Readiness the host funds"
options = ["low", "medium", "high", "full"]

[status_quo]
terms = { amount = 150, readiness = "medium" }
expiry = 2020-12-31

[[parties]]
name = "USA"
reservation_value = 0.2
strategy = { name = "conceder" }
deadline = 2020-12-05
[parties.valuation]
amount = { weight = 0.6, shape = "linear", direction = "rising" }
readiness = { weight = 0.4, shape = "linear", direction = "rising" }

[[parties]]
name = "ROK"
reservation_value = 0.3
strategy = { name = "conceder" }
[parties.valuation]
amount = { weight = 0.7, shape = "linear", direction = "falling" }
readiness = { weight = 0.3, shape = "linear", direction = "falling" }

[calendar]
deadline = 2020-12-31
end = 2021-06-30
meetings = [
  { date = 2020-09-01, place = "Seoul", offers = 20 },
  { date = 2020-10-15, place = "Washington", offers = 20 },
  { date = 2020-12-01, place = "Seoul", offers = 40 },
]
"""


@pytest.fixture
def ordinal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kind registered for one test (the registry is restored afterwards)."""
    monkeypatch.setattr(registry, "_KINDS", dict(registry._KINDS))
    registry.register(ORDINAL)


def _write(tmp_path: Path, text: str = SCENARIO) -> Path:
    path = tmp_path / "readiness.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_scenario_with_the_new_kind_loads_enumerates_negotiates_and_analyses(
    ordinal: None, tmp_path: Path
) -> None:
    scenario = load(_write(tmp_path))
    space = scenario.space
    readiness = space.issue("readiness")
    assert isinstance(readiness, OrdinalIssue)
    assert space.shape == (21, 4) and space.size == 84
    assert {space.offer_at(k)["readiness"] for k in range(space.size)} == {
        "low",
        "medium",
        "high",
        "full",
    }
    usa, rok = (p.valuation for p in scenario.parties)
    assert usa.utility(space, space.offer_at(space.size - 1)) == pytest.approx(1.0)
    assert rok.utility(space, space.offer_at(0)) == pytest.approx(1.0)
    assert scenario.describe(scenario.status_quo.terms) == (
        "USD 150 M (1.00× status quo) · medium (2 of 4)"
    )

    result = negotiate(scenario, seed=1)
    offers = [e.offer for e in result.trace if e.kind == "offer" and e.offer is not None]
    assert offers and all(space.contains(o) for o in offers)
    assert result.outcome.status == "agreement"
    assert {o["readiness"] for o in offers} == set(readiness.levels)  # concessions move by rank
    json.dumps(result.to_dict())  # the outcome serialises like any other
    # the compiled engine runs the new kind too, to the same outcome
    columns = run_range(MonteCarloPlan(scenario, (), 2, 1), 0, 2)
    assert columns.engine_batch.all()
    assert columns.index.tolist() == [space.index_of(result.outcome.terms)] * 2

    analysis = analyze(scenario)
    nash = analysis.solution_terms["nash"]
    assert nash is not None and nash["readiness"] in readiness.levels
    summary = {entry["name"]: entry for entry in issue_summary(scenario)}
    assert summary["readiness"] == {
        "name": "readiness",
        "kind": "ordinal",
        "values": 4,
        "range": "low (1 of 4) | medium (2 of 4) | high (3 of 4) | full (4 of 4)",
    }


def test_the_new_kinds_errors_name_the_field(ordinal: None, tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        load(_write(tmp_path, SCENARIO.replace('"full"]', '"low"]')))
    assert [(p.field, p.message) for p in raised.value.problems] == [
        ("issues[1].options", "an ordinal issue needs its levels, lowest first, each once")
    ]
    with pytest.raises(InputError) as raised:
        load(_write(tmp_path, SCENARIO.replace('readiness = "medium"', 'readiness = "top"')))
    assert [(p.field, p.message) for p in raised.value.problems] == [
        (
            "status_quo.terms.readiness",
            "expected one of the levels ['low', 'medium', 'high', 'full'], got 'top'",
        )
    ]


def test_without_registration_the_kind_is_unknown(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        load(_write(tmp_path))
    (problem,) = raised.value.problems
    assert problem.field == "issues[1].kind"
    assert problem.message == (
        "input should be 'money', 'percent', 'count', 'scope', 'choice' or 'share', "
        "got 'ordinal'"
    )


def test_a_name_is_registered_once(ordinal: None) -> None:
    registry.register(ORDINAL)  # the same kind again: nothing changes
    with pytest.raises(ValueError, match="already registered"):
        registry.register(IssueKind("ordinal", lambda table, report: None))
