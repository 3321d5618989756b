"""Backtest: every case's forecast from its information date, calibrated out of sample, scored
against what happened beside simple baselines.

The model's forecast runs on `projected_view(scenario)`: the meetings held by the information
date plus the scenario's stated projection of the meetings to come (never the real later ones),
earlier events and threats, and the ratifiers in office then. Uncertain inputs that name an
element the view dropped (a later ratifier) are dropped too and listed. The parties'
reservation values are calibrated on other cases (`backtest_calibration`); the Monte Carlo runs
on the compiled engine where the scenario fits it.

Per case and quantity (each numeric issue with a known outcome — the headline issue is the
"amount" —, the date of agreement, agreement before the deadline, a lapse): the median and the
80 % interval (10th–90th percentile) over the runs that agree, the actual value, the error
median − actual and whether the 80 % interval covers the actual; a probability for the two
events. The baselines (`baseline_forecasts`) are scored the same way.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from burdenshare.experiments.backtest_calibration import (
    Calibrated,
    Pool,
    calibrate,
    concession_share,
    headline,
    openings,
    pool,
    status_quo_value,
)
from burdenshare.experiments.montecarlo import STATUS_BEFORE, MonteCarloPlan, run_range
from burdenshare.experiments.recalibration import (
    blend_weight,
    blended,
    predictive_errors,
    succession_rate,
)
from burdenshare.experiments.scoring import brier, crps_sample, interval80, mean_or_none
from burdenshare.experiments.uncertainty import Uncertain
from burdenshare.history.outcomes import ActualOutcome
from burdenshare.model import Scenario, paths
from burdenshare.model.forecast_view import projected_view
from burdenshare.model.issues import is_money

AGREEMENT, LAPSE, DATE = "agreement_before_deadline", "lapse", "agreement_date"
"""The quantities besides the issues: two events and the date of agreement."""

MODEL = "model"
DRESSED = "model-with-track-record"
"""The model's runs moved by the model's own errors on the pool (as the baselines are)."""
RECALIBRATED = "model-recalibrated"
"""The model's runs moved by the t prediction of its next error, its event probabilities
blended with the base rate, both learned on the pool (`experiments.recalibration`)."""
BASELINES = (
    "status-quo-plus-inflation",
    "previous-escalation-rule",
    "midpoint-of-openings",
    "stakeholder-model",
)
"""The baselines, in the order the table shows them."""
FORECASTERS = (MODEL, RECALIBRATED, DRESSED, *BASELINES)

WITHIN = 0.05
"""A median 'within 5 %': |median − actual| ≤ 5 % of |actual|."""

CHUNK = 250
"""Runs per call of the engine (progress is reported after each)."""


@dataclass(frozen=True)
class Quantity:
    """One forecast quantity of one case: median and 80 % interval (values, or ordinal days for
    the date), or a probability for an event; the actual value (1/0 for an event)."""

    name: str
    unit: str
    median: float | None
    low: float | None
    high: float | None
    actual: float
    probability: float | None = None
    headline: bool = False
    note: str = ""
    sources: tuple[str, ...] = ()
    sample: tuple[float, ...] = field(default=(), compare=False, repr=False)

    @property
    def event(self) -> bool:
        """Whether this is an event forecast with a probability."""
        return self.name in (AGREEMENT, LAPSE)

    @property
    def error(self) -> float | None:
        """median − actual (days for the date; p − outcome for an event)."""
        if self.event:
            return None if self.probability is None else self.probability - self.actual
        return None if self.median is None else self.median - self.actual

    @property
    def relative_error(self) -> float | None:
        """(median − actual) / |actual| for values."""
        e = self.error
        if e is None or self.event or self.name == DATE or self.actual == 0:
            return None
        return e / abs(self.actual)

    @property
    def covered(self) -> bool | None:
        """Whether the 80 % interval covers the actual value (None: no interval)."""
        if self.event or self.low is None or self.high is None:
            return None
        return self.low <= self.actual <= self.high

    @property
    def within_5pct(self) -> bool | None:
        """Whether the median is within 5 % of the actual value."""
        r = self.relative_error
        return None if r is None else abs(r) <= WITHIN + 1e-12

    @property
    def brier(self) -> float | None:
        """(p − outcome)² for an event."""
        if not self.event or self.probability is None:
            return None
        return brier(self.probability, self.actual == 1.0)


@dataclass(frozen=True)
class CaseForecast:
    """One forecaster's forecast of one case; `note` says why a quantity or the whole case is
    not forecast; `crps_amount` is the CRPS of the headline amount as a multiple of the status
    quo (None when the forecaster cannot forecast it)."""

    forecaster: str
    quantities: tuple[Quantity, ...]
    crps_amount: float | None
    note: str = ""

    def quantity(self, name: str) -> Quantity | None:
        """The quantity called `name`, if forecast."""
        return next((q for q in self.quantities if q.name == name), None)

    @property
    def amount(self) -> Quantity | None:
        """The headline issue's quantity."""
        return next((q for q in self.quantities if q.headline), None)


