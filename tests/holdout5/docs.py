"""PDF writers for held-out family 5: documents laid out the way outside practices, labs,
payers, manufacturers and fax servers lay them out (fpdf2, core fonts, a real text layer).

Every writer takes a `Pdf` and appends pages to it, so one writer serves both a stand-alone
file and a page range inside a faxed chart.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from fpdf import FPDF
from fpdf.enums import XPos, YPos

# ---------------------------------------------------------------------------- dates


def us(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def us_short(d: date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def iso(d: date) -> str:
    return d.isoformat()


def dmy(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


MONTHS = (
    "January February March April May June July August September October November December"
).split()


def long(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def dlong(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def mon(d: date) -> str:
    return f"{d.day:02d}-{MONTHS[d.month - 1][:3].upper()}-{d.year}"


# ---------------------------------------------------------------------------- people


@dataclass(frozen=True)
class Patient:
    first: str
    middle: str
    last: str
    dob: date
    sex: str
    member_id: str
    mrn: str

    @property
    def full(self) -> str:
        mid = f" {self.middle}." if self.middle else ""
        return f"{self.first}{mid} {self.last}"

    @property
    def plain(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def lastfirst(self) -> str:
        mid = f" {self.middle}" if self.middle else ""
        return f"{self.last.upper()}, {self.first.upper()}{mid.upper()}"

    @property
    def title(self) -> str:
        return ("Mr. " if self.sex == "M" else "Ms. ") + self.last

    def age(self, on: date) -> int:
        return on.year - self.dob.year - ((on.month, on.day) < (self.dob.month, self.dob.day))


@dataclass(frozen=True)
class Sig:
    """How a document is signed: kind is drawn, esign, slash, blank, placeholder,
    dictated or none; `also` holds further signers (a co-signing attending)."""

    kind: str
    name: str
    titles: tuple[str, ...] = ()
    when: str = ""
    also: tuple[Sig, ...] = ()
    note: str = ""


def _latin(text: str) -> str:
    table = {"\u2013": "-", "\u2014": "--", "\u2019": "'", "\u2018": "'", "\u201c": '"'}
    table |= {"\u201d": '"', "\u2022": "-", "\u00a0": " ", "\u2264": "<=", "\u2265": ">="}
    for a, b in table.items():
        text = text.replace(a, b)
    return text.encode("latin-1", "replace").decode("latin-1")


# ---------------------------------------------------------------------------- the page


class Pdf(FPDF):
    """An FPDF with a fax-server line, a running header and a running footer that can
    change from one section (document) to the next inside one file."""

    def __init__(
        self, fax: str | None = None, font: str = "Helvetica", totals: list[int] | None = None
    ) -> None:
        super().__init__(format="letter", unit="mm")
        self.totals = totals
        self.starts: list[int] = []
        self.fax = fax
        self.base = font
        self.run_head: Callable[[int], str] | None = None
        self.run_foot: Callable[[int], str] | None = None
        self.section_start = 1
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=20)
        self.alias_nb_pages()
        self.set_font(font, size=10)

    # sections ---------------------------------------------------------------
    def section(
        self,
        head: Callable[[int], str] | str | None = None,
        foot: Callable[[int], str] | str | None = None,
    ) -> None:
        self.run_head = (lambda n, s=head: s) if isinstance(head, str) else head
        self.run_foot = (lambda n, s=foot: s) if isinstance(foot, str) else foot
        self.add_page()
        self.section_start = self.page_no()
        self.starts.append(self.section_start)

    def section_pages(self) -> list[int]:
        ends = self.starts[1:] + [self.page_no() + 1]
        return [b - a for a, b in zip(self.starts, ends, strict=True)]

    def _of(self, text: str) -> str:
        idx = len(self.starts) - 1
        known = self.totals is not None and 0 <= idx < len(self.totals)
        return text.replace("{of}", str(self.totals[idx]) if known else "1")

    def header(self) -> None:
        if self.fax:
            self.set_font("Courier", size=7.5)
            self.set_xy(8, 5)
            self.cell(0, 3, _latin(self.fax.replace("{p}", str(self.page_no()))))
        if self.run_head:
            n = self.page_no() - self.section_start + 1
            self.set_font(self.base, size=7.5)
            self.set_xy(18, 10)
            self.cell(0, 3, _latin(self._of(self.run_head(n))))
            self.set_draw_color(160, 160, 160)
            self.line(18, 14, self.w - 18, 14)
            self.set_draw_color(0, 0, 0)
        self.set_xy(self.l_margin, 17)
        self.set_font(self.base, size=10)

    def footer(self) -> None:
        if self.run_foot:
            n = self.page_no() - self.section_start + 1
            self.set_y(-13)
            self.set_font(self.base, size=7.5)
            self.cell(0, 4, _latin(self._of(self.run_foot(n))), align="C")

    # text -------------------------------------------------------------------
    def para(self, text: str, size: float = 10, style: str = "", h: float = 5, gap=2.0) -> None:
        self.set_font(self.base, style=style, size=size)
        self.set_x(self.l_margin)
        self.multi_cell(0, h, _latin(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if gap:
            self.ln(gap)

    def heading(self, text: str, size: float = 11, rule: bool = False, fill=None) -> None:
        self.ln(1)
        self.set_font(self.base, style="B", size=size)
        self.set_x(self.l_margin)
        if fill:
            self.set_fill_color(*fill)
            self.cell(0, 6, _latin(text), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else:
            self.cell(0, 6, _latin(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if rule:
            y = self.get_y()
            self.line(self.l_margin, y, self.w - self.r_margin, y)
            self.ln(1)
        self.set_font(self.base, size=10)

    def kv(self, label: str, value: str, w: float = 45, size: float = 9.5) -> None:
        self.set_x(self.l_margin)
        self.set_font(self.base, style="B", size=size)
        self.cell(w, 5, _latin(label))
        self.set_font(self.base, size=size)
        self.multi_cell(0, 5, _latin(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def two_col(
        self, left: Sequence[tuple[str, str]], right: Sequence[tuple[str, str]], lw=30, size=9
    ) -> None:
        y0 = self.get_y()
        half = (self.w - self.l_margin - self.r_margin) / 2
        for col, pairs in ((0, left), (1, right)):
            y = y0
            for label, value in pairs:
                self.set_xy(self.l_margin + col * half, y)
                self.set_font(self.base, style="B", size=size)
                self.cell(lw, 4.6, _latin(label))
                self.set_font(self.base, size=size)
                self.cell(half - lw, 4.6, _latin(value))
                y += 4.6
        self.set_xy(self.l_margin, y0 + 4.6 * max(len(left), len(right)) + 2)

    def boxed(self, lines: Sequence[str], size: float = 9) -> None:
        x, y = self.l_margin, self.get_y()
        w = self.w - self.l_margin - self.r_margin
        h = 4.6 * len(lines) + 3
        self.rect(x, y, w, h)
        self.set_font(self.base, size=size)
        for i, text in enumerate(lines):
            self.set_xy(x + 2, y + 1.5 + 4.6 * i)
            self.cell(w - 4, 4.6, _latin(text))
        self.set_xy(x, y + h + 2)

    def grid(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        size: float = 8.5,
        shade=(225, 225, 225),
    ) -> None:
        self.set_font(self.base, style="B", size=size)
        self.set_fill_color(*shade)
        self.set_x(self.l_margin)
        for h, w in zip(headers, widths, strict=True):
            self.cell(w, 6, _latin(h), border=1, fill=True)
        self.ln(6)
        self.set_font(self.base, size=size)
        for row in rows:
            if self.get_y() > self.h - 30:
                self.add_page()
            self.set_x(self.l_margin)
            for v, w in zip(row, widths, strict=True):
                text, fs = _latin(v), size
                while fs > 5 and self.get_string_width(text) > w - 2:
                    fs -= 0.5
                    self.set_font_size(fs)
                self.cell(w, 5.5, text, border=1)
                self.set_font_size(size)
            self.ln(5.5)
        self.ln(2)

    def hr(self, weight: float = 0.3) -> None:
        self.set_line_width(weight)
        y = self.get_y() + 1
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.set_line_width(0.2)
        self.ln(3)

    # shapes -----------------------------------------------------------------
    def logo(self, kind: str, x: float, y: float, color=(20, 70, 140)) -> None:
        self.set_fill_color(*color)
        self.set_draw_color(*color)
        if kind == "circle":
            self.ellipse(x, y, 14, 14, style="F")
            self.set_fill_color(255, 255, 255)
            self.ellipse(x + 4, y + 4, 6, 6, style="F")
        elif kind == "cross":
            self.rect(x + 5, y, 4, 14, style="F")
            self.rect(x, y + 5, 14, 4, style="F")
        elif kind == "tri":
            self.polygon([(x, y + 14), (x + 7, y), (x + 14, y + 14)], style="F")
        elif kind == "bars":
            for i in range(4):
                self.rect(x + i * 3.6, y + 14 - (i + 1) * 3.4, 2.6, (i + 1) * 3.4, style="F")
        else:
            self.rect(x, y, 14, 14, style="F")
            self.set_fill_color(255, 255, 255)
            self.polygon([(x + 3, y + 11), (x + 7, y + 3), (x + 11, y + 11)], style="F")
        self.set_draw_color(0, 0, 0)
        self.set_fill_color(255, 255, 255)

    def letterhead(
        self,
        org: str,
        sub: str,
        lines: Sequence[str],
        logo: str = "circle",
        color=(20, 70, 140),
        right: Sequence[str] = (),
    ) -> None:
        y = self.get_y()
        self.logo(logo, self.l_margin, y, color)
        self.set_xy(self.l_margin + 17, y)
        self.set_text_color(*color)
        self.set_font(self.base, style="B", size=14)
        self.cell(0, 6, _latin(org), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_x(self.l_margin + 17)
        self.set_font(self.base, style="I", size=9.5)
        self.cell(0, 5, _latin(sub), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(0, 0, 0)
        self.set_font(self.base, size=8)
        for i, text in enumerate(lines):
            self.set_x(self.l_margin + 17)
            self.cell(95, 3.6, _latin(text))
            if i < len(right):
                self.cell(0, 3.6, _latin(right[i]), align="R")
            self.ln(3.6)
        self.set_draw_color(*color)
        self.set_line_width(0.6)
        yy = self.get_y() + 1.5
        self.line(self.l_margin, yy, self.w - self.r_margin, yy)
        self.set_line_width(0.2)
        self.set_draw_color(0, 0, 0)
        self.set_y(yy + 4)

    def scribble(self, x: float, y: float, w: float = 48, seed: int = 1) -> None:
        """Hand-drawn signature strokes, baseline at y."""
        self.set_line_width(0.45)
        self.set_draw_color(15, 25, 90)
        pts = []
        for i in range(70):
            t = i / 69
            px = x + w * t
            py = y - 3 - 3.2 * math.sin(t * (9 + seed) + seed) * (1 - 0.5 * t)
            py -= 1.5 * math.sin(t * 31 + seed * 2)
            pts.append((px, py))
        self.polyline(pts)
        self.line(x + 4, y - 1, x + w * 0.7, y - 2.2)
        self.set_line_width(0.2)
        self.set_draw_color(0, 0, 0)

    def checkbox(self, label: str, ticked: bool, w: float = 40) -> None:
        self.cell(w, 5, _latin(("[X] " if ticked else "[ ] ") + label))


# ---------------------------------------------------------------------------- signatures


def sign(pdf: Pdf, sig: Sig, closing: str | None = "Sincerely,") -> None:
    if pdf.get_y() > pdf.h - 60:
        pdf.add_page()
    if closing:
        pdf.para(closing, gap=1)
    x = pdf.l_margin
    k = sig.kind
    if k == "drawn":
        y = pdf.get_y() + 12
        pdf.scribble(x + 2, y, seed=len(sig.name))
        pdf.line(x, y + 0.5, x + 70, y + 0.5)
        pdf.set_y(y + 2)
        _typed(pdf, sig)
        if sig.when:
            pdf.para(f"Date signed: {sig.when}", size=9, gap=1)
    elif k == "blank":
        y = pdf.get_y() + 12
        pdf.line(x, y, x + 70, y)
        pdf.set_y(y + 1.5)
        _typed(pdf, sig)
        pdf.set_font(pdf.base, size=9)
        pdf.cell(0, 5, "Signature                                Date: ____________")
        pdf.ln(7)
    elif k == "esign":
        pdf.ln(2)
        _typed(pdf, sig)
        pdf.ln(2)
        pdf.para(f"Electronically signed by {sig.name} on {sig.when}", size=9, style="I")
    elif k == "slash":
        pdf.ln(3)
        pdf.para(f"/s/ {sig.name}", size=11, gap=0)
        _typed(pdf, sig, name=False)
        if sig.when:
            pdf.para(f"Signed {sig.when}", size=9)
    elif k == "placeholder":
        pdf.ln(2)
        _typed(pdf, sig)
        pdf.ln(2)
        pdf.para("Electronically signed by: ______________________   Date/Time: __________")
    elif k == "dictated":
        pdf.ln(2)
        _typed(pdf, sig)
        pdf.ln(2)
        pdf.para(sig.note or "DICTATED BUT NOT READ", size=9, style="B")
    else:  # none: a typed name only
        pdf.ln(2)
        _typed(pdf, sig)
    for extra in sig.also:
        pdf.ln(2)
        if extra.note:
            pdf.para(extra.note, size=9)
        sign(pdf, extra, closing=None)


def _typed(pdf: Pdf, sig: Sig, name: bool = True) -> None:
    if name:
        pdf.para(sig.name, style="B", gap=0)
    for t in sig.titles:
        pdf.para(t, size=9, gap=0)
    pdf.ln(1)


# ---------------------------------------------------------------------------- content


@dataclass
class Case:
    """The clinical story one packet tells."""

    patient: Patient
    dx: str
    stage: str
    history: list[tuple[str, str, str]]  # regimen, dates, response
    product: str  # brand (generic)
    maker: str
    facility: str
    facility_addr: str
    attending: str  # "Name, MD"
    referring: str
    payer: str
    social: str
    caregiver1: str  # "Name (relationship)"
    caregiver2: str
    extra_history: list[str] = field(default_factory=list)


def lmn_formal(
    pdf: Pdf, c: Case, when: date, sig: Sig, org, style: int = 0, self_line: str | None = None
) -> None:
    """A physician's letter of medical necessity to the plan, on letterhead."""
    p = c.patient
    pdf.section(foot=lambda n: f"{p.full} - Letter of Medical Necessity - page {n}")
    pdf.letterhead(*org)
    pdf.para(long(when) if style != 1 else us(when))
    pdf.para(f"{c.payer}\nAttn: Utilization Management / Prior Authorization\nVia fax", gap=3)
    pdf.boxed(
        [
            f"RE: {p.full}    DOB: {us(p.dob)}    Member ID: {p.member_id}",
            f"Request: {c.product} - autologous CAR T-cell therapy",
            f"Treating facility: {c.facility}",
            f"Diagnosis: {c.dx}",
        ]
    )
    opener = [
        "To Whom It May Concern:",
        "Dear Medical Director:",
        "Dear Utilization Review Committee:",
    ][style % 3]
    pdf.para(opener)
    pdf.para(
        f"I am writing on behalf of my patient, {p.full}, a {p.age(when)}-year-old "
        f"{'man' if p.sex == 'M' else 'woman'} with {c.dx} ({c.stage}), to request "
        f"authorization for treatment with {c.product}. This letter documents the medical "
        f"necessity of this therapy. "
        + (
            self_line
            or f"I am the attending physician responsible for this patient's care at {c.facility}."
        )
    )
    pdf.heading("Treatment history")
    for i, (reg, dates, resp) in enumerate(c.history, 1):
        pdf.para(f"{i}. {reg}, {dates} - {resp}", gap=0.5)
    for extra in c.extra_history:
        pdf.para(extra, gap=0.5)
    pdf.ln(2)
    pdf.heading("Clinical history")
    pdf.para(
        f"{p.title} was referred by {c.referring}. Performance status is ECOG 1. Renal and "
        "hepatic function are adequate; LVEF is preserved. There is no active CNS disease "
        "and no uncontrolled infection. Comorbidities are limited to treated hypertension."
    )
    pdf.heading("Social history")
    pdf.para(c.social)
    pdf.heading("Indication for CAR T-cell therapy")
    pdf.para(
        f"{p.title}'s disease is relapsed/refractory after {len(c.history)} lines of systemic "
        f"therapy. {c.product.split(' (')[0]} is FDA-approved for this indication and is "
        "recommended by NCCN guidelines (category 1/2A) for this setting. There is no "
        "alternative therapy with a comparable chance of durable remission; without CAR T "
        "therapy the expected survival is measured in months. The patient has been evaluated "
        "by our cellular therapy team and meets all eligibility criteria."
    )
    pdf.para(
        "I respectfully request approval of leukapheresis, manufacturing, bridging therapy "
        "as needed, lymphodepleting chemotherapy, cell infusion and the associated inpatient "
        "stay. Please contact my office with any questions."
    )
    sign(pdf, sig, closing=["Sincerely,", "Respectfully,", "Thank you for your review,"][style % 3])


