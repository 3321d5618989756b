"""Suite-wide set-up: the bounds-checked replay of the compiled engine runs beside the suite.

That replay recompiles the whole batch engine with `NUMBA_BOUNDSCHECK=1` into an empty cache
(about 30 s of CPU, nothing can be reused) and reruns the equivalence property tests. The suite
itself runs on one core, so the replay starts in the background as soon as the test that needs
it is collected, and that test (test_batch_equivalence.py) only waits for its result.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
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


@dataclass
class Replay:
    """A background pytest run: its process, its combined output file and its scratch folder."""

    process: subprocess.Popen[bytes]
    output: Path
    scratch: Path

    def wait(self) -> tuple[int, str]:
        """Exit code and the last 4,000 characters of the output, once the run has ended."""
        code = self.process.wait(timeout=BOUNDS_TIMEOUT)
        return code, self.output.read_text(encoding="utf-8", errors="replace")[-4000:]

    def stop(self) -> None:
        """End the run if it is still going (the suite stopped early) and delete its files."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.scratch, ignore_errors=True)


REPLAY_KEY = pytest.StashKey[Replay]()


def _start_bounds_replay() -> Replay:
    scratch = Path(tempfile.mkdtemp(prefix="burdenshare-boundscheck-"))
    env = {**os.environ, "NUMBA_BOUNDSCHECK": "1", "NUMBA_CACHE_DIR": str(scratch / "cache")}
    output = scratch / "output.txt"
    with output.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-o", "addopts=", "-q", "-p", "no:cacheprovider",
             str(HERE / "test_batch_equivalence.py"), "-k", BOUNDS_REPLAY],
            env=env, cwd=HERE.parent, stdin=subprocess.DEVNULL, stdout=sink,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    return Replay(process, output, scratch)


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start the bounds-checked replay if its test is going to run (never from the replay)."""
    inside_replay = os.environ.get("NUMBA_BOUNDSCHECK") == "1"
    wanted = any(item.name == BOUNDS_TEST for item in items)
    if wanted and not inside_replay and REPLAY_KEY not in config.stash:
        config.stash[REPLAY_KEY] = _start_bounds_replay()


def pytest_unconfigure(config: pytest.Config) -> None:
    if REPLAY_KEY in config.stash:
        config.stash[REPLAY_KEY].stop()


@pytest.fixture
def bounds_replay(request: pytest.FixtureRequest) -> tuple[int, str]:
    """Exit code and output of the bounds-checked replay (started at collection, awaited here)."""
    stash = request.config.stash
    if REPLAY_KEY not in stash:  # collected some other way: run it now
        stash[REPLAY_KEY] = _start_bounds_replay()
    return stash[REPLAY_KEY].wait()


@pytest.fixture(autouse=True)
def _strategies_as_installed() -> Iterator[None]:
    """Each test ends with the strategies it started with: a test that loads a `--plugin`
    in-process would otherwise leave it registered for later tests."""
    before = registrations()
    yield
    restore(before)
