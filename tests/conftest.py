"""Suite-wide set-up: the hypothesis profile of CI, one compile of the batch engine for the
xdist workers, and the strategies registry restored after each test."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from background import Background, is_main_process, run_id, stop_all
from clitools import registrations, restore
from hypothesis import settings

HERE = Path(__file__).resolve().parent

# CI runs every property test on the same examples on every machine (a fresh clone must not
# meet an example this machine never drew); elsewhere hypothesis explores as usual
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    run_id(config)  # made by the main process before xdist starts its workers, who inherit it


def pytest_unconfigure(config: pytest.Config) -> None:
    """The main process ends the background jobs the run left going (an install of Chromium is
    left to finish) and removes their files."""
    stop_all(config)


@pytest.fixture(scope="session", autouse=True)
def _batch_engine_compiled_once(request: pytest.FixtureRequest) -> None:
    """Under pytest-xdist the workers compile the batch engine once between them: the first to
    take the run's lock compiles it (about 30 s of CPU), the others wait and load it from numba's
    cache. Each would otherwise compile it too, beside a Chromium install, on a 2-core machine."""
    if is_main_process(request.config):
        return
    from burdenshare.engine import compiled

    if compiled.ready():
        return
    with open(Background.of(request.config, "compile").folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not compiled.ready():
            from burdenshare.experiments.montecarlo import MonteCarloPlan, run_range
            from burdenshare.scenario.uncertainty import load_uncertain

            loaded, uncertain = load_uncertain("sma-2024", [])
            run_range(MonteCarloPlan(loaded.scenario, uncertain, 1, 0), 0, 1)
        assert compiled.ready()


@pytest.fixture(autouse=True)
def _strategies_as_installed() -> Iterator[None]:
    """Each test ends with the strategies it started with: a test that loads a `--plugin`
    in-process would otherwise leave it registered for later tests."""
    before = registrations()
    yield
    restore(before)
