"""`distributed` is optional (the `dask` extra): without it, `--dask` gives one line naming the
extra and exit code 2, before any work; everything else runs without it."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import pytest
from clitools import REPO

from burdenshare.errors import InputError
from burdenshare.execution.executors import Executor

MESSAGE = "error: --dask: needs the dask extra: pip install 'burdenshare[dask]'"

WITHOUT_DISTRIBUTED = """
import sys
sys.modules["distributed"] = None  # import distributed -> ImportError, as when it is not installed
from burdenshare.cli.app import main
sys.argv = ["burdenshare", *sys.argv[1:]]
main()
"""


def test_distributed_is_the_dask_extra_and_a_test_tool() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [d for d in project["dependencies"] if d.startswith(("distributed", "dask"))]
    extras = project["optional-dependencies"]
    assert extras["dask"] == ["distributed>=2024.1"]
    assert "distributed>=2024.1" in extras["test"]  # the README's test command runs the Dask tests


def test_executor_names_the_extra_when_distributed_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(InputError) as caught:
        Executor(dask="tcp://127.0.0.1:8786")
    assert f"error: {caught.value.render()}" == MESSAGE
    assert Executor(workers=2).describe() == "processes×2"  # only --dask needs it


@pytest.mark.parametrize(
    "args",
    [
        ["montecarlo", "sma-2019", "-n", "5", "--no-store"],
        ["tournament", "--strategy", "anchoring", "--repetitions", "1"],
    ],
)
def test_cli_dask_without_distributed_is_one_line_and_exit_2(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_DISTRIBUTED, *args, "--dask", "tcp://127.0.0.1:1"],
        capture_output=True,
        text=True,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (2, "", MESSAGE + "\n")
