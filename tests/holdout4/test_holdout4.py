"""Family 4: carcheck against packets written the way outside hospitals, labs, payers and
manufacturers write them, each labelled with a careful human reviewer's verdict.

Measured: false `present` (an item carcheck calls present that the label says is not, and
packets called complete that are not) and verdict accuracy per packet and per item.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.families import run_json
from tests.holdout4.packets import AS_OF, Label, build

ITEMS = "ABCDEF"
REQUIRED = "ABCDF"


def _run(packet: Path) -> dict[str, Any]:
    return run_json(packet, AS_OF, timeout=120)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Label, dict[str, Any]]]:
    root = tmp_path_factory.mktemp("holdout4")
    labels = build(root)
    with ThreadPoolExecutor(max_workers=2) as pool:
        reports = dict(zip(labels, pool.map(_run, [root / n for n in labels]), strict=True))
    return {name: (labels[name], reports[name]) for name in labels}


def _ok(expected: str | tuple[str, ...], got: str) -> bool:
    return got in ((expected,) if isinstance(expected, str) else expected)


def score(results: dict[str, tuple[Label, dict[str, Any]]]) -> dict[str, Any]:
    false_present: list[str] = []
    false_complete: list[str] = []
    wrong: list[str] = []
    packets_right = items_right = items_total = 0
    for name, (label, report) in results.items():
        packet = report["packets"][0]
        status = {item["id"]: item["status"] for item in packet["items"]}
        right = packet["complete"] == label.complete
        if packet["complete"] and not label.complete:
            false_complete.append(name)
        for i in ITEMS:
            items_total += 1
            if _ok(label.items[i], status[i]):
                items_right += 1
                continue
            right = False
            wrong.append(f"{name} {i}: carcheck {status[i]}, label {label.items[i]}")
            if i in REQUIRED and status[i] == "present":
                false_present.append(f"{name} {i}")
        if packet["complete"] != label.complete:
            wrong.append(f"{name}: carcheck complete={packet['complete']}, label {label.complete}")
        packets_right += right
    return {
        "packets": len(results),
        "false_present": false_present,
        "false_complete": false_complete,
        "packet_accuracy": packets_right / len(results),
        "item_accuracy": items_right / items_total,
        "items_total": items_total,
        "wrong": wrong,
    }


def summary(s: dict[str, Any]) -> str:
    return (
        f"holdout4: {s['packets']} packets as of {AS_OF}; false present items "
        f"{len(s['false_present'])} ({', '.join(s['false_present']) or 'none'}); false-complete "
        f"packets {len(s['false_complete'])} ({', '.join(s['false_complete']) or 'none'}); "
        f"packet verdict accuracy {s['packet_accuracy']:.1%} (complete flag and all six "
        f"items right); item accuracy {s['item_accuracy']:.1%} of {s['items_total']}. "
        f"Wrong: " + ("; ".join(s["wrong"]) or "none") + "."
    )


def test_reports_valid(results: dict[str, tuple[Label, dict[str, Any]]], schema: Any) -> None:
    """Every report follows the schema, and the exit code agrees with `complete`."""
    for name, (_, report) in results.items():
        schema.validate({k: v for k, v in report.items() if k != "_exit"})
        packet = report["packets"][0]
        assert [item["id"] for item in packet["items"]] == list(ITEMS), name
        assert report["_exit"] == (0 if packet["complete"] else 1), name


# Measured when this family was written (main at 5ab70f6): 1 false-complete packet,
# i22_fellow_only_signed (a letter signed only by the fellow, its named attending's line
# blank, taken as signed); fixed since (the attending read from "Attending physician of
# record:" and from a signature block's title line).
def test_no_false_complete(results: dict[str, tuple[Label, dict[str, Any]]]) -> None:
    assert score(results)["false_complete"] == []


# Regression floors, not targets: the accuracy measured when this family was written
# (main at 5ab70f6: packets 24/33 = 72.7%, items 180/198 = 90.9%), raised as carcheck
# improved (packets 27/33 = 81.8%, items 192/198 = 97.0% once a file numbered through
# by a fax server was split by its headings and a letter signed off at its page's foot
# ended there; packets 29/33 = 87.9%, items 194/198 = 98.0% once a UK laboratory's
# "Date sample taken" and "Date authorised" were read as collection and report dates;
# packets 31/33 = 93.9%, items 196/198 = 99.0% once a manufacturer's e-mail confirming
# "an activated <product> treatment center" served B), rounded down to the nearest 5%.
# Never lower them to make a change pass.
PACKET_FLOOR = 0.90
ITEM_FLOOR = 0.95


def test_accuracy_floor(
    results: dict[str, tuple[Label, dict[str, Any]]],
    capsys: pytest.CaptureFixture[str],
    record_property: Any,
) -> None:
    """The family's accuracy at or over its floors; its one-paragraph summary is printed
    past pytest's capture (and recorded in JUnit) whichever way it comes out."""
    s = score(results)
    text = summary(s)
    record_property("holdout4_summary", text)
    with capsys.disabled():
        print("\n" + text)
    assert s["packet_accuracy"] >= PACKET_FLOOR, text
    assert s["item_accuracy"] >= ITEM_FLOOR, text
