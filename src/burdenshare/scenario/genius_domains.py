"""Every readable GENIUS / GeniusWeb domain in a folder (the folder itself, or its sub-folders),
as a tournament takes them; the domains it skips are returned as notes saying why."""

from __future__ import annotations

from pathlib import Path

from burdenshare.errors import InputError
from burdenshare.model import Scenario

MAX_OUTCOMES = 2_000_000
"""Largest outcome space a tournament enumerates (per-outcome tables: ~100 bytes each)."""


def read_domains(folder: Path, steps: int) -> tuple[list[Scenario], list[str]]:
    """(scenarios, notes): each domain read with `steps` offers on its plain calendar; a domain
    that cannot be read, or whose outcome space exceeds MAX_OUTCOMES, is noted and skipped."""
    from burdenshare.scenario.genius import read_folder

    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder", "--genius")
    candidates = (
        [folder]
        if any(folder.glob("*.xml")) or any(folder.glob("*.json"))
        else sorted(p for p in folder.iterdir() if p.is_dir())
    )
    scenarios, notes = [], []
    for path in candidates:
        try:
            scenario = read_folder(path, steps=steps).scenario
        except InputError as exc:
            notes.append(f"skipped {path.name}: {exc.render().splitlines()[0]}")
            continue
        if scenario.space.size > MAX_OUTCOMES:
            notes.append(
                f"skipped {path.name}: {scenario.space.size:,} outcomes (real issues on "
                f"their grid) exceed {MAX_OUTCOMES:,}, the most the offer kernel enumerates here"
            )
            continue
        scenarios.append(scenario)
    return scenarios, notes
