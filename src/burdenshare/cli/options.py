"""Parsing of CLI option values that have a syntax of their own (`--strategy`)."""

from __future__ import annotations

import tomllib
from typing import Any

from burdenshare.errors import InputError, Problem


def _value(text: str) -> Any:
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def parse_strategy_option(text: str) -> tuple[str, str, dict[str, Any]]:
    """`PARTY=NAME[:param=value,…]` → (party, name, params)."""
    if "=" not in text:
        raise InputError(
            Problem("--strategy", f"expected PARTY=NAME[:param=value,…], got {text!r}")
        )
    party, spec = text.split("=", 1)
    name, _, rest = spec.partition(":")
    params: dict[str, Any] = {}
    for item in filter(None, (p.strip() for p in rest.split(","))):
        if "=" not in item:
            raise InputError(
                Problem("--strategy", f"parameter {item!r} of {name!r}: expected param=value")
            )
        key, value = item.split("=", 1)
        params[key.strip()] = _value(value.strip())
    if not party.strip() or not name.strip():
        raise InputError(
            Problem("--strategy", f"expected PARTY=NAME[:param=value,…], got {text!r}")
        )
    return party.strip(), name.strip(), params
