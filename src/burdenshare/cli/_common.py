"""Shared CLI plumbing: error reporting with exit code 2 (and atomic output files, re-exported)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import typer

from burdenshare.errors import InputError
from burdenshare.files import atomic_output, write_text_atomic

__all__ = ["EXIT_BAD_INPUT", "atomic_output", "fail", "reports_input_errors", "write_text_atomic"]

P = ParamSpec("P")
R = TypeVar("R")

EXIT_BAD_INPUT = 2


def fail(message: str) -> typer.Exit:
    """Print `message` on standard error and return the exit for bad input (raise it)."""
    print(f"error: {message}", file=sys.stderr)
    return typer.Exit(EXIT_BAD_INPUT)


def reports_input_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn `InputError` (and bad file paths) into one readable message and exit code 2."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            raise fail(exc.render()) from None

    return wrapper
