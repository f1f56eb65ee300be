"""A document's text lines with where they stand, and the date helpers every reader shares."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from carcheck.model import DateMention, Page, Role


@dataclass(frozen=True, slots=True)
class Line:
    """A text line of a document with where it stands."""

    page: int
    index: int  # within its page
    text: str
    cells: tuple[str, ...] = ()  # the line parted at wide gaps (label, value, ...)


def doc_lines(pages: Sequence[Page]) -> list[Line]:
    return [
        Line(p.number, i, line.text, tuple(line.cell_texts()))
        for p in pages
        for i, line in enumerate(p.lines)
    ]


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def first_of(dates: Sequence[DateMention], roles: Sequence[Role]) -> DateMention | None:
    """The first date of the first of `roles` that the document has."""
    for role in roles:
        for mention in dates:
            if mention.role is role:
                return mention
    return None
