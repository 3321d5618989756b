"""Executors: run a plan's chunks serially, in local processes, or on a Dask cluster.

Every run's seed is fixed by the plan before scheduling, so the runs — and the summaries,
counted afterwards from the store with order-independent arithmetic — do not depend on the
executor or the worker count. Chunks are yielded as they finish (any order). Workers load the
user's `--plugin` strategy modules before their first chunk.

Local workers die with their parent: each asks the kernel for SIGTERM when its parent dies
(Linux `PR_SET_PDEATHSIG`) and watches its parent id once a second (elsewhere), and ignores
Ctrl-C, which the parent handles (it stops the pool and says how to resume). No more workers
start than there are chunks to run.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from burdenshare.errors import InputError, Problem
from burdenshare.limits import MAX_WORKERS, check_range
from burdenshare.scenario.plugins import load_plugins

P = TypeVar("P")
R = TypeVar("R")


WORKERS_PER_CORE = 4
"""Local workers one command may start per core: more only wait for a core, each taking about
150 MB; a larger `--workers` is an error (not silently lowered)."""
WORKERS_WHY = f"{WORKERS_PER_CORE} a core on this machine, and at most {MAX_WORKERS}"


def max_workers() -> int:
    """The largest `--workers`: `WORKERS_PER_CORE` a core, at most `limits.MAX_WORKERS`."""
    return min(MAX_WORKERS, WORKERS_PER_CORE * (os.cpu_count() or 1))


@dataclass(frozen=True)
class Executor:
    """Serial (`workers` = 1, no `dask`), `workers` local processes, or the Dask scheduler at
    `dask` (e.g. `tcp://127.0.0.1:8786`); `plugins` are the `--plugin` specs workers load."""

    workers: int = 1
    dask: str | None = None
    plugins: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_range(self.workers, "--workers", 1, max_workers(), WORKERS_WHY)
        if self.dask is not None:  # before any work: a bad address or no `dask` extra
            check_dask_address(self.dask)
            _require_distributed()

    def describe(self) -> str:
        """`serial`, `processes×N` or `dask tcp://…`."""
        if self.dask:
            return f"dask {self.dask}"
        return "serial" if self.workers <= 1 else f"processes×{self.workers}"

    def map(
        self, func: Callable[[P, int, int], R], plan: P, chunks: Iterable[tuple[int, int]]
    ) -> Iterator[R]:
        """`func(plan, start, stop)` for every chunk (taken from `chunks` as needed), yielded
        as each finishes."""
        if self.dask:
            return _dask(self._task(func), plan, chunks, self.dask)
        if self.workers <= 1:
            return (func(plan, a, b) for a, b in chunks)
        return _processes(self._task(func), plan, chunks, self.workers)

    def _task(self, func: Callable[[P, int, int], R]) -> Callable[[P, int, int], R]:
        """`func` as a worker runs it: after loading the plugins (if any)."""
        return WithPlugins(func, self.plugins) if self.plugins else func


@dataclass(frozen=True)
class WithPlugins(Generic[P, R]):
    """A chunk function that first loads `plugins` in the worker (idempotent: once per process),
    so that a strategy from a user's module is registered wherever the chunk runs."""

    func: Callable[[P, int, int], R]
    plugins: tuple[str, ...]

    def __call__(self, plan: P, start: int, stop: int) -> R:
        """Load the plugins, then run `func(plan, start, stop)`."""
        load_plugins(self.plugins)
        return self.func(plan, start, stop)


def _processes(
    func: Callable[[P, int, int], R], plan: P, chunks: Iterable[tuple[int, int]], workers: int
) -> Iterator[R]:
    """Local processes, at most 2 × workers chunks in flight (memory stays flat in N), no more
    processes than chunks. On any exit (an error, Ctrl-C, the consumer stopping) the chunks
    not started are cancelled and the running ones finish before the pool is gone."""
    queue = iter(chunks)
    first = list(itertools.islice(queue, 2 * workers))
    if not first:
        return
    import multiprocessing

    context = multiprocessing.get_context()
    parent = os.getpid() if context.get_start_method() == "fork" else None
    pool = ProcessPoolExecutor(
        max_workers=min(workers, len(first)),
        mp_context=context,
        initializer=_worker_start,
        initargs=(parent,),
    )
    pending: set[Future[R]] = set()
    try:
        for a, b in first:
            pending.add(pool.submit(func, plan, a, b))
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for a, b in itertools.islice(queue, len(done)):
                pending.add(pool.submit(func, plan, a, b))
            for future in done:
                yield future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


PARENT_CHECK_SECONDS = 1.0
"""How often a local worker checks that its parent is alive (where the kernel cannot tell it)."""


def _worker_start(parent: int | None) -> None:
    """In each local worker, first: die with the parent (`parent`: its id when the worker was
    forked from it; else the worker's parent at start, e.g. a fork server), leave Ctrl-C to
    the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1  # <linux/prctl.h>
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    expected = os.getppid() if parent is None else parent
    if os.getppid() != expected:  # the parent died before the request took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(expected,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Exit the worker as soon as its parent is gone (re-parented: the parent id changes)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


DASK_ADDRESS = re.compile(
    r"(?:(?P<scheme>tcp|tls|ws|wss)://)?(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)"
    r":(?P<port>[0-9]{1,5})"
)


def check_dask_address(address: str) -> None:
    """`InputError` unless `address` is `[tcp|tls|ws|wss://]HOST:PORT` (checked at once, before
    anything is started, instead of a connection attempt that times out)."""
    match = DASK_ADDRESS.fullmatch(address)
    if match is None or not 0 < int(match["port"]) < 65536:
        raise InputError(
            Problem(
                "--dask",
                f"expected a scheduler address such as tcp://HOST:8786, got {address[:80]!r}",
            )
        )


def _require_distributed() -> None:
    """`InputError` naming the `dask` extra when `distributed` is not installed (it is optional:
    most users never run on a cluster, and it is a large install)."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise InputError(
            Problem("--dask", "needs the dask extra: pip install 'burdenshare[dask]'")
        ) from None


def _dask(
    func: Callable[[P, int, int], R], plan: P, chunks: Iterable[tuple[int, int]], address: str
) -> Iterator[R]:
    """An existing Dask cluster: the plan is scattered once, chunks submitted in bounded waves."""
    from distributed import Client, as_completed

    try:
        client = Client(address, timeout=10, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(
            Problem("--dask", f"cannot reach a Dask scheduler at {address}: {exc}")
        ) from None
    try:
        shared: Any = client.scatter(plan, broadcast=True)  # type: ignore[no-untyped-call]
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        queue = iter(chunks)
        first = [
            client.submit(func, shared, a, b, pure=False)
            for a, b in itertools.islice(queue, 4 * workers)
        ]
        flow = as_completed(first, loop=client.loop)  # type: ignore[no-untyped-call]
        for future in flow:
            result = future.result()
            future.release()
            for a, b in itertools.islice(queue, 1):
                flow.add(client.submit(func, shared, a, b, pure=False))  # type: ignore[no-untyped-call]
            yield result
    finally:
        client.close()  # type: ignore[no-untyped-call]  # cancels this client's tasks
