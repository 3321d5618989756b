"""Out-of-sample calibration for the backtest: the parties' walk-away points of a case, set from
how far the demanding side got in *other* cases whose outcome was known, never from its own.

The rule learned across cases is the **concession share** on the headline issue (the first
money issue, else the first numeric one):

    s = (agreed − status quo) / (demand − status quo),

where the demand is the opening farthest from the status quo among the parties' openings (the
US ask in the SMA talks). s = 0: the status quo was renewed; s = 1: the demand was met.

For a case with information date d, the **pool** is every other case whose outcome was agreed
before d ("earlier"); when fewer than `MIN_POOL` such cases exist, every other case
("leave-one-out", which uses later outcomes: said so per case). The case's own outcome is never
used. Its shares, sorted, define a distribution by linear interpolation of their empirical
quantiles (`pool_quantile`); `SHARES` equally spaced quantiles of it stand for that
distribution.

Each run draws one share s_k (all parties draw the same k, one shared slot) and every party
whose valuation weighs the headline issue gets the reservation value u_P(package_k): the
status quo with the headline moved to status quo + s_k · (demand − status quo), on the grid.
So no party walks away from a deal as good as what history says the demanders get; the
scenario's hand-set reservation-value ranges are replaced, its other ranges (concession pace,
ratifier limits, threats) are kept as written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from burdenshare.experiments.uncertainty import Uncertain
from burdenshare.history.outcomes import ActualOutcome
from burdenshare.model import Offer, Scenario
from burdenshare.model.issues import is_money

MIN_POOL = 2
"""Fewest earlier outcomes a case's calibration uses before falling back to leave-one-out."""

SHARES = 21
"""Quantiles (k + ½)/SHARES, k = 0..SHARES−1, of the pool's concession shares drawn from."""

EARLIER, LEAVE_ONE_OUT = "earlier", "leave-one-out"
DEMANDER, PAYER = "demander", "payer"


def headline(scenario: Scenario) -> int | None:
    """Position of the headline issue: the first money issue, else the first numeric one."""
    issues = scenario.space.issues
    for p, issue in enumerate(issues):
        if is_money(issue):
            return p
    return next((p for p, issue in enumerate(issues) if issue.numeric), None)


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def status_quo_value(scenario: Scenario, issue: str) -> float | None:
    """The status quo's value of `issue`, if a number."""
    return _number(dict(scenario.status_quo.terms.terms).get(issue))


def openings(scenario: Scenario, issue: str) -> tuple[float, ...]:
    """The parties' opening values of `issue` (parties with an opening)."""
    values = (_number(dict(p.opening.terms).get(issue)) for p in scenario.parties if p.opening)
    return tuple(v for v in values if v is not None)


def demand(scenario: Scenario, issue: str) -> float | None:
    """The opening farthest from the status quo (the first of equals)."""
    base = status_quo_value(scenario, issue)
    values = openings(scenario, issue)
    if base is None or not values:
        return None
    return max(values, key=lambda v: abs(v - base))


def concession_share(scenario: Scenario, outcome: ActualOutcome) -> float | None:
    """(agreed − status quo) / (demand − status quo) on the headline issue, None when a part
    is missing or the demand equals the status quo."""
    p = headline(scenario)
    if p is None:
        return None
    name = scenario.space.issues[p].name
    base, asked, term = status_quo_value(scenario, name), demand(scenario, name), outcome.term(name)
    if base is None or asked is None or term is None or asked == base:
        return None
    return (term.value - base) / (asked - base)


@dataclass(frozen=True)
class Pool:
    """The cases a case is calibrated on, why those, and their concession shares."""

    rule: str
    cases: tuple[str, ...]
    shares: tuple[float, ...]


