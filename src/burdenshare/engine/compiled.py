"""The batch engine's negotiation loop, compiled with numba: many runs of one scenario family.

It replays the reference engine (`protocol.py`) step by step on flat arrays (`encoding.py`):
meetings and offer slots, the turn passing round the seats, reservation values that drift after
the deadline and move with dated events and threats, each seat's strategy (its compiled form,
declared with it in the registry: `strategies/compiled_form.py`), the acceptance rule, the offer
kernel (`jit_kernel.choose`, the tie rule of `strategies/bidding.py`), ratification votes on the
last day of the meeting and vetoes that send talks back, deals in stages (a stop-gap moves the
deadline and the status quo the limits are measured from; each stage's limit masks are kept in
rows of their own, so that a veto is judged against its own stage's status quo), and the single
negotiating text (a chair's draft revised toward the objectors' amendments by
`rules.revise_draft`; `_draft_of` and `_text_of` apply `rules.draft_coordinates`,
`rules.nearest_number`, `rules.nearest_option` and `rules.nearest_split` issue by issue, as
`model/single_text.py` does). The rules are the model's own functions (`model/rules.py`,
`Limit`, the strategies' modules), compiled as they are: every floating-point operation is the
reference's, in its order (numba's `**` calls the same libm `pow` as Python), so each run ends
exactly as the reference engine's does — tested run by run in tests/test_batch_equivalence.py
(and, with stages, tests/test_engine_stages.py; with a single text,
tests/test_engine_single_text.py).

The loop calls the strategies through `dispatch.py`, whose if-chains are generated from the
registry; numba caches a function by its own file only, so the loop (the functions in `LOOP`,
copied) and the chains are written as one module named by a hash of everything it compiles
(`burdenshare.jitcache`): any change to a rule, a strategy, the kernel or this file gives a new
module and a new cache. Only that module's entry is cached; the functions it calls are compiled
into it. Everything but the entry is compiled without numba's reference counting (`_nrt=False`:
they allocate nothing): with it, every call between compiled functions increments and decrements
the count of each array in the tuples passed (numba issue #2345), which made a step ~6× slower.
"""

from __future__ import annotations

import ast
import types
from functools import lru_cache
from typing import Any, NamedTuple

import numba
import numpy as np
from numba.extending import register_jitable

from burdenshare import jitcache
from burdenshare.engine.dispatch import (
    Forms,
    forms,
    inner_offer,
    inner_target,
    source,
    wrapper_allowed,
    wrapper_permitted,
    wrapper_target,
)
from burdenshare.engine.encoding import Runs, Structure
from burdenshare.engine.jit_kernel import Pool, SpaceArrays, choose, compiled
from burdenshare.model.rules import (
    HOLDS,
    acceptable,
    add_years_ordinal,
    chair_step,
    draft_coordinates,
    is_stopgap,
    meets_minimum,
    nearest_number,
    nearest_option,
    nearest_split,
    numeric_limit,
    reservation_value,
    revise_draft,
    stage_years,
    stopgap_acceptable,
)
from burdenshare.strategies.compiled_form import CompiledView


class Outputs(NamedTuple):
    """How each run ended: status (0 no agreement, 1 agreement before the deadline, 2 during a
    lapse), day ordinal, agreed outcome (−1: none), meeting (−1), vetoes, per vetoed deal the
    bits of the ratifiers who vetoed it, offers made, the deadline in force at the end (a
    stop-gap moves it), and the first stop-gap's outcome (−1: none) and day ordinal (0)."""

    status: np.ndarray
    day: np.ndarray
    agreed: np.ndarray
    meeting: np.ndarray
    vetoes: np.ndarray
    veto_log: np.ndarray
    offers: np.ndarray
    deadline: np.ndarray
    stopgap: np.ndarray
    stopgap_day: np.ndarray


