"""Item F: psychosocial evaluation in three families.

structured -- social work assessment with numbered sections 1-4 and labelled sub-fields
narrative  -- psychologist's consult note in prose; caregivers named in sentences
form       -- checklist form: domain table, caregiver table, [X] boxes
`gap` leaves one part out: 'secondary' (no secondary caregiver named), 'legal_na' (legal
history 'N/A'), 'legal_blank' (legal history left blank).
"""

from __future__ import annotations

import datetime as dt
import random

from .cast import PSYCHOLOGISTS, SOCIAL_WORKERS, Case
from .common import footer, running_header
from .dates import age_on, fmt, fmt_time
from .writer import GREEN, GREY, NAVY, TEAL, Writer, letterhead

PSYCH_FAMILIES = ("structured", "narrative", "form")


def render_psych(
    w: Writer, case: Case, family: str, rng: random.Random, *, date: dt.date, gap: str | None
) -> None:
    {"structured": _structured, "narrative": _narrative, "form": _form}[family](
        w, case, rng, date, gap
    )


def _facts(case: Case) -> dict[str, str]:
    p = case.patient
    h = case.habits
    return {
        "compliance": h.get(
            "compliance",
            f"{p.title_name} has kept 37 of 38 scheduled oncology appointments over the past year "
            f"and completed every planned cycle of therapy on schedule. {p.he.capitalize()} "
            f"manages {p.his} own medications with a weekly pill organizer and a phone reminder "
            f"and could describe each medication and its purpose.",
        ),
        "support": h.get(
            "support",
            f"{p.he.capitalize()} lives {case.residence}. Support includes family nearby, "
            f"friends and {p.his} faith community, who have organized meals and transportation.",
        ),
        "mental": h.get(
            "mental",
            "Denies any history of depression, anxiety or other psychiatric illness; no "
            "psychiatric hospitalizations. PHQ-9 score 4, GAD-7 score 3 (minimal).",
        ),
        "substance": h.get(
            "substance",
            f"{h.get('tobacco', 'Never smoker')}. {h.get('alcohol', 'Rare alcohol')}. "
            f"{h.get('drugs', 'Denies illicit drug use')}.",
        ),
        "legal": h.get("legal", "Denies any legal issues, pending charges or incarceration."),
        "lodging": h.get(
            "lodging",
            "will stay at the Hope Lodge guest house 1.2 miles from the treatment center for "
            "the first 30 days after infusion",
        ),
    }


def _caregiver_text(case: Case, gap: str | None) -> tuple[str, str]:
    cg1, cg2 = case.caregivers
    primary = f"{cg1.name} ({cg1.relation}), phone {cg1.phone}"
    if gap == "secondary":
        secondary = "To be identified - patient is considering asking a family friend."
    else:
        secondary = f"{cg2.name} ({cg2.relation}), phone {cg2.phone}"
    return primary, secondary


def _legal(f: dict[str, str], gap: str | None) -> str:
    if gap == "legal_na":
        return "N/A"
    if gap == "legal_blank":
        return ""
    return f["legal"]