def lmn_ehr(pdf: Pdf, c: Case, when: date, sig: Sig, mrn_site: str) -> None:
    """An LMN printed from an EHR letter template, with running header and footer."""
    p = c.patient
    pdf.section(
        head=f"{p.last}, {p.first} | DOB {us(p.dob)} | MRN {p.mrn} | {mrn_site}",
        foot=lambda n: f"Printed {us(when)} 16:02    Page {n} of {{of}}",
    )
    pdf.heading("LETTER OF MEDICAL NECESSITY", size=13)
    pdf.two_col(
        [("Patient:", p.lastfirst), ("DOB:", us(p.dob)), ("Member #:", p.member_id)],
        [("Date:", us(when)), ("Plan:", c.payer), ("Attending:", c.attending)],
    )
    pdf.hr()
    pdf.para(
        f"Requested service: {c.product}, single infusion, at {c.facility} ({c.facility_addr})."
    )
    pdf.para(
        f"Summary: {p.full} has {c.dx}, {c.stage}. The disease has progressed through the "
        "regimens below. I am requesting coverage of CAR T-cell therapy as the standard of "
        "care for this relapsed disease."
    )
    pdf.grid(
        ["#", "Regimen", "Dates", "Best response / outcome"],
        [(str(i), r, d, o) for i, (r, d, o) in enumerate(c.history, 1)],
        [8, 62, 42, 62],
    )
    for extra in c.extra_history:
        pdf.para(extra, gap=0.5)
    pdf.para(
        "Clinical history: no prior allogeneic transplant; no active autoimmune disease; "
        "creatinine clearance above 60 mL/min; no CNS involvement on staging."
    )
    pdf.para(f"Social history: {c.social}")
    pdf.para(
        f"Indication: relapsed/refractory disease after two or more lines of systemic "
        f"therapy, for which {c.product.split(' (')[0]} is FDA-approved. Medical necessity is "
        "established; delay risks loss of eligibility as the disease advances."
    )
    sign(pdf, sig, closing=None)


