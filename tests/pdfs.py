"""A tiny PDF builder for tests: text lines on pages, and a small packet judged as of 2026-10-15."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

AS_OF = "2026-10-15"  # the date the packets below are judged against
CREATED = datetime(2026, 10, 14, 12, 0, 0, tzinfo=UTC)

Line = tuple[float, str]

LETTER_SIGNATURE = "Electronically signed by Jane Roe, MD on 10/02/2026"

LETTER: list[Line] = [
    (16, "Letter of Medical Necessity"),
    (10, "October 2, 2026"),
    (10, "Re: John Sample  DOB: 03/14/1960"),
    (10, "Dear Utilization Management Reviewer,"),
    (10, "Prior chemotherapy regimens: R-CHOP x6 cycles, 01/2025-05/2025."),
    (10, "Clinical history: the patient was diagnosed with DLBCL and relapsed after therapy."),
    (10, "Social history: he lives with his wife, who will be his caregiver."),
    (
        10,
        "Indication: he is a candidate for axicabtagene ciloleucel (Yescarta) CAR T-cell therapy.",
    ),
    (10, "Attending physician: Jane Roe, MD"),
    (10, "Sincerely,"),
    (10, LETTER_SIGNATURE),
]

CENTER: list[Line] = [
    (16, "Authorized Treatment Center Confirmation"),
    (10, "Date: 09/15/2026"),
    (10, "Kite Pharma confirms that Example Cancer Center is an authorized treatment"),
    (10, "center for the administration of axicabtagene ciloleucel (Yescarta)."),
]

SEROLOGY: list[Line] = [
    (16, "Infectious Disease Serology"),
    (10, "Patient: John Sample  DOB: 03/14/1960"),
    (10, "Collected: 09/20/2026 Reported: 09/22/2026"),
    (10, "HIV-1/2 Ag/Ab Nonreactive"),
    (10, "Hepatitis B surface antigen Nonreactive"),
    (10, "Hepatitis C antibody Nonreactive"),
]

PATHOLOGY: list[Line] = [
    (16, "Surgical Pathology Report"),
    (10, "Patient: John Sample  DOB: 03/14/1960"),
    (10, "Specimen: Bone marrow, core biopsy and aspirate"),
    (10, "Date of procedure: 05/01/2026"),
    (10, "Final diagnosis: no involvement by lymphoma."),
]

PSYCHOSOCIAL: list[Line] = [
    (16, "Psychosocial Evaluation"),
    (10, "Patient: John Sample  DOB: 03/14/1960"),
    (10, "Medical compliance: adherent to all appointments and medications."),
    (10, "Support network: lives with his wife; his son lives nearby."),
    (10, "Post-treatment care plan:"),
    (10, "Primary caregiver: Mary Sample (wife)"),
    (10, "Secondary caregiver: Tom Sample (son)"),
    (10, "Mental health history: denies"),
    (10, "Substance use history: denies"),
    (10, "Legal history: denies"),
]


def build_pdf(pages: list[list[Line]]) -> FPDF:
    """`pages` (each a list of (font size, text) lines, top-down) laid out, not yet written."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(CREATED)
    pdf.set_auto_page_break(False)
    pdf.set_margins(72, 72)
    for lines in pages:
        pdf.add_page()
        pdf.set_y(72)
        for size, text in lines:
            pdf.set_font("Helvetica", "B" if size > 11 else "", size)
            pdf.cell(0, size * 1.6, text, new_x="LMARGIN", new_y="NEXT")
    return pdf


def make_pdf(path: Path, pages: list[list[Line]]) -> Path:
    """Write `pages` (each a list of (font size, text) lines, top-down) as a PDF at `path`."""
    pdf = build_pdf(pages)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


def complete_packet(folder: Path, *, signed: bool = True) -> Path:
    """A small packet that is complete as of `AS_OF` (with `signed=False`, A is unsigned)."""
    letter = LETTER if signed else [line for line in LETTER if line[1] != LETTER_SIGNATURE]
    make_pdf(folder / "letter.pdf", [letter])
    make_pdf(folder / "center.pdf", [CENTER])
    make_pdf(folder / "serology.pdf", [SEROLOGY])
    make_pdf(folder / "pathology.pdf", [PATHOLOGY])
    make_pdf(folder / "psychosocial.pdf", [PSYCHOSOCIAL])
    return folder


def unsigned_packet(folder: Path) -> Path:
    """The complete packet with its letter's signature statement left out."""
    return complete_packet(folder, signed=False)
