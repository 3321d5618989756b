"""One parser of the strategy spec `NAME[:param=value,…]` (`model.paths.parse_spec`): `--strategy`,
a whole-strategy field path (`--set`, `[[uncertainty]]` choices) and the conformance round trip
read it the same way."""

from __future__ import annotations

import pytest

from burdenshare.cli.options import parse_strategy_option
from burdenshare.errors import InputError
from burdenshare.model.parties import StrategySpec
from burdenshare.model.paths import apply, parse_spec
from burdenshare.scenario import load
from burdenshare.strategies import build
from burdenshare.strategies.registry import spec_of

SPECS = {
    "boulware": StrategySpec("boulware"),
    "boulware:e=0.2": StrategySpec("boulware", (("e", 0.2),)),
    " anchoring : hold = 3 , e = 1e0 ": StrategySpec("anchoring", (("hold", 3), ("e", 1.0))),
    "ratification-aware:inner=anchoring,hold=6": StrategySpec(
        "ratification-aware", (("inner", "anchoring"), ("hold", 6))
    ),
    'x:label="a, b",n=-2,flag=true,when=soon': StrategySpec(
        "x", (("label", "a, b"), ("n", -2), ("flag", "true"), ("when", "soon"))
    ),
    "x:big=1_000,inf=inf": StrategySpec("x", (("big", 1000), ("inf", float("inf")))),
}


@pytest.mark.parametrize("text", list(SPECS))
def test_parse_spec_values(text: str) -> None:
    """Numbers are TOML numbers, a quoted string keeps its comma, anything else is its text."""
    assert parse_spec(text) == SPECS[text]


@pytest.mark.parametrize("text", list(SPECS))
def test_strategy_option_reads_the_spec_as_parse_spec_does(text: str) -> None:
    spec = parse_spec(text)
    assert parse_strategy_option(f"USA={text}") == ("USA", spec.name, spec.as_dict())


def test_a_whole_strategy_path_reads_the_spec_as_parse_spec_does() -> None:
    base = load("sma-2019")
    changed = apply(base, "parties.USA.strategy", "ratification-aware:inner=anchoring,hold=6")
    usa = next(p for p in changed.parties if p.name == "USA")
    assert usa.strategy == SPECS["ratification-aware:inner=anchoring,hold=6"]


@pytest.mark.parametrize("name", ["ratification-aware", "anchoring", "time-dependent"])
def test_spec_of_builds_back_through_the_parser(name: str) -> None:
    """What the conformance round trip does: `spec_of` parsed and built gives the strategy."""
    strategy = build(name)
    spec = parse_spec(spec_of(strategy))
    assert build(spec.name, spec.as_dict()) == strategy


@pytest.mark.parametrize(
    "text, field, message",
    [
        ("boulware:e", "strategy", "parameter 'e' of 'boulware': expected param=value"),
        ("boulware:=1", "strategy", "parameter '=1' of 'boulware': expected param=value"),
        (":e=1", "strategy", "expected NAME[:param=value,…], got ':e=1'"),
    ],
)
def test_malformed_specs_are_errors(text: str, field: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_spec(text)
    assert caught.value.render() == f"{field}: {message}"
    with pytest.raises(InputError) as caught:
        parse_strategy_option(f"USA={text}")
    assert caught.value.render().startswith("--strategy: ")
