"""What decided a document's verdict, boxed on its pages: the HTML report draws these marks.

Read where the pages still have their lines (as a document is built); the marks change no
verdict and no other format shows them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial

from carcheck.extract.signatures import signature_zones
from carcheck.items.f_psychosocial import PARTS
from carcheck.model import (
    Box,
    Content,
    DateMention,
    DiagnosticContent,
    FacilityContent,
    ItemId,
    LetterContent,
    Mark,
    Page,
    PsychosocialContent,
    SerologyContent,
    Signature,
    TextLine,
)

# F's parts as the policy numbers them.
PART_NAMES = {
    "compliance": "F1 medical compliance",
    "support": "F2 support network",
    "care_plan": "F3 post-treatment care plan",
    "mental_health": "F4 mental health",
    "substance": "F4 substance use",
    "legal": "F4 legal history",
}
# A heading stands in the top of its page.
HEAD_SHARE = 0.4
_BIOPSY = re.compile(r"bone\s+marrow", re.IGNORECASE)
_TITLE_WORD = re.compile(r"[a-z]{5,}")


def find_marks(
    pages: Sequence[Page],
    item: ItemId | None,
    title: str | None,
    date: DateMention | None,
    signatures: Sequence[Signature],
    content: Content,
) -> tuple[Mark, ...]:
    """The marks of one document's pages (`pages` as read, with their lines)."""
    by_number = {p.number: p for p in pages}
    marks: list[Mark] = []

    def add(number: int, box: Box | TextLine, what: str) -> None:
        page = by_number.get(number)
        if page is None or page.width <= 0 or page.height <= 0:
            return
        mark = Mark(
            number,
            what,
            _share(box.x0, page.width),
            _share(box.top, page.height),
            _share(box.x1, page.width),
            _share(box.bottom, page.height),
        )
        if mark.x1 > mark.x0 and mark.bottom > mark.top and mark not in marks:
            marks.append(mark)

    def add_line(number: int, index: int | None, what: str) -> None:
        page = by_number.get(number)
        if page is not None and index is not None and 0 <= index < len(page.lines):
            if page.lines[index].words:
                add(number, page.lines[index], what)

    heading = _heading(pages[0], title) if pages and title else None
    if heading is not None:
        add(pages[0].number, heading, f"kind: {title}")
    if date is not None and not date.impossible:
        add_line(date.page, date.line, f"date that counts ({date.role.value}): {date.date}")
    for signature in signatures:
        if signature.box is not None:
            signer = signature.signer or "no name read"
            add(signature.page, signature.box, f"signature ({signature.kind.value}): {signer}")
    if item is ItemId.A and isinstance(content, LetterContent):
        if not any(s.box is not None for s in signatures):
            for page in pages:
                for zone, _ in signature_zones(page):
                    add(page.number, zone, "signature place: no signature found")
    if isinstance(content, SerologyContent):
        for result in content.results:
            add_line(result.page, result.line, f"{result.virus.value}: {result.outcome.value}")
            if result.date is not None and not result.date.impossible:
                what = f"{result.virus.value} date ({result.date.role.value}): {result.date.date}"
                add_line(result.date.page, result.date.line, what)
    if isinstance(content, DiagnosticContent) and content.bone_marrow_biopsy:
        _first_line(pages, _BIOPSY, partial(_labelled, add, "bone marrow biopsy"))
    if isinstance(content, FacilityContent) and content.facility:
        facility = re.compile(re.escape(content.facility), re.IGNORECASE)
        _first_line(pages, facility, partial(_labelled, add, "facility"))
    if isinstance(content, PsychosocialContent):
        for part, pattern in PARTS.items():
            _first_line(pages, pattern, partial(_labelled, add, PART_NAMES[part]))
        for role, name in (
            ("primary", content.primary_caregiver),
            ("secondary", content.secondary_caregiver),
        ):
            if name:
                named = re.compile(re.escape(name), re.IGNORECASE)
                _first_line(pages, named, partial(_labelled, add, f"F3 {role} caregiver: {name}"))
    return tuple(marks)


def _labelled(
    add: Callable[[int, Box | TextLine, str], None], what: str, number: int, line: TextLine
) -> None:
    add(number, line, what)


def _share(value: float, whole: float) -> float:
    return round(min(1.0, max(0.0, value / whole)), 4)


def _heading(page: Page, title: str) -> TextLine | None:
    """The line near the top of the first page that names the document's kind."""
    wanted = title.lower()
    words = set(_TITLE_WORD.findall(wanted))
    top = [line for line in page.lines if line.words and line.bottom <= page.height * HEAD_SHARE]
    for line in top:
        if wanted in line.text.lower():
            return line
    for line in top[:15]:
        if words & set(_TITLE_WORD.findall(line.text.lower())):
            return line
    return None


def _first_line(
    pages: Sequence[Page], pattern: re.Pattern[str], found: Callable[[int, TextLine], None]
) -> None:
    """Call `found(page number, line)` for the first line `pattern` matches, if any."""
    for page in pages:
        for line in page.lines:
            if line.words and pattern.search(line.text):
                found(page.number, line)
                return
