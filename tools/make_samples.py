"""Generate carcheck's synthetic sample packets (deterministic: same bytes every run).

    .venv/bin/python tools/make_samples.py sample_packets
    .venv/bin/python tools/make_samples.py sample_packets --scanned

Writes one folder per packet, plus expected.json and README.md, into the given folder.
Existing packet folders of the same names are replaced; other files are left alone.
With --scanned, also writes scanned (fax) twins of a few packets, with no text layer:
fax-complete (image-only PDFs) and fax-unsigned-letter-tiff (multi-page TIFFs).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samplegen.output import write_all  # noqa: E402
from samplegen.scan import scan_demo  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("out", type=Path, help="output folder, e.g. sample_packets")
    ap.add_argument("--clean", action="store_true", help="remove every packet folder first")
    ap.add_argument(
        "--scanned", action="store_true", help="also write scanned twins of a few packets"
    )
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    if args.clean:
        for p in out.iterdir():
            if p.is_dir():
                shutil.rmtree(p)
    for line in write_all(out):
        print(line)
    if args.scanned:
        for line in scan_demo(out):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
