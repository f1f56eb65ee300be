"""Robustness and safety: every file is judged alone, work is bounded, nothing is written.

What must hold (the robustness issue and CONTRACT.md): a file that cannot be read becomes
an entry in `errors` with a plain, specific message and the rest of the packet is still
checked; a PDF that opens with an empty user password is read; per-file limits give
"too large"/"too complex" and can be changed with `--limit NAME=VALUE`; the packet folder
is never changed; no network; no traceback, exit codes 0/1/2 only, and messages never
quote page text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carcheck.engine import Settings, check_packet
from carcheck.limits import DEFAULT_LIMITS
from carcheck.report import Format
from tests import badinputs as bad
from tests.conftest import SHARED, Result, shared
from tests.pdfs import AS_OF, SEROLOGY, complete_packet, make_pdf

ROOT = Path(__file__).resolve().parents[1]
CORPUS = SHARED / "corpus"
JSON = ["--format", "json", "--as-of", AS_OF]
AS_OF_DATE = dt.date.fromisoformat(AS_OF)

# What a message may say when the reader itself failed rather than the file: not specific.
VAGUE = ("internal error", "stopped unexpectedly")


# --- helpers --------------------------------------------------------------------------


def report_of(result: Result, schema: Any) -> dict[str, Any]:
    report = json.loads(result.stdout)
    schema.validate(report)
    return report


def doc_files(packet: dict[str, Any]) -> set[str]:
    return {d["file"] for d in packet["documents"]}


def error_map(packet: dict[str, Any]) -> dict[str, str]:
    return {e["file"]: e["message"] for e in packet["errors"]}


def statuses(packet: dict[str, Any]) -> dict[str, str]:
    return {item["id"]: item["status"] for item in packet["items"]}


def assert_accounted(packet: dict[str, Any], names: set[str]) -> None:
    """Each name is in documents or in errors, never neither; no other file is reported."""
    seen = doc_files(packet) | set(error_map(packet))
    missing = sorted(names - seen)
    assert not missing, f"files in neither documents nor errors: {missing}"
    assert seen <= names, f"reported files that are not in the packet: {sorted(seen - names)}"


def assert_plain_errors(packet: dict[str, Any]) -> None:
    for file, message in error_map(packet).items():
        assert message.strip(), f"{file}: empty message"
        assert not message.lower().startswith(VAGUE), f"{file}: not a specific message: {message}"


def snapshot(folder: Path) -> dict[bytes, tuple]:
    """Every entry below `folder` (links not followed, hidden ones too): metadata and content."""
    state: dict[bytes, tuple] = {}
    base = os.fsencode(folder)
    for dirpath, dirs, files in os.walk(base, followlinks=False):
        for name in [b"", *dirs, *files]:
            path = os.path.join(dirpath, name) if name else dirpath
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                content: Any = os.readlink(path)
            elif stat.S_ISREG(info.st_mode):
                with open(path, "rb") as fh:
                    content = hashlib.sha256(fh.read()).hexdigest()
            else:
                content = None
            key = os.path.relpath(path, base)
            state[key] = (
                info.st_mode,
                info.st_size,
                info.st_mtime_ns,
                info.st_ctime_ns,
                content,
            )
    return state


def checked(proc: subprocess.CompletedProcess[bytes], what: str) -> Result:
    """The checks `run_cli` makes, for runs it cannot make (another user, a patched socket)."""
    stdout = proc.stdout.decode("utf-8")
    stderr = proc.stderr.decode("utf-8")
    assert "Traceback" not in stderr, f"{what} printed a traceback:\n{stderr}"
    assert proc.returncode in (0, 1, 2), f"{what} exited {proc.returncode}:\n{stderr}"
    return Result(proc.returncode, stdout, stderr)


def check_in_process(packet: Path, jobs: int = 1, **limits: int) -> dict[str, Any]:
    """check_packet called directly (no interpreter start-up): documents and errors."""
    report = check_packet(
        packet, Settings(as_of=AS_OF_DATE, jobs=jobs, limits=replace(DEFAULT_LIMITS, **limits))
    )
    return {
        "documents": [{"file": d.file} for d in report.documents],
        "errors": [{"file": e.file, "message": e.message} for e in report.errors],
        "complete": report.complete,
    }


# --- 1. the public corpus ---------------------------------------------------------------

PASSWORD_PROTECTED = [
    "malformed/pdfplumber-password-test.pdf",
    "malformed/pypdf-crazyones-aes256-pw-password.pdf",
    "malformed/qpdf-enc-r2-rc4-40-user-view.pdf",
]
EMPTY_USER_PASSWORD = [
    "malformed/pypdf-r4-owner-only.pdf",
    "malformed/pdfjs-empty-protected-owner-only.pdf",
    "signed/qpdf-signed-encrypted-restricted.pdf",
    "signed/pikepdf-form-dd0293-empty-sig.pdf",
]
CORPUS_ERRORS = {
    "malformed/pdfplumber-empty-0-bytes.pdf": "empty",
    "malformed/qpdf-bad1-not-a-pdf.pdf": "not a PDF",
    "malformed/qpdf-zero-pages.pdf": "no pages",
    "malformed/ocrmypdf-hugemono.pdf": "too large",
    **dict.fromkeys(PASSWORD_PROTECTED, "password"),
}


@pytest.fixture(scope="module")
def corpus(run_cli, schema) -> dict[str, dict[str, Any]]:
    """Every corpus file as its own packet, in one run: its corpus-relative name -> packet."""
    shared("corpus")
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    result = run_cli(["check", *files, *JSON], timeout=300)
    assert result.code in (0, 1), result.stderr
    report = report_of(result, schema)
    assert len(report["packets"]) == len(files)
    found = {}
    for path, packet in zip(files, report["packets"], strict=True):
        assert packet["path"] == str(path)
        found[path.relative_to(CORPUS).as_posix()] = packet
    return found


def test_corpus_every_file_is_in_documents_or_errors(corpus):
    neither = [
        name
        for name, packet in corpus.items()
        if Path(name).name not in doc_files(packet) | set(error_map(packet))
    ]
    assert not neither, f"corpus files in neither documents nor errors: {neither}"
    for name, packet in corpus.items():
        if packet["errors"]:
            assert packet["complete"] is False, name


def test_corpus_error_messages_are_specific(corpus):
    """A file's error says what is wrong with it, not that the reader failed."""
    vague = {
        name: message
        for name, packet in corpus.items()
        for message in error_map(packet).values()
        if not message.strip() or message.lower().startswith(VAGUE)
    }
    assert not vague, f"errors that do not say what is wrong with the file: {vague}"


