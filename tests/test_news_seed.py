"""The seed report: a correct, fully sourced round with the US position and DeHart's statements,
nothing invented, and dates left relative (and saying so) when the report's date is unknown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from burdenshare.news import Extraction, decode_report, extract
from burdenshare.news.clean import clean_report
from burdenshare.news.records import primary
from burdenshare.news.sentences import split_sentences

SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "000_aeb335dba5fa7fdb.txt"


@pytest.fixture(scope="module")
def raw() -> str:
    if not SEED.exists():
        pytest.skip(f"seed report not found beside the repository ({SEED})")
    return decode_report(SEED.read_bytes(), str(SEED))


@pytest.fixture(scope="module")
def dated(raw: str) -> Extraction:
    return extract(raw, report_date=dt.date(2019, 12, 18), document="seed")


def test_round_is_correct_and_fully_sourced(dated: Extraction) -> None:
    rounds = [e for e in dated.events if e.kind == "round_concluded"]
    assert len(rounds) == 1
    e = rounds[0]
    assert (e.cameo, e.round, e.place, e.length_days, e.outcome) == ("046", 5, "Seoul", 2,
                                                                     "no_deal")
    assert {e.source_actor, e.target_actor} == {"KOR", "USA"}
    assert e.when is not None and e.when.date == "2019-12-18" and e.when.basis == "report_date"
    assert "Seoul" in e.source_sentence and "fifth" in e.source_sentence
    supplied = {f for ev in e.evidence for f in ev.fields}
    assert {"kind", "round", "place", "length", "outcome", "date", "actors"} <= supplied
    assert dated.negotiation is not None and dated.negotiation.parties == ("KOR", "USA")


def test_follow_up_talks_and_deadline_resolved_against_report_date(dated: Extraction) -> None:
    by_kind = {e.kind: e for e in dated.events}
    assert by_kind["talks_scheduled"].cameo == "036"
    assert by_kind["talks_scheduled"].when.date == "2020-01"  # "in January", said in December
    assert len(by_kind["talks_scheduled"].evidence) == 2  # also "in the new year"
    assert by_kind["deadline"].when.date == "2019-12-31"  # "at the end of this month"
    assert [e.kind for e in dated.events] == ["round_concluded", "talks_scheduled", "deadline"]


def test_us_position(dated: Extraction) -> None:
    (p,) = dated.positions
    assert (p.party, p.stance, p.amount, p.currency) == ("USA", "demand", 5e9, "USD")
    assert (p.relation, p.factor, p.reported) == ("a fivefold increase", 5.0, True)
    assert p.figure == "5 billion U.S. dollars" and p.figure in p.source_sentence


def test_dehart_statements(dated: Extraction) -> None:
    dehart = [s for s in dated.statements if s.speaker == "James DeHart"]
    assert len(dehart) == 8
    assert all(s.role == "U.S. chief negotiator" and s.party == "USA" for s in dehart)
    texts = " ".join(s.text for s in dehart)
    assert "different from Washington's initial demand" in texts
    quote = next(s for s in dehart if s.kind == "quote")
    assert quote.text.startswith("We have listened") and quote.attribution == "preceding"
    assert {s.attribution for s in dehart} == {"explicit", "descriptor", "pronoun", "preceding"}
    ministry = [s for s in dated.statements if s.speaker == "South Korea's foreign ministry"]
    assert len(ministry) == 1 and ministry[0].party == "KOR"


def test_threats_denied_side_issues_off_table_ratifiers_asserted(dated: Extraction) -> None:
    stance = {m.item: (m.category, m.stance, m.cue) for m in dated.mentions}
    assert stance["troop_reduction"] == ("threat", "denied", "brushed off")
    assert stance["trade_action"] == ("threat", "denied", "brushed off")
    assert stance["weapons_purchase"][1] == "denied"
    assert stance["security_initiative"][1] == "denied"
    assert stance["national_assembly"] == ("ratifier", "asserted", None)
    assert stance["public"] == ("ratifier", "asserted", None)
    assert {"labor", "construction", "logistics"} <= set(stance)
    assert stance["off_peninsula_operations"][:2] == ("scope", "asserted")


def test_noise_dropped_sources_verbatim(dated: Extraction, raw: str) -> None:
    """Noise is dropped from the text read, never from the source: a source sentence is the
    report's text at its offsets ("Seoul,... the fifth" keeps its ellipses)."""
    dropped = " ".join(dated.dropped_noise)
    assert "#defebse" in dropped and "Facebook" in dropped and "0 Comments" in dropped
    every = [ev for r in (*dated.events, *dated.statements) for ev in r.evidence]
    assert not any("..." in ev.read or "#" in ev.read for ev in every)
    assert all(ev.sentence == raw[ev.start:ev.end] for ev in every)
    (round_,) = (e for e in dated.events if e.kind == "round_concluded")
    d = round_.to_dict()
    assert "Seoul,... the fifth" in d["source_sentence"]
    assert raw[d["source_start"]:d["source_end"]] == d["source_sentence"]
    assert "Seoul, the fifth" in d["source_normalized"]


def test_without_a_date_dates_stay_relative_and_say_so(raw: str) -> None:
    x = extract(raw)
    assert x.report_date is None
    assert any("no date" in n for n in x.notes)
    for e in x.events:
        assert e.when is not None and e.when.date is None
        assert e.when.relative
    assert "unknown" in next(e for e in x.events if e.kind == "round_concluded").when.relative
    assert next(e for e in x.events if e.kind == "deadline").when.relative.startswith(
        "the end of this month")


@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_property_nothing_invented_on_any_sentence_subset(raw: str, data: st.DataObject) -> None:
    """Any selection of the seed's sentences, in any order: every figure and speaker string
    comes from its own sentence, and every number extracted occurs in the text."""
    sentences = [s.text for s in split_sentences(clean_report(raw))]
    chosen = data.draw(st.lists(st.sampled_from(sentences), min_size=1, max_size=8))
    text = "\n".join(chosen)
    x = extract(text, report_date=dt.date(2019, 12, 18))
    for p in x.positions:
        read = primary(p.evidence).read
        assert p.figure is None or p.figure in read
        assert p.relation is None or p.relation in read
    for s in x.statements:
        read = primary(s.evidence).read
        assert s.text in read
        assert s.speaker_mention is None or s.speaker_mention in read
        intro = s.speaker_evidence.read if s.speaker_evidence else read
        assert s.speaker in intro
    for e in x.events:
        assert e.place is None or any(e.place in ev.read for ev in e.evidence)
        assert e.round is None or any(e.round_text and e.round_text in ev.read
                                      for ev in e.evidence)
