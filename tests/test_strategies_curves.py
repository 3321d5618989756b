"""Each strategy's documented concession curve, reproduced to floating-point precision."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import one_issue_scenario

from burdenshare.model import Offer
from burdenshare.strategies import NegotiatorView, OfferRecord, build
from burdenshare.strategies.time_dependent import concession, target_utility


def view_at(day_index: int, party: str = "seller", history: tuple[OfferRecord, ...] = (),
            reservation: float = 0.0, opening: Offer | None = None) -> NegotiatorView:
    scenario = one_issue_scenario(meetings=11)
    p = scenario.party(party)
    meeting = scenario.calendar.meetings[day_index]
    t = scenario.calendar.time_fraction(meeting.date)
    return NegotiatorView(party, p.valuation, scenario.space, scenario.calendar, t, day_index,
                          meeting.date, reservation, opening, history)


@pytest.mark.parametrize(
    ("t", "e", "k", "expected"),
    [
        (0.0, 1.0, 0.0, 0.0),
        (1.0, 1.0, 0.0, 1.0),
        (0.5, 1.0, 0.0, 0.5),
        (0.5, 0.2, 0.0, 0.5**5),  # Boulware: t^(1/0.2) = t^5
        (0.5, 2.0, 0.0, 0.5**0.5),  # Conceder: t^(1/2)
        (0.25, 1.0, 0.2, 0.2 + 0.8 * 0.25),
        (0.7, 0.0, 0.1, 0.1),  # hardliner holds k until the end
        (1.0, 0.0, 0.1, 1.0),
    ],
)
def test_faratin_concession_function(t: float, e: float, k: float, expected: float) -> None:
    """f(t) = k + (1 − k) t^(1/e) (Faratin et al. 1998, as in GENIUS)."""
    assert concession(t, e, k) == pytest.approx(expected, rel=0, abs=1e-15)


def test_target_utility_closed_form() -> None:
    """p(t) = P_min + (P_max − P_min)(1 − f(t))."""
    assert target_utility(0.5, 0.2, 1.0, 0.2) == pytest.approx(0.2 + 0.8 * (1 - 0.5**5), abs=1e-15)
    assert target_utility(0.0, 0.3, 0.9, 2.0) == pytest.approx(0.9, abs=1e-15)
    assert target_utility(1.0, 0.3, 0.9, 2.0) == pytest.approx(0.3, abs=1e-15)


@pytest.mark.parametrize(("name", "e"), [("boulware", 0.2), ("linear", 1.0), ("conceder", 2.0)])
def test_presets_follow_the_curve_on_the_calendar(name: str, e: float) -> None:
    """The registered presets give exactly the curve at the calendar's relative times."""
    strategy = build(name)
    for index in range(11):
        view = view_at(index, reservation=0.25)
        expected = 0.25 + 0.75 * (1 - view.time ** (1 / e))
        assert strategy.target(view) == pytest.approx(expected, abs=1e-15)


def test_anchoring_holds_then_concedes_on_the_time_left() -> None:
    """Target = u(anchor) for `hold` meetings, then the Faratin curve from u(anchor) on t'."""
    strategy = build("anchoring", {"hold": 3, "e": 2.0})
    opening = Offer.of({"amount": 90.0})
    for index in range(11):
        view = view_at(index, reservation=0.1, opening=opening)
        if index < 3:
            assert strategy.target(view) == pytest.approx(0.9, abs=1e-15)
            assert strategy.propose(view) == opening
        else:
            t_h = view.time_at(3)
            rest = (view.time - t_h) / (1 - t_h)
            expected = 0.1 + (0.9 - 0.1) * (1 - rest ** (1 / 2.0))
            assert strategy.target(view) == pytest.approx(expected, abs=1e-15)


def test_anchoring_opens_with_its_anchor_even_without_hold() -> None:
    strategy = build("anchoring", {"hold": 0})
    opening = Offer.of({"amount": 70.0})
    assert strategy.propose(view_at(0, opening=opening)) == opening


def test_relative_tit_for_tat_mirrors_the_opponent_ratio() -> None:
    """target_n = target_{n−1} · u(opp_{−2}) / u(opp_{−1}) (Faratin 1998, imitative, δ = 1)."""
    strategy = build("tit-for-tat")
    history = (
        OfferRecord("seller", Offer.of({"amount": 100.0}), 0.0, 0),
        OfferRecord("buyer", Offer.of({"amount": 20.0}), 0.0, 0),
        OfferRecord("seller", Offer.of({"amount": 90.0}), 0.1, 1),
        OfferRecord("buyer", Offer.of({"amount": 25.0}), 0.1, 1),
    )
    view = view_at(2, history=history)
    # seller's utility = amount/100: last own offer 0.9, opponent went 0.20 → 0.25.
    assert strategy.target(view) == pytest.approx(0.9 * 0.20 / 0.25, abs=1e-15)


def test_tit_for_tat_opens_at_its_best_until_it_can_compare() -> None:
    strategy = build("tit-for-tat")
    history = (OfferRecord("buyer", Offer.of({"amount": 20.0}), 0.0, 0),)
    assert strategy.target(view_at(0, history=history)) == pytest.approx(1.0)


def test_wrapper_passes_the_inner_curve_through_without_vetoes() -> None:
    wrapper = build("ratification-aware", {"inner": "boulware"})
    inner = build("boulware")
    for index in range(11):
        view = view_at(index)
        assert wrapper.target(view) == inner.target(view)
        assert wrapper.propose(view) == inner.propose(view)


def test_bad_parameters_are_input_errors() -> None:
    from burdenshare.errors import InputError

    with pytest.raises(InputError, match="e must be"):
        build("boulware", {"e": -1})
    with pytest.raises(InputError, match="unknown parameter"):
        build("anchoring", {"speed": 3})
    with pytest.raises(InputError, match="unknown strategy"):
        build("nope")
    with pytest.raises(InputError, match="expected a float"):
        build("linear", {"e": "fast"})
    assert dt.date(2020, 1, 1)  # the builders' calendar starts here
