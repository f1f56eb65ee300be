"""Full calendar dates on a page, each labelled with what it stands for (Role)."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from dateutil import parser as dateparser

from carcheck.extract.layout import is_fax_header
from carcheck.model import DateMention, Role, TextLine

MIN_YEAR, MAX_YEAR = 1900, 2099
# Two-digit years below this are 20yy, the rest 19yy: fixed, never today's clock.
PIVOT = 70
# How many lines above a table row may hold its column header.
HEADER_LOOKBACK = 25
# Points of slack when lining a header cell up with a date below it.
X_TOLERANCE = 3.0
# US Letter, for "top half of the page" when the caller does not pass the page height.
DEFAULT_PAGE_HEIGHT = 792.0

_FLAGS = re.IGNORECASE | re.ASCII  # ASCII: "ſ" or "K" (Kelvin) must not case-fold into a month

# --- candidates --------------------------------------------------------------

# A date may not touch a letter, digit or "/", nor a "-" or "." that ties it to more
# letters or digits: "SP-2026-03-14-0457" and "S26-03142" are identifiers, not dates.
_BEFORE = r"(?<![0-9A-Za-z/])(?<![0-9A-Za-z][-.])"
_AFTER = r"(?![0-9A-Za-z/])(?![-.][0-9A-Za-z])"
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![A-Za-z])"
)
_DAY = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?"

# Numeric forms tolerate one space beside a separator (OCR: "03/ 14/2026"), never a
# space instead of one, so "3 14 2026" stays three numbers.
_MDY = (
    r"(?P<m>[0-9]{1,2}) ?(?P<s1>[/.-]) ?(?P<d>[0-9]{1,2}) ?(?P<s2>[/.-]) ?(?P<y>[0-9]{4}|[0-9]{2})"
)
_YMD = r"(?P<y>[0-9]{4}) ?(?P<s1>[/.-]) ?(?P<m>[0-9]{1,2}) ?(?P<s2>[/.-]) ?(?P<d>[0-9]{1,2})"
_MONTH_DAY_YEAR = _MONTH + r"(?:\.\s*|\s+)" + _DAY + r"(?:,\s*|\s+)(?P<y>[0-9]{4})"
_DAY_MONTH_YEAR = _DAY + r"(?P<s1>-|\s+)" + _MONTH + r"\.?(?P<s2>-|\s+)(?P<y>[0-9]{4}|[0-9]{2})"


def _year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < PIVOT else 1900
    return year


def _numeric(match: re.Match[str] | _Swapped) -> dt.date | None:
    sep = match["s1"]
    if sep != match["s2"]:
        return None
    # "3.14.26" or "1. 2.25" read as section numbers and decimals far more often than dates.
    if sep == "." and (" " in match[0] or len(match["y"]) == 2):
        return None
    year = _year(match["y"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        # Built directly: dateutil would quietly swap 14/03/2026 into March 14.
        return dt.date(year, int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _numeric_any_order(match: re.Match[str]) -> dt.date | None:
    """Month-first when that is a real date, else day-first (24/05/1977): which order
    holds is settled later, for the whole document (see settle_order)."""
    value = _numeric(match)
    if value is not None or int(match["m"]) <= 12:
        return value  # not a date in either order, or refused by form ("3.14.26")
    day_first = {"m": match["d"], "d": match["m"]}
    return _numeric(_Swapped(match, day_first))


class _Swapped:
    """A numeric match with its day and month read the other way round."""

    def __init__(self, match: re.Match[str], groups: dict[str, str]) -> None:
        self._match, self._groups = match, groups

    def __getitem__(self, key: int | str) -> str:
        if isinstance(key, str) and key in self._groups:
            return self._groups[key]
        return self._match[key]


def _named(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    seps = [groups.get("s1"), groups.get("s2")]
    if None not in seps:  # day-month-year: "14-Mar-2026" or "14 Mar 2026", not mixed
        if (seps[0] == "-") != (seps[1] == "-"):
            return None
        if len(match["y"]) == 2 and seps[0] != "-":
            return None  # "14 Mar 26" is too loose; "14-MAR-26" is a lab-system format
    year = _year(match["y"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        # Canonical text, full year already expanded: dateutil only maps the month name.
        text = f"{match['mon']} {int(match['d'])} {year}"
        return dateparser.parse(text, dayfirst=False, default=dt.datetime(MIN_YEAR, 1, 1)).date()
    except (ValueError, OverflowError):
        return None


_FORMS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], dt.date | None]], ...] = tuple(
    (re.compile(_BEFORE + pattern + _AFTER, _FLAGS), build)
    for pattern, build in (
        (_MDY, _numeric),
        (_YMD, _numeric),
        (_MONTH_DAY_YEAR, _named),
        (_DAY_MONTH_YEAR, _named),
    )
)


# On a page, a numeric date is read in either order; the document decides which holds.
_LINE_FORMS = ((_FORMS[0][0], _numeric_any_order), *_FORMS[1:])


# The placeholder of a date written with no real day: never a day anyone means.
IMPOSSIBLE = dt.date(MIN_YEAR, 1, 1)


def _impossible(match: re.Match[str]) -> dt.date | None:
    """IMPOSSIBLE for a date with a real month and year but a day that month lacks
    ("30-Feb-2026", "02/30/2026", "31 Apr 2026"); None for anything else."""
    groups = match.groupdict()
    try:
        year = _year(match["y"])
        day = int(match["d"])
        if groups.get("mon"):
            month = _MONTHS[match["mon"][:3].lower()]
        else:
            month = int(match["m"])
            if month > 12 and day <= 12:
                month, day = day, month
    except (KeyError, ValueError, IndexError):
        return None
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 29 <= day <= 31):
        return None
    if groups.get("s1") is not None and groups.get("s2") is not None and not groups.get("mon"):
        if match["s1"] != match["s2"]:
            return None
    return IMPOSSIBLE


_MONTHS = {
    name: index + 1
    for index, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}


def parse_date(text: str) -> dt.date | None:
    """Normalise ONE candidate string (already matched by a strict pattern) to a date.

    None when it is no supported form or no real day (02/30/2026, 13/45/2026, year 2100).
    """
    candidate = text.strip()
    for pattern, build in _FORMS:
        match = pattern.fullmatch(candidate)
        if match:
            return build(match)
    return None


# --- role keywords -----------------------------------------------------------

# Packed by hand: one keyword a line would bury the families. Lower case, "-" = " ".
# fmt: off
_PHRASES: dict[Role, tuple[str, ...]] = {
    Role.BIRTH: ("dob", "d.o.b", "date of birth", "birth date", "born"),
    Role.COLLECTED: (
        "collected", "collection", "collection date", "coll", "coll date", "specimen collected",
        "date collected", "date drawn", "drawn", "draw date", "specimen date",
        "date of collection", "obtained", "date obtained", "sample date",
        "sampled", "date sampled", "sample taken", "date sample taken", "specimen taken",
        "date taken", "sample collected", "date of sample",
    ),
    Role.RECEIVED: ("received", "rec'd", "rec’d", "recd", "rcvd", "date received", "received date"),
    Role.REPORTED: (
        "reported", "report date", "date reported", "date of report", "resulted", "result date",
        "final report", "finalized", "verified", "released", "signed out", "sign out date",
        "date signed out", "date authorised", "date authorized", "authorised date",
        "authorised on", "date validated", "validated on",
    ),
    Role.PROCEDURE: (
        "date of procedure", "procedure date", "biopsy date", "date of biopsy", "date of service",
        "dos", "service date", "exam date", "date of exam", "study date", "date of study",
        "scan date", "performed", "date performed", "evaluation date", "date of evaluation",
        "assessment date", "visit date", "date of visit",
    ),
    Role.SIGNED: (
        "electronically signed", "signed", "e signed", "signature", "signature date",
        "date signed", "digitally signed", "/s/",
    ),
    # Explicit "other": these block every other role (a printed-on date is never a lab date).
    Role.OTHER: (
        "printed", "print date", "printed on", "run date", "generated", "fax", "faxed", "sent",
        "page", "accession", "acc", "specimen id", "mrn", "admission", "admission date",
        "admitted", "discharge", "discharged", "effective", "expires", "expiration", "issued",
        "agreement date", "diagnosed", "diagnosis date", "date of diagnosis", "started",
        "completed",
    ),
}
# fmt: on


def _squash(phrase: str) -> str:
    return re.sub(r"[\s-]+", "", phrase.lower())


_ROLE_OF = {_squash(p): role for role, phrases in _PHRASES.items() for p in phrases}


# Longest first, so at one spot "Signed out" beats "Signed" and "Date of birth" wins whole.
def _keyword_pattern(phrases: set[str], flags: int) -> re.Pattern[str]:
    return re.compile(
        r"(?<![0-9A-Za-z])(?:"
        + "|".join(
            r"[\s-]*".join(re.escape(part) for part in re.split(r"[\s-]+", phrase))
            for phrase in sorted(phrases, key=lambda p: (-len(p), p))
        )
        + r")(?![0-9A-Za-z])",
        flags,
    )


_PHRASE_SET = {p for ps in _PHRASES.values() for p in ps}
_KEYWORD = _keyword_pattern(_PHRASE_SET, _FLAGS)
# The same, for lower-cased ASCII text: case-sensitive, so faster.
_KEYWORD_LOWER = _keyword_pattern({p.lower() for p in _PHRASE_SET}, _FLAGS & ~re.IGNORECASE)
_PAREN_OPEN = re.compile(r"\s*\(\s*")
_PAREN_CLOSE = re.compile(r"\s*\)")
# What may share a line with a letter date: "Date:" or a weekday before, punctuation after.
_ALONE_BEFORE = re.compile(
    r"[\s(]*(?:dated?[\s:.-]*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?", _FLAGS
)
_ALONE_AFTER = re.compile(r"[\s.,;:)]*")


# --- lines -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int  # character offsets in the line's text
    end: int
    x0: float  # and the points they cover, for lining up table columns
    x1: float


@dataclass(frozen=True, slots=True)
class _Date(_Hit):
    value: dt.date


@dataclass(frozen=True, slots=True)
class _Keyword(_Hit):
    role: Role


@dataclass(frozen=True, slots=True)
class _Line:
    source: TextLine
    text: str
    dates: tuple[_Date, ...]
    labels: tuple[_Keyword | None, ...]  # the same-line keyword of each date, if any
    headers: tuple[_Keyword, ...]  # keywords that label no date on their own line


_DIGIT = re.compile(r"\d")


def _read(line: TextLine) -> _Line:
    text = line.text
    # Every date form has digits: a line without any holds none (most lines of a page).
    matches = [
        (m, value)
        for pattern, build in (_LINE_FORMS if _DIGIT.search(text) else ())
        for m in pattern.finditer(text)
        if (value := build(m) or _impossible(m)) is not None
    ]
    # The keywords' long alternation runs faster case-sensitively over lower-cased ASCII.
    named = list(
        _KEYWORD_LOWER.finditer(text.lower()) if text.isascii() else _KEYWORD.finditer(text)
    )
    if not matches and not named:
        return _Line(line, text, (), (), ())  # most lines: no date, no keyword
    starts: list[int] = []
    offset = 0
    for word in line.words:
        starts.append(offset)
        offset += len(word.text) + 1

    def x_at(char: int, right: bool) -> float:
        # Words carry positions, characters do not: interpolate within the word.
        k = max(bisect_right(starts, char) - 1, 0)
        word = line.words[k]
        share = (char - starts[k] + (1 if right else 0)) / max(len(word.text), 1)
        return word.x0 + min(max(share, 0.0), 1.0) * (word.x1 - word.x0)

    def span(start: int, end: int) -> tuple[int, int, float, float]:
        return start, end, x_at(start, False), x_at(end - 1, True)

    found = [_Date(*span(m.start(), m.end()), value) for m, value in matches]
    dates: list[_Date] = []
    for date in sorted(found, key=lambda d: (d.start, d.start - d.end)):
        if not dates or date.start >= dates[-1].end:  # leftmost, then longest
            dates.append(date)
    keywords = [
        _Keyword(*span(m.start(), m.end()), _ROLE_OF[_squash(text[m.start() : m.end()])])
        for m in named
    ]
    labels = tuple(_label(text, dates, keywords, k) for k in range(len(dates)))
    headers = tuple(kw for kw in keywords if kw not in labels)
    return _Line(line, text, tuple(dates), labels, headers)


def _label(text: str, dates: list[_Date], keywords: list[_Keyword], k: int) -> _Keyword | None:
    """The nearest keyword left of date k, not reaching past the date before it."""
    date = dates[k]
    floor = dates[k - 1].end if k else 0
    left = [kw for kw in keywords if kw.start >= floor and kw.end <= date.start]
    if left:
        return left[-1]
    # Only the clean right-hand form: "03/01/2026 (collected)".
    for kw in keywords:
        if (
            kw.start >= date.end
            and _PAREN_OPEN.fullmatch(text, date.end, kw.start)
            and _PAREN_CLOSE.match(text, kw.end)
        ):
            return kw
    return None


def _column(line: _Line, date: _Date) -> _Keyword | None:
    """The header keyword on `line` whose horizontal span best overlaps the date's."""
    best, most = None, 0.0
    for kw in line.headers:
        overlap = min(kw.x1, date.x1) - max(kw.x0, date.x0) + X_TOLERANCE
        if overlap > most:
            best, most = kw, overlap
    return best


