"""The one serialised form of a run that every machine format starts from (CONTRACT.md JSON)."""

from __future__ import annotations

from typing import Any

from carcheck import __version__
from carcheck.items.a_letter import signed_by_physician
from carcheck.model import (
    Document,
    FacilityContent,
    ItemId,
    ItemReport,
    LetterContent,
    PacketReport,
    Patient,
    RunReport,
    SignatureKind,
)

SCHEMA_VERSION = 1


def as_records(run: RunReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": "carcheck",
        "version": __version__,
        "as_of": run.as_of.isoformat(),
        "packets": [_packet(p) for p in run.packets],
    }


def _packet(packet: PacketReport) -> dict[str, Any]:
    return {
        "path": packet.path,
        "complete": packet.complete,
        "product": packet.product,
        "facility": packet.facility or _facility(packet),
        "patient": _patient(packet.patient),
        "items": [_item(i) for i in packet.items],
        "documents": [_document(d) for d in packet.documents],
        "errors": [{"file": e.file, "message": e.message} for e in packet.errors],
        "flags": [{"code": f.code, "message": f.message} for f in packet.flags],
    }


def _facility(packet: PacketReport) -> str | None:
    for doc in packet.documents:
        if isinstance(doc.content, FacilityContent) and doc.content.facility:
            return doc.content.facility
    return None


def _item(item: ItemReport) -> dict[str, Any]:
    return {
        "id": item.id.value,
        "title": item.title,
        "required": item.required,
        "status": item.status.value,
        "date": item.date.isoformat() if item.date else None,
        **({"cutoff": item.cutoff.isoformat()} if item.cutoff else {}),
        "reasons": list(item.reasons),
        "documents": [_evidence(item, d) for d in item.documents],
    }


def _evidence(item: ItemReport, doc: Document) -> dict[str, Any]:
    record: dict[str, Any] = {
        "file": doc.file,
        "pages": list(doc.pages),
        "date": doc.date.date.isoformat() if doc.date and not doc.date.impossible else None,
    }
    if doc.ocr:
        record["ocr"] = True
    if item.id is ItemId.A:
        record["signed"] = isinstance(doc.content, LetterContent) and signed_by_physician(doc)
        record["signers"] = [
            {"signer": s.signer, "kind": s.kind.value, "page": s.page} for s in doc.signatures
        ]
    return record


def _document(doc: Document) -> dict[str, Any]:
    return {
        "file": doc.file,
        "pages": list(doc.pages),
        "item": doc.item.value if doc.item else None,
        "title": doc.title,
        "date": doc.date.date.isoformat() if doc.date and not doc.date.impossible else None,
        "dates": [
            {"date": d.date.isoformat(), "role": d.role.value, "page": d.page}
            for d in doc.dates
            if not d.impossible
        ],
        "signatures": [
            {
                "page": s.page,
                "kind": s.kind.value,
                "signer": s.signer,
                "date": s.date.isoformat() if s.date else None,
                **({"intact": s.intact} if s.kind is SignatureKind.DIGITAL else {}),
            }
            for s in doc.signatures
        ],
        "ocr": doc.ocr,
        **({"ocr_confidence": {str(n): c for n, c in doc.ocr_pages}} if doc.ocr_pages else {}),
        "patient": _patient(doc.patient),
        **({"claimed_item": doc.claimed_item.value} if doc.claimed_item else {}),
    }


def _patient(patient: Patient | None) -> dict[str, Any] | None:
    if patient is None:
        return None
    return {
        "name": patient.name,
        "birth_date": patient.birth_date.isoformat() if patient.birth_date else None,
        "member_id": patient.member_id,
        **({"mrn": patient.mrn} if patient.mrn else {}),
    }