def _structured(w: Writer, case: Case, rng: random.Random, date: dt.date, gap: str | None) -> None:
    p = case.patient
    f = _facts(case)
    sw = rng.choice(SOCIAL_WORKERS)
    primary, secondary = _caregiver_text(case, gap)
    w.begin(
        family="Helvetica",
        running=running_header(case, "bar", "mdy"),
        footer=footer("of", left=f"Psychosocial Assessment - {p.name}", right="Confidential"),
    )
    letterhead(w, case.facility, "centered", TEAL)
    w.line("PSYCHOSOCIAL ASSESSMENT FOR CELLULAR THERAPY", size=12.5, style="B", align="C")
    w.gap(4)
    w.kv_columns(
        [
            [("Patient:", p.name), ("DOB:", fmt(p.dob, "mdy")), ("MRN:", p.mrn)],
            [
                ("Date of evaluation:", fmt(date, "mdy")),
                ("Evaluator:", sw.full),
                ("Referral:", case.attending.full),
            ],
        ],
        label_w=95,
        size=8.5,
        box=True,
    )
    w.para(
        f"Sources: interview with patient and {case.caregivers[0].name} "
        f"({case.caregivers[0].relation}); review of medical record. Planned therapy: "
        f"{case.product.brand} ({case.product.generic}).",
        size=9.5,
    )
    w.heading("1. Medical Compliance / Adherence", kind="rule", rgb=TEAL)
    w.para(f["compliance"], size=10)
    w.heading("2. Support Network", kind="rule", rgb=TEAL)
    w.para(f["support"], size=10)
    w.heading("3. Post-Treatment Care Plan", kind="rule", rgb=TEAL)
    w.para(
        f"{p.he.capitalize()} {f['lodging']}. 24/7 caregiver coverage is required for at least "
        f"4 weeks after infusion; no driving for 8 weeks.",
        size=10,
    )
    w.kv(
        [
            ("Primary caregiver:", primary),
            ("Secondary caregiver:", secondary),
            ("Transportation:", "Caregivers will drive; patient will not drive for 8 weeks."),
        ],
        label_w=120,
        size=10,
    )
    w.gap(4)
    w.heading("4. Mental Health, Substance Use and Legal History", kind="rule", rgb=TEAL)
    w.kv(
        [
            ("Mental health:", f["mental"]),
            ("Substance use:", f["substance"]),
            ("Legal history:", _legal(f, gap)),
        ],
        label_w=120,
        size=10,
    )
    w.heading("Assessment", kind="rule", rgb=TEAL)
    concern = {
        None: "Psychosocially appropriate candidate for CAR T-cell therapy.",
        "secondary": "Caregiver plan incomplete; follow-up needed before clearance.",
    }.get(gap, "Psychosocially appropriate candidate for CAR T-cell therapy.")
    w.para(f"SIPAT score {rng.randint(8, 19)} (excellent/good candidate range). {concern}", size=10)
    w.gap(6)
    w.line(f"{sw.full}, {sw.title}", size=10, style="B")
    w.line(
        f"Electronically signed by {sw.full} on {fmt(date, 'mdy')} "
        f"{fmt_time(rng.randint(840, 1020))}",
        size=9,
        style="I",
    )
    w.end()


def _narrative(w: Writer, case: Case, rng: random.Random, date: dt.date, gap: str | None) -> None:
    p = case.patient
    f = _facts(case)
    doc = PSYCHOLOGISTS[0]
    cg1, cg2 = case.caregivers
    w.begin(
        family="Times",
        running=running_header(case, "plain", "long"),
        footer=footer("of", left=f"Date of service {fmt(date, 'mdy')}"),
    )
    letterhead(w, case.facility, "logo", NAVY)
    w.line("Psychosocial Evaluation for Cellular Therapy", size=13, style="B")
    w.line("Psycho-Oncology Consultation", size=10.5, style="I")
    w.gap(4)
    w.line(
        f"Patient: {p.name}    Date of Birth: {fmt(p.dob, 'long')}    MRN: {p.mrn}",
        size=10.5,
    )
    w.line(f"Date of service: {fmt(date, 'long')}    Referring: {case.attending.full}", size=10.5)
    w.rule(weight=0.5, before=4, after=6)
    w.label_para(
        "Reason for referral:",
        f"Pre-treatment psychosocial evaluation before {case.product.brand} CAR T-cell therapy, "
        f"as required by the cellular therapy program and the patient's health plan.",
        size=11,
    )
    w.label_para(
        "Background:",
        f"{p.title_name} is a {age_on(p.dob, date)}-year-old {p.man} who {case.occupation}. "
        f"{p.he.capitalize()} was seen together with {cg1.name}, {p.his} {cg1.relation}.",
        size=11,
    )
    w.label_para("Adherence:", f["compliance"], size=11)
    w.label_para("Support system:", f["support"], size=11)
    if gap == "secondary":
        cg_text = (
            f"{cg1.name} ({cg1.relation}) will serve as primary caregiver and has arranged "
            f"leave from work. A secondary (back-up) caregiver has not yet been identified; "
            f"{p.title_name} will discuss options with {p.his} family."
        )
    else:
        cg_text = (
            f"{cg1.name} ({cg1.relation}) will serve as primary caregiver, and {cg2.name} "
            f"({cg2.relation}) has agreed to serve as secondary caregiver, covering nights and "
            f"weekends."
        )
    w.label_para(
        "Post-treatment care plan:",
        f"{p.he.capitalize()} {f['lodging']}. {cg_text} Both understand the need for 24-hour "
        f"supervision for four weeks and the driving restriction for eight weeks.",
        size=11,
    )
    w.label_para("Psychiatric history:", f["mental"], size=11)
    w.label_para("Substance use:", f["substance"], size=11)
    w.label_para("Legal:", _legal(f, gap), size=11)
    w.label_para(
        "Mental status:",
        "Alert, oriented, cooperative; mood 'a little nervous but ready', affect congruent; "
        "thought process linear; no suicidal ideation; insight and judgment good.",
        size=11,
    )
    w.label_para(
        "Impression and recommendations:",
        "No psychosocial contraindication to CAR T-cell therapy identified. Will follow during "
        "the treatment period for adjustment and caregiver support.",
        size=11,
    )
    w.gap(10)
    w.line(doc.full, size=11, style="B")
    w.line(doc.title, size=10)
    w.line(f"/s/ {doc.full}  {fmt(date + dt.timedelta(days=1), 'mdy')}", size=10, style="I")
    w.end()


