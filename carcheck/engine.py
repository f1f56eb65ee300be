"""The only wiring: ingest -> extract -> classify -> evaluate, for one packet at a time."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from carcheck import ingest, workers
from carcheck import items as item_rules
from carcheck.classify import PageVerdict, Segment, judge_page, segment
from carcheck.errors import ReadError
from carcheck.extract import identity
from carcheck.extract.dates import find_dates, settle_order
from carcheck.extract.digital import read_digital_signatures
from carcheck.extract.ocr import Engine, find_engine
from carcheck.extract.pages import page_count, read_pages
from carcheck.extract.scanned import LOW_CONFIDENCE, OcrMode, OcrSettings, read_scanned
from carcheck.extract.signatures import find_signatures
from carcheck.items.common import where
from carcheck.limits import DEFAULT_LIMITS, Limits
from carcheck.model import (
    MISMATCH,
    Content,
    DateMention,
    Document,
    FileError,
    Flag,
    ItemId,
    ItemReport,
    PacketReport,
    Page,
    Patient,
    Role,
    Signature,
    SignatureKind,
    Status,
    TextLine,
    Word,
)
from carcheck.ocrcache import Cache
from carcheck.policy import Knowledge, findings
from carcheck.policy import load as load_knowledge
from carcheck.report.evidence import find_marks

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Settings:
    as_of: dt.date
    jobs: int = 1
    limits: Limits = DEFAULT_LIMITS
    reader: str = "pdfium"  # or "pdfplumber": every page through pdfplumber
    knowledge: Knowledge | None = None  # None: the shipped products and centers
    product: str | None = None  # --product
    facility: str | None = None  # --facility
    ocr: OcrMode = OcrMode.AUTO  # --ocr
    cache: Path | None = None  # the OCR cache folder; None: no cache (--no-cache)
    patient: Patient | None = None  # --patient


# A file longer than this is read in parts, spread over the workers.
CHUNK_PAGES = 40
# Only files larger than this are counted to see whether they are that long.
SPLIT_BYTES = 256_000


@dataclass(frozen=True, slots=True)
class Chunk:
    """Pages [start, stop) of one packet file (0-based; stop None for the whole file)."""

    source: ingest.SourceFile
    start: int = 0
    stop: int | None = None


@dataclass(frozen=True, slots=True)
class PageRead:
    """One page and what was found on it, as a worker sends it back."""

    page: Page
    dates: tuple[DateMention, ...]
    signatures: tuple[Signature, ...]


def check_packet(packet: Path, settings: Settings, label: str | None = None) -> PacketReport:
    return check_packets([(packet, label)], settings)[0]


def check_packets(
    packets: Sequence[tuple[Path, str | None]],
    settings: Settings,
    on_file: Callable[[int, int], None] | None = None,
) -> list[PacketReport]:
    """Every packet judged on its own; their files read together by the workers.

    A packet is judged as soon as its last file is read, while the workers go on with
    the next packets' files: the main process's own work hides behind theirs.
    """
    collected = [ingest.collect(path, settings.limits) for path, _ in packets]
    owner = [p for p, (files, _) in enumerate(collected) for _ in files]
    sources = [source for files, _ in collected for source in files]
    waiting = [len(files) for files, _ in collected]
    read: list[tuple[list[Document], list[FileError]]] = [([], list(e)) for _, e in collected]
    reports: list[PacketReport | None] = [None] * len(packets)

    def judge(p: int) -> None:
        path, label = packets[p]
        documents, errors = read[p]
        # Files finish in any order; the report follows the walk, whatever the timing.
        rank = {source.rel: i for i, source in enumerate(collected[p][0])}
        documents.sort(key=lambda d: (rank.get(d.file, 0), d.pages))
        reports[p] = _judge(label if label is not None else str(path), documents, errors,
                            settings)  # fmt: skip

    def file_read(index: int, outcome: list[Document] | str, unread: str | None) -> None:
        p = owner[index]
        documents, errors = read[p]
        if isinstance(outcome, str):
            errors.append(FileError(sources[index].rel, outcome))
        else:
            documents.extend(outcome)
            if unread:  # read only in part: the rest needs OCR
                errors.append(FileError(sources[index].rel, unread))
        waiting[p] -= 1
        if waiting[p] == 0:
            judge(p)

    read_files(sources, settings, file_read, on_file)
    for p, report in enumerate(reports):
        if report is None:  # a packet with no file to read
            judge(p)
    return [r for r in reports if r is not None]


def read_files(
    sources: Sequence[ingest.SourceFile],
    settings: Settings,
    file_read: Callable[[int, list[Document] | str, str | None], None],
    on_file: Callable[[int, int], None] | None = None,
) -> None:
    """Read every file in the workers; `file_read(index, documents or why not, unread)` is
    called for each file as soon as all of it is read.

    The file boundary: every file is read in a worker process, so one bad file never
    stops, hangs or crashes the run. Long files are read in parts spread over the workers;
    then the pages that need OCR are read one page a task, spread over the workers too.
    """
    bounds = workers.Bounds(settings.limits.memory_mb, settings.limits.seconds)
    # The time limit holds for each file over all its work: its parts, its pages read by
    # OCR and what this process does with them, each charged to the file's account.
    budget = workers.Budget(settings.limits.seconds)
    run = partial(
        workers.run, jobs=settings.jobs, bounds=bounds, expected=(ReadError,), budget=budget
    )
    # Files big enough to be long are counted first (in the workers too) and read in
    # parts: parts spread over the workers, and pdfium's caches stay per part.
    big = [i for i, s in enumerate(sources) if s.size > SPLIT_BYTES]
    counts = run(
        partial(page_count, limits=settings.limits),
        [sources[i] for i in big],
        group=lambda k: big[k],
    )
    counted = {i: c.value for i, c in zip(big, counts, strict=True)}
    chunks = [
        (i, part) for i, source in enumerate(sources) for part in _parts(source, counted.get(i))
    ]
    parts_left = Counter(i for i, _ in chunks)
    pages: dict[int, list[PageRead]] = {}
    digital: dict[int, list[Signature]] = {}
    failed: dict[int, str] = {}
    whole: dict[int, list[Document]] = {}
    judged: dict[int, dict[int, PageVerdict]] = {}  # file -> page -> verdict, as parts arrive
    built: dict[int, dict[Segment, Document]] = {}  # file -> documents built as parts arrive
    scans: list[OcrTask] = []  # pages to read by OCR, once every file is read
    # Progress in one unit, files: a file counts once all of it is read.
    progress = Progress(on_file, len(sources))

    def file_done(index: int, outcome: list[Document] | str, unread: str | None) -> None:
        file_read(index, outcome, unread)
        progress.step()

    engine = _EngineOnce()

    def finish(i: int, notes: Sequence[str] = ()) -> None:
        note = "; ".join(notes) or None
        if i in failed:
            file_done(i, failed[i], None)
        elif i in whole:
            file_done(i, whole[i], note)
        else:  # read in parts or by OCR: put its pages together here, in page order
            reads = sorted(
                (r for r in pages.get(i, []) if not r.page.unread), key=lambda r: r.page.number
            )
            started = time.monotonic()
            try:
                documents = (
                    documents_of(
                        sources[i].rel,
                        reads,
                        digital.get(i, []),
                        judged.get(i),
                        deadline=started + budget.left(i),
                        built=built.get(i),
                    )
                    if reads
                    else []
                )
            except TimeLimit:
                file_done(i, workers.timeout_message(budget.seconds), None)
                return
            finally:
                budget.charge(i, time.monotonic() - started)
            file_done(i, documents, note)

    def chunk_read(k: int, outcome: workers.Outcome[Documents | PartRead]) -> None:
        i = chunks[k][0]
        if outcome.failure is not None:
            failed.setdefault(i, outcome.failure.message)
        elif isinstance(outcome.value, Documents):
            whole[i] = list(outcome.value.documents)
        elif outcome.value is not None:
            pages.setdefault(i, []).extend(outcome.value.pages)
            # Judge a part's pages now, while the workers read the next parts.
            own = judged.setdefault(i, {})
            started = time.monotonic()
            for r in outcome.value.pages:
                if not r.page.unread and time.monotonic() - started < budget.left(i):
                    own[r.page.number] = judge_page(r.page)
            digital.setdefault(i, []).extend(outcome.value.digital)
            if not digital[i] and time.monotonic() - started < budget.left(i):
                built[i] = build_ahead(sources[i].rel, pages[i], own, built.get(i, {}))
            budget.charge(i, time.monotonic() - started)
        parts_left[i] -= 1
        if parts_left[i] > 0:
            return
        unread = sorted(r.page.number for r in pages.get(i, []) if r.page.unread)
        if i in failed or not unread:
            finish(i)
        elif settings.ocr is OcrMode.NEVER:
            finish(i, [unread_message(unread, NOT_READ_NEVER)])
        elif engine.get()[0] is None:
            why = f"scanned, with no text layer; not read: {engine.get()[1]}"
            finish(i, [unread_message(unread, why)])
        else:  # their text layers go with them: a fax header stamped as text is kept
            layers = (
                {r.page.number: r.page for r in pages[i]} if settings.ocr is OcrMode.AUTO else {}
            )
            scans.extend(OcrTask(i, sources[i], n, layers.get(n)) for n in unread)

    reader = partial(read_part, limits=settings.limits, reader=settings.reader, ocr=settings.ocr)
    run(reader, [part for _, part in chunks], on_done=chunk_read, group=lambda k: chunks[k][0])
    if not scans:
        return
    found, _ = engine.get()
    assert found is not None  # scans are queued only when the engine was found
    cache = Cache(settings.cache) if settings.cache is not None else None
    if cache is not None:
        cache.prune()
    scans_left = Counter(task.file for task in scans)
    failures: dict[int, dict[int, str]] = {}  # file -> page -> why OCR failed

    def scan_read(k: int, outcome: workers.Outcome[PageRead]) -> None:
        task = scans[k]
        i = task.file
        if outcome.failure is not None:  # the page stays unread, for this reason
            failures.setdefault(i, {})[task.number] = outcome.failure.message
        elif outcome.value is not None:
            pages[i] = [r for r in pages[i] if r.page.number != task.number] + [outcome.value]
        scans_left[i] -= 1
        if scans_left[i] == 0:
            failed = failures.get(i, {})
            empty = sorted(
                r.page.number for r in pages[i] if r.page.unread and r.page.number not in failed
            )
            notes = [unread_message(empty, NOT_READ_NO_TEXT)] if empty else []
            notes += [f"page {n}: {why}" for n, why in sorted(failed.items())]
            finish(i, notes)

    ocr = OcrSettings(found, cache, settings.limits)
    run(partial(read_scan, settings=ocr), scans, on_done=scan_read, group=lambda k: scans[k].file)


class _EngineOnce:
    """The OCR engine, looked for the first time a page needs it, and only then."""

    def __init__(self) -> None:
        self._found: tuple[Engine | None, str] | None = None

    def get(self) -> tuple[Engine | None, str]:
        if self._found is None:
            self._found = find_engine()
        return self._found


@dataclass(slots=True)
class Progress:
    """Tasks done of tasks known, for the progress bar."""

    on_step: Callable[[int, int], None] | None
    total: int
    done: int = 0

    def step(self) -> None:
        self.done += 1
        if self.on_step is not None:
            self.on_step(self.done, self.total)


def unread_message(pages: Sequence[int], why: str) -> str:
    """'pages 2, 3: scanned, not read: <why>' for pages left without words."""
    listed = ", ".join(str(p) for p in sorted(pages)[:20]) + (", ..." if len(pages) > 20 else "")
    return f"{'page' if len(pages) == 1 else 'pages'} {listed}: {why}"


NOT_READ_NEVER = "scanned, with no text layer; not read (--ocr never)"
NOT_READ_NO_TEXT = "scanned, and OCR found no readable text on it (a photo or handwriting?)"


def _parts(source: ingest.SourceFile, count: int | None) -> list[Chunk]:
    if not count or count <= CHUNK_PAGES:
        return [Chunk(source)]
    starts = list(range(0, count, CHUNK_PAGES))
    last = starts[-1]
    if count - last >= CHUNK_PAGES // 2:
        # The last part in two: what is judged after the last page arrives stays small.
        starts.append(last + (count - last) // 2)
    ends = [*starts[1:], count]
    return [Chunk(source, a, b) for a, b in zip(starts, ends, strict=True)]


def read_chunk(
    chunk: Chunk, limits: Limits = DEFAULT_LIMITS, reader: str = "pdfium"
) -> list[PageRead]:
    """Read pages of one file and find dates and signatures on each (runs in a worker)."""
    return [
        found_on(page) for page in read_pages(chunk.source, limits, reader, chunk.start, chunk.stop)
    ]


def found_on(page: Page) -> PageRead:
    """A page with the dates and signatures on it, its words merged line by line."""
    dates = tuple(find_dates(page.lines, page.number, page_height=page.height))
    signatures = tuple(find_signatures(page, dates))
    # Later stages need each line's text and place, not its words: keep memory per page
    # small however long the file.
    return PageRead(compact(page), dates, signatures)


@dataclass(frozen=True, slots=True)
class Documents:
    """A whole file's documents, built in the worker that read it."""

    documents: tuple[Document, ...]


