"""E. Other diagnostic tests as requested.

WNC.CP.192 Background I.E: other tests as requested (echocardiogram or MUGA, ECG,
pulmonary function, general chemistry and blood counts). Optional: absent is
`not_provided`, never a reason to send the packet back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from carcheck.model import Document, ItemId, ItemReport, Status
from carcheck.rules.common import documents_for

ID = ItemId.E
TITLE = "Other diagnostic tests"
REQUIRED = False
NEEDS = "optional: echocardiogram/MUGA, ECG, pulmonary function, chemistry and blood counts"
LIMIT = "none"


def check(documents: Sequence[Document], as_of: dt.date) -> ItemReport:
    found = documents_for(ID, documents)
    if not found:
        return ItemReport(ID, TITLE, REQUIRED, Status.NOT_PROVIDED, (), ())
    return ItemReport(ID, TITLE, REQUIRED, Status.PRESENT, (), tuple(found))
