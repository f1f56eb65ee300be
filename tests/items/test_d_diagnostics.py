"""D. Diagnostics including a bone marrow biopsy not more than 6 calendar months old."""

from __future__ import annotations

import pytest

from carcheck.items import d_diagnostics
from carcheck.model import Role, Status
from tests.items.factories import day, diagnostic, letter, other, serology

AS_OF = day("2026-05-31")  # cut-off 2025-11-30: a biopsy must be on or after it


def check(*documents, as_of=AS_OF):
    return d_diagnostics.check(list(documents), as_of)


@pytest.mark.parametrize(
    "documents",
    [
        pytest.param((), id="no-documents"),
        pytest.param((letter("Jane Roe, MD"), serology(), other()), id="only-other-items"),
    ],
)
def test_nothing_for_d_is_missing(documents):
    report = check(*documents)
    assert (report.status, report.reasons) == (Status.MISSING, ("no diagnostic results found",))


def test_diagnostics_without_biopsy_are_incomplete():
    pet = diagnostic("2026-05-01", marrow=False, file="pet.pdf")
    report = check(pet)
    assert report.status is Status.INCOMPLETE
    (reason,) = report.reasons
    assert "bone marrow biopsy" in reason
    assert report.documents == (pet,)
    assert report.date is None


@pytest.mark.parametrize(
    ("as_of", "biopsy", "status"),
    [
        pytest.param("2026-05-31", "2025-11-30", Status.PRESENT, id="on-clamped-cutoff-nov30"),
        pytest.param("2026-05-31", "2025-11-29", Status.STALE, id="day-before-cutoff-stale"),
        pytest.param("2026-10-15", "2026-04-15", Status.PRESENT, id="exactly-6-months-current"),
        pytest.param("2026-10-15", "2026-04-14", Status.STALE, id="6-months-and-a-day-stale"),
        pytest.param("2026-08-31", "2026-02-28", Status.PRESENT, id="aug31-cutoff-feb28"),
        pytest.param("2026-08-31", "2026-02-27", Status.STALE, id="aug31-day-before-feb28"),
        pytest.param("2028-08-31", "2028-02-29", Status.PRESENT, id="leap-day-cutoff-current"),
        pytest.param("2028-08-31", "2028-02-28", Status.STALE, id="day-before-leap-day-stale"),
        pytest.param("2026-05-31", "2026-05-31", Status.PRESENT, id="biopsy-on-as-of-day"),
    ],
)
def test_age_boundaries(as_of, biopsy, status):
    report = check(diagnostic(biopsy), as_of=day(as_of))
    assert report.status is status
    assert report.date == day(biopsy)
    assert len(report.reasons) == (1 if status is Status.STALE else 0)


@pytest.mark.parametrize(
    ("role", "verb"),
    [
        pytest.param(Role.PROCEDURE, "performed", id="procedure-date"),
        pytest.param(Role.COLLECTED, "collected", id="collection-date"),
        pytest.param(Role.REPORTED, "reported", id="report-date-when-none-other"),
    ],
)
def test_stale_reason_names_date_and_limit(role, verb):
    report = check(diagnostic("2025-11-29", role=role, pages=(2, 3)))
    (reason,) = report.reasons
    assert reason.startswith(f"bone marrow biopsy {verb} 2025-11-29 (bm_biopsy.pdf pp. 2-3)")
    assert "6 months old" in reason
    assert "limit: 6 months; must be on or after 2025-11-30" in reason


@pytest.mark.parametrize(
    ("dates", "status", "counts"),
    [
        pytest.param(("2025-09-01", "2026-04-01"), Status.PRESENT, "2026-04-01", id="newer-last"),
        pytest.param(("2026-04-01", "2025-09-01"), Status.PRESENT, "2026-04-01", id="newer-first"),
        pytest.param(("2025-09-01", "2025-11-01"), Status.STALE, "2025-11-01", id="both-stale"),
        pytest.param((None, "2026-04-01"), Status.PRESENT, "2026-04-01", id="undated-and-dated"),
        pytest.param((None, "2025-09-01"), Status.STALE, "2025-09-01", id="undated-and-stale"),
    ],
)
def test_newest_biopsy_decides(dates, status, counts):
    biopsies = [diagnostic(d, file=f"bm{i}.pdf") for i, d in enumerate(dates)]
    report = check(*biopsies)
    assert report.status is status
    assert report.date == day(counts)
    assert report.documents[0].date.date == day(counts)
    assert set(report.documents) == set(biopsies)


def test_undated_biopsy_is_incomplete():
    report = check(diagnostic(None))
    assert report.status is Status.INCOMPLETE
    assert report.reasons == (
        "bone marrow biopsy (bm_biopsy.pdf p. 1) has no usable procedure, collection or report "
        "date",
    )
    assert report.date is None


@pytest.mark.parametrize(
    ("dates", "status", "counts"),
    [
        pytest.param(("2026-06-10",), Status.INCOMPLETE, None, id="future-only"),
        pytest.param(("2026-06-10", "2026-04-01"), Status.PRESENT, "2026-04-01", id="+current"),
        pytest.param(("2026-06-10", "2025-09-01"), Status.STALE, "2025-09-01", id="+stale"),
    ],
)
def test_future_biopsy_date_is_flagged_and_not_used(dates, status, counts):
    report = check(*(diagnostic(d, file=f"bm{i}.pdf") for i, d in enumerate(dates)))
    assert report.status is status
    assert report.date == (day(counts) if counts else None)
    (flag,) = report.flags
    assert flag.code == "future-date"
    assert "bone marrow biopsy date 2026-06-10 in bm0.pdf p. 1" in flag.message
    if status is Status.INCOMPLETE:
        (reason,) = report.reasons
        assert "has no usable procedure, collection or report date" in reason


def test_other_diagnostics_are_kept_as_evidence_after_the_biopsy():
    pet = diagnostic("2026-05-10", marrow=False, file="pet.pdf")
    biopsy = diagnostic("2026-04-01")
    report = check(pet, biopsy)
    assert report.status is Status.PRESENT
    assert report.documents == (biopsy, pet)
    assert report.date == day("2026-04-01")


def test_months_can_be_overridden():
    report = d_diagnostics.check([diagnostic("2025-09-01")], AS_OF, months=12)
    assert report.status is Status.PRESENT
