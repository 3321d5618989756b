"""Negotiator strategies behind one small interface, found by name in a registry."""

from __future__ import annotations

from burdenshare.strategies import anchoring, ratification_aware, time_dependent, tit_for_tat
from burdenshare.strategies.base import Strategy, TargetStrategy
from burdenshare.strategies.registry import build, entry, names, parameters
from burdenshare.strategies.view import NegotiatorView, OfferRecord, VetoRecord

__all__ = [
    "NegotiatorView",
    "OfferRecord",
    "Strategy",
    "TargetStrategy",
    "VetoRecord",
    "anchoring",
    "build",
    "entry",
    "names",
    "parameters",
    "ratification_aware",
    "time_dependent",
    "tit_for_tat",
]
