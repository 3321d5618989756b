"""Every issue kind keeps the protocol's promises: its table builds it back, its grid, positions
and distances agree, its GENIUS form reads back, and the registry names exactly the file format's
kinds."""

from __future__ import annotations

import numpy as np
import pytest
from builders import SMALL_SPACES

from burdenshare.model import ChoiceIssue, CountIssue, Issue, MoneyIssue, PercentIssue, RealIssue
from burdenshare.model.issues import Category, Payer, ScopeIssue, ShareIssue
from burdenshare.model.kinds.registry import BUILT_IN, from_genius, kind_of
from burdenshare.scenario import load
from burdenshare.scenario.schema import IssueDoc

ISSUES: tuple[Issue, ...] = (
    *(issue for space in SMALL_SPACES for issue in space.issues),
    *load("sma-2019").space.issues,
    *load("nato-2025").space.issues,
    PercentIssue("escalation", -2.0, 8.0, 0.5, label="annual rise", per="yr"),
    CountIssue("years", 2, 11, 3, unit="years"),
    ScopeIssue("scope", (Category("labor", "Korean labor", "MOFA", fixed=True), Category("x"))),
    ChoiceIssue("venue", ("a", "b"), source="assumption"),
    ShareIssue(
        "split",
        (Payer("USA", 10.0, 60.0), Payer("DEU", 10.0), Payer("Others", members=("FRA", "GBR"))),
        10.0,
        bill=2.0,
        currency="EUR",
        unit="bn",
        usd_rate=1.1,
    ),
)
TOML_ISSUES = [issue for issue in ISSUES if issue.kind in BUILT_IN]


def _failing(key: str, message: str) -> None:
    raise AssertionError(f"{key}: {message}")


def test_the_registry_names_the_file_formats_kinds() -> None:
    assert BUILT_IN == ("money", "percent", "count", "scope", "choice", "share")
    assert kind_of("real") is None  # GENIUS only: no scenario-file table
    assert {issue.kind for issue in TOML_ISSUES} == set(BUILT_IN)


@pytest.mark.parametrize("issue", TOML_ISSUES, ids=lambda i: f"{i.kind}-{i.name}")
def test_a_kinds_table_builds_the_issue_back(issue: Issue) -> None:
    table = issue.to_table()
    kind = kind_of(table["kind"])
    assert kind is not None
    assert kind.build(table, _failing) == issue
    # the table is in the file format: the scenario document reads it, and builds the same
    doc = IssueDoc.model_validate(table)
    assert kind.build(doc.model_dump(), _failing) == issue


@pytest.mark.parametrize("issue", ISSUES, ids=lambda i: f"{i.kind}-{i.name}")
def test_grid_positions_and_distances_agree(issue: Issue) -> None:
    grid = issue.grid()
    assert len(grid) == issue.size() == len(issue.numbers())
    for i, value in enumerate(grid):
        assert issue.contains(value)
        assert issue.index_of(value) == i
        assert issue.normalise(value) == value
        d = issue.distances(value)
        assert d.shape == (len(grid),) and d[i] == 0.0
        assert np.all((d >= 0) & (d <= 1))
    table = np.column_stack([issue.distances(v) for v in grid])
    assert np.array_equal(table, table.T)  # the distance is symmetric
    if issue.numeric:
        assert np.array_equal(issue.numbers(), np.asarray(grid, dtype=float))
        assert issue.distances(grid[0])[-1] == pytest.approx(
            (float(grid[-1]) - float(grid[0])) / (issue.high - issue.low)  # type: ignore[attr-defined]
        )
    else:
        assert np.array_equal(issue.numbers(), np.arange(len(grid)))
        assert issue.members() == tuple(getattr(issue, "names", ()))


def test_numeric_values_snap_to_the_grid_as_offers_carry_them() -> None:
    assert CountIssue("years", 1, 5, 1).normalise(2.4) == 2
    assert isinstance(CountIssue("years", 1, 5, 1).normalise(2.4), int)
    assert MoneyIssue("amount", 0, 100, 10).normalise(44.0) == 40.0
    assert RealIssue("x", 0.0, 1.0, 0.25).normalise(0.3) == 0.25


def test_descriptions_and_units() -> None:
    money = MoneyIssue("amount", 1000.0, 6000.0, 10.0, currency="KRW", unit="bn")
    assert money.describe_range() == "KRW 1.00 tn – KRW 6.00 tn, step 10 bn"
    assert money.unit_label() == "KRW bn"
    assert PercentIssue("e", 0.0, 5.0, 0.5, per="yr").unit_label() == "%/yr"
    assert CountIssue("years", 1, 5, 1, unit="years").describe(1) == "1 year"
    scope = ScopeIssue("scope", (Category("labor", fixed=True), Category("x"), Category("y")))
    assert scope.describe_range() == "always: labor; negotiable: x, y"
    assert scope.expected(["z"]) == (
        "expected a list of categories among ['labor', 'x', 'y'], got ['z']"
    )
    assert ChoiceIssue("venue", ("a", "b")).expected("c") == "expected one of ['a', 'b'], got 'c'"


@pytest.mark.parametrize(
    "issue",
    [
        ChoiceIssue("venue", ("Seoul", "Washington")),
        CountIssue("years", 1.0, 5.0, 1.0),
        RealIssue("price", 0.0, 10.0, 0.1),
        RealIssue("price", 0.0, 10.0, 2.5, continuous=False),
    ],
    ids=lambda i: i.kind,
)
def test_the_genius_form_reads_back(issue: Issue) -> None:
    assert from_genius(issue.genius()) == issue


def test_genius_forms_of_the_other_kinds() -> None:
    assert CountIssue("years", 1, 10, 3).genius().type == "real"  # not every whole number
    assert MoneyIssue("amount", 0.0, 5.0, 1.0).genius().type == "real"
    scope = ScopeIssue("scope", (Category("labor"), Category("x")))
    assert scope.genius().items == ("no categories", "labor", "x", "labor, x")


def test_a_kinds_build_reports_every_problem_with_its_key() -> None:
    found: list[tuple[str, str]] = []
    kind = kind_of("money")
    assert kind is not None
    table = {"name": "amount", "kind": "money", "low": 5.0, "high": 1.0, "unit": "bn!"}
    assert kind.build(table, lambda key, message: found.append((key, message))) is None
    assert [key for key, _ in found] == ["step", "high", "currency", "unit"]


def test_a_numeric_grid_is_read_only_also_after_pickling() -> None:
    import pickle

    issue = MoneyIssue("amount", 0.0, 100.0, 10.0)
    assert not issue.numbers().flags.writeable
    copy = pickle.loads(pickle.dumps(issue))
    assert copy == issue and hash(copy) == hash(issue)
    assert not copy.numbers().flags.writeable
    assert np.array_equal(copy.numbers(), issue.numbers())


def test_no_module_outside_the_kinds_checks_which_kind_an_issue_is() -> None:
    """The rest of the code asks the protocol: no `isinstance` on a kind's class."""
    import ast
    from pathlib import Path

    kinds = {"MoneyIssue", "PercentIssue", "CountIssue", "RealIssue", "ScopeIssue", "ChoiceIssue"}
    kinds |= {"NumericIssue", "NUMERIC_ISSUES"}
    root = Path(__file__).resolve().parents[1] / "src" / "burdenshare"
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.parent.name == "kinds":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "isinstance"
                and len(node.args) == 2
                and kinds & {n.id for n in ast.walk(node.args[1]) if isinstance(n, ast.Name)}
            ):
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    assert found == []