@pytest.mark.parametrize("name,says", sorted(CORPUS_ERRORS.items()))
def test_corpus_unreadable_file_says_why(corpus, name, says):
    packet = corpus[name]
    file = Path(name).name
    errors = error_map(packet)
    assert file in errors, f"{name} was read: {packet['documents']}"
    assert says.lower() in errors[file].lower(), errors[file]
    assert file not in doc_files(packet)


@pytest.mark.parametrize("name", EMPTY_USER_PASSWORD)
def test_corpus_pdf_with_empty_user_password_is_read(corpus, name):
    packet = corpus[name]
    file = Path(name).name
    assert file in doc_files(packet)
    assert file not in error_map(packet), error_map(packet)[file]


def test_corpus_images_are_read_page_by_page(corpus):
    """PNG and TIFF files are documents read by OCR, every frame a page (issue 4)."""
    images = [n for n in corpus if n.lower().endswith((".png", ".tif", ".tiff"))]
    assert len(images) >= 6
    for name in images:
        file = Path(name).name
        assert file not in error_map(corpus[name]), error_map(corpus[name])[file]
        documents = [d for d in corpus[name]["documents"] if d["file"] == file]
        assert documents and all(d["ocr"] for d in documents), name
    pages = {
        name: sorted(p for d in corpus[name]["documents"] for p in d["pages"]) for name in images
    }
    assert pages["scanned/pillow-g4-multipage.tiff"] == [1, 2, 3]
    assert pages["scanned/pillow-fax-g3-3pages.tif"] == [1, 2, 3]
    assert pages["scanned/pillow-pport-g4.tif"] == [1]


