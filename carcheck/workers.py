"""Worker processes: each task runs in its own child with memory and time bounds.

One hostile file must not hang, crash or exhaust the checker: a child that runs out of
memory, dies or overstays the wall-clock backstop is reported as a failure of that task
alone. The same mechanism runs tasks in parallel (`jobs`), in a deterministic order.

Workers never outlive the run: each leads its own process group (so the children it
starts, Tesseract, are killed with it), asks Linux to kill it when the main process dies
(PR_SET_PDEATHSIG), and holds no pipe end but its own (so a worker whose parent is gone
sees the end of its pipe) and not the caller's standard input or output.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import sys
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from carcheck.errors import UsageError
from carcheck.ingest import DISAPPEARED

T = TypeVar("T")
R = TypeVar("R")

log = logging.getLogger(__name__)

# Descriptors the main process keeps per worker (its pipe end and the process sentinel,
# and two more while one starts), and those kept back for the main process's own files.
FDS_PER_WORKER = 4
FDS_RESERVED = 32
# The longest single wait for a worker, whatever the time limit (a wait takes no more).
LONGEST_WAIT = 3600.0


@dataclass(frozen=True, slots=True)
class Bounds:
    """What a child may use: address space (MiB) and wall-clock seconds (a backstop only)."""

    memory_mb: int = 2048
    seconds: float = 120.0


@dataclass(slots=True)
class Budget:
    """Seconds of work each group of tasks may take in all (a file's parts, its pages read
    by OCR and the caller's own work on it), across runs: `spent` keeps the account."""

    seconds: float
    spent: dict[Hashable, float] = field(default_factory=dict)

    def left(self, group: Hashable) -> float:
        return self.seconds - self.spent.get(group, 0.0)

    def charge(self, group: Hashable, seconds: float) -> None:
        self.spent[group] = self.spent.get(group, 0.0) + seconds


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
    budget: Budget | None = None,
    group: Callable[[int], Hashable] | None = None,
) -> list[Outcome[R]]:
    """`fn` over `tasks` in at most `jobs` worker processes; results in the tasks' order.

    Workers are reused from task to task (a fork per file costs more than reading a small
    file); one that dies, runs out of memory or overstays is replaced, and only its task
    fails. An exception of a type in `expected` becomes Failure("error", its message).

    With a `budget`, the tasks of one group (`group(index)`) share its seconds: the time
    they run is charged to it, a task of a group with none left fails without running, and
    the running tasks of a group that runs out are stopped.
    """
    if not tasks:
        return []
    ctx = _context()
    jobs = max(1, min(jobs, len(tasks), affordable_workers()))
    results: list[Outcome[R] | None] = [None] * len(tasks)
    pending = list(range(len(tasks)))
    idle: list[_Worker] = []
    busy: dict[int, tuple[_Worker, float]] = {}  # task index -> (worker, start)
    done: list[tuple[int, Outcome[R]]] = []  # outcomes whose callback is still to run
    try:
        while pending or busy or done:
            while pending and len(busy) < jobs:
                if idle:
                    worker = idle.pop()
                else:
                    siblings = [w for w, _ in busy.values()]
                    try:
                        worker = _Worker.start(ctx, fn, bounds, expected, siblings)
                    except OSError as exc:  # out of processes or descriptors
                        if not busy:
                            raise UsageError(
                                "cannot start a worker process "
                                f"({exc.strerror or 'operating system error'}); try a lower --jobs"
                            ) from None
                        jobs = len(busy)  # go on with the workers there are
                        break
                index = pending.pop(0)
                if budget is not None and group is not None and budget.left(group(index)) <= 0:
                    idle.append(worker)  # the task's group has no time left: not run
                    skipped: Outcome[R] = Outcome(None, _failure("timeout", None, bounds))
                    results[index] = skipped
                    done.append((index, skipped))
                    continue
                worker.send(tasks[index])
                busy[index] = (worker, time.monotonic())
            # Results are unpickled, and the callbacks run, once the idle workers have
            # their next tasks: a worker never waits while the caller works on a result.
            for index, finished in done:
                finished = _unpacked(finished, bounds)
                results[index] = finished
                if on_done:
                    on_done(index, finished)
            done = []
            if not busy:
                continue
            multiprocessing.connection.wait(
                [w.conn for w, _ in busy.values()] + [w.process.sentinel for w, _ in busy.values()],
                timeout=min(LONGEST_WAIT, _time_left(busy, bounds, budget, group)),
            )
            overdue = _overdue(busy, bounds, budget, group)
            for index in sorted(busy):
                worker, start = busy[index]
                outcome = _collect(worker, index in overdue, bounds, tasks[index])
                if outcome is None:
                    continue
                del busy[index]
                if budget is not None and group is not None:
                    budget.charge(group(index), time.monotonic() - start)
                if worker.process.is_alive():
                    idle.append(worker)
                else:
                    worker.close()
                done.append((index, outcome))
    finally:
        # Idle workers are told to stop; busy ones (an interrupt, an error) are killed
        # at once with their children rather than waited for.
        for worker in idle:
            worker.stop()
        for worker, _ in busy.values():
            worker.kill()
    return [r for r in results if r is not None]


