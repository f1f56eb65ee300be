"""What every rule shares: where its evidence is, and whether a date may be trusted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from carcheck.model import DateMention, Document, Flag, ItemId


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
