"""Rendering documents into files and packets, with fax stamps and file names."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import clinical
from .admin import COVER_FAMILIES, FORM_FAMILIES, render_cover, render_pa_form
from .cast import Case
from .common import fax_line
from .facility import ATC_FAMILIES, render_atc
from .labs import LAB_FAMILIES, LabReport, LabRow, lab_for, pick_wording, render_lab, sero_row
from .letters import LETTER_FAMILIES, LetterOpts, render_letter
from .psych import PSYCH_FAMILIES, render_psych
from .reports import REPORT_FAMILIES, render_report
from .writer import Writer

FAMILIES: dict[str, tuple[str, ...]] = {
    "letter": LETTER_FAMILIES,
    "atc": ATC_FAMILIES,
    "serology": LAB_FAMILIES,
    "cbc": LAB_FAMILIES,
    "spep": LAB_FAMILIES,
    "bm_path": REPORT_FAMILIES,
    "pet": REPORT_FAMILIES,
    "flow": REPORT_FAMILIES,
    "fish": REPORT_FAMILIES,
    "ln_path": REPORT_FAMILIES,
    "echo": REPORT_FAMILIES,
    "pft": REPORT_FAMILIES,
    "ecg": REPORT_FAMILIES,
    "psych": PSYCH_FAMILIES,
    "cover": COVER_FAMILIES,
    "pa_form": FORM_FAMILIES,
}


@dataclass
class Doc:
    kind: str
    args: dict[str, Any] = field(default_factory=dict)
    family: str = ""
    key: str = ""  # distinguishes two documents of one kind in a packet


@dataclass
class OutFile:
    name: str
    docs: list[Doc]


@dataclass
class Fax:
    style: str
    when: dt.date
    minutes: int


class Picker:
    """Cycles through each document type's families in a seeded order."""

    def __init__(self, seed: str) -> None:
        self._rng = random.Random(seed)
        self._state: dict[str, tuple[list[str], int]] = {}

    def pick(self, kind: str, avoid: tuple[str, ...] | set[str] = ()) -> str:
        if kind not in self._state:
            order = list(FAMILIES[kind])
            self._rng.shuffle(order)
            self._state[kind] = (order, 0)
        order, i = self._state[kind]
        for k in range(len(order)):
            fam = order[(i + k) % len(order)]
            if fam not in avoid:
                self._state[kind] = (order, i + k + 1)
                return fam
        raise ValueError(f"no family left for {kind}")


# --- rendering one document ---------------------------------------------------------

SERO_TITLES = {
    "reference": ("Infectious Disease Serology", "Hepatitis Panel; HIV Screen"),
    "lis": ("Hepatitis/HIV Serology", "HEP B/C + HIV SCREEN"),
    "community": ("Infectious Disease Serology Report", "Pre-treatment viral screening"),
    "idm": ("Infectious Disease Markers - Cellular Therapy Recipient", "IDM panel"),
}

IDM_EXTRAS = [("cmv_igg", "pos"), ("ebv_vca", "pos"), ("htlv", "neg"), ("rpr", "neg")]


