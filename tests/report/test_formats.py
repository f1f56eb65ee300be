"""The output formats: every format has a renderer, and each keeps CONTRACT.md's shape."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from carcheck.cli import main
from carcheck.items import RULES
from carcheck.model import (
    DateMention,
    Document,
    FileError,
    Flag,
    ItemId,
    ItemReport,
    PacketReport,
    Role,
    RunReport,
    Signature,
    SignatureKind,
    Status,
)
from carcheck.report import RENDERERS, Format, json_format, junit, markdown, table
from carcheck.report.records import as_records
from tests.conftest import Result
from tests.pdfs import AS_OF, LETTER, complete_packet, make_pdf, unsigned_packet

FAILING = ("missing", "stale", "incomplete")
STATUS_WORDS = ("present", "stale", "incomplete", "missing", "not provided")
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# Everything a file name or a reason may carry that could break a format: control
# characters, a newline, XML's specials and CDATA end, an emoji, a Markdown pipe, and a
# lone surrogate (what surrogateescape makes of an invalid UTF-8 byte in a file name).
HOSTILE = 'nul\x00 bel\x07 esc\x1b[31m nl\nx <tag> a&b "q" ]]> \U0001f600 a|b \udcff end'


# --- records built from the model -------------------------------------------------


def mention(day: str, role: Role = Role.OTHER, page: int = 1) -> DateMention:
    return DateMention(dt.date.fromisoformat(day), role, page, 0, day)


def document(file: str, item: ItemId | None, pages=(1,), title: str | None = None) -> Document:
    date = mention("2026-09-20", Role.COLLECTED)
    return Document(
        file=file,
        pages=tuple(pages),
        item=item,
        title=title,
        date=date,
        dates=(date,),
        signatures=(Signature(pages[-1], SignatureKind.ELECTRONIC, "Jane Roe, MD"),),
    )


def item(item_id: ItemId, status: Status, reasons=(), documents=()) -> ItemReport:
    rule = RULES[item_id]
    return ItemReport(item_id, rule.TITLE, rule.REQUIRED, status, tuple(reasons), tuple(documents))


def packet(path: str, statuses: str, reasons=(), errors=(), file: str = "lmn.pdf") -> PacketReport:
    """A packet whose items A-F have `statuses` (one letter each: p s i m n)."""
    codes = {
        "p": Status.PRESENT,
        "s": Status.STALE,
        "i": Status.INCOMPLETE,
        "m": Status.MISSING,
        "n": Status.NOT_PROVIDED,
    }
    docs = [document(file, ItemId.A, (1, 2), "Letter of medical necessity")]
    items = []
    for item_id, code in zip(ItemId, statuses, strict=True):
        status = codes[code]
        why = tuple(reasons) if status.value in FAILING else ()
        evidence = () if status in (Status.MISSING, Status.NOT_PROVIDED) else (docs[0],)
        items.append(item(item_id, status, why, evidence))
    return PacketReport(
        path=path,
        items=tuple(items),
        documents=tuple(docs),
        errors=tuple(FileError(f, m) for f, m in errors),
        flags=(Flag("prior-car-t", "the letter mentions a prior CAR T infusion"),),
    )


def run_report(*packets: PacketReport) -> dict[str, Any]:
    return as_records(RunReport(as_of=dt.date.fromisoformat(AS_OF), packets=packets))


@pytest.fixture(scope="module")
def records() -> dict[str, Any]:
    """Two packets: one with every status and two unreadable files, one complete."""
    return run_report(
        packet(
            "packets/mixed",
            "imspnp",
            reasons=("letter is not signed", "serology collected 2026-05-01 is stale"),
            errors=(("broken.pdf", "not a PDF file (no %PDF header)"), ("empty.pdf", "empty")),
        ),
        packet("packets/complete", "ppppnp"),
    )


@pytest.fixture(scope="module")
def hostile() -> dict[str, Any]:
    """Hostile strings in every free-text field the formats print."""
    bad = packet(
        HOSTILE,
        "imspnp",
        reasons=(HOSTILE, f"second {HOSTILE}"),
        errors=((f"{HOSTILE}.pdf", HOSTILE),),
        file=f"sub/{HOSTILE}.pdf",
    )
    bad = replace(
        bad,
        documents=(
            *bad.documents,
            Document(
                file=HOSTILE,
                pages=(3,),
                item=None,
                title=HOSTILE,
                date=None,
                dates=(),
                signatures=(Signature(3, SignatureKind.INK, HOSTILE),),
            ),
        ),
        flags=(Flag("odd-flag", HOSTILE),),
        product=HOSTILE,
        facility=HOSTILE,
    )
    return run_report(bad, bad)


def suites(text: str) -> list[ET.Element]:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    return root.findall("testsuite")


def item_cases(suite: ET.Element) -> list[ET.Element]:
    return [c for c in suite.findall("testcase") if c.get("classname") != "carcheck.files"]


def file_cases(suite: ET.Element) -> list[ET.Element]:
    return [c for c in suite.findall("testcase") if c.get("classname") == "carcheck.files"]


# --- exhaustiveness ----------------------------------------------------------------


def test_every_format_has_a_renderer():
    assert set(RENDERERS) == set(Format)
    assert all(callable(render) for render in RENDERERS.values())


@pytest.mark.parametrize("fmt", list(Format))
def test_every_renderer_renders_the_records(records, fmt):
    text = RENDERERS[fmt](records)
    assert isinstance(text, str) and text.strip()


@pytest.fixture
def carcheck_main(capsys) -> Callable[[list[Any]], Result]:
    """The CLI in-process (fast); its logging set-up is undone afterwards."""

    def run(args: list[Any]) -> Result:
        root = logging.getLogger()
        handlers, level = root.handlers[:], root.level
        try:
            with pytest.raises(SystemExit) as exit_info:
                main([str(a) for a in args])
        finally:
            root.handlers[:] = handlers
            root.setLevel(level)
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return Result(exit_info.value.code or 0, out, err)

    return run


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("formats")
    complete = complete_packet(root / "complete")
    unsigned = unsigned_packet(root / "unsigned")
    broken = complete_packet(root / "broken")
    (broken / "fax.pdf").write_text("<html>not a pdf</html>", encoding="utf-8")
    return {"root": root, "complete": complete, "unsigned": unsigned, "broken": broken}


@pytest.mark.parametrize("fmt", list(Format))
def test_cli_accepts_every_format(carcheck_main, folders, fmt):
    result = carcheck_main(["check", folders["complete"], "--as-of", AS_OF, "--format", fmt.value])
    assert result.code == 0, result.stderr
    assert result.stdout.strip()


# --- JUnit ---------------------------------------------------------------------------


def test_junit_one_suite_per_packet_one_case_per_item(records):
    found = suites(junit.render(records))
    assert len(found) == len(records["packets"])
    for suite, record in zip(found, records["packets"], strict=True):
        cases = item_cases(suite)
        assert len(cases) == 6
        for case, entry in zip(cases, record["items"], strict=True):
            assert case.get("name").startswith(entry["id"] + " ")


def test_junit_failures_skips_and_passes_follow_the_status(records):
    for suite, record in zip(suites(junit.render(records)), records["packets"], strict=True):
        for case, entry in zip(item_cases(suite), record["items"], strict=True):
            failures, skipped = case.findall("failure"), case.findall("skipped")
            if entry["status"] in FAILING:
                assert len(failures) == 1 and not skipped, entry["id"]
                for reason in entry["reasons"]:
                    assert reason in failures[0].get("message")
            elif entry["status"] == "not_provided":
                assert len(skipped) == 1 and not failures, entry["id"]
            else:
                assert not failures and not skipped, entry["id"]


def test_junit_one_failing_case_per_unreadable_file(records):
    for suite, record in zip(suites(junit.render(records)), records["packets"], strict=True):
        cases = file_cases(suite)
        assert len(cases) == len(record["errors"])
        for case, error in zip(cases, record["errors"], strict=True):
            assert error["file"] in case.get("name")
            (failure,) = case.findall("failure")
            assert failure.get("message") == error["message"]
        # The counts a CI server shows agree with the cases.
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("skipped")) == len(suite.findall("testcase/skipped"))


def test_junit_agrees_with_json_from_the_cli(carcheck_main, folders):
    """The same run through the CLI: JUnit's verdicts are the JSON report's."""
    args = ["check", folders["complete"], folders["unsigned"], folders["broken"], "--as-of", AS_OF]
    as_json = carcheck_main([*args, "--format", "json"])
    as_junit = carcheck_main([*args, "--format", "junit"])
    assert as_json.code == as_junit.code == 1
    report = json.loads(as_json.stdout)
    found = suites(as_junit.stdout)
    assert len(found) == 3
    for suite, record in zip(found, report["packets"], strict=True):
        assert suite.get("name") == record["path"]
        failed = [c.get("name")[0] for c in item_cases(suite) if c.find("failure") is not None]
        assert failed == [i["id"] for i in record["items"] if i["status"] in FAILING]
        assert len(file_cases(suite)) == len(record["errors"])
    assert [len(file_cases(s)) for s in found] == [0, 0, 1]


# --- hostile strings -------------------------------------------------------------------


def test_json_round_trips_hostile_strings(hostile, schema):
    text = json_format.render(hostile)
    text.encode("utf-8")  # writable as UTF-8 (ensure_ascii escapes the surrogate)
    assert json.loads(text) == hostile
    schema.validate(json.loads(text))


def test_records_of_the_model_validate(records, schema):
    schema.validate(json.loads(json_format.render(records)))


def test_junit_stays_xml_with_hostile_strings(hostile):
    text = junit.render(hostile)
    text.encode("utf-8")  # a lone surrogate would make the file unwritable
    found = suites(text)
    assert len(found) == 2
    for suite in found:
        assert len(item_cases(suite)) == 6
        assert len(file_cases(suite)) == 1
        # The printable parts survive escaping.
        assert '<tag> a&b "q" ]]> \U0001f600' in suite.get("name")
        failure = item_cases(suite)[0].find("failure")
        assert failure is not None and "<tag> a&b" in failure.get("message")
        assert "]]>" in (failure.text or "")


def hostile_folder(root: Path) -> Path:
    """A packet whose file names hold an invalid UTF-8 byte, control characters and specials."""
    folder = root / "hostile"
    folder.mkdir()
    make_pdf(folder / "letter \U0001f600 a|b <&>.pdf", [LETTER])
    for name in (b"bad \xff\xfe byte.pdf", b"bell\x07 esc\x1b[31m.pdf", b'new\nline ]]> "q".pdf'):
        fd = os.open(os.fsencode(folder) + b"/" + name, os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, b"<html>a web page saved as PDF</html>")
        os.close(fd)
    return folder


def test_hostile_file_names_through_the_cli(carcheck_main, folders, schema):
    folder = hostile_folder(folders["root"])
    base = ["check", folder, "--as-of", AS_OF, "--format"]
    as_json = carcheck_main([*base, "json"])
    assert as_json.code == 1
    report = json.loads(as_json.stdout)
    schema.validate(report)
    record = report["packets"][0]
    assert len(record["errors"]) == 3
    assert [d["file"] for d in record["documents"]] == ["letter \U0001f600 a|b <&>.pdf"]

    as_junit = carcheck_main([*base, "junit"])
    assert as_junit.code == 1
    (suite,) = suites(as_junit.stdout)
    assert len(file_cases(suite)) == 3

    for fmt in ("markdown", "table"):
        result = carcheck_main([*base, fmt])
        assert result.code == 1
        result.stdout.encode("utf-8")
        assert "\x1b" not in ANSI.sub("", result.stdout)  # no raw escape from a file name
        assert "\x07" not in result.stdout


# --- Markdown ----------------------------------------------------------------------------


def cells(row: str) -> list[str]:
    """A Markdown table row split on unescaped pipes."""
    out, cell, chars = [], "", iter(row.strip())
    for ch in chars:
        if ch == "\\":
            cell += ch + next(chars, "")
        elif ch == "|":
            out.append(cell)
            cell = ""
        else:
            cell += ch
    out.append(cell)
    return out[1:-1]  # the row's leading and trailing pipes


def tables(text: str) -> list[list[list[str]]]:
    """Every table of a Markdown text: a list of rows, header first, separator dropped."""
    found: list[list[list[str]]] = []
    current: list[list[str]] | None = None
    for line in text.splitlines():
        if line.startswith("|"):
            if current is None:
                current = []
                found.append(current)
            if not re.fullmatch(r"\|(-+\|)+", line):
                current.append(cells(line))
        else:
            current = None
    return found


def test_markdown_one_item_table_per_packet(records):
    found = [t for t in tables(markdown.render(records)) if t[0][0].strip() == "Item"]
    assert len(found) == len(records["packets"])
    for rows, record in zip(found, records["packets"], strict=True):
        body = rows[1:]
        assert [row[0].split()[0] for row in body] == ["A", "B", "C", "D", "E", "F"]
        assert [row[1].strip() for row in body] == [i["status"] for i in record["items"]]
        assert all(len(row) == len(rows[0]) for row in body)


def test_markdown_escapes_a_pipe_in_a_file_name():
    records = run_report(packet("p", "ppppnp", file="a|b.pdf", errors=(("c|d.pdf", "not a PDF"),)))
    text = markdown.render(records)
    assert "a\\|b.pdf" in text
    for rows in tables(text):
        assert all(len(row) == len(rows[0]) for row in rows), rows
    assert "c\\|d.pdf" in text


def test_markdown_rows_survive_hostile_strings(hostile):
    text = markdown.render(hostile)
    for rows in tables(text):
        assert all(len(row) == len(rows[0]) for row in rows), rows


# --- the Rich table ------------------------------------------------------------------------


@pytest.mark.parametrize("color", [False, True])
def test_table_says_each_status_in_words(records, color):
    text = table.render(records, color=color)
    plain = ANSI.sub("", text)
    for word in STATUS_WORDS:
        assert word in plain
    assert "NOT COMPLETE" in plain  # the first packet's verdict
    assert re.search(r"(?<!NOT )COMPLETE", plain)  # the second's
    if not color:
        assert text == plain


def test_table_verdict_line_names_the_problems(records):
    plain = table.render(records)
    verdict = next(line for line in plain.splitlines() if line.startswith("NOT COMPLETE"))
    for problem in ("A incomplete", "B missing", "C stale", "2 files"):
        assert problem in verdict
