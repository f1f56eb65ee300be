"""Worker processes: each task runs in its own child with memory and time bounds.

One hostile file must not hang, crash or exhaust the checker: a child that runs out of
memory, dies or overstays the wall-clock backstop is reported as a failure of that task
alone. The same mechanism runs tasks in parallel (`jobs`), in a deterministic order.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Bounds:
    """What a child may use: address space (MiB) and wall-clock seconds (a backstop only)."""

    memory_mb: int = 2048
    seconds: float = 120.0


@dataclass(frozen=True, slots=True)
class Failure:
    """A task that did not finish: why, in words fit for a report."""

    kind: (
        str  # "error" (the task raised an expected error), "memory", "timeout", "crash", "internal"
    )
    message: str


@dataclass(frozen=True, slots=True)
class Outcome(Generic[R]):
    value: R | None
    failure: Failure | None


def default_jobs() -> int:
    """The cores this process may run on (not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run(
    fn: Callable[[T], R],
    tasks: Sequence[T],
    jobs: int = 1,
    bounds: Bounds = Bounds(),
    expected: tuple[type[BaseException], ...] = (),
    on_done: Callable[[int, Outcome[R]], None] | None = None,
) -> list[Outcome[R]]:
    """`fn` over `tasks` in at most `jobs` worker processes; results in the tasks' order.

    Workers are reused from task to task (a fork per file costs more than reading a small
    file); one that dies, runs out of memory or overstays is replaced, and only its task
    fails. An exception of a type in `expected` becomes Failure("error", its message).
    """
    if not tasks:
        return []
    ctx = _context()
    results: list[Outcome[R] | None] = [None] * len(tasks)
    pending = list(range(len(tasks)))
    idle: list[_Worker] = []
    busy: dict[int, tuple[_Worker, float]] = {}  # task index -> (worker, start)
    try:
        while pending or busy:
            while pending and len(busy) < max(1, jobs):
                worker = idle.pop() if idle else _Worker.start(ctx, fn, bounds, expected)
                index = pending.pop(0)
                worker.send(tasks[index])
                busy[index] = (worker, time.monotonic())
            deadline = min(start for _, start in busy.values()) + bounds.seconds
            multiprocessing.connection.wait(
                [w.conn for w, _ in busy.values()] + [w.process.sentinel for w, _ in busy.values()],
                timeout=max(0.0, deadline - time.monotonic()),
            )
            for index in sorted(busy):
                worker, start = busy[index]
                outcome = _collect(worker, start, bounds)
                if outcome is None:
                    continue
                del busy[index]
                results[index] = outcome
                if worker.process.is_alive():
                    idle.append(worker)
                else:
                    worker.close()
                if on_done:
                    on_done(index, outcome)
    finally:
        for worker in idle + [w for w, _ in busy.values()]:
            worker.stop()
    return [r for r in results if r is not None]


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Any  # the parent's end of a duplex pipe

    @classmethod
    def start(
        cls,
        ctx: Any,
        fn: Callable[[Any], Any],
        bounds: Bounds,
        expected: tuple[type[BaseException], ...],
    ) -> _Worker:
        parent, child = ctx.Pipe(duplex=True)
        process = ctx.Process(target=_serve, args=(child, fn, bounds, expected), daemon=True)
        process.start()
        child.close()
        return cls(process, parent)

    def send(self, task: Any) -> None:
        self.conn.send(task)

    def close(self) -> None:
        self.conn.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()

    def stop(self) -> None:
        try:
            self.conn.send(_STOP)
        except (OSError, ValueError):
            pass
        self.close()


_STOP = "__carcheck_worker_stop__"


def _collect(worker: _Worker, start: float, bounds: Bounds) -> Outcome[Any] | None:
    """The task's outcome once there is one; None while the worker is still on it."""
    if worker.conn.poll():
        try:
            status, payload = worker.conn.recv()
        except (EOFError, OSError):
            status, payload = "crash", None
        except Exception:  # the result could not be unpickled
            status, payload = "internal", None
        if status in ("crash", "memory", "internal"):
            worker.process.kill()  # a worker that failed this way is not trusted again
            worker.process.join()
        if status == "ok":
            return Outcome(payload, None)
        return Outcome(None, _failure(status, payload, bounds))
    if not worker.process.is_alive():
        return Outcome(None, _failure("crash", None, bounds))
    if time.monotonic() - start >= bounds.seconds:
        worker.process.kill()
        worker.process.join()
        return Outcome(None, _failure("timeout", None, bounds))
    return None


def _failure(status: str, payload: Any, bounds: Bounds) -> Failure:
    if status == "error":
        return Failure("error", str(payload))
    if status == "memory":
        return Failure(
            "memory",
            f"too large: reading it needs more than the {bounds.memory_mb} MiB memory limit",
        )
    if status == "timeout":
        return Failure(
            "timeout",
            f"took longer than {bounds.seconds:g} s to read (a last-resort time limit); the file "
            "may be damaged or too complex",
        )
    if status == "crash":
        return Failure(
            "crash",
            "the reader stopped unexpectedly on this file (it may be damaged or too large)",
        )
    return Failure(
        "internal", "internal error while reading this file (re-run with --debug for details)"
    )


def _serve(
    conn: Any,
    fn: Callable[[Any], Any],
    bounds: Bounds,
    expected: tuple[type[BaseException], ...],
) -> None:
    """A worker's life: take a task, send back its outcome, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _limit_memory(bounds.memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            break
        if isinstance(task, str) and task == _STOP:
            break
        try:
            message: tuple[str, Any] = ("ok", fn(task))
        except MemoryError:
            message = ("memory", None)
        except RecursionError:
            message = ("error", "too complex: its structure is nested too deeply or loops")
        except expected as exc:
            message = ("error", getattr(exc, "message", None) or str(exc))
        except Exception:
            import logging

            logging.getLogger(__name__).debug("internal error in a worker", exc_info=True)
            message = ("internal", None)
        try:
            conn.send(message)
        except Exception:  # a result that cannot be pickled is an internal error
            conn.send(("internal", None))
        if message[0] == "memory":
            break  # after running out of memory, start afresh
    conn.close()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # skip the parent's atexit handlers and buffered state inherited by fork


def _limit_memory(megabytes: int) -> None:
    try:
        import resource

        limit = megabytes * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # not on this platform: the time bound remains
        pass


def _context() -> Any:
    # fork starts a child in milliseconds with every module already imported.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
