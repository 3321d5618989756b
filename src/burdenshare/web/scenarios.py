"""The scenarios the web app knows: the built-ins and the TOML files of its working folder,
read and checked exactly as the command line reads and checks them (`scenario.load`,
`scenario.uncertainty`, `scenario.plausibility`): the same messages, with line and field."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from burdenshare.errors import InputError, Problem
from burdenshare.web.safety import inside

if TYPE_CHECKING:
    from burdenshare.experiments.uncertainty import Uncertain
    from burdenshare.scenario.load import LoadedScenario

MAX_LISTED_FILES = 500
"""Scenario files of the working folder listed in the library at most."""


@dataclass(frozen=True)
class Entry:
    """A scenario in the library: its reference (a built-in name or a file name), its title
    (or why it cannot be read) and whether it is built in."""

    ref: str
    title: str
    builtin: bool


def library(folder: Path) -> tuple[list[Entry], list[Entry]]:
    """The built-in scenarios and the `*.toml` files of `folder` (not its subfolders; no
    symbolic link out of it), each with its title."""
    builtins = list(_builtins())
    files = []
    for path in sorted(folder.glob("*.toml"))[:MAX_LISTED_FILES]:
        try:
            inside(folder, path.name)
        except InputError:
            continue
        files.append(Entry(path.name, _title(path), False))
    return builtins, files


@functools.cache
def _builtins() -> tuple[Entry, ...]:
    """The built-in scenarios with their titles (package data: read once)."""
    from burdenshare.scenario import builtin_names, load

    return tuple(Entry(name, load(name).title or name, True) for name in builtin_names())


def _title(path: Path) -> str:
    """The `title` of a scenario file, or a word on why it has none (nothing is validated)."""
    import tomllib

    from burdenshare.files import MAX_SCENARIO_BYTES, read_input

    try:
        data = tomllib.loads(read_input(path, "a scenario", MAX_SCENARIO_BYTES).decode("utf-8"))
    except (InputError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return "(not readable as a scenario: open it to see why)"
    title = data.get("title")
    return title if isinstance(title, str) and title else "(no title)"


def read(folder: Path, ref: str) -> tuple[str, str]:
    """(origin, text) of `ref`: a built-in name (unless a file of that name is in the folder,
    as on the command line) or a file name in `folder`."""
    from burdenshare.files import MAX_SCENARIO_BYTES, read_input
    from burdenshare.scenario.load import builtin_names, builtin_text, decode_scenario

    if ref in builtin_names() and not (folder / ref).exists():
        return ref, builtin_text(ref)
    path = inside(folder, ref, "scenario")
    if not ref.endswith(".toml"):
        known = ", ".join(builtin_names())
        raise InputError(
            Problem("", f"no such scenario file (*.toml), and no built-in of that name ({known})"),
            ref,
        )
    data = read_input(path, "a scenario TOML file", MAX_SCENARIO_BYTES)
    return ref, decode_scenario(data, ref)


@dataclass(frozen=True)
class Checked:
    """A scenario text checked as `burdenshare validate` checks a file: the loaded scenario and
    its uncertain inputs when valid, else the error (every problem with line and field); the
    plausibility warnings either way they could be found."""

    loaded: LoadedScenario | None
    uncertain: tuple[Uncertain, ...] = ()
    error: InputError | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The problems of the error (none when valid)."""
        return () if self.error is None else self.error.problems

    @property
    def message(self) -> str:
        """The error exactly as the command line prints it (after `error: `)."""
        return "" if self.error is None else self.error.render()


@functools.lru_cache(maxsize=32)
def check(origin: str, text: str, overrides: tuple[str, ...] = ()) -> Checked:
    """Check `text` (read from `origin`) as `validate` does: the scenario, its `[[uncertainty]]`
    section, then the warnings. Kept for the last few texts (a scenario is immutable; a game
    in the browser checks the same text at every step)."""
    from burdenshare.scenario.load import load_text
    from burdenshare.scenario.plausibility import warning_lines
    from burdenshare.scenario.uncertainty import raw_document, uncertain_inputs

    try:
        loaded = load_text(origin, text, overrides)
        data = raw_document(loaded)
        uncertain = uncertain_inputs(loaded, data)
    except InputError as exc:
        return Checked(None, (), exc)
    except RecursionError:
        return Checked(None, (), InputError("the input is nested too deeply to be read", origin))
    return Checked(loaded, uncertain, None, warning_lines(loaded, data))
