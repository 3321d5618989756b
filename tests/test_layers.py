"""The layers hold (DESIGN.md): no import cycle between packages or modules, no file I/O in the
core, no patch of typer internals, distributed only in an extra, as the shared
`tools/check_layers.py` checks them from the project root."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CHECK = REPO / ".." / "shared" / "tools" / "check_layers.py"


def test_layer_check_finds_nothing() -> None:
    if not CHECK.is_file():
        pytest.skip(f"no layer check at {CHECK} (the shared folder beside the repository)")
    done = subprocess.run(
        [sys.executable, str(CHECK)], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
