"""The only wiring: ingest -> extract -> classify -> evaluate, for one packet at a time."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from carcheck import ingest, rules, workers
from carcheck.classify import Segment, segment
from carcheck.errors import ReadError
from carcheck.extract import content
from carcheck.extract.dates import find_dates
from carcheck.extract.pages import read_pages
from carcheck.extract.signatures import find_signatures
from carcheck.limits import DEFAULT_LIMITS, Limits
from carcheck.model import (
    Content,
    DateMention,
    Document,
    FileError,
    Flag,
    ItemId,
    PacketReport,
    Page,
    Role,
    Signature,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Settings:
    as_of: dt.date
    debug: bool = False
    jobs: int = 1
    limits: Limits = DEFAULT_LIMITS
    reader: str = "pdfium"  # or "pdfplumber": every page through pdfplumber


def check_packet(packet: Path, settings: Settings, label: str | None = None) -> PacketReport:
    files, errors = ingest.collect(packet, settings.limits)
    documents: list[Document] = []
    # The file boundary: each file is read in its own worker, so one bad file never stops,
    # hangs or crashes the packet.
    bounds = workers.Bounds(settings.limits.memory_mb, settings.limits.seconds)
    task = partial(read_file, limits=settings.limits, reader=settings.reader)
    outcomes = workers.run(task, files, jobs=settings.jobs, bounds=bounds, expected=(ReadError,))
    for source, outcome in zip(files, outcomes, strict=True):
        if outcome.failure is not None:
            errors.append(FileError(source.rel, outcome.failure.message))
        elif outcome.value is not None:
            documents.extend(outcome.value)
    errors.sort(key=lambda e: e.file)
    items = rules.evaluate(documents, settings.as_of)
    flags: list[Flag] = []
    for item in items:
        for flag in item.flags:
            if flag not in flags:
                flags.append(flag)
    return PacketReport(
        path=label if label is not None else str(packet),
        items=items,
        documents=tuple(documents),
        errors=tuple(errors),
        flags=tuple(flags),
    )


def read_file(
    source: ingest.SourceFile, limits: Limits = DEFAULT_LIMITS, reader: str = "pdfium"
) -> list[Document]:
    """One packet file to its documents; raises ReadError when it cannot be read."""
    pages = list(read_pages(source, limits, reader))
    page_dates = {p.number: find_dates(p.lines, p.number, page_height=p.height) for p in pages}
    page_signatures = {p.number: find_signatures(p, page_dates[p.number]) for p in pages}
    return [
        build_document(source.rel, seg, pages, page_dates, page_signatures)
        for seg in segment(pages)
    ]


def build_document(
    file: str,
    seg: Segment,
    pages: Sequence[Page],
    page_dates: dict[int, list[DateMention]],
    page_signatures: dict[int, list[Signature]],
) -> Document:
    own = [p for p in pages if p.number in seg.pages]
    dates = [d for n in seg.pages for d in page_dates[n]]
    if seg.item is not ItemId.A:
        # A lone date near the top is a letter's date line only in a letter.
        dates = [replace(d, role=Role.OTHER) if d.role is Role.LETTER else d for d in dates]
    signatures = tuple(s for n in seg.pages for s in page_signatures[n])
    body: Content = None
    date: DateMention | None = None
    if seg.item is ItemId.A:
        body = content.read_letter(own, signatures)
        date = content.first_of(dates, (Role.LETTER, Role.SIGNED))
    elif seg.item is ItemId.B:
        body = content.read_facility(own)
        date = content.first_of(dates, (Role.SIGNED, Role.REPORTED, Role.PROCEDURE))
    elif seg.item is ItemId.C:
        body = content.read_serology(own, dates)
        date = content.first_of(dates, (Role.COLLECTED, Role.REPORTED))
    elif seg.item is ItemId.D:
        body = content.read_diagnostic(own, dates)
        date = body.date
    elif seg.item is ItemId.E:
        date = content.first_of(dates, content.DIAGNOSTIC_ROLES)
    elif seg.item is ItemId.F:
        body = content.read_psychosocial(own)
        date = content.first_of(dates, (Role.PROCEDURE, Role.SIGNED, Role.REPORTED))
    return Document(
        file=file,
        pages=seg.pages,
        item=seg.item,
        title=seg.title,
        date=date,
        dates=tuple(dates),
        signatures=signatures,
        ocr=any(p.ocr for p in own),
        content=body,
    )
