"""Letters of medical necessity signed (or not) in each way carcheck detects, for the tests.

Every generator writes `letter.pdf` into a packet folder made by `tests.pdfs.complete_packet`,
replacing its e-signed letter, so only the letter's signature decides item A. The letters are
otherwise complete. Drawings use fixed seeds and every PDF a fixed creation date; only the
RSA keys (and so the signature values) of the digitally signed letters change from run to run.
"""

from __future__ import annotations

import functools
import io
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from fpdf import FPDF
from PIL import Image, ImageDraw
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from tests.pdfs import CREATED, complete_packet

PHYSICIAN = "Jane Roe, MD"
OTHER_SIGNER = "Mark Smith, NP"
SIGNED_AT = datetime(2026, 10, 2, 15, 30, 0, tzinfo=UTC)  # the digital signatures' time

PAGE_HEIGHT = 792.0  # US letter, in points
LEFT = 72.0
LINE_LENGTH = 180.0  # the signature line, in points
SIGNATURE_GAP = 44.0  # from "Sincerely," down to the signature line

Line = tuple[float, str]

HEAD: list[Line] = [
    (16, "Letter of Medical Necessity"),
    (10, "October 2, 2026"),
    (10, "Re: John Sample  DOB: 03/14/1960"),
    (10, "Dear Medical Director,"),
    (10, "Prior chemotherapy regimens: R-CHOP x6 cycles, 01/2025-05/2025."),
]
HISTORY: list[Line] = [
    (10, "Clinical history: the patient was diagnosed with DLBCL in 12/2024 and relapsed."),
    (10, "Social history: he lives with his wife, who will be his caregiver."),
]
INDICATION: Line = (
    10,
    "Indication: he is a candidate for axicabtagene ciloleucel (Yescarta) CAR T-cell therapy.",
)
ATTENDING: Line = (10, f"Attending physician: {PHYSICIAN}")
PAGE_TWO_HEAD: Line = (10, "Re: John Sample  DOB: 03/14/1960 (continued)")
TEMPLATE_PHRASE = "This letter must be signed by the attending physician."
TABLE = [
    ("Regimen", "Dates", "Best response"),
    ("R-CHOP x6 cycles", "01/2025-05/2025", "partial response"),
    ("R-ICE x2 cycles", "07/2025-08/2025", "progression"),
]


@dataclass(frozen=True, slots=True)
class SignatureSpot:
    """Where a letter's signature block is: its page (1-based) and its line (top, in points)."""

    page: int
    line_top: float

    def box_above_line(self, height: float = 40.0) -> tuple[int, int, int, int]:
        """The zone just above the signature line, in PDF user space (origin bottom left)."""
        bottom = PAGE_HEIGHT - self.line_top
        return (int(LEFT), int(bottom), int(LEFT + LINE_LENGTH), int(bottom + height))


Closing = Callable[[FPDF], float | None]  # draws the signature block; its line's top, if any


# --- the letter ---------------------------------------------------------------------------


def _new_pdf(*, compress: bool = True) -> FPDF:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_creation_date(CREATED)
    pdf.set_auto_page_break(False)
    pdf.set_margins(LEFT, 72)
    pdf.set_compression(compress)
    return pdf


def _write(pdf: FPDF, lines: list[Line]) -> None:
    for size, text in lines:
        pdf.set_font("Helvetica", "B" if size > 11 else "", size)
        pdf.cell(0, size * 1.6, text, new_x="LMARGIN", new_y="NEXT")