@dataclass(frozen=True, slots=True)
class PartRead:
    """Pages of a part of a long file, or of a file with pages to OCR, and (in its first
    part) the file's digital signatures."""

    pages: tuple[PageRead, ...]
    digital: tuple[Signature, ...] = ()


def read_part(
    chunk: Chunk,
    limits: Limits = DEFAULT_LIMITS,
    reader: str = "pdfium",
    ocr: OcrMode = OcrMode.AUTO,
) -> Documents | PartRead:
    """A whole file to its documents, or a part of a long file (or a file with pages
    still to be read by OCR, or left unread) to its pages (in a worker)."""
    reads = read_chunk(chunk, limits, reader)
    if ocr is OcrMode.ALWAYS:
        reads = [replace(r, page=replace(r.page, unread=True)) for r in reads]
    digital = digital_signatures(chunk.source) if chunk.start == 0 else ()
    if chunk.stop is None and not any(r.page.unread for r in reads):
        return Documents(tuple(documents_of(chunk.source.rel, reads, digital)))
    return PartRead(tuple(reads), digital)


@dataclass(frozen=True, slots=True)
class OcrTask:
    """One page to read by OCR: the file's index in the run, the file, the page number
    (1-based) and the page's text layer, if any."""

    file: int
    source: ingest.SourceFile
    number: int
    layer: Page | None = None


