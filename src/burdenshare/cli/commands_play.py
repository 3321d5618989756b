"""`burdenshare play`: negotiate one party's side yourself, meeting by meeting."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from burdenshare.cli._common import json_text, reports_input_errors, write_text_atomic
from burdenshare.cli.commands_scenario import SEED, SET, STRICT, warn
from burdenshare.errors import InputError, Problem

if TYPE_CHECKING:
    from burdenshare.model import Offer, Scenario
    from burdenshare.strategies.view import NegotiatorView

MAX_GAME_BYTES = 4 * 2**20
"""A saved game is at most this big (a long game has a few thousand decisions)."""


def play(
    scenario: Annotated[str, typer.Argument(help="A built-in scenario name or a TOML file.")],
    as_: Annotated[str, typer.Option("--as", help="The party you play, e.g. ROK.")],
    seed: Annotated[int, SEED] = 0,
    set_: Annotated[list[str] | None, SET] = None,
    save: Annotated[
        Path | None, typer.Option("--save", help="Write the finished game to FILE.json.")
    ] = None,
    replay: Annotated[
        Path | None, typer.Option("--replay", help="Play a saved game again (no questions).")
    ] = None,
    strict: Annotated[bool, STRICT] = False,
) -> None:
    """Play one party yourself against the scenario's strategies: propose terms and answer
    offers meeting by meeting; the ratifiers vote on any tentative deal; at the end your
    result is set against the model's run and the bargaining solutions."""
    from burdenshare.analysis.briefing import analyze
    from burdenshare.cli.render import console, negotiation_table, outcome_lines
    from burdenshare.engine import negotiate
    from burdenshare.reports.play import Person, Replay, game_dict, verdict
    from burdenshare.scenario import load_source
    from burdenshare.scenario.build import terms_of

    if save is not None and save.suffix.lower() != ".json":
        raise InputError(Problem("--save", f"expected a .json file name, got {save.name!r}"))
    loaded = load_source(scenario, set_ or [])
    warn(loaded, strict)
    s = loaded.scenario
    names = [p.name for p in s.parties]
    if as_ not in names:
        raise InputError(
            Problem("--as", f"unknown party {as_!r}; expected one of: {', '.join(names)}")
        )
    person: Person | Replay
    if replay is not None:
        game = _read_game(replay, loaded.sha256, as_)
        person = Replay(
            game["decisions"], lambda raw, where: terms_of(raw, s.space, where), str(replay)
        )
    else:
        person = Person(_asker(s, as_), _answerer(s))
    result = negotiate(s, {as_: person}, seed=seed)
    model = negotiate(s, seed=seed)
    con = console()
    con.print(negotiation_table(s, result))
    for line in outcome_lines(s, result):
        con.print(line)
    judged = verdict(s, as_, result, model, analyze(s, "reservation"))
    for line in _verdict_lines(judged, as_, names):
        con.print(line)
    if save is not None:
        game = game_dict(s, as_, list(person.decisions), result, loaded.sha256, seed)
        write_text_atomic(save, json_text(game, ensure_ascii=False) + "\n")
        print(f"wrote {save}", file=sys.stderr)


def _read_game(path: Path, sha256: str, party: str) -> dict[str, Any]:
    """A saved game, checked: its format, the same scenario (by sha256) and the same seat."""
    from burdenshare.files import read_input
    from burdenshare.reports.play import read_game

    raw = read_input(path, "a saved game (play --save)", MAX_GAME_BYTES)
    return read_game(raw, str(path), sha256, party)


def _ask(prompt: str) -> str:
    """One line from the person (an `InputError` when there is no one to ask)."""
    print(prompt, end="", flush=True)
    line = sys.stdin.readline()
    if not line:
        raise InputError(
            Problem("stdin", "the game needs your answers: play in a terminal, or give --replay")
        )
    return line.strip()


def _asker(scenario: Scenario, party: str) -> Any:
    """The person's proposals: each issue asked in turn, the last own offer as the default."""
    from burdenshare.reports.play import typed
    from burdenshare.scenario.build import terms_of

    def ask(view: NegotiatorView) -> Offer:
        meeting = scenario.calendar.meetings[view.meeting]
        print(
            f"\n{view.date.isoformat()} {meeting.label}, {meeting.place}: your turn ({party}); "
            f"no deal is worth {view.reservation:.3f} to you now"
        )
        mine, theirs = view.last_own_offer(), view.last_opponent_offer()
        if theirs is not None:
            print(
                f"  last offer to you ({theirs.party}): {scenario.describe(theirs.offer)} "
                f"(worth {view.utility(theirs.offer):.3f} to you)"
            )
        base = mine.offer if mine is not None else (view.opening or scenario.status_quo.terms)
        defaults = base.to_json()  # as a scenario file writes terms
        while True:
            raw = {}
            for issue in scenario.space.issues:
                text = _ask(
                    f"  {issue.label or issue.name} [{issue.describe_range()}] "
                    f"(Enter: {issue.describe(base[issue.name])}): "
                )
                raw[issue.name] = typed(issue, text) if text else defaults[issue.name]
            try:
                offer = terms_of(raw, scenario.space, "your offer")
            except InputError as exc:
                print(exc.render())
                continue
            print(
                f"  you offer {scenario.describe(offer)} (worth {view.utility(offer):.3f} to you)"
            )
            return offer

    return ask


def _answerer(scenario: Scenario) -> Any:
    """The person's answers: yes or no to each offer made to them."""

    def answer(view: NegotiatorView, offer: Offer) -> bool:
        last = view.last_opponent_offer()
        who = last.party if last is not None else "the other side"
        print(
            f"\n{view.date.isoformat()}: {who} offers {scenario.describe(offer)}: worth "
            f"{view.utility(offer):.3f} to you (no deal: {view.reservation:.3f})"
        )
        while True:
            text = _ask("  accept? [y/n]: ").lower()
            if text in ("y", "yes", "n", "no"):
                return text.startswith("y")

    return answer


def _verdict_lines(judged: dict[str, Any], party: str, names: list[str]) -> list[str]:
    """You against the model's run of your seat and the bargaining solutions."""
    index = names.index(party)

    def worth(utilities: list[float] | None) -> str:
        return "—" if utilities is None else f"{utilities[index]:.3f}"

    def told(found: dict[str, Any]) -> str:
        if found["status"] == "agreement":
            return f"agreement on {found['date']} ({found['terms']}), worth {found['worth']:.3f}"
        return f"no agreement by {found['date']}; no deal is worth {found['worth']:.3f} then"

    lines = [
        "",
        f"You ({party}): {told(judged['you'])}",
        f"The model in your seat: {told(judged['model'])}",
    ]
    for name, found in judged.get("solutions", {}).items():
        label = name.replace("_", "–")
        lines.append(f"  {label} point: worth {worth(found['utilities'])} to {party}")
    lines.append(f"Your gain over the model: {judged['gain_over_model']:+.3f}")
    return lines


def register(app: typer.Typer) -> None:
    """Attach the play command."""
    app.command("play")(reports_input_errors(play))
