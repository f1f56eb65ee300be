"""B. Treatment center verification: a contract or the manufacturer's authorization letter."""

from __future__ import annotations

import pytest

from carcheck.items import b_facility
from carcheck.items.b_facility import read_facility
from carcheck.model import Status
from tests.items.factories import day, facility, letter, other
from tests.pagefactory import make_page

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


ONBOARDING = "Until activation is confirmed, your site is not yet authorized to order product."


def test_a_letter_saying_the_site_is_not_yet_authorized_verifies_nothing():
    """The manufacturer's onboarding letter names the facility but says it is not yet
    authorized: B is incomplete, quoting it, never present."""
    report = b_facility.check([facility("kite.pdf", not_authorized=ONBOARDING)], AS_OF)
    assert report.status is Status.INCOMPLETE
    (reason,) = report.reasons
    assert "kite.pdf p. 1" in reason and "not yet authorized" in reason


def test_another_document_that_verifies_keeps_b_present_and_comes_first():
    onboarding = facility("kite.pdf", not_authorized=ONBOARDING)
    contract = facility("contract.pdf")
    report = b_facility.check([onboarding, contract], AS_OF)
    assert report.status is Status.PRESENT
    assert report.documents[0] is contract


@pytest.mark.parametrize(
    ("texts", "denied"),
    [
        pytest.param(
            (
                "Thank you for your interest in becoming a treatment center for our product.",
                "Your site's onboarding is in progress; the qualification audit is scheduled.",
                "Until activation is confirmed in writing, your site is not yet authorized to",
                "order or administer commercial product.",
            ),
            "not yet authorized",
            id="onboarding-letter",
        ),
        pytest.param(
            ("The site's certification has lapsed; infusions are on hold.",),
            "lapsed",
            id="lapsed",
        ),
        pytest.param(
            (
                "We confirm that Example Cancer Center is an authorized treatment center.",
                "If a site is not yet authorized, orders cannot be placed.",
            ),
            None,
            id="confirmed-with-a-conditional-aside",
        ),
        pytest.param(
            (
                "TREATMENT CENTER AGREEMENT between Example Cancer Center and the manufacturer.",
                "This agreement may be terminated by either party on 90 days' notice.",
            ),
            None,
            id="contract-with-a-termination-clause",
        ),
        pytest.param(
            ("Example Cancer Center has been activated to order and infuse the product.",),
            None,
            id="activated",
        ),
    ],
)
def test_what_a_center_document_says_of_the_sites_authorization(texts, denied):
    said = read_facility([make_page(*texts)]).not_authorized
    if denied is None:
        assert said is None
    else:
        assert said is not None and denied in said
