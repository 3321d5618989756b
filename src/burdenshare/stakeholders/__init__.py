"""Stakeholder forecasting: actors with position, salience and capability, bargaining until
positions settle (KTAB's Spatial Model of Politics, Bueno de Mesquita's expected-utility model,
and the weighted mean and median baselines). Pure core: no I/O."""

from __future__ import annotations

from burdenshare.stakeholders.actors import Actor, Dimension, StakeholderSet
from burdenshare.stakeholders.result import ForecastResult, WinningPosition

__all__ = ["Actor", "Dimension", "ForecastResult", "StakeholderSet", "WinningPosition"]
