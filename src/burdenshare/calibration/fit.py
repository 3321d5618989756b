"""Fit strategy parameters to observed positions by least squares on the log money scale.

For candidate parameters the reference engine runs the talks (`engine.protocol.negotiate`,
fixed seed); each observation (party P, date d) is compared with P's simulated offer in force on
d (its last offer on or before d) on the scenario's money issue. The residual is

    r = ln(simulated) − ln(observed),

the log of a ratio: scale-free, so the same relative miss counts alike whether the figure is
the US ask of KRW 5.9 tn or Seoul's KRW 1.14 tn (on amounts, the US residuals would swamp
Seoul's); it equals the difference of logs of multiples of the status quo. The fit minimises
Σ r² over all observations (both parties at once, since each side's offers depend on the other's).

Search (`scipy.optimize`): coordinate descent over parties; for one party, every integer
parameter (`hold`) on its grid × a coarse grid of the continuous ones (e on a log scale, k,
optionally the reservation value), then a bounded local refinement (`minimize_scalar` in one
dimension, Powell in several) from the best point. The objective is piecewise constant (offers
snap to the outcome grid), so ties are broken towards the scenario's own values. Every
evaluation is cached; the count is bounded by `max_evals`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from burdenshare.calibration.observations import Observation, observed_value
from burdenshare.model import Calendar, Scenario
from burdenshare.model.money_scale import money_issue
from burdenshare.strategies import Strategy, build

E_BOUNDS = (0.05, 20.0)
"""Range searched for the concession exponent e (Boulware 0.2 to Conceder 2 well inside)."""

WRAPPERS = frozenset({"ratification-aware"})
"""Strategies whose `inner` strategy's parameters are the ones fitted."""

FITTED: Mapping[str, tuple[str, ...]] = {
    "anchoring": ("hold", "e"),
    "time-dependent": ("e", "k"),
    "boulware": ("e", "k"),
    "linear": ("e", "k"),
    "conceder": ("e", "k"),
}
"""Parameters fitted per (inner) strategy; other strategies are left as they are."""


@dataclass(frozen=True)
class Residual:
    """One observation against the fitted simulation: values in the money issue's units."""

    observation: Observation
    observed: float
    simulated: float | None
    log_residual: float | None

    @property
    def difference(self) -> float | None:
        """Simulated − observed, in the money issue's units."""
        return None if self.simulated is None else self.simulated - self.observed


@dataclass(frozen=True)
class PartyFit:
    """One party's strategy parameters before and after the fit (`note` says why not fitted)."""

    party: str
    strategy: str
    before: tuple[tuple[str, float], ...]
    after: tuple[tuple[str, float], ...]
    observations: int
    note: str = ""


@dataclass(frozen=True)
class Fit:
    """The result of a calibration: parameters, residuals and RMSE before and after."""

    parties: tuple[PartyFit, ...]
    before: tuple[Residual, ...]
    after: tuple[Residual, ...]
    evaluations: int
    unit: str

    @staticmethod
    def rmse(residuals: Sequence[Residual]) -> float:
        """Root mean square of the log residuals (NaN when none could be computed)."""
        values = [r.log_residual for r in residuals if r.log_residual is not None]
        return math.sqrt(sum(v * v for v in values) / len(values)) if values else math.nan

    @staticmethod
    def rmse_units(residuals: Sequence[Residual]) -> float:
        """Root mean square of simulated − observed, in the money issue's units."""
        values = [r.difference for r in residuals if r.difference is not None]
        return math.sqrt(sum(v * v for v in values) / len(values)) if values else math.nan

    def overrides(self) -> tuple[str, ...]:
        """`--set` assignments that write the fitted parameters into the scenario."""
        out = []
        for p in self.parties:
            before = dict(p.before)
            for key, value in p.after:
                if before.get(key) == value:
                    continue
                if key == "reservation_value":
                    out.append(f"parties.{p.party}.reservation_value={value!r}")
                else:
                    out.append(f"parties.{p.party}.strategy.params.{key}={_literal(key, value)}")
        return tuple(out)


