"""Strategy tournaments: strategies × scenarios × repetitions, every strategy in every role,
scored the way the ANAC competitions score agents.

Pairings: in a two-party scenario every ordered pair of strategies (self-play included), so
each strategy meets each other on both sides; with n parties each strategy takes each role in
turn against every other strategy filling the remaining roles. A match whose strategies are all
tagged "deterministic" is played once and its result reused for every repetition (registry
metadata drives this); others get a fresh seed per repetition from `SeedSequence(seed)`.

Scores per strategy and match (Baarslag et al. 2013, "Evaluating practical negotiating agents",
ANAC): own utility, the mean utility of the others, social welfare (sum of utilities), agreement,
Euclidean distance of the outcome's utility point to the Pareto frontier and to the Nash point
(no-deal point: the reservation values), and offers used. Utilities are discounted by each
party's `monthly_discount` over the time from the first meeting to the end of talks; without
agreement a party gets its reservation value on the end date, discounted the same way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

from burdenshare.analysis.pareto import distance_to_frontier, frontier_indices
from burdenshare.analysis.solutions import discrete_solutions
from burdenshare.engine.batch import RunOutcome, run_one
from burdenshare.model import Scenario, StrategySpec
from burdenshare.model.parties import DAYS_PER_MONTH
from burdenshare.strategies import entry

METRICS = (
    "utility",
    "opponent_utility",
    "welfare",
    "agreement",
    "pareto_distance",
    "nash_distance",
    "offers",
)


@dataclass(frozen=True)
class Match:
    """One negotiation of the tournament: scenario, a strategy per role, repetition, seed."""

    number: int
    scenario: int
    roles: tuple[str, ...]
    repetition: int
    seed: int


@dataclass(frozen=True, eq=False)
class Arena:
    """A scenario with what scoring needs: its Pareto frontier and Nash point (computed once)."""

    scenario: Scenario

    @cached_property
    def points(self) -> np.ndarray:
        """Every outcome's utility per party (rows: outcomes)."""
        space = self.scenario.space
        return np.column_stack([p.valuation.utilities(space) for p in self.scenario.parties])

    @cached_property
    def frontier(self) -> np.ndarray:
        """The Pareto-optimal utility points, sorted by the first party's utility."""
        front: np.ndarray = self.points[frontier_indices(self.points)]
        ordered: np.ndarray = front[np.argsort(front[:, 0], kind="stable")]
        return ordered

    @cached_property
    def nash(self) -> np.ndarray | None:
        """The Nash bargaining point over the outcomes (disagreement: reservation values)."""
        d = np.array([p.reservation_value for p in self.scenario.parties])
        found = discrete_solutions(self.frontier, d).get("nash")
        return None if found is None else np.asarray(found.utilities)