@dataclass(frozen=True)
class Backtest:
    """One case: how the forecast was made, the model's and the baselines' forecasts."""

    scenario: str
    information_date: dt.date
    runs: int
    seed: int
    meetings_held: int
    meetings_projected: int
    dropped_inputs: tuple[str, ...]
    calibration: Pool
    replaced_inputs: tuple[str, ...]
    headline: str
    status_quo: float
    deadline: dt.date
    actual: ActualOutcome
    model: CaseForecast
    baselines: tuple[CaseForecast, ...]
    dressed: CaseForecast | None = None
    dressing_cases: tuple[str, ...] = ()
    recalibrated: CaseForecast | None = None

    def forecaster(self, name: str) -> CaseForecast:
        """The model's, the model recalibrated, the model with its track record, or a
        baseline's forecast."""
        if name == MODEL:
            return self.model
        if name == DRESSED:
            return self.dressed or CaseForecast(DRESSED, (), None, "not computed")
        if name == RECALIBRATED:
            return self.recalibrated or CaseForecast(RECALIBRATED, (), None, "not computed")
        return next(b for b in self.baselines if b.forecaster == name)


@dataclass(frozen=True)
class Summary:
    """One forecaster's scores over all cases (None where nothing could be scored)."""

    forecaster: str
    cases: int
    share_within_5pct: float | None
    coverage80: float | None
    intervals: int
    brier_agreement: float | None
    brier_lapse: float | None
    crps_amount: float | None
    not_forecast: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    """A case to backtest: the scenario, its uncertain inputs, what happened, the inflation of
    the headline's currency in the year before the information date (%, with source) and the
    stakeholder model's point forecast per issue (None: the scenario has no stakeholders)."""

    scenario: Scenario
    uncertain: tuple[Uncertain, ...]
    actual: ActualOutcome
    inflation: tuple[float, str] | None = None
    stakeholders: Mapping[str, float] | None = None
    stakeholder_note: str = ""


# -- what happened ---------------------------------------------------------------------------


def agreed_before_deadline(scenario: Scenario, actual: ActualOutcome) -> bool:
    """Whether the final deal was agreed on or before the status quo's expiry (the calendar's
    deadline, not one a stop-gap moved)."""
    return actual.agreed <= scenario.calendar.deadline


def lapsed(scenario: Scenario, actual: ActualOutcome) -> bool:
    """Whether the status quo (or a stop-gap extending it) ran out before the final deal."""
    return actual.agreed > (actual.deadline or scenario.calendar.deadline)


# -- the model ---------------------------------------------------------------------------------


def applicable(view: Scenario, uncertain: Sequence[Uncertain]) -> tuple[Uncertain, ...]:
    """The inputs whose field exists in `view` (a ratifier the view dropped takes its own)."""
    kept = []
    for u in uncertain:
        try:
            paths.resolve(view, u.path)
        except paths.PathError:
            continue
        kept.append(u)
    return tuple(kept)


