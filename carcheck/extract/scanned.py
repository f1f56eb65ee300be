"""A scanned page read by OCR into the same `Page` a text page gives.

Picture (images.py) -> Tesseract's words, from the cache when the picture was read
before (ocr.py, ocrcache.py) -> words in page points, straightened and set on lines ->
rules and handwriting from the pixels (ink.py). Dates, signatures, classification and the
rules then treat the page like any other: one pipeline, whatever made the words.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from enum import StrEnum

from PIL import Image

from carcheck.extract import ink
from carcheck.extract.images import POINTS_PER_INCH, PageImage, frame_image, pdf_page_image
from carcheck.extract.ocr import Engine, OcrWord, Recognised, mean_confidence, recognise, upright
from carcheck.extract.pages import MIN_RULE_LENGTH, group_lines
from carcheck.extract.signatures import signature_zones
from carcheck.ingest import FileType, SourceFile
from carcheck.limits import DEFAULT_LIMITS, Limits
from carcheck.model import Box, Geometry, Page, Word, overlaps
from carcheck.ocrcache import Cache

# Below this confidence (0-100) a page's reading is not to be trusted without a look.
LOW_CONFIDENCE = 70.0
# A page with fewer readable words than this, and ink on it, was not read at all.
MIN_WORDS = 3
# Less ink than this share of the page is a blank page (fax speckle included).
BLANK_SHARE = 0.004
# OCR words this confident are printed text; handwriting reads as low-confidence garbage.
PRINTED_CONFIDENCE = 50.0
# Skew below this (degrees) is left alone.
MIN_SKEW = 0.2


class OcrMode(StrEnum):
    AUTO = "auto"  # pages with no usable text layer
    ALWAYS = "always"  # every page, its text layer set aside
    NEVER = "never"


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """What the OCR stage needs in a worker: the engine and where its cache is."""

    engine: Engine
    cache: Cache | None
    limits: Limits = DEFAULT_LIMITS


def read_scanned(
    source: SourceFile, number: int, settings: OcrSettings, layer: Page | None = None
) -> Page:
    """Page `number` (1-based) of a file read by OCR; `layer` is its text layer, if any,
    whose words outside the OCR's (a fax header stamped as text) are kept.

    The page has `ocr` set and its `confidence`; it is still `unread` when it has ink but
    OCR found no readable words in it (a blank page is read: there is nothing on it).
    """
    picture = _picture(source, number - 1, settings.limits)
    recognised = _recognised(settings, picture)
    image = upright(picture.image, recognised.turned)
    scale = POINTS_PER_INCH / picture.dpi
    angle = _skew(recognised.words)
    placed = _page_words(recognised.words, angle, image.width, image.height)
    words = [_scaled_word(w, scale) for w in placed]
    if layer is not None and not recognised.turned:
        words += [w for w in _layer_words(layer) if not any(overlaps(w, o) for o in words)]
    page = Page(
        number,
        image.width * scale,
        image.height * scale,
        group_lines(words),
        ocr=True,
        confidence=mean_confidence(recognised.words),
        turned=recognised.turned,
    )
    if sum(1 for w in recognised.words if any(c.isalnum() for c in w.text)) < MIN_WORDS:
        blank = ink.dark_share(ink.dark_mask(image)) < BLANK_SHARE
        return replace(page, unread=not blank)
    # Rules and ink are looked for on the picture straightened as the words were.
    if angle:
        image = image.rotate(math.degrees(angle), Image.Resampling.BILINEAR, fillcolor=255)
    seen = list(zip(placed, recognised.words, strict=True))
    return _with_marks(page, ink.dark_mask(image), scale, seen, words)


def _with_marks(
    page: Page,
    mask: Image.Image,
    scale: float,
    seen: list[tuple[Word, OcrWord]],
    words: list[Word],
) -> Page:
    """The page with its signature lines and the handwriting in its signature places.

    `seen` pairs each OCR word's place in picture pixels with what OCR said of it;
    `words` are the page's words in points (the OCR words first, in the same order).
    """
    rules_px = ink.rules(mask, round(MIN_RULE_LENGTH / scale))
    printed = [
        Box(w.x0 - 1, w.top - 1, w.x1 + 1, w.bottom + 1)
        for w, said in seen
        if said.confidence >= PRINTED_CONFIDENCE and any(c.isalnum() for c in said.text)
    ]
    lines = signature_lines(
        [_scaled(r, scale) for r in rules_px],
        [_scaled(b, scale) for b in printed],
        page.width,
        page.height,
    )
    page = replace(page, geometry=Geometry(rules=lines))
    strokes: list[Box] = []
    for zone, _ in signature_zones(page):
        found = ink.ink(mask, _scaled(zone, 1 / scale), printed, rules_px)
        if found is not None and _scaled(found, scale) not in strokes:
            strokes.append(_scaled(found, scale))
    # Handwriting that OCR took for words ("TY", "Ml") is ink, not text.
    kept = [
        word
        for word, (_, said) in zip(words, seen, strict=False)
        if said.confidence >= PRINTED_CONFIDENCE or not any(_inside(word, s) for s in strokes)
    ] + words[len(seen) :]
    return replace(
        page,
        lines=group_lines(kept) if len(kept) < len(words) else page.lines,
        geometry=Geometry(rules=page.geometry.rules, strokes=tuple(strokes)),
    )


# On a scan, every unread glyph is ink: only a rule that can be a signature line makes a
# signature place. Rules closer than this to a parallel one are a table's or a box's.
TABLE_RULE_GAP = 20.0
# Rules this near the top of a page belong to a letterhead; rules longer than this share
# of the page's width divide sections.
LETTERHEAD_BAND = 0.15
MAX_LINE_SHARE = 0.6
# Printed words whose foot is this close above a rule sit on it: the rule underlines them.
UNDERLINE_GAP = 8.0


def signature_lines(
    rules: list[Box], printed: list[Box], width: float, height: float
) -> tuple[Box, ...]:
    """The rules of a scanned page that may be signature lines: not a letterhead's rule,
    not one across the page, not one of a table's (a parallel rule just above or below),
    not one that underlines printed words (a signature line has room above it)."""

    def underlines(rule: Box) -> bool:
        return any(
            word.x0 < rule.x1
            and rule.x0 < word.x1
            and word.top < rule.top
            and word.bottom >= rule.top - UNDERLINE_GAP
            for word in printed
        )

    def stacked(rule: Box, other: Box) -> bool:
        overlap = min(rule.x1, other.x1) - max(rule.x0, other.x0)
        shorter = min(rule.x1 - rule.x0, other.x1 - other.x0)
        return (
            other is not rule
            and overlap >= 0.5 * shorter
            and abs(other.top - rule.top) <= TABLE_RULE_GAP
        )

    return tuple(
        rule
        for rule in rules
        if rule.top >= LETTERHEAD_BAND * height
        and rule.x1 - rule.x0 <= MAX_LINE_SHARE * width
        and not any(stacked(rule, other) for other in rules)
        and not underlines(rule)
    )


def _picture(source: SourceFile, index: int, limits: Limits) -> PageImage:
    if source.type is FileType.PDF:
        return pdf_page_image(source, index, limits)
    return frame_image(source, index, limits)


def _recognised(settings: OcrSettings, picture: PageImage) -> Recognised:
    cache = settings.cache
    key = cache.key(settings.engine, picture.image, picture.dpi) if cache else ""
    found = cache.get(key) if cache else None
    if found is None:
        found = recognise(settings.engine, picture.image, picture.dpi)
        if cache:
            cache.put(key, found)
    return found


def _page_words(words: tuple[OcrWord, ...], angle: float, width: int, height: int) -> list[Word]:
    """OCR words (pixels) with the page's skew taken out, each set on its OCR line; in
    the order given.

    A page scanned 2 degrees askew moves a word 20 points down across a line; turning the
    word centres back, and giving each word its line's middle and height, puts the words
    of one printed line on one `TextLine`, as on a text page.
    """
    cos, sin = math.cos(-angle), math.sin(-angle)
    cx, cy = width / 2, height / 2
    centres = []
    lines: dict[tuple[int, int, int], list[tuple[float, int]]] = defaultdict(list)
    for w in words:
        x, y = w.left + w.width / 2 - cx, w.top + w.height / 2 - cy
        centres.append(cx + x * cos - y * sin)
        lines[w.line].append((cy + x * sin + y * cos, w.height))
    middle = {key: statistics.fmean(y for y, _ in m) for key, m in lines.items()}
    tall = {key: statistics.median(h for _, h in m) for key, m in lines.items()}
    return [
        Word(
            w.text,
            x - w.width / 2,
            middle[w.line] - tall[w.line] / 2,
            x + w.width / 2,
            middle[w.line] + tall[w.line] / 2,
            tall[w.line],
        )
        for w, x in zip(words, centres, strict=True)
    ]


# OCR reads a narrow gap between two words as a stray point: "Bone.Marrow".
_STRAY_POINT = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
# "/s/" before a typed signature, its slashes read as other thin strokes: "4s/", "Is/".
_SLASH_S = re.compile(r"^[/|Il1!4]s[/|Il1!]$")
# An initial's point read twice: "R..".
_DOUBLE_POINT = re.compile(r"(?<=[A-Za-z])\.{2,}$")


def clean(text: str) -> str:
    """An OCR word with its commonest misreadings undone: accents the English model puts
    on plain letters ("signéd", "Pagé"), stray points between words, a misread "/s/"."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    if _SLASH_S.match(text):
        return "/s/"
    return _STRAY_POINT.sub(" ", _DOUBLE_POINT.sub(".", text))


