"""KTAB's SMP CSV format: its quirks are accepted, every kind of bad input is reported precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from burdenshare.errors import InputError
from burdenshare.scenario.ktab_csv import parse_ktab_csv, read_ktab_csv

LONG = "A" * 26  # KTAB allows 25 characters in an actor name
EXAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "ktab-examples"

GOOD = """\
Test scen; one,"A description, with a comma", 3, 2,
Actor,Description,Power,Amount,Sal A,Years,Sal Y,
US,  United States ,  100.0, 80, 40.0, 20, 60,
ROK,Republic of Korea,90, 30.5,50,60,25,
NA,National Assembly,25,10,0,50,100,
"""


def _example(name: str) -> Path:
    path = EXAMPLES / name
    if not path.exists():
        pytest.skip(f"KTAB example {name} not found beside the repository ({EXAMPLES})")
    return path


def _problems(text: str) -> list[tuple[int | None, str, str]]:
    with pytest.raises(InputError) as info:
        parse_ktab_csv(text, "in.csv")
    assert info.value.source == "in.csv"
    return [(p.line, p.field, p.message) for p in info.value.problems]


# --- quirks that must be accepted -----------------------------------------------------------


def test_reads_positions_saliences_and_dimension_names() -> None:
    s = parse_ktab_csv(GOOD)
    assert s.name == "Test scen; one"  # a semicolon is an ordinary character
    assert s.description == "A description, with a comma"  # quoted field
    assert s.dimension_names == ("Amount", "Years")  # position labels name dimensions
    us, rok, na = s.actors
    assert (us.name, us.description, us.capability) == ("US", "United States", 100.0)
    assert us.position == (80.0, 20.0)
    assert us.salience == (0.4, 0.6)  # divided by 100, as KTAB does
    assert rok.position == (30.5, 60.0)
    assert na.salience == (0.0, 1.0)  # a zero salience on one dimension; sum exactly 100
    assert all(d.low == 0.0 and d.high == 100.0 for d in s.dimensions)


def test_line_endings_blank_lines_and_byte_order_mark() -> None:
    text = "\ufeff" + GOOD.replace("\n", "\r\n") + "\r\n ,,\r\n\r\n"
    assert parse_ktab_csv(text).names == ("US", "ROK", "NA")


def test_trailing_comma_and_space_are_optional() -> None:
    text = "\n".join(line.rstrip(",") for line in GOOD.splitlines())
    assert parse_ktab_csv(text).names == ("US", "ROK", "NA")


@pytest.mark.parametrize(
    ("name", "actors", "dims", "first"),
    [
        ("SOE-Policy.csv", 26, ("Policy Position",), ("XJ", 100.0, (30.0,), (0.3,))),
        (
            "SOE-Pol-Comp.csv",
            13,
            ("Policy Position", "Competitive Position"),
            ("XJ", 100.0, (30.0, 20.0), (0.24, 0.48)),
        ),
        (
            "dummyData_3Dim.csv",
            7,
            ("Pstn1", "Pstn2", "Pstn3"),
            ("SActor-00", 102.543, (75.79, 6.37, 70.45), (0.4953, 0.0591, 0.2815)),
        ),
    ],
)
def test_shipped_ktab_examples(
    name: str,
    actors: int,
    dims: tuple[str, ...],
    first: tuple[str, float, tuple[float, ...], tuple[float, ...]],
) -> None:
    s = read_ktab_csv(_example(name))
    assert len(s.actors) == actors
    assert s.dimension_names == dims
    a = s.actors[0]
    assert (a.name, a.capability, a.position) == first[:3]
    assert a.salience == pytest.approx(first[3], abs=1e-15)


def test_pol_comp_description_keeps_its_semicolon() -> None:
    s = read_ktab_csv(_example("SOE-Pol-Comp.csv"))
    assert s.name == "China Policy/Competitive; scen 2"
    assert s.description == "Scenario-0002;Combined Policy and Competitive"
    assert s.actors[4].description == "Liu He - Deputy Director of DRC"


# --- bad input: every kind, with line and field -----------------------------------------------


def _replace_line(n: int, line: str) -> str:
    lines = GOOD.splitlines()
    lines[n - 1] = line
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ("", 1, "", "expected a scenario row"),
        ("only, one, row, 3\n", 1, "", "expected a scenario row"),
        (_replace_line(1, "name, desc, 3"), 1, "scenario row", "got 3 field"),
        (_replace_line(1, "name, desc, three, 2"), 1, "number of actors", "whole number"),
        (_replace_line(1, "name, desc, 3, 2.5"), 1, "number of dimensions", "whole number"),
        (_replace_line(1, "name, desc, 3, 0"), 1, "number of dimensions", "at least 1"),
        (_replace_line(1, "name, desc, 2, 2"), 1, "number of actors", "between 3 and 250"),
        (_replace_line(1, "name, desc, 251, 2"), 1, "number of actors", "between 3 and 250"),
        (_replace_line(2, "Actor,Description,Power,Amount,Sal A"), 2, "header row", "7 columns"),
        (_replace_line(2, "Actor,D,P,Same,S,Same,S"), 2, "header row", "must differ"),
        (_replace_line(2, "Actor,D,P,,S,Years,S"), 2, "header column 4", "empty"),
        (_replace_line(3, "US,United States,100,80,40"), 3, "actor row", "expected 7 fields"),
        (_replace_line(3, "US,x,lots,80,40,20,60"), 3, "actor 'US'.capability", "a number"),
        (_replace_line(3, "US,x,0,80,40,20,60"), 3, "actor 'US'.capability", "positive"),
        (_replace_line(3, "US,x,-5,80,40,20,60"), 3, "actor 'US'.capability", "[0, 1e+08]"),
        (_replace_line(3, "US,x,1e9,80,40,20,60"), 3, "actor 'US'.capability", "[0, 1e+08]"),
        (_replace_line(3, "US,x,100,high,40,20,60"), 3, "actor 'US'.Amount", "a number"),
        (_replace_line(3, "US,x,100,100.5,40,20,60"), 3, "actor 'US'.Amount", "[0, 100]"),
        (_replace_line(3, "US,x,100,80,40,-1,60"), 3, "actor 'US'.Years", "[0, 100]"),
        (_replace_line(3, "US,x,100,80,140,20,0"), 3, "actor 'US'.Sal A", "[0, 100]"),
        (_replace_line(3, "US,x,100,80,nan,20,60"), 3, "actor 'US'.Sal A", "[0, 100]"),
        (_replace_line(3, "US,x,100,80,40.5,20,60"), 3, "actor 'US'.salience", "at most 100"),
        (_replace_line(3, "US,x,100,80,0,20,0"), 3, "actor 'US'.salience", "positive"),
        (_replace_line(3, ",x,100,80,40,20,60"), 3, "actor name", "empty"),
        (
            _replace_line(3, "A" * 26 + ",x,100,80,40,20,60"),
            3,
            "actor '" + "A" * 26 + "'.name",
            "25",
        ),
        (_replace_line(4, "US,again,90,30,50,60,25"), 4, "actor 'US'.name", "line 3"),
        (GOOD + "KR,extra,1,1,1,1,1\n", 6, "actor rows", "announces 3 actors"),
        ("\n".join(GOOD.splitlines()[:4]) + "\n", 4, "actor rows", "2 actor rows"),
    ],
)
def test_bad_input_is_reported_with_line_and_field(
    text: str, line: int, field: str, words: str
) -> None:
    problems = _problems(text)
    assert any(p[0] == line and p[1] == field and words in p[2] for p in problems), problems


def test_every_problem_is_reported_at_once() -> None:
    text = _replace_line(3, "US,x,0,180,40,20,60")
    text = text.replace("ROK,Republic of Korea,90, 30.5,50,60,25", "ROK,R,90,30,70,60,40")
    problems = _problems(text)
    assert {(p[0], p[1]) for p in problems} >= {
        (3, "actor 'US'.capability"),
        (3, "actor 'US'.Amount"),
        (4, "actor 'ROK'.salience"),
    }
    with pytest.raises(InputError) as info:
        parse_ktab_csv(text, "in.csv")
    rendered = info.value.render()
    assert "in.csv: 3 problems" in rendered
    assert "in.csv:3: actor 'US'.capability:" in rendered


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_ktab_csv(tmp_path / "nope.csv")
    assert "cannot read file" in info.value.render()
    assert str(tmp_path / "nope.csv") in info.value.render()


def test_latin1_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(GOOD.replace("United States", "Étas-Unis").encode("latin-1"))
    assert read_ktab_csv(path).actors[0].description == "Étas-Unis"
