"""Bueno de Mesquita's expected-utility model, following Scholz, Calbert & Smith (2011),
"Unravelling Bueno de Mesquita's group decision model" (ICAART 2011,
https://scitepress.org/PublishedPapers/2011/31215), who reconstruct it from BDM (1985, 1994,
1997) because BDM never published his code.

One issue at a time (a dimension of the stakeholder set; dimensions are run side by side and
independently, each with the actors' saliences on it). Positions x_i (KTAB's 0-100 scale),
capabilities c_i, saliences s_i in [0, 1]; dx is the range of the initial positions.

Per round:

1. The median voter position μ (the weighted median with weights c_i s_i).
2. U_i(j) = 1 - 2 |x_i - x_j| / dx, votes v_k(i:j) = c_k s_k (U_k(i) - U_k(j)), and i's
   probability of prevailing over j, P_ij = Σ_{k: v_k > 0} v_k(i:j) / Σ_k |v_k(i:j)|.
3. With risk exponents r_i, d = |x_i - x_j| / dx and m = |x_i - μ| / dx:
   U_s = 2 - 4 (½ - ½ d)^r,  U_f = 2 - 4 (½ + ½ d)^r,  U_b = 2 - 4 (½ - ¼ (m + d))^r,
   U_w = 2 - 4 (½ + ¼ (m + d))^r,  U_sq = 2 - 4 (½)^r, and the expected utility to i of
   challenging j
   EU_ij = s_j (P_ij U_s + (1 - P_ij) U_f) + (1 - s_j) U_s
           - (Q U_sq + (1 - Q)(T U_b + (1 - T) U_w)).
4. Risk: with every r = 1, S_i = Σ_{j≠i} EU_ji (what the others expect from challenging i),
   R_i = (2 S_i - max S - min S) / (max S - min S) and r_i = (1 - R_i/3) / (1 + R_i/3), in
   [½, 2]; EU is then recomputed with these r_i.
5. i challenges j when EU_ij > 0. Facing the challenge, j compares its own EU_ji:
   both positive and EU_ij > EU_ji — conflict that j loses: j moves to x_i;
   EU_ji < 0 and |EU_ji| < EU_ij — compromise: j moves |EU_ji / EU_ij| of the way to x_i;
   EU_ji < 0 and |EU_ji| >= EU_ij — capitulation: j moves to x_i.
   (If j expects to win the conflict, the challenge does not move j.) Of the challenges that
   move it, j takes the one needing the least movement (BDM: actors accept the proposal closest
   to their current position), ties to the larger challenger EU, then the lower index.
6. Each dimension stops when no position moves by more than `tolerance` (0-100 scale), when
   its positions repeat an earlier round's exactly (a cycle: it would never settle), or after
   `max_rounds`; only the first counts as converged.

Every sum is `math.fsum` and every power `arithmetic.power`, so a run gives the same bits on every
machine; EU is written so that it is exactly 0 between equal positions (at ±1 ulp an actor
would or would not "challenge" its twin: a 1-ulp change moved sma-2019's BDM amount from KRW 2.94
tn to 3.86 tn, the two values that different machines printed).

The forecast is the median voter position of the final positions (BDM's prediction). Choices the
papers leave open and this module fixes (stated so that they can be argued with): Q = T = 1 by
default (i expects the status quo to persist if it does not challenge), each actor judges with
its own expected utilities (no perception layer), risk re-estimated every round from r = 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from burdenshare.stakeholders.actors import StakeholderSet
from burdenshare.stakeholders.arithmetic import fsum_last, power
from burdenshare.stakeholders.baselines import weighted_median
from burdenshare.stakeholders.result import (
    FloatArray,
    ForecastResult,
    WinningPosition,
    frozen_array,
)


@dataclass(frozen=True)
class BDMSettings:
    """Q, T and the run length (see the module docstring)."""

    q: float = 1.0
    t: float = 1.0
    max_rounds: int = 100
    tolerance: float = 0.01


def win_probabilities(x: FloatArray, w: FloatArray, dx: float) -> FloatArray:
    """P[i, j]: i's probability of prevailing over j, Σ positive votes / Σ |votes| (½ if no
    actor has a preference, e.g. x_i = x_j)."""
    u = 1.0 - 2.0 * np.abs(x[:, None] - x[None, :]) / dx  # u[k, m] = U_k(m)
    v = w[None, None, :] * (u.T[:, None, :] - u.T[None, :, :])  # v[i, j, k] = v_k(i:j)
    num = fsum_last(np.maximum(v, 0.0))
    den = fsum_last(np.abs(v))
    out: FloatArray = np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.5)
    return out


def expected_utilities(
    x: FloatArray,
    s: FloatArray,
    p: FloatArray,
    r: FloatArray,
    mu: float,
    dx: float,
    q: float = 1.0,
    t: float = 1.0,
) -> FloatArray:
    """EU[i, j], the expected utility to i of challenging j (step 3); zero on the diagonal."""
    d = np.abs(x[:, None] - x[None, :]) / dx
    m = (np.abs(x - mu) / dx)[:, None]
    rr = r[:, None]
    u_s = 2.0 - 4.0 * power(0.5 - 0.5 * d, rr)
    u_f = 2.0 - 4.0 * power(0.5 + 0.5 * d, rr)
    u_b = 2.0 - 4.0 * power(np.maximum(0.5 - 0.25 * (m + d), 0.0), rr)
    u_w = 2.0 - 4.0 * power(0.5 + 0.25 * (m + d), rr)
    u_sq = 2.0 - 4.0 * power(0.5, rr)
    sj = s[None, :]
    # s_j (P U_s + (1 - P) U_f) + (1 - s_j) U_s, written so that it is exactly U_s when
    # x_i = x_j (U_f = U_s): a challenge between equal positions is worth exactly 0, not ±1 ulp
    eu = u_s + sj * (1.0 - p) * (u_f - u_s)
    eu = eu - (q * u_sq + (1.0 - q) * (t * u_b + (1.0 - t) * u_w))
    np.fill_diagonal(eu, 0.0)
    out: FloatArray = eu
    return out


def risk_exponents(eu: FloatArray) -> FloatArray:
    """r_i = (1 - R_i/3) / (1 + R_i/3), R_i from S_i = Σ_{j≠i} EU_ji (step 4); 1 if all S equal."""
    off_diagonal = np.where(np.eye(eu.shape[0], dtype=bool), 0.0, eu)
    security = fsum_last(off_diagonal.T)
    hi, lo = float(security.max()), float(security.min())
    if hi - lo <= 0.0:
        return np.ones_like(security)
    big_r = (2.0 * security - hi - lo) / (hi - lo)
    out: FloatArray = (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0)
    return out


def responses(x: FloatArray, eu: FloatArray) -> FloatArray:
    """Each actor's position after the round's challenges (step 5)."""
    n = x.shape[0]
    new = x.copy()
    for j in range(n):
        best: tuple[float, float, int] | None = None  # (movement, -challenger EU, challenger)
        target = x[j]
        for i in range(n):
            e_ij, e_ji = eu[i, j], eu[j, i]
            if i == j or e_ij <= 0.0:
                continue
            if e_ji > 0.0:
                if e_ij <= e_ji:
                    continue  # j expects to win the conflict
                goal = x[i]
            elif -e_ji < e_ij:
                goal = x[j] + (x[i] - x[j]) * abs(e_ji / e_ij)
            else:
                goal = x[i]
            key = (abs(goal - x[j]), -e_ij, i)
            if best is None or key < best:
                best, target = key, goal
        new[j] = target
    return new


def _median_voter(x: FloatArray, w: FloatArray) -> float:
    return weighted_median([float(v) for v in x], [float(v) for v in w])


def bdm_round(
    x: FloatArray, c: FloatArray, s: FloatArray, dx: float, settings: BDMSettings
) -> FloatArray:
    """One round of steps 1-5 on one dimension."""
    w = c * s
    mu = _median_voter(x, w)
    p = win_probabilities(x, w, dx)
    eu1 = expected_utilities(x, s, p, np.ones_like(x), mu, dx, settings.q, settings.t)
    r = risk_exponents(eu1)
    eu = expected_utilities(x, s, p, r, mu, dx, settings.q, settings.t)
    return responses(x, eu)


@dataclass(frozen=True)
class DimensionRun:
    """One dimension's rounds: positions after each (row 0 the input) and how they ended:
    settled (no move above the tolerance), a cycle (a state seen `period` rounds before, so
    it repeats for ever), or the round limit."""

    trajectory: tuple[FloatArray, ...]
    settled: bool
    period: int = 0

    @property
    def rounds(self) -> int:
        """Rounds played (the trajectory has one more row)."""
        return len(self.trajectory) - 1


def run_dimension(
    x: FloatArray, c: FloatArray, s: FloatArray, settings: BDMSettings
) -> DimensionRun:
    """Rounds on one dimension until positions settle or repeat exactly, or `max_rounds`."""
    span = float(np.ptp(x))
    if span <= 0.0 or not np.any(s > 0):
        return DimensionRun((x, x), settled=True)  # one round in which nobody moves
    trajectory = [x]
    seen = {x.tobytes(): 0}
    for t in range(1, settings.max_rounds + 1):
        new = bdm_round(x, c, s, span, settings)
        trajectory.append(new)
        if float(np.max(np.abs(new - x))) <= settings.tolerance:
            return DimensionRun(tuple(trajectory), settled=True)
        if (before := seen.setdefault(new.tobytes(), t)) != t:
            return DimensionRun(tuple(trajectory), settled=False, period=t - before)
        x = new
    return DimensionRun(tuple(trajectory), settled=False)


def _ending(name: str, run: DimensionRun, w: FloatArray, settings: BDMSettings) -> str:
    """A note on a dimension that did not settle."""
    if run.period:
        cycle = run.trajectory[-run.period :]
        medians = " -> ".join(f"{_median_voter(x, w):.2f}" for x in cycle)
        return (
            f"{name}: not settled: positions repeat every {run.period} rounds from round "
            f"{run.rounds - run.period} (median voter {medians}); the forecast is round "
            f"{run.rounds}'s"
        )
    moved = float(np.max(np.abs(run.trajectory[-1] - run.trajectory[-2])))
    return (
        f"{name}: not settled: stopped after {settings.max_rounds} rounds with positions still "
        f"moving (up to {moved:.3f} in the last round)"
    )


def run_bdm(stakeholders: StakeholderSet, settings: BDMSettings | None = None) -> ForecastResult:
    """Run the expected-utility model on each dimension until its positions settle or cycle.

    `positions` pads a dimension that stopped early with its last state; `converged` is True
    when every dimension settled."""
    settings = settings or BDMSettings()
    pos = np.array(stakeholders.scaled_positions(), dtype=np.float64)
    c = np.array([a.capability for a in stakeholders.actors], dtype=np.float64)
    sal = np.array([a.salience for a in stakeholders.actors], dtype=np.float64)
    n_dims = pos.shape[1]
    runs = [run_dimension(pos[:, k], c, sal[:, k], settings) for k in range(n_dims)]
    names = stakeholders.dimension_names
    turns = max(run.rounds for run in runs)
    history = np.stack(
        [np.array([run.trajectory[min(t, run.rounds)] for t in range(turns + 1)]) for run in runs],
        axis=-1,
    )
    final = history[-1]
    forecast = tuple(
        _median_voter(final[:, k], c * sal[:, k]) if np.any(sal[:, k] > 0) else float(final[0, k])
        for k in range(n_dims)
    )
    holders = tuple(
        name
        for name, row in zip(stakeholders.names, final, strict=True)
        if np.all(np.abs(row - np.array(forecast)) < 0.1)
    )
    return ForecastResult(
        model="bdm",
        stakeholders=stakeholders,
        positions=frozen_array(history),
        distribution=(WinningPosition(forecast, 1.0, holders),),
        forecast=forecast,
        converged=all(run.settled for run in runs),
        parameters=MappingProxyType(
            {
                "Q": settings.q,
                "T": settings.t,
                "max_rounds": settings.max_rounds,
                "tolerance": settings.tolerance,
            }
        ),
        notes=(
            "forecast = median voter position (capability x salience) of the final positions",
            "each dimension is run as its own issue",
            *(
                _ending(name, run, c * sal[:, k], settings)
                for k, (name, run) in enumerate(zip(names, runs, strict=True))
                if not run.settled
            ),
        ),
    )