def pool(
    name: str,
    information_date: dt.date,
    known: Mapping[str, tuple[dt.date, float | None]],
) -> Pool:
    """The pool of case `name`: the other cases (name → (date agreed, share)) agreed before
    `information_date`, or every other case when fewer than `MIN_POOL` were (never `name`)."""
    others = sorted((n, v) for n, v in known.items() if n != name)
    earlier = [(n, v) for n, v in others if v[0] < information_date]
    rule, chosen = (EARLIER, earlier) if len(earlier) >= MIN_POOL else (LEAVE_ONE_OUT, others)
    with_share = [(n, s) for n, (_, s) in chosen if s is not None]
    return Pool(rule, tuple(n for n, _ in chosen), tuple(s for _, s in with_share))


def pool_quantile(shares: Sequence[float], q: np.ndarray) -> np.ndarray:
    """The pool's quantiles at q: linear interpolation between the sorted shares (numpy's
    default 'linear' method, (n − 1)·q)."""
    out: np.ndarray = np.quantile(np.sort(np.asarray(shares, dtype=float)), q)
    return out


def drawn_shares(shares: Sequence[float], side: str) -> tuple[float, ...]:
    """The `SHARES` equally likely walk-away shares of a side: run k draws u = (k + ½)/SHARES;
    a demander walks away below Q(u/2), a payer above Q((1 + u)/2), Q the pool's quantiles."""
    u = (np.arange(SHARES) + 0.5) / SHARES
    q = u / 2 if side == DEMANDER else (1 + u) / 2
    return tuple(float(x) for x in pool_quantile(shares, q))


def package(scenario: Scenario, p: int, value: float) -> Offer:
    """The status quo with issue p at `value`, snapped to the outcome grid."""
    name = scenario.space.issues[p].name
    terms = {k: (value if k == name else v) for k, v in scenario.status_quo.terms.terms}
    return scenario.space.snap(Offer.of(terms))


@dataclass(frozen=True)
class Calibrated:
    """A case's inputs for the backtest: the kept hand-set inputs, then one reservation value
    per party drawn from a shared slot; `slots` for `MonteCarloPlan`; what was replaced."""

    uncertain: tuple[Uncertain, ...]
    slots: tuple[int, ...]
    shares: tuple[float, ...]
    replaced: tuple[str, ...]


def calibrate(
    view: Scenario, uncertain: Sequence[Uncertain], shares: Sequence[float]
) -> Calibrated:
    """The calibrated inputs of `view` (see the module docstring); with no share or no headline
    the scenario's own inputs, unchanged."""
    p = headline(view)
    name = None if p is None else view.space.issues[p].name
    base = None if name is None else status_quo_value(view, name)
    asked = None if name is None else demand(view, name)
    if p is None or name is None or base is None or asked is None or not shares:
        return Calibrated(tuple(uncertain), tuple(range(len(uncertain))), (), ())
    issue = view.space.issues[p]
    grid = np.asarray(view.space.grids[p], dtype=float)

    def offers(side: str) -> list[Offer]:
        return [
            package(view, p, float(np.clip(base + s * (asked - base), grid[0], grid[-1])))
            for s in drawn_shares(shares, side)
        ]

    by_side = {side: offers(side) for side in (DEMANDER, PAYER)}
    met, kept_sq = package(view, p, asked), package(view, p, base)
    inputs = []
    for party in view.parties:
        if party.valuation.weight(issue.name) <= 0:
            continue
        u = party.valuation.utility
        side = DEMANDER if u(view.space, met) > u(view.space, kept_sq) else PAYER
        values = tuple(round(u(view.space, o), 6) for o in by_side[side])
        inputs.append(
            Uncertain(
                f"parties.{party.name}.reservation_value",
                "choice",
                values=values,
                rationale=f"calibrated: utility of the status quo with {name} moved by a "
                "concession share drawn from the pool",
            )
        )
    replaced = {u.path for u in inputs}
    kept = tuple(u for u in uncertain if u.path not in replaced)
    slots = tuple(range(len(kept))) + (len(kept),) * len(inputs)
    return Calibrated(kept + tuple(inputs), slots, tuple(shares), tuple(sorted(replaced)))
