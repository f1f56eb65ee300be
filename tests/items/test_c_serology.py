"""C. Serologies: HIV, hepatitis B, hepatitis C; each virus on its newest result, < 3 months."""

from __future__ import annotations

from functools import partial

import pytest

from carcheck.items import c_serology
from carcheck.model import Outcome, Role, Status, Virus
from tests.items.factories import day, diagnostic, letter, panel, result, serology

AS_OF = day("2026-05-31")  # cut-off 2026-02-28: a result must be collected after it
HIV, HBV, HCV = Virus.HIV, Virus.HBV, Virus.HCV
NEG, POS, PENDING, UNKNOWN = Outcome.NEGATIVE, Outcome.POSITIVE, Outcome.PENDING, Outcome.UNKNOWN
PRESENT, STALE, INCOMPLETE = Status.PRESENT, Status.STALE, Status.INCOMPLETE
H, B = partial(result, HIV), partial(result, HBV)  # H(date, outcome=NEG, ...)


def check(*documents, as_of=AS_OF):
    return c_serology.check(list(documents), as_of)


def test_no_report_is_missing():
    report = check()
    assert (report.status, report.reasons) == (Status.MISSING, ("no serology report found",))


def test_other_items_documents_do_not_count():
    assert check(letter("Jane Roe, MD"), diagnostic()).status is Status.MISSING


@pytest.mark.parametrize(
    ("as_of", "collected", "status"),
    [
        pytest.param("2026-05-31", "2026-02-28", Status.STALE, id="on-clamped-cutoff-feb28-stale"),
        pytest.param("2026-05-31", "2026-03-01", Status.PRESENT, id="day-after-cutoff-current"),
        pytest.param("2026-10-15", "2026-07-15", Status.STALE, id="exactly-3-months-stale"),
        pytest.param("2026-10-15", "2026-07-16", Status.PRESENT, id="3-months-less-a-day-current"),
        pytest.param("2026-03-31", "2025-12-31", Status.STALE, id="month-end-across-year-stale"),
        pytest.param("2026-03-31", "2026-01-01", Status.PRESENT, id="month-end-across-year-ok"),
        pytest.param("2028-05-29", "2028-02-29", Status.STALE, id="leap-day-cutoff-stale"),
        pytest.param("2028-05-29", "2028-03-01", Status.PRESENT, id="day-after-leap-day-current"),
        pytest.param("2026-02-28", "2025-11-29", Status.PRESENT, id="subtract-from-as-of-not-add"),
        pytest.param("2026-02-28", "2025-11-28", Status.STALE, id="feb28-cutoff-nov28-stale"),
        pytest.param("2026-05-31", "2026-05-31", Status.PRESENT, id="collected-on-as-of-day"),
        pytest.param("2026-05-31", "2020-01-01", Status.STALE, id="years-old"),
    ],
)
def test_age_boundaries(as_of, collected, status):
    report = check(serology(*panel(collected)), as_of=day(as_of))
    assert report.status is status
    assert report.date == day(collected)
    if status is Status.STALE:  # one panel, one date: said once for the three viruses
        (reason,) = report.reasons
        assert reason.startswith(f"HIV, hepatitis B and hepatitis C results collected {collected}")
        assert " are " in reason
    else:
        assert report.reasons == ()


def test_stale_results_of_different_dates_or_pages_are_said_apart():
    results = (
        result(HIV, "2026-01-10"),
        result(HBV, "2026-01-10"),
        result(HCV, "2026-01-10", page=2),
    )
    report = check(serology(*results))
    assert report.status is Status.STALE
    assert [r.split(" (")[0] for r in report.reasons] == [
        "HIV and hepatitis B results collected 2026-01-10",
        "hepatitis C result collected 2026-01-10",
    ]


@pytest.mark.parametrize(
    ("role", "verb"),
    [
        pytest.param(Role.COLLECTED, "collected", id="collection-date"),
        pytest.param(Role.REPORTED, "reported", id="report-date-when-no-collection-date"),
    ],
)
def test_stale_reason_names_virus_date_and_limit(role, verb):
    results = panel("2026-05-01", HIV, HBV) + (result(HCV, "2026-02-28", role=role, page=2),)
    report = check(serology(*results))
    assert report.status is Status.STALE
    assert report.date == day("2026-02-28")
    (reason,) = report.reasons
    assert reason.startswith(f"hepatitis C result {verb} 2026-02-28 (lab.pdf p. 2)")
    assert "3 months old" in reason
    assert "limit: under 3 months; must be after 2026-02-28" in reason


