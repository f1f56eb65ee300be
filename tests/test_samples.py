"""The bundled sample packets through the real CLI give what expected.json says."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_packets"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
AS_OF = EXPECTED["as_of"]
NAMES = sorted(EXPECTED["packets"])
GOLDEN = Path(__file__).resolve().parent / "golden"
# Golden files are rewritten only when asked: CARCHECK_UPDATE_GOLDEN=1 make test
UPDATE_GOLDEN = os.environ.get("CARCHECK_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def reports(run_cli, schema) -> dict[str, dict[str, Any]]:
    """Every sample packet checked in one run; the report validated against the contract."""
    result = run_cli(
        ["check", *(f"sample_packets/{n}" for n in NAMES), "--as-of", AS_OF, "--format", "json"]
    )
    assert result.code == 1, result.stderr  # some samples are incomplete by design
    report = json.loads(result.stdout)
    schema.validate(report)
    assert [p["path"] for p in report["packets"]] == [f"sample_packets/{n}" for n in NAMES]
    return {n: p for n, p in zip(NAMES, report["packets"], strict=True)}


@pytest.mark.parametrize("name", NAMES)
def test_item_statuses(reports: dict[str, dict[str, Any]], name: str) -> None:
    packet = reports[name]
    expected = EXPECTED["packets"][name]
    got = {item["id"]: item["status"] for item in packet["items"]}
    assert got == expected["items"], _explain(packet)
    assert packet["complete"] is (expected["exit_code"] == 0)


@pytest.mark.parametrize("name", NAMES)
def test_reasons_name_the_problem(reports: dict[str, dict[str, Any]], name: str) -> None:
    packet = reports[name]
    items = {item["id"]: item for item in packet["items"]}
    for item_id, fragments in EXPECTED["packets"][name].get("reasons_contain", {}).items():
        text = " ".join(items[item_id]["reasons"]).lower()
        for fragment in fragments:
            assert fragment.lower() in text, f"{name} {item_id}: {items[item_id]['reasons']}"


@pytest.mark.parametrize("name", NAMES)
def test_every_file_is_accounted_for(reports: dict[str, dict[str, Any]], name: str) -> None:
    packet = reports[name]
    on_disk = {
        p.relative_to(SAMPLES / name).as_posix()
        for p in (SAMPLES / name).rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    reported = {d["file"] for d in packet["documents"]} | {e["file"] for e in packet["errors"]}
    assert on_disk == reported
    assert packet["errors"] == []


@pytest.mark.parametrize(
    "name", ["complete", "complete-combined", "unsigned-letter", "biopsy-exactly-6-months"]
)
def test_exit_code(run_cli, name: str) -> None:
    result = run_cli(["check", f"sample_packets/{name}", "--as-of", AS_OF, "--format", "json"])
    assert result.code == EXPECTED["packets"][name]["exit_code"]
    assert result.stderr == ""


def test_combined_pdf_gives_the_same_verdict_as_separate_files(reports) -> None:
    def statuses(name: str) -> dict[str, str]:
        return {i["id"]: i["status"] for i in reports[name]["items"]}

    assert statuses("complete-combined") == statuses("complete")
    combined = reports["complete-combined"]["documents"]
    assert len({d["file"] for d in combined}) == 1
    assert [d["item"] for d in combined][0] is None  # the fax cover sheet
    pages = [p for d in combined for p in d["pages"]]
    assert pages == sorted(pages) and len(pages) == len(set(pages))


def test_dates_that_count_are_not_birth_or_printed_dates(reports) -> None:
    for name, packet in reports.items():
        for doc in packet["documents"]:
            if doc["date"] is None:
                continue
            roles = {d["role"] for d in doc["dates"] if d["date"] == doc["date"]}
            assert roles - {"birth", "other"}, f"{name} {doc['file']}: {doc['date']} {roles}"


def test_table_shows_status_words_and_the_verdict(run_cli, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that no reason is wrapped
    ok = run_cli(["check", "sample_packets/complete", "--as-of", AS_OF])
    assert ok.code == 0
    assert "present" in ok.stdout and "COMPLETE" in ok.stdout
    bad = run_cli(["check", "sample_packets/unsigned-letter", "--as-of", AS_OF])
    assert bad.code == 1
    flat = " ".join(bad.stdout.split())
    assert "incomplete" in flat and "letter is not signed" in flat and "NOT COMPLETE" in flat


@pytest.mark.parametrize("name", NAMES)
def test_golden_report(reports: dict[str, dict[str, Any]], name: str) -> None:
    """The whole report of each sample, compared as parsed JSON with the committed snapshot."""
    golden = GOLDEN / f"{name}.json"
    packet = reports[name]
    if UPDATE_GOLDEN:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(packet, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert golden.exists(), f"no snapshot {golden.name}: run CARCHECK_UPDATE_GOLDEN=1 make test"
    assert packet == json.loads(golden.read_text(encoding="utf-8"))


def _explain(packet: dict[str, Any]) -> str:
    lines = [f"{i['id']} {i['status']}: {i['reasons']}" for i in packet["items"]]
    lines += [
        f"  {d['file']} {d['pages']} -> {d['item']} ({d['title']})" for d in packet["documents"]
    ]
    return "\n".join(lines)