def _scaled_word(word: Word, scale: float) -> Word:
    """A word from picture pixels to page points; its size the line's height, in points."""
    return Word(
        clean(word.text),
        word.x0 * scale,
        word.top * scale,
        word.x1 * scale,
        word.bottom * scale,
        round(word.size * scale),
    )


def _skew(words: tuple[OcrWord, ...]) -> float:
    """The page's skew in radians (positive: lines run down to the right), from its lines."""
    lines: dict[tuple[int, int, int], list[OcrWord]] = defaultdict(list)
    for w in words:
        lines[w.line].append(w)
    slopes: list[float] = []
    for members in lines.values():
        if len(members) < 3:
            continue
        xs = [w.left + w.width / 2 for w in members]
        ys = [w.top + w.height for w in members]  # word bottoms: baselines, give or take
        span = max(xs) - min(xs)
        if span < 100:
            continue
        mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
        var = sum((x - mean_x) ** 2 for x in xs)
        slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var
        slopes.append(slope)
    if len(slopes) < 3:
        return 0.0
    angle = math.atan(statistics.median(slopes))
    return angle if abs(math.degrees(angle)) >= MIN_SKEW else 0.0


def _inside(word: Word, box: Box) -> bool:
    """Whether most of a word lies in a box."""
    x0, x1 = max(word.x0, box.x0), min(word.x1, box.x1)
    top, bottom = max(word.top, box.top), min(word.bottom, box.bottom)
    if x1 <= x0 or bottom <= top:
        return False
    return (x1 - x0) * (bottom - top) >= 0.5 * (word.x1 - word.x0) * (word.bottom - word.top)


def _layer_words(layer: Page) -> list[Word]:
    return [w for line in layer.lines for w in line.words]


def _scaled(box: Box, scale: float) -> Box:
    return Box(box.x0 * scale, box.top * scale, box.x1 * scale, box.bottom * scale)
