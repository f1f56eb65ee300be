"""Write every packet folder, expected.json and README.md."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .build import FAMILIES, write_packet
from .dates import AS_OF
from .packets import ITEMS, Packet, build_packets

ITEM_OF = {
    "letter": "A",
    "atc": "B",
    "serology": "C",
    "bm_path": "D",
    "pet": "D",
    "flow": "D",
    "fish": "D",
    "ln_path": "D",
    "spep": "D",
    "echo": "E",
    "pft": "E",
    "ecg": "E",
    "cbc": "E",
    "psych": "F",
    "cover": None,
    "pa_form": None,
}

KIND_TITLE = {
    "letter": "letter of medical necessity",
    "atc": "treatment center verification",
    "serology": "serology report",
    "bm_path": "bone marrow biopsy pathology",
    "pet": "PET/CT report",
    "flow": "flow cytometry",
    "fish": "FISH / cytogenetics",
    "ln_path": "lymph node biopsy pathology",
    "spep": "SPEP / free light chains",
    "echo": "echocardiogram",
    "pft": "pulmonary function tests",
    "ecg": "ECG",
    "cbc": "CBC/CMP",
    "psych": "psychosocial evaluation",
    "cover": "fax cover sheet",
    "pa_form": "PA request form",
}


def write_all(out: Path) -> list[str]:
    packets = build_packets()
    expected: dict[str, object] = {"as_of": AS_OF.isoformat(), "packets": {}}
    log = []
    used: dict[str, set[str]] = {}
    for pk in packets:
        folder = out / pk.name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        writers = write_packet(folder, pk.case, pk.files, pk.fax)
        files = {}
        for f, w in zip(pk.files, writers, strict=True):
            docs = []
            for d, frame in zip(f.docs, w.frames, strict=True):
                used.setdefault(d.kind, set()).add(d.family)
                docs.append(
                    {
                        "kind": KIND_TITLE[d.kind],
                        "item": ITEM_OF[d.kind],
                        "family": d.family,
                        "pages": frame.pages,
                    }
                )
            files[f.name] = {"pages": w.pages, "documents": docs}
        entry: dict[str, object] = {
            "exit_code": pk.exit_code,
            "complete": pk.exit_code == 0,
            "items": {i: pk.items[i] for i in ITEMS},
            "reasons_contain": pk.reasons,
        }
        if pk.flags:
            entry["flags_contain"] = pk.flags
        entry["summary"] = pk.summary
        entry["files"] = files
        expected["packets"][pk.name] = entry  # type: ignore[index]
        log.append(f"{pk.name:<28} {len(pk.files):>2} file(s)  exit {pk.exit_code}")
    (out / "expected.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
    (out / "README.md").write_text(_readme(packets, used), encoding="utf-8")
    missing = {k: set(v) - used.get(k, set()) for k, v in FAMILIES.items()}
    for k, v in missing.items():
        if v and k in ("letter", "atc", "serology", "bm_path", "psych"):
            log.append(f"warning: {k} families never used: {sorted(v)}")
    return log


def _status_text(pk: Packet) -> str:
    bad = [f"{i} {s}" for i, s in pk.items.items() if s != "present"]
    return ", ".join(bad) if bad else "all present"


def _readme(packets: list[Packet], used: dict[str, set[str]]) -> str:
    lines = [
        "# Sample packets",
        "",
        "Synthetic CAR T-cell therapy prior-authorization packets for carcheck's demo and tests.",
        "All people, clinics, labs, health plans and manufacturers in them are fictitious (only",
        "the CAR T product names are real); phone numbers are in the 555-01xx fiction range.",
        "",
        f"**Judge them as of {AS_OF.isoformat()}** (`carcheck check sample_packets/<name> "
        f"--as-of {AS_OF.isoformat()}`). Every date in them is computed relative to that day.",
        "The expected result for each packet is in `expected.json` (exit code, status of every",
        "item A-F, a few lowercase fragments any honest reason text will contain, and the",
        "ground-truth split of every file into documents with their pages).",
        "",
        "| packet | files | what is in it | expected |",
        "|---|---|---|---|",
    ]
    for pk in packets:
        names = ", ".join(f"`{f.name}`" for f in pk.files[:3])
        if len(pk.files) > 3:
            names += f" + {len(pk.files) - 3} more"
        reasons = "; ".join(f"{k}: '{', '.join(v)}'" for k, v in pk.reasons.items())
        exp = f"exit {pk.exit_code}; {_status_text(pk)}"
        if reasons:
            exp += f"; reasons mention {reasons}"
        if pk.flags:
            exp += f"; flag {', '.join(pk.flags)}"
        lines.append(f"| `{pk.name}` | {names} | {pk.summary} | {exp} |")
    lines += [
        "",
        "## What varies (so a checker cannot fit one template)",
        "",
        "Each document type comes in several *families* from different fictitious",
        "organisations, with different letterheads, fonts (Helvetica, Times, Courier), titles,",
        "date labels, date styles (`03/14/2026`, `3/14/26`, `March 14, 2026`, `14-Mar-2026`,",
        "`2026-03-14`), analyte spellings and result words. Families rotate between packets",
        "(seeded), so packets differ from each other:",
        "",
        "| document type | families used |",
        "|---|---|",
    ]
    for kind in sorted(used):
        lines.append(f"| {KIND_TITLE[kind]} | {', '.join(sorted(used[kind]))} |")
    lines += [
        "",
        "Distractor dates that must not count appear throughout: the patient's date of birth on",
        "every page, 'Printed:' / 'Report generated' footers, fax header lines across the top",
        "of faxed pages, received/reported/verified dates beside collection dates, accession",
        "numbers built from dates, addenda, comparison-study dates in imaging reports, month-year",
        "regimen dates and narrative dates in letters, an anticipated date of service in the",
        "future on PA forms, and dates in some uninformative file names.",
        "",
        "Signed letters carry an electronic-signature statement after the typed name, in one of",
        "four forms ('Electronically signed by ... on ...', '/s/ ...', 'Signed electronically",
        "by: ...  Date: ...', 'E-signed: ...'). Unsigned letters have an empty signature line",
        "(underscores, or a drawn rule) above the typed name. Other reports (pathology, echo,",
        "psychosocial evaluations, manufacturer letters) carry their own authors' e-signatures;",
        "they are not item A.",
        "",
        "The facilities are fictitious and on no public list of treatment centers; do not add",
        "them to a built-in list, or `no-facility-verification` would stop testing item B.",
        "",
        "## Faxed twins",
        "",
        "`fax-complete` (image-only PDFs) and `fax-unsigned-letter-tiff` (multi-page TIFFs,",
        "CCITT G4 or LZW) are `complete` and `unsigned-letter` as a fax server delivers them:",
        "200 dpi, no text layer, each page skewed by up to 2 degrees, speckle noise, a fax header",
        "line on every page, one page upside down (`tools/samplegen/scan.py`). They must give",
        "the statuses of their originals when read by OCR. `tests/test_ocr.py` makes the twin of",
        "every packet above the same way and checks just that.",
        "",
        "## Regenerate",
        "",
        "```",
        ".venv/bin/python tools/make_samples.py sample_packets --scanned",
        "```",
        "",
        "The generator (`tools/make_samples.py`, `tools/samplegen/`) uses fpdf2 with a fixed",
        "creation date and fixed seeds: re-running it produces byte-identical files. It writes",
        "this README and `expected.json` too, so edit the generator, not these files.",
        "",
    ]
    return "\n".join(lines)
