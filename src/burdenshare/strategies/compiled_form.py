"""A strategy's compiled form: plain functions numba compiles, declared beside the strategy's class.

The batch engine runs many negotiations in one compiled loop. A strategy takes part when its
module registers, with its class, a `CompiledForm`: its target as a function
`target(p, view) -> float` of the seat's parameters `p` (a float row holding the strategy's
`params`, in that order) and a `CompiledView`; optionally `offer(p, view) -> int`, an outcome
index it proposes instead of the offer kernel's (−1: the kernel's). A wrapper (a strategy
around another, such as `ratification-aware`) registers a `CompiledWrapper`. The functions must
be in the subset of Python numba compiles (numbers, arrays, loops; no Python objects) and may
call `burdenshare.engine.rules` and other such functions; the engine compiles them as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np


class CompiledView(NamedTuple):
    """What a negotiator sees at one moment, as numbers (the compiled `NegotiatorView`; days as
    proleptic ordinals, outcomes as flat indices into the outcome space)."""

    utilities: np.ndarray  # f8[N]: own utility of every outcome
    best: float  # the highest own utility
    top: int  # the lowest index among the outcomes of highest own utility
    opening: int  # the stated opening position (−1: none)
    time: float  # relative time t on the party's own horizon
    meeting: int  # the current meeting
    meeting_times: np.ndarray  # f8[M]: own relative time at each meeting's start
    today: int  # the current day
    reservation: float  # the utility of no deal today
    own_last: int  # own latest offer (−1: none)
    own_count: int  # own offers so far
    opponent: np.ndarray  # i8[K]: every other party's offers so far, oldest first
    veto_offer: np.ndarray  # i8[V]: deals own ratifiers vetoed, oldest first
    veto_end: np.ndarray  # i8[V]: last day in office of the ratifier behind each veto
    veto_limits: np.ndarray  # i8[V]: bits of the limits each vetoed deal broke (0: utility)
    limit_masks: np.ndarray  # b1[L, G]: each ratifier limit's allowed grid values
    limit_issue: np.ndarray  # i8[L]: the issue of each limit
    positions: np.ndarray  # i8[I, N]: grid index of every outcome on each issue


Target = Callable[[np.ndarray, CompiledView], float]
Offer = Callable[[np.ndarray, CompiledView], int]


@dataclass(frozen=True)
class CompiledForm:
    """A strategy's compiled form: its target, the parameters it reads (by attribute name of the
    strategy, as floats in this order) and optionally an offer of its own."""

    target: Target
    params: tuple[str, ...] = ()
    offer: Offer | None = None


@dataclass(frozen=True)
class CompiledWrapper:
    """A wrapper's compiled form around its inner strategy's (the wrapper instance holds the
    inner one as `wrapped`). `target(p, view, inner)` raises the inner target; `permitted(p,
    view, offer)` says whether an offer may be proposed or accepted at all; `allowed(p, view,
    out)` writes the allowed grid values (b1[I, G]) an offer must keep to and returns whether
    any value is barred. A refused inner offer is replaced by the kernel's at `target` within
    `allowed`."""

    target: Callable[[np.ndarray, CompiledView, float], float]
    permitted: Callable[[np.ndarray, CompiledView, int], bool]
    allowed: Callable[[np.ndarray, CompiledView, np.ndarray], bool]
    params: tuple[str, ...] = ()
