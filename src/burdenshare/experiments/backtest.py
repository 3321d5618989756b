"""Backtest: a scenario's Monte Carlo forecast from its information date, against what happened.

The forecast runs on `projected_view(scenario)`: the meetings held by the information date plus
the scenario's stated projection of the meetings to come (never the real later ones), earlier
events and threats, and the ratifiers in office then. Uncertain inputs that name an element the
view dropped (a later ratifier) are dropped too and listed. Per issue with a known outcome:
the median and the 80 % interval (10th-90th percentile, linear interpolation) of the agreed value
over the runs that agree; the error median − actual, relative error (median − actual) / actual,
and whether the actual value lies in the interval. Lapse: predicted P(no agreement by the
deadline) against 1/0, with the Brier score (p − actual)².
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from burdenshare.experiments.montecarlo import STATUS_BEFORE, MonteCarloPlan, run_range
from burdenshare.experiments.uncertainty import Uncertain
from burdenshare.history.outcomes import ActualOutcome
from burdenshare.model import ExchangeRate, MoneyIssue, Scenario, paths
from burdenshare.model.forecast_view import projected_view
from burdenshare.model.issues import UNIT_SCALES, is_money

LOW_Q, HIGH_Q = 0.1, 0.9
"""The 80 % interval: the 10th and 90th percentiles of the agreed values."""


@dataclass(frozen=True)
class IssueForecast:
    """Predicted median and 80 % interval of one issue's agreed value, and the actual value."""

    issue: str
    unit: str
    median: float | None
    low: float | None
    high: float | None
    actual: float
    note: str
    sources: tuple[str, ...]
    # the same in the exchange rate's other currency (money issues with a rate)
    other_unit: str = ""
    other: tuple[float | None, float | None, float | None, float] | None = None

    @property
    def error(self) -> float | None:
        """median − actual."""
        return None if self.median is None else self.median - self.actual

    @property
    def relative_error(self) -> float | None:
        """(median − actual) / actual."""
        e = self.error
        return None if e is None or self.actual == 0 else e / self.actual

    @property
    def inside(self) -> bool | None:
        """Whether the actual value lies in the 80 % interval."""
        if self.low is None or self.high is None:
            return None
        return self.low <= self.actual <= self.high


@dataclass(frozen=True)
class Backtest:
    """One scenario's forecast from its information date and what happened."""

    scenario: str
    information_date: dt.date
    runs: int
    seed: int
    meetings_held: int
    meetings_projected: int
    dropped_inputs: tuple[str, ...]
    p_agreement: float
    p_lapse: float
    median_agreement: dt.date | None
    deadline: dt.date
    actual: ActualOutcome
    issues: tuple[IssueForecast, ...]

    @property
    def actual_lapse(self) -> bool:
        """Whether the real talks went past the deadline without agreement."""
        return self.actual.agreed > self.deadline

    def to_json(self) -> dict[str, Any]:
        """JSON-ready: `scenario`, `predicted`, `actual`, `errors` and how the forecast was made."""
        lapse = 1.0 if self.actual_lapse else 0.0
        days = (
            None
            if self.median_agreement is None
            else (self.median_agreement - self.actual.agreed).days
        )
        return {
            "scenario": self.scenario,
            "information_date": self.information_date.isoformat(),
            "runs": self.runs,
            "seed": self.seed,
            "forecast_view": {
                "meetings_held": self.meetings_held,
                "meetings_projected": self.meetings_projected,
                "uncertain_inputs_dropped": list(self.dropped_inputs),
            },
            "predicted": {
                "p_agreement": self.p_agreement,
                "p_lapse": self.p_lapse,
                "median_agreement_date": _iso(self.median_agreement),
                "terms": {f.issue: _predicted(f) for f in self.issues},
            },
            "actual": {
                "agreed": self.actual.agreed.isoformat(),
                "agreed_sources": list(self.actual.agreed_sources),
                "lapse": self.actual_lapse,
                "deadline": self.deadline.isoformat(),
                "note": self.actual.note,
                "terms": {f.issue: _actual(f) for f in self.issues},
            },
            "errors": {
                "terms": {f.issue: _errors(f) for f in self.issues},
                "lapse": {"error": self.p_lapse - lapse, "brier": (self.p_lapse - lapse) ** 2},
                "agreement_date_days": days,
            },
        }


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _predicted(f: IssueForecast) -> dict[str, Any]:
    out: dict[str, Any] = {"unit": f.unit, "median": _r(f.median), "p10": _r(f.low)}
    out["p90"] = _r(f.high)
    if f.other is not None:
        m, lo, hi, _ = f.other
        out[f.other_unit.split()[0]] = {
            "unit": f.other_unit,
            "median": _r(m),
            "p10": _r(lo),
            "p90": _r(hi),
        }
    return out


