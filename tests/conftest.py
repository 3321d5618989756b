"""Suite-wide set-up: the bounds-checked replay of the compiled engine runs beside the suite.

That replay recompiles the whole batch engine with `NUMBA_BOUNDSCHECK=1` into an empty cache
(about 30 s of CPU, nothing can be reused) and reruns the equivalence property tests. It starts
in the background as soon as the test that needs it is collected, and that test
(test_batch_equivalence.py) only waits for its result. Under pytest-xdist (`-n 2`, the default
addopts) it is started once for the run, by whichever worker collects first
(tests/background.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from background import Background, run_id, stop_all
from clitools import registrations, restore
from hypothesis import settings

HERE = Path(__file__).resolve().parent

# CI runs every property test on the same examples on every machine (a fresh clone must not
# meet an example this machine never drew); elsewhere hypothesis explores as usual
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
BOUNDS_TEST = "test_compiled_engine_stays_in_bounds"
BOUNDS_REPLAY = "rich_scenarios or two_ratifiers or sma2019_drawn"
BOUNDS_TIMEOUT = 900.0


def pytest_configure(config: pytest.Config) -> None:
    run_id(config)  # made by the main process before xdist starts its workers, who inherit it


def _bounds_replay(config: pytest.Config) -> Background:
    """The replay of this test run, started unless some process of the run started it."""
    job = Background.of(config, "boundscheck")
    env = {**os.environ, "NUMBA_BOUNDSCHECK": "1", "NUMBA_CACHE_DIR": str(job.scratch / "cache")}
    job.start(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-q", "-p", "no:cacheprovider",
         str(HERE / "test_batch_equivalence.py"), "-k", BOUNDS_REPLAY],
        cwd=HERE.parent, env=env,
    )  # fmt: skip
    return job


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start the bounds-checked replay if its test is going to run (never from the replay)."""
    inside_replay = os.environ.get("NUMBA_BOUNDSCHECK") == "1"
    if not inside_replay and any(item.name == BOUNDS_TEST for item in items):
        _bounds_replay(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    """The main process ends the background jobs the run left going (the replay; an install
    of Chromium is left to finish) and removes their files."""
    stop_all(config)


@pytest.fixture
def bounds_replay(request: pytest.FixtureRequest) -> tuple[int, str]:
    """Exit code and output of the bounds-checked replay (started at collection, awaited here)."""
    return _bounds_replay(request.config).wait(BOUNDS_TIMEOUT)


@pytest.fixture(autouse=True)
def _strategies_as_installed() -> Iterator[None]:
    """Each test ends with the strategies it started with: a test that loads a `--plugin`
    in-process would otherwise leave it registered for later tests."""
    before = registrations()
    yield
    restore(before)
