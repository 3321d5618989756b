"""The model: issues, outcome spaces, offers, valuations, parties, ratifiers, calendar, scenario.

Plain immutable values with numpy underneath; no I/O.
"""

from __future__ import annotations

from burdenshare.model.calendar import Calendar, Meeting
from burdenshare.model.issues import (
    ChoiceIssue,
    CountIssue,
    Issue,
    MoneyIssue,
    PercentIssue,
    RealIssue,
    ScopeIssue,
    Value,
    is_money,
    is_numeric,
)
from burdenshare.model.money import ExchangeRate, format_money
from burdenshare.model.offers import Offer
from burdenshare.model.parties import Party, ReservationEvent, SideIssue, StrategySpec, Threat
from burdenshare.model.ratifiers import Limit, Ratifier
from burdenshare.model.scenario import Scenario, StatusQuo
from burdenshare.model.space import OutcomeSpace
from burdenshare.model.valuation import (
    ChoiceValue,
    IssueValue,
    LinearValue,
    PiecewiseLinearValue,
    PowerValue,
    ScopeValue,
    Valuation,
)

__all__ = [
    "Calendar",
    "ChoiceIssue",
    "ChoiceValue",
    "CountIssue",
    "ExchangeRate",
    "Issue",
    "IssueValue",
    "Limit",
    "LinearValue",
    "Meeting",
    "MoneyIssue",
    "Offer",
    "OutcomeSpace",
    "Party",
    "PercentIssue",
    "PiecewiseLinearValue",
    "PowerValue",
    "Ratifier",
    "RealIssue",
    "ReservationEvent",
    "Scenario",
    "ScopeIssue",
    "ScopeValue",
    "SideIssue",
    "StatusQuo",
    "StrategySpec",
    "Threat",
    "Valuation",
    "Value",
    "format_money",
    "is_money",
    "is_numeric",
]
