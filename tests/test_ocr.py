"""Scanned and faxed packets, read by real Tesseract OCR (issue 4).

Every test here runs Tesseract for real. Where it is not installed the tests skip, except
under CI=true, where a missing engine is a failure: CI installs it (.ci/run). The OCR
cache of the run is a fresh temporary folder (conftest), so no earlier run's cache can
stand in for OCR; within the run a page is OCR'd once (the corpus scans read here are
read again, from that cache, by the corpus run in test_robustness.py).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from carcheck.extract.ocr import find_engine
from carcheck.extract.scanned import OcrSettings, read_scanned
from carcheck.ingest import FileType, SourceFile
from carcheck.ocrcache import Cache
from tests import sigpdfs
from tests.conftest import SHARED, shared
from tests.pdfs import AS_OF, complete_packet

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from samplegen.scan import PROFILES, FaxProfile, scan_packet  # noqa: E402

SAMPLES = ROOT / "sample_packets"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
ALL_NAMES = sorted(EXPECTED["packets"])
# The packets whose fax twins `make test` reads by OCR: every kind of verdict and every
# boundary (signatures, both age limits, positive and pending results, a combined file,
# F's parts), both twin formats. The rest repeat what these try; CARCHECK_ALL_TWINS=1
# reads every twin (about 2 minutes more on 2 cores), as before a release.
CORE_TWINS = (
    "biopsy-exactly-6-months", "complete", "complete-combined", "hiv-pending",
    "myeloma-complete", "np-signed-letter", "positive-serology-old",
    "psychosocial-missing-part", "serology-exactly-3-months", "signer-not-attending",
    "stale-biopsy", "stale-serology", "unsigned-letter", "unsigned-letter-drawn-line",
)  # fmt: skip
NAMES = ALL_NAMES if os.environ.get("CARCHECK_ALL_TWINS") == "1" else sorted(CORE_TWINS)
SCANNED = SHARED / "corpus" / "scanned"
JSON = ["--format", "json"]


@pytest.fixture(scope="module", autouse=True)
def tesseract() -> None:
    engine, why = find_engine()
    if engine is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the OCR tests, but {why}")
        pytest.skip(why)


def statuses(packet: dict[str, Any]) -> dict[str, str]:
    return {item["id"]: item["status"] for item in packet["items"]}


def twin_format(name: str) -> str:
    """Half the twins are image-only PDFs, half multi-page G4/LZW TIFFs, alternately."""
    return "pdf" if ALL_NAMES.index(name) % 2 == 0 else "tiff"


# --- the sample packets' scanned twins ------------------------------------------------------


def _scan_twin(name: str, root: Path) -> None:
    scan_packet(SAMPLES / name, root / name, PROFILES[name], twin_format(name))


@pytest.fixture(scope="module")
def twins(run_cli, schema, tmp_path_factory) -> dict[str, dict[str, Any]]:
    """Every sample packet's fax twin, checked in one run (both cores, real OCR)."""
    root = tmp_path_factory.mktemp("twins")
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_scan_twin, NAMES, [root] * len(NAMES)))
    result = run_cli(
        ["check", *(root / n for n in NAMES), "--as-of", EXPECTED["as_of"], *JSON], timeout=1200
    )
    assert result.code == 1, result.stderr
    report = json.loads(result.stdout)
    schema.validate(report)
    return dict(zip(NAMES, report["packets"], strict=True))


@pytest.mark.twins
@pytest.mark.parametrize("name", NAMES)
def test_scanned_twin_gets_the_statuses_of_its_original(twins, name):
    packet = twins[name]
    expected = EXPECTED["packets"][name]
    assert statuses(packet) == expected["items"], (packet["errors"], packet["flags"])
    assert packet["complete"] is (expected["exit_code"] == 0)


@pytest.mark.twins
@pytest.mark.parametrize("name", NAMES)
def test_scanned_twin_is_read_whole_by_ocr(twins, name):
    packet = twins[name]
    assert packet["errors"] == []
    assert packet["documents"] and all(d["ocr"] for d in packet["documents"])
    suffix = ".pdf" if twin_format(name) == "pdf" else ".tif"
    assert all(d["file"].endswith(suffix) for d in packet["documents"])
    # A fine-mode fax is read with confidence: no page is flagged.
    assert "low-ocr-confidence" not in {f["code"] for f in packet["flags"]}


@pytest.fixture(scope="module")
def originals(run_cli) -> dict[str, dict[str, Any]]:
    """The text sample packets, as the twins' reference."""
    result = run_cli(["check", *(SAMPLES / n for n in NAMES), "--as-of", EXPECTED["as_of"], *JSON])
    return dict(zip(NAMES, json.loads(result.stdout)["packets"], strict=True))


