"""What every JSON output carries so a result can be traced: package version, scenario, seed."""

from __future__ import annotations

from typing import Any


def provenance(sha256: str, seed: int | None) -> dict[str, Any]:
    """Package version, scenario SHA-256 and seed (when there is one)."""
    from burdenshare import __version__

    out: dict[str, Any] = {
        "package": "burdenshare",
        "version": __version__,
        "scenario_sha256": sha256,
    }
    if seed is not None:
        out["seed"] = seed
    return out
