"""E. Other diagnostic tests as requested.

WNC.CP.192 Background I.E: other tests as requested (echocardiogram or MUGA, ECG,
pulmonary function, general chemistry and blood counts). Optional: absent is
`not_provided`, never a reason to send the packet back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from carcheck.extract.lines import first_of
from carcheck.items.common import documents_for
from carcheck.items.d_diagnostics import DIAGNOSTIC_ROLES
from carcheck.kinds import Kind, kind
from carcheck.model import (
    DateMention,
    Document,
    ItemId,
    ItemReport,
    Page,
    Signature,
    Status,
)

ID = ItemId.E
TITLE = "Other diagnostic tests"
REQUIRED = False
NEEDS = "optional: echocardiogram/MUGA, ECG, pulmonary function, chemistry and blood counts"
LIMIT = "none"


# How its documents are recognised: each pattern counts once per page (classify.py).
KINDS: tuple[Kind, ...] = (
    kind(
        ID,
        "Echocardiogram",
        r"echocardiogra|\becho\b|\btte\b|transthoracic|\bmuga\b|\blvef\b|ejection\s+fraction",
        2.5,
    ),
    kind(ID, "Pulmonary function tests", r"pulmonary\s+function|spirometry|\bfev1\b|\bdlco\b", 2.5),
    kind(ID, "ECG", r"electrocardiogra|\becg\b|\bekg\b", 2),
    kind(
        ID, "Laboratory results", r"complete\s+blood\s+count|\bcbc\b|metabolic\s+panel|\bcmp\b", 2
    ),
)


def read(
    pages: Sequence[Page], dates: Sequence[DateMention], signatures: Sequence[Signature]
) -> tuple[None, DateMention | None]:
    return None, first_of(dates, DIAGNOSTIC_ROLES)


# --- the rule ------------------------------------------------------------


def check(documents: Sequence[Document], as_of: dt.date) -> ItemReport:
    found = documents_for(ID, documents)
    if not found:
        return ItemReport(ID, TITLE, REQUIRED, Status.NOT_PROVIDED, (), ())
    return ItemReport(ID, TITLE, REQUIRED, Status.PRESENT, (), tuple(found))
