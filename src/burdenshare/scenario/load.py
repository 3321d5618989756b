"""Loading scenarios: a built-in name or a TOML file, with `--set` overrides, validated at once.

Every problem is reported together, each with the file, the line where known, the field path
and what was expected. Nothing in a scenario file is executed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from burdenshare.errors import InputError, Problem
from burdenshare.scenario.lines import Loc, line_map, line_of

# tomllib, hashlib and importlib.resources are imported where used: a GENIUS folder goes through
# this package without them (~6 ms of a `burdenshare analyze FOLDER` process).

if TYPE_CHECKING:  # pydantic is imported on first validation, so other readers start fast
    from burdenshare.model import Scenario
    from burdenshare.model.paths import Step
    from burdenshare.scenario.schema import ScenarioDoc


@dataclass(frozen=True)
class LoadedScenario:
    """A scenario with where it came from: origin (path or built-in name), text and SHA-256."""

    scenario: Scenario
    document: ScenarioDoc
    origin: str
    text: str
    sha256: str
    overrides: tuple[str, ...] = ()


def _names(folder_name: str) -> tuple[str, ...]:
    from importlib import resources

    folder = resources.files("burdenshare.scenario") / folder_name
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml")))


def builtin_names() -> tuple[str, ...]:
    """Names of the built-in scenarios (package data)."""
    return _names("builtin")


def case_names() -> tuple[str, ...]:
    """Names of the backtest cases (package data, `scenario/cases/`): historical talks, each as
    of its information date, kept apart from the library so that `burdenshare scenarios` and the
    suites run over every built-in stay small; loaded by name like a built-in."""
    return _names("cases")


def builtin_text(name: str) -> str:
    """The TOML text of built-in scenario or backtest case `name`."""
    from importlib import resources

    folder = "cases" if name in case_names() else "builtin"
    return (resources.files("burdenshare.scenario") / folder / f"{name}.toml").read_text("utf-8")


def read_source(ref: str | Path) -> tuple[str, str]:
    """(origin, text) for a built-in or backtest-case name or a file path; `InputError` when
    none exists."""
    ref_text = str(ref)
    path = Path(ref_text)
    if (ref_text in builtin_names() or ref_text in case_names()) and not path.exists():
        return ref_text, builtin_text(ref_text)
    if not path.exists() and not path.is_symlink():
        known, cases = ", ".join(builtin_names()), ", ".join(case_names())
        raise InputError(
            Problem(
                "",
                "no such file, and no built-in scenario of that name "
                f"(built-ins: {known}; backtest cases: {cases})",
            ),
            ref_text,
        )
    from burdenshare.files import MAX_SCENARIO_BYTES, read_input

    data = read_input(path, "a scenario TOML file", MAX_SCENARIO_BYTES)
    return ref_text, decode_scenario(data, ref_text)


def decode_scenario(data: bytes, origin: str) -> str:
    """A scenario file's bytes as text; `InputError` when they are not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            Problem("", "not a UTF-8 text file; expected a scenario in TOML"), origin
        ) from None


def parse_toml(text: str, origin: str) -> dict[str, Any]:
    """Parse TOML text, turning syntax errors into an `InputError` with the line."""
    if not text.strip():
        raise InputError(
            Problem(
                "",
                "the file is empty; expected a scenario in TOML "
                "(see `burdenshare export sma-2019` for an example)",
            ),
            origin,
        )
    import tomllib

    try:
        return tomllib.loads(text)
    except RecursionError:
        raise InputError(Problem("", "malformed TOML: nested too deeply"), origin) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = None
        if "(at line " in message:
            tail = message.rsplit("(at line ", 1)[1]
            line = int(tail.split(",")[0])
            message = message.rsplit(" (at line ", 1)[0]
        raise InputError(Problem("", f"malformed TOML: {message}", line), origin) from None


def _parse_value(text: str) -> Any:
    """A `--set` value: TOML syntax when it parses (numbers, dates, lists), else a string."""
    import tomllib

    try:
        return tomllib.loads(f"v = {text}")["v"]
    except RecursionError:
        raise InputError(Problem("--set", f"value nested too deeply: {text[:40]}…")) from None
    except tomllib.TOMLDecodeError:
        return text


def split_assignment(assignment: str) -> tuple[str, str]:
    """`PATH=VALUE` as (path, value text)."""
    if "=" not in assignment:
        raise InputError(Problem("--set", f"expected PATH=VALUE, got {assignment!r}"))
    path, value = assignment.split("=", 1)
    return path.strip(), value.strip()


def apply_override(data: dict[str, Any], assignment: str) -> tuple[Step, ...]:
    """Apply `PATH=VALUE` to the raw document (`model.paths`: list elements by index or by
    their `name`); the path's resolved steps."""
    from burdenshare.model.paths import PathError, set_raw

    path, value = split_assignment(assignment)
    try:
        return set_raw(data, path, _parse_value(value))
    except PathError as exc:
        message = str(exc) if exc.where else f"{exc.message} in {assignment!r}"
        raise InputError(Problem("--set", message)) from None


