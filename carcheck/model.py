"""The data model: frozen dataclasses and enums shared by every stage; no I/O here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class ItemId(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"


class Status(StrEnum):
    PRESENT = "present"
    STALE = "stale"
    INCOMPLETE = "incomplete"
    MISSING = "missing"
    NOT_PROVIDED = "not_provided"


class Role(StrEnum):
    """What a date on a page stands for, read from the words around it."""

    LETTER = "letter"
    SIGNED = "signed"
    COLLECTED = "collected"
    RECEIVED = "received"
    REPORTED = "reported"
    PROCEDURE = "procedure"
    BIRTH = "birth"
    OTHER = "other"


class SignatureKind(StrEnum):
    DIGITAL = "digital"
    ELECTRONIC = "electronic"
    IMAGE = "image"
    INK = "ink"


class Virus(StrEnum):
    HIV = "HIV"
    HBV = "hepatitis B"
    HCV = "hepatitis C"


class Outcome(StrEnum):
    """A serology result as read from the report."""

    NEGATIVE = "negative"
    POSITIVE = "positive"
    PENDING = "pending"  # pending, cancelled, not performed: not a result
    UNKNOWN = "unknown"  # analyte named but no readable result


# --- pages -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in PDF points, origin top-left (pdfplumber's convention)."""

    x0: float
    top: float
    x1: float
    bottom: float


class Placed(Protocol):
    """Anything with a box on a page: a Box, a Word."""

    @property
    def x0(self) -> float: ...
    @property
    def top(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def bottom(self) -> float: ...


def overlaps(a: Placed, b: Placed) -> bool:
    """Whether two boxes on a page share any area."""
    return a.x0 < b.x1 and b.x0 < a.x1 and a.top < b.bottom and b.top < a.bottom


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0  # font size in points; 0 when unknown (OCR)


# A gap wider than this many times the font size parts two cells of a line.
CELL_GAP = 1.6


def _cell_starts(words: tuple[Word, ...]) -> tuple[int, ...]:
    starts: list[int] = []
    offset = 0
    for before, after in zip(words, words[1:], strict=False):
        offset += len(before.text) + 1
        size = before.size or (before.bottom - before.top) or 10.0
        if after.x0 - before.x1 > CELL_GAP * size:
            starts.append(offset)
    return tuple(starts)


@dataclass(frozen=True, slots=True)
class TextLine:
    """Words that share a baseline, left to right."""

    words: tuple[Word, ...]
    text: str = field(default="", compare=False)  # the words joined by spaces; derived
    # Where a wide gap parts the line into cells (a form's label and its value, a table's
    # columns): character offsets into `text` of each cell after the first; derived.
    cells: tuple[int, ...] | None = field(default=None, compare=False)
    # Its top and bottom (points from the page's top): derived, kept, as they are asked often.
    top: float = field(default=0.0, compare=False, repr=False)
    bottom: float = field(default=0.0, compare=False, repr=False)

    def __post_init__(self) -> None:
        words = self.words
        if not self.text:
            object.__setattr__(self, "text", " ".join([w.text for w in words]))
        if self.cells is None:
            object.__setattr__(self, "cells", _cell_starts(words))
        if words and self.top == 0.0 and self.bottom == 0.0:  # not given: from the words
            object.__setattr__(self, "top", min([w.top for w in words]))
            object.__setattr__(self, "bottom", max([w.bottom for w in words]))

    def cell_texts(self) -> list[str]:
        """The line's cells, left to right."""
        starts = [0, *(self.cells or ()), len(self.text)]
        return [self.text[a:b].strip() for a, b in zip(starts, starts[1:], strict=False)]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)


@dataclass(frozen=True, slots=True)
class Geometry:
    """Non-text marks on a page that signature detection looks at."""

    rules: tuple[Box, ...] = ()  # horizontal line segments (signature lines, table rules)
    images: tuple[Box, ...] = ()
    strokes: tuple[Box, ...] = ()  # curves and non-horizontal segments (drawn ink)


@dataclass(frozen=True, slots=True)
class Page:
    """One page as read from a file, whatever produced its words."""

    number: int  # 1-based within its file
    width: float
    height: float
    lines: tuple[TextLine, ...]
    geometry: Geometry = field(default_factory=Geometry)
    ocr: bool = False  # its words came from OCR
    unread: bool = False  # a scanned image whose text is not (yet) read: needs OCR
    confidence: float | None = None  # OCR's confidence in its words, 0-100
    turned: int = 0  # OCR read its picture turned this far (degrees clockwise)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


# --- findings on pages -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateMention:
    date: dt.date
    role: Role
    page: int
    line: int  # index of the line within its page
    raw: str  # the characters matched
    # A numeric date whose order is open (03/04/2026): its day-first reading. None when
    # the form is unambiguous or the document settles the order.
    alt: dt.date | None = None
    day_first_only: bool = False  # only the day-first reading is a real date (24/05/1977)
    month_first_only: bool = False  # only the month-first reading is (05/24/1977)
    # Written as a date but no real day ("30-Feb-2026"): unreadable, never replaced by
    # another date. Its `date` is a placeholder that nothing may use.
    impossible: bool = False


