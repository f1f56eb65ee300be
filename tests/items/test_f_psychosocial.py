"""F. Psychosocial evaluation: four parts, primary and secondary caregiver each named."""

from __future__ import annotations

import pytest

from carcheck.items import f_psychosocial
from carcheck.model import ItemId, Status
from tests.items.factories import day, psychosocial

AS_OF = day("2026-05-31")


def check(*documents):
    return f_psychosocial.check(list(documents), AS_OF)


def test_complete_evaluation_is_present():
    report = check(psychosocial())
    assert (report.status, report.reasons) == (Status.PRESENT, ())


def test_no_evaluation_is_missing():
    report = check()
    assert (report.status, report.reasons) == (
        Status.MISSING,
        ("no psychosocial evaluation found",),
    )


@pytest.mark.parametrize(
    ("part", "value", "fragment"),
    [
        pytest.param("compliance", False, "medical compliance (part 1)", id="1-compliance"),
        pytest.param("support_network", False, "support network (part 2)", id="2-support"),
        pytest.param("care_plan", False, "post-treatment care plan (part 3)", id="3-care-plan"),
        pytest.param("primary_caregiver", None, "primary caregiver (part 3)", id="3-primary"),
        pytest.param("primary_caregiver", "", "primary caregiver (part 3)", id="3-primary-blank"),
        pytest.param("secondary_caregiver", None, "secondary caregiver (part 3)", id="3-secondary"),
        pytest.param("secondary_caregiver", "", "secondary caregiver", id="3-secondary-blank"),
        pytest.param("mental_health", False, "mental health history (part 4)", id="4-mental"),
        pytest.param("substance_use", False, "substance use history (part 4)", id="4-substance"),
        pytest.param("legal", False, "legal history (part 4)", id="4-legal"),
    ],
)
def test_each_part_missing_is_incomplete_naming_it(part, value, fragment):
    report = check(psychosocial(**{part: value}))
    assert report.status is Status.INCOMPLETE
    (reason,) = report.reasons
    assert fragment in reason


def test_every_missing_part_is_listed():
    report = check(psychosocial(compliance=False, secondary_caregiver=None, legal=False))
    assert report.status is Status.INCOMPLETE
    assert len(report.reasons) == 3
    assert "secondary caregiver" in report.reasons[1]


def test_unreadable_evaluation_is_incomplete():
    from carcheck.model import Document

    doc = Document("psych.pdf", (1,), ItemId.F, "Psychosocial evaluation", None, ())
    report = check(doc)
    assert (report.status, report.reasons) == (Status.INCOMPLETE, ("evaluation could not be read",))


@pytest.mark.parametrize(
    "order",
    [pytest.param((0, 1), id="complete-first"), pytest.param((1, 0), id="complete-last")],
)
def test_best_evaluation_decides(order):
    docs = (psychosocial("full.pdf"), psychosocial("partial.pdf", legal=False, compliance=False))
    report = check(*(docs[i] for i in order))
    assert report.status is Status.PRESENT
    assert report.documents[0].file == "full.pdf"
    assert len(report.documents) == 2
