"""The scenario-format reference documents every field of every table, so it never drifts.

Walks the pydantic models of `burdenshare.scenario.schema` from `ScenarioDoc` down. For each
model, docs/reference/scenario-format.md must have one section (the text between two headings)
whose field table lists exactly the model's fields (first column, in backticks) and whose
```toml examples use every one of them as a key. The reference's complete example must load and
run, and every TOML snippet must be valid TOML.
"""

from __future__ import annotations

import re
import tomllib
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from burdenshare.scenario import schema

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "docs" / "reference" / "scenario-format.md"


def models(root: type[BaseModel] = schema.ScenarioDoc) -> list[type[BaseModel]]:
    """`root` and every model reachable through its fields' annotations, each once."""
    found: list[type[BaseModel]] = []

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found:
                found.append(annotation)
                for info in annotation.model_fields.values():
                    visit(info.annotation)
            return
        for arg in typing.get_args(annotation):
            visit(arg)

    visit(root)
    return found


def sections(text: str) -> list[tuple[str, str]]:
    """(heading, body) for each part of the Markdown text between headings (outside fences)."""
    out: list[tuple[str, list[str]]] = [("", [])]
    fenced = False
    for line in text.splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
        if not fenced and re.match(r"^#{1,6} ", line):
            out.append((line.strip(), []))
        else:
            out[-1][1].append(line)
    return [(heading, "\n".join(body)) for heading, body in out]


def table_fields(body: str) -> set[str]:
    """Names in the first column of the section's tables, written as `name`."""
    return set(re.findall(r"^\|\s*`([A-Za-z_][A-Za-z0-9_]*)`\s*\|", body, flags=re.MULTILINE))


def toml_blocks(body: str) -> list[str]:
    """The ```toml blocks of a section."""
    return re.findall(r"^```toml\n(.*?)^```", body, flags=re.MULTILINE | re.DOTALL)


def keys(value: Any) -> set[str]:
    """Every key used anywhere in parsed TOML."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys(v)}
    return set()


@pytest.fixture(scope="module")
def reference() -> str:
    if not REFERENCE.exists():
        pytest.fail(f"missing {REFERENCE.relative_to(ROOT)}")
    return REFERENCE.read_text(encoding="utf-8")


def test_the_walk_finds_the_nested_tables() -> None:
    names = {m.__name__ for m in models()}
    assert {"ScenarioDoc", "PartyDoc", "ValueFunctionDoc", "LimitDoc", "MeetingDoc"} <= names
    assert "ReservationEventDoc" in names  # two levels down: parties → lapse → events


def test_every_field_name_is_mentioned(reference: str) -> None:
    missing = sorted(
        f"{m.__name__}.{name}"
        for m in models()
        for name in m.model_fields
        if f"`{name}`" not in reference
    )
    assert not missing, f"fields not mentioned in {REFERENCE.name}: {missing}"


@pytest.mark.parametrize("model", models(), ids=lambda m: m.__name__)
def test_each_table_has_a_section_with_every_field_and_an_example(
    model: type[BaseModel], reference: str
) -> None:
    fields = set(model.model_fields)
    candidates = [(h, b) for h, b in sections(reference) if table_fields(b) == fields]
    if not candidates:
        heading, body = min(sections(reference), key=lambda hb: len(table_fields(hb[1]) ^ fields))
        pytest.fail(
            f"{model.__name__}: no section of {REFERENCE.name} has a field table listing exactly "
            f"{sorted(fields)}; nearest is {heading!r}, which differs in "
            f"{sorted(table_fields(body) ^ fields)}"
        )
    heading, body = candidates[0]
    used: set[str] = set()
    for block in toml_blocks(body):
        used |= keys(tomllib.loads(block))
    assert fields <= used, f"{heading}: no example uses {sorted(fields - used)}"


def test_every_toml_snippet_is_valid_toml(reference: str) -> None:
    for heading, body in sections(reference):
        for block in toml_blocks(body):
            try:
                tomllib.loads(block)
            except tomllib.TOMLDecodeError as exc:
                pytest.fail(f"{heading}: invalid TOML example: {exc}\n{block}")


def test_the_complete_example_loads_and_runs(reference: str, tmp_path: Path) -> None:
    from burdenshare.engine import negotiate
    from burdenshare.scenario import load_source

    body = dict(sections(reference))["## A complete example"]
    path = tmp_path / "example.toml"
    path.write_text(toml_blocks(body)[0], encoding="utf-8")
    loaded = load_source(path)
    kinds = {issue.kind for issue in loaded.scenario.space.issues}
    assert kinds == {"money", "percent", "count", "scope", "choice"}
    result = negotiate(loaded.scenario)
    assert result.outcome.status in ("agreement", "no_agreement")