def _role(lines: list[_Line], i: int, k: int, page_height: float) -> Role:
    line, date = lines[i], lines[i].dates[k]
    label = line.labels[k]
    if label is not None:
        return label.role
    alone = (
        len(line.dates) == 1
        and _ALONE_BEFORE.fullmatch(line.text, 0, date.start) is not None
        and _ALONE_AFTER.fullmatch(line.text, date.end) is not None
    )
    if alone:
        # A form may stack its label right above the value; a letterhead sits further up.
        above = lines[i - 1] if i else None
        if above is not None and above.source.words:
            gap = line.source.top - above.source.bottom
            if gap < line.source.bottom - line.source.top and (kw := _column(above, date)):
                return kw.role
        return Role.LETTER if line.source.top < page_height / 2 else Role.OTHER
    for j in range(i - 1, max(i - 1 - HEADER_LOOKBACK, -1), -1):
        if kw := _column(lines[j], date):
            return kw.role
    return Role.OTHER


def find_dates(
    lines: Sequence[TextLine], page: int, *, page_height: float | None = None
) -> list[DateMention]:
    """Every full calendar date on one page, in reading order, each with its Role."""
    if not any(_DIGIT.search(line.text) for line in lines):
        return []
    read = [_read(line) for line in lines]
    if page_height is None:
        bottoms = (line.bottom for line in lines if line.words)
        page_height = max(DEFAULT_PAGE_HEIGHT, max(bottoms, default=0.0))
    found = []
    for i, line in enumerate(read):
        if is_fax_header(lines[i], page_height):
            continue  # the day it was faxed, not a date of the document
        for k, date in enumerate(line.dates):
            role = _role(read, i, k, page_height)
            raw = line.text[date.start : date.end]
            if date.value is IMPOSSIBLE:
                found.append(DateMention(IMPOSSIBLE, role, page, i, raw, impossible=True))
                continue
            value = _birth_century(date.value, raw, role)
            found.append(_with_order(DateMention(value, role, page, i, raw)))
    return found


