"""Digital signatures: PDF signature fields that hold a signature value, and whether the
signed bytes are intact.

pdfium says cheaply whether a file holds any signed field (an empty field has no
/Contents and is not a signature). Only then is pyHanko loaded to read each signature's
field, page, signer (/Name, else the certificate's common name) and time (/M), and to
check the signed bytes offline: no revocation or timestamp look-ups, ever.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DigitalSignature:
    page: int  # 1-based page of its widget (1 when it has none)
    signer: str | None
    date: dt.date | None
    intact: bool | None  # False: the document changed after signing; None: not checked


def _may_be_signed(path: Path) -> bool:
    """A signed field has a /ByteRange; without those bytes (or in an object stream, where
    they may be compressed) there is no need to open the file again."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return b"/ByteRange" in data or b"/ObjStm" in data or b"/Encrypt" in data


def signed_field_count(path: Path) -> int:
    """How many signature fields hold a signature value (pdfium; empty fields do not)."""
    try:
        document = pdfium.PdfDocument(str(path), password="")
    except pdfium.PdfiumError:
        return 0
    try:
        count = 0
        for index in range(pdfium_c.FPDF_GetSignatureCount(document.raw)):
            signature = pdfium_c.FPDF_GetSignatureObject(document.raw, index)
            if signature and pdfium_c.FPDFSignatureObj_GetContents(signature, None, 0) > 0:
                count += 1
        return count
    finally:
        document.close()


def read_digital_signatures(path: Path) -> list[DigitalSignature]:
    """Every signed signature field of a PDF; [] when there is none or it cannot be read."""
    count = signed_field_count(path) if _may_be_signed(path) else 0
    if count == 0:
        return []
    try:
        return _with_pyhanko(path, count)
    except Exception:  # a damaged signature dictionary is not a reason to lose the file
        log.debug("digital signatures could not be read", exc_info=True)
        return [DigitalSignature(1, None, None, None)] * count


def _with_pyhanko(path: Path, count: int) -> list[DigitalSignature]:
    """`count` signed fields (pdfium's count) read with pyHanko."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    found: list[DigitalSignature] = []
    embedded_all: list[Any] = []
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle, strict=False)
        if reader.encrypted:
            reader.decrypt("")
        pages = _page_numbers(reader)
        embedded_all = reader.embedded_signatures
        for embedded in embedded_all:
            if embedded.sig_object_type != "/Sig":
                continue  # a document timestamp is not a person's signature
            sig = embedded.sig_object
            found.append(
                DigitalSignature(
                    page=_page_of(embedded.sig_field, pages),
                    signer=_signer(embedded),
                    date=_pdf_date(sig.get("/M")),
                    intact=_intact(embedded),
                )
            )
    # Signatures pyHanko does not parse (legacy adbe.x509.rsa_sha1) still count as signed.
    missing = count - len(embedded_all)
    found.extend(DigitalSignature(1, None, None, None) for _ in range(max(0, missing)))
    return found


def _page_numbers(reader: Any) -> dict[int, int]:
    """Page object number -> 1-based page number."""
    numbers: dict[int, int] = {}
    try:
        count = int(reader.root["/Pages"]["/Count"])
        for index in range(min(count, 5000)):
            ref = reader.find_page_for_modification(index)[0]
            numbers[ref.idnum] = index + 1
    except Exception:
        log.debug("page tree could not be walked for signature pages", exc_info=True)
    return numbers


def _page_of(field: Any, pages: dict[int, int]) -> int:
    widgets = [field]
    if "/Kids" in field:
        widgets = [kid.get_object() for kid in field["/Kids"]]
    for widget in widgets:
        if "/P" in widget:
            try:
                return pages.get(widget.get_value_as_reference("/P").idnum, 1)
            except Exception:
                continue
    return 1


def _signer(embedded: Any) -> str | None:
    name = embedded.sig_object.get("/Name")
    if name:
        return _clean(str(name))
    try:
        common = embedded.signer_cert.subject.native.get("common_name")
    except Exception:
        return None
    return _clean(str(common)) if common else None


def _intact(embedded: Any) -> bool | None:
    """False when the signed bytes no longer match their digest, or bytes added after the
    signature changed the document in ways that a later signature, a timestamp or form
    filling (legitimate incremental updates) do not explain."""
    try:
        from pyhanko.sign.diff_analysis import ModificationLevel
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko.sign.validation.status import SignatureCoverageLevel
        from pyhanko_certvalidator import ValidationContext

        # Offline: no fetching of certificates, revocation data or timestamps.
        context = ValidationContext(allow_fetching=False, revocation_mode="soft-fail")
        status = validate_pdf_signature(embedded, signer_validation_context=context)
        if not status.intact:
            return False
        # Bytes after the signature that change the document in ways no later signature,
        # timestamp or form fill explains. Coverage "unclear" is not judged: pyHanko cannot
        # tell what was signed, and calling that an alteration would be a guess.
        judged = status.coverage in (
            SignatureCoverageLevel.CONTIGUOUS_BLOCK_FROM_START,
            SignatureCoverageLevel.ENTIRE_REVISION,
        )
        return not (judged and status.modification_level == ModificationLevel.OTHER)
    except Exception:
        log.debug("signature integrity could not be checked", exc_info=True)
        return None


def _pdf_date(value: Any) -> dt.date | None:
    """A PDF date string ('D:20201101010000+01'00'') to its calendar date."""
    if value is None:
        return None
    match = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", str(value))
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _clean(text: str) -> str:
    return "".join(ch for ch in text if ch.isprintable()).strip()[:120]
