"""Whose packet it is: the patient read from every document, and another patient's pages
caught (CONTRACT.md "Patient")."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from carcheck.extract.dates import find_dates
from carcheck.extract.identity import Match, match, names_match, parse_option, read_patient
from carcheck.model import Patient
from tests.pagefactory import make_page

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_packets"
AS_OF = "2026-10-15"
BRENNAN = Patient("Harold W. Brennan", dt.date(1958, 6, 23), "WNC884120377")


@pytest.mark.parametrize(
    "printed",
    [
        "BRENNAN, HAROLD W",
        "Harold W. Brennan",
        "Harold Brennan",
        "Brennan, Harold William",
        "HAROLD BRENNAN",
        "Harold Brenan",  # one letter slipped by OCR
    ],
)
def test_name_forms_of_one_person_match(printed: str) -> None:
    assert names_match(printed, "Harold W. Brennan")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("María José García-López", "Maria Jose Garcia"),
        ("Maria Garcia Lopez", "GARCIA LOPEZ, MARIA"),
        ("Ana de la Cruz", "DE LA CRUZ, ANA"),
        ("Zoë Ødegård", "Zoe Odegard"),
    ],
)
def test_accents_and_two_part_surnames_match(a: str, b: str) -> None:
    assert names_match(a, b)


@pytest.mark.parametrize(
    ("other", "verdict"),
    [
        (Patient("Harold Brennan", dt.date(1958, 6, 23), None), Match.SAME),
        (Patient("BRENNAN, HAROLD W", None, None), Match.SAME),
        (Patient("Harold W. Brennan", dt.date(1961, 2, 3), None), Match.OTHER),
        (Patient("Harold W. Brennan", None, "WNC000111222"), Match.OTHER),
        (Patient("Thomas R. Abernathy", None, None), Match.OTHER),
        (Patient("Thomas R. Abernathy", dt.date(1958, 6, 23), None), Match.UNSURE),
        (Patient("Harold W. Brennan", None, "WNC8841"), Match.UNSURE),  # cut short
        (Patient(None, None, None, mrn="PH00482913"), Match.SAME),  # an MRN never decides
    ],
)
def test_matching_a_document_to_the_packet(other: Patient, verdict: Match) -> None:
    assert match(other, BRENNAN) is verdict


def test_a_date_of_birth_ocr_may_have_misread_is_a_doubt() -> None:
    misread = Patient("Harold W. Brennan", dt.date(1958, 6, 28), None)
    assert match(misread, BRENNAN) is Match.OTHER
    assert match(misread, BRENNAN, read_by_ocr=True) is Match.UNSURE


def _patient_of(*texts: str) -> Patient | None:
    page = make_page(*texts)
    return read_patient([page], find_dates(page.lines, 1))


@pytest.mark.parametrize(
    ("texts", "name"),
    [
        (("Patient: BRENNAN, HAROLD W  MRN: PH00482913", "DOB: 06/23/1958"), "BRENNAN, HAROLD W"),
        (("Re: Harold W. Brennan (DOB 06/23/1958)",), "Harold W. Brennan"),
        (("Brennan, Harold W | DOB 06/23/1958 | MRN PH00482913",), "Brennan, Harold W"),
        (("Member name: Harold W. Brennan", "Member ID: WNC884120377"), "Harold W. Brennan"),
        (
            ("PATIENT INFORMATION", "Name: Harold W. Brennan", "DOB: 06/23/1958"),
            "Harold W. Brennan",
        ),
    ],
)
def test_the_patient_is_read_from_where_documents_print_it(
    texts: tuple[str, ...], name: str
) -> None:
    found = _patient_of(*texts)
    assert found is not None and found.name == name


def test_a_caregiver_sharing_the_surname_is_not_the_patient() -> None:
    found = _patient_of(
        "Psychosocial Evaluation",
        "Caregiver name: Mary Brennan (wife)",
        "Emergency contact: Name: Paul Brennan",
    )
    assert found is None or found.name is None


def test_a_document_that_names_no_patient_has_none() -> None:
    assert _patient_of("Authorized Treatment Center Confirmation", "Name: Margaret A. Lyle") is None


def test_the_patient_option() -> None:
    assert parse_option("Harold Brennan, 1958-06-23") == Patient(
        "Harold Brennan", dt.date(1958, 6, 23), None, None
    )
    with pytest.raises(ValueError, match="not a real date"):
        parse_option("Harold Brennan, 1958-02-30")


# --- the packet: the wrong-patient cases, through the CLI --------------------------------


def _run(run_cli: Any, folder: Path, *extra: str, fmt: str = "json") -> tuple[int, str]:
    result = run_cli(["check", folder, "--format", fmt, "--as-of", AS_OF, "--no-cache", *extra])
    return result.code, result.stdout


def _packet(run_cli: Any, folder: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    code, out = _run(run_cli, folder, *extra)
    return code, json.loads(out)["packets"][0]


def _item(packet: dict[str, Any], item: str) -> dict[str, Any]:
    return next(i for i in packet["items"] if i["id"] == item)


OTHER_SEROLOGY = SAMPLES / "unsigned-letter" / "ID serologies 2026-08-29.pdf"  # Abernathy's


def _brennan_with(tmp_path: Path, *, drop: str | None, add: Path) -> Path:
    folder = tmp_path / "packet"
    shutil.copytree(SAMPLES / "complete", folder)
    if drop:
        (folder / drop).unlink()
    shutil.copy(add, folder / add.name)
    return folder


def test_another_patients_only_serology_leaves_c_missing(run_cli, schema, tmp_path: Path) -> None:
    folder = _brennan_with(tmp_path, drop="HIV hepatitis panel.pdf", add=OTHER_SEROLOGY)
    code, out = _run(run_cli, folder)
    report = json.loads(out)
    schema.validate(report)
    packet = report["packets"][0]
    c = _item(packet, "C")
    assert (code, packet["complete"], c["status"]) == (1, False, "missing")
    assert any("is for another patient" in r and OTHER_SEROLOGY.name in r for r in c["reasons"])
    mismatch = [f for f in packet["flags"] if f["code"] == "patient-mismatch"]
    assert len(mismatch) == 1 and OTHER_SEROLOGY.name in mismatch[0]["message"]
    assert "ABERNATHY" in mismatch[0]["message"].upper() and "Brennan" in mismatch[0]["message"]
    other = next(d for d in packet["documents"] if d["file"] == OTHER_SEROLOGY.name)
    assert (other["item"], other["claimed_item"]) == (None, "C")
    assert packet["patient"]["name"] == "Harold W. Brennan"


def test_another_patients_extra_document_makes_the_packet_not_complete(
    run_cli, tmp_path: Path
) -> None:
    folder = _brennan_with(tmp_path, drop=None, add=OTHER_SEROLOGY)
    code, packet = _packet(run_cli, folder)
    assert all(i["status"] in ("present", "not_provided") for i in packet["items"])
    assert (code, packet["complete"]) == (1, False)
    code, table = _run(run_cli, folder, fmt="table")
    assert "another patient" in table and "Brennan" in table


def test_the_patient_is_named_in_every_format(run_cli, tmp_path: Path) -> None:
    folder = _brennan_with(tmp_path, drop=None, add=OTHER_SEROLOGY)
    _, markdown = _run(run_cli, folder, fmt="markdown")
    assert "Harold W. Brennan" in markdown
    _, junit = _run(run_cli, folder, fmt="junit")
    props = {p.get("name"): p.get("value") for p in ET.fromstring(junit).iter("property")}
    assert "Harold W. Brennan" in props["patient"]
    assert "flag:patient-mismatch" in props


def test_the_patient_option_overrides_the_letter(run_cli) -> None:
    code, packet = _packet(
        run_cli, SAMPLES / "complete", "--patient", "Thomas Abernathy, 1962-03-14"
    )
    assert packet["patient"]["name"] == "Thomas Abernathy"
    assert (code, packet["complete"]) == (1, False)
    assert _item(packet, "A")["status"] == "missing"


def test_a_bad_patient_option_is_a_usage_error(run_cli) -> None:
    result = run_cli(["check", SAMPLES / "complete", "--patient", "Harold Brennan, 1958-02-30"])
    assert result.code == 2 and len(result.stderr.strip().splitlines()) == 1


def test_patient_identity_never_reaches_stderr(run_cli, tmp_path: Path) -> None:
    """The names and dates of birth are in the report only: never in logs or on stderr."""
    from tests import pdfs

    marker, other = "Quillfeather", "Vandersloot"
    letter = [
        (size, text.replace("John Sample", f"Zephyrine {marker}")) for size, text in pdfs.LETTER
    ]
    pdfs.complete_packet(tmp_path)
    pdfs.make_pdf(tmp_path / "letter.pdf", [letter])
    serology = [
        (s, t.replace("John Sample", f"Ignatius {other}").replace("03/14/1960", "07/09/1971"))
        for s, t in pdfs.SEROLOGY
    ]
    pdfs.make_pdf(tmp_path / "serology.pdf", [serology])
    for extra in ([], ["--debug"], ["--format", "json"], ["--patient", f"Zephyrine {marker}"]):
        result = run_cli(["check", tmp_path, "--as-of", AS_OF, "--no-cache", *extra])
        assert result.code == 1
        assert marker not in result.stderr and other not in result.stderr
        assert "1960" not in result.stderr and "1971" not in result.stderr
    report = run_cli(["check", tmp_path, "--as-of", AS_OF, "--no-cache", "--format", "json"])
    packet = json.loads(report.stdout)["packets"][0]
    assert marker in packet["patient"]["name"]
    assert any(other in f["message"] for f in packet["flags"] if f["code"] == "patient-mismatch")
