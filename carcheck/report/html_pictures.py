"""The pictures of the HTML report: each packet page rendered once, in the workers.

A page that shows evidence is rendered at VIEW_DPI (its thumbnail scaled down from that
picture), every other page at the thumbnail resolution only; scanned pages are shown as
OCR read them (turned upright). pdfium never opens a packet file in this process: every
file is rendered in a worker with the run's memory and time bounds, so a hostile file
costs its pictures, never the report.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PIL import Image

from carcheck import ingest, workers
from carcheck.errors import ReadError
from carcheck.extract.images import POINTS_PER_INCH, frame_image
from carcheck.extract.ocr import upright
from carcheck.limits import DEFAULT_LIMITS, Limits
from carcheck.model import Document, Mark, PacketReport

# Evidence views at a readable size, thumbnails small (pixels per inch).
VIEW_DPI = 100.0
THUMB_DPI = 40.0
# Packets longer than this get smaller thumbnails, so that a report stays a few megabytes.
THUMB_PAGES = 300
MIN_THUMB_DPI = 20.0
# The longest side of a picture in pixels, whatever the page's size.
VIEW_MAX_PX = 1400
THUMB_MAX_PX = 480
VIEW_QUALITY = 60
THUMB_QUALITY = 50
# Evidence shown per item: its best documents, the pages of each with marks on them.
DOCUMENTS_PER_ITEM = 2
PAGES_PER_DOCUMENT = 4
# A long file is rendered in parts of this many pages, spread over the workers.
PART_PAGES = 40


@dataclass(frozen=True, slots=True)
class Picture:
    """One page's pictures (JPEG bytes): its thumbnail, and its evidence view if it has one."""

    thumb: bytes
    thumb_size: tuple[int, int]
    view: bytes | None = None
    view_size: tuple[int, int] = (0, 0)


@dataclass(slots=True)
class PacketPictures:
    """A packet's pictures and marks by (file, page); files whose pages could not be drawn."""

    pictures: dict[tuple[str, int], Picture] = field(default_factory=dict)
    marks: dict[tuple[str, int], list[Mark]] = field(default_factory=dict)
    undrawn: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RenderTask:
    """Pages [start, stop) (0-based; stop None: to the end) of one file to draw."""

    source: ingest.SourceFile
    start: int
    stop: int | None
    views: frozenset[int]  # 1-based numbers of the pages drawn as evidence views
    turned: tuple[tuple[int, int], ...]  # (page, degrees clockwise) OCR turned
    thumb_dpi: float


def view_pages(report: PacketReport) -> set[tuple[str, int]]:
    """The pages shown as evidence: of each item's best documents, those with marks."""
    chosen: set[tuple[str, int]] = set()
    for item in report.items:
        for doc in item.documents[:DOCUMENTS_PER_ITEM]:
            chosen.update((doc.file, n) for n in _shown(doc))
    return chosen


def _shown(doc: Document) -> list[int]:
    marked = sorted({m.page for m in doc.marks})
    return (marked or list(doc.pages[:1]))[:PAGES_PER_DOCUMENT]


def thumb_dpi(pages: int) -> float:
    """Thumbnails of a long packet are smaller: its report stays within a few megabytes."""
    if pages <= THUMB_PAGES:
        return THUMB_DPI
    return max(MIN_THUMB_DPI, round(THUMB_DPI * math.sqrt(THUMB_PAGES / pages), 1))


def collect(
    reports: Sequence[PacketReport],
    packets: Sequence[Path],
    jobs: int = 1,
    limits: Limits = DEFAULT_LIMITS,
) -> list[PacketPictures]:
    """Every readable page of every packet drawn, in the workers; reports and packets in
    the same order. Files that could not be read at all are not drawn."""
    tasks: list[RenderTask] = []
    owner: list[int] = []
    found = [PacketPictures() for _ in reports]
    for p, (report, packet) in enumerate(zip(reports, packets, strict=True)):
        for doc in report.documents:
            for mark in doc.marks:
                found[p].marks.setdefault((doc.file, mark.page), []).append(mark)
        last: dict[str, int] = {}
        turned: dict[str, list[tuple[int, int]]] = {}
        for doc in report.documents:
            last[doc.file] = max(last.get(doc.file, 0), *doc.pages)
            turned.setdefault(doc.file, []).extend(doc.turned)
        views = view_pages(report)
        dpi = thumb_dpi(sum(last.values()))
        sources, _ = ingest.collect(packet, limits)
        for source in sources:
            if source.rel not in last:  # not read at all: listed with its reason instead
                continue
            own = frozenset(n for f, n in views if f == source.rel)
            starts = list(range(0, last[source.rel], PART_PAGES))
            for k, start in enumerate(starts):
                stop = None if k == len(starts) - 1 else start + PART_PAGES
                tasks.append(RenderTask(source, start, stop, own, tuple(turned[source.rel]), dpi))
                owner.append(p)
    bounds = workers.Bounds(limits.memory_mb, limits.seconds)
    outcomes = workers.run(
        partial(render_part, limits=limits), tasks, jobs=jobs, bounds=bounds, expected=(ReadError,)
    )
    for task, p, outcome in zip(tasks, owner, outcomes, strict=True):
        if outcome.failure is not None:
            found[p].undrawn.setdefault(task.source.rel, outcome.failure.message)
        for number, picture in outcome.value or ():
            found[p].pictures[(task.source.rel, number)] = picture
    return found