@pytest.mark.twins
def test_scanned_twins_date_each_item_as_the_originals_do(twins, originals):
    """The date that counts for each item (letter date, collection date, biopsy date...)
    read off the fax is the date read off the text PDF."""
    for name in NAMES:
        got = {i["id"]: i["date"] for i in twins[name]["items"]}
        assert got == {i["id"]: i["date"] for i in originals[name]["items"]}, name


@pytest.mark.twins
def test_scanned_twins_keep_the_reasons_that_name_the_problem(twins):
    for name in NAMES:
        items = {item["id"]: item for item in twins[name]["items"]}
        for item_id, fragments in EXPECTED["packets"][name].get("reasons_contain", {}).items():
            text = " ".join(items[item_id]["reasons"]).lower()
            for fragment in fragments:
                assert fragment.lower() in text, f"{name} {item_id}: {items[item_id]['reasons']}"


# --- standard mode: half the resolution down the page -----------------------------------------

STANDARD = ["unsigned-letter-drawn-line"]


def test_standard_mode_twins_agree_or_say_why_not(run_cli, tmp_path):
    """Standard-mode faxes (200 x 100 dpi) lose detail. Where a verdict differs from the
    original, the report must say the reading is doubtful (a low-confidence flag or an
    unread page); a silent wrong answer fails."""
    for name in STANDARD:
        profile = FaxProfile("standard", "bilevel", upside_down=None)
        scan_packet(SAMPLES / name, tmp_path / name, profile, "tiff")
    result = run_cli(
        ["check", *(tmp_path / n for n in STANDARD), "--as-of", EXPECTED["as_of"], *JSON],
        timeout=900,
    )
    for name, packet in zip(STANDARD, json.loads(result.stdout)["packets"], strict=True):
        differ = {
            i for i, s in statuses(packet).items() if s != EXPECTED["packets"][name]["items"][i]
        }
        doubtful = packet["errors"] or any(
            f["code"] == "low-ocr-confidence" for f in packet["flags"]
        )
        assert not differ or doubtful, f"{name}: {differ} differ with no warning"
        assert all(d["ocr"] for d in packet["documents"])


# --- handwritten signatures on scans ---------------------------------------------------------

SIGNED = {
    "image": sigpdfs.image_signed,
    "curves": sigpdfs.strokes_signed,
    "segments": sigpdfs.segments_signed,
}
UNSIGNED = {
    "drawn-line": sigpdfs.table_only,
    "underscores": sigpdfs.blank_line,
    "logo": sigpdfs.logo_only,
    "barcode": sigpdfs.barcode_only,
}


@pytest.fixture(scope="module")
def scanned_letters(run_cli, tmp_path_factory) -> dict[str, dict[str, Any]]:
    """Letters signed by hand (or not) and then faxed; the rest of each packet as text."""
    root = tmp_path_factory.mktemp("letters")
    profile = FaxProfile("fine", "bilevel", upside_down=None)
    for name, build in {**SIGNED, **UNSIGNED}.items():
        text = root / "text" / name
        build(text)
        only_letter = root / "letter-only" / name
        only_letter.mkdir(parents=True)
        shutil.copy(text / "letter.pdf", only_letter / "letter.pdf")
        scan_packet(only_letter, root / "scan" / name, profile, "pdf")
        (text / "letter.pdf").unlink()
        shutil.copy(root / "scan" / name / "letter.pdf", text / "letter-fax.pdf")
    names = list(SIGNED) + list(UNSIGNED)
    result = run_cli(["check", *(root / "text" / n for n in names), "--as-of", AS_OF, *JSON])
    return dict(zip(names, json.loads(result.stdout)["packets"], strict=True))


def _letter(packet: dict[str, Any]) -> dict[str, Any]:
    return next(i for i in packet["items"] if i["id"] == "A")


@pytest.mark.parametrize("name", SIGNED)
def test_a_handwritten_signature_on_a_scan_is_ink(scanned_letters, name):
    packet = scanned_letters[name]
    letter = _letter(packet)
    assert letter["status"] == "present", letter["reasons"]
    (document,) = letter["documents"]
    assert document["file"] == "letter-fax.pdf" and document["signed"] is True
    kinds = {s["kind"] for s in document["signers"]}
    assert kinds == {"ink"}
    # The typed name under the line names the signer, as on a text letter.
    assert any("Roe" in (s["signer"] or "") for s in document["signers"])


@pytest.mark.parametrize("name", UNSIGNED)
def test_a_blank_signature_line_on_a_scan_stays_unsigned(scanned_letters, name):
    letter = _letter(scanned_letters[name])
    assert letter["status"] == "incomplete"
    assert "not signed" in " ".join(letter["reasons"]).lower()
    assert all(not d["signed"] for d in letter["documents"])


# --- the engine missing, or turned off ---------------------------------------------------------


