"""C. Serologies: HIV, hepatitis B and hepatitis C.

WNC.CP.192 Background I.C: HIV and hepatitis serologies less than 3 months old.
Each virus is judged on its newest result, by specimen collection date (report date when
there is none). A result is current when its date is after as_of - 3 calendar months;
a reactive/positive/detected result counts at any age. Pending, cancelled or "not
performed" is not a result; anti-HBs alone does not count for hepatitis B.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from carcheck.extract.lines import Line, doc_lines, first_of, rx
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
    Document,
    Flag,
    ItemId,
    ItemReport,
    Outcome,
    Page,
    Role,
    SerologyContent,
    SerologyResult,
    Signature,
    Status,
    Virus,
)

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


# How its documents are recognised: each pattern counts once per page (classify.py).
KINDS: tuple[Kind, ...] = (
    kind(ID, "Serology report", r"serolog", 3),
    kind(
        ID, "Serology report", r"infectious\s+disease\s+(panel|screen|markers?|testing|serolog)", 3
    ),
    kind(ID, "Serology report", r"\bhiv\b|human\s+immunodeficiency", 1.5),
    kind(
        ID,
        "Serology report",
        r"hepatitis|\bhbv\b|\bhcv\b|\bhbs\s*ag\b|\bhbsag\b|anti-?\s*hb[cs]",
        1.5,
    ),
    kind(ID, "Serology report", r"non-?\s*reactive|\bnot\s+detected\b", 1),
    kind(ID, "Serology report", r"virolog|blood[\s-]?borne\s+virus", 2.5),
    # A result row: a virus's test and its outcome on one line.
    kind(
        ID,
        "Serology report",
        r"^[^\n]{0,20}(hiv|hepatitis|\bhbs|\bhbc|\bhcv|\bhbv|anti-?\s*hb)[^\n]{0,70}?"
        r"(non-?\s*reactive|not\s+detected|negative|reactive|detected|positive|equivocal)",
        2.5,
        rows=True,
    ),
)


# --- what is read from its documents ----------------------------------------

# Order matters: the first pattern matching at a position decides the analyte.
_ANALYTES: tuple[tuple[Virus | None, re.Pattern[str]], ...] = (
    # Hepatitis B surface antibody (immunity) never counts for hepatitis B.
    (
        None,
        rx(
            r"anti-?\s*hbs\b|\bhbs\s*ab\b|\bhbsab\b|(hepatitis|hep\.?|hbv)\s*b?\s+(virus\s+)?"
            r"surface\s+(antibody|ab)\b|surface\s+(antibody|ab)\b"
        ),
    ),
    (Virus.HIV, rx(r"\bhiv\b|\bhiv-?[12]|human\s+immunodeficiency")),
    (
        Virus.HBV,
        rx(
            r"\bhbs\s*-?\s*ag\b|\bhbsag\b|anti-?\s*hbc\b|\bhbc\s*(ab|total|igm)\b|"
            r"hepatitis\s+b\s+(virus\s+)?(surface\s+(antigen|ag)|core|dna|viral|pcr)|"
            r"hbv\s+(surface\s+(antigen|ag)|core|dna|pcr|viral|quant)|hep\.?\s*b\s+"
            r"(surface\s+(antigen|ag)|core|s\s*ag|dna)|\bhepatitis\s+b\b|\bhep\.?\s*b\b"
        ),
    ),
    (Virus.HCV, rx(r"anti-?\s*hcv\b|\bhcv\b|hepatitis\s+c\b|\bhep\.?\s*c\b")),
)
_OUTCOME = rx(
    r"(?P<neg>non-?\s*reactive|negative|not\s+detected|undetected|none\s+detected|\bneg\b|"
    r"<\s*\d[\d,.]*\s*(iu|copies|log)|below\s+(the\s+)?(limit|detection|lloq))|"
    r"(?P<pend>pending|cancel+ed|not\s+performed|not\s+done|to\s+follow|in\s+process|\bqns\b|"
    r"insufficient|see\s+(note|comment)|rejected|declined|refused|not\s+(ordered|collected|"
    r"received|tested|reported|available|run)|unable\s+to\s+(test|report|perform)|"
    r"specimen\s+(hemoly[sz]ed|lost|leaked|unlabel+ed|clotted)|(?<![\w-])-{3,}(?![\w-])|"
    r"\bn/?a\b|\bnot\s+applicable\b|\btnp\b|\bdnr\b)|"
    r"(?P<pos>(repeatedly\s+)?reactive|positive|detected|\bpos\b)"
)
_COMMENT = rx(r"^\s*(comments?|notes?|interpretation|reference|method|methodology|disclaimer)\b")
# A reference range or expected value is never a result: "(ref: Nonreactive)".
_REFERENCE_NOTE = rx(
    r"[(\[]\s*(ref(erence)?(\s+range)?|normal|expected|expected\s+value)\b[^)\]]{0,60}[)\]]|"
    r"\b(ref(erence)?(\s+(range|interval|value))?|normal(\s+range)?|expected(\s+value)?)\s*:"
    r"\s*[\w -]{0,30}"
)
# A column header that names the reference column.
_REFERENCE_HEADER = rx(r"^(ref(erence)?(\s+(range|interval|value))?|normal(\s+range)?|expected)")


def read_serology(pages: Sequence[Page], dates: Sequence[DateMention]) -> SerologyContent:
    lines = [_without_reference(line, column) for line, column in _reference_columns(pages)]
    results: list[SerologyResult] = []
    for position, line in enumerate(lines):
        if _COMMENT.search(line.text):
            continue
        mentions = _analyte_mentions(line.text)
        for n, (_start, end, virus, name) in enumerate(mentions):
            stop = mentions[n + 1][0] if n + 1 < len(mentions) else len(line.text)
            window = _REFERENCE_NOTE.sub(" ", line.text[end:stop])
            outcome = _outcome(window)
            if outcome is None and n + 1 == len(mentions) and len(window.strip()) < 60:
                following = lines[position + 1].text if position + 1 < len(lines) else ""
                if following and not _analyte_mentions(following):
                    outcome = _outcome(following[:60])
            if virus is None:
                continue
            results.append(
                SerologyResult(
                    virus=virus,
                    test=name,
                    outcome=outcome or Outcome.UNKNOWN,
                    date=_counting_date(line, dates, (Role.COLLECTED, Role.REPORTED)),
                    page=line.page,
                    line=line.index,
                )
            )
    return SerologyContent(results=tuple(results))


def _reference_columns(pages: Sequence[Page]) -> list[tuple[Line, int | None]]:
    """Each line with the index of its table's reference column, when a header row above
    it names one and the row has the header's cells."""
    out: list[tuple[Line, int | None]] = []
    header: tuple[int, int] | None = None  # (cells in the header, reference column)
    for line in doc_lines(pages):
        cells = line.cells
        at = next((i for i, c in enumerate(cells) if _REFERENCE_HEADER.match(c)), None)
        if at is not None and at > 0 and len(cells) >= 3:
            header = (len(cells), at)
            out.append((line, None))
            continue
        column = header[1] if header and len(cells) == header[0] else None
        out.append((line, column))
    return out


