"""The negotiation's rules as plain numeric functions, written once for both engines.

The reference engine calls them as Python (`Party.reservation_at`, `Limit.violation`,
`Ratifier.vote`, the strategies, `single_text`); the compiled engine compiles these same
function objects with numba (`engine/compiled.py`). So they take and return numbers only, or
arrays of numbers read and written by position in loops (the single text's draft), and NaN
stands for an unset optional bound (every comparison with NaN is false: an unset bound never
binds). The module sits in `model`, below `engine` and `strategies`, so that both can call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import numpy as np

Squares = TypeVar("Squares", float, np.ndarray)

DAYS_PER_MONTH = 365.25 / 12
"""Mean days per month: lapse drift is quoted per month."""

TOLERANCE = 1e-12
"""Slack of the utility comparisons (acceptance, a ratifier's minimum)."""

LIMIT_TOLERANCE = 1e-9
"""Slack of a ratifier's bounds on an issue's value and on its % change."""

WEIGHT_TOLERANCE = 1e-12
"""Slack of a tie between option weights in the single text's draft."""

HOLDS, BELOW_MIN, ABOVE_MAX, CHANGE_BELOW, CHANGE_ABOVE = 0, 1, 2, 3, 4
"""What `numeric_limit` finds: the limit holds, or which bound the value breaks."""


def concession(t: float, e: float, k: float = 0.0) -> float:
    """f(t) = k + (1 − k) t^(1/e), the fraction of the way conceded at relative time t ∈ [0, 1]
    (Faratin, Sierra & Jennings 1998); e = 0 concedes only at t = 1."""
    if e == 0.0:
        return 1.0 if t >= 1.0 else k
    return float(k + (1.0 - k) * t ** (1.0 / e))


def target_utility(t: float, p_min: float, p_max: float, e: float, k: float = 0.0) -> float:
    """p(t) = P_min + (P_max − P_min)(1 − f(t)) (Faratin et al. 1998)."""
    return p_min + (p_max - p_min) * (1.0 - concession(t, e, k))


def acceptable(utility: float, target: float, reservation: float) -> bool:
    """AC_next (Baarslag, Hindriks & Jonker 2014): u ≥ max(target, reservation) − 1e-12."""
    # max(target, reservation) as `max` picks it (the second only if greater), without the
    # call: in Python a builtin max of two floats costs more than the rest of this function
    floor = reservation if reservation > target else target
    return utility >= floor - TOLERANCE


def reservation_value(
    r0: float, lapse_per_month: float, days_late: int, events: float, threats: float
) -> float:
    """r(d) = r0 + λ · months(d − deadline)⁺ + Σ events + Σ credibility·change, within [0, 1]
    (summed in this order); `days_late` is d − deadline in days."""
    value = r0
    if days_late > 0:
        value += lapse_per_month * days_late / DAYS_PER_MONTH
    value += events
    value += threats
    return min(max(value, 0.0), 1.0)


def change_pct(x: float, base: float) -> float:
    """The % change of x from the status quo's value `base` (≠ 0)."""
    return 100.0 * (x / base - 1.0)


def numeric_limit(
    x: float, low: float, high: float, base: float, low_pct: float, high_pct: float
) -> int:
    """Which bound of a ratifier's limit the value x breaks (`HOLDS`: none): [low, high], then
    the % change from `base` within [low_pct, high_pct] (NaN: unset; base NaN: no change to
    measure), each with slack 1e-9."""
    if x < low - LIMIT_TOLERANCE:
        return BELOW_MIN
    if x > high + LIMIT_TOLERANCE:
        return ABOVE_MAX
    if base == base:  # not NaN
        change = change_pct(x, base)
        if change < low_pct - LIMIT_TOLERANCE:
            return CHANGE_BELOW
        if change > high_pct + LIMIT_TOLERANCE:
            return CHANGE_ABOVE
    return HOLDS


def meets_minimum(utility: float, minimum: float) -> bool:
    """A ratifier's minimum utility: u ≥ minimum − 1e-12 (NaN minimum: none)."""
    return not utility < minimum - TOLERANCE


def is_stopgap(years: float, max_years: float) -> bool:
    """Deals in stages: an agreement running `years` ≤ `max_years` (slack 1e-9) is a stop-gap,
    after which the talks go on toward the long deal (NaN `max_years`: nothing is one)."""
    return years <= max_years + LIMIT_TOLERANCE


def stopgap_acceptable(utility: float, lapsed_reservation: float) -> bool:
    """A party accepts interim terms iff u ≥ r(expiry + k years | lapse) − 1e-12: the stop-gap is
    worth at least what the k years of lapse it averts would leave it."""
    return utility >= lapsed_reservation - TOLERANCE


def stage_years(years: float) -> int:
    """A stop-gap's length in whole years: its years issue's value rounded half up."""
    return int(years + 0.5)


def add_years_ordinal(ordinal: int, years: int) -> int:
    """The proleptic Gregorian ordinal (`date.toordinal`) of the same day `years` later; 29
    February becomes 28 February in a common year. Civil-date conversions after Hinnant,
    "chrono-compatible low-level date algorithms" (days_from_civil / civil_from_days)."""
    z = ordinal - 1 + 306  # days since 1 March of year 0 (ordinal 1 is 1 January of year 1)
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    y = yoe + era * 400 + (1 if m <= 2 else 0) + years
    if m == 2 and d == 29 and not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)):
        d = 28
    y -= 1 if m <= 2 else 0
    era = y // 400
    yoe = y - era * 400
    mp = m - 3 if m > 2 else m + 9
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 306 + 1


