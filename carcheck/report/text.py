"""Short texts that the human-readable formats share (table and Markdown)."""

from __future__ import annotations

from typing import Any

from carcheck.extract.ocr import NO_ENGINE


def pages_text(pages: list[int]) -> str:
    """[3, 4, 5] -> 'pp. 3-5'; [2] -> 'p. 2'; gaps are listed."""
    if len(pages) == 1:
        return f"p. {pages[0]}"
    if pages == list(range(pages[0], pages[-1] + 1)):
        return f"pp. {pages[0]}-{pages[-1]}"
    return "pp. " + ", ".join(str(p) for p in pages)


def evidence_lines(item: dict[str, Any]) -> list[str]:
    """One line per document of the item: file, pages, and for A who signed it."""
    lines = []
    for doc in item["documents"]:
        text = f"{doc['file']} {pages_text(doc['pages'])}" + (" (OCR)" if doc.get("ocr") else "")
        if item["id"] == "A":
            signers = doc.get("signers") or []
            if signers:
                text += "; signed by " + ", ".join(
                    f"{s['signer'] or 'unnamed'} ({s['kind']})" for s in signers
                )
            else:
                text += "; no signature found"
        lines.append(text)
    return lines


def evidence_text(item: dict[str, Any]) -> str:
    return "\n".join(evidence_lines(item))


# Flags that inform rather than warn: how to bill, which benefit applies.
NOTE_CODES = frozenset({"coding", "epsdt"})


def is_note(flag: dict[str, Any]) -> bool:
    return flag["code"] in NOTE_CODES


def unread_summary(packet: dict[str, Any]) -> str | None:
    """'Items could not be judged in full: 13 files could not be read (no OCR engine).'"""
    errors = packet["errors"]
    if not errors:
        return None
    n = len(errors)
    files = f"{n} file{'s' if n != 1 else ''}"
    why = (
        " (scanned pages, no OCR engine installed)"
        if all(NO_ENGINE in e["message"] for e in errors)
        else ""
    )
    missing = [i["id"] for i in packet["items"] if i["status"] == "missing" and i["required"]]
    if not missing:
        return f"{files} could not be read{why}"
    return (
        f"{', '.join(missing)} could not be judged in full: {files} could not be read{why}, "
        "and what is missing may be in them"
    )


def verdict_line(packet: dict[str, Any]) -> str:
    if packet["complete"]:
        return "COMPLETE: every required item is present"
    if any(f["code"] == "empty-packet" for f in packet["flags"]):
        return "NOT COMPLETE: the packet is empty (no file to read)"
    problems = [
        f"{i['id']} {i['status'].replace('_', ' ')}"
        for i in packet["items"]
        if i["required"] and i["status"] != "present"
    ]
    if packet["errors"]:
        n = len(packet["errors"])
        problems.append(f"{n} file{'s' if n != 1 else ''} could not be read")
    others = sum(1 for f in packet["flags"] if f["code"] == "patient-mismatch")
    if others:
        problems.append(
            f"{others} document{'s' if others != 1 else ''} for another patient"
            " (remove before sending)"
        )
    return "NOT COMPLETE: " + ", ".join(problems)


def patient_text(patient: dict[str, Any] | None) -> str | None:
    """'Harold W. Brennan, DOB 1958-06-23, member WNC884120377' (what is known)."""
    if not patient:
        return None
    parts = [patient.get("name") or "name not found"]
    if patient.get("birth_date"):
        parts.append(f"DOB {patient['birth_date']}")
    if patient.get("member_id"):
        parts.append(f"member {patient['member_id']}")
    return ", ".join(parts)


def product_line(packet: dict[str, Any]) -> str:
    """'; patient ...; product Yescarta; facility Duke University Hospital' (what is known)."""
    parts = []
    if who := patient_text(packet.get("patient")):
        parts.append(f"patient {who}")
    parts += [f"{key} {packet[key]}" for key in ("product", "facility") if packet.get(key)]
    return "; " + "; ".join(parts) if parts else ""
