"""The negotiation protocol: the reference engine and its immutable results."""

from __future__ import annotations

from burdenshare.engine.protocol import default_strategies, negotiate
from burdenshare.engine.result import Event, NegotiationResult, Outcome

__all__ = ["Event", "NegotiationResult", "Outcome", "default_strategies", "negotiate"]