@compiled
def _reservation(st: Any, ru: Any, r: int, p: int, day: int, deadline: int) -> float:
    """`Party.reservation_at(day)` of seat p in run r with the status quo expiring on
    `deadline` (`rules.reservation_value`)."""
    events = 0.0
    for j in range(st.event_party.size):
        if st.event_party[j] == p and st.event_day[j] <= day:
            events += ru.event_change[r, j]
    threats = 0.0
    for j in range(st.threat_party.size):
        if st.threat_party[j] == p:
            if day < st.threat_start[j]:
                threats += 0.0
            else:
                threats += ru.threat_cred[r, j] * ru.threat_change[r, j]
    return reservation_value(ru.r0[r, p], ru.lapse[r, p], day - deadline, events, threats)


@compiled
def _limit_masks(
    st: Any, ru: Any, r: int, shape: np.ndarray, out: np.ndarray, bases: np.ndarray, row: int
) -> None:
    """Each limit's allowed grid values in run r, against the status quo values `bases`, into
    rows row + j (`Limit.violation` on every grid value: scope and choice limits are encoded as
    masks, numeric ones checked by `rules.numeric_limit`)."""
    for j in range(st.lim_issue.size):
        i = st.lim_issue[j]
        if not st.lim_numeric[j]:
            for g in range(shape[i]):
                out[row + j, g] = st.lim_fixed[j, g]
            continue
        low, high = ru.lim_min[r, j], ru.lim_max[r, j]
        low_pct, high_pct = ru.lim_min_pct[r, j], ru.lim_max_pct[r, j]
        base = bases[j]
        for g in range(shape[i]):
            out[row + j, g] = (
                numeric_limit(st.grid[i, g], low, high, base, low_pct, high_pct) == HOLDS
            )


@compiled
def _vote(
    sp: Any, pool: Any, st: Any, ru: Any, r: int, offer: int, day: int, stopgap: bool, row: int,
    masks: np.ndarray, veto_offer: np.ndarray, veto_end: np.ndarray, veto_bits: np.ndarray,
    veto_n: np.ndarray,
) -> int:  # fmt: skip
    """Put a tentative deal to every ratifier in office on `day` (`Ratifier.vote`): the bits of
    those who veto it, each veto remembered by its seat with the bits of the limits it broke
    (rows from `row`: the stage's masks). A stop-gap is voted on without the limits on its
    years issue (`Stages.ratifiers`)."""
    vetoers = 0
    for q in range(st.rat_party.size):
        if day < st.rat_start[q] or day > st.rat_end[q]:
            continue
        broken = 0
        for j in range(st.lim_issue.size):
            if stopgap and st.lim_issue[j] == st.stage_issue:
                continue
            held = masks[row + j, sp.positions[st.lim_issue[j], offer]]
            if st.lim_rat[j] == q and not held:
                broken |= 1 << (row + j)
        accept = broken == 0 and meets_minimum(
            pool.utilities[ru.rat_vid[r, q], offer], ru.min_utility[r, q]
        )
        if not accept:
            vetoers |= 1 << q
            seat = st.rat_party[q]
            veto_offer[seat, veto_n[seat]] = offer
            veto_end[seat, veto_n[seat]] = st.rat_end[q]
            veto_bits[seat, veto_n[seat]] = broken
            veto_n[seat] += 1
    return vetoers


@compiled
def _next_stage(
    sp: Any, st: Any, ru: Any, r: int, offer: int, m: int, deadline: int, stage: int,
    bases: np.ndarray, masks: np.ndarray, reserve: np.ndarray, n: int,
) -> int:  # fmt: skip
    """After a stop-gap on `offer` agreed at meeting m (`Scenario.after_stopgap`): its values
    are the status quo of stage `stage` (limit masks in that stage's rows), the no-deal values
    of the later meetings are measured from the new expiry; returns it (the new deadline)."""
    i = st.stage_issue
    years = st.grid[i, sp.positions[i, offer]]
    expiry = add_years_ordinal(deadline, stage_years(years))
    for j in range(st.lim_issue.size):
        if st.lim_numeric[j]:
            value = st.grid[st.lim_issue[j], sp.positions[st.lim_issue[j], offer]]
            bases[j] = value if value != 0.0 else np.nan
    _limit_masks(st, ru, r, sp.shape, masks, bases, stage * st.lim_issue.size)
    for p in range(n):
        for later in range(m + 1, st.day.size):
            reserve[p, later] = _reservation(st, ru, r, p, st.day[later], expiry)
    return expiry


