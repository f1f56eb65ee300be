"""Signatures on a page: e-signature statements ("Electronically signed by ...", "/s/ ..."),
and signature images or hand-drawn strokes on a signature line or in a closing block."""

from __future__ import annotations

import re
from collections.abc import Sequence

from carcheck.extract.names import is_person, person_prefix
from carcheck.model import (
    Box,
    DateMention,
    Page,
    Role,
    Signature,
    SignatureKind,
    TextLine,
    Word,
    overlaps,
)

# Credentials that may follow a signer's name.
CREDENTIALS = (
    r"M\.?\s?D\.?|D\.?\s?O\.?|Ph\.?\s?D\.?|Psy\.?\s?D\.?|N\.?P\.?(?:-C)?|A\.?P\.?R\.?N\.?|"
    r"P\.?A\.?(?:-C)?|R\.?N\.?|B\.?S\.?N\.?|M\.?S\.?N\.?|L\.?C\.?S\.?W\.?|M\.?S\.?W\.?|"
    r"F\.?A\.?C\.?P\.?|M\.?P\.?H\.?|M\.?B\.?B\.?S\.?|FNP(?:-BC)?|DNP|CRNP|LPN|MA"
)
# A name is capitalised words (case matters: "on 10/02/2026" ends it), never a credential.
_NOT_NAME_WORD = rf"(?!(?:{CREDENTIALS}|Date|On|At|Time|Signed|Electronically|Digitally)\b)"
_NAME_WORD = rf"{_NOT_NAME_WORD}[A-Z][A-Za-z'\-]+"
_NAME = rf"(?:Dr\.?\s+)?{_NAME_WORD}\.?(?:\s+[A-Z]\.)*(?:\s+{_NAME_WORD}){{1,3}}"
SIGNER = rf"(?P<name>{_NAME})(?P<creds>(?:\s*,?\s*(?:{CREDENTIALS})(?![A-Za-z]))*)"

# The statement that introduces an e-signature; the signer's name follows it.
_LEADS = (
    r"(?:electronically|digitally|e-?)\s*(?:co-?|counter-?)?signed(?:\s+(?:by|off\s+by))?",
    r"(?:co-?|counter-?)signed(?:\s+electronically)?(?:\s+by)?",
    r"signed\s+electronically(?:\s+by)?",
    r"e-?signature(?:\s+by)?",
    r"electronic\s+signature(?:\s+by)?",
    r"(?<![\w/])/s/",
)
_STATEMENT = re.compile(rf"(?P<lead>(?i:{'|'.join(_LEADS)}))\s*:?\s*{SIGNER}")
# Template phrases ("must be electronically signed by the attending") are not signatures.
_NOT_A_SIGNATURE = re.compile(
    r"\b(must|should|shall|will|to|needs?(\s+to)?|required(\s+to)?|requires?|requested|"
    r"has\s+not(\s+yet)?|have\s+not(\s+yet)?|not(\s+yet)?|never|please|awaiting|pending|"
    r"waiting\s+for|for|unsigned|draft|to\s+be|once|when|after|until)\s*[:\-–—]?\s*(be\s+)?$",
    re.IGNORECASE,
)
# A line that says the document is not signed: no statement on it is a signature.
_UNSIGNED_LINE = re.compile(
    r"\b(unsigned|not\s+(yet\s+)?(been\s+)?signed|signature\s+(pending|required|missing)|"
    r"draft)\b",
    re.IGNORECASE,
)
# After the signer's name, a value that says nobody signed: "E-signature by X: (none)".
_NO_SIGNATURE_AFTER = re.compile(
    r"^\s*[:\-–—]\s*[(\[]?\s*(none|pending|not\s+signed|unsigned|n/?a|tbd|_{3,}|-{2,})\b",
    re.IGNORECASE,
)


# Physician credentials as written after a name: upper case, so the surname "Do" is not DO.
_PHYSICIAN = re.compile(r"(?:^|[\s,])(?:M\.?\s?D|D\.?\s?O|MBBS)\.?(?=[\s,;)]|$)")
_CREDENTIAL = re.compile(rf"^(?:{CREDENTIALS})$", re.IGNORECASE)