@dataclass(frozen=True, slots=True)
class Signature:
    page: int
    kind: SignatureKind
    signer: str | None
    date: dt.date | None = None
    intact: bool | None = None  # digital only: False when changed after signing
    # Where it is on its page (the statement's line, the mark); None for digital ones.
    box: Box | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Mark:
    """A place on a page that decided a verdict, for a reader to see: its box as shares
    (0-1) of the page's width and height as read (upright), and what it shows."""

    page: int
    what: str
    x0: float
    top: float
    x1: float
    bottom: float


# --- what documents say ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class LetterContent:
    signatures: tuple[Signature, ...]
    attending: str | None  # the attending physician the letter names, if any
    has_regimens: bool  # past chemotherapy regimens with their dates
    has_clinical_history: bool
    has_social_history: bool
    has_indication: bool
    blank_signature_line: bool = False  # a signature line/block with nothing on it


@dataclass(frozen=True, slots=True)
class SerologyResult:
    virus: Virus
    test: str  # the analyte as named on the report
    outcome: Outcome
    date: DateMention | None  # the date that counts (collected, else reported)
    page: int
    line: int | None = field(default=None, compare=False)  # its line's index on the page


@dataclass(frozen=True, slots=True)
class SerologyContent:
    results: tuple[SerologyResult, ...]


@dataclass(frozen=True, slots=True)
class DiagnosticContent:
    bone_marrow_biopsy: bool
    date: DateMention | None  # procedure/collection date, else report date


@dataclass(frozen=True, slots=True)
class PsychosocialContent:
    compliance: bool
    support_network: bool
    primary_caregiver: str | None
    secondary_caregiver: str | None
    care_plan: bool  # a post-treatment care plan is addressed at all
    mental_health: bool
    substance_use: bool
    legal: bool


@dataclass(frozen=True, slots=True)
class FacilityContent:
    facility: str | None
    # The document's own words where it says the site is not (yet) authorized and
    # nowhere says it is: "your site is not yet authorized to order ..."; None otherwise.
    not_authorized: str | None = None


Content = (
    LetterContent
    | SerologyContent
    | DiagnosticContent
    | PsychosocialContent
    | FacilityContent
    | None
)


@dataclass(frozen=True, slots=True)
class Patient:
    """Who a packet or a document is for, as printed."""

    name: str | None
    birth_date: dt.date | None
    member_id: str | None
    mrn: str | None = None  # differs between institutions: never decides alone


@dataclass(frozen=True, slots=True)
class Document:
    """Consecutive pages of one file that make one document."""

    file: str  # relative to the packet, '/' separators
    pages: tuple[int, ...]
    item: ItemId | None
    title: str | None
    date: DateMention | None  # the date that counts for its item
    dates: tuple[DateMention, ...]
    signatures: tuple[Signature, ...] = ()
    ocr: bool = False
    # (page, OCR confidence 0-100) for each of its pages read by OCR.
    ocr_pages: tuple[tuple[int, float], ...] = ()
    content: Content = None
    # The text of letters, facility verifications and evaluations, line by line with its
    # page: what the policy checks (product, exclusions, facility) read. Never reported.
    lines: tuple[tuple[int, str], ...] = ()
    review: str | None = None  # how it was placed was a close call: what to look at
    patient: Patient | None = None  # the patient it names, if any
    claimed_item: ItemId | None = None  # another patient's document: the item it would serve
    # What decided its kind, date, signatures and content, boxed on its pages; and the
    # pages OCR read turned, (page, degrees clockwise). For the HTML report; never judged.
    marks: tuple[Mark, ...] = field(default=(), compare=False)
    turned: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class FileError:
    """A packet file that could not be read in full."""

    file: str
    message: str


@dataclass(frozen=True, slots=True)
class Flag:
    code: str  # stable kebab-case
    message: str


# --- verdicts --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemReport:
    id: ItemId
    title: str
    required: bool
    status: Status
    reasons: tuple[str, ...]
    documents: tuple[Document, ...]  # the evidence considered, best first
    date: dt.date | None = None  # the date that counts
    flags: tuple[Flag, ...] = ()
    # C and D: the boundary a date must pass (C: after it; D: on or after it).
    cutoff: dt.date | None = None


@dataclass(frozen=True, slots=True)
class PacketReport:
    path: str
    items: tuple[ItemReport, ...]
    documents: tuple[Document, ...]
    errors: tuple[FileError, ...]
    flags: tuple[Flag, ...]
    product: str | None = None
    facility: str | None = None
    patient: Patient | None = None

    @property
    def complete(self) -> bool:
        """A, B, C, D and F present, every file read, and no other patient's document."""
        if self.errors or any(f.code == MISMATCH for f in self.flags):
            return False
        return all(i.status is Status.PRESENT for i in self.items if i.required)


MISMATCH = "patient-mismatch"  # the one flag that makes a packet not complete


@dataclass(frozen=True, slots=True)
class RunReport:
    as_of: dt.date
    packets: tuple[PacketReport, ...]