@compiled
def _draft_of(sp: Any, st: Any, offer: int, draft: np.ndarray) -> None:
    """Single text: `offer` as the chair's draft (`single_text.draft_of`), issue by issue
    `rules.draft_coordinates`, or a split's shares in grid units (padded with zeros to the
    most payers: a zero gap adds nothing to `rules.nearest_split`'s sums)."""
    for i in range(sp.shape.size):
        g = sp.positions[i, offer]
        if sp.held[i]:
            for c in range(sp.units.shape[2]):
                draft[i, c] = float(sp.units[i, g, c])
        else:
            draft_coordinates(st.numeric[i], st.grid[i, g], g, sp.shape[i], draft[i])


@compiled
def _text_of(sp: Any, st: Any, draft: np.ndarray, keep: int) -> int:
    """Single text: the outcome nearest the draft (`single_text.text_of`), issue by issue
    `rules.nearest_split`, `rules.nearest_number` or `rules.nearest_option` (a tie keeps
    `keep`'s option)."""
    index = 0
    for i in range(sp.shape.size):
        if sp.held[i]:
            g = nearest_split(sp.units[i], sp.shape[i], sp.units.shape[2], draft[i])
        elif st.numeric[i]:
            g = nearest_number(st.grid[i], sp.shape[i], draft[i, 0])
        else:
            g = nearest_option(draft[i], sp.shape[i], sp.positions[i, keep])
        index += g * st.strides[i]
    return index


# -- the loop: copied into the generated module, where the dispatch is the registry's chains ---


