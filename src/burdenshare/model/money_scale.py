"""A scenario's money scale: its money issue, the status quo's amount, and amounts set on it.

A reported figure ("USD 5 billion") becomes a value on the scenario's money issue, in its units
and currency (e.g. KRW bn), through the scenario's exchange rate. Used alike by the news
comparison and by calibration, so it sits in the model below both.
"""

from __future__ import annotations

from burdenshare.model.issues import UNIT_SCALES, MoneyIssue, is_money
from burdenshare.model.scenario import Scenario


def money_issue(scenario: Scenario) -> MoneyIssue:
    """The scenario's money issue (the first one): the scale positions are compared on."""
    for issue in scenario.space.issues:
        if is_money(issue):
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
