"""One entry point for every stakeholder model: `forecast_stakeholders(stakeholders, model)`."""

from __future__ import annotations

from collections.abc import Callable

from burdenshare.errors import InputError, Problem
from burdenshare.stakeholders.actors import StakeholderSet
from burdenshare.stakeholders.baselines import run_weighted_mean, run_weighted_median
from burdenshare.stakeholders.bdm import run_bdm
from burdenshare.stakeholders.result import ForecastResult
from burdenshare.stakeholders.smp import run_smp

MODELS: dict[str, Callable[[StakeholderSet], ForecastResult]] = {
    "smp": run_smp,
    "bdm": run_bdm,
    "mean": run_weighted_mean,
    "median": run_weighted_median,
}

MODEL_TITLES = {
    "smp": "Spatial Model of Politics (KTAB defaults)",
    "bdm": "Bueno de Mesquita expected utility (Scholz et al. 2011)",
    "mean": "weighted mean (capability x salience)",
    "median": "weighted median (capability x salience)",
}


def forecast_stakeholders(stakeholders: StakeholderSet, model: str) -> ForecastResult:
    """Run the named model ('smp', 'bdm', 'mean' or 'median') on `stakeholders`."""
    try:
        run = MODELS[model]
    except KeyError:
        raise InputError(
            Problem("--model", f"unknown model '{model}'; choose one of {', '.join(MODELS)}")
        ) from None
    return run(stakeholders)