def _negotiate_all(sp: Any, pool: Any, st: Any, ru: Any, out: Any) -> None:
    """Run every row of `ru`, writing how each ended into `out`."""
    n_runs = ru.vid.shape[0]
    n = ru.vid.shape[1]
    n_meetings = st.day.size
    n_slots = st.first[n_meetings]
    n_limits = st.lim_issue.size
    n_rows = st.lim_issue_all.size
    n_issues = sp.shape.size
    widest = st.grid.shape[1]
    coordinates = max(widest, sp.units.shape[2])  # a draft's coordinates of an issue, at most
    own_last = np.empty(n, np.int64)
    own_count = np.empty(n, np.int64)
    single = st.chair >= -1  # a single negotiating text (else alternating offers)
    # offers a seat sees: one a slot, or a text and the other seats' amendments
    seen = np.empty((n, max(n_slots * (n if single else 1), 1)), np.int64)
    seen_n = np.empty(n, np.int64)
    draft = np.zeros((n_issues, coordinates))
    widths = np.empty(n_issues, np.int64)  # each issue's coordinates in the draft
    for i in range(n_issues):
        widths[i] = sp.units.shape[2] if sp.held[i] else 1 if st.numeric[i] else sp.shape[i]
    amended = np.empty(n, np.int64)  # the objectors' amendments, in seat order
    amended_drafts = np.zeros((n, n_issues, coordinates))  # and as drafts
    objecting = np.empty(n, np.int64)  # and their seats
    # at most one tentative deal a meeting (two with interim terms), vetoed by each of a seat's
    # ratifiers at most once
    deals = 2 if st.interim >= 0 else 1
    most = max(deals * n_meetings * st.rat_party.size, 1)
    veto_offer = np.empty((n, most), np.int64)
    veto_end = np.empty((n, most), np.int64)
    veto_bits = np.empty((n, most), np.int64)
    veto_n = np.empty(n, np.int64)
    reserve = np.empty((n, max(n_meetings, 1)))
    masks = np.zeros((max(n_rows, 1), widest), np.bool_)
    bases = np.empty(max(n_limits, 1))
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
        out.stopgap[r] = -1
        out.stopgap_day[r] = 0
        deadline = st.deadline
        stage = 0
        for j in range(n_limits):
            bases[j] = st.lim_base[j]
        _limit_masks(st, ru, r, sp.shape, masks, bases, 0)
        for p in range(n):
            for m in range(n_meetings):
                reserve[p, m] = _reservation(st, ru, r, p, st.day[m], deadline)
        turn = 0
        offers = 0
        done = False
        text = -1  # the single text tabled now (−1: none yet)
        revisions = 0
        for m in range(n_meetings):
            if done:
                break
            today = st.day[m]
            staged = False
            for k in range(st.first[m + 1] - st.first[m]):
                slot = st.first[m] + k
                if single:  # the chair tables the text; every seat answers; objections revise
                    if text < 0:
                        if st.chair >= 0:
                            text = _propose(
                                sp, pool, st, ru, r, st.chair, m, slot, today, reserve,
                                own_last, own_count, seen, seen_n, veto_offer, veto_end,
                                veto_bits, veto_n, masks, allowed,
                            )  # fmt: skip
                        else:
                            text = st.quo
                        _draft_of(sp, st, text, draft)
                    offers += 1
                    if st.chair >= 0:
                        own_last[st.chair] = text
                        own_count[st.chair] += 1
                    for other in range(n):
                        if other != st.chair:
                            seen[other, seen_n[other]] = text
                            seen_n[other] += 1
                    objectors = 0
                    for seat in range(n):
                        if not _accepts(
                            sp, pool, st, ru, r, seat, m, slot, today, reserve, own_last,
                            own_count, seen, seen_n, veto_offer, veto_end, veto_bits, veto_n,
                            masks, text,
                        ):  # fmt: skip
                            amended[objectors] = _propose(
                                sp, pool, st, ru, r, seat, m, slot, today, reserve, own_last,
                                own_count, seen, seen_n, veto_offer, veto_end, veto_bits,
                                veto_n, masks, allowed,
                            )  # fmt: skip
                            objecting[objectors] = seat
                            objectors += 1
                    if objectors > 0:
                        for j in range(objectors):  # tabled after every seat has answered
                            seat = objecting[j]
                            own_count[seat] += 1
                            own_last[seat] = amended[j]
                            for other in range(n):
                                if other != seat:
                                    seen[other, seen_n[other]] = amended[j]
                                    seen_n[other] += 1
                        step = chair_step(revisions, st.chair_step, st.chair_shrink)
                        revisions += 1
                        for j in range(objectors):
                            _draft_of(sp, st, amended[j], amended_drafts[j])
                        revise_draft(draft, amended_drafts, objectors, widths, step)
                        text = _text_of(sp, st, draft, text)
                        continue
                    offer = text
                else:
                    proposer = turn % n
                    turn += 1
                    offer = _propose(
                        sp, pool, st, ru, r, proposer, m, slot, today, reserve, own_last,
                        own_count, seen, seen_n, veto_offer, veto_end, veto_bits, veto_n, masks,
                        allowed,
                    )  # fmt: skip
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
                            masks, offer,
                        ):  # fmt: skip
                            everyone = False
                            break
                    if not everyone:
                        continue
                day = st.last[m]
                stopgap = st.stage_issue >= 0 and is_stopgap(
                    st.grid[st.stage_issue, sp.positions[st.stage_issue, offer]], st.stage_max
                )
                vetoers = _vote(
                    sp, pool, st, ru, r, offer, day, stopgap, stage * n_limits, masks,
                    veto_offer, veto_end, veto_bits, veto_n,
                )  # fmt: skip
                if vetoers == 0 and stopgap:
                    if stage == 0:
                        out.stopgap[r] = offer
                        out.stopgap_day[r] = day
                    stage += 1
                    deadline = _next_stage(
                        sp, st, ru, r, offer, m, deadline, stage, bases, masks, reserve, n
                    )
                    staged = True
                    break
                if vetoers == 0:
                    out.status[r] = 2 if day > deadline else 1
                    out.day[r] = day
                    out.agreed[r] = offer
                    out.meeting[r] = m
                    done = True
                    break
                out.veto_log[r, out.vetoes[r]] = vetoers
                out.vetoes[r] += 1
                break
            if done or staged or st.interim < 0:
                continue
            # interim terms, when the last meeting before the deadline ends without a deal
            day = st.last[m]
            if day > deadline or (m + 1 < n_meetings and st.day[m + 1] <= deadline):
                continue
            interim = st.interim
            i = st.stage_issue
            expiry = add_years_ordinal(deadline, stage_years(st.grid[i, sp.positions[i, interim]]))
            everyone = True
            for p in range(n):
                lapsed = _reservation(st, ru, r, p, expiry, deadline)
                if not stopgap_acceptable(pool.utilities[ru.vid[r, p], interim], lapsed):
                    everyone = False
                    break
            if not everyone:
                continue
            vetoers = _vote(
                sp, pool, st, ru, r, interim, day, True, stage * n_limits, masks, veto_offer,
                veto_end, veto_bits, veto_n,
            )  # fmt: skip
            if vetoers == 0:
                if stage == 0:
                    out.stopgap[r] = interim
                    out.stopgap_day[r] = day
                stage += 1
                deadline = _next_stage(
                    sp, st, ru, r, interim, m, deadline, stage, bases, masks, reserve, n
                )
            else:
                out.veto_log[r, out.vetoes[r]] = vetoers
                out.vetoes[r] += 1
        out.offers[r] = offers
        out.deadline[r] = deadline


