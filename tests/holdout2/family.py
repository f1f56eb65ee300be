"""Held-out family 2: CAR T prior-authorization packets written apart from carcheck.

Everything here (hospital, clinicians, patient, lab, wording, layouts) is invented for
this family and follows only CONTRACT.md.  The generator is deterministic and
byte-stable: fixed creation date, no randomness, core fonts only, no network.

    python -m tests.holdout2.family OUTDIR      # write every packet under OUTDIR

Each packet is a folder of PDFs.  `build(name, folder)` writes one packet and returns
a `Packet` with, for every document written, the file and the 1-based pages it holds
(keys are the slots "A".."F", "B2" for a second B document, or, in the chart dump,
the section names).
"""

from __future__ import annotations

import io
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from PIL import Image, ImageDraw

# ---------------------------------------------------------------------------
# Dates (all relative to AS_OF)
# ---------------------------------------------------------------------------

AS_OF = date(2026, 11, 15)
CREATED = datetime(2026, 11, 3, 8, 30, 0, tzinfo=UTC)

LETTER_DATE = AS_OF - timedelta(days=13)  # 2026-11-02
SEROLOGY_COLLECTED = AS_OF - timedelta(days=40)  # 2026-10-06
SEROLOGY_REPORTED = SEROLOGY_COLLECTED + timedelta(days=2)
MARROW_PROCEDURE = AS_OF - timedelta(days=58)  # 2026-09-18
MARROW_SIGNED_OUT = MARROW_PROCEDURE + timedelta(days=5)
ECHO_DATE = AS_OF - timedelta(days=45)  # 2026-10-01
PSYCH_DATE = AS_OF - timedelta(days=26)  # 2026-10-20
PET_DATE = AS_OF - timedelta(days=32)  # 2026-10-14
ATC_LETTER_DATE = AS_OF - relativedelta(months=8, days=5)  # 2026-03-10
EMAIL_DATE = AS_OF - timedelta(days=19)
DENIAL_DATE = AS_OF - timedelta(days=18)
CLINIC_DATE = AS_OF - timedelta(days=16)
CONSULT_DATE = AS_OF - timedelta(days=24)
FORM_DATE = AS_OF - timedelta(days=12)
FAX_DATE = AS_OF - timedelta(days=12)
ADMIT_DATE = AS_OF - relativedelta(months=4, days=2)  # 2026-07-13
DISCHARGE_DATE = ADMIT_DATE + timedelta(days=4)

# The non-US serology: collected on a day <= 12 (so month-first would misread it),
# authorised on a day > 12 (so the document settles the order itself).
UK_COLLECTED = AS_OF - timedelta(days=42)  # 2026-10-04
UK_RECEIVED = UK_COLLECTED + timedelta(days=1)
UK_AUTHORISED = AS_OF - timedelta(days=30)  # 2026-10-16
assert UK_COLLECTED.day <= 12 and UK_AUTHORISED.day > 12
# Read month-first the collection date would be stale (or impossible): the trap bites.
_swapped = date(UK_COLLECTED.year, UK_COLLECTED.day, UK_COLLECTED.month)
assert _swapped <= AS_OF - relativedelta(months=3)

# ---------------------------------------------------------------------------
# People and places (invented)
# ---------------------------------------------------------------------------

PT_FIRST, PT_MIDDLE, PT_LAST = "Reginald", "T", "Ashcombe"
PT_NAME = f"{PT_FIRST} {PT_MIDDLE}. {PT_LAST}"
PT_UPPER = f"{PT_LAST.upper()}, {PT_FIRST.upper()} {PT_MIDDLE}"
PT_DOB = date(1968, 7, 22)
PT_AGE = AS_OF.year - PT_DOB.year - ((AS_OF.month, AS_OF.day) < (PT_DOB.month, PT_DOB.day))
PT_MEMBER = "CCH-77410293"
PT_MRN = "CB-0048812"

HOSP = "Calloway Basin University Hospital"
HOSP_DIV = "Division of Hematology and Cellular Therapy"
HOSP_STREET = "1200 Tamarind Avenue"
HOSP_CITY = "Port Everly, OR 97399"
HOSP_PHONE = "(503) 555-0148"
HOSP_FAX = "(503) 555-0193"

ATTENDING = "Priyanka N. Ostrowski, MD"
ATTENDING_SURNAME = "Ostrowski"
ATTENDING_NPI = "1487203965"
FELLOW = "Marcus Obi-Lindqvist, MD"
FELLOW_SURNAME = "Obi-Lindqvist"
NP = "Delphine A. Carraway, APRN, FNP-BC"
COORDINATOR = "Anna Pellegrino, RN, BSN"

PLAN = "Cascadia Crest Health Plan"
PLAN_DEPT = "Utilization Management - Prior Authorization"
PLAN_BOX = "PO Box 48120"
PLAN_CITY = "Salem, OR 97309"
PLAN_FAX = "(971) 555-0122"
PLAN_MD = "Gerald P. Minsk-Arroyo, MD"

CONSULTANT = "Eamon J. Fitzwilliam-Roe, MD"
CONSULT_CLINIC = "Brightwater Lymphoma and Myeloma Clinic"

LAB = "Northwind Reference Laboratories"
LAB_DIRECTOR = "Ruth A. Kessler-Mbeki, MD, PhD"
PATHOLOGIST = "Ingrid S. Haldorsen-Tam, MD"
CARDIOLOGIST = "Samuel K. Adeyemi-Roth, MD"
SOCIAL_WORKER = "Harriet M. Quennell, LICSW"
CAREGIVER_1 = "Lorraine Ashcombe"
CAREGIVER_2 = "Desmond Ashcombe"

MFR = "Kite Pharma, Inc."
MFR_OPS = "Jordan Valesky"
MFR_MEDICAL = "Helena V. Marchetti-Oyelaran, MD"
MFR_EMAIL_PERSON = "Bianca Okonkwo"


def us(d: date) -> str:
    return d.strftime("%m/%d/%Y")