def election_inputs(view: Scenario) -> tuple[Uncertain, ...]:
    """For each election the projection states whose successor is in `view`
    (`forecast_view.election_view`), the draw of who wins: the successor's limit is the
    incumbent's value with probability `incumbent_wins`, else the challenger's."""
    if view.projection is None:
        return ()
    out = []
    names = [r.name for r in view.ratifiers]
    for e in view.projection.elections:
        if e.successor not in names:
            continue
        incumbent = next(r for r in view.ratifiers if r.name == e.ratifier)
        bound, k = e.bound, e.replaced(incumbent.limits)
        assert k is not None  # checked by projected_view
        limit = incumbent.limits[k]
        out.append(
            Uncertain(
                f"ratifiers.{e.successor}.limits.{k}.{bound}",
                "choice",
                values=(float(getattr(limit, bound)), float(getattr(e.challenger, bound))),
                weights=(e.incumbent_wins, 1.0 - e.incumbent_wins),
                rationale=f"who holds the office after {e.ratifier}'s term: the incumbent again "
                f"with the stated prior {e.incumbent_wins:g} ({e.rationale})",
            )
        )
    return tuple(out)


def _value(sample: np.ndarray, name: str, unit: str, actual: float, **kw: object) -> Quantity:
    found = interval80(sample)
    median, low, high = found if found is not None else (None, None, None)
    return Quantity(name, unit, median, low, high, actual, sample=tuple(sample.tolist()), **kw)  # type: ignore[arg-type]


def _crps_amount(sample: Sequence[float], status_quo: float, actual: float) -> float:
    """CRPS of the amount as a multiple of the status quo; a forecast of no deal in any run
    is read as the status quo going on (a point at 1)."""
    x = np.asarray(sample, dtype=float) / status_quo if len(sample) else np.ones(1)
    return crps_sample(x, actual / status_quo)


def model_forecast(
    view: Scenario,
    calibrated: Calibrated,
    actual: ActualOutcome,
    runs: int,
    seed: int,
    progress: Callable[[int], None] | None = None,
) -> CaseForecast:
    """The Monte Carlo forecast of `view` with the calibrated inputs, in chunks of `CHUNK`."""
    plan = MonteCarloPlan(view, calibrated.uncertain, runs, seed, calibrated.slots)
    parts = []
    for start, stop in plan.chunks(CHUNK):
        parts.append(run_range(plan, start, stop))
        if progress is not None:
            progress(stop - start)
    index = np.concatenate([c.index for c in parts])
    status = np.concatenate([c.status for c in parts])
    days = np.concatenate([c.days for c in parts])
    agreed = index >= 0
    space = view.space
    positions = np.unravel_index(index[agreed], space.shape)
    h = headline(view)
    quantities = []
    crps = None
    for p, issue in enumerate(space.issues):
        term = actual.term(issue.name)
        if term is None or not issue.numeric:
            continue
        values = np.asarray(space.grids[p], dtype=float)[positions[p]]
        quantities.append(
            _value(values, issue.name, issue.unit_label(), term.value, headline=p == h,
                   note=term.note, sources=term.sources)
        )  # fmt: skip
        if p == h:
            base = status_quo_value(view, issue.name)
            if base:
                crps = _crps_amount(values.tolist(), base, term.value)
    start = view.calendar.start.toordinal()
    ends = (start + days[agreed]).astype(float)
    deadline = view.calendar.deadline.toordinal()
    n = index.size
    p_before = float(np.count_nonzero(agreed & (start + days <= deadline))) / n
    p_lapse = 1.0 - float(np.count_nonzero(status == STATUS_BEFORE)) / n
    quantities += _events(view, actual, p_before, p_lapse)
    quantities.append(_value(ends, DATE, "date", float(actual.agreed.toordinal()),
                             sources=actual.agreed_sources))  # fmt: skip
    return CaseForecast(MODEL, tuple(quantities), crps)


