"""The `run` report: one negotiation's trace and outcome as one JSON-ready dict."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from burdenshare.reports.provenance import provenance

if TYPE_CHECKING:
    from burdenshare.engine import NegotiationResult


def run_dict(result: NegotiationResult, sha256: str, seed: int) -> dict[str, Any]:
    """`burdenshare run --json`: the negotiation's trace and outcome, with its provenance."""
    payload = result.to_dict()
    payload["provenance"] = provenance(sha256, seed)
    return payload