def _view(
    sp: Any, pool: Any, st: Any, ru: Any, r: int, seat: int, m: int, slot: int, today: int,
    reserve: np.ndarray, own_last: np.ndarray, own_count: np.ndarray, seen: np.ndarray,
    seen_n: np.ndarray, veto_offer: np.ndarray, veto_end: np.ndarray, veto_bits: np.ndarray,
    veto_n: np.ndarray, masks: np.ndarray,
) -> CompiledView:  # fmt: skip
    """What the seat sees now (the `NegotiatorView` a strategy's compiled form reads)."""
    v = ru.vid[r, seat]
    k = veto_n[seat]
    return CompiledView(
        pool.utilities[v], float(pool.best[v]), ru.top[r, seat], ru.opening[r, seat],
        st.slot_time[seat, slot], m, st.start_time[seat], today, reserve[seat, m],
        own_last[seat], own_count[seat], seen[seat, : seen_n[seat]], veto_offer[seat, :k],
        veto_end[seat, :k], veto_bits[seat, :k], masks, st.lim_issue_all, sp.positions,
    )  # fmt: skip


def _propose(
    sp: Any, pool: Any, st: Any, ru: Any, r: int, seat: int, m: int, slot: int, today: int,
    reserve: np.ndarray, own_last: np.ndarray, own_count: np.ndarray, seen: np.ndarray,
    seen_n: np.ndarray, veto_offer: np.ndarray, veto_end: np.ndarray, veto_bits: np.ndarray,
    veto_n: np.ndarray, masks: np.ndarray, allowed: np.ndarray,
) -> int:  # fmt: skip
    """The seat's offer now: its strategy's own offer or the kernel's at max(target,
    reservation) (`TargetStrategy.propose`); a wrapper that refuses it has the kernel choose at
    its own target within its allowed values."""
    view = _view(sp, pool, st, ru, r, seat, m, slot, today, reserve, own_last, own_count, seen,
                 seen_n, veto_offer, veto_end, veto_bits, veto_n, masks)  # fmt: skip
    code, p = ru.code[r, seat], ru.params[r, seat]
    v = ru.vid[r, seat]
    opp = view.opponent[view.opponent.size - 1] if view.opponent.size > 0 else -1
    inner = inner_target(code, p, view)
    offer = inner_offer(code, p, view)
    if offer < 0:
        offer = choose(sp, pool, v, max(inner, view.reservation), view.own_last, opp, allowed,
                       False)  # fmt: skip
    wrapper = ru.wrapper[r, seat]
    if wrapper < 0:
        return offer
    wp = ru.wrapper_params[r, seat]
    if wrapper_permitted(wrapper, wp, view, offer):
        return offer
    target = wrapper_target(wrapper, wp, view, inner)
    masked = wrapper_allowed(wrapper, wp, view, allowed)
    return choose(sp, pool, v, target, view.own_last, opp, allowed, masked)


