"""Zone of possible agreement (ZOPA) of each money issue, in currency.

For party i and money issue m, with every other issue held at the status-quo terms, party i
accepts an amount x iff u_i(x, sq_−m) ≥ r_i (its reservation value; Raiffa 1982, "The Art and
Science of Negotiation", ch. 4). The ZOPA is the intersection of the parties' acceptable sets.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from burdenshare.model import Offer, Scenario, is_money


@dataclass(frozen=True)
class AcceptableRange:
    """The amounts one party accepts (grid values; `contiguous` False if there are gaps)."""

    party: str
    reservation_value: float
    low: float | None
    high: float | None
    contiguous: bool


@dataclass(frozen=True)
class Zopa:
    """The ZOPA of one money issue: each party's acceptable range and their overlap."""

    issue: str
    currency: str
    unit: str
    ranges: tuple[AcceptableRange, ...]
    low: float | None
    high: float | None
    held_at: str

    @property
    def exists(self) -> bool:
        """Whether some amount is acceptable to every party."""
        return self.low is not None


def _span(mask: np.ndarray, grid: np.ndarray) -> tuple[float | None, float | None, bool]:
    hits = np.flatnonzero(mask)
    if hits.size == 0:
        return None, None, True
    return float(grid[hits[0]]), float(grid[hits[-1]]), bool(hits[-1] - hits[0] + 1 == hits.size)


def zopas(scenario: Scenario) -> tuple[Zopa, ...]:
    """The ZOPA of every money issue, other issues at the status-quo terms (as the output says)."""
    space = scenario.space
    sq = scenario.status_quo.terms
    out = []
    for position, issue in enumerate(space.issues):
        if not is_money(issue):
            continue
        grid = space.numeric_grid(position)
        joint = np.ones(grid.size, dtype=bool)
        ranges = []
        for party in scenario.parties:
            parts = party.valuation.issue_values(space)
            rest = 0.0
            for k, other in enumerate(space.issues):
                if k != position:
                    rest += float(parts[k][other.index_of(sq[other.name])])
            utility = parts[position] + rest
            mask = utility >= party.reservation_value - 1e-12
            joint &= mask
            low, high, contiguous = _span(mask, grid)
            ranges.append(
                AcceptableRange(party.name, party.reservation_value, low, high, contiguous)
            )
        low, high, _ = _span(joint, grid)
        held = ", ".join(f"{k} = {_text(v)}" for k, v in _others(sq, issue.name))
        out.append(
            Zopa(
                issue.name,
                issue.currency,
                issue.unit,
                tuple(ranges),
                low,
                high,
                held or "no other issues",
            )
        )
    return tuple(out)


def _others(sq: Offer, name: str) -> list[tuple[str, object]]:
    return [(k, v) for k, v in sq.terms if k != name]


def _text(value: object) -> str:
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(value)) + "}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
