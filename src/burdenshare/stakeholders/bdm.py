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
6. Stop when no position moves by more than `tolerance` (0-100 scale), or after `max_rounds`.

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
    v = w[:, None, None] * (u[:, :, None] - u[:, None, :])  # v[k, i, j] = v_k(i:j)
    num = np.maximum(v, 0.0).sum(axis=0)
    den = np.abs(v).sum(axis=0)
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
    u_s = 2.0 - 4.0 * (0.5 - 0.5 * d) ** rr
    u_f = 2.0 - 4.0 * (0.5 + 0.5 * d) ** rr
    u_b = 2.0 - 4.0 * np.maximum(0.5 - 0.25 * (m + d), 0.0) ** rr
    u_w = 2.0 - 4.0 * (0.5 + 0.25 * (m + d)) ** rr
    u_sq = 2.0 - 4.0 * 0.5**rr
    sj = s[None, :]
    eu = sj * (p * u_s + (1.0 - p) * u_f) + (1.0 - sj) * u_s
    eu = eu - (q * u_sq + (1.0 - q) * (t * u_b + (1.0 - t) * u_w))
    np.fill_diagonal(eu, 0.0)
    out: FloatArray = eu
    return out


def risk_exponents(eu: FloatArray) -> FloatArray:
    """r_i = (1 - R_i/3) / (1 + R_i/3), R_i from S_i = Σ_{j≠i} EU_ji (step 4); 1 if all S equal."""
    security = eu.sum(axis=0) - np.diag(eu)
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


def run_bdm(stakeholders: StakeholderSet, settings: BDMSettings | None = None) -> ForecastResult:
    """Run the expected-utility model on every dimension until positions stabilise."""
    settings = settings or BDMSettings()
    pos = np.array(stakeholders.scaled_positions(), dtype=np.float64)
    c = np.array([a.capability for a in stakeholders.actors], dtype=np.float64)
    sal = np.array([a.salience for a in stakeholders.actors], dtype=np.float64)
    n_dims = pos.shape[1]
    spans = [float(np.ptp(pos[:, k])) for k in range(n_dims)]
    history = [pos]
    moved = 0.0
    for _ in range(settings.max_rounds):
        new = pos.copy()
        for k in range(n_dims):
            if spans[k] > 0.0 and np.any(sal[:, k] > 0):
                new[:, k] = bdm_round(pos[:, k], c, sal[:, k], spans[k], settings)
        moved = float(np.max(np.abs(new - pos)))
        history.append(new)
        pos = new
        if moved <= settings.tolerance:
            break
    forecast = tuple(
        _median_voter(pos[:, k], c * sal[:, k]) if np.any(sal[:, k] > 0) else float(pos[0, k])
        for k in range(n_dims)
    )
    holders = tuple(
        name
        for name, row in zip(stakeholders.names, pos, strict=True)
        if np.all(np.abs(row - np.array(forecast)) < 0.1)
    )
    return ForecastResult(
        model="bdm",
        stakeholders=stakeholders,
        positions=frozen_array(np.array(history)),
        distribution=(WinningPosition(forecast, 1.0, holders),),
        forecast=forecast,
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
                (
                    f"stopped after {settings.max_rounds} rounds with positions still moving "
                    f"(up to {moved:.3f} in the last round)",
                )
                if moved > settings.tolerance
                else ()
            ),
        ),
    )
