"""Held-out family 2: the real CLI on packets written only from CONTRACT.md.

The packets come from `tests/holdout2/family.py` (own hospital, clinicians, lab,
wording and layouts).  Every packet is the complete base packet with one trap swapped
in; EXPECTED says, per packet, the exit code, the status of each item A-F and the
specific points of its trap.  All expectations follow CONTRACT.md; none is tuned to
what carcheck does today.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import shared
from tests.holdout2 import family

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = Path(__file__).resolve().parents[3] / "shared" / "report.schema.json"
AS_OF = family.AS_OF.isoformat()

Report = dict[str, Any]  # one packet's entry in the JSON report


# ---------------------------------------------------------------------------
# Trap checks: each takes (packet manifest, packet report) and asserts one point.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    label: str
    fn: Callable[[family.Packet, Report], None] = field(compare=False)

    def __call__(self, packet: family.Packet, report: Report) -> None:
        self.fn(packet, report)


def _docs_for(packet: family.Packet, report: Report, slot: str) -> list[dict[str, Any]]:
    """The report's document entries for what the family placed in `slot`."""
    placed = packet.documents[slot]
    found = [
        d
        for d in report["documents"]
        if d["file"] == placed.file and set(d["pages"]) & set(placed.pages)
    ]
    assert found, f"no document reported for {slot} ({placed.file} {placed.pages}): " + _docs(
        report
    )
    return found


def _the_doc(packet: family.Packet, report: Report, slot: str) -> dict[str, Any]:
    placed = packet.documents[slot]
    exact = [d for d in _docs_for(packet, report, slot) if d["pages"] == placed.pages]
    assert len(exact) == 1, (
        f"{slot}: expected one document with pages {placed.pages} in {placed.file}: "
        + _docs(report)
    )
    return exact[0]


def _evidence(packet: family.Packet, report: Report, item: str, slot: str) -> dict[str, Any]:
    placed = packet.documents[slot]
    rows = [d for d in _item(report, item)["documents"] if d["file"] == placed.file]
    assert rows, f"item {item} cites no evidence from {placed.file}: {_item(report, item)}"
    return rows[0]


def item_of(slot: str, item: str | None) -> Check:
    """The document in `slot` is classified as `item` (None: belongs to no item)."""

    def fn(packet: family.Packet, report: Report) -> None:
        got = [d["item"] for d in _docs_for(packet, report, slot)]
        assert got == [item], f"{slot} classified as {got}, want {item!r}"

    return Check(f"{slot}-is-{item or 'none'}", fn)


def not_item(slot: str, item: str) -> Check:
    def fn(packet: family.Packet, report: Report) -> None:
        got = [d["item"] for d in _docs_for(packet, report, slot)]
        assert item not in got, f"{slot} classified as {got}; it must not serve item {item}"

    return Check(f"{slot}-not-{item}", fn)


def no_signatures(slot: str) -> Check:
    def fn(packet: family.Packet, report: Report) -> None:
        sigs = [s for d in _docs_for(packet, report, slot) for s in d["signatures"]]
        assert sigs == [], f"{slot}: signatures reported where none is: {sigs}"

    return Check(f"{slot}-no-signature", fn)


def evidence_signed(slot: str, signed: bool) -> Check:
    """items[A].documents: the letter's `signed` is as given."""

    def fn(packet: family.Packet, report: Report) -> None:
        row = _evidence(packet, report, "A", slot)
        assert row.get("signed") is signed, f"A evidence {row}, want signed={signed}"

    return Check(f"{slot}-signed-{str(signed).lower()}", fn)


def signed_by(slot: str, surname: str, kind: str | None = None) -> Check:
    """The document lists a signature by `surname` (of `kind`, when given)."""

    def fn(packet: family.Packet, report: Report) -> None:
        doc = _the_doc(packet, report, slot)
        sigs = doc["signatures"]
        match = [
            s
            for s in sigs
            if surname.lower() in (s["signer"] or "").lower()
            and (kind is None or s["kind"] == kind)
        ]
        assert match, f"{slot}: no {kind or ''} signature by {surname}: {sigs}"
        assert all(s["page"] in packet.documents[slot].pages for s in match), sigs

    return Check(f"{slot}-signed-by-{surname.lower()}" + (f"-{kind}" if kind else ""), fn)


