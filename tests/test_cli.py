"""The command line as CONTRACT.md states it: exit codes and output, asserted together.

Every command of this module is listed in `COMMANDS` and run once, in parallel, by the
`cli` fixture (each run is a fresh interpreter, most of its time spent importing); a
test looks its command up by name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from carcheck import __version__
from carcheck.report import Format
from tests.conftest import Result
from tests.pdfs import AS_OF, SEROLOGY, complete_packet, make_pdf, unsigned_packet

ITEM_IDS = ["A", "B", "C", "D", "E", "F"]
COMPLETE_VERDICT = re.compile(r"(?<!NOT )COMPLETE")
ALL_PRESENT = {**dict.fromkeys("ABCDF", "present"), "E": "not_provided"}

JSON = ["--as-of", AS_OF, "--format", "json"]

# Usage errors: command, and a word the one-line message must contain.
USAGE_ERRORS = {
    "no-such-path": (["check", "{root}/no-such-packet"], "no-such-packet"),
    # A newline and an undecodable byte in the name still make one printable line.
    "no-such-odd-path": (["check", "{root}/no\nsuch \udcff"], "such"),
    "impossible-date": (["check", "{complete}", "--as-of", "2026-13-01"], "2026-13-01"),
    "us-date": (["check", "{complete}", "--as-of", "10/15/2026"], "YYYY-MM-DD"),
    "bad-format": (["check", "{complete}", "--format", "xml"], "xml"),
    "unknown-option": (["check", "{complete}", "--no-such-option"], "--no-such-option"),
    "no-packet": (["check"], "at least one packet"),
}
# --output pointing inside a packet: refused, nothing written.
REFUSED_OUTPUTS = {
    "in-packet": ("{complete}", "{complete}/report.json"),
    "in-new-subfolder": ("{complete}", "{complete}/new-sub/report.json"),
    "via-dotdot": ("{complete}", "{out}/../complete/report.json"),
    "onto-the-packet-file": ("{complete}/letter.pdf", "{complete}/letter.pdf"),
}
# Options CONTRACT.md promises for `check`.
CONTRACT_OPTIONS = {
    "--product": ["--product", "Yescarta"],
    "--facility": ["--facility", "Example Cancer Center"],
    "--ocr": ["--ocr", "never"],
    "--jobs": ["--jobs", "1"],
    "--config": ["--config", "{out}/empty.toml"],
}

COMMANDS: dict[str, list[str]] = {
    **{
        f"complete-{fmt.value}": ["check", "{complete}", "--as-of", AS_OF, "--format", fmt.value]
        for fmt in Format
    },
    "unsigned-json": ["check", "{unsigned}", *JSON],
    "mixed-json": ["check", "{mixed}", *JSON],
    "mixed-json-again": ["check", "{mixed}", *JSON],
    "several": ["check", "{unsigned}", "{complete}", *JSON],
    "several-complete": ["check", "{complete}", "{complete}", "--as-of", AS_OF],
    "single-file": ["check", "{complete}/letter.pdf", *JSON],
    "default-as-of": ["check", "{complete}", "--format", "json"],
    "output-json": ["check", "{complete}", *JSON, "--output", "{out}/report.json"],
    "output-table": ["check", "{complete}", "--as-of", AS_OF, "-o", "{out}/report.txt"],
    "output-mixed-markdown": ["check", "{mixed}", "--format", "markdown", "-o", "{out}/mixed.md"],
    **{f"usage-{name}": args for name, (args, _says) in USAGE_ERRORS.items()},
    **{
        f"refused-{name}": ["check", packet, "--format", "json", "--output", target]
        for name, (packet, target) in REFUSED_OUTPUTS.items()
    },
    "version": ["--version"],
    "help": ["--help"],
    "check-help": ["check", "--help"],
    "rules": ["rules"],
    **{f"option{name}": ["check", "{complete}", *JSON, *o] for name, o in CONTRACT_OPTIONS.items()},
}


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file and folder below `folder` (hidden ones too): content hash and mtime."""
    state = {}
    for dirpath, _dirs, files in os.walk(folder):
        here = Path(dirpath)
        state[here.relative_to(folder).as_posix() + "/"] = ("", here.stat().st_mtime_ns)
        for name in files:
            path = here / name
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            state[path.relative_to(folder).as_posix()] = (digest, path.stat().st_mtime_ns)
    return state