def _literal(key: str, value: float) -> str:
    return str(int(value)) if key == "hold" else repr(value)


@dataclass(frozen=True)
class _Dim:
    """One fitted parameter: integer grid, or a continuous range (searched in log if `log`)."""

    name: str
    low: float
    high: float
    integer: bool = False
    log: bool = False

    def encode(self, value: float) -> float:
        return math.log(value) if self.log else value

    def decode(self, x: float) -> float:
        value = math.exp(x) if self.log else x
        return _round(min(max(value, self.low), self.high))

    def grid(self, count: int) -> list[float]:
        lo, hi = self.encode(self.low), self.encode(self.high)
        return [float(x) for x in np.linspace(lo, hi, count)]


def _round(value: float) -> float:
    """Three significant digits: a fitted exponent is not known any better."""
    return float(f"{value:.3g}")


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def inner_spec(scenario: Scenario, party: str) -> tuple[str, dict[str, Any], bool]:
    """(strategy whose parameters are fitted, its parameters, wrapped?) for `party`."""
    spec = scenario.party(party).strategy
    params = spec.as_dict()
    if spec.name in WRAPPERS:
        inner = str(params.pop("inner", "time-dependent"))
        return inner, params, True
    return spec.name, params, False


def _build(scenario: Scenario, party: str, values: Mapping[str, float]) -> Strategy:
    spec = scenario.party(party).strategy
    params: dict[str, Any] = dict(spec.as_dict())
    for key, value in values.items():
        if key != "reservation_value":
            params[key] = int(value) if key == "hold" else value
    return build(spec.name, params, f"parties.{party}.strategy")


def _defaults(name: str) -> dict[str, float]:
    from burdenshare.strategies.registry import parameters

    return {k: float(v) for k, v in parameters(name).items() if isinstance(v, int | float)}


class _Problem:
    """Simulation and objective for one scenario and one set of observations (with a cache)."""

    def __init__(
        self,
        scenario: Scenario,
        observations: Sequence[Observation],
        on_simulation: Callable[[int], None] | None = None,
    ) -> None:
        self.scenario = scenario
        self.on_simulation = on_simulation
        self.issue = money_issue(scenario).name
        self.observations = tuple(observations)
        self.values = tuple(observed_value(scenario, o) for o in self.observations)
        last = max(o.date for o in self.observations)
        meetings = scenario.calendar.meetings
        kept = tuple(m for m in meetings if m.date <= last) or meetings[:1]
        # Offers after the last observation cannot change the fit; dropping those meetings
        # leaves every earlier offer as it was (the calendar's end and the parties' deadlines,
        # which set the time scale, are kept) and saves time.
        cal = scenario.calendar
        self.truncated = dataclasses.replace(
            scenario, calendar=Calendar(kept, cal.deadline, cal.end)
        )
        self.meetings = len(kept)
        self.cache: dict[tuple[tuple[str, tuple[tuple[str, float], ...]], ...], list[Residual]] = {}

    def residuals(self, settings: Mapping[str, Mapping[str, float]]) -> list[Residual]:
        """Residuals when each party plays with `settings[party]` (strategy params, and
        optionally `reservation_value`)."""
        key = tuple(sorted((p, tuple(sorted(v.items()))) for p, v in settings.items()))
        if key in self.cache:
            return self.cache[key]
        offers = simulated_offers(self.truncated, settings)
        out = []
        for obs, observed in zip(self.observations, self.values, strict=True):
            made = [v for d, v in offers.get(obs.party, []) if d <= obs.date]
            simulated = made[-1] if made else None
            log_r = (
                math.log(simulated) - math.log(observed)
                if simulated is not None and simulated > 0 and observed > 0
                else None
            )
            out.append(Residual(obs, observed, simulated, log_r))
        self.cache[key] = out
        if self.on_simulation is not None:
            self.on_simulation(len(self.cache))
        return out

    def sse(self, settings: Mapping[str, Mapping[str, float]]) -> float:
        return sum(
            r.log_residual**2 for r in self.residuals(settings) if r.log_residual is not None
        )


