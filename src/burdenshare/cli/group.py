"""The group class of `burdenshare` and its sub-groups (`results`): typer's, but for --help
and for usage errors, which are one line like every other error."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup, TyperOption

CLICK_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)
"""The base class of the command-line parser's errors (typer ships its own click and exports
only some of its exceptions; this is the public `BadParameter`'s base)."""


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

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; a usage error (an unknown option, a value of the wrong type, a
        missing argument) is one line on standard error, `error: … (see 'COMMAND --help')`, exit
        code 2, as bad input elsewhere, instead of a framed usage block. Commands return None:
        their exit codes come from `typer.Exit` (returned as an int here)."""
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except CLICK_ERROR as error:
            message = " ".join(error.format_message().split())  # type: ignore[attr-defined]
            context = getattr(error, "ctx", None)
            where = f" (see '{context.command_path} --help')" if context is not None else ""
            if message:  # none when the help was shown instead (no command given)
                print(f"error: {message}{where}", file=sys.stderr)
            code = error.exit_code  # type: ignore[attr-defined]
        except typer.Abort:
            print("Aborted!", file=sys.stderr)
            code = 1
        code = code if isinstance(code, int) else 0
        if not standalone_mode:
            return code
        sys.exit(code)
