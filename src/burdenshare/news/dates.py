"""Dates in news reports: found as phrases, resolved against the report's own date.

Phrases are found by the patterns below ("March 17-19", "in January", "on Tuesday", "this
month", "the new year", "the end of this month", "last week"). Calendar arithmetic for month
names, weekdays and day expressions is done by `dateparser` (with the report's date as its
relative base and its `period` telling the precision), so that "in January" becomes a month,
never an invented day. A handful of phrases dateparser does not read ("the new year", "the end
of this month") are resolved here. Whether an ambiguous phrase points forward or back ("in
January" said in December) follows the sentence's tense: future markers ("will", "agreed to",
"expires", "next") point forward, anything else points back.

Without a report date nothing is resolved: the phrase is kept as `relative` and says so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from burdenshare.news.numbers import NUMBER_WORDS
from burdenshare.news.records import When

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
# (a timeline writes them in capitals: "SEPT 24-25, 2019 - First round ...")
_MONTH_CAPS = f"{_MONTHS}|{_MONTH_ABBR}".upper()
MONTH = rf"(?:{_MONTHS}|(?:{_MONTH_ABBR})\.?|(?:{_MONTH_CAPS})\b\.?)"
# the dash that sets a timeline's day off from its entry: "Dec. 3-4 - Fourth round", "Dec. 3-4 --
# Fourth round" (Yonhap's chronologies), "Dec. 3-4 — Fourth round"
ENTRY_DASH = r"\s(?:--|[-–—])"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# a day spelled out, as broadcast copy writes it: "December thirty-first"
_UNIT_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth")
_DAY_WORDS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_UNIT_ORDINALS)},
    **{w: i + 10 for i, w in enumerate(("tenth", "eleventh", "twelfth", "thirteenth",
                                        "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                                        "eighteenth", "nineteenth", "twentieth"))},
    **{f"twenty-{w}": i + 21 for i, w in enumerate(_UNIT_ORDINALS)},
    "thirtieth": 30,
    "thirty-first": 31,
}
_DAY_WORD = "|".join(sorted(_DAY_WORDS, key=len, reverse=True))
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_SPOKEN_DAY = rf"(?:{_DAY}|(?i:{_DAY_WORD})(?![\w-]))"
_YEAR = r"(?:19|20)\d{2}"
_REL_YEAR = r",?\s(?:of\s)?(?:next|last|this|that)\syear\b"

# Ordered: longer, more specific phrases first; each has a name used in resolution.
_PHRASES: tuple[tuple[str, str], ...] = (
    ("iso", rf"\b{_YEAR}-\d{{2}}-\d{{2}}(?:\b|(?=T\d))"),
    ("dotted", rf"\b{_YEAR}\.\d{{1,2}}\.\d{{1,2}}\b"),
    # day and month in figures, either order, the year last: "12/17/2019" (American),
    # "17/12/2019", "17.12.2019" (European)
    ("numeric", rf"\b\d{{1,2}}([/.-])\d{{1,2}}\1{_YEAR}\b"),
    ("month_day_range", rf"\b{MONTH}\s{_DAY}\s?(?:-|–|to|through|and)\s?{_DAY}(?:,?\s{_YEAR})?"),
    ("day_range_month", rf"\b{_DAY}\s?(?:-|–|to|and)\s?{_DAY}\s{MONTH}(?:,?\s{_YEAR})?"),
    # (the year may be told relative: "December 31st next year")
    ("month_day", rf"\b(?:{WEEKDAY},?\s)?{MONTH}\s{_SPOKEN_DAY}\b(?:,?\s{_YEAR}|{_REL_YEAR})?"),
    # (or as broadcasts read it: "the thirty-first of December", "the 31st of December")
    ("day_month", rf"\b(?:{WEEKDAY},?\s)?(?:{_DAY}|the\s{_SPOKEN_DAY}\sof)\s{MONTH}"
                  rf"(?:,?\s{_YEAR}|{_REL_YEAR})?"),
    ("weekday_range", rf"\b(?:from\s)?{WEEKDAY}\s(?:to|through|until|and)\s{WEEKDAY}\b"),
    # "the end of December", "the end of March 2021": the month's last day (a deadline's day)
    ("end_of_month", rf"\b(?:the\s)?end of (?:(?:next|this|last)\s)?{MONTH}(?:,?\s{_YEAR}\b)?"),
    ("month_year", rf"\b{MONTH}\s{_YEAR}\b"),
    # "In February this year", "in March of last year"
    ("month_rel_year", rf"\b(?i:in\s)?{MONTH}{_REL_YEAR}"),
    # "at the end of that year": the last year the sentence named (`in_narrated_year`)
    ("end_of_that_year", r"\b(?:the\s)?end of (?:that|the same) year\b"),
    # "later that month", "the same year": the month or year of the time told before it
    ("that_unit", r"\b(?:(?:later|earlier)\s(?:in\s)?)?(?:that|the\ssame)\s(?:month|year)\b"),
    # (or the year's end in one word: "lapses at year-end", "by the year's end")
    ("end_of", r"\b(?:the\s)?end of (?:this|the|next|last) (?:month|year)\b|"
               r"(?<=\sat\s)year[- ]end\b|\bthe\syear['’]s\send\b"),
    ("end_of_year", rf"\b(?:the\s)?end of {_YEAR}\b"),
    ("in_days", r"\bin (?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:days|weeks)\b"),
    # (or a week: "a week ago"; or "the day before yesterday", read before "the day before")
    ("days_ago", r"\b(?:(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\sdays|"
                 r"(?:a|one)\sweek)\sago\b|\b(?i:the\sday\sbefore\syesterday)\b"),
    ("mid_month", rf"\b(?:in\s)?(?:the\s)?(?:middle|beginning|start|end) of {MONTH}\b"),
    ("new_year", r"\bthe new year\b"),
    (
        "ordinal_day",
        r"\bon the (?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
        r"(?=\s(?:and|or|through|to|until)\b|\s(?:in|at)\s[A-Z]|[,.;]|$)",
    ),
    (
        "relative_unit",
        r"\b(?i:this|last|next|earlier this|later this|early next|late last)"
        r" (?:week|month|year)\b",
    ),
    ("part_of_day", r"\b(?:(?:early|late)\s)?this\s(?:morning|afternoon|evening)\b|\btonight\b"),
    ("relative_day", r"\b(?i:today|yesterday|tomorrow|the\s(?:previous\sday|day\sbefore))\b"),
    ("weekday", rf"\b(?i:on\s|last\s|next\s|this\s)?{WEEKDAY}\b"),
    # (a sentence may begin with the phrase: "In March", "By 2025")
    ("month", rf"\b(?i:in|by|until|since|from|for|during|early|late|mid-|through|last|next|"
              rf"this)\s?{MONTH}\b"),
    ("year", rf"\b(?i:in|by|until|since|for|of|through)\s{_YEAR}\b|"
             # a meeting named by its year: "adopted at the 2014 Wales summit"
             rf"\bthe\s{_YEAR}(?=\s(?:[A-Z][a-z]+\s)?(?:summit|talks|deal|agreement|accord)\b)"),
)
_PHRASE_RE = [(name, re.compile(pattern)) for name, pattern in _PHRASES]

_FUTURE = re.compile(
    r"\b(?:will|would|shall|agreed to|agree to|plans? to|planned to|plan|planning|scheduled|slated|"
    r"set to|expected to|is to|are to|due|expires?|expiring|next|upcoming|to continue|"
    r"to resume|to hold|to meet|vowed to|intend|intends|going to|aim to|aims to)\b",
    re.I,
)


@dataclass(frozen=True)
class DatePhrase:
    """A date phrase found in a sentence: its kind (a pattern name), text and position."""

    kind: str
    text: str
    start: int
    end: int


def find_date_phrases(sentence: str) -> list[DatePhrase]:
    """Date phrases in `sentence`, longest first where they overlap, in order of position."""
    return list(_find_date_phrases(sentence))


@lru_cache(maxsize=256)
def _find_date_phrases(sentence: str) -> tuple[DatePhrase, ...]:
    found: list[DatePhrase] = []
    for name, pattern in _PHRASE_RE:
        for m in pattern.finditer(sentence):
            if any(p.start < m.end() and m.start() < p.end for p in found):
                continue
            found.append(DatePhrase(name, m.group(), m.start(), m.end()))
    found.sort(key=lambda p: p.start)
    return tuple(found)


def of_time_told_before(
    phrase: DatePhrase, phrases: Sequence[DatePhrase], sentence: str,
    report_date: dt.date | None,
) -> When:
    """"later that month", "the same year": the month or year of the time the sentence told
    before it ("signed on 4 November 2024 and approved by the National Assembly later that
    month" is November 2024); kept relative when none was told."""
    told = [p for p in phrases if p.end <= phrase.start and p.kind != "that_unit"]
    then = resolve(told[-1], sentence, report_date, forward=False) if told else None
    size = 7 if phrase.text.endswith("month") else 4
    if then is None or then.date is None or len(then.date) < size or "W" in then.date:
        return When(None, "relative", phrase.text)
    return When(then.date[:size], "resolved", phrase.text)


def points_forward(sentence: str) -> bool:
    """Does the sentence speak of the future (so "in January" means the next January)?"""
    return bool(_FUTURE.search(sentence))


def in_narrated_year(phrase: DatePhrase, sentence: str) -> When | None:
    """A bare month told after a month and year in the same sentence ("In March 2020 the teams
    reached a tentative deal; in April, Trump turned it down"): that year, when the month comes
    after the one named (a narrative goes forward); a day "of that year" ("reached in January
    2014 ... and signed on Feb. 2 of that year"): the last year named before it; else None."""
    if phrase.kind == "end_of_that_year":
        named = re.findall(rf"\b{_YEAR}\b", sentence[: phrase.start])
        return When(f"{named[-1]}-12-31", "stated", phrase.text) if named else None
    that = re.search(_REL_YEAR + "$", phrase.text)
    if that is not None and "that" in that.group():
        years = re.findall(rf"\b{_YEAR}\b", sentence[: phrase.start])
        if not years:
            return None
        day = replace(phrase, text=phrase.text[: that.start()])
        in_year = _resolve_relative(day, dt.date(int(years[-1]), 12, 31), False)
        return When(in_year[0], "stated", phrase.text) if in_year is not None else None
    if phrase.kind != "month":
        return None
    named_month = re.search(_MONTH_WORD, phrase.text)
    month = _MONTH_NUMBERS.get(named_month.group().rstrip(".")[:3].lower()) if named_month else None
    told = list(_MONTH_YEAR_WORDS.finditer(sentence, 0, phrase.start))
    if month is not None and not told:
        # a season or a bare year told first: "When negotiators reached a tentative deal in
        # the spring of 2020, Trump rejected it in April"
        season = list(_SEASON_YEAR.finditer(sentence, 0, phrase.start))
        if season:
            return When(f"{season[-1].group('year')}-{month:02d}", "stated", phrase.text)
    if month is None or not told:
        return None
    before = _MONTH_NUMBERS.get(told[-1].group("month").rstrip(".")[:3].lower())
    if before is None or month < before:
        return None
    return When(f"{told[-1].group('year')}-{month:02d}", "stated", phrase.text)


def resolve(
    phrase: DatePhrase,
    sentence: str,
    report_date: dt.date | None,
    forward: bool | None = None,
) -> When:
    """The date a phrase denotes, given the report's date (or kept relative without one).
    `forward` overrides the sentence's tense (a past-tense trigger looks back)."""
    if phrase.kind == "numeric":
        return _numeric(phrase, report_date)
    if report_date is None:
        absolute = _absolute(phrase)
        if absolute is not None:
            return absolute
        return When(
            None,
            "relative",
            phrase.text,
            relative=f"{phrase.text} (relative to the report's date, which is unknown)",
        )
    if forward is None:
        forward = points_forward(sentence)
    absolute = _absolute(phrase)
    if absolute is not None:
        return absolute
    resolved = _resolve_relative(phrase, report_date, forward)
    if resolved is None:
        return When(
            None,
            "relative",
            phrase.text,
            relative=f"{phrase.text} (could not be placed on the calendar)",
        )
    date, end = resolved
    return When(date, "resolved", phrase.text, end_date=end)


def _absolute(phrase: DatePhrase) -> When | None:
    """A phrase that carries its own year needs no report date."""
    text = phrase.text
    if phrase.kind == "iso":
        return When(text, "stated", text)
    if phrase.kind == "dotted":
        y, m, d = (int(x) for x in text.split("."))
        return When(f"{y:04d}-{m:02d}-{d:02d}", "stated", text)
    year = re.search(rf"{_YEAR}", text)
    if year is None:
        return None
    y = int(year.group())
    if phrase.kind in ("month_day_range", "day_range_month"):
        start, end = _range_days(phrase, y)
        return When(start, "stated", text, end_date=end)
    if phrase.kind in ("month_day", "day_month"):
        parsed = _parse(_strip_weekday(text), dt.date(y, 1, 1), False)
        if parsed:
            return When(parsed[0], "stated", text)
    if phrase.kind == "month_year":
        parsed = _parse(text, dt.date(y, 1, 1), False)
        if parsed:
            return When(parsed[0], "stated", text)
    if phrase.kind == "year":
        return When(str(y), "stated", text)
    if phrase.kind == "end_of_year":
        return When(f"{y:04d}-12-31", "stated", text)
    if phrase.kind == "end_of_month":
        month = re.search(MONTH, text)
        parsed = _parse(f"{month.group()} {y}", dt.date(y, 1, 1), False) if month else None
        if parsed:
            return When(_last_day(parsed[0][:7]), "stated", text)
    return None


# how far from the report's date a reading of a day in figures may lie to be the one meant
_NUMERIC_WINDOW = dt.timedelta(days=62)


def _numeric(phrase: DatePhrase, report_date: dt.date | None) -> When:
    """A day in figures in a sentence ("on 12/17/2019"), read by `day_in_figures` near the
    report's date."""
    day = day_in_figures(phrase.text, near=report_date)
    if day is None:
        return When(None, "relative", phrase.text, relative=f"{phrase.text} (not a date)")
    return When(day.isoformat(), "stated", phrase.text)


def day_in_figures(words: str, near: dt.date | None = None, day_first: bool = False
                   ) -> dt.date | None:
    """A day written in figures, the year last ("12/17/2019", "17.12.2019", "01-15-2009"): the
    one reading (month then day, or day then month) that is a date; when both are, the one
    within two months of `near` (the report's date), else the writer's convention: day first
    with full stops, as European copy writes it, or when `day_first` (a French agency's stamp);
    month first with slashes and dashes, as American copy does."""
    first, second, year = (int(x) for x in re.split(r"[/.-]", words))
    month_day = ((second, first), (first, second)) if day_first or "." in words else (
        (first, second), (second, first))
    readings: list[dt.date] = []
    for month, day in month_day:
        try:
            reading = dt.date(year, month, day)
        except ValueError:
            continue
        if reading not in readings:
            readings.append(reading)
    near_ones = [d for d in readings if near is not None and abs(d - near) <= _NUMERIC_WINDOW]
    return near_ones[0] if len(near_ones) == 1 else readings[0] if readings else None


def _last_day(year_month: str) -> str:
    """The last day of a month given as "YYYY-MM"."""
    y, m = int(year_month[:4]), int(year_month[5:7])
    return f"{year_month}-{calendar.monthrange(y, m)[1]:02d}"


def _strip_weekday(text: str) -> str:
    """The day and month alone: no weekday before them, no "the ... of" around the day."""
    return re.sub(r"^the\s(\S+)\sof\s", r"\1 ", re.sub(rf"^{WEEKDAY},?\s", "", text))


def _range_days(phrase: DatePhrase, year: int) -> tuple[str | None, str | None]:
    month_m = re.search(MONTH, phrase.text)
    days = [
        int(d) for d in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", phrase.text) if len(d) <= 2
    ]
    if month_m is None or len(days) < 2:
        return None, None
    parsed = _parse(f"{month_m.group()} {year}", dt.date(year, 1, 1), False)
    if not parsed:
        return None, None
    month = int(parsed[0][5:7])
    return f"{year:04d}-{month:02d}-{days[0]:02d}", f"{year:04d}-{month:02d}-{days[1]:02d}"


def _resolve_relative(
    phrase: DatePhrase, base: dt.date, forward: bool
) -> tuple[str, str | None] | None:
    kind, text = phrase.kind, phrase.text.lower()
    rel_year = re.search(_REL_YEAR + "$", text)
    if rel_year is not None and "that" in rel_year.group():
        return None  # "that year" is the narrative's (`in_narrated_year`), not the report's
    if rel_year is not None and kind == "month_rel_year":
        month = re.search(MONTH, phrase.text)
        number = _MONTH_NUMBERS.get(month.group().rstrip(".")[:3].lower()) if month else None
        if number is None:
            return None
        year = base.year + (1 if "next" in rel_year.group() else -1 if "last" in rel_year.group()
                            else 0)
        return f"{year:04d}-{number:02d}", None
    if rel_year is not None and kind in ("month_day", "day_month"):
        # "December 31st next year": the day in the year told, not the nearest such day
        year = base.year + (1 if "next" in rel_year.group() else -1 if "last" in rel_year.group()
                            else 0)
        told = _resolve_relative(replace(phrase, text=phrase.text[: rel_year.start()]), base,
                                 forward)
        return (f"{year:04d}{told[0][4:]}", None) if told is not None else None
    if kind == "ordinal_day":
        day_of_month = int("".join(ch for ch in text if ch.isdigit()))
        y, m = base.year, base.month
        if forward and day_of_month < base.day:
            y, m = _add_months(y, m, 1)
        elif not forward and day_of_month > base.day:
            y, m = _add_months(y, m, -1)
        if day_of_month > calendar.monthrange(y, m)[1]:
            return None
        return f"{y:04d}-{m:02d}-{day_of_month:02d}", None
    if kind == "relative_day" and text.startswith("the "):
        # "took effect on Friday after the Assembly gave its consent the previous day"
        return (base - dt.timedelta(days=1)).isoformat(), None
    if kind == "part_of_day":  # "this morning": the report's own day
        return base.isoformat(), None
    if kind == "days_ago":  # "two days ago": counted back from the report's day
        count = text.split()[0]
        n = (2 if text.lower().startswith("the ") else 7 if "week" in text
             else int(count) if count.isdigit() else NUMBER_WORDS[count])
        return (base - dt.timedelta(days=n)).isoformat(), None
    if kind == "in_days":
        words = text.split()
        n = int(words[1]) if words[1].isdigit() else NUMBER_WORDS[words[1]]
        n_days = n * 7 if words[2].startswith("week") else n
        return (base + dt.timedelta(days=n_days)).isoformat(), None
    if kind == "end_of_month":
        month = re.search(MONTH, phrase.text)
        # "the end of next March" looks forward, "the end of last March" back
        direction = re.search(r"\b(next|last)\s", phrase.text)
        forward = direction.group(1) == "next" if direction else forward
        parsed = _parse(month.group(), base, forward) if month else None
        return (_last_day(_shift_year(parsed[0], base, forward)), None) if parsed else None
    if kind == "mid_month":
        month = re.search(MONTH, phrase.text)
        if month is None:
            return None
        parsed = _parse(month.group(), base, forward)
        return (_shift_year(parsed[0], base, forward), None) if parsed else None
    if kind == "new_year":
        year = base.year + 1 if base.month >= 10 else base.year
        return str(year), None
    if kind == "end_of":
        unit = "month" if "month" in text else "year"
        shift = 1 if "next" in text else -1 if "last" in text else 0
        if unit == "year":
            return f"{base.year + shift:04d}-12-31", None
        y, m = _add_months(base.year, base.month, shift)
        return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}", None
    if kind == "relative_unit":
        shift = 1 if "next" in text else -1 if "last" in text else 0
        if text.endswith("year"):
            return str(base.year + shift), None
        if text.endswith("month"):
            y, m = _add_months(base.year, base.month, shift)
            return f"{y:04d}-{m:02d}", None
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=shift)
        iso = monday.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}", None
    if kind == "year":
        return None
    if kind in ("month_day_range", "day_range_month"):
        start, end = _range_days(phrase, base.year)
        if start is None:
            return None
        return _shift_year(start, base, forward), _shift_year(end, base, forward) if end else None
    if kind == "weekday_range":
        days = re.findall(WEEKDAY, phrase.text)
        first, last = _weekday(days[0], base, forward), _weekday(days[-1], base, forward)
        if last < first:
            first -= dt.timedelta(weeks=1)
        return first.isoformat(), last.isoformat()
    if kind == "weekday":
        day = re.search(WEEKDAY, phrase.text)
        if day is None:
            return None
        text_l = phrase.text.lower()
        if text_l.startswith("next"):
            forward = True
        elif text_l.startswith("last"):
            forward = False
        return _weekday(day.group(), base, forward).isoformat(), None
    # "last November", "next April": the month on that side of the report's, never its own
    side = re.match(r"(?:last|next)\s", phrase.text, re.I) if kind == "month" else None
    if side is not None:
        forward = side.group().lower().startswith("next")
    cleaned = re.sub(
        r"^(?:in|by|until|since|from|for|during|through|on|mid-|early|late|last|next)\s?", "",
        phrase.text, flags=re.I,
    )
    cleaned = _strip_weekday(cleaned) if kind in ("month_day", "day_month") else cleaned
    parsed = _parse(cleaned, base, forward)
    if parsed is None:
        return None
    date, _period = parsed
    if kind in ("month_day", "day_month", "month"):
        date = _shift_year(date, base, forward)
    if side is not None and date[:7] == base.isoformat()[:7]:
        date = f"{int(date[:4]) + (1 if forward else -1):04d}{date[4:]}"
    return date, None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday(name: str, base: dt.date, forward: bool) -> dt.date:
    """The nearest such weekday on the report's side of time; the report's own day counts."""
    target = _WEEKDAYS.index(name.lower())
    if forward:
        return base + dt.timedelta(days=(target - base.weekday()) % 7)
    return base - dt.timedelta(days=(base.weekday() - target) % 7)


