"""The batch engine's negotiation loop, compiled with numba: many runs of one scenario family.

It replays the reference engine (`protocol.py`) step by step on flat arrays (`encoding.py`):
meetings and offer slots, the turn passing round the seats, reservation values that drift after
the deadline and move with dated events and threats (`Party.reservation_at`), the vectorisable
strategies (time-dependent, anchoring, tit-for-tat, each optionally ratification-aware) with
their formulas and the acceptance rule u ≥ max(target, reservation) − 1e-12, the offer kernel
(`jit_kernel.choose`, the tie rule of `strategies/bidding.py`), ratification votes on the last
day of the meeting (`Limit.violation`, `Ratifier.vote`) and vetoes that send talks back. Every
floating-point operation is the model's, in the model's order (numba's `**` calls the same
libm `pow` as Python), so each run ends exactly as the reference engine's does — tested run by
run in tests/test_batch_equivalence.py.

The helpers are compiled without numba's reference counting (`_nrt=False`: they allocate
nothing): with it, every call between compiled functions increments and decrements the count of
each array in the tuples passed (numba issue #2345), which made a step ~6× slower.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
from numba import njit

from burdenshare.engine.encoding import ANCHORING, TIME_DEPENDENT, Runs, Structure
from burdenshare.engine.jit_kernel import Pool, SpaceArrays, choose, compiled
from burdenshare.model.parties import DAYS_PER_MONTH
from burdenshare.strategies.ratification_aware import MARGIN


class Outputs(NamedTuple):
    """How each run ended: status (0 no agreement, 1 agreement before the deadline, 2 during a
    lapse), day ordinal, agreed outcome (−1: none), meeting (−1), vetoes, per vetoed deal the
    bits of the ratifiers who vetoed it, offers made."""

    status: np.ndarray
    day: np.ndarray
    agreed: np.ndarray
    meeting: np.ndarray
    vetoes: np.ndarray
    veto_log: np.ndarray
    offers: np.ndarray


@compiled
def _concession(t: float, e: float, k: float) -> float:
    """f(t) = k + (1 − k) t^(1/e); e = 0 concedes only at t = 1 (`time_dependent.concession`)."""
    if e == 0.0:
        return 1.0 if t >= 1.0 else k
    return float(k + (1.0 - k) * t ** (1.0 / e))


@compiled
def _target_utility(t: float, p_min: float, p_max: float, e: float, k: float) -> float:
    """p(t) = P_min + (P_max − P_min)(1 − f(t)) (`time_dependent.target_utility`)."""
    return p_min + (p_max - p_min) * (1.0 - _concession(t, e, k))


@compiled
def _reservation(st: Any, ru: Any, r: int, p: int, day: int) -> float:
    """`Party.reservation_at(day)`: base, lapse drift, events, threats, kept within [0, 1]."""
    value = ru.r0[r, p]
    if day > st.deadline:
        value += ru.lapse[r, p] * (day - st.deadline) / DAYS_PER_MONTH
    events = 0.0
    for j in range(st.event_party.size):
        if st.event_party[j] == p and st.event_day[j] <= day:
            events += ru.event_change[r, j]
    value += events
    threats = 0.0
    for j in range(st.threat_party.size):
        if st.threat_party[j] == p:
            if day < st.threat_start[j]:
                threats += 0.0
            else:
                threats += ru.threat_cred[r, j] * ru.threat_change[r, j]
    value += threats
    return float(min(max(value, 0.0), 1.0))


@compiled
def _limit_masks(st: Any, ru: Any, r: int, shape: np.ndarray, out: np.ndarray) -> None:
    """Each limit's allowed grid values in run r (`Limit.violation` on every grid value)."""
    for j in range(st.lim_issue.size):
        i = st.lim_issue[j]
        if not st.lim_numeric[j]:
            for g in range(shape[i]):
                out[j, g] = st.lim_fixed[j, g]
            continue
        low, high = ru.lim_min[r, j], ru.lim_max[r, j]
        low_pct, high_pct = ru.lim_min_pct[r, j], ru.lim_max_pct[r, j]
        base = st.lim_base[j]
        for g in range(shape[i]):
            x = st.grid[i, g]
            ok = True
            if (not np.isnan(low) and x < low - 1e-9) or (not np.isnan(high) and x > high + 1e-9):
                ok = False
            elif not np.isnan(base):
                change = 100.0 * (x / base - 1.0)
                below = not np.isnan(low_pct) and change < low_pct - 1e-9
                above = not np.isnan(high_pct) and change > high_pct + 1e-9
                ok = not (below or above)
            out[j, g] = ok


