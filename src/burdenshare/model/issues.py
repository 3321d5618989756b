"""Negotiation issues: what an agreement settles, each with its own kind of value.

Each kind lives in its own module under `model/kinds/` behind one protocol (`kinds.base.Issue`);
this module gathers their public names. Numeric issues (money, percentage, whole number, real)
are discretised by their `step`, so that an outcome space can be enumerated exactly; scope is a
set of named cost categories; choice is one of named options.
"""

from __future__ import annotations

from burdenshare.model.kinds.base import Issue, Value, is_numeric
from burdenshare.model.kinds.choice import ChoiceIssue
from burdenshare.model.kinds.count import CountIssue
from burdenshare.model.kinds.money import UNIT_SCALES, MoneyIssue, is_money
from burdenshare.model.kinds.numeric import NumericIssue
from burdenshare.model.kinds.percent import PercentIssue
from burdenshare.model.kinds.real import RealIssue
from burdenshare.model.kinds.scope import Category, ScopeIssue
from burdenshare.model.kinds.share import Payer, ShareIssue, is_share
from burdenshare.model.kinds.splits import Split

__all__ = [
    "UNIT_SCALES",
    "Category",
    "ChoiceIssue",
    "CountIssue",
    "Issue",
    "MoneyIssue",
    "NumericIssue",
    "Payer",
    "PercentIssue",
    "RealIssue",
    "ScopeIssue",
    "ShareIssue",
    "Split",
    "Value",
    "is_money",
    "is_numeric",
    "is_share",
]