def affordable_workers() -> int:
    """How many workers the open-files limit leaves room for (each costs descriptors)."""
    try:
        import resource

        soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return 1 << 16
    if soft == resource.RLIM_INFINITY or soft < 0:
        return 1 << 16
    try:
        used = len(os.listdir("/proc/self/fd"))
    except OSError:
        used = 16
    return max(1, (soft - used - FDS_RESERVED) // FDS_PER_WORKER)


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
        siblings: Sequence[_Worker] = (),
    ) -> _Worker:
        parent, child = ctx.Pipe(duplex=True)
        # The child closes what it inherits of the parent's side: its own pipe's other end
        # and its siblings' ends, or none of them would see a pipe close when the parent dies.
        inherited = [parent, *(s.conn for s in siblings)]
        _prctl()  # loaded here, so that the child needs no import to use it
        process = ctx.Process(
            target=_serve,
            args=(child, fn, bounds, expected, inherited, os.getpid()),
            daemon=True,
        )
        try:
            process.start()
        finally:
            child.close()
        try:
            os.setpgid(process.pid, process.pid)  # the child does too: whichever runs first
        except OSError:
            pass
        return cls(process, parent)

    def send(self, task: Any) -> None:
        self.conn.send(task)

    def close(self) -> None:
        self.conn.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.kill()

    def kill(self) -> None:
        """Kill the worker and every process it started (its process group), and reap it."""
        _kill_group(self.process.pid)
        self.process.kill()
        self.process.join()
        try:
            self.conn.close()
        except OSError:
            pass

    def stop(self) -> None:
        try:
            self.conn.send(_STOP)
        except (OSError, ValueError):
            pass
        self.close()


_STOP = "__carcheck_worker_stop__"


def _packed(status: str, payload: Any) -> bytes:
    """A worker's message: its status, then its payload pickled (read by _collect)."""
    return status.encode() + b"\0" + pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:  # gone already, or the group was never made
        pass


def _running(
    busy: dict[int, tuple[_Worker, float]], group: Callable[[int], Hashable]
) -> dict[Hashable, list[float]]:
    """The start times of the running tasks, by group."""
    running: dict[Hashable, list[float]] = {}
    for index, (_, start) in busy.items():
        running.setdefault(group(index), []).append(start)
    return running


def _time_left(
    busy: dict[int, tuple[_Worker, float]],
    bounds: Bounds,
    budget: Budget | None,
    group: Callable[[int], Hashable] | None,
) -> float:
    """Seconds until the first running task, or group of them, runs out of time."""
    now = time.monotonic()
    left = min(start for _, start in busy.values()) + bounds.seconds - now
    if budget is not None and group is not None:
        for key, starts in _running(busy, group).items():
            used = sum(now - start for start in starts)
            left = min(left, (budget.left(key) - used) / len(starts))
    return max(0.0, left)


def _overdue(
    busy: dict[int, tuple[_Worker, float]],
    bounds: Bounds,
    budget: Budget | None,
    group: Callable[[int], Hashable] | None,
) -> set[int]:
    """The running tasks out of time: their own, or their group's."""
    now = time.monotonic()
    late = {index for index, (_, start) in busy.items() if now - start >= bounds.seconds}
    if budget is not None and group is not None:
        for key, starts in _running(busy, group).items():
            if sum(now - start for start in starts) >= budget.left(key):
                late |= {index for index in busy if group(index) == key}
    return late


def _collect(
    worker: _Worker, overdue: bool, bounds: Bounds, task: Any = None
) -> Outcome[Any] | None:
    """The task's outcome once there is one; None while the worker is still on it. A
    value comes still pickled (see _unpacked): the worker's next task goes first."""
    if worker.conn.poll():
        payload: Any = None
        try:
            status_bytes, _, body = worker.conn.recv_bytes().partition(b"\0")
            status = status_bytes.decode()
            if status == "ok":
                return Outcome(_Pickled(body), None)
            payload = pickle.loads(body)
        except (EOFError, OSError):
            status = "crash"
        except Exception:  # the message could not be read
            status = "internal"
        if status in ("crash", "memory", "internal"):
            worker.kill()  # a worker that failed this way is not trusted again
        if status != "error" and _vanished(task):
            status, payload = "error", DISAPPEARED
        return Outcome(None, _failure(status, payload, bounds))
    if not worker.process.is_alive():  # killed mid-task (by the kernel, say)
        _kill_group(worker.process.pid)  # with any Tesseract run it left behind
        if _vanished(task):
            return Outcome(None, _failure("error", DISAPPEARED, bounds))
        return Outcome(None, _failure("crash", None, bounds))
    if overdue:
        worker.kill()
        return Outcome(None, _failure("timeout", None, bounds))
    return None