@compiled
def _within(sp: Any, masks: np.ndarray, bits: int, st: Any, index: int) -> bool:
    """Whether outcome `index` satisfies every limit whose bit is set in `bits`."""
    for j in range(st.lim_issue.size):
        if bits >> j & 1 and not masks[j, sp.positions[st.lim_issue[j], index]]:
            return False
    return True


@njit(cache=True, nogil=True)
def _negotiate_all(sp: Any, pool: Any, st: Any, ru: Any, out: Any) -> None:
    """Run every row of `ru`, writing how each ended into `out`."""
    n_runs = ru.vid.shape[0]
    n = ru.vid.shape[1]
    n_meetings = st.day.size
    n_slots = st.first[n_meetings]
    n_limits = st.lim_issue.size
    n_issues = sp.shape.size
    widest = st.grid.shape[1]
    own_last = np.empty(n, np.int64)
    own_count = np.empty(n, np.int64)
    seen = np.empty((n, max(n_slots, 1)), np.int64)
    seen_n = np.empty(n, np.int64)
    # at most one tentative deal a meeting, vetoed by each of a seat's ratifiers at most once
    most = max(n_meetings * st.rat_party.size, 1)
    veto_offer = np.empty((n, most), np.int64)
    veto_end = np.empty((n, most), np.int64)
    veto_bits = np.empty((n, most), np.int64)
    veto_n = np.empty(n, np.int64)
    reserve = np.empty((n, max(n_meetings, 1)))
    masks = np.zeros((max(n_limits, 1), widest), np.bool_)
    allowed = np.ones((n_issues, widest), np.bool_)
    for r in range(n_runs):
        own_count[:] = 0
        own_last[:] = -1
        seen_n[:] = 0
        veto_n[:] = 0
        out.status[r] = 0
        out.day[r] = st.end
        out.agreed[r] = -1
        out.meeting[r] = -1
        out.vetoes[r] = 0
        out.veto_log[r, :] = 0
        _limit_masks(st, ru, r, sp.shape, masks)
        for p in range(n):
            for m in range(n_meetings):
                reserve[p, m] = _reservation(st, ru, r, p, st.day[m])
        turn = 0
        offers = 0
        done = False
        for m in range(n_meetings):
            if done:
                break
            today = st.day[m]
            for k in range(st.first[m + 1] - st.first[m]):
                slot = st.first[m] + k
                proposer = turn % n
                turn += 1
                offer = _propose(
                    sp, pool, st, ru, r, proposer, m, slot, today, reserve, own_last,
                    own_count, seen, seen_n, veto_offer, veto_end, veto_bits, veto_n, masks,
                    allowed,
                )
                offers += 1
                own_last[proposer] = offer
                own_count[proposer] += 1
                for other in range(n):
                    if other != proposer:
                        seen[other, seen_n[other]] = offer
                        seen_n[other] += 1
                everyone = True
                for position in range(1, n):
                    responder = (proposer + position) % n
                    if not _accepts(
                        sp, pool, st, ru, r, responder, m, slot, today, reserve, own_last,
                        own_count, seen, seen_n, veto_offer, veto_end, veto_bits, veto_n,
                        masks, allowed, offer,
                    ):
                        everyone = False
                        break
                if not everyone:
                    continue
                day = st.last[m]
                vetoers = 0
                for q in range(st.rat_party.size):
                    if day < st.rat_start[q] or day > st.rat_end[q]:
                        continue
                    broken = 0
                    for j in range(n_limits):
                        held = masks[j, sp.positions[st.lim_issue[j], offer]]
                        if st.lim_rat[j] == q and not held:
                            broken |= 1 << j
                    accept = broken == 0
                    if accept and not np.isnan(ru.min_utility[r, q]):
                        utility = pool.utilities[ru.rat_vid[r, q], offer]
                        accept = utility >= ru.min_utility[r, q] - 1e-12
                    if not accept:
                        vetoers |= 1 << q
                        seat = st.rat_party[q]
                        veto_offer[seat, veto_n[seat]] = offer
                        veto_end[seat, veto_n[seat]] = st.rat_end[q]
                        veto_bits[seat, veto_n[seat]] = broken
                        veto_n[seat] += 1
                if vetoers == 0:
                    out.status[r] = 2 if day > st.deadline else 1
                    out.day[r] = day
                    out.agreed[r] = offer
                    out.meeting[r] = m
                    done = True
                    break
                out.veto_log[r, out.vetoes[r]] = vetoers
                out.vetoes[r] += 1
                break
        out.offers[r] = offers


