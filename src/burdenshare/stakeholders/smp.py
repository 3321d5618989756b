"""The Spatial Model of Politics as KTAB's `smpc` computes it with its default parameters.

Source: KTAB (KAPSARC Toolkit for Behavioral Analysis, MIT licence), repository `lsyaseen/KTAB`
(fork of `KAPSARC/KTAB`, HEAD `3b5b063`). The files this module follows, read and re-expressed in
numpy (not transliterated):

- `examples/smp/libsrc/smp.cpp`: `SMPModel::bsUtil`, `bvDiff`, `stateDist`, `smpStopFn`,
  `SMPState::setAllAUtil` (risk attitudes), `pDist`, `SMPActor::interpBrgnSnPm` (S2P2 bargains);
- `examples/smp/libsrc/smpbcn.cpp`: `SMPState::doBCN` (challenges, bargains, the per-actor
  resolution of bargain queues), `probEduChlg`, `bestChallenge`;
- `KTAB/kmodel/libsrc/kmodel.cpp`: `Model::vote`, `coalitions`, `vProb`, `condPCE`, `scalarPCE`,
  `bigRfromProb`, `estNRA`, `Actor::vProbLittle`, `Actor::thirdPartyVoteSU`;
- `KTAB/kmodel/libsrc/kstate.cpp` and `KTAB/kutils/libsrc/kutils.h`: `setUENdx` / `ueIndices`
  (unique positions), `State::posProb`;
- `examples/smp/libsrc/smpread.cpp`: `SMPModel::csvRead` (positions and saliences / 100,
  identity accommodation matrix, so ideals equal positions).

KTAB defaults, the only configuration implemented here (a CSV carries no parameters): linear
victory law P[a>b] = c_ab / (c_ab + c_ba); proportional voting v_k(a:b) = w_k (u_k(a) - u_k(b));
conditional PCE p_a ∝ Π_b P[a>b]; deterministic state transitions; semi-committed third
parties; risk attitudes re-estimated every turn on the Mid range [-1/2, 1] with one-third
adjustment (h's estimate of i's R is (2 R_h + R_i) / 3); S2P2 bargains rounded to 4 decimals on
[0, 1]; initiator-only interpolation (the initiator's bargain goes into both actors' queues).
Stopping rule: after turn t >= 2, stop when D(t-1, t) / (D(0, 1) + 1e-4) < 0.02, or at t = 100,
where D is the sum over actors of the Euclidean distance moved on [0, 1].

Two choices where KTAB itself is not deterministic or not defined:

- KTAB (multi-threaded since 2017) fills each actor's bargain queue in thread order. Only ties
  in a queue's PCE depend on that order; this module uses the order of KTAB's sequential version
  (initiators in actor order, the actor's own status-quo bargain where its own turn comes).
- When every position has the same probability, KTAB's risk formula divides by zero
  (p_max = p_min); this module then treats all actors as risk neutral (R = 0).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from burdenshare.stakeholders.actors import SCALE, StakeholderSet
from burdenshare.stakeholders.arithmetic import prod_last
from burdenshare.stakeholders.result import (
    FloatArray,
    ForecastResult,
    WinningPosition,
    frozen_array,
)

# Constants from KTAB's source (file named in each comment).
MIN_COALITION = 1e-8  # Model::coalitions, kmodel.cpp
MIN_CHALLENGE_COALITION = 1e-10  # SMPState::probEduChlg minCltn, smpbcn.cpp
MIN_SIG_EDU = 1e-5  # SMPState::bestChallenge minSigEDU, smpbcn.cpp
MIN_BARGAIN_WEIGHT = 1e-6  # SMPActor::interpBrgnSnPm minW, smp.cpp
ROUNDING = 10000.0  # round4 in SMPActor::interpBrgnSnPm: 4 decimals on [0, 1]
POSITION_TOLERANCE = 1e-3  # SMPModel::posTol, smp.h: 0.1 on the 0-100 scale


@dataclass(frozen=True)
class SMPSettings:
    """The run-length settings of `SMPModel::configExec` (smp.cpp), KTAB's defaults."""

    min_turns: int = 2
    max_turns: int = 100
    min_delta_ratio: float = 0.02
    min_sig_delta: float = 1e-4


