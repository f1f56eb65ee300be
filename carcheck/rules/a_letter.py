"""A. Letter of medical necessity.

WNC.CP.192 Background I.A: "A letter of medical necessity, signed by the attending
physician, documenting past chemotherapy regimens and their dates, clinical and social
history, and the indication for CAR T-cell therapy."

Signed means at least one signature on the letter's pages by a physician (MD or DO);
where the letter names its attending physician, by that physician.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from carcheck.extract.signatures import has_credentials, is_physician, surname
from carcheck.model import Document, ItemId, ItemReport, LetterContent, Status
from carcheck.rules.common import (
    documents_for,
    fewest_problems,
    future_flag,
    is_future,
    missing,
)

ID = ItemId.A
TITLE = "Letter of medical necessity"
REQUIRED = True
NEEDS = (
    "signed by the attending physician (MD or DO); documents past chemotherapy regimens "
    "with their dates, clinical and social history, and the indication for CAR T"
)
LIMIT = "none"

NOT_SIGNED = "letter is not signed"


def check(documents: Sequence[Document], as_of: dt.date) -> ItemReport:
    letters = documents_for(ID, documents)
    if not letters:
        return missing(ID, TITLE, REQUIRED, "no letter of medical necessity found")
    judged = fewest_problems(letters, problems)
    reasons, best = judged[0]
    flags = tuple(
        future_flag(letter.date, letter, as_of, "letter")
        for _, letter in judged
        if letter.date and is_future(letter.date, as_of)
    )
    date = best.date.date if best.date and not is_future(best.date, as_of) else None
    return ItemReport(
        ID,
        TITLE,
        REQUIRED,
        Status.INCOMPLETE if reasons else Status.PRESENT,
        tuple(reasons),
        tuple(letter for _, letter in judged),
        date=date,
        flags=flags,
    )


def signed_by_physician(letter: Document) -> bool:
    return not _signature_problems(letter)


def problems(letter: Document) -> list[str]:
    content = letter.content
    if not isinstance(content, LetterContent):
        return [NOT_SIGNED]
    found = _signature_problems(letter)
    if not content.has_regimens:
        found.append("letter does not document past chemotherapy regimens with their dates")
    if not content.has_clinical_history:
        found.append("letter does not document the clinical history")
    if not content.has_social_history:
        found.append("letter does not document the social history")
    if not content.has_indication:
        found.append("letter does not state the indication for CAR T-cell therapy")
    return found


def _signature_problems(letter: Document) -> list[str]:
    content = letter.content
    signatures = letter.signatures
    if not isinstance(content, LetterContent) or not signatures:
        return [NOT_SIGNED]
    signers = ", ".join(s.signer or "an unnamed signer" for s in signatures)
    if content.attending:
        wanted = surname(content.attending)
        by_attending = [
            s
            for s in signatures
            if s.signer
            and surname(s.signer) == wanted
            and (is_physician(s.signer) or not has_credentials(s.signer))
        ]
        if has_credentials(content.attending) and not is_physician(content.attending):
            return [
                f"letter names {content.attending} as attending, who is not a physician (MD or DO)"
            ]
        if not by_attending:
            return [
                f"letter is signed by {signers}, not by the attending physician {content.attending}"
            ]
        return []
    if not any(is_physician(s.signer) for s in signatures):
        return [f"letter is signed by {signers}, not by a physician (MD or DO)"]
    return []
