"""Read one news report: text in, an `Extraction` out. No file I/O here.

Steps: decode and check the bytes (`decode_report`), drop noise (`clean`), split sentences,
find the report's own date (else use the one supplied), find the cost-sharing negotiation the
report is about (none: nothing is extracted, and a note says so), then events, positions,
statements and mentions sentence by sentence, merging what several sentences say of one event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from burdenshare.errors import InputError, Problem
from burdenshare.news.clean import clean_report
from burdenshare.news.dates import dateline_city, find_report_date, find_yearless_report_date
from burdenshare.news.event_passes import (
    carry_meeting_place,
    drop_denied_claims,
    drop_headline_restated,
    drop_superseded,
    drop_undated_deals,
    held_by_video,
    in_pluperfect_year,
    in_same_period,
    in_timeline_year,
    opening_as_first_round,
    passed_deadlines,
    previous_round,
    the_one_round_named,
    the_round_as_subject,
    with_confirmation_day,
    with_dateline_day,
    with_legislature_city,
    with_next_votes,
    with_report_year,
    with_scene_date,
    with_scene_place,
)
from burdenshare.news.events import (
    ROUNDED_KINDS,
    opened_since,
    sentence_events,
    with_counted_round,
    with_following_round,
    with_stated_round,
)
from burdenshare.news.mentions import sentence_mentions
from burdenshare.news.merge import drop_restated, merge_events, merge_mentions, merge_positions
from burdenshare.news.positions import follow_up_relations, sentence_positions
from burdenshare.news.records import (
    Computed,
    Event,
    Evidence,
    Extraction,
    Money,
    Negotiation,
    Position,
    with_document,
)
from burdenshare.news.sentences import Sentence, split_sentences
from burdenshare.news.statements import find_people, find_statements
from burdenshare.news.topics import find_negotiation
from burdenshare.news.years import (
    with_deal_years,
    with_heading_year,
    with_revised_demand_period,
    with_spread_years,
    with_that_year,
)

NO_NEGOTIATION = (
    "no cost-sharing negotiation found (the extractor reads English reports on "
    "defense cost sharing / SMA / burden sharing talks); nothing extracted"
)


def decode_report(data: bytes, source: str | None = None) -> str:
    """The text of a report file's bytes; `InputError` if empty, binary or not UTF-8."""
    if not data.strip():
        raise InputError(
            Problem("", "the file is empty; expected a plain-text news report"), source
        )
    if b"\x00" in data[:8192]:
        raise InputError(
            Problem(
                "",
                "the file is binary (it contains NUL bytes); expected a "
                "plain-text news report in UTF-8",
            ),
            source,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            Problem(
                "",
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start}); save the report as UTF-8",
                line,
            ),
            source,
        ) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise InputError(
            Problem(
                "",
                "the file looks binary (many control characters); "
                "expected a plain-text news report",
            ),
            source,
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def extract(
    text: str,
    *,
    report_date: dt.date | None = None,
    document: str | None = None,
    status_quo: Money | None = None,
    rates: Mapping[tuple[str, str], float] | None = None,
) -> Extraction:
    """Everything the report establishes about a cost-sharing negotiation, with its sources.

    `report_date` is used only when the report carries no date of its own. `status_quo`, if
    given, is the amount positions are set against (`Position.computed`); `rates` converts
    currencies, keyed `(FROM, TO)` → units of TO per unit of FROM.
    """
    clean = clean_report(text)
    sentences = split_sentences(clean)
    notes: list[str] = []
    own_date, own_words = find_report_date(clean.text)
    date_basis: str | None = None
    if own_date is not None:
        date_basis = "text"
        if report_date is not None and report_date != own_date:
            notes.append(
                f"the report is dated {own_date.isoformat()} ({own_words!r}); "
                f"--date {report_date.isoformat()} was not used"
            )
        report_date = own_date
    elif report_date is not None:
        date_basis = "option"
    else:
        own_date, own_words = find_yearless_report_date(clean.text)
        if own_date is not None:
            date_basis = "text"
            report_date = own_date
    iso_date = report_date.isoformat() if report_date else None
    letters = [ch for ch in clean.text if ch.isalpha()]
    if letters and sum(ch.isascii() for ch in letters) < len(letters) / 2:
        notes.append("the report is mostly not in English; the extractor reads English reports")
    negotiation = find_negotiation(sentences)
    if negotiation is None:
        return Extraction(
            document,
            iso_date,
            date_basis,
            None,
            notes=(*notes, NO_NEGOTIATION),
            dropped_noise=clean.dropped,
        )
    if report_date is None:
        notes.append("the report carries no date and none was given (--date): dates stay relative")

    here = dateline_city(clean.text)
    # events sentence by sentence, merged; then what the report says across its sentences: a
    # claim it contradicts, a broken-off round told as ended, the one year it names, the place
    # and round of its one meeting
    # (a summit's pledge placed by the sentence before it first: placed, it merges with no
    # other summit's pledge)
    events = list(merge_events(
        with_scene_place(_sentences_events(sentences, negotiation, report_date, here), sentences),
        strict=False))
    events = drop_superseded(drop_headline_restated(drop_denied_claims(events, sentences)))
    events = in_pluperfect_year(with_report_year(events, sentences, report_date), sentences)
    events = in_timeline_year(events, sentences)
    events = passed_deadlines(in_same_period(events, sentences, report_date), report_date)
    events = carry_meeting_place(held_by_video(events, here), sentences, report_date)
    # (a deal dropped for want of a date is not dated by the dateline after it)
    events = drop_undated_deals(with_scene_date(events, sentences, report_date))
    events = with_dateline_day(events, sentences, report_date)
    events = with_confirmation_day(events, sentences, report_date)
    events = previous_round(with_legislature_city(with_next_votes(events, sentences), sentences))
    events = the_round_as_subject(the_one_round_named(events, sentences), sentences)
    events = opening_as_first_round(events)
    # positions sentence by sentence, merged; then the relation said in the next sentence and
    # the years said elsewhere (the deal's span, "that year", a sum spread over years)
    positions = merge_positions(
        p for s in sentences for p in sentence_positions(s, negotiation, report_date)
    )
    positions = follow_up_relations(sentences, positions)
    positions = with_deal_years(sentences, positions)
    positions = with_heading_year(sentences, with_that_year(sentences, positions))
    positions = with_revised_demand_period(with_spread_years(sentences, positions))
    positions = drop_restated(positions)
    if status_quo is not None:
        positions = tuple(_against_status_quo(p, status_quo, rates or {}) for p in positions)
    statements = find_statements(sentences, find_people(sentences))
    mentions = merge_mentions(m for s in sentences for m in sentence_mentions(s))

    if not (events or positions or statements or mentions):
        notes.append("the report names a cost-sharing negotiation but no event, position, "
                     "statement or known issue was recognised in it")
    label = _Labeller(document, iso_date, text)
    return Extraction(
        document=document,
        report_date=iso_date,
        report_date_basis=date_basis,
        negotiation=replace(negotiation, evidence=label(negotiation.evidence)),
        events=tuple(replace(e, evidence=label(e.evidence)) for e in events),
        positions=tuple(replace(p, evidence=label(p.evidence)) for p in positions),
        statements=tuple(
            replace(
                s,
                evidence=label(s.evidence),
                speaker_evidence=label((s.speaker_evidence,))[0] if s.speaker_evidence else None,
            )
            for s in statements
        ),
        mentions=tuple(replace(m, evidence=label(m.evidence)) for m in mentions),
        notes=tuple(notes),
        dropped_noise=clean.dropped,
    )


def _sentences_events(
    sentences: tuple[Sentence, ...],
    negotiation: Negotiation,
    report_date: dt.date | None,
    here: str | None,
) -> list[Event]:
    """Each sentence's events; a sentence that only states the round of the talks the last
    sentence with events reported ("It is the third round since ..."; "The session, the third
    round of negotiations, had been due to run for two days") sets it on them."""
    out: list[Event] = []
    previous: list[Event] = []
    for s in sentences:
        found = sentence_events(s, negotiation, report_date, here)
        found = with_counted_round(s, sentences[s.index - 1].text if s.index else "", found)
        following = with_following_round(s, previous) if previous else None
        if following is not None:
            out[len(out) - len(previous):] = following
        if previous and not any(e.kind in ROUNDED_KINDS and not opened_since(s, e)
                                for e in found):
            # (the sentence may tell another kind of event: "The seventh round came as the
            # allies have been without an agreement since the last one expired Dec. 31.")
            rounded = with_stated_round(s, previous)
            if rounded is not None:
                out[len(out) - len(previous):] = rounded
                out.extend(found)
                previous = []
                continue
        out.extend(found)
        previous = found or previous
    return out


class _Labeller:
    """Stamps evidence with its report's name and date, and gives each sentence as written
    (the report's text between its offsets), keeping the text read as `normalized`."""

    def __init__(self, document: str | None, report_date: str | None, original: str) -> None:
        self.document = document
        self.report_date = report_date
        self.original = original

    def __call__(self, evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        return with_document(
            tuple(self._verbatim(e) for e in evidence), self.document, self.report_date
        )

    def _verbatim(self, e: Evidence) -> Evidence:
        if e.normalized is not None or not 0 <= e.start <= e.end <= len(self.original):
            return e
        written = self.original[e.start : e.end]
        normalized = None if written == e.sentence else e.sentence
        return replace(e, sentence=written, normalized=normalized)


def _convert(
    amount: float, source: str, target: str, rates: Mapping[tuple[str, str], float]
) -> float | None:
    if source == target:
        return amount
    if (source, target) in rates:
        return amount * rates[(source, target)]
    if (target, source) in rates:
        return amount / rates[(target, source)]
    return None


def _against_status_quo(p: Position, sq: Money, rates: Mapping[tuple[str, str], float]) -> Position:
    """Set a position against the supplied status quo: its multiple, or the implied amount."""
    label = sq.render()
    if p.amount is not None and p.currency is not None:
        converted = _convert(p.amount, p.currency, sq.currency, rates)
        if converted is None:
            return replace(
                p,
                computed=Computed(
                    label,
                    None,
                    None,
                    sq.currency,
                    note=f"no exchange rate {p.currency}/{sq.currency} given (--rate)",
                ),
            )
        return replace(
            p, computed=Computed(label, round(converted / sq.amount, 4), None, sq.currency)
        )
    if p.factor is not None:
        return replace(
            p,
            computed=Computed(
                label,
                p.factor,
                round(sq.amount * p.factor, 2),
                sq.currency,
                note="stated relation applied to the status quo",
            ),
        )
    return p
