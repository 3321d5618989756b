"""Invariants of the reference engine over random scenarios (hypothesis)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from builders import random_scenarios
from hypothesis import HealthCheck, given, settings

from burdenshare.engine import negotiate
from burdenshare.engine.protocol import default_strategies
from burdenshare.model import Offer
from burdenshare.strategies import NegotiatorView, Strategy

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(random_scenarios())
def test_property_no_offer_leaves_the_issue_ranges(scenario) -> None:  # type: ignore[no-untyped-def]
    result = negotiate(scenario)
    for event in result.trace:
        if event.kind == "offer":
            assert event.offer is not None and scenario.space.contains(event.offer)
            for issue in scenario.space.issues:
                assert issue.contains(event.offer[issue.name])


@dataclass(frozen=True)
class Recording:
    """Wraps a strategy and records every acceptance decision with the view it was made on."""

    inner: Strategy
    log: list[tuple[NegotiatorView, Offer, bool]]
    name: ClassVar[str] = "recording"
    tags: ClassVar[frozenset[str]] = frozenset()

    def target(self, view: NegotiatorView) -> float:
        return self.inner.target(view)

    def propose(self, view: NegotiatorView) -> Offer:
        return self.inner.propose(view)

    def accepts(self, view: NegotiatorView, offer: Offer) -> bool:
        decision = self.inner.accepts(view, offer)
        self.log.append((view, offer, decision))
        return decision


@SETTINGS
@given(random_scenarios())
def test_property_an_accepted_offer_satisfies_the_acceptors_rule(scenario) -> None:  # type: ignore[no-untyped-def]
    """Every acceptance: u(offer) ≥ max(target, reservation value) in the acceptor's own view,
    and the utility recorded in the trace is the acceptor's."""
    log: list[tuple[NegotiatorView, Offer, bool]] = []
    wrapped = {name: Recording(s, log) for name, s in default_strategies(scenario).items()}
    result = negotiate(scenario, wrapped)
    for view, offer, decision in log:
        if decision:
            utility = view.utility(offer)
            assert utility >= max(wrapped[view.party].target(view), view.reservation) - 1e-6
            assert utility >= scenario.reservation(view.party, view.date) - 1e-12
    for event in result.trace:
        if event.kind == "response" and event.accept:
            assert event.utilities is not None and event.offer is not None
            own = scenario.party(event.party).valuation.utility(scenario.space, event.offer)  # type: ignore[arg-type]
            assert event.utilities[result.parties.index(event.party)] == own  # type: ignore[arg-type]


@SETTINGS
@given(random_scenarios())
def test_property_same_seed_same_trace(scenario) -> None:  # type: ignore[no-untyped-def]
    first = negotiate(scenario, seed=7).to_dict()
    second = negotiate(scenario, seed=7).to_dict()
    assert first == second


@SETTINGS
@given(random_scenarios())
def test_property_agreements_pass_every_ratifier_in_office(scenario) -> None:  # type: ignore[no-untyped-def]
    result = negotiate(scenario)
    if result.outcome.status != "agreement":
        return
    assert result.outcome.terms is not None
    for ratifier in scenario.ratifiers:
        if ratifier.in_office(result.outcome.date):
            vote = ratifier.vote(scenario.space, result.outcome.terms, scenario.status_quo.terms,
                                 scenario.party(ratifier.party).valuation)
            assert vote.accept, vote.reason


@SETTINGS
@given(random_scenarios())
def test_property_utilities_stay_in_the_unit_interval(scenario) -> None:  # type: ignore[no-untyped-def]
    for party in scenario.parties:
        utilities = party.valuation.utilities(scenario.space)
        assert utilities.min() >= -1e-12 and utilities.max() <= 1 + 1e-12
