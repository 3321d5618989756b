"""The tournament command (see experiments/tournament.py)."""

from __future__ import annotations


def tournament() -> None:
    """Rank strategies over scenarios and repetitions (not yet written)."""
    raise SystemExit("not yet")