@dataclass(frozen=True)
class TournamentPlan:
    """Strategies (registry names) × scenarios × repetitions, seeded from `seed`."""

    strategies: tuple[str, ...]
    scenarios: tuple[Scenario, ...]
    repetitions: int
    seed: int

    def matches(self) -> list[Match]:
        """Every match, in a fixed order (scenario, pairing, repetition)."""
        return list(self.matches_in(0, self.match_count))

    @cached_property
    def _pairings(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Each scenario's pairings (few: strategies², or roles × strategies²)."""
        return tuple(tuple(pairings(self.strategies, len(s.parties))) for s in self.scenarios)

    @property
    def match_count(self) -> int:
        """How many matches `matches` lists, counted without listing them."""
        return sum(len(p) for p in self._pairings) * self.repetitions

    def matches_in(self, start: int, stop: int) -> Iterator[Match]:
        """Matches start..stop−1 of `matches`, made one by one (a chunk of a large tournament
        costs its own matches, not the whole list: time linear in the matches played)."""
        first = 0
        for s, roles_of in enumerate(self._pairings):
            size = len(roles_of) * self.repetitions
            for number in range(max(start, first), min(stop, first + size)):
                roles = roles_of[(number - first) // self.repetitions]
                child = np.random.SeedSequence(self.seed, spawn_key=(number,))
                seed = int(child.generate_state(1)[0])
                yield Match(number, s, roles, (number - first) % self.repetitions, seed)
            first += size

    def cast(self, match: Match) -> Scenario:
        """The scenario with each party playing its assigned strategy (registry defaults)."""
        scenario = self.scenarios[match.scenario]
        parties = tuple(
            dataclasses.replace(p, strategy=StrategySpec(name))
            for p, name in zip(scenario.parties, match.roles, strict=True)
        )
        return dataclasses.replace(scenario, parties=parties)


def pairings(strategies: Sequence[str], parties: int) -> list[tuple[str, ...]]:
    """Two parties: every ordered pair; n parties: each strategy in each role, every other
    strategy (or itself, when alone) filling the other roles."""
    if parties == 2:
        return [(a, b) for a in strategies for b in strategies]
    out: list[tuple[str, ...]] = []
    for role in range(parties):
        for a in strategies:
            for b in [s for s in strategies if s != a] or [a]:
                roles = [b] * parties
                roles[role] = a
                out.append(tuple(roles))
    return out


def deterministic(roles: Sequence[str]) -> bool:
    """Whether every strategy is tagged "deterministic" (one play stands for all repetitions)."""
    return all("deterministic" in entry(name).tags for name in roles)


def score(
    arena: Arena, match: Match, out: RunOutcome, stages: bool = False
) -> list[dict[str, Any]]:
    """One row per role: the ANAC scores of the strategy in that role; with `stages` (some
    scenario of the tournament has deals in stages) also `stopgap`: 1 when the match's first
    agreement was a stop-gap, else 0 (None on a scenario without stages)."""
    scenario = arena.scenario
    calendar = scenario.calendar
    months = (out.date - calendar.start).days / DAYS_PER_MONTH
    raw = (
        np.asarray(out.utilities, dtype=float)
        if out.utilities is not None
        else np.array([scenario.reservation(p.name, out.date) for p in scenario.parties])
    )
    discount = np.array([p.monthly_discount**months for p in scenario.parties])
    utilities = raw * discount
    agreed = out.status == "agreement"
    point = np.asarray(out.utilities, dtype=float) if agreed else None
    pareto = distance_to_frontier(point, arena.frontier, False) if point is not None else None
    nash = (
        float(np.linalg.norm(point - arena.nash))
        if point is not None and arena.nash is not None
        else None
    )
    rows = []
    for k, (party, strategy) in enumerate(zip(scenario.parties, match.roles, strict=True)):
        others = np.delete(utilities, k)
        rows.append(
            {
                "match": match.number,
                "scenario": scenario.name,
                "role": party.name,
                "strategy": strategy,
                "opponents": "+".join(np.delete(np.array(match.roles), k).tolist()),
                "repetition": match.repetition,
                "seed": match.seed,
                "utility": float(utilities[k]),
                "opponent_utility": float(others.mean()),
                "welfare": float(utilities.sum()),
                "agreement": 1.0 if agreed else 0.0,
                "pareto_distance": pareto,
                "nash_distance": nash,
                "offers": out.offers,
                "vetoes": out.vetoes,
                "engine": out.engine,
            }
        )
        if stages:
            staged = scenario.stages is not None
            rows[-1]["stopgap"] = (1.0 if out.stopgap is not None else 0.0) if staged else None
    return rows


@lru_cache(maxsize=32)
def arena(scenario: Scenario) -> Arena:
    """The arena of `scenario` (frontier and Nash point computed once per process)."""
    return Arena(scenario)


def play(plan: TournamentPlan, start: int, stop: int) -> list[dict[str, Any]]:
    """Matches start..stop−1 of `plan`, scored (deterministic pairings played once)."""
    arenas = [arena(s) for s in plan.scenarios]
    stages = any(s.stages is not None for s in plan.scenarios)
    played: dict[tuple[int, tuple[str, ...]], RunOutcome] = {}
    rows: list[dict[str, Any]] = []
    for match in plan.matches_in(start, stop):
        key = (match.scenario, match.roles)
        if deterministic(match.roles) and key in played:
            out = played[key]
        else:
            out = run_one(plan.cast(match), seed=match.seed)
            played[key] = out
        rows.extend(score(arenas[match.scenario], match, out, stages))
    return rows


def leaderboard(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mean of each score per strategy over all its matches and roles, ranked by own utility
    (ties: social welfare, then name)."""
    by: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by.setdefault(row["strategy"], []).append(row)
    board = []
    for name, mine in by.items():
        entry_: dict[str, Any] = {"strategy": name, "matches": len(mine)}
        for metric in (*METRICS, "stopgap") if "stopgap" in mine[0] else METRICS:
            values = [r[metric] for r in mine if r[metric] is not None]
            entry_[metric] = float(np.mean(values)) if values else None
        board.append(entry_)
    board.sort(key=lambda e: (-e["utility"], -e["welfare"], e["strategy"]))
    for rank, e in enumerate(board, 1):
        e["rank"] = rank
    return board


def stopgaps(rows: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Per scenario with deals in stages, the share of its matches whose first agreement was a
    stop-gap (each match counted once, not once per role)."""
    seen: dict[str, dict[int, float]] = {}
    for row in rows:
        if row.get("stopgap") is not None:
            seen.setdefault(row["scenario"], {})[row["match"]] = row["stopgap"]
    return {name: sum(found.values()) / len(found) for name, found in seen.items()}
