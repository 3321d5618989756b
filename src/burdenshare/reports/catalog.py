"""What is available, as JSON: the built-in scenarios and the registered strategies."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def scenarios_dict(rows: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """`scenarios --json`: each scenario's name (as `run` takes it) and title."""
    return {"scenarios": [{"name": n, "title": t} for n, t in rows]}


def strategy_rows() -> list[tuple[str, str, dict[str, Any], list[str]]]:
    """(name, summary, parameters with their defaults, tags) of every registered strategy."""
    from burdenshare import strategies as registry

    rows = []
    for name in registry.names():
        entry = registry.entry(name)
        params = {k: v for k, v in registry.parameters(name).items() if k != "params"}
        rows.append((name, entry.summary, params, sorted(entry.tags)))
    return rows


def strategies_dict(
    rows: Sequence[tuple[str, str, dict[str, Any], list[str]]] | None = None,
) -> dict[str, Any]:
    """`strategies --json`: every registered strategy (or those of `rows`, as `strategy_rows`
    gives them) with its summary, parameters and tags."""
    chosen = strategy_rows() if rows is None else rows
    return {
        "strategies": [
            {"name": n, "summary": s, "parameters": p, "tags": t} for n, s, p, t in chosen
        ]
    }
