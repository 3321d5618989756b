"""The conformance suite of a strategy: what every registered strategy must do, run on a name.

From a user's own tests, `check_strategy("my-name")` (raises `ConformanceError` listing what
failed); from the command line, `burdenshare strategies --plugin FILE --check NAME`. The checks
play the strategy in every seat of the built-in scenarios on the reference engine, recording
each view it is shown, then ask a freshly built copy the same questions. Not in `strategies/`:
it runs the engines and reads the built-in scenarios, which both depend on `strategies`.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Literal, cast

from burdenshare.engine.batch import from_reference, run_one, vectorisable
from burdenshare.engine.encoding import fits
from burdenshare.engine.protocol import negotiate
from burdenshare.model import Offer, Scenario
from burdenshare.model.paths import parse_spec
from burdenshare.strategies import NegotiatorView, Strategy, build, entry, parameters
from burdenshare.strategies.registry import spec_of

Status = Literal["pass", "fail", "skip"]
SAMPLES = 40
"""Recorded decisions asked again per scenario (evenly spaced over the talks)."""
TOLERANCE = 1e-9
"""Slack on utility bounds (the engine's own acceptance slack is 1e-12)."""
SEEDS = (0, 1, 2)
"""Seeds of the runs compared between the batch and the reference engine."""


@dataclass(frozen=True)
class Check:
    """One check's verdict: its name, pass/fail/skip and what was found."""

    name: str
    status: Status
    detail: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form: check, status, detail."""
        return {"check": self.name, "status": self.status, "detail": self.detail}


class ConformanceError(AssertionError):
    """A strategy failed conformance checks (the message lists them)."""


class CheckFailedError(Exception):
    """Raised by a check function with what it found wrong."""


@dataclass(frozen=True)
class Decision:
    """One call the engine made on the strategy: the view, the offer asked about (accepts), the
    answer given, and the target at that view."""

    kind: Literal["propose", "accepts"]
    view: NegotiatorView
    offer: Offer | None
    answer: Offer | bool
    target: float


@dataclass
class Recorder:
    """A strategy that answers as `inner` and records every decision (mutable, local to a trial)."""

    inner: Strategy
    decisions: list[Decision] = field(default_factory=list)
    tags: ClassVar[frozenset[str]] = frozenset()

    @property
    def name(self) -> str:
        """The inner strategy's name (the engine labels the seat with it)."""
        return self.inner.name

    def target(self, view: NegotiatorView) -> float:
        """The inner target."""
        return self.inner.target(view)

    def propose(self, view: NegotiatorView) -> Offer:
        """The inner offer, recorded."""
        offer = self.inner.propose(view)
        self.decisions.append(Decision("propose", view, None, offer, self.inner.target(view)))
        return offer

    def accepts(self, view: NegotiatorView, offer: Offer) -> bool:
        """The inner answer, recorded."""
        answer = self.inner.accepts(view, offer)
        self.decisions.append(Decision("accepts", view, offer, answer, self.inner.target(view)))
        return answer


@dataclass(frozen=True)
class Trial:
    """The strategy `name` played in every seat of each scenario: each run's decisions."""

    name: str
    scenarios: tuple[Scenario, ...]
    decisions: tuple[tuple[Decision, ...], ...]


def play(name: str, scenarios: Sequence[Scenario]) -> Trial:
    """Negotiate each scenario with `name` in every seat (reference engine), recording."""
    runs = []
    for scenario in scenarios:
        seats = {p.name: Recorder(build(name)) for p in scenario.parties}
        result = negotiate(scenario, {k: cast(Strategy, v) for k, v in seats.items()})
        if result.outcome.status not in ("agreement", "no_agreement"):
            raise CheckFailedError(f"{scenario.name}: ended with status {result.outcome.status!r}")
        terms = result.outcome.terms
        if terms is not None and not scenario.space.contains(terms):
            raise CheckFailedError(f"{scenario.name}: agreed terms outside the outcome space")
        runs.append(tuple(d for seat in seats.values() for d in seat.decisions))
    return Trial(name, tuple(scenarios), tuple(runs))


def _sample(decisions: tuple[Decision, ...]) -> tuple[Decision, ...]:
    """At most `SAMPLES` decisions, evenly spaced."""
    step = max(1, math.ceil(len(decisions) / SAMPLES))
    return decisions[::step]


def immutable(name: str, trial: Callable[[], Trial]) -> str:
    """A frozen dataclass (its parameters are its whole state), hashable, equal to a rebuild."""
    strategy = build(name)
    if not dataclasses.is_dataclass(strategy):
        raise CheckFailedError(f"{type(strategy).__name__} is not a dataclass")
    if not type(strategy).__dataclass_params__.frozen:
        raise CheckFailedError(f"{type(strategy).__name__} is not frozen: @dataclass(frozen=True)")
    hash(strategy)
    if build(name) != strategy:
        raise CheckFailedError("two builds with the same parameters are not equal")
    return f"{type(strategy).__name__}: frozen dataclass, hashable, equal to a rebuild"


def round_trip(name: str, trial: Callable[[], Trial]) -> str:
    """`spec_of` of the built strategy builds back an equal strategy, and so do its declared
    parameters with their defaults."""
    strategy = build(name)
    spec = spec_of(strategy)
    try:
        parsed = parse_spec(spec)
        rebuilt = build(parsed.name, parsed.as_dict())
    except Exception as exc:
        message = f"{spec!r} does not build back ({exc}); is `name` the registered name?"
        raise CheckFailedError(message) from None
    if rebuilt != strategy and spec_of(rebuilt) != spec:
        raise CheckFailedError(f"{spec!r} builds {spec_of(rebuilt)!r}")
    declared = {k: v for k, v in parameters(name).items() if k != "params"}
    if build(name, declared) != strategy:
        raise CheckFailedError(f"parameters {declared} do not build the default strategy")
    return f"{spec} builds back"


def completes(name: str, trial: Callable[[], Trial]) -> str:
    """It negotiates each built-in scenario to an end, in every seat (reference engine)."""
    done = trial()
    calls = sum(len(d) for d in done.decisions)
    return f"{len(done.scenarios)} scenarios ended, {calls:,} decisions recorded"


def same_view_same_decision(name: str, trial: Callable[[], Trial]) -> str:
    """A fresh build shown a recorded view proposes, accepts and aims as the played one did."""
    done = trial()
    fresh = build(name)
    asked = 0
    for scenario, decisions in zip(done.scenarios, done.decisions, strict=True):
        for d in _sample(decisions):
            again = (
                fresh.propose(d.view)
                if d.kind == "propose"
                else fresh.accepts(d.view, cast(Offer, d.offer))
            )
            if again != d.answer:
                raise CheckFailedError(
                    f"{scenario.name}, meeting {d.view.meeting}, t={d.view.time:.3f}: "
                    f"{d.kind} gave {d.answer} in play and {again} when asked again"
                )
            if fresh.target(d.view) != d.target:
                raise CheckFailedError(f"{scenario.name}: target differs for the same view")
            asked += 1
    return f"{asked} recorded decisions asked again"


def offers_of_the_space(name: str, trial: Callable[[], Trial]) -> str:
    """Every offer proposed is an outcome of the space (on its grid), not one the engine snaps."""
    done = trial()
    count = 0
    for scenario, decisions in zip(done.scenarios, done.decisions, strict=True):
        for d in decisions:
            if d.kind == "propose":
                if not isinstance(d.answer, Offer) or not scenario.space.contains(d.answer):
                    raise CheckFailedError(f"{scenario.name}: proposed {d.answer}, not an outcome")
                count += 1
    return f"{count:,} offers, all outcomes of the space"


def target_in_range(name: str, trial: Callable[[], Trial]) -> str:
    """reservation ≤ target ≤ best at every view, for a strategy tagged "time-dependent" (it
    claims to concede from its best utility to its reservation value)."""
    if "time-dependent" not in entry(name).tags:
        return "skip: not tagged time-dependent"
    done = trial()
    for scenario, decisions in zip(done.scenarios, done.decisions, strict=True):
        for d in decisions:
            low, high = d.view.reservation, d.view.best
            if not low - TOLERANCE <= d.target <= high + TOLERANCE:
                raise CheckFailedError(
                    f"{scenario.name}, meeting {d.view.meeting}: target {d.target:.6f} outside "
                    f"[{low:.6f}, {high:.6f}]"
                )
    return "within [reservation, best] at every view"


def batch_equals_reference(name: str, trial: Callable[[], Trial]) -> str:
    """With a compiled form, the batch engine ends each run as the reference engine does: the
    strategy in every seat and in each seat against the scenario's own strategies, on every
    scenario the compiled engine holds (`encoding.fits`)."""
    strategy = build(name)
    if not vectorisable(strategy):
        return "skip: no compiled form (runs on the reference engine)"
    done = trial()
    held = [s for s in done.scenarios if fits(s)]
    left = [s.name for s in done.scenarios if not fits(s)]
    if not held:
        return f"skip: the compiled engine holds none of {', '.join(left)}"
    runs = 0
    for scenario in held:
        seatings = [{p.name: strategy for p in scenario.parties}]
        seatings += [{p.name: strategy} for p in scenario.parties]
        for seats in seatings:
            for seed in SEEDS:
                batch = run_one(scenario, seats, seed)
                reference = from_reference(negotiate(scenario, seats, seed), scenario)
                if batch.engine != "batch":
                    return f"skip: {scenario.name} does not fit the batch engine"
                if dataclasses.replace(batch, engine="reference") != reference:
                    where = f"{scenario.name}, seats {sorted(seats)}"
                    raise CheckFailedError(f"{where}: {batch} ≠ {reference}")
                runs += 1
    beside = f" (not {', '.join(left)}: the compiled engine cannot hold it)" if left else ""
    return f"{runs} runs equal on both engines{beside}"


CHECKS: tuple[tuple[str, Callable[[str, Callable[[], Trial]], str]], ...] = (
    ("immutable value", immutable),
    ("name and parameters round-trip", round_trip),
    ("completes the built-in scenarios", completes),
    ("same view, same decision", same_view_same_decision),
    ("offers are outcomes of the space", offers_of_the_space),
    ("target within [reservation, best]", target_in_range),
    ("batch engine equals reference", batch_equals_reference),
)
"""Every check, in the order run and shown."""


def builtin_scenarios() -> tuple[Scenario, ...]:
    """The built-in scenario library (the suite's default ground)."""
    from burdenshare.scenario import builtin_names, load

    return tuple(load(n) for n in builtin_names())


def run_checks(name: str, scenarios: Sequence[Scenario] | None = None) -> tuple[Check, ...]:
    """Every check on strategy `name` (an unknown name is an `InputError`), on `scenarios`
    (default: the built-in ones)."""
    entry(name)
    ground = tuple(scenarios) if scenarios is not None else builtin_scenarios()

    @functools.cache
    def played() -> Trial | Exception:
        try:
            return play(name, ground)
        except Exception as exc:  # what the strategy raised in play is a finding
            return exc

    def trial() -> Trial:
        found = played()
        if isinstance(found, Exception):
            raise CheckFailedError(f"in play: {_describe(found)}")
        return found

    out = []
    for title, check in CHECKS:
        try:
            detail = check(name, trial)
        except Exception as exc:
            out.append(Check(title, "fail", _describe(exc)))
            continue
        skipped = detail.startswith("skip: ")
        out.append(Check(title, "skip" if skipped else "pass", detail.removeprefix("skip: ")))
    return tuple(out)


def _describe(exc: Exception) -> str:
    """A check's finding, or the type and message of what the strategy raised."""
    return str(exc) if isinstance(exc, CheckFailedError) else f"{type(exc).__name__}: {exc}"


def check_strategy(name: str, scenarios: Sequence[Scenario] | None = None) -> tuple[Check, ...]:
    """Run every check on `name`; raise `ConformanceError` listing the failures, else return the
    verdicts (for a user's own pytest: `check_strategy("my-name")`)."""
    checks = run_checks(name, scenarios)
    failed = [c for c in checks if c.status == "fail"]
    if failed:
        lines = "\n".join(f"  {c.name}: {c.detail}" for c in failed)
        raise ConformanceError(f"strategy {name!r} fails {len(failed)} check(s):\n{lines}")
    return checks
