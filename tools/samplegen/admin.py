"""Documents that belong to no item: fax cover sheets and the plan's PA request form.

Fax covers: clinic (big 'FAX' + To/From grid), transmittal ('Facsimile Transmittal' with
check boxes), minimal (one-line header and a page count).
PA forms: plan (the health plan's form, boxed sections), grid (two-column field grid),
checklist (short request with an attachment checklist).
"""

from __future__ import annotations

import datetime as dt
import random

from .cast import PLAN, Case
from .common import footer
from .dates import fmt, fmt_time
from .narrative import dx
from .writer import GREY, LIGHT, MAROON, NAVY, Writer, letterhead

COVER_FAMILIES = ("clinic", "transmittal", "minimal")
FORM_FAMILIES = ("plan", "grid", "checklist")

CONFIDENTIAL = (
    "CONFIDENTIALITY NOTICE: This facsimile contains protected health information that is "
    "privileged and confidential under federal and state law. If you are not the intended "
    "recipient, any review, disclosure, copying or distribution is prohibited. If you received "
    "this fax in error, please notify the sender by telephone and destroy all copies."
)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def render_cover(
    w: Writer,
    case: Case,
    family: str,
    rng: random.Random,
    *,
    date: dt.date,
    minutes: int,
    pages: int,
) -> None:
    fac = case.facility
    p = case.patient
    coord = rng.choice(("Tamara Bell, RN", "Lucas Ortega, CT Coordinator", "Renee Fitzgerald, RN"))
    if family == "clinic":
        w.begin(family="Helvetica")
        letterhead(w, fac, "centered", NAVY)
        w.line("FAX", size=40, style="B", align="L", h=46)
        w.gap(6)
        w.table(
            None,
            [
                ("To:", PLAN.name + " - Prior Authorization", "From:", coord),
                ("Fax:", PLAN.fax, "Fax:", fac.fax),
                ("Phone:", PLAN.phone, "Phone:", fac.phone),
                (
                    "Date:",
                    f"{fmt(date, 'mdy')} {fmt_time(minutes, 'ampm')}",
                    "Pages:",
                    f"{pages} (including cover)",
                ),
                (
                    "Re:",
                    f"PA request - {case.product.brand}",
                    "Member:",
                    f"{p.name} / {p.member_id}",
                ),
            ],
            widths=(0.6, 2.4, 0.7, 2.3),
            size=10,
            bold_cols=(0, 2),
            line_height=16,
        )
        w.gap(10)
        w.para(
            f"Please find attached the prior authorization request and supporting clinical "
            f"documentation for CAR T-cell therapy ({case.product.brand}) for the member above. "
            f"Please call {fac.phone} with questions.",
            size=11,
        )
        w.gap(150)
        w.para(CONFIDENTIAL, size=8, rgb=GREY)
        w.end()
    elif family == "transmittal":
        w.begin(family="Times")
        letterhead(w, fac, "logo", MAROON)
        w.line("Facsimile Transmittal", size=22, style="B", h=30)
        w.gap(8)
        w.kv(
            [
                ("To:", f"{PLAN.name}, {PLAN.dept}"),
                ("Fax number:", PLAN.fax),
                ("From:", f"{coord}, {fac.dept}"),
                ("Date sent:", f"{fmt(date, 'long')}"),
                ("Number of pages:", f"{pages}, including this page"),
                ("Subject:", f"Clinical documentation - {p.last_first} - DOB {fmt(p.dob, 'mdy')}"),
            ],
            label_w=120,
            size=11.5,
        )
        w.gap(10)
        w.font("", 11)
        for label, checked in (
            ("Urgent", True),
            ("For review", True),
            ("Please comment", False),
            ("Please reply", False),
        ):
            w.checkbox(checked, label, size=11, w=110)
        w.pdf.ln(20)
        w.gap(8)
        w.para(
            "Comments: Expedited review requested - patient has progressive disease and is "
            "scheduled for apheresis pending authorization.",
            size=11,
        )
        w.gap(120)
        w.para(CONFIDENTIAL, size=8.5, style="I", rgb=GREY)
        w.end()
    else:
        w.begin(family="Courier")
        w.line(f"{fac.name.upper()}", size=11, style="B")
        w.line(f"FAX COVER SHEET      {fmt(date, 'mdy')}", size=11)
        w.line("=" * 60, size=10)
        for s in (
            f"TO:      {PLAN.short}  PA DEPT   FAX {PLAN.fax}",
            f"FROM:    {fac.short}   FAX {fac.fax}",
            f"PAGES:   {pages}",
            f"RE:      {p.last_first}  ID {p.member_id}",
            f"         CAR-T PRIOR AUTH - {case.product.brand.upper()}",
        ):
            w.line(s, size=10, h=14)
        w.line("=" * 60, size=10)
        w.gap(10)
        w.para(CONFIDENTIAL.upper(), size=8)
        w.end()


