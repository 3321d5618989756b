"""Sentence splitting for news reports, with offsets into the original text.

Rules, in order: a line that ends without closing punctuation and is followed by a line starting
in lower case is a wrapped line and continues; any other line break ends a sentence (transcripts
often omit the final full stop); inside a line a sentence ends at `.`, `!` or `?` (plus closing
quotes) followed by a space and a capital, a digit or an opening quote, unless the word before
is an abbreviation ("U.S.", "Mr.", "Jan.") that is not followed by a usual sentence opener.
Quoted passages are never split, so a multi-sentence quote stays one unit with its attribution.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from burdenshare.news.clean import CleanText
from burdenshare.news.records import Evidence

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "sen",
        "rep",
        "gov",
        "st",
        "jr",
        "sr",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "vs",
        "etc",
        "approx",
        "dept",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
)
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "but",
        "and",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "for",
        "as",
        "after",
        "before",
        "meanwhile",
        "however",
        "while",
        "when",
        "since",
        "according",
        "south",
        "north",
        "washington",
        "seoul",
    ]
)
_CLOSING = "\"”’')]"
_OPENING_QUOTES = "\"“‘'"
_TERMINAL = ".!?"


@dataclass(frozen=True)
class Sentence:
    """One sentence of a cleaned report, with its original offsets."""

    text: str
    index: int
    start: int
    """Offset in the original report text."""
    end: int

    def evidence(self, *fields: str) -> Evidence:
        """This sentence as written, cited as the evidence for the fields named."""
        return Evidence(self.text, self.index, self.start, self.end, fields)


def split_sentences(clean: CleanText) -> tuple[Sentence, ...]:
    """Split a cleaned report into sentences (see the module docstring for the rules)."""
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(clean.text):
        spans.extend(_split_paragraph(clean.text, para_start, para_end))
    out: list[Sentence] = []
    for start, end in spans:
        text = clean.text[start:end]
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if not text or not any(ch.isalnum() for ch in text):
            continue
        start += lead
        end = start + len(text)
        o_start, o_end = clean.original_span(start, end)
        out.append(Sentence(_unwrap(text), len(out), o_start, o_end))
    return tuple(out)


def _unwrap(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of logical lines: wrapped lines are joined, every other line break ends one."""
    lines: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    paras: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in lines:
        body = text[start:end].strip()
        if not body:
            if current:
                paras.append(current)
            current = None
            continue
        if current is None:
            current = (start, end)
            continue
        prev = text[current[0] : current[1]].rstrip()
        continues = prev[-1:] not in _TERMINAL + _CLOSING + ":" and body[:1].islower()
        if continues:
            current = (current[0], end)
        else:
            paras.append(current)
            current = (start, end)
    if current:
        paras.append(current)
    return paras


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sent_start = start
    in_straight = False
    curly_depth = 0
    i = start
    while i < end:
        ch = text[i]
        closing = (ch == '"' and in_straight) or (ch == "”" and curly_depth == 1)
        if ch == '"':
            in_straight = not in_straight
        elif ch == "“":
            curly_depth += 1
        elif ch == "”":
            curly_depth = max(0, curly_depth - 1)
        if closing and i > start and text[i - 1] in _TERMINAL and _is_boundary(
                text, i - 1, i + 1, end):
            # a quote that ends its sentence: '... in the spirit of partnership." Harris said'
            spans.append((sent_start, i + 1))
            sent_start = i + 1
            i += 1
            continue
        elif ch in _TERMINAL and not in_straight and curly_depth == 0:
            j = i + 1
            while j < end and text[j] in _CLOSING:
                if text[j] == '"':
                    # a closing straight quote right after the stop; it was opened before
                    break
                j += 1
            if _is_boundary(text, i, j, end):
                spans.append((sent_start, j))
                sent_start = j
                i = j
                continue
        elif ch in _TERMINAL and (in_straight or curly_depth):
            pass
        i += 1
    if sent_start < end:
        spans.append((sent_start, end))
    return spans


_WORD_CHARS = frozenset(string.ascii_letters + ".")
_NEXT_WORD = re.compile(r"[A-Za-z]+")


def _is_boundary(text: str, stop: int, after: int, end: int) -> bool:
    """Is the terminal mark at `stop` (closing quotes up to `after`) a sentence boundary?"""
    if after >= end:
        return True
    if text[after] not in " \t\n":
        return False
    k = after
    while k < end and text[k] in " \t\n":
        k += 1
    if k >= end:
        return True
    nxt = text[k]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENING_QUOTES):
        return False
    if text[stop] != ".":
        return True
    begin = stop  # the word before the stop, letters and dots, read backwards: linear time
    while begin > 0 and text[begin - 1] in _WORD_CHARS:
        begin -= 1
    word = text[begin:stop]
    next_word = _NEXT_WORD.match(text, k)
    opener = next_word.group().lower() in _OPENERS if next_word else False
    if "." in word or (len(word) == 1 and word.isupper()):
        return opener  # "U.S." or an initial: a boundary only before a usual opener
    return word.lower() not in _ABBREVIATIONS


def inside_quote(text: str, at: int) -> bool:
    """Is offset `at` of `text` inside a quotation (an odd number of straight quotes before it,
    or more opening than closing curly ones)?"""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")
