"""`[stakeholders]` in scenario files: exact conversion to a `StakeholderSet` (real units <-> the
0-100 scale), every kind of bad input located by file, line and field, and the built-in SMA
stakeholders sourced or reasoned."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from burdenshare.errors import InputError
from burdenshare.scenario import builtin_text, load, load_source
from burdenshare.stakeholders.actors import Dimension

BASE = builtin_text("sma-2019")
HEAD, SEP, _ = BASE.partition("\n[stakeholders]\n")

SMALL = """
[stakeholders]
dimensions = [
  { name = "amount", issue = "amount" },
  { name = "years", issue = "duration", low = 1.0, high = 6.0 },
  { name = "mood", low = -1.0, high = 1.0, unit = "index" },
]

[[stakeholders.actors]]
name = "a"
side = "USA"
capability = 2.0
position = { amount = 5900.0, years = 1, mood = -0.5 }
salience = { amount = 0.5, years = 0.25, mood = 0.25 }
source = "test"

[[stakeholders.actors]]
name = "b"
side = "ROK"
capability = 1.0
position = { amount = 1038.9, years = 5, mood = 0.25 }
salience = { amount = 0.8, years = 0.1, mood = 0.0 }
rationale = "test"

[[stakeholders.actors]]
name = "c"
capability = 3.5
position = { amount = 1174.0, years = 6, mood = 1.0 }
salience = { amount = 0.3, years = 0.3, mood = 0.3 }
source = "test"
"""


def write(tmp_path: Path, stakeholders: str) -> Path:
    assert SEP, "sma-2019 has a [stakeholders] section"
    path = tmp_path / "s.toml"
    path.write_text(HEAD + "\n" + stakeholders, encoding="utf-8")
    return path


def test_small_set_converts_exactly(tmp_path: Path) -> None:
    s = load(write(tmp_path, SMALL)).stakeholders
    assert s is not None
    amount, years, mood = s.dimensions
    assert (amount.low, amount.high, amount.unit) == (1000.0, 6000.0, "KRW bn")
    assert (years.low, years.high, years.unit) == (1.0, 6.0, "years")
    assert (mood.low, mood.high, mood.unit) == (-1.0, 1.0, "index")
    assert s.names == ("a", "b", "c")
    assert [a.side for a in s.actors] == ["USA", "ROK", None]
    assert s.actors[1].position == (1038.9, 5.0, 0.25)
    assert s.actors[1].salience == (0.8, 0.1, 0.0)
    assert s.actors[2].capability == 3.5
    # 100 (x - low) / (high - low)
    assert s.scaled_positions()[0] == pytest.approx([98.0, 0.0, 25.0], abs=1e-12)
    assert s.scaled_positions()[1][0] == pytest.approx(100 * 38.9 / 5000, abs=1e-12)
    assert s.scaled_positions()[2] == pytest.approx([3.48, 100.0, 100.0], abs=1e-12)


@given(
    low=st.floats(-1e6, 1e6),
    width=st.floats(1e-3, 1e6),
    frac=st.floats(0.0, 1.0),
)
def test_real_units_round_trip_through_the_0_100_scale(
    low: float, width: float, frac: float
) -> None:
    d = Dimension("x", low, low + width, "u")
    x = low + frac * width
    y = d.to_scale(x)
    assert 0.0 <= y <= 100.0 + 1e-9
    assert math.isclose(
        d.from_scale(y), x, rel_tol=1e-12, abs_tol=1e-9 * max(1.0, abs(low) + width)
    )


def test_builtin_round_trip_is_exact_to_float_precision() -> None:
    s = load("sma-2019").stakeholders
    assert s is not None
    for actor, scaled in zip(s.actors, s.scaled_positions(), strict=True):
        back = s.to_real(scaled)
        for x, y in zip(actor.position, back, strict=True):
            assert math.isclose(x, y, rel_tol=1e-15, abs_tol=1e-12)


def test_builtin_sma_stakeholders_are_complete_and_sourced() -> None:
    loaded = load_source("sma-2019")
    doc = loaded.document.stakeholders
    s = loaded.scenario.stakeholders
    assert doc is not None and s is not None
    assert s.dimension_names == ("amount", "duration")
    assert [d.issue for d in doc.dimensions] == ["amount", "duration"]
    names = set(s.names)
    assert {
        "us-president",
        "us-state",
        "us-defense",
        "us-congress",
        "usfk",
        "rok-president",
        "rok-foreign",
        "rok-defense",
        "assembly-ruling",
        "assembly-opposition",
        "rok-public",
    } <= names
    keys = {k for k, _ in loaded.scenario.sources}
    for actor in doc.actors:
        # positions: a source key, a full address, or a stated assumption
        assert actor.source, actor.name
        assert (
            "http" in actor.source
            or "assumption" in actor.source
            or any(k in actor.source for k in keys)
        ), actor.name
        # capability and salience are assumptions with a rationale
        assert actor.rationale.startswith("assumption"), actor.name
        assert math.fsum(actor.salience.values()) <= 1.0
    sides = {a.name: a.side for a in s.actors}
    assert sides["us-president"] == "USA" and sides["rok-president"] == "ROK"
    assert sides["rok-public"] is None


def test_builtin_positions_match_the_sources() -> None:
    s = load("sma-2019").stakeholders
    assert s is not None
    pos = {a.name: a.position for a in s.actors}
    assert pos["us-president"] == (
        5900.0,
        1.0,
    )  # USD 5 bn = KRW 5.9 tn (SEOUL19); one year (HANI19)
    assert pos["us-state"][0] == pytest.approx(1.3 * 1180.0)  # USD 1.3 bn (KH20)
    assert pos["us-defense"][0] == 1130.5  # US "minimum" USD 1 bn in 2019 (HANI19)
    assert pos["rok-president"][0] == pytest.approx(1038.9 * 1.13, abs=0.1)  # +13 % (KH20)
    assert pos["rok-foreign"][0] == pytest.approx(1038.9 * 1.10, abs=0.1)  # +10 % (YONHAP20A)
    assert pos["rok-public"][0] == 1038.9  # the 2019 level (MOFA10)


BAD = {
    "unknown key": (
        SMALL.replace("capability = 1.0\n", "capability = 1.0\nweight = 3\n"),
        r"s\.toml:\d+: stakeholders\.actors\[1\]\.weight: unknown key",
    ),
    "position out of range": (
        SMALL.replace("amount = 1038.9,", "amount = 900.0,"),
        r"s\.toml:\d+: stakeholders\.actors\[1\]\.position\.amount: 900 KRW bn lies outside",
    ),
    "salience out of [0, 1]": (
        SMALL.replace("amount = 0.8,", "amount = 80.0,"),
        r"stakeholders\.actors\[1\]\.salience\.amount: must be a fraction in \[0, 1\]",
    ),
    "saliences sum over 1": (
        SMALL.replace("amount = 0.8, years = 0.1", "amount = 0.8, years = 0.3"),
        r"stakeholders\.actors\[1\]\.salience: an actor's saliences must sum to at most 1, "
        r"got 1\.1",
    ),
    "unknown side": (
        SMALL.replace('side = "ROK"', 'side = "Japan"'),
        r"stakeholders\.actors\[1\]\.side: unknown party 'Japan'; expected one of: USA, ROK",
    ),
    "unknown issue": (
        SMALL.replace('issue = "amount"', 'issue = "amounts"'),
        r"stakeholders\.dimensions\[0\]\.issue: unknown issue 'amounts'",
    ),
    "non-numeric issue": (
        SMALL.replace('issue = "amount"', 'issue = "scope"'),
        r"stakeholders\.dimensions\[0\]\.issue: issue 'scope' is a scope issue",
    ),
    "range outside the issue": (
        SMALL.replace("low = 1.0, high = 6.0", "low = 0.0, high = 6.0"),
        r"stakeholders\.dimensions\[1\]\.low: must lie within issue 'duration'",
    ),
    "unmapped dimension without range": (
        SMALL.replace('low = -1.0, high = 1.0, unit = "index"', 'unit = "index"'),
        r"stakeholders\.dimensions\[2\]\.low: required when the dimension maps to no issue",
    ),
    "missing position": (
        SMALL.replace("years = 5, mood = 0.25", "years = 5"),
        r"stakeholders\.actors\[1\]\.position: missing a value for dimension 'mood'",
    ),
    "unknown dimension": (
        SMALL.replace("mood = 1.0 }", "mood = 1.0, cost = 2 }"),
        r"stakeholders\.actors\[2\]\.position\.cost: unknown dimension",
    ),
    "no source or rationale": (
        SMALL.replace('rationale = "test"\n', ""),
        r"s\.toml:\d+: stakeholders\.actors\[1\]: needs a source",
    ),
    "capability not positive": (
        SMALL.replace("capability = 1.0", "capability = 0.0"),
        r"stakeholders\.actors\[1\]\.capability: must be a positive number",
    ),
    "too few actors": (
        SMALL.split('[[stakeholders.actors]]\nname = "c"')[0],
        r"stakeholders\.actors: need 3 to 250 actors",
    ),
    "duplicate actor": (
        SMALL.replace('name = "c"', 'name = "a"'),
        r"stakeholders\.actors\[2\]\.name: duplicate actor name 'a'",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_each_bad_input_is_located(tmp_path: Path, kind: str) -> None:
    text, pattern = BAD[kind]
    path = write(tmp_path, text)
    with pytest.raises(InputError) as info:
        load(path)
    message = info.value.render()
    assert re.search(pattern, message), message
    assert str(path) in message


def test_a_bad_line_number_points_at_the_actor(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL.replace('side = "ROK"', 'side = "Japan"'))
    with pytest.raises(InputError) as info:
        load(path)
    (problem,) = info.value.problems
    lines = path.read_text(encoding="utf-8").splitlines()
    assert problem.line is not None and lines[problem.line - 1] == 'side = "Japan"'


def test_scenarios_without_stakeholders_still_load(tmp_path: Path) -> None:
    path = tmp_path / "plain.toml"
    path.write_text(HEAD + "\n", encoding="utf-8")
    assert load(path).stakeholders is None
