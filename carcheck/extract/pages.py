"""The one page-reading interface: a packet file in, `Page`s (words with positions, marks) out.

Every later stage sees only `Page`; where a page's words come from stays behind
`read_pages`. Two readers share the interface:

* pdfium (pypdfium2, which pdfplumber itself depends on): words from per-character boxes,
  fast and tolerant of damaged files; the default.
* pdfplumber: words plus the page's lines, curves and images; used when pdfium cannot
  open a file, and on request (`reader="pdfplumber"`).

Each counts what it reads against `Limits`, so a hostile file stops early with a plain
message rather than exhausting the worker.
"""

from __future__ import annotations

import ctypes
import re
import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from carcheck.errors import ReadError
from carcheck.extract.images import POINTS_PER_INCH, image_pages
from carcheck.ingest import FileType, SourceFile
from carcheck.limits import DEFAULT_LIMITS, Limits
from carcheck.model import Box, Geometry, Page, TextLine, Word

# Words whose tops differ by less than this share a line (points).
LINE_TOLERANCE = 3.0
# A horizontal segment at least this long may be a signature line or a table rule.
MIN_RULE_LENGTH = 40.0
GENERIC_DAMAGED = "damaged PDF (it cannot be read)"


def read_pages(
    source: SourceFile,
    limits: Limits = DEFAULT_LIMITS,
    reader: str = "pdfium",
    start: int = 0,
    stop: int | None = None,
) -> Iterator[Page]:
    """Pages [start, stop) of one packet file, in order (all by default).

    Raises ReadError when the file cannot be read.
    """
    if source.type is not FileType.PDF:  # an image file: every page is for OCR
        yield from image_pages(source, limits)
        return
    if reader == "pdfplumber":
        yield from _plumber_pages(source, limits, start, stop)
        return
    try:
        document = _open_pdfium(source)
    except ReadError as first:
        # pdfium refuses some files pdfminer reads (and no PDF with no pages).
        try:
            yield from _plumber_pages(source, limits, start, stop)
        except ReadError as second:
            raise ReadError(_better_message(source, first.message, second.message)) from None
        return
    try:
        yield from _pdfium_pages(document, limits, start, stop)
    finally:
        document.close()


def _better_message(source: SourceFile, pdfium_says: str, pdfminer_says: str) -> str:
    """The more specific of two readers' reasons for refusing a file.

    pdfium keeps its last error for the whole process, so a file read after an encrypted
    one may be called encrypted too: believe "password" only when the file has /Encrypt.
    """
    if pdfminer_says != GENERIC_DAMAGED:
        return pdfminer_says
    if "password" in pdfium_says and not _has_encrypt(source):
        return GENERIC_DAMAGED
    return pdfium_says


def _has_encrypt(source: SourceFile) -> bool:
    try:
        return b"/Encrypt" in source.path.read_bytes()
    except OSError:
        return False


def page_count(source: SourceFile, limits: Limits = DEFAULT_LIMITS) -> int | None:
    """The number of pages, when pdfium can open the file; checked against the limit."""
    if source.type is not FileType.PDF:
        return None
    try:
        document = _open_pdfium(source)
    except ReadError:
        return None
    try:
        count = len(document)
    finally:
        document.close()
    if count > limits.pages:
        raise ReadError(f"too large: {count} pages (limit {limits.pages})")
    return count


# --- pdfium -------------------------------------------------------------------


def _open_pdfium(source: SourceFile) -> Any:
    try:
        return pdfium.PdfDocument(str(source.path), password="")
    except pdfium.PdfiumError as exc:
        raise ReadError(_pdfium_message(str(exc))) from None


def _pdfium_pages(document: Any, limits: Limits, start: int, stop: int | None) -> Iterator[Page]:
    count = len(document)
    if count == 0:
        raise ReadError("the PDF has no pages")
    if count > limits.pages:
        raise ReadError(f"too large: {count} pages (limit {limits.pages})")
    for index in range(start, min(count, stop if stop is not None else count)):
        number = index + 1
        try:
            page = document[index]
        except pdfium.PdfiumError:
            raise ReadError(f"damaged PDF: page {number} cannot be read") from None
        try:
            yield _pdfium_page(page, number, limits)
        finally:
            page.close()