def simulated_offers(
    scenario: Scenario, settings: Mapping[str, Mapping[str, float]]
) -> dict[str, list[tuple[dt.date, float]]]:
    """Each party's offers on the money issue, by date, when parties play with `settings`
    (strategy parameters and optionally `reservation_value`, per party; seed 0)."""
    from burdenshare.engine.protocol import negotiate

    issue = money_issue(scenario).name
    parties = tuple(
        dataclasses.replace(p, reservation_value=settings[p.name]["reservation_value"])
        if "reservation_value" in settings.get(p.name, {})
        else p
        for p in scenario.parties
    )
    scenario = dataclasses.replace(scenario, parties=parties)
    strategies = {p: _build(scenario, p, v) for p, v in settings.items()}
    result = negotiate(scenario, strategies, seed=0)
    offers: dict[str, list[tuple[dt.date, float]]] = {}
    for event in result.trace:
        if event.kind == "offer" and event.party and event.offer is not None:
            value = event.offer[issue]
            assert isinstance(value, int | float)
            offers.setdefault(event.party, []).append((event.date, float(value)))
    return offers


def _dims(scenario: Scenario, party: str, meetings: int, reservation: bool) -> list[_Dim]:
    inner, _, _ = inner_spec(scenario, party)
    dims = []
    for name in FITTED.get(inner, ()):
        if name == "hold":
            dims.append(_Dim("hold", 0, meetings, integer=True))
        elif name == "e":
            dims.append(_Dim("e", *E_BOUNDS, log=True))
        elif name == "k":
            dims.append(_Dim("k", 0.0, 0.9))
    if reservation and dims:
        dims.append(_Dim("reservation_value", 0.0, 1.0))
    return dims


def _start(scenario: Scenario, party: str, reservation: bool) -> dict[str, float]:
    inner, params, _ = inner_spec(scenario, party)
    values = {k: v for k, v in _defaults(inner).items() if k in FITTED.get(inner, ())}
    values.update(
        {k: float(v) for k, v in params.items() if k in values and isinstance(v, int | float)}
    )
    if reservation:
        values["reservation_value"] = scenario.party(party).reservation_value
    return values