def dated(slot: str, item: str, when: Any) -> Check:
    """The document's `date` and the item's evidence date are `when`."""

    def fn(packet: family.Packet, report: Report) -> None:
        doc = _the_doc(packet, report, slot)
        assert doc["date"] == when.isoformat(), f"{slot} document date {doc['date']}, want {when}"
        row = _evidence(packet, report, item, slot)
        assert row["date"] == when.isoformat(), (
            f"item {item} evidence date {row['date']}, want {when}"
        )

    return Check(f"{slot}-date-{when.isoformat()}", fn)


def flag(code: str, present: bool) -> Check:
    def fn(packet: family.Packet, report: Report) -> None:
        codes = [f["code"] for f in report["flags"]]
        assert (code in codes) is present, f"flags {report['flags']}; want {code} present={present}"

    return Check(f"flag-{code}-{'present' if present else 'absent'}", fn)


def a_cites_only(slot: str) -> Check:
    """Item A's evidence is exactly the letter, and no other document is taken for A."""

    def fn(packet: family.Packet, report: Report) -> None:
        placed = packet.documents[slot]
        rows = [(d["file"], d["pages"]) for d in _item(report, "A")["documents"]]
        assert rows == [(placed.file, placed.pages)], f"A evidence {rows}, want the letter only"
        as_a = [(d["file"], d["pages"]) for d in report["documents"] if d["item"] == "A"]
        assert as_a == [(placed.file, placed.pages)], f"documents taken for A: {as_a}"

    return Check(f"A-is-only-{slot}", fn)


def signature_on_letter_pages(slot: str) -> Check:
    """The letter's signatures are on its own pages, and it is signed on its last page."""

    def fn(packet: family.Packet, report: Report) -> None:
        placed = packet.documents[slot]
        doc = _the_doc(packet, report, slot)
        sigs = doc["signatures"]
        assert sigs, f"no signature reported on the letter {placed.pages}"
        assert all(s["page"] in placed.pages for s in sigs), f"{sigs} not within {placed.pages}"
        assert placed.pages[-1] in {s["page"] for s in sigs}, f"{sigs}: not on the last page"
        row = _evidence(packet, report, "A", slot)
        assert row["pages"] == placed.pages and row.get("signed") is True, row

    return Check(f"{slot}-signature-on-its-pages", fn)


# ---------------------------------------------------------------------------
# The table: packet -> exit code, item statuses, trap checks
# ---------------------------------------------------------------------------

ALL_PRESENT = dict.fromkeys("ABCDEF", ("present",))


@dataclass(frozen=True)
class Case:
    packet: str
    code: int
    statuses: dict[str, tuple[str, ...]]
    checks: tuple[Check, ...] = ()


def case(packet: str, code: int, checks: tuple[Check, ...] = (), **status: str | tuple[str, ...]):
    want = dict(ALL_PRESENT)
    for key, value in status.items():
        want[key] = (value,) if isinstance(value, str) else tuple(value)
    return Case(packet, code, want, checks)


F = family
# fmt: off
EXPECTED: list[Case] = [
    case("base", 0, (dated("A", "A", F.LETTER_DATE), dated("C", "C", F.SEROLOGY_COLLECTED), dated("D", "D", F.MARROW_PROCEDURE), signed_by("A", F.ATTENDING_SURNAME, "electronic"), flag("prior-car-t", False))),  # noqa: E501
    case("consult-letter", 1, (item_of("A", None),), A="missing"),
    case("payer-determination", 1, (item_of("A", None),), A="missing"),
    case("pa-request-form", 1, (item_of("A", None), no_signatures("A")), A="missing"),
    case("progress-note", 1, (item_of("A", None),), A="missing"),
    case("manufacturer-letter-and-email", 0, (item_of("B", "B"), item_of("B2", "B"), a_cites_only("A"))),  # noqa: E501
    case("signer-title-line", 0, (signed_by("A", F.ATTENDING_SURNAME, "electronic"), evidence_signed("A", True))),  # noqa: E501
    case("fellow-cosigned", 0, (signed_by("A", F.ATTENDING_SURNAME, "electronic"), signed_by("A", F.FELLOW_SURNAME, "electronic"), evidence_signed("A", True))),  # noqa: E501
    case("np-only-signature", 1, (item_of("A", "A"), evidence_signed("A", False)), A="incomplete"),
    case("placeholder-signature", 1, (item_of("A", "A"), evidence_signed("A", False), no_signatures("A")), A="incomplete"),  # noqa: E501
    case("signature-image", 0, (signed_by("A", F.ATTENDING_SURNAME, "image"), evidence_signed("A", True))),  # noqa: E501
    case("psych-form-no-secondary", 1, (item_of("F", "F"),), F="incomplete"),
    case("psych-legal-not-evaluated", 1, (item_of("F", "F"),), F="incomplete"),
    case("psych-compliance-unable", 1, (item_of("F", "F"),), F="incomplete"),
    case("uk-serology", 0, (dated("C", "C", F.UK_COLLECTED),)),
    case("prior-car-t", 0, (flag("prior-car-t", True),)),
    case("car-t-negated-only", 0, (flag("prior-car-t", False),)),
    case("marrow-consent-only", 1, (), D=("incomplete", "missing")),
    case(F.CHART_DUMP, 0, (a_cites_only("A"), signature_on_letter_pages("A"), dated("C", "C", F.SEROLOGY_COLLECTED), dated("D", "D", F.MARROW_PROCEDURE))),  # noqa: E501
]
# fmt: on