@pytest.mark.parametrize(
    "absent",
    [
        pytest.param(HIV, id="no-HIV"),
        pytest.param(HBV, id="no-hepatitis-B"),
        pytest.param(HCV, id="no-hepatitis-C"),
    ],
)
def test_each_virus_missing_is_incomplete_naming_it(absent):
    report = check(serology(*panel("2026-05-01", *(v for v in Virus if v is not absent))))
    assert report.status is Status.INCOMPLETE
    assert report.reasons == (f"no {absent.value} result found",)


def test_report_with_no_results_names_all_three_viruses():
    report = check(serology())
    assert report.status is Status.INCOMPLETE
    assert report.reasons == tuple(f"no {v.value} result found" for v in Virus)


@pytest.mark.parametrize(
    ("hiv_results", "status"),
    [
        pytest.param((H("2026-05-20", PENDING),), INCOMPLETE, id="pending-only"),
        pytest.param((H(None, PENDING),), INCOMPLETE, id="pending-undated"),
        pytest.param((H("2026-05-20", UNKNOWN),), INCOMPLETE, id="unreadable-only"),
        pytest.param((H("2026-05-20", PENDING), H("2026-04-01")), PRESENT, id="+older-current"),
        pytest.param((H("2026-05-20", PENDING), H("2026-01-01")), STALE, id="+older-stale"),
    ],
)
def test_pending_is_not_a_result(hiv_results, status):
    report = check(serology(*hiv_results, *panel("2026-05-01", HBV, HCV)))
    assert report.status is status
    if status is STALE:
        (reason,) = report.reasons
        assert reason.startswith("HIV result collected 2026-01-01")


@pytest.mark.parametrize(
    ("outcome", "reason"),
    [
        pytest.param(PENDING, "HIV result is pending or was not performed", id="pending"),
        pytest.param(UNKNOWN, "no HIV result found", id="unknown"),
    ],
)
def test_no_result_reasons(outcome, reason):
    report = check(serology(H("2026-05-20", outcome), *panel("2026-05-01", HBV, HCV)))
    assert report.reasons == (reason,)


@pytest.mark.parametrize(
    ("hbv_results", "status"),
    [
        pytest.param((B("2025-01-10", POS),), PRESENT, id="old-positive-counts"),
        pytest.param((B(None, POS),), PRESENT, id="undated-positive-counts"),
        pytest.param((B("2025-01-10", POS), B("2026-01-15")), STALE, id="newest-negative-stale"),
        pytest.param((B("2025-01-10", POS), B("2026-04-15")), PRESENT, id="newest-negative-ok"),
        pytest.param((B("2025-01-10"), B("2025-06-01", POS)), PRESENT, id="newest-positive-old"),
    ],
)
def test_positive_result_counts_at_any_age(hbv_results, status):
    report = check(serology(*hbv_results, *panel("2026-05-01", HIV, HCV)))
    assert report.status is status
    if status is STALE:
        (reason,) = report.reasons
        assert reason.startswith("hepatitis B result collected 2026-01-15")


def test_positive_result_is_not_the_date_that_counts():
    report = check(serology(result(HBV, "2025-01-10", POS), *panel("2026-05-01", HIV, HCV)))
    assert report.date == day("2026-05-01")


@pytest.mark.parametrize(
    ("hiv_results", "status"),
    [
        pytest.param((result(HIV, None),), Status.INCOMPLETE, id="undated-only"),
        pytest.param((result(HIV, None), result(HIV, "2026-04-01")), Status.PRESENT, id="+dated"),
        pytest.param((result(HIV, None), result(HIV, "2026-01-01")), Status.STALE, id="+stale"),
    ],
)
def test_result_without_date(hiv_results, status):
    report = check(serology(*hiv_results, *panel("2026-05-01", HBV, HCV)))
    assert report.status is status
    if status is Status.INCOMPLETE:
        assert report.reasons == (
            "HIV result (lab.pdf p. 1) has no usable collection or report date",
        )