@pytest.fixture(scope="module")
def packets(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """The packets of this module, built once; `out` is a folder outside every packet."""
    root = tmp_path_factory.mktemp("cli")
    complete = complete_packet(root / "complete")
    unsigned = unsigned_packet(root / "unsigned")

    # A complete packet plus what real upload folders hold besides PDFs.
    mixed = complete_packet(root / "mixed")
    make_pdf(mixed / "sub" / "serology-old.pdf", [SEROLOGY])  # nested: walked recursively
    make_pdf(mixed / ".hidden.pdf", [SEROLOGY])  # hidden file: skipped
    make_pdf(mixed / ".cache" / "inner.pdf", [SEROLOGY])  # inside a hidden folder: skipped
    (mixed / "~$x.pdf").write_bytes(b"\x00owner lock\x00")  # office lock file: skipped
    (mixed / "notes.txt").write_text("call the patient back\n", encoding="utf-8")
    (mixed / "empty.pdf").write_bytes(b"")
    (mixed / "fake.pdf").write_text(
        "<!DOCTYPE html><html><body>Session expired</body></html>\n", encoding="utf-8"
    )

    out = root / "out"
    out.mkdir()
    (out / "empty.toml").write_text("", encoding="utf-8")
    built = {name: snapshot(root / name) for name in ("complete", "unsigned", "mixed")}
    return SimpleNamespace(
        root=root, complete=complete, unsigned=unsigned, mixed=mixed, out=out, built=built
    )


@pytest.fixture(scope="module")
def batch(packets: SimpleNamespace, run_cli) -> SimpleNamespace:
    """Every command of `COMMANDS`, run once and in parallel: name -> Result (or its failure)."""
    where = {k: str(v) for k, v in vars(packets).items() if isinstance(v, Path)}

    def run(args: list[str]) -> Result | BaseException:
        try:
            return run_cli([a.format(**where) for a in args])
        except pytest.fail.Exception as exc:  # a traceback: fail the tests that use this run
            return exc

    days = {dt.date.today().isoformat()}
    with ThreadPoolExecutor(max_workers=max(2, min(8, os.cpu_count() or 2))) as pool:
        results = dict(zip(COMMANDS, pool.map(run, COMMANDS.values()), strict=True))
    days.add(dt.date.today().isoformat())
    return SimpleNamespace(results=results, days=days)


@pytest.fixture(scope="module")
def cli(batch: SimpleNamespace) -> Callable[[str], Result]:
    def result(name: str) -> Result:
        found = batch.results[name]
        if isinstance(found, BaseException):
            raise found
        return found

    return result


def report_of(result: Result) -> dict[str, Any]:
    return json.loads(result.stdout)


def statuses(packet: dict[str, Any]) -> dict[str, str]:
    return {item["id"]: item["status"] for item in packet["items"]}


def one_line(stderr: str) -> str:
    lines = stderr.strip("\n").splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
    return lines[0]


def packet_files(folder: Path) -> set[str]:
    """The files of a packet folder the contract says are read (not hidden, not `~$` locks)."""
    found = set()
    for dirpath, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith((".", "~$")):
                found.add((Path(dirpath) / name).relative_to(folder).as_posix())
    return found


# --- verdicts and exit codes -------------------------------------------------


@pytest.mark.parametrize("fmt", list(Format))
def test_complete_packet_exits_0_in_every_format(cli, fmt):
    result = cli(f"complete-{fmt.value}")
    assert result.code == 0, result.stderr
    assert result.stdout.strip()
    if fmt is Format.JSON:
        packet = report_of(result)["packets"][0]
        assert packet["complete"] is True
        assert statuses(packet) == ALL_PRESENT
    elif fmt is Format.JUNIT:
        suite = ET.fromstring(result.stdout).find("testsuite")
        assert suite is not None
        assert suite.findall("testcase/failure") == []
    else:
        assert COMPLETE_VERDICT.search(result.stdout)
        assert "NOT COMPLETE" not in result.stdout


def test_unsigned_letter_exits_1_with_a_incomplete(cli):
    result = cli("unsigned-json")
    assert result.code == 1
    packet = report_of(result)["packets"][0]
    assert packet["complete"] is False
    assert statuses(packet) == {**ALL_PRESENT, "A": "incomplete"}
    letter = packet["items"][0]
    assert "letter is not signed" in letter["reasons"]
    assert [d["signed"] for d in letter["documents"]] == [False]


@pytest.mark.parametrize("name", ["complete-json", "unsigned-json", "mixed-json", "several"])
def test_json_report_validates_against_the_schema(cli, schema, name):
    report = report_of(cli(name))
    schema.validate(report)
    assert report["tool"] == "carcheck"
    assert report["version"] == __version__
    assert report["as_of"] == AS_OF
    for packet in report["packets"]:
        assert [item["id"] for item in packet["items"]] == ITEM_IDS


# --- --output ----------------------------------------------------------------


def test_output_writes_json_and_nothing_to_stdout(cli, packets, schema):
    result = cli("output-json")
    assert (result.code, result.stdout) == (0, "")
    schema.validate(json.loads((packets.out / "report.json").read_text(encoding="utf-8")))


def test_output_writes_the_table_as_plain_text(cli, packets):
    result = cli("output-table")
    assert (result.code, result.stdout) == (0, "")
    text = (packets.out / "report.txt").read_text(encoding="utf-8")
    assert "present" in text and COMPLETE_VERDICT.search(text)
    assert "\x1b[" not in text  # a file gets words, not terminal colours


@pytest.mark.parametrize("name", list(REFUSED_OUTPUTS))
def test_output_inside_the_packet_is_refused(cli, packets, name):
    result = cli(f"refused-{name}")
    assert result.code == 2
    assert result.stdout == ""
    assert "output" in one_line(result.stderr)
    assert snapshot(packets.complete) == packets.built["complete"]  # nothing written


# --- usage errors --------------------------------------------------------------


@pytest.mark.parametrize("name", list(USAGE_ERRORS))
def test_usage_error_exits_2_with_one_line(cli, name):
    result = cli(f"usage-{name}")
    assert result.code == 2
    assert result.stdout == ""
    line = one_line(result.stderr)
    assert line.startswith("carcheck")
    says = USAGE_ERRORS[name][1]
    assert says.lower() in line.lower()


def test_version(cli):
    result = cli("version")
    assert result.code == 0
    assert result.stdout.strip() == f"carcheck {__version__}"


@pytest.mark.parametrize("name", ["help", "check-help"])
def test_help(cli, name):
    result = cli(name)
    assert result.code == 0
    assert "Usage" in result.stdout


def test_check_help_names_every_format(cli):
    text = cli("check-help").stdout
    for fmt in Format:
        assert fmt.value in text


def test_rules_lists_the_items_and_their_limits(cli):
    result = cli("rules")
    assert result.code == 0
    rows = {}
    for letter in ITEM_IDS:
        start = re.search(rf"^\W*{letter} [A-Z]", result.stdout, re.MULTILINE)
        assert start, f"item {letter} is not listed"
        rows[letter] = result.stdout[start.start() :]
    # A row's block runs to the start of the next row; the age limits live in C and D.
    c_block = rows["C"][: len(rows["C"]) - len(rows["D"])]
    d_block = rows["D"][: len(rows["D"]) - len(rows["E"])]
    assert re.search(r"\b3\b", c_block) and "month" in c_block
    assert re.search(r"\b6\b", d_block) and "month" in d_block


# --- what is judged --------------------------------------------------------------


def test_as_of_defaults_to_today(cli, batch):
    result = cli("default-as-of")
    assert result.code in (0, 1)
    assert report_of(result)["as_of"] in batch.days


def test_several_packets_one_report_in_order(cli, packets):
    result = cli("several")
    assert result.code == 1  # the first packet is incomplete
    report = report_of(result)
    assert [p["path"] for p in report["packets"]] == [str(packets.unsigned), str(packets.complete)]
    assert [p["complete"] for p in report["packets"]] == [False, True]


def test_several_complete_packets_exit_0(cli):
    result = cli("several-complete")
    assert result.code == 0
    assert len(COMPLETE_VERDICT.findall(result.stdout)) == 2


def test_single_file_packet(cli, schema):
    result = cli("single-file")
    assert result.code == 1  # a letter alone is not a complete packet
    report = report_of(result)
    schema.validate(report)
    packet = report["packets"][0]
    assert [d["file"] for d in packet["documents"]] == ["letter.pdf"]
    assert packet["errors"] == []
    assert statuses(packet)["A"] == "present"
    assert statuses(packet)["B"] == "missing"


def test_report_is_deterministic(cli):
    first, second = cli("mixed-json"), cli("mixed-json-again")
    assert first.code == second.code == 1
    assert first.stdout.encode() == second.stdout.encode()


def test_hidden_lock_and_unreadable_files(cli):
    result = cli("mixed-json")
    assert result.code == 1
    packet = report_of(result)["packets"][0]
    assert packet["complete"] is False
    files = {d["file"] for d in packet["documents"]}
    errors = {e["file"]: e["message"] for e in packet["errors"]}
    named = files | set(errors)
    assert not any(name.startswith((".", "~$")) or "/." in name for name in named)
    assert "sub/serology-old.pdf" in files
    assert set(errors) == {"notes.txt", "empty.pdf", "fake.pdf"}
    assert "empty" in errors["empty.pdf"]
    assert "not a PDF" in errors["fake.pdf"]
    assert "type" in errors["notes.txt"] or "not a PDF" in errors["notes.txt"]
    # The unreadable files cost the verdict, not the items read from the good files.
    assert statuses(packet) == ALL_PRESENT


@pytest.mark.parametrize("name", ["complete", "unsigned", "mixed"])
def test_every_file_in_documents_or_errors(cli, packets, name):
    packet = report_of(cli(f"{name}-json"))["packets"][0]
    in_documents = {d["file"] for d in packet["documents"]}
    in_errors = {e["file"] for e in packet["errors"]}
    assert packet_files(getattr(packets, name)) == in_documents | in_errors
    assert not in_documents & in_errors


# --- options the contract promises ------------------------------------------------


@pytest.mark.parametrize("name", CONTRACT_OPTIONS)
def test_contract_option_is_accepted(cli, schema, name):
    result = cli(f"option{name}")
    assert result.code == 0, result.stderr
    schema.validate(report_of(result))


# --- last: nothing above changed a packet -------------------------------------------


def test_packet_folders_are_unchanged(cli, packets):
    """Every command of this module has run (every format, --output); the packets are as built."""
    assert cli("output-mixed-markdown").code == 1
    assert (packets.out / "mixed.md").exists()
    for name, before in packets.built.items():
        assert snapshot(getattr(packets, name)) == before, f"packet {name} was changed"