@dataclass(frozen=True, slots=True)
class _Pickled:
    """A worker's result as it came through the pipe."""

    data: bytes


def _unpacked(outcome: Outcome[Any], bounds: Bounds) -> Outcome[Any]:
    if not isinstance(outcome.value, _Pickled):
        return outcome
    try:
        return Outcome(pickle.loads(outcome.value.data), None)
    except Exception:  # noqa: BLE001 - a result that cannot be read is an internal error
        log.debug("a worker's result could not be unpickled", exc_info=True)
        return Outcome(None, _failure("internal", None, bounds))


def _vanished(task: Any) -> bool:
    """Whether the file a task reads (a task is a file, or has one as `source`) is gone."""
    for holder in (task, getattr(task, "source", None)):
        path = getattr(holder, "path", None)
        if isinstance(path, os.PathLike | str):
            return not os.path.lexists(path)
    return False


def timeout_message(seconds: float) -> str:
    """Why a file that ran out of time was not read, in words fit for a report."""
    return (
        f"took longer than {seconds:g} s to read (a last-resort time limit); the file "
        "may be damaged or too complex"
    )


def _failure(status: str, payload: Any, bounds: Bounds) -> Failure:
    if status == "error":
        return Failure("error", str(payload))
    if status == "memory":
        return Failure(
            "memory",
            f"too large: reading it needs more than the {bounds.memory_mb} MiB memory limit",
        )
    if status == "timeout":
        return Failure("timeout", timeout_message(bounds.seconds))
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
    inherited: Sequence[Any] = (),
    parent: int | None = None,
) -> None:
    """A worker's life: take a task, send back its outcome, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited
    _detach(inherited, parent)
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
            log.debug("internal error in a worker", exc_info=True)
            message = ("internal", None)
        if message[0] in ("error", "internal") and _vanished(task):
            message = ("error", DISAPPEARED)  # not the damage a missing file looks like
        try:
            conn.send_bytes(_packed(*message))
        except Exception:  # a result that cannot be pickled is an internal error
            try:
                conn.send_bytes(_packed("internal", None))
            except Exception:  # the parent is gone
                break
        if message[0] == "memory":
            break  # after running out of memory, start afresh
    try:
        conn.close()
    except OSError:
        pass
    if sys.stderr is not None:
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
    os._exit(0)  # skip the parent's atexit handlers and buffered state inherited by fork


def _detach(inherited: Sequence[Any], parent: int | None) -> None:
    """Cut what ties a new worker to the run beyond its own pipe; die with the parent."""
    for conn in inherited:
        try:
            conn.close()
        except OSError:
            pass
    try:
        os.setpgid(0, 0)  # its own process group: killing the group kills its Tesseract runs
    except OSError:
        pass
    prctl = _prctl()
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(0)  # the parent died before the request above was made
    # A worker never reads standard input or writes standard output; it must not hold
    # the caller's (a script waiting for the end of carcheck's output would wait for it).
    try:
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return
    for fd in (0, 1):
        try:
            os.dup2(null, fd)
        except OSError:
            pass
    if null > 2:
        os.close(null)


_PR_SET_PDEATHSIG = 1
_PRCTL: list[Any] = []  # [prctl or None], once looked up


def die_with_parent() -> None:
    """In a child about to exec: be killed when the process that started it dies (Linux).

    A Tesseract run outlives neither its worker nor carcheck: passed as `preexec_fn`.
    """
    prctl = _prctl()
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _prctl() -> Any:
    """libc's prctl on Linux, else None; looked up once, in the main process."""
    if not _PRCTL:
        found = None
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                found = ctypes.CDLL(None, use_errno=True).prctl
            except (OSError, AttributeError):
                found = None
        _PRCTL.append(found)
    return _PRCTL[0]


def _limit_memory(megabytes: int) -> None:
    try:
        import resource

        limit = megabytes * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError, OverflowError):  # the time bound remains
        pass


def _context() -> Any:
    # fork starts a child in milliseconds with every module already imported.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