def _pdfium_page(page: Any, number: int, limits: Limits) -> Page:
    width, height = page.get_size()
    _check_size(width, height, number, limits)
    objects = pdfium_c.FPDFPage_CountObjects(page.raw)
    if objects > limits.objects:
        raise ReadError(
            f"too complex: page {number} has {objects} drawing objects (limit {limits.objects})"
        )
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count > limits.chars:
            raise ReadError(
                f"too complex: page {number} has {count} characters (limit {limits.chars})"
            )
        # One pass over the page's objects: images, rules, paths, and hidden text.
        scan = _scan_objects(page, objects, number, height, limits)
        words = _pdfium_words(textpage, count, height, scan.hidden_text)
    finally:
        textpage.close()
    # Outside the page box: never printed.
    words = [w for w in words if w.x1 > 0 and w.x0 < width and w.bottom > 0 and w.top < height]
    rendered = _Rendered(page)
    words = _seen_statements(rendered, words)
    # Drawn strokes matter only where a signature may be: skip tracing paths elsewhere.
    signable = any(_SIGNATURE_PLACE.search(w.text) for w in words)
    strokes = tuple(box for obj, box in scan.paths if _drawn(obj)) if signable else ()
    geometry = Geometry(rules=scan.rules, images=scan.images, strokes=strokes)
    if signable and (geometry.images or geometry.strokes):
        geometry = _seen_marks(rendered, geometry)
    page_read = Page(
        number=number, width=width, height=height, lines=group_lines(words), geometry=geometry
    )
    return replace(page_read, unread=needs_ocr(page_read))


# Words that make a line a signature statement: what a hidden line would most want to fake.
_STATEMENT_WORD = re.compile(
    r"^(electronically|digitally|e-?signed|e-?signature|co-?signed|countersigned|/s/)",
    re.IGNORECASE,
)
# Small type renders grey at this scale: a pixel this dark or darker is printed ink.
TEXT_DARK = 200
# Share of a word's box that must be ink on the rendered page for it to be seen.
MIN_INK_SHARE = 0.02
RENDER_SCALE = 0.5  # 36 dpi: enough to tell a printed word from nothing


class _Rendered:
    """The page as a reader sees it, rendered once and only when something asks."""

    def __init__(self, page: Any) -> None:
        self._page = page
        self._picture: Any = None
        self._failed = False

    @property
    def height(self) -> float:
        return float(self._page.get_height())

    def band(self, top: float, bottom: float) -> Any:
        """Only the strip of the page from `top` to `bottom` (points from the top)."""
        if self._picture is not None:
            full = self._picture
            return full.crop(
                (0, int(top * RENDER_SCALE), full.width, int(bottom * RENDER_SCALE) + 1)
            )
        try:
            height = self.height
            # pdfium crops by how much to cut off each side: left, bottom, right, top.
            bitmap = self._page.render(
                scale=RENDER_SCALE, grayscale=True, crop=(0, height - bottom, 0, top)
            )
            return bitmap.to_pil().convert("L")
        except Exception:  # noqa: BLE001 - a page pdfium cannot render keeps its words
            return None

    def picture(self) -> Any:
        if self._picture is None and not self._failed:
            try:
                bitmap = self._page.render(scale=RENDER_SCALE, grayscale=True)
                self._picture = bitmap.to_pil().convert("L")
            except Exception:  # noqa: BLE001 - a page pdfium cannot render keeps its words
                self._failed = True
        return self._picture


def _seen_statements(rendered: _Rendered, words: list[Word]) -> list[Word]:
    """The page's words, less the words of signature statements that do not show on the
    rendered page: clipped away, under an opaque box, on a hidden optional-content layer.

    Only pages with such a statement are rendered (few pages, and small): what a reader
    sees is what counts as written, where a hidden line would decide a verdict.
    """
    rows = [w for w in words if _STATEMENT_WORD.search(w.text)]
    if not rows:
        return words
    tops = [w.top for w in rows]
    suspects = [w for w in words if any(abs(w.top - t) < 3 for t in tops)]
    # Only the band of the page the statements stand in is rendered: a few lines, not a page.
    top = max(0.0, min(w.top for w in suspects) - 4)
    bottom = min(rendered.height, max(w.bottom for w in suspects) + 4)
    picture = rendered.band(top, bottom)
    if picture is None:
        return words
    hidden = {
        id(w)
        for w in suspects
        if not _inked(picture, _shifted(w, dy=-top), RENDER_SCALE, dark=TEXT_DARK)
    }
    return [w for w in words if id(w) not in hidden]


