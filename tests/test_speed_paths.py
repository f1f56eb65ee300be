"""The fast page reader (pdfium) and the all-pdfplumber reader give the same verdicts, and
the report does not depend on the number of workers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from carcheck.engine import Settings, check_packets
from carcheck.model import RunReport
from carcheck.report.records import as_records

ROOT = Path(__file__).resolve().parents[1]
# The text packets: their fax twins (fax-*) are read by OCR in test_ocr.py.
SAMPLES = sorted(
    p for p in (ROOT / "sample_packets").iterdir() if p.is_dir() and not p.name.startswith("fax-")
)
AS_OF = dt.date(2026, 10, 15)


def verdicts(reader: str) -> dict[str, dict[str, object]]:
    reports = check_packets([(p, p.name) for p in SAMPLES], Settings(AS_OF, reader=reader))
    return {
        r.path: {
            "items": {i.id.value: (i.status.value, i.date) for i in r.items},
            "documents": [(d.file, d.pages, d.item) for d in r.documents],
            "errors": r.errors,
        }
        for r in reports
    }


def test_pdfium_and_pdfplumber_readers_agree_on_every_sample() -> None:
    fast, slow = verdicts("pdfium"), verdicts("pdfplumber")
    assert fast.keys() == slow.keys()
    for name in fast:
        assert fast[name] == slow[name], name


@pytest.mark.parametrize("jobs", [2, 3])
def test_report_is_the_same_whatever_the_number_of_workers(jobs: int) -> None:
    def report(n: int) -> str:
        packets = check_packets([(p, p.name) for p in SAMPLES], Settings(AS_OF, jobs=n))
        return json.dumps(as_records(RunReport(AS_OF, tuple(packets))), sort_keys=True)

    assert report(jobs) == report(1)


def test_a_long_file_read_in_parts_gives_the_same_documents(tmp_path: Path) -> None:
    """A combined packet repeated past the part size is split across workers and rejoined."""
    import pypdfium2 as pdfium

    combined = next((ROOT / "sample_packets" / "complete-combined").glob("*.pdf"))
    source = pdfium.PdfDocument(str(combined))
    out = pdfium.PdfDocument.new()
    for _ in range(4):  # 4 x 16 pages: more than one part of 40
        out.import_pages(source)
    long = tmp_path / "long.pdf"
    out.save(str(long))

    def documents(n: int) -> list[tuple[str, tuple[int, ...], object]]:
        (report,) = check_packets([(long, None)], Settings(AS_OF, jobs=n))
        assert not report.errors
        return [(d.file, d.pages, d.item) for d in report.documents]

    one = documents(1)
    assert len(one) >= 4 * 7 and one == documents(2)


def test_documents_built_as_parts_arrive_are_those_of_the_whole_split(tmp_path: Path) -> None:
    """A long file's documents are built while its later parts are still read; whichever
    way its parts arrive, they are the documents the whole file's split gives."""
    import pypdfium2 as pdfium

    from carcheck import engine, ingest
    from carcheck.classify import judge_page

    combined = next((ROOT / "sample_packets" / "complete-combined").glob("*.pdf"))
    source = pdfium.PdfDocument(str(combined))
    out = pdfium.PdfDocument.new()
    for _ in range(3):
        out.import_pages(source)
    long = tmp_path / "long.pdf"
    out.save(str(long))
    src = ingest.SourceFile(long, "long.pdf", ingest.FileType.PDF, long.stat().st_size)
    reads = engine.read_chunk(engine.Chunk(src))
    verdicts = {r.page.number: judge_page(r.page) for r in reads}
    whole = engine.documents_of(src.rel, reads, (), verdicts)
    for order in (range(0, len(reads), 5), reversed(range(0, len(reads), 5))):
        arrived: list[engine.PageRead] = []
        built: dict = {}
        for start in order:  # parts of five pages, in order and backwards
            arrived += reads[start : start + 5]
            built = engine.build_ahead(src.rel, arrived, verdicts, built)
        assert built  # documents were built ahead
        assert engine.documents_of(src.rel, reads, (), verdicts, built=built) == whole
