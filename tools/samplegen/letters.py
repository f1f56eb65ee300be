"""Item A: letters of medical necessity in four families.

formal    -- 'Letter of Medical Necessity', centred letterhead, headed sections, regimen table
narrative -- 'Re: Prior Authorization Request - CAR T-cell Therapy', logo letterhead, prose,
             'I am the attending physician ...', dash list of regimens
statement -- 'Medical Necessity Statement', banner, numbered form-like sections, attestation
ehr       -- EHR-generated letter, right-aligned letterhead, upper-case section titles
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .cast import PLAN, Case, Person
from .common import footer, running_header
from .dates import fmt, fmt_time
from .narrative import (
    clinical_history,
    current_status,
    dx,
    indication,
    plan,
    regimen_lines,
    regimen_rows,
    social_history,
)
from .writer import GREY, MAROON, NAVY, TEAL, Writer, letterhead

LETTER_FAMILIES = ("formal", "narrative", "statement", "ehr")
SIG_FORMS = ("esig_by", "slash_s", "signed_electronically", "e_signed")


@dataclass
class LetterOpts:
    date: dt.date
    signer: Person | None  # None: unsigned
    sig_form: str = "esig_by"
    sig_date: dt.date | None = None
    atc_claim: bool = True
    mention_marrow: dt.date | None = None
    line_kind: str = "underscore"  # unsigned letters: 'underscore' or 'drawn'


def signature_statement(form: str, signer: Person, d: dt.date, minutes: int) -> str:
    if form == "esig_by":
        when = f"{fmt(d, 'mdy')} at {fmt_time(minutes, 'ampm')}"
        return f"Electronically signed by {signer.full} on {when}"
    if form == "slash_s":
        return f"/s/ {signer.full}"
    if form == "signed_electronically":
        return f"Signed electronically by: {signer.plain}    Date: {fmt(d, 'mdy')}"
    if form == "e_signed":
        return f"E-signed: {signer.full} {fmt(d, 'mdy')} {fmt_time(minutes)}"
    raise ValueError(form)


def render_letter(w: Writer, case: Case, family: str, opts: LetterOpts, rng: random.Random) -> None:
    {"formal": _formal, "narrative": _narrative, "statement": _statement, "ehr": _ehr}[family](
        w, case, opts, rng
    )


def _author(case: Case, opts: LetterOpts) -> Person:
    return opts.signer or case.attending


def _on_behalf(case: Case, author: Person) -> str:
    att = case.attending
    if author == att:
        return ""
    if "MD" in author.creds.split(", ") or "DO" in author.creds.split(", "):
        return (
            f"I am a {author.title.split('(')[0].strip().lower()} writing on behalf of "
            f"{case.patient.his} attending physician, {att.full}. "
        )
    return (
        f"I am a nurse practitioner on the cellular therapy team and write on behalf of "
        f"{case.patient.his} attending physician, {att.full}. "
    )


def _closing(
    w: Writer,
    case: Case,
    opts: LetterOpts,
    rng: random.Random,
    closing: str,
    *,
    size: float = 10.5,
    extra_lines: tuple[str, ...] = (),
) -> None:
    """Closing, typed name, then the e-signature statement (or an empty signature line)."""
    author = _author(case, opts)
    w.ensure(120)
    w.gap(8)
    w.line(closing, size=size)
    if opts.signer is None:
        w.signature_line(kind=opts.line_kind)
    else:
        w.gap(14)
    w.line(author.full, size=size, style="B")
    w.line(author.title, size=size - 1)
    w.line(case.facility.name, size=size - 1)
    if author.npi:
        w.line(f"NPI {author.npi}", size=size - 1)
    for s in extra_lines:
        w.line(s, size=size - 1)
    if opts.signer is not None:
        w.gap(8)
        d = opts.sig_date or opts.date
        w.line(
            signature_statement(opts.sig_form, opts.signer, d, rng.randint(15 * 60, 19 * 60)),
            size=size - 1,
            style="I",
        )


def _addressee(w: Writer, size: float = 10.5) -> None:
    for s in (PLAN.name, f"Attn: {PLAN.dept}", PLAN.street, PLAN.city, f"Fax {PLAN.fax}"):
        w.line(s, size=size, h=size * 1.3)
    w.gap(10)


def _formal(w: Writer, case: Case, opts: LetterOpts, rng: random.Random) -> None:
    p = case.patient
    name, icd = dx(case)
    w.begin(
        family="Helvetica",
        running=running_header(case, "plain", "mdy"),
        footer=footer("of", left="Letter of Medical Necessity", right=p.name),
    )
    letterhead(w, case.facility, "centered", NAVY)
    w.line(fmt(opts.date, "long"), size=10.5)
    w.gap(8)
    _addressee(w)
    w.line("LETTER OF MEDICAL NECESSITY", size=13, style="B", align="C")
    w.gap(6)
    w.kv(
        [
            ("Patient:", p.name),
            ("Date of birth:", fmt(p.dob, "mdy")),
            ("Member ID:", p.member_id),
            ("Diagnosis:", f"{name} (ICD-10 {icd})"),
            (
                "Requested:",
                f"{case.product.brand} ({case.product.generic}), HCPCS {case.product.hcpcs}",
            ),
            ("Attending physician:", case.attending.full),
        ],
        label_w=118,
        size=10,
    )
    w.gap(8)
    w.para("Dear Medical Director:", size=10.5)
    author = _author(case, opts)
    w.para(
        _on_behalf(case, author)
        + f"I am writing to request authorization of CAR T-cell therapy with {case.product.brand} "
        f"for {p.title_name}, and to document why this treatment is medically necessary.",
        size=10.5,
    )
    w.heading("Clinical History", kind="rule", rgb=NAVY)
    for s in clinical_history(case, opts.date, mention_marrow=opts.mention_marrow):
        w.para(s, size=10.5)
    w.heading("Prior Chemotherapy Regimens", kind="rule", rgb=NAVY)
    mstyle = rng.choice(("slash", "abbr"))
    rows = [(r[1], r[4], f"{r[2]} - {r[3]}", r[5]) for r in regimen_rows(case, mstyle)]
    w.table(
        ("Regimen", "Cycles", "Dates", "Best response"), rows, widths=(2.2, 0.8, 1.6, 2.4), size=9
    )
    w.para(current_status(case), size=10.5)
    w.heading("Social History", kind="rule", rgb=NAVY)
    w.para(social_history(case), size=10.5)
    w.heading("Indication for CAR T-Cell Therapy", kind="rule", rgb=NAVY)
    w.para(indication(case), size=10.5)
    claim = (
        f" {case.facility.name} is an authorized treatment center for {case.product.brand}."
        if opts.atc_claim
        else ""
    )
    w.para(plan(case) + claim, size=10.5)
    w.para(
        "Please contact my office with any questions. Thank you for your prompt review.",
        size=10.5,
    )
    _closing(w, case, opts, rng, "Sincerely,")
    w.end()


def _narrative(w: Writer, case: Case, opts: LetterOpts, rng: random.Random) -> None:
    p = case.patient
    name, icd = dx(case)
    author = _author(case, opts)
    w.begin(
        family="Times",
        running=running_header(case, "bar", "mdy"),
        footer=footer("slash", right=f"{case.facility.name}  -  {case.facility.phone}"),
    )
    letterhead(w, case.facility, "logo", TEAL)
    w.line(fmt(opts.date, "mdy"), size=11)
    w.gap(8)
    _addressee(w, 11)
    w.line("Re: Prior Authorization Request - CAR T-cell Therapy", size=11.5, style="B")
    w.line(f"Patient: {p.name}    DOB: {fmt(p.dob, 'mdy')}    Member ID: {p.member_id}", size=11)
    w.line(f"Diagnosis: {name.split(' (')[0]}, ICD-10 {icd}", size=11)
    w.gap(8)
    w.para("To Whom It May Concern:", size=11)
    if author == case.attending:
        opening = (
            f"I am the attending physician for {p.title_name} at {case.facility.name}, and I am "
            f"writing to request prior authorization for {case.product.brand} "
            f"({case.product.generic}) for the treatment of {p.his} {name.split(' (')[0]}."
        )
    else:
        opening = _on_behalf(case, author) + (
            f"We are requesting prior authorization for {case.product.brand} "
            f"({case.product.generic}) for {p.title_name}."
        )
    w.para(opening, size=11)
    for s in clinical_history(case, opts.date, mention_marrow=opts.mention_marrow):
        w.para(s, size=11)
    w.para(f"{p.his.capitalize()} prior chemotherapy regimens were:", size=11, after=2)
    w.bullets(regimen_lines(case, rng.choice(("slash", "long"))), size=11, mark="-")
    w.para(current_status(case), size=11)
    w.label_para("Social history:", social_history(case), size=11)
    w.label_para("Indication:", indication(case), size=11)
    claim = (
        f" The cellular therapy program at {case.facility.name} is a manufacturer-authorized "
        f"treatment center for {case.product.brand}."
        if opts.atc_claim
        else ""
    )
    w.para(plan(case) + claim, size=11)
    w.para(
        f"In my opinion this therapy is medically necessary for {p.title_name}. I am available "
        f"for a peer-to-peer discussion at {case.facility.phone}.",
        size=11,
    )
    _closing(w, case, opts, rng, "Respectfully,", size=11)
    w.gap(10)
    w.line(f"cc: {case.referring.full}, {case.clinic.name}", size=9.5, rgb=GREY)
    w.end()


def _statement(w: Writer, case: Case, opts: LetterOpts, rng: random.Random) -> None:
    p = case.patient
    name, icd = dx(case)
    author = _author(case, opts)
    w.begin(
        family="Helvetica",
        running=running_header(case, "bar", "mdy"),
        footer=footer(
            "of", left=f"Form CT-LMN rev. 03/2025   |   {p.name}   DOB {fmt(p.dob, 'mdy')}"
        ),
    )
    letterhead(w, case.facility, "banner", MAROON)
    w.line("MEDICAL NECESSITY STATEMENT", size=14, style="B", rgb=MAROON)
    w.line("CAR T-Cell Therapy - Request for Prior Authorization", size=10, style="I")
    w.line(f"Date: {fmt(opts.date, 'mdy')}", size=10)
    w.gap(6)
    w.heading("1. Patient and Request", kind="band", rgb=MAROON, size=10)
    w.kv_columns(
        [
            [("Patient:", p.name), ("DOB:", fmt(p.dob, "mdy")), ("Sex:", p.sex), ("MRN:", p.mrn)],
            [
                ("Member ID:", p.member_id),
                ("Health plan:", PLAN.name.replace(" Health Plan", "")),
                ("Product:", f"{case.product.brand} ({case.product.abbrev})"),
                ("HCPCS:", case.product.hcpcs),
            ],
        ],
        label_w=62,
        size=9,
    )
    w.kv(
        [
            ("Diagnosis:", f"{name}; ICD-10 {icd}"),
            ("Attending physician:", f"{case.attending.full}, NPI {case.attending.npi}"),
            ("Treating facility:", case.facility.name),
        ],
        label_w=110,
        size=9.5,
    )
    w.heading("2. Prior Lines of Therapy", kind="band", rgb=MAROON, size=10)
    mstyle = rng.choice(("slash", "iso"))
    w.table(
        ("Line", "Regimen", "Start", "End", "Cycles", "Best response"),
        regimen_rows(case, mstyle),
        widths=(0.4, 2.2, 0.8, 0.8, 0.6, 2.2),
        size=8.5,
    )
    w.heading("3. Clinical History", kind="band", rgb=MAROON, size=10)
    for s in clinical_history(case, opts.date, mention_marrow=opts.mention_marrow):
        w.para(s, size=9.5)
    w.para(current_status(case), size=9.5)
    w.heading("4. Social History", kind="band", rgb=MAROON, size=10)
    w.para(social_history(case), size=9.5)
    w.heading("5. Indication / Medical Necessity", kind="band", rgb=MAROON, size=10)
    w.para(indication(case), size=9.5)
    w.para(plan(case), size=9.5)
    w.heading("6. Attestation", kind="band", rgb=MAROON, size=10)
    if author == case.attending:
        att = (
            "I attest that I am the attending physician for this patient and that the information "
            "above is accurate and supported by the enclosed medical records."
        )
    else:
        att = (
            _on_behalf(case, author) + "The information above is supported by the enclosed records."
        )
    w.para(att, size=9.5)
    w.ensure(110)
    if opts.signer is None:
        w.gap(18)
        w.font("", 10)
        w.pdf.cell(
            0,
            12,
            "Physician signature: " + "_" * 34 + "     Date: " + "_" * 14,
            new_x="LMARGIN",
            new_y="NEXT",
        )
    else:
        w.gap(10)
    w.line(f"{author.full}, {author.title.split(',')[0]}", size=10, style="B")
    w.line(f"NPI {author.npi}   |   {case.facility.phone}", size=9)
    if opts.signer is not None:
        w.gap(6)
        d = opts.sig_date or opts.date
        w.line(signature_statement(opts.sig_form, opts.signer, d, rng.randint(900, 1140)), size=9.5)
    w.end()


def _ehr(w: Writer, case: Case, opts: LetterOpts, rng: random.Random) -> None:
    p = case.patient
    name, icd = dx(case)
    author = _author(case, opts)
    printed = opts.date + dt.timedelta(days=1)
    w.begin(
        family="Helvetica",
        running=running_header(case, "bar", "mon_abbr"),
        footer=footer(
            "of",
            left=f"Printed on {fmt(printed, 'mdy')} {fmt_time(rng.randint(480, 600), 'ampm')}",
            right=f"{p.name} (MRN {p.mrn})",
        ),
    )
    letterhead(w, case.facility, "right", NAVY)
    w.kv(
        [
            ("Patient:", p.name),
            ("DOB:", fmt(p.dob, "mon_abbr")),
            ("MRN:", p.mrn),
            ("Insurance ID:", p.member_id),
            ("Visit date:", fmt(opts.date - dt.timedelta(days=rng.randint(2, 6)), "mon_abbr")),
            ("Attending:", case.attending.full),
        ],
        label_w=80,
        size=9.5,
    )
    w.gap(6)
    w.line(fmt(opts.date, "mon_abbr"), size=10.5)
    w.gap(4)
    _addressee(w, 10)
    w.line(
        f"Re: Request for Authorization of CAR-T Therapy ({case.product.brand})",
        size=11,
        style="B",
    )
    w.gap(4)
    w.para("Dear Reviewer,", size=10.5)
    w.para(
        _on_behalf(case, author)
        + f"{p.title_name} is under my care for {name}. This letter summarizes {p.his} history "
        f"and the medical necessity of CAR T-cell therapy.",
        size=10.5,
    )
    w.heading("HISTORY OF PRESENT ILLNESS", kind="underline", size=10)
    for s in clinical_history(case, opts.date, mention_marrow=opts.mention_marrow):
        w.para(s, size=10.5)
    w.heading("ONCOLOGIC TREATMENT HISTORY", kind="underline", size=10)
    for i, s in enumerate(regimen_lines(case, rng.choice(("abbr", "iso"))), start=1):
        w.para(f"{i}. {s}", size=10.5, indent=8, after=1)
    w.gap(3)
    w.heading("SOCIAL HISTORY", kind="underline", size=10)
    w.para(social_history(case), size=10.5)
    w.heading("ASSESSMENT AND INDICATION FOR CAR T", kind="underline", size=10)
    w.para(current_status(case), size=10.5)
    w.para(indication(case), size=10.5)
    claim = (
        f" {case.facility.name} is certified by the manufacturer as an authorized treatment center."
        if opts.atc_claim
        else ""
    )
    w.para(plan(case) + claim, size=10.5)
    _closing(w, case, opts, rng, "Thank you,")
    w.end()