@pytest.fixture(scope="module")
def fax_and_text(tmp_path_factory) -> Path:
    """A text packet whose letter arrived as a fax."""
    packet = tmp_path_factory.mktemp("fax-and-text") / "packet"
    complete_packet(packet)
    scan = packet.parent / "scan"
    letter_only = packet.parent / "letter-only"
    letter_only.mkdir()
    shutil.move(packet / "letter.pdf", letter_only / "letter.pdf")
    scan_packet(letter_only, scan, FaxProfile("fine", "bilevel", upside_down=0), "tiff")
    shutil.copy(scan / "letter.tif", packet / "letter.tif")
    return packet


def test_without_tesseract_scans_are_reported_with_how_to_install_it(run_cli, fax_and_text):
    bare = Path(sys.executable).parent  # python, but no tesseract
    result = run_cli(["check", fax_and_text, "--as-of", AS_OF, *JSON], env={"PATH": str(bare)})
    assert result.code == 1
    # How to install it: once, on stderr, naming the three packages.
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("carcheck: note: 1 scanned file was not read")
    for package in ("tesseract-ocr ", "tesseract-ocr-eng", "tesseract-ocr-osd"):
        assert package in result.stderr
    packet = json.loads(result.stdout)["packets"][0]
    (error,) = packet["errors"]
    assert error["file"] == "letter.tif"
    assert "no OCR engine is installed" in error["message"]
    assert "\n" not in error["message"]
    # The run went on: the text files were read and judged.
    assert statuses(packet)["C"] == "present" and statuses(packet)["A"] == "missing"


def test_ocr_never_leaves_scans_unread_and_says_so(run_cli, fax_and_text):
    result = run_cli(["check", fax_and_text, "--as-of", AS_OF, "--ocr", "never", *JSON])
    packet = json.loads(result.stdout)["packets"][0]
    assert [e["file"] for e in packet["errors"]] == ["letter.tif"]
    assert "--ocr never" in packet["errors"][0]["message"]
    assert statuses(packet)["A"] == "missing"


def test_an_upside_down_faxed_letter_is_read_upright(run_cli, fax_and_text):
    result = run_cli(["check", fax_and_text, "--as-of", AS_OF, *JSON])
    assert result.code == 0, result.stdout
    packet = json.loads(result.stdout)["packets"][0]
    assert packet["errors"] == []
    letter = _letter(packet)
    assert letter["status"] == "present"
    assert letter["documents"][0]["file"] == "letter.tif"


# --- the cache ------------------------------------------------------------------------------


@pytest.fixture
def counting_tesseract(tmp_path) -> tuple[Path, Path]:
    """A `tesseract` first on PATH that logs each OCR run, then runs the real one."""
    real = shutil.which("tesseract")
    assert real
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "calls.log"
    wrapper = folder / "tesseract"
    wrapper.write_text(
        f'#!/bin/sh\ncase "$1" in stdin) echo run >> "{log}";; esac\nexec "{real}" "$@"\n'
    )
    wrapper.chmod(0o755)
    return folder, log


def _calls(log: Path) -> int:
    return len(log.read_text().splitlines()) if log.exists() else 0


def test_a_rerun_of_an_unchanged_packet_reads_the_cache(
    run_cli, fax_and_text, counting_tesseract, tmp_path
):
    folder, log = counting_tesseract
    cache = tmp_path / "cache"
    env = {"PATH": f"{folder}:{os.environ['PATH']}", "CARCHECK_CACHE_DIR": str(cache)}
    before = {p: p.read_bytes() for p in fax_and_text.iterdir()}
    first = run_cli(["check", fax_and_text, "--as-of", AS_OF, *JSON], env=env)
    ran = _calls(log)
    assert ran >= 2  # one page, upside down: read as it lies, then turned
    second = run_cli(["check", fax_and_text, "--as-of", AS_OF, *JSON], env=env)
    assert _calls(log) == ran, "the second run ran OCR again"
    assert second.stdout == first.stdout
    third = run_cli(["check", fax_and_text, "--as-of", AS_OF, "--no-cache", *JSON], env=env)
    assert _calls(log) > ran and third.stdout == first.stdout
    # The cache is private to the user and holds nothing in the packet.
    entries = [p for p in cache.rglob("*") if p.is_file()]
    assert entries
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in entries)
    assert stat.S_IMODE((cache / "ocr").stat().st_mode) == 0o700
    assert {p: p.read_bytes() for p in fax_and_text.iterdir()} == before


def test_a_cache_folder_inside_the_packet_is_not_written(run_cli, fax_and_text):
    inside = fax_and_text / "cache"
    result = run_cli(
        ["check", fax_and_text, "--as-of", AS_OF, *JSON], env={"CARCHECK_CACHE_DIR": str(inside)}
    )
    assert result.code == 0
    assert not inside.exists()


