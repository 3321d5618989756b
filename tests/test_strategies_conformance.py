"""The conformance suite (`burdenshare.conformance`) passes on every built-in strategy and
catches a strategy that breaks its rules, from Python and from `burdenshare strategies --check`."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest
from clitools import run_cli

from burdenshare.conformance import CHECKS, ConformanceError, check_strategy, run_checks
from burdenshare.errors import InputError
from burdenshare.scenario import load
from burdenshare.strategies import NegotiatorView, TargetStrategy, registry
from burdenshare.strategies.registry import names

BUILT_IN = [n for n in names() if registry.entry(n).cls.__module__.startswith("burdenshare.")]


@pytest.mark.parametrize("name", BUILT_IN)
def test_every_built_in_strategy_conforms(name: str) -> None:
    checks = check_strategy(name)
    assert [c.name for c in checks] == [title for title, _ in CHECKS]
    status = {c.name: c.status for c in checks}
    assert status["batch engine equals reference"] == "pass", "every built-in one is compiled"
    assert "fail" not in status.values()


@dataclass
class Restless(TargetStrategy):
    """Aims at a random utility, above the best one at times (breaks three rules)."""

    name: ClassVar[str] = "restless"
    tags: ClassVar[frozenset[str]] = frozenset({"time-dependent"})

    def target(self, view: NegotiatorView) -> float:
        """A new draw at every call: not a function of the view."""
        return random.random() * 2 * view.best


@dataclass(frozen=True)
class Misnamed(TargetStrategy):
    """Registered under one name, calls itself another."""

    level: float = 0.5
    name: ClassVar[str] = "not-its-registered-name"
    tags: ClassVar[frozenset[str]] = frozenset({"deterministic"})

    def target(self, view: NegotiatorView) -> float:
        """A fixed level."""
        return self.level


@dataclass(frozen=True)
class Crashing(TargetStrategy):
    """Fails once the talks are half over."""

    name: ClassVar[str] = "crashing"
    tags: ClassVar[frozenset[str]] = frozenset({"deterministic"})

    def target(self, view: NegotiatorView) -> float:
        """The best utility, until a division by zero at t > 0.5."""
        return view.best if view.time <= 0.5 else 1 / 0


@pytest.fixture
def misbehaving(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """`restless` and `misnamed` registered for one test only."""
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    registry.add("restless", Restless)
    registry.add("misnamed", Misnamed)
    registry.add("crashing", Crashing)
    yield


def test_a_strategy_breaking_the_rules_fails_the_checks_it_breaks(misbehaving: None) -> None:
    sma = (load("sma-2019"),)
    verdicts = {c.name: c for c in run_checks("restless", sma)}
    assert verdicts["immutable value"].status == "fail"
    assert "not frozen" in verdicts["immutable value"].detail
    assert verdicts["same view, same decision"].status == "fail"
    assert verdicts["target within [reservation, best]"].status == "fail"
    assert verdicts["batch engine equals reference"].status == "skip"
    assert verdicts["completes the built-in scenarios"].status == "pass"
    with pytest.raises(ConformanceError, match="'restless' fails 3 check"):
        check_strategy("restless", sma)
    misnamed = {c.name: c for c in run_checks("misnamed", sma)}
    assert misnamed["name and parameters round-trip"].status == "fail"
    assert "registered name" in misnamed["name and parameters round-trip"].detail
    crashing = {c.name: c for c in run_checks("crashing", sma)}
    assert crashing["immutable value"].status == "pass"
    assert crashing["completes the built-in scenarios"].detail == (
        "in play: ZeroDivisionError: division by zero"
    )
    assert crashing["same view, same decision"].status == "fail"


def test_unknown_name_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown strategy 'nope'"):
        run_checks("nope")


def test_cli_check_prints_the_table_and_fails_with_exit_1() -> None:
    done = run_cli("strategies", "--plugin", "docs/examples/stubborn.py", "--check", "stubborn")
    assert done.returncode == 0, done.stderr
    assert "target within [reservation, best]" in done.stdout
    assert "skip" in done.stdout and "fail" not in done.stdout
    broken = run_cli("strategies", "--check", "nope")
    assert broken.returncode == 2 and "unknown strategy 'nope'" in broken.stderr


def test_cli_check_json_and_exit_1_on_a_failure(tmp_path: Path) -> None:
    plugin = tmp_path / "mutable.py"
    plugin.write_text(
        "from dataclasses import dataclass\n"
        "from typing import ClassVar\n"
        "from burdenshare.strategies import TargetStrategy\n"
        "from burdenshare.strategies.registry import register\n\n"
        "@register('mutable')\n@dataclass\nclass Mutable(TargetStrategy):\n"
        "    '''Not frozen.'''\n"
        "    name: ClassVar[str] = 'mutable'\n"
        "    def target(self, view):\n        return view.best\n"
    )
    done = run_cli("strategies", "--plugin", str(plugin), "--check", "mutable", "--json")
    assert done.returncode == 1, done.stderr
    verdicts = json.loads(done.stdout)["conformance"]["mutable"]
    assert {"check": "immutable value", "status": "fail"}.items() <= verdicts[0].items()