def _shift_year(iso: str, base: dt.date, forward: bool) -> str:
    """Put a year-less month (or day) on the right side of the report's date."""
    year = int(iso[:4])
    rest = iso[4:]
    key = iso[5:] if len(iso) > 7 else iso[5:7] + "-00"
    base_key = base.isoformat()[5:] if len(iso) > 7 else f"{base.month:02d}-00"
    if forward and key < base_key:
        year = base.year + 1
    elif not forward and key > base_key:
        year = base.year - 1
    else:
        year = base.year
    return f"{year:04d}{rest}"


def _add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


def _parse(text: str, base: dt.date, forward: bool) -> tuple[str, str] | None:
    digits = re.sub(rf"\b(?i:{_DAY_WORD})(?![\w-])", lambda m: str(_DAY_WORDS[m.group().lower()]),
                    text)
    return _parse_cached(digits, base.isoformat(), forward)


@lru_cache(maxsize=512)
def _parse_cached(text: str, base_iso: str, forward: bool) -> tuple[str, str] | None:
    """dateparser's reading of `text` as an ISO string of its own precision, and the period."""
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    base = dt.datetime.fromisoformat(base_iso)
    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future" if forward else "past",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    d: dt.datetime = data.date_obj
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}", period
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}", period
    if period == "week":
        iso = d.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}", period
    return d.date().isoformat(), "day"