_NUMERIC_PARTS = re.compile(r"^\s*(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?\d{2,4}\s*$")


def _with_order(mention: DateMention) -> DateMention:
    """Mark a numeric date by which orders it can be read in."""
    parts = _NUMERIC_PARTS.match(mention.raw)
    if not parts:
        return mention
    first, second = int(parts[1]), int(parts[2])
    if first > 12 and second <= 12:
        return replace(mention, day_first_only=True)
    if second > 12 and first <= 12:
        return replace(mention, month_first_only=True)
    if first != second:
        try:
            alt = mention.date.replace(month=second, day=first)
        except ValueError:
            return mention
        return replace(mention, alt=alt)
    return mention


# A document in a language or locale that writes the day first.
_DAY_FIRST_LOCALE = re.compile(
    r"\b(fecha|paciente|resultados?|muestra|m[eé]dico|laboratorio|nacimiento|"
    r"date\s+de\s+naissance|pr[eé]l[eè]vement|r[eé]sultats?|geburtsdatum|befund|"
    r"data\s+de\s+nascimento|nhs|postcode|gp\s+surgery|consultant\s+haematologist|"
    r"haematology|paediatric|dd\s*/\s*mm\s*/\s*(yy|yyyy))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Order:
    """How a document writes its numeric dates, by its own evidence."""

    day_first: bool  # read 03/04/2026 as 3 April
    settled: bool  # the document says which order it uses
    mixed: bool = False  # both orders appear: each date was read by its own digits


def settle_order(mentions: Sequence[DateMention], text: str) -> tuple[list[DateMention], Order]:
    """A document's dates in the order the document itself uses.

    Numeric dates are month-first (US) unless the document shows otherwise: a first
    number over 12 in any of its dates, or a language or locale that writes the day first.
    Where its order stays open, each ambiguous date keeps its day-first reading in `alt`.
    """
    day_first = any(m.day_first_only for m in mentions)
    month_first = any(m.month_first_only for m in mentions)
    if day_first and month_first:
        return [replace(m, alt=None) for m in mentions], Order(False, True, mixed=True)
    if not day_first and not month_first and _DAY_FIRST_LOCALE.search(text):
        day_first = True
    if day_first:
        swapped = [replace(m, date=m.alt, alt=None) if m.alt else m for m in mentions]
        return swapped, Order(True, True)
    if month_first:
        return [replace(m, alt=None) for m in mentions], Order(False, True)
    return list(mentions), Order(False, not any(m.alt for m in mentions))


# A two-digit birth year past this is last century ("DOB 4/22/57" is 1957, not 2057).
BIRTH_PIVOT = 2030


def _birth_century(value: dt.date, raw: str, role: Role) -> dt.date:
    if role is Role.BIRTH and value.year > BIRTH_PIVOT and not re.search(r"\d{4}", raw):
        return value.replace(year=value.year - 100)
    return value
