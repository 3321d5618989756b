"""Processes starting together on an empty cache compile the loop once (jitcache.compiled_once)."""

from __future__ import annotations

import fcntl
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from burdenshare import jitcache


def _dispatcher(tmp_path: Path, signatures: list[object]) -> SimpleNamespace:
    """What compiled_once reads of a numba dispatcher: its signatures compiled in this process,
    its module, and where numba's cache would keep its index (absent: not on disk)."""
    cache = SimpleNamespace(_cache_file=SimpleNamespace(_index_path=str(tmp_path / "no.nbi")))
    function = SimpleNamespace(__module__="burdenshare_loop_0123456789abcdef")
    return SimpleNamespace(signatures=signatures, py_func=function, _cache=cache)


def _enter_in_a_thread(dispatcher: SimpleNamespace) -> tuple[threading.Thread, threading.Event]:
    entered = threading.Event()

    def first_call() -> None:
        with jitcache.compiled_once(dispatcher):
            entered.set()

    thread = threading.Thread(target=first_call)
    thread.start()
    return thread, entered


def test_the_first_compile_waits_for_another_process_compiling_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cold = _dispatcher(tmp_path, [])
    lock = jitcache.directory() / "burdenshare_loop_0123456789abcdef.lock"
    with open(lock, "a") as other:  # another open file: flock treats it as another process
        fcntl.flock(other, fcntl.LOCK_EX)
        thread, entered = _enter_in_a_thread(cold)
        assert not entered.wait(0.3)  # waits while the other compiles
        fcntl.flock(other, fcntl.LOCK_UN)
        assert entered.wait(10.0)  # then goes on (and would load numba's cache)
        thread.join()


def test_nothing_waits_once_compiled_here_or_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lock = jitcache.directory() / "burdenshare_loop_0123456789abcdef.lock"
    on_disk = _dispatcher(tmp_path, [])
    (tmp_path / "no.nbi").write_bytes(b"")
    with open(lock, "a") as other:
        fcntl.flock(other, fcntl.LOCK_EX)
        for warm in (_dispatcher(tmp_path, ["(int64,)"]), on_disk):
            thread, entered = _enter_in_a_thread(warm)
            assert entered.wait(10.0)
            thread.join()