def find_signatures(page: Page, dates: Sequence[DateMention]) -> list[Signature]:
    """Signatures on one page: statements first, then ink on signature lines."""
    found = _statements(page, dates)
    return found + _marks(page)


def _statements(page: Page, dates: Sequence[DateMention]) -> list[Signature]:
    """E-signature statements, each with the signer and the signing date."""
    found: list[Signature] = []
    for index, line in enumerate(page.lines):
        text = line.text
        if _UNSIGNED_LINE.search(text):
            continue
        for match in _STATEMENT.finditer(text):
            if _NOT_A_SIGNATURE.search(text[: match.start()]):
                continue
            if _NO_SIGNATURE_AFTER.match(text[match.end() :]):
                continue
            name = match.group("name")
            # Case-insensitive matching lets the name group start lower-case; a real name doesn't.
            if not name[0].isupper() or name.split()[0].lower() in _NOT_NAMES:
                continue
            # "Electronically signed: Emergency Medicine": a statement, but by no person.
            creds = match.group("creds")
            person = name if is_person(name + creds) else person_prefix(name)
            signer = _clean_signer(person + (creds if person == name else "")) if person else None
            if signer is None:
                signer = _name_above(page, index)
            signed_on = next(
                (d.date for d in dates if d.line == index and d.role is Role.SIGNED), None
            )
            found.append(
                Signature(page.number, SignatureKind.ELECTRONIC, signer, signed_on, box=_box(line))
            )
        if not _STATEMENT.search(text) and _BARE_STATEMENT.match(text):
            # "Julie Terry" over "Electronically signed, Case Manager": the block's name
            # stands on the line above the statement.
            signer = _name_above(page, index)
            if signer is not None:
                signed_on = next(
                    (d.date for d in dates if d.line == index and d.role is Role.SIGNED), None
                )
                found.append(
                    Signature(
                        page.number, SignatureKind.ELECTRONIC, signer, signed_on, box=_box(line)
                    )
                )
    return found


def _box(line: TextLine) -> Box:
    return Box(line.x0, line.top, line.x1, line.bottom)


# A statement with no name after it ("Electronically Signed" then a title, or nothing).
_BARE_STATEMENT = re.compile(
    r"^[^A-Za-z]{0,4}(?:electronically|digitally|e-)\s*signed\b(?!\s*(?:by|off|on)\b)(?!\s*:?\s*\.)",
    re.IGNORECASE,
)


def _name_above(page: Page, index: int) -> str | None:
    """The typed name on the line just above line `index`, if that line is one."""
    if index == 0:
        return None
    above, line = page.lines[index - 1], page.lines[index]
    if line.top - above.bottom > 14 or len(above.text.split()) > 6:
        return None
    text = above.text.strip(" :,;")
    match = _TYPED_NAME.match(text)
    if match is None:
        return None
    person = person_prefix(match.group("name") + match.group("creds"))
    return _clean_signer(person) if person else None


# How far above a signature line ink may start, and around it (points).
INK_ABOVE = 48.0
INK_BELOW = 6.0
INK_SIDE = 24.0
# A closing that opens a signature block; its signature sits between it and the typed name.
_CLOSING = re.compile(
    r"^\s*(sincerely|respectfully|regards|kind\s+regards|best\s+regards|signature|signed|"
    r"physician\s+signature|attending\s+physician\s+signature)\b",
    re.IGNORECASE,
)
_TYPED_NAME = re.compile(rf"^\s*{SIGNER}")
_UNDERSCORES = re.compile(r"_{5,}")


