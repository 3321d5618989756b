"""What the news extractor returns: immutable records, each carrying the sentences it rests on.

Every record keeps its *evidence*: the sentence exactly as the report writes it, its character
offsets in the report, the same sentence after noise removal (pause ellipses, hashtags) when that
differs, and which of the record's fields it supplied. A figure, date or speaker that cannot be
traced to a sentence of the report is a bug, and tests check that the traced strings occur there.
`to_dict` gives the JSON form used by `burdenshare news --json` and by timeline files.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

JSONDict = dict[str, Any]


@dataclass(frozen=True)
class Evidence:
    """One sentence a record rests on, and which of the record's fields it supplied."""

    sentence: str
    """The sentence exactly as written in the report: `report[start:end]`."""
    index: int
    """Position of the sentence in its report, from 0."""
    start: int
    """Offset of the sentence's first character in the report's original text."""
    end: int
    """Offset just past the sentence's last character in the report's original text."""
    fields: tuple[str, ...] = ()
    """Names of the record's fields this sentence supplied (e.g. `place`, `round`)."""
    document: str | None = None
    """Name of the report (a file path), when the caller gave one."""
    report_date: str | None = None
    """ISO date of the report, when known."""
    normalized: str | None = None
    """The sentence as the extractor read it (noise removed, wrapped lines joined), when that
    differs from the text as written; figures and names are found in this text."""

    @property
    def read(self) -> str:
        """The text the extractor read: the normalised sentence, else the sentence."""
        return self.normalized if self.normalized is not None else self.sentence

    def to_dict(self) -> JSONDict:
        """JSON form."""
        return {
            "document": self.document,
            "report_date": self.report_date,
            "sentence": self.sentence,
            "normalized": self.normalized,
            "index": self.index,
            "offsets": [self.start, self.end],
            "fields": list(self.fields),
        }

    @classmethod
    def from_dict(cls, data: JSONDict) -> Evidence:
        """Inverse of `to_dict`."""
        start, end = data["offsets"]
        return cls(
            sentence=data["sentence"],
            index=int(data["index"]),
            start=int(start),
            end=int(end),
            fields=tuple(data.get("fields", ())),
            document=data.get("document"),
            report_date=data.get("report_date"),
            normalized=data.get("normalized"),
        )

    def key(self) -> tuple[str | None, int]:
        """Identity of the sentence: report and position."""
        return (self.document, self.index)


@dataclass(frozen=True)
class When:
    """A date as a report gives it: resolved to the calendar where it can be, else kept relative.

    `date` is an ISO string whose length says its precision: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or an
    ISO week `YYYY-Www`. `basis` says where it came from: `stated` (an absolute date in the text),
    `resolved` (a relative phrase such as "in January" resolved against the report's date),
    `report_date` (the report tells of the event as just happened, e.g. "have wrapped up", and is
    dated by the report), or `relative` (no report date was known, so `relative` says in words
    what the date is relative to).
    """

    date: str | None
    basis: str
    text: str | None = None
    end_date: str | None = None
    relative: str | None = None

    @property
    def precision(self) -> str | None:
        """`day`, `week`, `month` or `year`, read off the ISO string."""
        if self.date is None:
            return None
        if "W" in self.date:
            return "week"
        return {4: "year", 7: "month", 10: "day"}.get(len(self.date))

    def to_dict(self) -> JSONDict:
        """JSON form (flat keys, merged into the owning record's dict)."""
        return {
            "date": self.date,
            "end_date": self.end_date,
            "date_precision": self.precision,
            "date_basis": self.basis,
            "date_text": self.text,
            "relative_date": self.relative,
        }

    @classmethod
    def from_dict(cls, data: JSONDict) -> When | None:
        """Inverse of `to_dict`; None when the dict carries no date at all."""
        if data.get("date") is None and data.get("relative_date") is None:
            return None
        return cls(
            date=data.get("date"),
            basis=data.get("date_basis") or "stated",
            text=data.get("date_text"),
            end_date=data.get("end_date"),
            relative=data.get("relative_date"),
        )


_NO_WHEN: JSONDict = When(None, "none").to_dict() | {"date_basis": None}


def _when_dict(when: When | None) -> JSONDict:
    return when.to_dict() if when is not None else dict(_NO_WHEN)


@dataclass(frozen=True)
class Money:
    """An amount of money with its currency (ISO 4217 code) and the words it was written in."""

    amount: float
    currency: str
    text: str = ""
    unit: str | None = None
    """The scale word as written (`billion`, `trillion`, `조`), if any."""
    qualifier: str | None = None
    """A hedge as written (`about`, `more than`), if any."""

    def render(self) -> str:
        """E.g. `USD 5,000,000,000`."""
        return f"{self.currency} {self.amount:,.0f}"