def _shifted(word: Word, dy: float) -> Box:
    """The word's box moved up by -dy points (into a band's own coordinates)."""
    return Box(word.x0, word.top + dy, word.x1, word.bottom + dy)


def _seen_marks(rendered: _Rendered, geometry: Geometry) -> Geometry:
    """Images and strokes less those that leave no visible ink on the rendered page: a
    transparent or white image, a white stroke, a faint background."""
    picture = rendered.picture()
    if picture is None:
        return geometry
    return replace(
        geometry,
        images=tuple(b for b in geometry.images if _mark_inked(picture, b)),
        strokes=tuple(b for b in geometry.strokes if _mark_inked(picture, b)),
    )


# Pen strokes drawn thin render pale at this scale: anything clearly off-white is ink.
MARK_DARK = 215


def _mark_inked(picture: Any, box: Box) -> bool:
    return _inked(picture, _inner(box), RENDER_SCALE, MARK_INK, MARK_DARK)


def _inner(box: Box) -> Box:
    """The middle of a picture's box: its edges may touch a signature line's own ink."""
    dx = max(2.0, 0.1 * (box.x1 - box.x0))
    dy = max(2.0, 0.15 * (box.bottom - box.top))
    if box.x1 - box.x0 <= 2 * dx or box.bottom - box.top <= 2 * dy:
        return box
    return Box(box.x0 + dx, box.top + dy, box.x1 - dx, box.bottom - dy)


# A mark must darken at least this share of its box (a pen line is thin; a blank or
# white picture darkens none of it, a pale stationery background little more).
MARK_INK = 0.004


def _inked(
    picture: Any, box: Word | Box, scale: float, share: float = MIN_INK_SHARE, dark: int = 160
) -> bool:
    """Whether the rendered page has dark pixels in the box (points, origin top-left)."""
    pixels = (
        max(0, int(box.x0 * scale)),
        max(0, int(box.top * scale)),
        min(picture.width, int(box.x1 * scale) + 1),
        min(picture.height, int(box.bottom * scale) + 1),
    )
    if pixels[2] <= pixels[0] or pixels[3] <= pixels[1]:
        return False
    region = picture.crop(pixels)
    inked = sum(region.histogram()[:dark])
    return inked >= max(1, share * region.width * region.height)


_SIGNATURE_PLACE = re.compile(
    r"^(sincerely|respectfully|regards|signature|signed|signed:|physician|md|m\.d\.|do|"
    r"attending)[,.:]?$|_{5,}",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Objects:
    """What one pass over a page's objects finds."""

    rules: tuple[Box, ...]
    images: tuple[Box, ...]
    paths: tuple[tuple[Any, Box], ...]  # paths that may be pen strokes, traced if need be
    # Where text objects are drawn invisibly, or in white or transparent paint: their
    # bounds (left, bottom, right, top in PDF points), with a point's margin.
    hidden_text: tuple[tuple[float, ...], ...]


def _scan_objects(page: Any, objects: int, number: int, height: float, limits: Limits) -> _Objects:
    """Images, horizontal rules and candidate strokes of a page, whether any text object
    is hidden, and the pixel limit, in one pass over the page's objects."""
    rules: list[Box] = []
    images: list[Box] = []
    paths: list[tuple[Any, Box]] = []
    hidden: list[tuple[float, ...]] = []
    width_px, height_px = ctypes.c_uint(), ctypes.c_uint()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    for index in range(objects):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if _hidden_text(obj, r, g, b, a):
                hidden.append(_bounds(obj, left, bottom, right, top))
            continue
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and _form_images(obj, number, limits):
            kind = pdfium_c.FPDF_PAGEOBJ_IMAGE  # a scan wrapped in a form: its box is the image's
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            pdfium_c.FPDFImageObj_GetImagePixelSize(
                obj, ctypes.byref(width_px), ctypes.byref(height_px)
            )
            _check_pixels(width_px.value, height_px.value, number, limits)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH):
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(
            obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
        ):
            continue
        box = Box(left.value, height - top.value, right.value, height - bottom.value)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(box)
        elif box.bottom - box.top < 2.0 and box.x1 - box.x0 >= MIN_RULE_LENGTH:
            rules.append(box)
        else:
            paths.append((obj, box))
    return _Objects(tuple(rules), tuple(images), tuple(paths), tuple(hidden))


