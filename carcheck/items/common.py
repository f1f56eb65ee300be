"""What every rule shares: where its evidence is, and whether a date may be trusted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from carcheck.model import DateMention, Document, Flag, ItemId, ItemReport, Status


def documents_for(item: ItemId, documents: Sequence[Document]) -> list[Document]:
    return [d for d in documents if d.item is item]


def where(doc: Document, page: int | None = None) -> str:
    """'lab.pdf p. 2' or 'packet.pdf pp. 3-4': the place a message points at."""
    if page is not None:
        return f"{doc.file} p. {page}"
    if len(doc.pages) == 1:
        return f"{doc.file} p. {doc.pages[0]}"
    return f"{doc.file} pp. {doc.pages[0]}-{doc.pages[-1]}"


def future_flag(mention: DateMention, doc: Document, as_of: dt.date, what: str) -> Flag:
    return Flag(
        "future-date",
        f"{what} date {mention.date.isoformat()} in {where(doc, mention.page)} is after the "
        f"as-of date {as_of.isoformat()}; it is not used",
    )


def is_future(mention: DateMention | None, as_of: dt.date) -> bool:
    return mention is not None and mention.date > as_of


def missing(item: ItemId, title: str, required: bool, reason: str) -> ItemReport:
    """The verdict for an item nothing in the packet serves."""
    return ItemReport(item, title, required, Status.MISSING, (reason,), ())


def fewest_problems(
    documents: Sequence[Document], problems: Callable[[Document], list[str]]
) -> list[tuple[list[str], Document]]:
    """Each document with its problems, the best evidence first: fewest problems, then the
    newest date (several letters or evaluations: any complete one will do)."""
    judged = [(problems(doc), doc) for doc in documents]
    return sorted(
        judged, key=lambda pd: (len(pd[0]), -(pd[1].date.date.toordinal() if pd[1].date else 0))
    )


def order_review(
    mention: DateMention, doc: Document, as_of: dt.date, current: Callable[[dt.date], bool]
) -> Flag | None:
    """A needs-review flag when a counting date reads two ways (03/04/2026), the document
    does not say which, and the two readings would judge the item differently."""
    alt = mention.alt
    if alt is None or (current(alt) == current(mention.date) and alt <= as_of):
        return None
    return Flag(
        "needs-review",
        f"{where(doc, mention.page)}: the date {mention.raw} was read month-first "
        f"({mention.date.isoformat()}) but could be day-first ({alt.isoformat()}), and the "
        "document does not show which; the verdict depends on it: check the date",
    )
