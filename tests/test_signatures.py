"""Signature detection: each kind on the letter's pages, the twin that only looks signed, and
the public corpus of digitally signed PDFs.

What must hold (the signature issue, CONTRACT.md item A and JSON `signatures`):
a letter is signed by a digital signature (a signature field holding a value), an
e-signature statement, or a signature image or hand-drawn strokes on its signature line;
a logo, a barcode, a table, a template phrase, an empty field or a blank line are not
signatures, and such a letter is `incomplete` with "letter is not signed". A letter signed
only by someone other than the attending it names is `incomplete`. A digital signature whose
document changed after signing gets a `signature-integrity` flag naming the signer; later
signatures and timestamps are no change. Reading signatures never uses the network.

Each letter is built by `tests.sigpdfs` into a packet that is otherwise complete.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests import sigpdfs
from tests.conftest import SHARED, shared
from tests.pdfs import AS_OF
from tests.test_robustness import NO_NETWORK, checked

ROOT = Path(__file__).resolve().parents[1]
CORPUS = SHARED / "corpus" / "signed"
JSON = ["--as-of", AS_OF, "--format", "json"]
NOT_SIGNED = "letter is not signed"

Build = Callable[[Path], sigpdfs.SignatureSpot]
Packet = dict[str, Any]


def check(run_cli: Any, schema: Any, *packets: Path) -> tuple[int, list[Packet]]:
    """Run `carcheck check PACKETS` as JSON: the exit code and the packets, schema-checked."""
    result = run_cli(["check", *packets, *JSON])
    report = json.loads(result.stdout)
    schema.validate(report)
    return result.code, report["packets"]


def by_name(packets: list[Packet]) -> dict[str, Packet]:
    return {Path(p["path"]).name: p for p in packets}


def item(packet: Packet, item_id: str) -> dict[str, Any]:
    return next(i for i in packet["items"] if i["id"] == item_id)


def letter(packet: Packet) -> dict[str, Any]:
    """The one document of `letter.pdf`, which must be read as the letter (item A)."""
    letters = [d for d in packet["documents"] if d["file"] == "letter.pdf"]
    assert [d["item"] for d in letters] == ["A"], packet["documents"]
    return letters[0]


def signatures(packet: Packet, kind: str | None = None) -> list[dict[str, Any]]:
    """Signatures on the letter, of `kind` when given."""
    found = letter(packet)["signatures"]
    return [s for s in found if kind is None or s["kind"] == kind]


def flags(packet: Packet, code: str) -> list[str]:
    return [f["message"] for f in packet["flags"] if f["code"] == code]


def signers(found: list[dict[str, Any]]) -> list[str]:
    return [s["signer"] or "" for s in found]


def assert_only_a_differs(packet: Packet) -> None:
    """The packet's other required items are present: only the letter's signature is judged."""
    others = {i["id"]: i["status"] for i in packet["items"] if i["id"] in "BCDF"}
    assert others == dict.fromkeys("BCDF", "present"), others


def assert_signed(packet: Packet) -> None:
    """A present, and the packet complete (alone, it would exit 0)."""
    a = item(packet, "A")
    assert (a["status"], a["reasons"], packet["complete"]) == ("present", [], True), a
    assert all(d.get("signed", True) is not False for d in a["documents"]), a["documents"]


def assert_incomplete(packet: Packet) -> dict[str, Any]:
    """A incomplete for its signature only, and the packet not complete (alone: exit 1)."""
    a = item(packet, "A")
    assert (a["status"], packet["complete"]) == ("incomplete", False), a
    assert_only_a_differs(packet)
    return a


# Each case is built into its own packet; the cases of a group are checked in one run (the
# exit code of a run says whether every packet in it is complete; `complete` says it per packet).

SIGNED: dict[str, tuple[Build, str]] = {
    "image": (sigpdfs.image_signed, "image"),
    "strokes-curves": (sigpdfs.strokes_signed, "image"),
    "strokes-segments": (sigpdfs.segments_signed, "image"),
    "esigned": (sigpdfs.esigned, "electronic"),
    "digital-name": (sigpdfs.digital_signed, "digital"),
    "digital-cert-cn": (functools.partial(sigpdfs.digital_signed, name=None), "digital"),
}
E_SIGNATURES = [
    "Electronically signed by Jane Roe, MD on 10/02/2026",
    "Digitally signed by Jane Roe, MD",
    "/s/ Jane Roe, MD",
    "E-signed: Jane Roe, MD 10/02/2026 14:05",
    "Signed electronically by Jane Roe, MD on 10/02/2026",
]
ALTERED: dict[str, Build] = {
    "byte-flipped": sigpdfs.digital_altered,
    "page-replaced-by-update": sigpdfs.digital_altered_update,
}
SIGNED_BUILDS: dict[str, Build] = {
    **{name: build for name, (build, _) in SIGNED.items()},
    **{
        f"statement-{i}": functools.partial(sigpdfs.esigned, statement=statement)
        for i, statement in enumerate(E_SIGNATURES)
    },
    "countersigned": sigpdfs.digital_countersigned,
    "timestamped": sigpdfs.digital_timestamped,
}

UNSIGNED: dict[str, Build] = {
    "logo-only": sigpdfs.logo_only,
    "barcode-only": sigpdfs.barcode_only,
    "table-only": sigpdfs.table_only,
    "template-phrase": sigpdfs.template_phrase,
    "blank-line": sigpdfs.blank_line,
    "digital-empty-field": sigpdfs.digital_empty_field,
}
OTHER_SIGNER_BUILDS: dict[str, Build] = {
    "esigned-by-other": functools.partial(
        sigpdfs.esigned, statement=f"Electronically signed by {sigpdfs.OTHER_SIGNER} on 10/02/2026"
    ),
    "image-over-other-name": functools.partial(sigpdfs.image_signed, name=sigpdfs.OTHER_SIGNER),
}

Run = tuple[int, dict[str, tuple[sigpdfs.SignatureSpot, Packet]]]


def _run_group(run_cli: Any, schema: Any, base: Path, builds: dict[str, Build]) -> Run:
    spots = {name: build(base / name) for name, build in builds.items()}
    code, packets = check(run_cli, schema, *(base / name for name in builds))
    found = by_name(packets)
    assert set(found) == set(builds), list(found)
    return code, {name: (spot, found[name]) for name, spot in spots.items()}


@pytest.fixture(scope="module")
def signed(run_cli, schema, tmp_path_factory) -> Run:
    return _run_group(run_cli, schema, tmp_path_factory.mktemp("signed"), SIGNED_BUILDS)


@pytest.fixture(scope="module")
def unsigned(run_cli, schema, tmp_path_factory) -> Run:
    builds = {**UNSIGNED, **OTHER_SIGNER_BUILDS}
    return _run_group(run_cli, schema, tmp_path_factory.mktemp("unsigned"), builds)


def test_signed_letters_exit_0(signed: Run):
    code, cases = signed
    assert code == 0, [name for name, (_, p) in cases.items() if not p["complete"]]


def test_unsigned_letters_exit_1(unsigned: Run):
    code, cases = unsigned
    assert code == 1
    assert [name for name, (_, p) in cases.items() if p["complete"]] == []


# --- 1-5: each kind of signature, and its unsigned twin ---------------------------------------


@pytest.mark.parametrize(("name", "kind"), [(n, k) for n, (_, k) in SIGNED.items()])
def test_signed_letter(name: str, kind: str, signed: Run):
    spot, packet = signed[1][name]
    assert_signed(packet)
    assert letter(packet)["pages"] == list(range(1, spot.page + 1))
    found = [s for s in signatures(packet, kind) if s["page"] == spot.page]
    assert found, f"no {kind} signature on page {spot.page}: {signatures(packet)}"
    assert any("Roe" in name for name in signers(found)), found
    assert not flags(packet, "signature-integrity")


@pytest.mark.parametrize("name", UNSIGNED)
def test_unsigned_twin(name: str, unsigned: Run):
    _, packet = unsigned[1][name]
    a = assert_incomplete(packet)
    assert len(a["reasons"]) == 1 and NOT_SIGNED in a["reasons"][0], a["reasons"]
    assert signatures(packet) == [], signatures(packet)


@pytest.mark.parametrize("index", range(len(E_SIGNATURES)), ids=E_SIGNATURES)
def test_e_signature_statement(index: int, signed: Run):
    """Every way of writing an e-signature counts."""
    _, packet = signed[1][f"statement-{index}"]
    found = signatures(packet, "electronic")
    assert [s["page"] for s in found] == [1], signatures(packet)
    assert "Roe" in found[0]["signer"], found
    assert_signed(packet)


# --- signed by someone other than the attending ----------------------------------------------


def test_e_signed_by_someone_else(unsigned: Run):
    _, packet = unsigned[1]["esigned-by-other"]
    a = assert_incomplete(packet)
    assert any("attending" in r and "Roe" in r for r in a["reasons"]), a["reasons"]
    assert any("Smith" in name for name in signers(signatures(packet, "electronic")))


def test_image_signed_over_someone_elses_name(unsigned: Run):
    """The image is found, but the name typed under the line is not the attending's."""
    spot, packet = unsigned[1]["image-over-other-name"]
    a = assert_incomplete(packet)
    assert not any(NOT_SIGNED in r for r in a["reasons"]), a["reasons"]
    assert any("attending" in r for r in a["reasons"]), a["reasons"]
    found = [s for s in signatures(packet, "image") if s["page"] == spot.page]
    assert any("Smith" in name for name in signers(found)), signatures(packet)
    assert not any("Roe" in name for name in signers(found)), found


