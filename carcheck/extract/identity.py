"""Whose document it is: the patient's name, date of birth, member ID and MRN, and whether
two documents name the same person.

A document's patient is read only from the places documents print it: a "Patient:",
"Patient name:", "Member name:" or "Name:" field of its patient block, a running header
("BRENNAN, HAROLD W | DOB 06/23/1958 | MRN ..."), a letter's "RE:" line. Any other name
in its text (a caregiver with the same surname, the physician, a referring doctor) is
never the patient. Names match as people write them: "BRENNAN, HAROLD W", "Harold W.
Brennan", "Harold Brennan", "Brennan, Harold William", accents dropped, a hyphenated or
two-part surname, one letter slipped by OCR (rapidfuzz measures the distance).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import Levenshtein

from carcheck.model import DateMention, Page, Patient, Role

# --- reading -------------------------------------------------------------------------

# The label of the patient's own name; the value follows it on the line.
_NAME_LABEL = re.compile(
    r"(?<![\w-])(?:patient(?:'s)?(?:\s+(?:full\s+)?name)?|pt\.?(?:\s+name)?|member(?:\s+name)?|"
    r"client(?:\s+name)?|subscriber(?:\s+name)?|re|name)\s*[:#]\s*",
    re.IGNORECASE,
)
# Where a name's value ends: the next field's label, a bar, a bracket, a DOB cue.
_VALUE_END = re.compile(
    r"\s{2,}|\s*[|(\[;]|\s+(?:dob|d\.o\.b|date\s+of\s+birth|birth\s*date|born|mrn|sex|age|"
    r"gender|member|id|acct|account|specimen|collected|date|phone|address|hospital|"
    r"medical\s+record|ssn|policy|group|location|room)\b|"
    r"\s+[A-Z][A-Za-z/#.]*:",
    re.IGNORECASE,
)
# A label whose "Name:" is someone else's.
_OTHER_PERSON = re.compile(
    r"\b(care\s*giver|contact|emergency|guardian|spouse|physician|provider|doctor|prescriber|"
    r"referr\w*|ordering|attending|nurse|social\s+worker|evaluator|signature|signed|"
    r"pharmacist|facility|insured|responsible\s+party|parent|relationship)\b",
    re.IGNORECASE,
)
# What makes a bare "Name:" the patient's: a patient block around it.
_PATIENT_CONTEXT = re.compile(r"\b(patient|demographics|member\s+information|pt\.?)\b", re.I)
# "LAST, FIRST M" or "First M. Last" (2-5 words of letters, apostrophes, hyphens).
_PERSON_NAME = re.compile(
    r"^(?:[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){0,2},\s*[A-Z][A-Za-z'’\-]*\.?"
    r"(?:\s+[A-Z][A-Za-z'’\-]*\.?){0,2}|[A-Z][A-Za-z'’\-]*\.?(?:\s+(?:[A-Z][A-Za-z'’\-]*\.?|"
    r"de|del|da|van|von|la|le|di|du)){1,4})$"
)
# A running header that starts with the patient's "LAST, FIRST" and a DOB or MRN.
_HEADER_NAME = re.compile(
    r"^\s*([A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+)?,\s*[A-Z][A-Za-z'’\-]+(?:\s+[A-Z]\.?)?)"
    r"\s*(?:\||,|\s)\s*(?:dob|d\.o\.b|mrn|date\s+of\s+birth)\b",
    re.IGNORECASE,
)
_MEMBER_ID = re.compile(
    r"\b(?:member|medicaid|subscriber|insurance|policy|plan)\s*(?:id|#|no\.?|number)\s*[:#]?\s*"
    r"(?P<id>[A-Z0-9][A-Z0-9-]{4,24})\b",
    re.IGNORECASE,
)
_MRN = re.compile(
    r"\b(?:mrn|medical\s+record\s*(?:number|no\.?|#))\s*[:#]?\s*(?P<id>[A-Z0-9][A-Z0-9-]{3,24})\b",
    re.IGNORECASE,
)
# The patient block is near the top: names further down are seldom the patient's.
HEAD_LINES = 40


def read_patient(pages: Sequence[Page], dates: Sequence[DateMention]) -> Patient | None:
    """The patient a document names, or None when it names none."""
    name = _name(pages)
    birth = next(
        (d.date for d in dates if d.role is Role.BIRTH and not d.impossible and d.page), None
    )
    texts = [line.text for page in pages for line in page.lines]
    member = next((m.group("id") for t in texts if (m := _MEMBER_ID.search(t))), None)
    mrn = next((m.group("id") for t in texts if (m := _MRN.search(t))), None)
    if name is None and birth is None and member is None:
        return None  # an MRN alone names nobody a reader could check
    return Patient(name=name, birth_date=birth, member_id=member, mrn=mrn)


def _name(pages: Sequence[Page]) -> str | None:
    for page in pages:
        lines = [line.text for line in page.lines]
        for index, text in enumerate(lines[:HEAD_LINES]):
            cells = page.lines[index].cells or ()
            if header := _HEADER_NAME.match(text):
                return _tidy(header.group(1))
            for match in _NAME_LABEL.finditer(text):
                label = match.group(0).lower()
                if label.startswith("name") and not _PATIENT_CONTEXT.search(
                    " ".join(lines[max(0, index - 2) : index]) + " " + text[: match.start()]
                ):
                    continue  # a bare "Name:" is the patient's only in a patient block
                if _OTHER_PERSON.search(text[max(0, match.start() - 25) : match.start()]):
                    continue
                # The value ends where its cell does: a form's next column is another field.
                end = next((c for c in cells if c > match.end()), len(text))
                value = _VALUE_END.split(text[match.end() : end], maxsplit=1)[0].strip(" ,.:-")
                if label.startswith("re"):
                    value = re.sub(r"^(?:patient\s*[:\-]?\s*)", "", value, flags=re.I)
                if _PERSON_NAME.match(value):
                    return _tidy(value)
    return None


def _tidy(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" ,")


# --- matching --------------------------------------------------------------------------


class Match(StrEnum):
    SAME = "same"
    OTHER = "other"
    UNSURE = "unsure"


@dataclass(frozen=True, slots=True)
class _Name:
    surname: tuple[str, ...]
    given: tuple[str, ...]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def _parse(name: str) -> _Name:
    """'BRENNAN, HAROLD W' and 'Harold W. Brennan' to the same parts."""
    folded = _fold(name).replace("’", "'")
    if "," in folded:
        last, _, first = folded.partition(",")
        surname = tuple(t for t in re.split(r"[\s\-]+", last) if t)
        given = tuple(t.strip(".") for t in first.split() if t.strip("."))
        return _Name(surname, given)
    words = [w.strip(".") for w in folded.split() if w.strip(".")]
    particles = {"de", "del", "da", "van", "von", "la", "le", "di", "du"}
    # The surname is the last word, with the particles before it ("de la Cruz").
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in particles:
        cut -= 1
    surname = tuple(t for w in words[cut:] for t in w.split("-") if t)
    return _Name(surname, tuple(words[:cut]))


def _close(a: str, b: str) -> bool:
    """Equal, or one letter apart in a word long enough to carry it (an OCR slip)."""
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1


def names_match(a: str, b: str) -> bool:
    """Whether two printed names are the same person's."""
    x, y = _parse(a), _parse(b)
    if not x.surname or not y.surname:
        return False
    # A two-part or hyphenated surname may be printed in part: one part in common is enough.
    if not any(_close(s, t) for s in x.surname for t in y.surname + y.given):
        return False
    if not x.given or not y.given:
        return True
    first_x, first_y = x.given[0], y.given[0]
    if len(first_x) == 1 or len(first_y) == 1:
        return first_x[0] == first_y[0]
    return _close(first_x, first_y)


