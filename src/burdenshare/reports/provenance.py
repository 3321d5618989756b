"""What every JSON output carries so a result can be traced: package version, scenario, seed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from burdenshare.engine import NegotiationResult


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


def run_dict(result: NegotiationResult, sha256: str, seed: int) -> dict[str, Any]:
    """`burdenshare run --json`: the negotiation's trace and outcome, with its provenance."""
    payload = result.to_dict()
    payload["provenance"] = provenance(sha256, seed)
    return payload