# --- digital signatures: integrity, and updates that are not alterations -----------------------


@pytest.fixture(scope="module")
def altered(run_cli, schema, tmp_path_factory) -> Run:
    builds = {f"altered-{name}": build for name, build in ALTERED.items()}
    return _run_group(run_cli, schema, tmp_path_factory.mktemp("altered"), builds)


@pytest.mark.parametrize("name", ALTERED)
def test_altered_digital_signature_leaves_the_letter_unsigned(name: str, altered: Run):
    """Changed after signing: the signature no longer covers what the letter says, so the
    letter is unsigned (with the reason), the flag names the signer, and the signature is
    still listed with its page."""
    code, cases = altered
    spot, packet = cases[f"altered-{name}"]
    messages = flags(packet, "signature-integrity")
    assert len(messages) == 1 and "Jane Roe" in messages[0], packet["flags"]
    found = signatures(packet, "digital")
    assert [s["page"] for s in found] == [spot.page], found
    assert "Roe" in found[0]["signer"], found
    a = item(packet, "A")
    assert a["status"] == "incomplete" and "changed after signing" in a["reasons"][0], a
    assert not packet["complete"] and code == 1


def test_countersignature_is_not_an_alteration(signed: Run):
    spot, packet = signed[1]["countersigned"]
    found = signatures(packet, "digital")
    assert [s["page"] for s in found] == [spot.page, spot.page], found
    names = signers(found)
    assert any("Roe" in n for n in names) and any("Doe" in n for n in names), found
    assert not flags(packet, "signature-integrity"), packet["flags"]
    assert_signed(packet)