def _form(w: Writer, case: Case, rng: random.Random, date: dt.date, gap: str | None) -> None:
    p = case.patient
    f = _facts(case)
    sw = rng.choice(SOCIAL_WORKERS)
    cg1, cg2 = case.caregivers
    w.begin(
        family="Helvetica",
        running=running_header(case, "bar", "mdy"),
        footer=footer("of", left="CT-SW-07 Psychosocial Screening Form (rev. 2024)"),
    )
    letterhead(w, case.facility, "banner", GREEN)
    w.line("Cellular Therapy Psychosocial Assessment Form", size=12.5, style="B", rgb=GREEN)
    w.gap(3)
    w.line(
        f"Name: {p.last_first}    DOB: {fmt(p.dob, 'mdy')}    MRN: {p.mrn}    "
        f"Assessment date: {fmt(date, 'mdy')}",
        size=9,
    )
    w.gap(6)
    w.table(
        ("Domain", "Findings"),
        [
            ("1. Medical compliance", f["compliance"]),
            ("2. Support network", f["support"]),
            ("4a. Mental health history", f["mental"]),
            ("4b. Substance use", f["substance"]),
            ("4c. Legal history", _legal(f, gap)),
        ],
        widths=(1.3, 4),
        size=8.8,
        bold_cols=(0,),
    )
    w.heading("3. Post-treatment care plan and caregivers", kind="band", rgb=GREEN, size=9.5)
    w.para(f"Lodging: patient {f['lodging']}.", size=9)
    if gap == "secondary":
        second = ("Secondary", "", "", "")
    else:
        second = ("Secondary", cg2.name, cg2.relation, cg2.phone)
    w.table(
        ("Caregiver", "Name", "Relationship", "Phone"),
        [("Primary", cg1.name, cg1.relation, cg1.phone), second],
        widths=(1, 2, 1.4, 1.4),
        size=9,
    )
    w.font("", 9)
    for checked, label in (
        (True, "Caregiver education on CRS/ICANS completed"),
        (gap != "secondary", "24/7 caregiver coverage confirmed for 4 weeks"),
        (True, "Transportation arranged"),
        (True, "Patient agrees to no driving for 8 weeks"),
    ):
        w.checkbox(checked, label)
        w.pdf.ln(12)
    w.gap(6)
    w.line(
        "Recommendation:  ["
        + (" " if gap == "secondary" else "X")
        + "] Proceed   ["
        + ("X" if gap == "secondary" else " ")
        + "] Proceed after follow-up   [ ] Not a candidate at this time",
        size=9,
    )
    w.gap(12)
    w.line(f"Completed by: {sw.full}, {sw.title}", size=9.5)
    w.line(f"Signed electronically by: {sw.plain}  Date: {fmt(date, 'mdy')}", size=9, rgb=GREY)
    w.end()
