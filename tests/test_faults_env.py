"""Environment faults: no home folder, a standard output that cannot encode a file name.

carcheck runs where scripts run it: under a service account with no passwd entry and no
HOME, in a C or ASCII locale. Neither may make a run fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from carcheck import ocrcache
from tests.conftest import ROOT
from tests.pdfs import AS_OF, SEROLOGY, complete_packet, make_pdf

JSON = ["--format", "json", "--as-of", AS_OF]
NO_HOME_NOTE = "carcheck: note: no home folder to keep the OCR cache in"


def test_no_home_and_no_passwd_entry_means_no_cache(monkeypatch):
    for name in ("CARCHECK_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)

    def no_home(cls: type) -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", classmethod(no_home))
    assert ocrcache.default_folder() is None


def _uid_without_passwd_entry() -> int | None:
    import pwd

    for uid in range(4242, 4300):
        try:
            pwd.getpwuid(uid)
        except KeyError:
            return uid
    return None


@pytest.fixture
def stranger() -> Iterator[tuple[list[str], Path]]:
    """A command prefix that runs as a uid with no passwd entry and a folder it may read."""
    uid = _uid_without_passwd_entry()
    if os.geteuid() != 0 or not shutil.which("setpriv") or uid is None:
        pytest.skip("needs root and setpriv to run as a uid without a passwd entry")
    prefix = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import carcheck.cli"],
        cwd=ROOT, capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    if probe.returncode != 0:
        pytest.skip(f"uid {uid} cannot run this checkout's Python")
    folder = Path(tempfile.mkdtemp(prefix="carcheck-faults-"))
    os.chmod(folder, 0o755)
    try:
        yield prefix, folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _as(prefix: list[str], args: list[str]) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    for name in ("CARCHECK_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        env.pop(name, None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "carcheck", *args],
        cwd=ROOT, env=env, capture_output=True, timeout=120, check=False,
    )  # fmt: skip


def test_no_home_under_a_uid_without_passwd_entry_runs_with_a_note(stranger):
    prefix, folder = stranger
    packet = complete_packet(folder / "packet")
    for path in [packet, *packet.iterdir()]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    proc = _as(prefix, ["check", str(packet), *JSON])
    stderr = proc.stderr.decode()
    assert "internal error" not in stderr and "Traceback" not in stderr
    assert proc.returncode == 0, stderr
    assert stderr.startswith(NO_HOME_NOTE) and len(stderr.splitlines()) == 1
    assert json.loads(proc.stdout)["packets"][0]["complete"] is True


def test_a_packet_behind_a_folder_that_may_not_be_entered_is_a_usage_error(stranger):
    prefix, folder = stranger
    packet = complete_packet(folder / "locked" / "packet")
    os.chmod(folder / "locked", 0o700)
    proc = _as(prefix, ["check", str(packet), *JSON])
    stderr = proc.stderr.decode()
    assert proc.returncode == 2, stderr
    assert stderr == f"carcheck: error: cannot open {packet}: Permission denied\n"


@pytest.fixture(scope="module")
def foreign_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A complete packet with one file whose name is not ASCII."""
    packet = complete_packet(tmp_path_factory.mktemp("faults-env") / "packet")
    make_pdf(packet / "sérologie 检查.pdf", [SEROLOGY])
    return packet


@pytest.mark.parametrize("fmt", ["table", "markdown", "junit", "json"])
def test_an_ascii_stdout_gets_what_it_cannot_encode_escaped(run_cli, foreign_names, fmt):
    result = run_cli(
        ["check", foreign_names, "--as-of", AS_OF, "--format", fmt],
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert "internal error" not in result.stderr
    assert result.code == 0, result.stderr
    result.stdout.encode("ascii")  # nothing else got through
    if fmt == "markdown":
        assert "s\\xe9rologie \\u68c0\\u67e5.pdf" in result.stdout
    if fmt == "table":
        assert "COMPLETE" in result.stdout


def test_a_latin_1_stdout_gets_what_it_cannot_encode_escaped(foreign_names):
    proc = subprocess.run(
        [sys.executable, "-m", "carcheck", "check", str(foreign_names), "--as-of", AS_OF,
         "--format", "markdown"],
        cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": "latin-1"}, capture_output=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert "sérologie \\u68c0\\u67e5.pdf" in proc.stdout.decode("latin-1")


def test_a_c_locale_is_no_problem(run_cli, foreign_names):
    result = run_cli(
        ["check", foreign_names, "--as-of", AS_OF, "--format", "markdown"],
        env={"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    )
    assert "internal error" not in result.stderr
    assert result.code == 0, result.stderr
