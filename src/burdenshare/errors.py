"""Errors for bad input: each names where (file, line, field path) and what was expected.

The core raises these; the CLI turns them into one readable message and exit code 2.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what was expected there."""

    field: str
    message: str
    line: int | None = None

    def render(self, source: str | None) -> str:
        """Format as `file:line: field: message`, leaving out the parts that are unknown."""
        parts = []
        if source:
            parts.append(source + (f":{self.line}" if self.line is not None else ""))
        if self.field:
            parts.append(self.field)
        return ": ".join([*parts, self.message])


MAX_SHOWN = 50
"""Problems an error lists (a file with 200,000 bad entries is not 200,000 lines)."""


class InputError(Exception):
    """Bad input (a scenario file, an option, a parameter); carries every problem found at once."""

    def __init__(self, problems: list[Problem] | Problem | str, source: str | None = None) -> None:
        if isinstance(problems, str):
            problems = [Problem("", problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self.render())

    def with_source(self, source: str) -> InputError:
        """The same problems, attributed to `source` (a file path or built-in name)."""
        return InputError(list(self.problems), source)

    def render(self) -> str:
        """All problems, one per line (the first `MAX_SHOWN`, then how many more)."""
        lines = [p.render(self.source) for p in self.problems[:MAX_SHOWN]]
        if len(self.problems) > 1:
            count = len(self.problems)
            head = f"{self.source + ': ' if self.source else ''}{count:,} problems"
            more = [f"  … and {count - MAX_SHOWN:,} more"] if count > MAX_SHOWN else []
            return "\n".join([head, *("  " + line for line in lines), *more])
        return lines[0] if lines else f"{self.source}: invalid input"