# A full calendar date as headers, datelines and body copy write it (day, month and year).
_MONTH_WORD = rf"(?:{_MONTHS}|{_MONTH_ABBR})\.?"
_FULL_DATE = re.compile(
    rf"(?P<ymd>\b{_YEAR}[-./]\d{{1,2}}[-./]\d{{1,2}}(?:\b|(?=T\d)))|"
    rf"(?P<dmy>\b\d{{1,2}}\.\d{{1,2}}\.{_YEAR}\b)|"
    # "12/21/2021", and the Korea Times web stamp "01-15-2009 18:20"
    rf"(?P<mdy>\b\d{{1,2}}/\d{{1,2}}/{_YEAR}\b|\b\d{{1,2}}-\d{{1,2}}-{_YEAR}\b)|"
    rf"(?P<md_y>\b{_MONTH_WORD}\s?\d{{1,2}}(?:st|nd|rd|th)?,?\s?{_YEAR}\b)|"
    rf"(?P<d_m_y>\b\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH_WORD}\s?,?\s?{_YEAR}\b)",
    re.I,  # "NOVEMBER 19, 2019 / 4:05 AM / UPDATED" over a wire report
)
# "Seoul, ", "Naha, Okinawa Pref., ": a city, and its region, before the date
_TITLE_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2},\s(?:[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2},\s)?"
)
# "Seoul (AFP) – ", "Brussels (dpa) - ": a city and its agency in brackets, then the date
_AGENCY_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2}\s\([A-Za-z-]{2,20}\)\s?(?:--|—|–|-)\s?"
)
_ON_DATE = re.compile(rf"\bon\s(?:{WEEKDAY},?\s)?$")
_DATELINE_START = re.compile(r"^\s*[A-Z][A-Z .'-]+,")
_HEADER_LINES = 6


