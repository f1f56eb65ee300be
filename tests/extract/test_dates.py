"""Tests for carcheck.extract.dates: candidate forms, non-dates, roles, properties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carcheck.extract.dates import find_dates, parse_date, settle_order
from carcheck.model import Role, TextLine, Word

CHAR = 6.0  # points per character, roughly 10 pt Helvetica
LEADING = 14.0  # points from one line's top to the next


def words(text: str, x0: float, top: float) -> list[Word]:
    out, x = [], x0
    for token in text.split():
        out.append(Word(token, x, top, x + CHAR * len(token), top + 10.0))
        x += CHAR * (len(token) + 1)
    return out


def line(text: str, top: float = 500.0, x0: float = 72.0) -> TextLine:
    return TextLine(tuple(words(text, x0, top)))


def row(cells: Sequence[tuple[str, float]], top: float) -> TextLine:
    """A table row from (text, x0) cells."""
    return TextLine(tuple(w for text, x0 in cells for w in words(text, x0, top)))


def page(*texts: str, top: float = 72.0) -> list[TextLine]:
    return [line(text, top + LEADING * n) for n, text in enumerate(texts)]


def found(text: str) -> list[dt.date]:
    return [m.date for m in find_dates([line(text)], page=1)]


def roles(text: str) -> list[Role]:
    return [m.role for m in find_dates([line(text)], page=1)]


D = dt.date

# --- forms -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/14/2026", D(2026, 3, 14)),
        ("3/14/26", D(2026, 3, 14)),
        ("03-14-2026", D(2026, 3, 14)),
        ("3-14-26", D(2026, 3, 14)),
        ("3.14.2026", D(2026, 3, 14)),
        ("March 14, 2026", D(2026, 3, 14)),
        ("March 14 2026", D(2026, 3, 14)),
        ("March 14,2026", D(2026, 3, 14)),
        ("Mar. 14th 2026", D(2026, 3, 14)),
        ("Mar 14, 2026", D(2026, 3, 14)),
        ("Mar 1st, 2026", D(2026, 3, 1)),
        ("14-Mar-2026", D(2026, 3, 14)),
        ("14-MAR-26", D(2026, 3, 14)),
        ("14 Mar 2026", D(2026, 3, 14)),
        ("14 March 2026", D(2026, 3, 14)),
        ("14th March 2026", D(2026, 3, 14)),
        ("2026-03-14", D(2026, 3, 14)),
        ("2026/03/14", D(2026, 3, 14)),
        ("SEPT 3, 2026", D(2026, 9, 3)),
        ("Sep 3, 2026", D(2026, 9, 3)),
        ("september 3 2026", D(2026, 9, 3)),
        ("MARCH 14, 2026", D(2026, 3, 14)),
        ("march 14, 2026", D(2026, 3, 14)),
        ("May 5, 2026", D(2026, 5, 5)),
        ("on 03/14/2026.", D(2026, 3, 14)),
        ("(03/14/2026)", D(2026, 3, 14)),
        ("03/14/2026, then", D(2026, 3, 14)),
        ("03/14/2026; then", D(2026, 3, 14)),
        ("Date: 03/14/2026", D(2026, 3, 14)),
        ("DOB:03/14/1960", D(1960, 3, 14)),
        ("Collected:03/01/2026", D(2026, 3, 1)),
        ("03/ 14/2026", D(2026, 3, 14)),
        ("03 /14/2026", D(2026, 3, 14)),
        ("03/14/2026 10:45 AM", D(2026, 3, 14)),
        ("Collected: -03/01/2026", D(2026, 3, 1)),  # OCR's stray dash before a date
        ("02/29/2028", D(2028, 2, 29)),
        ("01/01/1900", D(1900, 1, 1)),
        ("12/31/2099", D(2099, 12, 31)),
    ],
)
def test_accepted_form(text: str, expected: dt.date) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Page 1 of 3",
        "Visit 3 of 12",
        "1:10",
        "10:45 AM",
        "01/2025",
        "R-CHOP x6, 01/2025–05/2025",
        "R-CHOP x6, 01/2025-05/2025",
        "Jan 2025",
        "January 2025",
        "2025",
        "(919) 555-0134",
        "919-555-0134",
        "Fax: 919.555.0134",
        "NPI 1234567890",
        "Asheville, NC 28801",
        "Asheville, NC 28801-1234",
        "1/2",
        "2/3 of dose",
        "HIV-1/2 Ag/Ab",
        "Q2041",
        "S26-03142",
        "MRN 20260314",
        "Acc# 2026-0314-0012",
        "SP-2026-03-14-0457",
        "ID 03/14/2026X",
        "1/2 1/4 3/4",
        "12/31",
        "12/31/",
        "3 14 2026",
        "13/45/2026",
        "3.14.26",  # dotted two-digit year: a section number, not a date
        "03/14/1899",
        "03/14/2100",
        "3/14/202",
        "03/14/20261",
        "03/14-2026",
        "14 Mar 26",
        "Mar 14",
        "Lot 1/2/3",
        "v2.1.2026a",
    ],
)
def test_not_a_date(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/14/00", D(2000, 3, 14)),
        ("3/14/69", D(2069, 3, 14)),
        ("3/14/70", D(1970, 3, 14)),
        ("3/14/99", D(1999, 3, 14)),
        ("14-Mar-69", D(2069, 3, 14)),
        ("14-Mar-70", D(1970, 3, 14)),
    ],
)
def test_two_digit_year_pivot(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02/29/2028", D(2028, 2, 29)),
        ("  Mar. 14th 2026 ", D(2026, 3, 14)),
        ("02/29/2027", None),
        ("13/45/2026", None),
        ("Feb 30, 2026", None),
        ("00/10/2026", None),
        ("Page 1 of 3", None),
        ("on 03/14/2026", None),  # one candidate only, not free text
        ("", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_several_dates_in_reading_order() -> None:
    lines = [line("Collected 03/01/2026 then 03/02/2026", 400), line("x 2026-03-03", 420)]
    mentions = find_dates(lines, page=4)
    assert [(m.date.day, m.line, m.page, m.raw) for m in mentions] == [
        (1, 0, 4, "03/01/2026"),
        (2, 0, 4, "03/02/2026"),
        (3, 1, 4, "2026-03-03"),
    ]


def test_raw_is_the_matched_text() -> None:
    (mention,) = find_dates([line("Reported: Mar. 14th 2026, final")], page=1)
    assert mention.raw == "Mar. 14th 2026"


# --- roles -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB: 03/14/1960", Role.BIRTH),
        ("D.O.B. 03/14/1960", Role.BIRTH),
        ("Date of birth: 03/14/1960", Role.BIRTH),
        ("Birth date 03/14/1960", Role.BIRTH),
        ("Birthdate: 03/14/1960", Role.BIRTH),
        ("Born March 14, 1960", Role.BIRTH),
        ("Patient: Jane Doe DOB:03/14/1960 Sex: F", Role.BIRTH),
        ("Collected: 03/01/2026", Role.COLLECTED),
        ("Collection date: 03/01/2026", Role.COLLECTED),
        ("Coll. 03/01/2026", Role.COLLECTED),
        ("Coll Date: 03/01/2026", Role.COLLECTED),
        ("Specimen collected 03/01/2026", Role.COLLECTED),
        ("Date sample taken: 03/01/2026", Role.COLLECTED),  # a UK laboratory's words
        ("Sampled 03/01/2026", Role.COLLECTED),
        ("Date authorised: 03/04/2026", Role.REPORTED),
        ("Date collected: 03/01/2026", Role.COLLECTED),
        ("Date drawn: 03/01/2026", Role.COLLECTED),
        ("Drawn 03/01/2026", Role.COLLECTED),
        ("Specimen date: 03/01/2026", Role.COLLECTED),
        ("Date of collection: 03/01/2026", Role.COLLECTED),
        ("Obtained: 03/01/2026", Role.COLLECTED),
        ("Sample date 03/01/2026", Role.COLLECTED),
        ("Date/Time Collected: 03/01/2026 08:15", Role.COLLECTED),
        ("Received: 03/02/2026", Role.RECEIVED),
        ("Rec'd 03/02/2026", Role.RECEIVED),
        ("Recd: 03/02/2026", Role.RECEIVED),
        ("Date received 03/02/2026", Role.RECEIVED),
        ("Received date: 03/02/2026", Role.RECEIVED),
        ("Reported: 03/03/2026", Role.REPORTED),
        ("Report date: 03/03/2026", Role.REPORTED),
        ("Date reported 03/03/2026", Role.REPORTED),
        ("Resulted: 03/03/2026", Role.REPORTED),
        ("Result date: 03/03/2026", Role.REPORTED),
        ("Final report 03/03/2026", Role.REPORTED),
        ("Finalized on 03/03/2026", Role.REPORTED),
        ("Verified: 03/03/2026", Role.REPORTED),
        ("Released 03/03/2026", Role.REPORTED),
        ("Signed out: 03/03/2026", Role.REPORTED),
        ("Sign-out date: 03/03/2026", Role.REPORTED),
        ("Date of procedure: 02/20/2026", Role.PROCEDURE),
        ("Procedure date: 02/20/2026", Role.PROCEDURE),
        ("Biopsy date: 02/20/2026", Role.PROCEDURE),
        ("Date of biopsy: 02/20/2026", Role.PROCEDURE),
        ("Date of service: 02/20/2026", Role.PROCEDURE),
        ("DOS: 02/20/2026", Role.PROCEDURE),
        ("Service date 02/20/2026", Role.PROCEDURE),
        ("Exam date: 02/20/2026", Role.PROCEDURE),
        ("Date of exam: 02/20/2026", Role.PROCEDURE),
        ("Study date: 02/20/2026", Role.PROCEDURE),
        ("Performed: 02/20/2026", Role.PROCEDURE),
        ("Date performed: 02/20/2026", Role.PROCEDURE),
        ("Evaluation date: 02/20/2026", Role.PROCEDURE),
        ("Date of evaluation: 02/20/2026", Role.PROCEDURE),
        ("Assessment date: 02/20/2026", Role.PROCEDURE),
        ("Visit date: 02/20/2026", Role.PROCEDURE),
        ("Date of visit: 02/20/2026", Role.PROCEDURE),
        ("Electronically signed by Jane Roe, MD on 10/02/2026", Role.SIGNED),
        ("Signed: 10/02/2026", Role.SIGNED),
        ("E-signed 10/02/2026", Role.SIGNED),
        ("Signature: ________ Date: 10/02/2026", Role.SIGNED),
        ("Digitally signed by Jane Roe Date: 2026.10.02", Role.SIGNED),
        ("/s/ Jane Roe, MD 10/02/2026", Role.SIGNED),
        ("Printed: 03/05/2026", Role.OTHER),
        ("Print date 03/05/2026", Role.OTHER),
        ("Printed on 03/05/2026 10:45", Role.OTHER),
        ("Run date: 03/05/2026", Role.OTHER),
        ("Generated 03/05/2026", Role.OTHER),
        ("Fax: 03/05/2026 10:45 AM", Role.OTHER),
        ("Faxed 03/05/2026", Role.OTHER),
        ("Sent: 03/05/2026", Role.OTHER),
        ("Page 1 of 3 03/05/2026", Role.OTHER),
        ("Accession: 03/05/2026", Role.OTHER),
        ("MRN 123456 03/05/2026", Role.OTHER),
        ("Admission date: 03/05/2026", Role.OTHER),
        ("Admitted 03/05/2026", Role.OTHER),
        ("Discharge: 03/05/2026", Role.OTHER),
        ("Effective 03/05/2026", Role.OTHER),
        ("Expires 03/05/2026", Role.OTHER),
        ("Expiration date: 03/05/2026", Role.OTHER),
        ("Issued 03/05/2026", Role.OTHER),
        ("Agreement date: 03/05/2026", Role.OTHER),
        ("Diagnosed 03/05/2024", Role.OTHER),
        ("Diagnosis date: 03/05/2024", Role.OTHER),
        ("Started 03/05/2025", Role.OTHER),
        ("Completed 03/05/2025", Role.OTHER),
        ("Specimen ID S26-03142 Collected: 03/01/2026", Role.COLLECTED),
        ("03/01/2026 (collected)", Role.COLLECTED),
        ("03/14/1960 (DOB)", Role.BIRTH),
        ("Smith, John 03/05/2026 Hematology", Role.OTHER),
    ],
)
def test_role_from_keyword_on_the_line(text: str, expected: Role) -> None:
    assert roles(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Collected: 03/01/2026 Received: 03/02/2026 Reported: 03/03/2026",
            [Role.COLLECTED, Role.RECEIVED, Role.REPORTED],
        ),
        ("DOB: 03/14/1960 Collected: 03/01/2026", [Role.BIRTH, Role.COLLECTED]),
        ("Collected: 03/01/2026 DOB: 03/14/1960", [Role.COLLECTED, Role.BIRTH]),
        ("DOB 03/14/1960 Printed 03/05/2026", [Role.BIRTH, Role.OTHER]),
        # A keyword does not reach past the date before it.
        ("Collected: 03/01/2026 03/02/2026", [Role.COLLECTED, Role.OTHER]),
    ],
)
def test_each_date_on_a_line_gets_its_own_label(text: str, expected: list[Role]) -> None:
    assert roles(text) == expected


# --- table headers -----------------------------------------------------------

HEADER = [("Test", 72), ("Result", 200), ("Flag", 280), ("Collected", 330), ("Reported", 420)]


def test_table_header_above_labels_each_column() -> None:
    lines = [
        line("Patient: Jane Doe DOB: 03/14/1960", 100),
        row(HEADER, 130),
        row(
            [("HIV-1/2 Ag/Ab", 72), ("Nonreactive", 200), ("03/01/2026", 330), ("03/03/2026", 420)],
            144,
        ),
        row([("HBsAg", 72), ("Nonreactive", 200), ("03/01/2026", 330), ("03/04/2026", 420)], 158),
        row(
            [
                ("Anti-HCV", 72),
                ("Reactive", 200),
                ("H", 280),
                ("02/27/2026", 330),
                ("03/04/2026", 420),
            ],
            172,
        ),
    ]
    got = [(m.line, m.role, m.date.day) for m in find_dates(lines, page=2)]
    assert got == [
        (0, Role.BIRTH, 14),
        (2, Role.COLLECTED, 1),
        (2, Role.REPORTED, 3),
        (3, Role.COLLECTED, 1),
        (3, Role.REPORTED, 4),
        (4, Role.COLLECTED, 27),
        (4, Role.REPORTED, 4),
    ]


def test_table_header_centre_aligned_and_multi_word() -> None:
    lines = [
        row([("Name", 72), ("DOB", 212), ("Date Collected", 300), ("Received", 410)], 300),
        row([("Doe, Jane", 72), ("03/14/1960", 200), ("3/1/26", 312), ("03/02/2026", 400)], 314),
    ]
    assert [m.role for m in find_dates(lines, page=1)] == [
        Role.BIRTH,
        Role.COLLECTED,
        Role.RECEIVED,
    ]


def test_label_with_its_own_date_is_not_a_column_header() -> None:
    lines = [
        line("Received: 03/02/2026", 300, x0=300),
        row([("Ordering: Dr Roe", 72), ("03/05/2026", 300)], 314),
    ]
    assert [m.role for m in find_dates(lines, page=1)] == [Role.RECEIVED, Role.OTHER]


def test_header_search_stops_after_lookback() -> None:
    lines = [row(HEADER, 60)] + [line(f"filler {n}", 74 + 12 * n) for n in range(30)]
    lines.append(row([("HIV", 72), ("Negative", 200), ("03/01/2026", 330)], 500))
    assert [m.role for m in find_dates(lines, page=1)] == [Role.OTHER]


def test_header_without_overlap_is_ignored() -> None:
    lines = [
        row([("Collected", 72)], 300),
        row([("HIV", 72), ("Negative", 200), ("03/01/2026", 330)], 314),
    ]
    assert [m.role for m in find_dates(lines, page=1)] == [Role.OTHER]


# --- letter dates ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "top", "expected"),
    [
        ("October 2, 2026", 150, Role.LETTER),
        ("Date: October 2, 2026", 150, Role.LETTER),
        ("10/02/2026", 150, Role.LETTER),
        ("Friday, October 2, 2026", 150, Role.LETTER),
        ("October 2, 2026", 650, Role.OTHER),
        ("Date: 10/02/2026", 650, Role.OTHER),
        ("Asheville, NC October 2, 2026", 150, Role.OTHER),
    ],
)
def test_letter_date_alone_near_the_top(text: str, top: float, expected: Role) -> None:
    lines = [line("Mission Hospital Phone 828-555-0100 Fax 828-555-0101", 60), line(text, top)]
    assert [m.role for m in find_dates(lines, page=1)] == [expected]


def test_stacked_label_right_above_a_lone_date() -> None:
    lines = [line("Collected", 100), line("03/01/2026", 112)]
    assert [m.role for m in find_dates(lines, page=1)] == [Role.COLLECTED]


def test_letterhead_keyword_far_above_does_not_take_the_letter_date() -> None:
    lines = [line("Fax 828-555-0101", 60), line("October 2, 2026", 120)]
    assert [m.role for m in find_dates(lines, page=1)] == [Role.LETTER]


def test_page_height_decides_the_top_half() -> None:
    lines = [line("October 2, 2026", 500)]
    assert find_dates(lines, page=1)[0].role is Role.OTHER
    assert find_dates(lines, page=1, page_height=1200)[0].role is Role.LETTER


def test_empty_lines_are_harmless() -> None:
    assert find_dates([TextLine(()), line("03/01/2026", 100), TextLine(())], page=1)[0].line == 1


# --- properties --------------------------------------------------------------

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


FORMATS: list[Callable[[dt.date], str]] = [
    lambda d: f"{d.month:02}/{d.day:02}/{d.year}",
    lambda d: f"{d.month}/{d.day}/{d.year}",
    lambda d: f"{d.month:02}-{d.day:02}-{d.year}",
    lambda d: f"{d.month}.{d.day}.{d.year}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{MONTHS[d.month - 1]} {d.day} {d.year}",
    lambda d: f"{MONTHS[d.month - 1][:3]}. {ordinal(d.day)} {d.year}",
    lambda d: f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
    lambda d: f"{MONTHS[d.month - 1][:3].upper()} {d.day}, {d.year}",
    lambda d: f"{MONTHS[d.month - 1].lower()} {d.day}, {d.year}",
    lambda d: f"{d.day:02}-{MONTHS[d.month - 1][:3]}-{d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.year}-{d.month:02}-{d.day:02}",
    lambda d: f"{d.year}/{d.month:02}/{d.day:02}",
    lambda d: f"{d.month:02}/ {d.day:02}/{d.year}",
]
SHORT_YEAR_FORMATS: list[Callable[[dt.date], str]] = [
    lambda d: f"{d.month}/{d.day}/{d.year % 100:02}",
    lambda d: f"{d.month:02}-{d.day:02}-{d.year % 100:02}",
    lambda d: f"{d.day:02}-{MONTHS[d.month - 1][:3].upper()}-{d.year % 100:02}",
]


@given(st.text())
def test_never_raises_and_years_are_plausible(text: str) -> None:
    lines = [line(part, 100 + 14 * n) for n, part in enumerate(text.split("\n"))]
    for mention in find_dates(lines, page=1):
        assert 1900 <= mention.date.year <= 2099
        assert parse_date(mention.raw) == mention.date


@given(
    st.lists(
        st.sampled_from(
            [
                "03/14/2026",
                "Collected:",
                "DOB",
                "Page",
                "1",
                "-",
                "/",
                ":",
                "Mar",
                "14,",
                "2026",
                "(",
                ")",
            ]
        )
    )
)
def test_never_raises_on_date_like_soup(tokens: list[str]) -> None:
    for mention in find_dates([line(" ".join(tokens))], page=1):
        assert 1900 <= mention.date.year <= 2099


@given(st.dates(D(1900, 1, 1), D(2099, 12, 31)), st.sampled_from(FORMATS))
def test_round_trip(date: dt.date, render: Callable[[dt.date], str]) -> None:
    text = render(date)
    (mention,) = find_dates([line(f"Collected: {text}.")], page=1)
    assert (mention.date, mention.raw, mention.role) == (date, text, Role.COLLECTED)
    assert parse_date(text) == date


@given(st.dates(D(1970, 1, 1), D(2069, 12, 31)), st.sampled_from(SHORT_YEAR_FORMATS))
def test_round_trip_two_digit_year(date: dt.date, render: Callable[[dt.date], str]) -> None:
    text = render(date)
    assert [(m.date, m.raw) for m in find_dates([line(f"({text})")], page=1)] == [(date, text)]


# --- date order: month-first unless the document shows otherwise (CONTRACT "Date order") ---


def _mentions(*texts: str) -> list:
    return find_dates([_line(t, top=20.0 * i) for i, t in enumerate(texts)], 1)


def _line(text: str, top: float = 0.0):
    from carcheck.model import TextLine, Word

    return TextLine((Word(text, 0.0, top, 300.0, top + 10),))


def test_a_first_number_over_12_is_read_day_first() -> None:
    (only,) = _mentions("Collected: 14/03/2026")
    assert (only.date, only.day_first_only, only.alt) == (D(2026, 3, 14), True, None)


def test_a_day_over_12_settles_the_whole_document_day_first() -> None:
    dates, order = settle_order(_mentions("DOB: 24/05/1977", "Collected: 08/11/2024"), "")
    assert [d.date for d in dates] == [D(1977, 5, 24), D(2024, 11, 8)]
    assert order.day_first and order.settled


def test_a_second_number_over_12_keeps_the_document_month_first() -> None:
    dates, order = settle_order(_mentions("DOB: 05/24/1977", "Collected: 08/11/2024"), "")
    assert [d.date for d in dates] == [D(1977, 5, 24), D(2024, 8, 11)]
    assert not order.day_first and order.settled and dates[1].alt is None


def test_a_non_us_locale_settles_day_first() -> None:
    dates, order = settle_order(_mentions("Fecha de toma: 12/01/2025"), "Paciente: X\nFecha")
    assert [d.date for d in dates] == [D(2025, 1, 12)] and order.day_first


def test_an_open_order_keeps_both_readings() -> None:
    dates, order = settle_order(_mentions("Collected: 03/04/2026"), "")
    assert (dates[0].date, dates[0].alt, order.settled) == (D(2026, 3, 4), D(2026, 4, 3), False)


def test_both_orders_in_one_document_read_each_date_by_its_own_digits() -> None:
    dates, order = settle_order(_mentions("DOB 07/15/2005", "born 15/07/2005", "03/04/2026"), "")
    assert [d.date for d in dates][:2] == [D(2005, 7, 15), D(2005, 7, 15)] and order.mixed


@pytest.mark.parametrize(
    "text", ["Collected: 02/30/2026", "Collected: 30-Feb-2026", "31 Apr 2026", "02/29/2027"]
)
def test_an_impossible_day_is_an_unreadable_date_not_no_date(text: str) -> None:
    """Written as a date with no real day: kept as unreadable, so nothing stands in for it."""
    (only,) = find_dates([line(text)], page=1)
    assert only.impossible
