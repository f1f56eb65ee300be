"""Held-out family 3: the real CLI on packets from `tests/holdout3/family.py`.

The expectations come from CONTRACT.md alone; each case is the base complete packet
with one trap in it (see family.CASES).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import shared
from tests.holdout3 import family

REPO = Path(__file__).resolve().parents[2]
CARCHECK = REPO / ".venv" / "bin" / "carcheck"
SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "report.schema.json"
AS_OF = family.AS_OF.isoformat()

ALL = dict.fromkeys("ABCDEF", "present")
NOT_PRESENT = ("missing", "incomplete")  # either is a fair reading; "present" is not

# case -> (exit code, status of each item A-F; a tuple lists the statuses accepted)
EXPECTED: dict[str, tuple[int, dict[str, str | tuple[str, ...]]]] = {
    "complete": (0, ALL),
    "t01-referral-letter": (1, {**ALL, "A": "missing"}),
    "t02-plan-pend-letter": (1, {**ALL, "A": "missing"}),
    "t03-pa-request-form": (1, {**ALL, "A": "missing"}),
    "t04-discharge-summary": (1, {**ALL, "A": "missing"}),
    "t05-center-email": (0, ALL),
    "t06-title-department-line": (0, ALL),
    "t07-fellow-cosigned": (0, ALL),
    "t08-pa-signed-only": (1, {**ALL, "A": "incomplete"}),
    "t09-blank-signature-line": (1, {**ALL, "A": "incomplete"}),
    "t10-drawn-signature": (0, ALL),
    "t11-backup-caregiver-unidentified": (1, {**ALL, "F": "incomplete"}),
    "t12-substance-not-assessed": (1, {**ALL, "F": "incomplete"}),
    "t13-day-first-serology": (0, ALL),
    "t14a-prior-car-t": (0, ALL),
    "t14b-no-prior-car-t": (0, ALL),
    "t15-marrow-requisition": (1, {**ALL, "D": NOT_PRESENT}),
    family.COMBINED: (0, ALL),
}
assert set(EXPECTED) == set(family.CASES)


def _schema() -> dict[str, Any] | None:
    return json.loads(SCHEMA.read_text()) if SCHEMA.is_file() else None


def _run(packet: Path) -> tuple[int, dict[str, Any], str]:
    cmd = [str(CARCHECK), "check", str(packet), "--format", "json", "--as-of", AS_OF, "--no-cache"]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)
    report: dict[str, Any] = {}
    if proc.stdout.strip():
        try:
            report = json.loads(proc.stdout)
        except json.JSONDecodeError:
            report = {"_unparsed": proc.stdout[:2000]}
    return proc.returncode, report, proc.stderr


@pytest.fixture(scope="session")
def results(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[family.Packet, int, dict[str, Any], str]]:
    """Every packet generated once and checked once (in parallel)."""
    root = tmp_path_factory.mktemp("holdout3")
    packets = family.build_all(root)
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = dict(zip(packets, pool.map(_run, [p.path for p in packets.values()]), strict=True))
    return {name: (packets[name], *runs[name]) for name in packets}


@pytest.fixture(scope="session")
def schema() -> dict[str, Any]:
    loaded = _schema()
    if loaded is None:
        shared("report.schema.json")  # skips, or fails under CI=true
    return loaded


def _packet(results, name: str) -> tuple[family.Packet, int, dict[str, Any]]:
    packet, code, report, stderr = results[name]
    assert "Traceback" not in stderr, stderr
    assert code in (0, 1), f"exit {code}: {stderr}"
    assert "packets" in report and len(report["packets"]) == 1, (report, stderr)
    return packet, code, report["packets"][0]


def _items(packet_report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    assert [item["id"] for item in packet_report["items"]] == list("ABCDEF")
    return {item["id"]: item for item in packet_report["items"]}


def _explain(packet_report: dict[str, Any]) -> str:
    lines = [f"{i['id']} {i['status']}: {i['reasons']}" for i in packet_report["items"]]
    lines += [
        f"  doc {d['file']} {d['pages']} item={d['item']} date={d['date']} sigs={d['signatures']}"
        for d in packet_report["documents"]
    ]
    lines += [f"  flag {f['code']}: {f['message']}" for f in packet_report["flags"]]
    return "\n".join(lines)


def _docs(packet_report: dict[str, Any], file: str) -> list[dict[str, Any]]:
    return [d for d in packet_report["documents"] if d["file"] == file]


def _one_doc(packet_report: dict[str, Any], placed: family.Placed) -> dict[str, Any]:
    found = [d for d in _docs(packet_report, placed.file) if d["pages"] == placed.pages]
    assert len(found) == 1, (
        f"no single document {placed.file} {placed.pages}\n{_explain(packet_report)}"
    )
    return found[0]


# ------------------------------------------------------------------ every packet


@pytest.mark.parametrize("name", list(EXPECTED))
def test_report_is_valid_json_per_schema(results, schema, name: str) -> None:
    import jsonschema

    _, _, report, _ = results[name]
    jsonschema.validate(report, schema)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_item_statuses_and_exit_code(results, name: str) -> None:
    packet, code, rep = _packet(results, name)
    want_code, want = EXPECTED[name]
    got = {key: item["status"] for key, item in _items(rep).items()}
    for key in "ABCDEF":
        accepted = want[key] if isinstance(want[key], tuple) else (want[key],)
        assert got[key] in accepted, f"item {key}: {got[key]} not in {accepted}\n{_explain(rep)}"
    assert code == want_code, _explain(rep)
    assert rep["complete"] is (want_code == 0), _explain(rep)
    assert rep["errors"] == [], rep["errors"]
    files = {placed.file for placed in packet.documents.values()}
    assert files <= {d["file"] for d in rep["documents"]}, _explain(rep)


# ------------------------------------------------------- each case's own point


def _letter(rep: dict[str, Any], packet: family.Packet) -> dict[str, Any]:
    return _one_doc(rep, packet.documents["letter"])


def _a_evidence(rep: dict[str, Any], placed: family.Placed) -> list[dict[str, Any]]:
    return [d for d in _items(rep)["A"]["documents"] if d["file"] == placed.file]


def check_complete(packet: family.Packet, rep: dict[str, Any]) -> None:
    letter = _letter(rep, packet)
    assert letter["item"] == "A"
    assert letter["date"] == family.LETTER_DATE.isoformat()
    assert any(family.ATTENDING_SURNAME in (s["signer"] or "") for s in letter["signatures"])
    [evidence] = _a_evidence(rep, packet.documents["letter"])
    assert evidence["signed"] is True
    assert (
        _one_doc(rep, packet.documents["serology"])["date"] == family.SEROLOGY_COLLECTED.isoformat()
    )
    assert _one_doc(rep, packet.documents["marrow"])["date"] == family.MARROW_PROCEDURE.isoformat()
    for key, item in [
        ("treatment-center", "B"),
        ("serology", "C"),
        ("marrow", "D"),
        ("echo", "E"),
        ("psychosocial", "F"),
    ]:
        assert _one_doc(rep, packet.documents[key])["item"] == item, key


def _not_the_letter(
    key: str, must_be_null: bool
) -> Callable[[family.Packet, dict[str, Any]], None]:
    def check(packet: family.Packet, rep: dict[str, Any]) -> None:
        placed = packet.documents[key]
        for doc in _docs(rep, placed.file):
            if must_be_null:
                assert doc["item"] is None, doc
            else:
                assert doc["item"] != "A", doc
        assert _a_evidence(rep, placed) == []

    return check


def check_pa_form(packet: family.Packet, rep: dict[str, Any]) -> None:
    _not_the_letter("form", must_be_null=True)(packet, rep)
    for doc in _docs(rep, packet.documents["form"].file):
        assert doc["signatures"] == [], doc["signatures"]


def check_center_email(packet: family.Packet, rep: dict[str, Any]) -> None:
    email = packet.documents["treatment-center"]
    assert _one_doc(rep, email)["item"] == "B"
    assert [d["file"] for d in _items(rep)["B"]["documents"]] == [email.file]
    assert _letter(rep, packet)["item"] == "A"


def check_title_department_line(packet: family.Packet, rep: dict[str, Any]) -> None:
    signers = [s["signer"] or "" for s in _letter(rep, packet)["signatures"]]
    named = [s for s in signers if "Lindgren" in s and "Anders" in s]
    assert named, signers
    for signer in named:
        for wrong in ("Department", "Attending", "Malignant", "Hematology", "NPI", "1548392071"):
            assert wrong not in signer, signer


def check_cosigned(packet: family.Packet, rep: dict[str, Any]) -> None:
    [evidence] = _a_evidence(rep, packet.documents["letter"])
    assert evidence["signed"] is True
    signers = [s["signer"] or "" for s in _letter(rep, packet)["signatures"]]
    assert any(family.ATTENDING_SURNAME in s for s in signers), signers


def check_pa_only(packet: family.Packet, rep: dict[str, Any]) -> None:
    letter = _letter(rep, packet)
    assert letter["item"] == "A"
    [evidence] = _a_evidence(rep, packet.documents["letter"])
    assert evidence["signed"] is False
    assert not any(family.ATTENDING_SURNAME in (s["signer"] or "") for s in letter["signatures"])


def check_blank_line(packet: family.Packet, rep: dict[str, Any]) -> None:
    letter = _letter(rep, packet)
    assert letter["item"] == "A"
    assert letter["signatures"] == []
    [evidence] = _a_evidence(rep, packet.documents["letter"])
    assert evidence["signed"] is False


def check_drawn_signature(packet: family.Packet, rep: dict[str, Any]) -> None:
    letter = _letter(rep, packet)
    images = [s for s in letter["signatures"] if s["kind"] == "image"]
    assert images, letter["signatures"]
    assert all(s["page"] == 2 for s in images), images
    [evidence] = _a_evidence(rep, packet.documents["letter"])
    assert evidence["signed"] is True


def check_psychosocial_incomplete(packet: family.Packet, rep: dict[str, Any]) -> None:
    assert _one_doc(rep, packet.documents["psychosocial"])["item"] == "F"
    assert _items(rep)["F"]["reasons"], "an incomplete item gives its reasons"


def check_day_first(packet: family.Packet, rep: dict[str, Any]) -> None:
    serology = _one_doc(rep, packet.documents["serology"])
    assert serology["item"] == "C"
    assert serology["date"] == family.FOREIGN_SEROLOGY_COLLECTED.isoformat()
    birth = [d["date"] for d in serology["dates"] if d["role"] == "birth"]
    assert birth in ([], ["1961-07-23"]), serology["dates"]
    [evidence] = [
        d for d in _items(rep)["C"]["documents"] if d["file"] == packet.documents["serology"].file
    ]
    assert evidence["date"] == family.FOREIGN_SEROLOGY_COLLECTED.isoformat()


def check_prior_car_t(packet: family.Packet, rep: dict[str, Any]) -> None:
    assert "prior-car-t" in {f["code"] for f in rep["flags"]}, rep["flags"]


def check_no_prior_car_t(packet: family.Packet, rep: dict[str, Any]) -> None:
    assert "prior-car-t" not in {f["code"] for f in rep["flags"]}, rep["flags"]


def check_requisition(packet: family.Packet, rep: dict[str, Any]) -> None:
    d_item = _items(rep)["D"]
    assert d_item["status"] != "present"
    assert d_item["reasons"], "a D that is not present gives its reasons"


def check_combined(packet: family.Packet, rep: dict[str, Any]) -> None:
    letter_placed = packet.documents["letter"]
    letter = _letter(rep, packet)
    assert letter["item"] == "A"
    assert letter["date"] == family.LETTER_DATE.isoformat()
    assert letter["signatures"], "the letter is signed on its second page"
    assert {s["page"] for s in letter["signatures"]} <= set(letter_placed.pages), letter[
        "signatures"
    ]
    assert letter_placed.pages[1] in {s["page"] for s in letter["signatures"]}
    [evidence] = _items(rep)["A"]["documents"]
    assert evidence["pages"] == letter_placed.pages
    assert evidence["signed"] is True
    # No other document claims the letter's pages.
    for doc in rep["documents"]:
        if doc is not letter:
            assert not set(doc["pages"]) & set(letter_placed.pages), doc
    for key, item in [
        ("treatment-center", "B"),
        ("serology", "C"),
        ("marrow", "D"),
        ("psychosocial", "F"),
    ]:
        doc = _one_doc(rep, packet.documents[key])
        assert doc["item"] == item, key
        assert doc["signatures"] == [] or {s["page"] for s in doc["signatures"]} <= set(
            doc["pages"]
        )
    assert (
        _one_doc(rep, packet.documents["serology"])["date"] == family.SEROLOGY_COLLECTED.isoformat()
    )
    assert _one_doc(rep, packet.documents["marrow"])["date"] == family.MARROW_PROCEDURE.isoformat()
    cover = [d for d in rep["documents"] if 1 in d["pages"]]
    assert all(d["item"] is None for d in cover), cover


SPECIFIC: dict[str, Callable[[family.Packet, dict[str, Any]], None]] = {
    "complete": check_complete,
    "t01-referral-letter": _not_the_letter("referral", must_be_null=True),
    "t02-plan-pend-letter": _not_the_letter("pend", must_be_null=False),
    "t03-pa-request-form": check_pa_form,
    "t04-discharge-summary": _not_the_letter("discharge", must_be_null=False),
    "t05-center-email": check_center_email,
    "t06-title-department-line": check_title_department_line,
    "t07-fellow-cosigned": check_cosigned,
    "t08-pa-signed-only": check_pa_only,
    "t09-blank-signature-line": check_blank_line,
    "t10-drawn-signature": check_drawn_signature,
    "t11-backup-caregiver-unidentified": check_psychosocial_incomplete,
    "t12-substance-not-assessed": check_psychosocial_incomplete,
    "t13-day-first-serology": check_day_first,
    "t14a-prior-car-t": check_prior_car_t,
    "t14b-no-prior-car-t": check_no_prior_car_t,
    "t15-marrow-requisition": check_requisition,
    family.COMBINED: check_combined,
}
assert set(SPECIFIC) == set(EXPECTED)


@pytest.mark.parametrize("name", list(SPECIFIC))
def test_case_specific_point(results, name: str) -> None:
    packet, _, rep = _packet(results, name)
    try:
        SPECIFIC[name](packet, rep)
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n{_explain(rep)}") from None


def test_generated_pdfs_say_what_they_should(results) -> None:
    """The traps are in the text layer as written (guards the generator, not carcheck)."""
    import pdfplumber

    def text(name: str, key: str) -> str:
        placed = results[name][0].documents[key]
        with pdfplumber.open(results[name][0].path / placed.file) as pdf:
            return "\n".join(pdf.pages[p - 1].extract_text() or "" for p in placed.pages)

    assert "Physician signature" in text("t09-blank-signature-line", "letter")
    assert "Electronically signed" not in text("t09-blank-signature-line", "letter")
    assert "Electronically signed" not in text("t10-drawn-signature", "letter")
    assert "not yet identified" in text("t11-backup-caregiver-unidentified", "psychosocial")
    assert "Not assessed at this visit" in text("t12-substance-not-assessed", "psychosocial")
    assert "04/10/2026" in text("t13-day-first-serology", "serology")
    assert "infused 06/2025" in text("t14a-prior-car-t", "letter")
    assert "not previously received CAR T" in text("t14b-no-prior-car-t", "letter")
    assert "Prescriber signature" in text("t03-pa-request-form", "form")
    combined = results[family.COMBINED][0]
    with pdfplumber.open(combined.path / family.COMBINED_FILE) as pdf:
        assert len(pdf.pages) == family.COMBINED_PAGES
