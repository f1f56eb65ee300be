"""Where on a page a line sits, and what that makes it: a fax server's header is not part
of the document it sits on (no date of it, no heading)."""

from __future__ import annotations

import re

from carcheck.model import TextLine

# A fax server stamps a line across the top of every page it sends: the time, the sender's
# and recipient's numbers, a page counter across the whole transmission.
FAX_HEADER_BAND = 0.06
_FAX_SIGNALS = (
    re.compile(r"\b\d{1,2}:\d{2}\b"),
    re.compile(r"\b(from|to|fax)\b", re.IGNORECASE),
    re.compile(r"\b(p\.?|page|pg\.?)\s*\d{1,4}\s*(/|of)\s*\d{1,4}\b", re.IGNORECASE),
)
_PAGE_COUNTER = re.compile(r"^\s*(p\.?|page|pg\.?)?\s*\d{1,4}\s*/\s*\d{1,4}\s*$", re.IGNORECASE)


def is_fax_header(line: TextLine, page_height: float) -> bool:
    """The line a fax server stamps across the top of a page: not part of the document."""
    if not line.words or line.top >= page_height * FAX_HEADER_BAND:
        return False
    if _PAGE_COUNTER.match(line.text):
        return True
    return sum(bool(signal.search(line.text)) for signal in _FAX_SIGNALS) >= 2