def test_future_date_only_is_not_used_flagged_and_incomplete():
    report = check(serology(result(HIV, "2026-06-15"), *panel("2026-05-01", HBV, HCV)))
    assert report.status is Status.INCOMPLETE
    assert report.reasons == ("HIV result (lab.pdf p. 1) has no usable collection or report date",)
    (flag,) = report.flags
    assert flag.code == "future-date"
    assert "HIV result date 2026-06-15" in flag.message
    assert "after the as-of date 2026-05-31" in flag.message
    assert report.date == day("2026-05-01")


@pytest.mark.parametrize(
    ("older", "status"),
    [
        pytest.param("2026-04-01", Status.PRESENT, id="older-current-result-decides"),
        pytest.param("2026-01-01", Status.STALE, id="older-stale-result-decides"),
    ],
)
def test_future_date_beside_a_usable_result(older, status):
    report = check(
        serology(result(HIV, "2026-06-15"), result(HIV, older), *panel("2026-05-01", HBV, HCV))
    )
    assert report.status is status
    assert [f.code for f in report.flags] == ["future-date"]
    assert report.date == min(day(older), day("2026-05-01"))


def test_future_dates_are_flagged_per_virus():
    report = check(serology(*panel("2026-06-15")))
    assert report.status is Status.INCOMPLETE
    assert len(report.reasons) == 3
    assert [f.code for f in report.flags] == ["future-date"] * 3


@pytest.mark.parametrize(
    ("first", "second", "status", "where"),
    [
        pytest.param("2026-01-01", "2026-04-01", Status.PRESENT, None, id="newer-report-current"),
        pytest.param("2026-04-01", "2026-01-01", Status.PRESENT, None, id="older-report-is-newer"),
        pytest.param("2025-10-01", "2026-01-01", Status.STALE, "lab2.pdf p. 3", id="both-stale"),
        pytest.param("2026-01-01", "2025-10-01", Status.STALE, "lab1.pdf p. 1", id="first-newest"),
    ],
)
def test_newest_result_from_any_report_decides(first, second, status, where):
    one = serology(*panel("2026-05-01", HBV, HCV), result(HIV, first), file="lab1.pdf")
    two = serology(result(HIV, second, page=3), file="lab2.pdf")
    report = check(one, two)
    assert report.status is status
    assert report.documents == (one, two)
    if where:
        (reason,) = report.reasons
        assert f"({where})" in reason


def test_each_virus_from_its_own_report():
    reports = [serology(result(v, "2026-05-01"), file=f"{v.name}.pdf") for v in Virus]
    assert check(*reports).status is Status.PRESENT


def test_every_problem_is_listed_and_incomplete_wins_over_stale():
    results = (result(HIV, "2026-05-20", PENDING), result(HBV, None), result(HCV, "2025-12-01"))
    report = check(serology(*results))
    assert report.status is Status.INCOMPLETE
    assert [r.split(" (")[0] for r in report.reasons] == [
        "HIV result is pending or was not performed",
        "hepatitis B result",
        "hepatitis C result collected 2025-12-01",
    ]


def test_date_that_counts_is_the_oldest_newest_result():
    results = (result(HIV, "2026-05-01"), result(HBV, "2026-04-01"), result(HCV, "2026-03-15"))
    report = check(serology(*results))
    assert (report.status, report.date) == (Status.PRESENT, day("2026-03-15"))


def test_months_can_be_overridden():
    report = c_serology.check([serology(*panel("2026-01-15"))], AS_OF, months=6)
    assert report.status is Status.PRESENT


def test_a_positive_of_the_newest_day_counts_at_any_age():
    """An old panel whose HBsAg is negative and whose anti-HBc is reactive, the same day:
    hepatitis B is judged on the reactive result, which counts at any age."""
    results = (
        result(HBV, "2025-12-01"),
        result(HBV, "2025-12-01", POS),
        *panel("2026-05-01", HIV, HCV),
    )
    report = check(serology(*results))
    assert report.status is Status.PRESENT, report.reasons
