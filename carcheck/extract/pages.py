"""The one page-reading interface: a packet file in, `Page`s (words with positions, marks) out.

Every later stage sees only `Page`; where a page's words come from (pdfplumber's text
layer today; OCR or a faster text layer later) stays behind `read_pages`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pdfplumber
from pdfplumber.utils.exceptions import PdfminerException

from carcheck.errors import ReadError
from carcheck.ingest import FileType, SourceFile
from carcheck.model import Box, Geometry, Page, TextLine, Word

# Words whose tops differ by less than this share a line (points).
LINE_TOLERANCE = 3.0
# A horizontal segment at least this long may be a signature line or a table rule.
MIN_RULE_LENGTH = 40.0


def read_pages(source: SourceFile) -> Iterator[Page]:
    """Pages of one packet file, in order. Raises ReadError when the file cannot be read."""
    if source.type is not FileType.PDF:
        raise ReadError(
            f"{source.type.value.upper()} image: scanned images are not read yet "
            "(OCR support is not installed in this version)"
        )
    yield from _read_pdf(source)


def _read_pdf(source: SourceFile) -> Iterator[Page]:
    try:
        pdf = pdfplumber.open(source.path, password="")
    except PdfminerException as exc:
        raise ReadError(_pdf_message(exc)) from None
    except Exception as exc:  # pdfminer raises many types on damaged files
        raise ReadError(_pdf_message(exc)) from None
    try:
        try:
            count = len(pdf.pages)
        except Exception as exc:
            raise ReadError(_pdf_message(exc)) from None
        if count == 0:
            raise ReadError("the PDF has no pages")
        for index in range(count):
            try:
                plumber_page = pdf.pages[index]
            except Exception as exc:
                raise ReadError(f"page {index + 1}: {_pdf_message(exc)}") from None
            try:
                page = _page(plumber_page, index + 1)
            except Exception as exc:
                raise ReadError(f"page {index + 1}: {_pdf_message(exc)}") from None
            finally:
                # pdfplumber caches every object of a page until the page is closed.
                plumber_page.close()
            yield page
    finally:
        _close(pdf)


def _close(pdf: Any) -> None:
    try:
        pdf.close()
    except Exception:  # closing a damaged file can fail the way opening it did
        pass


def _page(page: Any, number: int) -> Page:
    words = page.extract_words(extra_attrs=["size"], use_text_flow=False)
    return Page(
        number=number,
        width=float(page.width),
        height=float(page.height),
        lines=group_lines(
            Word(
                text=w["text"],
                x0=float(w["x0"]),
                top=float(w["top"]),
                x1=float(w["x1"]),
                bottom=float(w["bottom"]),
                size=float(w.get("size") or 0.0),
            )
            for w in words
            if w["text"].strip()
        ),
        geometry=_geometry(page),
    )


def group_lines(words: Any) -> tuple[TextLine, ...]:
    """Words in reading order, grouped into lines by their tops."""
    ordered = sorted(words, key=lambda w: (round(w.top, 1), w.x0))
    lines: list[list[Word]] = []
    for word in ordered:
        if lines and abs(word.top - lines[-1][0].top) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return tuple(TextLine(tuple(sorted(line, key=lambda w: w.x0))) for line in lines)


def _geometry(page: Any) -> Geometry:
    rules: list[Box] = []
    strokes: list[Box] = []
    for seg in page.lines:
        box = _box(seg)
        if abs(seg["top"] - seg["bottom"]) < 1.5:
            if box.x1 - box.x0 >= MIN_RULE_LENGTH:
                rules.append(box)
        else:
            strokes.append(box)
    for rect in page.rects:
        if rect["height"] < 2 and rect["width"] >= MIN_RULE_LENGTH:
            rules.append(_box(rect))
    strokes.extend(_box(c) for c in page.curves)
    images = [_box(i) for i in page.images]
    return Geometry(rules=tuple(rules), images=tuple(images), strokes=tuple(strokes))


def _box(obj: dict[str, Any]) -> Box:
    return Box(float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]))


def _pdf_message(exc: BaseException) -> str:
    """A plain message for a PDF that cannot be read; never the file's text."""
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    name = type(inner).__name__
    if name == "PDFPasswordIncorrect":
        return "encrypted PDF: it needs a password to open (send it without a password)"
    if name == "PDFEncryptionError":
        return "encrypted PDF with an encryption carcheck cannot open (send an unencrypted copy)"
    if name in ("PDFSyntaxError", "PSEOF", "PDFNoValidXRef", "PSSyntaxError"):
        return "damaged or truncated PDF (its structure cannot be read)"
    if isinstance(inner, RecursionError):
        return "PDF too complex (its object tree is nested too deeply or loops)"
    if isinstance(inner, MemoryError):
        return "PDF too large to read within the memory limit"
    return "damaged PDF (it cannot be read)"