def find_report_date(text: str) -> tuple[dt.date | None, str | None]:
    """The report's own date and the words it stands in.

    Read in order: a short header line among the first lines that carries a full date (`Date:`,
    `Posted : Oct. 24, 2019`, `Write: 2021-08-31 17:10`, `16.10.2024`, `The Yomiuri Shimbun
    12/21/2021`); a dateline (`SEOUL, Oct. 4, 2024 (Yonhap) --`, `THE HAGUE, 25 June 2025 —`);
    else the last full date in the lede, the first sentence after the headline ("The United
    States walked out ... on Nov. 19, 2019"); a date further down is an event's, not the
    report's.
    A date without its year ("SEOUL, March 19 (Agency) --") is never completed by a guess.
    """
    lines = [line for line in text[:3000].split("\n") if line.strip()]
    for line in lines[:_HEADER_LINES]:
        found = _full_dates(line)
        if not found:
            continue
        city = _TITLE_DATELINE.match(line)
        if found[0][1] == len(line) - len(line.lstrip()) and re.match(
            r"\s?(?:\([^)]*\)\s?)?(?:--|—|–|-)\s", line[found[0][1] + len(found[0][2]) :]
        ):
            # a dateline without its city: "March 10, 2021 (Reuters) - South Korea's ..."
            return found[0][0], found[0][2]
        if city is not None and found[0][1] == city.end():
            # "Seoul, 4 November 2024 — ...", "Brussels, 17 June 2024 — ..."
            rest = line[city.end() + len(found[0][2]) :]
            if re.match(r"\s?(?:\([^)]*\)\s?)?(?:--|—|–|-)", rest):
                return found[0][0], found[0][2]
        agency = _AGENCY_DATELINE.match(line)
        if agency is not None and found[0][1] == agency.end():
            # "Seoul (AFP) - 28 November 2024 - South Korea's National Assembly ...": the
            # date right after the city and its agency, the lede on the same line
            return found[0][0], found[0][2]
        short = len(line.strip()) <= 80 and not line.rstrip().endswith(".")
        if short or (_DATELINE_START.match(line) and found[0][1] < 80):
            return found[0][0], found[0][2]
    # (the lede is body copy, not a factbox's bullet; a lede may end on a colon: "March 10
    # (Reuters) - ... released details of a six-year deal. Here are key facts:")
    body = [line for line in lines[:_HEADER_LINES + 2] if line.rstrip()[-1:] in ".!?\"”:"
            and not re.match(r"\s*[*•–-]\s", line)]
    lede = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", " ".join(body))[0] if body else ""
    # the lede's date is the report's when the lede tells what happened "on" it ("walked out
    # ... on Nov. 19, 2019"); "furloughed from April 1, 2020" in an op-ed is history
    found = [f for f in _full_dates(lede) if _ON_DATE.search(lede[: f[1]])]
    if found:
        return found[-1][0], found[-1][2]
    return None, None