def read_scan(task: OcrTask, settings: OcrSettings) -> PageRead:
    """One page read by OCR, with its dates and signatures (runs in a worker)."""
    return found_on(read_scanned(task.source, task.number, settings, task.layer))


def digital_signatures(source: ingest.SourceFile) -> tuple[Signature, ...]:
    if source.type is not ingest.FileType.PDF:
        return ()
    return tuple(
        Signature(d.page, SignatureKind.DIGITAL, d.signer, d.date, d.intact)
        for d in read_digital_signatures(source.path)
    )


def compact(page: Page) -> Page:
    """The page with each line's words merged into one word spanning the line."""
    lines = tuple(
        TextLine(
            (Word(line.text, line.x0, line.top, line.x1, line.bottom, line.size),),
            line.text,
            line.cells,
            line.top,
            line.bottom,
        )
        for line in page.lines
    )
    return replace(page, lines=lines)


def _by_page(
    reads: Sequence[PageRead],
) -> tuple[list[Page], dict[int, list[DateMention]], dict[int, list[Signature]]]:
    """The pages, and each page's dates and signatures by its number."""
    pages = [r.page for r in reads]
    dates = {r.page.number: list(r.dates) for r in reads}
    signatures = {r.page.number: list(r.signatures) for r in reads}
    return pages, dates, signatures