def _events(
    view: Scenario, actual: ActualOutcome, p_before: float, p_lapse: float
) -> list[Quantity]:
    before = 1.0 if agreed_before_deadline(view, actual) else 0.0
    lapse = 1.0 if lapsed(view, actual) else 0.0
    return [
        Quantity(AGREEMENT, "probability", None, None, None, before, p_before),
        Quantity(LAPSE, "probability", None, None, None, lapse, p_lapse,
                 sources=actual.deadline_sources),
    ]  # fmt: skip


# -- the baselines -------------------------------------------------------------------------


def baseline_points(case: Case, view: Scenario) -> dict[str, tuple[dict[str, float], str]]:
    """Each baseline's point forecast per numeric issue with a known outcome, and a note.

    status quo plus inflation: the headline × (1 + inflation of the year before the information
    date) for money, the status quo for a share of GDP and for the other issues;
    previous escalation rule: the headline × (1 + the status quo's `escalation`, 0 without one),
    the other issues as the status quo; midpoint of the opening positions: (lowest + highest
    opening) / 2 per issue (the status quo where no party opened on it); stakeholder model: the
    stakeholder model's forecast on the issues its dimensions measure.
    """
    h = headline(view)
    names = [
        i.name for i in view.space.issues if i.numeric and case.actual.term(i.name) is not None
    ]
    head = None if h is None else view.space.issues[h]
    sq = {n: status_quo_value(view, n) for n in names}
    out: dict[str, tuple[dict[str, float], str]] = {}

    inflated = {n: v for n, v in sq.items() if v is not None}
    note = ""
    if head is not None and head.name in inflated:
        if is_money(head) and case.inflation is not None:
            rate, source = case.inflation
            inflated[head.name] *= 1 + rate / 100
            note = f"inflation {rate:+.2f} % ({source})"
        elif is_money(head):
            note = f"no inflation figure held for {head.currency}: the status quo"
        else:
            note = "a share of GDP: inflation does not apply, the status quo"
    out[BASELINES[0]] = (inflated, note)

    ruled = {n: v for n, v in sq.items() if v is not None}
    escalation = status_quo_value(view, "escalation") or 0.0
    if head is not None and head.name in ruled:
        ruled[head.name] *= 1 + escalation / 100
    out[BASELINES[1]] = (ruled, f"escalation {escalation:g} %/yr from the status quo")

    mid: dict[str, float] = {}
    for n in names:
        opened = openings(view, n)
        value = (min(opened) + max(opened)) / 2 if opened else sq[n]
        if value is not None:
            mid[n] = value
    out[BASELINES[2]] = (mid, "")

    if case.stakeholders is None:
        out[BASELINES[3]] = ({}, case.stakeholder_note or "cannot forecast: no [stakeholders]")
    else:
        points = {n: v for n, v in case.stakeholders.items() if n in names}
        out[BASELINES[3]] = (points, case.stakeholder_note)
    return out


@dataclass(frozen=True)
class _Known:
    """What one case contributes to others' calibration: its share, its outcomes, and each
    baseline's point on each issue (keyed 'amount' for the headline)."""

    agreed: dt.date
    share: float | None
    before: bool
    lapse: bool
    actual: Mapping[str, float]
    points: Mapping[str, Mapping[str, float]]


def _key(view: Scenario, issue: str) -> str:
    h = headline(view)
    return "amount" if h is not None and view.space.issues[h].name == issue else issue


def _known(case: Case) -> _Known:
    view = projected_view(case.scenario)
    points = {
        b: {_key(view, n): v for n, v in pts.items()}
        for b, (pts, _) in baseline_points(case, view).items()
    }
    actual = {_key(view, t.issue): t.value for t in case.actual.terms}
    return _Known(
        case.actual.agreed,
        concession_share(view, case.actual),
        agreed_before_deadline(view, case.actual),
        lapsed(view, case.actual),
        actual,
        points,
    )


