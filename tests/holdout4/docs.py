"""Page layout and the documents of family 4: letters, lab reports, forms and chart pages
as outside hospitals, reference labs, payers and manufacturers write them.

Every builder adds its pages to a `Doc` (one PDF may hold several documents: a fax, a
chart print-out). Text is kept to Latin-1 for the core fonts; a document that needs a
character outside it (an em dash in a blank field) uses DejaVu Sans when the system has it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fpdf import FPDF

CREATED = datetime(2026, 10, 14, 9, 30, 0, tzinfo=UTC)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


# ---------------------------------------------------------------- people and dates


@dataclass(frozen=True)
class Patient:
    first: str
    middle: str
    last: str
    dob: date
    sex: str  # "M" or "F"
    mrn: str
    member: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.middle}. {self.last}" if self.middle else self.short

    @property
    def short(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def upper(self) -> str:
        mid = f" {self.middle[0]}" if self.middle else ""
        return f"{self.last.upper()}, {self.first.upper()}{mid}"

    @property
    def he(self) -> str:
        return "he" if self.sex == "M" else "she"

    @property
    def his(self) -> str:
        return "his" if self.sex == "M" else "her"

    @property
    def title(self) -> str:
        return ("Mr. " if self.sex == "M" else "Ms. ") + self.last


@dataclass(frozen=True)
class Signer:
    name: str  # "Rebecca L. Thornton"
    creds: str  # "MD", "DO", "MSN, APRN, FNP-BC", "PA-C"
    titles: tuple[str, ...] = ()
    mode: str = "strokes"  # strokes | esig | slash | none | placeholder | pending

    @property
    def typed(self) -> str:
        return f"{self.name}, {self.creds}"


def us(d: date) -> str:
    return d.strftime("%m/%d/%Y")


def uk(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def long(d: date) -> str:
    return d.strftime("%B ") + str(d.day) + d.strftime(", %Y")


def dmon(d: date) -> str:
    return d.strftime("%d-%b-%Y").upper()


def iso(d: date) -> str:
    return d.isoformat()


# ---------------------------------------------------------------- the page


class Doc(FPDF):
    """A letter-size PDF with an optional running header and footer (set per page)."""

    def __init__(self, font: str = "Helvetica") -> None:
        super().__init__(unit="pt", format="letter")
        self.set_creation_date(CREATED)
        self.set_margins(60, 50, 60)
        self.set_auto_page_break(True, 64)
        self.alias_nb_pages()
        self.base = font
        self.head_text = ""
        self.foot_text = ""
        self.unicode_ok = False

    def load_unicode(self) -> bool:
        """DejaVu Sans for text outside Latin-1, when the system has it."""
        if not self.unicode_ok and DEJAVU.is_file() and DEJAVU_BOLD.is_file():
            self.add_font("DejaVu", "", str(DEJAVU))
            self.add_font("DejaVu", "B", str(DEJAVU_BOLD))
            self.unicode_ok = True
        return self.unicode_ok

    # running header / footer
    def header(self) -> None:
        if self.head_text:
            self.set_font(self.base, "", 7.5)
            self.set_text_color(70)
            self.cell(0, 10, self.head_text, new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(160)
            self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
            self.set_draw_color(0)
            self.set_text_color(0)
            self.ln(8)

    def footer(self) -> None:
        if self.foot_text:
            self.set_y(-44)
            self.set_font(self.base, "", 7.5)
            self.set_text_color(90)
            self.cell(0, 10, f"{self.foot_text}    Page {self.page_no()} of {{nb}}", align="C")
            self.set_text_color(0)

    def new_page(self, head: str = "", foot: str = "") -> None:
        self.head_text = head
        self.foot_text = foot
        self.add_page()

    # text
    def fnt(self, size: float = 10, style: str = "", family: str | None = None) -> None:
        self.set_font(family or self.base, style, size)

    def para(self, s: str, size: float = 10, style: str = "", align: str = "L", h: float = 0):
        self.fnt(size, style)
        self.multi_cell(0, h or size * 1.38, s, align=align, new_x="LMARGIN", new_y="NEXT")

    def heading(self, s: str, size: float = 14, align: str = "L") -> None:
        self.para(s, size, "B", align)
        self.ln(3)

    def gap(self, h: float = 8) -> None:
        self.ln(h)

    def rule(self, width: float = 0.6) -> None:
        self.set_line_width(width)
        y = self.get_y() + 2
        self.line(self.l_margin, y, self.w - self.r_margin, y)
        self.set_line_width(0.2)
        self.ln(7)

    def kv(self, label: str, value: str, size: float = 9.5, lw: float = 150) -> None:
        self.fnt(size, "B")
        self.cell(lw, size * 1.45, label)
        self.fnt(size)
        self.multi_cell(0, size * 1.45, value, new_x="LMARGIN", new_y="NEXT")

    def kv_grid(self, pairs: list[tuple[str, str]], cols: int = 2, size: float = 8.5) -> None:
        """Boxed label/value cells, `cols` pairs a row (a lab's demographics block)."""
        width = (self.w - self.l_margin - self.r_margin) / cols
        for i in range(0, len(pairs), cols):
            for label, value in pairs[i : i + cols]:
                self.fnt(size - 1.5, "B")
                x, y = self.get_x(), self.get_y()
                self.cell(width, size * 1.1, label.upper(), border="LTR")
                self.set_xy(x, y + size * 1.1)
                self.fnt(size)
                self.cell(width, size * 1.5, value, border="LBR")
                self.set_xy(x + width, y)
            self.ln(size * 2.6)
        self.ln(4)

    def grid(
        self,
        headers: list[str],
        rows: list[list[str]],
        widths: list[float],
        size: float = 8.5,
        shade: bool = True,
    ) -> None:
        total = self.w - self.l_margin - self.r_margin
        widths = [w * total / sum(widths) for w in widths]
        self.fnt(size, "B")
        if shade:
            self.set_fill_color(225)
        for text, w in zip(headers, widths, strict=True):
            self.cell(w, size * 1.8, text, border=1, fill=shade)
        self.ln()
        self.fnt(size)
        for row in rows:
            if self.get_y() > self.h - 90:
                self.add_page()
            for text, w in zip(row, widths, strict=True):
                self.cell(w, size * 1.7, text, border=1)
            self.ln()
        self.ln(6)

    def checkbox(self, label: str, checked: bool, size: float = 9) -> None:
        x, y = self.get_x(), self.get_y()
        self.rect(x, y + 2, 8, 8)
        if checked:
            self.set_line_width(1)
            self.line(x + 1.5, y + 6, x + 3.5, y + 9)
            self.line(x + 3.5, y + 9, x + 7.5, y + 3)
            self.set_line_width(0.2)
        self.set_x(x + 13)
        self.fnt(size)
        self.cell(0, 12, label, new_x="LMARGIN", new_y="NEXT")

    # signatures
    def scribble(self, x: float, y: float, width: float = 130, seed: int = 1) -> None:
        """Hand-drawn strokes: a looping cursive-like line with a flourish, baseline `y`."""
        self.set_line_width(1.1)
        self.set_draw_color(20, 30, 110)
        points = []
        steps = 60
        for i in range(steps + 1):
            t = i / steps
            px = x + t * width
            amp = 9 + 4 * math.sin(seed + t * 7)
            py = y - 8 - amp * math.sin(t * math.pi * (5 + seed % 3)) * (1 - 0.5 * t)
            points.append((px, py))
        self.polyline(points)
        self.line(x + width * 0.1, y - 2, x + width * 0.95, y - 6)
        self.set_draw_color(0)
        self.set_line_width(0.2)

    def signature_line(self, caption: str, value: str = "", width: float = 220) -> None:
        """'Caption: ______' with `value` written on the line when given."""
        self.fnt(9.5)
        x = self.get_x()
        self.cell(self.get_string_width(caption) + 6, 16, caption)
        lx = self.get_x()
        self.line(lx, self.get_y() + 13, lx + width, self.get_y() + 13)
        if value:
            self.cell(width, 14, value)
        self.set_x(x)
        self.ln(22)

    def sign_block(self, signer: Signer, when: date, seed: int = 1, closing: str = "") -> None:
        """A signer's block: closing, the signature (by the signer's mode), typed name, titles."""
        if self.get_y() > self.h - 170:
            self.add_page()
        if closing:
            self.para(closing)
        mode = signer.mode
        if mode == "strokes":
            y = self.get_y() + 34
            self.scribble(self.l_margin + 4, y, 120 + seed * 7, seed)
            self.set_y(y + 2)
            self.line(self.l_margin, y + 2, self.l_margin + 200, y + 2)
            self.ln(5)
        elif mode == "none":
            self.gap(30)
            self.line(self.l_margin, self.get_y(), self.l_margin + 200, self.get_y())
            self.ln(4)
        elif mode == "placeholder":
            self.gap(10)
            self.para("<<signature>>", 10)
            self.line(self.l_margin, self.get_y() + 2, self.l_margin + 200, self.get_y() + 2)
            self.ln(6)
        else:
            self.gap(6)
        name = "[Physician Name], MD" if mode == "placeholder" else signer.typed
        self.para(name, 10, "B")
        for t in signer.titles:
            self.para(t, 9.5)
        if mode == "esig":
            self.gap(4)
            self.para(
                f"Electronically signed by {signer.typed} on {us(when)} at 4:12 PM EDT", 8.5, "I"
            )
        elif mode == "slash":
            self.gap(4)
            self.para(f"/s/ {signer.typed}   {us(when)}", 9.5)
        elif mode == "pending":
            self.gap(4)
            self.para("Signature status: NOT YET SIGNED - routed to provider for review", 8.5, "I")
        self.gap(10)


# ---------------------------------------------------------------- treatment history


@dataclass(frozen=True)
class Line:
    regimen: str
    start: str  # "02/2024" or "03/14/2024"
    end: str
    response: str


def history_block(d: Doc, lines: list[Line], style: str) -> None:
    if style == "numbered":
        d.para("Treatment history:", 10, "B")
        for i, ln in enumerate(lines, 1):
            d.para(f"   {i}. {ln.regimen}, {ln.start} - {ln.end}. Best response: {ln.response}.")
    elif style == "table":
        d.para("Prior lines of therapy", 10, "B")
        d.grid(
            ["Line", "Regimen", "Dates", "Best response"],
            [
                [str(i), ln.regimen, f"{ln.start} to {ln.end}", ln.response]
                for i, ln in enumerate(lines, 1)
            ],
            [0.6, 3.2, 2.2, 2.2],
        )
    else:
        parts = [f"{ln.regimen} from {ln.start} through {ln.end} ({ln.response})" for ln in lines]
        d.para("Prior therapy: the patient has received " + "; then ".join(parts) + ".")
    d.gap(4)


# ---------------------------------------------------------------- letters


@dataclass
class LetterSpec:
    when: date
    facility: str
    product: str  # "lisocabtagene maraleucel (Breyanzi)"
    diagnosis: str
    history: list[Line]
    signers: list[Signer]
    attending: str = ""  # the attending named in the letter's text
    style: str = "numbered"
    heading: str = "LETTER OF MEDICAL NECESSITY"
    address: tuple[str, ...] = ("1400 Laurel Ridge Parkway", "Asheville, NC 28803")
    dept: str = "Blood and Marrow Transplant & Cellular Therapy Program"
    social: str = ""
    extra: list[str] = field(default_factory=list)


PAYER = (
    "WellCare of North Carolina",
    "Attn: Utilization Management - Prior Authorization",
    "PO Box 31386, Tampa, FL 33631",
)


def lmn(d: Doc, p: Patient, s: LetterSpec, layout: str = "letterhead") -> None:
    d.new_page(foot=f"{s.facility} | Confidential patient information")
    if layout == "letterhead":
        d.para(s.facility.upper(), 13, "B")
        d.para(s.dept, 9.5)
        d.para("  |  ".join(s.address) + "  |  Tel (828) 555-0142  |  Fax (828) 555-0199", 8)
        d.rule(1.2)
    else:
        d.para(s.facility, 11, "B", "C")
        d.para(", ".join(s.address), 8.5, "", "C")
        d.gap(10)
    d.para(long(s.when))
    d.gap(6)
    for ln in PAYER:
        d.para(ln)
    d.gap(8)
    d.heading(s.heading, 11.5)
    d.kv("Patient:", p.full, lw=110)
    d.kv("Date of birth:", us(p.dob), lw=110)
    d.kv("Member ID:", p.member, lw=110)
    d.kv("Requested:", s.product, lw=110)
    d.kv("Diagnosis:", s.diagnosis, lw=110)
    d.gap(6)
    d.para("Dear Medical Director,")
    d.gap(4)
    d.para(
        f"I am writing to request authorization for {s.product} for my patient, {p.full}, "
        f"who carries a diagnosis of {s.diagnosis}. {p.he.capitalize()} has relapsed disease "
        f"after multiple prior lines of therapy and meets the labeled indication and the "
        f"clinical criteria of your policy WNC.CP.192. The infusion will take place at "
        f"{s.facility}."
    )
    d.gap(4)
    history_block(d, s.history, s.style)
    d.para(
        f"Clinical history: {p.title} has an ECOG performance status of 1, adequate organ "
        f"function on recent testing, and no active central nervous system disease. "
        f"{p.he.capitalize()} has no active infection and no prior allogeneic transplant."
    )
    d.gap(4)
    d.para(
        "Social history: "
        + (
            s.social
            or f"{p.he.capitalize()} lives with family within an hour of the treatment center, "
            "does not use tobacco, and has reliable transportation and a 24-hour caregiver plan."
        )
    )
    d.gap(4)
    for para in s.extra:
        d.para(para)
        d.gap(4)
    d.para(
        f"In my medical opinion {s.product} is medically necessary and is the most appropriate "
        f"next therapy; there is no comparable alternative with curative potential. Please "
        f"contact my office with any questions."
    )
    if s.attending:
        d.gap(4)
        d.para(f"Attending physician of record: {s.attending}")
    d.gap(6)
    first = True
    for i, signer in enumerate(s.signers):
        d.sign_block(signer, s.when, seed=i + 2, closing="Sincerely," if first else "")
        first = False


def consult_reply(d: Doc, p: Patient, when: date, referrer: str, signer: Signer, facility: str):
    """A consult letter back to the referring oncologist: not a letter of medical necessity."""
    d.new_page(foot=f"{facility} - Cellular Therapy Clinic")
    d.para(facility, 12, "B")
    d.para("Cellular Therapy Clinic - Consultation Report", 9.5)
    d.rule()
    d.para(long(when))
    d.gap(4)
    d.para(f"{referrer}\nMountain View Oncology Associates\n212 Depot Street, Boone, NC 28607")
    d.gap(6)
    d.para(f"RE: {p.full}   DOB {us(p.dob)}   MRN {p.mrn}")
    d.gap(4)
    d.para(f"Dear {referrer.split(',')[0]},")
    d.gap(2)
    d.para(
        f"Thank you for referring {p.title} to our clinic for an opinion regarding cellular "
        f"therapy. I saw {p.title} in clinic today with {p.his} spouse. As you know, "
        f"{p.he} was treated with R-CHOP for six cycles (02/2025 - 06/2025) and then "
        f"R-ICE salvage (09/2025 - 11/2025), with progression on PET in 08/2026."
    )
    d.gap(4)
    d.para(
        "Impression: relapsed large B-cell lymphoma, a reasonable candidate for CD19-directed "
        "CAR T-cell therapy. Plan: we will complete the pre-treatment work-up, collect "
        "serologies and a staging marrow, and our financial team will approach the insurer. "
        "I will keep you informed and will send a formal request once the evaluation is done."
    )
    d.gap(4)
    d.para("Thank you again for involving us in this patient's care.")
    d.sign_block(signer, when, seed=3, closing="With kind regards,")
    d.para(f"cc: {referrer}; patient chart", 8.5)


def pend_notice(d: Doc, p: Patient, when: date, product: str) -> None:
    """The payer's own pend / request-for-information notice."""
    d.new_page(foot="WellCare of North Carolina | NC Medicaid Managed Care")
    d.para("WellCare of North Carolina", 14, "B")
    d.para("NC Medicaid Managed Care - Utilization Management", 9)
    d.rule()
    d.para(f"Date of notice: {us(when)}")
    d.para(f"Member: {p.upper}     Member ID: {p.member}     DOB: {us(p.dob)}")
    d.para("Authorization reference: PA-2026-0917-44381")
    d.gap(8)
    d.heading("NOTICE OF PENDED REQUEST - ADDITIONAL INFORMATION NEEDED", 11)
    d.para(
        f"We received a request for {product} on your behalf. We cannot make a decision yet "
        "because the request is missing information. Please have the requesting provider fax "
        "the following within 14 calendar days:"
    )
    for item in (
        "1. A letter of medical necessity signed by the attending physician, listing prior "
        "chemotherapy regimens and the dates given.",
        "2. Infectious disease serologies (HIV, hepatitis B, hepatitis C) within 3 months.",
        "3. The most recent bone marrow biopsy report (within 6 months).",
    ):
        d.para(item)
    d.gap(6)
    d.para(
        "If we do not receive the information, we will decide the request on the records we "
        "have. This notice is not a denial."
    )
    d.sign_block(
        Signer("Marcus T. Ellery", "MD", ("Medical Director, Utilization Management",), "slash"),
        when,
        seed=4,
        closing="Sincerely,",
    )


def assistance_letter(d: Doc, p: Patient, when: date, program: str, product: str) -> None:
    d.new_page(foot=f"{program} | 1-888-555-0107 | Mon-Fri 8am-8pm ET")
    d.para(program, 13, "B")
    d.para("Patient Support & Access Services", 9)
    d.rule()
    d.para(long(when))
    d.gap(4)
    d.para(f"{p.full}\n88 Pinecrest Lane\nMorganton, NC 28655")
    d.gap(6)
    d.para(f"Dear {p.first},")
    d.para(
        f"Good news! Your enrollment in the {program} travel and lodging assistance benefit "
        f"has been approved in connection with your planned treatment with {product}. A case "
        f"manager will call you to arrange lodging within 2 hours of your treatment center for "
        f"you and one caregiver for up to 30 days after infusion."
    )
    d.gap(4)
    d.para(
        "This letter is not a guarantee of insurance coverage and is not a prior "
        "authorization. Your doctor's office will work with your health plan."
    )
    d.gap(4)
    d.para(f"Enrollment ID: PSP-{p.mrn[-5:]}-26")
    d.sign_block(
        Signer("Alyssa Moreno", "Case Manager", (program,), "none"), when, closing="Warmly,"
    )


# ---------------------------------------------------------------- B: treatment center


def kite_letter(d: Doc, facility: str, when: date, products: str) -> None:
    d.new_page(foot="Kite Pharma, Inc. | 2400 Broadway, Santa Monica, CA 90404")
    d.para("KITE", 18, "B")
    d.para("A Gilead Company", 8)
    d.rule()
    d.para(long(when))
    d.gap(6)
    d.para(f"{facility}\nOffice of the Medical Director, Cellular Therapy")
    d.gap(6)
    d.para("Re: Authorized Treatment Center confirmation", 10, "B")
    d.gap(4)
    d.para(
        f"This letter confirms that {facility} has completed Kite's treatment center "
        f"qualification, including staff training under the REMS program, and is an "
        f"Authorized Treatment Center for {products}. The authorization remains in effect "
        f"unless withdrawn in writing by either party."
    )
    d.gap(4)
    d.para("For questions about ordering or scheduling, contact Kite Konnect at 1-844-454-5483.")
    d.sign_block(
        Signer("Danielle Okonjo", "PharmD", ("Director, Treatment Center Network", "Kite"), "none"),
        when,
        closing="Regards,",
    )


def bms_contract(d: Doc, facility: str, when: date) -> None:
    head = "CONFIDENTIAL - Cell Therapy Treatment Center Agreement - Execution Copy"
    d.new_page(head=head, foot="BMS-CTA-2025-0418")
    d.heading("CELL THERAPY TREATMENT CENTER AGREEMENT", 13, "C")
    d.para(
        f'This Cell Therapy Treatment Center Agreement (the "Agreement") is entered into as '
        f'of {long(when)} (the "Effective Date") by and between Celgene Corporation, a '
        f'Bristol-Myers Squibb Company ("BMS"), and {facility} ("Treatment Center").'
    )
    d.gap(4)
    for num, body in (
        (
            "1. Designation.",
            "BMS hereby designates Treatment Center as a certified site for the administration "
            "of BREYANZI (lisocabtagene maraleucel) and ABECMA (idecabtagene vicleucel), "
            "subject to the terms of this Agreement.",
        ),
        (
            "2. Training and REMS.",
            "Treatment Center shall maintain REMS certification and shall ensure that "
            "prescribers and staff complete BMS training before ordering product.",
        ),
        (
            "3. Chain of Identity.",
            "Treatment Center shall follow the apheresis, shipping and receipt procedures set "
            "out in Exhibit B.",
        ),
        (
            "4. Term.",
            "This Agreement remains in force for three (3) years from the Effective Date.",
        ),
    ):
        d.para(num, 10, "B")
        d.para(body)
        d.gap(3)
    d.new_page(head=head, foot="BMS-CTA-2025-0418")
    d.para("IN WITNESS WHEREOF, the parties have executed this Agreement.", 10, "B")
    d.gap(10)
    for party, who in (
        ("CELGENE CORPORATION", "Name: Philip Vance   Title: VP, Cell Therapy Operations"),
        (facility.upper(), "Name: Janet Holloway   Title: Chief Operating Officer"),
    ):
        d.para(party, 10, "B")
        y = d.get_y() + 26
        d.scribble(d.l_margin + 4, y, 110, 5)
        d.set_y(y + 4)
        d.para(who, 9)
        d.para(f"Date: {us(when)}", 9)
        d.gap(10)


def janssen_email(d: Doc, facility: str, when: date, to: str) -> None:
    d.new_page(foot="Printed from Outlook")
    d.fnt(9)
    for label, value in (
        ("From:", "CARVYKTI Treatment Center Network <ctn-support@cartnetwork-jnj.example>"),
        ("Sent:", f"{when.strftime('%A')}, {long(when)} 10:47 AM"),
        ("To:", to),
        ("Cc:", "Cellular Therapy Financial Clearance"),
        ("Subject:", f"RE: Treatment site status - {facility}"),
    ):
        d.kv(label, value, 9, 60)
    d.rule(0.4)
    d.para("Hello,")
    d.gap(3)
    d.para(
        f"Thank you for your message. I can confirm that {facility} is an activated "
        "CARVYKTI (ciltacabtagene autoleucel) treatment center in the Janssen / Legend "
        "network and is authorized to order and infuse CARVYKTI. Your site's activation "
        "date was 03/02/2025 and there are no open actions on the site file."
    )
    d.gap(3)
    d.para("Please let me know if the health plan needs anything further.")
    d.gap(3)
    d.para("Best,\nGrace Whitley\nSite Activation Lead, Cell Therapy Treatment Center Network")
    d.gap(8)
    d.para("-----Original Message-----", 8.5)
    d.para(
        f"From: {to}\nSubject: Treatment site status - {facility}\n"
        "Could you please confirm our treatment center status for a payer submission?",
        8.5,
    )


def novartis_letter(d: Doc, facility: str, when: date) -> None:
    d.new_page(foot="Novartis Pharmaceuticals Corporation | East Hanover, NJ")
    d.para("NOVARTIS", 16, "B")
    d.rule()
    d.para(us(when))
    d.gap(4)
    d.para("To whom it may concern:")
    d.para(
        f"Novartis Pharmaceuticals Corporation confirms that {facility} is a Qualified "
        "Treatment Center for KYMRIAH (tisagenlecleucel) and has met the site qualification, "
        "training and REMS requirements to administer KYMRIAH."
    )
    d.sign_block(
        Signer("Howard Lin", "MBA", ("Head, Cell & Gene Site Network",), "strokes"),
        when,
        closing="Sincerely,",
    )


def facility_self_letter(d: Doc, facility: str, when: date) -> None:
    """The hospital praising its own program: not a verification by a manufacturer."""
    d.new_page(foot=facility)
    d.para(facility, 13, "B")
    d.para("Office of Patient Access", 9)
    d.rule()
    d.para(long(when))
    d.gap(4)
    d.para("To the reviewing health plan:")
    d.para(
        f"{facility} has a long history of excellence in hematologic malignancies and blood "
        "and marrow transplantation, with more than 120 transplants a year. Our team is "
        "experienced in managing cytokine release syndrome and neurotoxicity. We look forward "
        "to caring for your member."
    )
    d.sign_block(
        Signer("Karen Pruitt", "RN, MSN", ("Director, Patient Access",), "strokes"),
        when,
        closing="Sincerely,",
    )


# ---------------------------------------------------------------- C: serologies


@dataclass
class SeroSpec:
    collected: date
    received: date | None = None
    reported: date | None = None
    hiv: str | None = "Non-Reactive"
    hbsag: str | None = "Non-Reactive"
    hbc: str | None = "Non-Reactive"
    hbs_ab: str | None = None
    hcv: str | None = "Non-Reactive"
    lab: str = "Carolina Reference Laboratories"


def serology_ref_lab(d: Doc, p: Patient, s: SeroSpec, ordering: str) -> None:
    rec = s.received or s.collected
    rep = s.reported or s.collected + timedelta(days=2)
    d.new_page(foot=f"{s.lab} | CLIA 34D0655059 | Final Report")
    d.para(s.lab, 13, "B")
    d.para("4810 Research Triangle Blvd, Durham, NC 27709  |  Client Services 800-555-0134", 8)
    d.gap(6)
    d.kv_grid(
        [
            ("Patient name", p.upper),
            ("Specimen number", f"CR{p.mrn[-4:]}{rep.strftime('%m%d')}Q"),
            ("Date of birth", us(p.dob)),
            ("Patient ID", p.mrn),
            ("Sex", p.sex),
            ("Ordering physician", ordering),
            ("Date collected", f"{us(s.collected)} 07:48"),
            ("Date received", f"{us(rec)} 13:20"),
            ("Date reported", f"{us(rep)} 06:02"),
            ("Report status", "FINAL"),
        ]
    )
    rows = []
    for test, value in (
        ("HIV-1/O/2 Ag/Ab, 4th Generation", s.hiv),
        ("Hepatitis B Surface Antigen", s.hbsag),
        ("Hepatitis B Core Ab, Total", s.hbc),
        ("Hepatitis B Surface Ab, Qual", s.hbs_ab),
        ("Hepatitis C Virus Ab", s.hcv),
    ):
        if value is None:
            continue
        flag = "A" if value.lower().startswith(("reactive", "positive", "detected")) else ""
        rows.append([test, value, flag, "Non-Reactive", "01"])
    d.grid(["Test", "Result", "Flag", "Reference interval", "Lab"], rows, [3.4, 1.8, 0.6, 1.8, 0.5])
    d.para("01  Carolina Reference Laboratories, Durham, NC. Director: L. Abernathy, MD, PhD", 7.5)
    d.para(
        "Fourth generation HIV screening detects p24 antigen and antibodies to HIV-1 and "
        "HIV-2. A non-reactive result does not exclude very recent infection.",
        7.5,
    )


def serology_hospital(d: Doc, p: Patient, s: SeroSpec, facility: str, head: str = "") -> None:
    """An in-house LIS print: ISO dates, a results list in a monospace font."""
    rep = s.reported or s.collected + timedelta(days=1)
    d.new_page(head=head, foot=f"{facility} Laboratory Services")
    d.para(f"{facility} - Department of Pathology & Laboratory Medicine", 10, "B")
    d.para("CUMULATIVE REPORT: INFECTIOUS DISEASE SEROLOGY", 9)
    d.rule()
    d.set_font("Courier", "", 9)
    for line in (
        f"Name....: {p.upper:<28} MRN....: {p.mrn}",
        f"DOB.....: {iso(p.dob):<28} Sex....: {p.sex}",
        f"Coll....: {iso(s.collected)} 06:15{'':<12} Rec'd..: {iso(s.received or s.collected)}",
        f"Result..: {iso(rep)} 14:40{'':<12} Loc....: INFUSION CTR",
        "",
        "TEST                              RESULT            REF",
    ):
        d.cell(0, 12, line, new_x="LMARGIN", new_y="NEXT")
    for test, value in (
        ("HIV 1/2 AG/AB COMBO", s.hiv),
        ("HEP B SURFACE AG", s.hbsag),
        ("HEP B CORE AB TOTAL", s.hbc),
        ("HEP B SURFACE AB", s.hbs_ab),
        ("HEP C AB", s.hcv),
    ):
        if value is not None:
            d.cell(0, 12, f"{test:<34}{value.upper():<18}NEG", new_x="LMARGIN", new_y="NEXT")
    d.gap(8)
    d.para("Verified by: T. Nguyen, MLS(ASCP)", 8)


def serology_uk(d: Doc, p: Patient, s: SeroSpec) -> None:
    """A British NHS virology report; it states its dates are day-first."""
    rep = s.reported or s.collected + timedelta(days=2)
    d.new_page(
        foot="St Aldhelm's Hospital NHS Foundation Trust - Virology - Page generated by WinPath"
    )
    d.para("St Aldhelm's Hospital NHS Foundation Trust", 12, "B")
    d.para("Department of Clinical Virology, Pathology Block C, Salisbury SP2 8BJ", 8.5)
    d.para("All dates on this report are shown as dd/mm/yyyy.", 8.5, "I")
    d.rule()
    d.kv("Surname:", p.last.upper(), 9, 120)
    d.kv("Forename(s):", f"{p.first} {p.middle}".strip(), 9, 120)
    d.kv("Date of birth:", uk(p.dob), 9, 120)
    d.kv("Hospital no.:", f"SAH{p.mrn[-6:]}", 9, 120)
    d.kv("Requesting clinician:", "Dr A. Pemberton, Haematology", 9, 120)
    d.kv("Date sample taken:", uk(s.collected), 9, 120)
    d.kv("Date received:", uk(s.received or s.collected + timedelta(days=1)), 9, 120)
    d.kv("Date authorised:", uk(rep), 9, 120)
    d.gap(6)
    d.grid(
        ["Investigation", "Result", "Comment"],
        [
            ["HIV 1+2 antibody / p24 antigen", s.hiv or "", ""],
            ["Hepatitis B surface antigen", s.hbsag or "", ""],
            ["Hepatitis B core antibody (total)", s.hbc or "", ""],
            ["Hepatitis C antibody", s.hcv or "", ""],
        ],
        [3, 1.6, 2.4],
    )
    d.para(
        "Pre-treatment screen prior to cellular therapy. Authorised by Dr F. Osei, Consultant "
        "Virologist.",
        8.5,
    )


# ---------------------------------------------------------------- D and E


@dataclass
class MarrowSpec:
    procedure: date
    signed_out: date | None = None
    finding: str = (
        "Normocellular marrow (40%) with trilineage hematopoiesis; no morphologic or "
        "immunophenotypic evidence of involvement by large B-cell lymphoma."
    )


def marrow_report(d: Doc, p: Patient, s: MarrowSpec, facility: str, head: str = "") -> None:
    out = s.signed_out or s.procedure + timedelta(days=4)
    d.new_page(head=head, foot=f"{facility} Anatomic Pathology | Accession SP26-{p.mrn[-5:]}")
    d.para("SURGICAL PATHOLOGY CONSULTATION REPORT", 12, "B", "C")
    d.para(f"{facility} - Hematopathology Service", 9, "", "C")
    d.gap(6)
    d.kv_grid(
        [
            ("Patient", p.upper),
            ("Accession", f"SP26-{p.mrn[-5:]}"),
            ("DOB / Sex", f"{us(p.dob)} / {p.sex}"),
            ("MRN", p.mrn),
            ("Date of procedure", us(s.procedure)),
            ("Date signed out", us(out)),
        ]
    )
    d.para("SPECIMEN", 10, "B")
    d.para(
        "A. Bone marrow, right posterior iliac crest, core biopsy\n"
        "B. Bone marrow aspirate smears and clot section"
    )
    d.gap(4)
    d.para("FINAL DIAGNOSIS", 10, "B")
    d.para(f"Bone marrow, core biopsy and aspirate: {s.finding}")
    d.gap(4)
    d.para("MICROSCOPIC DESCRIPTION", 10, "B")
    d.para(
        "The core biopsy measures 1.8 cm and shows adequate cellularity for age. Megakaryocytes "
        "are adequate in number with normal morphology. No lymphoid aggregates are identified. "
        "CD20 and PAX5 immunostains highlight rare scattered small B cells. Iron stores are "
        "present. Reticulin stain shows no increase in fibrosis (MF-0)."
    )
    d.gap(4)
    d.para("Flow cytometry (aspirate): no monotypic B-cell population detected.", 9.5)
    d.gap(6)
    d.para(f"Electronically signed out by Priya Raman, MD, Hematopathologist, {us(out)}", 8.5, "I")


def myeloma_marrow(d: Doc, p: Patient, s: MarrowSpec, facility: str) -> None:
    out = s.signed_out or s.procedure + timedelta(days=3)
    d.new_page(foot=f"{facility} Hematopathology")
    d.para("HEMATOPATHOLOGY REPORT", 12, "B")
    d.para(f"{facility}", 9)
    d.rule()
    d.kv("Patient:", f"{p.full}   (MRN {p.mrn}, DOB {us(p.dob)})", 9.5, 110)
    d.kv("Procedure:", "Bone marrow aspiration and trephine biopsy, left iliac crest", 9.5, 110)
    d.kv("Collected:", us(s.procedure), 9.5, 110)
    d.kv("Reported:", us(out), 9.5, 110)
    d.gap(4)
    d.para("DIAGNOSIS", 10, "B")
    d.para(
        "Plasma cell neoplasm, kappa-restricted, involving approximately 35% of marrow "
        "cellularity by CD138 immunohistochemistry. Consistent with relapsed multiple myeloma."
    )
    d.para(
        "FISH (plasma cell enriched): t(4;14) detected; del(17p) not detected; gain 1q21 detected."
    )
    d.gap(6)
    d.para(f"Electronically signed by Owen Castellano, MD on {us(out)}", 8.5, "I")


def spep(d: Doc, p: Patient, when: date) -> None:
    d.new_page(foot="Carolina Reference Laboratories | Final Report")
    d.para("Carolina Reference Laboratories", 12, "B")
    d.para(f"Patient: {p.upper}   DOB: {us(p.dob)}   Collected: {us(when)}", 9)
    d.gap(4)
    d.grid(
        ["Test", "Result", "Units", "Reference"],
        [
            ["M-spike (SPEP)", "1.9", "g/dL", "Not observed"],
            ["Kappa free light chain", "212.4", "mg/L", "3.3-19.4"],
            ["Lambda free light chain", "9.8", "mg/L", "5.7-26.3"],
            ["Kappa/Lambda ratio", "21.67", "", "0.26-1.65"],
        ],
        [3, 1.4, 1, 1.6],
    )


def pet_ct(d: Doc, p: Patient, when: date, facility: str, head: str = "") -> None:
    d.new_page(head=head, foot=f"{facility} Department of Radiology")
    d.para("NUCLEAR MEDICINE - PET/CT SKULL BASE TO MID-THIGH", 11, "B")
    d.para(f"{p.upper}   MRN {p.mrn}   DOB {us(p.dob)}   Exam date: {us(when)}", 9)
    d.rule()
    d.para(
        "FINDINGS: Multiple FDG-avid conglomerate lymph nodes in the left para-aortic chain, "
        "the largest 4.2 x 3.1 cm with SUVmax 18.6, previously 2.0 cm. New FDG-avid osseous "
        "focus in the right iliac bone (SUVmax 9.4)."
    )
    d.para("IMPRESSION: Progressive lymphoma, Deauville 5, compared with the prior examination.")
    d.para(f"Dictated and signed by: Lionel Burke, MD  {us(when)}", 8.5, "I")


def echo(d: Doc, p: Patient, when: date, facility: str) -> None:
    d.new_page(foot=f"{facility} Heart & Vascular")
    d.para("TRANSTHORACIC ECHOCARDIOGRAM REPORT", 11, "B")
    d.para(f"Patient: {p.full}   MRN: {p.mrn}   DOB: {us(p.dob)}   Study date: {us(when)}", 9)
    d.rule()
    d.para(
        "Left ventricle normal in size with normal wall thickness. LVEF 60-65% by biplane "
        "Simpson's. No significant valvular disease. No pericardial effusion."
    )
    d.para(f"Interpreting cardiologist: Neil Afolabi, MD   {us(when)}", 8.5)


def cbc_cmp(d: Doc, p: Patient, when: date, head: str = "") -> None:
    d.new_page(head=head, foot="Carolina Reference Laboratories | Final Report")
    d.para("Carolina Reference Laboratories - Chemistry / Hematology", 11, "B")
    d.para(f"Patient: {p.upper}   DOB: {us(p.dob)}   Collected: {us(when)}", 9)
    d.gap(4)
    d.grid(
        ["Test", "Result", "Units", "Reference"],
        [
            ["WBC", "4.1", "x10^3/uL", "3.4-10.8"],
            ["Hemoglobin", "10.9 L", "g/dL", "13.0-17.7"],
            ["Platelets", "142 L", "x10^3/uL", "150-450"],
            ["Creatinine", "0.92", "mg/dL", "0.76-1.27"],
            ["AST", "24", "IU/L", "0-40"],
            ["Total bilirubin", "0.6", "mg/dL", "0.0-1.2"],
            ["LDH", "388 H", "IU/L", "121-224"],
        ],
        [3, 1.4, 1.3, 1.6],
    )


def biopsy_consent(d: Doc, p: Patient, when: date, facility: str) -> None:
    d.new_page(foot=f"{facility} | Form CONS-114 rev. 03/2025")
    d.heading("CONSENT FOR PROCEDURE: BONE MARROW ASPIRATION AND BIOPSY", 11.5, "C")
    d.kv("Patient:", f"{p.full}   MRN {p.mrn}   DOB {us(p.dob)}", 9.5, 90)
    d.gap(4)
    d.para(
        "I authorize Dr. Samuel Oyelaran and associates to perform a bone marrow aspiration and "
        "biopsy. The risks, including bleeding, infection and pain at the site, have been "
        "explained to me, and my questions were answered."
    )
    d.gap(10)
    d.signature_line("Patient signature:")
    y = d.get_y() - 10
    d.scribble(d.l_margin + 110, y, 110, 6)
    d.para(f"Date/time: {us(when)} 09:05", 9.5)
    d.gap(4)
    d.para(f"Witness: Lorna Givens, RN   {us(when)}", 9.5)


def biopsy_order(d: Doc, p: Patient, ordered: date, scheduled: date, facility: str) -> None:
    d.new_page(foot=f"{facility} | Procedure Scheduling")
    d.para("PROCEDURE ORDER / SCHEDULING CONFIRMATION", 11, "B")
    d.rule()
    d.kv("Patient:", f"{p.upper}  MRN {p.mrn}  DOB {us(p.dob)}")
    d.kv("Order:", "Bone marrow aspiration and biopsy, unilateral (CPT 38222)")
    d.kv("Indication:", "Restaging prior to CAR T-cell therapy")
    d.kv("Ordered:", us(ordered))
    d.kv("Scheduled:", f"{us(scheduled)} 08:30, Procedure Suite 3")
    d.kv("Status:", "SCHEDULED - not yet performed")
    d.kv("Ordering provider:", "Samuel Oyelaran, MD")


# ---------------------------------------------------------------- F: psychosocial


@dataclass
class PsychSpec:
    when: date
    primary: str = "Linda Brennan (wife)"
    secondary: str = "Caleb Brennan (son)"
    mental: str = "Denies any history of depression, anxiety or psychiatric treatment."
    substance: str = "Denies tobacco, illicit drugs; drinks alcohol rarely (1-2 drinks a month)."
    legal: str = "No legal history reported."
    author: str = "Tamsin R. Whitaker, LCSW, OSW-C"


def psych_narrative(d: Doc, p: Patient, s: PsychSpec, facility: str) -> None:
    d.new_page(foot=f"{facility} - Social Work Services")
    d.para(f"{facility}", 11, "B")
    d.para("PSYCHOSOCIAL ASSESSMENT - CELLULAR THERAPY CANDIDATE", 11, "B")
    d.rule()
    d.para(f"Patient: {p.full}     DOB: {us(p.dob)}     MRN: {p.mrn}", 9.5)
    d.para(f"Date of assessment: {us(s.when)}     Assessed by: {s.author}", 9.5)
    d.gap(6)
    for heading, body in (
        (
            "Adherence and engagement with care",
            f"{p.title} has kept every oncology appointment over the past two years per "
            "clinic records, manages an oral medication schedule with a pill organizer, and "
            "was able to teach back the CAR T monitoring requirements.",
        ),
        (
            "Social support",
            f"{p.he.capitalize()} is married and lives in a single-story home. Two adult "
            "children and a church community are involved and have offered meals and rides.",
        ),
        (
            "Caregiver plan after infusion",
            "The family understands the 24-hour caregiver requirement for at least 4 weeks and "
            "the need to stay within two hours of the center.",
        ),
    ):
        d.para(heading, 10, "B")
        d.para(body)
        d.gap(3)
    d.kv("Primary caregiver:", s.primary, 10, 130)
    d.kv("Secondary caregiver:", s.secondary, 10, 130)
    d.gap(3)
    d.para("Mental health, substance use and legal history", 10, "B")
    d.kv("Mental health:", s.mental, 9.5, 100)
    d.kv("Substance use:", s.substance, 9.5, 100)
    d.kv("Legal:", s.legal, 9.5, 100)
    d.gap(6)
    d.para(
        "Assessment: adequate psychosocial support for cellular therapy; no barriers identified "
        "beyond those addressed above.",
    )
    d.gap(4)
    d.para(f"Electronically signed: {s.author}, {us(s.when)} 15:30", 8.5, "I")


def psych_form(d: Doc, p: Patient, s: PsychSpec, facility: str, unicode: bool = False) -> None:
    """A fill-in form: labelled boxes, some answers left as the writer left them."""
    d.new_page(foot=f"{facility} | SW-CT-02 Psychosocial Screening for Cellular Therapy")
    wide = any(ord(c) > 255 for c in s.secondary + s.primary + s.legal + s.mental)
    fam = "DejaVu" if (unicode or wide) and d.load_unicode() else None
    d.para("PSYCHOSOCIAL SCREENING FORM - IMMUNE EFFECTOR CELL THERAPY", 11.5, "B")
    d.para(facility, 9)
    d.rule()
    rows = [
        ("Patient name", p.upper),
        ("DOB", us(p.dob)),
        ("Medicaid ID", p.member),
        ("Date", us(s.when)),
        ("1. Medical compliance", "Good - attends visits, takes medications as prescribed"),
        ("2. Support network", "Spouse, sister; faith community"),
        ("3a. Primary caregiver", s.primary),
        ("3b. Secondary caregiver", s.secondary),
        ("3c. Lodging plan", "Family home, 40 minutes from center"),
        ("4a. Mental health history", s.mental),
        ("4b. Substance use history", s.substance),
        ("4c. Legal history", s.legal),
    ]
    total = d.w - d.l_margin - d.r_margin
    for label, value in rows:
        d.fnt(9, "B")
        d.cell(total * 0.34, 20, label, border=1)
        d.set_font(fam or d.base, "", 9)
        if fam is None:
            value = value.replace("\u2014", "--")
        d.cell(total * 0.66, 20, value, border=1, new_x="LMARGIN", new_y="NEXT")
    d.fnt(9)
    d.gap(12)
    d.para(f"Completed by: {s.author}", 9.5)
    y = d.get_y() + 22
    d.scribble(d.l_margin + 4, y, 100, 8)
    d.set_y(y + 4)
    d.para(f"Signature                                  Date {us(s.when)}", 8.5)


# ---------------------------------------------------------------- forms and covers


def pa_form(
    d: Doc,
    p: Patient,
    when: date,
    product: str,
    facility: str,
    physician: str,
    signed: bool,
) -> None:
    d.new_page(foot="WellCare of North Carolina | PA Request - Cellular and Gene Therapy | v2026.1")
    d.para("WellCare of North Carolina", 12, "B")
    d.para("PRIOR AUTHORIZATION REQUEST - CELLULAR & GENE THERAPY", 11, "B")
    d.para("Fax completed form and clinical documentation to 1-844-555-0171", 8.5)
    d.rule()
    d.kv_grid(
        [
            ("Member name", p.upper),
            ("Member ID", p.member),
            ("Date of birth", us(p.dob)),
            ("Request date", us(when)),
            ("Requesting physician", physician),
            ("NPI", "1588 204 771"),
            ("Administering facility", facility),
            ("Drug / HCPCS", product),
        ]
    )
    d.para("Clinical information", 10, "B")
    d.para(
        "Diagnosis: relapsed/refractory large B-cell lymphoma (ICD-10 C83.38)\n"
        "Prior therapies: 1) R-CHOP x6 (01/2025 - 05/2025)  2) R-GemOx x4 (08/2025 - 10/2025)\n"
        "ECOG: 1     CNS involvement: none     Prior CAR T: none"
    )
    d.gap(4)
    d.para(
        "I attest that the information provided is true and accurate to the best of my "
        "knowledge and that supporting documentation is available in the medical record.",
        8.5,
    )
    d.gap(12)
    d.signature_line("Physician signature:")
    if signed:
        y = d.get_y() - 10
        d.scribble(d.l_margin + 120, y, 120, 9)
    d.signature_line("Date:", us(when) if signed else "", 110)
    d.signature_line("Printed name:", physician, 220)


def fax_cover(d: Doc, facility: str, when: date, pages: int) -> None:
    d.new_page()
    d.para("FACSIMILE TRANSMITTAL", 16, "B", "C")
    d.gap(10)
    for label, value in (
        ("To:", "WellCare of NC - Prior Authorization"),
        ("Fax:", "1-844-555-0171"),
        ("From:", f"{facility} - Cellular Therapy Financial Clearance"),
        ("Date:", us(when)),
        ("Pages (incl. cover):", str(pages)),
        ("Re:", "CAR T-cell therapy prior authorization - clinical documentation"),
    ):
        d.kv(label, value, 11, 140)
    d.gap(20)
    d.para(
        "CONFIDENTIALITY NOTICE: This facsimile contains protected health information. If you "
        "received it in error, notify the sender and destroy all copies.",
        8.5,
    )


# ---------------------------------------------------------------- chart pages


def chart_header(p: Patient, facility: str) -> str:
    return f"{facility}  |  {p.upper}  |  MRN {p.mrn}  |  DOB {us(p.dob)}  |  Printed 10/09/2026"


def progress_note(d: Doc, p: Patient, when: date, facility: str, n: int) -> None:
    d.new_page(head=chart_header(p, facility), foot="Chart print - not a legal signature copy")
    d.para(f"Hematology/Oncology Progress Note - {us(when)}", 11, "B")
    d.para(f"Visit type: Return visit #{n}. Provider: Samuel Oyelaran, MD", 9)
    d.gap(4)
    d.para(
        "SUBJECTIVE: Fatigue 2/10, no fevers, night sweats resolved. Appetite fair. Mild "
        "neuropathy in toes, stable. No bleeding."
    )
    d.para("OBJECTIVE: T 36.8  HR 78  BP 128/76  SpO2 98% RA. No palpable adenopathy today.")
    d.para(
        "ASSESSMENT/PLAN: Relapsed DLBCL, planning CD19 CAR T. Continue work-up; social work "
        "evaluation and insurance submission in progress. Return in 2 weeks."
    )
    d.para(f"Signed: Samuel Oyelaran, MD {us(when)} 17:02", 8.5, "I")


def mar_page(d: Doc, p: Patient, when: date, facility: str) -> None:
    d.new_page(head=chart_header(p, facility), foot="Medication Administration Record")
    d.para(
        f"MEDICATION ADMINISTRATION RECORD  {us(when)} 07:00 - {us(when + timedelta(1))} 06:59",
        10,
        "B",
    )
    d.grid(
        ["Medication", "Dose/Route", "Sched", "Given", "By"],
        [
            ["Acyclovir", "400 mg PO", "BID", "08:02 / 20:11", "KLM / JRT"],
            ["Allopurinol", "300 mg PO", "Daily", "08:02", "KLM"],
            ["Ondansetron", "8 mg IV", "Q8H PRN", "13:40", "KLM"],
            ["Pantoprazole", "40 mg PO", "Daily", "08:03", "KLM"],
            ["Sulfamethoxazole-TMP DS", "1 tab PO", "M/W/F", "08:02", "KLM"],
        ],
        [2.6, 1.6, 1.1, 1.7, 1.2],
    )


def nursing_note(d: Doc, p: Patient, when: date, facility: str, extra: str = "") -> None:
    d.new_page(head=chart_header(p, facility), foot="Nursing Documentation")
    d.para(f"Nursing Shift Note - {us(when)} 19:00", 10, "B")
    d.para(
        "Patient alert and oriented x4, ambulating independently. Port site clean and dry, "
        "flushed per protocol. Tolerating regular diet. Denies pain. Education provided on "
        "neurotoxicity warning signs; spouse at bedside and participated. " + extra
    )
    d.para("J. Ramirez-Tate, RN", 8.5, "I")
