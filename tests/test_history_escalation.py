"""Escalation rules: published SMA amounts reproduced to the published rounding, missing
inputs reported, and properties (the cap is never exceeded, missing inputs block later years)."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from burdenshare.errors import InputError
from burdenshare.history.escalation import (
    CPI,
    DEFENSE_BUDGET,
    REAL_GNP,
    RULES,
    DefenseBudgetGrowth,
    FixedRate,
    Flat,
    GnpPlusCpi,
    LaggedCpi,
    MissingInputError,
    make_rule,
    parse_params,
)
from burdenshare.history.record import load_record

BN = Decimal("0.1")  # amounts in KRW bn, published to KRW 0.1 bn (100 M won)


@pytest.fixture(scope="module")
def inputs():
    return load_record().rule_inputs()


def amounts(schedule):
    return {year: str(amount) for year, amount in schedule.require().items()}


# --- published amounts ------------------------------------------------------------------------


def test_2021_is_2020_plus_defense_budget_growth_plus_labor_adjustment(inputs):
    # 2021 = 2020 x (1 + 7.4 % 2020 defense-budget growth + 6.5 % labor-cost adjustment)
    rule = DefenseBudgetGrowth(lag=1, plus_pct=Decimal("6.5"), round_to=BN)
    assert amounts(rule.amounts("1038.9", [2020, 2021], inputs)) == {2020: "1038.9", 2021: "1183.3"}


def test_11th_sma_rule_reaches_the_published_2025_amount(inputs):
    rule = DefenseBudgetGrowth(lag=1, round_to=BN)
    result = amounts(rule.amounts("1183.3", range(2021, 2026), inputs))
    assert result[2022] == "1247.2"  # 2022 = +5.4 % (MOFA / Reuters, Mar 2021)
    assert result[2025] == "1402.8"  # published (ASIAE24)


def test_12th_sma_first_year_and_its_cpi_rule(inputs):
    # 2026 is negotiated (+8.3 % over 2025); 2027 = 2026 x (1 + CPI 2025), cap 5 %
    assert (
        amounts(FixedRate(rate_pct="8.3", round_to=BN).amounts("1402.8", [2025, 2026]))[2026]
        == "1519.2"
    )
    schedule = LaggedCpi(lag=2, cap_pct=5, round_to=BN).amounts("1519.2", [2026, 2027], inputs)
    assert amounts(schedule)[2027] == "1551.1"


def test_7th_sma_2008_is_2007_times_one_plus_cpi(inputs):
    rule = LaggedCpi(lag=2, round_to=BN)  # CPI of 2006 (2.2 %) gives the published 741.5
    assert amounts(rule.amounts("725.5", [2007, 2008], inputs))[2008] == "741.5"
    other = LaggedCpi(lag=1, round_to=BN)  # CPI of 2007 (2.5 %) would not
    assert amounts(other.amounts("725.5", [2007, 2008], inputs))[2008] != "741.5"


def test_8th_and_9th_sma_capped_cpi_rule_reproduces_dwp18(inputs):
    rule = LaggedCpi(lag=2, cap_pct=4, round_to=BN)
    eighth = amounts(rule.amounts("760.0", range(2009, 2014), inputs))
    assert eighth == {2009: "760.0", 2010: "790.4", 2011: "812.5", 2012: "836.1", 2013: "869.5"}
    assert rule.amounts("760.0", [2009, 2010], inputs).entries[1].rate_pct == 4  # CPI 2008 4.7 %
    ninth = amounts(rule.amounts("920.0", range(2014, 2019), inputs))
    assert ninth == {2014: "920.0", 2015: "932.0", 2016: "944.1", 2017: "950.7", 2018: "960.2"}


def test_3rd_sma_plus_ten_percent_to_the_published_rounding():
    # Hankyung 1995: USD 330 M in 1996, USD 390 M in 1998; DWP18: 3.3, 3.6, 3.9 (USD 100 M)
    down = FixedRate(rate_pct=10, round_to=10, rounding="down")
    assert amounts(down.amounts(330, [1996, 1997, 1998])) == {1996: "330", 1997: "360", 1998: "390"}
    exact = amounts(FixedRate(rate_pct=10).amounts(330, [1996, 1997, 1998]))
    assert exact == {1996: "330", 1997: "363.0", 1998: "399.30"}


def test_6th_sma_flat():
    assert set(Flat().amounts("680.4", [2005, 2006]).require().values()) == {Decimal("680.4")}


# --- missing inputs ---------------------------------------------------------------------------


def test_missing_cpi_blocks_the_year_and_every_later_one(inputs):
    schedule = LaggedCpi(lag=2, cap_pct=5, round_to=BN).amounts("1519.2", range(2026, 2031), inputs)
    assert schedule.known() == {2026: Decimal("1519.2"), 2027: Decimal("1551.1")}
    assert [e.amount for e in schedule.entries[2:]] == [None, None, None]
    (missing,) = schedule.missing
    assert (missing.series, missing.year, missing.needed_for) == (CPI, 2026, 2028)
    with pytest.raises(MissingInputError, match="2028 needs cpi_inflation_pct for 2026"):
        schedule.require()


def test_missing_series_is_named_never_zero():
    schedule = GnpPlusCpi(lag=1).amounts(333, [1999, 2000, 2001], {CPI: {1999: 0.8}})
    assert not schedule.complete
    assert schedule.missing[0].series == REAL_GNP
    assert all(e.amount is None for e in schedule.entries[1:])
    full = GnpPlusCpi(lag=1).amounts(333, [1999, 2000], {CPI: {1999: 0.8}, REAL_GNP: {1999: 10.7}})
    assert full.require()[2000] == Decimal(333) * Decimal("1.115")


def test_inputs_needed_lists_series_and_years():
    assert LaggedCpi(lag=2).inputs_needed([2026, 2027, 2028]) == ((CPI, 2025), (CPI, 2026))
    assert DefenseBudgetGrowth().inputs_needed([2021, 2022]) == ((DEFENSE_BUDGET, 2021),)
    assert FixedRate(rate_pct=3).inputs_needed([2020, 2021]) == ()


# --- rules as values: registry, parameters, errors -------------------------------------------


def test_registry_names_every_rule_and_rebuilds_it_from_its_params():
    assert set(RULES) == {
        "flat",
        "fixed_rate",
        "gnp_plus_cpi",
        "lagged_cpi",
        "deflator_plus_fixed",
        "defense_budget_growth",
    }
    rule = LaggedCpi(lag=2, cap_pct=5, round_to=BN)
    assert make_rule(rule.name, rule.params()) == rule
    assert make_rule("lagged_cpi", parse_params("lag=2; cap_pct=5; round_to=0.1")) == rule
    assert len({rule, make_rule("lagged_cpi", rule.params()), Flat()}) == 2  # hashable options
    assert "capped at 5 %" in rule.describe()


def test_bad_rules_and_parameters_are_input_errors():
    with pytest.raises(InputError, match="unknown rule 'cpi_plus'; expected one of flat"):
        make_rule("cpi_plus")
    with pytest.raises(InputError, match=r"lagged_cpi.cap: unknown parameter"):
        make_rule("lagged_cpi", {"cap": "4"})
    with pytest.raises(InputError, match="rate_pct: expected a number"):
        make_rule("fixed_rate", {"rate_pct": "ten"})
    with pytest.raises(InputError, match="rounding: expected one of half_up, down"):
        FixedRate(rate_pct=1, rounding="up")
    with pytest.raises(InputError, match="consecutive years"):
        Flat().amounts(1, [2020, 2022])
    with pytest.raises(InputError, match="lag: expected a whole number, got 'two'"):
        make_rule("lagged_cpi", {"lag": "two"})
    with pytest.raises(InputError, match="key=value"):
        parse_params("lag 2")


def test_rates_are_used_as_published_to_one_decimal():
    rule = LaggedCpi(lag=2)
    schedule = rule.amounts(100, [2015, 2016], {CPI: {2014: "1.27477446401322"}})
    assert schedule.entries[1].rate_pct == Decimal("1.3")
    raw = LaggedCpi(lag=2, rate_decimals=None).amounts(100, [2015, 2016], {CPI: {2014: "1.27"}})
    assert raw.entries[1].rate_pct == Decimal("1.27")


# --- properties -------------------------------------------------------------------------------

rates = st.decimals(min_value=-5, max_value=20, places=2, allow_nan=False, allow_infinity=False)


@given(
    first=st.decimals(min_value=1, max_value=10_000, places=1),
    cap=st.decimals(min_value=0, max_value=10, places=1),
    cpi=st.lists(rates, min_size=6, max_size=6),
)
def test_property_the_cap_is_never_exceeded(first, cap, cpi):
    years = list(range(2026, 2031))
    inputs = {CPI: {2024 + i: v for i, v in enumerate(cpi)}}
    exact = LaggedCpi(lag=2, cap_pct=cap, rate_decimals=None).amounts(first, years, inputs)
    values = list(exact.require().values())
    for prev, nxt in pairwise(values):
        assert nxt <= prev * (1 + cap / 100)
    rounded = LaggedCpi(lag=2, cap_pct=cap, round_to=BN).amounts(first, years, inputs)
    values = list(rounded.require().values())
    for prev, nxt in pairwise(values):
        assert nxt <= prev * (1 + cap / 100) + BN / 2


@given(
    first=st.decimals(min_value=1, max_value=10_000, places=1),
    growth=st.lists(rates, min_size=5, max_size=5),
    gap=st.integers(min_value=2021, max_value=2025),
)
def test_property_a_missing_input_blocks_exactly_that_year_and_after(first, growth, gap):
    series = {2020 + i: g for i, g in enumerate(growth)}
    del series[gap - 1]  # the year `gap` reads
    schedule = DefenseBudgetGrowth(lag=1).amounts(
        first, range(2020, 2026), {DEFENSE_BUDGET: series}
    )
    assert [e.year for e in schedule.entries] == list(range(2020, 2026))
    assert all((e.amount is None) == (e.year >= gap) for e in schedule.entries)
    assert schedule.missing[0].year == gap - 1


@given(first=st.decimals(min_value=1, max_value=10_000, places=1), rate=rates)
def test_property_fixed_rate_compounds_exactly(first, rate):
    result = FixedRate(rate_pct=rate).amounts(first, [2000, 2001, 2002]).require()
    assert result[2002] == first * (1 + rate / 100) ** 2
