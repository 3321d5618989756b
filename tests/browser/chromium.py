"""Debian's headless Chromium for the browser tests, installed by the suite itself when missing.

A fresh CI machine has no browser, and Playwright cannot download its own (only the package
registries are reachable): `apt-get install chromium-headless-shell` runs as root with no stdin.
The headless shell is Chromium's own build without a window system, the browser Playwright
itself uses for headless runs: the browser tests took 26 s of CPU with it and 40 s with the
full `chromium` package (`pytest tests/browser -n 0`, here), and it installs in ~13 s (update
and install, no other Chromium present). So it starts in the background as soon as browser
tests are collected (`start`), overlaps the rest of the suite and the browser fixture only waits
for it (`wait`); one install per test run, xdist workers included (tests/background.py); never
killed half-way.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from background import Background

CHROMIUM = Path("/usr/bin/chromium-headless-shell")
# Playwright speaks to Chromium itself (CDP over a pipe): chromedriver is not needed
PACKAGES = ("chromium-headless-shell",)
INSTALL_TIMEOUT = 600.0
# `apt-get update` first: a new machine's package lists may be missing or stale (its 404s would
# make the install fail); both wait for the package manager's lock instead of failing on it
SCRIPT = (
    "set -e; "
    "apt-get -q -o DPkg::Lock::Timeout=120 update; "
    "apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=120 " + " ".join(PACKAGES)
)


def _job(config: pytest.Config) -> Background:
    return Background.of(config, "chromium")


def start(config: pytest.Config) -> str | None:
    """Start installing Chromium in the background if it is missing (once per test run).

    Returns why it cannot be installed here (not root, no apt-get), else None."""
    if CHROMIUM.exists():
        return None
    reason = cannot_install()
    if reason is None:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        _job(config).start(["bash", "-c", SCRIPT], cwd=Path("/"), env=env, kill_at_end=False)
    return reason


def wait(config: pytest.Config) -> str | None:
    """None once Chromium is installed (waiting for an install under way), else why not."""
    job = _job(config)
    if not job.started:
        reason = start(config)  # collected some other way: start it now
        if reason is not None or not job.started:  # cannot, or it was there all along
            return reason
    code, output = job.wait(INSTALL_TIMEOUT)
    if code != 0 or not CHROMIUM.exists():
        return f"`apt-get install {' '.join(PACKAGES)}` failed (exit {code}):\n{output}"
    return None


def cannot_install() -> str | None:
    """Why this process cannot install Chromium, or None if it can."""
    if os.geteuid() != 0:
        return f"{CHROMIUM} is missing and only root can `apt-get install {' '.join(PACKAGES)}`"
    if not Path("/usr/bin/apt-get").exists():
        return f"{CHROMIUM} is missing and there is no apt-get to install it"
    return None