@dataclass(frozen=True)
class Votes:
    """A recorded vote: counts as the report gives them (None where it gives none)."""

    in_favor: int | None
    against: int | None
    abstentions: int | None
    present: int | None

    def to_dict(self) -> JSONDict:
        """JSON form."""
        return {
            "in_favor": self.in_favor,
            "against": self.against,
            "abstentions": self.abstentions,
            "present": self.present,
        }

    @classmethod
    def from_dict(cls, data: JSONDict | None) -> Votes | None:
        """Inverse of `to_dict`."""
        if data is None:
            return None
        return cls(
            data.get("in_favor"), data.get("against"), data.get("abstentions"), data.get("present")
        )


@dataclass(frozen=True)
class Negotiation:
    """The negotiation a report is about: topic, agreement, parties (CAMEO country codes)."""

    key: str
    """Stable identity, e.g. `defense-cost-sharing:KOR-USA`."""
    topic: str
    """Canonical topic, e.g. `defense cost sharing`."""
    topic_text: str
    """The words the report used, e.g. `sharing defense costs`."""
    agreement: str | None
    """Agreement name when the report names it, e.g. `SMA`."""
    agreement_number: int | None
    """E.g. 12 for "the 12th SMA"."""
    parties: tuple[str, ...]
    evidence: tuple[Evidence, ...]

    def to_dict(self) -> JSONDict:
        """JSON form."""
        return {
            "key": self.key,
            "topic": self.topic,
            "topic_text": self.topic_text,
            "agreement": self.agreement,
            "agreement_number": self.agreement_number,
            "parties": list(self.parties),
            "source_sentence": self.evidence[0].sentence if self.evidence else None,
            "source_start": self.evidence[0].start if self.evidence else None,
            "source_end": self.evidence[0].end if self.evidence else None,
        }


class Sourced:
    """A record drawn from sentences of a report; its primary sentence is the one that supplied
    most of its fields (ties: the earliest)."""

    evidence: tuple[Evidence, ...]

    @property
    def source_sentence(self) -> str:
        """The sentence the record comes from (its primary evidence), exactly as written."""
        return primary(self.evidence).sentence

    def source_fields(self) -> JSONDict:
        """`source_sentence` as written, its offsets in the report, and the normalised text."""
        ev = primary(self.evidence)
        return {
            "source_sentence": ev.sentence,
            "source_start": ev.start,
            "source_end": ev.end,
            "source_normalized": ev.normalized,
        }


@dataclass(frozen=True)
class Event(Sourced):
    """Something that happened (or is due) in a negotiation, coded in CAMEO.

    `cameo` is the CAMEO event code (Schrodt, *CAMEO Conflict and Mediation Event Observations
    Event and Actor Codebook*, v1.1b3, 2012), e.g. 046 "Engage in negotiation"; `source_actor` and
    `target_actor` are CAMEO actor codes (ISO country code plus role, e.g. `KORGOV`). Kinds and
    their codes are listed in `burdenshare.news.cameo`.
    """

    kind: str
    cameo: str | None
    source_actor: str | None
    target_actor: str | None
    negotiation: str | None
    when: When | None
    round: int | None = None
    round_text: str | None = None
    place: str | None = None
    length_days: int | None = None
    length_text: str | None = None
    outcome: str | None = None
    votes: Votes | None = None
    evidence: tuple[Evidence, ...] = ()
    conflicts: tuple[str, ...] = ()
    """Values that other sources gave differently, as `field: value (document)` notes."""


    def to_dict(self) -> JSONDict:
        """JSON form: flat fields, the primary `source_sentence`, and every source."""
        return {
            "kind": self.kind,
            "cameo": self.cameo,
            "source_actor": self.source_actor,
            "target_actor": self.target_actor,
            "negotiation": self.negotiation,
            **_when_dict(self.when),
            "round": self.round,
            "round_text": self.round_text,
            "place": self.place,
            "length_days": self.length_days,
            "length_text": self.length_text,
            "outcome": self.outcome,
            "votes": self.votes.to_dict() if self.votes else None,
            **self.source_fields(),
            "sources": [e.to_dict() for e in self.evidence],
            "conflicts": list(self.conflicts),
        }

    @classmethod
    def from_dict(cls, data: JSONDict) -> Event:
        """Inverse of `to_dict`."""
        return cls(
            kind=data["kind"],
            cameo=data.get("cameo"),
            source_actor=data.get("source_actor"),
            target_actor=data.get("target_actor"),
            negotiation=data.get("negotiation"),
            when=When.from_dict(data),
            round=data.get("round"),
            round_text=data.get("round_text"),
            place=data.get("place"),
            length_days=data.get("length_days"),
            length_text=data.get("length_text"),
            outcome=data.get("outcome"),
            votes=Votes.from_dict(data.get("votes")),
            evidence=tuple(Evidence.from_dict(e) for e in data.get("sources", ())),
            conflicts=tuple(data.get("conflicts", ())),
        )


