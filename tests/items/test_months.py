"""Calendar-month windows: always as_of - relativedelta(months=n), month ends clamp."""

from __future__ import annotations

import pytest

from carcheck.items.months import age_in_months, describe_age, months_before
from tests.items.factories import day


@pytest.mark.parametrize(
    ("as_of", "months", "expected"),
    [
        pytest.param("2026-05-31", 3, "2026-02-28", id="C-cutoff-may31-clamps-to-feb28"),
        pytest.param("2026-05-30", 3, "2026-02-28", id="may30-also-clamps-to-feb28"),
        pytest.param("2026-10-15", 3, "2026-07-15", id="exactly-3-months"),
        pytest.param("2026-05-31", 6, "2025-11-30", id="D-cutoff-may31-clamps-to-nov30"),
        pytest.param("2026-10-15", 6, "2026-04-15", id="exactly-6-months"),
        pytest.param("2026-03-31", 3, "2025-12-31", id="month-end-across-year"),
        pytest.param("2026-08-31", 6, "2026-02-28", id="aug31-minus-6-clamps-to-feb28"),
        pytest.param("2026-01-15", 3, "2025-10-15", id="across-year-start"),
        pytest.param("2026-02-28", 3, "2025-11-28", id="feb28-minus-3-is-nov28"),
        pytest.param("2028-05-29", 3, "2028-02-29", id="leap-day-3-months"),
        pytest.param("2028-05-31", 3, "2028-02-29", id="leap-year-may31-clamps-to-feb29"),
        pytest.param("2028-08-31", 6, "2028-02-29", id="leap-day-6-months"),
        pytest.param("2028-02-29", 3, "2027-11-29", id="from-leap-day-3-months"),
        pytest.param("2028-02-29", 12, "2027-02-28", id="from-leap-day-12-months-clamps"),
        pytest.param("2029-02-28", 12, "2028-02-28", id="to-leap-year-not-feb29"),
        pytest.param("2026-05-31", 0, "2026-05-31", id="zero-months"),
    ],
)
def test_months_before(as_of, months, expected):
    assert months_before(day(as_of), months) == day(expected)


@pytest.mark.parametrize(
    ("when", "as_of", "expected"),
    [
        pytest.param("2026-02-28", "2026-05-31", 3, id="3-months-and-3-days"),
        pytest.param("2026-03-01", "2026-05-31", 2, id="2-months-and-30-days"),
        pytest.param("2025-11-30", "2026-05-31", 6, id="6-months-and-1-day"),
        pytest.param("2026-04-15", "2026-10-15", 6, id="exactly-6"),
        pytest.param("2026-04-16", "2026-10-15", 5, id="one-day-short-of-6"),
        pytest.param("2028-02-29", "2029-02-28", 12, id="leap-day-to-next-feb28-is-a-year"),
        pytest.param("2024-05-31", "2026-05-31", 24, id="two-years"),
        pytest.param("2026-05-31", "2026-05-31", 0, id="same-day"),
    ],
)
def test_age_in_months(when, as_of, expected):
    assert age_in_months(day(when), day(as_of)) == expected


@pytest.mark.parametrize(
    ("when", "as_of", "expected"),
    [
        pytest.param("2026-02-28", "2026-05-31", "3 months old", id="months-plural"),
        pytest.param("2026-04-30", "2026-05-31", "1 month old", id="month-singular"),
        pytest.param("2026-05-01", "2026-05-31", "30 days old", id="days-under-a-month"),
        pytest.param("2026-05-30", "2026-05-31", "1 day old", id="day-singular"),
        pytest.param("2026-05-31", "2026-05-31", "0 days old", id="same-day"),
    ],
)
def test_describe_age(when, as_of, expected):
    assert describe_age(day(when), day(as_of)) == expected