def _seq_sum(a: FloatArray, axis: int = -1) -> FloatArray:
    """Sum in index order, as KTAB's loops add (numpy's own sum is pairwise)."""
    out: FloatArray = np.asarray(np.cumsum(a, axis=axis).take(-1, axis=axis))
    return out


def bs_util(d: FloatArray, r: FloatArray) -> FloatArray:
    """KTAB's utility of a salience-weighted distance d with risk attitude R (`bsUtil`):
    u = (1 - d)(1 + d R) for d <= 1, else (1 - d)(1 + R)."""
    return np.where(d <= 1.0, (1.0 - d) * (1.0 + d * r), (1.0 - d) * (1.0 + r))


def weighted_distance(ideals: FloatArray, points: FloatArray, sal: FloatArray) -> FloatArray:
    """d[i, j] = sqrt(Σ_k (s_ik (ideal_ik - x_jk))² / Σ_k s_ik²), KTAB's `bvDiff`, on [0, 1]."""
    ds = (ideals[:, None, :] - points[None, :, :]) * sal[:, None, :]
    num = _seq_sum(ds * ds)
    den = _seq_sum(sal * sal)
    out: FloatArray = np.sqrt(num / den[:, None])
    return out


def coalitions(u: FloatArray, w: FloatArray) -> FloatArray:
    """c[a, b] = 1e-8 + Σ_k max(0, w_k (u_ka - u_kb)): proportional votes for option a over b
    (`Model::coalitions` with `Model::vote`, Proportional). u is voters x options."""
    v = w[:, None, None] * (u[:, :, None] - u[:, None, :])
    stack = np.concatenate([np.full((1, *v.shape[1:]), MIN_COALITION), np.maximum(v, 0.0)])
    c: FloatArray = _seq_sum(stack, axis=0)
    np.fill_diagonal(c, MIN_COALITION)
    return c


def victory_probabilities(c: FloatArray) -> FloatArray:
    """Linear victory law P[a > b] = c_ab / (c_ab + c_ba), P[a > a] = 1/2 (`Model::vProb`)."""
    p: FloatArray = c / (c + c.T)
    np.fill_diagonal(p, 0.5)
    return p


def conditional_pce(pv: FloatArray) -> FloatArray:
    """Conditional PCE: p_a ∝ Π_b P[a > b], the diagonal 1/2 included (`Model::condPCE`),
    multiplied in index order."""
    p = prod_last(pv)
    out: FloatArray = p / _seq_sum(p)
    return out


def scalar_pce(u: FloatArray, w: FloatArray) -> FloatArray:
    """Probability that each option (column of u) prevails (`Model::scalarPCE`)."""
    return conditional_pce(victory_probabilities(coalitions(u, w)))


def risk_attitudes(p: FloatArray) -> FloatArray:
    """Mid-range risk attitudes R_i = (3 p_i - (p_max + 2 p_min)) / (2 (p_max - p_min)) in
    [-1/2, 1] (`Model::bigRfromProb`, BigRRange::Mid); 0 for all if the p_i are all equal."""
    p_min, p_max = float(np.min(p)), float(np.max(p))
    if p_max - p_min <= 0.0:
        return np.zeros_like(p)
    out: FloatArray = (3.0 * p - (p_max + 2.0 * p_min)) / (2.0 * (p_max - p_min))
    return out


@dataclass(frozen=True)
class _Assessment:
    """One state seen through every actor's eyes: R_i and util[h, i, j], h's estimate of the
    utility to i of j's position (`SMPState::setAllAUtil`)."""

    risk: FloatArray
    util: FloatArray


def _assess(pos: FloatArray, sal: FloatArray, cap: FloatArray) -> _Assessment:
    """Risk-neutral utilities -> PCE over actors' positions -> R_i -> estimated utilities."""
    dist = weighted_distance(pos, pos, sal)  # ideals equal positions (identity accommodation)
    rn_util = bs_util(dist, np.zeros((dist.shape[0], 1)))
    risk = risk_attitudes(scalar_pce(rn_util, cap))
    r_est = (2.0 * risk[:, None] + risk[None, :]) / 3.0  # BigRAdjust::OneThird, r_est[h, i]
    util = bs_util(dist[None, :, :], r_est[:, :, None])
    return _Assessment(risk, util)