def _marks(page: Page) -> list[Signature]:
    """Signature images or drawn strokes on a signature line or under a closing.

    Only ink in a signature's place counts: a letterhead logo, a barcode, a check mark or
    a table's rules are elsewhere on the page, too small, or not ink at all.
    """
    images = page.geometry.images
    strokes = page.geometry.strokes
    if not images and not strokes:
        return []
    # On a scan, marks are the handwriting OCR left over (see carcheck.extract.ink).
    kind = SignatureKind.INK if page.ocr else SignatureKind.IMAGE
    found: list[Signature] = []
    for zone, below in signature_zones(page):
        # Pen strokes are judged together (a signature drawn as many short segments).
        drawn = [m for m in strokes if overlaps(m, zone)]
        marks = [m for m in images if overlaps(m, zone)] + ([_union(drawn)] if drawn else [])
        shown = [mark for mark in marks if _plausible(mark, page)]
        if shown:
            signature = Signature(page.number, kind, _typed_name(page, below), box=_union(shown))
            if signature not in found:
                found.append(signature)
    return found


def _union(boxes: Sequence[Box]) -> Box:
    return Box(
        min(b.x0 for b in boxes),
        min(b.top for b in boxes),
        max(b.x1 for b in boxes),
        max(b.bottom for b in boxes),
    )


# A letterhead's logo sits in the top band of the page; no signature does.
LETTERHEAD_BAND = 0.12
# A signature is at least this wide (points): a check mark, a dot or a bullet is not one.
MIN_MARK_WIDTH = 24.0
MIN_MARK_HEIGHT = 4.0


def _plausible(mark: Box, page: Page) -> bool:
    """Whether a mark could be a signature by where it is and its size."""
    if page.ocr:  # handwriting found in a zone's pixels: already judged there
        return True
    width, height = mark.x1 - mark.x0, mark.bottom - mark.top
    if mark.bottom < page.height * LETTERHEAD_BAND:
        return False
    # A frame or a background behind the block encloses its printed lines; ink does not.
    enclosed = sum(
        1
        for line in page.lines
        if line.x0 >= mark.x0 - 1
        and line.x1 <= mark.x1 + 1
        and line.top >= mark.top - 1
        and line.bottom <= mark.bottom + 1
    )
    if enclosed >= 2:
        return False
    # A background picture (stationery, a watermark) covers much of the page.
    if width > page.width * 0.6 and height > page.height * 0.3:
        return False
    return width >= MIN_MARK_WIDTH and height >= MIN_MARK_HEIGHT


def signature_zones(page: Page) -> list[tuple[Box, float]]:
    """Places a signature goes, each with the height below which its typed name is.

    A rule or a run of underscores is a signature line only when it is labelled as one
    (a signature word beside or under it) or a typed name stands under it: a form's box
    edges and a table's rules are not signature lines.
    """
    zones: list[tuple[Box, float]] = []
    closings = [i for i, line in enumerate(page.lines) if _CLOSING.match(line.text)]
    for rule in page.geometry.rules:
        if _labelled(page, rule, closings):
            zones.append(
                (Box(rule.x0 - INK_SIDE, rule.top - INK_ABOVE, rule.x1 + INK_SIDE,
                     rule.bottom + INK_BELOW), rule.bottom)
            )  # fmt: skip
    for line in page.lines:
        for word in line.words:
            if _UNDERSCORES.search(word.text) and _labelled(page, word, closings):
                zones.append(
                    (Box(word.x0 - INK_SIDE, word.top - INK_ABOVE, word.x1 + INK_SIDE,
                         word.bottom + INK_BELOW), word.bottom)
                )  # fmt: skip
    for index in closings:
        line = page.lines[index]
        if index + 1 < len(page.lines):
            after = page.lines[index + 1]
            zones.append(
                (Box(line.x0 - INK_SIDE, line.bottom - 2, max(line.x1, after.x1) + 2 * INK_SIDE,
                     after.top + 2), after.top - 1)
            )  # fmt: skip
    return zones


