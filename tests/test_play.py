"""`burdenshare play` and `reports.play`: a person in one seat, the ratifiers and the calendar
as in any run; a finished game saved and played again to the same end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clitools import invoke

from burdenshare.engine import negotiate
from burdenshare.errors import InputError
from burdenshare.reports.play import Person, Replay, verdict
from burdenshare.scenario import load
from burdenshare.scenario.build import terms_of
from burdenshare.strategies import build

ANSWER_THEN_PROPOSE = "n\n" + "\n" * 4  # ROK answers USA's offer, then keeps its last terms
SMA = load("sma-2019")


def test_a_person_playing_as_the_model_gets_the_models_run() -> None:
    """A person who does what the scenario's strategy does gets exactly its run: the person's
    seat changes nothing in the engine (the same trace, event by event)."""
    strategy = build("ratification-aware", {"inner": "anchoring", "hold": 0, "e": 0.5})
    person = Person(strategy.propose, strategy.accepts)
    mine = negotiate(SMA, {"ROK": person})
    model = negotiate(SMA)
    assert mine.trace == model.trace and mine.outcome == model.outcome
    kinds = [next(iter(d)) for d in person.decisions]
    offers = [e for e in model.trace if e.kind in ("offer", "response") and e.party == "ROK"]
    assert kinds == ["accept" if e.kind == "response" else "propose" for e in offers]
    judged = verdict(SMA, "ROK", mine, model)
    assert judged["gain_over_model"] == 0.0 and judged["you"] == judged["model"]


def test_a_saved_game_replays_to_the_same_end_and_a_changed_one_is_refused() -> None:
    strategy = build("boulware")
    person = Person(strategy.propose, strategy.accepts)
    first = negotiate(SMA, {"ROK": person})
    replay = Replay(person.decisions, lambda raw, where: terms_of(raw, SMA.space, where))
    assert negotiate(SMA, {"ROK": replay}).trace == first.trace
    shortened = Replay(person.decisions[:3], lambda raw, where: terms_of(raw, SMA.space, where))
    with pytest.raises(InputError, match=r"decisions\[3\]: missing"):
        negotiate(SMA, {"ROK": shortened})


def test_cli_game_then_replay(tmp_path: Path) -> None:
    game = tmp_path / "game.json"
    played = invoke(
        "play", "sma-2019", "--as", "ROK", "--save", str(game), input=ANSWER_THEN_PROPOSE * 200
    )
    assert played.returncode == 0, played.stderr
    assert "your turn (ROK)" in played.stdout and "accept? [y/n]" in played.stdout
    assert "You (ROK): no agreement by 2021-12-31" in played.stdout
    assert "Your gain over the model: -0.118" in played.stdout
    saved = json.loads(game.read_text(encoding="utf-8"))
    assert saved["party"] == "ROK" and saved["decisions"][0]["accept"] is False
    again = invoke("play", "sma-2019", "--as", "ROK", "--replay", str(game))
    assert again.returncode == 0, again.stderr
    table = played.stdout[played.stdout.index("11th ROK-US") :]
    assert again.stdout == table


def test_a_typing_error_is_said_and_asked_again() -> None:
    typed = "n\n" + "lots\n" + "\n" * 3 + "\n" * 4 + ANSWER_THEN_PROPOSE * 200
    done = invoke("play", "sma-2019", "--as", "ROK", input=typed)
    assert done.returncode == 0, done.stderr
    assert "your offer.amount" in done.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (("--as", "JPN"), "error: --as: unknown party 'JPN'; expected one of: USA, ROK"),
        (("--as", "ROK"), "error: stdin: the game needs your answers"),
        (("--as", "ROK", "--save", "g.txt"), "error: --save: expected a .json file name"),
    ],
)
def test_bad_options_and_no_one_to_ask_exit_2(args: tuple[str, ...], message: str) -> None:
    done = invoke("play", "sma-2019", *args)
    assert done.returncode == 2 and done.stderr.startswith(message), done.stderr


def test_a_game_of_another_scenario_is_refused(tmp_path: Path) -> None:
    game = tmp_path / "game.json"
    played = invoke("play", "sma-2019", "--as", "ROK", "--save", str(game),
                    input=ANSWER_THEN_PROPOSE * 200)  # fmt: skip
    assert played.returncode == 0
    done = invoke("play", "sma-2019", "--as", "ROK", "--replay", str(game),
                  "--set", "parties.ROK.reservation_value=0.6")  # fmt: skip
    assert done.returncode == 2
    assert "scenario_sha256: the game was played on another scenario" in done.stderr
