# ruff: noqa: E501  (document text and table rows are kept on one line each)
"""Held-out family 3: prior-authorization packets from a Midwestern academic center.

The documents imitate one health system (Marquand University Hospital, Lindqvist
Cancer Center, Madison, Wisconsin): letters carry a letterhead in a left column and
spell dates out ("November 3, 2026"); the hospital's laboratory prints ISO dates
("2026-10-28"), its clinical systems "10/21/26" or "10/21/2026".  The product is
CARVYKTI (ciltacabtagene autoleucel) for relapsed/refractory multiple myeloma.

Each case is the base complete packet with one trap in it.

    python -m tests.holdout3.family OUTDIR            write every packet
    python -m tests.holdout3.family OUTDIR --text     and print each page's text
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

AS_OF = date(2026, 11, 20)
LETTER_DATE = date(2026, 11, 3)
SEROLOGY_COLLECTED = date(2026, 10, 28)
FOREIGN_SEROLOGY_COLLECTED = date(2026, 10, 4)
MARROW_PROCEDURE = date(2026, 10, 14)
FIXED_CREATION = datetime(2026, 11, 5, 15, 0, 0, tzinfo=UTC)

PATIENT = "Teodora M. Halvorsen"
PATIENT_LAB = "HALVORSEN, TEODORA M"
DOB_US = "07/23/1961"
MEMBER_ID = "SVH7731048209"
MRN = "4182276"
ATTENDING = "Anders K. Lindgren, MD"
ATTENDING_SURNAME = "Lindgren"
FACILITY = "Marquand University Hospital"
PLAN = "Summit Valley Health Plan"

COMBINED = "t16-combined-fax"
COMBINED_PAGES = 30


# --------------------------------------------------------------------------- layout


def _latin(text: str) -> str:
    return (
        text.replace("\u2013", "-")
        .replace("\u2014", "-")
        .replace("\u2019", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )


class Overflow(RuntimeError):
    pass


class Sheet:
    """One output PDF; documents add pages to it explicitly (no automatic breaks)."""

    BOTTOM = 262.0  # letter is 279.4 mm tall; the footer lives below this

    def __init__(self, fax_total: int | None = None) -> None:
        pdf = FPDF(format="letter", unit="mm")
        pdf.set_auto_page_break(False)
        pdf.set_creation_date(FIXED_CREATION)
        pdf.set_author("Marquand University Hospital")
        pdf.set_margins(18, 14, 18)
        self.pdf = pdf
        self.fax_total = fax_total
        self.page_no = 0

    # pages -----------------------------------------------------------------
    def new_page(self, letterhead_column: bool = False) -> int:
        self.pdf.add_page()
        self.page_no += 1
        if letterhead_column:  # the tinted column goes under everything else on the page
            self.pdf.set_fill_color(244, 241, 234)
            self.pdf.rect(0, 0, 56, 279.4, style="F")
        self.fax_header()
        self.pdf.set_xy(self.pdf.l_margin, 14)
        return self.page_no

    def fax_header(self) -> None:
        """The sending machine's line at the top of every faxed page."""
        if self.fax_total:
            x, y = self.pdf.get_x(), self.pdf.get_y()
            self.pdf.set_font("Courier", "", 7.5)
            self.pdf.set_text_color(60, 60, 60)
            self.pdf.set_xy(10, 4)
            self.pdf.cell(
                0,
                3.5,
                f"NOV-05-2026 10:14   FROM: MARQUAND CELL THERAPY 608-555-0142   "
                f"TO: 414-555-0187   P.{self.page_no:03d}/{self.fax_total:03d}",
            )
            self.pdf.set_text_color(0, 0, 0)
            self.pdf.set_xy(x, y)

    def footer(self, text: str, right: str = "") -> None:
        pdf = self.pdf
        pdf.set_font("Helvetica", "", 7.5)
        pdf.set_text_color(80, 80, 80)
        pdf.set_xy(18, 266)
        pdf.cell(120, 4, _latin(text))
        if right:
            pdf.set_xy(140, 266)
            pdf.cell(57.9, 4, _latin(right), align="R")
        pdf.set_text_color(0, 0, 0)

    def _check(self) -> None:
        if self.pdf.get_y() > self.BOTTOM:
            raise Overflow(f"page {self.page_no} overflows (y={self.pdf.get_y():.1f})")

    # text ------------------------------------------------------------------
    def text(
        self,
        txt: str,
        size: float = 10,
        style: str = "",
        font: str = "Helvetica",
        h: float | None = None,
        align: str = "L",
        x: float | None = None,
        w: float = 0,
    ) -> None:
        pdf = self.pdf
        pdf.set_font(font, style, size)
        if x is not None:
            pdf.set_x(x)
        pdf.multi_cell(w, h or size * 0.47, _latin(txt), align=align, new_x="LMARGIN", new_y="NEXT")
        self._check()

    def heading(self, txt: str, size: float = 10.5, gap: float = 2.0) -> None:
        self.space(gap)
        self.text(txt, size=size, style="B")
        self.space(0.8)

    def space(self, mm: float) -> None:
        self.pdf.set_y(self.pdf.get_y() + mm)
        self._check()

    def pairs(self, rows: list[tuple[str, str]], key_w: float = 38, size: float = 9.5) -> None:
        pdf = self.pdf
        for key, value in rows:
            pdf.set_font("Helvetica", "B", size)
            pdf.set_x(pdf.l_margin)
            pdf.cell(key_w, size * 0.5, _latin(key))
            pdf.set_font("Helvetica", "", size)
            pdf.multi_cell(0, size * 0.5, _latin(value), new_x="LMARGIN", new_y="NEXT")
            self._check()

    def table(
        self,
        widths: list[float],
        header: list[str] | None,
        rows: list[list[str]],
        size: float = 9,
        h: float = 5.5,
        fill_header: bool = True,
    ) -> None:
        pdf = self.pdf
        if header:
            pdf.set_font("Helvetica", "B", size)
            pdf.set_fill_color(225, 229, 235)
            pdf.set_x(pdf.l_margin)
            for wdt, cell in zip(widths, header, strict=True):
                pdf.cell(wdt, h, _latin(cell), border=1, fill=fill_header)
            pdf.ln(h)
        pdf.set_font("Helvetica", "", size)
        for row in rows:
            pdf.set_x(pdf.l_margin)
            for wdt, cell in zip(widths, row, strict=True):
                pdf.cell(wdt, h, _latin(cell), border=1)
            pdf.ln(h)
            self._check()

    def rule(self, x1: float, x2: float, y: float | None = None, width: float = 0.3) -> None:
        pdf = self.pdf
        y = pdf.get_y() if y is None else y
        pdf.set_line_width(width)
        pdf.line(x1, y, x2, y)

    def band(self, title: str, subtitle: str, color: tuple[int, int, int]) -> None:
        """A coloured header band for laboratory and clinical system printouts."""
        pdf = self.pdf
        top = pdf.get_y()
        pdf.set_fill_color(*color)
        pdf.rect(18, top, 179.9, 13, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_xy(21, top + 1.5)
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 5.5, _latin(title))
        pdf.set_xy(21, top + 7)
        pdf.set_font("Helvetica", "", 8.5)
        pdf.cell(0, 4.5, _latin(subtitle))
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(18, top + 16)

    def patient_banner(self, extra: str = "") -> None:
        pdf = self.pdf
        top = pdf.get_y()
        pdf.set_draw_color(120, 120, 120)
        pdf.rect(18, top, 179.9, 9)
        pdf.set_xy(20, top + 2)
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(62, 5, PATIENT_LAB)
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 5, _latin(f"MRN {MRN}   DOB {DOB_US}   Sex F   {extra}".rstrip()))
        pdf.set_draw_color(0, 0, 0)
        pdf.set_xy(18, top + 12)

    def checkbox(self, checked: bool, label: str, size: float = 9) -> None:
        pdf = self.pdf
        x, y = pdf.get_x(), pdf.get_y()
        pdf.rect(x, y + 0.8, 3.2, 3.2)
        if checked:
            pdf.set_font("Helvetica", "B", 8)
            pdf.set_xy(x + 0.2, y + 0.6)
            pdf.cell(2.8, 3.6, "X", align="C")
        pdf.set_font("Helvetica", "", size)
        pdf.set_xy(x + 4.5, y)
        pdf.cell(pdf.get_string_width(label) + 5, 5, _latin(label))

    def signature_image(self, x: float, y: float, w: float = 46, h: float = 14) -> None:
        self.pdf.image(_signature_png(), x=x, y=y, w=w, h=h)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.pdf.output(str(path))


def _signature_png() -> Image.Image:
    """A hand-drawn looking scrawl, the same every run."""
    rng = random.Random(4182276)
    img = Image.new("RGB", (460, 140), "white")
    draw = ImageDraw.Draw(img)
    points = []
    x = 18.0
    for step in range(260):
        t = step / 259
        x = 18 + t * 420
        y = 78 + 34 * math.sin(t * 19.0) * (0.6 + 0.4 * math.cos(t * 5.0)) + rng.uniform(-3, 3)
        loop = 14 * math.sin(t * 47.0)
        points.append((x + loop * 0.35, y - loop * 0.5))
    draw.line(points, fill=(22, 34, 110), width=4, joint="curve")
    draw.line([(40, 112), (120, 104), (260, 110), (410, 98)], fill=(22, 34, 110), width=3)
    return img


# ------------------------------------------------------------------ the documents


@dataclass
class Opts:
    """What the case changes in the base packet."""

    letter_signature: str = "base"  # base | title-dept | cosigned | pa-only | blank-line | image
    letter_author: str = "attending"  # attending | fellow | pa
    prior_car_t: str = "silent"  # silent | received | denied
    backup_caregiver: str = "named"  # named | unidentified
    substance_use: str = "addressed"  # addressed | not-assessed