# --- 2. generated bad inputs -------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """The generated packets, built once. `outside` holds files outside every packet."""
    root = tmp_path_factory.mktemp("robust")
    outside = root / "outside"
    outside.mkdir()

    # A complete packet with one of each kind of bad file beside it.
    mixed = complete_packet(root / "mixed")
    (mixed / "empty.pdf").write_bytes(b"")
    (mixed / "notice.pdf").write_bytes(bad.HTML_PAGE)
    (mixed / "notes.txt").write_text("call back\n", encoding="utf-8")
    bad.encrypted_pdf(mixed / "encrypted-user.pdf", owner="o", user="u")
    bad.encrypted_pdf(mixed / "encrypted-owner-only.pdf", owner="o")
    (mixed / "huge-image.pdf").write_bytes(bad.huge_image_pdf())
    (mixed / "no-pages.pdf").write_bytes(bad.zero_page_pdf())
    letter = (mixed / "letter.pdf").read_bytes()
    (mixed / "sub").mkdir()
    (mixed / "sub" / "truncated.pdf").write_bytes(letter[: len(letter) // 2])
    (outside / "serology.pdf").write_bytes((mixed / "serology.pdf").read_bytes())
    os.symlink(outside / "serology.pdf", mixed / "link-out.pdf")
    os.symlink("../outside/serology.pdf", mixed / "link-out-relative.pdf")
    os.symlink("loop-b.pdf", mixed / "loop-a.pdf")
    os.symlink("loop-a.pdf", mixed / "loop-b.pdf")
    os.symlink("letter.pdf", mixed / "link-in.pdf")
    os.symlink("no-such-file.pdf", mixed / "dangling.pdf")
    (mixed / ".hidden.pdf").write_bytes(bad.HTML_PAGE)  # skipped
    (mixed / "~$lock.pdf").write_bytes(b"\0lock\0")  # skipped

    # Truncated copies of one PDF beside the intact one.
    truncated = root / "truncated"
    truncated.mkdir()
    (truncated / "intact.pdf").write_bytes(letter)
    for name, cut in bad.cut_points(letter).items():
        (truncated / f"cut-{name}.pdf").write_bytes(letter[:cut])

    # Damaged PDFs whose page text is a marker that must never be printed.
    secret = root / "secret"
    secret.mkdir()
    for name, data in bad.secret_pdfs().items():
        (secret / name).write_bytes(data)

    pages = root / "pages"
    bad.two_page_pdf(pages / "two-pages.pdf")
    make_pdf(pages / "one-page.pdf", [SEROLOGY])

    # Odd names: good PDFs and bad files (bad ones show in every format's error list).
    names = root / "names"
    names.mkdir()
    good = bad.pdf_bytes([SEROLOGY])
    for name in ("lab report.pdf", "sérologie 检查.pdf", "new\nline.pdf"):
        (names / name).write_bytes(good)
    bad.write_raw(names, b"bad\xff.pdf", good)
    for name in ("broken copy.pdf", "brisé 检查.pdf", "broken\nline.pdf"):
        (names / name).write_bytes(bad.HTML_PAGE)
    bad.write_raw(names, b"broken\xfe.pdf", bad.HTML_PAGE)

    return SimpleNamespace(
        root=root,
        outside=outside,
        mixed=mixed,
        mixed_before=snapshot(mixed),
        truncated=truncated,
        secret=secret,
        pages=pages,
        names=names,
    )


MIXED_GOOD = {"letter.pdf", "center.pdf", "serology.pdf", "pathology.pdf", "psychosocial.pdf"}
MIXED_BAD = {
    "empty.pdf": "empty",
    "notice.pdf": "not a PDF",
    "notes.txt": "unsupported",
    "encrypted-user.pdf": "password",
    "huge-image.pdf": "too large",
    "no-pages.pdf": "no pages",
    "sub/truncated.pdf": "damaged",
    "link-out.pdf": "outside the packet",
    "link-out-relative.pdf": "outside the packet",
    "loop-a.pdf": "loop",
    "loop-b.pdf": "loop",
    "dangling.pdf": "link",
}
MIXED_READ = MIXED_GOOD | {"encrypted-owner-only.pdf", "link-in.pdf"}


@pytest.fixture(scope="module")
def mixed(built, run_cli, schema) -> dict[str, Any]:
    result = run_cli(["check", built.mixed, *JSON])
    assert result.code == 1, result.stderr
    return report_of(result, schema)["packets"][0]


def test_bad_files_are_errors_and_the_rest_is_still_checked(mixed):
    assert_accounted(mixed, MIXED_READ | set(MIXED_BAD))
    assert_plain_errors(mixed)
    # The complete packet beside the bad files is still found and judged in full ...
    assert MIXED_READ <= doc_files(mixed)
    assert statuses(mixed) == {**dict.fromkeys("ABCDF", "present"), "E": "not_provided"}
    # ... but a packet with a file that could not be read is not complete.
    assert mixed["complete"] is False


@pytest.mark.parametrize("file,says", sorted(MIXED_BAD.items()))
def test_bad_file_message_is_specific(mixed, file, says):
    errors = error_map(mixed)
    assert file in errors, f"{file} not in errors (documents: {sorted(doc_files(mixed))})"
    assert says.lower() in errors[file].lower(), errors[file]
    assert file not in doc_files(mixed)


@pytest.mark.parametrize("file", ["encrypted-owner-only.pdf", "link-in.pdf"])
def test_owner_only_pdf_and_link_inside_the_packet_are_read(mixed, file):
    assert file in doc_files(mixed)
    assert file not in error_map(mixed)


def test_hidden_and_lock_files_are_skipped(mixed):
    reported = doc_files(mixed) | set(error_map(mixed))
    assert ".hidden.pdf" not in reported
    assert "~$lock.pdf" not in reported


def test_truncated_copies_are_each_accounted_for(built, run_cli, schema):
    result = run_cli(["check", built.truncated, *JSON])
    assert result.code == 1, result.stderr
    packet = report_of(result, schema)["packets"][0]
    names = {p.name for p in built.truncated.iterdir()}
    assert len(names) >= 15
    assert_accounted(packet, names)
    assert_plain_errors(packet)
    assert "intact.pdf" in doc_files(packet)
    assert statuses(packet)["A"] == "present"
    errors = error_map(packet)
    for cut in ("1-byte", "4-bytes", "header-only", "after-binary-comment"):
        assert f"cut-{cut}.pdf" in errors, f"cut-{cut}.pdf was read"
    assert "not a PDF" in errors["cut-1-byte.pdf"]
    assert packet["complete"] is False


# A small PDF, compressed and plain (uncompressed streams: flips hit operators and text).
FUZZ_BASES = {
    "compressed": bad.pdf_bytes([SEROLOGY]),
    "plain": bad.pdf_bytes([SEROLOGY], compress=False),
}


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    base=st.sampled_from(sorted(FUZZ_BASES)),
    changes=st.lists(
        st.tuples(st.integers(0, 1 << 20), st.integers(1, 255)), min_size=1, max_size=12
    ),
)
def test_random_byte_flips_never_raise_and_the_file_is_accounted_for(base, changes):
    data = bad.flip(FUZZ_BASES[base], changes)
    with tempfile.TemporaryDirectory() as folder:
        packet = Path(folder)
        (packet / "mutated.pdf").write_bytes(data)
        report = check_in_process(packet)
    assert_accounted(report, {"mutated.pdf"})
    assert_plain_errors(report)


@pytest.mark.parametrize(
    "limit,value,says",
    [
        ("chars", 10, "too complex"),
        ("objects", 1, "too complex"),
        ("page_inches", 5, "too large"),
        ("file_mb", 1, "too large"),
        ("image_megapixels", 1, "too large"),
    ],
)
def test_lowered_limit_makes_a_file_an_error(tmp_path, limit, value, says):
    if limit == "file_mb":
        data = bad.pdf_bytes([SEROLOGY]) + b"%" + b"x" * 1_100_000 + b"\n"
    elif limit == "image_megapixels":
        data = bad.huge_image_pdf(2_000, 1_000)  # 2 megapixels: read by default
    else:
        data = bad.pdf_bytes([SEROLOGY])
    (tmp_path / "file.pdf").write_bytes(data)
    # Within the default limits (the image-only page is a scan that needs OCR: not a limit).
    default = check_in_process(tmp_path)["errors"]
    assert not [e for e in default if "too " in e["message"]], default
    errors = error_map(check_in_process(tmp_path, **{limit: value}))
    assert says in errors.get("file.pdf", ""), errors
    assert str(value) in errors["file.pdf"], f"the message does not name the limit: {errors}"


def test_too_large_message_states_a_size_over_the_limit(tmp_path):
    """1.1 MB against a 1 MB limit must not read "1 MB (limit 1 MB)"."""
    (tmp_path / "file.pdf").write_bytes(bad.pdf_bytes([SEROLOGY]) + b"%" + b"x" * 1_100_000)
    message = error_map(check_in_process(tmp_path, file_mb=1)).get("file.pdf", "")
    found = re.search(r"(\d[\d,.]*)\s*MB\D*\(limit (\d+)", message)
    assert found, message
    assert float(found.group(1).replace(",", "")) > int(found.group(2)), message


def test_limit_option_pages_1_makes_a_two_page_pdf_an_error(built, run_cli, schema):
    result = run_cli(["check", built.pages, *JSON, "--limit", "pages=1"])
    assert result.code == 1, result.stderr
    packet = report_of(result, schema)["packets"][0]
    assert_accounted(packet, {"two-pages.pdf", "one-page.pdf"})
    message = error_map(packet).get("two-pages.pdf", "")
    assert "page" in message and re.search(r"\blimit\b\D*\b1\b", message), message
    assert "one-page.pdf" in doc_files(packet)


def test_damaged_file_messages_never_quote_page_text(built, run_cli, schema):
    for extra in ([], ["--debug"]):
        result = run_cli(["check", built.secret, *JSON, *extra])
        assert result.code == 1, result.stderr
        assert bad.SECRET not in result.stderr
        packet = report_of(result, schema)["packets"][0]
        assert_accounted(packet, {p.name for p in built.secret.iterdir()})
        assert packet["errors"], "no damaged file was reported"
        for message in error_map(packet).values():
            assert bad.SECRET not in message
    table = run_cli(["check", built.secret, "--as-of", AS_OF, "--debug"])
    assert bad.SECRET not in table.stderr


NO_NETWORK = """
import os, socket, sys

LOG = os.environ["CARCHECK_TEST_NET_LOG"]

def record(what):
    fd = os.open(LOG, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.write(fd, f"{os.getpid()} {what}\\n".encode())
    os.close(fd)

class NoSocket(socket.socket):
    # Local IPC (AF_UNIX: socketpair, multiprocessing pipes) is allowed; nothing else.

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if family != socket.AF_UNIX:
            record(f"socket{(family, type, proto, fileno)!r}")
            raise OSError("network disabled by the test")
        super().__init__(family, type, proto, fileno)

def refuse(name):
    def refused(*args, **kwargs):
        record(f"{name}{args!r}")
        raise OSError("network disabled by the test")
    return refused

socket.socket = NoSocket
socket.create_connection = refuse("create_connection")
socket.getaddrinfo = refuse("getaddrinfo")

from carcheck.cli import main
main(sys.argv[1:])
"""


def test_message_does_not_depend_on_the_file_read_before(tmp_path):
    """One file's message is about that file: a worker that read a password-protected PDF
    must not call the next unreadable file password-protected too."""
    bad.encrypted_pdf(tmp_path / "a-encrypted.pdf", owner="o", user="u")
    (tmp_path / "b-no-pages.pdf").write_bytes(bad.zero_page_pdf())
    together = error_map(check_in_process(tmp_path, jobs=1))
    alone = error_map(check_in_process(tmp_path / "b-no-pages.pdf", jobs=1))
    assert "password" in together["a-encrypted.pdf"]
    assert "password" not in together["b-no-pages.pdf"], together["b-no-pages.pdf"]
    assert together["b-no-pages.pdf"] == alone["b-no-pages.pdf"]


def test_no_network_is_used(built, schema, tmp_path):
    log = tmp_path / "sockets.log"
    proc = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, "check", str(built.mixed), *JSON],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        env={**os.environ, "CARCHECK_TEST_NET_LOG": str(log)},
        check=False,
    )
    result = checked(proc, "carcheck with sockets disabled")
    attempts = log.read_text() if log.exists() else ""
    assert not attempts, f"carcheck tried to use the network:\n{attempts}"
    assert result.code == 1, result.stderr
    packet = report_of(result, schema)["packets"][0]
    assert MIXED_READ <= doc_files(packet)
    assert set(MIXED_BAD) <= set(error_map(packet))


