"""Why tournament rows look alike: the room a scenario leaves the strategies (experiments/room)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from clitools import command_app
from typer.testing import CliRunner

from burdenshare.cli import commands_experiments
from burdenshare.engine.protocol import negotiate
from burdenshare.experiments.room import alike, first_open, notes, scenario_notes
from burdenshare.experiments.tournament import TournamentPlan, play
from burdenshare.model import Offer
from burdenshare.scenario import load

STRATEGIES = ("boulware", "conceder", "ratification-aware")


def _rows(scenario_name: str) -> tuple[TournamentPlan, list[dict[str, object]]]:
    plan = TournamentPlan(STRATEGIES, (load(scenario_name),), 1, 0)
    return plan, play(plan, 0, len(plan.matches()))


def test_no_ratifiable_deal_while_trump_holds_office_on_sma_2019() -> None:
    s = load("sma-2019")
    first = first_open(s)
    assert first == 9 and s.calendar.meetings[first].date >= dt.date(2021, 1, 20)
    # without the President's floor a deal fits from an earlier meeting
    no_trump = dataclasses.replace(s, ratifiers=tuple(r for r in s.ratifiers if r.name != "trump"))
    no_trump_first = first_open(no_trump)
    assert no_trump_first is not None and no_trump_first <= 7


def test_the_first_open_meeting_agrees_with_the_ratifiers_votes() -> None:
    s = load("sma-2019")
    sq = s.status_quo.terms

    def passes(offer: Offer, day: dt.date) -> bool:
        votes = [
            r.vote(s.space, offer, sq, s.party(r.party).valuation).accept
            for r in s.ratifiers
            if r.in_office(day)
        ]
        reservations = [s.reservation(p.name, day) for p in s.parties]
        worth = all(
            p.valuation.utility(s.space, offer) >= r - 1e-12
            for p, r in zip(s.parties, reservations, strict=True)
        )
        return all(votes) and worth

    # about the deal signed in 2021 (+13.9 %, six years, the 1991 scope): open from meeting 9
    terms = (("amount", 1180.0), ("escalation", 0.0), ("duration", 6.0), ("scope", sq["scope"]))
    deal = s.space.snap(Offer(terms))
    assert passes(deal, s.calendar.meetings[9].date)
    assert not passes(deal, s.calendar.meetings[8].date)


def test_sma_2019_boulware_and_conceder_alike_and_the_notes_say_why() -> None:
    plan, rows = _rows("sma-2019")
    assert ("boulware", "conceder") in alike(rows)
    said = notes(plan.scenarios, rows)
    assert any(n.startswith("boulware, conceder ended every match alike") for n in said)
    assert any("before meeting 9 (2021-02-05)" in n for n in said)
    assert any("t = 1" in n for n in said)
    # the agreements all come at or after that meeting, where every clock is at t = 1
    agreed = 0
    for match in plan.matches():
        outcome = negotiate(plan.cast(match), None, match.seed).outcome
        if outcome.status == "agreement":
            agreed += 1
            assert outcome.meeting is not None and outcome.meeting >= 9
    assert agreed > 0


def test_with_room_the_time_dependent_family_differs_and_no_note_blames_the_scenario() -> None:
    s = load("sma-2019")
    roomy = dataclasses.replace(s, ratifiers=())
    plan = TournamentPlan(STRATEGIES, (roomy,), 1, 0)
    rows = play(plan, 0, len(plan.matches()))
    assert ("boulware", "conceder") not in alike(rows)
    assert scenario_notes(roomy) == []


def test_linear_is_named_as_time_dependent_at_its_defaults() -> None:
    plan = TournamentPlan(("linear", "time-dependent"), (load("japan-hns-2021"),), 1, 0)
    rows = play(plan, 0, len(plan.matches()))
    said = notes(plan.scenarios, rows)
    assert any("time-dependent is linear at its defaults" in n for n in said)


def test_cli_tournament_prints_and_returns_the_notes() -> None:
    app = command_app(commands_experiments)
    args = ["tournament", "--scenario", "sma-2019"]
    for name in STRATEGIES:
        args += ["--strategy", name]
    out = CliRunner().invoke(app, [*args, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert any("boulware, conceder" in n for n in data["notes"])
    table = CliRunner().invoke(app, args)
    assert "note: boulware, conceder ended every match alike" in table.stdout


def test_a_scenario_no_strategy_can_settle_is_named() -> None:
    blocked = load("sma-2019", ["ratifiers.trump.end=2030-01-01"])
    plan = TournamentPlan(STRATEGIES, (blocked,), 1, 0)
    rows = play(plan, 0, len(plan.matches()))
    assert all(r["agreement"] == 0.0 for r in rows)
    said = notes(plan.scenarios, rows)
    assert any("no strategy can reach an agreement" in n for n in said)
    assert any(", ".join(STRATEGIES) + " ended every match alike" in n for n in said)
