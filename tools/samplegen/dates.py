"""Date arithmetic and the many ways real documents print a date."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

AS_OF = dt.date(2026, 10, 15)
# Fixed dates in the case histories (birth dates, regimens) are written for this as-of date
# and moved with AS_OF, so that every date stays relative to it.
_WRITTEN_FOR = dt.date(2026, 10, 15)
_SHIFT = relativedelta(AS_OF, _WRITTEN_FOR)


def rel(y: int, m: int, d: int) -> dt.date:
    """A history date, written as if as-of were 2026-10-15, shifted with AS_OF."""
    return dt.date(y, m, d) + _SHIFT


def months_before(n: int, *, days: int = 0) -> dt.date:
    """as_of minus n calendar months, then minus `days` days."""
    return AS_OF - relativedelta(months=n) - dt.timedelta(days=days)


def days_before(n: int) -> dt.date:
    return AS_OF - dt.timedelta(days=n)


DATE_STYLES = ("mdy", "mdy_short", "long", "dmy_mon", "iso", "mon_abbr")


def fmt(d: dt.date, style: str = "mdy") -> str:
    if style == "mdy":
        return d.strftime("%m/%d/%Y")
    if style == "mdy_short":
        return f"{d.month}/{d.day}/{d:%y}"
    if style == "long":
        return f"{d:%B} {d.day}, {d.year}"
    if style == "dmy_mon":
        return d.strftime("%d-%b-%Y")
    if style == "dmy_mon_upper":
        return d.strftime("%d-%b-%Y").upper()
    if style == "iso":
        return d.isoformat()
    if style == "mon_abbr":
        return f"{d:%b} {d.day}, {d.year}"
    raise ValueError(style)


def fmt_time(minutes: int, style: str = "24") -> str:
    h, m = divmod(minutes, 60)
    if style == "24":
        return f"{h:02d}:{m:02d}"
    if style == "24c":
        return f"{h:02d}{m:02d}"
    suffix = "AM" if h < 12 else "PM"
    return f"{(h - 1) % 12 + 1}:{m:02d} {suffix}"


MONTH_STYLES = ("slash", "abbr", "long", "iso")


def fmt_month(d: dt.date, style: str = "slash") -> str:
    """Month-year forms as used for regimen dates."""
    if style == "slash":
        return d.strftime("%m/%Y")
    if style == "abbr":
        return d.strftime("%b %Y")
    if style == "long":
        return d.strftime("%B %Y")
    if style == "iso":
        return d.strftime("%Y-%m")
    raise ValueError(style)


def month_range(start: dt.date, end: dt.date | None, style: str) -> str:
    if end is None:
        return f"{fmt_month(start, style)} - present"
    if style == "long" and start.year == end.year:
        return f"{start:%B}-{end:%B} {end.year}"
    sep = " to " if style == "iso" else "-" if style == "slash" else " - "
    return f"{fmt_month(start, style)}{sep}{fmt_month(end, style)}"


def age_on(dob: dt.date, d: dt.date) -> int:
    return relativedelta(d, dob).years