def _without_reference(line: Line, column: int | None) -> Line:
    """The line with its reference column's cell left out: a result is the result's cell."""
    if column is None or column >= len(line.cells):
        return line
    kept = [c for i, c in enumerate(line.cells) if i != column]
    return replace(line, text="  ".join(kept), cells=tuple(kept))


def _analyte_mentions(text: str) -> list[tuple[int, int, Virus | None, str]]:
    found: list[tuple[int, int, Virus | None, str]] = []
    taken: list[tuple[int, int]] = []
    for virus, pattern in _ANALYTES:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), virus, m.group(0)))
    found.sort()
    # Adjacent names of one analyte ("HIV-1/2 Ag/Ab (HIV 4th gen)") are one mention.
    merged: list[tuple[int, int, Virus | None, str]] = []
    for mention in found:
        if (
            merged
            and merged[-1][2] == mention[2]
            and not _outcome(text[merged[-1][1] : mention[0]])
        ):
            merged[-1] = (merged[-1][0], mention[1], mention[2], merged[-1][3])
        else:
            merged.append(mention)
    return merged


def _outcome(text: str) -> Outcome | None:
    match = _OUTCOME.search(text)
    if not match:
        return None
    if match.group("neg"):
        return Outcome.NEGATIVE
    if match.group("pend"):
        return Outcome.PENDING
    return Outcome.POSITIVE