def _accepts(
    sp: Any, pool: Any, st: Any, ru: Any, r: int, seat: int, m: int, slot: int, today: int,
    reserve: np.ndarray, own_last: np.ndarray, own_count: np.ndarray, seen: np.ndarray,
    seen_n: np.ndarray, veto_offer: np.ndarray, veto_end: np.ndarray, veto_bits: np.ndarray,
    veto_n: np.ndarray, masks: np.ndarray, offer: int,
) -> bool:  # fmt: skip
    """Whether the seat accepts `offer`: a wrapper's permission first, then the acceptance rule
    at the strategy's target (`TargetStrategy.accepts`)."""
    view = _view(sp, pool, st, ru, r, seat, m, slot, today, reserve, own_last, own_count, seen,
                 seen_n, veto_offer, veto_end, veto_bits, veto_n, masks)  # fmt: skip
    wrapper = ru.wrapper[r, seat]
    if wrapper >= 0 and not wrapper_permitted(wrapper, ru.wrapper_params[r, seat], view, offer):
        return False
    inner = inner_target(ru.code[r, seat], ru.params[r, seat], view)
    return acceptable(view.utilities[offer], inner, view.reservation)


LOOP = (_view, _propose, _accepts, _negotiate_all)
"""The functions the generated module holds (their source, copied), after the dispatch."""

_COMPILE = """
inner_target = numba.njit(_nrt=False, inline="always")(inner_target)
inner_offer = numba.njit(_nrt=False, inline="always")(inner_offer)
wrapper_target = numba.njit(_nrt=False, inline="always")(wrapper_target)
wrapper_permitted = numba.njit(_nrt=False, inline="always")(wrapper_permitted)
wrapper_allowed = numba.njit(_nrt=False, inline="always")(wrapper_allowed)
_view = numba.njit(_nrt=False, inline="always")(_view)
_propose = numba.njit(_nrt=False)(_propose)
_accepts = numba.njit(_nrt=False)(_accepts)
negotiate = numba.njit(cache=True, nogil=True)(_negotiate_all)
"""
"""How the generated module compiles its functions: only the entry is cached. The dispatch and
the view are inlined in numba's IR: a `CompiledView` passed to a function not inlined is copied
whole (18 fields, 9 array descriptors) at each call, which made the loop 5-10 % slower
(sma-2019 rows, 100-outcome benchmark). The forms and rules (`_jitable`) are compiled as
functions of their own and called: inlined in numba's IR, each was retyped at every call site.
Called, the first compile runs numba's type inference 113 times instead of 522 and took 87.5 s
instead of 109 s under cProfile (sma-2024, empty cache; LLVM's part, ~31 s, unchanged); CPU
time on this VM varies too much between runs (42-83 s) to give a firmer figure, and
`benchmarks/throughput.py`'s batch rates did not change beyond that noise."""

JITTED: set[types.FunctionType] = set()
"""The plain functions (rules, strategies' compiled forms, their helpers) made callable from
compiled code (`numba.extending.register_jitable`): each compiled once per signature, called from
the loop."""


def _jitable(function: types.FunctionType) -> None:
    if function not in JITTED:
        register_jitable(_nrt=False)(function)
        JITTED.add(function)


class Generated(NamedTuple):
    """The loop module for some numbered forms: its name (with the hash), text, the names it is
    run with, and what the hash covers besides the text (`jitcache.reachable`)."""

    name: str
    text: str
    namespace: dict[str, object]
    dependencies: dict[str, str]


