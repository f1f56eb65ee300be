"""The deficiency notice (--format notice): golden text per sample packet, and a line for
each kind of problem, rendered from the one serialised report."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from carcheck.report import notice

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_packets"
GOLDEN = ROOT / "tests" / "golden" / "notice"
UPDATE = os.environ.get("CARCHECK_UPDATE_GOLDEN") == "1"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text())
AS_OF = EXPECTED["as_of"]
NAMES = sorted(n for n in EXPECTED["packets"] if not n.startswith("fax-"))


@pytest.fixture(scope="module")
def notices(run_cli) -> dict[str, str]:
    """Every sample's notice, from one run (the notices are parted by a rule of dashes)."""
    result = run_cli(["check", *(f"sample_packets/{n}" for n in NAMES), "--as-of", AS_OF,
                      "--format", "notice", "--no-cache"])  # fmt: skip
    parts = result.stdout.split("\n" + "-" * 78 + "\n\n")
    assert len(parts) == len(NAMES)
    return {
        name: part if part.endswith("\n") else part + "\n"
        for name, part in zip(NAMES, parts, strict=True)
    }


@pytest.mark.parametrize("name", NAMES)
def test_golden_notice(notices: dict[str, str], name: str) -> None:
    golden = GOLDEN / f"{name}.txt"
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(notices[name], encoding="utf-8")
    assert golden.exists(), f"no snapshot {golden.name}: run CARCHECK_UPDATE_GOLDEN=1 make test"
    assert notices[name] == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_a_complete_packet_gets_one_line_and_others_a_request(
    notices: dict[str, str], name: str
) -> None:
    text = notices[name]
    if EXPECTED["packets"][name]["complete"]:
        assert text.strip().endswith("nothing more is needed.") and len(text.splitlines()) == 1
    else:
        assert text.startswith("REQUEST FOR ADDITIONAL INFORMATION")
        missing = [i for i, s in EXPECTED["packets"][name]["items"].items()
                   if s != "present" and i != "E"]  # fmt: skip
        flat = " ".join(text.split())
        for item in missing:
            assert f"WNC.CP.192 Background I.{item})" in flat, (item, text)
        assert max(len(line) for line in text.splitlines()) <= 78


def _record(**changes: Any) -> dict[str, Any]:
    items = [
        {"id": i, "title": i, "required": i != "E", "status": "present", "date": None,
         "reasons": [], "documents": []}
        for i in "ABCDEF"
    ]  # fmt: skip
    packet: dict[str, Any] = {"path": "p", "complete": False, "product": "Yescarta",
                              "facility": None, "patient": None, "items": items,
                              "documents": [], "errors": [], "flags": []}  # fmt: skip
    packet.update(changes)
    return packet


def test_a_file_to_send_again() -> None:
    packet = _record(errors=[{"file": "scan_0019.pdf", "message": "no pages"}])
    assert notice.asks(packet) == ["Send again: scan_0019.pdf could not be read (no pages)."]


def test_another_patients_document_to_remove() -> None:
    flag = {"code": "patient-mismatch", "message": "Echo.pdf p. 1: this echocardiogram is for X"}
    (only,) = notice.asks(_record(flags=[flag]))
    assert only.startswith("Remove the other patient's document: Echo.pdf p. 1")


def test_needs_review_points_are_questions_for_the_reviewer() -> None:
    flag = {"code": "needs-review", "message": "lab.pdf p. 1: check the date order"}
    packet = _record(flags=[flag])
    assert notice.asks(packet) == [] and notice.questions(packet) == [flag["message"]]
    text = notice.render({"as_of": AS_OF, "packets": [packet]})
    assert "For the reviewer (not for the provider):" in text and "check the date order" in text


def test_a_stale_serology_names_the_date_to_beat_and_the_last_one() -> None:
    items = _record()["items"]
    items[2] = {**items[2], "status": "stale", "date": "2026-06-02", "cutoff": "2026-07-15",
                "reasons": ["..."]}  # fmt: skip
    (only,) = notice.asks(_record(items=items))
    assert "collected after 2026-07-15" in only and "collected 2026-06-02" in only


def test_the_markdown_report_lists_the_same_requests(run_cli, tmp_path: Path) -> None:
    folder = tmp_path / "packet"
    shutil.copytree(SAMPLES / "unsigned-letter", folder)
    md = run_cli(["check", folder, "--as-of", AS_OF, "--format", "markdown", "--no-cache"])
    assert "What to send" in md.stdout
    assert "A letter of medical necessity signed by the attending physician" in md.stdout