def _errors(
    baseline: str, key: str, names: Sequence[str], known: Mapping[str, _Known]
) -> list[float]:
    """The baseline's own past errors on `key` in the pool: relative (actual / point − 1) for
    the amount, absolute (actual − point) otherwise."""
    out = []
    for n in names:
        k = known[n]
        point, actual = k.points.get(baseline, {}).get(key), k.actual.get(key)
        if point is None or actual is None:
            continue
        if key == "amount":
            if point != 0:
                out.append(actual / point - 1.0)
        else:
            out.append(actual - point)
    return out


def base_rates(names: Sequence[str], known: Mapping[str, _Known]) -> tuple[float, float]:
    """The shares of the cases `names` agreed before their deadline and that lapsed (½ each
    with no case): the baselines' probabilities."""
    p_before = mean_or_none([1.0 if known[n].before else 0.0 for n in names])
    p_lapse = mean_or_none([1.0 if known[n].lapse else 0.0 for n in names])
    return (0.5 if p_before is None else p_before, 0.5 if p_lapse is None else p_lapse)


def succession_rates(names: Sequence[str], known: Mapping[str, _Known]) -> tuple[float, float]:
    """Laplace's rule of succession over the cases `names` for agreement before the deadline
    and for a lapse: the recalibrated model's base rates."""
    return (
        succession_rate([known[n].before for n in names]),
        succession_rate([known[n].lapse for n in names]),
    )


def baseline_forecasts(
    case: Case, view: Scenario, chosen: Pool, known: Mapping[str, _Known]
) -> tuple[CaseForecast, ...]:
    """Each baseline as a distribution: its point, and its point moved by each of its own
    errors on the pool's cases (the point itself always one member), kept within the issue's
    range (no negative duration), so it has a median (the ensemble's), an 80 % interval and a
    CRPS; the events' probabilities are the pool's base rates (½ with an empty pool)."""
    names = chosen.cases
    p_before, p_lapse = base_rates(names, known)
    out = []
    for baseline, (points, note) in baseline_points(case, view).items():
        quantities: list[Quantity] = []
        crps = None
        for issue in view.space.issues:
            term = case.actual.term(issue.name)
            if term is None or issue.name not in points:
                continue
            key = _key(view, issue.name)
            point = points[issue.name]
            errors = _errors(baseline, key, names, known)
            if key == "amount":
                members = [point] + [point * (1 + e) for e in errors]
            else:
                members = [point] + [point + e for e in errors]
            grid = view.space.numeric_grid(view.space.names.index(issue.name))
            ensemble = np.clip(np.array(members), grid.min(), grid.max())
            quantities.append(
                _value(ensemble, issue.name, issue.unit_label(), term.value,
                       headline=key == "amount", note=term.note, sources=term.sources)
            )  # fmt: skip
            if key == "amount":
                base = status_quo_value(view, issue.name)
                if base:
                    crps = _crps_amount(ensemble.tolist(), base, term.value)
        if not quantities:
            out.append(CaseForecast(baseline, (), None, note))
            continue
        quantities += _events(view, case.actual, p_before, p_lapse)
        out.append(CaseForecast(baseline, tuple(quantities), crps, note))
    return tuple(out)


# -- the model with its track record ----------------------------------------------------------


def _track_errors(
    forecasts: Sequence[tuple[CaseForecast, Scenario]], key: str, log: bool = False
) -> list[float]:
    """The model's own errors on `key` in past forecasts: relative (actual / median − 1, or
    log(actual / median) with `log`) for the amount, absolute (actual − median) otherwise; a
    forecast without a median adds none."""
    out = []
    for forecast, view in forecasts:
        q = next((q for q in forecast.quantities if _key(view, q.name) == key), None)
        if q is None or q.median is None:
            continue
        if key == "amount":
            if log and q.median > 0 and q.actual > 0:
                out.append(math.log(q.actual / q.median))
            elif not log and q.median != 0:
                out.append(q.actual / q.median - 1.0)
        else:
            out.append(q.actual - q.median)
    return out