# A dateline whose date has no year ("SEOUL, Nov 4 (Reuters) -"), and a dateline without a date
# whose lede tells its event on a day without a year ("WASHINGTON (AP) — ... ended talks Jan. 15").
_YEARLESS_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+){{0,2}},\s(?P<md>{_MONTH_WORD}\s\d{{1,2}})"
    rf"(?!\d|,?\s?{_YEAR})\s?(?:\([^)]{{1,30}}\)\s?)?(?:--|—|–|-)"
)
_YEARLESS_LEDE_DAY = re.compile(rf"\b(?P<md>{_MONTH_WORD}\s\d{{1,2}})\b(?!,?\s?{_YEAR}|\s?[-–])")
_SEASON_YEAR = re.compile(
    rf"\b(?:in\s)?(?:the\s)?(?:(?:early|late)\s)?(?:spring|summer|autumn|fall|winter)\s(?:of\s)?(?P<year>{_YEAR})\b",
    re.I,
)
_MONTH_YEAR_WORDS = re.compile(rf"\b(?P<month>{_MONTH_WORD})\s(?P<year>{_YEAR})\b")


def find_yearless_report_date(text: str) -> tuple[dt.date | None, str | None]:
    """The report's date when its dateline (or, under a dateline without a date, its lede) gives
    a day without the year, the year completed from the report's own words: the year of the
    latest "Month YYYY" the report names that falls before that day in that year (a wire that
    says "opened the talks in April 2024" under "SEOUL, Nov 4" was written in November 2024),
    else the one year the report names when it names only one ("the first round of 2020").
    Nothing when the report's years do not settle it (no guess)."""
    lines = [line for line in text[:3000].split("\n") if line.strip()]
    if not lines:
        return None, None
    words = None
    for line in lines[:_HEADER_LINES]:
        m = _YEARLESS_DATELINE.match(line)
        if m is not None:
            words = m.group("md")
            break
        if _DATELINE_CITY.match(line) and not _full_dates(line[:120]):
            lede = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", line)[0]
            days = _YEARLESS_LEDE_DAY.findall(lede)
            if len(days) == 1:
                words = days[0]
            break
    if words is None:
        return None, None
    month = _MONTH_NUMBERS.get(words.split()[0].rstrip(".")[:3].lower())
    day = int(words.split()[1])
    if month is None:
        return None, None
    body = "\n".join(lines)
    candidates = []
    for m in _MONTH_YEAR_WORDS.finditer(body):
        number = _MONTH_NUMBERS.get(m.group("month").rstrip(".")[:3].lower())
        if _TIME_TO_COME.search(body, max(0, m.start() - 40), m.start()):
            continue  # "The current arrangement expires at the end of March 2022": a time to come
        if number is not None and number <= month:
            candidates.append((int(m.group("year")), number))
    named = {int(y) for y in re.findall(rf"\b{_YEAR}\b", body)}
    # (a state's start is long past: "Since 1991, South Korea has shouldered ...")
    started = {int(y) for y in re.findall(rf"\b[Ss]ince\s({_YEAR})\b", body)}
    named = named - started
    if candidates:
        year: int | None = max(candidates)[0]
    else:
        year = next(iter(named)) if len(named) == 1 else None
    weekday = _LEDE_WEEKDAY.search(body)
    if weekday is not None:
        # the lede's weekday is the dateline's day or the day before ("SEOUL, April 25 (Yonhap)
        # -- ... wrapped up ... on Thursday"): a year that disagrees is not the report's, and of
        # the years the report names (and their neighbours) the one that agrees, if only one does
        told = _WEEKDAYS.index(weekday.group("d").lower())
        near = {*named, *(n + 1 for n in named), *(n - 1 for n in named)}
        fits = {y for y in near if _day_fits(y, month, day, told)}
        # (the weekday on the dateline's day itself first: "TOKYO, Dec. 21 (Kyodo) -- ...
        # agreed Tuesday" is 2021, when Dec. 21 was a Tuesday, not 2022, when it was the day after)
        exact = {y for y in fits if _day_fits(y, month, day, told, same_day=True)}
        if year is None or year not in fits:
            year = fits.pop() if len(fits) == 1 else (exact.pop() if len(exact) == 1 else None)
    if year is None:
        return None, None
    try:
        return dt.date(year, month, day), words
    except ValueError:
        return None, None