assert sorted(c.packet for c in EXPECTED) == sorted(family.NAMES)


# ---------------------------------------------------------------------------
# Running the CLI
# ---------------------------------------------------------------------------


def _carcheck() -> list[str]:
    exe = ROOT / ".venv" / "bin" / "carcheck"
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "carcheck"]


@dataclass
class Run:
    packet: family.Packet
    code: int
    stdout: str
    stderr: str


def _run(packet: family.Packet) -> Run:
    cmd = [
        *_carcheck(),
        "check",
        str(packet.path),
        "--format",
        "json",
        "--as-of",
        AS_OF,
        "--no-cache",
    ]
    proc = subprocess.run(
        cmd,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env=dict(os.environ),
    )
    return Run(packet, proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """Generate the family once and run carcheck once per packet."""
    root = tmp_path_factory.mktemp("holdout2")
    packets = family.build_all(root)
    with ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2))) as pool:
        done = list(pool.map(_run, packets.values()))
    return {run.packet.name: run for run in done}


@pytest.fixture(scope="session")
def validator():
    if not SCHEMA_PATH.is_file():
        return None
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _report(run: Run, validator) -> Report:
    assert "Traceback" not in run.stderr, run.stderr
    assert run.code in (0, 1), f"exit {run.code}\n{run.stderr}"
    whole = json.loads(run.stdout)
    if validator is not None:
        validator.validate(whole)
    assert whole["as_of"] == AS_OF
    assert len(whole["packets"]) == 1
    return whole["packets"][0]


def _item(report: Report, item: str) -> dict[str, Any]:
    [found] = [i for i in report["items"] if i["id"] == item]
    return found


def _explain(report: Report) -> str:
    return "\n".join(f"  {i['id']} {i['status']}: {i['reasons']}" for i in report["items"])


def _docs(report: Report) -> str:
    return "\n" + "\n".join(
        f"  {d['file']} {d['pages']} item={d['item']} date={d['date']} "
        f"sigs={[(s['page'], s['kind'], s['signer']) for s in d['signatures']]}"
        for d in report["documents"]
    )


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------


def test_schema_is_available(validator) -> None:
    if validator is None:
        shared("report.schema.json")  # skips, or fails under CI=true


@pytest.mark.parametrize("want", EXPECTED, ids=[c.packet for c in EXPECTED])
def test_verdict(runs: dict[str, Run], validator, want: Case) -> None:
    run = runs[want.packet]
    report = _report(run, validator)
    assert [i["id"] for i in report["items"]] == list("ABCDEF")
    statuses = {i["id"]: i["status"] for i in report["items"]}
    wrong = {k: (statuses[k], v) for k, v in want.statuses.items() if statuses[k] not in v}
    assert not wrong, f"item (got, want): {wrong}\n{_explain(report)}{_docs(report)}"
    assert run.code == want.code, f"exit {run.code}, want {want.code}\n{_explain(report)}"
    assert report["complete"] is (want.code == 0)
    # every file here is a readable text PDF: none is an error, each holds a document
    assert report["errors"] == []
    files = {placed.file for placed in run.packet.documents.values()}
    assert files <= {d["file"] for d in report["documents"]}, _docs(report)


TRAPS = [(c, check) for c in EXPECTED for check in c.checks]


@pytest.mark.parametrize(
    ("want", "check"), TRAPS, ids=[f"{c.packet}:{check.label}" for c, check in TRAPS]
)
def test_trap(runs: dict[str, Run], validator, want: Case, check: Check) -> None:
    run = runs[want.packet]
    report = _report(run, validator)
    check(run.packet, report)