def build_ahead(
    file: str,
    reads: Sequence[PageRead],
    verdicts: dict[int, PageVerdict],
    built: dict[Segment, Document],
) -> dict[Segment, Document]:
    """The documents of a long file that are already whole, built as its parts arrive:
    those of its first pages (a run from page 1 with no gap) but the last, which the next
    part may go on with. Splitting is left to right, so these are what the whole file's
    split will give; documents_of uses one only where its segment is the same."""
    ordered = sorted((r for r in reads if not r.page.unread), key=lambda r: r.page.number)
    prefix: list[PageRead] = []
    for r in ordered:
        if r.page.number != len(prefix) + 1 or r.page.number not in verdicts:
            break
        prefix.append(r)
    if len(prefix) < 2:
        return built
    pages, page_dates, page_signatures = _by_page(prefix)
    segments = segment(pages, [verdicts[p.number] for p in pages])
    for seg in segments[:-1]:
        if seg not in built:
            built[seg] = build_document(file, seg, pages, page_dates, page_signatures)
    return built


def documents_of(
    file: str,
    reads: Sequence[PageRead],
    digital: Sequence[Signature] = (),
    verdicts: dict[int, PageVerdict] | None = None,
    deadline: float | None = None,
    built: dict[Segment, Document] | None = None,
) -> list[Document]:
    """A file's pages split into documents, each with what its item's rule needs.

    `verdicts` are pages already judged (as a long file's parts arrived), by page number;
    `built`, documents built then (see build_ahead), by their segment.
    Past `deadline` (time.monotonic()), TimeLimit is raised between one page or document
    and the next: every pattern run on their text is linear, so no step runs long.
    """

    def in_time() -> None:
        if deadline is not None and time.monotonic() > deadline:
            raise TimeLimit()

    pages, page_dates, page_signatures = _by_page(reads)
    for signature in digital:
        page_signatures.get(signature.page, page_signatures[pages[0].number]).append(signature)
    judged = []
    for page in pages:
        in_time()
        judged.append((verdicts or {}).get(page.number) or judge_page(page))
    documents = []
    for seg in segment(pages, judged):
        in_time()
        ready = (built or {}).get(seg)
        documents.append(ready or build_document(file, seg, pages, page_dates, page_signatures))
    return documents