def _as_nobody() -> list[str] | None:
    """The command prefix that runs as `nobody`, or None when no tool can."""
    if shutil.which("setpriv"):
        return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    return None


def test_unreadable_file_is_permission_denied_and_the_rest_is_read(run_cli, schema):
    folder = Path(tempfile.mkdtemp(prefix="carcheck-robustness-"))
    try:
        os.chmod(folder, 0o755)
        packet = complete_packet(folder / "packet")
        (packet / "locked").mkdir()
        make_pdf(packet / "locked" / "inner.pdf", [SEROLOGY])
        make_pdf(packet / "secret.pdf", [SEROLOGY])
        for path in [packet, *packet.rglob("*")]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        os.chmod(packet / "secret.pdf", 0)
        os.chmod(packet / "locked", 0)
        args = ["check", str(packet), *JSON]
        if os.geteuid() != 0:
            result = run_cli(args)
        else:
            prefix = _as_nobody()
            if prefix is None:
                pytest.skip("running as root and neither setpriv nor runuser is installed")
            probe = subprocess.run(
                [*prefix, sys.executable, "-c", "import carcheck.cli, pdfplumber, pypdfium2"],
                cwd=ROOT,
                capture_output=True,
                timeout=60,
                check=False,
            )
            if probe.returncode != 0:
                pytest.skip(
                    "the user nobody cannot run this checkout's Python "
                    f"({sys.executable}, {ROOT}): {probe.stderr.decode(errors='replace')[-300:]}"
                )
            proc = subprocess.run(
                [*prefix, sys.executable, "-m", "carcheck", *args],
                cwd=ROOT,
                capture_output=True,
                timeout=120,
                check=False,
            )
            result = checked(proc, "carcheck as nobody")
        assert result.code == 1, result.stderr
        report = report_of(result, schema)["packets"][0]
        errors = error_map(report)
        assert "permission denied" in errors.get("secret.pdf", "").lower(), errors
        assert "permission denied" in errors.get("locked", "").lower(), errors
        assert MIXED_GOOD <= doc_files(report)
        assert statuses(report) == {**dict.fromkeys("ABCDF", "present"), "E": "not_provided"}
        assert report["complete"] is False
    finally:
        for path in (folder / "packet" / "secret.pdf", folder / "packet" / "locked"):
            if path.exists() or path.is_symlink():
                os.chmod(path, 0o755)
        shutil.rmtree(folder, ignore_errors=True)


