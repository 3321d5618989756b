"""The group class of `burdenshare` and its sub-groups (`results`): typer's, but for --help."""

from __future__ import annotations

from typing import Any

from typer.core import TyperGroup, TyperOption


class BurdenshareGroup(TyperGroup):
    """The command group, with its own `--help` defaulting to False rather than None: typer
    coerces a None (an absent `--help` before a command's options) through pydantic, and
    importing it made every `burdenshare COMMAND --help` ~0.1 s slower; a bool passes through."""

    def get_help_option(self, ctx: Any) -> TyperOption | None:  # ctx: typer's own click Context
        """The group's --help option, unchanged but for its default (False)."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.default = False
        return option
