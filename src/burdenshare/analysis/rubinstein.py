"""Rubinstein (1982) alternating offers: the subgame-perfect split of a divisible pie.

With discount factors δ1, δ2 per offer interval and player 1 proposing first, the unique SPE
gives player 1 x* = (1 − δ2)/(1 − δ1·δ2) and player 2 δ2(1 − δ1)/(1 − δ1·δ2), agreed at once
(Econometrica 50(1):97–109). δ per interval comes from each party's monthly discount m:
δ = m^(Δ/30.44), Δ the mean number of days between successive offers on the calendar.
With δ1·δ2 = 1 (no impatience) the model has no unique split: "not applicable".
"""

from __future__ import annotations

from dataclasses import dataclass

from burdenshare.analysis.zopa import Zopa
from burdenshare.model import Calendar, Scenario
from burdenshare.model.parties import DAYS_PER_MONTH


@dataclass(frozen=True)
class RubinsteinSplit:
    """The split (shares of the pie) or why it does not apply; and its meaning for an amount."""

    proposer: str
    responder: str
    deltas: tuple[float, float]
    interval_days: float
    applicable: bool
    proposer_share: float | None = None
    responder_share: float | None = None
    reason: str = ""
    issue: str | None = None
    amount: float | None = None
    amount_note: str = ""


def split(delta1: float, delta2: float) -> tuple[float, float] | None:
    """(x*, 1 − x*) with x* = (1 − δ2)/(1 − δ1δ2); None when δ1·δ2 = 1 (not applicable)."""
    denominator = 1.0 - delta1 * delta2
    if denominator <= 0.0:
        return None
    first = (1.0 - delta2) / denominator
    return first, delta2 * (1.0 - delta1) / denominator


def offer_interval_days(calendar: Calendar) -> float:
    """Mean days between successive offers: (last offer − first offer)/(offers − 1).

    Offers in a meeting are spread over its days (as the engine does); a calendar with a
    single offer gives the whole span from the first meeting to the end date.
    """
    days: list[float] = []
    for meeting in calendar.meetings:
        start = (meeting.date - calendar.start).days
        step = meeting.days / max(meeting.offers, 1)
        days.extend(start + k * step for k in range(meeting.offers))
    if len(days) < 2:
        return float(max((calendar.end - calendar.start).days, 1))
    return (max(days) - min(days)) / (len(days) - 1)


def rubinstein(scenario: Scenario, zopa: Zopa | None = None) -> RubinsteinSplit | None:
    """The split between the first two parties (first party proposes); None for other counts.

    With a ZOPA [a, b] of a money issue the pie is that range: the amount is a + x*(b − a) when
    the proposer gains from higher amounts, b − x*(b − a) otherwise.
    """
    if len(scenario.parties) != 2:
        return None
    p1, p2 = scenario.parties
    interval = offer_interval_days(scenario.calendar)
    d1 = p1.monthly_discount ** (interval / DAYS_PER_MONTH)
    d2 = p2.monthly_discount ** (interval / DAYS_PER_MONTH)
    shares = split(d1, d2)
    if shares is None:
        return RubinsteinSplit(
            p1.name,
            p2.name,
            (d1, d2),
            interval,
            False,
            reason="no impatience (δ1·δ2 = 1): no unique subgame-perfect split",
        )
    result = RubinsteinSplit(p1.name, p2.name, (d1, d2), interval, True, shares[0], shares[1])
    if zopa is None or zopa.low is None or zopa.high is None:
        return result
    space = scenario.space
    position = space.names.index(zopa.issue)
    grid = space.numeric_grid(position)
    values = p1.valuation.issue_values(space)[position]
    low_i = int(abs(grid - zopa.low).argmin())
    high_i = int(abs(grid - zopa.high).argmin())
    rising = values[high_i] >= values[low_i]
    width = zopa.high - zopa.low
    amount = zopa.low + shares[0] * width if rising else zopa.high - shares[0] * width
    note = (
        f"{p1.name} proposes first and gets {shares[0]:.1%} of the ZOPA of {zopa.issue} "
        f"(it prefers {'higher' if rising else 'lower'} amounts)"
    )
    return RubinsteinSplit(
        p1.name,
        p2.name,
        (d1, d2),
        interval,
        True,
        shares[0],
        shares[1],
        issue=zopa.issue,
        amount=amount,
        amount_note=note,
    )
