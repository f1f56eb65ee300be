"""What a reader of the printed page cannot see is not written: a signature statement that
is invisible, white, tiny, off the page, clipped away, under an opaque box or on a hidden
layer is read by nothing after the page reader. Each beside the honest twin."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fpdf import FPDF
from fpdf.enums import TextMode

from carcheck.extract.pages import read_pages
from carcheck.ingest import FileType, SourceFile
from carcheck.limits import DEFAULT_LIMITS
from tests.pdfs import CREATED

STATEMENT = "Electronically signed by Jane Roe, MD on 10/02/2026"


def _pdf(path: Path, draw: Callable[[FPDF], None]) -> Path:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(CREATED)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(72, 100, "Letter of Medical Necessity")
    pdf.text(72, 130, "Sincerely,")
    draw(pdf)
    pdf.output(str(path))
    return path


def _text(path: Path) -> str:
    source = SourceFile(path, path.name, FileType.PDF, path.stat().st_size)
    return "\n".join(page.text for page in read_pages(source, DEFAULT_LIMITS))


def _honest(pdf: FPDF) -> None:
    pdf.text(72, 160, STATEMENT)


def _invisible_mode(pdf: FPDF) -> None:
    pdf.text_mode = TextMode.INVISIBLE
    pdf.text(72, 160, STATEMENT)
    pdf.text_mode = TextMode.FILL


def _white(pdf: FPDF) -> None:
    pdf.set_text_color(255, 255, 255)
    pdf.text(72, 160, STATEMENT)
    pdf.set_text_color(0, 0, 0)


def _tiny(pdf: FPDF) -> None:
    pdf.set_font_size(0.1)
    pdf.text(72, 160, STATEMENT)
    pdf.set_font_size(11)


def _off_page(pdf: FPDF) -> None:
    pdf.text(72, 900, STATEMENT)  # below a 792 pt page


def _clipped(pdf: FPDF) -> None:
    with pdf.rect_clip(x=72, y=300, w=50, h=20):  # the clip is far from the text
        pdf.text(72, 160, STATEMENT)


def _covered(pdf: FPDF) -> None:
    pdf.text(72, 160, STATEMENT)
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(60, 145, 450, 25, style="F")


HIDDEN = {
    "render-mode-3": _invisible_mode,
    "white-on-white": _white,
    "0.1-pt": _tiny,
    "outside-page": _off_page,
    "clipped": _clipped,
    "under-white-box": _covered,
}


def test_the_honest_statement_is_read(tmp_path: Path) -> None:
    assert STATEMENT in _text(_pdf(tmp_path / "honest.pdf", _honest))


@pytest.mark.parametrize("name", HIDDEN)
def test_a_statement_nobody_can_see_is_not_read(tmp_path: Path, name: str) -> None:
    text = _text(_pdf(tmp_path / f"{name}.pdf", HIDDEN[name]))
    assert "Sincerely," in text  # the visible rest of the page is still read
    assert "Electronically" not in text and "Roe" not in text


HIDDEN_LAYER = b"""%PDF-1.5
1 0 obj << /Type /Catalog /Pages 2 0 R
  /OCProperties << /OCGs [5 0 R] /D << /OFF [5 0 R] >> >> >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R
  /Resources << /Font << /F1 6 0 R >> /Properties << /oc1 5 0 R >> >> >> endobj
5 0 obj << /Type /OCG /Name (Hidden) >> endobj
6 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
"""


def test_a_statement_on_a_hidden_layer_is_not_read(tmp_path: Path) -> None:
    content = (
        b"BT /F1 11 Tf 72 690 Td (Sincerely,) Tj ET\n"
        b"/OC /oc1 BDC BT /F1 11 Tf 72 660 Td (" + STATEMENT.encode() + b") Tj ET EMC\n"
    )
    body = HIDDEN_LAYER + b"4 0 obj << /Length %d >> stream\n" % len(content)
    body += content + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    path = tmp_path / "layer.pdf"
    path.write_bytes(body)
    text = _text(path)
    assert "Sincerely," in text
    assert "Electronically" not in text


# --- marks that are not a signature: visible ink of a signature's size, in its place ------


def _signature_block(pdf: FPDF) -> None:
    pdf.text(72, 400, "Physician signature")
    pdf.line(72, 385, 300, 385)
    pdf.text(72, 415, "Jane Roe, MD")


def _picture(path: Path, colour: tuple[int, int, int, int], size=(240, 60)) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", size, (255, 255, 255, 0))
    if colour[3]:
        ImageDraw.Draw(image).line([(5, 50), (60, 10), (120, 45), (200, 8)], fill=colour, width=4)
    image.save(path)
    return path


def _signatures(path: Path) -> list:
    from carcheck.extract.dates import find_dates
    from carcheck.extract.signatures import find_signatures

    source = SourceFile(path, path.name, FileType.PDF, path.stat().st_size)
    found = []
    for page in read_pages(source, DEFAULT_LIMITS):
        found += find_signatures(page, find_dates(page.lines, page.number))
    return found


def _marked(tmp_path: Path, name: str, mark: Callable[[FPDF], None]) -> Path:
    def draw(pdf: FPDF) -> None:
        _signature_block(pdf)
        mark(pdf)

    return _pdf(tmp_path / f"{name}.pdf", draw)


def test_an_inked_picture_on_the_line_signs(tmp_path: Path) -> None:
    ink = _picture(tmp_path / "ink.png", (10, 20, 120, 255))
    path = _marked(tmp_path, "ink", lambda pdf: pdf.image(str(ink), x=80, y=345, w=160, h=40))
    assert [s.signer for s in _signatures(path)] == ["Jane Roe, MD"]


@pytest.mark.parametrize(
    "name", ["transparent", "white", "stationery", "frame", "dot", "white-stroke"]
)
def test_a_mark_that_is_not_a_signature(tmp_path: Path, name: str) -> None:
    clear = _picture(tmp_path / "clear.png", (0, 0, 0, 0))
    white = _picture(tmp_path / "white.png", (255, 255, 255, 255))
    pale = _picture(tmp_path / "pale.png", (250, 250, 250, 255), size=(612, 792))

    def frame(pdf: FPDF) -> None:
        pdf.rect(62, 330, 260, 100, style="D", round_corners=True, corner_radius=12)

    def dot(pdf: FPDF) -> None:
        pdf.set_fill_color(0, 0, 0)
        pdf.circle(x=150, y=380, radius=0.3, style="F")

    def white_stroke(pdf: FPDF) -> None:
        pdf.set_draw_color(255, 255, 255)
        pdf.set_line_width(2)
        pdf.bezier([(80, 380), (120, 340), (200, 390), (260, 350)])
        pdf.set_draw_color(0, 0, 0)

    marks = {
        "transparent": lambda pdf: pdf.image(str(clear), x=80, y=345, w=160, h=40),
        "white": lambda pdf: pdf.image(str(white), x=80, y=345, w=160, h=40),
        "stationery": lambda pdf: pdf.image(str(pale), x=0, y=0, w=612, h=792),
        "frame": frame,
        "dot": dot,
        "white-stroke": white_stroke,
    }
    assert _signatures(_marked(tmp_path, name, marks[name])) == []