def _bounds(obj: Any, left: Any, bottom: Any, right: Any, top: Any) -> tuple[float, ...]:
    """An object's bounds in PDF points with a point's margin; the whole plane if unknown."""
    if not pdfium_c.FPDFPageObj_GetBounds(
        obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    ):
        return (-1e9, -1e9, 1e9, 1e9)
    return (left.value - 1, bottom.value - 1, right.value + 1, top.value + 1)


def _hidden_text(obj: Any, r: Any, g: Any, b: Any, a: Any) -> bool:
    mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
    if mode not in (pdfium_c.FPDF_TEXTRENDERMODE_FILL, pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE):
        return True
    if pdfium_c.FPDFPageObj_GetFillColor(
        obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)
    ):
        return a.value == 0 or min(r.value, g.value, b.value) >= NEAR_WHITE
    return False


def _form_images(form: Any, number: int, limits: Limits, depth: int = 0) -> bool:
    """Whether a form XObject draws an image (checked against the pixel limit)."""
    found = False
    width_px, height_px = ctypes.c_uint(), ctypes.c_uint()
    for index in range(min(pdfium_c.FPDFFormObj_CountObjects(form), limits.objects)):
        child = pdfium_c.FPDFFormObj_GetObject(form, index)
        kind = pdfium_c.FPDFPageObj_GetType(child)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            pdfium_c.FPDFImageObj_GetImagePixelSize(
                child, ctypes.byref(width_px), ctypes.byref(height_px)
            )
            _check_pixels(width_px.value, height_px.value, number, limits)
            found = True
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 3:
            found = _form_images(child, number, limits, depth + 1) or found
    return found


def _drawn(path: Any) -> bool:
    """A path that curves or runs off the axes: ink, not a table rule or a box."""
    x, y = ctypes.c_float(), ctypes.c_float()
    previous: tuple[float, float] | None = None
    for index in range(min(pdfium_c.FPDFPath_CountSegments(path), 2000)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            return True
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = (x.value, y.value)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
            if abs(point[0] - previous[0]) > 0.5 and abs(point[1] - previous[1]) > 0.5:
                return True
        previous = point
    return False


def _pdfium_words(
    textpage: Any,
    count: int,
    height: float,
    hidden: Sequence[tuple[float, ...]] | None = None,
) -> list[Word]:
    """Words from pdfium's text: split at whitespace (pdfium adds spaces at gaps and line
    breaks), each word's box from its first and last character: two calls a word, not
    two a character. A word within the bounds of a `hidden` text object (None: anywhere)
    is kept only if its own text object and colour show it."""
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters outside the BMP shift the text; ask one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 32) for i in range(count))
    words: list[Word] = []
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    font_size = pdfium_c.FPDFText_GetFontSize
    seen = _Visibility(raw)
    for match in _TOKEN.finditer(text):
        first, last = match.start(), match.end() - 1
        loose_box(raw, first, ref)
        left, right, top, bottom = rect.left, rect.right, rect.top, rect.bottom
        if last != first:
            loose_box(raw, last, ref)
            shift = 0.5 * (top - bottom)
            if abs(rect.bottom - bottom) > (shift if shift > 2.0 else 2.0):
                # One token over two baselines: split it where the baseline changes.
                if (hidden is None or hidden) and not seen.drawn(first):
                    continue
                words.extend(_split_token(textpage, match.group(0), first, height))
                continue
            # Conditionals, not min() and max(): this runs for every word of every page.
            if rect.left < left:
                left = rect.left
            if rect.right > right:
                right = rect.right
            if rect.bottom < bottom:
                bottom = rect.bottom
            if rect.top > top:
                top = rect.top
        if hidden is None or (
            hidden
            and any(
                left < hx1 and hx0 < right and bottom < hy1 and hy0 < top
                for hx0, hy0, hx1, hy1 in hidden
            )
        ):
            if not seen.drawn(first):
                continue  # invisible render mode, no paint, white on the page
        size = round(font_size(raw, first), 1)
        if size < MIN_VISIBLE_SIZE and top - bottom < MIN_VISIBLE_SIZE:
            continue  # 0.1 pt type: nobody reads it on the printed page
        words.append(Word(match.group(0), left, height - top, right, height - bottom, size))
    return words


# Type smaller than this (points) is not read by anyone holding the page.
MIN_VISIBLE_SIZE = 2.0
# A fill this close to white on a white page is not seen.
NEAR_WHITE = 242


