"""A seat at the table: a person plays one party, the scenario's strategies the others.

`Person` is a strategy whose decisions come from outside (the terminal of `burdenshare play`, a
web page, a test) through two callbacks, and which writes every decision down; `Replay` plays a
written game again, decision by decision, and refuses a game that does not go the same way.
The engine, the ratifiers and the calendar are the reference engine's: a person's tentative deal
is voted on like any other. `game_dict` is the saved game; `verdict` compares the person's result
with the model's own run of the same seat and with the bargaining solutions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from burdenshare.errors import InputError, Problem

if TYPE_CHECKING:
    from burdenshare.analysis.briefing import Analysis
    from burdenshare.engine import NegotiationResult
    from burdenshare.model import Offer, Scenario
    from burdenshare.model.kinds.base import Issue
    from burdenshare.strategies.view import NegotiatorView

GAME_FORMAT = "burdenshare-game/1"
"""The format of a saved game (`game_dict`)."""

Decision = dict[str, Any]
"""One decision as saved: `{"propose": {issue: value}}` or `{"accept": true|false}`, with the
meeting and the date it was taken at."""


@dataclass(eq=False)
class Person:
    """A party played by a person: `ask_offer(view)` and `ask_accept(view, offer)` decide; every
    decision is appended to `decisions` (a person is not a pure function of the view, so this
    strategy is not a registered, immutable one)."""

    ask_offer: Callable[[NegotiatorView], Offer]
    ask_accept: Callable[[NegotiatorView, Offer], bool]
    decisions: list[Decision] = field(default_factory=list)
    name: ClassVar[str] = "person"
    tags: ClassVar[frozenset[str]] = frozenset({"person"})

    def target(self, view: NegotiatorView) -> float:
        """A person has no target the engine could read: their best utility stands for it."""
        return view.best

    def propose(self, view: NegotiatorView) -> Offer:
        """The offer the person makes now."""
        offer = self.ask_offer(view)
        self.decisions.append(_decision(view, propose=offer.to_json()))
        return offer

    def accepts(self, view: NegotiatorView, offer: Offer) -> bool:
        """Whether the person accepts `offer` now."""
        answer = self.ask_accept(view, offer)
        self.decisions.append(_decision(view, accept=answer))
        return answer


def _decision(view: NegotiatorView, **what: Any) -> Decision:
    return {**what, "meeting": view.meeting, "date": view.date.isoformat()}


@dataclass(eq=False)
class Replay:
    """A saved game's decisions, played again in order (`terms` turns saved terms back into
    an offer of the scenario); a decision that is not the one the game asks for now (a
    proposal where an answer is due, or none left) is an `InputError` naming the decision."""

    decisions: Sequence[Decision]
    terms: Callable[[Mapping[str, Any], str], Offer]
    where: str = "game"
    taken: int = 0
    name: ClassVar[str] = "person"
    tags: ClassVar[frozenset[str]] = frozenset({"person"})

    def target(self, view: NegotiatorView) -> float:
        """As `Person.target`."""
        return view.best

    def _next(self, view: NegotiatorView, key: str) -> Any:
        at = f"{self.where}: decisions[{self.taken}]"
        if self.taken >= len(self.decisions):
            raise InputError(Problem(at, f"missing: the game asks for a {key} on {view.date}"))
        decision = self.decisions[self.taken]
        if not isinstance(decision, dict) or key not in decision:
            raise InputError(
                Problem(at, f"expected a {key} on {view.date} (the game went another way)")
            )
        self.taken += 1
        return decision[key]

    def propose(self, view: NegotiatorView) -> Offer:
        """The saved proposal."""
        terms = self._next(view, "propose")
        if not isinstance(terms, dict):
            raise InputError(Problem(f"{self.where}: decisions", "a proposal is a table of terms"))
        return self.terms(terms, f"{self.where}: decisions[{self.taken - 1}].propose")

    def accepts(self, view: NegotiatorView, offer: Offer) -> bool:
        """The saved answer."""
        answer = self._next(view, "accept")
        if not isinstance(answer, bool):
            raise InputError(Problem(f"{self.where}: decisions", "an answer is true or false"))
        return answer


def game_dict(
    scenario: Scenario,
    party: str,
    decisions: Sequence[Decision],
    result: NegotiationResult,
    sha256: str,
    seed: int,
) -> dict[str, Any]:
    """A finished game as saved (`play --save`): the scenario (name and sha256), the seat, the
    seed, every decision in order, and how the talks ended."""
    outcome = result.outcome
    return {
        "format": GAME_FORMAT,
        "scenario": scenario.name,
        "scenario_sha256": sha256,
        "party": party,
        "seed": seed,
        "decisions": list(decisions),
        "outcome": {
            "status": outcome.status,
            "date": outcome.date.isoformat(),
            "terms": None if outcome.terms is None else outcome.terms.to_json(),
        },
    }


def verdict(
    scenario: Scenario,
    party: str,
    mine: NegotiationResult,
    model: NegotiationResult,
    analysis: Analysis | None = None,
) -> dict[str, Any]:
    """The person's result against the model's run of the same seat and the bargaining
    solutions: status, date, terms, every party's utility, and what each is worth to `party`
    (without a deal, its no-deal value on the last date)."""
    index = mine.parties.index(party)

    def told(result: NegotiationResult) -> dict[str, Any]:
        outcome = result.outcome
        worth = (
            outcome.utilities[index]
            if outcome.utilities is not None
            else scenario.reservation(party, outcome.date)  # no deal: its value that day
        )
        return {
            "status": outcome.status,
            "date": outcome.date.isoformat(),
            "terms": None if outcome.terms is None else scenario.describe(outcome.terms),
            "utilities": None if outcome.utilities is None else list(outcome.utilities),
            "worth": worth,
        }

    out: dict[str, Any] = {"party": party, "you": told(mine), "model": told(model)}
    if analysis is not None:
        out["solutions"] = {}
        for name, found in analysis.solutions.items():
            terms = analysis.solution_terms.get(name)
            if found is not None:
                out["solutions"][name] = {
                    "terms": None if terms is None else scenario.describe(terms),
                    "utilities": [float(u) for u in found.utilities],
                }
    out["gain_over_model"] = out["you"]["worth"] - out["model"]["worth"]
    return out


def typed(issue: Issue, text: str) -> Any:
    """A value a person typed for `issue`, as a scenario file would hold it: a TOML value
    (`1200`, `["labor"]`, `{USA = 16, DEU = 16}`), else categories as a comma list, else the
    text (an option). `scenario.build.terms_of` then checks it."""
    import tomllib

    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        if issue.members():
            return [word.strip() for word in text.split(",") if word.strip()]
        return text


def read_game(raw: bytes, where: str, sha256: str, party: str) -> dict[str, Any]:
    """A saved game's bytes (read from `where`), checked: its format, the same scenario (by
    sha256) and the same seat; an `InputError` naming `where` otherwise."""
    import json

    try:
        game = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(Problem(where, f"not a saved game: {exc}")) from None
    if not isinstance(game, dict) or game.get("format") != GAME_FORMAT:
        raise InputError(Problem(where, f"not a saved game (expected format {GAME_FORMAT})"))
    if game.get("scenario_sha256") != sha256:
        raise InputError(
            Problem(f"{where}: scenario_sha256", "the game was played on another scenario")
        )
    if game.get("party") != party:
        raise InputError(
            Problem(
                f"{where}: party", f"the game was played as {game.get('party')!r}, not {party!r}"
            )
        )
    if not isinstance(game.get("decisions"), list):
        raise InputError(Problem(f"{where}: decisions", "expected a list of decisions"))
    return game