def render_pa_form(
    w: Writer, case: Case, family: str, rng: random.Random, *, date: dt.date, start: dt.date
) -> None:
    p = case.patient
    fac = case.facility
    att = case.attending
    name, icd = dx(case)
    pr = case.product
    fields_member = [
        ("Member name", p.name),
        ("Date of birth", fmt(p.dob, "mdy")),
        ("Member ID", p.member_id),
        ("Member phone", p.phone),
    ]
    fields_provider = [
        ("Requesting provider", att.full),
        ("Provider NPI", att.npi),
        ("Facility", fac.name),
        ("Facility NPI", fac.ids[0][1]),
        ("Contact / phone", fac.phone),
        ("Fax", fac.fax),
    ]
    fields_service = [
        ("Service requested", "CAR T-cell therapy (outpatient/inpatient)"),
        ("Drug / HCPCS", f"{pr.brand} ({pr.generic}) / {pr.hcpcs}"),
        ("Diagnosis / ICD-10", f"{_cap(name.split(' (')[0].split(',')[0])} / {icd}"),
        ("Anticipated date of service", fmt(start, "mdy")),
        ("Request type", "Standard  [ ]     Expedited  [X]"),
    ]
    attachments = [
        "Letter of medical necessity",
        "Treatment center authorization",
        "HIV / hepatitis B / hepatitis C serologies",
        "Diagnostic reports incl. bone marrow biopsy",
        "Other tests (echo, PFT, labs)",
        "Psychosocial evaluation",
    ]
    if family == "plan":
        w.begin(
            family="Helvetica",
            footer=footer("of", left="WNC-PA-MED-07 (01/2026)", right=PLAN.name),
        )
        letterhead(w, PLAN, "banner", NAVY)
        w.line("PRIOR AUTHORIZATION REQUEST - MEDICAL BENEFIT", size=13, style="B", rgb=NAVY)
        w.line(f"Fax completed form to {PLAN.fax}. Incomplete requests may be delayed.", size=9)
        w.gap(6)
        for title, fields in (
            ("Member information", fields_member),
            ("Provider information", fields_provider),
            ("Service information", fields_service),
        ):
            w.heading(title, kind="band", rgb=NAVY, size=10)
            w.table(None, fields, widths=(1.4, 3.6), size=9.5, bold_cols=(0,), after=4)
        w.heading("Clinical information attached", kind="band", rgb=NAVY, size=10)
        for a in attachments:
            w.checkbox(True, a)
            w.pdf.ln(13)
        w.gap(8)
        w.line(
            f"Prescriber attestation: {att.full}          Date of request: {fmt(date, 'mdy')}",
            size=9.5,
        )
        w.end()
    elif family == "grid":
        w.begin(family="Times", footer=footer("of", left=f"Submitted {fmt(date, 'mdy')}"))
        letterhead(w, PLAN, "right", MAROON)
        w.line("Request for Prior Authorization", size=15, style="B")
        w.line("Cellular and Gene Therapy Services", size=11, style="I")
        w.gap(6)
        w.kv_columns(
            [
                [(k + ":", v) for k, v in fields_member + [("Sex", p.sex)]],
                [(k + ":", v) for k, v in fields_provider[:4]],
            ],
            label_w=92,
            size=9.5,
            box=True,
        )
        w.kv([(k + ":", v) for k, v in fields_service], label_w=170, size=10.5)
        w.gap(6)
        w.para(
            "Clinical summary: see enclosed letter of medical necessity and supporting records.",
            size=10.5,
        )
        w.gap(6)
        w.line(f"Date of request: {fmt(date, 'long')}", size=10.5)
        w.line(f"Contact: {fac.phone}   Fax: {fac.fax}", size=10.5)
        w.end()
    else:
        w.begin(family="Helvetica", footer=footer("slash"))
        pdf = w.pdf
        pdf.set_fill_color(*LIGHT)
        w.font("B", 12)
        pdf.cell(
            0, 22, f"  {PLAN.short} - PA REQUEST (CAR-T)", fill=True, new_x="LMARGIN", new_y="NEXT"
        )
        w.gap(6)
        w.kv(
            [(k + ":", v) for k, v in fields_member + fields_service[:3]]
            + [("Requested by:", f"{att.full} ({fac.name})")],
            label_w=140,
            size=10,
        )
        w.gap(6)
        w.line("Attachments enclosed (check all that apply):", size=10, style="B")
        for a in attachments:
            w.checkbox(True, a, size=10)
            pdf.ln(14)
        w.gap(6)
        w.line(f"Date: {fmt(date, 'mdy_short')}", size=10)
        w.end()