class _Visibility:
    """Whether a character is painted where a reader sees it: its text object's render
    mode paints it, its colour is neither transparent nor white (on the page's white)."""

    def __init__(self, textpage: Any) -> None:
        self._textpage = textpage
        self._objects: dict[int, bool] = {}
        self._rgba = [ctypes.c_uint() for _ in range(4)]

    def drawn(self, index: int) -> bool:
        obj = pdfium_c.FPDFText_GetTextObject(self._textpage, index)
        if not obj:
            return self._painted(index, stroke_only=False)
        # One text object has one render mode and one colour: judged once per object.
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        seen = self._objects.get(key)
        if seen is None:
            mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
            if mode in (pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP):
                seen = False
            else:
                stroke_only = mode in (
                    pdfium_c.FPDF_TEXTRENDERMODE_STROKE,
                    pdfium_c.FPDF_TEXTRENDERMODE_STROKE_CLIP,
                )
                seen = self._painted(index, stroke_only)
            self._objects[key] = seen
        return seen

    def _painted(self, index: int, stroke_only: bool) -> bool:
        r, g, b, a = self._rgba
        colour = pdfium_c.FPDFText_GetStrokeColor if stroke_only else pdfium_c.FPDFText_GetFillColor
        if not colour(
            self._textpage,
            index,
            ctypes.byref(r),
            ctypes.byref(g),
            ctypes.byref(b),
            ctypes.byref(a),
        ):
            return True
        if a.value == 0:
            return False
        return not (r.value >= NEAR_WHITE and g.value >= NEAR_WHITE and b.value >= NEAR_WHITE)


_TOKEN = re.compile(r"[^\s\x00-\x1f\x7f\ufffe\uffff]+")


def _split_token(textpage: Any, token: str, start: int, height: float) -> list[Word]:
    """A token whose characters sit on different lines, split one character at a time."""
    words: list[Word] = []
    current: list[tuple[str, tuple[float, float, float, float]]] = []
    first = start  # index of the current word's first character
    for offset, char in enumerate(token):
        box = textpage.get_charbox(start + offset, loose=True)
        if current and abs(box[1] - current[-1][1][1]) > 2.0:
            words.append(_word(current, textpage, first, height))
            first = start + offset
            current = []
        current.append((char, box))
    if current:
        words.append(_word(current, textpage, first, height))
    return words


def _word(
    chars: list[tuple[str, tuple[float, float, float, float]]],
    textpage: Any,
    index: int,
    height: float,
) -> Word:
    left = min(b[0] for _, b in chars)
    bottom = min(b[1] for _, b in chars)
    right = max(b[2] for _, b in chars)
    top = max(b[3] for _, b in chars)
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    return Word(
        "".join(c for c, _ in chars), left, height - top, right, height - bottom, round(size, 1)
    )


def _pdfium_message(reason: str) -> str:
    reason = reason.lower()
    if "password" in reason:
        return "encrypted PDF: it needs a password to open (send it without a password)"
    if "security" in reason:
        return "encrypted PDF with an encryption carcheck cannot open (send an unencrypted copy)"
    if "page" in reason:
        return "damaged PDF: a page cannot be read"
    return "damaged or truncated PDF (its structure cannot be read)"


# --- pdfplumber -----------------------------------------------------------------


def _plumber_pages(
    source: SourceFile, limits: Limits, start: int = 0, stop: int | None = None
) -> Iterator[Page]:
    import pdfplumber  # imported when needed: it is the slower half of start-up

    try:
        pdf = pdfplumber.open(source.path, password="")
    except Exception as exc:  # pdfminer raises many types on damaged files
        raise ReadError(_plumber_message(exc)) from None
    try:
        try:
            count = len(pdf.pages)
        except Exception as exc:
            raise ReadError(_plumber_message(exc)) from None
        if count == 0:
            raise ReadError("the PDF has no pages")
        if count > limits.pages:
            raise ReadError(f"too large: {count} pages (limit {limits.pages})")
        for index in range(start, min(count, stop if stop is not None else count)):
            yield _guarded(partial(_nth, pdf.pages, index), index + 1, limits)
    finally:
        _close(pdf)


def _nth(pages: Any, index: int) -> Any:
    return pages[index]


def _guarded(get: Callable[[], Any], number: int, limits: Limits) -> Page:
    try:
        plumber_page = get()
    except Exception as exc:
        raise ReadError(f"page {number}: {_plumber_message(exc)}") from None
    try:
        return _plumber_page(plumber_page, number, limits)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(f"page {number}: {_plumber_message(exc)}") from None
    finally:
        # pdfplumber caches every object of a page until the page is closed.
        plumber_page.close()


