"""Debian's Chromium for the browser tests, installed by the suite itself when it is missing.

A fresh CI machine has no browser, and Playwright cannot download its own (only the package
registries are reachable): `apt-get install chromium` runs as root with no stdin. It took 15 s
here (apt-get update 1 s; 26 packages, 121 MB fetched; about 14 s of CPU, mostly dpkg), so it
starts in the background as soon as browser tests are collected (`start`), overlaps the rest of
the suite (the browser tests run last) and the browser fixture only waits for it (`wait`).

Under pytest-xdist every worker collects: the first one to get the lock of the run's state folder
starts the install, the others see its pid and wait for the same exit-code file.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Playwright speaks to Chromium itself (CDP over a pipe): chromedriver is not needed
PACKAGES = ("chromium",)
INSTALL_TIMEOUT = 600.0
# `apt-get update` first: a new machine's package lists may be missing or stale (its 404s would
# make the install fail); both wait for the package-manager lock instead of failing on it
SCRIPT = (
    "set -e; "
    "apt-get -q -o DPkg::Lock::Timeout=120 update; "
    "apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=120 " + " ".join(PACKAGES)
)


@dataclass(frozen=True)
class Install:
    """The state folder of one test run's install: its lock, pid, log and exit-code files."""

    folder: Path

    @classmethod
    def of_run(cls, run: str) -> Install:
        """The install of the test run `run` (one id shared by the xdist workers of a run)."""
        folder = Path(tempfile.gettempdir()) / f"burdenshare-chromium-{run}"
        folder.mkdir(exist_ok=True)
        return cls(folder)

    @property
    def log(self) -> Path:
        return self.folder / "install.log"

    @property
    def code(self) -> Path:
        return self.folder / "install.rc"

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with (self.folder / "lock").open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def start(self) -> str | None:
        """Start the install in the background if Chromium is missing and nobody started it.

        Returns why it cannot be installed here (not root, no apt-get), else None."""
        if CHROMIUM.exists():
            return None
        reason = cannot_install()
        if reason:
            return reason
        with self._locked():
            if (self.folder / "pid").exists():
                return None  # another worker of this run started it
            with self.log.open("wb") as sink:
                process = subprocess.Popen(
                    ["bash", "-c", f'{SCRIPT}; echo "$?" > {self.code}'],
                    stdin=subprocess.DEVNULL,
                    stdout=sink,
                    stderr=subprocess.STDOUT,
                    env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
                    start_new_session=True,  # no terminal signal reaches dpkg half-way
                )
            (self.folder / "pid").write_text(str(process.pid))
        return None

    def wait(self, timeout: float = INSTALL_TIMEOUT) -> str | None:
        """Wait for a started install; None once Chromium is there, else why it is not."""
        if CHROMIUM.exists() and not (self.folder / "pid").exists():
            return None
        reason = self.start()  # collected some other way: start it now
        if reason:
            return reason
        if not (self.folder / "pid").exists():  # it is there and nobody is installing it
            return None
        deadline = time.monotonic() + timeout
        while not self.code.exists():
            if time.monotonic() > deadline:
                return f"`apt-get install {' '.join(PACKAGES)}` did not end in {timeout:.0f} s"
            time.sleep(0.2)
        code = self.code.read_text().strip()
        if code != "0" or not CHROMIUM.exists():
            tail = self.log.read_text(errors="replace")[-3000:]
            return f"`apt-get install {' '.join(PACKAGES)}` failed (exit {code}):\n{tail}"
        return None


def cannot_install() -> str | None:
    """Why this process cannot install Chromium, or None if it can."""
    if os.geteuid() != 0:
        return f"{CHROMIUM} is missing and only root can `apt-get install {' '.join(PACKAGES)}`"
    if not Path("/usr/bin/apt-get").exists():
        return f"{CHROMIUM} is missing and there is no apt-get to install it"
    return None
