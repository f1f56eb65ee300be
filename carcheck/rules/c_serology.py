"""C. Serologies: HIV, hepatitis B and hepatitis C.

WNC.CP.192 Background I.C: HIV and hepatitis serologies less than 3 months old.
Each virus is judged on its newest result, by specimen collection date (report date when
there is none). A result is current when its date is after as_of - 3 calendar months;
a reactive/positive/detected result counts at any age. Pending, cancelled or "not
performed" is not a result; anti-HBs alone does not count for hepatitis B.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from carcheck.model import (
    Document,
    Flag,
    ItemId,
    ItemReport,
    Outcome,
    Role,
    SerologyContent,
    SerologyResult,
    Status,
    Virus,
)
from carcheck.rules.common import documents_for, future_flag, is_future, missing, where
from carcheck.rules.months import describe_age, months_before

ID = ItemId.C
TITLE = "Serologies (HIV, hepatitis B, hepatitis C)"
REQUIRED = True
MONTHS = 3
NEEDS = (
    "a result for HIV, hepatitis B (HBsAg, anti-HBc or HBV DNA) and hepatitis C "
    "(anti-HCV or HCV RNA)"
)
LIMIT = (
    f"each result less than {MONTHS} calendar months old by collection date (report date "
    "when none); a positive result may be older"
)


def check(documents: Sequence[Document], as_of: dt.date, months: int = MONTHS) -> ItemReport:
    reports = documents_for(ID, documents)
    if not reports:
        return missing(ID, TITLE, REQUIRED, "no serology report found")
    cutoff = months_before(as_of, months)
    results = [
        (r, doc)
        for doc in reports
        if isinstance(doc.content, SerologyContent)
        for r in doc.content.results
    ]
    flags: list[Flag] = []
    for r, doc in results:
        if r.date and is_future(r.date, as_of):
            flag = future_flag(r.date, doc, as_of, f"{r.virus.value} result")
            if flag not in flags:
                flags.append(flag)
    absent: list[str] = []
    undated: list[str] = []
    stale: list[str] = []
    counting: list[dt.date] = []
    for virus in Virus:
        own = [(r, d) for r, d in results if r.virus is virus]
        real = [(r, d) for r, d in own if r.outcome in (Outcome.NEGATIVE, Outcome.POSITIVE)]
        if not real:
            pending = any(r.outcome is Outcome.PENDING for r, _ in own)
            absent.append(
                f"{virus.value} result is pending or was not performed"
                if pending
                else f"no {virus.value} result found"
            )
            continue
        dated = [(r, d) for r, d in real if r.date and not is_future(r.date, as_of)]
        if not dated:
            if any(r.outcome is Outcome.POSITIVE for r, _ in real):
                continue  # a positive result counts at any age
            r, d = real[0]
            undated.append(
                f"{virus.value} result ({where(d, r.page)}) has no usable collection or report date"
            )
            continue
        newest, doc = max(dated, key=lambda rd: rd[0].date.date)  # type: ignore[union-attr]
        assert newest.date is not None
        if newest.outcome is Outcome.POSITIVE:
            continue
        counting.append(newest.date.date)
        if newest.date.date <= cutoff:
            stale.append(_stale_message(newest, doc, as_of, cutoff, months))
    reasons = absent + undated + stale
    if absent or undated:
        status = Status.INCOMPLETE
    elif stale:
        status = Status.STALE
    else:
        status = Status.PRESENT
    return ItemReport(
        ID,
        TITLE,
        REQUIRED,
        status,
        tuple(reasons),
        tuple(reports),
        date=min(counting) if counting else None,
        flags=tuple(flags),
    )


def _stale_message(
    result: SerologyResult, doc: Document, as_of: dt.date, cutoff: dt.date, months: int
) -> str:
    assert result.date is not None
    verb = "collected" if result.date.role is Role.COLLECTED else "reported"
    return (
        f"{result.virus.value} result {verb} {result.date.date.isoformat()} "
        f"({where(doc, result.page)}) is {describe_age(result.date.date, as_of)} "
        f"(limit: under {months} months; must be after {cutoff.isoformat()})"
    )
