"""Calibrating strategies to observed behaviour: observed positions on the scenario's money
scale, and a least-squares fit of each party's strategy parameters by simulation."""

from __future__ import annotations

from burdenshare.calibration.observations import Observation, observed_value
from burdenshare.model.money_scale import amount_in_units, money_issue, status_quo_value
from burdenshare.news.parties import party_for

__all__ = [
    "Observation",
    "amount_in_units",
    "money_issue",
    "observed_value",
    "party_for",
    "status_quo_value",
]
