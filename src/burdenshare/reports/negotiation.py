"""The `run` report: one negotiation's trace and outcome as one JSON-ready dict."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from burdenshare.reports.provenance import provenance

if TYPE_CHECKING:
    from burdenshare.engine import NegotiationResult
    from burdenshare.model import Scenario


def run_dict(
    result: NegotiationResult, sha256: str, seed: int, scenario: Scenario | None = None
) -> dict[str, Any]:
    """`burdenshare run --json`: the negotiation's trace and outcome, with its provenance;
    given the scenario, an agreement on a share issue with a bill also carries `money` (per
    issue, per payer: bill × share in the bill's currency and, with `usd_rate`, in USD)."""
    from burdenshare.model.issues import is_share

    payload = result.to_dict()
    terms = result.outcome.terms
    if scenario is not None and terms is not None:
        money = {
            issue.name: issue.amounts(terms[issue.name])
            for issue in scenario.space.issues
            if is_share(issue) and issue.bill > 0
        }
        if money:
            payload["outcome"]["money"] = money
    payload["provenance"] = provenance(sha256, seed)
    return payload