def _close(pdf: Any) -> None:
    try:
        pdf.close()
    except Exception:  # closing a damaged file can fail the way opening it did
        pass


def _plumber_page(page: Any, number: int, limits: Limits) -> Page:
    _check_size(float(page.width), float(page.height), number, limits)
    chars = len(page.chars)
    if chars > limits.chars:
        raise ReadError(f"too complex: page {number} has {chars} characters (limit {limits.chars})")
    objects = sum(len(v) for v in page.objects.values())
    if objects > limits.objects:
        raise ReadError(
            f"too complex: page {number} has {objects} drawing objects (limit {limits.objects})"
        )
    for image in page.images:
        w, h = image.get("srcsize") or (0, 0)
        _check_pixels(int(w), int(h), number, limits)
    words = page.extract_words(extra_attrs=["size"], use_text_flow=False)
    return _marked(
        Page(
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
                    size=round(float(w.get("size") or 0.0), 1),
                )
                for w in words
                if w["text"].strip()
            ),
            geometry=_geometry(page),
        )
    )


def _marked(page: Page) -> Page:
    return replace(page, unread=needs_ocr(page))


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


def _plumber_message(exc: BaseException) -> str:
    """A plain message for a PDF that cannot be read; never the file's text."""
    from pdfplumber.utils.exceptions import PdfminerException

    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    name = type(inner).__name__
    if name == "PDFPasswordIncorrect":
        return "encrypted PDF: it needs a password to open (send it without a password)"
    if name == "PDFEncryptionError":
        return "encrypted PDF with an encryption carcheck cannot open (send an unencrypted copy)"
    if name in ("PDFSyntaxError", "PSEOF", "PDFNoValidXRef", "PSSyntaxError"):
        return "damaged or truncated PDF (its structure cannot be read)"
    if isinstance(inner, RecursionError):
        return "too complex: its object tree is nested too deeply or loops"
    if isinstance(inner, MemoryError):
        return "too large to read within the memory limit"
    return GENERIC_DAMAGED


# --- shared ---------------------------------------------------------------------


def _check_size(width: float, height: float, number: int, limits: Limits) -> None:
    longest = max(width, height) / POINTS_PER_INCH
    if longest > limits.page_inches:
        raise ReadError(
            f"too large: page {number} is {longest:.0f} inches on its longest side "
            f"(limit {limits.page_inches})"
        )


def _check_pixels(w: int, h: int, number: int, limits: Limits) -> None:
    megapixels = w * h / 1_000_000
    if megapixels > limits.image_megapixels:
        raise ReadError(
            f"too large: page {number} has an image of {megapixels:.0f} megapixels "
            f"(limit {limits.image_megapixels})"
        )


# Text in the top and bottom margins (a fax server's header or footer) does not make a
# page readable: it needs this many characters in its body.
BODY_MARGIN = 0.07
MIN_BODY_CHARS = 20
MIN_SCAN_AREA = 0.25


_PUNCTUATION = frozenset(string.punctuation + "\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u00b7")


def needs_ocr(page: Page) -> bool:
    """A page with no usable text layer in its body: a scan (an image covers much of it),
    or text whose characters do not map to letters (a font with no Unicode map)."""
    top, bottom = page.height * BODY_MARGIN, page.height * (1 - BODY_MARGIN)
    body = [w.text for line in page.lines if top <= line.top <= bottom for w in line.words]
    usable = 0
    for text in body:  # most pages have their 20 letters in the first lines
        usable += sum(1 for char in text if char.isalnum())
        if usable >= MIN_BODY_CHARS:
            return False
    unmapped = sum(1 for text in body for c in text if not c.isalnum() and c not in _PUNCTUATION)
    if unmapped >= MIN_BODY_CHARS:
        return True  # characters, but not letters or digits: an unusable text layer
    area = page.width * page.height
    return any(
        (i.x1 - i.x0) * (i.bottom - i.top) >= MIN_SCAN_AREA * area for i in page.geometry.images
    )


def group_lines(words: Iterable[Word]) -> tuple[TextLine, ...]:
    """Words in reading order, grouped into lines by their tops."""
    ordered = sorted(words, key=lambda w: (round(w.top, 1), w.x0))
    lines: list[list[Word]] = []
    for word in ordered:
        if lines and abs(word.top - lines[-1][0].top) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return tuple(TextLine(tuple(sorted(line, key=lambda w: w.x0))) for line in lines)