def calibrate(
    scenario: Scenario,
    observations: Sequence[Observation],
    parties: Sequence[str] | None = None,
    *,
    fit_reservation: bool = False,
    max_evals: int = 400,
    sweeps: int = 2,
    on_simulation: Callable[[int], None] | None = None,
) -> Fit:
    """Fit the strategy parameters of `parties` (default: every party with observations) to
    `observations`; at most `max_evals` simulations in all (cached repeats are free).

    `on_simulation(count)` is called after each new simulation (for a progress display)."""
    from scipy.optimize import minimize, minimize_scalar  # type: ignore[import-untyped]

    problem = _Problem(scenario, observations, on_simulation)
    observed_parties = {o.party for o in observations}
    chosen = list(parties) if parties else [p.name for p in scenario.parties]
    settings = {p.name: _start(scenario, p.name, fit_reservation) for p in scenario.parties}
    initial = {p: dict(v) for p, v in settings.items()}
    before = problem.residuals(settings)
    notes: dict[str, str] = {}
    fitted = []
    for party in chosen:
        dims = _dims(scenario, party, problem.meetings, fit_reservation)
        if not dims:
            notes[party] = f"strategy {inner_spec(scenario, party)[0]!r} has no fitted parameters"
        elif party not in observed_parties:
            notes[party] = "no observations of this party"
        else:
            fitted.append((party, dims))
    budget = max(max_evals, 1)
    prior = {p: dict(v) for p, v in settings.items()}

    def cost(party: str, values: Mapping[str, float]) -> tuple[float, float]:
        trial = {**settings, party: {**settings[party], **values}}
        sse = round(problem.sse(trial), 10)
        start = prior[party]
        distance = sum(
            abs(d.encode(max(values[d.name], 1e-9)) - d.encode(max(start[d.name], 1e-9)))
            for d in dims_of[party]
        )
        return sse, distance

    dims_of = dict(fitted)
    for sweep in range(max(sweeps, 1)):
        for party, dims in fitted:
            if len(problem.cache) >= budget:
                break
            ints = [d for d in dims if d.integer]
            conts = [d for d in dims if not d.integer]
            current = settings[party]
            best = (cost(party, current), dict(current))
            per_dim = 9 if len(conts) == 1 else 4
            grids = [d.grid(per_dim) for d in conts]
            int_values: list[list[float]] = []
            for d in ints:
                centre = int(current[d.name])
                span = range(int(d.low), int(d.high) + 1)
                if sweep > 0:
                    span = range(max(int(d.low), centre - 1), min(int(d.high), centre + 1) + 1)
                int_values.append([float(v) for v in span])
            int_combos = [
                dict(zip([d.name for d in ints], c, strict=True)) for c in _product(int_values)
            ]
            for combo in int_combos:
                for point in _product(grids):
                    if len(problem.cache) >= budget:
                        break
                    values = {**current, **combo}
                    values.update({d.name: d.decode(x) for d, x in zip(conts, point, strict=True)})
                    c = cost(party, values)
                    if c < best[0]:
                        best = (c, values)
            values = dict(best[1])
            if conts and len(problem.cache) < budget:
                x0 = [d.encode(max(values[d.name], 1e-9)) for d in conts]

                def objective(
                    x: Any,
                    base: dict[str, float] = values,
                    who: str = party,
                    free: list[_Dim] = conts,
                ) -> float:
                    xs = np.atleast_1d(x)
                    trial = {**base}
                    trial.update(
                        {d.name: d.decode(float(v)) for d, v in zip(free, xs, strict=True)}
                    )
                    sse, distance = cost(who, trial)
                    return sse + 1e-9 * distance

                left = max(len(problem.cache), budget) - len(problem.cache)
                if len(conts) == 1:
                    d = conts[0]
                    step = (d.encode(d.high) - d.encode(d.low)) / (per_dim - 1)
                    lo = max(d.encode(d.low), x0[0] - step)
                    hi = min(d.encode(d.high), x0[0] + step)
                    res = minimize_scalar(
                        objective,
                        bounds=(lo, hi),
                        method="bounded",
                        options={"maxiter": min(12, max(left, 1)), "xatol": 0.02},
                    )
                    xs = [float(res.x)]
                else:
                    bounds = [(d.encode(d.low), d.encode(d.high)) for d in conts]
                    res = minimize(
                        objective,
                        x0,
                        method="Powell",
                        bounds=bounds,
                        options={"maxfev": min(40, max(left, 1)), "xtol": 0.02},
                    )
                    xs = [float(v) for v in np.atleast_1d(res.x)]
                trial = {**values}
                trial.update({d.name: d.decode(v) for d, v in zip(conts, xs, strict=True)})
                if cost(party, trial) < cost(party, values):
                    values = trial
            settings[party] = values
    after = problem.residuals(settings)
    results = []
    for party in chosen:
        inner, _, _ = inner_spec(scenario, party)
        results.append(
            PartyFit(
                party,
                inner,
                tuple(sorted(initial[party].items())),
                tuple(sorted(settings[party].items())),
                sum(1 for o in observations if o.party == party),
                notes.get(party, ""),
            )
        )
    issue = money_issue(scenario)
    return Fit(
        tuple(results),
        tuple(before),
        tuple(after),
        len(problem.cache),
        f"{issue.currency} {issue.unit}".strip(),
    )


def _product(lists: Sequence[Sequence[float]]) -> list[tuple[float, ...]]:
    from itertools import product

    return list(product(*lists)) if lists else [()]