def chair_step(revision: int, step: float, shrink: float) -> float:
    """Single negotiating text: the fraction of the way the chair's `revision`-th revision
    (0, 1, ...) moves the draft toward the objecting parties' amendments, step · shrink^revision
    (a step that shrinks each round, as a mediator's drafts settle)."""
    return float(step * shrink ** float(revision))  # libm pow, as numba's float ** float


def revised(draft: float, requested: float, step: float) -> float:
    """One coordinate of the chair's draft after a revision: draft + step · (requested − draft),
    where `requested` is the mean of the objecting parties' amendments."""
    return draft + step * (requested - draft)


def draft_coordinates(
    numeric: bool, number: float, position: int, size: int, row: np.ndarray
) -> None:
    """Single negotiating text: one issue's value as the chair's draft coordinates, written into
    `row`: a number is its own coordinate (row[0] = `number`); an option of a scope or choice
    issue (`size` of them) is a weight of 1 at its grid `position` and 0 at the others."""
    if numeric:
        row[0] = number
        return
    for c in range(size):
        row[c] = 0.0
    row[position] = 1.0


def revise_draft(
    draft: np.ndarray, amendments: np.ndarray, count: int, widths: np.ndarray, step: float
) -> None:
    """Single negotiating text: the chair's draft (row i: issue i's first `widths[i]`
    coordinates) moved in place by `step` toward the mean of the first `count` amendments
    (`amendments[j]`, each as a draft), coordinate by coordinate with `revised`; each mean is
    summed in the objectors' order, the same on every machine."""
    for i in range(widths.size):
        for c in range(widths[i]):
            total = 0.0
            for j in range(count):
                total += amendments[j, i, c]
            draft[i, c] = revised(draft[i, c], total / count, step)


def split_distance(squares: Squares, scale: float) -> Squares:
    """A share issue's distance between two splits from `squares`, the sum of their shares'
    squared gaps: √squares / `scale`, at most 1. Between two splits on the grid, `squares` is
    summed in grid units (whole numbers, exact in any order) and `scale` is √2 times the units
    in 100 %, the farthest two splits can be; numpy applies the same rule to an array of sums
    (`ShareIssue.distances`), the compiled engine to one pair at a time."""
    d = np.sqrt(squares) / scale  # IEEE square root and division: correctly rounded everywhere
    return np.minimum(d, 1.0)  # type: ignore[no-any-return]


