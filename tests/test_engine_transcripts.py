"""Transcripts against scripted opponents: each documented behaviour as one readable test."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from builders import Scripted, limit, one_issue_scenario

from burdenshare.engine import negotiate
from burdenshare.model import Ratifier, StrategySpec
from burdenshare.strategies import build


def amounts(result, party: str) -> list[float]:  # type: ignore[no-untyped-def]
    return [
        float(e.offer["amount"]) for e in result.trace if e.kind == "offer" and e.party == party
    ]


def test_linear_seller_concedes_to_its_reservation_against_a_stubborn_buyer() -> None:
    """Linear (e = 1) from 100 toward its reservation value 0.3 over the calendar; the kernel
    offers the lowest grid amount whose utility lies in [target, target + 0.02] nearest the
    previous offer."""
    scenario = one_issue_scenario(meetings=5, offers=2, reservations=(0.3, 0.0))
    result = negotiate(scenario, {"buyer": Scripted((10.0,))})
    offers = amounts(result, "seller")
    assert offers[0] == 100.0
    times = [e.time for e in result.trace if e.kind == "offer" and e.party == "seller"]
    for amount, t in zip(offers, times, strict=True):
        target = 0.3 + 0.7 * (1 - t)
        assert target - 1e-9 <= amount / 100 <= target + 0.02 + 1e-9
    assert offers == sorted(offers, reverse=True)  # never goes back up
    assert result.outcome.status == "no_agreement"


def test_agreement_when_the_scripted_buyer_accepts() -> None:
    scenario = one_issue_scenario(meetings=6, offers=2)
    result = negotiate(scenario, {"buyer": Scripted((10.0,), accept_at=60.0)})
    assert result.outcome.status == "agreement"
    assert result.outcome.terms is not None
    assert float(result.outcome.terms["amount"]) <= 60.0  # type: ignore[arg-type]
    accepted = [e for e in result.trace if e.kind == "response" and e.accept]
    assert len(accepted) == 1 and accepted[0].party == "buyer"


def test_seller_accepts_an_offer_at_or_above_its_target() -> None:
    """AC_next: the (linear, reservation 0) seller accepts the buyer's 80 exactly once its
    target 1 − t has fallen to 0.8, and rejects it before."""
    scenario = one_issue_scenario(meetings=10, offers=2)
    result = negotiate(scenario, {"buyer": Scripted((80.0,))})
    assert result.outcome.status == "agreement"
    assert result.outcome.terms is not None and result.outcome.terms["amount"] == 80.0
    for event in result.trace:
        if event.kind == "response" and event.party == "seller":
            assert event.time is not None
            assert event.accept == (1 - event.time <= 0.8 + 1e-12)


def test_hardliner_never_concedes_before_the_end() -> None:
    scenario = one_issue_scenario(
        meetings=6,
        strategies=(StrategySpec("time-dependent", (("e", 0.0),)), StrategySpec("linear")),
    )
    result = negotiate(scenario, {"buyer": Scripted((0.0,))})
    assert set(amounts(result, "seller")) == {100.0}


def test_anchoring_holds_its_opening_for_the_stated_meetings() -> None:
    from burdenshare.model import Offer

    scenario = one_issue_scenario(meetings=6, offers=2)
    seller = dataclasses.replace(
        scenario.party("seller"),
        opening=Offer.of({"amount": 95.0}),
        strategy=StrategySpec("anchoring", (("hold", 3),)),
    )
    scenario = dataclasses.replace(scenario, parties=(seller, scenario.party("buyer")))
    result = negotiate(scenario, {"buyer": Scripted((0.0,))})
    offers = amounts(result, "seller")
    assert offers[:3] == [95.0, 95.0, 95.0]  # one seller offer per meeting (2 offers, alternating)
    assert offers[3] == 95.0  # the curve starts at the anchor when the hold ends
    assert offers[4] < 95.0


def test_tit_for_tat_concedes_only_when_the_opponent_does() -> None:
    scenario = one_issue_scenario(meetings=6, offers=2)
    stubborn = negotiate(scenario, {"seller": build("tit-for-tat"), "buyer": Scripted((10.0,))})
    assert set(amounts(stubborn, "seller")) == {100.0}
    moving = negotiate(
        scenario, {"seller": build("tit-for-tat"), "buyer": Scripted((10.0, 20.0, 30.0, 40.0))}
    )
    offers = amounts(moving, "seller")
    assert offers[0] == 100.0 and offers[-1] < 100.0


def test_a_veto_sends_the_talks_back_and_the_wrapper_learns_the_limit() -> None:
    """The seller's own senate demands at least 70; a deal at 60 is vetoed, after which the
    ratification-aware seller neither proposes nor accepts anything below 70."""
    senate = Ratifier("senate", "seller", (limit("amount", min=70.0),))
    scenario = one_issue_scenario(
        meetings=8,
        strategies=(
            StrategySpec("ratification-aware", (("inner", "conceder"),)),
            StrategySpec("linear"),
        ),
        ratifiers=(senate,),
    )
    result = negotiate(scenario, {"buyer": Scripted((60.0, 60.0, 60.0, 60.0, 60.0, 75.0), 80.0)})
    kinds = [e.kind for e in result.trace]
    assert "veto" in kinds
    veto = kinds.index("veto")
    assert result.trace[veto - 1].kind == "ratification_vote" and not result.trace[veto - 1].accept
    after = [
        e for e in result.trace[veto:] if e.party == "seller" and e.kind in ("offer", "response")
    ]
    for event in after:
        if event.kind == "offer" or event.accept:
            assert float(event.offer["amount"]) >= 70.0  # type: ignore[index,arg-type]
    # the next offer after a veto happens in the next meeting, not the same one
    vetoed_meeting = result.trace[veto].meeting
    next_offer = next(e for e in result.trace[veto:] if e.kind == "offer")
    assert next_offer.meeting == vetoed_meeting + 1  # type: ignore[operator]
    assert result.outcome.status == "agreement"
    assert float(result.outcome.terms["amount"]) >= 70.0  # type: ignore[index,arg-type]


def test_deadline_lapse_and_breakdown_are_in_the_trace() -> None:
    scenario = one_issue_scenario(
        meetings=4, deadline_index=1, reservations=(0.5, 0.5), lapse=(-0.3, -0.3)
    )
    result = negotiate(
        scenario, {"buyer": Scripted((0.0,)), "seller": Scripted((100.0,), buyer=False)}
    )
    kinds = [e.kind for e in result.trace]
    assert kinds.count("deadline") == 1 and kinds[-1] == "breakdown"
    deadline = next(e for e in result.trace if e.kind == "deadline")
    assert deadline.date == scenario.calendar.deadline
    assert result.outcome.status == "no_agreement" and result.outcome.during_lapse
    # reservation values drift after the deadline: −0.3 per month
    later = scenario.calendar.deadline + dt.timedelta(days=30)
    expected = 0.5 - 0.3 * 30 / (365.25 / 12)
    assert scenario.reservation("seller", later) == pytest.approx(expected, abs=1e-15)
    assert scenario.reservation("seller", scenario.calendar.deadline) == 0.5


def test_three_parties_take_turns_and_all_must_accept() -> None:
    from burdenshare.model import LinearValue, Party, Valuation

    scenario = one_issue_scenario(meetings=3, offers=3)
    third = Party(
        "mediator",
        Valuation((("amount", 1.0),), (("amount", LinearValue("rising")),)),
        0.0,
        StrategySpec("linear"),
    )
    scenario = dataclasses.replace(scenario, parties=(*scenario.parties, third))
    result = negotiate(
        scenario,
        {
            "buyer": Scripted((0.0,)),
            "seller": Scripted((100.0,), buyer=False),
            "mediator": Scripted((50.0,), accept_at=None),
        },
    )
    proposers = [e.party for e in result.trace if e.kind == "offer"]
    assert proposers[:6] == ["seller", "buyer", "mediator", "seller", "buyer", "mediator"]
    assert result.outcome.status == "no_agreement"