# --- 3. file names ----------------------------------------------------------------------

ODD_GOOD = {"lab report.pdf", "sérologie 检查.pdf", "new\\nline.pdf", "bad\\xff.pdf"}
ODD_BAD = {"broken copy.pdf", "brisé 检查.pdf", "broken\\nline.pdf", "broken\\xfe.pdf"}


@pytest.mark.parametrize("fmt", [f.value for f in Format])
def test_odd_file_names_are_escaped_in_every_format(built, run_cli, schema, fmt):
    result = run_cli(["check", built.names, "--as-of", AS_OF, "--format", fmt])
    assert result.code == 1, result.stderr
    out = result.stdout
    # No raw newline inside a name, no undecodable byte (run_cli decodes strictly).
    assert "new\nline" not in out and "broken\nline" not in out
    if fmt == "json":
        packet = report_of(result, schema)["packets"][0]
        assert doc_files(packet) == ODD_GOOD
        assert set(error_map(packet)) == ODD_BAD
        for name in doc_files(packet) | set(error_map(packet)):
            assert name.isprintable(), repr(name)
        return  # JSON escapes non-ASCII too: checked on the parsed names above
    if fmt == "junit":
        root = ET.fromstring(out)
        names = {case.get("name", "") for case in root.iter("testcase")}
        for name in ODD_BAD:
            assert any(name in n for n in names), (name, names)
    # Every format lists the unreadable files by name, escaped (Markdown may double the
    # backslash).
    for name in ("broken copy.pdf", "brisé 检查.pdf"):
        assert name in out, name
    assert re.search(r"broken\\+nline\.pdf", out), out
    assert re.search(r"broken\\+xfe\.pdf", out), out


