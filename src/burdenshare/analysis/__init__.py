"""Bargaining analysis (pure core): Pareto frontier, Nash / Kalai–Smorodinsky / utilitarian /
egalitarian points, ZOPA, Rubinstein split and two-level win-sets."""

from __future__ import annotations

from burdenshare.analysis.briefing import Analysis, analyze, to_json

__all__ = ["Analysis", "analyze", "to_json"]
