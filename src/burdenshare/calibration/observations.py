"""Observed positions set on a scenario's money scale: the data a calibration fits to.

A report gives a party's position as an amount in some currency ("USD 5 billion") or as a
relation to the expiring deal ("a 13 percent increase", a factor of 1.13). Both become a value
on the scenario's money issue, in its units and currency (e.g. KRW bn): an amount through the
scenario's exchange rate, a factor as factor × the status-quo amount.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from burdenshare.model import Scenario
from burdenshare.model.money_scale import amount_in_units, status_quo_value


@dataclass(frozen=True)
class Observation:
    """One observed position: who, when, the figure as stated (amount and currency, or a
    factor of the status quo), and its sources."""

    date: dt.date
    party: str
    amount: float | None = None
    currency: str | None = None
    factor: float | None = None
    source: str = ""

    def stated(self) -> str:
        """The figure as given, e.g. `USD 5,000,000,000` or `×1.13 status quo`."""
        if self.amount is not None and self.currency:
            return f"{self.currency} {self.amount:,.0f}"
        if self.factor is not None:
            return f"×{self.factor:g} status quo"
        return "—"


def observed_value(scenario: Scenario, observation: Observation) -> float:
    """The observation on the money issue, in its units: the amount if stated, else the factor
    times the status quo. Raises ValueError when neither can be set on the scenario."""
    if observation.amount is not None and observation.currency:
        return amount_in_units(scenario, observation.amount, observation.currency)
    if observation.factor is not None:
        base = status_quo_value(scenario)
        if base is None:
            raise ValueError("a factor needs a numeric status-quo amount in the scenario")
        return observation.factor * base
    raise ValueError("an observation needs an amount with its currency, or a factor")