def _footer(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(LEFT, 740)
    pdf.cell(0, 12, text)


def _table(pdf: FPDF) -> None:
    """Prior regimens as a bordered table: horizontal rules that are no signature line."""
    pdf.set_font("Helvetica", "", 9)
    for row in TABLE:
        for width, text in zip((170, 130, 130), row, strict=True):
            pdf.cell(width, 16, text, border=1)
        pdf.ln(16)
    pdf.ln(6)


def write_letter(
    path: Path,
    closing: Closing,
    *,
    two_pages: bool = False,
    letterhead: Callable[[FPDF], None] | None = None,
    table: bool = False,
    extra: list[Line] | None = None,
    compress: bool = True,
) -> SignatureSpot:
    """A complete letter of medical necessity whose signature block `closing` draws after
    "Sincerely," (on page 2 with `two_pages`); returns where its signature line is."""
    pdf = _new_pdf(compress=compress)
    pdf.add_page()
    if letterhead:
        letterhead(pdf)
    pdf.set_y(96 if letterhead else 72)
    _write(pdf, HEAD)
    if table:
        _table(pdf)
    _write(pdf, HISTORY)
    if two_pages:
        _footer(pdf, "Page 1 of 2")
        pdf.add_page()
        pdf.set_y(72)
        _write(pdf, [PAGE_TWO_HEAD])
    _write(pdf, [INDICATION, ATTENDING, *(extra or []), (10, "Sincerely,")])
    line_top = closing(pdf)
    if two_pages:
        _footer(pdf, "Page 2 of 2")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return SignatureSpot(page=pdf.page, line_top=line_top if line_top is not None else pdf.get_y())


def _signature_line(pdf: FPDF, name: str | None) -> float:
    """A drawn signature line below "Sincerely," with the typed name under it; its top."""
    top = pdf.get_y() + SIGNATURE_GAP
    pdf.set_draw_color(0)
    pdf.set_line_width(0.75)
    pdf.line(LEFT, top, LEFT + LINE_LENGTH, top)
    pdf.set_y(top + 4)
    if name:
        _write(pdf, [(10, name), (10, "Department of Hematology and Oncology")])
    return top


def _empty_line(pdf: FPDF) -> float:
    """A signature line with nothing on it over the physician's typed name."""
    return _signature_line(pdf, PHYSICIAN)


def _typed(lines: list[str]) -> Closing:
    def closing(pdf: FPDF) -> None:
        _write(pdf, [(10, text) for text in lines])

    return closing


def _packet(folder: Path, build: Callable[[Path], SignatureSpot]) -> SignatureSpot:
    complete_packet(folder)
    return build(folder / "letter.pdf")


# --- pictures -----------------------------------------------------------------------------


def scribble_png(seed: int = 7, size: tuple[int, int] = (180, 50)) -> bytes:
    """A handwriting-like scribble: a few thick wavy strokes on a transparent background."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    ink = (20, 30, 110, 255)
    x = 6.0
    for stroke in range(3):
        points = []
        length = rng.uniform(40, 55)
        for step in range(40):
            t = step / 39
            px = x + t * length
            py = height / 2 + 14 * math.sin(t * math.pi * rng.uniform(2.0, 3.5) + stroke)
            points.append((px, py + rng.uniform(-2, 2)))
        draw.line(points, fill=ink, width=3, joint="curve")
        x += length + rng.uniform(2, 6)
    draw.line([(8, height - 8), (width - 10, height - 12)], fill=ink, width=2)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def logo_png() -> bytes:
    """A letterhead logo: a filled circle with a white cross, on white."""
    image = Image.new("RGB", (64, 64), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((2, 2, 61, 61), fill=(0, 90, 160))
    draw.rectangle((27, 12, 36, 51), fill="white")
    draw.rectangle((12, 27, 51, 36), fill="white")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _logo(pdf: FPDF) -> None:
    pdf.image(io.BytesIO(logo_png()), x=LEFT, y=28, w=48, h=48)


def _barcode(pdf: FPDF) -> None:
    """A fax/document barcode in the top right corner: many thin vertical bars."""
    rng = random.Random(11)
    pdf.set_draw_color(0)
    x = 400.0
    while x < 540:
        pdf.set_line_width(rng.choice((0.8, 1.6, 2.4)))
        pdf.line(x, 30, x, 66)
        x += rng.choice((2.4, 3.2, 4.0))
    pdf.set_line_width(0.75)


def _wave(seed: int, top: float, count: int) -> list[tuple[float, float]]:
    """Points of a wavy scribble in the 34 pt above a signature line whose top is `top`."""
    rng = random.Random(seed)
    points = []
    for step in range(count):
        t = step / (count - 1)
        x = LEFT + 6 + t * (LINE_LENGTH - 20)
        y = top - 18 - 12 * math.sin(t * math.pi * 7) + rng.uniform(-2.5, 2.5)
        points.append((x, y))
    return points


# --- 1. a signature image ------------------------------------------------------------------


def _image_closing(name: str) -> Closing:
    def closing(pdf: FPDF) -> float:
        top = pdf.get_y() + SIGNATURE_GAP
        # 180 x 50 px at 0.75 pt per px, its foot 2 pt above the line.
        pdf.image(io.BytesIO(scribble_png()), x=LEFT + 4, y=top - 39.5, w=135, h=37.5)
        return _signature_line(pdf, name)

    return closing


def image_signed(folder: Path, name: str = PHYSICIAN) -> SignatureSpot:
    """A scribbled signature image just above the signature line over the typed `name`."""
    return _packet(folder, lambda path: write_letter(path, _image_closing(name)))


def logo_only(folder: Path) -> SignatureSpot:
    """The same letter with a letterhead logo at the top and nothing on its signature line."""
    return _packet(folder, lambda path: write_letter(path, _empty_line, letterhead=_logo))


def barcode_only(folder: Path) -> SignatureSpot:
    """A barcode in the header (many thin vertical bars) and nothing on the signature line."""
    return _packet(folder, lambda path: write_letter(path, _empty_line, letterhead=_barcode))


# --- 2. hand-drawn vector strokes ------------------------------------------------------------


def _curves_closing(pdf: FPDF) -> float:
    """Ink as curves: a polyline scribble and a few Bezier loops (page 2)."""
    top = pdf.get_y() + SIGNATURE_GAP
    pdf.set_draw_color(20, 30, 110)
    pdf.set_line_width(1.4)
    pdf.polyline(_wave(3, top, 48))
    rng = random.Random(5)
    x = LEFT + 10
    for _ in range(4):
        y = top - 8
        pdf.bezier(
            [
                (x, y),
                (x + rng.uniform(5, 12), y - 34),
                (x + rng.uniform(20, 30), y - 30),
                (x + rng.uniform(30, 40), y - rng.uniform(2, 6)),
            ]
        )
        x += rng.uniform(30, 40)
    return _signature_line(pdf, PHYSICIAN)


def _segments_closing(pdf: FPDF) -> float:
    """Ink as many short straight segments, the way some signature pads export it."""
    top = pdf.get_y() + SIGNATURE_GAP
    pdf.set_draw_color(20, 30, 110)
    pdf.set_line_width(1.2)
    points = _wave(9, top, 64)
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        pdf.line(x1, y1, x2, y2)
    return _signature_line(pdf, PHYSICIAN)


def strokes_signed(folder: Path) -> SignatureSpot:
    """A two-page letter signed on page 2 with vector curves (polyline and Beziers)."""
    return _packet(folder, lambda path: write_letter(path, _curves_closing, two_pages=True))


def segments_signed(folder: Path) -> SignatureSpot:
    """A one-page letter signed with a wavy scribble of 63 short line segments."""
    return _packet(folder, lambda path: write_letter(path, _segments_closing))


def table_only(folder: Path) -> SignatureSpot:
    """A letter with a bordered table of regimens and nothing on its signature line."""
    return _packet(folder, lambda path: write_letter(path, _empty_line, table=True))


# --- 3. e-signature statements ---------------------------------------------------------------


def esigned(
    folder: Path, statement: str = f"Electronically signed by {PHYSICIAN} on 10/02/2026"
) -> SignatureSpot:
    """An e-signature statement under the closing."""
    return _packet(folder, lambda path: write_letter(path, _typed([statement])))


def template_phrase(folder: Path) -> SignatureSpot:
    """Phrases about signing, and an empty "Signature required" blank: not signed."""
    return _packet(
        folder,
        lambda path: write_letter(
            path,
            _typed(["Signature required: ____________"]),
            extra=[(10, TEMPLATE_PHRASE)],
        ),
    )


# --- 5. a blank underscores line -----------------------------------------------------------


def blank_line(folder: Path) -> SignatureSpot:
    """ "Sincerely," then a blank underscores line, then the typed name: not signed."""
    return _packet(
        folder,
        lambda path: write_letter(path, _typed(["", "______________________________", PHYSICIAN])),
    )


# --- 4. digital signatures -------------------------------------------------------------------


@functools.cache
def identity(
    common_name: str, *, tsa: bool = False
) -> tuple[asn1_x509.Certificate, asn1_keys.PrivateKeyInfo]:
    """A throw-away self-signed certificate valid in 2026 and its RSA key, as asn1crypto
    objects (`x509.Certificate`, `keys.PrivateKeyInfo`) the way pyHanko takes them."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(20261002)
        .not_valid_before(datetime(2026, 1, 1, tzinfo=UTC))
        .not_valid_after(datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
    )
    if tsa:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    cert = builder.sign(key, hashes.SHA256())
    der_key = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return (
        asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        asn1_keys.PrivateKeyInfo.load(der_key),
    )


def _incremental(data: bytes) -> IncrementalPdfFileWriter:
    """A writer for an incremental update whose new document ID is fixed, not random."""
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    # pyHanko draws the second ID from os.urandom; keep the output reproducible.
    writer._document_id[1] = generic.ByteStringObject(b"carcheck-tests-1")
    return writer


def _unsigned_digital_letter(path: Path) -> SignatureSpot:
    """The two-page letter for digital signing, uncompressed so that its text can be altered."""
    return write_letter(path, _empty_line, two_pages=True, compress=False)


class _FixedTimeSigner(signers.PdfSigner):
    """Signs at SIGNED_AT instead of now, so that /M and the signing time are fixed."""

    def init_signing_session(self, pdf_out, existing_fields_only=False):  # type: ignore[no-untyped-def]
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = SIGNED_AT
        return session


def sign(
    path: Path,
    spot: SignatureSpot,
    *,
    field: str = "Signature1",
    common_name: str = PHYSICIAN,
    name: str | None = PHYSICIAN,
    box: tuple[int, int, int, int] | None = None,
) -> None:
    """Sign `path` in place with pyHanko: a visible field over the signature line of `spot`,
    `name` as /Name (None: only the certificate names the signer). No timestamper: offline."""
    cert, key = identity(common_name)
    signer = signers.SimpleSigner(
        signing_cert=cert,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs([cert]),
    )
    spec = fields.SigFieldSpec(field, on_page=spot.page - 1, box=box or spot.box_above_line())
    pdf_signer = _FixedTimeSigner(
        signers.PdfSignatureMetadata(field_name=field, name=name),
        signer=signer,
        new_field_spec=spec,
    )
    out = io.BytesIO()
    pdf_signer.sign_pdf(_incremental(path.read_bytes()), output=out)
    path.write_bytes(out.getvalue())


def digital_signed(folder: Path, *, name: str | None = PHYSICIAN) -> SignatureSpot:
    """A two-page letter digitally signed on page 2 by "Jane Roe, MD" (with /Name, or with
    `name=None` only the certificate's CN)."""
    complete_packet(folder)
    path = folder / "letter.pdf"
    spot = _unsigned_digital_letter(path)
    sign(path, spot, name=name)
    return spot


def digital_empty_field(folder: Path) -> SignatureSpot:
    """The same letter with an empty signature field over its line: nothing is signed."""
    complete_packet(folder)
    path = folder / "letter.pdf"
    spot = _unsigned_digital_letter(path)
    writer = _incremental(path.read_bytes())
    fields.append_signature_field(
        writer, fields.SigFieldSpec("Signature1", on_page=spot.page - 1, box=spot.box_above_line())
    )
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(out.getvalue())
    return spot


ALTERED_FROM = b"R-CHOP x6 cycles"
ALTERED_TO = b"R-CHOP x8 cycles"


def digital_altered(folder: Path) -> SignatureSpot:
    """The signed letter with one byte of its page-1 text changed inside the signed range
    (the regimen's cycle count), as if edited after signing; it still parses."""
    spot = digital_signed(folder)
    path = folder / "letter.pdf"
    data = path.read_bytes()
    assert data.count(ALTERED_FROM) == 1, "the uncompressed letter should hold the regimen once"
    path.write_bytes(data.replace(ALTERED_FROM, ALTERED_TO))
    return spot


def digital_altered_update(folder: Path) -> SignatureSpot:
    """The signed letter with page 1's content replaced by an incremental update after signing
    (the same text with the cycle count changed): a change no later signature explains."""
    spot = digital_signed(folder)
    path = folder / "letter.pdf"
    writer = _incremental(path.read_bytes())
    page_ref = writer.find_page_for_modification(0)[0]
    page = page_ref.get_object()
    contents = page["/Contents"]
    stream = contents[0].get_object() if isinstance(contents, generic.ArrayObject) else contents
    altered = stream.data.replace(ALTERED_FROM, ALTERED_TO)
    assert altered != stream.data, "page 1 should hold the regimen"
    page["/Contents"] = writer.add_object(generic.StreamObject(stream_data=altered))
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    path.write_bytes(out.getvalue())
    return spot


def digital_countersigned(folder: Path) -> SignatureSpot:
    """Signed by "Jane Roe, MD", then countersigned in a second field by "John Doe, MD" in an
    incremental update: a later signature, not an alteration."""
    spot = digital_signed(folder)
    x1, y1, x2, y2 = spot.box_above_line()
    beside = (x2 + 40, y1, x2 + 40 + (x2 - x1), y2)
    sign(
        folder / "letter.pdf",
        spot,
        field="Signature2",
        common_name="John Doe, MD",
        name="John Doe, MD",
        box=beside,
    )
    return spot


TSA_NAME = "Example Timestamp Authority"


def digital_timestamped(folder: Path) -> SignatureSpot:
    """Signed by "Jane Roe, MD", then a document timestamp added by a local (dummy) TSA in an
    incremental update: the timestamp is not a person's signature nor an alteration."""
    spot = digital_signed(folder)
    path = folder / "letter.pdf"
    cert, key = identity(TSA_NAME, tsa=True)
    stamper = DummyTimeStamper(tsa_cert=cert, tsa_key=key, fixed_dt=SIGNED_AT)
    out = io.BytesIO()
    signers.PdfTimeStamper(stamper).timestamp_pdf(
        _incremental(path.read_bytes()), "sha256", output=out
    )
    path.write_bytes(out.getvalue())
    return spot
