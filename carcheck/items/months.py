"""Calendar-month windows for the age limits (CONTRACT.md: always subtract from the as-of date)."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta


def months_before(as_of: dt.date, months: int) -> dt.date:
    """`as_of` minus whole calendar months; a month end clamps (05-31 minus 3 -> 02-28)."""
    return as_of - relativedelta(months=months)


def age_in_months(when: dt.date, as_of: dt.date) -> int:
    """Whole calendar months from `when` to `as_of` (for messages)."""
    delta = relativedelta(as_of, when)
    return delta.years * 12 + delta.months


def describe_age(when: dt.date, as_of: dt.date) -> str:
    months = age_in_months(when, as_of)
    if months >= 1:
        return f"{months} month{'s' if months != 1 else ''} old"
    days = (as_of - when).days
    return f"{days} day{'s' if days != 1 else ''} old"
