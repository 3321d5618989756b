"""The SMA dataset: the loader, sources on every row, unverified and computed rows, conversions."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from importlib.resources import files

import pytest

from burdenshare.errors import InputError
from burdenshare.history.dataset import STATUSES, MissingDataError, PartialDate
from burdenshare.history.record import COLUMNS, load_record, parse_record


@pytest.fixture(scope="module")
def record():
    return load_record()


def _texts() -> dict[str, str]:
    data = files("burdenshare.history").joinpath("data")
    return {name: data.joinpath(name).read_text(encoding="utf-8") for name in COLUMNS}


def test_csv_files_are_package_data_read_through_importlib_resources():
    data = files("burdenshare.history").joinpath("data")
    for name in COLUMNS:
        assert data.joinpath(name).is_file(), name


def test_every_sma_first_to_twelfth_in_order(record):
    assert [a.number for a in record.agreements] == list(range(1, 13))
    for a in record.agreements:
        assert a.duration_years == a.end_year - a.start_year + 1
        assert a.years == (a.start_year, a.end_year)
    ends = [a.end_year for a in record.agreements]
    starts = [a.start_year for a in record.agreements]
    assert starts[1:] == [e + 1 for e in ends[:-1]], "agreements cover 1991-2030 without gaps"


def test_series_covers_1991_to_2030_usd_until_2004_krw_from_2005(record):
    assert [r.year for r in record.series] == list(range(1991, 2031))
    for row in record.series:
        expected = ("USD", "million") if row.year <= 2004 else ("KRW", "billion")
        assert (row.currency, row.scale) == expected, row.year
        agreement = record.agreement(row.agreement)
        assert agreement.start_year <= row.year <= agreement.end_year


def test_every_row_of_every_table_has_a_web_source(record):
    for a in record.agreements:
        assert a.sources and all(s.startswith(("http://", "https://")) for s in a.sources)
    for row in record.series:
        assert row.sources and all(s.startswith(("http://", "https://")) for s in row.sources)
    for table in (record.exchange_rates, record.cpi, record.defense_budget):
        for item in table.values():
            assert item.source.startswith(("http://", "https://"))


def test_values_are_typed_and_immutable(record):
    a = record.agreement(9)
    assert isinstance(a.first_year_amount, Decimal)
    assert a.signed == PartialDate(2014, 2, 2)
    assert (a.votes.for_, a.votes.against, a.votes.abstain, a.votes.present) == (131, 26, 35, 192)
    assert all(r.status in STATUSES for r in record.series)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.number = 99  # type: ignore[misc]
    with pytest.raises(TypeError):
        record.cpi[2030] = record.cpi[2025]  # type: ignore[index]


def test_published_figures_from_the_facts(record):
    published = {
        1991: "150",
        1996: "330",
        1998: "390",
        2005: "680.4",
        2008: "741.5",
        2018: "960.2",
        2019: "1038.9",
        2020: "1038.9",
        2021: "1183.3",
        2025: "1402.8",
        2026: "1519.2",
    }
    for year, amount in published.items():
        row = record.amount(year)
        assert row.status == "published", year
        assert row.amount == Decimal(amount), year
    assert record.amount(2019).full_amount == Decimal("1038.9e9")


def test_unverified_figures_are_marked_not_silently_filled(record):
    row = record.amount(2002)
    assert row.status == "unverified"
    assert "490" in row.note and "470" in row.note
    first = record.agreement(1)
    assert first.signed == PartialDate(1991, 1)  # only the month is known
    assert first.assembly_consent is None and "assembly_consent" in first.unverified
    assert record.agreement(6).signed == PartialDate(2005)
    assert "month" in record.agreement(6).unverified
    for a in record.agreements:
        if a.assembly_consent is None:
            assert "assembly_consent" in a.unverified, a.number


def test_computed_rows_are_what_the_rule_gives_and_missing_stays_empty(record):
    computed = {r.year: r for r in record.series if r.status == "computed"}
    assert sorted(computed) == [2022, 2023, 2024, 2027, 2028, 2029, 2030]
    for number in (11, 12):
        schedule = record.schedule(number)
        assert schedule is not None
        for entry in schedule.entries:
            row = record.amount(entry.year)
            assert row.amount == entry.amount, entry.year
    for year in (2028, 2029, 2030):
        assert computed[year].amount is None
        assert "CPI" in computed[year].note


def test_published_rows_in_formula_years_are_reproduced_by_the_rule(record):
    for number in (3, 6, 7, 8, 9, 11, 12):
        schedule = record.schedule(number)
        assert schedule is not None
        for year, amount in schedule.known().items():
            row = record.amount(year)
            if row.status == "published":
                assert row.amount == amount, (number, year)


def test_rules_without_inputs_say_what_is_missing(record):
    fourth = record.schedule(4)
    assert fourth is not None and not fourth.complete
    assert fourth.missing[0].series == "real_gnp_growth_pct"
    assert record.schedule(1) is None and record.schedule(10) is None


def test_first_year_amount_matches_the_series_where_sources_agree(record):
    for a in record.agreements:
        if a.number in (4, 5):  # agreement reports 333 / 490, DWP18 330 / 470 (see notes)
            continue
        assert record.amount(a.start_year).amount == a.first_year_amount, a.number


def test_exchange_rates_and_cpi_cover_the_published_years(record):
    assert set(range(1991, 2026)) <= set(record.exchange_rates)
    assert set(range(1991, 2026)) <= set(record.cpi)
    assert record.cpi_years == (1991, 2025)
    assert set(range(1991, 2025)) <= set(record.defense_budget)
    assert record.defense_budget[2020].growth_pct == Decimal("7.4")
    assert record.defense_budget[2021].growth_pct == Decimal("5.4")


def test_conversion_at_the_years_rate(record):
    row = record.amount(2019)
    usd = record.express(row, "USD").amount
    assert usd == Decimal("1038.9e9") / record.krw_per_usd(2019)
    assert 850e6 < usd < 950e6
    back = record.convert(usd, "USD", "KRW", 2019)
    assert abs(back - Decimal("1038.9e9")) < 1
    krw_1991 = record.express(record.amount(1991), "KRW").amount
    assert krw_1991 == 150_000_000 * record.krw_per_usd(1991)


def test_constant_won_uses_chained_cpi(record):
    row = record.amount(2019)
    assert record.express(row, "KRW", 2019).amount == Decimal("1038.9e9")
    # Statistics Korea press release, Dec 2018 (2015=100): 2012 96.789, 2018 104.45
    # https://www.marketscreener.com/news/KOSTAT-Statistics-Korea-Consumer-Price-Index-in-December-2018--27807899/
    ratio = record.price_ratio(2012, 2018)
    assert float(ratio) == pytest.approx(104.45 / 96.789, rel=2e-3)
    assert record.price_ratio(2018, 2012) * ratio == pytest.approx(Decimal(1))
    real_1991 = record.express(record.amount(1991), "KRW", 2019).amount
    nominal_1991 = record.express(record.amount(1991), "KRW").amount
    assert real_1991 > 2 * nominal_1991


def test_missing_rate_or_cpi_is_reported_not_zero(record):
    expressed = record.express(record.amount(2026), "USD")
    assert expressed.amount is None and "2026" in expressed.why_missing
    assert record.express(record.amount(2028), "KRW").amount is None
    with pytest.raises(MissingDataError, match="2031"):
        record.real(Decimal(1), "KRW", 2019, 2031)
    with pytest.raises(InputError, match="EUR"):
        record.convert(Decimal(1), "EUR", "KRW", 2019)


def test_a_malformed_file_names_file_line_and_column():
    texts = _texts()
    texts["series.csv"] = texts["series.csv"].replace("2019,1038.9,KRW", "2019,lots,KRW", 1)
    texts["series.csv"] = texts["series.csv"].replace(",published,", ",rumoured,", 1)
    with pytest.raises(InputError) as caught:
        parse_record(texts)
    message = caught.value.render()
    assert "series.csv:30: amount: expected a number" in message
    assert "series.csv:2: status: expected one of published, computed, unverified" in message


def test_a_row_without_source_is_rejected():
    texts = _texts()
    lines = texts["cpi.csv"].splitlines()
    lines[1] = lines[1].rsplit(",", 1)[0] + ","
    texts["cpi.csv"] = "\n".join(lines) + "\n"
    with pytest.raises(InputError, match=r"cpi.csv:2: source: expected at least one source"):
        parse_record(texts)
