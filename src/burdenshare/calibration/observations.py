"""Observed positions set on a scenario's money scale: the data a calibration fits to.

A report gives a party's position as an amount in some currency ("USD 5 billion") or as a
relation to the expiring deal ("a 13 percent increase", a factor of 1.13). Both become a value
on the scenario's money issue, in its units and currency (e.g. KRW bn): an amount through the
scenario's exchange rate, a factor as factor × the status-quo amount.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from burdenshare.model import MoneyIssue, Scenario
from burdenshare.model.issues import UNIT_SCALES


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


def money_issue(scenario: Scenario) -> MoneyIssue:
    """The scenario's money issue (the first one): the scale positions are compared on."""
    for issue in scenario.space.issues:
        if isinstance(issue, MoneyIssue):
            return issue
    raise ValueError(f"scenario {scenario.name!r} has no money issue to compare positions on")


def status_quo_value(scenario: Scenario) -> float | None:
    """The status quo's amount on the money issue, in the issue's units (None if not numeric)."""
    value = scenario.status_quo.terms.get(money_issue(scenario).name)
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    return None


def amount_in_units(scenario: Scenario, amount: float, currency: str) -> float:
    """An amount in `currency` on the scenario's money issue: converted with the scenario's
    exchange rate, then divided by the issue's unit (e.g. USD 5e9 × 1,180 / 1e9 = 5,900 KRW bn).
    Raises ValueError when no rate converts `currency`."""
    issue = money_issue(scenario)
    if currency != issue.currency:
        rate = scenario.exchange_rate
        if rate is None or rate.other(currency) != issue.currency:
            have = f"{rate.base}/{rate.quote}" if rate else "none"
            raise ValueError(
                f"cannot convert {currency} to {issue.currency}: the scenario's exchange rate "
                f"is {have}"
            )
        amount = rate.convert(amount, currency, issue.currency)
    return amount / UNIT_SCALES[issue.unit]


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


def party_for(scenario: Scenario, name: str | None) -> str | None:
    """The scenario party a reported party refers to: the same name, or the same country
    (CAMEO/ISO code, e.g. `KOR` for a party named `ROK` or labelled "Republic of Korea")."""
    if name is None:
        return None
    from burdenshare.news.actors import country_code

    for party in scenario.parties:
        if party.name == name:
            return party.name
    code = country_code(name) or (name[:3] if name[:3].isupper() else None)
    for party in scenario.parties:
        if code is not None and code in (country_code(party.name), country_code(party.label)):
            return party.name
    for party in scenario.parties:
        if party.name.lower() == name.lower():
            return party.name
    return None