@dataclass(frozen=True)
class Computed:
    """A position set against a status-quo amount the caller supplied (never read from the text)."""

    status_quo: str
    """The status quo it was computed against, e.g. `KRW 1,038,900,000,000`."""
    factor: float | None
    """Position amount / status quo, in the status quo's currency."""
    amount: float | None
    """Amount implied by a stated relation (e.g. +10 %) applied to the status quo."""
    currency: str
    note: str | None = None

    def to_dict(self) -> JSONDict:
        """JSON form."""
        return {
            "status_quo": self.status_quo,
            "factor": self.factor,
            "amount": self.amount,
            "currency": self.currency,
            "note": self.note,
        }


STATED = "stated"
"""The stance of an amount no stance cue with its party claimed (`positions.stated_amounts`)."""


@dataclass(frozen=True)
class Position(Sourced):
    """A party's reported position: a figure, a relation to a base ("a fivefold increase"), or both.

    `stance` is `demand`, `offer`, `agreed` (the figure of a deal), `paid` (an amount paid under a
    past or current deal) or `stated` (an amount the report ties to the talks without a cue that
    says whose or which: `party` is then None, never guessed). `factor` is the multiple of the
    base the stated relation implies ("fivefold" → 5.0, "a 13 percent increase" → 1.13);
    `relation` keeps the words as stated.
    """

    party: str | None
    party_text: str | None
    stance: str
    figure: str | None
    amount: float | None
    currency: str | None
    unit: str | None
    qualifier: str | None
    period: str | None
    relation: str | None
    factor: float | None
    base: str | None
    base_amount: float | None
    base_currency: str | None
    reported: bool
    """True when the report hedges it as second-hand ("reportedly", "sources said")."""
    negotiation: str | None
    when: When | None
    """When the position was stated: a date in the sentence, else as of the report's date."""
    applies_to: str | None = None
    """The year or period the amount is for, as written ("for 2026"), if any."""
    years: tuple[int, int] | None = None
    """The first and last (fiscal) year the amount covers, when the report says: "in 2026"
    gives (2026, 2026), "over the five years from fiscal 2022" gives (2022, 2026)."""
    computed: Computed | None = None
    evidence: tuple[Evidence, ...] = ()


    def to_dict(self) -> JSONDict:
        """JSON form."""
        return {
            "party": self.party,
            "party_text": self.party_text,
            "stance": self.stance,
            "figure": self.figure,
            "amount": self.amount,
            "currency": self.currency,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "period": self.period,
            "relation": self.relation,
            "factor": self.factor,
            "base": self.base,
            "base_amount": self.base_amount,
            "base_currency": self.base_currency,
            "reported": self.reported,
            "negotiation": self.negotiation,
            **_when_dict(self.when),
            "applies_to": self.applies_to,
            "years": list(self.years) if self.years else None,
            "computed": self.computed.to_dict() if self.computed else None,
            **self.source_fields(),
            "sources": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: JSONDict) -> Position:
        """Inverse of `to_dict` (the `computed` part is not read back: it depends on the caller)."""
        return cls(
            party=data.get("party"),
            party_text=data.get("party_text"),
            stance=data["stance"],
            figure=data.get("figure"),
            amount=data.get("amount"),
            currency=data.get("currency"),
            unit=data.get("unit"),
            qualifier=data.get("qualifier"),
            period=data.get("period"),
            relation=data.get("relation"),
            factor=data.get("factor"),
            base=data.get("base"),
            base_amount=data.get("base_amount"),
            base_currency=data.get("base_currency"),
            reported=bool(data.get("reported", False)),
            negotiation=data.get("negotiation"),
            when=When.from_dict(data),
            applies_to=data.get("applies_to"),
            years=(int(data["years"][0]), int(data["years"][1])) if data.get("years") else None,
            evidence=tuple(Evidence.from_dict(e) for e in data.get("sources", ())),
        )


