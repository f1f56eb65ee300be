"""A thin layer over fpdf2: documents inside a file, running headers, footers, fax lines.

Footers ("Page 1 of 2") and fax header lines are drawn after a document (or the whole
file) is laid out, by going back to its pages, so that page counts are known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

PAGE_W = 612.0
PAGE_H = 792.0
FIXED_CREATION = dt.datetime(2026, 10, 15, 9, 0, 0, tzinfo=dt.UTC)

NAVY = (24, 45, 89)
TEAL = (0, 92, 99)
MAROON = (110, 24, 38)
GREEN = (30, 80, 50)
GREY = (90, 90, 90)
LIGHT = (232, 236, 240)
BLACK = (0, 0, 0)


class _PDF(FPDF):
    def __init__(self, writer: Writer) -> None:
        super().__init__(orientation="P", unit="pt", format="letter")
        self._writer = writer

    def header(self) -> None:  # called by fpdf2 at every add_page
        self._writer._page_started()


@dataclass
class _Frame:
    first_page: int
    running: Callable[[Writer], None] | None
    footer: Callable[[Writer, int, int], None] | None
    pages: list[int] = field(default_factory=list)


class Writer:
    """One output PDF file, holding one or more documents."""

    def __init__(self, *, title: str | None = None, creator: str | None = None) -> None:
        pdf = _PDF(self)
        pdf.set_creation_date(FIXED_CREATION)
        pdf.set_creator(creator or "carcheck sample generator")
        pdf.set_producer("fpdf2")
        if title:
            pdf.set_title(title)
        pdf.set_margins(54, 48, 54)
        pdf.set_auto_page_break(True, 66)
        pdf.c_margin = 2
        self.pdf = pdf
        self._cur: _Frame | None = None
        self.frames: list[_Frame] = []
        self.family = "Helvetica"

    # --- documents and pages ------------------------------------------------

    def begin(
        self,
        *,
        family: str = "Helvetica",
        running: Callable[[Writer], None] | None = None,
        footer: Callable[[Writer, int, int], None] | None = None,
        margins: tuple[float, float, float] = (54, 48, 54),
        bottom: float = 66,
    ) -> None:
        """Start a new document on a new page."""
        assert self._cur is None, "previous document not ended"
        self.family = family
        left, top, right = margins
        self.pdf.set_margins(left, top, right)
        self.pdf.set_auto_page_break(True, bottom)
        self._cur = _Frame(self.pdf.pages_count + 1, running, footer)
        self.pdf.add_page()
        self.font(size=10)

    def new_page(self) -> None:
        self.pdf.add_page()

    def _page_started(self) -> None:
        cur = self._cur
        if cur is None:
            return
        cur.pages.append(self.pdf.page)
        if self.pdf.page != cur.first_page and cur.running is not None:
            family, style, size = self.pdf.font_family, self.pdf.font_style, self.pdf.font_size_pt
            self.pdf.set_y(self.pdf.t_margin)
            cur.running(self)
            self.pdf.set_font(family, style, size)
            self.text_color(BLACK)

    def end(self) -> None:
        cur = self._cur
        assert cur is not None
        if cur.footer is not None:
            n = len(cur.pages)
            for i, page in enumerate(cur.pages, start=1):
                self._revisit(page, lambda i=i: cur.footer(self, i, n))  # type: ignore[misc]
        self.frames.append(cur)
        self._cur = None

    def _revisit(self, page: int, draw: Callable[[], None]) -> None:
        pdf = self.pdf
        last = pdf.page
        auto, margin = pdf.auto_page_break, pdf.b_margin
        pdf.set_auto_page_break(False)
        pdf.page = page
        # fpdf2 only emits font/colour operators when they change: force them on this page
        pdf.set_font("Courier", "", 3.0)
        pdf.set_draw_color(1, 2, 3)
        pdf.set_draw_color(0)
        pdf.set_line_width(0.3)
        pdf.set_text_color(0)
        draw()
        pdf.page = last
        pdf.set_auto_page_break(auto, margin)

    def stamp_all(self, draw: Callable[[Writer, int, int], None]) -> None:
        """Draw on every page of the file, e.g. a fax header line (page index, page count)."""
        n = self.pdf.pages_count
        for page in range(1, n + 1):
            self._revisit(page, lambda page=page: draw(self, page, n))

    @property
    def pages(self) -> int:
        return self.pdf.pages_count

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.pdf.output(str(path))

    # --- text -------------------------------------------------------------

    def font(self, style: str = "", size: float = 10, family: str | None = None) -> None:
        self.pdf.set_font(family or self.family, style, size)

    def text_color(self, rgb: tuple[int, int, int] = BLACK) -> None:
        self.pdf.set_text_color(*rgb)

    @property
    def y(self) -> float:
        return self.pdf.get_y()

    @property
    def width(self) -> float:
        return self.pdf.epw

    def gap(self, h: float) -> None:
        self.pdf.set_y(self.pdf.get_y() + h)

    def ensure(self, h: float) -> None:
        if self.pdf.get_y() + h > self.pdf.page_break_trigger:
            self.pdf.add_page()

    def line(
        self,
        s: str,
        *,
        size: float = 10,
        style: str = "",
        align: str = "L",
        h: float | None = None,
        family: str | None = None,
        rgb: tuple[int, int, int] = BLACK,
        x: float | None = None,
        w: float = 0,
    ) -> None:
        self.font(style, size, family)
        self.text_color(rgb)
        if x is not None:
            self.pdf.set_x(x)
        self.pdf.cell(w, h or size * 1.3, s, align=align, new_x="LMARGIN", new_y="NEXT")
        self.text_color(BLACK)

    def para(
        self,
        s: str,
        *,
        size: float = 10,
        style: str = "",
        h: float | None = None,
        align: str = "L",
        family: str | None = None,
        indent: float = 0,
        after: float = 4,
        rgb: tuple[int, int, int] = BLACK,
    ) -> None:
        self.font(style, size, family)
        self.text_color(rgb)
        left = self.pdf.l_margin
        self.pdf.set_x(left + indent)
        self.pdf.multi_cell(
            self.pdf.epw - indent, h or size * 1.32, s, align=align, new_x="LMARGIN", new_y="NEXT"
        )
        self.text_color(BLACK)
        self.gap(after)

    def label_para(
        self, label: str, s: str, *, size: float = 10, after: float = 4, family: str | None = None
    ) -> None:
        """'Label: text...' with a bold run-in label, the text wrapping to the margin."""
        pdf = self.pdf
        h = size * 1.32
        pdf.set_x(pdf.l_margin)
        self.font("B", size, family)
        pdf.write(h, label + " ")
        self.font("", size, family)
        pdf.write(h, s)
        pdf.ln(h)
        self.gap(after)

    def bullets(
        self,
        items: Sequence[str],
        *,
        size: float = 10,
        mark: str = "-",
        indent: float = 10,
        after: float = 4,
    ) -> None:
        self.font("", size)
        for item in items:
            self.pdf.set_x(self.pdf.l_margin + indent)
            self.pdf.cell(12, size * 1.32, mark)
            self.pdf.multi_cell(
                self.pdf.epw - indent - 12,
                size * 1.32,
                item,
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
            )
        self.gap(after)

    def kv(
        self,
        pairs: Sequence[tuple[str, str]],
        *,
        label_w: float = 110,
        size: float = 10,
        label_style: str = "B",
        x: float | None = None,
        h: float | None = None,
        family: str | None = None,
    ) -> None:
        pdf = self.pdf
        x0 = pdf.l_margin if x is None else x
        for label, value in pairs:
            pdf.set_x(x0)
            self.font(label_style, size, family)
            pdf.cell(label_w, h or size * 1.35, label)
            self.font("", size, family)
            pdf.multi_cell(
                pdf.w - pdf.r_margin - x0 - label_w,
                h or size * 1.35,
                value,
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
            )

    def kv_columns(
        self,
        columns: Sequence[Sequence[tuple[str, str]]],
        *,
        label_w: float = 80,
        size: float = 9,
        box: bool = False,
        fill: tuple[int, int, int] | None = None,
        pad: float = 5,
        label_style: str = "B",
    ) -> None:
        """Side-by-side blocks of label/value pairs, optionally boxed."""
        pdf = self.pdf
        rows = max(len(c) for c in columns)
        lh = size * 1.4
        height = rows * lh + 2 * pad
        self.ensure(height + 4)
        top = pdf.get_y()
        left = pdf.l_margin
        col_w = pdf.epw / len(columns)
        if box or fill:
            if fill:
                pdf.set_fill_color(*fill)
            pdf.set_line_width(0.6)
            pdf.rect(
                left, top, pdf.epw, height, style="DF" if fill and box else "F" if fill else "D"
            )
        for ci, col in enumerate(columns):
            x = left + ci * col_w + pad
            for ri, (label, value) in enumerate(col):
                pdf.set_xy(x, top + pad + ri * lh)
                self.font(label_style, size)
                pdf.cell(label_w, lh, label)
                self.font("", size)
                value_w = col_w - label_w - 2 * pad
                while pdf.get_string_width(value) > value_w and pdf.font_size_pt > 6:
                    pdf.set_font_size(pdf.font_size_pt - 0.5)
                pdf.cell(value_w, lh, value)
        pdf.set_xy(left, top + height)
        self.gap(6)

    def rule(
        self,
        *,
        weight: float = 0.6,
        rgb: tuple[int, int, int] = BLACK,
        before: float = 2,
        after: float = 6,
    ) -> None:
        pdf = self.pdf
        self.gap(before)
        pdf.set_draw_color(*rgb)
        pdf.set_line_width(weight)
        y = pdf.get_y()
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.set_draw_color(0)
        self.gap(after)

    def heading(
        self,
        s: str,
        *,
        kind: str = "bold",
        size: float = 10.5,
        rgb: tuple[int, int, int] = BLACK,
        before: float = 4,
        after: float = 2,
    ) -> None:
        pdf = self.pdf
        self.ensure(size * 4)
        self.gap(before)
        if kind == "band":
            pdf.set_fill_color(*LIGHT)
            self.font("B", size)
            self.text_color(rgb)
            pdf.cell(0, size * 1.6, " " + s, fill=True, new_x="LMARGIN", new_y="NEXT")
        elif kind == "underline":
            self.font("BU", size)
            self.text_color(rgb)
            pdf.cell(0, size * 1.5, s, new_x="LMARGIN", new_y="NEXT")
        elif kind == "rule":
            self.font("B", size)
            self.text_color(rgb)
            pdf.cell(0, size * 1.4, s, new_x="LMARGIN", new_y="NEXT")
            pdf.set_draw_color(*rgb)
            pdf.set_line_width(0.5)
            y = pdf.get_y()
            pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
            pdf.set_draw_color(0)
            self.gap(2)
        else:
            self.font("B", size)
            self.text_color(rgb)
            pdf.cell(0, size * 1.5, s, new_x="LMARGIN", new_y="NEXT")
        self.text_color(BLACK)
        self.gap(after)

    def table(
        self,
        headers: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        *,
        widths: Sequence[float],
        size: float = 9,
        borders: str = "ALL",
        head_fill: tuple[int, int, int] | None = LIGHT,
        head_rgb: tuple[int, int, int] = BLACK,
        align: str = "LEFT",
        bold_cols: Sequence[int] = (),
        line_height: float | None = None,
        after: float = 6,
    ) -> None:
        pdf = self.pdf
        pdf.set_fill_color(0)  # the default: fpdf2 tables would otherwise fill every cell
        self.text_color(BLACK)
        self.font("", size)
        lh = line_height or size * 1.35
        self.ensure(lh * 3)
        style = FontFace(emphasis="BOLD", fill_color=head_fill, color=head_rgb)
        data = ([list(headers)] if headers else []) + [list(r) for r in rows]
        with pdf.table(
            col_widths=tuple(widths),
            borders_layout=borders,
            headings_style=style,
            first_row_as_headings=headers is not None,
            line_height=lh,
            text_align=align,
            padding=(1.5, 3, 1.5, 3),
            width=pdf.epw,
        ) as t:
            for ri, r in enumerate(data):
                row = t.row()
                for ci, c in enumerate(r):
                    if ci in bold_cols and (ri > 0 or headers is None):
                        row.cell(c, style=FontFace(emphasis="BOLD"))
                    else:
                        row.cell(c)
        self.gap(after)

    def checkbox(self, checked: bool, label: str, *, size: float = 9.5, w: float = 0) -> None:
        """'[X] label' as text, the way many forms print."""
        self.font("", size)
        self.pdf.cell(w, size * 1.4, f"[{'X' if checked else ' '}] {label}")

    def signature_line(self, *, width: float = 200, kind: str = "underscore") -> None:
        """An empty line to sign on (drawn or typed underscores)."""
        pdf = self.pdf
        self.gap(22)
        if kind == "underscore":
            self.font("", 10)
            pdf.cell(0, 12, "_" * int(width / 5.6), new_x="LMARGIN", new_y="NEXT")
        else:
            y = pdf.get_y() + 10
            pdf.set_line_width(0.7)
            pdf.line(pdf.l_margin, y, pdf.l_margin + width, y)
            pdf.set_y(y + 2)


# --- letterheads -------------------------------------------------------------


def letterhead(w: Writer, org, style: str, accent: tuple[int, int, int] = NAVY) -> None:  # noqa: ANN001
    """Organisation name (bigger, bold), address, phone/fax, in one of several layouts."""
    pdf = w.pdf
    addr = f"{org.street}, {org.city}"
    tel = f"Phone {org.phone}  |  Fax {org.fax}"
    if style == "centered":
        w.line(org.name, size=15, style="B", align="C", rgb=accent)
        if org.dept:
            w.line(org.dept, size=10, style="I", align="C")
        w.line(addr, size=8.5, align="C", rgb=GREY)
        w.line(tel + (f"  |  {org.web}" if org.web else ""), size=8.5, align="C", rgb=GREY)
        w.rule(weight=1.2, rgb=accent, before=3, after=10)
    elif style == "logo":
        top = pdf.get_y()
        pdf.set_fill_color(*accent)
        pdf.rect(pdf.l_margin, top, 42, 42, style="F")
        w.font("B", 15)
        w.text_color((255, 255, 255))
        pdf.set_xy(pdf.l_margin, top + 13)
        pdf.cell(42, 16, org.initials, align="C")
        x = pdf.l_margin + 52
        pdf.set_xy(x, top + 1)
        w.font("B", 14)
        w.text_color(accent)
        pdf.cell(260, 17, org.name)
        pdf.set_xy(x, top + 19)
        w.font("", 9)
        w.text_color(GREY)
        pdf.cell(260, 11, org.dept or "")
        pdf.set_xy(x, top + 30)
        pdf.cell(260, 11, "")
        right = pdf.w - pdf.r_margin - 170
        for i, s in enumerate((org.street, org.city, f"Tel {org.phone}", f"Fax {org.fax}")):
            pdf.set_xy(right, top + i * 10.5)
            w.font("", 8)
            pdf.cell(170, 10.5, s, align="R")
        w.text_color(BLACK)
        pdf.set_xy(pdf.l_margin, top + 46)
        w.rule(weight=2.0, rgb=accent, before=0, after=12)
    elif style == "banner":
        top = pdf.get_y()
        pdf.set_fill_color(*accent)
        pdf.rect(0, top - 6, pdf.w, 34, style="F")
        pdf.set_xy(pdf.l_margin, top)
        w.font("B", 16)
        w.text_color((255, 255, 255))
        pdf.cell(0, 22, org.name.upper())
        pdf.set_xy(pdf.l_margin, top + 32)
        w.text_color(GREY)
        w.font("", 8.5)
        parts = [p for p in (org.dept, addr, f"T {org.phone}", f"F {org.fax}") if p]
        pdf.cell(0, 12, "   ".join(parts), new_x="LMARGIN", new_y="NEXT")
        w.text_color(BLACK)
        w.gap(10)
    elif style == "right":
        top = pdf.get_y()
        w.font("B", 13)
        w.text_color(accent)
        pdf.set_xy(pdf.l_margin, top)
        pdf.cell(0, 16, org.name, align="R", new_x="LMARGIN", new_y="NEXT")
        w.text_color(BLACK)
        for s in (org.dept, org.street, org.city, f"P: {org.phone}   F: {org.fax}"):
            if s:
                w.line(s, size=8.5, align="R", h=11)
        w.rule(weight=0.4, rgb=GREY, before=4, after=10)
    elif style == "courier":
        w.line(org.name.upper(), size=11, style="B", family="Courier", h=13)
        for s in (org.dept, org.street, org.city, f"TEL {org.phone}   FAX {org.fax}"):
            if s:
                w.line(s.upper(), size=8.5, family="Courier", h=10.5)
        w.line("=" * 84, size=8.5, family="Courier", h=10)
        w.gap(4)
    else:
        raise ValueError(style)
