"""The `--plugin` option (user strategy modules) and the note on strategies without a compiled
form, shared by `run`, `montecarlo`, `tournament` and `strategies`."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from burdenshare.experiments.montecarlo import MonteCarloPlan
    from burdenshare.model import Scenario
    from burdenshare.strategies import Strategy

PLUGIN = typer.Option(
    "--plugin",
    metavar="MODULE_OR_FILE",
    help="Import strategies from a module or a .py file first (repeatable).",
)

SLOWER = {"montecarlo": 800, "tournament": 10}
"""How many times slower a run is on the reference engine than on the batch engine, on sma-2019
(340,680 outcomes), as `benchmarks/reference_slowdown.py` measures it: `burdenshare montecarlo`
and `burdenshare tournament` with the built-in strategies against the same classes registered
without a compiled form, rates between two sizes (start-up cancels out). 2 cores, quiet, two
runs: Monte Carlo 25,300-28,200 vs 31.7-32.4 runs/s (800-870x: each drawn scenario's valuations
are new, so the reference engine rebuilds their tables); tournament repetitions (anchoring and
ratification-aware in every seating) 207-627 vs 26-55 per second (8-11x)."""


def use_plugins(specs: list[str] | None) -> tuple[str, ...]:
    """Import the `--plugin` modules (before any scenario names their strategies); their specs
    as worker processes should load them."""
    if not specs:
        return ()
    from burdenshare.scenario.plugins import load_plugins

    return load_plugins(specs)


def drawn_strategies(plan: MonteCarloPlan) -> list[Strategy]:
    """Every strategy a Monte Carlo plan may seat: the scenario's, and each value of a strategy
    drawn from a list (`parties.X.strategy`)."""
    from burdenshare.cli.options import parse_strategy_option
    from burdenshare.engine.batch import strategies_of
    from burdenshare.strategies import build

    out = list(strategies_of(plan.scenario).values())
    for u in plan.uncertain:
        if u.path.endswith(".strategy"):
            for value in u.values:
                _, name, params = parse_strategy_option(f"x={value}")
                out.append(build(name, params, u.path))
    return out


def without_compiled_form(strategies: Iterable[Strategy]) -> tuple[str, ...]:
    """The names of `strategies` that have no compiled form (a wrapper's inner strategy named
    when it is the one without)."""
    from burdenshare.engine.batch import vectorisable

    def slow(strategy: Strategy) -> str:
        inner: Strategy | None = getattr(strategy, "wrapped", None)
        return slow(inner) if inner is not None and not vectorisable(inner) else strategy.name

    return tuple(sorted({slow(s) for s in strategies if not vectorisable(s)}))


def note_reference_engine(strategies: Iterable[Strategy], command: str) -> None:
    """Say on standard error which strategies run on the reference engine and about how much
    slower than the batch engine (`SLOWER`)."""
    slow = without_compiled_form(strategies)
    if not slow:
        return
    listed = ", ".join(repr(name) for name in slow)
    what = "strategy" if len(slow) == 1 else "strategies"
    runs = "its" if len(slow) == 1 else "their"
    print(
        f"note: {what} {listed} {'has' if len(slow) == 1 else 'have'} no compiled form: {runs} "
        f"{'runs' if command == 'montecarlo' else 'matches'} use the reference engine, about "
        f"{SLOWER[command]}× slower than the batch engine on sma-2019 (less on smaller spaces)",
        file=sys.stderr,
    )


def note_unfit_scenarios(scenarios: Iterable[Scenario]) -> None:
    """Say on standard error which scenarios the compiled engine cannot hold, and why (deals in
    stages, an issue of thousands of values): their runs use the reference engine (the same
    answers, slower)."""
    from burdenshare.engine.batch import unfit_scenarios

    for name, reason in unfit_scenarios(list(scenarios)).items():
        print(
            f"note: {name} has {reason}: its runs use the reference engine (same answers, slower)",
            file=sys.stderr,
        )


def note_montecarlo(plan: MonteCarloPlan) -> None:
    """Say on standard error which of a Monte Carlo's runs use the reference engine, and why:
    strategies without a compiled form, a scenario the compiled engine cannot hold."""
    note_reference_engine(drawn_strategies(plan), "montecarlo")
    note_unfit_scenarios([plan.scenario])
