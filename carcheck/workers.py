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
    on_done: Callable[[int], None] | None = None,
) -> list[Outcome[R]]:
    """`fn` over `tasks`, each in a child process, at most `jobs` at a time; results in order.

    An exception of a type in `expected` becomes a Failure("error", its message).
    """
    if not tasks:
        return []
    ctx = _context()
    results: list[Outcome[R] | None] = [None] * len(tasks)
    pending = list(range(len(tasks)))
    running: dict[int, tuple[Any, Any, float]] = {}  # index -> (process, connection, start)
    while pending or running:
        while pending and len(running) < max(1, jobs):
            index = pending.pop(0)
            receive, send = ctx.Pipe(duplex=False)
            process = ctx.Process(
                target=_child, args=(send, fn, tasks[index], bounds, expected), daemon=True
            )
            process.start()
            send.close()
            running[index] = (process, receive, time.monotonic())
        waitables = [conn for _, conn, _ in running.values()]
        deadline = min(start for _, _, start in running.values()) + bounds.seconds
        multiprocessing.connection.wait(waitables, timeout=max(0.0, deadline - time.monotonic()))
        for index in list(running):
            process, conn, start = running[index]
            outcome = _collect(process, conn, start, bounds)
            if outcome is not None:
                results[index] = outcome
                del running[index]
                if on_done:
                    on_done(index)
    return [r for r in results if r is not None]


def _collect(process: Any, conn: Any, start: float, bounds: Bounds) -> Outcome[Any] | None:
    """The child's outcome once it has one; None while it is still working."""
    if conn.poll():
        try:
            status, payload = conn.recv()
        except (EOFError, OSError):
            status, payload = "crash", None
        except Exception:  # the result could not be unpickled
            status, payload = "internal", None
        _reap(process, conn)
        if status == "ok":
            return Outcome(payload, None)
        return Outcome(None, _failure(status, payload, bounds))
    if not process.is_alive():
        _reap(process, conn)
        return Outcome(None, _failure("crash", None, bounds))
    if time.monotonic() - start >= bounds.seconds:
        process.kill()
        _reap(process, conn)
        return Outcome(None, _failure("timeout", None, bounds))
    return None


def _reap(process: Any, conn: Any) -> None:
    conn.close()
    process.join(timeout=5)
    if process.is_alive():
        process.kill()
        process.join()


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


def _child(
    send: Any,
    fn: Callable[[Any], Any],
    task: Any,
    bounds: Bounds,
    expected: tuple[type[BaseException], ...],
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _limit_memory(bounds.memory_mb)
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
        send.send(message)
    except Exception:  # a result that cannot be pickled is an internal error
        send.send(("internal", None))
    finally:
        send.close()
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
