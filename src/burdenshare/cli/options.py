"""Parsing of CLI option values that have a syntax of their own (`--strategy`)."""

from __future__ import annotations

from typing import Any

from burdenshare.errors import InputError, Problem
from burdenshare.model.paths import parse_spec


def parse_strategy_option(text: str) -> tuple[str, str, dict[str, Any]]:
    """`PARTY=NAME[:param=value,…]` → (party, name, params), the spec read by
    `model.paths.parse_spec` (the one parser of that syntax)."""
    party, equals, spec_text = text.partition("=")
    if not equals or not party.strip() or not spec_text.partition(":")[0].strip():
        raise InputError(
            Problem("--strategy", f"expected PARTY=NAME[:param=value,…], got {text!r}")
        )
    spec = parse_spec(spec_text, "--strategy")
    return party.strip(), spec.name, spec.as_dict()
