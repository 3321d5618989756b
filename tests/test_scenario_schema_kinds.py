"""The scenario file's issue table is assembled from the kinds' own keys (`IssueKind.keys`):
a kind declares its keys in its module, the schema follows."""

from __future__ import annotations

from burdenshare.model.kinds.base import TomlTable
from burdenshare.model.kinds.registry import BUILT_IN, kind_of
from burdenshare.scenario import json_schema
from burdenshare.scenario.schema import IssueBase, IssueDoc


def _kinds() -> list:  # type: ignore[type-arg]
    return [kind_of(name) for name in BUILT_IN]


def test_issue_table_has_the_common_keys_and_every_kinds_own() -> None:
    own = {key.name for kind in _kinds() for key in kind.keys}
    assert set(IssueDoc.model_fields) == set(IssueBase.model_fields) | own
    assert {"name", "kind", "label", "source"} == set(IssueBase.model_fields)


def test_each_key_says_which_kinds_read_it() -> None:
    fields = IssueDoc.model_fields
    for kind in _kinds():
        for key in kind.keys:
            description = fields[key.name].description or ""
            assert f"{key.description}" in description
            assert kind.name in description.split(":")[0] or f" {kind.name}" in description
    assert fields["low"].description == "money, percent, count: lowest admissible value."


def test_nested_tables_come_from_their_kind() -> None:
    schema = json_schema()
    for kind in _kinds():
        for key in kind.keys:
            if isinstance(key.type, TomlTable):
                nested = schema["$defs"][key.type.name]
                assert set(nested["properties"]) == {k.name for k in key.type.keys}
                assert nested["additionalProperties"] is False
                assert nested["required"] == ["name"]
