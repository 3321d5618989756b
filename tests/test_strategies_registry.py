"""One conformance suite over every registered strategy (parametrised over the registry)."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest
from builders import one_issue_scenario

from burdenshare.engine import negotiate
from burdenshare.errors import InputError
from burdenshare.strategies import build, entry, names, parameters
from burdenshare.strategies.registry import add

DOCS = Path(__file__).resolve().parents[1] / "docs" / "reference" / "strategies.md"


@pytest.mark.parametrize("name", names())
def test_builds_with_defaults_and_declares_metadata(name: str) -> None:
    assert build(name).name, "every strategy builds with its defaults"
    found = entry(name)
    assert found.summary, "every strategy has a one-line docstring summary"
    assert found.tags, "every strategy declares tags"
    assert "params" not in parameters(name) or name == "ratification-aware"


@pytest.mark.parametrize("name", names())
def test_copies_and_pickles_play_identically(name: str) -> None:
    scenario = one_issue_scenario(meetings=6)
    strategy = build(name)
    clones = [strategy, copy.deepcopy(strategy), pickle.loads(pickle.dumps(strategy))]
    runs = [negotiate(scenario, {"seller": s}).to_dict() for s in clones]
    assert runs[0] == runs[1] == runs[2]


@pytest.mark.parametrize("name", names())
def test_never_offers_outside_the_space(name: str) -> None:
    scenario = one_issue_scenario(meetings=8, offers=3)
    result = negotiate(scenario, {"seller": build(name), "buyer": build(name)})
    for event in result.trace:
        if event.kind == "offer":
            assert event.offer is not None and scenario.space.contains(event.offer)


@pytest.mark.parametrize("name", names())
def test_deterministic_strategies_declare_it(name: str) -> None:
    """Tags drive behaviour: a strategy tagged deterministic gives the same trace every time."""
    if "deterministic" not in entry(name).tags:
        pytest.skip("not tagged deterministic")
    scenario = one_issue_scenario(meetings=5)
    assert negotiate(scenario, {"seller": build(name)}, seed=1).trace == negotiate(
        scenario, {"seller": build(name)}, seed=2
    ).trace


def test_names_are_unique_and_clashes_are_refused() -> None:
    assert len(set(names())) == len(names())
    with pytest.raises(ValueError, match="already registered"):
        add("boulware", type(build("boulware")))


def test_query_by_tag() -> None:
    assert set(names("time-dependent")) >= {"boulware", "linear", "conceder", "anchoring"}
    assert "tit-for-tat" in names("uses-opponent-offers")


def test_every_strategy_is_documented() -> None:
    if not DOCS.exists():
        pytest.fail(f"{DOCS} is missing")
    text = DOCS.read_text(encoding="utf-8")
    for name in names():
        assert f"`{name}`" in text, name


def test_unknown_strategy_lists_the_known_ones() -> None:
    with pytest.raises(InputError) as info:
        build("nope")
    assert "boulware" in info.value.render()


def test_a_subclass_must_declare_its_own_name() -> None:
    """A subclass registered under a new name but reporting its parent's would be rebuilt as
    the parent from its spec (stored runs, worker processes): refused at registration."""
    from dataclasses import dataclass

    from burdenshare.strategies.anchoring import Anchoring
    from burdenshare.strategies.registry import register

    with pytest.raises(ValueError, match=r"inherits name 'anchoring'.*'stays-anchoring'"):

        @register("stays-anchoring")
        @dataclass(frozen=True)
        class Unnamed(Anchoring):
            """Anchoring under another name, without declaring it."""

    assert "stays-anchoring" not in names()
