"""Scoring an extraction against a report's expected extraction: precision and recall per field.

A report's expected extraction (one JSON object, see `benchmarks/data/news/README.md`) lists what
a reader finds in it: whether it is about a cost-sharing negotiation at all, its date, its events
(kind, date, place, round), the amounts with their currency and period, the relations to the
status quo (as factors: "a fivefold increase" → 5.0) and the speakers of its statements. Each
field is compared as a set per report and counted over a corpus (micro-averaged): an item found
and expected is a true positive, found and not expected a false positive, expected and not found
a false negative. Pure: no files are read here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from burdenshare.news.actors import CAPITALS
from burdenshare.news.events import VENUE_CITIES, VIDEO
from burdenshare.news.places import canonical_place
from burdenshare.news.records import Extraction

FIELDS = (
    "topic",
    "report date",
    "event kind",
    "date",
    "place",
    "round",
    "amount",
    "period",
    "relation",
    "speaker",
)
"""The scored fields, in table order."""


@dataclass
class Tally:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp), None when nothing was found."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn), None when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def add(self, found: set[Any], expected: set[Any]) -> None:
        """Count one report's sets."""
        self.tp += len(found & expected)
        self.fp += len(found - expected)
        self.fn += len(expected - found)


@dataclass
class Scores:
    """Tallies per field over a corpus, and the reports where each field went wrong."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    errors: dict[str, list[str]] = field(default_factory=dict)
    reports: int = 0
    exact: int = 0
    """Reports extracted without any false positive or false negative."""
    correct: int = 0
    """Reports extracted correctly by issue 16's test: the right event kinds with their rounds
    and places, each amount with its currency, each speaker, nothing from a report about
    something else (dates, periods and relations not asked)."""

    def to_dict(self) -> dict[str, Any]:
        """JSON form: per field tp, fp, fn, precision and recall."""
        return {
            "reports": self.reports,
            "exact_reports": self.exact,
            "correct_reports": self.correct,
            "fields": {
                name: {
                    "tp": t.tp,
                    "fp": t.fp,
                    "fn": t.fn,
                    "precision": _round(t.precision),
                    "recall": _round(t.recall),
                }
                for name, t in self.tallies.items()
            },
            "errors": self.errors,
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _sig(amount: float) -> float:
    """An amount to 4 significant digits, so that 1.0551e12 and 1,055.1 billion compare equal."""
    if amount == 0:
        return 0.0
    digits = 4 - math.floor(math.log10(abs(amount))) - 1
    return round(amount, digits)


def speaker_key(name: str) -> str:
    """A speaker compared without its leading determiner or quantifier: "a diplomat", "one
    diplomat" and "the diplomat" are one speaker, as are "several lawmakers" and "lawmakers";
    and without the spelling of its abbreviations and apostrophes: "US Forces Korea" is "U.S.
    Forces Korea", "Seoul’s" is "Seoul's"."""
    key = name.strip().lower().replace("’", "'")
    key = re.sub(r"\b([a-z])\.(?=[a-z]\.)|(?<=\b[a-z])\.", r"\1", key)  # "u.s." -> "us"
    return re.sub(r"^(?:the|an?|one|several|some|many|a\sfew)\s+", "", key)


def found_sets(x: Extraction) -> dict[str, set[Any]]:
    """What an extraction says, as one set per field (the topic as {True} or the empty set)."""
    events = x.events
    positions = [p for p in x.positions if p.amount is not None and p.currency]
    return {
        "topic": {True} if x.negotiation is not None else set(),
        "report date": {x.report_date} if x.report_date else set(),
        "event kind": {e.kind for e in events},
        "date": {d for e in events if e.when for d in (e.when.date, e.when.end_date) if d},
        # a round held by video is marked "video conference": no city, so no place to score
        "place": {e.place for e in events if e.place and e.place != VIDEO},
        "round": {e.round for e in events if e.round is not None},
        "amount": {(_sig(p.amount), p.currency) for p in positions if p.amount is not None},
        "period": {
            (_sig(p.amount), p.currency, p.period, p.years)
            for p in positions
            if p.amount is not None and p.period
        },
        "relation": {round(p.factor, 3) for p in x.positions if p.factor is not None},
        "speaker": {speaker_key(s.speaker) for s in x.statements},
    }


def expected_sets(spec: Mapping[str, Any]) -> dict[str, set[Any]]:
    """A report's expected extraction, as one set per field."""
    events = list(spec.get("events", ()))
    amounts = list(spec.get("amounts", ()))
    topic = bool(spec.get("topic"))

    def years(a: Mapping[str, Any]) -> tuple[int, int] | None:
        y = a.get("years")
        return (int(y[0]), int(y[1])) if y else None

    return {
        "topic": {True} if topic else set(),
        "report date": {spec["report_date"]} if spec.get("report_date") else set(),
        "event kind": {e["kind"] for e in events},
        "date": {e["date"] for e in events if e.get("date")},
        "place": {e["place"] for e in events if e.get("place")},
        "round": {e["round"] for e in events if e.get("round") is not None},
        "amount": {(_sig(float(a["amount"])), a["currency"]) for a in amounts},
        "period": {
            (_sig(float(a["amount"])), a["currency"], a["period"], years(a))
            for a in amounts
            if a.get("period")
        },
        "relation": {round(float(r), 3) for r in spec.get("relations", ())},
        "speaker": {speaker_key(s) for s in spec.get("speakers", ())},
    }


