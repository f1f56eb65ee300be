"""Pages built from plain strings, for tests of the stages after page reading."""

from __future__ import annotations

from carcheck.model import Page, TextLine, Word

CHAR_WIDTH = 5.0
LINE_HEIGHT = 14.0


def text_line(text: str, top: float, x0: float = 72.0, size: float = 10.0) -> TextLine:
    words = []
    x = x0
    for token in text.split():
        width = len(token) * CHAR_WIDTH
        words.append(Word(token, x, top, x + width, top + size, size))
        x += width + CHAR_WIDTH
    return TextLine(tuple(words))


def make_page(*texts: str, number: int = 1, title_size: float | None = None) -> Page:
    """A page whose lines are `texts`, top-down; the first line larger when `title_size`."""
    lines = []
    for index, text in enumerate(texts):
        if not text.strip():
            continue
        size = title_size if (title_size and index == 0) else 10.0
        lines.append(text_line(text, 40.0 + index * LINE_HEIGHT, size=size))
    return Page(number=number, width=612.0, height=792.0, lines=tuple(lines))
