"""The registry: one rule module per item, evaluated A to F; every rule module is tested."""

from __future__ import annotations

from pathlib import Path

import pytest

from carcheck import items as rules
from carcheck.model import ItemId, ItemReport, Status
from tests.items.factories import complete_packet, day

AS_OF = day("2026-05-31")
HERE = Path(__file__).parent


def test_evaluate_returns_six_items_a_to_f_in_order():
    reports = rules.evaluate([], AS_OF)
    assert [r.id for r in reports] == list(ItemId) == list("ABCDEF")
    assert all(isinstance(r, ItemReport) for r in reports)


def test_empty_packet():
    statuses = [r.status for r in rules.evaluate([], AS_OF)]
    assert statuses == [Status.MISSING] * 4 + [Status.NOT_PROVIDED, Status.MISSING]


def test_complete_packet_is_all_present():
    reports = rules.evaluate(complete_packet("2026-05-01"), AS_OF)
    assert [(r.id, r.status, r.reasons) for r in reports] == [
        (item, Status.PRESENT, ()) for item in ItemId
    ]


def test_each_item_sees_only_its_own_documents():
    packet = complete_packet()
    for report in rules.evaluate(packet, AS_OF):
        assert report.documents
        assert all(d.item is report.id for d in report.documents)


def test_packet_judged_later_goes_stale_on_c_then_d():
    as_of = {"C": day("2026-08-02"), "D": day("2026-11-02")}
    c_stale = {r.id: r.status for r in rules.evaluate(complete_packet("2026-05-01"), as_of["C"])}
    d_stale = {r.id: r.status for r in rules.evaluate(complete_packet("2026-05-01"), as_of["D"])}
    assert (c_stale[ItemId.C], c_stale[ItemId.D]) == (Status.STALE, Status.PRESENT)
    assert (d_stale[ItemId.C], d_stale[ItemId.D]) == (Status.STALE, Status.STALE)


def test_every_item_has_a_rule():
    assert set(rules.RULES) == set(ItemId)


@pytest.mark.parametrize("item", [pytest.param(item, id=item.value) for item in ItemId])
def test_rule_module_interface(item):
    module = rules.RULES[item]
    assert module.ID is item
    assert isinstance(module.TITLE, str) and module.TITLE
    assert module.REQUIRED is (item is not ItemId.E)
    assert isinstance(module.NEEDS, str) and module.NEEDS
    assert isinstance(module.LIMIT, str) and module.LIMIT
    assert callable(module.check)
    report = module.check([], AS_OF)
    assert (report.id, report.title, report.required) == (item, module.TITLE, module.REQUIRED)


@pytest.mark.parametrize(
    ("item", "fragment"),
    [
        pytest.param(ItemId.C, "3 calendar months", id="C"),
        pytest.param(ItemId.D, "6 calendar months", id="D"),
    ],
)
def test_age_limits_are_stated(item, fragment):
    assert fragment in rules.RULES[item].LIMIT


@pytest.mark.parametrize("item", [pytest.param(item, id=item.value) for item in ItemId])
def test_every_rule_module_has_a_test_file(item):
    name = rules.RULES[item].__name__.rsplit(".", 1)[-1]
    assert (HERE / f"test_{name}.py").is_file(), f"tests/items/test_{name}.py is missing"


def test_months_module_has_a_test_file():
    assert (HERE / "test_months.py").is_file()
