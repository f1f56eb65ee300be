"""A kind of document by its words: the pattern, its weight, and the item it serves.

Each item module declares the kinds its documents come in (`KINDS`); classify.py scores
pages against all of them, and against the kinds that serve no item (notes, forms, notices).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from carcheck.model import ItemId


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of document carcheck recognises: its item (None for no item) and label."""

    item: ItemId | None
    label: str
    pattern: re.Pattern[str]
    weight: float = 1.0
    title_only: bool = False  # counts only in a page's head: a title, not a mention
    # Counts on every line it matches (up to ROWS_COUNTED): a report's result rows say what
    # it reports more surely than its letterhead's department does.
    rows: bool = False


ROWS_COUNTED = 4


def kind(
    item: ItemId | None,
    label: str,
    pattern: str,
    weight: float = 1.0,
    title_only: bool = False,
    rows: bool = False,
) -> Kind:
    # Patterns are lower case and run over lower-cased text: much faster than IGNORECASE.
    return Kind(item, label, re.compile(pattern, re.MULTILINE), weight, title_only, rows)