def consult_letter(pdf: Pdf, c: Case, when: date, sig: Sig, org) -> None:
    p = c.patient
    pdf.section()
    pdf.letterhead(*org)
    pdf.para(long(when))
    pdf.para(f"{c.referring}\nCommunity Oncology Associates\n411 Main Street, Suite 2", gap=3)
    pdf.para(f"RE: {p.full}, DOB {us(p.dob)}", style="B")
    pdf.para(f"Dear {c.referring.split(',')[0].replace('Dr. ', 'Dr. ')},")
    pdf.para(
        f"Thank you for referring {p.title} to our Cellular Therapy clinic. I saw "
        f"{'him' if p.sex == 'M' else 'her'} today in consultation for {c.dx}."
    )
    pdf.para("Oncologic history, as you know, includes:")
    for reg, dates, resp in c.history:
        pdf.para(f"  - {reg} ({dates}): {resp}", gap=0.5)
    pdf.ln(2)
    pdf.para(f"Socially, {c.social[0].lower()}{c.social[1:]}")
    pdf.para(
        f"Impression and plan: I think {p.title} is an excellent candidate for "
        f"{c.product}. We will start insurance authorization, arrange apheresis, and keep "
        "you informed. Please continue supportive care locally in the meantime. It was a "
        "pleasure to meet your patient."
    )
    sign(pdf, sig, closing="With kind regards,")
    pdf.para(f"cc: {p.full} (patient)", size=8)


