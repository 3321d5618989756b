"""Suite-wide set-up: the hypothesis profile of CI, the background jobs' folders, and the
strategies registry restored after each test. (The xdist workers compile the batch engine once
between them: the first to need it compiles it while the other waits, `jitcache.compiled_once`.)"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from background import run_id, stop_all
from clitools import registrations, restore
from hypothesis import settings

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


@pytest.fixture(autouse=True)
def _strategies_as_installed() -> Iterator[None]:
    """Each test ends with the strategies it started with: a test that loads a `--plugin`
    in-process would otherwise leave it registered for later tests."""
    before = registrations()
    yield
    restore(before)
