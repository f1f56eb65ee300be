"""Pieces shared by the document families: patient blocks, footers, running headers."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence

from .cast import Case
from .dates import age_on, fmt, fmt_time
from .writer import GREY, Writer

DOB_LABELS = ("DOB", "Date of Birth", "Birth Date", "D.O.B.")
MEMBER_LABELS = ("Member ID", "Subscriber ID", "Member #", "Insurance ID")


def running_header(case: Case, style: str, dob_style: str = "mdy") -> Callable[[Writer], None]:
    """Patient line repeated at the top of continuation pages (with DOB, as real ones do)."""
    p = case.patient

    def draw(w: Writer) -> None:
        if style == "courier":
            w.line(
                f"PATIENT: {p.last_first}   DOB: {fmt(p.dob, dob_style)}   MRN: {p.mrn}",
                size=8.5,
                family="Courier",
            )
            w.line("-" * 84, size=8.5, family="Courier", h=9)
        elif style == "bar":
            w.line(
                f"{p.name}  |  DOB {fmt(p.dob, dob_style)}  |  MRN {p.mrn}  |  "
                f"Member ID {p.member_id}",
                size=8,
                rgb=GREY,
            )
            w.rule(weight=0.4, rgb=GREY, before=0, after=8)
        else:
            w.line(
                f"Re: {p.name} (DOB {fmt(p.dob, dob_style)})",
                size=9,
                style="I",
            )
            w.line("Continued", size=8, rgb=GREY)
            w.gap(6)
        w.font(size=10)

    return draw


def footer(
    kind: str,
    *,
    left: str = "",
    right: str = "",
    family: str | None = None,
    size: float = 7.5,
) -> Callable[[Writer, int, int], None]:
    """Page footers: kind 'of' -> 'Page 1 of 2', 'dash' -> '- 1 -', 'slash' -> '1/2'."""

    def draw(w: Writer, i: int, n: int) -> None:
        pdf = w.pdf
        fam = family or w.family
        y = pdf.h - 40
        pdf.set_font(fam, "", size)
        pdf.set_text_color(*GREY)
        if kind == "of":
            mid = f"Page {i} of {n}"
        elif kind == "OF":
            mid = f"PAGE {i} OF {n}"
        elif kind == "dash":
            mid = f"- {i} -"
        else:
            mid = f"{i}/{n}"
        width = pdf.w - pdf.l_margin - pdf.r_margin
        if left:
            pdf.set_xy(pdf.l_margin, y)
            pdf.cell(width, 9, left, align="L")
        if right:
            pdf.set_xy(pdf.l_margin, y)
            pdf.cell(width, 9, right, align="R")
        if left and right:
            pdf.set_xy(pdf.l_margin, y + 10)
        else:
            pdf.set_xy(pdf.l_margin, y)
        pdf.cell(width, 9, mid, align="C")
        pdf.set_text_color(0)

    return draw


def printed(label: str, d: dt.date, style: str, minutes: int, tstyle: str = "24") -> str:
    return f"{label} {fmt(d, style)} {fmt_time(minutes, tstyle)}"


def patient_pairs(
    case: Case, rng: random.Random, dob_style: str, *, with_member: bool = True
) -> list[tuple[str, str]]:
    p = case.patient
    pairs = [
        ("Patient:", p.last_first if rng.random() < 0.5 else p.name),
        (rng.choice(DOB_LABELS) + ":", fmt(p.dob, dob_style)),
        ("Sex:", "Male" if p.sex == "M" else "Female"),
        ("MRN:", p.mrn),
    ]
    if with_member:
        pairs.append((rng.choice(MEMBER_LABELS) + ":", p.member_id))
    return pairs


def age_sex(case: Case, on: dt.date) -> str:
    return f"{age_on(case.patient.dob, on)}Y/{case.patient.sex}"


def split_pairs(pairs: Sequence[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    half = (len(pairs) + 1) // 2
    return [list(pairs[:half]), list(pairs[half:])]


def fax_line(
    style: str, when: dt.date, minutes: int, sender_fax: str, sender: str
) -> Callable[[Writer, int, int], None]:
    """The line a fax machine prints across the top of every page it sends."""
    digits = "".join(c for c in sender_fax if c.isdigit())

    def draw(w: Writer, page: int, total: int) -> None:
        pdf = w.pdf
        pdf.set_font("Courier", "", 7.5)
        pdf.set_text_color(40, 40, 40)
        if style == "a":
            s = (
                f"{fmt(when, 'mdy')} {fmt_time(minutes)}   FAX {digits:<12} {sender:<24}"
                f"P.{page:03d}/{total:03d}"
            )
        elif style == "b":
            s = (
                f"{when:%b} {when.day:02d} {when.year} {fmt_time(minutes, 'ampm')}  "
                f"{sender}  {sender_fax}   page {page} of {total}"
            )
        else:
            s = (
                f"FROM: {sender} ({digits})   TO: 18005550199   "
                f"{fmt(when, 'mdy_short')} {fmt_time(minutes)}   #{page:02d}/{total:02d}"
            )
        pdf.set_xy(18, 10)
        pdf.cell(pdf.w - 36, 9, s, align="L")
        pdf.set_text_color(0)

    return draw
