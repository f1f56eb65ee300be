"""A kind of document by its words: the pattern, its weight, and the item it serves.

Each item module declares the kinds its documents come in (`KINDS`); classify.py scores
pages against all of them, and against the kinds that serve no item (notes, forms, notices).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

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
    # Strings one of which every match contains (None: no such list is known): a page
    # with none of them is not searched with the pattern at all.
    needs: tuple[str, ...] | None = None

    def may_match(self, text: str) -> bool:
        return self.needs is None or any(needed in text for needed in self.needs)


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
    compiled = re.compile(pattern, re.MULTILINE)
    return Kind(item, label, compiled, weight, title_only, rows, needed_strings(pattern))


def needed_strings(pattern: str) -> tuple[str, ...] | None:
    """Literal strings one of which every match of `pattern` contains, read from its
    parsed form: per alternative, its longest run of plain characters (or, failing that,
    what a group it cannot skip needs). None where some alternative has neither."""
    try:  # the standard library's own parser of patterns
        _parser = importlib.import_module("re._parser")
    except ImportError:  # pragma: no cover - a Python without it: search every page
        return None
    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return None
    found = _needs(list(parsed), _parser)
    return tuple(sorted(set(found))) if found else None


def _needs(items: list[Any], parser: Any) -> list[str] | None:
    """What a sequence of parsed items needs (see needed_strings)."""
    if len(items) == 1 and items[0][0] is parser.BRANCH:
        needed: list[str] = []
        for branch in items[0][1][1]:
            alternative = _needs(list(branch), parser)
            if not alternative:
                return None
            needed += alternative
        return needed
    runs: list[str] = []
    current = ""
    group: list[str] | None = None
    for op, arg in items:
        if op is parser.LITERAL:
            current += chr(arg)
            continue
        runs.append(current)
        current = ""
        if group is None and op is parser.SUBPATTERN:
            group = _needs(list(arg[-1]), parser)
        elif group is None and op is parser.BRANCH:  # alternatives the parser factored
            group = _needs([(op, arg)], parser)
        elif group is None and op is parser.MAX_REPEAT and arg[0] >= 1:
            group = _needs(list(arg[2]), parser)
    runs.append(current)
    longest = max(runs, key=len)
    if len(longest) >= 2:
        return [longest]
    return group
