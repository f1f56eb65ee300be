"""Process faults: signals to carcheck, its workers and their Tesseract runs, descriptors.

A calling script must never hang on carcheck: whatever stops the main process (SIGINT,
SIGTERM, SIGKILL) stops its workers and their children, and no worker keeps the caller's
standard output open. A hung OCR run is simulated by a fake `tesseract` that records its
process id and sleeps, so no test depends on how fast anything is.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from carcheck import workers
from tests.conftest import ROOT
from tests.pdfs import AS_OF, SEROLOGY, complete_packet, make_pdf

JSON = ["--format", "json", "--as-of", AS_OF]
LINUX = sys.platform.startswith("linux")
# How long a test waits for something that happens at once when all is well.
PATIENCE = 60.0

pytestmark = pytest.mark.skipif(not LINUX, reason="process checks read /proc (Linux)")


# --- helpers --------------------------------------------------------------------------


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid:
            found.append(int(entry.name))
    return found


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"still not so after {PATIENCE:g} s: {what}")
        time.sleep(0.05)


class FakeTesseract:
    """A `tesseract` on PATH that never finishes a page; it records each run's pid."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.pids_file = folder / "pids"
        self.pids_file.write_text("")
        script = folder / "tesseract"
        script.write_text(
            "#!/bin/sh\n"
            'case "$1" in\n'
            "  --list-langs) printf 'List of available languages (2):\\neng\\nosd\\n'; exit 0;;\n"
            "  --version) echo 'tesseract 5.3.0 (hangs, for tests)'; exit 0;;\n"
            "esac\n"
            'echo $$ >> "$FAKE_TESSERACT_PIDS"\n'
            "exec sleep 300\n"
        )
        script.chmod(0o755)
        self.env = {
            **os.environ,
            "PATH": f"{folder}:{os.environ['PATH']}",
            "FAKE_TESSERACT_PIDS": str(self.pids_file),
        }

    def pids(self) -> list[int]:
        return [int(p) for p in self.pids_file.read_text().split()]

    def stop_all(self) -> None:
        """Kill, by their ids, the runs a test left (only after it has looked)."""
        for pid in self.pids():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


@pytest.fixture
def scans(tmp_path: Path) -> Path:
    """Two image files, each a page for OCR: with --jobs 2, both workers are in OCR."""
    folder = tmp_path / "scans"
    folder.mkdir()
    for name in ("one.png", "two.png"):
        Image.new("L", (170, 220), 255).save(folder / name, dpi=(20, 20))
    return folder


@pytest.fixture
def fake(tmp_path: Path) -> Iterator[FakeTesseract]:
    tesseract = FakeTesseract(tmp_path / "bin")
    yield tesseract
    tesseract.stop_all()


