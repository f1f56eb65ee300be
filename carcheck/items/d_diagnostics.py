"""D. Diagnostic and procedure results, including a bone marrow biopsy.

WNC.CP.192 Background I.D: all diagnostic and procedure results, including a bone
marrow biopsy not more than 6 months old. The biopsy is current when its procedure
(or collection) date, or the report date when there is none, is on or after
as_of - 6 calendar months. A biopsy only mentioned in the letter does not count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from carcheck.extract.lines import doc_lines, first_of, rx
from carcheck.items.common import (
    documents_for,
    future_flag,
    is_future,
    missing,
    order_review,
    where,
)
from carcheck.items.months import describe_age, months_before
from carcheck.kinds import Kind, kind
from carcheck.model import (
    DateMention,
    DiagnosticContent,
    Document,
    ItemId,
    ItemReport,
    Page,
    Role,
    Signature,
    Status,
)

ID = ItemId.D
TITLE = "Diagnostics incl. bone marrow biopsy"
REQUIRED = True
MONTHS = 6
NEEDS = (
    "the disease work-up (pathology, flow cytometry, cytogenetics, imaging), including a "
    "bone marrow biopsy report"
)
LIMIT = f"bone marrow biopsy not more than {MONTHS} calendar months old by procedure date"


# How its documents are recognised: each pattern counts once per page (classify.py).
KINDS: tuple[Kind, ...] = (
    kind(ID, "Bone marrow biopsy pathology", r"bone\s+marrow", 2),
    kind(ID, "Pathology report", r"patholog|hematopath", 2),
    kind(ID, "Bone marrow biopsy pathology", r"\b(biopsy|aspirate|trephine)\b", 1),
    kind(ID, "Flow cytometry", r"flow\s+cytometr|immunophenotyp", 2),
    kind(
        ID,
        "Cytogenetics/FISH",
        r"cytogenetic|karyotype|\bfish\b|in\s+situ\s+hybridi[sz]ation|molecular\s+(study|analysis|panel)",
        2,
    ),
    kind(ID, "PET/CT report", r"\bpet\s*[/-]?\s*ct\b|positron\s+emission|deauville|\bsuv\s*max", 2),
    kind(
        ID,
        "Imaging report",
        r"\b(ct|mri|magnetic\s+resonance|computed\s+tomography)\b.{0,30}"
        r"(chest|abdomen|pelvis|neck|brain|spine)",
        1.5,
    ),
    kind(
        ID,
        "Myeloma markers",
        r"protein\s+electrophoresis|\bspep\b|free\s+light\s+chain|myeloma\s+panel|"
        r"immunofixation|m-?\s*spike",
        2,
    ),
    kind(ID, "CSF study", r"cerebrospinal|\bcsf\b", 1.5),
)


# --- what is read from its documents ----------------------------------------

_MARROW = rx(r"bone\s+marrow|\bBM\b")
# An aspirate alone (flow cytometry, FISH on aspirate) is not the biopsy the policy asks for.
_BIOPSY = rx(r"biops|trephine|\bcore\b|clot\s+section")
_SPECIMEN = rx(
    r"^\s*(specimens?|procedures?|source|site|samples?|tissue|material|type|"
    r"specimen\s+(type|source|description)|final\s+diagnosis|diagnosis|"
    r"(part|specimen)\s*[a-z1-9]\b)\s*[:.)-]"
)


def read_diagnostic(pages: Sequence[Page], dates: Sequence[DateMention]) -> DiagnosticContent:
    """A bone marrow biopsy report names the biopsy in its heading or its specimen lines.

    A PET/CT report whose history mentions an earlier biopsy is not one, nor is flow
    cytometry or FISH on an aspirate alone.
    """
    first = pages[0]
    head = [
        line.text
        for line in first.lines[:HEAD_LINES]
        if line.top < first.height * 0.35 and not _HISTORY.search(line.text)
    ]
    texts = [ln.text for ln in doc_lines(pages)]
    specimen = []
    for index, text in enumerate(texts):
        if _SPECIMEN.search(text):
            # "SPECIMEN:" as a heading: its description is on the lines below.
            specimen += texts[index : index + 3]
    biopsy = any(_MARROW.search(t) and _HEAD_BIOPSY.search(t) for t in head) or any(
        _MARROW.search(t) and _BIOPSY.search(t) for t in specimen if not _HISTORY.search(t)
    )
    return DiagnosticContent(bone_marrow_biopsy=biopsy, date=first_of(dates, DIAGNOSTIC_ROLES))


# In a title, "Bone marrow pathology report" names the biopsy as well as "biopsy" does.
_HEAD_BIOPSY = rx(r"biops|trephine|\bcore\b|clot\s+section|patholog|hematopath")
HEAD_LINES = 12
_HISTORY = rx(
    r"^\s*(clinical\s+|relevant\s+|pertinent\s+)?(history|indications?|reason(\s+for)?|"
    r"comparison|clinical\s+(information|data|notes?)|prior)\b"
)
DIAGNOSTIC_ROLES = (Role.PROCEDURE, Role.COLLECTED, Role.REPORTED)


def read(
    pages: Sequence[Page], dates: Sequence[DateMention], signatures: Sequence[Signature]
) -> tuple[DiagnosticContent, DateMention | None]:
    body = read_diagnostic(pages, dates)
    return body, body.date


# --- the rule ------------------------------------------------------------


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
    dated = [
        d for d in biopsies if d.date and not d.date.impossible and not is_future(d.date, as_of)
    ]
    others = [d for d in found if d not in biopsies]
    if not dated:
        first = biopsies[0]
        why = (
            f"its {first.date.role.value} date '{first.date.raw}' is not a real date"
            if first.date and first.date.impossible
            else "no usable procedure, collection or report date"
        )
        return ItemReport(
            ID,
            TITLE,
            REQUIRED,
            Status.INCOMPLETE,
            (f"bone marrow biopsy ({where(first)}) has {why}",)
            if not (first.date and first.date.impossible)
            else (f"bone marrow biopsy ({where(first)}): {why}",),
            tuple(biopsies + others),
            flags=flags,
        )
    newest = max(dated, key=lambda d: d.date.date)  # type: ignore[union-attr]
    assert newest.date is not None
    cutoff = months_before(as_of, months)
    evidence = tuple([newest] + [d for d in biopsies if d is not newest] + others)
    review = order_review(newest.date, newest, as_of, lambda day: day >= cutoff)
    if review is not None:
        flags = (*flags, review)
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