def nearest_number(grid: Sequence[float], size: int, x: float) -> int:
    """Single negotiating text: the position of the text's number for a draft coordinate `x`,
    the value nearest to x among the first `size` of the issue's `grid` (a tie: the lower)."""
    best = 0
    gap = abs(grid[0] - x)
    for g in range(1, size):
        here = abs(grid[g] - x)
        if here < gap:
            best = g
            gap = here
    return best


def nearest_option(weights: Sequence[float], size: int, keep: int) -> int:
    """Single negotiating text: the position of the text's option for the draft's `weights` of
    the `size` options, the option of most weight; a tie (within 1e-12) keeps `keep`, the
    option of the text revised (−1: none), else takes the first."""
    top = weights[0]
    for c in range(1, size):
        if weights[c] > top:
            top = weights[c]
    if keep >= 0 and weights[keep] >= top - WEIGHT_TOLERANCE:
        return keep
    for c in range(size):
        if weights[c] >= top - WEIGHT_TOLERANCE:
            return c
    return 0  # not reached: the option of weight `top` is within the slack


def nearest_split(units: np.ndarray, size: int, payers: int, x: np.ndarray) -> int:
    """Single negotiating text: the position of the text's split for a share issue's draft
    coordinates `x` (each payer's share in grid units): among the first `size` splits of
    `units` (row k: split k's shares in grid units, in the share kind's grid order,
    lexicographic with the first payer slowest), the one whose squared gaps to x, summed payer
    by payer, are least; a tie: the earliest. The kind's own distance, so the text is the
    feasible split nearest the draft.

    The answer is that of reading every split; the search skips only splits that cannot be it.
    It starts from a bound, the lesser sum of the two splits on either side of x (each share
    rounded half up) in the grid's order. A split whose partial sum passes the bound at payer
    `level` is skipped with the splits after it that share its shares before `level` (in
    lexicographic order they follow it) and are no nearer x at `level`: all of them if its
    share there is past x[level], else those still short of x[level] by more than the bound
    allows; they are found by bisection. A sum of squares only grows as terms are added, and
    the bound is never below the least sum, so no skipped split can be the nearest. Loops over
    numbers only, allocating nothing: the compiled loop calls it as it is."""
    lo, hi = 0, size
    while lo < hi:  # where x, each share rounded, would sit in the grid's order
        mid = (lo + hi) >> 1
        before = False
        for p in range(payers):
            near = np.floor(x[p] + 0.5)
            if units[mid, p] != near:
                before = units[mid, p] < near
                break
        if before:
            lo = mid + 1
        else:
            hi = mid
    bound = np.inf  # the lesser sum of the splits on either side of it
    for k in range(max(lo - 1, 0), min(lo + 1, size)):
        total = 0.0
        for p in range(payers):
            gap = units[k, p] - x[p]
            total += gap * gap
        if total < bound:
            bound = total
    best = 0
    least = np.inf
    k = 0
    while k < size:
        total = 0.0
        base = 0.0
        level = payers
        for p in range(payers):
            gap = units[k, p] - x[p]
            base = total
            total += gap * gap
            if total > bound:
                level = p
                break
        if level == payers:
            if total < least:
                best = k
                least = total
                bound = total
            k += 1
            continue
        past = units[k, level] >= x[level]
        lo, hi = k + 1, size
        while lo < hi:  # the splits skipped with split k are the first ones after it
            mid = (lo + hi) >> 1
            beyond = True
            for p in range(level):
                if units[mid, p] != units[k, p]:
                    beyond = False
                    break
            if beyond and not past:
                gap = units[mid, level] - x[level]
                beyond = units[mid, level] < x[level] and base + gap * gap > bound
            if beyond:
                lo = mid + 1
            else:
                hi = mid
        k = lo
    return best
