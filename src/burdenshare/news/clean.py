"""Noise removal for news reports, keeping a map back to the original text.

Broadcast transcripts and web copies carry text that is not part of the report: hashtag lines,
social-media footers ("Arirang News Facebook:"), comment counters ("0 Comments"), share and
copyright lines, bare links, and ellipses used as spoken pauses ("in Seoul,... the fifth").
Each rule below is a named pattern; the cleaned text keeps, for every character, its offset in
the original so that a sentence can always be found again in the file it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Whole lines that are never report text.
_NOISE_LINES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # other stories' headlines listed under "Related:": "- US, South Korea wrap up third round"
    (
        "related list",
        re.compile(
            r"^[ \t]*(?:Related(?:[ \t](?:articles?|news|stories|coverage))?|See also|More|"
            r"Read more|Also read|More on this)[ \t]?:?[ \t]*\n"
            # (a bullet, or a quote mark for a link: "> Lapse, furloughs and a walkout: ...")
            # (or a triangle: "▶ Seoul, Washington reach defense cost-sharing deal")
            r"(?:[ \t]*[-•*·–>▶►▸][ \t][^\n]*(?:\n|$))+",
            re.M | re.I,
        ),
    ),
    ("hashtags", re.compile(r"^[ \t]*#[^\s#]+(?:[ \t]+#[^\s#]+)*[ \t]*$", re.M)),
    (
        "social footer",
        re.compile(
            r"^[ \t]*[^\n]{0,60}?\b(?:Facebook|Twitter|Instagram|YouTube|Youtube|TikTok|KakaoTalk|"
            r"Telegram|LinkedIn|Naver TV|Website|Homepage|Podcast)[ \t]*:[^\n]*$",
            re.M,
        ),
    ),
    (
        "counter",
        re.compile(
            r"^[ \t]*(?:\d[\d,.]*[kKmM]?[ \t]+(?:Comments?|Replies|Reply|Likes?|Shares?|Views?)|"
            r"(?:Comments?|Replies|Likes?|Shares?|Views?)[ \t]*[:(][ \t]*\d[\d,]*\)?)[ \t]*$",
            re.M | re.I,
        ),
    ),
    (
        "share prompt",
        re.compile(
            r"^[ \t]*(?:Share (?:this|on)\b|Subscribe\b|Follow us\b|Like us\b|Click here\b|"
            r"Read more\b|Related (?:articles?|news|stories)\b|Related[ \t]?:|See also[ \t]?:|"
            r"(?:Also|More)[ \t]read[ \t]?:|Copyright\b|All rights reserved|©)"
            r"[^\n]*$",
            re.M | re.I,
        ),
    ),
    ("link", re.compile(r"^[ \t]*(?:https?://|www\.)\S+[ \t]*$", re.M)),
    # a reader's comment under its handle and time, its words on the next line: "hanbando_mom |
    # 2024-11-28 18:55" + "1.5 trillion won and they still want more??" (a handle is lower-case,
    # a byline's agency is not)
    (
        "reader comment",
        re.compile(
            r"^[ \t]*@?[a-z][a-z0-9_.]{2,24}\**[ \t]*[|·][ \t]*(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|"
            r"\d{1,2}[-./]\d{1,2}[-./]\d{4})(?:[ \t]\d{1,2}:\d{2})?[ \t]*\n[^\n]*$",
            re.M,
        ),
    ),
    # a reader's comment under its handle alone: "jkim_seoul: Both governments need to sit down
    # again soon." (a handle is one lower-case token; a transcript's speaker is in capitals)
    # (or before a bar, masked or not: "dmzwatcher | Next round will be even harder.",
    # "kim**** | Pay a fair amount")
    (
        "reader comment",
        # (or masked, before its words: "seoulbo***  1.5 trillion won is a lot of money")
        re.compile(r"^[ \t]*@?[a-z][a-z0-9_.]{2,24}(?::|\**[ \t]*\||\*{2,}[ \t]*:?)[ \t]+\S[^\n]*$",
                   re.M),
    ),
    # a reader's comment under its handle and time: "hanbit77 | 2021-03-18 17:40  Finally."
    # (words after the time; a byline "Yonhap | 2021-03-18 17:12" alone dates the report)
    (
        "reader comment",
        re.compile(
            r"^[ \t]*@?[\w.-]{2,30}[ \t]*[|·][ \t]*(?:(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|"
            r"\d{1,2}[-./]\d{1,2}[-./]\d{4})(?:[ \t]\d{1,2}:\d{2})?|"
            r"\d+\s(?:minutes?|hours?|days?)\sago)[ \t]+[A-Za-z\"“'][^\n]*$",
            re.M,
        ),
    ),
)

# Inline noise: hashtags inside a line, and ellipses used as pauses.
_INLINE_HASHTAG = re.compile(r"(?<![\w&#])#[A-Za-z][\w]*")
_ELLIPSIS = re.compile(r"[ \t]*(?:\.{3,}|…)(?P<comma>,)?")


@dataclass(frozen=True)
class CleanText:
    """Report text with noise removed, and the original offset of every character kept."""

    text: str
    offsets: tuple[int, ...]
    """`offsets[i]` is the offset in the original text of `text[i]`."""
    original_length: int
    dropped: tuple[str, ...]
    """The noise removed, as `kind: text` strings."""

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that `text[start:end]` came from."""
        if start >= end:
            at = self.offsets[start] if start < len(self.offsets) else self.original_length
            return at, at
        return self.offsets[start], self.offsets[end - 1] + 1


