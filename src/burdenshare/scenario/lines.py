"""Where a field sits in a TOML file: a map from field locations to line numbers.

tomllib keeps no positions, so this scans the text for table headers (`[a.b]`, `[[a]]`) and
`key = value` lines, resolving arrays of tables to their element index; in a multi-line array,
an inline table on a line of its own (`{ issue = "amount", max = 2.0 },`) is its element, and
its keys are located on that line.
"""

from __future__ import annotations

import re

Loc = tuple[str | int, ...]

_INLINE_KEY = re.compile(r"""[{,]\s*([A-Za-z0-9_\-]+)\s*=""")

_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _split(dotted: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'""", dotted)
    return [p.strip("\"'") for p in parts]


def line_map(text: str) -> dict[Loc, int]:
    """Map each table and key location to the (1-based) line where it is defined."""
    found: dict[Loc, int] = {}
    arrays: dict[Loc, int] = {}
    current: Loc = ()
    depth = 0  # bracket depth of multi-line values, whose inner lines are not keys
    array: Loc = ()  # the key of the multi-line value being read
    element = 0  # the index of its next inline table

    def resolve(keys: list[str]) -> Loc:
        out: Loc = ()
        for key in keys:
            out = (*out, key)
            if out in arrays:
                out = (*out, arrays[out])
        return out

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if depth > 0:
            if depth == 1 and line.startswith("{"):
                found.setdefault((*array, element), number)
                for key in _INLINE_KEY.findall(line.split("}", 1)[0]):
                    found.setdefault((*array, element, key), number)
                element += 1
            depth += line.count("[") + line.count("{") - line.count("]") - line.count("}")
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith("[["):
            keys = _split(line[2 : line.index("]]")])
            base = (*resolve(keys[:-1]), keys[-1])
            index = arrays.get(base, -1) + 1
            arrays[base] = index
            current = (*base, index)
            found.setdefault(current, number)
            found.setdefault(base, number)
            continue
        if line.startswith("["):
            current = resolve(_split(line[1 : line.index("]")]))
            found.setdefault(current, number)
            continue
        match = _KEY.match(raw)
        if match:
            loc = (*current, *_split(match.group(1)))
            found.setdefault(loc, number)
            value = raw[match.end() :]
            value = value.split("#", 1)[0] if '"' not in value else value
            depth = value.count("[") + value.count("{") - value.count("]") - value.count("}")
            depth = max(depth, 0)
            array, element = loc, 0
    return found


def line_of(lines: dict[Loc, int], loc: Loc) -> int | None:
    """The line of the longest prefix of `loc` that the file defines."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None