def generate(numbered: Forms) -> Generated:
    """The loop module over the `numbered` forms: the dispatch chains, then `LOOP`'s source;
    every plain function it reaches is made callable from compiled code (`JITTED`)."""
    chains, bindings = source(numbered)
    body = "\n\n".join([chains, *(jitcache.source(f) for f in LOOP)]) + _COMPILE
    namespace = {k: v for k, v in globals().items() if not k.startswith("__")}
    namespace.update(bindings)
    tree = ast.parse(body)
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} - defined
    functions, dependencies = jitcache.reachable(
        [namespace[name] for name in sorted(read) if name in namespace]
    )
    for function in functions:
        _jitable(function)
    digest = jitcache.key(body, dependencies, numba.__version__, np.__version__)
    head = (
        f'"""The compiled negotiation loop, generated by {__name__} (do not edit).\n\n'
        "Named by a hash of this text and of every source it compiles: numba's cache of it is\n"
        'never stale."""\n\nimport numba\n\n\n'
    )
    return Generated(f"burdenshare_loop_{digest}", head + body, namespace, dependencies)


@lru_cache(maxsize=8)
def loop_module(numbered: Forms) -> types.ModuleType:
    """The generated loop module over `numbered`, written and imported once (`jitcache.load`):
    its `negotiate` is `_negotiate_all`, compiled and cached."""
    generated = generate(numbered)
    return jitcache.load(generated.name, generated.text, generated.namespace)


def loop() -> Any:
    """The compiled loop over the strategies registered now."""
    return loop_module(forms()).negotiate


def ready() -> bool:
    """Whether the compiled loop is on disk already (False: the first call compiles it, ~50 s
    of CPU)."""
    return jitcache.on_disk(loop())


def negotiate_all(
    space: SpaceArrays, pool: Pool, structure: Structure, runs: Runs, threads: int = 1
) -> Outputs:
    """Run every row of `runs` (compiled); see `Outputs`. With `threads` > 1 the rows are split
    into that many contiguous blocks run side by side (the compiled loop releases the GIL; each
    block has its own scratch arrays and writes only its own rows), same outputs."""
    count = runs.vid.shape[0]
    meetings = max(structure.day.size * (2 if structure.interim >= 0 else 1), 1)
    out = Outputs(
        np.zeros(count, np.int8),
        np.zeros(count, np.int64),
        np.full(count, -1, np.int64),
        np.full(count, -1, np.int64),
        np.zeros(count, np.int64),
        np.zeros((count, meetings), np.int64),
        np.zeros(count, np.int64),
        np.zeros(count, np.int64),
        np.full(count, -1, np.int64),
        np.zeros(count, np.int64),
    )
    negotiate = loop()
    if not getattr(negotiate, "signatures", True):  # compiled (or loaded from numba's cache)
        # by a call on no rows (with numba's JIT disabled, `negotiate` is the plain function)
        with jitcache.compiled_once(negotiate):
            negotiate(space, pool, structure, Runs(*(a[:0] for a in runs)),
                      Outputs(*(a[:0] for a in out)))  # fmt: skip
    blocks = min(max(threads, 1), max(count // MIN_BLOCK, 1))
    if blocks == 1:
        negotiate(space, pool, structure, runs, out)
        return out
    from concurrent.futures import ThreadPoolExecutor

    edges = np.linspace(0, count, blocks + 1).astype(int)

    def block(k: int) -> None:
        rows = slice(edges[k], edges[k + 1])
        part_runs = Runs(*(a[rows] for a in runs))
        part_out = Outputs(*(a[rows] for a in out))
        negotiate(space, pool, structure, part_runs, part_out)

    with ThreadPoolExecutor(blocks) as pool_of_threads:
        list(pool_of_threads.map(block, range(blocks)))
    return out


MIN_BLOCK = 2048
"""Fewest runs worth a thread of their own."""