def _ellipsis_replacement(match: re.Match[str], text: str) -> str:
    """A pause ellipsis disappears; one that ends a sentence becomes a full stop."""
    if match.group("comma"):
        return ","
    before = text[: match.start()].rstrip(" \t")
    if before.endswith(","):
        return ""
    rest = text[match.end() :]
    stripped = rest.lstrip(" \t")
    if not stripped or stripped.startswith("\n"):
        return "."
    first = stripped[0]
    if first.islower() or first in ",;:":
        return " "
    if first.isupper() or first in "\"“'‘":
        return "."
    return " "


def clean_report(raw: str) -> CleanText:
    """Remove noise from `raw`, keeping a map from each kept character to its original offset."""
    edits: list[tuple[int, int, str, str]] = []  # (start, end, replacement, dropped note)
    taken = [False] * (len(raw) + 1)

    def claim(start: int, end: int, replacement: str, note: str) -> None:
        if any(taken[start:end]):
            return
        for i in range(start, end):
            taken[i] = True
        edits.append((start, end, replacement, note))

    for kind, pattern in _NOISE_LINES:
        for m in pattern.finditer(raw):
            if m.group().strip():
                claim(m.start(), m.end(), "", f"{kind}: {m.group().strip()}")
    for m in _INLINE_HASHTAG.finditer(raw):
        claim(m.start(), m.end(), "", f"hashtag: {m.group()}")
    for m in _ELLIPSIS.finditer(raw):
        claim(m.start(), m.end(), _ellipsis_replacement(m, raw), "")
    edits.sort()

    pieces: list[str] = []
    offsets: list[int] = []
    at = 0
    for start, end, replacement, _note in edits:
        pieces.append(raw[at:start])
        offsets.extend(range(at, start))
        pieces.append(replacement)
        offsets.extend([start] * len(replacement))
        at = end
    pieces.append(raw[at:])
    offsets.extend(range(at, len(raw)))
    text = "".join(pieces)
    text, offsets = _squeeze_spaces(text, offsets)
    dropped = tuple(note for *_, note in edits if note)
    return CleanText(text, tuple(offsets), len(raw), dropped)


def _squeeze_spaces(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Collapse runs of spaces left by removals, and spaces before a comma or full stop."""
    out: list[str] = []
    out_offsets: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch in " \t":
            if out and out[-1] in " \t":
                continue
            nxt = text[i + 1] if i + 1 < n else ""
            if nxt in (",", ".", "\n", ""):
                continue
        out.append(ch)
        out_offsets.append(offsets[i])
    return "".join(out), out_offsets