def patient_letter(pdf: Pdf, c: Case, when: date, sig: Sig, org) -> None:
    p = c.patient
    pdf.section()
    pdf.letterhead(*org)
    pdf.para(long(when))
    pdf.para(f"{p.full}\n82 Orchard Lane", gap=3)
    pdf.para(f"Dear {p.title},")
    pdf.para(
        "It was good to see you in clinic last week. As we discussed, the lymphoma has come "
        "back after your last treatment, and I recommend CAR T-cell therapy. In plain terms, "
        "we collect some of your own T cells, the manufacturer re-programs them to recognise "
        "the lymphoma, and we give them back to you by infusion."
    )
    pdf.para(
        f"The treatment we plan is {c.product}. You will need to stay within two hours of "
        f"{c.facility} for at least four weeks after the infusion, with a caregiver with you "
        "at all times, and you must not drive for eight weeks."
    )
    pdf.para(
        "Our financial counselor is asking your insurance plan to approve the treatment. "
        "We will call you as soon as we hear back. Please bring this letter to your next "
        "visit, along with any questions you or your family have."
    )
    sign(pdf, sig, closing="Warm regards,")


def p2p_request(pdf: Pdf, c: Case, when: date, sig: Sig, org) -> None:
    p = c.patient
    pdf.section()
    pdf.letterhead(*org)
    pdf.heading("REQUEST FOR PEER-TO-PEER REVIEW", size=13)
    pdf.two_col(
        [("Date:", us(when)), ("Patient:", p.full), ("DOB:", us(p.dob))],
        [("Plan:", c.payer), ("Member ID:", p.member_id), ("Case #:", "UM-2026-118830")],
    )
    pdf.para(
        f"We received a notice that the request for {c.product} is pending medical review. "
        "The treating physician asks to speak with the plan's reviewing physician before any "
        "determination is made. Available times are listed below; please call the number "
        "on this letterhead and ask for the cellular therapy coordinator."
    )
    pdf.grid(
        ["Day", "Available window (Eastern)", "Callback number"],
        [("Mon 10/19", "12:00 - 13:00", "555-410-2288"), ("Tue 10/20", "07:30 - 08:15", "")],
        [40, 70, 60],
    )
    pdf.para(
        f"Brief summary: {c.dx}; relapsed after {len(c.history)} prior lines. Full clinical "
        "documentation will be discussed on the call."
    )
    sign(pdf, sig, closing="Requested by:")


