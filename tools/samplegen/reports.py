"""Clinical reports (pathology, imaging, flow, FISH, echo, PFT, ECG) in three layout families.

academic  -- Helvetica, square logo letterhead, boxed header grid, shaded section bands
ehr       -- hospital system printout in Courier, upper-case labels, plain columns
community -- Times, centred letterhead, run-in labels, underlined headings
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from .cast import Case, Org
from .common import DOB_LABELS, MEMBER_LABELS, footer, running_header
from .dates import fmt
from .writer import GREEN, MAROON, NAVY, TEAL, Writer, letterhead

REPORT_FAMILIES = ("academic", "ehr", "community")
DATE_STYLE = {"academic": "mdy", "ehr": "mdy_short", "community": "long"}
ACCENTS = (NAVY, TEAL, MAROON, GREEN)


@dataclass
class Report:
    org: Org
    title: str
    header: list[tuple[str, str]]  # dates already formatted in the family's style
    blocks: list[tuple[Any, ...]]
    sign: list[str] = field(default_factory=list)
    footer_left: str = ""
    subtitle: str = ""


def render_report(w: Writer, case: Case, rep: Report, family: str, rng: random.Random) -> None:
    p = case.patient
    ds = DATE_STYLE[family]
    accent = rng.choice(ACCENTS)
    dob_label = rng.choice(DOB_LABELS)
    member_label = rng.choice(MEMBER_LABELS)
    if family == "academic":
        w.begin(
            family="Helvetica",
            running=running_header(case, "bar", ds),
            footer=footer("of", left=rep.footer_left, right="Confidential - contains PHI"),
        )
        letterhead(w, rep.org, "logo", accent)
        w.line(rep.title.upper(), size=12.5, style="B", rgb=accent)
        if rep.subtitle:
            w.line(rep.subtitle, size=9, style="I")
        w.gap(4)
        left = [
            ("Patient:", p.last_first),
            (dob_label + ":", fmt(p.dob, ds)),
            ("MRN:", p.mrn),
            (member_label + ":", p.member_id),
        ]
        pairs = left + [(k if k.endswith(":") else k + ":", v) for k, v in rep.header]
        half = (len(pairs) + 1) // 2
        w.kv_columns([pairs[:half], pairs[half:]], label_w=92, size=8.5, box=True)
        for b in rep.blocks:
            _block(w, b, heading="band", borders="ALL", size=9.5)
    elif family == "ehr":
        c = "Courier"
        w.begin(
            family=c,
            running=running_header(case, "courier", ds),
            footer=footer("OF", left=rep.footer_left.upper(), family=c),
        )
        letterhead(w, rep.org, "courier")
        w.line(rep.title.upper(), size=10, style="B", family=c)
        if rep.subtitle:
            w.line(rep.subtitle.upper(), size=8.5, family=c)
        w.gap(3)
        w.line(f"PATIENT: {p.last_first:<30} MRN: {p.mrn}", size=8.5, family=c, h=11)
        w.line(
            f"{dob_label.upper()}: {fmt(p.dob, ds):<12} SEX: {p.sex}   "
            f"{member_label.upper()}: {p.member_id}",
            size=8.5,
            family=c,
            h=11,
        )
        for k, v in rep.header:
            w.line(f"{k.rstrip(':').upper()}: {v}", size=8.5, family=c, h=11)
        w.line("-" * 84, size=8.5, family=c, h=10)
        for b in rep.blocks:
            _block(w, b, heading="caps", borders="NONE", size=8.5)
    else:
        w.begin(
            family="Times",
            running=running_header(case, "plain", ds),
            footer=footer("of", left=rep.footer_left),
        )
        letterhead(w, rep.org, "centered", accent)
        w.line(rep.title, size=13, style="B", align="C")
        if rep.subtitle:
            w.line(rep.subtitle, size=10, style="I", align="C")
        w.gap(4)
        w.line(
            f"Patient: {p.name}     {dob_label}: {fmt(p.dob, ds)}     MRN: {p.mrn}",
            size=10,
        )
        w.line(f"{member_label}: {p.member_id}", size=10)
        w.kv([(k if k.endswith(":") else k + ":", v) for k, v in rep.header], label_w=150, size=10)
        w.rule(weight=0.5, before=4, after=4)
        for b in rep.blocks:
            _block(w, b, heading="underline", borders="HORIZONTAL_LINES", size=10.5)
    if rep.sign:
        w.gap(8)
        w.ensure(14 * len(rep.sign))
        for s in rep.sign:
            w.line(s, size=9 if family != "community" else 10, style="I" if family != "ehr" else "")
    w.end()


def _block(w: Writer, b: tuple[Any, ...], *, heading: str, borders: str, size: float) -> None:
    kind = b[0]
    courier = w.family == "Courier"
    if kind == "h":
        if heading == "caps":
            w.gap(4)
            w.ensure(40)
            w.line(b[1].upper() + ":", size=size, style="B", h=size * 1.4)
        else:
            w.heading(b[1], kind=heading, size=size)
    elif kind == "p":
        w.para(b[1], size=size, after=4)
    elif kind == "caps":  # diagnosis lines, printed in capitals by most pathology systems
        for s in b[1]:
            w.para(s, size=size, style="" if courier else "B", after=1, indent=8)
        w.gap(4)
    elif kind == "kv":
        w.kv(b[1], label_w=b[2] if len(b) > 2 else 130, size=size)
        w.gap(3)
    elif kind == "bullets":
        w.bullets(b[1], size=size)
    elif kind == "table":
        _, headers, rows, widths = b
        w.table(
            headers,
            rows,
            widths=widths,
            size=size - 1,
            borders=borders,
            head_fill=None if courier else (232, 236, 240),
        )
    elif kind == "gap":
        w.gap(b[1])
    else:
        raise ValueError(kind)


__all__ = ["REPORT_FAMILIES", "DATE_STYLE", "Report", "render_report"]