def _moved(
    q: Quantity, moved: np.ndarray, view: Scenario, status_quo: float
) -> tuple[Quantity, float | None]:
    """`q` forecast by the `moved` runs instead, kept within the issue's range (a date has
    none), and their CRPS when `q` is the headline amount."""
    if q.name != DATE:
        grid = view.space.numeric_grid(view.space.names.index(q.name))
        moved = np.clip(moved, grid.min(), grid.max())
    quantity = _value(moved, q.name, q.unit, q.actual, headline=q.headline, note=q.note,
                      sources=q.sources)  # fmt: skip
    crps = _crps_amount(moved.tolist(), status_quo, q.actual) if q.headline and status_quo else None
    return quantity, crps


def _blended(
    q: Quantity,
    past: Sequence[tuple[CaseForecast, Scenario]],
    past_rates: Sequence[tuple[float, float]],
    rates: tuple[float, float],
) -> tuple[Quantity, list[str]]:
    """Event `q`'s probability blended with this case's base rate (`rates`: agreement before
    the deadline, lapse) by the weight that minimised the Brier score of the pool's past
    forecasts (`recalibration.blend_weight`, each with its own base rate in `past_rates`), and
    a note of what was learned; `q` as it is when the model gives no probability."""
    if q.probability is None:
        return q, []
    k = 0 if q.name == AGREEMENT else 1
    history = []
    for (forecast, _), pair in zip(past, past_rates, strict=True):
        old = forecast.quantity(q.name)
        if old is not None and old.probability is not None:
            history.append((old.probability, pair[k], old.actual == 1.0))
    w = blend_weight(history)
    p = blended(q.probability, rates[k], w)
    note = f"{q.name}: weight {w:.2f} on the model, base rate {rates[k]:.2f}"
    return Quantity(q.name, q.unit, None, None, None, q.actual, p, sources=q.sources), [note]


Move = Callable[[Quantity, str, np.ndarray], tuple[np.ndarray, list[str]]]
"""How a corrected forecaster moves a value's runs: (quantity, its key, its runs) to the moved
runs and a note of what was learned."""


def _corrected(
    forecaster: str,
    model: CaseForecast,
    view: Scenario,
    status_quo: float,
    blend: tuple[
        Sequence[tuple[CaseForecast, Scenario]], Sequence[tuple[float, float]], tuple[float, float]
    ],
    move: Move,
) -> CaseForecast:
    """The model's forecast corrected on its record: each event's probability blended with the
    base rate (`_blended` of `blend`: the past forecasts, their base rates, this case's), each
    value's runs moved by `move` and kept within the issue's range (`_moved`)."""
    quantities = []
    learned = []
    crps = None
    for q in model.quantities:
        if q.event:
            event, note = _blended(q, *blend)
        elif q.sample:
            key = DATE if q.name == DATE else _key(view, q.name)
            moved, note = move(q, key, np.asarray(q.sample, dtype=float))
            event, scored = _moved(q, moved, view, status_quo)
            crps = scored if scored is not None else crps
        else:
            event, note = q, []
        quantities.append(event)
        learned.extend(note)
    if crps is None:
        crps = model.crps_amount
    return CaseForecast(forecaster, tuple(quantities), crps, "; ".join(learned))


def dressed_forecast(
    model: CaseForecast,
    view: Scenario,
    status_quo: float,
    past: Sequence[tuple[CaseForecast, Scenario]],
    past_rates: Sequence[tuple[float, float]],
    rates: tuple[float, float],
) -> CaseForecast:
    """The model with its track record: its runs, each moved by each of the model's own errors
    on the pool's cases (`past`: their forecasts, made without this case's outcome) and by none,
    kept within the issue's range — the treatment the baselines get; each event's probability
    blended with the base rate as in `recalibrated_forecast` (`past_rates`, `rates`)."""

    def dress(q: Quantity, key: str, x: np.ndarray) -> tuple[np.ndarray, list[str]]:
        errors = [0.0, *_track_errors(past, key)]
        if key == "amount":
            return np.concatenate([x * (1 + e) for e in errors]), []
        return np.concatenate([x + e for e in errors]), []

    return _corrected(DRESSED, model, view, status_quo, (past, past_rates, rates), dress)


