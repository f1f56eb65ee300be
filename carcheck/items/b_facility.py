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

from carcheck.extract.lines import doc_lines, first_of, rx
from carcheck.items.common import documents_for
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
        r"\bauthori[sz]ed\s+to\s+(order|administer|infuse|dispense)\b",
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


def read_facility(pages: Sequence[Page]) -> FacilityContent:
    for line in doc_lines(pages):
        if m := _FACILITY.search(line.text):
            name = _FIELD_AFTER.split(m.group("name"))[0]
            return FacilityContent(facility=_printable(name).strip(" ,;:-")[:120] or None)
    return FacilityContent(facility=None)


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
    return ItemReport(ID, TITLE, REQUIRED, Status.PRESENT, (), tuple(found))