def _lab(case: Case, doc: Doc, rng: random.Random) -> tuple[LabReport, list[str]]:
    a = doc.args
    fam = doc.family
    collected: dt.date = a["collected"]
    received: dt.date = a.get("received", collected)
    reported: dt.date = a.get("reported", collected + dt.timedelta(days=2))
    printed: dt.date = a.get("printed", reported)
    ordering = case.attending
    times = (
        rng.randint(7 * 60, 11 * 60),
        rng.randint(11 * 60, 13 * 60),
        rng.randint(14 * 60, 18 * 60),
        rng.randint(8 * 60, 17 * 60),
    )
    acc_prefix = {"reference": "M", "lis": "", "community": "BH", "idm": "ND"}[fam]
    if fam == "lis":
        accession = (
            f"{collected:%y}-{collected.timetuple().tm_yday:03d}-{rng.randint(100, 9999):05d}"
        )
    else:
        accession = f"{acc_prefix}{collected:%y}{rng.randint(1000000, 9999999)}"
    kinds: list[str] = []
    if doc.kind == "serology":
        wd = pick_wording(rng, upper=fam == "lis")
        pairs = list(a["rows"])
        if fam == "idm" and a.get("extras", True):
            pairs += IDM_EXTRAS
        rows = [sero_row(k, o, rng, wd) for k, o in pairs]
        kinds = [k for k, _ in pairs]
        title, order = SERO_TITLES[fam]
        comments = list(a.get("comments", []))
    elif doc.kind == "cbc":
        title, order = "CBC with Differential; Comprehensive Metabolic Panel", "CBC/DIFF, CMP"
        rows = [
            LabRow("WBC", f"{rng.uniform(3.2, 6.8):.1f}", "", "4.0-11.0", "K/uL"),
            LabRow("Hemoglobin", f"{rng.uniform(9.8, 12.4):.1f}", "L", "13.5-17.5", "g/dL"),
            LabRow("Platelets", f"{rng.randint(118, 210)}", "", "150-400", "K/uL"),
            LabRow("Absolute neutrophils", f"{rng.uniform(1.9, 4.2):.2f}", "", "1.80-7.70", "K/uL"),
            LabRow(
                "Absolute lymphocytes", f"{rng.uniform(0.6, 1.1):.2f}", "L", "1.00-4.80", "K/uL"
            ),
            LabRow("Creatinine", f"{rng.uniform(0.7, 1.1):.2f}", "", "0.60-1.20", "mg/dL"),
            LabRow("eGFR (CKD-EPI 2021)", f"{rng.randint(68, 96)}", "", ">60", "mL/min/1.73m2"),
            LabRow("AST", f"{rng.randint(16, 38)}", "", "10-40", "U/L"),
            LabRow("ALT", f"{rng.randint(12, 44)}", "", "7-56", "U/L"),
            LabRow("Total bilirubin", f"{rng.uniform(0.3, 1.0):.1f}", "", "0.2-1.2", "mg/dL"),
            LabRow("LDH", f"{rng.randint(260, 540)}", "H", "120-246", "U/L"),
        ]
        comments = []
    else:  # spep / free light chains
        title, order = "Myeloma Panel", "SPEP w/ IFE; Serum Free Light Chains"
        rows = [
            LabRow("Total protein", "8.4", "H", "6.0-8.3", "g/dL"),
            LabRow("Albumin", "3.3", "L", "3.5-5.0", "g/dL"),
            LabRow("M-spike (gamma region)", "2.1", "H", "Not observed", "g/dL"),
            LabRow("Immunofixation", "IgG kappa M-protein", "A", "Negative", ""),
            LabRow("Kappa free light chain", "412.0", "H", "3.3-19.4", "mg/L"),
            LabRow("Lambda free light chain", "8.9", "", "5.7-26.3", "mg/L"),
            LabRow("Kappa/Lambda ratio", "46.29", "H", "0.26-1.65", ""),
            LabRow("IgG", "3,480", "H", "700-1600", "mg/dL"),
        ]
        comments = []
    rep = LabReport(
        lab=lab_for(fam),
        title=title,
        order=order,
        collected=collected,
        received=received,
        reported=reported,
        printed=printed,
        accession=accession,
        ordering=ordering,
        rows=rows,
        comments=comments,
        specimen="Serum" if doc.kind != "cbc" else "Whole blood (EDTA), serum",
        times=times,
    )
    return rep, kinds


def render_doc(w: Writer, case: Case, doc: Doc, rng: random.Random, pages: int = 0) -> None:
    a = doc.args
    fam = doc.family
    k = doc.kind
    if k == "letter":
        render_letter(w, case, fam, LetterOpts(**a), rng)
    elif k == "atc":
        render_atc(w, case, fam, rng, **a)
    elif k in ("serology", "cbc", "spep"):
        rep, kinds = _lab(case, doc, rng)
        render_lab(w, case, rep, fam, rng, kinds=kinds)
    elif k == "bm_path":
        render_report(w, case, clinical.bm_path(case, fam, rng, **a), fam, rng)
    elif k == "pet":
        render_report(w, case, clinical.pet_ct(case, fam, rng, **a), fam, rng)
    elif k == "flow":
        render_report(w, case, clinical.flow(case, fam, rng, **a), fam, rng)
    elif k == "fish":
        render_report(w, case, clinical.fish(case, fam, rng, **a), fam, rng)
    elif k == "ln_path":
        render_report(w, case, clinical.ln_path(case, fam, rng, **a), fam, rng)
    elif k == "echo":
        render_report(w, case, clinical.echo(case, fam, rng, **a), fam, rng)
    elif k == "pft":
        render_report(w, case, clinical.pft(case, fam, rng, **a), fam, rng)
    elif k == "ecg":
        render_report(w, case, clinical.ecg(case, fam, rng, **a), fam, rng)
    elif k == "psych":
        render_psych(w, case, fam, rng, **a)
    elif k == "cover":
        render_cover(w, case, fam, rng, pages=pages, **a)
    elif k == "pa_form":
        render_pa_form(w, case, fam, rng, **a)
    else:
        raise ValueError(k)


def render_file(case: Case, f: OutFile, pages: int = 0) -> Writer:
    w = Writer()
    for doc in f.docs:
        rng = random.Random(f"{case.key}/{doc.kind}/{doc.key}")
        render_doc(w, case, doc, rng, pages)
    return w


def write_packet(root: Path, case: Case, files: list[OutFile], fax: Fax | None) -> list[Writer]:
    """Render every file; stamp fax lines numbered across the whole packet; save."""
    writers = []
    for f in files:
        w = render_file(case, f)
        if any(d.kind == "cover" for d in f.docs):
            w = render_file(case, f, pages=w.pages if fax is None else _total(case, files))
        writers.append(w)
    total = sum(w.pages for w in writers)
    offset = 0
    for f, w in zip(files, writers, strict=True):
        if fax is not None:
            draw = fax_line(
                fax.style, fax.when, fax.minutes, case.facility.fax, case.facility.fax_id
            )
            base = offset
            w.stamp_all(lambda w, page, n, base=base, draw=draw: draw(w, base + page, total))
        offset += w.pages
        w.save(root / f.name)
    return writers


def _total(case: Case, files: list[OutFile]) -> int:
    return sum(render_file(case, f).pages for f in files)