@compiled
def _floor(
    pool: Any, ru: Any, r: int, seat: int, today: int, veto_offer: np.ndarray,
    veto_end: np.ndarray, veto_bits: np.ndarray, veto_n: np.ndarray,
) -> float:
    """Highest own utility of a deal vetoed on utility grounds by a sitting ratifier (NaN:
    none) — `RatificationAware.floor`."""
    v = ru.vid[r, seat]
    best = np.nan
    for j in range(veto_n[seat]):
        if today <= veto_end[seat, j] and veto_bits[seat, j] == 0:
            u = pool.utilities[v, veto_offer[seat, j]]
            if np.isnan(best) or u > best:
                best = u
    return best


@compiled
def _revealed(seat: int, today: int, veto_end: np.ndarray, veto_bits: np.ndarray,
              veto_n: np.ndarray) -> int:
    """Bits of the limits revealed by the seat's binding vetoes."""
    bits = 0
    for j in range(veto_n[seat]):
        if today <= veto_end[seat, j]:
            bits |= veto_bits[seat, j]
    return bits


@compiled
def _permitted(
    sp: Any, pool: Any, st: Any, ru: Any, r: int, seat: int, today: int, masks: np.ndarray,
    veto_offer: np.ndarray, veto_end: np.ndarray, veto_bits: np.ndarray, veto_n: np.ndarray,
    offer: int,
) -> bool:
    """`RatificationAware.permitted`: above the veto floor and within the revealed limits."""
    if veto_n[seat] == 0:
        return True
    floor = _floor(pool, ru, r, seat, today, veto_offer, veto_end, veto_bits, veto_n)
    if not np.isnan(floor) and pool.utilities[ru.vid[r, seat], offer] <= floor:
        return False
    bits = _revealed(seat, today, veto_end, veto_bits, veto_n)
    return _within(sp, masks, bits, st, offer)


@compiled
def _inner_target(
    pool: Any, st: Any, ru: Any, r: int, seat: int, m: int, slot: int, reservation: float,
    own_last: np.ndarray, own_count: np.ndarray, seen: np.ndarray, seen_n: np.ndarray,
) -> float:
    """The wrapped (or only) strategy's target utility."""
    v = ru.vid[r, seat]
    t = st.slot_time[seat, slot]
    code = ru.code[r, seat]
    if code == TIME_DEPENDENT:
        return _target_utility(t, reservation, float(pool.best[v]), ru.e[r, seat], ru.k[r, seat])
    if code == ANCHORING:
        top = float(pool.utilities[v, ru.anchor[r, seat]])
        hold = ru.hold[r, seat]
        n_meetings = st.day.size
        if m < min(hold, n_meetings) or hold >= n_meetings:
            return top
        t_h = st.start_time[seat, hold] if hold > 0 else 0.0
        rest = (t - t_h) / (1.0 - t_h) if t_h < 1.0 else 1.0
        return _target_utility(min(max(rest, 0.0), 1.0), reservation, top, ru.e[r, seat], 0.0)
    # tit-for-tat
    opening = ru.opening[r, seat]
    start = float(pool.utilities[v, opening] if opening >= 0 else pool.best[v])
    delta = ru.delta[r, seat]
    if own_count[seat] == 0 or seen_n[seat] < delta + 1:
        return start
    previous = pool.utilities[v, own_last[seat]]
    before = pool.utilities[v, seen[seat, seen_n[seat] - 1 - delta]]
    latest = pool.utilities[v, seen[seat, seen_n[seat] - 1]]
    ratio = before / latest if latest > 0 else 1.0
    return float(min(max(previous * ratio, reservation), pool.best[v]))