class TimeLimit(Exception):
    """A file's time limit ran out in this process's own work on it."""


def _judge(
    path: str, documents: list[Document], errors: list[FileError], settings: Settings
) -> PacketReport:
    errors.sort(key=lambda e: e.file)
    knowledge = settings.knowledge or load_knowledge()
    patient = packet_patient(documents, settings.patient)
    documents, identity_flags = set_apart_others(documents, patient)
    policy = findings.evaluate(
        documents, knowledge, settings.as_of, settings.product, settings.facility
    )
    context = item_rules.Context(
        serology_months=knowledge.serology_months,
        biopsy_months=knowledge.biopsy_months,
        listed_center=policy.listed_center,
    )
    items = item_rules.evaluate(documents, settings.as_of, context)
    flags: list[Flag] = [
        Flag(
            "signature-integrity",
            f"the digital signature of {s.signer or 'an unnamed signer'} in {d.file} p. {s.page} "
            "does not match the document: it was changed after signing",
        )
        for d in documents
        for s in d.signatures
        if s.intact is False
    ]
    flags += [flag for d in documents if (flag := low_confidence(d)) is not None]
    flags += [Flag("needs-review", f"{where(d)}: {d.review}") for d in documents if d.review]
    flags += policy.flags
    for item in items:
        for flag in item.flags:
            if flag not in flags:
                flags.append(flag)
    flags = identity_flags + flags
    if not documents and not errors:
        flags.insert(0, Flag("empty-packet", EMPTY_PACKET))
    return PacketReport(
        path=path,
        items=tuple(_say_whose(item, documents) for item in items),
        documents=tuple(documents),
        errors=tuple(errors),
        flags=tuple(flags),
        product=policy.product,
        facility=policy.facility,
        patient=patient,
    )


EMPTY_PACKET = "the packet is empty: it holds no PDF or image file to read"


def packet_patient(documents: Sequence[Document], option: Patient | None) -> Patient | None:
    """The packet's patient: --patient, else the letter of medical necessity's, else the
    one most documents name."""
    if option is not None:
        return option
    for doc in documents:
        if doc.item is ItemId.A and doc.patient is not None and doc.patient.name:
            return doc.patient
    named = [d.patient for d in documents if d.patient is not None and d.patient.name]
    if not named:
        return None
    # The largest group of documents that name the same person; the first of it.
    groups: list[list[Patient]] = []
    for person in named:
        for group in groups:
            if identity.match(person, group[0]) is identity.Match.SAME:
                group.append(person)
                break
        else:
            groups.append([person])
    best = max(groups, key=len)
    # Fill in what one document printed and another did not (a DOB, a member ID).
    return Patient(
        name=best[0].name,
        birth_date=next((p.birth_date for p in best if p.birth_date), None),
        member_id=next((p.member_id for p in best if p.member_id), None),
        mrn=next((p.mrn for p in best if p.mrn), None),
    )


