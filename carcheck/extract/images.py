"""Page images for OCR: a scanned PDF page rendered at its scan's own resolution, or a
frame of an image file (TIFF, PNG, JPEG, GIF, BMP), as an upright 8-bit grayscale picture.

Every picture comes with its resolution in pixels per point on each axis, so OCR word
boxes map back to the page's points, and so non-square fax pixels (standard mode,
204 x 98 dpi) can be made square before OCR.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageOps

from carcheck.errors import ReadError
from carcheck.ingest import SourceFile
from carcheck.limits import DEFAULT_LIMITS, Limits
from carcheck.model import Page

POINTS_PER_INCH = 72.0
# OCR reads best at 200-300 dpi: a scan is read at its own resolution within these bounds
# (upscaling a 200-dpi fax loses characters; 600 dpi only costs time).
MIN_DPI = 150.0
MAX_DPI = 300.0
# A page with vector content only (text drawn as outlines) is rendered at this resolution.
VECTOR_DPI = 300.0
# An image file that says nothing of its resolution is taken to be a letter-wide page.
LETTER_WIDTH_INCHES = 8.5


@dataclass(frozen=True, slots=True)
class PageImage:
    """An upright grayscale picture of one page and its scale (pixels per inch)."""

    image: Image.Image  # mode "L"
    dpi: float  # the same on both axes: non-square pixels are made square first


def pdf_page_image(source: SourceFile, index: int, limits: Limits = DEFAULT_LIMITS) -> PageImage:
    """A PDF page rendered by pdfium at the resolution of the scan on it.

    Rendering at the scan's own resolution gives its pixels as they are (as extracting the
    image would) while pdfium applies the page's /Rotate, the image's placement and its
    decode parameters, which a raw image taken out of the file would lack.
    """
    try:
        document = pdfium.PdfDocument(str(source.path), password="")
    except pdfium.PdfiumError:
        raise ReadError("damaged PDF: it cannot be opened for OCR") from None
    try:
        try:
            page = document[index]
        except (pdfium.PdfiumError, IndexError):
            raise ReadError(f"damaged PDF: page {index + 1} cannot be read") from None
        try:
            dpi = _scan_dpi(page)
            width, height = page.get_size()
            pixels = (width * dpi / POINTS_PER_INCH) * (height * dpi / POINTS_PER_INCH)
            if pixels > limits.image_megapixels * 1_000_000:
                raise ReadError(f"too large: page {index + 1} is too large to render for OCR")
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, grayscale=True)
            image = bitmap.to_pil().convert("L")
            bitmap.close()
        finally:
            page.close()
    finally:
        document.close()
    return PageImage(image, dpi)


def _scan_dpi(page: Any) -> float:
    """The resolution of the largest image on the page, within the OCR bounds."""
    width, height = page.get_size()
    best = 0.0
    area = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        try:
            w_px, h_px = obj.get_px_size()
            left, bottom, right, top = obj.get_bounds()
        except pdfium.PdfiumError:
            continue
        box_w, box_h = abs(right - left), abs(top - bottom)
        if box_w * box_h <= area or box_w < 1 or box_h < 1:
            continue
        area = box_w * box_h
        # A quarter-turned image spans the box with its other side.
        a, b, *_ = obj.get_matrix().get()
        if abs(b) > abs(a):
            w_px, h_px = h_px, w_px
        best = max(w_px / box_w, h_px / box_h) * POINTS_PER_INCH
    if area < 0.25 * width * height:
        return VECTOR_DPI
    return min(MAX_DPI, max(MIN_DPI, best))


def image_frames(source: SourceFile, limits: Limits = DEFAULT_LIMITS) -> list[tuple[float, float]]:
    """Each frame's page size in points (the file's pages), checked against the limits."""
    with _open_image(source) as image:
        sizes = []
        for number in range(1, _frame_count(image, limits) + 1):
            _seek(image, number - 1)
            _check_pixels(image, number, limits)
            x_dpi, y_dpi = _dpi(image)
            sizes.append(
                (image.width / x_dpi * POINTS_PER_INCH, image.height / y_dpi * POINTS_PER_INCH)
            )
    return sizes


def image_pages(source: SourceFile, limits: Limits = DEFAULT_LIMITS) -> Iterator[Page]:
    """An image file's pages before OCR: their sizes, no words, every one to be read by OCR."""
    for number, (width, height) in enumerate(image_frames(source, limits), start=1):
        yield Page(number=number, width=width, height=height, lines=(), unread=True)


