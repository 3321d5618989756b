"""A process the suite starts in the background once per test run, and that tests wait for.

Two uses (tests/conftest.py: the bounds-checked replay of the compiled engine; tests/browser:
installing Chromium): both start right after collection so that they overlap the rest of the
suite, and the one test (or fixture) that needs the result waits for it.

Under pytest-xdist every worker collects, and the worker that collects first is not always the
one that runs the waiting test; so the job lives in a folder of the run (one id shared by the
workers), the first worker to take the folder's lock starts it (the others find its pid file),
its output and exit code are files any worker can wait for, and only the main process (the one
that outlives the workers) stops it and removes the folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

RUN_KEY = pytest.StashKey[str]()
RUN_ENV = "BURDENSHARE_TEST_RUN"


def run_id(config: pytest.Config) -> str:
    """One id for the whole test run: the main process makes it (call this from its
    pytest_configure, before xdist starts the workers) and the workers inherit it."""
    if RUN_KEY not in config.stash:
        if is_main_process(config):  # a new run, even if started from inside another one
            os.environ[RUN_ENV] = uuid.uuid4().hex
        config.stash[RUN_KEY] = os.environ.get(RUN_ENV) or str(config.workerinput["testrunuid"])
    return config.stash[RUN_KEY]


def is_main_process(config: pytest.Config) -> bool:
    """True unless this is an xdist worker."""
    return getattr(config, "workerinput", None) is None


@dataclass(frozen=True)
class Background:
    """The job `name` of one test run: a folder with its lock, pid, output and exit code."""

    folder: Path

    @classmethod
    def of(cls, config: pytest.Config, name: str) -> Background:
        folder = Path(tempfile.gettempdir()) / f"burdenshare-{name}-{run_id(config)}"
        folder.mkdir(exist_ok=True)
        return cls(folder)

    @property
    def output(self) -> Path:
        return self.folder / "output.txt"

    @property
    def code(self) -> Path:
        return self.folder / "exit-code"

    @property
    def pid(self) -> Path:
        return self.folder / "pid"

    @property
    def scratch(self) -> Path:
        """A folder the job may use for its own files (removed with the job's folder)."""
        path = self.folder / "scratch"
        path.mkdir(exist_ok=True)
        return path

    @property
    def started(self) -> bool:
        return self.pid.exists()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with (self.folder / "lock").open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def start(
        self,
        argv: Sequence[str],
        cwd: Path,
        env: Mapping[str, str] | None = None,
        kill_at_end: bool = True,
    ) -> None:
        """Run `argv` in the background unless a process of this run already started it.

        `kill_at_end`: ended if still going when the run is over (else left to finish)."""
        with self._locked():
            if self.started:
                return
            if kill_at_end:
                (self.folder / "kill-at-end").touch()
            # the exit code is written whole (renamed into place) once the command has ended
            script = (
                'code=0; "$@" || code=$?; '
                'echo "$code" > "$JOB_EXIT_CODE.part" && mv "$JOB_EXIT_CODE.part" "$JOB_EXIT_CODE"'
            )
            with self.output.open("wb") as sink:
                process = subprocess.Popen(
                    ["bash", "-c", script, "job", *argv],
                    cwd=cwd, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
                    env={**(env if env is not None else os.environ),
                         "JOB_EXIT_CODE": str(self.code)},
                    start_new_session=True,  # its own process group, stopped as one
                )  # fmt: skip
            self.pid.write_text(str(process.pid))

    def wait(self, timeout: float) -> tuple[int, str]:
        """Exit code and the last 4,000 characters of the output, once the job has ended
        (exit code -1 if it did not end within `timeout` seconds)."""
        deadline = time.monotonic() + timeout
        while not self.code.exists():
            if time.monotonic() > deadline:
                return -1, f"did not end in {timeout:.0f} s\n" + self._tail()
            time.sleep(0.2)
        return int(self.code.read_text()), self._tail()

    def _tail(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")[-4000:]

    def stop(self) -> None:
        """Once the run is over: end the job if it is still going (the suite stopped early)
        unless it is to be left to finish, and remove its folder unless it still runs."""
        running = self.started and not self.code.exists()
        if running and (self.folder / "kill-at-end").exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.killpg(int(self.pid.read_text()), signal.SIGKILL)
            running = False
        if not running:
            shutil.rmtree(self.folder, ignore_errors=True)


def stop_all(config: pytest.Config) -> None:
    """In the main process (it outlives the xdist workers), at the end: stop every job of
    the run."""
    if is_main_process(config):
        for folder in Path(tempfile.gettempdir()).glob(f"burdenshare-*-{run_id(config)}"):
            Background(folder).stop()
