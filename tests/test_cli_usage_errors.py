"""Usage errors (unknown options and commands, values of the wrong type, missing arguments) are
one line on standard error naming the option, with exit code 2, like every other bad input."""

from __future__ import annotations

import pytest
from clitools import invoke


@pytest.mark.parametrize(
    "args, line",
    [
        (
            ("montecarlo", "sma-2019", "--strategy", "x"),
            "error: No such option: --strategy (Possible options: --no-store, --store) "
            "(see 'burdenshare montecarlo --help')",
        ),
        (("frobnicate",), "error: No such command 'frobnicate'. (see 'burdenshare --help')"),
        (("run",), "error: Missing argument 'scenario'. (see 'burdenshare run --help')"),
        (
            ("results", "show"),
            "error: Missing argument 'ID'. (see 'burdenshare results show --help')",
        ),
        (
            ("run", "sma-2019", "--seed", "x"),
            "error: Invalid value for '--seed': Input should be a valid integer, unable to parse "
            "string as an integer (see 'burdenshare run --help')",
        ),
    ],
)
def test_a_usage_error_is_one_line_exit_2(args: tuple[str, ...], line: str) -> None:
    done = invoke(*args)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", line + "\n")


def test_no_command_shows_the_help_and_no_error_line() -> None:
    done = invoke()
    assert done.returncode == 2 and "Usage: burdenshare" in done.stdout
    assert done.stderr == ""


@pytest.mark.parametrize(
    "command, shown", [("validate", "[[uncertainty]]"), ("forecast", "[stakeholders]")]
)
def test_help_shows_table_names_in_brackets(command: str, shown: str) -> None:
    """The help is rendered with rich markup, where `[name]` is a style tag: a TOML table name
    is escaped so that it is shown, not swallowed."""
    done = invoke(command, "--help", env={"COLUMNS": "200"})
    assert done.returncode == 0 and shown in done.stdout