def _actual(f: IssueForecast) -> dict[str, Any]:
    out: dict[str, Any] = {"unit": f.unit, "value": f.actual, "note": f.note}
    out["sources"] = list(f.sources)
    if f.other is not None:
        out[f.other_unit.split()[0]] = {"unit": f.other_unit, "value": _r(f.other[3])}
    return out


def _errors(f: IssueForecast) -> dict[str, Any]:
    return {"error": _r(f.error), "relative_error": _r(f.relative_error), "inside_80": f.inside}


def applicable(view: Scenario, uncertain: tuple[Uncertain, ...]) -> tuple[Uncertain, ...]:
    """The inputs whose field exists in `view` (a ratifier the view dropped takes its own)."""
    kept = []
    for u in uncertain:
        try:
            paths.resolve(view, u.path)
        except paths.PathError:
            continue
        kept.append(u)
    return tuple(kept)


def _quantiles(values: np.ndarray) -> tuple[float | None, float | None, float | None]:
    if values.size == 0:
        return None, None, None
    lo, med, hi = np.quantile(values, (LOW_Q, 0.5, HIGH_Q))
    return float(med), float(lo), float(hi)


def _converted(
    rate: ExchangeRate,
    issue: MoneyIssue,
    currency: str,
    predicted: tuple[float | None, float | None, float | None],
    actual: float,
) -> tuple[float | None, float | None, float | None, float]:
    """Median, interval ends and actual value in `currency` (amounts in the issue's unit)."""
    scale = UNIT_SCALES[issue.unit]

    def convert(x: float) -> float:
        return rate.convert(x * scale, issue.currency, currency) / scale

    m, lo, hi = (None if x is None else convert(x) for x in predicted)
    return m, lo, hi, convert(actual)


def backtest(
    scenario: Scenario,
    uncertain: tuple[Uncertain, ...],
    actual: ActualOutcome,
    runs: int,
    seed: int,
) -> Backtest:
    """Forecast `scenario` from its information date with `runs` Monte Carlo runs (serially,
    seeded as `burdenshare montecarlo`) and compare with `actual`."""
    view = projected_view(scenario)
    assert view.information_date is not None
    kept = applicable(view, uncertain)
    plan = MonteCarloPlan(view, kept, runs, seed)
    columns = run_range(plan, 0, runs)
    agreed = columns.index >= 0
    space = view.space
    positions = np.unravel_index(columns.index[agreed], space.shape)
    forecasts = []
    for p, issue in enumerate(space.issues):
        term = actual.term(issue.name)
        if term is None or not issue.numeric:
            continue
        values = np.asarray(space.grids[p], dtype=float)[positions[p]]
        median, low, high = _quantiles(values)
        other_unit, other = "", None
        rate = view.exchange_rate
        if is_money(issue) and rate is not None:
            currency = rate.other(issue.currency)
            if currency is not None:
                other_unit = f"{currency} {issue.unit}".strip()
                other = _converted(rate, issue, currency, (median, low, high), term.value)
        forecasts.append(
            IssueForecast(
                issue.name,
                issue.unit_label(),
                median,
                low,
                high,
                term.value,
                term.note,
                term.sources,
                other_unit,
                other,
            )
        )
    n = len(columns)
    start = view.calendar.start
    days = np.sort(columns.days[agreed])
    median_day = (
        start + dt.timedelta(days=int(np.quantile(days, 0.5, method="lower")))
        if days.size
        else None
    )
    meetings = view.calendar.meetings
    return Backtest(
        scenario=scenario.name,
        information_date=view.information_date,
        runs=n,
        seed=seed,
        meetings_held=sum(not m.projected for m in meetings),
        meetings_projected=sum(m.projected for m in meetings),
        dropped_inputs=tuple(u.path for u in uncertain if u not in kept),
        p_agreement=float(np.count_nonzero(agreed)) / n,
        p_lapse=1.0 - float(np.count_nonzero(columns.status == STATUS_BEFORE)) / n,
        median_agreement=median_day,
        deadline=actual.deadline or view.calendar.deadline,  # a real stop-gap's, if one
        actual=actual,
        issues=tuple(forecasts),
    )
