"""`make bench`: carcheck's speed and memory beside bare pdfplumber and bare pypdfium2.

Generates its own inputs in a temporary folder (never the repository):
  * text PDFs of 50, 200 and 1,000 pages, made by repeating the pages of the sample packets;
  * a batch of 50 packets (the sample packets, cycled);
  * the 200-page packet's HTML report (its size, and its time beside the JSON run's);
  * the scanned twin of the `complete` sample packet (15 fax pages: 200 dpi, skewed, speckled,
    one page upside down, no text layer), read by OCR cold (no cache) and again warm.
Each measurement is a fresh process, run three times (--repeat), the runs that are
compared interleaved: the median wall time and its peak resident memory (the process or
its largest worker). Prints one table; single
runs on a shared 2-core machine vary by 20 % or more, medians by a few percent.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_packets"
AS_OF = "2026-10-15"

PDFPLUMBER_FLOOR = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.close()
"""
PDFIUM_FLOOR = """
import sys, pypdfium2 as pdfium
pdf = pdfium.PdfDocument(sys.argv[1])
for page in pdf:
    page.get_textpage().get_text_range()
"""


def text_packets() -> list[Path]:
    """The sample packets with a text layer (not their fax twins, fax-*)."""
    return sorted(p for p in SAMPLES.iterdir() if p.is_dir() and not p.name.startswith("fax-"))


def sample_pdfs() -> list[Path]:
    return sorted(p for packet in text_packets() for p in packet.rglob("*.pdf") if p.is_file())


def text_pdf(pages: int, dest: Path) -> Path:
    """A PDF of `pages` pages, the sample packets' pages repeated in order."""
    out = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(str(p)) for p in sample_pdfs()]
    while len(out) < pages:
        for src in sources:
            take = min(len(src), pages - len(out))
            if take <= 0:
                break
            out.import_pages(src, list(range(take)))
    out.save(str(dest))
    return dest


def batch(count: int, dest: Path) -> list[Path]:
    packets = text_packets()
    folders = []
    for i in range(count):
        target = dest / f"packet-{i:02d}"
        shutil.copytree(packets[i % len(packets)], target)
        folders.append(target)
    return folders


def scanned_packet(dest: Path) -> Path:
    """The fax twin of sample_packets/complete, as image-only PDFs."""
    sys.path.insert(0, str(ROOT / "tools"))
    from samplegen.scan import PROFILES, scan_packet

    scan_packet(SAMPLES / "complete", dest, PROFILES["complete"], "pdf")
    return dest


REPEAT = 3
ENV = dict(os.environ)  # CARCHECK_CACHE_DIR is set to a temporary folder in main()