def _challenge_gains(
    a: _Assessment, w: FloatArray, tot_sal: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """For every initiator i and target j, i's estimate that i beats j and i's expected gain from
    challenging j (`SMPState::probEduChlg(h=i, k=i, i, j)` with semi-committed third parties)."""
    na = w.shape[0]
    idx = np.arange(na)
    own = a.util[idx]  # own[i] = util[i]: i's own estimates
    u_self_pos = own[idx, idx, idx]  # util[i, i, i]
    u_i_of_j = own[idx, idx, :]  # [i, j] = util[i, i, j]
    u_n_of_i = own[idx, :, idx]  # [i, n] = util[i, n, i]
    u_n_of_n = np.diagonal(own, axis1=1, axis2=2)  # [i, n] = util[i, n, n]

    contrib_i = w[:, None] * (u_self_pos[:, None] - u_i_of_j)  # i's vote for i over j
    contrib_j = w[None, :] * (u_n_of_i - u_n_of_n)  # j's vote for i over j, [i, j]
    ch_ij0 = MIN_CHALLENGE_COALITION + np.maximum(contrib_i, 0.0) + np.maximum(contrib_j, 0.0)
    ch_ji0 = MIN_CHALLENGE_COALITION + np.maximum(-contrib_i, 0.0) + np.maximum(-contrib_j, 0.0)

    # third parties n, on axis 0: their "little conflict" (Actor::vProbLittle) and their
    # semi-committed vote (Actor::thirdPartyVoteSU)
    uni = u_n_of_i.T[:, :, None]  # [n, i, 1] = util[i, n, i]
    unj = own.transpose(1, 0, 2)  # [n, i, j] = util[i, n, j]
    unn = u_n_of_n.T[:, :, None]  # [n, i, 1] = util[i, n, n]
    wn = w[:, None, None]
    c_n = wn * (uni - unj)
    c_ni = ch_ij0[None] + np.maximum(c_n, 0.0)
    c_nj = ch_ji0[None] + np.maximum(-c_n, 0.0)
    p_in = c_ni / (c_ni + c_nj)
    p_jn = 1.0 - p_in
    u_ik_j = p_in * (uni + uni + unn) + p_jn * (unj + unj + unj)
    u_i_jk = p_in * (uni + uni + uni) + p_jn * (unj + unj + unn)
    v_n = wn * (u_ik_j - u_i_jk)
    third = (idx[:, None, None] != idx[None, :, None]) & (idx[:, None, None] != idx[None, None, :])
    v_n = np.where(third, v_n, 0.0)
    ch_ij = _seq_sum(np.concatenate([ch_ij0[None], np.maximum(v_n, 0.0)]), axis=0)
    ch_ji = _seq_sum(np.concatenate([ch_ji0[None], np.maximum(-v_n, 0.0)]), axis=0)

    p_ij = ch_ij / (ch_ij + ch_ji)
    p_ji = ch_ji / (ch_ij + ch_ji)
    s_j = tot_sal[None, :]
    u_sq = u_self_pos[:, None] + u_i_of_j
    u_win = u_self_pos[:, None] + u_self_pos[:, None]
    u_lose = u_i_of_j + u_i_of_j
    u_contest = p_ij * u_win + p_ji * u_lose
    gain = ((1.0 - s_j) * u_win + s_j * u_contest) - u_sq
    return p_ij, gain


def _round4(x: FloatArray) -> FloatArray:
    """KTAB's round4: (int)(0.5 + 10000 x) / 10000, for x >= 0."""
    out: FloatArray = np.floor(0.5 + x * ROUNDING) / ROUNDING
    return out


def s2p2_bargain(
    t_i: FloatArray, s_i: FloatArray, p_i: float, t_j: FloatArray, s_j: FloatArray, p_j: float
) -> tuple[FloatArray, FloatArray]:
    """S2P2 interpolation per dimension k with w = s_k² p² (`SMPActor::interpBrgnSnPm(2, 2)`):
    b_i = round4(((w_i + 1e-6) t_i + w_j t_j) / (w_i + 1e-6 + w_j)), b_j likewise."""
    w_i = (s_i * s_i) * (p_i * p_i)
    w_j = (s_j * s_j) * (p_j * p_j)
    den = w_i + MIN_BARGAIN_WEIGHT + w_j
    b_i = _round4(((w_i + MIN_BARGAIN_WEIGHT) * t_i + w_j * t_j) / den)
    b_j = _round4((w_i * t_i + (MIN_BARGAIN_WEIGHT + w_j) * t_j) / den)
    return b_i, b_j


@dataclass(frozen=True)
class _Bargain:
    init: int
    rcvr: int
    pos_init: FloatArray
    pos_rcvr: FloatArray


def _pos_util(pos: FloatArray, sal: FloatArray, risk: FloatArray, point: FloatArray) -> FloatArray:
    """Utility to every actor n of `point`, with its own risk attitude (`SMPActor::posUtil`)."""
    return bs_util(weighted_distance(pos, point[None, :], sal)[:, 0], risk)


def _bargain_utilities(
    bargains: list[_Bargain], pos: FloatArray, sal: FloatArray, a: _Assessment
) -> FloatArray:
    """u[n, m]: utility to actor n of the state after bargain m, the mean over actors' positions
    (`SMPState::brgnStateUtil`); column 0 is the status quo."""
    na = pos.shape[0]
    idx = np.arange(na)
    own_row = a.util[idx, idx, :]  # [n, n'] = util[n, n, n']
    out = np.empty((na, len(bargains) + 1))
    out[:, 0] = _seq_sum(own_row) / na
    for m, b in enumerate(bargains, start=1):
        kept = own_row.copy()
        kept[:, [b.init, b.rcvr]] = 0.0
        parts = np.concatenate(
            [
                _pos_util(pos, sal, a.risk, b.pos_init)[:, None],
                _pos_util(pos, sal, a.risk, b.pos_rcvr)[:, None],
                kept,
            ],
            axis=1,
        )
        out[:, m] = _seq_sum(parts) / na
    return out


def _turn(
    pos: FloatArray, sal: FloatArray, cap: FloatArray, tot_sal: FloatArray, a: _Assessment
) -> FloatArray:
    """One step of `SMPState::doBCN`: every actor challenges its best target, the bargains go into
    both actors' queues, and each actor adopts its queue's most probable bargain."""
    na = pos.shape[0]
    p_ij, gain = _challenge_gains(a, cap * tot_sal, tot_sal)
    gain = np.where(np.eye(na, dtype=bool), -np.inf, gain)
    gain = np.where(gain > MIN_SIG_EDU, gain, -np.inf)

    bargains: list[_Bargain] = []
    queues: list[list[int]] = [[] for _ in range(na)]  # bargain indices; 0 = status quo
    for i in range(na):
        queues[i].append(0)
        j = int(np.argmax(gain[i]))
        if not np.isfinite(gain[i, j]):
            continue  # no advantageous target
        prob = float(p_ij[i, j])
        b_i, b_j = s2p2_bargain(pos[i], sal[i], prob, pos[j], sal[j], 1.0 - prob)
        bargains.append(_Bargain(i, j, b_i, b_j))
        queues[i].append(len(bargains))
        queues[j].append(len(bargains))

    u = _bargain_utilities(bargains, pos, sal, a)
    new = pos.copy()
    for k, queue in enumerate(queues):
        if len(queue) == 1:
            continue
        m = queue[int(np.argmax(scalar_pce(u[:, queue], cap)))]
        if m == 0:
            continue
        b = bargains[m - 1]
        new[k] = b.pos_init if b.init == k else b.pos_rcvr
    return new


def _pair_norms(pos: FloatArray) -> FloatArray:
    """‖x_i - x_j‖₂ for every pair, summed in index order (`KBase::norm`)."""
    d = pos[:, None, :] - pos[None, :, :]
    out: FloatArray = np.sqrt(_seq_sum(d * d))
    return out


def unique_positions(
    pos: FloatArray, tol: float = POSITION_TOLERANCE
) -> tuple[list[int], list[int]]:
    """Greedy first-appearance grouping of positions closer than `tol` (KTAB's `ueIndices` with
    `SMPState::equivNdx`): the representatives' indices, and each actor's group number."""
    near = _pair_norms(pos) < tol
    uniq: list[int] = []
    group: list[int] = []
    for i in range(pos.shape[0]):
        for g, u in enumerate(uniq):
            if near[i, u]:
                group.append(g)
                break
        else:
            uniq.append(i)
            group.append(len(uniq) - 1)
    return uniq, group


def _distribution(
    pos: FloatArray, cap: FloatArray, a: _Assessment
) -> tuple[list[int], list[int], FloatArray, FloatArray]:
    """`SMPState::pDist(-1)`: each actor votes (weight = capability) with its own utilities over
    the unique positions. Returns representatives, groups, their probabilities, and per actor the
    probability shown by KTAB (`State::posProb`: the *last* unique position within tolerance)."""
    na = pos.shape[0]
    idx = np.arange(na)
    uniq, group = unique_positions(pos)
    own = a.util[idx, idx, :]
    probs = scalar_pce(own[:, uniq], cap)
    near = _pair_norms(pos)[:, uniq] < POSITION_TOLERANCE
    last = near.shape[1] - 1 - np.argmax(near[:, ::-1], axis=1)
    per_actor: FloatArray = probs[last]
    return uniq, group, probs, per_actor


def _to_scale(x: FloatArray) -> FloatArray:
    """[0, 1] to KTAB's 0-100 scale, without the binary noise of x * 100 (e.g. 29.520000000000003:
    bargains are multiples of 0.0001 on [0, 1])."""
    out: FloatArray = np.round(x * SCALE, 10)
    return out


def state_distance(p0: FloatArray, p1: FloatArray) -> float:
    """Σ_actors ‖p1_i - p0_i‖₂ on [0, 1] (`SMPModel::stateDist`)."""
    d = p1 - p0
    return float(_seq_sum(np.sqrt(_seq_sum(d * d))))


def run_smp(stakeholders: StakeholderSet, settings: SMPSettings | None = None) -> ForecastResult:
    """Run KTAB's SMP on `stakeholders` until the stopping rule holds; see the module docstring."""
    settings = settings or SMPSettings()
    pos = np.array(stakeholders.unit_positions(), dtype=np.float64)
    sal = np.array([a.salience for a in stakeholders.actors], dtype=np.float64)
    cap = np.array([a.capability for a in stakeholders.actors], dtype=np.float64)
    tot_sal = _seq_sum(sal)

    history = [pos]
    assessment = _assess(pos, sal, cap)
    win_probs = [_distribution(pos, cap, assessment)[3]]
    risks = [assessment.risk]
    d01 = 0.0
    turn = 0
    while True:
        turn += 1
        pos = _turn(pos, sal, cap, tot_sal, assessment)
        history.append(pos)
        assessment = _assess(pos, sal, cap)
        win_probs.append(_distribution(pos, cap, assessment)[3])
        risks.append(assessment.risk)
        if turn == 1:
            d01 = state_distance(history[0], history[1]) + settings.min_sig_delta
        ratio = state_distance(history[-2], history[-1]) / d01
        converged = turn >= settings.min_turns and ratio < settings.min_delta_ratio
        if converged or turn >= settings.max_turns:
            break

    uniq, group, probs, _ = _distribution(pos, cap, assessment)
    names = stakeholders.names
    distribution = tuple(
        WinningPosition(
            position=tuple(float(v) for v in _to_scale(pos[u])),
            probability=float(probs[g]),
            holders=tuple(names[i] for i in range(len(names)) if group[i] == g),
        )
        for g, u in enumerate(uniq)
    )
    expected = _seq_sum(probs[:, None] * pos[uniq], axis=0) * SCALE
    return ForecastResult(
        model="smp",
        stakeholders=stakeholders,
        positions=frozen_array(_to_scale(np.array(history))),
        distribution=distribution,
        forecast=tuple(float(x) for x in expected),
        converged=converged,
        win_probabilities=frozen_array(win_probs),
        parameters=MappingProxyType(
            {
                "VictoryProbModel": "Linear",
                "VotingRule": "Prop",
                "PCEModel": "Conditional",
                "StateTransitions": "Deterministic",
                "BigRRange": "Mid",
                "BigRAdjust": "OneThird",
                "ThirdPartyCommit": "SemiCommit",
                "InterVecBrgn": "S2P2",
                "BargnModel": "InitOnlyInterp",
                "max_turns": settings.max_turns,
                "min_delta_ratio": settings.min_delta_ratio,
                "risk_attitudes_final": tuple(float(r) for r in risks[-1]),
            }
        ),
        notes=(
            "forecast = expected position Σ p_u x_u over the final unique positions",
            "positions on KTAB's 0-100 scale",
            *(
                ()
                if converged
                else (f"not settled: stopped after {settings.max_turns} turns (ratio {ratio:.3g})",)
            ),
        ),
    )