def recalibrated_forecast(
    model: CaseForecast,
    view: Scenario,
    status_quo: float,
    past: Sequence[tuple[CaseForecast, Scenario]],
    past_rates: Sequence[tuple[float, float]],
    rates: tuple[float, float],
) -> CaseForecast:
    """The model recalibrated on its past forecasts (`past`, made without this case's outcome;
    `past_rates` the base rates (agreement before the deadline, lapse) each of them had, `rates`
    this case's): every run's value moved by each of the t-predictive errors of the model's
    past errors (`recalibration.predictive_errors`; log errors for the amount), kept within the
    issue's range; each event's probability blended with the base rate by the weight that
    minimised the past Brier score (`recalibration.blend_weight`). Its note says what was
    learned: per value the number of past errors and their mean (the bias removed), per event
    the weight and the base rate."""

    def shift(q: Quantity, key: str, x: np.ndarray) -> tuple[np.ndarray, list[str]]:
        found = _track_errors(past, key, log=key == "amount")
        errors = predictive_errors(found)
        if len(errors) > 1:
            bias = math.fsum(found) / len(found)
            shown = f"{math.expm1(bias):+.1%}" if key == "amount" else f"{bias:+.3g}"
            note = f"{q.name}: {len(found)} past errors, mean {shown}"
        else:
            note = f"{q.name}: {len(found)} past errors, not moved"
        e = np.asarray(errors)
        moved = (np.outer(x, np.exp(e)) if key == "amount" else np.add.outer(x, e)).ravel()
        return moved, [note]

    return _corrected(RECALIBRATED, model, view, status_quo, (past, past_rates, rates), shift)


# -- all cases -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Planned:
    """One model forecast to make: the case and the pool it is calibrated on."""

    name: str
    pool: Pool


def plan(
    cases: Mapping[str, Case], names: Sequence[str]
) -> tuple[tuple[_Planned, ...], dict[str, tuple[_Planned, tuple[_Planned, ...]]]]:
    """The model forecasts `backtest_cases` makes, each once: every case's own (calibrated
    on its pool), and for the track record of each case shown, the forecast of each case of
    its pool made without that case's outcome (its pool recomputed without it)."""
    shares = {
        n: (c.actual.agreed, concession_share(projected_view(c.scenario), c.actual))
        for n, c in cases.items()
    }

    def date(name: str) -> dt.date:
        day = cases[name].scenario.information_date
        assert day is not None
        return day

    needed: dict[tuple[str, tuple[str, ...]], _Planned] = {}

    def add(name: str, chosen: Pool) -> _Planned:
        return needed.setdefault((name, chosen.cases), _Planned(name, chosen))

    for_case = {}
    for name in names:
        own = add(name, pool(name, date(name), shares))
        without = {n: v for n, v in shares.items() if n != name}
        past = tuple(add(j, pool(j, date(j), without)) for j in own.pool.cases)
        for_case[name] = (own, past)
    return tuple(needed.values()), for_case


