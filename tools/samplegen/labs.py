"""Laboratory reports (serology, CBC/CMP, myeloma markers) in four layout families.

reference  -- national reference lab: banner, boxed patient grid, specimen strip, grid table
lis        -- hospital LIS printout in Courier, one collection date per result row
community  -- community hospital lab: Times, one block per test with interpretation
idm        -- transplant infectious-disease-marker panel: 'Date drawn', method column
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .cast import LABS, Case, Org, Person
from .common import footer, patient_pairs, printed, running_header, split_pairs
from .dates import fmt, fmt_time
from .writer import GREY, LIGHT, MAROON, NAVY, TEAL, Writer, letterhead

LAB_FAMILIES = ("reference", "lis", "community", "idm")
__all__ = [
    "LAB_FAMILIES",
    "LabRow",
    "LabReport",
    "lab_for",
    "pick_wording",
    "render_lab",
    "sero_row",
]


@dataclass
class LabRow:
    test: str
    result: str
    flag: str = ""
    ref: str = ""
    units: str = ""
    method: str = ""
    note: str = ""


@dataclass
class LabReport:
    lab: Org
    title: str
    order: str
    collected: dt.date
    received: dt.date
    reported: dt.date
    printed: dt.date
    accession: str
    ordering: Person
    rows: list[LabRow]
    comments: list[str] = field(default_factory=list)
    specimen: str = "Serum"
    status: str = "FINAL"
    times: tuple[int, int, int, int] = (7 * 60 + 42, 9 * 60 + 15, 16 * 60 + 22, 8 * 60 + 14)
    preliminary: bool = False


# --- serology wording ---------------------------------------------------------

NAMES = {
    "hiv_agab": (
        "HIV-1/2 Ag/Ab, 4th gen",
        "HIV 1&2 Antigen/Antibody Screen",
        "HIV-1/HIV-2 Antigen and Antibody Combo",
        "HIV Ag/Ab Combo (4th Generation)",
    ),
    "hiv_rna": ("HIV-1 RNA, quantitative", "HIV-1 RNA, Quantitative Real-Time PCR"),
    "hbsag": (
        "Hepatitis B surface antigen",
        "HBsAg",
        "Hep B Surface Ag",
        "Hepatitis B Surface Antigen Screen",
    ),
    "hbc_total": (
        "Hepatitis B core antibody, total",
        "Anti-HBc (Total)",
        "HBcAb Total",
        "Hep B Core Ab, Total",
    ),
    "hbc_igm": ("Hepatitis B core antibody, IgM", "Anti-HBc IgM", "HBc IgM Ab"),
    "hbv_dna": ("HBV DNA, quantitative PCR", "Hepatitis B virus DNA, Real-Time PCR"),
    "hbs_ab": (
        "Hepatitis B surface antibody",
        "Anti-HBs, quantitative",
        "HBsAb (Quant)",
    ),
    "hcv_ab": (
        "Hep C Ab",
        "Hepatitis C virus antibody",
        "HCV Antibody w/Reflex to RNA",
        "Anti-HCV",
    ),
    "hcv_rna": ("HCV RNA PCR", "Hepatitis C virus RNA, quantitative, real-time PCR"),
    "cmv_igg": ("CMV IgG Antibody", "Cytomegalovirus Ab, IgG"),
    "ebv_vca": ("EBV VCA IgG", "Epstein-Barr Virus VCA Ab, IgG"),
    "htlv": ("HTLV-I/II Antibody", "Human T-lymphotropic virus I/II Ab"),
    "rpr": ("Syphilis (RPR)", "Treponema pallidum Ab (EIA)"),
    "vzv": ("VZV IgG", "Varicella-Zoster Virus Ab, IgG"),
    "toxo": ("Toxoplasma IgG",),
}

METHODS = {
    "hiv_agab": "CMIA",
    "hiv_rna": "RT-PCR",
    "hbsag": "CMIA",
    "hbc_total": "CMIA",
    "hbc_igm": "CMIA",
    "hbv_dna": "RT-PCR",
    "hbs_ab": "CMIA",
    "hcv_ab": "CMIA",
    "hcv_rna": "RT-PCR",
    "cmv_igg": "CLIA",
    "ebv_vca": "CLIA",
    "htlv": "EIA",
    "rpr": "EIA",
    "vzv": "CLIA",
    "toxo": "CLIA",
}

NAT = {"hiv_rna", "hbv_dna", "hcv_rna"}
QUANT_AB = {"hbs_ab"}
NEG_WORDS = (("Nonreactive", "Reactive"), ("Non-Reactive", "Reactive"), ("Negative", "Positive"))
NEG_WORDS_UPPER = (
    ("NONREACTIVE", "REACTIVE"),
    ("NON-REACTIVE", "REACTIVE"),
    ("NEGATIVE", "POSITIVE"),
)


@dataclass
class Wording:
    neg: str
    pos: str
    nat_neg: str
    nat_pos: str
    flag: str


def pick_wording(rng: random.Random, upper: bool = False) -> Wording:
    neg, pos = rng.choice(NEG_WORDS_UPPER if upper else NEG_WORDS)
    nat_neg = "NOT DETECTED" if upper else rng.choice(("Not detected", "Not Detected"))
    nat_pos = "DETECTED" if upper else "Detected"
    return Wording(neg, pos, nat_neg, nat_pos, rng.choice(("A", "ABN", "*")))


def sero_row(kind: str, outcome: str, rng: random.Random, wd: Wording) -> LabRow:
    """One serology result. outcome: 'neg', 'pos' or 'tnp' (test not performed)."""
    name = rng.choice(NAMES[kind])
    method = METHODS[kind]
    if outcome == "tnp":
        return LabRow(
            name,
            rng.choice(("TNP", "Test not performed", "CANCELLED")),
            "",
            wd.neg,
            "",
            method,
            "Test not performed: specimen quantity not sufficient (QNS). Please recollect.",
        )
    if kind in NAT:
        if outcome == "neg":
            return LabRow(name, wd.nat_neg, "", f"{wd.nat_neg} (<20 IU/mL)", "IU/mL", method)
        return LabRow(name, f"{wd.nat_pos} 1,240", wd.flag, wd.nat_neg, "IU/mL", method)
    if kind in QUANT_AB:
        if outcome == "pos":
            return LabRow(
                name,
                f"{wd.pos} (>1000 mIU/mL)",
                "",
                ">=10 mIU/mL: immune",
                "mIU/mL",
                method,
                "Anti-HBs >= 10 mIU/mL is consistent with immunity.",
            )
        return LabRow(name, f"{wd.neg} (<3.1 mIU/mL)", "", ">=10 mIU/mL: immune", "mIU/mL", method)
    if kind in ("cmv_igg", "ebv_vca", "vzv", "toxo"):
        if outcome == "pos":
            return LabRow(name, f"{wd.pos} (>180 U/mL)", "", f"{wd.neg} <6.0", "U/mL", method)
        return LabRow(name, f"{wd.neg} (<6.0 U/mL)", "", f"{wd.neg} <6.0", "U/mL", method)
    sco = f"{rng.randint(5, 40) / 100:.2f}"
    if outcome == "neg":
        result = wd.neg if rng.random() < 0.6 else f"{wd.neg} (S/CO {sco})"
        return LabRow(name, result, "", wd.neg, "S/CO" if "S/CO" in result else "", method)
    return LabRow(name, f"{wd.pos} (S/CO 9.84)", wd.flag, wd.neg, "S/CO", method)


INTERPRETATION = {
    "hiv_agab": (
        "No HIV-1 p24 antigen and no HIV-1/HIV-2 antibodies detected.",
        "HIV-1 p24 antigen and/or HIV-1/2 antibodies detected; confirm with differentiation assay.",
    ),
    "hiv_rna": ("HIV-1 RNA not detected.", "HIV-1 RNA detected."),
    "hbsag": (
        "Hepatitis B surface antigen not detected.",
        "Hepatitis B surface antigen detected.",
    ),
    "hbc_total": (
        "No antibody to hepatitis B core antigen detected.",
        "Antibody to hepatitis B core antigen detected, indicating past or current HBV infection. "
        "Correlate with HBsAg and HBV DNA.",
    ),
    "hbc_igm": ("IgM anti-HBc not detected.", "IgM anti-HBc detected."),
    "hbv_dna": ("HBV DNA not detected.", "HBV DNA detected."),
    "hbs_ab": ("Anti-HBs below protective level.", "Anti-HBs at a protective level (immune)."),
    "hcv_ab": ("No antibody to hepatitis C virus detected.", "HCV antibody detected."),
    "hcv_rna": ("HCV RNA not detected.", "HCV RNA detected."),
}


# --- rendering -------------------------------------------------------------------------


def render_lab(
    w: Writer,
    case: Case,
    rep: LabReport,
    family: str,
    rng: random.Random,
    *,
    kinds: list[str] | None = None,
) -> None:
    {
        "reference": _reference,
        "lis": _lis,
        "community": _community,
        "idm": _idm,
    }[family](w, case, rep, rng, kinds or [])


def _reference(w: Writer, case: Case, rep: LabReport, rng: random.Random, kinds: list[str]) -> None:
    p = case.patient
    ds = rng.choice(("mdy", "iso"))
    ct, rt, pt, prt = rep.times
    coll_label = rng.choice(("Collected", "Collection Date/Time", "Specimen collected"))
    w.begin(
        family="Helvetica",
        running=running_header(case, "bar", ds),
        footer=footer(
            "of",
            left=printed("Printed:", rep.printed, "mdy", prt),
            right=f"Accession {rep.accession}  |  {rep.status.title()}",
        ),
    )
    letterhead(w, rep.lab, "banner", NAVY)
    w.line(rep.title.upper(), size=12, style="B")
    w.line(f"Report status: {rep.status}", size=8.5, rgb=GREY)
    w.gap(4)
    pairs = patient_pairs(case, rng, ds)
    pairs.append(("Age:", f"{(rep.collected - p.dob).days // 365} years"))
    pairs.append(("Ordering:", rep.ordering.full))
    w.kv_columns(split_pairs(pairs), label_w=70, size=8.5, box=True)
    w.table(
        ("Accession", coll_label, "Received", "Reported", "Specimen"),
        [
            (
                rep.accession,
                f"{fmt(rep.collected, ds)} {fmt_time(ct)}",
                f"{fmt(rep.received, ds)} {fmt_time(rt)}",
                f"{fmt(rep.reported, ds)} {fmt_time(pt)}",
                rep.specimen,
            )
        ],
        widths=(1.1, 1.3, 1.1, 1.1, 0.9),
        size=8,
        borders="ALL",
        after=10,
    )
    w.line(rep.order, size=9.5, style="B", rgb=NAVY)
    rows = [(r.test, r.result, r.flag, r.ref, r.units) for r in rep.rows]
    w.table(
        ("Test", "Result", "Flag", "Reference Range", "Units"),
        rows,
        widths=(2.4, 1.7, 0.45, 1.5, 0.7),
        size=8.5,
        borders="HORIZONTAL_LINES",
        bold_cols=(1,),
    )
    notes = [f"{r.test}: {r.note}" for r in rep.rows if r.note] + rep.comments
    if notes:
        w.heading("Comments", size=9, before=2)
        for n in notes:
            w.para(n, size=8.5, after=2)
    w.gap(6)
    lab_ids = "   ".join(f"{k}: {v}" for k, v in rep.lab.ids)
    w.para(
        f"Performing laboratory: {rep.lab.name}, {rep.lab.street}, {rep.lab.city}. {lab_ids}",
        size=7.5,
        rgb=GREY,
    )
    w.end()


def _lis(w: Writer, case: Case, rep: LabReport, rng: random.Random, kinds: list[str]) -> None:
    p = case.patient
    ct, rt, pt, prt = rep.times
    coll_label = rng.choice(("COLL DATE", "COLL DT/TM", "COLLECTED"))
    w.begin(
        family="Courier",
        running=running_header(case, "courier", "mdy"),
        footer=footer(
            "OF",
            left=f"RPT PRINTED {fmt(rep.printed, 'mdy_short')} {fmt_time(prt, '24c')} BY HIMREQ",
            right=f"ACC {rep.accession}",
            family="Courier",
        ),
    )
    letterhead(w, rep.lab, "courier")
    c = "Courier"
    w.line("CUMULATIVE RESULTS REPORT - " + rep.title.upper(), size=9.5, style="B", family=c)
    w.gap(2)
    lines = [
        f"PATIENT: {p.last_first:<32} MRN: {p.mrn}",
        f"DOB: {fmt(p.dob, 'mdy')}   AGE/SEX: {(rep.collected - p.dob).days // 365}Y/{p.sex}"
        f"     ACCT#: 7{p.mrn[-7:]}",
        f"MEMBER ID: {p.member_id:<22} LOC: {case.facility.short[:18]}",
        f"ORDERING: {rep.ordering.last.upper()}, {rep.ordering.first.upper()} {rep.ordering.creds}",
    ]
    for s in lines:
        w.line(s, size=8.5, family=c, h=11)
    w.line("-" * 84, size=8.5, family=c, h=10)
    w.line(
        f"ACCESSION: {rep.accession}   {coll_label}: {fmt(rep.collected, 'mdy_short')} "
        f"{fmt_time(ct, '24c')}   RECV: {fmt(rep.received, 'mdy_short')} {fmt_time(rt, '24c')}",
        size=8.5,
        family=c,
        h=11,
    )
    w.line(f"ORDER: {rep.order.upper()}    SPECIMEN: {rep.specimen.upper()}", size=8.5, family=c)
    w.line("-" * 84, size=8.5, family=c, h=10)
    head = f"{'TEST':<37}{'RESULT':<23}{'FLAG':<5}{'REF RANGE':<15}{'COLL DT':<9}"
    w.line(head, size=8, style="B", family=c, h=11)
    for r in rep.rows:
        res = r.result.upper().replace(" (", "(")
        if len(res) > 22:
            res = res.split("(")[0].strip()
        ref = r.ref.upper() if len(r.ref) <= 14 else r.ref.upper().split(" ")[0]
        test = _lis_name(r.test)
        s = f"{test:<37}{res:<23}{r.flag:<5}{ref:<15}{fmt(rep.collected, 'mdy_short'):<9}"
        w.line(s, size=8, family=c, h=11)
        if r.note:
            w.para("  " + r.note.upper(), size=7.5, family=c, h=9.5, after=1)
    w.gap(6)
    for n in rep.comments:
        w.para(n.upper(), size=7.5, family=c, h=9.5, after=2)
    w.line(
        f"*** {rep.status} REPORT ***   VERIFIED: {fmt(rep.reported, 'mdy_short')} "
        f"{fmt_time(pt, '24c')} BY JMR",
        size=8,
        family=c,
    )
    w.line(f"{rep.lab.name.upper()}  {rep.lab.ids[0][0]} {rep.lab.ids[0][1]}", size=7.5, family=c)
    w.end()


def _lis_name(test: str) -> str:
    """LIS test mnemonics are short and upper case."""
    name = (
        test.upper().replace("HEPATITIS", "HEP").replace("ANTIBODY", "AB").replace("ANTIGEN", "AG")
    )
    return name if len(name) <= 36 else name[:36]


def _interp(r: LabRow) -> str:
    low = r.result.lower()
    if low.startswith(("tnp", "test not", "cancel")):
        return "Not performed"
    if r.flag:
        return "Abnormal"
    if low.startswith(("reactive", "positive", "detected")):
        return "Positive"
    return "Negative" if low.startswith(("non", "neg", "not")) else ""


def _community(w: Writer, case: Case, rep: LabReport, rng: random.Random, kinds: list[str]) -> None:
    p = case.patient
    ct, rt, pt, prt = rep.times
    coll_label = rng.choice(("Specimen collected", "Date drawn", "Collection Date"))
    w.begin(
        family="Times",
        running=running_header(case, "plain", "long"),
        footer=footer(
            "of",
            left=f"Report generated {fmt(rep.printed, 'long')} {fmt_time(prt, 'ampm')}",
            right="CONFIDENTIAL PATIENT INFORMATION",
        ),
    )
    letterhead(w, rep.lab, "centered", MAROON)
    w.line(rep.title, size=13, style="B", align="C")
    w.gap(4)
    w.kv(
        [
            ("Patient Name", p.name),
            ("Date of Birth", fmt(p.dob, "long")),
            ("Medical Record #", p.mrn),
            ("Member ID", p.member_id),
            ("Ordering Provider", rep.ordering.full),
        ],
        label_w=120,
        size=10,
    )
    w.rule(weight=0.4, before=4, after=6)
    w.para(
        f"Specimen: {rep.specimen}, venipuncture.  Laboratory number {rep.accession}.",
        size=10,
        after=1,
    )
    w.kv(
        [
            (coll_label + ":", f"{fmt(rep.collected, 'long')} at {fmt_time(ct, 'ampm')}"),
            ("Received in laboratory:", f"{fmt(rep.received, 'long')} at {fmt_time(rt, 'ampm')}"),
            ("Final report:", f"{fmt(rep.reported, 'long')} at {fmt_time(pt, 'ampm')}"),
        ],
        label_w=150,
        size=10,
        label_style="",
    )
    w.rule(weight=0.4, before=4, after=4)
    kind_for = dict(zip((r.test for r in rep.rows), kinds, strict=False))
    for r in rep.rows:
        w.ensure(60)
        w.line(r.test, size=10.5, style="B", h=14)
        w.kv(
            [("Result:", r.result + (f"   ({r.flag})" if r.flag else ""))]
            + ([("Reference:", r.ref)] if r.ref else [])
            + ([("Method:", r.method)] if r.method else []),
            label_w=80,
            size=10,
            label_style="I",
        )
        kind = kind_for.get(r.test)
        text = r.note
        if not text and kind in INTERPRETATION:
            neg, pos = INTERPRETATION[kind]
            positive = r.flag != "" or r.result.lower().startswith(("reactive", "positive", "det"))
            text = pos if positive else neg
        if text:
            w.kv([("Interpretation:", text)], label_w=80, size=10, label_style="I")
        w.gap(5)
    for n in rep.comments:
        w.para(n, size=9.5, style="I", after=2)
    w.gap(4)
    lab_ids = ";  ".join(f"{k} {v}" for k, v in rep.lab.ids)
    w.para(f"Testing performed at {rep.lab.name}. {lab_ids}.", size=8.5, rgb=GREY)
    w.end()


def _idm(w: Writer, case: Case, rep: LabReport, rng: random.Random, kinds: list[str]) -> None:
    p = case.patient
    ct, rt, pt, prt = rep.times
    ds = rng.choice(("dmy_mon", "iso"))
    coll_label = rng.choice(("Date drawn", "Collection Date/Time", "Coll Date"))
    w.begin(
        family="Helvetica",
        running=running_header(case, "bar", ds),
        footer=footer(
            "of",
            left=printed("Report generated", rep.printed, ds, prt),
            right=f"{rep.lab.short} / {rep.accession}",
        ),
    )
    letterhead(w, rep.lab, "right", TEAL)
    w.line(rep.title, size=12.5, style="B", rgb=TEAL)
    w.gap(2)
    w.line(
        f"Patient: {p.last_first}    DOB: {fmt(p.dob, ds)}    Sex: {p.sex}    MRN: {p.mrn}",
        size=9,
    )
    w.line(
        f"Member ID: {p.member_id}    Requesting: {rep.ordering.full}, {case.facility.name}",
        size=9,
    )
    w.gap(3)
    pdf = w.pdf
    pdf.set_fill_color(*LIGHT)
    w.font("", 8.5)
    pdf.cell(
        0,
        14,
        f" Lab No. {rep.accession}     {coll_label}: {fmt(rep.collected, ds)} {fmt_time(ct)}"
        f"     Date received: {fmt(rep.received, ds)}     Date of report: {fmt(rep.reported, ds)}",
        fill=True,
        new_x="LMARGIN",
        new_y="NEXT",
    )
    w.gap(8)
    rows = []
    for r in rep.rows:
        rows.append((r.test, r.method, r.result, _interp(r), r.ref))
    w.table(
        ("Marker", "Method", "Result", "Interp.", "Reference"),
        rows,
        widths=(2.5, 0.7, 1.8, 0.8, 1.4),
        size=8.5,
        borders="SINGLE_TOP_LINE",
        head_fill=None,
        head_rgb=TEAL,
    )
    notes = [f"{r.test}: {r.note}" for r in rep.rows if r.note] + rep.comments
    for n in notes:
        w.para("Note: " + n, size=8.5, after=2)
    w.gap(6)
    w.para(
        "Donor/recipient infectious disease marker testing performed with FDA-licensed assays "
        "where available. Results should be interpreted in the clinical context.",
        size=7.5,
        rgb=GREY,
    )
    w.para(
        f"Authorised by: {rep.lab.ids[-1][1]}  ({rep.lab.ids[-1][0]})",
        size=8,
    )
    w.end()


def lab_for(family: str) -> Org:
    return {
        "reference": LABS["meridian"],
        "lis": LABS["tricounty"],
        "community": LABS["blueheron"],
        "idm": LABS["northgate"],
    }[family]
