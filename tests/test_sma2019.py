"""The built-in scenario: sourced, and retracing the 2019–2021 talks in broad strokes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from burdenshare.engine import negotiate
from burdenshare.scenario import load, load_source
from burdenshare.scenario.audit import unsourced

GOLDEN = Path(__file__).parent / "data" / "sma-2019-golden.json"


def story() -> list[dict[str, object]]:
    """The run reduced to what an analyst checks: dates, kinds, parties, offers in words."""
    result = negotiate(load("sma-2019"))
    out = []
    for event in result.trace:
        row: dict[str, object] = {"date": event.date.isoformat(), "kind": event.kind}
        if event.party:
            row["party"] = event.party
        if event.kind in ("offer", "agreement", "veto", "ratification_vote", "reservation_change"):
            row["detail"] = event.detail
        if event.accept is not None:
            row["accept"] = event.accept
        if event.utilities is not None and event.kind == "offer":
            row["utilities"] = [round(u, 6) for u in event.utilities]
        out.append(row)
    return out


def test_golden_transcript() -> None:
    """The full transcript; regenerate deliberately with `python tests/test_sma2019.py`."""
    assert story() == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_history_in_broad_strokes() -> None:
    scenario = load("sma-2019")
    result = negotiate(scenario)
    trace = result.trace
    offers_2019 = [e for e in trace if e.kind == "offer" and e.date.year == 2019]
    assert offers_2019 and not any(e.kind == "agreement" and e.date.year == 2019 for e in trace)
    assert all(e.offer["amount"] == 5900.0 for e in offers_2019 if e.party == "USA")  # type: ignore[index]
    assert any(e.kind == "deadline" and e.date == dt.date(2019, 12, 31) for e in trace)
    vetoes = [e for e in trace if e.kind == "veto"]
    assert len(vetoes) == 1 and vetoes[0].date.year == 2020 and "Trump" in vetoes[0].detail
    vetoed = vetoes[0].offer
    assert vetoed is not None and 1.10 <= float(vetoed["amount"]) / 1038.9 <= 1.16  # type: ignore[arg-type]
    outcome = result.outcome
    assert outcome.status == "agreement" and outcome.date.year == 2021 and outcome.during_lapse
    assert outcome.terms is not None
    assert 1.10 <= float(outcome.terms["amount"]) / 1038.9 <= 1.15 + 1e-9  # type: ignore[arg-type]
    us_2020 = [
        e.offer for e in trace if e.kind == "offer" and e.party == "USA" and e.date.year == 2020
    ]
    assert min(float(o["amount"]) for o in us_2020 if o) >= 1038.9  # type: ignore[arg-type]


def test_every_figure_is_sourced_or_reasoned() -> None:
    loaded = load_source("sma-2019")
    assert unsourced(loaded.document) == []
    keys = {k for k, _ in loaded.scenario.sources}
    assert {"MOFA10", "SEED", "SEOUL19", "YONHAP20A", "KH20"} <= keys
    for _, text in loaded.scenario.sources:
        assert "http" in text or "shared/seed" in text


def test_scenario_facts_match_the_sources() -> None:
    s = load("sma-2019")
    assert s.status_quo.terms["amount"] == 1038.9  # KRW bn, MOFA10
    assert s.status_quo.expiry == dt.date(2019, 12, 31)
    places = [(m.date.isoformat(), m.place) for m in s.calendar.meetings]
    assert ("2019-09-24", "Seoul") in places and ("2019-10-23", "Honolulu") in places
    assert ("2019-12-17", "Seoul") in places and ("2020-03-17", "Los Angeles") in places
    assert ("2021-03-05", "Washington") in places
    assert s.party("USA").opening is not None and s.party("USA").opening["amount"] == 5900.0  # type: ignore[index]


if __name__ == "__main__":
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(json.dumps(story(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")