@dataclass(frozen=True)
class Statement(Sourced):
    """A quote or paraphrase with its speaker, resolved to the person the report names.

    `speaker` is the fullest name the report gives for the speaker (or the institution, e.g.
    "South Korea's foreign ministry"); `speaker_mention` is how this sentence refers to them
    ("He", "The U.S. official", or None for a bare quote); `speaker_evidence` is the sentence
    that introduces the speaker with their role.
    """

    speaker: str
    speaker_mention: str | None
    role: str | None
    party: str | None
    kind: str
    """`quote` or `paraphrase`."""
    verb: str | None
    text: str
    attribution: str
    """How the speaker was found: `explicit`, `pronoun`, `descriptor`, or `preceding` (a bare
    quote attributed to the speaker of the sentence before)."""
    evidence: tuple[Evidence, ...] = ()
    speaker_evidence: Evidence | None = None


    def to_dict(self) -> JSONDict:
        """JSON form."""
        return {
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention,
            "role": self.role,
            "party": self.party,
            "kind": self.kind,
            "verb": self.verb,
            "text": self.text,
            "attribution": self.attribution,
            **self.source_fields(),
            "speaker_source_sentence": (
                self.speaker_evidence.sentence if self.speaker_evidence else None
            ),
            "sources": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: JSONDict) -> Statement:
        """Inverse of `to_dict` (the speaker's introducing sentence is kept as text only)."""
        intro = data.get("speaker_source_sentence")
        return cls(
            speaker=data["speaker"],
            speaker_mention=data.get("speaker_mention"),
            role=data.get("role"),
            party=data.get("party"),
            kind=data["kind"],
            verb=data.get("verb"),
            text=data["text"],
            attribution=data.get("attribution", "explicit"),
            evidence=tuple(Evidence.from_dict(e) for e in data.get("sources", ())),
            speaker_evidence=Evidence(intro, -1, -1, -1) if intro else None,
        )


@dataclass(frozen=True)
class Mention(Sourced):
    """Something the scenario model knows, as the report mentions it, asserted or denied.

    `category` is `cost_category`, `scope`, `side_issue`, `threat` or `ratifier`; `item` the
    canonical name (e.g. `troop_reduction`); `text` the words as written; `stance` is `denied`
    when a cue such as "brushed off" or "not on the table" (kept in `cue`) negates it.
    """

    category: str
    item: str
    text: str
    stance: str
    cue: str | None
    evidence: tuple[Evidence, ...] = ()


    def to_dict(self) -> JSONDict:
        """JSON form."""
        return {
            "category": self.category,
            "item": self.item,
            "text": self.text,
            "stance": self.stance,
            "cue": self.cue,
            **self.source_fields(),
            "sources": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Extraction:
    """Everything one report establishes, and notes on what it could not."""

    document: str | None
    report_date: str | None
    report_date_basis: str | None
    """`text` (found in the report), `option` (supplied by the caller) or None (unknown)."""
    negotiation: Negotiation | None
    events: tuple[Event, ...] = ()
    positions: tuple[Position, ...] = ()
    statements: tuple[Statement, ...] = ()
    mentions: tuple[Mention, ...] = ()
    notes: tuple[str, ...] = ()
    dropped_noise: tuple[str, ...] = field(default=(), repr=False)
    """The noise removed before extraction (hashtags, footers, counters), for the record."""

    @property
    def is_empty(self) -> bool:
        """True when the report yielded no negotiation content at all."""
        return not (self.events or self.positions or self.statements or self.mentions)

    def to_dict(self) -> JSONDict:
        """JSON form."""
        return {
            "document": self.document,
            "report_date": self.report_date,
            "report_date_basis": self.report_date_basis,
            "negotiation": self.negotiation.to_dict() if self.negotiation else None,
            "events": [e.to_dict() for e in self.events],
            "positions": [p.to_dict() for p in self.positions],
            "statements": [s.to_dict() for s in self.statements],
            "mentions": [m.to_dict() for m in self.mentions],
            "notes": list(self.notes),
            "dropped_noise": list(self.dropped_noise),
        }


def primary(evidence: tuple[Evidence, ...]) -> Evidence:
    """The evidence that supplied the most fields; ties go to the earliest."""
    if not evidence:
        raise ValueError("a record without evidence has no source sentence")
    best = evidence[0]
    for item in evidence[1:]:
        if len(item.fields) > len(best.fields):
            best = item
    return best


def with_document(
    evidence: tuple[Evidence, ...], document: str | None, report_date: str | None
) -> tuple[Evidence, ...]:
    """The same evidence, labelled with its report's name and date."""
    return tuple(replace(e, document=document, report_date=report_date) for e in evidence)
