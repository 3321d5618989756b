"""Running one `burdenshare` case as CI replays the bad-input corpus: a subprocess in an
empty working folder, stdin closed, a 4 GB address space and 60 s (still running: a hang)."""

from __future__ import annotations

import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).with_name("burdenshare")
ADDRESS_SPACE = 4_000_000 * 1024  # `ulimit -v 4000000` (KiB)
TIMEOUT = 60.0


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


@dataclass(frozen=True)
class Outcome:
    """How a case ended: exit code (None: still running after the timeout), stdout, stderr."""

    code: int | None
    stdout: str
    stderr: str

    @property
    def clean_refusal(self) -> bool:
        """Exit 2 with one line on stderr and no traceback: what every bad input must give."""
        lines = self.stderr.strip().splitlines()
        return self.code == 2 and len(lines) == 1 and "Traceback" not in self.stderr


def run_sandboxed(args: list[str], folder: Path, timeout: float = TIMEOUT) -> Outcome:
    """Run `burdenshare ARGS` in `folder` (the case's only files) as the corpus replay does."""
    try:
        done = subprocess.run(
            [str(BIN), *args],
            cwd=folder,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            preexec_fn=_limit_memory,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        return Outcome(None, str(exc.stdout or ""), str(exc.stderr or ""))
    return Outcome(done.returncode, done.stdout, done.stderr)
