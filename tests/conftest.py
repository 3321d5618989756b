"""Suite-wide set-up: the bounds-checked replay of the compiled engine runs beside the suite.

That replay recompiles the whole batch engine with `NUMBA_BOUNDSCHECK=1` into an empty cache
(about 30 s of CPU, nothing can be reused) and reruns the equivalence property tests. It starts
in the background as soon as the test that needs it is collected, and that test
(test_batch_equivalence.py) only waits for its result. Under pytest-xdist (`-n 2`, the default
addopts) it is started once for the run, by whichever worker collects first
(tests/background.py).
"""

from __future__ import annotations

import fcntl
import os
import sys
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


@pytest.fixture(scope="session", autouse=True)
def _batch_engine_compiled_once(request: pytest.FixtureRequest) -> None:
    """Under pytest-xdist the workers compile the batch engine once between them: the first to
    take the run's lock compiles it (about 30 s of CPU), the others wait and load it from numba's
    cache. Each would otherwise compile it too, beside the replay's own compile and a Chromium
    install, on a 2-core machine."""
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
