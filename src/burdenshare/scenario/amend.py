"""Proposed changes to a scenario file, made on its TOML text so comments and layout survive.

Pure text functions: insert a meeting into the calendar (in date order), append to an
element's `source`, put a comment above a field; and the unified diff between two texts.
The result is meant to be shown (a diff) and written only on request.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from burdenshare.scenario.lines import Loc, line_map

if TYPE_CHECKING:
    from burdenshare.model import Meeting
    from burdenshare.news.compare import Amendment


def _toml_string(text: str) -> str:
    import tomli_w

    return tomli_w.dumps({"v": text})[len("v = ") :].rstrip("\n")


def meeting_block(meeting: Meeting) -> list[str]:
    """A `[[calendar.meetings]]` table for `meeting`, as lines."""
    lines = [
        "[[calendar.meetings]]",
        f"date = {meeting.date.isoformat()}",
        f"days = {meeting.days}",
        f"offers = {meeting.offers}",
        f"place = {_toml_string(meeting.place)}",
        f"label = {_toml_string(meeting.label)}",
    ]
    if meeting.source:
        lines.append(f"source = {_toml_string(meeting.source)}")
    return lines


def _block_end(lines: list[str], header: int) -> int:
    """Index just past the table starting at line index `header` (trailing blanks and
    comments before the next table belong to what follows)."""
    end = header + 1
    while end < len(lines) and not lines[end].lstrip().startswith("["):
        end += 1
    while end > header + 1 and (
        not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")
    ):
        end -= 1
    return end


def _meetings(lines: list[str]) -> list[tuple[int, str]]:
    """(line index of the header, date text) of each `[[calendar.meetings]]` table."""
    found = line_map("\n".join(lines))
    out = []
    i = 0
    while ("calendar", "meetings", i) in found:
        header = found[("calendar", "meetings", i)] - 1
        date_line = found.get(("calendar", "meetings", i, "date"))
        date = lines[date_line - 1].split("=", 1)[1].strip() if date_line else ""
        out.append((header, date.split("#", 1)[0].strip()))
        i += 1
    return out


def insert_meeting(text: str, meeting: Meeting) -> str:
    """`text` with `meeting` inserted among the calendar's meetings in date order."""
    lines = text.splitlines()
    block = meeting_block(meeting)
    meetings = _meetings(lines)
    if not meetings:
        return "\n".join([*lines, "", *block]) + "\n"
    for header, date in meetings:
        if date > meeting.date.isoformat():
            return "\n".join([*lines[:header], *block, "", *lines[header:]]) + "\n"
    end = _block_end(lines, meetings[-1][0])
    return "\n".join([*lines[:end], "", *block, *lines[end:]]) + "\n"


def append_source(text: str, loc: Loc, addition: str) -> str:
    """`text` with `; addition` appended to the `source` of the table at `loc` (added if absent)."""
    lines = text.splitlines()
    found = line_map(text)
    number = found.get((*loc, "source"))
    if number is not None:
        old = tomllib.loads(lines[number - 1].strip())["source"]
        if addition in old:
            return text
        indent = lines[number - 1][: len(lines[number - 1]) - len(lines[number - 1].lstrip())]
        lines[number - 1] = f"{indent}source = {_toml_string(f'{old}; {addition}')}"
    elif loc in found:
        end = _block_end(lines, found[loc] - 1)
        lines.insert(end, f"source = {_toml_string(addition)}")
    else:
        return text
    return "\n".join(lines) + "\n"


def flag(text: str, loc: Loc, comment: str) -> str:
    """`text` with `# comment` on the line above the field at `loc` (its nearest defined parent)."""
    lines = text.splitlines()
    found = line_map(text)
    for end in range(len(loc), 0, -1):
        if loc[:end] in found:
            number = found[loc[:end]]
            break
    else:
        return text
    note = "# " + " ".join(comment.split())
    if lines[number - 2 : number - 1] == [note]:
        return text
    lines.insert(number - 1, note)
    return "\n".join(lines) + "\n"


def amend(text: str, amendments: Iterable[Amendment]) -> str:
    """`text` with every amendment applied (flags and sources first, then new meetings)."""
    ordered = sorted(amendments, key=lambda a: a.kind == "add_meeting")
    for a in ordered:
        if a.kind == "add_meeting" and a.meeting is not None:
            text = insert_meeting(text, a.meeting)
        elif a.kind == "add_source":
            text = append_source(text, a.path, a.text)
        elif a.kind == "flag":
            text = flag(text, a.path, f"news: {a.text}")
    return text


def unified_diff(old: str, new: str, name: str) -> str:
    """The unified diff from `old` to `new` (empty when they are equal)."""
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
    )
