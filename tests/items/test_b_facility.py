"""B. Treatment center verification: a contract or the manufacturer's authorization letter."""

from __future__ import annotations

import pytest

from carcheck.items import b_facility
from carcheck.model import Status
from tests.items.factories import day, facility, letter, other

AS_OF = day("2026-05-31")


@pytest.mark.parametrize(
    ("documents", "status"),
    [
        pytest.param((facility(),), Status.PRESENT, id="contract"),
        pytest.param((facility(name=None),), Status.PRESENT, id="facility-name-unread"),
        pytest.param((facility("a.pdf"), facility("b.pdf")), Status.PRESENT, id="two-documents"),
        pytest.param((), Status.MISSING, id="nothing"),
        pytest.param((letter("Jane Roe, MD"), other()), Status.MISSING, id="only-other-items"),
    ],
)
def test_status(documents, status):
    report = b_facility.check(list(documents), AS_OF)
    assert report.status is status
    assert report.required is True
    assert report.documents == tuple(d for d in documents if d.item is report.id)
    assert (report.reasons == ()) is (status is Status.PRESENT)


def test_missing_reason_says_what_to_send():
    (reason,) = b_facility.check([], AS_OF).reasons
    assert "authorized treatment center" in reason
    assert "send the facility-manufacturer contract" in reason
    assert "manufacturer's authorization letter" in reason
