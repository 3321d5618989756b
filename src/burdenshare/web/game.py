"""Play a side in the browser: the game is its list of decisions, kept in the page.

Each request plays the game again from the start on the reference engine (the engine is
deterministic for a seed, so the same decisions give the same talks) with a
`reports.play.Person` whose answers are the decisions so far; when they run out, the person's
next turn is what the page asks for (`Turn`), with the talks up to it. A finished game is the
run, its story and the verdict (`reports.play.verdict`), and saves as `play --save` writes it
(`game_dict`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from burdenshare.errors import InputError, Problem
from burdenshare.reports.play import Decision, Person

if TYPE_CHECKING:
    from burdenshare.engine import NegotiationResult
    from burdenshare.model import Offer, Scenario
    from burdenshare.scenario.load import LoadedScenario
    from burdenshare.strategies.view import NegotiatorView

MAX_DECISIONS = 20_000
"""Decisions a game in a page may hold (a long game has a few thousand)."""


@dataclass(frozen=True)
class Turn:
    """The person's turn: `propose` (with the value of each issue to start from, as TOML
    text) or `accept` (with the offer to answer), seen as the party sees it; `so_far` is the
    run up to this turn (its trace cut where the person's decision is due)."""

    kind: str
    view: NegotiatorView
    offer: Offer | None
    defaults: dict[str, str]
    so_far: NegotiationResult


def toml_value(value: Any) -> str:
    """A term as TOML text (what `reports.play.typed` reads back)."""
    if isinstance(value, Mapping):
        inner = ", ".join(f"{json.dumps(str(k))} = {toml_value(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value))


def decisions_of(text: str) -> list[Decision]:
    """The decisions a page sends back (JSON), checked for shape."""
    try:
        decisions = json.loads(text or "[]")
    except json.JSONDecodeError as exc:
        raise InputError(Problem("decisions", f"not JSON: {exc}")) from None
    if not isinstance(decisions, list) or not all(isinstance(d, dict) for d in decisions):
        raise InputError(Problem("decisions", "expected a list of decisions"))
    if len(decisions) > MAX_DECISIONS:
        raise InputError(Problem("decisions", f"more than {MAX_DECISIONS:,} decisions"))
    return decisions


def play(
    scenario: Scenario, party: str, decisions: Sequence[Decision], seed: int
) -> tuple[Turn | None, NegotiationResult | None, list[Decision]]:
    """The game of `decisions` played again: the person's next turn, or the finished run;
    and the decisions as the person took them (dated).

    When the decisions run out, the run goes on with the person keeping their last offer and
    rejecting every offer, only so that its trace can be cut where the person's next decision
    is due: everything before it is what the person has seen (the engine is deterministic)."""
    import dataclasses

    from burdenshare.engine import negotiate
    from burdenshare.scenario.build import terms_of

    pending = list(decisions)
    due: list[tuple[str, NegotiatorView, Offer | None, Offer]] = []

    def starting_point(view: NegotiatorView) -> Offer:
        mine = view.last_own_offer()
        return mine.offer if mine is not None else (view.opening or scenario.status_quo.terms)

    def next_decision(view: NegotiatorView, key: str, kind: type, what: str) -> Any:
        """The next recorded decision's `key`, which must be a `kind` (else the game the
        decisions were made in went another way)."""
        value = pending.pop(0).get(key)
        if not isinstance(value, kind):
            raise InputError(
                Problem("decisions", f"expected {what} on {view.date} (the game went another way)")
            )
        return value

    def ask_offer(view: NegotiatorView) -> Offer:
        if not pending:
            base = starting_point(view)
            if not due:
                due.append(("propose", view, None, base))
            return base
        terms = next_decision(view, "propose", dict, "a proposal")
        return terms_of(terms, scenario.space, "your offer")

    def ask_accept(view: NegotiatorView, offer: Offer) -> bool:
        if not pending:
            if not due:
                due.append(("accept", view, offer, starting_point(view)))
            return False
        answer: bool = next_decision(view, "accept", bool, "an answer")
        return answer

    person = Person(ask_offer, ask_accept)
    result = negotiate(scenario, {party: person}, seed=seed)
    taken = list(person.decisions[: len(decisions)])
    if not due:
        return None, result, taken
    kind, view, offer, base = due[0]
    mine = [
        k
        for k, e in enumerate(result.trace)
        if e.party == party and e.kind in ("offer", "response")
    ]
    cut = mine[len(decisions)] if len(decisions) < len(mine) else len(result.trace)
    so_far = dataclasses.replace(result, trace=result.trace[:cut])
    defaults = {k: toml_value(v) for k, v in base.to_json().items()}
    return Turn(kind, view, offer, defaults, so_far), None, taken


def decision(scenario: Scenario, form: Mapping[str, Any]) -> list[Decision]:
    """The person's new decision in a posted form (none, or one): `accept` or `reject`, or a
    proposal of each issue's value as typed in its `issue.NAME` field
    (`reports.play.typed`; `terms_of` checks it when the game is played)."""
    from burdenshare.reports.play import typed

    action = form.get("action")
    if action in ("accept", "reject"):
        return [{"accept": action == "accept"}]
    if action == "propose":
        return [
            {
                "propose": {
                    issue.name: typed(issue, str(form.get(f"issue.{issue.name}", "")).strip())
                    for issue in scenario.space.issues
                }
            }
        ]
    return []


def page(
    loaded: LoadedScenario, party: str, decisions: Sequence[Decision], seed: int
) -> dict[str, Any]:
    """What the play page shows: the person's turn (date, meeting, place, no-deal value, the
    offer to answer or each issue's starting value, the offers so far with their worth), or
    the finished run's story, the verdict against the model and the bargaining solutions, and
    the game as `play --save` writes it."""
    from burdenshare.analysis.briefing import analyze
    from burdenshare.engine import negotiate
    from burdenshare.reports.html import SOLUTIONS, run_section, talks_table
    from burdenshare.reports.play import game_dict, verdict
    from burdenshare.reports.story import outcome_lines

    scenario = loaded.scenario
    turn, result, taken = play(scenario, party, decisions, seed)
    out: dict[str, Any] = {"decisions": json.dumps(taken), "turn": None}
    if turn is not None:
        view = turn.view
        meeting = scenario.calendar.meetings[view.meeting]
        out.update(
            finished=False,
            turn={
                "kind": turn.kind,
                "date": view.date.isoformat(),
                "meeting": meeting.label,
                "place": meeting.place,
                "reservation": view.reservation,
                "offer": None if turn.offer is None else scenario.describe(turn.offer),
                "worth": None if turn.offer is None else view.utility(turn.offer),
                "defaults": turn.defaults,
            },
            issues=[(i.name, i.label or i.name, i.describe_range()) for i in scenario.space.issues],
            so_far=talks_table(turn.so_far),
        )
        return out
    assert result is not None
    model = negotiate(scenario, seed=seed)
    saved = game_dict(scenario, party, taken, result, loaded.sha256, seed)
    out.update(
        finished=True,
        story=run_section(scenario, result, outcome_lines(scenario, result)).html(),
        verdict=verdict(scenario, party, result, model, analyze(scenario, "reservation")),
        solution_names=SOLUTIONS,
        party_index=result.parties.index(party),
        saved=json.dumps(saved, ensure_ascii=False, indent=2),
    )
    return out
