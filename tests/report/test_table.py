"""The table at the intake desk: at 80 columns nothing is cut, every document is named,
reasons are said once, notes stand apart from warnings, the width follows COLUMNS.

The records are the sample packets' golden JSON reports (tests/golden), so the table is
tried on every kind of packet the samples hold."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from carcheck.report import table
from tests.conftest import ROOT
from tests.pdfs import AS_OF

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
NAMES = sorted(p.stem for p in GOLDEN.glob("*.json"))


def records_of(*names: str) -> dict[str, Any]:
    packets = [json.loads((GOLDEN / f"{n}.json").read_text(encoding="utf-8")) for n in names]
    return {"as_of": AS_OF, "packets": packets}


def flat(text: str) -> str:
    """The text with its wrapping undone: every run of white space one space."""
    return " ".join(text.split())


def test_there_are_golden_reports_to_try():
    assert len(NAMES) >= 20


@pytest.mark.parametrize("name", NAMES)
def test_at_80_columns_nothing_is_cut_and_every_document_is_named(name):
    records = records_of(name)
    text = table.render(records, width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "…" not in text and not re.search(r"\band \d+ more\b", text)
    whole = flat(text)
    packet = records["packets"][0]
    for item in packet["items"]:
        for doc in item["documents"]:
            assert f"{flat(doc['file'])} p" in whole, (item["id"], doc["file"])
            for signer in doc.get("signers") or []:
                if signer["signer"]:
                    assert flat(signer["signer"]) in whole
        for reason in item["reasons"]:
            assert flat(reason) in whole
    for error in packet["errors"]:
        assert flat(error["file"]) in whole


def test_a_wide_terminal_gets_the_five_columns():
    text = table.render(records_of("stale-serology"), width=150)
    header = next(line for line in text.splitlines() if "Item" in line)
    for column in ("Item", "Status", "Date", "Evidence", "Reasons"):
        assert column in header
    assert "…" not in text


def test_a_narrow_terminal_gets_item_status_and_date_with_the_rest_beneath():
    text = table.render(records_of("stale-serology"), width=80)
    rows = [line for line in text.splitlines() if re.match(r"^[A-F] ", line)]
    assert [r.split()[0] for r in rows] == list("ABCDEF")
    c_row = next(r for r in rows if r.startswith("C "))
    assert "stale" in c_row and "2026-06-09" in c_row


def test_the_three_viruses_of_one_stale_panel_are_said_once():
    text = flat(table.render(records_of("stale-serology"), width=80))
    assert text.count("are 4 months old") == 1
    assert "HIV, hepatitis B and hepatitis C results collected 2026-06-09" in text


def test_the_billing_code_is_a_note_not_a_warning():
    text = table.render(records_of("complete"), width=80)
    assert re.search(r"^note coding bill revenue code 0636", text, re.M)
    assert "flag coding" not in text
    colored = table.render(records_of("complete"), width=80, color=True)
    note = next(line for line in colored.splitlines() if "revenue code" in line)
    assert "\x1b[33" not in note  # not in the warnings' yellow


def test_several_packets_end_with_the_batch_line():
    text = table.render(records_of("complete", "stale-serology", "no-hiv"), width=80)
    assert text.rstrip().splitlines()[-1] == "1 of 3 packets complete"


def test_one_packet_has_no_batch_line():
    assert "packets complete" not in table.render(records_of("complete"), width=80)


@pytest.mark.parametrize(("columns", "wide"), [("80", False), ("150", True)])
def test_the_width_comes_from_columns_when_piped(run_cli, columns, wide):
    result = run_cli(
        ["check", ROOT / "sample_packets" / "stale-serology", "--as-of", AS_OF],
        env={"COLUMNS": columns},
    )
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    assert ("Evidence" in result.stdout) is wide


def test_an_empty_packet_says_so(run_cli, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli(["check", empty, "--as-of", AS_OF], env={"COLUMNS": "80"})
    assert result.code == 1
    assert "NOT COMPLETE: the packet is empty (no file to read)" in result.stdout
    data = json.loads(run_cli(["check", empty, "--as-of", AS_OF, "--format", "json"]).stdout)
    assert [f["code"] for f in data["packets"][0]["flags"]] == ["empty-packet"]


def test_rules_reads_at_80_columns(run_cli):
    result = run_cli(["rules"], env={"COLUMNS": "80"})
    assert result.code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "…" not in result.stdout