def backtest_cases(
    cases: Mapping[str, Case],
    names: Sequence[str],
    runs: int,
    seed: int,
    progress: Callable[[str, int], None] | None = None,
    hand_set: bool = False,
) -> tuple[Backtest, ...]:
    """Backtest each case in `names`, calibrated on the others of `cases` (see
    `backtest_calibration.pool`): never on its own outcome — nor is its track record (the
    forecasts of its pool's cases are made without it). `hand_set`: the model keeps the
    scenarios' own reservation-value ranges (in sample: written knowing the outcome), for
    comparison; the baselines are the same. `progress(name, runs)` after each chunk of runs
    of each of the `plan`'s forecasts."""
    known = {n: _known(c) for n, c in cases.items()}
    planned, for_case = plan(cases, names)
    made: dict[_Planned, tuple[CaseForecast, Scenario, Calibrated]] = {}
    for item in planned:
        case = cases[item.name]
        view = projected_view(case.scenario)
        kept = applicable(view, case.uncertain) + election_inputs(view)
        calibrated = calibrate(view, kept, () if hand_set else item.pool.shares)

        def step(done: int, name: str = item.name) -> None:
            if progress is not None:
                progress(name, done)

        forecast = model_forecast(view, calibrated, case.actual, runs, seed, step)
        made[item] = (forecast, view, calibrated)
    out = []
    for name in names:
        case = cases[name]
        own, past = for_case[name]
        model, view, calibrated = made[own]
        assert view.information_date is not None
        h = headline(view)
        head = "" if h is None else view.space.issues[h].name
        base = status_quo_value(view, head) or math.nan
        meetings = view.calendar.meetings
        kept = applicable(view, case.uncertain)
        history = [(made[p][0], made[p][1]) for p in past]
        past_rates = [succession_rates(p.pool.cases, known) for p in past]
        rates = succession_rates(own.pool.cases, known)
        out.append(
            Backtest(
                scenario=name,
                information_date=view.information_date,
                runs=runs,
                seed=seed,
                meetings_held=sum(not m.projected for m in meetings),
                meetings_projected=sum(m.projected for m in meetings),
                dropped_inputs=tuple(u.path for u in case.uncertain if u not in kept),
                calibration=own.pool,
                replaced_inputs=calibrated.replaced,
                headline=head,
                status_quo=base,
                deadline=view.calendar.deadline,
                actual=case.actual,
                model=model,
                baselines=baseline_forecasts(case, view, own.pool, known),
                dressed=dressed_forecast(model, view, base, history, past_rates, rates),
                dressing_cases=tuple(p.name for p in past),
                recalibrated=recalibrated_forecast(model, view, base, history, past_rates, rates),
            )
        )
    return tuple(out)


def summarize(results: Sequence[Backtest], forecaster: str) -> Summary:
    """Scores over all cases: share of headline medians within 5 % (a missing median counts
    as a miss), coverage of the 80 % intervals over every value and date quantity forecast
    (a missing interval counts as a miss), mean Brier scores, mean CRPS of the amount."""
    forecasts = [r.forecaster(forecaster) for r in results]
    scored = [f for f in forecasts if f.quantities]
    amounts = [f.amount for f in scored]
    within = [bool(a is not None and a.within_5pct) for a in amounts]
    intervals = [q for f in scored for q in f.quantities if not q.event]
    covered = [bool(q.covered) for q in intervals]
    return Summary(
        forecaster,
        len(scored),
        sum(within) / len(within) if within else None,
        sum(covered) / len(covered) if covered else None,
        len(intervals),
        mean_or_none([_brier(f, AGREEMENT) for f in scored]),
        mean_or_none([_brier(f, LAPSE) for f in scored]),
        mean_or_none([f.crps_amount for f in scored]),
        tuple(r.scenario for r, f in zip(results, forecasts, strict=True) if not f.quantities),
    )


def _brier(forecast: CaseForecast, name: str) -> float | None:
    q = forecast.quantity(name)
    return None if q is None else q.brier


STAKEHOLDER_MODEL = "smp"
"""The stakeholder model of the baseline: `burdenshare forecast`'s default (KTAB's SMP)."""


def stakeholder_points(scenario: Scenario) -> tuple[dict[str, float] | None, str]:
    """The stakeholder model's forecast per issue (dimensions named as an issue), and a note;
    None with the reason when it cannot forecast the case."""
    from burdenshare.stakeholders.forecast import forecast_stakeholders

    if scenario.stakeholders is None:
        return None, "cannot forecast: the scenario has no [stakeholders] section"
    result = forecast_stakeholders(scenario.stakeholders, STAKEHOLDER_MODEL)
    issues = {i.name for i in scenario.space.issues}
    points = {
        d.name: v
        for d, v in zip(scenario.stakeholders.dimensions, result.forecast_real, strict=True)
        if d.name in issues
    }
    if not points:
        return None, "cannot forecast: no stakeholder dimension names an issue"
    return points, (
        "KTAB's SMP on the [stakeholders] positions, which are not dated: some may postdate "
        "the information date"
    )
