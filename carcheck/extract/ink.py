"""Marks on a scanned page that are not printed words: ruled lines and handwriting.

On a text PDF a signature line is a drawn path and a signature an image or strokes; on a
scan all of it is pixels. This module finds the long horizontal rules in a page picture,
and measures ink inside a signature zone once the printed words (OCR boxes) and the rules
are blanked out: a signed zone holds pen strokes, a blank signature line holds only its
line (and some fax speckle).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PIL import Image, ImageDraw

from carcheck.model import Box

DARK = 128  # gray levels below this are ink
# Pixels per run cell when looking for rules: a rule is a run of dark cells.
RULE_CELL = 4
# Share of dark pixels in a zone that makes it signed: blank lines measured about 0.004
# and signed ones 0.025-0.046 on faxes (FIELD-NOTES).
INK_SHARE = 0.012
# Ink closer than this to a rule's pixels (px) belongs to the rule.
RULE_MARGIN = 3


def dark_mask(picture: Image.Image) -> Image.Image:
    """Ink as 255, paper as 0 (mode "L")."""
    return picture.point(lambda v: 255 if v < DARK else 0)


def dark_share(mask: Image.Image) -> float:
    histogram = mask.histogram()
    total = mask.width * mask.height
    return histogram[255] / total if total else 0.0


def rules(mask: Image.Image, min_length_px: int) -> list[Box]:
    """Horizontal rules at least `min_length_px` long, in pixels of the picture."""
    found: list[Box] = []
    for row, x0, x1 in _runs(mask, min_length_px):
        # A rule two or three pixels thick is one rule.
        last = found[-1] if found else None
        if last and row - last.bottom <= 1 and abs(last.x0 - x0) <= 8 and abs(last.x1 - x1) <= 8:
            found[-1] = Box(min(last.x0, x0), last.top, max(last.x1, x1), row + 1)
        else:
            found.append(Box(x0, row, x1, row + 1))
    # Text set densely may make a long run; a rule is thin.
    return _joined([r for r in found if r.bottom - r.top <= 6])


def _runs(mask: Image.Image, min_length_px: int) -> list[tuple[int, int, int]]:
    """(row, x0, x1) of every run of ink along a pixel row at least `min_length_px` long."""
    cells_w = max(1, mask.width // RULE_CELL)
    cells = mask.resize((cells_w, mask.height), Image.Resampling.BOX)
    dark = cells.point(lambda v: 1 if v >= 160 else 0).tobytes()
    need = max(2, min_length_px // RULE_CELL)
    pattern = re.compile(rb"\x01{%d,}" % need)
    found: list[tuple[int, int, int]] = []
    for row in range(mask.height):
        line = dark[row * cells_w : (row + 1) * cells_w]
        if line.count(1) < need:
            continue
        for match in pattern.finditer(line):
            found.append((row, match.start() * RULE_CELL, match.end() * RULE_CELL))
    return found


def _joined(rules: list[Box]) -> list[Box]:
    """Pieces of one rule (a slightly skewed line steps from row to row) made one box."""
    out: list[Box] = []
    for rule in sorted(rules, key=lambda r: (r.top, r.x0)):
        for k, seen in enumerate(out):
            if abs(seen.top - rule.top) <= 3 and rule.x0 <= seen.x1 + 8 and seen.x0 <= rule.x1 + 8:
                out[k] = Box(
                    min(seen.x0, rule.x0),
                    min(seen.top, rule.top),
                    max(seen.x1, rule.x1),
                    max(seen.bottom, rule.bottom),
                )
                break
        else:
            out.append(rule)
    return out


def ink(mask: Image.Image, zone: Box, printed: Sequence[Box], ruled: Sequence[Box]) -> Box | None:
    """The box of the handwriting in `zone` (pixels), or None when the zone holds none."""
    x0, top = max(0, int(zone.x0)), max(0, int(zone.top))
    x1, bottom = min(mask.width, int(zone.x1)), min(mask.height, int(zone.bottom))
    if x1 - x0 < 4 or bottom - top < 4:
        return None
    crop = mask.crop((x0, top, x1, bottom))
    draw = ImageDraw.Draw(crop)
    for box in list(printed) + [
        Box(r.x0 - RULE_MARGIN, r.top - RULE_MARGIN, r.x1 + RULE_MARGIN, r.bottom + RULE_MARGIN)
        for r in ruled
    ]:
        draw.rectangle((box.x0 - x0, box.top - top, box.x1 - x0, box.bottom - top), fill=0)
    if dark_share(crop) < INK_SHARE:
        return None
    inked = crop.getbbox()
    if inked is None:
        return None
    return Box(x0 + inked[0], top + inked[1], x0 + inked[2], top + inked[3])
