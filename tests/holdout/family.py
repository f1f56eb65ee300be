"""Held-out document family: one hospital, lab and clinic, written apart from carcheck.

Alder Bay University Medical Center (a fictional academic center) asks WellCare of
North Carolina to cover lisocabtagene maraleucel for a patient with relapsed large
B-cell lymphoma. Its packet uses its own titles, section names, analyte spellings,
date labels and date styles, and it arrives the way a fax server delivers it: a fax
header line on every page, uninformative file names, and optionally one combined PDF
with a cover sheet first. Nothing here is shared with the sample generator in
`tools/`; the test in `tests/test_holdout.py` is the only user.

`build(name, dest)` writes one packet (a `VARIANTS` key, or `COMBINED`) and returns
where each document went, so the test can compare the checker's split with the pages
written here.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fpdf import FPDF

AS_OF = date(2026, 10, 15)
SEED = 20261015

# People, places and fixed dates of the family.
PATIENT = "Marisol T. Reyes"
PATIENT_LAST_FIRST = "REYES, MARISOL T"
DOB = date(1961, 3, 14)
ATTENDING = "Adaeze N. Okonkwo, MD"
REFERRING = "Thomas Lindqvist, DO"
CENTER = "Alder Bay University Medical Center"
CENTER_ADDRESS = "1400 Harbor Crest Drive, Raleigh, NC 27607"
PRODUCT = "lisocabtagene maraleucel (Breyanzi\u00ae)"
PLAN = "WellCare of North Carolina"

LETTER_DATE = date(2026, 10, 2)
LETTER_SIGNED_AT = datetime(2026, 10, 2, 14, 31)
FAX_SENT = datetime(2026, 10, 14, 9, 12)
QTC_LETTER_DATE = date(2026, 8, 4)
PET_DATE = date(2026, 9, 15)
ECHO_DATE = date(2026, 9, 18)
PSYCH_DATE = date(2026, 9, 25)
LAB_PRINTED = datetime(2026, 10, 13, 8, 2)
PATH_PRINTED = datetime(2026, 10, 12, 14, 10)
CREATED = datetime(2026, 10, 14, 13, 12, 33, tzinfo=UTC)


@dataclass(frozen=True)
class Variant:
    """What differs between the packets of the family."""

    letter_signed: bool = True
    serology_collected: date = date(2026, 9, 22)
    serology_has_hiv: bool = True
    serology_has_hbv: bool = True
    marrow_procedure: date = date(2026, 9, 10)
    backup_caregiver: bool = True
    # An earlier report from the same lab holding only a reactive HBV core antibody.
    old_core_ab_collected: date | None = None


VARIANTS: dict[str, Variant] = {
    "complete": Variant(),
    "unsigned-letter": Variant(letter_signed=False),
    "stale-serology": Variant(serology_collected=AS_OF - timedelta(days=122)),  # 2026-06-15
    "serology-without-hiv": Variant(serology_has_hiv=False),
    "stale-marrow": Variant(marrow_procedure=date(2026, 2, 12)),  # 8 months old
    "no-backup-caregiver": Variant(backup_caregiver=False),
    "old-reactive-core-ab": Variant(
        serology_has_hbv=False, old_core_ab_collected=date(2026, 5, 15)
    ),
}
COMBINED = "combined-fax"  # the complete packet as one PDF with a fax cover page first


@dataclass
class Placed:
    """Where one generated document went: its file (relative to the packet) and pages."""

    file: str
    pages: list[int]


@dataclass
class Packet:
    path: Path
    documents: dict[str, Placed] = field(default_factory=dict)


# --- date styles -------------------------------------------------------------------


def _mdy(d: date) -> str:
    return f"{d:%m/%d/%Y}"


def _mdy_short(d: date) -> str:
    return f"{d.month}/{d.day}/{d:%y}"


def _m_d_yyyy(d: date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def _mon(d: date) -> str:
    return f"{d:%b} {d.day}, {d.year}"


def _long(d: date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


def _age(on: date) -> int:
    return on.year - DOB.year - ((on.month, on.day) < (DOB.month, DOB.day))


def _clock(t: datetime) -> str:
    return f"{t.hour % 12 or 12}:{t:%M} {'PM' if t.hour >= 12 else 'AM'}"


# --- the page machinery --------------------------------------------------------------


class _Sheet(FPDF):
    """A US-letter page in core fonts (cp1252, so dashes and (R) survive)."""

    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="Letter")
        self.core_fonts_encoding = "windows-1252"
        self.set_auto_page_break(False)
        self.set_margins(19, 14, 19)
        self.set_creation_date(CREATED)
        self.set_creator("RightFax 16.6 (fax-to-PDF)")
        self.set_producer("RightFax 16.6")

    def new_page(self) -> None:
        self.add_page()
        # The receiving fax machine stamps every page it prints.
        self.set_font("Courier", size=7.5)
        self.set_xy(8, 4)
        self.cell(
            0,
            3,
            f"{FAX_SENT:%m/%d/%Y %H:%M}   FROM: ABUMC CELL THERAPY   (555) 201-7788"
            f"   TO: 18665550142   P.{self.page_no():03d}/{{nb}}",
        )
        self.set_xy(self.l_margin, 12)

    def font(self, size: float = 9.5, style: str = "", family: str = "Helvetica") -> None:
        self.set_font(family, style=style, size=size)

    def line_of(
        self, text: str, size: float = 9.5, style: str = "", h: float = 4.4, align: str = "L"
    ) -> None:
        self.font(size, style)
        self.cell(0, h, text, align=align, new_x="LMARGIN", new_y="NEXT")

    def para(self, text: str, size: float = 9.5, h: float = 4.3, indent: float = 0) -> None:
        self.font(size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, h, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def labelled(
        self, label: str, text: str, size: float = 9.5, h: float = 4.3, width: float = 0
    ) -> None:
        """Bold label then text on one line (or wrapped), the way forms print."""
        self.font(size, "B")
        w = width or self.get_string_width(label + " ") + 1
        x = self.get_x()
        self.cell(w, h, label)
        self.font(size)
        self.multi_cell(
            self.epw - (x - self.l_margin) - w, h, text, align="L", new_x="LMARGIN", new_y="NEXT"
        )

    def grid(self, rows: list[tuple[str, str, str, str]], size: float = 8.5) -> None:
        """Label/value pairs in two columns."""
        for l1, v1, l2, v2 in rows:
            y = self.get_y()
            self.set_x(self.l_margin)
            self.font(size, "B")
            self.cell(34, 4.2, l1)
            self.font(size)
            self.cell(54, 4.2, v1)
            self.font(size, "B")
            self.cell(30, 4.2, l2)
            self.font(size)
            self.cell(0, 4.2, v2)
            self.set_xy(self.l_margin, y + 4.2)

    def heading(self, text: str, size: float = 10, gap: float = 2.0) -> None:
        self.ln(gap)
        self.line_of(text, size=size, style="B", h=5)

    def rule(self, weight: float = 0.3, gap: float = 1.5) -> None:
        self.ln(gap)
        self.set_line_width(weight)
        y = self.get_y()
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.ln(gap)

    def footer_text(self, text: str) -> None:
        self.set_xy(self.l_margin, self.h - 14)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.h - 15, self.w - self.r_margin, self.h - 15)
        self.font(7.5)
        self.cell(0, 3.5, text, align="C")
        self.check_fits()

    def check_fits(self) -> None:
        # Auto page break is off so every document has exactly the pages it declares.
        if self.get_y() > self.h - 10:
            raise AssertionError(f"page {self.page_no()} overflows")

    def body_end(self) -> None:
        if self.get_y() > self.h - 17:
            raise AssertionError(f"page {self.page_no()} body runs into its footer")


# --- the documents -------------------------------------------------------------------


def _fax_cover(pdf: _Sheet, v: Variant, total_pages: int) -> None:
    pdf.new_page()
    pdf.ln(6)
    pdf.line_of("ALDER BAY UNIVERSITY MEDICAL CENTER", size=13, style="B")
    pdf.line_of("Lymphoma & Cellular Therapy Program", size=10)
    pdf.ln(8)
    pdf.line_of("F A X", size=30, style="B", h=14)
    pdf.rule(0.6)
    rows = [
        ("To:", f"{PLAN} - Prior Authorization / Utilization Management"),
        ("Fax:", "1-866-555-0142"),
        ("From:", "Nora Fairbanks, RN, BMT/Cellular Therapy Coordinator"),
        ("Phone / fax:", "(555) 201-7741 / (555) 201-7788"),
        ("Date sent:", f"{FAX_SENT:%m/%d/%Y}  {_clock(FAX_SENT)}"),
        ("Pages:", f"{total_pages} (including this cover)"),
        ("Re:", f"PA request - {PRODUCT} - {PATIENT_LAST_FIRST}, DOB {_mdy(DOB)}"),
    ]
    for label, text in rows:
        pdf.labelled(label, text, size=10.5, h=6.5, width=32)
    pdf.rule(0.6)
    pdf.line_of("Enclosed:", size=10, style="B")
    for line in [
        "Letter from the attending physician",
        "Treatment center confirmation from the manufacturer",
        "Infectious disease markers",
        "Hematopathology, PET/CT and echocardiogram reports",
        "Social work assessment",
    ]:
        pdf.para(f"-  {line}", size=10, h=5, indent=4)
    pdf.ln(6)
    pdf.para("[x] Urgent     [ ] For review     [ ] Please reply     [ ] Please comment", size=10)
    pdf.ln(30)
    pdf.para(
        "CONFIDENTIALITY NOTICE: This facsimile contains protected health information that "
        "is privileged and confidential under federal and state law. It is intended only for "
        "the use of the recipient named above. If you have received this transmission in "
        "error, notify the sender at (555) 201-7741 and destroy all copies.",
        size=8,
        h=3.8,
    )
    pdf.body_end()


def _letterhead(pdf: _Sheet) -> None:
    pdf.line_of("ALDER BAY UNIVERSITY MEDICAL CENTER", size=14, style="B", h=6)
    pdf.line_of(
        "Lymphoma & Cellular Therapy Program  |  Division of Hematologic Malignancies", size=9
    )
    pdf.line_of(f"{CENTER_ADDRESS}   Tel (555) 201-7700   Fax (555) 201-7788", size=8.5)
    pdf.rule(0.8, gap=1.2)


def _letter(pdf: _Sheet, v: Variant) -> None:
    # Page 1: addresses, request summary, oncologic history.
    pdf.new_page()
    _letterhead(pdf)
    pdf.ln(2)
    pdf.line_of(_mon(LETTER_DATE))
    pdf.ln(2)
    for line in [
        PLAN,
        "Attn: Utilization Management - Medical Prior Authorization",
        "P.O. Box 31368",
        "Tampa, FL 33631-3368",
    ]:
        pdf.line_of(line, h=4.2)
    pdf.ln(3)
    pdf.line_of(
        "STATEMENT OF MEDICAL NECESSITY \u2014 CELLULAR IMMUNOTHERAPY", size=11.5, style="B", h=6
    )
    pdf.ln(1)
    pdf.grid(
        [
            ("Patient:", PATIENT, "Date of birth:", _long(DOB)),
            ("Member ID:", "U7730418826", "MRN:", "00482917"),
            ("Diagnosis:", "DLBCL, NOS (C83.38)", "Line of therapy:", "4th"),
            ("Requested:", "Breyanzi\u00ae, single infusion", "HCPCS:", "Q2054"),
        ],
        size=9,
    )
    pdf.labelled("Treating center:", f"{CENTER} (manufacturer-qualified)", size=9, width=34)
    pdf.labelled("Attending physician:", ATTENDING, size=9, width=34)
    pdf.ln(3)
    pdf.para("To the reviewing medical director:")
    pdf.ln(1)
    pdf.para(
        f"I am the attending physician for Ms. Reyes, a 65-year-old woman with relapsed and "
        f"refractory diffuse large B-cell lymphoma, and I am requesting a coverage "
        f"determination for autologous anti-CD19 CAR T-cell therapy with {PRODUCT}, preceded "
        f"by lymphodepleting fludarabine and cyclophosphamide, to be given at {CENTER}. "
        f"She has had three prior lines of systemic therapy, summarized below."
    )
    pdf.heading("Oncologic history and prior regimens")
    history = [
        "Nov 2024 - excisional biopsy of a left cervical node: DLBCL, germinal-center type; "
        "stage IIIA, IPI 3.",
        "R-CHOP x6 (Jan\u2013May 2025): complete metabolic response on PET/CT 06/2025.",
        "03/2026 - biopsy-proven relapse in a right inguinal node (10 months after R-CHOP).",
        "R-ICE x2, 03/2026\u201304/2026: stable disease only; not eligible for autologous "
        "transplant because of chemorefractory disease.",
        "Pola-BR (polatuzumab vedotin, bendamustine, rituximab) x3, 05/2026\u201307/2026: "
        "partial response, then progression in 08/2026.",
        "No prior CAR T-cell therapy, no prior allogeneic transplant.",
    ]
    for item in history:
        pdf.para(f"\u2022  {item}", indent=3)
        pdf.ln(0.6)
    pdf.heading("Clinical history")
    pdf.para(
        "Hypertension (amlodipine), hypothyroidism (levothyroxine), remote cholecystectomy. "
        "ECOG performance status 1. Creatinine clearance 78 mL/min; bilirubin and "
        "transaminases normal. No CNS involvement, no active infection, no autoimmune disease "
        "requiring systemic immunosuppression."
    )
    pdf.body_end()
    pdf.footer_text(
        f"{PATIENT}  |  DOB {_mdy(DOB)}  |  Statement of medical necessity  |  Page 1 of 2"
    )

    # Page 2: social history, work-up, indication, signature.
    pdf.new_page()
    pdf.line_of(f"Re: {PATIENT}   DOB: {_mdy(DOB)}   (continued)", size=8.5)
    pdf.rule(0.3, gap=1)
    pdf.heading("Social history", gap=1)
    caregivers = (
        "Her husband, Daniel Reyes, will be her primary caregiver and her daughter, Carla "
        "Reyes-Moody, her backup caregiver"
        if v.backup_caregiver
        else "Her husband, Daniel Reyes, will be her primary caregiver; a second caregiver is "
        "being identified with our social worker"
    )
    pdf.para(
        "Retired school librarian; lives with her husband in Cary, NC, 25 minutes from the "
        f"center. Never smoker, rare alcohol, no drug use. {caregivers}. She has agreed to "
        "stay within two hours of the center for four weeks after infusion and not to drive "
        "for eight weeks. Our transplant social worker has completed a psychosocial assessment."
    )
    pdf.heading("Current work-up")
    viruses = [
        name
        for name, tested in [
            ("HIV", v.serology_has_hiv),
            ("hepatitis B", v.serology_has_hbv),
            ("hepatitis C", True),
        ]
        if tested
    ]
    serology = (
        f"{', '.join(viruses[:-1])} and {viruses[-1]} serologies nonreactive "
        f"({_mdy(v.serology_collected)})"
    )
    if v.old_core_ab_collected is not None:
        serology += (
            "; hepatitis B core antibody reactive, consistent with past exposure; "
            "entecavir prophylaxis will be started before lymphodepletion"
        )
    serology += "."
    workup = [
        f"FDG PET/CT {_mdy(PET_DATE)}: progressive nodal disease above and below the diaphragm, "
        "Deauville 5, largest mass 6.1 cm (SUVmax 21.4).",
        f"Bone marrow aspirate and biopsy {_mon(v.marrow_procedure)}: no lymphoma involvement.",
        f"Transthoracic echocardiogram {_mdy(ECHO_DATE)}: LVEF 60-65%, no significant "
        "valvular disease.",
        serology,
    ]
    for item in workup:
        pdf.para(f"\u2022  {item}", indent=3)
        pdf.ln(0.6)
    pdf.heading("Indication")
    pdf.para(
        "Ms. Reyes has large B-cell lymphoma that relapsed within twelve months of first-line "
        "chemoimmunotherapy and is refractory to salvage therapy and to polatuzumab-based "
        "treatment. She is not a transplant candidate. Lisocabtagene maraleucel is FDA-approved "
        "for this indication and is an NCCN category 2A recommendation; it offers her the only "
        "realistic prospect of durable remission. She meets the manufacturer's and our "
        "program's eligibility criteria, has adequate organ function, and has strong family "
        "support. I ask that this request be approved so that leukapheresis can be scheduled "
        "promptly."
    )
    pdf.ln(2)
    pdf.para(
        "Please contact my office at (555) 201-7700 with any questions or to arrange a "
        "peer-to-peer review."
    )
    pdf.ln(4)
    pdf.line_of("Respectfully,")
    pdf.ln(12)
    pdf.set_line_width(0.3)
    y = pdf.get_y()
    pdf.line(pdf.l_margin, y, pdf.l_margin + 70, y)
    pdf.ln(1)
    pdf.line_of(ATTENDING, style="B")
    pdf.line_of("Attending Physician, Lymphoma & Cellular Therapy Program", size=9)
    pdf.line_of("Associate Professor of Medicine   NPI 1487326651", size=9)
    pdf.ln(3)
    if v.letter_signed:
        pdf.line_of(
            f"Electronically signed by {ATTENDING} on {_m_d_yyyy(LETTER_SIGNED_AT)} "
            f"at {_clock(LETTER_SIGNED_AT)} EDT",
            size=8.5,
            style="I",
        )
        pdf.ln(2)
    pdf.line_of(f"cc: {REFERRING}, Piedmont Hematology Associates (referring physician)", size=8.5)
    pdf.body_end()
    pdf.footer_text(
        f"{PATIENT}  |  DOB {_mdy(DOB)}  |  Statement of medical necessity  |  Page 2 of 2"
    )


def _qtc_letter(pdf: _Sheet, v: Variant) -> None:
    pdf.new_page()
    pdf.ln(4)
    pdf.line_of("Bristol Myers Squibb", size=16, style="B", h=7)
    pdf.line_of("Cell Therapy Operations  \u2022  Treatment Center Network", size=9.5)
    pdf.line_of(
        "P.O. Box 4500, Princeton, NJ 08543   |   Cell Therapy 360: 1-888-805-4555", size=8.5
    )
    pdf.rule(0.4, gap=2)
    pdf.ln(4)
    pdf.line_of(_long(QTC_LETTER_DATE))
    pdf.ln(4)
    for line in [
        "Program Director, Lymphoma & Cellular Therapy Program",
        CENTER,
        "1400 Harbor Crest Drive, Suite 520",
        "Raleigh, NC 27607",
    ]:
        pdf.line_of(line, h=4.4)
    pdf.ln(5)
    pdf.labelled(
        "RE:",
        "Qualified Treatment Center confirmation - BREYANZI\u00ae (lisocabtagene maraleucel)",
        size=10,
    )
    pdf.labelled("Site ID:", "QTC-NC-0148", size=10)
    pdf.ln(4)
    pdf.para("Dear Program Director:", size=10, h=5)
    pdf.ln(2)
    for text in [
        f"This letter confirms that {CENTER}, {CENTER_ADDRESS}, has completed the site "
        "qualification requirements for BREYANZI, including certification under the BREYANZI "
        "REMS, training of prescribers and nursing staff in the recognition and management of "
        "cytokine release syndrome and neurologic toxicities, and validation of the "
        "chain-of-identity and cell-ordering procedures.",
        f"Accordingly, {CENTER} is a Qualified Treatment Center authorized to order, receive, "
        "store and administer BREYANZI for commercially approved indications, effective "
        "July 28, 2026. This qualification remains in effect for the term of the Treatment "
        "Center Agreement between our companies unless withdrawn in writing.",
        "Health plans and other third parties may rely on this letter as verification of the "
        "center's qualified status. Questions may be directed to the Treatment Center Network "
        "at the number above.",
    ]:
        pdf.para(text, size=10, h=5)
        pdf.ln(3)
    pdf.ln(2)
    pdf.para("Sincerely,", size=10, h=5)
    pdf.ln(10)
    pdf.line_of("Marguerite Ellison", size=10, style="B")
    pdf.line_of("Director, Treatment Center Network, Cell Therapy Operations", size=9.5)
    pdf.body_end()
    pdf.footer_text("BMS Cell Therapy Operations  |  Confidential  |  Page 1 of 1")


def _lab_header(
    pdf: _Sheet,
    accession: str,
    collected_label: str,
    collected: datetime,
    received: datetime,
    final: datetime,
    fmt: Callable[[datetime], str],
) -> None:
    pdf.line_of("TIDEWATER REFERENCE LABORATORY, INC.", size=13, style="B", h=6)
    pdf.line_of(
        "2250 Commerce Park Blvd, Norfolk, VA 23502   CLIA 49D2119087   "
        "Client services 1-800-555-0196",
        size=8,
    )
    pdf.rule(0.6, gap=1.2)
    pdf.grid(
        [
            ("Patient:", PATIENT_LAST_FIRST, "Accession:", accession),
            (
                "DOB:",
                f"{_mdy(DOB)}  ({_age(collected.date())} Y)",
                "Client:",
                "ABUMC Cellular Therapy Clinic",
            ),
            ("Sex:", "F", "Ordering:", "OKONKWO, ADAEZE N"),
            ("Patient ID:", "00482917", "Specimen:", "Serum (SST)"),
        ]
    )
    pdf.rule(0.2, gap=1)
    pdf.font(8.5, "B")
    x = pdf.l_margin
    for label, when, width in [
        (collected_label + ":", collected, 62),
        ("Rcvd:", received, 50),
        ("Final:", final, 0),
    ]:
        pdf.set_x(x)
        pdf.font(8.5, "B")
        lw = pdf.get_string_width(label) + 1.5
        pdf.cell(lw, 4.4, label)
        pdf.font(8.5)
        pdf.cell((width - lw) if width else 0, 4.4, fmt(when))
        x += width
    pdf.ln(4.4)
    pdf.line_of("Report status: FINAL", size=8.5, style="B")
    pdf.rule(0.6, gap=1)


def _result_table(pdf: _Sheet, heading: str, rows: list[tuple[str, str, str, str]]) -> None:
    widths = (66, 32, 12, 32, 0)
    pdf.line_of(heading, size=10, style="B", h=5.5)
    pdf.font(8.5, "B")
    pdf.set_fill_color(225, 225, 225)
    for w, title in zip(widths, ("Test", "Result", "Flag", "Reference", "Site"), strict=True):
        pdf.cell(w, 5, title, fill=True)
    pdf.ln(5)
    for test, result, flag, ref in rows:
        pdf.font(9)
        pdf.cell(widths[0], 5.2, test)
        pdf.font(9, "B" if flag else "")
        pdf.cell(widths[1], 5.2, result)
        pdf.cell(widths[2], 5.2, flag)
        pdf.font(9)
        pdf.cell(widths[3], 5.2, ref)
        pdf.cell(widths[4], 5.2, "TRL")
        pdf.ln(5.2)
    pdf.rule(0.2, gap=1)


def _serology(pdf: _Sheet, v: Variant) -> None:
    collected = datetime.combine(v.serology_collected, datetime.min.time()).replace(
        hour=7, minute=45
    )
    received = collected.replace(hour=11, minute=2)
    final = (collected + timedelta(days=2)).replace(hour=16, minute=20)
    accession = f"26-{v.serology_collected.timetuple().tm_yday:03d}-04418"
    pdf.new_page()
    _lab_header(
        pdf,
        accession,
        "Date/Time Collected",
        collected,
        received,
        final,
        lambda t: f"{t:%m/%d/%Y %H:%M}",
    )
    rows = []
    if v.serology_has_hiv:
        rows.append(("HIV 1+2 Ag/Ab Combo", "Nonreactive", "", "Nonreactive"))
    if v.serology_has_hbv:
        rows.append(("HBV surface Ag", "Nonreactive", "", "Nonreactive"))
        rows.append(("HBV core Ab, total", "Nonreactive", "", "Nonreactive"))
    rows.append(("HCV Ab w/Reflex to RNA", "Nonreactive", "", "Nonreactive"))
    rows.append(("CMV IgG Ab", "Reactive", "A", "Nonreactive"))
    rows.append(("T. pallidum Ab (Syphilis)", "Nonreactive", "", "Nonreactive"))
    _result_table(pdf, "INFECTIOUS DISEASE MARKERS - CELL THERAPY DONOR/RECIPIENT PANEL", rows)
    pdf.line_of("Comments", size=9, style="B")
    notes = []
    if v.serology_has_hiv:
        notes.append(
            "HIV 1+2 Ag/Ab Combo: fourth-generation chemiluminescent immunoassay for "
            "HIV-1 p24 antigen and antibodies to HIV-1 (groups M and O) and HIV-2."
        )
    notes.append(
        "HCV Ab w/Reflex to RNA: HCV RNA by PCR is performed only when the antibody "
        "screen is reactive. Reflex testing not indicated."
    )
    notes.append(
        "CMV IgG Ab: reactive result indicates past infection; reported for "
        "transplant/cellular therapy planning."
    )
    for note in notes:
        pdf.para(note, size=8, h=3.7)
        pdf.ln(0.8)
    pdf.ln(3)
    pdf.para(
        f"Results verified by K. Obi, MT(ASCP) {final:%m/%d/%Y %H:%M}.   Laboratory "
        "Director: Reuben Achterberg, MD, PhD",
        size=8,
        h=3.7,
    )
    pdf.body_end()
    pdf.footer_text(
        f"{PATIENT_LAST_FIRST}   DOB {_mdy(DOB)}   Acc {accession}   "
        f"Printed: {LAB_PRINTED:%m/%d/%Y %H:%M}   Page 1 of 1"
    )


def _old_core_ab(pdf: _Sheet, v: Variant) -> None:
    assert v.old_core_ab_collected is not None
    collected = datetime.combine(v.old_core_ab_collected, datetime.min.time()).replace(
        hour=8, minute=10
    )
    received = collected.replace(hour=12, minute=40)
    final = (collected + timedelta(days=1)).replace(hour=9, minute=55)
    accession = f"26-{v.old_core_ab_collected.timetuple().tm_yday:03d}-01187"
    pdf.new_page()
    _lab_header(
        pdf,
        accession,
        "Specimen Collection",
        collected,
        received,
        final,
        lambda t: f"{t:%Y-%m-%d %H:%M}",
    )
    _result_table(
        pdf,
        "HEPATITIS SEROLOGY",
        [
            ("HBV core Ab, total", "REACTIVE", "A", "Nonreactive"),
        ],
    )
    pdf.line_of("Comments", size=9, style="B")
    pdf.para(
        "HBV core Ab, total: reactive on initial testing; repeated in duplicate and "
        "confirmed. Detects IgG and IgM antibodies to hepatitis B core antigen. Interpret "
        "together with clinical history.",
        size=8,
        h=3.7,
    )
    pdf.ln(3)
    pdf.para(
        f"Results verified by D. Haskins, MLS(ASCP) {final:%Y-%m-%d %H:%M}.   Laboratory "
        "Director: Reuben Achterberg, MD, PhD",
        size=8,
        h=3.7,
    )
    pdf.body_end()
    pdf.footer_text(
        f"{PATIENT_LAST_FIRST}   DOB {_mdy(DOB)}   Acc {accession}   "
        f"Printed: {LAB_PRINTED:%m/%d/%Y %H:%M}   Page 1 of 1"
    )


def _path_header(pdf: _Sheet, case: str, v: Variant, page: int) -> None:
    pdf.line_of("ALDER BAY UNIVERSITY MEDICAL CENTER", size=11, style="B", h=5)
    pdf.line_of("Department of Pathology  -  Hematopathology Section", size=8.5)
    pdf.line_of(f"{CENTER_ADDRESS}   Phone (555) 201-6400", size=8)
    pdf.rule(0.6, gap=1)
    if page == 1:
        pdf.line_of("HEMATOPATHOLOGY CONSULTATION REPORT", size=12, style="B", h=6)
        pdf.ln(1)
        signed_out = v.marrow_procedure + timedelta(days=4)
        pdf.grid(
            [
                ("Case #:", case, "Patient:", PATIENT_LAST_FIRST),
                ("Date of procedure:", _mon(v.marrow_procedure), "DOB:", _m_d_yyyy(DOB)),
                ("Received:", _mon(v.marrow_procedure), "MRN:", "00482917"),
                ("Signed out:", _mon(signed_out), "Submitted by:", "Okonkwo, Adaeze N., MD"),
            ]
        )
    else:
        pdf.line_of(
            f"Case {case}  (continued)   {PATIENT_LAST_FIRST}   DOB {_mdy(DOB)}",
            size=8.5,
            style="B",
        )
    pdf.rule(0.2, gap=1)


def _marrow(pdf: _Sheet, v: Variant) -> None:
    case = f"HP26-0{3391 if v.marrow_procedure.month > 6 else 1077}"
    signed_out = datetime.combine(
        v.marrow_procedure + timedelta(days=4), datetime.min.time()
    ).replace(hour=15, minute=22)
    footer = (
        f"{PATIENT_LAST_FIRST}  |  DOB {_mdy(DOB)}  |  {case}  |  Report printed "
        f"{PATH_PRINTED:%m/%d/%Y %H:%M} by NFAIRBANKS  |  Page {{}} of 2"
    )

    pdf.new_page()
    _path_header(pdf, case, v, 1)
    pdf.heading("Specimens", size=9.5, gap=0.5)
    for spec in [
        "A. Bone marrow aspirate smears and particle clot section",
        "B. Bone marrow trephine biopsy, right posterior iliac crest (1.8 cm core)",
        "C. Peripheral blood smear",
    ]:
        pdf.para(spec, indent=3)
    pdf.heading("Clinical history", size=9.5)
    age = _age(v.marrow_procedure)
    if v.marrow_procedure < date(2026, 3, 1):
        pdf.para(
            f"{age}-year-old woman with diffuse large B-cell lymphoma treated with R-CHOP "
            "in 2025, now with new anemia and suspected relapse; staging marrow."
        )
    else:
        pdf.para(
            f"{age}-year-old woman with relapsed/refractory diffuse large B-cell lymphoma "
            "after three lines of therapy; staging marrow prior to CAR T-cell therapy."
        )
    pdf.heading("FINAL DIAGNOSIS", size=10.5, gap=3)
    pdf.para("Bone marrow aspirate and trephine biopsy, right posterior iliac crest:", size=10)
    for line in [
        "- Normocellular marrow for age (35-40%) with maturing trilineage hematopoiesis.",
        "- NO MORPHOLOGIC OR IMMUNOPHENOTYPIC EVIDENCE OF INVOLVEMENT BY LARGE B-CELL LYMPHOMA.",
        "- Adequate storage iron; no ring sideroblasts.",
        "Peripheral blood: mild normocytic anemia (Hgb 11.2 g/dL); no circulating lymphoma cells.",
    ]:
        pdf.para(line, size=10, indent=4)
    pdf.heading("Comment", size=9.5, gap=3)
    pdf.para(
        "The findings do not show marrow involvement by the patient's known lymphoma. "
        "Flow cytometry and CD20/PAX5 immunostains support the morphologic impression "
        "(see below). Results were discussed with Dr. Okonkwo by telephone on the day of "
        "sign-out."
    )
    pdf.body_end()
    pdf.footer_text(footer.format(1))

    pdf.new_page()
    _path_header(pdf, case, v, 2)
    pdf.heading("Microscopic description", size=9.5, gap=0.5)
    pdf.para(
        "Aspirate: spicular, adequate for evaluation. 500-cell differential: blasts 1%, "
        "promyelocytes 2%, myelocytes/metamyelocytes 17%, bands/neutrophils 38%, "
        "eosinophils 3%, monocytes 3%, lymphocytes 9%, plasma cells 2%, erythroid "
        "precursors 25%. M:E ratio 2.5:1. Megakaryocytes adequate with normal morphology."
    )
    pdf.ln(1)
    pdf.para(
        "Trephine biopsy: adequate core with 9 evaluable intertrabecular spaces; "
        "normocellular with trilineage maturation. Scattered small interstitial T cells. "
        "No lymphoid aggregates, no large atypical cells. Reticulin stain: grade MF-0."
    )
    pdf.heading("Immunohistochemistry (block B1)", size=9.5)
    pdf.para(
        "CD20 and PAX5 highlight rare scattered small B cells (<2%); no clusters. CD3 "
        "highlights scattered small T cells. Controls appropriate."
    )
    pdf.heading("Flow cytometry (aspirate, FC26-5512)", size=9.5)
    pdf.para(
        "Lymphocytes 8% of events; B cells 4% of lymphocytes, polytypic (kappa:lambda "
        "1.6:1), CD10-negative. No monotypic B-cell population identified. No increase in "
        "blasts."
    )
    pdf.heading("Cytogenetics", size=9.5)
    pdf.para("G-banded karyotype: 46,XX[20]. Normal female karyotype.")
    pdf.ln(6)
    pdf.para(
        f"Electronically signed out by Priya Raman-Whitfield, MD (hematopathology) on "
        f"{signed_out:%m/%d/%Y} at {signed_out:%H:%M}.",
        size=9,
    )
    pdf.para(
        "I have personally reviewed the slides and the findings are reflected in the "
        "final diagnosis.",
        size=8.5,
    )
    pdf.body_end()
    pdf.footer_text(footer.format(2))


def _pet_ct(pdf: _Sheet, v: Variant) -> None:
    pdf.new_page()
    pdf.line_of("ABUMC IMAGING  -  NUCLEAR MEDICINE / PET", size=11, style="B", h=5)
    pdf.line_of(f"{CENTER}, {CENTER_ADDRESS}", size=8)
    pdf.rule(0.5, gap=1)
    pdf.grid(
        [
            ("Patient:", PATIENT_LAST_FIRST, "Exam date:", PET_DATE.isoformat()),
            ("DOB:", DOB.isoformat(), "Accession:", "NM26091500771"),
            ("MRN:", "00482917", "Referring:", "Okonkwo, Adaeze N., MD"),
        ]
    )
    pdf.rule(0.2, gap=1)
    pdf.labelled("EXAM:", "PET/CT SKULL BASE TO MID-THIGH WITH F-18 FDG")
    pdf.labelled("INDICATION:", "Relapsed/refractory DLBCL. Restaging before CAR T-cell therapy.")
    pdf.labelled("COMPARISON:", "PET/CT 2026-04-28 (after R-ICE).")
    pdf.labelled(
        "TECHNIQUE:",
        "11.2 mCi F-18 FDG IV; blood glucose 96 mg/dL; uptake 62 "
        "minutes. Low-dose CT for attenuation correction and localization.",
    )
    pdf.heading("FINDINGS", size=9.5)
    for text in [
        "Neck: FDG-avid left level IV node 1.9 cm, SUVmax 12.3 (previously 1.1 cm, SUVmax 6.0).",
        "Chest: new right paratracheal and subcarinal nodes, largest 2.4 cm, SUVmax 14.8. No "
        "pulmonary nodules. No pleural or pericardial effusion.",
        "Abdomen/pelvis: conglomerate left para-aortic nodal mass 6.1 x 4.3 cm, SUVmax 21.4 "
        "(previously 3.8 x 2.9 cm, SUVmax 15.2). Right inguinal node 2.2 cm, SUVmax 11.9. "
        "Liver and spleen with physiologic uptake; spleen 11.8 cm.",
        "Musculoskeletal: no focal osseous FDG uptake. Marrow uptake diffuse and "
        "physiologic (below liver).",
    ]:
        pdf.para(text)
        pdf.ln(0.8)
    pdf.heading("IMPRESSION", size=9.5)
    for text in [
        "1. Progressive FDG-avid lymphoma above and below the diaphragm, Deauville 5, with "
        "enlarging left para-aortic mass (6.1 cm, SUVmax 21.4). Lugano: progressive metabolic "
        "disease.",
        "2. No FDG evidence of osseous or marrow involvement.",
    ]:
        pdf.para(text, indent=3)
    pdf.ln(5)
    pdf.para(
        f"Interpreted and electronically signed by Samuel K. Oduya, MD, "
        f"{PET_DATE.isoformat()} 16:48",
        size=8.5,
    )
    pdf.body_end()
    pdf.footer_text(f"{PATIENT_LAST_FIRST}  DOB {DOB.isoformat()}  NM26091500771  Page 1 of 1")


def _echo(pdf: _Sheet, v: Variant) -> None:
    pdf.new_page()
    pdf.line_of("ABUMC HEART & VASCULAR  -  ECHOCARDIOGRAPHY LABORATORY", size=11, style="B", h=5)
    pdf.line_of("IAC-accredited echocardiography laboratory", size=8)
    pdf.rule(0.5, gap=1)
    pdf.line_of("TRANSTHORACIC ECHOCARDIOGRAM REPORT", size=12, style="B", h=6)
    pdf.grid(
        [
            ("Name:", PATIENT_LAST_FIRST, "Study date:", _mdy_short(ECHO_DATE)),
            ("DOB:", _mdy_short(DOB), "Study #:", "E26-18422"),
            ("Height / weight:", "163 cm / 71 kg", "BSA:", "1.78 m2"),
            ("BP / HR:", "128/76 mmHg / 72 bpm", "Rhythm:", "Sinus"),
            ("Indication:", "Pre-CAR T cardiac eval", "Quality:", "Good"),
        ]
    )
    pdf.rule(0.2, gap=1)
    pdf.heading("Measurements", size=9.5, gap=0.5)
    for left, right in [
        ("LVIDd 4.6 cm", "LVIDs 2.9 cm"),
        ("IVSd 0.9 cm", "LVPWd 0.9 cm"),
        ("LVEF (biplane) 62%", "GLS -19.8%"),
        ("LA volume index 26 mL/m2", "TAPSE 2.3 cm"),
        ("E/e' average 8", "RVSP 24 mmHg"),
    ]:
        pdf.font(9)
        pdf.cell(60, 4.4, left)
        pdf.cell(0, 4.4, right, new_x="LMARGIN", new_y="NEXT")
    pdf.heading("Findings", size=9.5)
    for text in [
        "Left ventricle: normal size and wall thickness; normal systolic function, LVEF "
        "60-65%; no regional wall motion abnormality. Normal diastolic function.",
        "Right ventricle: normal size and systolic function.",
        "Valves: trace mitral and tricuspid regurgitation; aortic valve trileaflet without "
        "stenosis.",
        "Pericardium: no effusion.",
    ]:
        pdf.para(text)
        pdf.ln(0.6)
    pdf.heading("Conclusion", size=9.5)
    pdf.para(
        "Normal biventricular size and systolic function (LVEF 60-65%). No pericardial "
        "effusion. No contraindication to cellular therapy from an echocardiographic "
        "standpoint."
    )
    pdf.ln(5)
    pdf.para(
        "Reading physician: Helena Brandt, MD, FASE   Electronically signed "
        f"{_mdy_short(ECHO_DATE)} 11:05",
        size=8.5,
    )
    pdf.body_end()
    pdf.footer_text(f"{PATIENT_LAST_FIRST}   DOB {_mdy(DOB)}   E26-18422   Page 1 of 1")


def _psychosocial(pdf: _Sheet, v: Variant) -> None:
    footer = (
        f"{PATIENT_LAST_FIRST}  |  DOB {_mdy(DOB)}  |  MRN 00482917  |  "
        "Psychosocial Assessment  |  Page {} of 2"
    )

    def section(title: str, text: str) -> None:
        pdf.heading(title, size=10, gap=2.5)
        pdf.para(text)

    pdf.new_page()
    pdf.line_of("ALDER BAY UNIVERSITY MEDICAL CENTER", size=11, style="B", h=5)
    pdf.line_of("Transplant & Cellular Therapy Social Work", size=9)
    pdf.rule(0.6, gap=1)
    pdf.line_of(
        "PSYCHOSOCIAL ASSESSMENT \u2014 CAR T-CELL THERAPY CANDIDATE", size=11.5, style="B", h=6
    )
    pdf.grid(
        [
            ("Patient:", PATIENT, "DOB:", _mdy(DOB)),
            ("MRN:", "00482917", "Assessment date:", PSYCH_DATE.isoformat()),
            ("Setting:", "Clinic, in person", "Present:", "Patient and husband"),
        ]
    )
    pdf.labelled(
        "Sources:",
        "Patient and husband interviews; chart review; SIPAT; PHQ-9; GAD-7; AUDIT-C.",
        size=9,
    )
    pdf.rule(0.2, gap=1)
    section(
        "1. Adherence",
        "Patient reports taking all medications as prescribed and uses a weekly pill "
        "organizer with phone reminders. Chart shows she attended every scheduled infusion "
        "and clinic visit during R-CHOP, R-ICE and Pola-BR, with one visit rescheduled for "
        "weather. She could explain her current medications and the purpose of each. No "
        "concerns about adherence to the post-infusion monitoring schedule.",
    )
    if v.backup_caregiver:
        daughter = (
            "Daughter, Carla Reyes-Moody (36), lives 15 minutes away in Apex and works remotely."
        )
    else:
        daughter = (
            "Daughter, Carla Reyes-Moody (36), lives in Denver, CO, and cannot travel "
            "for an extended stay; she calls daily."
        )
    section(
        "2. Support system",
        f"Married 38 years to Daniel Reyes (67, retired electrician), who accompanies her "
        f"to all appointments. {daughter} Active in her church, whose members have "
        "offered meals and rides. Good relationship with neighbors. Patient describes "
        "her support as strong and dependable.",
    )
    pdf.heading("3. Caregiver plan", size=10, gap=2.5)
    pdf.para(
        "The program requires a 24/7 caregiver from infusion through day +28 and a stay "
        "within two hours of the center. The couple will stay at home in Cary (25 "
        "minutes). Caregiver education class completed 09/23/2026."
    )
    pdf.ln(1)
    pdf.labelled(
        "Primary caregiver:",
        "Daniel Reyes (husband), (555) 318-4402 - available "
        "24/7, drives, no health limitations reported.",
        width=36,
    )
    if v.backup_caregiver:
        pdf.labelled(
            "Backup caregiver:",
            "Carla Reyes-Moody (daughter), (555) 318-9917 - "
            "will cover nights and weekends and any time Mr. Reyes is unavailable.",
            width=36,
        )
    else:
        pdf.labelled(
            "Backup caregiver:",
            "None identified at this time. Patient was told that "
            "a second caregiver is required before admission; SW will follow up.",
            width=36,
        )
    pdf.body_end()
    pdf.footer_text(footer.format(1))

    pdf.new_page()
    pdf.line_of(
        f"Psychosocial Assessment (continued)  -  {PATIENT}  -  DOB {_mdy(DOB)}",
        size=8.5,
        style="B",
    )
    pdf.rule(0.2, gap=1)
    section(
        "4. Behavioral health",
        "Situational anxiety at the time of relapse, treated with counseling through the "
        "cancer center (six sessions, 2026); no psychiatric medications. No history of "
        "depression, psychiatric hospitalization, self-harm or suicidal ideation. PHQ-9 "
        "4 (minimal), GAD-7 5 (mild). Alert, oriented, good insight.",
    )
    section(
        "5. Substance use",
        "Never used tobacco or vaping products. Alcohol: one or two glasses of wine per "
        "month; AUDIT-C 1. Denies cannabis, illicit drug or non-prescribed opioid use, "
        "now and in the past.",
    )
    section(
        "6. Legal",
        "Denies any legal history: no arrests, convictions, pending charges or "
        "probation. Health care power of attorney names her husband (copy on file).",
    )
    section(
        "7. Finances, insurance and transportation",
        "Covered by the plan named on the request; secondary coverage through her "
        "husband's retiree plan. Owns a reliable car. No financial barriers identified.",
    )
    section(
        "Assessment and plan",
        (
            "Psychosocially appropriate candidate for CAR T-cell therapy; SIPAT 11 "
            "(excellent). Caregiver plan complete."
            if v.backup_caregiver
            else "Psychosocially appropriate candidate for CAR T-cell therapy; SIPAT 14 (good). "
            "Caregiver plan incomplete until a backup caregiver is confirmed."
        )
        + " SW will follow through apheresis, infusion and discharge.",
    )
    pdf.ln(8)
    pdf.para(f"Electronically signed: Jordan P. Castillo, LCSW  {_mdy(PSYCH_DATE)} 16:05", size=9)
    pdf.para("Clinical Social Worker, Transplant & Cellular Therapy", size=9)
    pdf.body_end()
    pdf.footer_text(footer.format(2))


# --- packets -----------------------------------------------------------------------

# (key, writer, page count): the documents of a packet in fax order.
_DOCUMENTS: list[tuple[str, Callable[[_Sheet, Variant], None], int]] = [
    ("letter", _letter, 2),
    ("treatment-center", _qtc_letter, 1),
    ("serology", _serology, 1),
    ("marrow", _marrow, 2),
    ("pet-ct", _pet_ct, 1),
    ("echo", _echo, 1),
    ("psychosocial", _psychosocial, 2),
]


def _documents(v: Variant) -> list[tuple[str, Callable[[_Sheet, Variant], None], int]]:
    docs = list(_DOCUMENTS)
    if v.old_core_ab_collected is not None:
        docs.insert(3, ("old-serology", _old_core_ab, 1))
    return docs


def _fax_name(rng: random.Random, sent: datetime) -> str:
    return f"FAX_{sent:%Y%m%d_%H%M%S}_{rng.randint(0, 0xFFFFFF):06X}.pdf"


def _write(path: Path, writers: list[Callable[[_Sheet], None]]) -> int:
    pdf = _Sheet()
    for write in writers:
        write(pdf)
    pdf.output(str(path))
    return pdf.page_no()


def build(name: str, dest: Path) -> Packet:
    """Write packet `name` (a VARIANTS key or COMBINED) into the new folder `dest`."""
    dest.mkdir(parents=True)
    rng = random.Random(f"{SEED}-{name}")
    packet = Packet(dest)
    if name == COMBINED:
        v = VARIANTS["complete"]
        docs = _documents(v)
        total = 1 + sum(pages for _, _, pages in docs)
        file = _fax_name(rng, FAX_SENT)
        writers: list[Callable[[_Sheet], None]] = [lambda pdf: _fax_cover(pdf, v, total)]
        first = 2
        for key, write, pages in docs:
            writers.append(lambda pdf, write=write: write(pdf, v))
            packet.documents[key] = Placed(file, list(range(first, first + pages)))
            first += pages
        written = _write(dest / file, writers)
        assert written == total, (written, total)
        return packet

    v = VARIANTS[name]
    docs = _documents(v)
    rng.shuffle(docs)  # the clinic faxes the documents in no particular order
    sent = FAX_SENT
    for key, write, pages in docs:
        file = _fax_name(rng, sent)
        sent += timedelta(seconds=rng.randint(40, 95))
        written = _write(dest / file, [lambda pdf, write=write: write(pdf, v)])
        assert written == pages, (key, written, pages)
        packet.documents[key] = Placed(file, list(range(1, pages + 1)))
    return packet