_TIME_TO_COME = re.compile(
    r"\b(?:expires?|expiring|until|through|will\s\w+|due\sto\s\w+)\s(?:[\w-]+\s){0,4}$", re.I
)
_WEEKDAYS = tuple(day.lower() for day in re.findall(r"[A-Z][a-z]+day", WEEKDAY))
_LEDE_WEEKDAY = re.compile(rf"(?:--|—|–|\s-)\s[^\n]{{0,300}}?\b(?P<d>{WEEKDAY})\b")


def _day_fits(year: int, month: int, day: int, told: int, *, same_day: bool = False) -> bool:
    """Whether `day` of `month` in `year` falls on the weekday told or (unless `same_day`) the
    day after it."""
    try:
        weekday = dt.date(year, month, day).weekday()
    except ValueError:
        return False
    return weekday == told if same_day else weekday in (told, (told + 1) % 7)


# "WASHINGTON, Dec. 4 (AP) —", and with the agency straight after the city: "SEOUL (Reuters) -"
# a city in title case before a long dash that opens a lede: "The Hague – NATO leaders agreed"
# (or its agency between: "Washington (AFP) - The United States and South Korea ended")
_TITLED_CITY_DASH = (
    r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s[—–]\s[A-Z]|\s\([A-Z][A-Za-z .]{1,20}\)\s?(?:--|—|–|-)\s)"
)
_DATELINE_CITY = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+){0,2})(?:,\s|\s(?=\([A-Za-z][^()]{0,30}\)\s?"
    # ("THE HAGUE - NATO leaders agreed ...": the city and a dash)
    r"(?:--|—|–|-))|\s(?=(?:--|—|–|-)\s))|"
    # (or in title case before a long dash: "The Hague – NATO leaders agreed on Wednesday")
    rf"^\s*(?P<titled>{_TITLED_CITY_DASH})"
)


# a dateline as it opens the lede's sentence, up to its dash: "SEOUL, Nov. 19 (Yonhap) --",
# "Tokyo, Dec 21 (Jiji Press) -", "WASHINGTON (AP) —"
DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][A-Z .'-]+|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),[^\n]{0,60}?(?:--|—|–|\)\s?-|\d\s-\s)|"
    r"^[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+){0,2}\s(?:\([A-Za-z][^()]{0,30}\)\s?)?(?:--|—|–|-)\s|"
    # "The Hague – NATO leaders agreed", "Washington (AFP) - The United States ..."
    rf"^{_TITLED_CITY_DASH}\s(?:\([A-Z][A-Za-z .]{{1,20}}\)\s?)?(?:--|—|–|-)\s"
)