def render_part(task: RenderTask, limits: Limits = DEFAULT_LIMITS) -> list[tuple[int, Picture]]:
    """Draw the task's pages (runs in a worker)."""
    turns = dict(task.turned)
    drawn: list[tuple[int, Picture]] = []
    for number, image in _images(task, limits):
        image = upright(image, turns.get(number, 0))
        view: Image.Image | None = None
        if number in task.views:
            view = _fit(image, VIEW_MAX_PX)
            thumb = _fit(_scaled(view, task.thumb_dpi / VIEW_DPI), THUMB_MAX_PX)
        else:
            thumb = _fit(image, THUMB_MAX_PX)
        drawn.append(
            (
                number,
                Picture(
                    thumb=_jpeg(thumb if thumb.mode == "L" else thumb.convert("L"), THUMB_QUALITY),
                    thumb_size=thumb.size,
                    view=_jpeg(view, VIEW_QUALITY) if view is not None else None,
                    view_size=view.size if view is not None else (0, 0),
                ),
            )
        )
    return drawn


def _images(task: RenderTask, limits: Limits) -> list[tuple[int, Image.Image]]:
    """Each page of the task as a picture: views at VIEW_DPI, the rest at the thumb's."""
    if task.source.type is not ingest.FileType.PDF:
        return _frames(task, limits)
    import pypdfium2 as pdfium  # in the worker only
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(str(task.source.path), password="")
    except pdfium.PdfiumError:
        raise ReadError("damaged PDF: its pages cannot be drawn") from None
    pictures = []
    try:
        stop = min(len(document), task.stop if task.stop is not None else limits.pages)
        for index in range(task.start, stop):
            number = index + 1
            dpi = VIEW_DPI if number in task.views else task.thumb_dpi
            try:
                page = document[index]
                width, height = page.get_size()
                longest = VIEW_MAX_PX if number in task.views else THUMB_MAX_PX
                scale = min(dpi / POINTS_PER_INCH, longest / max(width, height, 1.0))
                if number in task.views:
                    bitmap = page.render(scale=scale)
                    picture = bitmap.to_pil().convert("RGB")
                else:  # a thumbnail: drawn straight into 8-bit grey, kept grey
                    bitmap = page.render(
                        scale=scale, grayscale=True, force_bitmap_format=pdfium_c.FPDFBitmap_Gray
                    )
                    picture = bitmap.to_pil()
                pictures.append((number, picture))
                bitmap.close()
                page.close()
            except pdfium.PdfiumError:
                continue  # a page that cannot be drawn has no thumbnail
    finally:
        document.close()
    return pictures


def _frames(task: RenderTask, limits: Limits) -> list[tuple[int, Image.Image]]:
    """An image file's frames, as OCR read them (grayscale, square pixels)."""
    pictures = []
    index = task.start
    while task.stop is None or index < task.stop:
        try:
            picture = frame_image(task.source, index, limits)
        except ReadError:
            if index == task.start:
                raise
            break  # past its last frame
        number = index + 1
        dpi = VIEW_DPI if number in task.views else task.thumb_dpi
        pictures.append((number, _scaled(picture.image, dpi / picture.dpi)))
        index += 1
        if index >= limits.pages:
            break
    return pictures


def _scaled(image: Image.Image, factor: float) -> Image.Image:
    if factor >= 1.0:
        return image
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size, Image.Resampling.BOX)


def _fit(image: Image.Image, longest: int) -> Image.Image:
    return _scaled(image, longest / max(image.width, image.height))


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()