def test_document_timestamp_is_neither_a_signature_nor_an_alteration(signed: Run):
    spot, packet = signed[1]["timestamped"]
    found = signatures(packet, "digital")
    assert [(s["page"], "Roe" in (s["signer"] or "")) for s in found] == [(spot.page, True)], found
    assert not any(sigpdfs.TSA_NAME in name for name in signers(signatures(packet)))
    assert not flags(packet, "signature-integrity"), packet["flags"]
    assert_signed(packet)


# --- the public corpus of signed PDFs ------------------------------------------------------

INTEGRITY_PROBLEM = "pyhanko-sig-tail-uncovered.pdf"
UNASSERTED_INTEGRITY = {"pdfminer-usgpo-signed.pdf"}  # the owner decides this one


def expected_corpus() -> dict[str, bool]:
    """EXPECTED.tsv: file name -> whether it is digitally signed (none without ../shared:
    the tests that read the corpus then skip, or fail under CI=true, in `corpus`)."""
    expected = CORPUS / "EXPECTED.tsv"
    if not expected.is_file():
        return {}
    with expected.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["file"]: row["digitally_signed"] == "yes" for row in rows}


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if p.suffix.lower() == ".pdf")


def all_signatures(packet: Packet, kind: str) -> list[dict[str, Any]]:
    return [s for d in packet["documents"] for s in d["signatures"] if s["kind"] == kind]


@pytest.fixture(scope="module")
def corpus(run_cli, schema) -> dict[str, Packet]:
    """The signed corpus in one run, each file its own packet."""
    shared("corpus", "signed", "EXPECTED.tsv")
    code, packets = check(run_cli, schema, *corpus_files())
    assert code in (0, 1)
    return by_name(packets)


def test_corpus_lists_every_file(corpus):
    assert set(expected_corpus()) == {p.name for p in corpus_files()}
    assert set(corpus) == set(expected_corpus())
    for name, packet in corpus.items():
        assert packet["documents"] or packet["errors"], name


@pytest.mark.parametrize(("name", "signed"), sorted(expected_corpus().items()))
def test_corpus_digital_signatures(name: str, signed: bool, corpus):
    found = all_signatures(corpus[name], "digital")
    assert bool(found) == signed, (name, found)


@pytest.mark.parametrize(
    "name",
    sorted(name for name in expected_corpus() if name not in UNASSERTED_INTEGRITY),
)
def test_corpus_integrity(name: str, corpus):
    messages = flags(corpus[name], "signature-integrity")
    if name == INTEGRITY_PROBLEM:
        assert messages, corpus[name]["flags"]
    else:
        assert not messages, (name, messages)


def test_corpus_two_signatures(corpus):
    found = all_signatures(corpus["pyhanko-two-fields-signed-twice.pdf"], "digital")
    assert len(found) == 2, found


def test_corpus_document_timestamp_is_not_a_signer(corpus):
    found = all_signatures(corpus["pyhanko-pades-lta-dss.pdf"], "digital")
    assert "Alice" in signers(found), found
    assert len(found) == 1, found
    assert not any("Time Stamp" in name for name in signers(found)), found


def test_corpus_signatures_are_read_offline(schema, tmp_path):
    """Sockets other than AF_UNIX refused in the CLI and its (forked) workers: nothing tried."""
    shared("corpus", "signed")
    log = tmp_path / "sockets.log"
    proc = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, "check", *map(str, corpus_files()), *JSON],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        env={**os.environ, "CARCHECK_TEST_NET_LOG": str(log)},
        check=False,
    )
    result = checked(proc, "carcheck on the signed corpus with sockets disabled")
    attempts = log.read_text() if log.exists() else ""
    assert not attempts, f"carcheck tried to use the network:\n{attempts}"
    report = json.loads(result.stdout)
    schema.validate(report)
    packets = by_name(report["packets"])
    signed = {n for n, p in packets.items() if all_signatures(p, "digital")}
    assert signed == {n for n, yes in expected_corpus().items() if yes}
