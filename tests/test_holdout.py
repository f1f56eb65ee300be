"""Held-out family: the real CLI on packets written apart from carcheck's development.

The documents come from `tests/holdout/family.py` (its own hospital, lab, wording and
layout); the checker must read them using only what CONTRACT.md promises.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.holdout import family

ROOT = Path(__file__).resolve().parents[1]
AS_OF = family.AS_OF.isoformat()
ALL_PRESENT = dict.fromkeys("ABCDEF", "present")

# packet -> (exit code, status of each item A-F)
EXPECTED: dict[str, tuple[int, dict[str, str]]] = {
    "complete": (0, ALL_PRESENT),
    family.COMBINED: (0, ALL_PRESENT),
    "unsigned-letter": (1, {**ALL_PRESENT, "A": "incomplete"}),
    "stale-serology": (1, {**ALL_PRESENT, "C": "stale"}),
    "serology-without-hiv": (1, {**ALL_PRESENT, "C": "incomplete"}),
    "stale-marrow": (1, {**ALL_PRESENT, "D": "stale"}),
    "no-backup-caregiver": (1, {**ALL_PRESENT, "F": "incomplete"}),
    "old-reactive-core-ab": (0, ALL_PRESENT),
}


# The item each generated document belongs to.
ITEM_OF = {
    "letter": "A",
    "treatment-center": "B",
    "serology": "C",
    "marrow": "D",
    "pet-ct": "D",
    "echo": "E",
    "psychosocial": "F",
}


def _schema() -> dict[str, Any] | None:
    """report.schema.json from the repository if it has one, else from beside CONTRACT.md."""
    places = [
        ROOT / "report.schema.json",
        ROOT / "docs" / "report.schema.json",
        *sorted((ROOT / "carcheck").rglob("report.schema.json")),
        ROOT.parent / "shared" / "report.schema.json",
    ]
    found = [path for path in places if path.is_file()]
    return json.loads(found[0].read_text()) if found else None


def _run(packet: Path) -> tuple[int, dict[str, Any]]:
    cmd = [
        sys.executable,
        "-m",
        "carcheck",
        "check",
        str(packet),
        "--as-of",
        AS_OF,
        "--format",
        "json",
    ]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode in (0, 1), f"exit {proc.returncode}\n{proc.stderr}"
    report = json.loads(proc.stdout)
    schema = _schema()
    if schema is not None:
        import jsonschema

        jsonschema.validate(report, schema)
    return proc.returncode, report


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory):
    """checked(name) -> (generated packet, exit code, the packet's JSON report); run once."""
    root = tmp_path_factory.mktemp("holdout")
    cache: dict[str, tuple[family.Packet, int, dict[str, Any]]] = {}

    def check(name: str) -> tuple[family.Packet, int, dict[str, Any]]:
        if name not in cache:
            packet = family.build(name, root / name)
            code, report = _run(packet.path)
            assert len(report["packets"]) == 1
            cache[name] = (packet, code, report["packets"][0])
        return cache[name]

    return check


def _items(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    assert [item["id"] for item in report["items"]] == list("ABCDEF")
    return {item["id"]: item for item in report["items"]}


def _explain(report: dict[str, Any]) -> str:
    return "\n".join(f"{i['id']} {i['status']}: {i['reasons']}" for i in report["items"])


@pytest.mark.parametrize("name", list(EXPECTED))
def test_item_statuses_and_exit_code(checked, name: str) -> None:
    packet, code, report = checked(name)
    want_code, want_statuses = EXPECTED[name]
    statuses = {key: item["status"] for key, item in _items(report).items()}
    assert statuses == want_statuses, _explain(report)
    assert code == want_code, _explain(report)
    assert report["complete"] is (want_code == 0)
    # Every file here is a readable PDF, so none is an error and each holds documents.
    assert report["errors"] == []
    files = {placed.file for placed in packet.documents.values()}
    assert files <= {doc["file"] for doc in report["documents"]}


def test_letter_date_is_the_letter_date_not_dob_or_fax_header(checked) -> None:
    packet, _, report = checked("complete")
    letter = packet.documents["letter"]
    [evidence] = [d for d in _items(report)["A"]["documents"] if d["file"] == letter.file]
    assert evidence["date"] == family.LETTER_DATE.isoformat()  # not 1961-03-14 nor 2026-10-14
    assert evidence["pages"] == letter.pages
    [doc] = [d for d in report["documents"] if d["file"] == letter.file]
    assert doc["item"] == "A"
    assert doc["date"] == family.LETTER_DATE.isoformat()


def test_serology_date_is_the_collection_date(checked) -> None:
    packet, _, report = checked("complete")
    serology = packet.documents["serology"]
    collected = family.VARIANTS["complete"].serology_collected.isoformat()
    [evidence] = [d for d in _items(report)["C"]["documents"] if d["file"] == serology.file]
    # Not the received (same day, later), final (09/24), printed (10/13) or fax (10/14) date.
    assert evidence["date"] == collected
    [doc] = [d for d in report["documents"] if d["file"] == serology.file]
    assert doc["item"] == "C"
    assert doc["date"] == collected


def test_combined_fax_is_split_into_the_documents_written(checked) -> None:
    packet, _, report = checked(family.COMBINED)
    found = {(d["file"], tuple(d["pages"])): d["item"] for d in report["documents"]}
    for key, placed in packet.documents.items():
        where = (placed.file, tuple(placed.pages))
        assert where in found, f"no document with pages {placed.pages} for the {key}: {found}"
        assert found[where] == ITEM_OF[key], key
    letter = packet.documents["letter"]
    [evidence] = _items(report)["A"]["documents"]
    assert (evidence["pages"], evidence["date"]) == (letter.pages, family.LETTER_DATE.isoformat())
    serology = packet.documents["serology"]
    [evidence] = _items(report)["C"]["documents"]
    collected = family.VARIANTS["complete"].serology_collected.isoformat()
    assert (evidence["pages"], evidence["date"]) == (serology.pages, collected)


def test_combined_fax_cover_sheet_belongs_to_no_item(checked) -> None:
    # CONTRACT.md: `item` is null for a cover sheet. This one lists what is enclosed
    # ("Treatment center confirmation from the manufacturer", ...) but verifies nothing.
    _, _, report = checked(family.COMBINED)
    on_cover = [d for d in report["documents"] if 1 in d["pages"]]
    assert [d["item"] for d in on_cover if d["item"] is not None] == [], on_cover
    for item in _items(report).values():
        assert all(1 not in d["pages"] for d in item["documents"]), item
