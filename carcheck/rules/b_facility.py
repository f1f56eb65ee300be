"""B. Verification of the treatment center.

WNC.CP.192 Background I.B: verification that the administering facility is a
certified/authorized treatment center: a copy of the facility-manufacturer contract, or
other verification such as the manufacturer's authorization letter; not needed when the
facility is on a publicly available list (carcheck/policy/centers.toml).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from carcheck.model import Document, ItemId, ItemReport, Status
from carcheck.policy import Center
from carcheck.rules.common import documents_for

ID = ItemId.B
TITLE = "Treatment center verification"
REQUIRED = True
NEEDS = (
    "the facility-manufacturer contract or the manufacturer's authorization letter for "
    "the administering facility"
)
LIMIT = "none"


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