# Words that label a signature line, beside it, under it or over it.
_SIGN_LABEL = re.compile(
    r"\b(sign(ature|ed)?|signer|signatory|authori[sz]ed\s+by|counter-?signed|co-?signed|"
    r"attested)\b",
    re.IGNORECASE,
)
# A short label that is only a role: "Attending Physician", "Prescriber", "Treating oncologist".
_ROLE_LABEL = re.compile(
    r"^\s*((attending|treating|ordering|requesting|referring)\s+)?"
    r"(physician|prescriber|provider|oncologist|hematologist|doctor|md)\b[\w\s,.'/-]{0,20}$",
    re.IGNORECASE,
)
LABEL_GAP = 16.0  # points between a signature line and its label or typed name


def _labelled(page: Page, line_box: Box | Word, closings: Sequence[int]) -> bool:
    """Whether a rule (or run of underscores) is a signature line: labelled as one, with a
    typed name under it, or in a letter's closing block."""
    for index, line in enumerate(page.lines):
        same_row = line.top <= line_box.bottom + 4 and line.bottom >= line_box.top - 6
        under = 0 <= line.top - line_box.bottom <= LABEL_GAP
        over = 0 <= line_box.top - line.bottom <= LABEL_GAP
        across = line.x0 < line_box.x1 + 40 and line.x1 > line_box.x0 - 200
        if not across:
            continue
        if same_row:
            before = " ".join(w.text for w in line.words if w.x1 <= line_box.x0 + 4)
            if not before and line.words and len(line.words) == 1:
                # One merged word for the whole line (a compacted page): its text.
                before = line.text.split("__", 1)[0]
            if _SIGN_LABEL.search(before) or _ROLE_LABEL.match(before):
                return True
        if (under or over) and line.x0 < line_box.x1 and line.x1 > line_box.x0:
            if _SIGN_LABEL.search(line.text) or _ROLE_LABEL.match(line.text):
                return True
            if under and _is_typed_name(line.text):
                return True
        if any(0 < index - c <= 6 for c in closings) and (under or same_row):
            return True
    return False


def _is_typed_name(text: str) -> bool:
    match = _TYPED_NAME.match(text)
    return match is not None and is_person(match.group("name"))


def _typed_name(page: Page, below: float) -> str | None:
    """The name typed under a signature line or after the signature gap, if it is one."""
    for line in page.lines:
        if line.top >= below - 2 and line.top - below < 30:
            if _SIGN_LABEL.search(line.text) or _ROLE_LABEL.match(line.text):
                continue  # "Physician signature" under the line: the name is below it
            match = _TYPED_NAME.match(line.text)
            if match and is_person(match.group("name") + match.group("creds")):
                return _clean_signer(match.group("name") + match.group("creds"))
            return None
    return None


_NOT_NAMES = {"the", "a", "an", "this", "attending", "physician", "provider", "patient", "by"}


def _clean_signer(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,")
    text = re.sub(r"\s*,\s*", ", ", text)
    return text


def is_physician(signer: str | None) -> bool:
    """Whether a signer's credentials say physician (MD or DO)."""
    return bool(signer and _PHYSICIAN.search(_credentials(signer)))


def has_credentials(signer: str | None) -> bool:
    return bool(signer and _credentials(signer).strip())


def _credentials(signer: str) -> str:
    """The credentials after a name: 'Jane Roe, MD, PhD' -> ' MD, PhD'."""
    tokens = re.split(r"(\s+|,)", signer)
    words = [t for t in tokens if t.strip(" ,")]
    tail: list[str] = []
    for word in reversed(words):
        if _CREDENTIAL.match(word.strip(".")) or _CREDENTIAL.match(word):
            tail.insert(0, word)
        else:
            break
    return " " + ", ".join(tail) if tail else ""


def surname(name: str) -> str:
    """The family name: 'Dr. Jane Q. Roe, MD, PhD' -> 'roe', to match a signer to the attending."""
    words = [w.strip(".,") for w in re.split(r"[\s,]+", name) if w.strip(".,")]
    while words and (_CREDENTIAL.match(words[-1]) or _CREDENTIAL.match(words[-1] + ".")):
        words.pop()
    words = [w for w in words if w.lower() not in ("dr", "doctor")]
    return words[-1].lower() if words else ""
