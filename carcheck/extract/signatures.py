"""Signatures on a page: e-signature statements ("Electronically signed by ...", "/s/ ..."),
and signature images or hand-drawn strokes on a signature line or in a closing block."""

from __future__ import annotations

import re
from collections.abc import Sequence

from carcheck.model import Box, DateMention, Page, Role, Signature, SignatureKind, overlaps

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
    r"(?:electronically|digitally|e-?)\s*signed(?:\s+(?:by|off\s+by))?",
    r"signed\s+electronically(?:\s+by)?",
    r"e-?signature(?:\s+by)?",
    r"electronic\s+signature(?:\s+by)?",
    r"(?<![\w/])/s/",
)
_STATEMENT = re.compile(rf"(?P<lead>(?i:{'|'.join(_LEADS)}))\s*:?\s*{SIGNER}")
# Template phrases ("must be electronically signed by the attending") are not signatures.
_NOT_A_SIGNATURE = re.compile(
    r"\b(must|should|shall|will|to|needs?\s+to|required\s+to|has\s+not|have\s+not|not|"
    r"please|awaiting|pending)\s+(be\s+)?$",
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
        for match in _STATEMENT.finditer(text):
            if _NOT_A_SIGNATURE.search(text[: match.start()]):
                continue
            name = match.group("name")
            # Case-insensitive matching lets the name group start lower-case; a real name doesn't.
            if not name[0].isupper() or name.split()[0].lower() in _NOT_NAMES:
                continue
            signer = _clean_signer(name + match.group("creds"))
            signed_on = next(
                (d.date for d in dates if d.line == index and d.role is Role.SIGNED), None
            )
            found.append(Signature(page.number, SignatureKind.ELECTRONIC, signer, signed_on))
    return found


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

    Only ink in a signature's place counts: a letterhead logo, a barcode or a table's
    rules are elsewhere on the page, or are not ink at all.
    """
    ink = list(page.geometry.images) + list(page.geometry.strokes)
    if not ink:
        return []
    # On a scan, marks are the handwriting OCR left over (see carcheck.extract.ink).
    kind = SignatureKind.INK if page.ocr else SignatureKind.IMAGE
    found: list[Signature] = []
    for zone, below in signature_zones(page):
        if any(overlaps(mark, zone) for mark in ink):
            signature = Signature(page.number, kind, _typed_name(page, below))
            if signature not in found:
                found.append(signature)
    return found


def signature_zones(page: Page) -> list[tuple[Box, float]]:
    """Places a signature goes, each with the height below which its typed name is."""
    zones: list[tuple[Box, float]] = []
    for rule in page.geometry.rules:
        zones.append(
            (Box(rule.x0 - INK_SIDE, rule.top - INK_ABOVE, rule.x1 + INK_SIDE,
                 rule.bottom + INK_BELOW), rule.bottom)
        )  # fmt: skip
    for line in page.lines:
        for word in line.words:
            if _UNDERSCORES.search(word.text):
                zones.append(
                    (Box(word.x0 - INK_SIDE, word.top - INK_ABOVE, word.x1 + INK_SIDE,
                         word.bottom + INK_BELOW), word.bottom)
                )  # fmt: skip
    for index, line in enumerate(page.lines):
        if _CLOSING.match(line.text) and index + 1 < len(page.lines):
            after = page.lines[index + 1]
            zones.append(
                (Box(line.x0 - INK_SIDE, line.bottom - 2, max(line.x1, after.x1) + 2 * INK_SIDE,
                     after.top + 2), after.top - 1)
            )  # fmt: skip
    return zones


def _typed_name(page: Page, below: float) -> str | None:
    """The name typed under a signature line or after the signature gap, if it is one."""
    for line in page.lines:
        if line.top >= below - 2 and line.top - below < 30:
            match = _TYPED_NAME.match(line.text)
            if match and match.group("name").split()[0].lower() not in _NOT_NAMES:
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