def _counting_date(
    line: Line, dates: Sequence[DateMention], roles: tuple[Role, ...]
) -> DateMention | None:
    """The first of `roles` found on the line itself, else the nearest one before it, else any."""
    for role in roles:
        same = [d for d in dates if d.role is role and (d.page, d.line) == (line.page, line.index)]
        if same:
            return same[0]
        before = [
            d for d in dates if d.role is role and (d.page, d.line) <= (line.page, line.index)
        ]
        if before:
            return before[-1]
        after = [d for d in dates if d.role is role]
        if after:
            return after[0]
    return None


def read(
    pages: Sequence[Page], dates: Sequence[DateMention], signatures: Sequence[Signature]
) -> tuple[SerologyContent, DateMention | None]:
    """Each result with its date, and the report's counting date (collected, else reported)."""
    return read_serology(pages, dates), first_of(dates, (Role.COLLECTED, Role.REPORTED))


# --- the rule ------------------------------------------------------------


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
    stale: list[tuple[Virus, SerologyResult, Document]] = []
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
        dated = [
            (r, d)
            for r, d in real
            if r.date and not r.date.impossible and not is_future(r.date, as_of)
        ]
        if not dated:
            if any(r.outcome is Outcome.POSITIVE for r, _ in real):
                continue  # a positive result counts at any age
            r, d = real[0]
            if r.date and r.date.impossible:
                # Unreadable, not replaced: the report date does not stand in for it.
                undated.append(
                    f"{virus.value} result ({where(d, r.page)}): its {r.date.role.value} date "
                    f"'{r.date.raw}' is not a real date"
                )
            else:
                undated.append(
                    f"{virus.value} result ({where(d, r.page)}) has no usable collection or "
                    "report date"
                )
            continue
        # The newest result; of results of that day (a panel's HBsAg and anti-HBc), a
        # positive one, which counts at any age.
        newest, doc = max(
            dated,
            key=lambda rd: (rd[0].date.date, rd[0].outcome is Outcome.POSITIVE),  # type: ignore[union-attr]
        )
        assert newest.date is not None
        if newest.outcome is Outcome.POSITIVE:
            continue
        counting.append(newest.date.date)
        review = order_review(newest.date, doc, as_of, lambda day: day > cutoff)
        if review is not None and review not in flags:
            flags.append(review)
        if newest.date.date <= cutoff:
            stale.append((virus, newest, doc))
    reasons = absent + undated + _stale_messages(stale, as_of, cutoff, months)
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


def _stale_messages(
    stale: list[tuple[Virus, SerologyResult, Document]],
    as_of: dt.date,
    cutoff: dt.date,
    months: int,
) -> list[str]:
    """One reason per stale date and page: the viruses of one panel are said once
    ("HIV, hepatitis B and hepatitis C results collected 2026-06-02 (...) are 4 months old")."""
    grouped: dict[tuple[str, dt.date, str], list[Virus]] = {}
    for virus, result, doc in stale:
        assert result.date is not None
        verb = "collected" if result.date.role is Role.COLLECTED else "reported"
        grouped.setdefault((verb, result.date.date, where(doc, result.page)), []).append(virus)
    messages = []
    for (verb, day, place), viruses in grouped.items():
        names = [v.value for v in viruses]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        noun, be = ("result", "is") if len(names) == 1 else ("results", "are")
        messages.append(
            f"{listed} {noun} {verb} {day.isoformat()} ({place}) {be} "
            f"{describe_age(day, as_of)} (limit: under {months} months; must be after "
            f"{cutoff.isoformat()})"
        )
    return messages