def _letterhead_column(s: Sheet) -> None:
    pdf = s.pdf
    pdf.set_draw_color(122, 24, 36)
    pdf.set_line_width(0.8)
    pdf.line(57.5, 14, 57.5, 262)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.set_text_color(122, 24, 36)
    pdf.set_xy(7, 18)
    pdf.set_font("Times", "B", 13)
    pdf.multi_cell(46, 5.5, "MARQUAND\nUNIVERSITY\nHEALTH", new_x="LEFT", new_y="NEXT")
    pdf.set_font("Times", "I", 9.5)
    pdf.set_x(7)
    pdf.multi_cell(46, 4.2, "Lindqvist Cancer Center", new_x="LEFT", new_y="NEXT")
    pdf.set_text_color(60, 60, 60)
    pdf.set_font("Helvetica", "", 7.5)
    lines = [
        "",
        "Division of Hematology,",
        "Medical Oncology and",
        "Cellular Therapy",
        "",
        "Myeloma and Plasma Cell",
        "Disorders Program",
        "",
        "2100 Lakeshore Parkway",
        "Madison, Wisconsin 53706",
        "",
        "Clinic 608-555-0190",
        "Fax 608-555-0142",
        "marquandhealth.example.org",
        "",
        "",
        "MYELOMA PROGRAM FACULTY",
        "Anders K. Lindgren, MD",
        "   Program Director",
        "Beatrix Sandoval, MD",
        "Kwame Ofori-Atta, MD, PhD",
        "Lucinda Fairweather, DO",
        "",
        "CELLULAR THERAPY",
        "Chinedu Okonkwo, MD",
        "   Medical Director",
    ]
    for line in lines:
        pdf.set_x(7)
        pdf.cell(46, 3.6, line, new_x="LEFT", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_left_margin(64)
    pdf.set_xy(64, 18)


def _regimen_rows(opts: Opts) -> list[list[str]]:
    rows = [
        ["1", "Bortezomib, lenalidomide, dexamethasone (VRd) x 4", "02/2022 - 06/2022", "VGPR"],
        ["1", "High-dose melphalan, autologous stem cell transplant", "08/2022", "consolidation"],
        ["1", "Lenalidomide maintenance", "10/2022 - 03/2024", "progressed on therapy"],
        [
            "2",
            "Daratumumab, pomalidomide, dexamethasone (DPd)",
            "04/2024 - 02/2025",
            "PR, then progression",
        ],
    ]
    if opts.prior_car_t == "received":
        rows += [
            [
                "3",
                "Carfilzomib, cyclophosphamide, dex (KCd), bridging",
                "03/2025 - 05/2025",
                "stable disease",
            ],
            [
                "4",
                "Abecma (idecabtagene vicleucel) CAR T, infused 06/2025",
                "06/2025",
                "PR, progressed 12/2025",
            ],
            ["5", "Selinexor, bortezomib, dexamethasone (SVd)", "01/2026 - 08/2026", "progression"],
        ]
    else:
        rows += [
            [
                "3",
                "Carfilzomib, cyclophosphamide, dexamethasone (KCd)",
                "03/2025 - 10/2025",
                "progression",
            ],
            ["4", "Selinexor, bortezomib, dexamethasone (SVd)", "11/2025 - 08/2026", "progression"],
        ]
    return rows


def _clinical_history(s: Sheet) -> None:
    s.heading("Clinical history")
    s.text(
        "Ms. Halvorsen is a 65-year-old woman who came to us in January 2022 with fatigue, a "
        "hemoglobin of 8.9 g/dL and back pain from an L2 compression fracture. Her work-up showed "
        "an IgG kappa M-protein of 3.4 g/dL, 48% clonal plasma cells in the marrow and t(4;14) by "
        "FISH, R-ISS stage II. Each line of therapy since then is listed on the next page. In "
        "August 2026 she progressed again: her M-protein rose from 0.6 to 1.9 g/dL over three "
        "months and PET/CT showed new lytic lesions in the right ilium and at T9. A bone marrow "
        "biopsy in October 2026 found 40% kappa-restricted plasma cells.",
        size=10,
    )


def build_lmn(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page(letterhead_column=True)]
    pdf = s.pdf
    _letterhead_column(s)
    s.text("November 3, 2026", size=10.5)
    s.space(4)
    s.text(
        f"{PLAN}\nMedical Benefit Drug Review - Utilization Management\nP.O. Box 4470\n"
        "Milwaukee, WI 53201-4470",
        size=10,
    )
    s.space(4)
    s.text(
        "RE:  Letter of Medical Necessity - CARVYKTI (ciltacabtagene autoleucel)",
        size=10,
        style="B",
    )
    s.pairs(
        [
            ("Patient", PATIENT),
            ("Date of birth", DOB_US),
            ("Member ID", MEMBER_ID),
            ("Diagnosis", "Multiple myeloma, IgG kappa, relapsed/refractory (C90.02)"),
            ("Attending physician", ATTENDING),
            ("Treating facility", f"{FACILITY}, Madison, Wisconsin"),
        ],
        key_w=36,
        size=9.5,
    )
    s.space(4)
    s.text("To the Medical Director:", size=10)
    s.space(2)
    if opts.letter_author == "fellow":
        intro = (
            "I am a fellow in hematology and medical oncology on the myeloma service of Dr. Anders "
            "K. Lindgren, Ms. Halvorsen's attending physician, and I write with him to request prior "
            "authorization for a single infusion of CARVYKTI (ciltacabtagene autoleucel), a "
            "BCMA-directed autologous CAR T-cell product, to be collected, manufactured and given at "
            f"{FACILITY}. Dr. Lindgren has reviewed this letter and co-signs it below."
        )
    elif opts.letter_author == "pa":
        intro = (
            "I am the physician assistant on Dr. Anders K. Lindgren's myeloma team and write on the "
            "team's behalf to request prior authorization for a single infusion of CARVYKTI "
            "(ciltacabtagene autoleucel), a BCMA-directed autologous CAR T-cell product, to be "
            f"collected, manufactured and given at {FACILITY}."
        )
    else:
        intro = (
            "On behalf of my patient, Ms. Teodora Halvorsen, I request prior authorization for a "
            "single infusion of CARVYKTI (ciltacabtagene autoleucel), a BCMA-directed autologous "
            f"CAR T-cell product, to be collected, manufactured and given at {FACILITY}. I have "
            "been her attending hematologist since her diagnosis, and this letter sets out why the "
            "therapy is medically necessary now."
        )
    s.text(intro, size=10)
    _clinical_history(s)
    s.footer(f"{PATIENT} - DOB {DOB_US}", "Page 1 of 2")
    pdf.set_left_margin(18)

    # page 2: full width, running head
    pages.append(s.new_page())
    s.text(
        f"Re: {PATIENT}, DOB {DOB_US} - letter of November 3, 2026 (continued)", size=8.5, style="I"
    )
    s.space(2)
    s.heading("Prior treatment", gap=1)
    s.table(
        [14, 92, 36, 37.9],
        ["Line", "Regimen", "Dates", "Outcome"],
        _regimen_rows(opts),
        size=8.8,
        h=5.4,
    )
    s.space(2)
    refractory = (
        "She is triple-class exposed (proteasome inhibitor, immunomodulatory agent and anti-CD38 "
        "antibody) and refractory to lenalidomide, pomalidomide and carfilzomib."
    )
    if opts.prior_car_t == "denied":
        refractory += (
            " She has not previously received CAR T-cell therapy or any other genetically "
            "modified cell product."
        )
    s.text(refractory, size=10)
    s.heading("Social history")
    s.text(
        "Ms. Halvorsen is a retired school librarian who lives with her husband, Erik, in Sun "
        "Prairie, about 25 minutes from our center. She stopped smoking in 2004 (15 pack-years), "
        "has a glass of wine once or twice a month and has never used recreational drugs. She is "
        "independent in all daily activities and walks two miles most days. Her husband will be "
        "her primary caregiver and their daughter her backup caregiver.",
        size=10,
    )
    s.heading("Indication and current status")
    s.text(
        "CARVYKTI is FDA-approved for adults with relapsed or refractory multiple myeloma after at "
        "least one prior line of therapy, including a proteasome inhibitor and an immunomodulatory "
        "agent, who are refractory to lenalidomide. Ms. Halvorsen meets this indication. Her ECOG "
        "performance status is 1, left ventricular ejection fraction 60%, creatinine clearance "
        "68 mL/min, and serologies for HIV, hepatitis B and hepatitis C are negative. She has no "
        "active infection, no CNS disease and no prior allogeneic transplant, and our psychosocial "
        "team has cleared her. Without an effective therapy her expected survival is short; "
        "ciltacabtagene autoleucel offers her a good chance of a deep and durable response. I ask "
        "that you approve this request and am glad to speak with a peer reviewer at 608-555-0190.",
        size=10,
    )
    s.space(5)
    s.text("Sincerely,", size=10)
    _signature_block(s, opts)
    s.footer(f"{PATIENT} - DOB {DOB_US}", "Page 2 of 2")
    return pages


def _signature_block(s: Sheet, opts: Opts) -> None:
    pdf = s.pdf
    kind = opts.letter_signature
    if kind == "base":
        s.space(3)
        s.text(ATTENDING, size=10, style="B")
        s.text("Associate Professor of Medicine, Myeloma Program", size=9.5)
        s.space(1.5)
        s.text(
            "Electronically signed by Anders K. Lindgren, MD on November 3, 2026 at 4:42 PM CST",
            size=8.5,
            style="I",
        )
    elif kind == "title-dept":
        s.space(2)
        s.text(
            "Electronically signed by Anders K. Lindgren, MD on 11/03/2026 16:42 CST",
            size=9,
            style="I",
        )
        s.text(ATTENDING, size=10, style="B")
        s.text("Attending Physician, Department of Malignant Hematology", size=9.5)
        s.text("NPI 1548392071", size=9.5)
    elif kind == "cosigned":
        s.space(3)
        s.text("Priya Raman, MD", size=10, style="B")
        s.text("Fellow, Hematology and Medical Oncology", size=9.5)
        s.text(
            "Electronically signed by Priya Raman, MD on 11/03/2026 15:20 CST", size=8.5, style="I"
        )
        s.space(2.5)
        s.text(
            "Attending co-signature: I have reviewed this letter and agree with it.",
            size=9.5,
        )
        s.text(
            "Co-signed by: Anders K. Lindgren, MD, attending physician - 11/03/2026 17:05 CST",
            size=9.5,
        )
    elif kind == "pa-only":
        s.space(3)
        s.text("Jordan T. Vasquez, PA-C", size=10, style="B")
        s.text("Physician Assistant, Myeloma Program", size=9.5)
        s.space(1.5)
        s.text(
            "Electronically signed by Jordan T. Vasquez, PA-C on 11/03/2026 14:55 CST",
            size=8.5,
            style="I",
        )
    elif kind == "blank-line":
        s.space(14)
        s.rule(18, 92)
        s.space(1)
        s.text("Physician signature", size=8, style="I")
        s.space(2)
        s.text(ATTENDING, size=10, style="B")
        s.text("Associate Professor of Medicine, Myeloma Program", size=9.5)
    elif kind == "image":
        top = pdf.get_y() + 1
        s.signature_image(18, top)
        pdf.set_y(top + 15)
        s.text(ATTENDING, size=10, style="B")
        s.text("Associate Professor of Medicine, Myeloma Program", size=9.5)
    else:  # pragma: no cover
        raise ValueError(kind)


def build_center_letter(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page()]
    pdf = s.pdf
    pdf.set_font("Helvetica", "B", 15)
    pdf.set_text_color(0, 70, 127)
    pdf.cell(0, 7, "Janssen Biotech, Inc.", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8.5)
    pdf.cell(
        0, 4.5, "Cell Therapy - Treatment Center Network", align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.cell(
        0, 4.5, "800 Ridgeview Drive, Horsham, PA 19044", align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_text_color(0, 0, 0)
    s.rule(18, 197.9, pdf.get_y() + 2)
    s.space(10)
    s.text("March 12, 2026", size=10.5)
    s.space(5)
    s.text(
        f"Dana Whitcomb, MSN, RN\nProgram Manager, Cellular Therapy\n{FACILITY}\n"
        "2100 Lakeshore Parkway\nMadison, WI 53706",
        size=10,
    )
    s.space(5)
    s.text(
        "Subject: Confirmation of authorized treatment center status - CARVYKTI "
        "(ciltacabtagene autoleucel)",
        size=10,
        style="B",
    )
    s.space(4)
    s.text("Dear Ms. Whitcomb,", size=10.5)
    s.space(2)
    for para in [
        f"We are pleased to confirm that {FACILITY} has completed each step of the CARVYKTI "
        "treatment center qualification process: staff training, chain-of-identity and "
        "chain-of-custody procedures, apheresis collection and product receipt, and REMS "
        "certification.",
        f"{FACILITY} is therefore an authorized treatment center for the collection of patient "
        "cells for, and the administration of, CARVYKTI (ciltacabtagene autoleucel).",
        "This authorization covers the facility named above. It stays in effect while the site "
        "keeps its REMS certification and the terms of its treatment center agreement with "
        "Janssen Biotech, Inc.",
        "You may share this letter with health plans that ask for verification of your site's "
        "status. Questions may be sent to the Treatment Center Network at 1-800-555-0114.",
    ]:
        s.text(para, size=10.5, h=5.3)
        s.space(3)
    s.space(2)
    s.text("Sincerely,", size=10.5)
    s.space(10)
    s.text("Caroline Sutter", size=10.5, style="B")
    s.text("Director, Treatment Center Qualification\nJanssen Biotech, Inc.", size=10)
    s.footer("CARVYKTI is a registered trademark. Confidential - for the addressee's use.")
    return pages


def build_center_email(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page()]
    pdf = s.pdf
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, "Dana Whitcomb", new_x="LMARGIN", new_y="NEXT")
    s.rule(18, 197.9, pdf.get_y() + 1, width=0.8)
    s.space(5)
    s.pairs(
        [
            (
                "From:",
                "CARVYKTI Site Activation Team <site.activation@janssen-celltherapy.example.com>",
            ),
            ("Sent:", "Thursday, March 12, 2026 10:47 AM"),
            ("To:", "Dana Whitcomb <dwhitcomb@marquandhealth.example.org>"),
            ("Cc:", "Chinedu Okonkwo <cokonkwo@marquandhealth.example.org>"),
            ("Subject:", f"RE: Site activation - {FACILITY} - CARVYKTI"),
        ],
        key_w=20,
        size=9.5,
    )
    s.space(6)
    for para in [
        "Hello Dana,",
        f"Good news: {FACILITY} (2100 Lakeshore Parkway, Madison, WI 53706) has finished every "
        "site qualification step, REMS certification included, and is now activated as an "
        "authorized treatment center for CARVYKTI (ciltacabtagene autoleucel). Your team may "
        "schedule apheresis and enroll patients through the ordering portal from today.",
        "Please keep this message as written confirmation of your site's authorization; payers "
        "often ask for it during prior authorization review. A formal letter will follow for your "
        "records.",
        "Thank you for working through the onboarding with us so quickly.",
        "Best regards,",
    ]:
        s.text(para, size=10.5, h=5.3)
        s.space(3)
    s.text(
        "Tomasz Wierzbicki\nSite Activation Lead, Cell Therapy Operations\nJanssen Biotech, Inc.\n"
        "Direct 215-555-0163",
        size=10,
    )
    s.space(8)
    pdf.set_font("Helvetica", "", 8)
    pdf.set_text_color(90, 90, 90)
    s.text(
        "-----Original Message-----\nFrom: Dana Whitcomb\nSent: Tuesday, March 10, 2026 3:12 PM\n"
        "Subject: Site activation - status check\n\nHi Tomasz, could you let me know where our "
        "activation stands? Thanks, Dana",
        size=8.5,
    )
    pdf.set_text_color(0, 0, 0)
    return pages


def build_serology(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page()]
    s.band(
        f"{FACILITY} Clinical Laboratories",
        "Department of Pathology and Laboratory Medicine - 2100 Lakeshore Parkway, Madison, WI - CLIA 52D0998813",
        (30, 72, 110),
    )
    s.pairs(
        [
            ("Patient", PATIENT_LAB),
            ("DOB / Sex", f"{DOB_US} / F"),
            ("MRN", MRN),
            ("Ordering provider", "LINDGREN, ANDERS K  MD"),
            ("Accession", "S26-301-0447"),
            ("Collected", "2026-10-28 07:52"),
            ("Received", "2026-10-28 08:40"),
            ("Reported", "2026-10-29 11:16   FINAL"),
        ],
        key_w=40,
        size=9.5,
    )
    s.heading("INFECTIOUS DISEASE SEROLOGY", size=10, gap=4)
    s.table(
        [68, 30, 14, 32, 35.9],
        ["Test", "Result", "Flag", "Reference", "Method"],
        [
            ["HIV-1/2 Antigen/Antibody Combo", "Nonreactive", "", "Nonreactive", "CMIA"],
            ["Hepatitis B Surface Antigen", "Nonreactive", "", "Nonreactive", "CMIA"],
            ["Hepatitis B Core Antibody, Total", "Nonreactive", "", "Nonreactive", "CMIA"],
            ["Hepatitis B Surface Antibody", "12.4 mIU/mL", "", ">= 10 mIU/mL", "CMIA"],
            ["Hepatitis C Virus Antibody", "Nonreactive", "", "Nonreactive", "CMIA"],
        ],
    )
    s.space(4)
    s.text(
        "A nonreactive HIV Ag/Ab result does not exclude very recent infection. Hepatitis B surface "
        "antibody at this level is consistent with immunity from vaccination.",
        size=8.5,
    )
    s.space(3)
    s.text("Verified by: K. Brandvold, MLS(ASCP)   Laboratory director: H. Amundsen, MD", size=8.5)
    s.footer(f"{PATIENT_LAB}  MRN {MRN}  S26-301-0447", "Page 1 of 1")
    return pages


def build_uk_serology(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page()]
    pdf = s.pdf
    pdf.set_font("Times", "B", 14)
    pdf.cell(0, 6, "HARBOURSIDE PATHOLOGY PARTNERSHIP", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 9.5)
    pdf.cell(
        0,
        4.5,
        "Department of Virology & Serology - Level 3, Marlborough Wing, Bristol BS2 8HW, United Kingdom",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.cell(
        0,
        4.5,
        "Tel +44 117 496 0341 - UKAS accredited medical laboratory No. 9127",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    s.rule(18, 197.9, pdf.get_y() + 1.5)
    s.space(5)
    s.text("VIROLOGY REPORT", size=11, style="B", font="Times")
    s.space(1)
    s.pairs(
        [
            ("Surname / Forename", "HALVORSEN, TEODORA M"),
            ("Date of birth", "23/07/1961"),
            ("Sex", "Female"),
            ("Hospital no.", "K7734120"),
            ("Requested by", "Dr A. Lindgren (overseas referral, Madison WI, USA)"),
            ("Sample type", "Clotted blood (serum)"),
            ("Lab no.", "HV-26-118604"),
            ("Sample collected", "04/10/2026 08:35"),
            ("Received in lab", "05/10/2026 10:02"),
            ("Authorised", "06/10/2026 16:20"),
        ],
        key_w=42,
        size=9.5,
    )
    s.space(4)
    s.table(
        [74, 34, 34, 37.9],
        ["Investigation", "Result", "Reference", "Comment"],
        [
            ["HIV 1+2 antigen/antibody (4th gen.)", "Not detected", "Not detected", ""],
            ["Hepatitis B surface antigen", "Not detected", "Not detected", ""],
            ["Hepatitis B core antibody (total)", "Not detected", "Not detected", ""],
            ["Hepatitis C antibody", "Not detected", "Not detected", ""],
        ],
    )
    s.space(4)
    s.text(
        "No serological evidence of HIV, hepatitis B or hepatitis C infection. Please repeat if "
        "there has been a recent exposure.",
        size=9,
    )
    s.space(3)
    s.text("Authorised by Dr Fiona Maitland, Consultant Virologist", size=9)
    s.footer("Harbourside Pathology Partnership - HV-26-118604", "Page 1 of 1")
    return pages


def build_marrow(s: Sheet, opts: Opts) -> list[int]:
    pages: list[int] = []
    head = "SURGICAL PATHOLOGY - BONE MARROW"

    def top() -> None:
        pages.append(s.new_page())
        s.band(head, f"{FACILITY} - Department of Pathology and Laboratory Medicine", (70, 40, 90))
        s.patient_banner("Accession BM26-01893")

    top()
    s.pairs(
        [
            ("Procedure", "Bone marrow aspiration and core biopsy"),
            ("Site", "Right posterior iliac crest"),
            ("Procedure date", "10/14/2026 09:20"),
            ("Received", "10/14/2026 11:05"),
            ("Signed out", "10/17/2026"),
            ("Performed by", "Priya Raman, MD (hematology/oncology)"),
            ("Clinical history", "IgG kappa plasma cell myeloma, progression after four lines"),
        ],
        key_w=40,
    )
    s.heading("SPECIMENS", gap=4)
    s.text(
        "A. Bone marrow aspirate smears and clot section\nB. Bone marrow core biopsy, 1.8 cm\n"
        "C. Peripheral blood smear",
        size=9.5,
    )
    s.heading("FINAL DIAGNOSIS", gap=4)
    s.text(
        "A-B. Bone marrow, right posterior iliac crest, aspirate and core biopsy:\n"
        "   - Plasma cell myeloma, kappa light chain restricted, involving approximately 40% of "
        "marrow cellularity (CD138 immunohistochemistry).\n"
        "   - Hypercellular marrow (60%) with decreased trilineage hematopoiesis.\n"
        "   - No increase in reticulin fibrosis (MF-0 of 3); no amyloid on Congo red stain.\n"
        "C. Peripheral blood: normocytic anemia with rouleaux; no circulating plasma cells.",
        size=9.5,
    )
    s.footer(f"{PATIENT_LAB} - BM26-01893", "Page 1 of 3")

    top()
    s.heading("MICROSCOPIC DESCRIPTION", gap=1)
    s.text(
        "The aspirate smears are adequate and cellular. Plasma cells are increased, many with "
        "immature nuclear features, binucleate forms and prominent nucleoli. Erythroid precursors "
        "show normoblastic maturation. Myeloid maturation is complete. Megakaryocytes are present "
        "in normal numbers with normal morphology.",
        size=9.5,
    )
    s.space(3)
    s.text("Aspirate differential (500 cells)", size=9.5, style="B")
    s.table(
        [70, 30, 40],
        ["Cell type", "Percent", "Reference"],
        [
            ["Plasma cells", "34.6", "0 - 3"],
            ["Blasts", "0.8", "0 - 3"],
            ["Promyelocytes / myelocytes", "9.2", "8 - 20"],
            ["Metamyelocytes / bands / neutrophils", "27.0", "30 - 50"],
            ["Erythroid precursors", "20.4", "18 - 32"],
            ["Lymphocytes", "6.8", "8 - 20"],
            ["Eosinophils / monocytes", "1.2", "1 - 6"],
        ],
    )
    s.space(3)
    s.text(
        "The core biopsy shows interstitial sheets and small nodules of plasma cells. CD138 "
        "highlights about 40% plasma cells, which are kappa restricted by in situ hybridization "
        "(kappa:lambda greater than 20:1) and express cyclin D1 weakly. CD20 is negative in the "
        "neoplastic cells.",
        size=9.5,
    )
    s.footer(f"{PATIENT_LAB} - BM26-01893", "Page 2 of 3")

    top()
    s.heading("FLOW CYTOMETRY (aspirate)", gap=1)
    s.text(
        "Abnormal plasma cells make up 11.2% of total events: CD38 bright, CD138 positive, CD45 "
        "negative, CD19 negative, CD56 positive, CD117 negative, cytoplasmic kappa restricted.",
        size=9.5,
    )
    s.heading("CYTOGENETICS / PLASMA CELL FISH (CD138-enriched)")
    s.table(
        [80, 60],
        ["Probe", "Result"],
        [
            ["IGH/FGFR3 t(4;14)", "Positive (72% of nuclei)"],
            ["1q21 (CKS1B) gain", "Positive, 3-4 copies (38%)"],
            ["TP53 (17p13) deletion", "Not detected"],
            ["IGH/MAF t(14;16)", "Not detected"],
        ],
    )
    s.heading("COMMENT")
    s.text(
        "Findings show persistent plasma cell myeloma with high-risk cytogenetics (t(4;14) and "
        "gain of 1q), in keeping with the clinical picture of progression.",
        size=9.5,
    )
    s.space(6)
    s.text(
        "Electronically signed out by Miriam Achterberg, MD, Hematopathology, 10/17/2026 14:31",
        size=9,
    )
    s.footer(f"{PATIENT_LAB} - BM26-01893", "Page 3 of 3")
    return pages


def build_marrow_requisition(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page()]
    s.band(
        "PROCEDURE ORDER / REQUISITION",
        f"{FACILITY} - Hematology/Oncology Procedure Suite",
        (90, 90, 90),
    )
    s.patient_banner("Order #ORD-26-7781402")
    s.pairs(
        [
            ("Order", "Bone marrow aspiration and biopsy, unilateral"),
            ("Order status", "Ordered - not yet performed"),
            ("Ordered on", "10/09/2026 13:48"),
            ("Requested date", "10/14/2026 (procedure suite, 9:00 AM slot)"),
            ("Priority", "Routine"),
            ("Ordering provider", ATTENDING),
            ("Diagnosis", "C90.02 Multiple myeloma in relapse"),
            ("Indication", "Restaging before CAR T-cell therapy evaluation"),
        ],
        key_w=42,
    )
    s.heading("SPECIMEN REQUESTS", gap=4)
    s.text(
        "- Aspirate: morphology and 500-cell differential\n- Aspirate: plasma cell flow cytometry\n"
        "- Aspirate: CD138-enriched FISH myeloma panel (t(4;14), t(14;16), 1q gain, del(17p))\n"
        "- Core biopsy: H&E, CD138 and kappa/lambda ISH, Congo red",
        size=9.5,
    )
    s.heading("PATIENT PREPARATION")
    s.text(
        "Hold aspirin 5 days before the procedure. Light breakfast allowed. Driver required if "
        "lorazepam is given. Obtain written consent on the day of the procedure.",
        size=9.5,
    )
    s.space(3)
    s.checkbox(False, "Consent on file")
    s.checkbox(True, "Interpreter not needed")
    s.checkbox(False, "Anticoagulation held")
    s.pdf.ln(7)
    s.space(4)
    s.text("Order electronically entered by Anders K. Lindgren, MD on 10/09/2026 13:48", size=9)
    s.footer(f"{PATIENT_LAB} - requisition ORD-26-7781402", "Page 1 of 1")
    return pages


def build_echo(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page()]
    s.band(
        "TRANSTHORACIC ECHOCARDIOGRAM",
        f"{FACILITY} Heart and Vascular Center - Echo Lab",
        (20, 100, 90),
    )
    s.patient_banner("Study date 10/21/26")
    s.pairs(
        [
            ("Study date", "10/21/26 10:05"),
            ("Indication", "Cardiac assessment before CAR T-cell therapy"),
            ("Referring", "Lindgren, Anders K, MD"),
            ("Height / Weight", "165 cm / 68 kg     BSA 1.76 m2"),
            ("BP / HR", "128/76 mmHg, 72 bpm, sinus rhythm"),
            ("Image quality", "Good"),
        ],
        key_w=36,
    )
    s.heading("MEASUREMENTS", gap=4)
    s.table(
        [70, 35, 45],
        ["Parameter", "Value", "Normal"],
        [
            ["LV ejection fraction (biplane)", "60 %", "52 - 72 %"],
            ["LV end-diastolic diameter", "4.6 cm", "3.8 - 5.2 cm"],
            ["Interventricular septum", "0.9 cm", "0.6 - 0.9 cm"],
            ["Global longitudinal strain", "-19.5 %", "more negative than -18 %"],
            ["Left atrial volume index", "27 mL/m2", "< 34 mL/m2"],
            ["TAPSE", "2.2 cm", "> 1.7 cm"],
            ["RV systolic pressure", "24 mmHg", "< 35 mmHg"],
        ],
    )
    s.heading("FINDINGS")
    s.text(
        "Normal left ventricular size, wall thickness and systolic function; no regional wall "
        "motion abnormality. Grade I diastolic dysfunction. Normal right ventricular size and "
        "function. Trace mitral and tricuspid regurgitation. No pericardial effusion.",
        size=9.5,
    )
    s.footer(f"{PATIENT_LAB} - Echo 10/21/26", "Page 1 of 2")
    pages.append(s.new_page())
    s.patient_banner("Study date 10/21/26")
    s.heading("CONCLUSIONS", gap=1)
    s.text(
        "1. Normal left ventricular systolic function, LVEF 60%, normal global longitudinal strain.\n"
        "2. Mild (grade I) diastolic dysfunction.\n3. No significant valvular disease.\n"
        "4. No pericardial effusion.\nNo prior study is available for comparison.",
        size=9.5,
    )
    s.space(8)
    s.text(
        "Interpreted and electronically signed by Samuel Ikeda, MD, Cardiology, 10/21/26 16:03",
        size=9,
    )
    s.footer(f"{PATIENT_LAB} - Echo 10/21/26", "Page 2 of 2")
    return pages


def build_psychosocial(s: Sheet, opts: Opts) -> list[int]:
    pages: list[int] = []

    def top(n: int) -> None:
        pages.append(s.new_page())
        s.band(
            "CELLULAR THERAPY PSYCHOSOCIAL EVALUATION",
            f"{FACILITY} - Department of Social Work, Cancer Center",
            (122, 24, 36),
        )
        s.patient_banner()

    top(1)
    s.pairs(
        [
            ("Date of evaluation", "October 30, 2026"),
            ("Evaluator", "Renata Oyelaran, LCSW, Oncology Social Work"),
            ("Referred by", "Anders K. Lindgren, MD, for CAR T-cell therapy (CARVYKTI)"),
            ("Sources", "Interview with patient and husband (75 minutes); chart review"),
        ],
        key_w=40,
    )
    s.heading("1. Adherence and compliance with medical care", gap=4)
    s.text(
        "Ms. Halvorsen has kept 34 of 34 scheduled visits in the past twelve months, including "
        "weekly infusion visits. She manages her oral medicines herself with a weekly pill "
        "organizer and keeps a written log that she brings to clinic; pharmacy fill records match "
        "it. She follows through with labs and imaging and calls the nurse line appropriately. "
        "Compliance is judged excellent.",
        size=9.5,
    )
    s.heading("2. Support network")
    support = (
        "She has been married to Erik for 41 years; they live together in a single-story home "
        "in Sun Prairie. Their daughter Ingrid lives in Middleton, 20 minutes away, and visits "
        "several times a week. A son lives in Denver and keeps in touch by phone. She is active "
        "in her church, whose members have offered meals and rides. Finances are stable "
        "(two pensions, Medicare supplement and commercial coverage through her husband)."
    )
    s.text(support, size=9.5)
    s.footer(f"{PATIENT_LAB} - psychosocial evaluation 10/30/2026", "Page 1 of 3")

    top(2)
    s.heading("3. Post-treatment care plan", gap=1)
    backup = (
        (
            "Secondary caregiver:",
            "Ingrid Halvorsen-Park (daughter), 38; FMLA leave approved for 6 weeks",
        )
        if opts.backup_caregiver == "named"
        else ("Backup caregiver:", "not yet identified")
    )
    s.pairs(
        [
            ("Primary caregiver:", "Erik Halvorsen (husband), 67, retired; available at all hours"),
            backup,
            (
                "Lodging:",
                "Own home, 25 minutes from the hospital; will stay within 1 hour for 4 weeks",
            ),
            (
                "Transport:",
                "Husband drives; daughter as alternate; church volunteers on call"
                if opts.backup_caregiver == "named"
                else "Husband drives; church volunteers on call",
            ),
            ("Education:", "Caregiver class on CRS and neurotoxicity completed 10/30/2026"),
        ],
        key_w=42,
    )
    s.space(2)
    who = (
        "The caregivers understand"
        if opts.backup_caregiver == "named"
        else "Her husband understands"
    )
    s.text(
        f"{who} the need for 24-hour supervision for at least four weeks after infusion, daily "
        "clinic visits during the first two weeks, and no driving for eight weeks.",
        size=9.5,
    )
    s.heading("4. Mental health, substance use and legal history")
    s.pairs(
        [
            (
                "Mental health:",
                "No psychiatric hospitalization. Adjustment-related anxiety after diagnosis in 2022, "
                "treated with six counseling sessions; no medication. PHQ-9 today 3, GAD-7 4.",
            ),
            (
                "Substance use:",
                "Former smoker, quit 2004 (15 pack-years). Alcohol 1-2 drinks a month, AUDIT-C 1. "
                "Denies cannabis, opioid misuse or other drug use."
                if opts.substance_use == "addressed"
                else "Not assessed at this visit.",
            ),
            (
                "Legal history:",
                "Denies any legal history; no pending legal matters. Health care power of attorney "
                "names her husband.",
            ),
        ],
        key_w=34,
    )
    s.footer(f"{PATIENT_LAB} - psychosocial evaluation 10/30/2026", "Page 2 of 3")

    top(3)
    s.heading("Assessment", gap=1)
    s.text(
        "Ms. Halvorsen is a well-informed, motivated patient with a dependable household and "
        "realistic expectations of CAR T-cell therapy. She coped well with her transplant in 2022. "
        "Coping style is active and problem focused.",
        size=9.5,
    )
    s.heading("Recommendation")
    s.text(
        "From a psychosocial standpoint she is an appropriate candidate for CAR T-cell therapy. "
        "Social work will follow her through apheresis, infusion and the first 30 days.",
        size=9.5,
    )
    s.space(10)
    s.text("Electronically signed by Renata Oyelaran, LCSW on 10/30/2026 15:48", size=9)
    s.footer(f"{PATIENT_LAB} - psychosocial evaluation 10/30/2026", "Page 3 of 3")
    return pages


def build_referral_letter(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page(letterhead_column=True)]
    _letterhead_column(s)
    s.text("November 3, 2026", size=10.5)
    s.space(4)
    s.text(
        "Chinedu Okonkwo, MD\nBlood and Marrow Transplant and Cellular Therapy Program\n"
        f"{FACILITY}\nMadison, WI 53706",
        size=10,
    )
    s.space(4)
    s.text(f"Re: {PATIENT}, DOB {DOB_US}, MRN {MRN}", size=10, style="B")
    s.space(3)
    s.text("Dear Dr. Okonkwo,", size=10)
    s.space(2)
    s.text(
        "Thank you for agreeing to see Ms. Halvorsen. I am referring her to your program for "
        "consideration of CAR T-cell therapy, ideally ciltacabtagene autoleucel, for multiple "
        "myeloma that has relapsed after four lines of therapy. I would be grateful for your "
        "opinion on her candidacy and on timing and bridging.",
        size=10,
    )
    _clinical_history(s)
    s.footer(f"{PATIENT} - DOB {DOB_US}", "Page 1 of 2")
    s.pdf.set_left_margin(18)
    pages.append(s.new_page())
    s.text(f"Dr. Okonkwo - re {PATIENT} (continued)", size=8.5, style="I")
    s.heading("Treatment to date", gap=2)
    s.table(
        [14, 92, 36, 37.9],
        ["Line", "Regimen", "Dates", "Outcome"],
        _regimen_rows(opts),
        size=8.8,
        h=5.4,
    )
    s.heading("Social history")
    s.text(
        "Retired school librarian; lives with her husband in Sun Prairie. Former smoker, quit "
        "2004; rare alcohol; no drug use. Her husband and daughter are willing caregivers.",
        size=10,
    )
    s.space(3)
    s.text(
        "She knows she is being referred and is keen to meet you. Her recent marrow, PET/CT and "
        "laboratory results are in the chart. Please call me with any questions.",
        size=10,
    )
    s.space(5)
    s.text("With best regards,", size=10)
    s.space(3)
    s.text(ATTENDING, size=10, style="B")
    s.text("Associate Professor of Medicine, Myeloma Program", size=9.5)
    s.text(
        "Electronically signed by Anders K. Lindgren, MD on 11/03/2026 11:10 CST",
        size=8.5,
        style="I",
    )
    s.space(2)
    s.text("cc: Primary care - Hollis Brandt, MD, Sun Prairie Family Medicine", size=8.5)
    s.footer(f"{PATIENT} - DOB {DOB_US}", "Page 2 of 2")
    return pages


def build_pend_letter(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page()]
    pdf = s.pdf
    pdf.set_font("Helvetica", "B", 16)
    pdf.set_text_color(16, 94, 60)
    pdf.cell(0, 8, "Summit Valley", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(
        0,
        4.5,
        "HEALTH PLAN  -  Utilization Management, P.O. Box 4470, Milwaukee, WI 53201",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_text_color(0, 0, 0)
    s.rule(18, 197.9, pdf.get_y() + 1.5)
    s.space(6)
    s.text("November 6, 2026", size=10)
    s.space(3)
    s.text(
        f"{ATTENDING}\nLindqvist Cancer Center, {FACILITY}\n2100 Lakeshore Parkway\nMadison, WI 53706",
        size=10,
    )
    s.space(4)
    s.text("REQUEST FOR ADDITIONAL INFORMATION - REVIEW PENDED", size=11, style="B")
    s.pairs(
        [
            ("Member", PATIENT),
            ("Member ID", MEMBER_ID),
            ("Date of birth", DOB_US),
            ("Reference no.", "UM-2026-1104-55817"),
            ("Service", "CARVYKTI (ciltacabtagene autoleucel), HCPCS Q2056"),
            ("Received", "November 4, 2026"),
        ],
        key_w=32,
    )
    s.space(4)
    s.text("Dear Dr. Lindgren,", size=10)
    s.space(2)
    for para in [
        "We received your prior authorization request for the service above. We cannot make a "
        "decision yet because the clinical information we need is incomplete. Our policy for CAR "
        "T-cell therapy asks for the following, and we did not find these items in what was sent:",
        "1. A letter of medical necessity signed by the attending physician that lists each prior "
        "chemotherapy regimen with its dates, the clinical and social history, and the indication "
        "for CAR T-cell therapy.\n2. Confirmation that the administering facility is an authorized "
        "treatment center for this product.\n3. A psychosocial evaluation naming primary and "
        "secondary caregivers.",
        "Please fax these records to 414-555-0187 within 14 calendar days of this notice, quoting "
        "the reference number. If we do not receive them, we will make a decision with the "
        "information on file. This notice is not a denial.",
    ]:
        s.text(para, size=10)
        s.space(2.5)
    s.space(2)
    s.text("Sincerely,", size=10)
    s.space(2)
    s.text("Marisol Brandt, RN, Utilization Management Nurse Reviewer", size=10)
    s.text("Reviewed by Gerald Ostrowski, MD, Associate Medical Director", size=10)
    s.text("Electronically signed by Gerald Ostrowski, MD on 11/06/2026", size=8.5, style="I")
    s.footer("Summit Valley Health Plan - UM-2026-1104-55817", "Page 1 of 1")
    return pages


def build_pa_form(s: Sheet, opts: Opts) -> list[int]:
    pdf = s.pdf
    pages = [s.new_page()]

    def section(title: str) -> None:
        s.space(2)
        pdf.set_fill_color(16, 94, 60)
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("Helvetica", "B", 9.5)
        pdf.set_x(18)
        pdf.cell(179.9, 6, _latin(title), fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)

    def boxes(cells: list[tuple[str, str, float]]) -> None:
        x = 18.0
        y = pdf.get_y()
        for label, value, wdt in cells:
            pdf.rect(x, y, wdt, 11)
            pdf.set_xy(x + 1, y + 0.6)
            pdf.set_font("Helvetica", "", 6.8)
            pdf.cell(wdt - 2, 3.2, _latin(label))
            pdf.set_xy(x + 1, y + 4.6)
            pdf.set_font("Courier", "B", 9.5)
            pdf.cell(wdt - 2, 5, _latin(value))
            x += wdt
        pdf.set_xy(18, y + 11)
        s._check()

    def question(text: str, yes: bool) -> None:
        y = pdf.get_y()
        pdf.set_font("Helvetica", "", 9)
        pdf.set_xy(20, y)
        pdf.cell(140, 5.5, _latin(text))
        pdf.set_xy(162, y)
        s.checkbox(yes, "Yes")
        pdf.set_xy(180, y)
        s.checkbox(not yes, "No")
        pdf.set_xy(18, y + 6.2)
        s._check()

    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 6.5, "SUMMIT VALLEY HEALTH PLAN", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(
        0,
        6,
        "Medical Benefit Drug - Prior Authorization Request Form",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", "", 8)
    pdf.cell(
        0,
        4,
        "Fax completed form and clinical notes to 414-555-0187. Incomplete forms will be returned.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    section("SECTION 1 - MEMBER INFORMATION")
    boxes(
        [
            ("Member name (last, first, MI)", "HALVORSEN, TEODORA M", 80),
            ("Date of birth", DOB_US, 40),
            ("Member ID", MEMBER_ID, 59.9),
        ]
    )
    boxes(
        [
            ("Address", "418 Prairie Dock Lane, Sun Prairie WI 53590", 120),
            ("Phone", "608-555-0177", 59.9),
        ]
    )
    section("SECTION 2 - PRESCRIBER INFORMATION")
    boxes(
        [
            ("Prescriber name", ATTENDING, 80),
            ("NPI", "1548392071", 40),
            ("Specialty", "Hematology/Oncology", 59.9),
        ]
    )
    boxes(
        [
            ("Office contact", "Dana Whitcomb, RN", 60),
            ("Phone", "608-555-0190", 40),
            ("Fax", "608-555-0142", 40),
            ("DEA (if applicable)", "n/a", 39.9),
        ]
    )
    section("SECTION 3 - SITE OF CARE")
    boxes(
        [
            ("Facility name", FACILITY, 100),
            ("Facility NPI", "1093817264", 40),
            ("Setting", "Inpatient", 39.9),
        ]
    )
    section("SECTION 4 - MEDICATION REQUESTED")
    boxes(
        [
            ("Drug name and strength", "CARVYKTI (ciltacabtagene autoleucel)", 100),
            ("HCPCS", "Q2056", 30),
            ("Quantity", "1 infusion", 49.9),
        ]
    )
    boxes(
        [
            ("Dose", "0.5-1.0 x 10^6 CAR+ viable T cells/kg", 100),
            ("Expected start", "12/2026", 40),
            ("New / Continuation", "New", 39.9),
        ]
    )
    section("SECTION 5 - DIAGNOSIS")
    boxes(
        [("Primary ICD-10", "C90.02", 40), ("Description", "Multiple myeloma, in relapse", 139.9)]
    )
    s.footer("SVHP-PA-MED-117 (rev. 01/2026)", "Page 1 of 2")

    pages.append(s.new_page())
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, f"Member: HALVORSEN, TEODORA M   ID {MEMBER_ID}", new_x="LMARGIN", new_y="NEXT")
    section("SECTION 6 - CLINICAL CRITERIA")
    s.space(1)
    for text, yes in [
        ("Age 18 years or older?", True),
        ("At least one prior line including a proteasome inhibitor and an IMiD?", True),
        ("Refractory to lenalidomide?", True),
        ("Prior BCMA-directed therapy?", False),
        ("ECOG performance status 0-1?", True),
        ("Active infection or CNS involvement?", False),
        ("Administering facility is a certified treatment center?", True),
        ("Letter of medical necessity attached?", False),
    ]:
        question(text, yes)
    section("SECTION 7 - PREVIOUS THERAPIES")
    s.table(
        [90, 45, 44.9],
        ["Drug / regimen", "Dates", "Reason stopped"],
        [
            ["VRd, then ASCT, then lenalidomide", "02/2022 - 03/2024", "progression"],
            ["Daratumumab, pomalidomide, dex", "04/2024 - 02/2025", "progression"],
            ["Carfilzomib, cyclophosphamide, dex", "03/2025 - 10/2025", "progression"],
            ["Selinexor, bortezomib, dex", "11/2025 - 08/2026", "progression"],
        ],
        size=8.8,
    )
    section("SECTION 8 - PRESCRIBER ATTESTATION")
    s.space(1)
    s.text(
        "I attest that the information on this form is accurate and supported by the member's "
        "medical record, and that supporting documentation is available on request.",
        size=9,
    )
    s.space(12)
    y = pdf.get_y()
    s.rule(20, 120, y)
    pdf.set_font("Courier", "B", 9.5)
    pdf.set_xy(140, y - 5)
    pdf.cell(40, 5, "11/03/2026")
    s.rule(138, 190, y)
    pdf.set_xy(20, y + 1)
    pdf.set_font("Helvetica", "", 7.5)
    pdf.cell(100, 4, "Prescriber signature (required)")
    pdf.set_xy(138, y + 1)
    pdf.cell(50, 4, "Date")
    pdf.set_xy(18, y + 8)
    s.footer("SVHP-PA-MED-117 (rev. 01/2026)", "Page 2 of 2")
    return pages


def build_discharge(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page()]
    s.band("DISCHARGE SUMMARY", f"{FACILITY} - Hospital Medicine", (40, 40, 40))
    s.patient_banner("Acct 70044182")
    s.pairs(
        [
            ("Admitted", "09/02/2026"),
            ("Discharged", "09/06/2026"),
            ("Attending", "Helen Marsh, MD, Hospital Medicine"),
            ("Consultants", "Hematology/Oncology (Lindgren); Nephrology"),
            ("Principal diagnosis", "Hypercalcemia of malignancy"),
            ("Secondary", "Relapsed IgG kappa multiple myeloma; acute kidney injury, resolved"),
        ],
        key_w=40,
    )
    s.heading("History of present illness", gap=4)
    s.text(
        "65-year-old woman with multiple myeloma diagnosed in 2022 who came to the emergency "
        "department with three days of confusion, thirst and constipation. Calcium was 13.1 mg/dL "
        "and creatinine 1.9 mg/dL (baseline 0.9). Past chemotherapy: VRd induction in 2022, "
        "autologous transplant 08/2022, lenalidomide maintenance to 03/2024, DPd 2024-2025, KCd in "
        "2025 and SVd since 11/2025, with recent biochemical progression.",
        size=9.5,
    )
    s.heading("Hospital course")
    s.text(
        "Treated with intravenous saline, calcitonin for 48 hours and zoledronic acid 4 mg on "
        "09/03. Calcium normalized by 09/05 and creatinine returned to 1.0. Mental status cleared "
        "fully. Hematology saw her and stopped selinexor-bortezomib given progression; they plan "
        "outpatient evaluation for CAR T-cell therapy.",
        size=9.5,
    )
    s.heading("Social history")
    s.text("Lives with husband; former smoker; rare alcohol. Independent at baseline.", size=9.5)
    s.heading("Discharge medications")
    s.text(
        "Acyclovir 400 mg twice daily; dexamethasone 20 mg weekly; pantoprazole 40 mg daily; "
        "calcium-free multivitamin. STOP selinexor.",
        size=9.5,
    )
    s.heading("Follow-up")
    s.text("Hematology clinic (Dr. Lindgren) within one week; BMP in 3 days.", size=9.5)
    s.space(5)
    s.text("Electronically signed by Helen Marsh, MD on 09/06/2026 17:22", size=9)
    s.footer(f"{PATIENT_LAB} - discharge summary", "Page 1 of 1")
    return pages


# -- documents that only the combined fax carries -------------------------------


def build_fax_cover(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page()]
    pdf = s.pdf
    pdf.set_font("Helvetica", "B", 28)
    pdf.cell(0, 14, "FAX", new_x="LMARGIN", new_y="NEXT")
    s.text(
        f"Lindqvist Cancer Center - {FACILITY}\nCellular Therapy Program, 2100 Lakeshore Parkway, Madison, WI 53706",
        size=10,
    )
    s.space(6)
    s.pairs(
        [
            ("To:", f"{PLAN} - Medical Benefit Drug Review"),
            ("Fax:", "414-555-0187"),
            ("From:", "Dana Whitcomb, RN, Cellular Therapy Program Manager"),
            ("Fax:", "608-555-0142     Phone: 608-555-0190"),
            ("Date:", "11/05/2026"),
            ("Pages:", f"{COMBINED_PAGES} including this cover"),
            ("Re:", "Prior authorization request - CARVYKTI - HALVORSEN, TEODORA M"),
        ],
        key_w=22,
        size=10.5,
    )
    s.space(6)
    s.text("Enclosed, in this order:", size=10.5, style="B")
    s.text(
        "- Clinic progress notes (4 visits)\n- Operative report\n- Medication list\n"
        "- Letter of medical necessity\n- Laboratory results\n- Infectious disease serologies\n"
        "- Bone marrow pathology\n- Echocardiogram\n- Psychosocial evaluation\n"
        "- Treatment center confirmation from the manufacturer",
        size=10.5,
    )
    s.space(12)
    s.text(
        "CONFIDENTIALITY NOTICE: This facsimile contains protected health information meant only "
        "for the recipient named above. If you received it in error, call 608-555-0190 and "
        "destroy all copies. Redisclosure is prohibited by law.",
        size=8.5,
    )
    return pages


_VISITS = [
    (
        "06/11/2026",
        "Follow-up on SVd, cycle 7",
        "M-protein 0.6 g/dL, stable. Tolerating therapy with grade 1 nausea.",
        "Continue SVd; repeat labs in 4 weeks.",
    ),
    (
        "08/13/2026",
        "Follow-up on SVd, cycle 9",
        "M-protein up to 1.4 g/dL. New right hip ache. Fatigue worse.",
        "PET/CT ordered; discuss next line at results visit.",
    ),
    (
        "09/17/2026",
        "Post-hospital visit",
        "Admitted 09/02-09/06 for hypercalcemia. Calcium now 9.4. M-protein 1.9 g/dL.",
        "SVd stopped. Refer for CAR T evaluation; start workup.",
    ),
    (
        "10/22/2026",
        "CAR T work-up review",
        "Marrow 10/14: 40% plasma cells. Echo 10/21 normal. Serologies drawn next week.",
        "Proceed with CARVYKTI authorization; social work visit 10/30.",
    ),
]


def build_progress_notes(s: Sheet, opts: Opts) -> dict[str, list[int]]:
    placed: dict[str, list[int]] = {}
    page_counts = [3, 3, 2, 2]
    for n, ((visit, reason, interval, plan), count) in enumerate(
        zip(_VISITS, page_counts, strict=True), start=1
    ):
        pages: list[int] = []
        for p in range(1, count + 1):
            pages.append(s.new_page())
            s.band(
                "HEMATOLOGY/ONCOLOGY CLINIC NOTE",
                f"{FACILITY} - Myeloma Program - visit {visit}",
                (30, 72, 110),
            )
            s.patient_banner(f"Visit {visit}")
            if p == 1:
                s.pairs(
                    [
                        ("Visit date", visit),
                        ("Provider", ATTENDING),
                        ("Reason", reason),
                    ],
                    key_w=30,
                )
                s.heading("Interval history", gap=3)
                s.text(
                    interval + " She reports good appetite and stable weight. No fevers, "
                    "infections or bleeding. Neuropathy unchanged, grade 1.",
                    size=9.5,
                )
                s.heading("Oncologic history")
                s.text(
                    "IgG kappa myeloma, 01/2022, t(4;14). VRd x4 (02/2022-06/2022), ASCT 08/2022, "
                    "lenalidomide maintenance to 03/2024; DPd 04/2024-02/2025; KCd 03/2025-10/2025; "
                    "SVd from 11/2025.",
                    size=9.5,
                )
                s.heading("Review of systems")
                s.text(
                    "Constitutional: fatigue. Eyes: no blurred vision. Cardiac: no chest pain. "
                    "Respiratory: no cough. GI: mild nausea, no diarrhea. Neuro: stable tingling in "
                    "the toes. All other systems negative.",
                    size=9.5,
                )
            elif p < count:
                s.heading("Physical examination", gap=1)
                s.text(
                    "BP 126/78, HR 76, T 36.7 C, SpO2 98% on room air, weight 68.2 kg. Alert, in no "
                    "distress. No scleral icterus. Lungs clear. Heart regular, no murmur. Abdomen "
                    "soft, no hepatosplenomegaly. No edema. Mild tenderness over the right iliac "
                    "crest. Cranial nerves intact, gait normal.",
                    size=9.5,
                )
                s.heading("Laboratory data")
                s.table(
                    [60, 35, 45],
                    ["Test", "Value", "Reference"],
                    [
                        ["Hemoglobin", "10.6 g/dL", "11.7 - 15.5"],
                        ["Platelets", "142 K/uL", "150 - 400"],
                        ["ANC", "2.1 K/uL", "1.8 - 7.7"],
                        ["Creatinine", "0.94 mg/dL", "0.55 - 1.02"],
                        ["Calcium", "9.4 mg/dL", "8.6 - 10.3"],
                    ],
                )
            if p == count:
                s.heading("Assessment and plan", gap=2)
                s.text(
                    "Relapsed/refractory multiple myeloma. " + plan + " Continue acyclovir "
                    "prophylaxis and monthly zoledronic acid. Return in four weeks or sooner if needed.",
                    size=9.5,
                )
                s.space(5)
                s.text(f"Electronically signed by Anders K. Lindgren, MD on {visit} 17:30", size=9)
            s.footer(f"{PATIENT_LAB} - clinic note {visit}", f"Page {p} of {count}")
        placed[f"progress-note-{n}"] = pages
    return placed


def build_operative_note(s: Sheet, opts: Opts) -> list[int]:
    pages = [s.new_page()]
    s.band("OPERATIVE REPORT", f"{FACILITY} - Interventional Spine Service", (40, 40, 40))
    s.patient_banner("Case 26-SP-0912")
    s.pairs(
        [
            ("Date of operation", "07/08/2026"),
            ("Surgeon", "Marcus Feld, MD"),
            ("Anesthesia", "Monitored anesthesia care"),
            ("Preoperative dx", "Painful T12 compression fracture, multiple myeloma"),
            ("Postoperative dx", "Same"),
            ("Procedure", "T12 balloon kyphoplasty, bipedicular"),
            ("Estimated blood loss", "Minimal"),
        ],
        key_w=44,
    )
    s.heading("Indications", gap=4)
    s.text(
        "Six weeks of T12 pain limiting walking despite bracing and analgesics; MRI showed an acute "
        "fracture with 30% height loss and no retropulsion.",
        size=9.5,
    )
    s.heading("Description of procedure")
    s.text(
        "After consent and time-out the patient was placed prone. Under biplane fluoroscopy, 11-gauge "
        "access cannulas were advanced through both T12 pedicles. Balloons were inflated to restore "
        "height, then 6 mL of PMMA cement was placed under continuous imaging with no extravasation.",
        size=9.5,
    )
    s.footer(f"{PATIENT_LAB} - operative report 07/08/2026", "Page 1 of 2")
    pages.append(s.new_page())
    s.patient_banner("Case 26-SP-0912")
    s.heading("Findings and disposition", gap=1)
    s.text(
        "Good cement fill with partial height restoration. The patient tolerated the procedure well "
        "and was discharged home the same day. Follow up in clinic in two weeks.",
        size=9.5,
    )
    s.space(6)
    s.text("Electronically signed by Marcus Feld, MD on 07/08/2026 13:02", size=9)
    s.footer(f"{PATIENT_LAB} - operative report 07/08/2026", "Page 2 of 2")
    return pages


def build_med_list(s: Sheet, opts: Opts) -> list[int]:
    meds = [
        ["Acyclovir 400 mg tablet", "1 tab by mouth twice daily", "HSV/VZV prophylaxis"],
        ["Dexamethasone 4 mg tablet", "5 tabs (20 mg) weekly", "Myeloma"],
        ["Zoledronic acid 4 mg IV", "Every 4 weeks in clinic", "Bone disease"],
        ["Pantoprazole 40 mg tablet", "1 tab daily before breakfast", "GI protection"],
        ["Ondansetron 8 mg ODT", "Every 8 hours as needed", "Nausea"],
        ["Oxycodone 5 mg tablet", "Every 6 hours as needed", "Back pain"],
        ["Senna 8.6 mg tablet", "2 tabs at bedtime", "Constipation"],
        ["Cholecalciferol 2000 units", "Daily", "Vitamin D"],
        ["Levothyroxine 50 mcg tablet", "Daily", "Hypothyroidism"],
        ["Atorvastatin 20 mg tablet", "Daily", "Hyperlipidemia"],
        ["Trimethoprim-sulfamethoxazole DS", "1 tab Mon/Wed/Fri", "PJP prophylaxis"],
        ["Lorazepam 0.5 mg tablet", "At bedtime as needed", "Insomnia"],
    ]
    pages: list[int] = []
    for p, chunk in enumerate([meds[:7], meds[7:]], start=1):
        pages.append(s.new_page())
        s.band(
            "ACTIVE MEDICATION LIST",
            f"{FACILITY} - printed for prior authorization 11/04/2026",
            (20, 100, 90),
        )
        s.patient_banner()
        s.table([70, 60, 49.9], ["Medication", "Directions", "Indication"], chunk, size=9, h=7)
        if p == 2:
            s.space(4)
            s.text(
                "Allergies: penicillin (hives). Reconciled by Dana Whitcomb, RN on 11/04/2026.",
                size=9.5,
            )
        s.footer(f"{PATIENT_LAB} - medication list", f"Page {p} of 2")
    return pages


def build_labs(s: Sheet, opts: Opts) -> list[int]:
    panels = [
        (
            "COMPLETE BLOOD COUNT WITH DIFFERENTIAL",
            [
                ["WBC", "4.1", "K/uL", "3.8 - 10.8"],
                ["RBC", "3.42", "M/uL", "3.80 - 5.10"],
                ["Hemoglobin", "10.4", "g/dL", "11.7 - 15.5"],
                ["Hematocrit", "31.8", "%", "35.0 - 45.0"],
                ["MCV", "93", "fL", "80 - 100"],
                ["Platelets", "138", "K/uL", "140 - 400"],
                ["Neutrophils, absolute", "2.3", "K/uL", "1.5 - 7.8"],
                ["Lymphocytes, absolute", "1.1", "K/uL", "0.9 - 3.3"],
            ],
        ),
        (
            "COMPREHENSIVE METABOLIC PANEL",
            [
                ["Sodium", "139", "mmol/L", "135 - 146"],
                ["Potassium", "4.2", "mmol/L", "3.5 - 5.3"],
                ["Creatinine", "0.91", "mg/dL", "0.50 - 1.05"],
                ["eGFR", "69", "mL/min/1.73m2", "> 59"],
                ["Calcium", "9.3", "mg/dL", "8.6 - 10.4"],
                ["Albumin", "3.6", "g/dL", "3.6 - 5.1"],
                ["AST", "22", "U/L", "10 - 35"],
                ["ALT", "19", "U/L", "6 - 29"],
                ["Total bilirubin", "0.5", "mg/dL", "0.2 - 1.2"],
            ],
        ),
        (
            "COAGULATION AND OTHER CHEMISTRY",
            [
                ["PT", "12.1", "s", "9.7 - 13.0"],
                ["INR", "1.0", "", "0.9 - 1.1"],
                ["aPTT", "29", "s", "23 - 32"],
                ["Fibrinogen", "352", "mg/dL", "175 - 425"],
                ["LDH", "214", "U/L", "120 - 250"],
                ["Uric acid", "5.1", "mg/dL", "2.5 - 7.0"],
                ["Magnesium", "1.9", "mg/dL", "1.5 - 2.5"],
            ],
        ),
    ]
    pages: list[int] = []
    for p, (title, rows) in enumerate(panels, start=1):
        pages.append(s.new_page())
        s.band(
            f"{FACILITY} Clinical Laboratories",
            "Cumulative results - Department of Pathology and Laboratory Medicine",
            (30, 72, 110),
        )
        s.pairs(
            [
                ("Patient", PATIENT_LAB),
                ("MRN / DOB", f"{MRN} / {DOB_US}"),
                ("Collected", "2026-10-28 07:52"),
                ("Reported", "2026-10-28 10:31"),
            ],
            key_w=34,
        )
        s.heading(title, gap=4)
        s.table([70, 30, 35, 44.9], ["Test", "Result", "Units", "Reference range"], rows)
        s.footer(f"{PATIENT_LAB} - laboratory results", f"Page {p} of 3")
    return pages


# --------------------------------------------------------------------- the cases

Builder = Callable[[Sheet, Opts], "list[int] | dict[str, list[int]]"]

BASE_FILES: dict[str, list[tuple[str, Builder]]] = {
    "letter-of-medical-necessity.pdf": [("letter", build_lmn)],
    "manufacturer-authorization.pdf": [("treatment-center", build_center_letter)],
    "id-serologies.pdf": [("serology", build_serology)],
    "bone-marrow-pathology.pdf": [("marrow", build_marrow)],
    "echocardiogram.pdf": [("echo", build_echo)],
    "psychosocial-evaluation.pdf": [("psychosocial", build_psychosocial)],
}


@dataclass
class Case:
    opts: Opts = field(default_factory=Opts)
    replace: dict[str, tuple[str, str, Builder]] = field(
        default_factory=dict
    )  # old file -> (new file, key, builder)


CASES: dict[str, Case] = {
    "complete": Case(),
    "t01-referral-letter": Case(
        replace={
            "letter-of-medical-necessity.pdf": (
                "referral-to-cellular-therapy.pdf",
                "referral",
                build_referral_letter,
            )
        }
    ),
    "t02-plan-pend-letter": Case(
        replace={
            "letter-of-medical-necessity.pdf": ("health-plan-notice.pdf", "pend", build_pend_letter)
        }
    ),
    "t03-pa-request-form": Case(
        replace={"letter-of-medical-necessity.pdf": ("pa-request-form.pdf", "form", build_pa_form)}
    ),
    "t04-discharge-summary": Case(
        replace={
            "letter-of-medical-necessity.pdf": (
                "discharge-summary.pdf",
                "discharge",
                build_discharge,
            )
        }
    ),
    "t05-center-email": Case(
        replace={
            "manufacturer-authorization.pdf": (
                "site-activation-email.pdf",
                "treatment-center",
                build_center_email,
            )
        }
    ),
    "t06-title-department-line": Case(Opts(letter_signature="title-dept")),
    "t07-fellow-cosigned": Case(Opts(letter_signature="cosigned", letter_author="fellow")),
    "t08-pa-signed-only": Case(Opts(letter_signature="pa-only", letter_author="pa")),
    "t09-blank-signature-line": Case(Opts(letter_signature="blank-line")),
    "t10-drawn-signature": Case(Opts(letter_signature="image")),
    "t11-backup-caregiver-unidentified": Case(Opts(backup_caregiver="unidentified")),
    "t12-substance-not-assessed": Case(Opts(substance_use="not-assessed")),
    "t13-day-first-serology": Case(
        replace={"id-serologies.pdf": ("virology-bristol.pdf", "serology", build_uk_serology)}
    ),
    "t14a-prior-car-t": Case(Opts(prior_car_t="received")),
    "t14b-no-prior-car-t": Case(Opts(prior_car_t="denied")),
    "t15-marrow-requisition": Case(
        replace={
            "bone-marrow-pathology.pdf": (
                "bone-marrow-order.pdf",
                "requisition",
                build_marrow_requisition,
            )
        }
    ),
    COMBINED: Case(),
}

COMBINED_FILE = "fax-2026-11-05-halvorsen.pdf"
COMBINED_ORDER: list[tuple[str, Builder]] = [
    ("fax-cover", build_fax_cover),
    ("progress-notes", build_progress_notes),
    ("operative-note", build_operative_note),
    ("medication-list", build_med_list),
    ("letter", build_lmn),
    ("labs", build_labs),
    ("serology", build_serology),
    ("marrow", build_marrow),
    ("echo", build_echo),
    ("psychosocial", build_psychosocial),
    ("treatment-center", build_center_letter),
]


@dataclass(frozen=True)
class Placed:
    file: str
    pages: list[int]


@dataclass
class Packet:
    name: str
    path: Path
    documents: dict[str, Placed]


def build(name: str, outdir: Path) -> Packet:
    case = CASES[name]
    outdir.mkdir(parents=True, exist_ok=True)
    documents: dict[str, Placed] = {}
    if name == COMBINED:
        sheet = Sheet(fax_total=COMBINED_PAGES)
        for key, builder in COMBINED_ORDER:
            got = builder(sheet, case.opts)
            if isinstance(got, dict):
                for sub, pages in got.items():
                    documents[sub] = Placed(COMBINED_FILE, pages)
            else:
                documents[key] = Placed(COMBINED_FILE, got)
        if sheet.page_no != COMBINED_PAGES:
            raise AssertionError(f"combined fax has {sheet.page_no} pages, not {COMBINED_PAGES}")
        sheet.save(outdir / COMBINED_FILE)
        return Packet(name, outdir, documents)
    for filename, [(key, builder)] in BASE_FILES.items():
        if filename in case.replace:
            filename, key, builder = case.replace[filename]
        sheet = Sheet()
        pages = builder(sheet, case.opts)
        assert isinstance(pages, list)
        sheet.save(outdir / filename)
        documents[key] = Placed(filename, pages)
    return Packet(name, outdir, documents)


def build_all(root: Path) -> dict[str, Packet]:
    return {name: build(name, root / name) for name in CASES}


def _print_text(packet: Packet) -> None:
    import pdfplumber

    for pdf_path in sorted(packet.path.glob("*.pdf")):
        with pdfplumber.open(pdf_path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                print(f"===== {packet.name}/{pdf_path.name} page {number}")
                print(page.extract_text() or "")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    root = Path(argv[0])
    packets = build_all(root)
    for packet in packets.values():
        print(
            f"{packet.name}: {', '.join(f'{k}={v.file}{v.pages}' for k, v in packet.documents.items())}"
        )
        if "--text" in argv[1:]:
            _print_text(packet)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