def _norm_id(value: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", value.upper())


def match(document: Patient, packet: Patient, read_by_ocr: bool = False) -> Match:
    """Whether a document's patient is the packet's.

    A different date of birth or member ID is another patient; so is a different name with
    no identifier in common. A name that differs while an identifier agrees is unsure, and
    so is a matching name whose identifier OCR read differently (or cut short). An MRN
    differs from one institution to the next, so an MRN alone never decides.
    """
    same_name = bool(document.name and packet.name and names_match(document.name, packet.name))
    names_differ = bool(document.name and packet.name) and not same_name
    conflicts, partial = 0, False
    if document.member_id and packet.member_id:
        mine, theirs = _norm_id(document.member_id), _norm_id(packet.member_id)
        if mine != theirs:
            # Part of the other (an ID cut off or misread) is a doubt, not another person.
            partial = mine in theirs or theirs in mine
            conflicts += 0 if partial else 1
    if document.birth_date and packet.birth_date and document.birth_date != packet.birth_date:
        conflicts += 1
    shared = bool(
        document.member_id
        and packet.member_id
        and not conflicts
        and not partial
        or document.birth_date
        and document.birth_date == packet.birth_date
    )
    if read_by_ocr:
        # OCR may misread a name, a date or an ID: only a different name and a different
        # identifier together say another person; either alone is a doubt.
        if names_differ and conflicts:
            return Match.OTHER
        return Match.UNSURE if names_differ or conflicts or partial else Match.SAME
    if conflicts:
        return Match.OTHER
    if partial:
        return Match.UNSURE
    if names_differ:
        return Match.UNSURE if shared else Match.OTHER
    return Match.SAME


def parse_option(text: str) -> Patient:
    """`--patient "NAME[, YYYY-MM-DD]"`; ValueError with a plain message when malformed."""
    name, birth = text.strip(), None
    if m := re.search(r",\s*(\d{4}-\d{2}-\d{2})\s*$", name):
        try:
            birth = dt.date.fromisoformat(m.group(1))
        except ValueError:
            # The value is the patient's: the message does not repeat it.
            raise ValueError("--patient: the date of birth is not a real date") from None
        name = name[: m.start()].strip(" ,")
    if not name:
        raise ValueError('--patient needs a name, like "Harold Brennan, 1958-06-23"')
    return Patient(name=name, birth_date=birth, member_id=None, mrn=None)


def printed(patient: Patient) -> str:
    """'Harold W. Brennan (DOB 1958-06-23, member WNC884120377)': as a message names it."""
    parts = [f"DOB {patient.birth_date.isoformat()}"] if patient.birth_date else []
    if patient.member_id:
        parts.append(f"member {patient.member_id}")
    who = patient.name or "an unnamed patient"
    return f"{who} ({', '.join(parts)})" if parts else who
