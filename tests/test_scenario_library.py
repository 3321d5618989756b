"""The built-in scenario library: each loads, runs, is sourced, dated and true to the facts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from burdenshare.engine import negotiate
from burdenshare.scenario import load, load_source
from burdenshare.scenario.audit import unsourced
from burdenshare.scenario.load import builtin_names, case_names

LIBRARY = ("sma-2019", "sma-2024", "japan-hns-2021", "nato-2025")
SOURCED = LIBRARY + case_names()  # the backtest cases are held to the same rules
FACTS = Path(__file__).resolve().parents[1] / ".." / "shared" / "facts" / "SMA-AND-THEORY.md"


def test_the_library_is_listed() -> None:
    assert set(LIBRARY) <= set(builtin_names())


@pytest.mark.parametrize("name", LIBRARY)
def test_loads_runs_and_ends_in_agreement(name: str) -> None:
    scenario = load(name)
    result = negotiate(scenario)
    assert result.outcome.status == "agreement"
    assert scenario.calendar.start <= result.outcome.date <= scenario.calendar.end


@pytest.mark.parametrize("name", SOURCED)
def test_every_figure_sourced_and_an_information_date(name: str) -> None:
    loaded = load_source(name)
    assert unsourced(loaded.document) == []
    info = loaded.scenario.information_date
    assert info is not None
    assert loaded.scenario.calendar.start <= info <= loaded.scenario.calendar.end


@pytest.mark.parametrize("name", SOURCED)
def test_every_cited_key_exists(name: str) -> None:
    """A source naming an upper-case key (`ASIAE24`) names one of the file's [sources]."""
    doc = load_source(name).document
    keys = set(doc.sources)
    texts = [m.source for m in doc.calendar.meetings] + [doc.status_quo.source]
    texts += [i.source for i in doc.issues] + [r.source for r in doc.ratifiers]
    texts += [p.source for p in doc.parties]
    for text in texts:
        for token in re.findall(r"\b[A-Z][A-Z_]*[0-9]*[A-Z0-9_]*\b", text):
            looks_like_key = len(token) >= 4 and any(c.isdigit() for c in token)
            if looks_like_key and not token.startswith("FY"):  # FY2021 is a fiscal year
                assert token in keys, f"{name}: {token!r} cited but not in [sources]"


@pytest.mark.parametrize("name", ["sma-2024", "japan-hns-2021", "nato-2025"])
def test_header_says_what_the_run_shows(name: str) -> None:
    text = load_source(name).text
    header = text.split("\nname = ")[0]
    assert "What the default run shows" in header and "What happened" in header


def test_sma_2024_facts() -> None:
    scenario = load("sma-2024")
    assert scenario.status_quo.terms["amount"] == pytest.approx(1402.8)
    assert scenario.status_quo.expiry == dt.date(2025, 12, 31)
    meetings = scenario.calendar.meetings
    assert len(meetings) == 9  # eight rounds, the eighth continued on 1-2 Oct
    dated = [(m.date, m.days, m.place) for m in meetings]
    assert dated == [
        (dt.date(2024, 4, 23), 3, "Honolulu"),
        (dt.date(2024, 5, 21), 3, "Seoul"),
        (dt.date(2024, 6, 10), 3, "Washington"),
        (dt.date(2024, 6, 25), 3, "Seoul"),
        (dt.date(2024, 7, 10), 3, "Seoul"),
        (dt.date(2024, 8, 12), 3, "Washington"),
        (dt.date(2024, 8, 27), 3, "Seoul"),
        (dt.date(2024, 9, 25), 3, "Seoul"),
        (dt.date(2024, 10, 1), 2, "Seoul"),
    ]
    assert scenario.information_date == dt.date(2024, 6, 27)
    sources = dict(scenario.sources)
    assert "1.5192" in sources["ASIAE24"] and "5 %" in sources["ASIAE24"]
    assert "173" in sources["NEWSIS24"] and "28 Nov 2024" in sources["NEWSIS24"]


def test_japan_hns_2021_facts() -> None:
    scenario = load("japan-hns-2021")
    # the FY2016-20 agreement, then the FY2021 one-year extension as a stop-gap ([stages])
    assert scenario.status_quo.terms["amount"] == pytest.approx(189.3)
    assert scenario.status_quo.terms["duration"] == 5
    assert scenario.status_quo.expiry == dt.date(2021, 3, 31)
    assert scenario.stages is not None and scenario.stages.interim is not None
    assert scenario.stages.interim["amount"] == pytest.approx(201.7)
    assert scenario.stages.interim["duration"] == 1
    rate = scenario.exchange_rate
    assert rate is not None and rate.quote == "JPY"
    # derived: USD 8 bn is about 4.5 times FY2019's JPY 197.4 bn
    assert rate.rate == pytest.approx(4.5 * 197.4 / 8, abs=0.1)
    assert scenario.space.issue("amount").high >= 8 * rate.rate  # type: ignore[attr-defined]
    assert any(r.name == "diet" and r.party == "JPN" for r in scenario.ratifiers)
    sources = dict(scenario.sources)
    assert "1,055.1" in sources["NIPPON21"] and "21 Dec 2021" in sources["NIPPON21"]
    assert "25 Mar 2022" in sources["YOMIURI22"]


def test_nato_2025_facts() -> None:
    scenario = load("nato-2025")
    assert len(scenario.parties) == 5
    assert scenario.status_quo.terms["core"] == pytest.approx(2.0)
    assert {r.party for r in scenario.ratifiers} == {p.name for p in scenario.parties}
    sources = dict(scenario.sources)
    for figure in ("PL 4.12", "US 3.38", "DE 2.12", "IT 1.49", "ES 1.28"):
        assert figure in sources["SWEDENHERALD"]
    assert "3.5 %" in sources["AGENCE25"] and "2035" in sources["AGENCE25"]
    assert scenario.calendar.meetings[-1].place == "The Hague"


def test_the_figures_are_in_the_shared_facts() -> None:
    if not FACTS.exists():
        pytest.skip("the shared facts file is not beside the repository")
    facts = FACTS.read_text(encoding="utf-8")
    for figure in (
        "1.4028 tn",
        "1.5192 tn",
        "23–25 Apr Honolulu",
        "25–27 Jun Seoul",
        "¥201.7 bn",
        "¥1,055.1 bn",
        "USD 8 bn",
        "FY2019 ¥197.4 bn",
        "PL 4.12",
        "ES 1.28",
        "3.5 % core",
    ):
        assert figure in facts, figure
