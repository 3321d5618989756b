"""Passes over all the events of a report, after each sentence has been read.

A meeting's place told in another sentence ("The talks were held in Honolulu"), a claim the
report denies, a deal undated or superseded by a later one, a date without a year read in the
report's (or the narrated) year, a deadline that passed, a date told once for the events of one
scene. Each pass takes the events and returns them changed; `news.extract` runs them in order.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from burdenshare.news.actors import CAPITALS
from burdenshare.news.cameo import cameo_of
from burdenshare.news.dates import (
    DATELINE_PREFIX,
    ENTRY_DASH,
    MONTH,
    find_date_phrases,
    month_number,
    own_date_phrases,
    resolve,
)
from burdenshare.news.events import (
    DEAL,
    LEGISLATURE_SEAT,
    ROUNDED_KINDS,
    TALKS,
    TOLD_AS_IT_HAPPENED,
    VIDEO,
    is_city,
    mask_abbreviations,
    places_in,
    round_in,
    votes_in,
)
from burdenshare.news.merge import combine_events, dates_overlap, merge_evidence, same_event
from burdenshare.news.numbers import ORDINAL_PATTERN, ordinal_value
from burdenshare.news.places import canonical_place, same_place
from burdenshare.news.records import Event, When
from burdenshare.news.sentences import Sentence

# The nouns of one meeting of the talks: a sentence naming one with its place ("at the summit in
# The Hague on Wednesday", "the third round, held in Seoul") says where the report's meeting was.
# a meeting told by its verb: "When NATO leaders gathered in Wales in September 2014"
_MEETING_VERB = re.compile(r"\b(?:gathered|convened|met)\sin\s[A-Z]")
# "It is the latest session, the third, ...": a sentence about the meeting just told
_ANAPHORIC_MEETING = re.compile(
    # (after a transcript's label: "CORRESPONDENT: It was supposed to be a two-day session -- the
    # third round of negotiations")
    r"^(?:[A-Z]{2,}:\s)?(?:It|This|That)(?:'s|\s(?:is|was|marks|marked))\s"
)
_MEETING_NOUN = re.compile(
    r"\b(?:summit|talks|rounds?|meetings?|sessions?|negotiations|consultations)\b", re.I
)
# kinds told of the meeting itself; a signing or a vote happens elsewhere (a ministry, a
# parliament), a scheduled meeting is another meeting
_MEETING_KINDS = ("round_concluded", "talks_opened", "talks_broken_off", "deal_announced")


# a deal told as the end of many meetings: "after eight rounds of negotiations", "over ten
# meetings", "following months of talks"
_OVER_ROUNDS = re.compile(
    r"\b(?:after|over|following|in)\s(?:(?:more\sthan|nearly|some|about|a\sdozen)\s)?"
    r"(?:[\w-]+\s)?(?:rounds|meetings|sessions|months|years)\sof\s(?:talks|negotiations?|"
    r"consultations|wrangling|haggling|bargaining)\b|\b(?:after|over|in)\s(?:[\w-]+\s)?(?:rounds|"
    r"meetings)\b",
    re.I,
)


def carry_meeting_place(
    events: list[Event],
    sentences: tuple[Sentence, ...],
    report_date: dt.date | None = None,
) -> list[Event]:
    """Events of the report's one meeting with its place said in another sentence.

    A report about one meeting (its events give at most one round, and days no more than a
    round's length apart) names the meeting's place once ("... at the summit in The Hague on
    Wednesday." + "The leaders signed up to ..."): the place is set on its events that lack
    one, with the sentence that names it as evidence; so is the round it states once, on the
    meeting's other events (not on a deal, which is the whole negotiation's). A report naming
    two places of meetings, or telling of two rounds or days far apart, is left as it is.

    The talks' opening months before ("... ended on Wednesday. It was the fourth round since
    the talks began in September") is the whole negotiation's, no event of this meeting: it is
    set apart and left as it is."""
    events = _lede_session_place(events, sentences)
    meeting = [e for e in events if e.kind in _MEETING_KINDS]
    apart = [e for e in meeting if e.kind == "talks_opened" and e.when and e.when.date
             and len(e.when.date) == 7 and any(
                 o.when and o.when.date and dates_overlap(e.when, o.when) is False
                 for o in meeting if o.kind != "talks_opened")]
    rest = iter(_carry_to_one_meeting([e for e in events if e not in apart], sentences,
                                      report_date))
    return [e if e in apart else next(rest) for e in events]


def _carry_to_one_meeting(
    events: list[Event], sentences: tuple[Sentence, ...], report_date: dt.date | None
) -> list[Event]:
    """`carry_meeting_place` on the events of one meeting (one for one, in order)."""
    meeting = [e for e in events if e.kind in _MEETING_KINDS]
    rounds = {e.round for e in meeting if e.round is not None}
    if len(rounds) > 1:
        return _carry_by_round(events, sentences)
    if not meeting:
        return events
    days = [e.when for e in meeting if e.when and e.when.date and len(e.when.date) == 10]
    if any(not dates_overlap(a, b) for a in days for b in days):
        return events  # days apart: two meetings (a round lasts a few days)
    months = [e.when for e in meeting if e.when and e.when.date and len(e.when.date) >= 7]
    if any(dates_overlap(a, b) is False for a in months for b in months):
        return events  # two meetings months apart
    for kind in ("round_concluded", "talks_opened"):
        if len({e.when.date for e in meeting if e.kind == kind and e.when and e.when.date}) > 1:
            return events  # "The Honolulu talks ended on Thursday. The Korean talks ended on
            # Friday.": a round ends once, so two ends are two rounds
    if not rounds:
        # the meeting's round told in a sentence of its own about "it" ("Negotiators are back at
        # the table today." + "It is the latest session, the third, in talks ..."), once
        told_rounds = {
            r for r in (round_in(s.text)[0] for s in sentences if _ANAPHORIC_MEETING.match(s.text))
            if r is not None
        }
        if len(told_rounds) == 1:
            number = next(iter(told_rounds))
            source = next(s for s in sentences if _ANAPHORIC_MEETING.match(s.text)
                          and round_in(s.text)[0] == number)
            said = source.evidence("round")
            events = [
                replace(e, round=number, round_text=round_in(source.text)[1],
                        evidence=(*e.evidence, said))
                if e.kind in ("talks_opened", "round_concluded", "talks_broken_off")
                and e.round is None else e
                for e in events
            ]
            meeting = [e for e in events if e.kind in _MEETING_KINDS]
            rounds = {number}
    told = next((e for e in meeting if e.round in rounds), None) if len(rounds) == 1 else None
    if told is not None:
        # the round said of the meeting once ("The third round opened on Monday." + "The U.S.
        # team walked out on Tuesday."); a deal is told of the whole negotiation, not a round
        # (a round told only of "it" when the meeting is a deal sets nothing)
        events = [
            replace(e, round=told.round, round_text=told.round_text,
                    evidence=(*e.evidence, *(ev for ev in told.evidence if "round" in ev.fields)))
            if e.kind in ROUNDED_KINDS and e.round is None and e.kind != "talks_scheduled"
            else e
            for e in events
        ]
        meeting = [e for e in events if e.kind in _MEETING_KINDS]
    if all(e.place and e.when and e.when.date for e in meeting):
        return events
    places: dict[str, Sentence] = {}
    for e in meeting:
        if e.place and e.evidence:
            # the sentence that names the place (a merged event's first may be a headline)
            named = next((ev for ev in e.evidence if e.place in ev.sentence), e.evidence[0])
            places.setdefault(e.place, next(
                (s for s in sentences if s.index == named.index), sentences[0]))
    for s in sentences:
        if rounds and round_in(s.text)[0] not in (None, *rounds):
            continue  # "... agreed to sit down again for a sixth round in Washington": another
            # round's place, not the fifth's
        if _MEETING_NOUN.search(s.text) or _MEETING_VERB.search(s.text):
            # (one city however written: "talks end in LA" + "the meeting in Los Angeles")
            for place in places_in(s.text):
                places.setdefault(canonical_place(place), s)
    if len(places) != 1:
        return events
    (place, source), = places.items()
    evidence = source.evidence("place")
    # the meeting's day, when the sentence naming its place gives one ("at the summit in The
    # Hague on Wednesday"), for its events that have none
    phrases = find_date_phrases(source.text)
    day = resolve(phrases[0], source.text, report_date, forward=False) if len(phrases) == 1 \
        else None
    out = []
    for e in events:
        dated = day is not None and day.date is not None and (e.when is None or e.when.date is None)
        # (placed already, it is left as it is: only a summit's pledge placed at this meeting
        # by the scene before it takes the meeting's day)
        placed = e.place is not None and not (
            e.place == place and dated and e.kind == "deal_announced")
        if e.kind not in _MEETING_KINDS or placed or (
                e.kind == "deal_announced" and any(
                    _OVER_ROUNDS.search(ev.sentence) for ev in e.evidence)):
            # (a deal "reached after eight rounds of negotiations" ends the whole negotiation,
            # not one of its meetings)
            out.append(e)
            continue
        out.append(replace(
            e, place=place, when=day if dated else e.when,
            evidence=(*e.evidence,
                      replace(evidence, fields=("place", "date")) if dated else evidence),
        ))
    return out


# the lede's meeting taken up by its length and place: "The two-day session in Honolulu was the
# first for ..."
_SESSION_IN = re.compile(
    r"^(?:The|This)\s(?:(?:two|three|four|five|\d)-day\s)(?:session|meeting|round|talks)\s"
    r"(?:in|at)\s(?P<p>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b"
)
_LEDE_KINDS = ("round_concluded", "talks_opened", "talks_broken_off")


def _lede_session_place(events: list[Event], sentences: tuple[Sentence, ...]) -> list[Event]:
    """The place of the lede's meeting from the sentence that takes it up by its length ("...
    wrapped up their second round of negotiations on sharing the cost of stationing American
    troops here on Thursday" + "The two-day session in Honolulu was the first for ..."): set on
    the lede's meeting events that name no place in their own words (a dateline's "here", or
    none)."""
    found = next(((s, m) for s in sentences if (m := _SESSION_IN.match(s.text))), None)
    if found is None:
        return events
    session, match = found
    place = canonical_place(match.group("p"))
    if place not in {canonical_place(p) for p in places_in(session.text)}:
        return events  # no place: "The two-day session in February"
    lede = min((e.evidence[0].index for e in events
                if e.kind in _LEDE_KINDS and e.evidence and e.evidence[0].index < session.index),
               default=None)
    if lede is None:
        return events
    said = session.evidence("place")
    out = []
    for e in events:
        own = e.evidence[0].sentence if e.evidence else ""
        if (e.kind in _LEDE_KINDS and e.evidence and e.evidence[0].index == lede
                and (e.place is None or not re.search(
                    rf"\b(?:in|at)\s(?:the\s)?{re.escape(e.place)}\b", own))):
            out.append(replace(e, place=place, evidence=(*e.evidence, said)))
        else:
            out.append(e)
    return out


def _carry_by_round(events: list[Event], sentences: tuple[Sentence, ...]) -> list[Event]:
    """In a report of several rounds, a round's place said once in a sentence that numbers
    that round and names one place ("The U.S. team walked out of the third round today." + "The
    third round ... was scheduled to wrap up later today in Seoul."), set on that round's
    events that lack one."""
    # each sentence's round and places, read once for all the events
    told: dict[int, dict[str, Sentence]] = {}
    for s in sentences:
        number = round_in(s.text)[0]
        if number is not None and (_MEETING_NOUN.search(s.text) or _MEETING_VERB.search(s.text)):
            for place in places_in(s.text):
                told.setdefault(number, {})[canonical_place(place)] = s
    out = []
    for e in events:
        if e.kind not in _MEETING_KINDS or e.round is None or e.place is not None:
            out.append(e)
            continue
        named = told.get(e.round, {})
        if len(named) != 1:
            out.append(e)
            continue
        (place, source), = named.items()
        out.append(replace(e, place=place, evidence=(*e.evidence, source.evidence("place"))))
    return out


# "negotiations ... have not yet begun", "no deal has been reached": the report's own word that
# the talks or the deal are not there
_DENIAL = re.compile(
    rf"\b(?:{TALKS}|negotiat\w+)\b[^.]{{0,80}}?\b(?:have|has|had)\s(?:not|n't)\s"
    r"(?:yet\s|even\s)*(?:begun|started|opened|been\sheld)\b|"
    rf"\bno\s(?:{DEAL})\s(?:has|had)\s(?:yet\s)?been\s(?:reached|struck|agreed)\b",
    re.I,
)
# a sentence telling what someone said or wrote, the claim being the event
# (plain "said" is how news attributes its facts; a claim is "says", "had said", "claimed",
# "tweeted": "Officials said Seoul agreed ..." + "talks on the next deal have not begun" keeps
# the deal)
_SAYING = re.compile(
    r"\b(?:says|had\ssaid|wrote|writes|tweeted|tweets|claimed|claims|posted|insisted|insists)\b",
    re.I,
)
_CLAIMABLE = ("talks_opened", "deal_announced", "deal_signed", "round_concluded")


def drop_denied_claims(events: list[Event], sentences: tuple[Sentence, ...]) -> list[Event]:
    """Events known only from someone's word, when the report itself says the talks have not
    begun or no deal is reached ("Trump says South Korea has agreed to pay more." + "But Seoul
    says talks have not even begun."): a claim the report contradicts is not an event."""
    denials = {s.index for s in sentences if _DENIAL.search(mask_abbreviations(s.text))}
    if not denials:
        return events
    by_index = {s.index: s for s in sentences}

    def claimed(e: Event) -> bool:
        return e.kind in _CLAIMABLE and all(
            ev.index not in denials and ev.index in by_index
            and _SAYING.search(by_index[ev.index].text) is not None
            for ev in e.evidence
        )

    return [e for e in events if not claimed(e)]


def with_next_votes(events: list[Event], sentences: tuple[Sentence, ...]) -> list[Event]:
    """A legislature's vote told without its count, and the count in the next sentence ("The
    National Assembly on Tuesday gave its consent ..." + "Of the 160 lawmakers present, 133
    voted in favor, 11 against and 16 abstained."): that count, the sentence joining the
    evidence."""
    by_index = {s.index: s for s in sentences}
    out = []
    for e in events:
        own = e.evidence[0].index if e.evidence else None
        after = by_index.get(own + 1) if own is not None else None
        votes = votes_in(after.text) if after is not None and e.kind == "ratification_vote" \
            and e.votes is None else None
        if votes is None or after is None:
            out.append(e)
            continue
        evidence = after.evidence("votes")
        out.append(replace(e, votes=votes, evidence=(*e.evidence, evidence)))
    return out


def with_legislature_city(events: list[Event], sentences: tuple[Sentence, ...]) -> list[Event]:
    """A legislature's one vote, unplaced, and a sentence that puts that legislature in its
    country's capital ("The National Assembly on Thursday ratified ..." + "Of the 234 lawmakers
    present at the National Assembly in Seoul, 173 voted in favor"): the vote was held there,
    that sentence joining the evidence."""
    votes = [e for e in events if e.kind == "ratification_vote" and e.source_actor]
    out = []
    for e in events:
        country = (e.source_actor or "")[:3]
        capital = CAPITALS.get(country)
        if e not in votes or e.place is not None or capital is None or sum(
                (v.source_actor or "")[:3] == country for v in votes) != 1:
            out.append(e)
            continue
        told = [s for s in sentences for m in LEGISLATURE_SEAT.finditer(s.text)
                if canonical_place(m.group("p")) == capital]
        out.append(replace(e, place=capital, evidence=(*e.evidence, told[0].evidence("place")))
                   if told else e)
    return out


def drop_undated_deals(events: list[Event]) -> list[Event]:
    """An undated deal in a report that dates its other events is the deal told again or a
    wish ("That six-year deal came after more than a year of negotiations", "remains committed
    to reaching a fair settlement"), not an event of its own; unless it names a place where
    no dated deal was made ("At Wales, allies promised ..." beside the pledge dated in The
    Hague): another summit's."""
    if not any(e.when is not None and e.when.date for e in events):
        return events
    dated_places = [e.place for e in events
                    if e.kind == "deal_announced" and e.when is not None and e.when.date]

    def elsewhere(e: Event) -> bool:
        return (e.place is not None and bool(dated_places) and None not in dated_places
                and not any(same_place(e.place, p) for p in dated_places))

    # a deal dated relative to an undated report ("agreed Tuesday") is dated all the same
    return [e for e in events
            if not (e.kind == "deal_announced" and not _dated(e)
                    and (e.when is None or e.when.basis != "relative")
                    and not elsewhere(e))]


def drop_headline_restated(events: list[Event]) -> list[Event]:
    """An undated event told only by the headline (the report's first line, with no full stop)
    that the body tells as the same kind and round: the headline sums the body up ("S. Korea,
    U.S. end second round of defense cost talks in Hawaii" over "... wrapped up their second
    round ... here Thursday" in Honolulu), so the body's event stands alone."""
    def headline_only(e: Event) -> bool:
        return (all(ev.index == 0 for ev in e.evidence) and bool(e.evidence)
                and not e.evidence[0].sentence.rstrip().endswith((".", "!", "?", '"', "”"))
                and (e.when is None or e.when.date is None))

    return [e for e in events if not (headline_only(e) and any(
        b is not e and b.kind == e.kind and b.round == e.round and not headline_only(b)
        for b in events))]


def _dated(e: Event) -> bool:
    """Whether an event carries a date."""
    return e.when is not None and bool(e.when.date)


def drop_superseded(events: list[Event]) -> list[Event]:
    """Events another of the report tells better: a round that was broken off is told once,
    as broken off and as held ("Korea, US end third round of cost talks" and "the American
    team walked out": one round, which keeps the round number the first sentence named); a
    deal's expiry told in the present ("SMA lapses without successor") is the one that has
    passed ("expired at midnight on Tuesday")."""
    if not any(e.kind in ("talks_broken_off", "deadline_passed") for e in events):
        return events

    def same(e: Event, b: Event) -> bool:
        return (e.round is None or b.round is None or e.round == b.round) and (
            dates_overlap(e.when, b.when) is not False
        )

    dropped: set[int] = set()
    told: dict[int, Event] = {}  # a broken-off event, by position, with the round it gains
    for k, b in enumerate(events):
        if b.kind != "talks_broken_off" or b.round is not None or not b.evidence:
            continue
        rounds = [e for e in events if e.kind == "round_concluded" and e.round is not None
                  and e.evidence and same(e, b)]
        if len({e.round for e in rounds}) < 2:
            continue
        # several rounds it could be: the one told last before it (a timeline's "Nov. 18-19 -
        # Third round in Seoul. The U.S. delegation walks out on the second day")
        before = [e for e in rounds if e.evidence[0].index <= b.evidence[0].index]
        if before:
            last = max(before, key=lambda e: e.evidence[0].index)
            told[k] = replace(b, round=last.round, round_text=last.round_text,
                              evidence=(*b.evidence,
                                        *(ev for ev in last.evidence if "round" in ev.fields)))
    for i, e in enumerate(events):
        if e.kind != "round_concluded":
            continue
        j = next((j for j, b in enumerate(events)
                  if b.kind == "talks_broken_off" and same(e, told.get(j, b))), None)
        if j is None:
            continue
        dropped.add(i)
        b = told.get(j, events[j])
        if b.round is None and e.round is not None:
            # the round the dropped sentence named is the broken-off round's
            b = told[j] = replace(b, round=e.round, round_text=e.round_text,
                                  evidence=(*b.evidence,
                                            *(ev for ev in e.evidence if "round" in ev.fields)))
        if (b.when is None or b.when.date is None) and e.when is not None and e.when.date:
            # ... and so is its date: "The talks came to an abrupt halt today." + "The U.S.
            # delegation walked out of the third round ... on its second day"
            told[j] = replace(b, when=e.when, evidence=merge_evidence(b.evidence, e.evidence))
    # the same for a deal's expiry told in the present ("SMA lapses without successor") over
    # its passing ("expired at midnight on Tuesday"): one expiry, passed
    # (not a dated expiry beside an undated lapse: "before the current agreement expires on
    # Dec. 31" is no lapse "the kind of dispute that left the allies without an agreement after
    # the 10th SMA lapsed" tells)
    passed = [e for e in events if e.kind == "deadline_passed"]
    for i, e in enumerate(events):
        if e.kind == "deadline" and any(
                dates_overlap(e.when, p.when) is not False
                and not (_dated(e) and not _dated(p)) for p in passed):
            dropped.add(i)
    kept = [told.get(i, e) for i, e in enumerate(events) if i not in dropped]
    # the round that was broken off also took place: one `round_concluded` beside it, with its
    # date, place and round ("walked out on the second day of the third round in Seoul")
    out: list[Event] = []
    for e in kept:
        out.append(e)
        if e.kind == "talks_broken_off":
            out.append(replace(e, kind="round_concluded", cameo=cameo_of("round_concluded")))
    return out


_ANY_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_CALENDAR_KINDS = ("month_day", "day_month", "month_day_range", "day_range_month", "month")


def with_report_year(
    events: list[Event], sentences: tuple[Sentence, ...], report_date: dt.date | None
) -> list[Event]:
    """Year-less dates ("on Nov. 19") in an undated report that names one year only ("The 2019
    talks ... hit a wall on Nov. 19"): that year. Weekdays and other relative dates stay
    relative, since they need the report's day."""
    if report_date is not None:
        return events
    years = {int(m.group()) for s in sentences for m in _ANY_YEAR.finditer(s.text)}
    if len(years) != 1:
        return events
    year_end = dt.date(years.pop(), 12, 31)
    by_index = {s.index: s for s in sentences}
    out = []
    for e in events:
        when = e.when
        sentence = by_index.get(e.evidence[0].index) if e.evidence else None
        if when is None or when.date is not None or when.text is None or sentence is None:
            out.append(e)
            continue
        # ("last November", "next April" are told from the report's day, not in that year)
        phrase = next((p for p in find_date_phrases(sentence.text)
                       if p.text == when.text and p.kind in _CALENDAR_KINDS
                       and not re.match(r"(?:last|next)\s", p.text, re.I)), None)
        resolved = resolve(phrase, sentence.text, year_end, forward=False) if phrase else None
        out.append(replace(e, when=resolved) if resolved and resolved.date else e)
    return out


def in_pluperfect_year(events: list[Event], sentences: tuple[Sentence, ...]) -> list[Event]:
    """A day without its year in a past-perfect sentence ("The deal had been signed on Nov. 4")
    right after a sentence that dates its event in full ("... approved it on Nov. 28, 2024"):
    the day before that date, not the one before the report's."""
    by_index = {s.index: s for s in sentences}
    stated = {ev.index: e.when.date for e in events if e.when is not None and e.when.date
              and e.when.basis == "stated" and len(e.when.date) == 10 for ev in e.evidence[:1]}
    out = []
    for e in events:
        when = e.when
        sentence = by_index.get(e.evidence[0].index) if e.evidence else None
        anchor = stated.get(sentence.index - 1) if sentence is not None else None
        if (when is None or when.basis != "resolved" or when.text is None or sentence is None
                or anchor is None or not _PLUPERFECT.search(sentence.text)):
            out.append(e)
            continue
        phrase = next((p for p in find_date_phrases(sentence.text)
                       if p.text == when.text and p.kind in ("month_day", "day_month")), None)
        resolved = (resolve(phrase, sentence.text, dt.date.fromisoformat(anchor), forward=False)
                    if phrase else None)
        out.append(replace(e, when=resolved) if resolved and resolved.date else e)
    return out


# a timeline's entry by its day (and year, when it gives one): "Sept. 24-25 - Talks open in
# Seoul", "* Jan. 14-15, 2020 - Sixth round, Washington", "March 2020: ..."
_ENTRY_DAY = re.compile(
    rf"^(?:[-–*•]\s)?(?:(?P<m>{MONTH})[_.]?\s\d{{1,2}}(?:[-–]\d{{1,2}})?(?:,\s(?P<y>(?:19|20)\d\d))?|"
    rf"(?P<m2>{MONTH})\s(?P<y2>(?:19|20)\d\d))(?:{ENTRY_DASH}\s|:\s)"
)


def in_timeline_year(events: list[Event], sentences: tuple[Sentence, ...]) -> list[Event]:
    """A timeline's entry without its year ("Sept. 24-25 - Talks open in Seoul" after "Aug. 7,
    2019 - ..."): the year of the entry before it, or the next one when its month comes earlier
    (a timeline runs forward), not the year before the report's day."""
    years: dict[str, list[tuple[int, str]]] = {}  # an entry's day as written -> (index, year)
    year = month = None
    for s in sentences:
        heading = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", s.text)
        if heading is not None:
            year, month = int(heading.group(1)), 1  # a year's heading: "2019" on its own line
            continue
        m = _ENTRY_DAY.match(s.text)
        if m is None:
            continue
        named = m.group("y") or m.group("y2")
        this = month_number(m.group("m") or m.group("m2"))
        if named is not None:
            year, month = int(named), this
        elif year is not None and month is not None:
            year, month = year + (this < month), this
            years.setdefault(s.text[: m.end()].strip(" -–—:*•"), []).append((s.index, str(year)))
    if not years:
        return events
    out = []
    for e in events:
        when = e.when
        told = years.get(when.text or "") if when is not None and when.basis == "resolved" else None
        entry = [y for i, y in told or () if e.evidence and i <= e.evidence[0].index]
        if when is None or not entry or when.date is None or not when.date[:4].isdigit():
            out.append(e)
            continue
        year_of = entry[-1]
        out.append(replace(e, when=replace(
            when, date=year_of + when.date[4:],
            end_date=year_of + when.end_date[4:] if when.end_date else None)))
    return out


_NO_SUCCESSOR = re.compile(
    r"\b(?:with\sno|without\s(?:a|any))\s(?:successor|new\s(?:deal|agreement|accord)|"
    r"replacement|deal|agreement)\b",
    re.I,
)


def passed_deadlines(events: list[Event], report_date: dt.date | None) -> list[Event]:
    """An expiry told "with no successor", or as a timeline's entry, on a day before the
    report's ("* Dec. 31, 2019 - The previous one-year agreement expires with no successor in
    place", "Dec. 31 -- The 10th SMA expires.", in a timeline written in 2021) is a lapse, not a
    deadline to come."""
    out = []
    for e in events:
        day = e.when.date if e.when is not None else None
        if (e.kind == "deadline" and report_date is not None and day and len(day) == 10
                and day < report_date.isoformat() and e.evidence
                and (_NO_SUCCESSOR.search(e.evidence[0].sentence)
                     or _ENTRY_DAY.match(e.evidence[0].sentence))):
            e = replace(e, kind="deadline_passed", cameo=cameo_of("deadline_passed"))
        out.append(e)
    return out


_SAME_PERIOD = re.compile(
    r"\b(?:[Tt]hat|[Tt]he)\s(?:same\s|very\s)?(?P<unit>month|year|day)\b(?!['’]s|\s(?:of|before|after))"
)


def in_same_period(
    events: list[Event], sentences: tuple[Sentence, ...], report_date: dt.date | None
) -> list[Event]:
    """An event with no date of its own told "that same month" (or year, or day) is dated by the
    last date the sentence before it gives ("... were sent home without pay in April last year.
    That same month, Trump rejected a deal ..."), at the precision the phrase names."""
    by_index = {s.index: s for s in sentences}
    out = []
    for e in events:
        sentence = by_index.get(e.evidence[0].index) if e.evidence else None
        same = _SAME_PERIOD.search(sentence.text) if sentence is not None else None
        previous = by_index.get(sentence.index - 1) if sentence is not None else None
        if (same is None or previous is None or sentence is None
                or (e.when is not None and e.when.date and e.when.basis != "report_date")):
            out.append(e)
            continue
        phrases = find_date_phrases(previous.text)
        last = resolve(phrases[-1], previous.text, report_date, forward=False) if phrases else None
        width = {"year": 4, "month": 7, "day": 10}[same.group("unit")]
        if last is None or last.date is None or len(last.date) < width or "W" in last.date:
            out.append(e)
            continue
        evidence = previous.evidence("date")
        when = When(last.date[:width], last.basis, same.group())
        month = _MONTH_BEFORE.search(sentence.text, 0, same.start())
        if same.group("unit") == "year" and month is not None:
            # "Trump rejected it in April that year": the month in the year told before
            when = When(f"{last.date[:4]}-{month_number(month.group('m')):02d}", last.basis,
                        month.group() + same.group())
        out.append(replace(e, when=when, evidence=(*e.evidence, evidence)))
    return out


_MONTH_BEFORE = re.compile(rf"\b(?P<m>{MONTH})\s(?:of\s)?$")
_PLUPERFECT = re.compile(r"\bhad\s(?:already\s|just\s)?(?:been\s)?\w+ed\b")


def with_dateline_day(
    events: list[Event], sentences: tuple[Sentence, ...], report_date: dt.date | None
) -> list[Event]:
    """An event told as news in the lede under a dated dateline, with no date of its own, on
    the dateline's day ("HONOLULU, Oct. 24 (Yonhap) -- South Korea and the United States
    wrapped up a second round of negotiations here ...")."""
    by_index = {s.index: s for s in sentences}
    out = []
    for e in events:
        # (the lede among its sources: a headline may come first)
        lede, dateline = next(((by_index[ev.index], m) for ev in e.evidence if ev.index in by_index
                               and (m := DATELINE_PREFIX.match(by_index[ev.index].text))),
                              (None, None))
        if (e.kind not in TOLD_AS_IT_HAPPENED or (e.when is not None and e.when.date)
                or lede is None or dateline is None):
            out.append(e)
            continue
        days = [p for p in find_date_phrases(lede.text[: dateline.end()])
                if p.kind in ("month_day", "day_month", "iso", "numeric")]
        day = resolve(days[0], lede.text, report_date, forward=False) if len(days) == 1 else None
        out.append(_dated_by(e, lede, day) if day is not None and day.date else e)
    return out


def with_scene_date(
    events: list[Event], sentences: tuple[Sentence, ...], report_date: dt.date | None
) -> list[Event]:
    """An event told as news with no date of its own, right after a short sentence that sets
    the scene with one day and tells no event ("The bar moved on Wednesday." + "Leaders
    meeting in The Hague committed to ..."): that day is the event's, its sentence joins the
    evidence."""
    told = {ev.index for e in events for ev in e.evidence}
    out = []
    for e in events:
        first = e.evidence[0].index if e.evidence else None
        scene = next((s for s in sentences if first is not None and s.index == first - 1), None)
        if (e.kind not in TOLD_AS_IT_HAPPENED or (e.when is not None and e.when.date)
                or scene is None or scene.index in told or len(scene.text.split()) > 8):
            out.append(e)
            continue
        day = _single_day(scene, report_date, ("weekday", "month_day", "day_month",
                                               "relative_day"))
        out.append(_dated_by(e, scene, day) if day is not None else e)
    return out


# the kinds of a meeting held (or begun, or broken off), which a round number belongs to
_HELD_KINDS = ("round_concluded", "talks_opened", "talks_broken_off")


def the_one_round_named(events: list[Event], sentences: tuple[Sentence, ...]) -> list[Event]:
    """A report that numbers one round only, in any sentence ("The seventh round of
    negotiations ... went ahead despite the coronavirus outbreak"), tells of that round: its
    round held, opened or broken off without a number of its own is that one."""
    if any(e.round is not None for e in events):
        return events
    numbered = [(s, *round_in(s.text)) for s in sentences]
    numbered = [(s, n, words) for s, n, words in numbered if n is not None]
    if len({n for _, n, _ in numbered}) != 1:
        return events
    source, number, words = numbered[0]
    said = source.evidence("round")
    return [
        replace(e, round=number, round_text=words, evidence=(*e.evidence, said))
        if e.kind in _HELD_KINDS else e
        for e in events
    ]


# a sentence about a round as its subject: "The seventh round of negotiations was the first
# since the sixth round, held in Washington in mid-January."
_ROUND_AS_SUBJECT = re.compile(
    rf"^(?:The|This)\s(?P<o>{ORDINAL_PATTERN})\sround(?:\sof\s(?:the\s)?(?:talks|negotiations))?"
    r"\s(?:was|is|marked|marks|came|comes)\b"
)


def the_round_as_subject(events: list[Event], sentences: tuple[Sentence, ...]) -> list[Event]:
    """The report's meeting told without a number, and a sentence about a round no event has
    yet, as its subject ("South Korea and the United States ended three days of talks in Los
    Angeles" + "The seventh round of negotiations was the first since the sixth round, held in
    Washington"): that meeting is that round."""
    unnumbered = [e for e in events if e.round is None and e.kind in _HELD_KINDS]
    if len({e.kind for e in unnumbered}) != len(unnumbered) or not unnumbered:
        return events  # two rounds held, or opened, unnumbered: which is which is not said
    taken = {e.round for e in events if e.round is not None}
    told = [(s, m) for s in sentences if (m := _ROUND_AS_SUBJECT.match(s.text)) is not None
            and ordinal_value(m.group("o")) not in taken]
    if len(told) != 1:
        return events
    source, m = told[0]
    number = ordinal_value(m.group("o"))
    said = source.evidence("round")
    return [replace(e, round=number, round_text=m.group(), evidence=(*e.evidence, said))
            if e in unnumbered else e for e in events]


# a round told by its place before the one the report is about: "The previous round, held by
# video conference on Feb. 5, ..." (a round to come keeps no number: "the next round will be in
# Washington", as the corpus's writers leave it)
_PREVIOUS_ROUND = re.compile(
    r"\b(?:[Tt]he|[Ii]ts)\s(?:previous|preceding|last)\s(?:round|session)\b|"
    # (or the one it followed: "The two-day meeting in Seoul ... followed a round in Washington
    # that ended on Dec. 4")
    r"\bfollowed\sa\s(?:round|session)\b"
)


def previous_round(events: list[Event]) -> list[Event]:
    """A round the report numbers only as "the previous round" of the round it is about (the
    one it numbers, or the first it tells: "... at the close of the ninth round" + "The previous
    round, held by video conference on Feb. 5, ...") is the round before it: the eighth."""
    numbered = {e.round for e in events if e.round is not None and e.kind in ROUNDED_KINDS}
    lede = next((e.round for e in events if e.round is not None and e.kind in (
        "round_concluded", "talks_broken_off", "talks_opened")), None)
    number = next(iter(numbered)) if len(numbered) == 1 else lede
    if number is None:
        return events
    out = []
    for e in events:
        said = [ev.sentence for ev in e.evidence]
        if e.round is None and e.kind in ("round_concluded", "talks_broken_off") and any(
                _PREVIOUS_ROUND.search(x) for x in said) and number > 1:
            e = replace(e, round=number - 1)
        out.append(e)
    return out


def opening_as_first_round(events: list[Event]) -> list[Event]:
    """The negotiation's one opening, unnumbered, in a report that schedules the second round and
    numbers no other meeting ("opened negotiations in Honolulu on Tuesday" + "agreed to hold the
    second round in Seoul next month") is the first round (5 of 5 `dev` writers); the sentence
    scheduling the second is its evidence."""
    opened = [e for e in events if e.kind == "talks_opened" and e.round is None]
    second = next((e for e in events if e.kind == "talks_scheduled" and e.round == 2), None)
    if len(opened) != 1 or second is None or any(
            e.round is not None for e in events if e.kind != "talks_scheduled"):
        return events
    told = tuple(replace(ev, fields=("round",)) for ev in second.evidence[:1])
    return [replace(e, round=1, evidence=(*e.evidence, *told)) if e is opened[0] else e
            for e in events]


def held_by_video(events: list[Event], here: str | None) -> list[Event]:
    """A round placed only by the dateline's city ("SEOUL, Feb. 5 (UPI) -- ... held their
    first round ...") that another sentence says was held by video ("The talks, the eighth
    round overall, were held by video link") is that one round, held by video: no city."""
    if here is None:
        return events
    out: list[Event] = []
    for e in events:
        by_dateline = e.place == here and not _said_in(e, here)
        video = next((i for i, kept in enumerate(out) if kept.place == VIDEO
                      and same_event(kept, replace(e, place=VIDEO), strict=False)), None)
        if by_dateline and video is not None:
            out[video] = combine_events(out[video], replace(e, place=VIDEO))
            continue
        if e.place == VIDEO:
            dated = next((i for i, kept in enumerate(out) if kept.place == here
                          and not _said_in(kept, here)
                          and same_event(replace(kept, place=VIDEO), e, strict=False)), None)
            if dated is not None:
                out[dated] = combine_events(replace(out[dated], place=VIDEO), e)
                continue
        out.append(e)
    return out


def _said_in(e: Event, city: str) -> bool:
    """Does a sentence of the event say it happened in the city ("met in Seoul")?"""
    return any(re.search(rf"\b(?:in|at)\s{re.escape(city)}\b", ev.sentence) for ev in e.evidence)


# the leaders of a summit told as where they were: "Europe's leaders flew home from The Hague
# this week", "It took two days in The Hague for NATO to ...", "This week in The Hague the bar
# was raised again"
_SCENE_PLACE = re.compile(
    r"\b(?:in|from|left|at)\s(?P<p>The\sHague|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b(?!['’]s)"
)
# a pledge told as the summit's: "Allies agreed at the summit on 25 June", "They agreed to
# spend ...", "In the declaration adopted on 25 June, the allies committed to ..."
_SUMMIT_PLEDGE = re.compile(
    r"\bsummit\b|^(?:They|Allies|Leaders|The\s(?:allies|leaders))\s|\bthe\s(?:allies|leaders)\s"
    r"(?:agreed|committed|pledged|promised|signed)\b"
)


def with_scene_place(events: list[Event], sentences: tuple[Sentence, ...]) -> list[Event]:
    """A summit's pledge told with no place of its own, right after a sentence that tells no
    event and names one city where the leaders were ("Europe's leaders flew home from The Hague
    this week ..." + "Allies agreed at the summit on 25 June to spend ..."): that city is where
    it was made, and the sentence joins the evidence."""
    told = {ev.index for e in events for ev in e.evidence}
    out = []
    for e in events:
        first = e.evidence[0] if e.evidence else None
        scene = next((s for s in sentences if first is not None and s.index == first.index - 1),
                     None)
        cities = {m.group("p") for m in _SCENE_PLACE.finditer(scene.text)} if scene else set()
        cities = {c for c in cities if is_city(c)}
        if (e.kind != "deal_announced" or e.place or first is None or scene is None
                or scene.index in told or len(cities) != 1
                or not _SUMMIT_PLEDGE.search(first.sentence)):
            out.append(e)
            continue
        said = scene.evidence("place")
        out.append(replace(e, place=cities.pop(), evidence=(*e.evidence, said)))
    return out


def _single_day(
    s: Sentence, report_date: dt.date | None, kinds: tuple[str, ...]
) -> When | None:
    """The one day a sentence gives (a phrase of one of `kinds`), resolved looking back from
    the report's date; None when it gives none, several, or one that does not resolve."""
    phrases = own_date_phrases(s.text)
    if len(phrases) != 1 or phrases[0].kind not in kinds:
        return None
    day = resolve(phrases[0], s.text, report_date, forward=False)
    return day if day is not None and day.date is not None else None


def _dated_by(e: Event, s: Sentence, day: When) -> Event:
    """The event on the day sentence `s` gives, that sentence joining its evidence."""
    evidence = s.evidence("date")
    return replace(e, when=day, evidence=(*e.evidence, evidence))


# a sentence telling an act as confirmed or admitted now ("Trump has confirmed that he turned
# down Seoul's offer"): the act was said on the day the next sentence gives
_CONFIRMED_NOW = re.compile(
    r"\b(?:has|have)\s(?:\w+ly\s)?(?:confirmed|acknowledged|admitted|revealed|said)\s(?:that\s)?",
    re.I,
)
_TOLD_ON = re.compile(r"\b(?:told|said|says|added)\b")


def with_confirmation_day(
    events: list[Event], sentences: tuple[Sentence, ...], report_date: dt.date | None
) -> list[Event]:
    """An event dated only by the report's date because its sentence says it "has been
    confirmed", followed by the sentence giving the day the confirmation was said ("Trump has
    confirmed that he turned down South Korea's offer ..." + "\"... I rejected it,\" Trump told
    a White House briefing on Monday."): that day is the event's, as the corpus's writers date
    it, and the sentence joins the evidence."""
    out = []
    for e in events:
        told = next((ev for ev in e.evidence if _CONFIRMED_NOW.search(ev.sentence)), None)
        after = next((s for s in sentences if told is not None and s.index == told.index + 1),
                     None)
        if (e.when is None or e.when.basis != "report_date" or after is None
                or not _TOLD_ON.search(after.text)):
            out.append(e)
            continue
        day = _single_day(after, report_date, ("weekday", "month_day", "day_month"))
        out.append(_dated_by(e, after, day) if day is not None else e)
    return out