# --- text layers: a fax header stamped as text, and --ocr always ---------------------------------


def test_ocr_always_reads_text_pages_too_with_the_same_verdicts(run_cli, tmp_path):
    complete_packet(tmp_path / "text")
    auto = run_cli(["check", tmp_path / "text", "--as-of", AS_OF, *JSON])
    always = run_cli(["check", tmp_path / "text", "--as-of", AS_OF, "--ocr", "always", *JSON])
    auto_packet = json.loads(auto.stdout)["packets"][0]
    always_packet = json.loads(always.stdout)["packets"][0]
    assert statuses(always_packet) == statuses(auto_packet)
    assert not any(d["ocr"] for d in auto_packet["documents"])
    assert all(d["ocr"] for d in always_packet["documents"])


# --- the public corpus of scans ------------------------------------------------------------------


def _source(name: str) -> SourceFile:
    path = shared("corpus", "scanned", name)
    kind = FileType.PDF if name.endswith(".pdf") else FileType.TIFF
    return SourceFile(path, name, kind, path.stat().st_size)


def _words(page_lines: tuple[Any, ...]) -> set[str]:
    return {w.lower() for line in page_lines for w in line.text.split() if len(w) > 3}


def test_a_scan_turned_each_quarter_way_reads_the_same(ocr_cache):
    """ocrmypdf's cardinal.pdf: one scan placed at 0, 90, 180 and 270 degrees."""
    engine, _ = find_engine()
    assert engine is not None
    settings = OcrSettings(engine, Cache(ocr_cache))
    pages = [
        read_scanned(_source("ocrmypdf-cardinal-rotations.pdf"), n, settings) for n in range(1, 5)
    ]
    upright = _words(pages[0].lines)
    assert len(upright) > 50
    for page in pages[1:]:
        words = _words(page.lines)
        assert len(words & upright) >= 0.9 * len(upright), page.number
        assert page.width < page.height  # read upright, whichever way it lay


def test_a_multipage_g4_tiff_is_read_page_by_page(ocr_cache):
    engine, _ = find_engine()
    assert engine is not None
    settings = OcrSettings(engine, Cache(ocr_cache))
    source = _source("pillow-g4-multipage.tiff")
    texts = [
        " ".join(line.text for line in read_scanned(source, n, settings).lines) for n in (1, 2, 3)
    ]
    # Each frame its own page, in order; OCR may read the first "1" as an "l".
    assert [t.replace(" ", "").replace("Pagel", "Page1") for t in texts] == [
        "Page1",
        "Page2",
        "Page3",
    ]


def test_an_ocr_engine_that_fails_costs_only_its_pages(run_cli, fax_and_text, tmp_path):
    """Tesseract installed but failing on every page: each page is named with the reason,
    nothing is guessed, and the text files are still judged."""
    folder = tmp_path / "bin"
    folder.mkdir()
    broken = folder / "tesseract"
    broken.write_text(
        "#!/bin/sh\n"
        'case "$1" in\n'
        "  --list-langs) printf 'List of available languages (2):\\neng\\nosd\\n'; exit 0;;\n"
        "  --version) echo 'tesseract 5.3.0'; exit 0;;\n"
        "esac\n"
        "exit 1\n"
    )
    broken.chmod(0o755)
    result = run_cli(
        ["check", fax_and_text, "--as-of", AS_OF, "--no-cache", *JSON],
        env={"PATH": f"{folder}:{os.environ['PATH']}"},
    )
    assert result.code == 1 and result.stderr == ""
    packet = json.loads(result.stdout)["packets"][0]
    (error,) = packet["errors"]
    assert error["file"] == "letter.tif"
    assert error["message"] == "page 1: the OCR engine failed on a page"
    assert statuses(packet)["A"] == "missing" and statuses(packet)["C"] == "present"


def test_without_tesseract_the_hint_comes_once_and_the_table_says_why(run_cli, tmp_path):
    """Several scanned files and no OCR: the table says the items could not be judged in
    full because the files could not be read, and the install hint is given once."""
    packet = tmp_path / "scans"
    packet.mkdir()
    for name in ("letter.png", "labs.png", "psychosocial.png"):
        Image.new("L", (850, 1100), 255).save(packet / name, dpi=(100, 100))
    bare = Path(sys.executable).parent
    result = run_cli(["check", packet, "--as-of", AS_OF], env={"PATH": str(bare), "COLUMNS": "80"})
    assert result.code == 1
    assert result.stderr.count("apt-get install") == 1
    assert "3 scanned files were not read" in result.stderr
    assert "apt-get" not in result.stdout  # not once per file in the table
    plain = " ".join(result.stdout.split())
    assert "could not be judged in full: 3 files could not be read" in plain
    assert "no OCR engine installed" in plain
