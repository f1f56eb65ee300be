"""D. Diagnostic and procedure results, including a bone marrow biopsy.

WNC.CP.192 Background I.D: all diagnostic and procedure results, including a bone
marrow biopsy not more than 6 months old. The biopsy is current when its procedure
(or collection) date, or the report date when there is none, is on or after
as_of - 6 calendar months. A biopsy only mentioned in the letter does not count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from carcheck.model import DiagnosticContent, Document, ItemId, ItemReport, Role, Status
from carcheck.rules.common import documents_for, future_flag, is_future, missing, where
from carcheck.rules.months import describe_age, months_before

ID = ItemId.D
TITLE = "Diagnostics incl. bone marrow biopsy"
REQUIRED = True
MONTHS = 6
NEEDS = (
    "the disease work-up (pathology, flow cytometry, cytogenetics, imaging), including a "
    "bone marrow biopsy report"
)
LIMIT = f"bone marrow biopsy not more than {MONTHS} calendar months old by procedure date"


def check(documents: Sequence[Document], as_of: dt.date, months: int = MONTHS) -> ItemReport:
    found = documents_for(ID, documents)
    if not found:
        return missing(ID, TITLE, REQUIRED, "no diagnostic results found")
    biopsies = [
        d
        for d in found
        if isinstance(d.content, DiagnosticContent) and d.content.bone_marrow_biopsy
    ]
    if not biopsies:
        return ItemReport(
            ID,
            TITLE,
            REQUIRED,
            Status.INCOMPLETE,
            ("no bone marrow biopsy report among the diagnostics",),
            tuple(found),
        )
    flags = tuple(
        future_flag(d.date, d, as_of, "bone marrow biopsy")
        for d in biopsies
        if d.date and is_future(d.date, as_of)
    )
    dated = [d for d in biopsies if d.date and not is_future(d.date, as_of)]
    others = [d for d in found if d not in biopsies]
    if not dated:
        return ItemReport(
            ID,
            TITLE,
            REQUIRED,
            Status.INCOMPLETE,
            (
                f"bone marrow biopsy ({where(biopsies[0])}) has no usable procedure, collection "
                "or report date",
            ),
            tuple(biopsies + others),
            flags=flags,
        )
    newest = max(dated, key=lambda d: d.date.date)  # type: ignore[union-attr]
    assert newest.date is not None
    cutoff = months_before(as_of, months)
    evidence = tuple([newest] + [d for d in biopsies if d is not newest] + others)
    if newest.date.date < cutoff:
        verb = {Role.PROCEDURE: "performed", Role.COLLECTED: "collected"}.get(
            newest.date.role, "reported"
        )
        reason = (
            f"bone marrow biopsy {verb} {newest.date.date.isoformat()} ({where(newest)}) is "
            f"{describe_age(newest.date.date, as_of)} (limit: {months} months; must be on or "
            f"after {cutoff.isoformat()})"
        )
        return ItemReport(
            ID,
            TITLE,
            REQUIRED,
            Status.STALE,
            (reason,),
            evidence,
            date=newest.date.date,
            flags=flags,
        )
    return ItemReport(
        ID, TITLE, REQUIRED, Status.PRESENT, (), evidence, date=newest.date.date, flags=flags
    )
