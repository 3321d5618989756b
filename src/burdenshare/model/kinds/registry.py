"""The registry of issue kinds by the name scenario files give them (`kind = "money"`), and
the kinds GENIUS domains map to."""

from __future__ import annotations

from collections.abc import Callable

from burdenshare.model.kinds import choice, count, money, percent, real, scope, share
from burdenshare.model.kinds.base import GeniusIssue, Issue, IssueKind

_KINDS: dict[str, IssueKind] = {
    k.name: k for k in (money.KIND, percent.KIND, count.KIND, scope.KIND, choice.KIND, share.KIND)
}

BUILT_IN = tuple(_KINDS)
"""The kinds scenario files have without any registration, in the format's order."""


def register(kind: IssueKind) -> None:
    """Make `kind = "<kind.name>"` usable in scenario files (a new name, or the same kind)."""
    found = _KINDS.get(kind.name)
    if found is not None and found != kind:
        raise ValueError(f"an issue kind named {kind.name!r} is already registered")
    _KINDS[kind.name] = kind


def kind_of(name: str) -> IssueKind | None:
    """The kind scenario files call `name`, if registered."""
    return _KINDS.get(name)


def kind_names() -> tuple[str, ...]:
    """The registered kinds' names: the built-in ones first, then in order of registration."""
    return tuple(_KINDS)


_GENIUS: dict[str, Callable[[GeniusIssue], Issue]] = {
    "discrete": choice.from_genius,
    "integer": count.from_genius,
    "real": real.from_genius,
}


def from_genius(issue: GeniusIssue) -> Issue:
    """The model issue of a GENIUS one: discrete → choice, integer → count, real → real."""
    return _GENIUS[issue.type](issue)