def pa_form(pdf: Pdf, c: Case, when: date, office_contact: str) -> None:
    p = c.patient
    pdf.section(foot="Form UM-CT-07 (rev. 03/2025)  Incomplete forms will be returned.")
    pdf.set_font(pdf.base, style="B", size=13)
    pdf.cell(0, 7, _latin(f"{c.payer.upper()}"), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.cell(0, 7, "PRIOR AUTHORIZATION REQUEST - CELLULAR & GENE THERAPY", align="C")
    pdf.ln(10)
    pdf.heading("Section 1. Member", fill=(230, 230, 230))
    pdf.two_col(
        [("Name:", p.lastfirst), ("DOB:", us(p.dob))],
        [("Member ID:", p.member_id), ("Sex:", p.sex)],
    )
    pdf.heading("Section 2. Requesting provider", fill=(230, 230, 230))
    pdf.two_col(
        [("Provider:", c.attending), ("NPI:", "1730556612")],
        [("Contact:", office_contact), ("Phone:", "555-410-2200")],
    )
    pdf.heading("Section 3. Service", fill=(230, 230, 230))
    pdf.two_col(
        [("Drug:", c.product), ("HCPCS:", "Q2041"), ("Site:", c.facility)],
        [("ICD-10:", "C83.38"), ("Setting:", "Inpatient"), ("Start:", us(when))],
    )
    pdf.heading("Section 4. Attachments (check all enclosed)", fill=(230, 230, 230))
    for label, tick in (
        ("Letter of medical necessity", False),
        ("Chart notes", True),
        ("Laboratory results", True),
        ("Psychosocial evaluation", False),
    ):
        pdf.set_x(pdf.l_margin)
        pdf.checkbox(label, tick, w=120)
        pdf.ln(5)
    pdf.ln(3)
    pdf.para(f"Completed by: {office_contact}, prior authorization coordinator    Date: {us(when)}")
    pdf.para("Prescriber signature: ____________________________", gap=0)


def payer_notice(pdf: Pdf, c: Case, when: date, approved: bool) -> None:
    p = c.patient
    pdf.section(foot=f"{c.payer} | Utilization Management | This is not a guarantee of payment.")
    pdf.letterhead(c.payer, "Utilization Management Department", ["PO Box 31190"], "bars")
    pdf.para(long(when))
    pdf.para(f"{p.full}\nMember ID: {p.member_id}", gap=3)
    word = "APPROVAL" if approved else "ADVERSE DETERMINATION"
    pdf.heading(f"NOTICE OF {word}", size=12)
    if approved:
        text = (
            f"We have approved the request from {c.attending} for {c.product} at "
            f"{c.facility}. Authorization number CT-88104-A is valid for 90 days from the "
            "date of this notice."
        )
    else:
        text = (
            f"We reviewed the request from {c.attending} for {c.product}. The request is "
            "denied because the information needed to decide medical necessity was not "
            "received: a signed letter of medical necessity and a psychosocial evaluation. "
            "You or your doctor may appeal within 180 days."
        )
    pdf.para(text)
    pdf.para("Sincerely,\nUtilization Management Nurse Reviewer\nfor the Medical Director")


def mfr_auth(pdf: Pdf, c: Case, when: date, style: int = 0) -> None:
    """A manufacturer's letter confirming the facility is an authorized treatment center."""
    pdf.section()
    pdf.letterhead(
        c.maker, "Cell Therapy Site Network", ["Treatment Center Operations"], "tri", (120, 20, 60)
    )
    pdf.para(long(when))
    pdf.para(f"{c.facility}\n{c.facility_addr}", gap=3)
    pdf.para("To whom it may concern:" if style == 0 else "RE: Treatment center status")
    product = c.product.split(" (")[0]
    if style == 0:
        pdf.para(
            f"This letter confirms that {c.facility} has completed site qualification and is an "
            f"authorized treatment center for {product}. The site's staff have completed "
            "training on the product's REMS requirements, cell receipt, storage and infusion, "
            "and the site may order and administer commercial product."
        )
    else:
        pdf.para(
            f"{c.maker} confirms that {c.facility} is certified to administer {product} "
            "under the product's Risk Evaluation and Mitigation Strategy. Certification "
            "remains in effect while the site maintains its training and reporting obligations."
        )
    pdf.para("Site identifier: TC-" + str(zlib.crc32(c.facility.encode()) % 90000 + 10000))
    pdf.para(
        f"Regards,\nSite Activation Lead, {c.maker}\ncelltherapy-sites@example-maker.com",
        size=9,
    )


def contract_excerpt(pdf: Pdf, c: Case, when: date) -> None:
    pdf.section(foot=lambda n: f"Confidential - Treatment Center Agreement - {n}")
    pdf.set_font(pdf.base, style="B", size=13)
    pdf.cell(0, 8, "TREATMENT CENTER AGREEMENT", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    pdf.para(
        f'This Treatment Center Agreement (the "Agreement") is entered into as of {long(when)} '
        f'by and between {c.maker} ("Company") and {c.facility}, {c.facility_addr} '
        '("Treatment Center").'
    )
    pdf.para(
        f"1. Appointment. Company appoints Treatment Center as a qualified treatment center "
        f"for the commercial administration of {c.product.split(' (')[0]}, subject to the "
        "terms of this Agreement."
    )
    pdf.para(
        "2. Obligations. Treatment Center shall maintain FACT accreditation, complete the "
        "REMS training, follow the chain-of-identity procedures and report adverse events."
    )
    pdf.para("3. Term. Three (3) years from the Effective Date, renewing annually thereafter.")
    pdf.para("[Sections 4 through 19 omitted from this excerpt]", style="I")
    pdf.ln(4)
    pdf.two_col(
        [("COMPANY", ""), ("By:", "Vice President, Cell Therapy"), ("Date:", us(when))],
        [("TREATMENT CENTER", ""), ("By:", "Chief Operating Officer"), ("Date:", us(when))],
    )


def onboarding_pending(pdf: Pdf, c: Case, when: date) -> None:
    pdf.section()
    pdf.letterhead(c.maker, "Site Onboarding", ["Cell Therapy Network Development"], "tri")
    pdf.para(long(when))
    pdf.para(f"{c.facility}\n{c.facility_addr}", gap=3)
    pdf.para(
        f"Thank you for your interest in becoming a treatment center for "
        f"{c.product.split(' (')[0]}. Your site's onboarding is in progress: the site "
        "qualification audit is scheduled for 11/12/2026, and REMS training for your "
        "pharmacy team has not been completed. Until activation is confirmed in writing, "
        "your site is not yet authorized to order or administer commercial product."
    )
    pdf.para("We look forward to working with you.\nNetwork Development Team", size=9)


# ---------------------------------------------------------------------------- labs


@dataclass(frozen=True)
class Sero:
    test: str
    result: str
    flag: str = ""
    ref: str = "Nonreactive"


NEG_PANEL = (
    Sero("HIV-1/2 Antigen/Antibody, 4th gen", "Nonreactive"),
    Sero("Hepatitis B surface antigen", "Nonreactive"),
    Sero("Hepatitis B core antibody, total", "Nonreactive"),
    Sero("Hepatitis C antibody", "Nonreactive"),
)


def lab_reference(
    pdf: Pdf,
    p: Patient,
    collected: str,
    received: str,
    reported: str,
    tests: Sequence[Sero],
    lab=("Keystone Reference Laboratories", "Clinical Laboratory Services"),
    client: str = "",
    physician: str = "",
) -> None:
    """A reference lab report: specimen block in a ruled box, results table."""
    pdf.section(foot=f"{lab[0]} | CLIA 39D0998812 | Laboratory Director: R. Anand, MD, PhD")
    pdf.letterhead(
        lab[0],
        lab[1],
        ["1200 Commerce Parkway", "Client services 800-555-0142"],
        "square",
        (0, 110, 90),
    )
    pdf.two_col(
        [("Patient:", p.lastfirst), ("DOB:", us(p.dob)), ("Sex:", p.sex), ("Patient ID:", p.mrn)],
        [
            ("Accession:", "KR" + p.mrn[-6:] + "4"),
            ("Collected:", collected),
            ("Received:", received),
            ("Reported:", reported),
        ],
        lw=24,
    )
    pdf.kv("Ordering physician:", physician or "See requisition", w=35)
    pdf.kv("Client:", client or "Oncology clinic", w=35)
    pdf.ln(2)
    pdf.grid(
        ["Test", "Result", "Flag", "Reference", "Lab"],
        [(s.test, s.result, s.flag, s.ref, "KR") for s in tests],
        [72, 30, 14, 38, 14],
    )
    pdf.para("FINAL REPORT", style="B", size=9)


def lab_hospital(
    pdf: Pdf,
    p: Patient,
    collected: str,
    reported: str,
    tests: Sequence[Sero],
    hospital: str,
    head_style: int = 0,
) -> None:
    """A hospital lab printout: EHR running header, a specimen line, flat result lines."""
    pdf.section(
        head=f"{hospital} Laboratory Medicine   {p.lastfirst}   MRN: {p.mrn}   DOB: {us(p.dob)}",
        foot=lambda n: f"Page {n}   *** Final ***",
    )
    pdf.heading("INFECTIOUS DISEASE SEROLOGY", size=12, rule=True)
    if head_style == 0:
        pdf.para(f"Specimen: Serum   Collected: {collected}   Resulted: {reported}", size=9)
    else:
        pdf.para(f"Coll Date/Time: {collected}\nResult Date/Time: {reported}", size=9)
    pdf.set_font("Courier", size=9)
    for s in tests:
        pdf.set_x(pdf.l_margin)
        pdf.cell(0, 5, _latin(f"{s.test:<44}{s.result:<14}{s.flag:<4}[{s.ref}]"))
        pdf.ln(5)
    pdf.ln(3)
    pdf.para("Verified by: M. Chen, MLS(ASCP)", size=9)


def lab_day_first(
    pdf: Pdf,
    p: Patient,
    taken: date,
    reported: date,
    tests: Sequence[Sero],
    country: str = "AU",
) -> None:
    """An Australian/UK pathology report: day-first dates throughout."""
    if country == "AU":
        lab = ("Southern Cross Pathology", "NATA accredited laboratory  ABN 41 006 112 554")
        labels = ("Collected", "Reported")
    else:
        lab = ("Thameside Pathology Partnership", "UKAS accredited medical laboratory No. 8841")
        labels = ("Date sample taken", "Date authorised")
    pdf.section(foot=f"{lab[0]} - copy to requesting clinician")
    pdf.letterhead(lab[0], lab[1], ["Virology / Serology Department"], "cross", (160, 40, 30))
    pdf.two_col(
        [
            ("Surname:", p.last.upper()),
            ("Given names:", f"{p.first} {p.middle}".strip()),
            ("DOB:", dmy(p.dob)),
            ("Ref:", p.mrn),
        ],
        [
            (labels[0] + ":", dmy(taken)),
            (labels[1] + ":", dmy(reported)),
            ("Lab no.:", "26-" + p.mrn[-5:]),
            ("Specimen:", "Clotted blood"),
        ],
        lw=33,
    )
    pdf.hr()
    pdf.grid(
        ["Investigation", "Result", "Interpretation"],
        [(s.test, s.result, "Not detected" if "Non" in s.result else s.flag) for s in tests],
        [80, 40, 54],
    )
    pdf.para("Comment: No serological evidence of HIV, hepatitis B or hepatitis C infection.")
    pdf.para(f"Authorised by Dr S. Mahoney, Consultant Virologist, {dmy(reported)}", size=9)


# ---------------------------------------------------------------------------- pathology


def marrow_report(
    pdf: Pdf,
    p: Patient,
    procedure: str,
    signed_out: str,
    org: str,
    dx_text: str,
    case_no: str = "BM26-04417",
    date_label: str = "Date of procedure",
) -> None:
    pdf.section(foot=lambda n: f"{org} Department of Pathology - {case_no} - page {n}")
    pdf.letterhead(
        org,
        "Department of Pathology and Laboratory Medicine",
        ["Hematopathology Division"],
        "cross",
        (70, 70, 70),
    )
    pdf.heading("SURGICAL PATHOLOGY REPORT - BONE MARROW", size=12)
    pdf.two_col(
        [("Name:", p.lastfirst), ("DOB:", us(p.dob)), ("MRN:", p.mrn)],
        [("Case:", case_no), (date_label + ":", procedure), ("Signed out:", signed_out)],
        lw=36,
    )
    pdf.hr()
    pdf.heading("Specimen")
    pdf.para(
        "A. Bone marrow aspirate smears, left posterior iliac crest\n"
        "B. Bone marrow core biopsy, left posterior iliac crest"
    )
    pdf.heading("Final diagnosis")
    pdf.para(dx_text)
    pdf.heading("Microscopic description")
    pdf.para(
        "The core biopsy is adequate (1.8 cm) with 40% cellularity. Trilineage hematopoiesis "
        "is present with maturation. Aspirate differential (500 cells): blasts 1%, "
        "promyelocytes 2%, myelocytes 9%, neutrophils 48%, lymphocytes 14%, erythroid 22%. "
        "Iron stores adequate. Immunohistochemistry for CD20, PAX5 and CD3 reviewed."
    )
    pdf.heading("Flow cytometry (correlated)")
    pdf.para("See separate flow report; findings summarized in the diagnosis above.")
    pdf.ln(3)
    pdf.para("I have personally reviewed the slides and rendered the diagnosis above.", size=9)
    pdf.para(
        f"Electronically signed out by Theresa Kowalczyk, MD, Hematopathologist, {signed_out}",
        size=9,
        style="I",
    )


def pet_ct(pdf: Pdf, p: Patient, exam: str, org: str) -> None:
    pdf.section(foot=f"{org} Imaging Services")
    pdf.letterhead(
        org, "Department of Radiology - Nuclear Medicine", ["PET/CT"], "circle", (90, 40, 130)
    )
    pdf.two_col(
        [("Patient:", p.full), ("DOB:", us(p.dob))],
        [("Exam date:", exam), ("Accession:", "NM" + p.mrn[-5:])],
    )
    pdf.heading("EXAM: PET/CT SKULL BASE TO MID-THIGH (FDG)")
    pdf.para("INDICATION: Lymphoma, restaging before cellular therapy.")
    pdf.para(
        "FINDINGS: Hypermetabolic conglomerate retroperitoneal nodal mass measuring 5.8 x 4.1 "
        "cm, SUVmax 17.2. Left supraclavicular node 2.1 cm, SUVmax 9.8. No hypermetabolic "
        "osseous lesions. Physiologic uptake elsewhere."
    )
    pdf.para("IMPRESSION: Progressive FDG-avid lymphoma, Deauville 5.", style="B")
    pdf.para("Electronically signed: Marcus Feld, MD, Radiologist", size=9)


def myeloma_labs(pdf: Pdf, p: Patient, collected: str, org: str) -> None:
    pdf.section(foot=f"{org} Special Chemistry")
    pdf.heading(f"{org} - PROTEIN ELECTROPHORESIS AND FREE LIGHT CHAINS", size=11, rule=True)
    pdf.two_col(
        [("Patient:", p.lastfirst), ("DOB:", us(p.dob))],
        [("Collected:", collected), ("MRN:", p.mrn)],
    )
    pdf.grid(
        ["Analyte", "Result", "Units", "Reference"],
        [
            ("M-spike (SPEP)", "2.4", "g/dL", "0.0"),
            ("Immunofixation", "IgG kappa", "", "No monoclonal protein"),
            ("Kappa free light chain", "388.0", "mg/L", "3.3 - 19.4"),
            ("Lambda free light chain", "6.1", "mg/L", "5.7 - 26.3"),
            ("Kappa/Lambda ratio", "63.6", "", "0.26 - 1.65"),
        ],
        [60, 35, 25, 54],
    )


def echo(pdf: Pdf, p: Patient, exam: str, org: str) -> None:
    pdf.section()
    pdf.heading(f"{org} - TRANSTHORACIC ECHOCARDIOGRAM REPORT", size=11, rule=True)
    pdf.two_col([("Patient:", p.full), ("DOB:", us(p.dob))], [("Study date:", exam), ("", "")])
    pdf.para(
        "Left ventricle normal in size with normal wall thickness. LVEF 60-65% by biplane "
        "Simpson's. No regional wall motion abnormality. Normal RV size and function. No "
        "significant valvular disease. No pericardial effusion."
    )
    pdf.para("Interpreting cardiologist: Ana Ruiz, MD", size=9)


# ---------------------------------------------------------------------------- psychosocial


PSYCH_FULL = {
    "compliance": "Excellent. Has kept all oncology visits; manages medications with a "
    "pill organizer; no missed infusions in two years.",
    "support": "Lives with spouse; two adult children nearby; church community.",
    "primary": "",
    "secondary": "",
    "plan": "Will stay at the hospital's hospitality house for 30 days after infusion; "
    "caregivers will alternate 24/7. No driving for 8 weeks.",
    "mental": "No psychiatric history. PHQ-9 score 4 (minimal).",
    "substance": "Denies tobacco and illicit drugs. Alcohol: 1-2 beers per month.",
    "legal": "Denies any legal history or pending legal matters.",
}


def psych_form(
    pdf: Pdf,
    p: Patient,
    when: str,
    org: str,
    fields: dict[str, str],
    boxes: dict[str, bool | None],
    evaluator: str,
) -> None:
    """A psychosocial assessment form: label:value fields and check boxes."""
    pdf.section(foot=lambda n: f"{org} Cellular Therapy Program | Form CT-PSY-2 | {n}/{{of}}")
    pdf.set_font(pdf.base, style="B", size=12)
    pdf.cell(0, 7, _latin(f"{org.upper()}"), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.cell(
        0,
        7,
        "PSYCHOSOCIAL ASSESSMENT FOR CELLULAR THERAPY",
        align="C",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(2)
    pdf.two_col(
        [("Patient:", p.full), ("DOB:", us(p.dob)), ("MRN:", p.mrn)],
        [("Date of assessment:", when), ("Assessed by:", evaluator), ("Setting:", "Clinic")],
        lw=36,
    )
    pdf.hr()

    def section(title: str, key: str, box_label: str | None = None) -> None:
        pdf.heading(title, size=10, fill=(235, 235, 235))
        if box_label is not None:
            pdf.set_x(pdf.l_margin)
            state = boxes.get(key)
            pdf.cell(60, 5, _latin(box_label))
            pdf.checkbox("Yes", state is True, w=20)
            pdf.checkbox("No", state is False, w=20)
            pdf.ln(6)
        pdf.kv("Comments:", fields.get(key, ""), w=24)

    section("1. Adherence / medical compliance", "compliance", "Adherent to treatment plan?")
    section("2. Support network", "support", "Adequate support system?")
    pdf.heading("3. Post-treatment care plan", size=10, fill=(235, 235, 235))
    pdf.kv("Primary caregiver:", fields.get("primary", ""), w=40)
    pdf.kv("Secondary caregiver:", fields.get("secondary", ""), w=40)
    pdf.kv("Lodging / plan:", fields.get("plan", ""), w=40)
    section("4a. Mental health history", "mental", "History of mental illness?")
    section("4b. Substance use", "substance", "Current substance use?")
    section("4c. Legal history", "legal", "Legal issues?")
    pdf.ln(2)
    pdf.heading("Recommendation", size=10)
    pdf.set_x(pdf.l_margin)
    pdf.checkbox("Psychosocially appropriate for CAR T", boxes.get("rec") is True, w=90)
    pdf.checkbox("Needs further evaluation", boxes.get("rec") is False, w=70)
    pdf.ln(10)
    pdf.para(f"Evaluator signature: {evaluator}    Date: {when}", size=9)


def psych_narrative(
    pdf: Pdf, p: Patient, when: str, org: str, paras: Sequence[tuple[str, str]], author: str
) -> None:
    pdf.section(
        head=f"{p.lastfirst}  DOB {us(p.dob)}  MRN {p.mrn}",
        foot=lambda n: f"{org} - Social Work - Page {n}",
    )
    pdf.heading("Social Work Psychosocial Evaluation - Cellular Therapy", size=12, rule=True)
    pdf.para(f"Date of service: {when}    Encounter type: Outpatient, 60 minutes", size=9)
    for title, text in paras:
        pdf.para(title, style="B", gap=0.5)
        pdf.para(text)
    pdf.para(f"Electronically signed by {author} on {when}", size=9, style="I")


# ---------------------------------------------------------------------------- chart filler


def fax_cover(pdf: Pdf, sender: str, to: str, pages: str, when: str, re: str) -> None:
    pdf.section()
    pdf.set_font(pdf.base, style="B", size=26)
    pdf.cell(0, 14, "FAX", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.hr(0.8)
    pdf.two_col(
        [("To:", to), ("Fax:", "1-800-555-0199"), ("Re:", re)],
        [("From:", sender), ("Date:", when), ("Pages:", pages + " (incl. cover)")],
        lw=18,
        size=10,
    )
    pdf.ln(6)
    pdf.set_x(pdf.l_margin)
    for label, tick in (("Urgent", True), ("For review", True), ("Please reply", False)):
        pdf.checkbox(label, tick, w=45)
    pdf.ln(12)
    pdf.para("Comments: Prior authorization packet enclosed. Please call with questions.")
    pdf.ln(60)
    pdf.para(
        "CONFIDENTIALITY NOTICE: This facsimile contains protected health information. If you "
        "received it in error, notify the sender and destroy all copies.",
        size=8,
    )


def progress_note(
    pdf: Pdf,
    p: Patient,
    when: date,
    org: str,
    author: str,
    kind: str,
    lab_rows: Sequence[Sequence[str]] = (),
    text: str = "",
) -> None:
    pdf.section(
        head=f"{p.last}, {p.first} | DOB {us(p.dob)} | MRN {p.mrn} | {org}",
        foot=lambda n: f"Printed by: intake   {us(when)}   Page {n}",
    )
    pdf.heading(f"{kind} - {us(when)}", size=11, rule=True)
    pdf.para(f"Provider: {author}   Department: Hematology/Oncology", size=9)
    pdf.para("SUBJECTIVE", style="B", gap=0)
    pdf.para(
        text
        or "Feels fatigued but ambulatory. Night sweats twice this week. Appetite fair. No "
        "fevers, no new neurologic symptoms. Pain in left flank 3/10, controlled."
    )
    pdf.para("OBJECTIVE", style="B", gap=0)
    pdf.para(
        "T 36.8  HR 84  BP 128/76  RR 16  SpO2 97% RA  Wt 81.2 kg. Palpable left "
        "supraclavicular node ~2 cm. Abdomen soft, non-tender."
    )
    if lab_rows:
        pdf.para("Results reviewed:", style="B", gap=0.5)
        pdf.grid(["Test", "Result", "Ref range", "Collected"], lab_rows, [70, 35, 35, 34])
    pdf.para("ASSESSMENT / PLAN", style="B", gap=0)
    pdf.para(
        "Relapsed lymphoma awaiting cellular therapy. Continue supportive care; "
        "antiemetics PRN; follow up in one week or sooner if febrile."
    )
    pdf.para(f"Electronically signed by {author} {us(when)} 17:40", size=8.5, style="I")


def mar(pdf: Pdf, p: Patient, when: date, org: str) -> None:
    pdf.section(
        head=f"{org}  MEDICATION ADMINISTRATION RECORD  {p.lastfirst}  MRN {p.mrn}",
        foot=lambda n: f"MAR {us(when)} - page {n}",
    )
    pdf.grid(
        ["Medication", "Dose/Route", "Sched", "Given", "By"],
        [
            ("Acyclovir", "400 mg PO", "BID", "0900 / 2100", "RN JT"),
            ("Allopurinol", "300 mg PO", "Daily", "0900", "RN JT"),
            ("Ondansetron", "8 mg IV", "q8h PRN", "1415", "RN KB"),
            ("Pantoprazole", "40 mg PO", "Daily", "0600", "RN LM"),
            ("Enoxaparin", "40 mg SQ", "Daily", "held - plt 42", "RN LM"),
            ("Oxycodone", "5 mg PO", "q4h PRN", "1030, 1800", "RN KB"),
        ],
        [52, 30, 26, 40, 26],
    )


def nursing_note(pdf: Pdf, p: Patient, when: date, org: str, n: int) -> None:
    pdf.section(head=f"{p.lastfirst} | {org} | Nursing", foot=f"Nursing documentation {us(when)}")
    pdf.heading(f"Nursing Shift Assessment #{n}", size=11)
    pdf.para(
        f"{us(when)} 07:00-19:00. Alert and oriented x4. Ambulating independently in hall. "
        "PIV right forearm, patent, site clean. Tolerating diet. Voiding without difficulty. "
        "Fall risk: low. Patient and wife updated on plan of care; questions answered."
    )
    pdf.grid(
        ["Time", "T", "HR", "BP", "SpO2", "Pain"],
        [
            ("08:00", "36.7", "82", "124/70", "98%", "2"),
            ("12:00", "37.1", "88", "130/74", "97%", "3"),
            ("16:00", "36.9", "80", "122/72", "98%", "2"),
        ],
        [30, 25, 25, 35, 30, 29],
    )