@compiled
def _propose(
    sp: Any, pool: Any, st: Any, ru: Any, r: int, seat: int, m: int, slot: int, today: int,
    reserve: np.ndarray, own_last: np.ndarray, own_count: np.ndarray, seen: np.ndarray,
    seen_n: np.ndarray, veto_offer: np.ndarray, veto_end: np.ndarray, veto_bits: np.ndarray,
    veto_n: np.ndarray, masks: np.ndarray, allowed: np.ndarray,
) -> int:
    """The seat's offer now (the strategy's `propose`, through the wrapper when wrapped)."""
    v = ru.vid[r, seat]
    reservation = reserve[seat, m]
    opp = seen[seat, seen_n[seat] - 1] if seen_n[seat] > 0 else -1
    own = own_last[seat]
    inner = _inner_target(pool, st, ru, r, seat, m, slot, reservation, own_last, own_count,
                          seen, seen_n)
    offer = -1
    if ru.code[r, seat] == ANCHORING:
        holding = m < min(ru.hold[r, seat], st.day.size)
        if holding or own_count[seat] == 0:
            offer = ru.anchor[r, seat]
    if offer < 0:
        offer = choose(sp, pool, v, max(inner, reservation), own, opp, allowed, False)
    if not ru.wrapped[r, seat]:
        return offer
    if _permitted(sp, pool, st, ru, r, seat, today, masks, veto_offer, veto_end, veto_bits,
                  veto_n, offer):
        return offer
    floor = _floor(pool, ru, r, seat, today, veto_offer, veto_end, veto_bits, veto_n)
    target = inner if np.isnan(floor) else max(inner, floor + MARGIN)
    bits = _revealed(seat, today, veto_end, veto_bits, veto_n)
    if bits == 0:
        return choose(sp, pool, v, target, own, opp, allowed, False)
    allowed[:, :] = True
    for j in range(st.lim_issue.size):
        if bits >> j & 1:
            i = st.lim_issue[j]
            for g in range(sp.shape[i]):
                allowed[i, g] = allowed[i, g] and masks[j, g]
    return choose(sp, pool, v, target, own, opp, allowed, True)


@compiled
def _accepts(
    sp: Any, pool: Any, st: Any, ru: Any, r: int, seat: int, m: int, slot: int, today: int,
    reserve: np.ndarray, own_last: np.ndarray, own_count: np.ndarray, seen: np.ndarray,
    seen_n: np.ndarray, veto_offer: np.ndarray, veto_end: np.ndarray, veto_bits: np.ndarray,
    veto_n: np.ndarray, masks: np.ndarray, allowed: np.ndarray, offer: int,
) -> bool:
    """Whether the seat accepts `offer` (the wrapper first asks whether it is permitted)."""
    if ru.wrapped[r, seat] and not _permitted(
        sp, pool, st, ru, r, seat, today, masks, veto_offer, veto_end, veto_bits, veto_n, offer
    ):
        return False
    reservation = reserve[seat, m]
    inner = _inner_target(pool, st, ru, r, seat, m, slot, reservation, own_last, own_count,
                          seen, seen_n)
    return bool(pool.utilities[ru.vid[r, seat], offer] >= max(inner, reservation) - 1e-12)


def negotiate_all(
    space: SpaceArrays, pool: Pool, structure: Structure, runs: Runs, threads: int = 1
) -> Outputs:
    """Run every row of `runs` (compiled); see `Outputs`. With `threads` > 1 the rows are split
    into that many contiguous blocks run side by side (the compiled loop releases the GIL; each
    block has its own scratch arrays and writes only its own rows), same outputs."""
    count = runs.vid.shape[0]
    meetings = max(structure.day.size, 1)
    out = Outputs(
        np.zeros(count, np.int8),
        np.zeros(count, np.int64),
        np.full(count, -1, np.int64),
        np.full(count, -1, np.int64),
        np.zeros(count, np.int64),
        np.zeros((count, meetings), np.int64),
        np.zeros(count, np.int64),
    )
    blocks = min(max(threads, 1), max(count // MIN_BLOCK, 1))
    if blocks == 1:
        _negotiate_all(space, pool, structure, runs, out)
        return out
    from concurrent.futures import ThreadPoolExecutor

    edges = np.linspace(0, count, blocks + 1).astype(int)

    def block(k: int) -> None:
        rows = slice(edges[k], edges[k + 1])
        part_runs = Runs(*(a[rows] for a in runs))
        part_out = Outputs(*(a[rows] for a in out))
        _negotiate_all(space, pool, structure, part_runs, part_out)

    with ThreadPoolExecutor(blocks) as pool_of_threads:
        list(pool_of_threads.map(block, range(blocks)))
    return out


MIN_BLOCK = 2048
"""Fewest runs worth a thread of their own."""