def own_date_phrases(sentence: str) -> list[DatePhrase]:
    """The date phrases a sentence tells, not those of the dateline it may open with (the
    report's date: "Brussels, 26.06.2025 – A day later, ... on Wednesday" tells Wednesday)."""
    dateline = DATELINE_PREFIX.match(sentence)
    return [p for p in find_date_phrases(sentence) if dateline is None or p.start >= dateline.end()]


def dateline_city(text: str) -> str | None:
    """The city of the report's dateline ("WASHINGTON, Dec. 4, 2019 (AP) —" → "Washington"),
    or None when the report has no dateline."""
    for line in [line for line in text[:2000].split("\n") if line.strip()][:_HEADER_LINES]:
        m = _DATELINE_CITY.match(line)
        if m and m.group("titled"):
            return m.group("titled")
        if m and _NOT_A_CITY.search(m.group("city")):
            continue  # a programme's or a section's name: "EVENING NEWS - TRANSCRIPT"
        if m and (re.search(r"--|—|–|\)\s?-", line[: 120]) or line[m.end() :].startswith("- ")):
            return " ".join(w.capitalize() for w in m.group("city").split())
    return None


# words of a programme's or a section's heading, never of a city
_NOT_A_CITY = re.compile(
    r"\b(?:NEWS|TRANSCRIPT|REPORT|BULLETIN|UPDATE|ANALYSIS|EDITORIAL|FACTBOX|EXPLAINER|OPINION|"
    r"LIVE|BREAKING|BRIEFING|TIMELINE|COMMENTARY|PROGRAM|PROGRAMME|SHOW|HOUR|TONIGHT|"
    # (or a broadcaster's: "KBS WORLD RADIO - NEWS AT NINE")
    r"RADIO|TELEVISION|TV|CHANNEL|NETWORK|BROADCASTING|NEWSLINE|DESK|"
    # (or a transcript's cue for a clip: "SOUND BITE -- JEONG EUN-BO, CHIEF NEGOTIATOR: ...")
    r"SOUND\sBITE|SOUNDBITE|SOT)\b"
)


