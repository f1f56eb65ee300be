"""B. Verification of the treatment center.

WNC.CP.192 Background I.B: verification that the administering facility is a
certified/authorized treatment center: a copy of the facility-manufacturer contract, or
other verification such as the manufacturer's authorization letter; not needed when the
facility is on a publicly available list (carcheck/policy/centers.toml).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from carcheck.extract.context import Context, context_of
from carcheck.extract.lines import doc_lines, first_of, rx
from carcheck.items.common import documents_for, where
from carcheck.kinds import Kind, kind
from carcheck.model import (
    DateMention,
    Document,
    FacilityContent,
    ItemId,
    ItemReport,
    Page,
    Role,
    Signature,
    Status,
)
from carcheck.policy import Center

ID = ItemId.B
TITLE = "Treatment center verification"
REQUIRED = True
NEEDS = (
    "the facility-manufacturer contract or the manufacturer's authorization letter for "
    "the administering facility"
)
LIMIT = "none"


# How its documents are recognised: each pattern counts once per page (classify.py).
KINDS: tuple[Kind, ...] = (
    kind(
        ID,
        "Treatment center verification",
        r"(authori[sz]ed|qualified|certified|approved)\s+treatment\s+(cent(er|re)|site|facility)",
        3,
    ),
    kind(  # "an activated CARVYKTI (cilta-cel) treatment center", "authorized to infuse"
        ID,
        "Treatment center verification",
        r"\b(is|as)\s+an?\s+(authori[sz]ed|activated|qualified|certified|approved)\s+"
        r"([\w()/-]+\s+){1,4}treatment\s+(cent(er|re)|site|facility)|"
        r"\b(authori[sz]ed|certified|qualified|activated)\s+to\s+(order|administer|infuse|"
        r"dispense)\b",
        3,
    ),
    kind(
        ID,
        "Treatment center verification",
        r"treatment\s+(cent(er|re)|site)\s+(verification|confirmation|agreement|certification)",
        3,
    ),
    kind(
        ID,
        "Facility-manufacturer agreement",
        r"(facility|site|center|master\s+services?|treatment\s+cent(er|re))\s+"
        r"(agreement|contract)|agreement\s+between",
        3,
    ),
    kind(
        ID,
        "Treatment center verification",
        r"(site|facility|center)\s+(certification|activation|verification|authori[sz]ation)",
        2,
    ),
    kind(ID, "Treatment center verification", r"\bmanufacturer\b", 1),
    kind(ID, "Treatment center verification", r"\brems\b", 1),
)


# --- what is read from its documents ----------------------------------------

_FACILITY = rx(
    r"(?:facility|treatment\s+cent(?:er|re)|site|institution|hospital)(?:\s+name)?\s*:\s*(?P<name>.+)"
)


# Where a facility's name ends on a line that goes on with other fields.
_FIELD_AFTER = re.compile(
    r"\s+(?=(site|npi|tax|tin|id|address|phone|tel|fax|contact|city|state|zip|effective)\b"
    r"[\s#:.]*)",
    re.IGNORECASE,
)


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in text)


# A statement that the site is authorized (its context decides whether it is said or denied).
_AUTHORIZED = rx(
    r"\b(authori[sz]ed|activated|qualified|certified|approved)\s+(([\w()/-]+\s+){0,4}"
    r"treatment\s+(cent(er|re)|site|facility)|to\s+(order|administer|infuse|dispense|treat))|"
    r"\b(is|as)\s+an?\s+(authori[sz]ed|activated|qualified|certified|approved)\b|"
    r"\b(has\s+been|was|is\s+now)\s+(authori[sz]ed|activated|qualified|certified|approved)\b"
)
# Words that say a site is not there yet, or no longer: onboarding under way, an
# authorization pending, suspended or expired.
_NOT_YET = rx(
    r"\bnot\s+(yet\s+)?(been\s+)?(authori[sz]ed|activated|qualified|certified|approved)\b"
)
_PENDING = rx(
    r"\b(onboarding|qualification|activation|certification|authori[sz]ation|"
    r"audit)\s+(is\s+|are\s+)?(in\s+progress|pending|under\s*way|scheduled)|"
    r"\bpending\s+(authori[sz]ation|activation|certification|qualification)|"
    r"\buntil\s+(activation|authori[sz]ation|certification)|\binterest\s+in\s+becoming\b|"
    r"\b(authori[sz]ation|certification|activation|status|site)\s+(has\s+(been\s+)?|was\s+|is\s+)?"
    r"(suspended|revoked|terminated|expired|withdrawn|deactivated|lapsed)\b"
)


def read_facility(pages: Sequence[Page]) -> FacilityContent:
    facility = None
    for line in doc_lines(pages):
        if m := _FACILITY.search(line.text):
            name = _FIELD_AFTER.split(m.group("name"))[0]
            facility = _printable(name).strip(" ,;:-")[:120] or None
            break
    return FacilityContent(facility=facility, not_authorized=_not_authorized(pages))


def _not_authorized(pages: Sequence[Page]) -> str | None:
    """The sentence saying the site is not (yet) authorized, when the document says so and
    never says, unnegated, that it is: an onboarding letter is no verification."""
    text = " ".join(line.text for line in doc_lines(pages))
    denials: list[tuple[bool, str]] = []  # (says "not", the sentence)
    for sentence in _SENTENCE.split(text):
        for m in _AUTHORIZED.finditer(sentence):
            if context_of(sentence, m.start(), m.end()) in (Context.STATED, Context.PAST):
                return None  # it says the site is authorized
        says_not = _NOT_YET.search(sentence) is not None
        if says_not or _PENDING.search(sentence):
            denials.append((says_not, sentence.strip()))
    if not denials:
        return None
    denial = max(denials, key=lambda d: d[0])[1]  # "not yet authorized" over "in progress"
    return denial if len(denial) <= 160 else denial[:157].rstrip() + "..."


_SENTENCE = re.compile(r"(?<=[.;!?])\s+")


def read(
    pages: Sequence[Page], dates: Sequence[DateMention], signatures: Sequence[Signature]
) -> tuple[FacilityContent, DateMention | None]:
    return read_facility(pages), first_of(dates, (Role.SIGNED, Role.REPORTED, Role.PROCEDURE))


# --- the rule ------------------------------------------------------------


def check(
    documents: Sequence[Document], as_of: dt.date, listed: Center | None = None
) -> ItemReport:
    found = documents_for(ID, documents)
    if listed is not None:
        # The policy needs no document for a center on a publicly available list.
        reason = (
            f"{listed.name} ({listed.city}) is on the public list of authorized treatment "
            f"centers ({listed.source}); no verification document is needed"
        )
        return ItemReport(ID, TITLE, REQUIRED, Status.PRESENT, (reason,), tuple(found))
    if not found:
        return ItemReport(
            ID,
            TITLE,
            REQUIRED,
            Status.MISSING,
            (
                "no verification that the facility is an authorized treatment center: send the "
                "facility-manufacturer contract or the manufacturer's authorization letter",
            ),
            (),
        )
    if all(_denied(d) for d in found):  # every document says the site is not authorized yet
        said = found[0].content
        assert isinstance(said, FacilityContent) and said.not_authorized is not None
        return ItemReport(
            ID,
            TITLE,
            REQUIRED,
            Status.INCOMPLETE,
            (
                f"the treatment center document ({where(found[0])}) does not verify the "
                f'facility: it says "{said.not_authorized}"',
            ),
            tuple(found),
        )
    return ItemReport(
        ID,
        TITLE,
        REQUIRED,
        Status.PRESENT,
        (),
        tuple(sorted(found, key=_denied)),  # those that verify first, in their order
    )


def _denied(doc: Document) -> bool:
    return isinstance(doc.content, FacilityContent) and doc.content.not_authorized is not None