def measure(args: list[str]) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MB) over REPEAT runs: one run is too noisy here."""
    runs = sorted(_measure_once(args) for _ in range(REPEAT))
    return runs[len(runs) // 2]


def measure_together(*commands: list[str]) -> list[tuple[float, float]]:
    """Medians for several commands run in turn, REPEAT rounds: a ratio of two medians
    taken minutes apart on a shared machine mostly measures the machine."""
    runs: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(REPEAT):
        for k, args in enumerate(commands):
            runs[k].append(_measure_once(args))
    return [sorted(r)[len(r) // 2] for r in runs]


def _measure_once(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one process and the largest of its children."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"benchmark step failed ({code}): {' '.join(args)}\n{err}")
    return wall, usage.ru_maxrss / 1024


def carcheck(*paths: Path, jobs: int = 1, fmt: str = "json") -> list[str]:
    return [
        sys.executable, "-m", "carcheck", "check", *map(str, paths),
        "--as-of", AS_OF, "--format", fmt, "--jobs", str(jobs),
    ]  # fmt: skip


def row(name: str, pages: int, wall: float, rss: float, note: str = "") -> str:
    return f"| {name} | {pages} | {wall:.2f} | {pages / wall:.0f} | {rss:.0f} | {note} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1,000-page and scan runs")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    options = parser.parse_args()
    global REPEAT
    REPEAT = max(1, options.repeat)
    cores = len(os.sched_getaffinity(0))
    print(
        f"carcheck benchmark - {platform.machine()}, {cores} cores, Python "
        f"{platform.python_version()}, pdfium {pdfium.PDFIUM_INFO.version}"
    )
    with tempfile.TemporaryDirectory(prefix="carcheck-bench-") as tmp:
        work = Path(tmp)
        t200 = text_pdf(200, work / "text-200.pdf")
        lines = [
            "",
            "| run | pages | seconds | pages/s | peak MB | note |",
            "|---|---|---|---|---|---|",
        ]
        (cc_wall, cc_rss), (pl_wall, pl_rss), (pf_wall, pf_rss), (j2_wall, j2_rss) = (
            measure_together(
                carcheck(t200, jobs=1),
                [sys.executable, "-c", PDFPLUMBER_FLOOR, str(t200)],
                [sys.executable, "-c", PDFIUM_FLOOR, str(t200)],
                carcheck(t200, jobs=2),
            )
        )
        lines += [
            row("carcheck --jobs 1, 200-page text packet", 200, cc_wall, cc_rss),
            row("carcheck --jobs 2, same", 200, j2_wall, j2_rss, "a long file read in parts"),
            row("bare pdfplumber extract_text", 200, pl_wall, pl_rss, "reference"),
            row("bare pypdfium2 get_text_range", 200, pf_wall, pf_rss, "reference"),
        ]
        report = work / "report.html"
        (js_wall, js_rss), (ht_wall, ht_rss) = measure_together(
            carcheck(t200, jobs=1), [*carcheck(t200, jobs=1, fmt="html"), "-o", str(report)]
        )
        html_mb = report.stat().st_size / 1_000_000
        lines += [
            row("carcheck --format json --jobs 1, 200 pages", 200, js_wall, js_rss),
            row(
                "carcheck --format html --jobs 1, same", 200, ht_wall, ht_rss,
                f"report {html_mb:.1f} MB, every page drawn",
            ),
        ]  # fmt: skip
        folders = batch(50, work / "batch")
        batch_pages = sum(
            len(pdfium.PdfDocument(str(p))) for f in folders for p in f.rglob("*.pdf")
        )
        (b1_wall, b1_rss), (b2_wall, b2_rss) = measure_together(
            carcheck(*folders, jobs=1), carcheck(*folders, jobs=min(2, cores))
        )
        lines += [
            row("carcheck --jobs 1, batch of 50 packets", batch_pages, b1_wall, b1_rss),
            row(
                f"carcheck --jobs {min(2, cores)}, same batch",
                batch_pages,
                b2_wall,
                b2_rss,
                f"speed-up {b1_wall / b2_wall:.2f}x",
            ),
        ]
        sizes = (50, 200) if options.quick else (50, 200, 1000)
        for pages in sizes:
            path = t200 if pages == 200 else text_pdf(pages, work / f"text-{pages}.pdf")
            wall, rss = measure(carcheck(path, jobs=1))
            lines.append(row(f"carcheck --jobs 1, {pages}-page memory run", pages, wall, rss))
        ocr_lines: list[str] = []
        if not options.quick:
            ocr_lines = ocr_runs(work, cores, lines)
        print("\n".join(lines))
        print()
        print(
            f"carcheck / pdfplumber (200 pages, one process): {cc_wall / pl_wall:.2f}  "
            f"(target at most 0.25)"
        )
        print(f"carcheck / pypdfium2  (200 pages, one process): {cc_wall / pf_wall:.2f}")
        print(
            f"batch speed-up, --jobs {min(2, cores)} over --jobs 1: {b1_wall / b2_wall:.2f}x  "
            "(target at least 1.6x on 2 cores)"
        )
        print(
            f"HTML report (200 pages): {html_mb:.1f} MB (target under 8 MB), its run "
            f"{ht_wall / js_wall:.2f}x the JSON run's time (target at most 1.5x)"
        )
        for line in ocr_lines:
            print(line)


def ocr_runs(work: Path, cores: int, lines: list[str]) -> list[str]:
    """The scanned packet read by OCR: cold, one and two workers (one run each: OCR
    dominates and varies little), then again with the cache warm (median)."""
    if shutil.which("tesseract") is None:
        return ["OCR: skipped (Tesseract is not installed)"]
    scan = scanned_packet(work / "fax-complete")
    pages = sum(len(pdfium.PdfDocument(str(p))) for p in scan.glob("*.pdf"))
    ENV["CARCHECK_CACHE_DIR"] = str(work / "ocr-cache")
    jobs = min(2, cores)
    cold1 = _measure_once([*carcheck(scan, jobs=1), "--no-cache"])
    cold2 = _measure_once([*carcheck(scan, jobs=jobs), "--no-cache"])
    _measure_once(carcheck(scan, jobs=jobs))  # fills the cache
    warm = measure(carcheck(scan, jobs=jobs))
    lines += [
        row("carcheck --jobs 1, 15-page fax packet, OCR", pages, *cold1),
        row(
            f"carcheck --jobs {jobs}, same, OCR",
            pages,
            *cold2,
            f"speed-up {cold1[0] / cold2[0]:.2f}x",
        ),
        row(f"carcheck --jobs {jobs}, same, re-run (OCR cache)", pages, *warm),
    ]
    return [
        f"OCR seconds per page: {cold1[0] / pages:.2f} with one worker, "
        f"{cold2[0] / pages:.2f} with {jobs}; a re-run with the cache: {warm[0]:.2f} s "
        f"for {pages} pages ({cold2[0] / warm[0]:.0f}x faster)"
    ]


if __name__ == "__main__":
    main()
