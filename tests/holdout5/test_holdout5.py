"""Family 5: carcheck against packets laid out the way outside practices, reference labs,
payers, manufacturers and fax servers lay them out, each labelled with a careful human
reviewer's verdict under CONTRACT.md.

Measured: false `present` (a required item carcheck calls present that the label says is
not), false-complete packets, and verdict accuracy per packet and per item.

`python -m tests.holdout5.test_holdout5` builds the packets in a temporary folder, runs them
and prints the summary and every wrong item.
"""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.families import run_json
from tests.holdout5.packets import AS_OF, Label, build

ITEMS = "ABCDEF"
REQUIRED = "ABCDF"

Results = dict[str, tuple[Label, dict[str, Any]]]


def _run(packet: Path) -> dict[str, Any]:
    return run_json(packet, AS_OF, timeout=180)


def run_all(root: Path) -> Results:
    labels = build(root)
    with ThreadPoolExecutor(max_workers=2) as pool:  # at most two carcheck processes
        reports = list(pool.map(_run, [root / n for n in labels]))
    return {name: (labels[name], rep) for name, rep in zip(labels, reports, strict=True)}


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Results:
    return run_all(tmp_path_factory.mktemp("holdout5"))


def _ok(expected: str | tuple[str, ...], got: str) -> bool:
    return got in ((expected,) if isinstance(expected, str) else expected)


def _item(packet: dict[str, Any], item_id: str) -> dict[str, Any]:
    return next(i for i in packet["items"] if i["id"] == item_id)


def score(results: Results) -> dict[str, Any]:
    false_present: list[str] = []
    false_complete: list[str] = []
    wrong: list[str] = []
    flag_misses: list[str] = []
    packets_right = items_right = items_total = 0
    for name, (lab, report) in results.items():
        packet = report["packets"][0]
        right = packet["complete"] == lab.complete
        if packet["complete"] and not lab.complete:
            false_complete.append(name)
        for i in ITEMS:
            items_total += 1
            item = _item(packet, i)
            if _ok(lab.items[i], item["status"]):
                items_right += 1
                continue
            right = False
            reasons = "; ".join(item.get("reasons") or []) or "no reasons"
            wrong.append(f"{name} {i}: carcheck {item['status']} ({reasons}), label {lab.items[i]}")
            if i in REQUIRED and item["status"] == "present":
                false_present.append(f"{name} {i}")
        if packet["complete"] != lab.complete:
            wrong.append(f"{name}: carcheck complete={packet['complete']}, label {lab.complete}")
        codes = {f["code"] for f in packet.get("flags", [])}
        flag_misses += [f"{name}: no {code} flag" for code in lab.flags if code not in codes]
        packets_right += right
    return {
        "packets": len(results),
        "packets_right": packets_right,
        "items_right": items_right,
        "false_present": false_present,
        "false_complete": false_complete,
        "packet_accuracy": packets_right / len(results),
        "item_accuracy": items_right / items_total,
        "items_total": items_total,
        "wrong": wrong,
        "flag_misses": flag_misses,
    }


def summary(s: dict[str, Any]) -> str:
    return (
        f"holdout5: {s['packets']} packets as of {AS_OF}; packets right "
        f"{s['packets_right']}/{s['packets']} ({s['packet_accuracy']:.1%}); items right "
        f"{s['items_right']}/{s['items_total']} ({s['item_accuracy']:.1%}); false present "
        f"items {len(s['false_present'])} ({', '.join(s['false_present']) or 'none'}); "
        f"false-complete packets {len(s['false_complete'])} "
        f"({', '.join(s['false_complete']) or 'none'}); expected flags not raised: "
        f"{'; '.join(s['flag_misses']) or 'none'}.\nWrong:\n  "
        + ("\n  ".join(s["wrong"]) or "none")
    )


def test_reports_valid(results: Results, schema: Any) -> None:
    """Every report follows the schema, and the exit code agrees with `complete`."""
    for name, (_, report) in results.items():
        schema.validate({k: v for k, v in report.items() if k != "_exit"})
        assert len(report["packets"]) == 1, name
        packet = report["packets"][0]
        assert [item["id"] for item in packet["items"]] == list(ITEMS), name
        assert report["_exit"] == (0 if packet["complete"] else 1), name


# Measured when this family was written (main at dfae9f6): 3 false-complete packets, each one
# item taken as present that a reviewer would not accept: t16_psych_form_blank_and_na and
# t18_psych_compliance_unticked_blank (a psychosocial form whose part is a blank or "N/A"
# comment under unticked boxes) and t34_center_onboarding_not_yet_authorized (a
# manufacturer's letter saying the site is not yet authorized, read as verification); fixed
# since (check boxes read as the options ticked; a center document that says the site is
# not yet authorized verifies nothing).
def test_no_false_complete(results: Results) -> None:
    s = score(results)
    assert s["false_complete"] == [], summary(s)


# Regression floors, not targets: the accuracy measured when this family was written (main at
# dfae9f6: packets 31/38 = 81.6%, items 219/228 = 96.1%), raised as carcheck improved
# (packets 37/38 = 97.4%, items 227/228 = 99.6% once the false-complete classes above were
# fixed and a chart print's notes and letters ended at their electronic signatures, a
# letter began at its date line and "RE:"; packets 38/38, items 228/228 once a letter
# template's blank signature line stopped counting as a form's blank), rounded down to the
# nearest 5%.
# Never lower them to make a change pass.
PACKET_FLOOR = 0.95
ITEM_FLOOR = 0.95


def test_packet_accuracy_floor(results: Results, capsys: pytest.CaptureFixture[str]) -> None:
    """At or over its floor; the family's summary is printed past pytest's capture."""
    s = score(results)
    with capsys.disabled():
        print("\n" + summary(s))
    assert s["packet_accuracy"] >= PACKET_FLOOR, summary(s)


def test_item_accuracy_floor(results: Results) -> None:
    s = score(results)
    assert s["item_accuracy"] >= ITEM_FLOOR, summary(s)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="holdout5-") as tmp:
        print(summary(score(run_all(Path(tmp)))))