def frame_image(source: SourceFile, index: int, limits: Limits = DEFAULT_LIMITS) -> PageImage:
    """One frame of an image file, upright, grayscale, with square pixels, at most 300 dpi."""
    with _open_image(source) as image:
        _seek(image, index)
        _check_pixels(image, index + 1, limits)
        x_dpi, y_dpi = _dpi(image)
        try:
            frame = ImageOps.exif_transpose(image) if index == 0 else image.copy()
            if frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info:
                background = Image.new("RGBA", frame.size, "white")
                background.alpha_composite(frame.convert("RGBA"))
                frame = background
            if frame.mode in ("I;16", "I;16B", "I;16L", "I"):
                frame = frame.point(lambda v: v / 256)
            gray = frame.convert("L")
        except (OSError, ValueError, SyntaxError) as exc:
            raise ReadError(f"damaged image: frame {index + 1} cannot be decoded") from exc
    if frame is not image and frame.size != image.size:  # turned by its EXIF orientation
        x_dpi, y_dpi = y_dpi, x_dpi
    dpi = max(x_dpi, y_dpi)
    # Fax standard mode has half the resolution down the page: repeat rows to square pixels.
    if abs(x_dpi - y_dpi) > 1:
        gray = gray.resize(
            (round(gray.width * dpi / x_dpi), round(gray.height * dpi / y_dpi)),
            Image.Resampling.NEAREST,
        )
    if dpi > MAX_DPI:
        scale = MAX_DPI / dpi
        gray = gray.resize(
            (max(1, round(gray.width * scale)), max(1, round(gray.height * scale))),
            Image.Resampling.BOX,
        )
        dpi = MAX_DPI
    return PageImage(gray, dpi)


def _open_image(source: SourceFile) -> Any:
    try:
        image = Image.open(source.path)
    except Image.DecompressionBombError:
        raise ReadError("too large: the image declares an enormous size") from None
    except (OSError, ValueError, SyntaxError):
        raise ReadError(f"damaged {source.type.value.upper()} image: it cannot be read") from None
    return image


def _frame_count(image: Any, limits: Limits) -> int:
    try:
        count = int(getattr(image, "n_frames", 1))
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ReadError("damaged image: its pages cannot be counted") from None
    if count < 1:
        raise ReadError("the image has no pages")
    if count > limits.pages:
        raise ReadError(f"too large: {count} pages (limit {limits.pages})")
    return count


def _seek(image: Any, index: int) -> None:
    try:
        image.seek(index)
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ReadError(f"damaged image: page {index + 1} cannot be read") from None


def _check_pixels(image: Any, number: int, limits: Limits) -> None:
    megapixels = image.width * image.height / 1_000_000
    if megapixels > limits.image_megapixels:
        raise ReadError(
            f"too large: page {number} is an image of {megapixels:.0f} megapixels "
            f"(limit {limits.image_megapixels})"
        )


def _dpi(image: Any) -> tuple[float, float]:
    """The frame's resolution; a letter-wide page when it has none or a senseless one."""
    raw = image.info.get("dpi")
    try:
        x_dpi, y_dpi = (float(raw[0]), float(raw[1])) if raw else (0.0, 0.0)
    except (TypeError, ValueError, IndexError):
        x_dpi = y_dpi = 0.0
    if not (50 <= x_dpi <= 2400 and 25 <= y_dpi <= 2400):
        guess = max(50.0, image.width / LETTER_WIDTH_INCHES)
        return guess, guess
    return x_dpi, y_dpi
