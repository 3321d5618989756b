"""Suite-wide set-up: the hypothesis profile of CI, the batch engine compiled in the background
from the start of a run on xdist workers, and the strategies registry restored after each test.

The compile (~50 s of CPU on an empty cache) starts before the workers collect, in a process of
its own holding the engine's lock (`jitcache.compiled_once`): a worker waits for it only when a
test needs the engine, and the test files that never call the compiled loop run first, so both
workers have work meanwhile."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from background import Background, is_main_process, run_id, stop_all
from clitools import registrations, restore
from hypothesis import settings

# CI runs every property test on the same examples on every machine (a fresh clone must not
# meet an example this machine never drew); elsewhere hypothesis explores as usual
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


COMPILE = """
from burdenshare.experiments.montecarlo import MonteCarloPlan, run_range
from burdenshare.scenario.uncertainty import load_uncertain

loaded, uncertain = load_uncertain("sma-2024", [])
run_range(MonteCarloPlan(loaded.scenario, uncertain, 1, 0), 0, 1)
"""
"""One run on the batch engine: compiles it, or loads numba's cache (~2 s) when it holds it."""


def pytest_configure(config: pytest.Config) -> None:
    run_id(config)  # made by the main process before xdist starts its workers, who inherit it
    workers = config.getoption("numprocesses", None)
    jit = os.environ.get("NUMBA_DISABLE_JIT", "0") in ("", "0")
    if is_main_process(config) and workers and jit:
        root = Path(__file__).resolve().parents[1]
        Background.of(config, "compile").start([sys.executable, "-c", COMPILE], cwd=root)


WHILE_IT_COMPILES = ("test_jit_kernel.py", "test_analysis_", "test_news_")
"""Test files that never call the compiled loop (the kernel's own compiles aside): run first."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The files of `WHILE_IT_COMPILES` first, in their order; then the rest, in theirs (every
    xdist worker sorts its collection the same way)."""
    items.sort(key=lambda item: not item.path.name.startswith(WHILE_IT_COMPILES))


def pytest_unconfigure(config: pytest.Config) -> None:
    """The main process ends the background jobs the run left going (an install of Chromium is
    left to finish) and removes their files."""
    stop_all(config)


@pytest.fixture(autouse=True)
def _strategies_as_installed() -> Iterator[None]:
    """Each test ends with the strategies it started with: a test that loads a `--plugin`
    in-process would otherwise leave it registered for later tests."""
    before = registrations()
    yield
    restore(before)
