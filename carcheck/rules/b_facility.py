"""B. Verification of the treatment center.

WNC.CP.192 Background I.B: verification that the administering facility is a
certified/authorized treatment center: a copy of the facility-manufacturer contract, or
other verification such as the manufacturer's authorization letter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from carcheck.model import Document, ItemId, ItemReport, Status
from carcheck.rules.common import documents_for

ID = ItemId.B
TITLE = "Treatment center verification"
REQUIRED = True
NEEDS = (
    "the facility-manufacturer contract or the manufacturer's authorization letter for "
    "the administering facility"
)
LIMIT = "none"


def check(documents: Sequence[Document], as_of: dt.date) -> ItemReport:
    found = documents_for(ID, documents)
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