def validate(data: dict[str, Any], origin: str, text: str = "") -> tuple[ScenarioDoc, Scenario]:
    """Validate a raw document into (document, scenario); `InputError` lists every problem."""
    from pydantic import ValidationError

    from burdenshare.scenario.build import (
        LocatedError,
        build_scenario,
        format_loc,
        partial_checks,
    )
    from burdenshare.scenario.schema import ScenarioDoc

    lines = line_map(text) if text else {}
    try:
        doc = ScenarioDoc.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc: Loc = tuple(err["loc"])
            message = _message(err)
            if err.get("type") == "extra_forbidden":
                message += _did_you_mean(loc)
            problems.append(Problem(format_loc(loc), message, line_of(lines, loc)))
        for loc, message in partial_checks(data):
            problems.append(Problem(format_loc(loc), message, line_of(lines, loc)))
        raise InputError(problems, origin) from None
    try:
        scenario = build_scenario(doc)
    except LocatedError as exc:
        problems = [Problem(format_loc(loc), msg, line_of(lines, loc)) for loc, msg in exc.located]
        raise InputError(problems, origin) from None
    return doc, scenario


def _message(err: Any) -> str:
    kind = err.get("type", "")
    value = err.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown key (not part of the scenario format; see `burdenshare schema`)"
    text = str(err.get("msg", "invalid"))
    if kind.endswith("_parsing") or kind.endswith("_type") or kind == "literal_error":
        return f"{text[0].lower()}{text[1:]}, got {value!r}"
    return f"{text[0].lower()}{text[1:]}"


def _did_you_mean(loc: Loc) -> str:
    """`; did you mean 'x'?` for an unknown key near a known key of its table, else ``."""
    import difflib

    from burdenshare.scenario.schema import ScenarioDoc

    node: Any = ScenarioDoc
    for step in loc[:-1]:
        node = _child(node, step)
    fields = getattr(node, "model_fields", None)
    if not fields or not isinstance(loc[-1], str):
        return ""
    close = difflib.get_close_matches(loc[-1], list(fields), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _child(node: Any, step: str | int) -> Any:
    """The type at `step` below the annotation `node` (a model's field, a list's item or a
    dict's value; `Optional` and `Annotated` looked through); None where there is none."""
    from typing import get_args, get_origin

    for _ in range(4):  # look through Annotated[X | None, …] and the like
        args = [a for a in get_args(node) if a is not type(None)]
        if get_origin(node) in (list, dict) or hasattr(node, "model_fields") or not args:
            break
        node = args[0]
    if hasattr(node, "model_fields") and isinstance(step, str):
        found = node.model_fields.get(step)
        return None if found is None else found.annotation
    if get_origin(node) in (list, dict):
        return get_args(node)[-1]
    return None


LATER_SECTIONS = ("protocol",)
"""Optional sections added to the format after results and games were stored with their
scenario's hash: absent, they leave the hash as it was (a stored game still replays)."""


def document_sha256(doc: ScenarioDoc) -> str:
    """SHA-256 of the document's canonical JSON: equal scenarios hash equal."""
    import hashlib

    data = doc.model_dump(mode="json")
    for key in LATER_SECTIONS:
        if data.get(key) is None:
            data.pop(key, None)
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def load_source(ref: str | Path, overrides: Sequence[str] = ()) -> LoadedScenario:
    """Load a built-in name or TOML path, apply `--set` overrides, validate everything."""
    origin, text = read_source(ref)
    return load_text(origin, text, overrides)


def load_text(origin: str, text: str, overrides: Sequence[str] = ()) -> LoadedScenario:
    """Load scenario `text` read from `origin` (a path or built-in name, for messages) as
    `load_source` loads a file: `--set` overrides applied, everything validated (the web app's
    editor checks its text with it)."""
    data = parse_toml(text, origin)
    for assignment in overrides:
        try:
            apply_override(data, assignment)
        except InputError as exc:
            raise exc.with_source(origin) from None
    try:
        doc, scenario = validate(data, origin, text)
    except InputError as exc:
        if overrides:
            note = f" (after --set {', '.join(overrides)})"
            raise InputError(list(exc.problems), origin + note) from None
        raise
    return LoadedScenario(scenario, doc, origin, text, document_sha256(doc), tuple(overrides))


def load(ref: str | Path, overrides: Sequence[str] = ()) -> Scenario:
    """Load and validate a scenario (built-in name or TOML path) into an immutable `Scenario`."""
    return load_source(ref, overrides).scenario


def json_schema() -> dict[str, Any]:
    """The JSON Schema of scenario files (for editors)."""
    from burdenshare.scenario.schema import ScenarioDoc

    schema = ScenarioDoc.model_json_schema()
    schema["title"] = "burdenshare scenario"
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