# AFP's web pages (France 24's) stamp a story "Seoul (AFP) – Published on: 10/03/2021",
# day first, as French copy writes it
_DAY_FIRST_STAMP = re.compile(r"\(AFP\)|\bPublished\son:?\s*$")


def _full_dates(text: str) -> list[tuple[dt.date, int, str]]:
    """Every full date in `text`: (date, offset, words); a slashed date in an AFP stamp is read
    day first (`day_in_figures`)."""
    out: list[tuple[dt.date, int, str]] = []
    for m in _FULL_DATE.finditer(text):
        if m.group("dmy") or m.group("mdy"):
            day = day_in_figures(m.group(), day_first="/" in m.group() and bool(
                _DAY_FIRST_STAMP.search(text[max(0, m.start() - 60) : m.start()])))
        else:
            day = _full_date_match(m)
        if day is not None:
            out.append((day, m.start(), m.group()))
    return out


def _full_date_match(m: re.Match[str]) -> dt.date | None:
    words = m.group()
    try:
        if m.group("ymd"):
            y, mo, d = (int(x) for x in re.split(r"[-./]", words))
            return dt.date(y, mo, d)
    except ValueError:
        return None
    month = re.search(_MONTH_WORD, words, re.I)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?![./]\d)", words.replace(month.group(), " ")
                    if month else words)
    year = re.search(_YEAR, words)
    if month is None or day is None or year is None:
        return None
    number = _MONTH_NUMBERS.get(month.group().rstrip(".")[:3].lower())
    if number is None:
        return None
    try:
        return dt.date(int(year.group()), number, int(day.group(1)))
    except ValueError:
        return None


_MONTH_NUMBERS = {
    name[:3].lower(): i for i, name in enumerate(_MONTHS.split("|"), start=1)
}


def month_number(name: str) -> int:
    """The number of a month named in full or abbreviated ("April", "Apr.", "Sept.")."""
    return _MONTH_NUMBERS[name.rstrip(".")[:3].lower()]


def unstated(report_date: dt.date | None) -> When:
    """The date of an event whose sentence gives none (and does not tell it as just happened)."""
    reported = report_date.isoformat() if report_date else "an unknown date"
    return When(None, "unstated", None, relative=f"not stated (reported on {reported})")


def report_day(report_date: dt.date | None) -> When:
    """The report's own date as an event date, for events told as just happened."""
    if report_date is None:
        return When(
            None, "relative", None, relative="the report's date, which is unknown (pass --date)"
        )
    return When(report_date.isoformat(), "report_date", None)
