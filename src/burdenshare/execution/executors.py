"""Executors: run a plan's chunks serially, in local processes, or on a Dask cluster.

Every run's seed is fixed by the plan before scheduling, so the runs — and the summaries,
counted afterwards from the store with order-independent arithmetic — do not depend on the
executor or the worker count. Chunks are yielded as they finish (any order). Workers load the
user's `--plugin` strategy modules before their first chunk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from burdenshare.errors import InputError, Problem
from burdenshare.scenario.plugins import load_plugins

P = TypeVar("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Executor:
    """Serial (`workers` = 1, no `dask`), `workers` local processes, or the Dask scheduler at
    `dask` (e.g. `tcp://127.0.0.1:8786`); `plugins` are the `--plugin` specs workers load."""

    workers: int = 1
    dask: str | None = None
    plugins: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.dask:  # before any work: without the `dask` extra, one line naming it
            _require_distributed()

    def describe(self) -> str:
        """`serial`, `processes×N` or `dask tcp://…`."""
        if self.dask:
            return f"dask {self.dask}"
        return "serial" if self.workers <= 1 else f"processes×{self.workers}"

    def map(
        self, func: Callable[[P, int, int], R], plan: P, chunks: Sequence[tuple[int, int]]
    ) -> Iterator[R]:
        """`func(plan, start, stop)` for every chunk, yielded as each finishes."""
        if not chunks:
            return iter(())
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
    func: Callable[[P, int, int], R], plan: P, chunks: Sequence[tuple[int, int]], workers: int
) -> Iterator[R]:
    """Local processes, at most 2 × workers chunks in flight (memory stays flat in N)."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: set[Future[R]] = set()
        queue = list(chunks)
        while queue or pending:
            while queue and len(pending) < 2 * workers:
                a, b = queue.pop(0)
                pending.add(pool.submit(func, plan, a, b))
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()


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
    func: Callable[[P, int, int], R], plan: P, chunks: Sequence[tuple[int, int]], address: str
) -> Iterator[R]:
    """An existing Dask cluster: the plan is scattered once, chunks submitted in bounded waves."""
    from distributed import Client, as_completed

    try:
        client = Client(address, timeout=10, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise InputError(
            Problem("--dask", f"cannot reach a Dask scheduler at {address}: {exc}")
        ) from None
    try:
        shared: Any = client.scatter(plan, broadcast=True)  # type: ignore[no-untyped-call]
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        queue = list(chunks)
        first = [client.submit(func, shared, a, b, pure=False) for a, b in queue[: 4 * workers]]
        queue = queue[4 * workers :]
        flow = as_completed(first, loop=client.loop)  # type: ignore[no-untyped-call]
        for future in flow:
            result = future.result()
            future.release()
            if queue:
                a, b = queue.pop(0)
                flow.add(client.submit(func, shared, a, b, pure=False))  # type: ignore[no-untyped-call]
            yield result
    finally:
        client.close()  # type: ignore[no-untyped-call]
