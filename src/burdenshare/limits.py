"""Bounds on the work one command may be asked for, checked before anything is allocated, so that
a mistyped number is one clear line (exit 2) instead of a hang or an exhausted machine."""

from __future__ import annotations

from burdenshare.errors import InputError, Problem

MAX_OFFERS = 20_000
"""Offers in one negotiation (all meetings): the reference engine takes about 1.5 ms an offer on
sma-2019, so a run stays within about 30 s; the largest built-in calendar has fewer than 100."""
MAX_NEWS_BYTES = 2 * 1024 * 1024
"""News text one `news` command reads (all files together): the extractor reads about 0.1 MiB
a second on one core, so at most about 20 s; more is split over runs merged with --timeline."""
MAX_RUNS = 10_000_000
"""Runs in one experiment (`-n`): about 20 minutes at the batch engine's 10,000 runs/s on two
cores; larger experiments are several stored experiments."""
MAX_CHUNK = 100_000
"""Runs in one committed chunk (`--chunk`): a chunk's columns are held in memory until it is
stored (about 1 kB a run on sma-2019, so at most about 100 MB); the automatic size is at most
20,000."""
MAX_MATCHES = 1_000_000
"""Matches in one tournament (strategies, roles, scenarios and repetitions): each is listed with
its seed before the first is played."""
MAX_WORKERS = 256
"""Local worker processes: each one is a Python process of about 150 MB."""
MAX_SEED = 2**63 - 1
"""Largest seed: seeds are stored as 64-bit integers with the experiment."""


def check_range(value: int, field: str, low: int, high: int, what: str = "") -> None:
    """`InputError` naming `field` unless low ≤ value ≤ high (`what`: why the upper bound)."""
    if value < low:
        raise InputError(Problem(field, f"expected at least {low:,}, got {value:,}"))
    if value > high:
        reason = f" ({what})" if what else ""
        raise InputError(Problem(field, f"expected at most {high:,}{reason}, got {value:,}"))