# --- 4. the packet folder is never changed -----------------------------------------------


def test_packet_folder_is_unchanged_after_every_format(built, run_cli, mixed):
    # `mixed` (the JSON run) has already run; now every other format, and a file output.
    for fmt in Format:
        run_cli(["check", built.mixed, "--as-of", AS_OF, "--format", fmt.value])
    report = built.outside / "report.md"
    run_cli(["check", built.mixed, "--as-of", AS_OF, "--format", "markdown", "-o", report])
    assert report.exists()
    after = snapshot(built.mixed)
    assert sorted(after) == sorted(built.mixed_before), "files were added or removed"
    changed = sorted(k for k in after if after[k] != built.mixed_before[k])
    assert not changed, f"changed: {changed}"


def test_scanned_pages_without_text_are_reported_not_silently_missing(tmp_path):
    """A page that is only an image needs OCR: unread, the file is named in errors with its
    pages (here a page of solid black, where OCR finds nothing to read)."""
    (tmp_path / "scan.pdf").write_bytes(bad.huge_image_pdf(1_700, 2_200))
    (tmp_path / "lab.pdf").write_bytes(bad.pdf_bytes([SEROLOGY]))
    report = check_in_process(tmp_path)
    errors = error_map(report)
    assert errors["scan.pdf"].startswith("page 1: scanned") and "OCR" in errors["scan.pdf"]
    assert "lab.pdf" not in errors
    assert report["complete"] is False