def start(args: list[str | Path], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """carcheck as a foreground command, whatever this test run inherited: a job started
    in the background of a shell without job control ignores SIGINT, and so would it."""
    return subprocess.Popen(
        [sys.executable, "-m", "carcheck", *(str(a) for a in args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def in_ocr(proc: subprocess.Popen[bytes], fake: FakeTesseract, count: int = 2) -> list[int]:
    """Wait until `count` workers are each in a Tesseract run; the workers' pids."""
    wait_until(lambda: len(fake.pids()) >= count or proc.poll() is not None, "OCR started")
    assert proc.poll() is None, proc.communicate()
    return children(proc.pid)


def finish(proc: subprocess.Popen[bytes], kids: list[int]) -> tuple[int, str, str]:
    """The caller's view: output read to its end (every holder of the pipe gone); `kids`,
    carcheck's workers, are killed by their ids if they outlive it."""
    try:
        out, err = proc.communicate(timeout=PATIENCE)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        for pid in kids:  # orphaned workers hold the pipes: they are not waited for again
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        pytest.fail("carcheck's standard output stayed open: a worker outlived it")
    return proc.returncode, out.decode(), err.decode()


# --- signals to carcheck -----------------------------------------------------------------


def test_sigkill_to_carcheck_takes_its_workers_and_frees_stdout(scans, fake):
    proc = start(["check", scans, *JSON, "--no-cache", "--jobs", "2"], fake.env)
    kids = in_ocr(proc, fake)
    assert len(kids) >= 2
    os.kill(proc.pid, signal.SIGKILL)
    code, _out, _err = finish(proc, kids)
    assert code == -signal.SIGKILL
    wait_until(lambda: not any(alive(k) for k in kids), "the workers died with carcheck")


def test_sigterm_stops_workers_and_their_tesseract_runs(scans, fake):
    proc = start(["check", scans, *JSON, "--no-cache", "--jobs", "2"], fake.env)
    kids = in_ocr(proc, fake)
    os.kill(proc.pid, signal.SIGTERM)
    code, out, err = finish(proc, kids)
    assert (code, out) == (143, "")
    assert err == "carcheck: terminated\n"
    wait_until(lambda: not any(alive(k) for k in kids), "the workers stopped")
    wait_until(lambda: not any(alive(p) for p in fake.pids()), "Tesseract runs stopped")


def test_sigint_exits_130_saying_interrupted_and_stops_tesseract(scans, fake):
    proc = start(["check", scans, *JSON, "--no-cache", "--jobs", "2"], fake.env)
    kids = in_ocr(proc, fake)
    os.kill(proc.pid, signal.SIGINT)
    code, out, err = finish(proc, kids)
    assert (code, out) == (130, "")
    assert err == "carcheck: interrupted\n"
    wait_until(lambda: not any(alive(p) for p in fake.pids()), "Tesseract runs stopped")


def test_a_worker_killed_by_the_backstop_takes_its_tesseract_with_it(run_cli, scans, fake):
    result = run_cli(
        ["check", scans, *JSON, "--no-cache", "--jobs", "2", "--limit", "seconds=2"],
        env={"PATH": fake.env["PATH"], "FAKE_TESSERACT_PIDS": str(fake.pids_file)},
    )
    assert result.code == 1, result.stderr
    errors = {e["file"]: e["message"] for e in json.loads(result.stdout)["packets"][0]["errors"]}
    assert set(errors) == {"one.png", "two.png"}
    assert all("took longer than 2 s" in m for m in errors.values()), errors
    assert fake.pids()
    wait_until(lambda: not any(alive(p) for p in fake.pids()), "Tesseract runs were killed")


# --- what a worker holds -----------------------------------------------------------------


def _what_i_hold(_task: int) -> tuple[int, int, tuple[int, int]]:
    """In a worker: its socket descriptors, whether it leads its own process group, and
    what its standard output is."""
    sockets = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            sockets += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
        except OSError:
            continue
    out = os.fstat(1)
    return sockets, int(os.getpgid(0) == os.getpid()), (out.st_dev, out.st_ino)


def test_each_worker_holds_only_its_own_pipe_not_stdout_and_leads_its_group():
    null = os.stat(os.devnull)
    outcomes = workers.run(_what_i_hold, [0, 1, 2], jobs=3)  # three workers, started in turn
    held = [o.value for o in outcomes]
    assert all(h is not None for h in held), outcomes
    # Before: each worker also held its parent's end and every earlier sibling's.
    assert [h[0] for h in held if h] == [1, 1, 1]
    assert [h[1] for h in held if h] == [1, 1, 1]
    assert [h[2] for h in held if h] == [(null.st_dev, null.st_ino)] * 3


# --- descriptors and standard output ---------------------------------------------------------


def _low_open_files() -> None:
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))


def test_jobs_past_the_open_files_limit_are_clamped(tmp_path):
    packet = tmp_path / "many"
    for n in range(30):
        make_pdf(packet / f"serology-{n:02}.pdf", [SEROLOGY])
    proc = subprocess.run(
        [sys.executable, "-m", "carcheck", "check", str(packet), *JSON, "--jobs", "600"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        preexec_fn=_low_open_files,
        check=False,
    )
    stderr = proc.stderr.decode()
    assert proc.returncode == 1, stderr  # serologies alone are not a complete packet
    assert stderr == ""
    report = json.loads(proc.stdout)["packets"][0]
    assert report["errors"] == []
    assert len(report["documents"]) == 30


def _closed_stdout(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["sh", "-c", 'exec "$0" -m carcheck "$@" >&-', sys.executable, *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )


def test_closed_stdout_is_a_usage_error_without_tracebacks(tmp_path):
    packet = complete_packet(tmp_path / "packet")
    proc = _closed_stdout(["check", str(packet), *JSON, "--jobs", "2"])
    stderr = proc.stderr.decode()
    assert "Traceback" not in stderr
    assert proc.returncode == 2
    assert (
        stderr == "carcheck: error: standard output is closed: give --output PATH for the report\n"
    )


def test_closed_stdout_with_output_writes_the_report(tmp_path, schema):
    packet = complete_packet(tmp_path / "packet")
    target = tmp_path / "report.json"
    proc = _closed_stdout(["check", str(packet), *JSON, "--jobs", "2", "-o", str(target)])
    assert (proc.returncode, proc.stderr.decode()) == (0, "")
    schema.validate(json.loads(target.read_text(encoding="utf-8")))


# --- results ---------------------------------------------------------------------------------


def _refuse() -> None:
    raise ValueError("this result cannot be rebuilt")


class _Unreadable:
    """Pickles in the worker; rebuilding it in this process raises."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (_refuse, ())


def _unreadable_first(k: int) -> object:
    return _Unreadable() if k == 0 else k * 10


def test_a_result_this_process_cannot_read_fails_alone_and_the_worker_goes_on():
    """A worker's result is unpickled here after its next task is handed out: one that
    cannot be read is that task's internal error, and the same worker's next results arrive."""
    seen: list[int] = []
    outcomes = workers.run(
        _unreadable_first, [0, 1, 2], jobs=1, on_done=lambda k, _: seen.append(k)
    )
    assert outcomes[0].failure is not None and outcomes[0].failure.kind == "internal"
    assert [o.value for o in outcomes[1:]] == [10, 20]
    assert seen == [0, 1, 2]


# --- the time limit holds per file, over all its work ----------------------------------------


def _sleep(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def test_a_groups_tasks_share_its_time_and_other_groups_keep_theirs():
    """Six tasks of 0.4 s in one group with 1 s between them: the group runs out after
    two or three, each task well within the limit on its own; the other group's task runs."""
    budget = workers.Budget(1.0)
    tasks = [0.4] * 6 + [0.1]
    outcomes = workers.run(
        _sleep, tasks, jobs=1, bounds=workers.Bounds(seconds=5), budget=budget,
        group=lambda k: "other" if k == 6 else "file",
    )  # fmt: skip
    ran = [o.failure is None for o in outcomes[:6]]
    assert ran[0] and ran[1], outcomes  # 0.8 s spent: within the group's second
    assert not ran[3] and not ran[4] and not ran[5], outcomes
    assert all("took longer than" in o.failure.message for o in outcomes[3:6] if o.failure)
    assert outcomes[6].value == 0.1
    assert 0.8 <= budget.spent["file"] <= 1.5


def test_a_running_task_is_stopped_when_its_group_runs_out():
    """Two tasks of one group run side by side: they share the group's seconds, so both are
    stopped once together they have had them, though each alone had less than its limit."""
    budget = workers.Budget(1.0)
    outcomes = workers.run(
        _sleep, [30.0, 30.0], jobs=2, bounds=workers.Bounds(seconds=20), budget=budget,
        group=lambda k: "file",
    )  # fmt: skip
    assert all(o.failure is not None and o.failure.kind == "timeout" for o in outcomes)
    assert budget.spent["file"] < 5


class SlowTesseract(FakeTesseract):
    """A `tesseract` that takes a second a run and reads nothing."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        script = folder / "tesseract"
        script.write_text(script.read_text().replace("exec sleep 300", "sleep 1"))


def test_a_many_page_scan_gets_the_files_time_not_each_pages(run_cli, tmp_path):
    """A 10-frame TIFF whose pages each take about a second by OCR, under seconds=4: the
    file stops at its limit (each page alone would be within it); the run goes on."""
    packet = tmp_path / "packet"
    packet.mkdir()
    frames = [Image.new("L", (170, 220), 255) for _ in range(10)]
    frames[0].save(packet / "scan.tif", save_all=True, append_images=frames[1:], dpi=(20, 20))
    make_pdf(packet / "serology.pdf", [SEROLOGY])
    slow = SlowTesseract(tmp_path / "bin")
    result = run_cli(
        ["check", packet, *JSON, "--no-cache", "--jobs", "1", "--limit", "seconds=4"],
        env={"PATH": slow.env["PATH"], "FAKE_TESSERACT_PIDS": str(slow.pids_file)},
    )
    assert result.code == 1, result.stderr
    report = json.loads(result.stdout)["packets"][0]
    errors = {e["file"]: e["message"] for e in report["errors"]}
    assert "took longer than 4 s" in errors.get("scan.tif", ""), errors
    assert len(slow.pids()) < 10  # not every page was tried
    assert any(d["file"] == "serology.pdf" for d in report["documents"])


def test_this_process_stops_its_own_work_on_a_file_at_the_files_deadline(tmp_path):
    """Putting a long file's pages together happens here, not in a worker: it is bounded
    by the same deadline, checked page by page and document by document."""
    from carcheck import engine, ingest
    from carcheck.limits import DEFAULT_LIMITS

    packet = complete_packet(tmp_path / "packet")
    source = next(s for s in ingest.collect(packet, DEFAULT_LIMITS)[0] if s.rel.endswith(".pdf"))
    reads = engine.read_chunk(engine.Chunk(source))
    with pytest.raises(engine.TimeLimit):
        engine.documents_of(source.rel, reads, deadline=time.monotonic() - 1)
    assert engine.documents_of(source.rel, reads, deadline=time.monotonic() + 60)