def uk(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def long(d: date) -> str:
    return f"{d.strftime('%B')} {d.day}, {d.year}"


# ---------------------------------------------------------------------------
# Page machinery
# ---------------------------------------------------------------------------

PageFn = Callable[["Paper", int, int], None]


@dataclass
class Style:
    header: PageFn | None
    footer: PageFn | None
    first: int
    total: int


class Paper(FPDF):
    """A US-letter page in points, with per-document running headers and footers."""

    def __init__(self) -> None:
        super().__init__(unit="pt", format="letter")
        self.set_creation_date(CREATED)
        self.set_creator("ChartOutput Print Services 7.1")
        self.set_auto_page_break(True, margin=64)
        self.set_margins(62, 56, 62)
        self._style = Style(None, None, 1, 1)
        self._page_style: dict[int, Style] = {}
        self.expected_total = 1

    # a document calls begin() instead of add_page() for its first page
    def begin(
        self,
        header: PageFn | None = None,
        footer: PageFn | None = None,
        margins: tuple[float, float, float] = (62, 56, 62),
    ) -> None:
        self.set_margins(*margins)
        self.set_fill_color(255, 255, 255)
        self.set_draw_color(0, 0, 0)
        self.set_text_color(0, 0, 0)
        self.set_line_width(0.5)
        self._style = Style(header, footer, self.page + 1, self.expected_total)
        self.add_page()

    def header(self) -> None:
        self._page_style[self.page] = self._style
        st = self._style
        if st.header is not None:
            st.header(self, self.page - st.first + 1, st.total)

    def footer(self) -> None:
        st = self._page_style.get(self.page)
        if st is not None and st.footer is not None:
            st.footer(self, self.page - st.first + 1, st.total)

    # ---- text helpers ----
    def font(self, family: str, style: str = "", size: float = 10) -> None:
        self.set_font(family, style, size)

    def lines(self, text: str, h: float | None = None, align: str = "L") -> None:
        self.multi_cell(
            0, h or self.font_size * 1.32, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def para(self, text: str, gap: float = 7, align: str = "J", h: float | None = None) -> None:
        self.lines(text, h=h, align=align)
        self.ln(gap)

    def heading(self, text: str, family: str = "Helvetica", size: float = 10.5, gap: float = 3):
        self.font(family, "B", size)
        self.lines(text)
        self.ln(gap)

    def right(self, text: str) -> None:
        self.cell(0, self.font_size * 1.4, text, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def center(self, text: str) -> None:
        self.cell(0, self.font_size * 1.4, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def rule(self, width: float = 0.7, gap: float = 6) -> None:
        y = self.get_y()
        self.set_line_width(width)
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.set_line_width(0.5)
        self.ln(gap)

    def kv(self, label: str, value: str, lw: float = 120, h: float | None = None) -> None:
        h = h or self.font_size * 1.45
        style = self.font_style
        self.set_font(style="B")
        self.cell(lw, h, label)
        self.set_font(style=style.replace("B", ""))
        self.multi_cell(0, h, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def checkbox(self, label: str, checked: bool, w: float | None = None) -> None:
        """A drawn box with an X typed in it when checked, then its label."""
        x, y = self.get_x(), self.get_y()
        size = self.font_size * 0.95
        top = y + (self.font_size * 1.5 - size) / 2
        self.rect(x, top, size, size)
        if checked:
            self.set_xy(x, top)
            self.cell(size, size, "X", align="C")
        self.set_xy(x + size + 4, y)
        width = w if w is not None else self.get_string_width(label) + 14
        self.cell(width - size - 4, self.font_size * 1.5, label)

    def blank_line(self, label: str, value: str = "", lw: float = 130, lineto: float | None = None):
        """A label, a drawn line to write on, and optionally a value typed on it."""
        h = self.font_size * 1.8
        x0 = self.l_margin
        self.set_x(x0)
        self.cell(lw, h, label)
        x1 = x0 + lw
        x2 = lineto if lineto is not None else self.w - self.r_margin
        y = self.get_y() + h - 3
        self.line(x1, y, x2, y)
        if value:
            self.set_xy(x1 + 3, self.get_y())
            self.cell(x2 - x1 - 3, h, value)
        self.ln(h)

    def grid(
        self,
        rows: list[list[str]],
        widths: tuple[float, ...],
        size: float = 9,
        family: str = "Helvetica",
        layout: str = "ALL",
        fill: tuple[int, int, int] | None = (225, 229, 236),
        align: str = "LEFT",
    ) -> None:
        self.font(family, "", size)
        self.set_fill_color(255, 255, 255)
        head = FontFace(emphasis="BOLD", fill_color=fill)
        with self.table(
            col_widths=widths,
            width=sum(widths),
            align="LEFT",
            text_align=align,
            borders_layout=layout,
            headings_style=head,
            line_height=size * 1.45,
            padding=(2, 4),
        ) as table:
            for row in rows:
                r = table.row()
                for cell in row:
                    r.cell(cell)
        self.ln(6)

    def boxed(self, title: str, fields: list[tuple[str, str]], cols: int = 2, lw: float = 92):
        """A section drawn as a titled box holding label: value fields in columns."""
        x0, width = self.l_margin, self.w - self.l_margin - self.r_margin
        self.font("Helvetica", "B", 8.5)
        self.set_fill_color(40, 55, 90)
        self.set_text_color(255, 255, 255)
        self.cell(width, 13, "  " + title, fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        top = self.get_y()
        colw = width / cols
        rowh = 21
        nrows = (len(fields) + cols - 1) // cols
        for i, (label, value) in enumerate(fields):
            r, c = divmod(i, cols)
            x, y = x0 + c * colw, top + r * rowh
            self.set_xy(x + 4, y + 2)
            self.font("Helvetica", "", 7)
            self.cell(lw, 6, label)
            self.set_xy(x + 4, y + 8.5)
            self.font("Helvetica", "", 9.5)
            self.cell(colw - 8, 11, value)
        self.set_line_width(0.5)
        self.rect(x0, top, width, nrows * rowh)
        for r in range(1, nrows):
            self.line(x0, top + r * rowh, x0 + width, top + r * rowh)
        for c in range(1, cols):
            self.line(x0 + c * colw, top, x0 + c * colw, top + nrows * rowh)
        self.set_xy(x0, top + nrows * rowh + 8)


def page_of(prefix: str = "", size: float = 7.5, align: str = "C") -> PageFn:
    def draw(pdf: Paper, k: int, n: int) -> None:
        pdf.set_y(-40)
        pdf.font("Helvetica", "", size)
        pdf.set_text_color(70, 70, 70)
        text = f"Page {k} of {n}"
        if prefix:
            pdf.cell(0, 10, prefix, align="L")
            pdf.set_x(pdf.l_margin)
        pdf.cell(0, 10, text, align="R" if prefix else align)
        pdf.set_text_color(0, 0, 0)

    return draw


def plain_footer(text: str) -> PageFn:
    def draw(pdf: Paper, k: int, n: int) -> None:
        pdf.set_y(-38)
        pdf.font("Helvetica", "I", 7)
        pdf.set_text_color(90, 90, 90)
        pdf.cell(0, 10, text, align="C")
        pdf.set_text_color(0, 0, 0)

    return draw


def ehr_header(title: str) -> PageFn:
    """The running banner of an EHR print: institution, patient, MRN, DOB on every page."""

    def draw(pdf: Paper, k: int, n: int) -> None:
        pdf.set_y(24)
        pdf.font("Helvetica", "B", 8)
        pdf.cell(0, 10, HOSP, align="L")
        pdf.set_x(pdf.l_margin)
        pdf.font("Helvetica", "", 8)
        pdf.cell(0, 10, f"{PT_UPPER}   MRN: {PT_MRN}   DOB: {us(PT_DOB)}", align="R")
        pdf.ln(10)
        pdf.font("Helvetica", "I", 7.5)
        pdf.cell(0, 9, title, align="L")
        pdf.ln(10)
        y = pdf.get_y()
        pdf.set_line_width(0.4)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.set_y(y + 10)

    return draw


def letter_continuation(pdf: Paper, k: int, n: int) -> None:
    if k == 1:
        return
    pdf.set_y(34)
    pdf.font("Times", "", 9.5)
    pdf.cell(0, 11, f"{PLAN} - Re: {PT_NAME} (DOB {us(PT_DOB)})", align="L")
    pdf.set_x(pdf.l_margin)
    pdf.cell(0, 11, f"Page {k}", align="R")
    pdf.set_y(64)


def scribble_png() -> bytes:
    """A small hand-drawn-looking signature made with Pillow (deterministic)."""
    img = Image.new("RGB", (380, 120), "white")
    draw = ImageDraw.Draw(img)
    pts = []
    for i in range(420):
        t = i / 419
        x = 18 + 320 * t + 14 * math.sin(t * math.pi * 11)
        y = (
            70
            - 30 * math.sin(t * math.pi * 6.5) * (0.55 + 0.45 * math.cos(t * math.pi * 1.7))
            - 22 * t
        )
        pts.append((x, y))
    draw.line(pts, fill=(18, 28, 105), width=4, joint="curve")
    loop = [(60 + 22 * math.cos(a / 20), 52 + 30 * math.sin(a / 20)) for a in range(0, 126)]
    draw.line(loop, fill=(18, 28, 105), width=3)
    draw.line([(230, 92), (300, 86), (352, 90)], fill=(18, 28, 105), width=3)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


# ---------------------------------------------------------------------------
# Shared letter parts
# ---------------------------------------------------------------------------


def hospital_letterhead(pdf: Paper) -> None:
    pdf.set_fill_color(22, 74, 96)
    pdf.rect(0, 0, pdf.w, 8, style="F")
    pdf.set_y(30)
    pdf.font("Helvetica", "B", 15)
    pdf.set_text_color(22, 74, 96)
    pdf.cell(0, 18, HOSP, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font("Helvetica", "", 9.5)
    pdf.cell(0, 12, f"{HOSP_DIV}  |  Cellular Therapy Program", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(60, 60, 60)
    pdf.font("Helvetica", "", 8.5)
    pdf.cell(
        0,
        11,
        f"{HOSP_STREET}, {HOSP_CITY}   Tel {HOSP_PHONE}   Fax {HOSP_FAX}",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)
    pdf.set_draw_color(22, 74, 96)
    pdf.rule(1.2, gap=14)
    pdf.set_draw_color(0, 0, 0)


def plan_address(pdf: Paper) -> None:
    pdf.lines(f"{PLAN}\nAttn: {PLAN_DEPT}\n{PLAN_BOX}\n{PLAN_CITY}\nFax: {PLAN_FAX}")
    pdf.ln(10)


# ---------------------------------------------------------------------------
# A: letters of medical necessity (and their look-alikes)
# ---------------------------------------------------------------------------

HISTORY_BASE = [
    "R-CHOP (rituximab, cyclophosphamide, doxorubicin, vincristine, prednisone) x6 cycles "
    "(01/2025 - 05/2025). End-of-treatment PET/CT: complete metabolic response (Deauville 2).",
    "R-ICE (rituximab, ifosfamide, carboplatin, etoposide) x2 cycles (08/2025 - 09/2025) "
    "for biopsy-proven relapse in the retroperitoneum. Interim PET/CT: progressive disease; "
    "he was therefore not taken to autologous stem cell transplant.",
    "Polatuzumab vedotin, bendamustine and rituximab (Pola-BR) x4 cycles (11/2025 - 02/2026). "
    "Partial response, followed by progression on PET/CT in 07/2026.",
    "Involved-site radiation therapy to the left para-aortic mass, 30 Gy in 10 fractions "
    "(08/2026), for pain control.",
]

HISTORY_PRIOR_CART = [
    "R-CHOP x6 cycles (02/2022 - 06/2022). Complete metabolic response.",
    "R-ICE x3 cycles (10/2023 - 12/2023) for late relapse; stem cell mobilization failed and "
    "autologous transplant could not be offered.",
    "Polatuzumab vedotin with bendamustine and rituximab x2 cycles (01/2024 - 02/2024) as "
    "bridging therapy.",
    "Kymriah (tisagenlecleucel) - CAR T-cell infusion on 03/12/2024. Grade 1 cytokine release "
    "syndrome; partial response at day 90, progression in 09/2024.",
    "Glofitamab after obinutuzumab pretreatment x12 cycles (11/2024 - 09/2025). Complete "
    "response, then relapse on PET/CT in 07/2026.",
]


def lmn_body_paragraphs(variant: str) -> tuple[str, list[str], str, str, str]:
    """(opening, history list, clinical history, social history, indication)."""
    if variant == "np":
        opening = (
            f"I am the nurse practitioner on the Cellular Therapy Program team caring for "
            f"Mr. {PT_LAST} together with his attending physician, Dr. Priyanka N. Ostrowski. "
            "I am writing to request prior authorization for axicabtagene ciloleucel "
            "(Yescarta), an autologous CD19-directed chimeric antigen receptor (CAR) T-cell "
            f"therapy, to be given at {HOSP}. Mr. {PT_LAST} has relapsed and refractory "
            "diffuse large B-cell lymphoma, and in our judgment this treatment is medically "
            "necessary."
        )
    elif variant == "cosign":
        opening = (
            f"I am a hematology/oncology fellow on the cellular therapy service and, together "
            f"with Mr. {PT_LAST}'s attending physician, Dr. Priyanka N. Ostrowski, I am "
            "writing to request prior authorization for axicabtagene ciloleucel (Yescarta), an "
            "autologous CD19-directed chimeric antigen receptor (CAR) T-cell therapy, to be "
            f"given at {HOSP}. He has relapsed and refractory diffuse large B-cell lymphoma, "
            "and this treatment is medically necessary."
        )
    else:
        opening = (
            f"I am writing on behalf of my patient, Mr. {PT_NAME}, to request prior "
            "authorization for axicabtagene ciloleucel (Yescarta), an autologous CD19-directed "
            "chimeric antigen receptor (CAR) T-cell therapy. I am his attending physician in "
            f"the Cellular Therapy Program at {HOSP}, where leukapheresis, infusion and all "
            f"post-infusion monitoring will take place. Mr. {PT_LAST} has relapsed and "
            "refractory diffuse large B-cell lymphoma and has exhausted the standard options "
            "available to him; in my judgment this treatment is medically necessary."
        )
    if variant == "prior_cart":
        history = HISTORY_PRIOR_CART
        clinical = (
            f"Mr. {PT_LAST} is a {PT_AGE}-year-old man first diagnosed in 11/2021 with stage "
            "IIIA diffuse large B-cell lymphoma, not otherwise specified, after excisional "
            "biopsy of an inguinal lymph node. His course since then has included two relapses. "
            f"The present relapse was confirmed by core biopsy of a mesenteric mass; PET/CT on "
            f"{us(PET_DATE)} shows FDG-avid mesenteric and para-aortic disease (SUVmax 16.2). "
            f"Bone marrow biopsy on {us(MARROW_PROCEDURE)} showed no involvement. ECOG "
            "performance status is 1, left ventricular ejection fraction 58%, creatinine "
            "clearance 82 mL/min, and his infectious disease serologies are negative."
        )
    else:
        history = HISTORY_BASE
        clinical = (
            f"Mr. {PT_LAST} is a {PT_AGE}-year-old man who presented in 12/2024 with "
            "progressive cervical and retroperitoneal adenopathy, drenching night sweats and "
            "an 11 kg weight loss. Excisional biopsy of a left cervical lymph node showed "
            "diffuse large B-cell lymphoma, germinal center B-cell type, with MYC rearrangement "
            "absent by FISH; he was stage IVB with an International Prognostic Index of 3. "
            f"PET/CT on {us(PET_DATE)} shows persistent FDG-avid disease in the para-aortic and "
            f"mesenteric nodes (SUVmax 14.8). A staging bone marrow biopsy on "
            f"{us(MARROW_PROCEDURE)} showed no involvement by lymphoma. His ECOG performance "
            "status is 1, the left ventricular ejection fraction is 58%, creatinine clearance "
            "is 82 mL/min and his infectious disease serologies are negative."
        )
    social = (
        f"Mr. {PT_LAST} is a retired high-school chemistry teacher who lives with his wife "
        "in Port Everly, about 25 minutes from our center. He quit smoking in 2009 after a "
        "15 pack-year history, drinks alcohol rarely and uses no illicit substances. His wife "
        "and his adult son have both committed to act as caregivers and will stay with him "
        "within 30 minutes of the hospital for at least four weeks after the infusion. He has "
        "completed the social work evaluation described in the enclosed report."
    )
    indication = (
        "Axicabtagene ciloleucel is FDA-approved for adult patients with large B-cell lymphoma "
        "that is refractory to first-line chemoimmunotherapy or relapses within 12 months of "
        "it, and for relapsed or refractory large B-cell lymphoma after two or more lines of "
        "systemic therapy, including diffuse large B-cell lymphoma not otherwise specified. "
        f"Mr. {PT_LAST} meets this indication: he has received "
        f"{'five' if variant == 'prior_cart' else 'three'} prior lines of therapy, has "
        "chemotherapy-refractory disease, adequate organ function, no active infection and no "
        "known central nervous system involvement."
    )
    if variant == "negated_cart":
        clinical += (
            " He has never received CAR T-cell therapy or any other gene-modified cellular "
            "product, and no CD19-directed agent has been given."
        )
        indication += (
            " Were CAR T-cell therapy not authorized, the remaining choices would be a "
            "bispecific antibody off protocol or enrollment in a phase 1 trial, neither of "
            "which offers a comparable chance of durable remission. A CAR T product has not "
            "been administered to him at any point."
        )
    return opening, history, clinical, social, indication


def write_lmn(pdf: Paper, variant: str = "esign") -> None:
    """The letter of medical necessity; `variant` picks its signature or history trap."""
    pdf.begin(header=letter_continuation, margins=(66, 60, 66))
    hospital_letterhead(pdf)
    pdf.font("Times", "", 11)
    pdf.right(long(LETTER_DATE))
    pdf.ln(8)
    plan_address(pdf)
    opening, history, clinical, social, indication = lmn_body_paragraphs(variant)

    pdf.font("Times", "B", 11)
    pdf.cell(30, 14, "RE:")
    pdf.font("Times", "", 11)
    re_lines = [
        "Letter of medical necessity - CAR T-cell therapy",
        f"Patient: {PT_NAME}     Date of birth: {us(PT_DOB)}",
        f"Member ID: {PT_MEMBER}     MRN: {PT_MRN}",
        "Requested product: Yescarta (axicabtagene ciloleucel), HCPCS Q2041",
        "Diagnosis: relapsed/refractory diffuse large B-cell lymphoma (ICD-10 C83.38)",
        f"Treating facility: {HOSP}",
    ]
    if variant in ("cosign", "np"):
        re_lines.append(f"Attending physician: {ATTENDING}")
    pdf.multi_cell(0, 14, "\n".join(re_lines), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(10)
    pdf.lines("Dear Medical Director:", h=14)
    pdf.ln(6)
    pdf.font("Times", "", 11)
    pdf.para(opening, h=14)

    pdf.heading("Clinical history", family="Times", size=11)
    pdf.font("Times", "", 11)
    pdf.para(clinical, h=14)

    pdf.heading("Prior treatment", family="Times", size=11)
    pdf.font("Times", "", 11)
    for i, line in enumerate(history, start=1):
        pdf.set_x(pdf.l_margin + 10)
        pdf.cell(16, 14, f"{i}.")
        pdf.multi_cell(0, 14, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    pdf.ln(5)

    pdf.heading("Social history", family="Times", size=11)
    pdf.font("Times", "", 11)
    pdf.para(social, h=14)

    pdf.heading("Indication for CAR T-cell therapy", family="Times", size=11)
    pdf.font("Times", "", 11)
    pdf.para(indication, h=14)

    pdf.para(
        "I therefore ask that you authorize leukapheresis, manufacture of the product, bridging "
        "therapy as clinically needed, lymphodepleting chemotherapy with fludarabine and "
        "cyclophosphamide, and a single infusion of axicabtagene ciloleucel at "
        f"{HOSP}, which is an authorized treatment center for this product. Infusion is "
        "planned for December 2026. The supporting records listed below are enclosed. Please "
        f"contact my office at {HOSP_PHONE} if you need anything further.",
        h=14,
    )
    pdf.font("Times", "I", 10)
    pdf.lines(
        "Enclosures: treatment center verification; infectious disease serologies; bone marrow "
        "pathology; echocardiogram; psychosocial evaluation.",
        h=13,
    )
    pdf.ln(12)
    pdf.font("Times", "", 11)
    _lmn_signature(pdf, variant)


def _typed_block(pdf: Paper, lines: list[str]) -> None:
    pdf.font("Times", "", 11)
    pdf.lines("\n".join(lines), h=14)


def _lmn_signature(pdf: Paper, variant: str) -> None:
    signed_at = f"{us(LETTER_DATE)} 14:32"
    if pdf.get_y() > pdf.h - 200:
        pdf.add_page()
    if variant == "image":
        pdf.lines("Sincerely,", h=14)
        pdf.ln(2)
        y = pdf.get_y()
        pdf.image(io.BytesIO(scribble_png()), x=pdf.l_margin, y=y, w=132, h=42)
        pdf.set_y(y + 46)
        _typed_block(pdf, [ATTENDING, "Attending Physician, Cellular Therapy Program", HOSP])
    elif variant == "dept":
        pdf.lines("Respectfully,", h=14)
        pdf.ln(10)
        pdf.lines(f"/s/ {ATTENDING}", h=14)
        pdf.ln(2)
        _typed_block(
            pdf,
            [
                ATTENDING,
                f"Attending Physician, {HOSP_DIV}",
                HOSP,
                f"NPI {ATTENDING_NPI}",
            ],
        )
    elif variant == "cosign":
        pdf.lines("Sincerely,", h=14)
        pdf.ln(14)
        _typed_block(pdf, [FELLOW, "Fellow, Hematology and Medical Oncology"])
        pdf.ln(6)
        _typed_block(pdf, [ATTENDING, "Attending Physician, Cellular Therapy Program"])
        pdf.ln(10)
        pdf.font("Helvetica", "", 8.5)
        pdf.lines(f"Electronically signed by {FELLOW} (Fellow) on {us(LETTER_DATE)} at 10:05", h=11)
        pdf.lines(
            "Attending attestation: I have reviewed this letter, discussed the patient with the "
            "fellow and agree with its content.",
            h=11,
        )
        pdf.lines(
            f"Electronically co-signed by {ATTENDING} (Attending) on {us(LETTER_DATE)} at 16:48",
            h=11,
        )
    elif variant == "np":
        pdf.lines("Sincerely,", h=14)
        pdf.ln(14)
        _typed_block(pdf, [NP, "Nurse Practitioner, Cellular Therapy Program", HOSP])
        pdf.ln(8)
        pdf.font("Helvetica", "", 8.5)
        pdf.lines(f"Electronically signed by {NP} on {us(LETTER_DATE)} at 13:20", h=11)
    elif variant == "placeholder":
        pdf.lines("Sincerely,", h=14)
        pdf.ln(10)
        pdf.font("Times", "", 11)
        pdf.blank_line("Signature:", lw=58, lineto=pdf.l_margin + 250)
        pdf.set_xy(pdf.l_margin + 256, pdf.get_y() - 20)
        pdf.cell(80, 20, "(pending)", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        _typed_block(pdf, [ATTENDING, "Attending Physician, Cellular Therapy Program", HOSP])
        pdf.ln(8)
        pdf.font("Helvetica", "", 8.5)
        pdf.lines("Electronically signed by . . .", h=11)
    else:  # plain e-signature by the attending (also the history variants)
        pdf.lines("Sincerely,", h=14)
        pdf.ln(14)
        _typed_block(pdf, [ATTENDING, "Attending Physician, Cellular Therapy Program", HOSP])
        pdf.ln(8)
        pdf.font("Helvetica", "", 8.5)
        pdf.lines(f"Electronically signed by {ATTENDING} on {signed_at}", h=11)


def write_consult(pdf: Paper, variant: str = "") -> None:
    """A hematology second-opinion reply to the referring oncologist (not an LMN)."""
    pdf.begin(margins=(70, 54, 70))
    pdf.set_y(40)
    pdf.font("Times", "B", 16)
    pdf.center(CONSULT_CLINIC)
    pdf.font("Times", "", 9.5)
    pdf.center("2215 Bellmont Terrace, Suite 610  -  Seattle, WA 98109  -  (206) 555-0177")
    pdf.ln(4)
    pdf.rule(0.5, gap=2)
    pdf.rule(0.5, gap=14)
    pdf.font("Helvetica", "", 10.5)
    pdf.right(long(CONSULT_DATE))
    pdf.ln(6)
    pdf.lines(f"{ATTENDING}\n{HOSP_DIV}\n{HOSP}\n{HOSP_STREET}\n{HOSP_CITY}", h=13)
    pdf.ln(10)
    pdf.font("Helvetica", "B", 10.5)
    pdf.lines(f"Re: {PT_NAME}, DOB {us(PT_DOB)} - lymphoma consultation", h=13)
    pdf.ln(8)
    pdf.font("Helvetica", "", 10.5)
    pdf.lines("Dear Dr. Ostrowski,", h=13)
    pdf.ln(6)
    pdf.para(
        f"Thank you for referring Mr. {PT_LAST} for a second opinion regarding further "
        f"management of his diffuse large B-cell lymphoma. I saw him in clinic on "
        f"{us(CONSULT_DATE)} with his wife, and reviewed the outside pathology, PET/CT imaging "
        "and treatment records you kindly forwarded.",
        h=13,
    )
    pdf.para(
        "In brief, he is a retired teacher with germinal center type DLBCL, stage IVB at "
        "diagnosis in 12/2024. His treatment to date, as I understand it:",
        h=13,
    )
    for line in [
        "R-CHOP x6 (01/2025 - 05/2025) - complete metabolic response",
        "R-ICE x2 (08/2025 - 09/2025) at first relapse - progression",
        "Pola-BR x4 (11/2025 - 02/2026) - partial response, then progression",
        "Involved-site radiotherapy 30 Gy (08/2026)",
    ]:
        pdf.set_x(pdf.l_margin + 14)
        pdf.cell(10, 13, "-")
        pdf.multi_cell(0, 13, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.para(
        "On examination he was well, ECOG 1, with a palpable left para-aortic fullness and no "
        "peripheral adenopathy. His social situation is favourable: he lives with his wife, "
        "does not smoke and has reliable transport. I agree with your assessment that he has "
        "chemorefractory disease after three lines of therapy and that he is a good candidate "
        "for CD19-directed CAR T-cell therapy. I would favour axicabtagene ciloleucel given his "
        "fitness, with bridging radiotherapy or polatuzumab if needed while the product is "
        "manufactured. Should CAR T not be feasible, glofitamab or epcoritamab would be "
        "reasonable alternatives, and we have an open trial he could consider.",
        h=13,
    )
    pdf.para(
        "I have discussed these recommendations with Mr. and Mrs. Ashcombe and they are keen to "
        "proceed with you at Calloway Basin. I would be happy to see him again at any point. "
        "Thank you for allowing me to share in his care.",
        h=13,
    )
    pdf.lines("With kind regards,", h=13)
    pdf.ln(16)
    pdf.lines(f"{CONSULTANT}\nAssociate Professor of Medicine, Lymphoma Section", h=13)
    pdf.ln(6)
    pdf.font("Helvetica", "", 8)
    pdf.lines(f"Electronically signed by {CONSULTANT} on {us(CONSULT_DATE)} 17:02", h=10)
    pdf.lines("cc: patient; primary care physician Dr. Willa Graumann", h=10)


def write_determination(pdf: Paper, variant: str = "") -> None:
    """The health plan's adverse determination notice on an earlier request (not an LMN)."""
    pdf.begin(footer=plain_footer(f"{PLAN} complies with applicable civil rights laws."))
    pdf.set_y(36)
    pdf.font("Helvetica", "B", 17)
    pdf.set_text_color(120, 20, 40)
    pdf.cell(0, 20, "Cascadia Crest", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font("Helvetica", "", 9)
    pdf.set_text_color(80, 80, 80)
    pdf.cell(0, 11, "HEALTH PLAN", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(330, 36)
    pdf.font("Helvetica", "", 8.5)
    pdf.multi_cell(
        220,
        11,
        f"Utilization Management\n{PLAN_BOX}, {PLAN_CITY}\nPhone (800) 555-0142\nFax {PLAN_FAX}",
        align="R",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(16)
    pdf.font("Helvetica", "", 10)
    pdf.lines(f"Date of notice: {us(DENIAL_DATE)}")
    pdf.ln(8)
    pdf.lines(f"{ATTENDING}\n{HOSP}\n{HOSP_STREET}\n{HOSP_CITY}")
    pdf.ln(10)
    pdf.grid(
        [
            ["Member", "Member ID", "Reference number", "Date received"],
            [PT_NAME, PT_MEMBER, "UM-26-1108834", us(DENIAL_DATE - timedelta(days=6))],
        ],
        widths=(130, 100, 130, 128),
        size=9,
    )
    pdf.font("Helvetica", "B", 12)
    pdf.lines("NOTICE OF ADVERSE BENEFIT DETERMINATION")
    pdf.ln(6)
    pdf.font("Helvetica", "", 10)
    pdf.lines("Dear Dr. Ostrowski:")
    pdf.ln(6)
    pdf.para(
        f"{PLAN} has reviewed your request for prior authorization of the service below for "
        f"our member {PT_NAME}.",
        align="L",
    )
    pdf.kv("Service requested:", "Axicabtagene ciloleucel (Yescarta), HCPCS Q2041, one infusion")
    pdf.kv("Diagnosis:", "C83.38 Diffuse large B-cell lymphoma, lymph nodes of multiple sites")
    pdf.kv("Decision:", "NOT APPROVED - documentation incomplete")
    pdf.ln(6)
    pdf.para(
        "Our clinical policy WNC.CP.192 for CAR T-cell therapy requires a letter of medical "
        "necessity from the attending physician describing prior chemotherapy regimens with "
        "dates, clinical and social history and the indication; verification that the "
        "administering facility is an authorized treatment center; current HIV and hepatitis "
        "serologies; diagnostic results including a recent bone marrow biopsy; and a complete "
        "psychosocial evaluation. The request we received did not include a letter of medical "
        "necessity or the psychosocial evaluation, so medical necessity could not be "
        "established. This decision was made by a physician reviewer.",
        align="L",
    )
    pdf.para(
        "You may submit a new request with the missing records at any time. You, or the member, "
        "also have the right to appeal within 60 days of this notice; a peer-to-peer discussion "
        "with the reviewer can be scheduled by calling (800) 555-0142, option 3.",
        align="L",
    )
    pdf.lines("Sincerely,")
    pdf.ln(14)
    pdf.lines(f"{PLAN_MD}\nMedical Director, Utilization Management\n{PLAN}")
    pdf.ln(6)
    pdf.font("Helvetica", "", 8)
    pdf.lines(f"Electronically signed by {PLAN_MD} on {us(DENIAL_DATE)}")
    pdf.lines(f"cc: {PT_NAME} (member)")


def write_pa_form(pdf: Paper, variant: str = "") -> None:
    """The plan's PA request form, filled in, with the prescriber signature left blank."""
    pdf.begin(footer=page_of("CCHP-UM-CGT-04 (rev. 01/2026)"), margins=(40, 36, 40))
    pdf.font("Helvetica", "B", 13)
    pdf.cell(0, 16, PLAN.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font("Helvetica", "B", 11)
    pdf.cell(
        0,
        14,
        "Prior Authorization Request - Cellular and Gene Therapies",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.font("Helvetica", "", 8)
    pdf.cell(
        0,
        11,
        f"Fax completed form with clinical documentation to {PLAN_FAX}. "
        "Incomplete forms will be returned.",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(6)
    pdf.font("Helvetica", "", 9)
    pdf.checkbox("Initial request", True, 110)
    pdf.checkbox("Continuation", False, 100)
    pdf.checkbox("Urgent (72 hours)", False, 120)
    pdf.checkbox("Standard", True, 90)
    pdf.ln(22)
    pdf.boxed(
        "SECTION 1 - MEMBER INFORMATION",
        [
            ("Member name (last, first, MI)", f"{PT_LAST}, {PT_FIRST} {PT_MIDDLE}"),
            ("Date of birth", us(PT_DOB)),
            ("Member ID", PT_MEMBER),
            ("Phone", "(503) 555-0161"),
        ],
    )
    pdf.boxed(
        "SECTION 2 - PRESCRIBER / FACILITY",
        [
            ("Prescriber name", ATTENDING),
            ("NPI", ATTENDING_NPI),
            ("Specialty", "Hematology/Oncology"),
            ("Contact / phone", f"{COORDINATOR}  {HOSP_PHONE}"),
            ("Administering facility", HOSP),
            ("Facility address", f"{HOSP_STREET}, {HOSP_CITY}"),
        ],
    )
    pdf.boxed(
        "SECTION 3 - REQUESTED THERAPY",
        [
            ("Product", "Yescarta (axicabtagene ciloleucel)"),
            ("HCPCS", "Q2041"),
            ("Diagnosis (ICD-10)", "C83.38"),
            ("Anticipated infusion date", "12/2026"),
            ("Place of service", "Inpatient hospital (21)"),
            ("Number of infusions", "1"),
        ],
    )
    pdf.font("Helvetica", "B", 9)
    pdf.cell(
        0,
        14,
        "SECTION 4 - CLINICAL CRITERIA (check all that apply)",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.font("Helvetica", "", 9)
    for label, on in [
        (
            "Relapsed or refractory large B-cell lymphoma after two or more lines of "
            "systemic therapy",
            True,
        ),
        ("Refractory to, or relapsed within 12 months of, first-line chemoimmunotherapy", False),
        ("ECOG performance status 0-1", True),
        ("No active CNS lymphoma", True),
        ("No prior treatment with a CAR T-cell product", True),
    ]:
        pdf.set_x(pdf.l_margin + 6)
        pdf.checkbox(label, on, 500)
        pdf.ln(15)
    pdf.ln(4)
    pdf.kv("Prior regimens:", "R-CHOP x6; R-ICE x2; Pola-BR x4; ISRT 30 Gy", lw=90)
    pdf.ln(4)
    pdf.font("Helvetica", "B", 9)
    pdf.cell(0, 14, "SECTION 5 - ATTACHMENTS ENCLOSED", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font("Helvetica", "", 9)
    for row in [
        [("Letter of medical necessity", False), ("Treatment center verification", True)],
        [("HIV / hepatitis serologies", True), ("Bone marrow biopsy report", True)],
        [("Echocardiogram", True), ("Psychosocial evaluation", True)],
    ]:
        pdf.set_x(pdf.l_margin + 6)
        for label, on in row:
            pdf.checkbox(label, on, 250)
        pdf.ln(15)
    pdf.ln(10)
    pdf.font("Helvetica", "B", 9)
    pdf.cell(0, 14, "SECTION 6 - PRESCRIBER ATTESTATION", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font("Helvetica", "", 8.5)
    pdf.lines(
        "I attest that the information provided is accurate and supported by the medical "
        "record, and that the member meets the clinical criteria above."
    )
    pdf.ln(6)
    pdf.font("Helvetica", "", 9)
    pdf.blank_line("Prescriber signature:", lw=110, lineto=pdf.l_margin + 360)
    pdf.blank_line("Date:", lw=110, lineto=pdf.l_margin + 240)
    pdf.blank_line("Form completed by:", COORDINATOR + f"  on {us(FORM_DATE)}", lw=110)


def write_progress_note(pdf: Paper, variant: str = "") -> None:
    """A clinic progress note in SOAP form with the treatment history (not an LMN)."""
    pdf.begin(header=ehr_header("Progress Notes - Cellular Therapy Clinic"), footer=page_of())
    pdf.font("Helvetica", "B", 11)
    pdf.lines("Outpatient Progress Note")
    pdf.font("Helvetica", "", 9)
    pdf.kv("Date of service:", f"{us(CLINIC_DATE)} 10:40", lw=100)
    pdf.kv("Provider:", ATTENDING, lw=100)
    pdf.kv("Visit type:", "Return visit - CAR T candidacy", lw=100)
    pdf.ln(6)
    pdf.heading("SUBJECTIVE", size=10)
    pdf.font("Helvetica", "", 9.5)
    pdf.para(
        f"Mr. {PT_LAST} returns to discuss CAR T-cell therapy. He reports mild left flank "
        "discomfort, improved since radiotherapy, controlled with acetaminophen. No fevers, "
        "night sweats or weight loss over the last month. Appetite fair. Walking 2 miles a day.",
        align="L",
    )
    pdf.font("Helvetica", "B", 9.5)
    pdf.lines("Oncologic history / prior therapy:")
    pdf.font("Helvetica", "", 9.5)
    for line in [
        "DLBCL, GCB type, stage IVB, IPI 3, diagnosed 12/2024",
        "R-CHOP x6 (01/2025 - 05/2025): CMR",
        "R-ICE x2 (08/2025 - 09/2025): PD, not transplant eligible",
        "Pola-BR x4 (11/2025 - 02/2026): PR then PD 07/2026",
        "ISRT 30 Gy/10 fx to para-aortic mass (08/2026)",
    ]:
        pdf.set_x(pdf.l_margin + 12)
        pdf.multi_cell(0, 12.5, "- " + line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.para(
        "Social: lives with wife; retired teacher; former smoker, quit 2009; rare alcohol; no "
        "drug use. Son lives nearby and will help with caregiving.",
        align="L",
    )
    pdf.heading("OBJECTIVE", size=10)
    pdf.grid(
        [
            ["BP", "HR", "Temp", "RR", "SpO2", "Weight"],
            ["128/76", "78", "36.8 C", "16", "98% RA", "81.4 kg"],
        ],
        widths=(70, 55, 65, 50, 70, 70),
        size=9,
    )
    pdf.font("Helvetica", "", 9.5)
    pdf.para(
        "General: well appearing, ECOG 1. HEENT: no mucositis. Lymph: no palpable cervical, "
        "axillary or inguinal nodes. Cardiac: regular rhythm, no murmur. Lungs: clear. "
        "Abdomen: mild tenderness left flank, no hepatosplenomegaly. Neuro: nonfocal; ICE "
        "score 10/10 at baseline.",
        align="L",
    )
    pdf.para(
        f"Data reviewed: PET/CT {us(PET_DATE)} with persistent FDG-avid para-aortic and "
        f"mesenteric disease. Bone marrow {us(MARROW_PROCEDURE)} negative for lymphoma. "
        f"TTE {us(ECHO_DATE)} LVEF 58%. ID serologies negative.",
        align="L",
    )
    pdf.heading("ASSESSMENT", size=10)
    pdf.font("Helvetica", "", 9.5)
    pdf.para(
        f"{PT_AGE} y/o man with relapsed/refractory DLBCL after three lines of systemic "
        "therapy, chemorefractory, fit for CAR T-cell therapy. Organ function adequate; "
        "psychosocial evaluation completed with two caregivers identified.",
        align="L",
    )
    pdf.heading("PLAN", size=10)
    pdf.font("Helvetica", "", 9.5)
    for line in [
        "1. Proceed with axicabtagene ciloleucel; submit prior authorization to Cascadia Crest.",
        "2. Leukapheresis to be scheduled once authorization is received.",
        "3. Bridging: consider polatuzumab if progression before manufacture completes.",
        "4. Caregiver teaching session with wife and son next week.",
        "5. Return to clinic in 2 weeks or sooner as needed.",
    ]:
        pdf.set_x(pdf.l_margin + 8)
        pdf.multi_cell(0, 12.5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(10)
    pdf.font("Helvetica", "", 8.5)
    pdf.lines(f"Electronically signed by {ATTENDING} on {us(CLINIC_DATE)} at 12:15")


# ---------------------------------------------------------------------------
# B: treatment center verification
# ---------------------------------------------------------------------------


def _kite_head(pdf: Paper, line2: str) -> None:
    pdf.set_y(40)
    pdf.font("Helvetica", "B", 20)
    pdf.set_text_color(190, 30, 45)
    pdf.cell(60, 24, "KITE")
    pdf.font("Helvetica", "", 8.5)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(0, 24, "A GILEAD COMPANY", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font("Helvetica", "", 8)
    pdf.cell(0, 10, f"{MFR}  -  {line2}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(20)


def write_atc_letter(pdf: Paper, variant: str = "") -> None:
    """The manufacturer's authorized-treatment-center letter (names no patient)."""
    pdf.begin(margins=(72, 54, 72))
    _kite_head(pdf, "Cell Therapy Network Operations  -  Santa Monica, California")
    pdf.font("Helvetica", "", 10)
    pdf.lines(long(ATC_LETTER_DATE))
    pdf.ln(14)
    pdf.lines("To Whom It May Concern:")
    pdf.ln(8)
    pdf.para(
        f"This letter confirms that {HOSP}, {HOSP_STREET}, {HOSP_CITY}, is an authorized "
        "treatment center for YESCARTA (axicabtagene ciloleucel) suspension for intravenous "
        "infusion.",
        align="L",
    )
    pdf.para(
        "The center has completed Kite's site qualification, including training of its "
        "clinical, apheresis, cell-processing and pharmacy staff in product receipt, storage, "
        "thaw and administration and in the recognition and management of cytokine release "
        "syndrome and neurologic toxicities. The center is certified under the applicable "
        "program requirements and has an agreement with Kite for the ordering and "
        "administration of commercial YESCARTA.",
        align="L",
    )
    pdf.para(
        "This authorization is in effect as of the date of this letter and continues unless "
        "withdrawn in writing by Kite. Questions may be directed to the Cell Therapy Network "
        "team at (844) 555-0190.",
        align="L",
    )
    pdf.lines("Sincerely,")
    pdf.ln(22)
    pdf.lines(f"{MFR_OPS}\nDirector, Treatment Center Network Operations\n{MFR}")


def write_mfr_md_letter(pdf: Paper, variant: str = "") -> None:
    """A manufacturer's letter to the program, signed by its medical director: B, not A."""
    pdf.begin(margins=(72, 54, 72), footer=plain_footer("Kite Medical Affairs - confidential"))
    _kite_head(pdf, "Medical Affairs, Hematology  -  Foster City, California")
    pdf.font("Times", "", 11)
    pdf.right(long(ATC_LETTER_DATE + timedelta(days=21)))
    pdf.ln(6)
    pdf.lines(
        f"{ATTENDING}\nMedical Director, Cellular Therapy Program\n"
        f"{HOSP}\n{HOSP_STREET}\n{HOSP_CITY}",
        h=14,
    )
    pdf.ln(10)
    pdf.font("Times", "B", 11)
    pdf.lines("RE: Authorized treatment center status for YESCARTA (axicabtagene ciloleucel)", h=14)
    pdf.ln(6)
    pdf.font("Times", "", 11)
    pdf.lines("Dear Dr. Ostrowski:", h=14)
    pdf.ln(6)
    pdf.para(
        f"I am pleased to confirm that {HOSP} has completed onboarding and is an authorized "
        "treatment center for YESCARTA (axicabtagene ciloleucel), a CD19-directed genetically "
        "modified autologous T-cell immunotherapy indicated for adult patients with large "
        "B-cell lymphoma that is refractory to first-line chemoimmunotherapy or that relapses "
        "within 12 months of it, and for relapsed or refractory large B-cell lymphoma after two "
        "or more lines of systemic therapy.",
        h=14,
    )
    pdf.para(
        "Your teams have completed training in apheresis, product handling, administration, "
        "and the management of cytokine release syndrome and neurologic events, and the site "
        "meets the requirements of the product's risk program. Your center may order YESCARTA "
        "for eligible patients through Kite Konnect. Health plans asking for proof of "
        "treatment center status may rely on this letter.",
        h=14,
    )
    pdf.para(
        "We value our collaboration with your program and look forward to supporting your "
        "patients with relapsed or refractory lymphoma.",
        h=14,
    )
    pdf.lines("Sincerely,", h=14)
    pdf.ln(16)
    pdf.lines(f"{MFR_MEDICAL}\nSenior Medical Director, Medical Affairs - Hematology\n{MFR}", h=14)
    pdf.ln(6)
    pdf.font("Helvetica", "", 8)
    pdf.lines(
        f"Electronically signed by {MFR_MEDICAL} on {us(ATC_LETTER_DATE + timedelta(days=21))}"
    )


def write_mfr_email(pdf: Paper, variant: str = "") -> None:
    """A printed e-mail thread from the manufacturer confirming treatment center status."""
    pdf.begin(margins=(54, 48, 54))
    pdf.font("Helvetica", "B", 12)
    pdf.lines("Pellegrino, Anna")
    pdf.rule(1.5, gap=10)
    rows = [
        ("From:", f"{MFR_EMAIL_PERSON} <b.okonkwo@kitepharma.example>"),
        ("Sent:", f"{EMAIL_DATE.strftime('%A')}, {long(EMAIL_DATE)} 3:18 PM"),
        ("To:", "Pellegrino, Anna <apellegrino@cbuh.example>"),
        ("Cc:", "CBUH Cellular Therapy Intake <ctintake@cbuh.example>"),
        ("Subject:", f"RE: Treatment center confirmation - YESCARTA - {HOSP}"),
    ]
    pdf.font("Helvetica", "", 10)
    for label, value in rows:
        pdf.kv(label, value, lw=60)
    pdf.ln(12)
    pdf.font("Helvetica", "", 10.5)
    body = (
        "Hi Anna,\n\n"
        f"Happy to confirm: {HOSP} (Port Everly, OR) is an active Kite authorized treatment "
        "center for YESCARTA (axicabtagene ciloleucel) and has been since March of this year. "
        "Nothing about your status has changed, and there are no open corrective actions.\n\n"
        "A copy of the authorization letter sent to Dr. Ostrowski is attached for the health "
        "plan. If the plan needs to call us directly, our network line is (844) 555-0190.\n\n"
        "Best,\nBianca\n\n"
        f"{MFR_EMAIL_PERSON}\nTreatment Center Network Manager, Pacific Northwest\n{MFR}\n"
        "m: (310) 555-0134"
    )
    pdf.lines(body, h=14)
    pdf.ln(14)
    pdf.rule(0.4, gap=8)
    pdf.font("Helvetica", "", 9.5)
    for label, value in [
        ("From:", "Pellegrino, Anna"),
        ("Sent:", f"{long(EMAIL_DATE - timedelta(days=1))} 11:02 AM"),
        ("To:", MFR_EMAIL_PERSON),
        ("Subject:", f"Treatment center confirmation - YESCARTA - {HOSP}"),
    ]:
        pdf.kv(label, value, lw=60)
    pdf.ln(8)
    pdf.lines(
        "Hi Bianca - a health plan reviewing one of our pending authorizations is asking for "
        "written confirmation that we are an authorized treatment center for YESCARTA. Could "
        "you send something today or tomorrow? Thank you!\n\nAnna Pellegrino, RN, BSN\n"
        f"CAR T Program Coordinator, {HOSP}",
        h=13,
    )


# ---------------------------------------------------------------------------
# C: serologies
# ---------------------------------------------------------------------------


def write_serology(pdf: Paper, variant: str = "") -> None:
    pdf.begin(
        margins=(48, 44, 48),
        footer=plain_footer(f"{LAB}  -  CLIA 38D2094417  -  Laboratory Director: {LAB_DIRECTOR}"),
    )
    pdf.set_y(38)
    pdf.font("Courier", "B", 14)
    pdf.cell(0, 16, LAB.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font("Courier", "", 8.5)
    pdf.cell(
        0,
        10,
        "880 Quarry Road, Tillamook Junction, OR 97141  (503) 555-0109",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(8)
    pdf.font("Helvetica", "B", 11)
    pdf.center("INFECTIOUS DISEASE SEROLOGY - FINAL REPORT")
    pdf.ln(4)
    x0, y0 = pdf.l_margin, pdf.get_y()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    left = [
        ("Patient:", PT_UPPER),
        ("DOB / Sex:", f"{us(PT_DOB)}   M"),
        ("MRN:", PT_MRN),
        ("Ordering:", ATTENDING),
        ("Client:", "CBUH Cellular Therapy"),
    ]
    right = [
        ("Specimen ID:", "NW26-3381204"),
        ("Collected:", f"{us(SEROLOGY_COLLECTED)} 07:45"),
        ("Received:", f"{us(SEROLOGY_COLLECTED)} 11:20"),
        ("Reported:", f"{us(SEROLOGY_REPORTED)} 16:02"),
        ("Specimen:", "Serum, SST"),
    ]
    pdf.set_line_width(0.6)
    pdf.rect(x0, y0, width, 5 * 13 + 8)
    for col, fields in ((0, left), (1, right)):
        for i, (label, value) in enumerate(fields):
            pdf.set_xy(x0 + 6 + col * width / 2, y0 + 4 + i * 13)
            pdf.font("Helvetica", "B", 8.5)
            pdf.cell(62, 13, label)
            pdf.font("Helvetica", "", 8.5)
            pdf.cell(width / 2 - 72, 13, value)
    pdf.set_xy(x0, y0 + 5 * 13 + 18)
    pdf.grid(
        [
            ["Test", "Result", "Flag", "Reference range", "Units"],
            ["HIV-1/2 antigen/antibody, 4th generation", "Nonreactive", "", "Nonreactive", "S/CO"],
            ["Hepatitis B surface antigen (HBsAg)", "Nonreactive", "", "Nonreactive", "S/CO"],
            [
                "Hepatitis B core antibody, total (anti-HBc)",
                "Nonreactive",
                "",
                "Nonreactive",
                "S/CO",
            ],
            ["Hepatitis C virus antibody (anti-HCV)", "Nonreactive", "", "Nonreactive", "S/CO"],
        ],
        widths=(200, 80, 36, 100, 50),
        size=8.5,
        layout="HORIZONTAL_LINES",
    )
    pdf.font("Helvetica", "", 8)
    pdf.lines(
        "Methodology: chemiluminescent immunoassay (Abbott ARCHITECT). A nonreactive HIV "
        "antigen/antibody result does not exclude very recent infection. Anti-HBc total "
        "detects IgG and IgM antibody."
    )
    pdf.ln(16)
    pdf.font("Helvetica", "", 8.5)
    pdf.lines(
        "Results verified and released by: Tomasz Ferreira-Holm, MLS(ASCP)   "
        f"{us(SEROLOGY_REPORTED)} 16:02"
    )
    pdf.lines("*** END OF REPORT ***", align="C")


def write_uk_serology(pdf: Paper, variant: str = "") -> None:
    """A day-first virology report from a UK hospital laboratory."""
    pdf.set_auto_page_break(True, margin=50)
    pdf.begin(margins=(50, 40, 50))
    pdf.set_y(34)
    pdf.font("Helvetica", "B", 12)
    pdf.cell(
        0,
        15,
        "Kelsworth General Infirmary NHS Foundation Trust",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.font("Helvetica", "", 9)
    pdf.cell(
        0,
        11,
        "Department of Virology  -  Blood Sciences Building, Moor Lane, Kelsworth, "
        "North Yorkshire YO62 4RB",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.cell(0, 11, "Telephone 01439 555 820", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(8)
    pdf.rule(0.8, gap=8)
    pdf.font("Helvetica", "B", 10.5)
    pdf.lines("VIROLOGY REPORT - Blood-borne virus screen (pre-treatment)")
    pdf.ln(4)
    pdf.font("Helvetica", "", 9)
    fields = [
        ("Surname", PT_LAST.upper()),
        ("Forename(s)", f"{PT_FIRST} {PT_MIDDLE}"),
        ("Date of birth", uk(PT_DOB)),
        ("Sex", "Male"),
        ("Hospital number", "K0931877"),
        ("NHS number", "Not applicable (overseas visitor)"),
        ("Requested by", "Dr P Ostrowski (external - Calloway Basin, USA)"),
        ("Location", "Private Patients Unit, Ward 14"),
        ("Lab number", "V26.0447815"),
        ("Specimen", "Clotted blood"),
        ("Date collected", f"{uk(UK_COLLECTED)} 08:10"),
        ("Date received", f"{uk(UK_RECEIVED)} 09:55"),
        ("Date authorised", f"{uk(UK_AUTHORISED)} 12:30"),
    ]
    for label, value in fields:
        pdf.kv(label + ":", value, lw=110, h=12.5)
    pdf.ln(8)
    pdf.grid(
        [
            ["Test", "Result", "Flag", "Reference range", "Units"],
            ["HIV 1+2 antibody / p24 antigen (combined)", "Negative", "", "Negative", "-"],
            ["Hepatitis B surface antigen", "Negative", "", "Negative", "-"],
            ["Hepatitis B core antibody (total)", "Negative", "", "Negative", "-"],
            ["Hepatitis C antibody", "Negative", "", "Negative", "-"],
        ],
        widths=(210, 80, 36, 100, 50),
        size=9,
        fill=(235, 235, 235),
    )
    pdf.font("Helvetica", "", 8.5)
    pdf.para(
        "Comment: No serological evidence of HIV, hepatitis B or hepatitis C infection. "
        "Please repeat if a recent exposure is suspected. Samples stored for 12 months.",
        align="L",
    )
    pdf.ln(6)
    pdf.lines(
        f"Authorised by: Dr Folasade Nwachukwu-Bell, Consultant Virologist, {uk(UK_AUTHORISED)}"
    )
    pdf.lines(f"Report printed: {uk(UK_AUTHORISED)}")


# ---------------------------------------------------------------------------
# D: bone marrow pathology (and the consent form look-alike)
# ---------------------------------------------------------------------------


def write_marrow(pdf: Paper, variant: str = "", footer: bool = False) -> None:
    pdf.begin(
        footer=page_of(f"Accession BM26-004417  |  {PT_UPPER}") if footer else None,
        margins=(56, 46, 56),
    )
    pdf.set_y(40)
    pdf.font("Times", "B", 13)
    pdf.cell(0, 16, HOSP, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font("Times", "", 10)
    pdf.cell(
        0,
        12,
        "Department of Pathology and Laboratory Medicine  -  Hematopathology",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(4)
    pdf.rule(1.0, gap=6)
    pdf.font("Times", "B", 12)
    pdf.center("SURGICAL PATHOLOGY REPORT")
    pdf.ln(4)
    pdf.grid(
        [
            ["Patient", "MRN", "DOB", "Accession"],
            [PT_UPPER, PT_MRN, us(PT_DOB), "BM26-004417"],
            ["Procedure date", "Received", "Signed out", "Submitting physician"],
            [us(MARROW_PROCEDURE), us(MARROW_PROCEDURE), us(MARROW_SIGNED_OUT), ATTENDING],
        ],
        widths=(150, 90, 90, 170),
        size=9,
        family="Times",
        fill=(238, 238, 238),
    )
    pdf.heading("SPECIMENS", family="Times", size=10.5, gap=1)
    pdf.font("Times", "", 10.5)
    pdf.lines(
        "A. Bone marrow aspirate smears and clot section, left posterior iliac crest\n"
        "B. Bone marrow core biopsy, left posterior iliac crest\n"
        "C. Peripheral blood smear"
    )
    pdf.ln(6)
    pdf.heading("FINAL DIAGNOSIS", family="Times", size=10.5, gap=1)
    pdf.font("Times", "", 10.5)
    pdf.lines(
        "A-C. BONE MARROW, LEFT POSTERIOR ILIAC CREST, ASPIRATE, CLOT AND CORE BIOPSY:\n"
        "   - Normocellular bone marrow (40%) with maturing trilineage hematopoiesis.\n"
        "   - No morphologic or immunophenotypic evidence of involvement by large B-cell "
        "lymphoma.\n"
        "   - Adequate storage iron; no ring sideroblasts.\n"
        "   - Peripheral blood: mild normocytic anemia."
    )
    pdf.ln(8)
    pdf.heading("CLINICAL HISTORY", family="Times", size=10.5, gap=1)
    pdf.font("Times", "", 10.5)
    pdf.para(
        f"{PT_AGE}-year-old man with relapsed/refractory diffuse large B-cell lymphoma, "
        "evaluation for CAR T-cell therapy. Staging marrow.",
    )
    pdf.heading("MICROSCOPIC DESCRIPTION", family="Times", size=10.5, gap=1)
    pdf.font("Times", "", 10.5)
    pdf.para(
        "Aspirate smears are cellular and spiculated. A 500-cell differential shows blasts 1%, "
        "promyelocytes 2%, myelocytes 11%, metamyelocytes 9%, bands and neutrophils 38%, "
        "eosinophils 3%, monocytes 4%, lymphocytes 12%, plasma cells 2% and erythroid "
        "precursors 18%. Myeloid to erythroid ratio 3.6:1. Megakaryocytes are adequate with "
        "normal morphology. No atypical large lymphoid cells are seen."
    )
    pdf.para(
        "The core biopsy measures 1.8 cm and contains 14 evaluable intertrabecular spaces. "
        "Cellularity is about 40%. Immunohistochemistry for CD20 and PAX5 highlights rare "
        "scattered small B cells in an interstitial pattern; no aggregates are present. CD3 "
        "shows scattered small T cells. Reticulin stain: no increase in fibrosis (MF-0)."
    )
    pdf.heading("FLOW CYTOMETRY (aspirate)", family="Times", size=10.5, gap=1)
    pdf.font("Times", "", 10.5)
    pdf.para(
        "No monotypic B-cell population is identified (kappa:lambda 1.4:1). B cells are 2% of "
        "lymphocytes. No aberrant T-cell population. Blasts are not increased by CD34."
    )
    pdf.heading("ANCILLARY STUDIES", family="Times", size=10.5, gap=1)
    pdf.grid(
        [
            ["Study", "Result", "Performed at"],
            [
                "Flow cytometry (aspirate)",
                "No monotypic B cells; no aberrant T cells",
                "CBUH Flow Lab",
            ],
            ["CD20 / PAX5 IHC (core)", "Rare interstitial small B cells", "CBUH Histology"],
            ["CD3 IHC (core)", "Scattered small T cells", "CBUH Histology"],
            ["Reticulin / trichrome", "MF-0; no collagen fibrosis", "CBUH Histology"],
            ["Iron stain (aspirate)", "Adequate stores; no ring sideroblasts", "CBUH Histology"],
            ["Karyotype", "46,XY[20]", "CBUH Cytogenetics"],
        ],
        widths=(150, 220, 130),
        size=9,
        family="Times",
        fill=(238, 238, 238),
    )
    pdf.heading("CYTOGENETICS", family="Times", size=10.5, gap=1)
    pdf.font("Times", "", 10.5)
    pdf.para("46,XY[20]. Normal male karyotype.")
    pdf.heading("COMMENT", family="Times", size=10.5, gap=1)
    pdf.font("Times", "", 10.5)
    pdf.para(
        "The marrow shows no evidence of lymphoma by morphology, immunohistochemistry or flow "
        "cytometry. Trilineage hematopoiesis is preserved with mild erythroid predominance, "
        "which may reflect recovery after prior therapy. Correlation with the concurrent "
        "peripheral blood counts is recommended. Gross description: received in formalin "
        "labeled with the patient's name and medical record number, a tan-red core of bone "
        "measuring 1.8 x 0.2 cm, decalcified and entirely submitted in cassette B1; clot "
        "section in cassette A1."
    )
    pdf.ln(10)
    pdf.font("Times", "", 10)
    pdf.lines(
        f"I personally reviewed the slides and rendered the final diagnosis.\n"
        f"Electronically signed out by {PATHOLOGIST}, Hematopathologist, on "
        f"{us(MARROW_SIGNED_OUT)} 15:10"
    )


def write_marrow_consent(pdf: Paper, variant: str = "") -> None:
    """An informed consent for a bone marrow biopsy: no result, so not D evidence."""
    pdf.begin(
        footer=page_of("CBUH Form 1180-03  Informed Consent for Procedure"), margins=(54, 44, 54)
    )
    pdf.set_y(36)
    pdf.font("Helvetica", "B", 12)
    pdf.cell(300, 16, HOSP)
    pdf.set_line_width(0.8)
    pdf.rect(372, 32, 186, 58)
    pdf.set_xy(378, 36)
    pdf.font("Helvetica", "", 8)
    pdf.multi_cell(
        176,
        10.5,
        f"{PT_UPPER}\nDOB {us(PT_DOB)}   MRN {PT_MRN}\nAttending: {ATTENDING}\nAcct 700-229184",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_xy(pdf.l_margin, 96)
    pdf.font("Helvetica", "B", 13)
    pdf.lines("INFORMED CONSENT FOR PROCEDURE")
    pdf.ln(8)
    pdf.font("Helvetica", "", 10)
    pdf.kv(
        "Procedure:",
        "Bone marrow aspiration and biopsy, posterior iliac crest, under local "
        "anesthesia with or without moderate sedation",
        lw=90,
    )
    pdf.kv("Performed by:", f"{FELLOW} under the supervision of {ATTENDING}", lw=90)
    pdf.kv("Scheduled:", f"{us(MARROW_PROCEDURE)} 09:30, Infusion Center procedure room 3", lw=90)
    pdf.ln(8)
    pdf.para(
        "My doctor has explained the nature and purpose of the procedure, which is to obtain "
        "a sample of bone marrow to look for lymphoma and to assess blood cell production "
        "before planned cellular therapy.",
        align="L",
    )
    pdf.font("Helvetica", "B", 10)
    pdf.lines("Risks discussed include:")
    pdf.font("Helvetica", "", 10)
    for line in [
        "Pain or discomfort at the biopsy site",
        "Bleeding or bruising",
        "Infection",
        "Reaction to local anesthetic or sedation",
        "Rarely, injury to nearby structures or a non-diagnostic sample requiring repeat",
    ]:
        pdf.set_x(pdf.l_margin + 12)
        pdf.checkbox(line, True, 440)
        pdf.ln(15)
    pdf.ln(4)
    pdf.para(
        "Alternatives, including not having the procedure, were discussed. I have had the "
        "opportunity to ask questions and all were answered. I consent to the procedure and "
        "to the use of sedation if needed. I understand that tissue removed may be retained "
        "for diagnosis and quality purposes.",
        align="L",
    )
    pdf.ln(6)
    pdf.checkbox("Patient is competent to give consent", True, 260)
    pdf.checkbox("Interpreter used", False, 150)
    pdf.ln(24)
    pdf.blank_line("Patient signature:", "(signed on signature pad)", lw=120, lineto=380)
    pdf.blank_line("Date / time:", f"{us(MARROW_PROCEDURE)} 08:42", lw=120, lineto=380)
    pdf.blank_line("Witness:", "Kerry Vasquez-Lund, RN", lw=120, lineto=380)
    pdf.blank_line("Physician obtaining consent:", FELLOW, lw=150, lineto=420)
    pdf.ln(6)
    pdf.font("Helvetica", "", 8)
    pdf.lines(
        f"Consent obtained and electronically signed by {FELLOW} on {us(MARROW_PROCEDURE)} 08:44"
    )


# ---------------------------------------------------------------------------
# E: echocardiogram
# ---------------------------------------------------------------------------


def write_echo(pdf: Paper, variant: str = "") -> None:
    pdf.begin(margins=(54, 44, 54))
    pdf.set_y(36)
    pdf.font("Helvetica", "B", 11)
    pdf.cell(
        0, 14, f"{HOSP}  -  Non-Invasive Cardiology Laboratory", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.font("Helvetica", "B", 14)
    pdf.cell(0, 20, "Transthoracic Echocardiogram Report", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.rule(0.6, gap=6)
    pdf.font("Helvetica", "", 9)
    for a, b, c, d in [
        ("Patient:", PT_NAME, "Study date:", us(ECHO_DATE)),
        ("DOB:", us(PT_DOB), "MRN:", PT_MRN),
        ("Height / weight:", "178 cm / 81 kg", "BSA:", "1.99 m2"),
        ("Indication:", "Pre-CAR T cardiac evaluation", "Referring:", ATTENDING),
        ("Rhythm:", "Sinus rhythm", "Image quality:", "Good"),
    ]:
        pdf.font("Helvetica", "B", 9)
        pdf.cell(90, 13, a)
        pdf.font("Helvetica", "", 9)
        pdf.cell(160, 13, b)
        pdf.font("Helvetica", "B", 9)
        pdf.cell(80, 13, c)
        pdf.font("Helvetica", "", 9)
        pdf.cell(0, 13, d, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(8)
    pdf.grid(
        [
            ["Measurement", "Value", "Normal"],
            ["LV ejection fraction (biplane)", "58 %", "52-72 %"],
            ["LV end-diastolic diameter", "4.9 cm", "4.2-5.8 cm"],
            ["Interventricular septum", "1.0 cm", "0.6-1.0 cm"],
            ["Left atrial volume index", "29 mL/m2", "< 34 mL/m2"],
            ["TAPSE", "2.3 cm", "> 1.7 cm"],
            ["Estimated RVSP", "24 mmHg", "< 35 mmHg"],
            ["Global longitudinal strain", "-19.5 %", "< -18 %"],
        ],
        widths=(220, 100, 120),
        size=9,
        layout="HORIZONTAL_LINES",
    )
    pdf.heading("Findings", size=10)
    pdf.font("Helvetica", "", 9.5)
    pdf.para(
        "Normal left ventricular size, wall thickness and systolic function; no regional wall "
        "motion abnormality. Grade I diastolic dysfunction. Normal right ventricular size and "
        "function. Trace mitral and tricuspid regurgitation. Aortic valve trileaflet without "
        "stenosis. No pericardial effusion. IVC normal with normal respiratory variation.",
        align="L",
    )
    pdf.heading("Conclusions", size=10)
    pdf.font("Helvetica", "", 9.5)
    pdf.lines(
        "1. Normal LV systolic function, LVEF 58%.\n2. No significant valvular disease.\n"
        "3. No pericardial effusion."
    )
    pdf.ln(14)
    pdf.font("Helvetica", "", 8.5)
    pdf.lines(
        f"Sonographer: Rhea Lindgren, RDCS\nInterpreting physician: {CARDIOLOGIST}, FACC\n"
        f"Electronically signed by {CARDIOLOGIST} on {us(ECHO_DATE)} 15:37"
    )


# ---------------------------------------------------------------------------
# F: psychosocial evaluation
# ---------------------------------------------------------------------------


def write_psych(pdf: Paper, variant: str = "") -> None:
    """The social work evaluation as a narrative; `variant` blanks one part."""
    pdf.begin(
        header=ehr_header("Social Work - Psychosocial Assessment for Cellular Therapy"),
        footer=page_of(),
    )
    pdf.font("Helvetica", "B", 12)
    pdf.lines("Psychosocial Evaluation - CAR T-Cell Therapy Candidate")
    pdf.ln(2)
    pdf.font("Helvetica", "", 9.5)
    pdf.kv("Date of evaluation:", us(PSYCH_DATE), lw=110)
    pdf.kv("Evaluator:", SOCIAL_WORKER + ", Oncology Social Work", lw=110)
    pdf.kv("Present:", f"Patient; wife {CAREGIVER_1}; son {CAREGIVER_2} (by video)", lw=110)
    pdf.kv("Sources:", "Interview, chart review, PHQ-9, GAD-7, AUDIT-C", lw=110)
    pdf.ln(8)

    def section(title: str, text: str) -> None:
        pdf.font("Helvetica", "B", 10)
        pdf.set_fill_color(232, 236, 240)
        pdf.cell(0, 14, " " + title, fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(3)
        pdf.font("Helvetica", "", 9.5)
        pdf.para(text, align="L")

    section(
        "Reason for referral",
        f"Mr. {PT_LAST} is being evaluated for CAR T-cell therapy for relapsed lymphoma. The "
        "program requires a psychosocial assessment of adherence, support, caregiving plans and "
        "mental health, substance use and legal history before treatment.",
    )
    if variant == "compliance_unable":
        compliance = (
            "Medical compliance: Unable to assess at this visit; outside records were not "
            "available and the question was deferred to a later contact."
        )
    else:
        compliance = (
            "Medical compliance: Mr. Ashcombe has kept all scheduled oncology, infusion and "
            "radiation appointments since 2024 per chart review. He manages his own medications "
            "with a weekly pill organizer and could name each medicine and its purpose. He "
            "understands the requirement to remain near the center after infusion and to "
            "refrain from driving for eight weeks, and agrees to both."
        )
    section("1. Adherence and medical compliance", compliance)
    section(
        "2. Support network",
        f"He has been married for 31 years to {CAREGIVER_1}, a part-time bookkeeper who can "
        f"take leave from work. Their son {CAREGIVER_2} lives 15 minutes away. A daughter in "
        "Boise and members of their church have offered meals and transportation. Finances "
        "are stable (teacher pension and retiree health coverage); no housing or food insecurity.",
    )
    section(
        "3. Post-treatment care plan",
        "The family will stay at their home, 25 minutes from the hospital, with 24-hour "
        "caregiver coverage for at least four weeks after infusion.\n"
        f"Primary caregiver: {CAREGIVER_1} (wife), (503) 555-0161.\n"
        f"Secondary caregiver: {CAREGIVER_2} (son), (503) 555-0175.\n"
        "Both attended caregiver education and can recognize fever, confusion and speech "
        "changes and know to call the 24-hour line. Transportation: wife and son both drive.",
    )
    mental = (
        "Mental health: no history of psychiatric diagnosis or treatment; reports situational "
        "worry about treatment. PHQ-9 score 4, GAD-7 score 5 (minimal). No suicidal ideation."
    )
    substance = (
        "Substance use: former smoker, quit 2009; alcohol one or two beers per month (AUDIT-C "
        "1); denies cannabis or other drug use."
    )
    legal = "Legal history: denies any arrests, pending charges, probation or custody matters."
    if variant == "legal_not_evaluated":
        legal = "Legal history: Not evaluated."
    section("4. Mental health, substance use and legal history", f"{mental}\n{substance}\n{legal}")
    section(
        "Coping and understanding of treatment",
        f"Mr. {PT_LAST} describes his coping as 'one day at a time' and draws on his faith and "
        "his family. He could explain in his own words the purpose of CAR T-cell therapy, the "
        "need for a hospital stay of about a week or more, and the possible side effects, "
        "including cytokine release syndrome and confusion. His wife keeps a notebook of "
        "questions for each visit. Both were given the program's caregiver guide.",
    )
    section(
        "Practical and financial considerations",
        "Income: pension; spouse part-time employment (employer approved leave). Insurance: "
        f"{PLAN} commercial plan. Housing: single-level home, no stairs. Pets: one dog, to be "
        "cared for by a neighbor during admission. Advance directive: on file, wife is health "
        "care representative.",
    )
    section(
        "Assessment and plan",
        "Psychosocially appropriate candidate for CAR T-cell therapy with adequate support. "
        "Social work will follow during admission and at the day 28 visit; lodging resources "
        "were provided should the family prefer to stay closer.",
    )
    section(
        "Education and resources provided",
        "Caregiver guide and 24-hour contact card; lodging list; American Cancer Society "
        "transportation program; program support group schedule (second Tuesday monthly). "
        "Total time with patient and family: 75 minutes.",
    )
    pdf.ln(8)
    pdf.font("Helvetica", "", 9)
    pdf.lines(f"Electronically signed by {SOCIAL_WORKER} on {us(PSYCH_DATE)} 16:25")


def write_psych_form(pdf: Paper, variant: str = "") -> None:
    """The evaluation as a structured form, with no secondary caregiver identified."""
    pdf.begin(
        footer=page_of("SW-PSA-2 Psychosocial Assessment (Cellular Therapy)"), margins=(44, 40, 44)
    )
    pdf.set_y(34)
    pdf.font("Helvetica", "B", 12)
    pdf.cell(0, 15, f"{HOSP} - Oncology Social Work", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font("Helvetica", "", 10)
    pdf.cell(
        0,
        13,
        "Psychosocial Assessment for Cellular Therapy / Transplant",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(6)
    pdf.boxed(
        "PATIENT",
        [
            ("Name", PT_NAME),
            ("Date of birth", us(PT_DOB)),
            ("MRN", PT_MRN),
            ("Date of assessment", us(PSYCH_DATE)),
        ],
    )
    pdf.font("Helvetica", "B", 9.5)
    pdf.lines("A. Medical compliance / adherence")
    pdf.font("Helvetica", "", 9)
    pdf.checkbox("Good", True, 70)
    pdf.checkbox("Fair", False, 70)
    pdf.checkbox("Poor", False, 70)
    pdf.ln(16)
    pdf.lines(
        "Comments: attends all appointments; self-manages medications with a pill organizer; "
        "agrees to stay within 2 hours of the center for 4 weeks and not to drive for 8 weeks."
    )
    pdf.ln(6)
    pdf.font("Helvetica", "B", 9.5)
    pdf.lines("B. Support network")
    pdf.font("Helvetica", "", 9)
    pdf.lines(
        f"Lives with: wife ({CAREGIVER_1}). Other support: church community, neighbors, "
        "daughter out of state. Finances/insurance: stable. Transportation: wife drives."
    )
    pdf.ln(6)
    pdf.font("Helvetica", "B", 9.5)
    pdf.lines("C. Post-treatment care plan")
    pdf.font("Helvetica", "", 9)
    pdf.blank_line("Primary caregiver:", f"{CAREGIVER_1} (wife)  (503) 555-0161", lw=120)
    pdf.blank_line("Secondary caregiver:", "(none identified)", lw=120)
    pdf.blank_line("Lodging after infusion:", "Own home, 25 minutes from hospital", lw=120)
    pdf.checkbox("Caregiver education completed", True, 200)
    pdf.ln(20)
    pdf.font("Helvetica", "B", 9.5)
    pdf.lines("D. History")
    pdf.font("Helvetica", "", 9)
    for label, yes_no, detail in [
        ("Mental health issues", False, "No psychiatric history; PHQ-9 = 4"),
        ("Substance use", False, "Ex-smoker (quit 2009); rare alcohol; denies drug use"),
        ("Legal issues", False, "Denies arrests, charges or probation"),
    ]:
        pdf.set_x(pdf.l_margin)
        pdf.cell(130, 15, label + ":")
        pdf.checkbox("Yes", yes_no, 50)
        pdf.checkbox("No", not yes_no, 50)
        pdf.cell(0, 15, detail, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(8)
    pdf.font("Helvetica", "B", 9.5)
    pdf.lines("E. Social worker's impression")
    pdf.font("Helvetica", "", 9)
    pdf.lines(
        "Motivated, adherent patient with strong spousal support. Backup caregiver to be "
        "discussed with family before admission."
    )
    pdf.ln(14)
    pdf.blank_line("Social worker:", SOCIAL_WORKER, lw=90, lineto=360)
    pdf.blank_line("Date:", us(PSYCH_DATE), lw=90, lineto=260)


# ---------------------------------------------------------------------------
# Chart dump sections (only in the combined PDF)
# ---------------------------------------------------------------------------


def write_fax_cover(pdf: Paper, variant: str = "", total_pages: int = 0) -> None:
    pdf.begin(margins=(60, 50, 60))
    pdf.set_y(50)
    pdf.font("Helvetica", "B", 36)
    pdf.cell(0, 40, "FAX", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.font("Helvetica", "", 10)
    pdf.cell(
        0, 12, f"{HOSP} - Cellular Therapy Program Intake", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.ln(16)
    pdf.grid(
        [
            ["Transmittal", ""],
            ["To:", f"{PLAN} - {PLAN_DEPT}"],
            ["Fax:", PLAN_FAX],
            ["From:", f"{COORDINATOR}, CAR T Program Coordinator"],
            ["Phone / Fax:", f"{HOSP_PHONE} / {HOSP_FAX}"],
            ["Date:", us(FAX_DATE)],
            ["Pages (incl. cover):", str(total_pages)],
            ["Re:", f"Prior authorization - CAR T-cell therapy - member {PT_MEMBER}"],
        ],
        widths=(130, 358),
        size=10,
        fill=None,
        layout="HORIZONTAL_LINES",
    )
    pdf.ln(6)
    pdf.checkbox("Urgent", False, 80)
    pdf.checkbox("For review", True, 100)
    pdf.checkbox("Please reply", True, 110)
    pdf.ln(28)
    pdf.font("Helvetica", "", 10)
    pdf.para(
        "Attached are the medical records in support of our prior authorization request. "
        "The records are sent in chart order as exported from our electronic health record.",
        align="L",
    )
    pdf.ln(120)
    pdf.font("Helvetica", "B", 8)
    pdf.lines("CONFIDENTIALITY NOTICE")
    pdf.font("Helvetica", "", 8)
    pdf.lines(
        "This facsimile contains protected health information that is privileged and "
        "confidential. If you are not the intended recipient, any review, disclosure, copying "
        "or distribution is prohibited. If you received this in error, please notify the sender "
        "by telephone and destroy all copies."
    )


def _labs_table(pdf: Paper, when: str) -> None:
    pdf.grid(
        [
            ["Component", when, "Ref range", "Units"],
            ["WBC", "2.9 L", "4.0-10.5", "K/uL"],
            ["Hemoglobin", "10.4 L", "13.5-17.5", "g/dL"],
            ["Platelets", "132 L", "150-400", "K/uL"],
            ["ANC", "1.9", "1.5-7.5", "K/uL"],
            ["Sodium", "136", "135-145", "mmol/L"],
            ["Potassium", "4.1", "3.5-5.1", "mmol/L"],
            ["Creatinine", "0.94", "0.70-1.30", "mg/dL"],
            ["AST / ALT", "31 / 28", "<40 / <41", "U/L"],
            ["LDH", "412 H", "120-246", "U/L"],
            ["Lactate", "1.3", "0.5-2.0", "mmol/L"],
        ],
        widths=(150, 110, 110, 80),
        size=8.5,
    )


def write_ed_note(pdf: Paper, variant: str = "") -> None:
    t = us(ADMIT_DATE)
    pdf.begin(header=ehr_header("Emergency Department Provider Note"), footer=page_of())
    pdf.font("Helvetica", "B", 11)
    pdf.lines("ED Provider Note")
    pdf.font("Helvetica", "", 10)
    pdf.kv("Arrival:", f"{t} 19:42", lw=90)
    pdf.kv("Provider:", "Colin Matsuda-Berg, MD (Emergency Medicine)", lw=90)
    pdf.kv("Chief complaint:", "Abdominal pain, fever", lw=90)
    pdf.ln(6)
    pdf.heading("Triage", size=10.5, gap=2)
    pdf.grid(
        [
            ["Triage time", "Acuity (ESI)", "Arrived by", "Isolation", "Weight"],
            [f"{t} 19:48", "2", "Private vehicle with wife", "None", "80.9 kg"],
        ],
        widths=(90, 80, 150, 70, 80),
        size=9,
    )
    pdf.font("Helvetica", "", 10)
    pdf.para(
        "Triage RN note: patient with lymphoma history reports fever at home and left flank "
        "pain for four days. Skin warm and dry. Ambulatory with steady gait. Sepsis screen "
        "initiated per protocol. Oncology patient fever pathway activated; placed in room 14.",
        align="L",
        gap=5,
    )
    pdf.grid(
        [
            ["Screen", "Result"],
            ["Sepsis screen", "Positive - provider notified 19:55"],
            ["Fall risk (Morse)", "25 - low"],
            ["Suicide risk screen", "Negative"],
            ["Pain (0-10)", "7, left flank, constant"],
            ["Last chemotherapy", "02/2026 (per patient)"],
        ],
        widths=(150, 338),
        size=9,
        layout="HORIZONTAL_LINES",
    )
    blocks = [
        (
            "History of present illness",
            f"{PT_AGE} y/o M with relapsed DLBCL, last systemic therapy Pola-BR completed 02/2026, "
            "presents with 4 days of worsening left-sided abdominal and flank pain radiating to "
            "the "
            "back, and a temperature of 38.4 C at home this afternoon. Pain 7/10, constant, worse "
            "lying flat, not relieved by acetaminophen. Reports decreased appetite and early "
            "satiety for two weeks and 2 kg weight loss. Denies vomiting, diarrhea, melena, "
            "dysuria, cough or shortness of breath. No sick contacts. Wife at bedside contributes "
            "to history. He has an oncology follow-up scheduled with Dr. Ostrowski next week.",
        ),
        (
            "Review of systems",
            "Constitutional: positive for fever, fatigue, weight loss. Eyes: negative. ENT: "
            "negative. Cardiovascular: negative for chest pain, palpitations, edema. Respiratory: "
            "negative for cough, dyspnea. GI: positive for abdominal pain, decreased appetite; "
            "negative for nausea, vomiting, hematochezia. GU: negative. MSK: positive for back "
            "pain. Skin: negative for rash. Neuro: negative for headache, weakness, confusion. "
            "Heme: negative for bleeding, bruising. All other systems reviewed and negative.",
        ),
        (
            "Past medical / surgical history",
            "Diffuse large B-cell lymphoma (2024), hypertension, hyperlipidemia, benign prostatic "
            "hyperplasia. Port-a-cath placement 01/2025. Appendectomy age 12.",
        ),
        (
            "Medications",
            "Amlodipine 5 mg daily; atorvastatin 20 mg nightly; tamsulosin 0.4 mg nightly; "
            "acyclovir 400 mg twice daily; acetaminophen as needed.",
        ),
        ("Allergies", "Sulfa (rash)."),
        (
            "Social history",
            "Lives with wife. Retired teacher. Former smoker, quit 2009. Rare alcohol. "
            "No drug use.",
        ),
    ]
    for title, text in blocks:
        pdf.heading(title, size=10.5, gap=2)
        pdf.font("Helvetica", "", 10)
        pdf.para(text, align="L", gap=5)
    pdf.heading("Physical examination", size=10.5, gap=2)
    pdf.grid(
        [
            ["Time", "BP", "HR", "Temp", "RR", "SpO2"],
            ["19:50", "142/84", "108", "38.6 C", "20", "96% RA"],
            ["21:15", "128/76", "96", "38.1 C", "18", "97% RA"],
            ["23:30", "122/74", "88", "37.4 C", "16", "98% RA"],
        ],
        widths=(60, 70, 50, 60, 45, 70),
        size=8.5,
    )
    pdf.font("Helvetica", "", 10)
    for line in [
        "General: uncomfortable, non-toxic appearing, alert and oriented x3.",
        "HEENT: dry mucous membranes; no oral lesions; no thrush.",
        "Neck: supple, no lymphadenopathy.",
        "Cardiovascular: tachycardic, regular; no murmurs, rubs or gallops.",
        "Respiratory: clear to auscultation bilaterally; no wheezes or crackles.",
        "Abdomen: soft; tender in the left upper and lower quadrants with voluntary guarding; "
        "no rebound; fullness in the left para-umbilical region; no hepatosplenomegaly.",
        "Back: left costovertebral angle tenderness.",
        "Extremities: no edema; no calf tenderness.",
        "Skin: port site clean, dry and intact, no erythema.",
        "Neuro: cranial nerves intact, strength 5/5 throughout, gait steady.",
    ]:
        pdf.set_x(pdf.l_margin + 6)
        pdf.multi_cell(0, 13.5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.heading("Results", size=10.5, gap=2)
    _labs_table(pdf, f"{t} 20:05")
    pdf.font("Helvetica", "", 10)
    pdf.para(
        "Urinalysis: negative leukocyte esterase and nitrite. Blood cultures x2 drawn from "
        "port and periphery. Chest x-ray: no acute cardiopulmonary process.",
        align="L",
    )
    pdf.para(
        "CT abdomen/pelvis with contrast: enlarging conglomerate left para-aortic and "
        "mesenteric nodal mass measuring 8.1 x 5.6 cm (previously 5.2 x 3.9 cm), with mild "
        "left hydronephrosis from extrinsic compression. No bowel obstruction, abscess or free "
        "air. Findings consistent with progression of lymphoma.",
        align="L",
    )
    pdf.heading("Additional results", size=10.5, gap=2)
    pdf.grid(
        [
            ["Component", "Result", "Ref range", "Units"],
            ["PT / INR", "13.1 / 1.1", "11.5-14.5 / 0.9-1.2", "s / -"],
            ["aPTT", "31", "25-36", "s"],
            ["Total bilirubin", "0.6", "0.2-1.2", "mg/dL"],
            ["Alkaline phosphatase", "96", "40-129", "U/L"],
            ["Albumin", "3.4 L", "3.5-5.2", "g/dL"],
            ["Calcium", "9.1", "8.6-10.3", "mg/dL"],
            ["Uric acid", "6.1", "3.4-7.0", "mg/dL"],
            ["Procalcitonin", "0.21", "<0.50", "ng/mL"],
            ["C-reactive protein", "48 H", "<10", "mg/L"],
        ],
        widths=(150, 110, 130, 60),
        size=9,
    )
    pdf.heading("Imaging reports", size=10.5, gap=2)
    pdf.font("Helvetica", "", 10)
    pdf.para(
        "XR CHEST 1 VIEW: Right chest port with catheter tip at the cavoatrial junction. Lungs "
        "are clear. No pleural effusion or pneumothorax. Heart size normal. IMPRESSION: No acute "
        "cardiopulmonary abnormality.",
        align="L",
        gap=5,
    )
    pdf.para(
        "CT ABDOMEN AND PELVIS WITH IV CONTRAST: Conglomerate left para-aortic and mesenteric "
        "soft tissue mass measures 8.1 x 5.6 x 7.0 cm, previously 5.2 x 3.9 cm, encasing but "
        "not narrowing the inferior mesenteric artery. Mild left hydroureteronephrosis to the "
        "level of the mass. Liver, spleen, pancreas and adrenal glands unremarkable. No bowel "
        "wall thickening or obstruction. No free fluid or free air. No osseous lesion. "
        "IMPRESSION: Interval enlargement of para-aortic and mesenteric nodal disease with mild "
        "left hydronephrosis, consistent with lymphoma progression. No abscess.",
        align="L",
        gap=5,
    )
    pdf.heading("ED course", size=10.5, gap=2)
    pdf.font("Helvetica", "", 10)
    for line in [
        "19:58  Sepsis screen positive (fever, tachycardia). 1 L lactated Ringer's started.",
        "20:10  Morphine 4 mg IV for pain; ondansetron 4 mg IV.",
        "20:35  Cefepime 2 g IV given after cultures drawn.",
        "21:15  Reassessed: pain 4/10, HR improved to 96. Second liter of fluid.",
        "22:05  CT resulted - discussed with radiology; no drainable collection.",
        "22:40  Discussed with oncology fellow on call (Dr. Obi-Lindqvist): admit to oncology "
        "for pain control, fever work-up and evaluation of progression; urology to review "
        "hydronephrosis.",
        "23:30  Afebrile after acetaminophen; hemodynamically stable. Bed requested.",
    ]:
        pdf.multi_cell(0, 13.5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.heading("Medical decision making", size=10.5, gap=2)
    pdf.font("Helvetica", "", 10)
    pdf.para(
        "Differential included neutropenic fever (ANC not neutropenic), pyelonephritis (UA "
        "bland), intra-abdominal abscess (not seen on CT), tumor fever and lymphoma "
        "progression with obstructive uropathy. Patient meets SIRS criteria; started empiric "
        "broad-spectrum antibiotics pending cultures. High complexity: independent "
        "interpretation of CT, discussion with consultants, decision regarding hospitalization.",
        align="L",
    )
    pdf.heading("Disposition", size=10.5, gap=2)
    pdf.font("Helvetica", "", 10)
    pdf.para(
        "Admit to inpatient, Hematology/Oncology service, telemetry not required. Condition: "
        "stable. Diagnoses: 1) fever, 2) progression of diffuse large B-cell lymphoma, "
        "3) left hydronephrosis, 4) cancer-related pain.",
        align="L",
    )
    pdf.heading("Procedures", size=10.5, gap=2)
    pdf.font("Helvetica", "", 10)
    pdf.para(
        "Implanted port access: site cleaned with chlorhexidine, accessed with 20 g 3/4 inch "
        "non-coring needle using sterile technique. Good blood return. Flushed with 10 mL "
        "saline. Blood cultures drawn from the port. No complications.",
        align="L",
        gap=5,
    )
    pdf.heading("Reassessment", size=10.5, gap=2)
    pdf.font("Helvetica", "", 10)
    pdf.para(
        "At 23:30 the patient reports pain 3/10 and feels better. Temperature 37.4 C, heart "
        "rate 88, blood pressure 122/74. Abdomen remains tender on the left without "
        "peritoneal signs. Tolerating sips of water. Urine output adequate.",
        align="L",
        gap=5,
    )
    pdf.heading("Patient counseling", size=10.5, gap=2)
    pdf.font("Helvetica", "", 10)
    pdf.para(
        "Results of the CT were discussed with the patient and his wife, including that the "
        "findings suggest growth of the lymphoma. They understand the plan for admission and "
        "agree. All questions answered.",
        align="L",
    )
    pdf.heading("Clinical impression", size=10.5, gap=2)
    pdf.font("Helvetica", "", 10)
    for line in [
        "1. Fever in a patient with lymphoma, source not identified",
        "2. Progression of diffuse large B-cell lymphoma",
        "3. Left hydronephrosis",
        "4. Acute on chronic cancer-related pain",
    ]:
        pdf.set_x(pdf.l_margin + 8)
        pdf.multi_cell(0, 13.5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.font("Helvetica", "", 10)
    pdf.para(
        "Critical care time: none. This note was created in part with voice recognition "
        "software; minor transcription errors may be present.",
        align="L",
    )
    pdf.font("Helvetica", "", 8.5)
    pdf.lines(f"Electronically signed by Colin Matsuda-Berg, MD on {t} 23:52")


def write_hp(pdf: Paper, variant: str = "") -> None:
    t = us(ADMIT_DATE + timedelta(days=1))
    pdf.begin(header=ehr_header("History and Physical - Hematology/Oncology"), footer=page_of())
    pdf.font("Times", "B", 12)
    pdf.lines("ADMISSION HISTORY AND PHYSICAL")
    pdf.font("Times", "", 11)
    pdf.kv("Date of admission:", t, lw=110)
    pdf.kv("Attending:", ATTENDING, lw=110)
    pdf.kv("Author:", FELLOW + ", Fellow", lw=110)
    pdf.ln(6)
    sections = [
        ("CHIEF COMPLAINT", "Fever and left abdominal/flank pain."),
        (
            "HISTORY OF PRESENT ILLNESS",
            f"Mr. {PT_LAST} is a {PT_AGE}-year-old man with DLBCL, GCB subtype, diagnosed 12/2024 "
            "(stage IVB, IPI 3), treated with R-CHOP x6 with CMR, relapsed 07/2025 and refractory "
            "to R-ICE, then Pola-BR x4 with partial response, admitted from the ED with four days "
            "of progressive left abdominal pain and fever to 38.6 C. CT in the ED shows "
            "enlargement of the para-aortic/mesenteric mass with mild left hydronephrosis. He "
            "received cefepime and fluids in the ED and is now afebrile. He is eager to discuss "
            "further therapy options, including cellular therapy.",
        ),
        (
            "ONCOLOGIC HISTORY",
            "12/2024 excisional biopsy left cervical node: DLBCL, GCB, MYC not rearranged. "
            "01/2025-05/2025 R-CHOP x6, CMR. 07/2025 relapse, biopsy-proven. 08/2025-09/2025 R-ICE "
            "x2, progression. 11/2025-02/2026 Pola-BR x4, PR. Now progression.",
        ),
        (
            "PAST MEDICAL HISTORY",
            "Hypertension. Hyperlipidemia. BPH. No coronary disease. No "
            "diabetes. No history of seizures or stroke.",
        ),
        (
            "HOME MEDICATIONS",
            "Amlodipine 5 mg daily. Atorvastatin 20 mg daily. Tamsulosin 0.4 mg "
            "daily. Acyclovir 400 mg BID. Acetaminophen 650 mg q6h PRN.",
        ),
        ("ALLERGIES", "Sulfonamides (rash)."),
        (
            "FAMILY HISTORY",
            "Father: colon cancer at 71. Mother: hypertension, died at 84. "
            "No family history of lymphoma or leukemia.",
        ),
        (
            "SOCIAL HISTORY",
            "Married, lives with wife in Port Everly. Retired chemistry teacher. "
            "Former smoker (15 pack-years, quit 2009); rare alcohol; no drug use. Independent in "
            "all activities of daily living.",
        ),
        (
            "REVIEW OF SYSTEMS",
            "As per HPI; additionally positive for fatigue and reduced "
            "appetite. Negative for chest pain, dyspnea, cough, headache, visual change, urinary "
            "symptoms, rash, bleeding. Fourteen-point review otherwise negative.",
        ),
    ]
    for title, text in sections:
        pdf.heading(title, family="Times", size=11, gap=2)
        pdf.font("Times", "", 11)
        pdf.para(text, gap=6)
    pdf.heading("PHYSICAL EXAMINATION", family="Times", size=11, gap=2)
    pdf.font("Times", "", 11)
    pdf.para(
        "T 37.2 C, BP 124/76, HR 86, RR 16, SpO2 97% on room air, weight 79.8 kg. General: "
        "tired but comfortable on current analgesia. HEENT: anicteric, oropharynx clear. Neck: "
        "no adenopathy. Heart: regular rate and rhythm, no murmur. Lungs: clear bilaterally. "
        "Abdomen: soft, tender left flank and left lower quadrant, palpable deep fullness, no "
        "rebound. Extremities: no edema. Skin: no rash; port site clean. Neuro: alert, "
        "oriented, no focal deficits; ICE score 10/10.",
        gap=6,
    )
    pdf.heading("MEDICATION RECONCILIATION", family="Times", size=11, gap=2)
    pdf.grid(
        [
            ["Home medication", "Dose", "Action on admission"],
            ["Amlodipine", "5 mg PO daily", "Continue"],
            ["Atorvastatin", "20 mg PO nightly", "Continue"],
            ["Tamsulosin", "0.4 mg PO nightly", "Continue"],
            ["Acyclovir", "400 mg PO BID", "Continue"],
            ["Acetaminophen", "650 mg PO q6h PRN", "Changed to 1000 mg q8h scheduled"],
        ],
        widths=(140, 140, 200),
        size=9.5,
        family="Times",
    )
    pdf.heading("DATA", family="Times", size=11, gap=2)
    _labs_table(pdf, t + " 05:30")
    pdf.font("Times", "", 11)
    pdf.para("Blood cultures from ED: no growth to date. CT abdomen/pelvis as above.", gap=6)
    pdf.para(
        "Prior imaging reviewed: PET/CT 03/2026 after Pola-BR showed partial metabolic "
        "response (Deauville 4) in the para-aortic nodes with resolution of mesenteric uptake. "
        "The current CT shows growth in both areas. No prior CNS imaging; no neurological "
        "symptoms to suggest CNS involvement.",
        gap=6,
    )
    pdf.heading("ASSESSMENT AND PLAN", family="Times", size=11, gap=2)
    pdf.font("Times", "", 11)
    for line in [
        "1. Progressive relapsed/refractory DLBCL after three lines: PET/CT as outpatient; "
        "image-guided biopsy of the mesenteric mass to confirm CD19 expression; referral to "
        "cellular therapy (axicabtagene ciloleucel) once the work-up is complete; "
        "consider palliative radiotherapy for symptom control.",
        "2. Fever: likely tumor-related; continue cefepime pending cultures; de-escalate if "
        "cultures negative at 48 hours.",
        "3. Left hydronephrosis: urology consulted; creatinine stable; monitor output.",
        "4. Pain: oxycodone 5 mg q4h PRN, scheduled acetaminophen, bowel regimen.",
        "5. HTN: continue amlodipine. HLD: continue statin.",
        "6. Prophylaxis: acyclovir; enoxaparin for VTE prophylaxis (platelets adequate).",
        "7. Code status: full code, confirmed with patient and wife.",
    ]:
        pdf.set_x(pdf.l_margin + 8)
        pdf.multi_cell(0, 14, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    pdf.ln(8)
    pdf.font("Helvetica", "", 8.5)
    pdf.heading("CONSULTANTS", family="Times", size=11, gap=2)
    pdf.font("Times", "", 11)
    pdf.para(
        "Urology (hydronephrosis), radiation oncology (palliative radiotherapy), interventional "
        "radiology (CT-guided biopsy of the mesenteric mass), social work (caregiver planning) "
        "and the cellular therapy coordinator (education).",
        gap=6,
    )
    pdf.heading("ANTICIPATED DISPOSITION", family="Times", size=11, gap=2)
    pdf.font("Times", "", 11)
    pdf.para(
        "Expected length of stay 3-5 days. Home with wife when afebrile for 48 hours, pain "
        "controlled on oral medication and biopsy completed. Follow-up in the Cellular Therapy "
        "Clinic within one week of discharge.",
        gap=6,
    )
    pdf.heading("GOALS OF CARE", family="Times", size=11, gap=2)
    pdf.font("Times", "", 11)
    pdf.para(
        "Discussed prognosis and treatment options with Mr. and Mrs. Ashcombe. They wish to "
        "pursue further disease-directed therapy and would like to be considered for cellular "
        "therapy. Full code. Health care representative: wife.",
        gap=8,
    )
    pdf.font("Helvetica", "", 8.5)
    pdf.lines(f"Electronically signed by {FELLOW} (Fellow) on {t} 09:40")
    pdf.lines(
        f"Attending attestation: patient seen and examined; agree with the plan above. "
        f"Electronically signed by {ATTENDING} on {t} 15:05"
    )


def write_discharge(pdf: Paper, variant: str = "") -> None:
    t = us(DISCHARGE_DATE)
    pdf.begin(header=ehr_header("Discharge Summary"))
    pdf.font("Helvetica", "B", 12)
    pdf.lines("DISCHARGE SUMMARY")
    pdf.font("Helvetica", "", 10.5)
    pdf.grid(
        [
            ["Admitted", "Discharged", "Service", "Attending"],
            [us(ADMIT_DATE), t, "Hematology/Oncology", ATTENDING],
        ],
        widths=(95, 95, 130, 168),
        size=9,
    )
    pdf.heading("Discharge diagnoses", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    pdf.lines(
        "Principal: progression of relapsed/refractory diffuse large B-cell lymphoma\n"
        "Secondary: tumor fever; left hydronephrosis due to nodal compression; "
        "cancer-related pain; hypertension"
    )
    pdf.ln(6)
    pdf.heading("Hospital course", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    for text in [
        f"Mr. {PT_LAST} was admitted from the emergency department with fever and left flank "
        "pain. CT showed enlargement of a para-aortic and mesenteric nodal mass with mild left "
        "hydronephrosis. He was treated empirically with cefepime; blood and urine cultures "
        "remained negative at 48 hours and antibiotics were stopped on hospital day 3. Fevers "
        "resolved and were attributed to the lymphoma.",
        "Urology reviewed the hydronephrosis: renal function remained normal (creatinine "
        "0.9-1.0 mg/dL), and no stent was placed; a repeat ultrasound in four weeks was "
        "advised. Pain was controlled on scheduled acetaminophen and low-dose oxycodone as "
        "needed, with a bowel regimen.",
        "CT-guided core biopsy of the mesenteric mass on hospital day 2 confirmed recurrent "
        "diffuse large B-cell lymphoma, CD19 and CD20 positive. The options were discussed at "
        "length with the patient and his wife, and he was referred to the Cellular Therapy "
        "Program for evaluation for CAR T-cell therapy. Radiation oncology saw him and planned "
        "involved-site radiotherapy for pain control as an outpatient.",
        "He was ambulating independently, tolerating a regular diet and afebrile for more than "
        "48 hours at discharge.",
    ]:
        pdf.para(text, align="L", gap=6)
    pdf.heading("Consultations", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    for who, what in [
        (
            "Urology",
            "Mild left hydronephrosis from extrinsic compression; renal function normal; "
            "no stent now; repeat renal ultrasound in 4 weeks, sooner if creatinine rises.",
        ),
        (
            "Radiation oncology",
            "Palliative involved-site radiotherapy to the para-aortic mass, "
            "30 Gy in 10 fractions, to begin as an outpatient.",
        ),
        (
            "Interventional radiology",
            "CT-guided 18 g core biopsy x4 of the mesenteric mass without complication.",
        ),
        (
            "Social work",
            "Met patient and wife; caregiver planning for cellular therapy begun; "
            "formal psychosocial evaluation to follow in clinic.",
        ),
    ]:
        pdf.font("Helvetica", "B", 10.5)
        pdf.cell(150, 14, who + ":")
        pdf.font("Helvetica", "", 10.5)
        pdf.multi_cell(0, 14, what, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    pdf.ln(4)
    pdf.heading("Procedures", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    pdf.lines(
        f"CT-guided core needle biopsy, mesenteric mass ({us(ADMIT_DATE + timedelta(days=2))})"
    )
    pdf.ln(6)
    pdf.heading("Pertinent results", size=11, gap=2)
    pdf.grid(
        [
            ["Test", "Admission", "Discharge", "Units"],
            ["WBC", "2.9", "3.4", "K/uL"],
            ["Hemoglobin", "10.4", "10.1", "g/dL"],
            ["Platelets", "132", "141", "K/uL"],
            ["Creatinine", "0.94", "0.98", "mg/dL"],
            ["LDH", "412", "388", "U/L"],
            ["Uric acid", "6.1", "5.8", "mg/dL"],
        ],
        widths=(150, 100, 100, 80),
        size=9,
    )
    pdf.heading("Discharge medications", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    for line in [
        "Acetaminophen 1000 mg by mouth every 8 hours (new)",
        "Oxycodone 5 mg by mouth every 6 hours as needed for severe pain (new, #20)",
        "Senna 8.6 mg two tablets at bedtime; polyethylene glycol 17 g daily as needed (new)",
        "Amlodipine 5 mg daily (continue)",
        "Atorvastatin 20 mg nightly (continue)",
        "Tamsulosin 0.4 mg nightly (continue)",
        "Acyclovir 400 mg twice daily (continue)",
    ]:
        pdf.set_x(pdf.l_margin + 8)
        pdf.multi_cell(0, 14, "- " + line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.heading("Medication changes", size=11, gap=2)
    pdf.grid(
        [
            ["Medication", "Change", "Reason"],
            ["Acetaminophen", "Now 1000 mg every 8 hours", "Baseline pain control"],
            ["Oxycodone", "New, as needed", "Breakthrough pain"],
            ["Senna / polyethylene glycol", "New", "Opioid-induced constipation"],
            ["Cefepime", "Stopped", "Cultures negative, fever due to tumor"],
        ],
        widths=(150, 170, 168),
        size=9.5,
    )
    pdf.heading("Follow-up", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    pdf.lines(
        "Cellular Therapy Clinic (Dr. Ostrowski) in 1 week. Radiation oncology in 1 week. "
        "Renal ultrasound in 4 weeks. Return for temperature over 38.0 C, worsening pain "
        "or reduced urine output."
    )
    pdf.ln(6)
    pdf.heading("Pending at discharge", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    pdf.lines(
        "Final flow cytometry on the mesenteric biopsy (preliminary: CD19-positive large B "
        "cells). Blood cultures final report."
    )
    pdf.ln(6)
    pdf.heading("Patient instructions", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    for line in [
        "Check your temperature twice a day and call the oncology line for 38.0 C or higher.",
        "Take acetaminophen on schedule; use oxycodone only for pain not controlled by it.",
        "Drink at least 2 liters of fluid a day unless told otherwise.",
        "Do not drive while taking oxycodone.",
        "Bring this summary and your medication list to your clinic visit.",
    ]:
        pdf.set_x(pdf.l_margin + 8)
        pdf.multi_cell(0, 14, "- " + line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.heading("Vital signs at discharge", size=11, gap=2)
    pdf.grid(
        [
            ["Temp", "HR", "BP", "RR", "SpO2", "Weight", "Pain"],
            ["36.9 C", "78", "126/78", "16", "98% RA", "79.6 kg", "2/10"],
        ],
        widths=(70, 50, 70, 50, 70, 70, 60),
        size=9.5,
    )
    pdf.heading("Allergies", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    pdf.lines("Sulfonamides (rash). No new allergies identified during this admission.")
    pdf.ln(6)
    pdf.heading("Diet and activity", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    pdf.lines(
        "Diet: regular, encourage protein and fluids. Activity: as tolerated; walk daily; "
        "no heavy lifting over 10 lb for one week after the biopsy."
    )
    pdf.ln(6)
    pdf.heading("Code status and advance care planning", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    pdf.lines(
        "Full code. Advance directive on file; health care representative is his wife. "
        "Goals of care discussed during admission: pursue further lymphoma-directed "
        "treatment, including evaluation for cellular therapy."
    )
    pdf.ln(6)
    pdf.heading("Condition at discharge", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    pdf.lines("Stable. Discharged home with wife.")
    pdf.ln(10)
    pdf.font("Helvetica", "", 8.5)
    pdf.heading("Communication", size=11, gap=2)
    pdf.font("Helvetica", "", 10.5)
    pdf.lines(
        "Summary sent to primary care physician Dr. Willa Graumann and to the Cellular "
        "Therapy Program intake coordinator. Discharge instructions reviewed with the "
        "patient and his wife, who verbalized understanding; a printed copy was provided."
    )
    pdf.ln(8)
    pdf.font("Helvetica", "", 8.5)
    pdf.lines(
        f"Time spent on discharge: more than 30 minutes.\n"
        f"Electronically signed by {ATTENDING} on {t} 17:20"
    )


def write_nursing(pdf: Paper, variant: str = "") -> None:
    pdf.begin(header=ehr_header("Nursing Notes - 6 West Oncology"), footer=page_of())
    pdf.font("Helvetica", "B", 11)
    pdf.lines("Nursing Progress Notes")
    pdf.ln(4)
    nurses = [
        "Kerry Vasquez-Lund, RN",
        "Omar Bright-Sadler, RN",
        "Lucia Fenn, RN, OCN",
        "Tamsin Oakes, RN",
    ]
    entries = []
    for day in range(5):
        d = us(ADMIT_DATE + timedelta(days=day + 1))
        entries += [
            (
                f"{d} 07:30",
                nurses[day % 4],
                "Assumed care. Patient resting in bed, alert and oriented x4. Reports pain 3/10 "
                "left flank, tolerable. Vital signs stable, afebrile overnight. Port accessed, "
                "flushes well, blood return present, dressing dry and intact. Fall risk "
                "precautions in place; bed alarm on; call light within reach.",
            ),
            (
                f"{d} 12:15",
                nurses[day % 4],
                "Ambulated in hallway x2 with steady gait, no assistance needed. Ate 75% of lunch. "
                "Voiding without difficulty, intake and output recorded. Scheduled acetaminophen "
                "given; no PRN opioid required this shift. Wife at bedside, updated on plan of "
                "care.",
            ),
            (
                f"{d} 19:40",
                nurses[(day + 1) % 4],
                "Evening assessment unchanged. Skin intact, Braden 21. Lungs clear. Bowel sounds "
                "present, last BM today. Patient asked about CAR T education materials; binder "
                "provided and questions referred to coordinator. Sleeping at intervals.",
            ),
        ]
    for when, who, text in entries:
        pdf.font("Helvetica", "B", 9)
        pdf.cell(110, 12, when)
        pdf.cell(0, 12, who, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.font("Helvetica", "", 10)
        pdf.multi_cell(0, 13.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if when.endswith("07:30"):
            pdf.font("Helvetica", "", 9)
            for system, finding in [
                ("Neuro", "A&O x4, ICE 10/10, no tremor, handwriting unchanged"),
                ("Cardiac", "RRR, cap refill < 3 s, no edema"),
                ("Respiratory", "Even and unlabored, clear bilaterally, room air"),
                ("GI", "Abdomen soft, tender L flank, bowel sounds x4"),
                ("GU", "Voiding clear yellow urine, no dysuria"),
                ("Access", "R chest port, 20 g needle, dressing changed per protocol"),
            ]:
                pdf.set_x(pdf.l_margin + 12)
                pdf.cell(70, 12, system + ":")
                pdf.cell(0, 12, finding, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.font("Helvetica", "I", 8)
        pdf.cell(0, 11, f"Signed: {who}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(6)
    pdf.heading("Vital signs flowsheet", size=10.5, gap=2)
    rows = [["Date/time", "Temp", "HR", "BP", "RR", "SpO2", "Pain"]]
    for day in range(5):
        for hour, temp, hr in (
            ("04:00", "37.3", "84"),
            ("12:00", "37.0", "80"),
            ("20:00", "37.4", "86"),
        ):
            rows.append(
                [
                    f"{us(ADMIT_DATE + timedelta(days=day))} {hour}",
                    temp + " C",
                    hr,
                    "124/74",
                    "16",
                    "97%",
                    str(2 + (day + hour.count("0")) % 3),
                ]
            )
    pdf.grid(rows, widths=(110, 60, 45, 70, 45, 55, 45), size=8.5)


def write_mar(pdf: Paper, variant: str = "") -> None:
    pdf.begin(header=ehr_header("Medication Administration Record"), footer=page_of())
    pdf.font("Helvetica", "B", 11)
    pdf.lines("Medication Administration Record (MAR)")
    pdf.font("Helvetica", "", 8.5)
    pdf.lines(f"Period: {us(ADMIT_DATE)} - {us(DISCHARGE_DATE)}    Allergies: sulfonamides")
    pdf.ln(6)
    rows = [["Date/time", "Medication", "Dose / route", "Given by", "Note"]]
    meds = [
        ("Cefepime", "2 g IV", "q8h"),
        ("Acetaminophen", "1000 mg PO", "q8h"),
        ("Oxycodone", "5 mg PO", "PRN pain"),
        ("Enoxaparin", "40 mg SC", "daily"),
        ("Amlodipine", "5 mg PO", "daily"),
        ("Acyclovir", "400 mg PO", "BID"),
        ("Senna", "17.2 mg PO", "HS"),
    ]
    initials = ["KVL", "OBS", "LF", "TO"]
    for day in range(5):
        d = us(ADMIT_DATE + timedelta(days=day))
        for i, (med, dose, freq) in enumerate(meds):
            if med == "Cefepime" and day > 2:
                continue
            hours = {"q8h": (6, 14, 22), "BID": (9, 21)}.get(freq, (9,))
            for j, hour in enumerate(hours):
                note = "Given" if not (med == "Oxycodone" and day > 1) else "Not needed"
                rows.append(
                    [
                        f"{d} {hour:02d}:00",
                        f"{med} ({freq})",
                        dose,
                        initials[(day + i + j) % 4],
                        note,
                    ]
                )
    pdf.grid(rows, widths=(90, 140, 90, 60, 100), size=8)
    pdf.font("Helvetica", "B", 9.5)
    pdf.lines("Continuous infusions and PRN administrations")
    pdf.ln(2)
    prn = [["Date/time", "Medication", "Dose / route", "Given by", "Reason / effect"]]
    for day in range(3):
        d = us(ADMIT_DATE + timedelta(days=day))
        prn += [
            [f"{d} 03:10", "Ondansetron", "4 mg IV", initials[day % 4], "Nausea - relieved"],
            [
                f"{d} 16:45",
                "Oxycodone",
                "5 mg PO",
                initials[(day + 1) % 4],
                "Pain 6/10 - 3/10 at 1 h",
            ],
            [
                f"{d} 08:00",
                "Lactated Ringer's",
                "100 mL/h IV",
                initials[(day + 2) % 4],
                "Maintenance",
            ],
            [f"{d} 22:30", "Melatonin", "3 mg PO", initials[(day + 3) % 4], "Sleep"],
        ]
    pdf.grid(prn, widths=(90, 140, 90, 60, 100), size=8)
    pdf.font("Helvetica", "", 8)
    pdf.lines(
        "Initials key: KVL = Kerry Vasquez-Lund, RN; OBS = Omar Bright-Sadler, RN; "
        "LF = Lucia Fenn, RN; TO = Tamsin Oakes, RN"
    )


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

Writer = Callable[..., None]

WRITERS: dict[str, Writer] = {
    "lmn": write_lmn,
    "consult": write_consult,
    "determination": write_determination,
    "pa_form": write_pa_form,
    "progress_note": write_progress_note,
    "atc_letter": write_atc_letter,
    "mfr_md_letter": write_mfr_md_letter,
    "mfr_email": write_mfr_email,
    "serology": write_serology,
    "uk_serology": write_uk_serology,
    "marrow": write_marrow,
    "marrow_consent": write_marrow_consent,
    "echo": write_echo,
    "psych": write_psych,
    "psych_form": write_psych_form,
    "fax_cover": write_fax_cover,
    "ed_note": write_ed_note,
    "hp": write_hp,
    "discharge": write_discharge,
    "nursing": write_nursing,
    "mar": write_mar,
}


def _call(pdf: Paper, spec: str, **kw) -> None:
    name, _, variant = spec.partition(":")
    WRITERS[name](pdf, variant, **kw)


def _pages_of(spec: str, **kw) -> int:
    probe = Paper()
    probe.expected_total = 99
    _call(probe, spec, **kw)
    return probe.page


def emit(pdf: Paper, spec: str, **kw) -> list[int]:
    """Write one document into pdf (knowing its page count first); return its pages."""
    n = _pages_of(spec, **kw)
    first = pdf.page + 1
    pdf.expected_total = n
    _call(pdf, spec, **kw)
    pages = list(range(first, pdf.page + 1))
    assert len(pages) == n, (spec, pages, n)
    return pages


@dataclass
class Placed:
    file: str
    pages: list[int]
    spec: str


@dataclass
class Packet:
    name: str
    path: Path
    documents: dict[str, Placed] = field(default_factory=dict)


BASE: dict[str, str] = {
    "A": "lmn",
    "B": "atc_letter",
    "C": "serology",
    "D": "marrow",
    "E": "echo",
    "F": "psych",
}

# packet name -> slot overrides of the base packet (one trap each)
VARIANTS: dict[str, dict[str, str]] = {
    "base": {},
    "consult-letter": {"A": "consult"},
    "payer-determination": {"A": "determination"},
    "pa-request-form": {"A": "pa_form"},
    "progress-note": {"A": "progress_note"},
    "manufacturer-letter-and-email": {"B": "mfr_md_letter", "B2": "mfr_email"},
    "signer-title-line": {"A": "lmn:dept"},
    "fellow-cosigned": {"A": "lmn:cosign"},
    "np-only-signature": {"A": "lmn:np"},
    "placeholder-signature": {"A": "lmn:placeholder"},
    "signature-image": {"A": "lmn:image"},
    "psych-form-no-secondary": {"F": "psych_form"},
    "psych-legal-not-evaluated": {"F": "psych:legal_not_evaluated"},
    "psych-compliance-unable": {"F": "psych:compliance_unable"},
    "uk-serology": {"C": "uk_serology"},
    "prior-car-t": {"A": "lmn:prior_cart"},
    "car-t-negated-only": {"A": "lmn:negated_cart"},
    "marrow-consent-only": {"D": "marrow_consent"},
}

CHART_DUMP = "chart-dump"
CHART_FILE = "ashcombe_chart_export_20261103.pdf"
# (key, spec, keyword args) in chart order; the keys A..F are the policy documents
CHART_ORDER: list[tuple[str, str, dict]] = [
    ("fax", "fax_cover", {}),
    ("ed", "ed_note", {}),
    ("hp", "hp", {}),
    ("discharge", "discharge", {}),
    ("A", "lmn", {}),
    ("nursing", "nursing", {}),
    ("mar", "mar", {}),
    ("C", "serology", {}),
    ("D", "marrow", {"footer": True}),
    ("E", "echo", {}),
    ("F", "psych", {}),
    ("B", "atc_letter", {}),
]

NAMES: list[str] = [*VARIANTS, CHART_DUMP]


def _file_name(slot: str) -> str:
    order = ["A", "B", "C", "D", "E", "F", "B2"]
    return f"{PT_LAST.lower()}_{order.index(slot) + 1:02d}.pdf"


def build(name: str, folder: Path) -> Packet:
    """Write packet `name` into `folder` (created) and return what was placed where."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    packet = Packet(name, folder)
    if name == CHART_DUMP:
        # the fax cover states the page count, so count first
        total = sum(_pages_of(spec, **kw) for key, spec, kw in CHART_ORDER if key != "fax")
        total += _pages_of("fax_cover", total_pages=0)
        pdf = Paper()
        for key, spec, kw in CHART_ORDER:
            if key == "fax":
                kw = {"total_pages": total}
            packet.documents[key] = Placed(CHART_FILE, emit(pdf, spec, **kw), spec)
        assert pdf.page == total and 25 <= total <= 40, total
        pdf.output(str(folder / CHART_FILE))
        return packet
    slots = {**BASE, **VARIANTS[name]}
    for slot, spec in slots.items():
        pdf = Paper()
        pages = emit(pdf, spec)
        file = _file_name(slot)
        pdf.output(str(folder / file))
        packet.documents[slot] = Placed(file, pages, spec)
    return packet


def build_all(root: Path) -> dict[str, Packet]:
    root = Path(root)
    return {name: build(name, root / name) for name in NAMES}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.holdout2.family OUTDIR", file=sys.stderr)
        return 2
    packets = build_all(Path(argv[0]))
    for name, packet in packets.items():
        print(f"{name}:")
        for key, placed in packet.documents.items():
            print(f"   {key:10s} {placed.file}  pages {placed.pages}  ({placed.spec})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