def set_apart_others(
    documents: Sequence[Document], patient: Patient | None
) -> tuple[list[Document], list[Flag]]:
    """Another patient's documents count for no item; each gets a patient-mismatch flag.
    A name that matches while an identifier does not agree is a needs-review."""
    if patient is None:
        return list(documents), []
    kept: list[Document] = []
    flags: list[Flag] = []
    for doc in documents:
        if doc.patient is None:
            kept.append(doc)
            continue
        verdict = identity.match(doc.patient, patient, read_by_ocr=doc.ocr)
        place = where(doc)
        what = (doc.title or "document").lower()
        if verdict is identity.Match.OTHER:
            kept.append(replace(doc, item=None, claimed_item=doc.item))
            flags.append(
                Flag(
                    MISMATCH,
                    f"{place}: this {what} is for {identity.printed(doc.patient)}, not the "
                    f"packet's patient {identity.printed(patient)}: it counts for no item; "
                    "remove it from the packet",
                )
            )
        else:
            kept.append(doc)
            if verdict is identity.Match.UNSURE:
                flags.append(
                    Flag(
                        "needs-review",
                        f"{place}: the patient printed ({identity.printed(doc.patient)}) and "
                        f"the packet's patient ({identity.printed(patient)}) agree in part "
                        "only (a name or an identifier that may be misread): check whose "
                        "document it is",
                    )
                )
    return kept, flags


def _say_whose(item: ItemReport, documents: Sequence[Document]) -> ItemReport:
    """An item left without evidence because its documents are another patient's says so."""
    if item.status is not Status.MISSING:
        return item
    others = [d for d in documents if d.claimed_item is item.id]
    if not others:
        return item
    if len(others) == 1:
        (doc,) = others
        what = (doc.title or "document").lower()
        reason = f"the only {what}, {where(doc)}, is for another patient"
    else:
        named = "; ".join(where(d) for d in others)
        reason = f"the only documents found for it ({named}) are for another patient"
    return replace(item, reasons=(*item.reasons, reason))


def low_confidence(document: Document) -> Flag | None:
    """The pages OCR read with too little confidence to trust without a look, if any."""
    low = [(n, c) for n, c in document.ocr_pages if c < LOW_CONFIDENCE]
    if not low:
        return None
    pages = ", ".join(str(n) for n, _ in low)
    scores = ", ".join(f"{c:.0f}%" for _, c in low)
    return Flag(
        "low-ocr-confidence",
        f"{document.file} p. {pages}: read by OCR with low confidence ({scores}); "
        f"check {'it' if len(low) == 1 else 'them'} by eye before relying on what was found",
    )


def build_document(
    file: str,
    seg: Segment,
    pages: Sequence[Page],
    page_dates: dict[int, list[DateMention]],
    page_signatures: dict[int, list[Signature]],
) -> Document:
    own = [p for p in pages if p.number in seg.pages]
    # Numeric dates in the order the document itself writes them (day-first or not).
    dates, _ = settle_order(
        [d for n in seg.pages for d in page_dates[n]], "\n".join(p.text for p in own)
    )
    if seg.item is not ItemId.A:
        # A lone date near the top is a letter's date line only in a letter.
        dates = [replace(d, role=Role.OTHER) if d.role is Role.LETTER else d for d in dates]
    signatures = tuple(s for n in seg.pages for s in page_signatures[n])
    body: Content = None
    date: DateMention | None = None
    if seg.item is not None:
        body, date = item_rules.RULES[seg.item].read(own, dates, signatures)
    return Document(
        file=file,
        pages=seg.pages,
        item=seg.item,
        title=seg.title,
        date=date,
        dates=tuple(dates),
        signatures=signatures,
        ocr=any(p.ocr for p in own),
        ocr_pages=tuple(
            (p.number, round(p.confidence, 1)) for p in own if p.ocr and p.confidence is not None
        ),
        content=body,
        review=seg.review,
        patient=identity.read_patient(own, dates),
        lines=tuple((p.number, line.text) for p in own for line in p.lines)
        if seg.item in (ItemId.A, ItemId.B, ItemId.F)
        else (),
        marks=find_marks(own, seg.item, seg.title, date, signatures, body),
        turned=tuple((p.number, p.turned) for p in own if p.turned),
    )