# the fields issue 16's "extracted correctly" asks for
CORRECT_FIELDS = ("topic", "event kind", "round", "place", "amount", "speaker")


def score(pairs: Iterable[tuple[str, Extraction, Mapping[str, Any]]]) -> Scores:
    """Precision and recall per field over (name, extraction, expected) triples.

    A found date that is the end of a multi-day event counts only when expected (the start of the
    same event is then not a false positive).
    """
    def sets() -> Iterable[tuple[str, dict[str, set[Any]], dict[str, set[Any]]]]:
        for name, x, spec in pairs:
            found, expected = found_sets(x), expected_sets(spec)
            _forgive_event_ends(x, found, expected)
            yield name, found, expected

    return _tally(sets())


def score_readings(pairs: Iterable[tuple[str, Mapping[str, Any], Mapping[str, Any]]]) -> Scores:
    """A second reader's expected extractions scored against the first's, as an extraction is
    (name, first reading, second reading): how far two careful readers of one report agree, the
    ceiling any extractor is measured under."""
    return _tally((name, expected_sets(second), expected_sets(first))
                  for name, first, second in pairs)


def _tally(reports: Iterable[tuple[str, dict[str, set[Any]], dict[str, set[Any]]]]) -> Scores:
    scores = Scores()
    for name, found, expected in reports:
        scores.reports += 1
        exact = True
        for f in FIELDS:
            scores.tallies[f].add(found[f], expected[f])
            if found[f] != expected[f]:
                exact = False
                missing = sorted(map(str, expected[f] - found[f]))
                extra = sorted(map(str, found[f] - expected[f]))
                scores.errors.setdefault(f, []).append(
                    f"{name}: missing {missing} extra {extra}"
                )
        scores.exact += exact
        scores.correct += all(found[f] == expected[f] for f in CORRECT_FIELDS)
    return scores


def _forgive_event_ends(x: Extraction, found: dict[str, set[Any]], expected: dict[str, set[Any]]
                        ) -> None:
    """An event dated from its start to its end matches an expected date on either; the other
    one is dropped from the found dates."""
    for e in x.events:
        if e.when is None or not e.when.end_date or not e.when.date:
            continue
        start, end = e.when.date, e.when.end_date
        if end in expected["date"] and start not in expected["date"]:
            found["date"].discard(start)
        elif start in expected["date"] and end not in expected["date"]:
            found["date"].discard(end)


def unsupported(text: str, x: Extraction) -> list[str]:
    """What an extraction of `text` states without its evidence: a source that is not the text at
    its offsets, or a value (figure, relation, party, statement, place, round) not in the
    sentences it cites. Empty when nothing is invented (issue 16: "an item without its evidence
    in the text is a defect")."""
    out: list[str] = []
    for record in (*x.events, *x.positions, *x.statements, *x.mentions):
        out.extend(f"source {ev.start}:{ev.end} is not the text there: {ev.sentence!r}"
                   for ev in record.evidence if ev.sentence != text[ev.start:ev.end])
    for p in x.positions:
        read = " ".join(ev.read for ev in p.evidence)
        out.extend(f"position value {value!r} not in {read!r}"
                   for value in (p.figure, p.relation, p.party_text, p.applies_to)
                   if value is not None and value not in read)
    for s in x.statements:
        if s.text not in " ".join(ev.read for ev in s.evidence):
            out.append(f"statement {s.text!r} not in its sources")
    for e in x.events:
        read = " ".join(ev.read for ev in e.evidence)
        # a place is in its sentence, or is the dateline's city ("here"), or the one
        # normalised place "video conference" (for "via video link"), or the city its sentence
        # names another way
        if not (e.place in (None, VIDEO) or e.place in read or e.place.upper() in text
                or _named_otherwise(e.place, read)):
            out.append(f"{e.kind} place {e.place!r} not in {read!r}")
        if e.round_text is not None and e.round_text not in read:
            out.append(f"{e.kind} round {e.round_text!r} not in {read!r}")
        if e.cameo is None and e.kind not in ("deadline", "deadline_passed"):
            out.append(f"{e.kind} without a CAMEO code")
    return out


def _named_otherwise(place: str, read: str) -> bool:
    """The sentence names the city by its country's capital ("in the U.S. capital"), its seat of
    government or venue ("at the State Department") or a short form ("in LA")."""
    capital = place in CAPITALS.values() and re.search(r"\bcapital\b", read) is not None
    venue = any(city == place and name in read.lower() for name, city in VENUE_CITIES.items())
    short = any(canonical_place(w) == place and w != place for w in re.findall(r"[\w.]+", read))
    return capital or venue or short
