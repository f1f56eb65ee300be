"""E. Other diagnostic tests as requested: optional."""

from __future__ import annotations

import pytest

from carcheck.items import e_other
from carcheck.model import Status
from tests.items.factories import day, diagnostic, other

AS_OF = day("2026-05-31")


@pytest.mark.parametrize(
    ("documents", "status"),
    [
        pytest.param((), Status.NOT_PROVIDED, id="nothing-is-not-provided"),
        pytest.param((diagnostic(),), Status.NOT_PROVIDED, id="a-biopsy-is-not-E"),
        pytest.param((other(),), Status.PRESENT, id="echo"),
        pytest.param((other("echo.pdf"), other("ecg.pdf", None)), Status.PRESENT, id="two"),
        pytest.param((other(date="2019-01-01"),), Status.PRESENT, id="no-age-limit"),
    ],
)
def test_status(documents, status):
    report = e_other.check(list(documents), AS_OF)
    assert report.status is status
    assert report.required is False
    assert report.reasons == ()
    assert report.documents == tuple(d for d in documents if d.item is report.id)
