"""Whether a typed name is a person's: a signer, an attending physician, a caregiver.

A signature block's lines name a person, then titles, departments, programs and
institutions. probablepeople (a CRF trained on names and company names) tells a person
from an organisation; its known blind spot is two capitalised words of a specialty or a
role ("Anatomic Pathology", "Medical Director"), so a name whose words are the field's
vocabulary by their form (-ology, -iatry, -ics ...) or role nouns is no person either.
"""

from __future__ import annotations

import re
from functools import lru_cache

import probablepeople

# Words that make a phrase a role, a field or a unit, by their form or as role nouns.
_FIELD_WORD = re.compile(
    r"^(\w+(olog(y|ist|ic|ical)|iatr(y|ic|ics)|ics|ery|ism)|\w*(medicine|therapy|therapies|"
    r"surgery|care|health|services?|sciences?|malignanc(y|ies)|disorders?|diseases?)|"
    r"physician|practitioner|provider|director|attending|fellow|resident|nurse|"
    r"assistant|agent|coordinator|manager|officer|chief|chair|head|staff|department|"
    r"division|section|program|center|centre|clinic|hospital|institute|university|unit|"
    r"team|office|group|associates|foundation|system|network|laboratory|lab|"
    r"information|member|patient|insurance|plan|medical|clinical|internal|general|"
    r"family|emergency|cellular|cell|bone|marrow|transplant|blood|stem|immune|"
    r"immunotherapy|infusion|radiation|hematologic|oncologic)$",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(r"^(dr|doctor|mr|mrs|ms|miss|prof)\.?$", re.IGNORECASE)
_CREDENTIAL = re.compile(
    r"^(m\.?d|d\.?o|ph\.?d|psy\.?d|n\.?p|a\.?p\.?r\.?n|p\.?a(-c)?|r\.?n|b\.?s\.?n|m\.?s\.?n|"
    r"l\.?c\.?s\.?w|m\.?s\.?w|f\.?a\.?c\.?p|m\.?p\.?h|m\.?b\.?b\.?s|fnp(-bc|-c)?|dnp|crnp|lpn|"
    r"facc|mba|ms|ma|jr|sr|ii|iii|iv)\.?$",
    re.IGNORECASE,
)


def name_words(text: str) -> list[str]:
    """The words of a name without honorifics and credentials."""
    words = [w.strip(".,;:()") for w in re.split(r"[\s,]+", text)]
    return [w for w in words if w and not _HONORIFIC.match(w) and not _CREDENTIAL.match(w)]


@lru_cache(maxsize=4096)
def is_person(text: str) -> bool:
    """'Jane Q. Roe, MD' is a person; 'Hematologic Malignancies', 'Cellular Therapy
    Program' and 'Attending Physician' are not."""
    words = name_words(text)
    if not 1 < len(words) <= 5:
        return False
    if any(_FIELD_WORD.match(w) for w in words):
        return False
    if not all(w[:1].isupper() for w in words if len(w) > 3):
        return False  # "de la Cruz" keeps its particles; a sentence does not pass
    if _has_credentials(text):
        return True  # "Marcus Obi-Lindqvist, MD": credentials are a person's
    for form in (" ".join(words), " ".join(words).replace("-", " ")):
        try:
            _, kind = probablepeople.tag(form)
        except probablepeople.RepeatedLabelError:
            continue
        if kind == "Person":
            return True
    return False


def _has_credentials(text: str) -> bool:
    words = [w.strip(".,;:()") for w in re.split(r"[\s,]+", text)]
    return any(_PERSON_CREDENTIAL.match(w) for w in words if w)


# Credentials only a person holds (not "MS", "MA", which are also words and states).
_PERSON_CREDENTIAL = re.compile(
    r"^(M\.?D|D\.?O|Ph\.?D|Psy\.?D|N\.?P|A\.?P\.?R\.?N|P\.?A-C|R\.?N|L\.?C\.?S\.?W|M\.?S\.?W|"
    r"M\.?B\.?B\.?S|FNP(-BC|-C)?|DNP|CRNP|LPN|FACP|FACC)\.?$"
)


def person_prefix(text: str) -> str | None:
    """The person's name at the start of `text`, without words that ran on into it
    ("Priya Anand INSTITUTE" -> "Priya Anand"); None when it starts with no name."""
    words = text.split()
    for end in range(min(len(words), 6), 1, -1):
        candidate = " ".join(words[:end])
        if is_person(candidate):
            return candidate
    return None
