"""Generators of bad packet files for the robustness tests: damaged, hostile or odd inputs.

Everything here writes bytes only; the tests decide what carcheck must make of them.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from tests.pdfs import SEROLOGY, Line, build_pdf, make_pdf

# Page text that must never reach a message, a log line or a report's error entry.
SECRET = "PATIENT-SECRET-TEXT"

HTML_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Document not found</title></head>\n"
    b"<body><h1>404</h1><p>The fax server could not find this document.</p></body></html>\n"
)


def pdf_bytes(pages: list[list[Line]], *, compress: bool = True) -> bytes:
    """`pages` as PDF bytes (the layout of `tests.pdfs.make_pdf`); uncompressed on request."""
    pdf = build_pdf(pages)
    pdf.compress = compress
    return bytes(pdf.output())


def encrypted_pdf(path: Path, *, owner: str, user: str = "") -> Path:
    """A serology report encrypted with fpdf2 (RC4); `user=""` means owner password only."""
    pdf = build_pdf([SEROLOGY])
    pdf.set_encryption(owner_password=owner, user_password=user)
    path.write_bytes(bytes(pdf.output()))
    return path


def two_page_pdf(path: Path) -> Path:
    return make_pdf(path, [SEROLOGY, SEROLOGY])


def cut_points(data: bytes) -> dict[str, int]:
    """About fifteen places to truncate a PDF, by name: from 1 byte to just before %%EOF."""
    size = len(data)
    header_end = data.index(b"\n") + 1
    second_line_end = data.index(b"\n", header_end) + 1
    first_stream = data.index(b"stream", second_line_end) + len(b"stream\n")
    points = {
        "1-byte": 1,
        "4-bytes": 4,
        "header-only": header_end,
        "after-binary-comment": second_line_end,
        "inside-first-stream": first_stream + 5,
        "tenth": size // 10,
        "quarter": size // 4,
        "third": size // 3,
        "middle": size // 2,
        "two-thirds": 2 * size // 3,
        "three-quarters": 3 * size // 4,
        "at-xref": data.rindex(b"xref"),
        "before-trailer": data.rindex(b"trailer"),
        "before-startxref": data.rindex(b"startxref"),
        "before-eof": data.rindex(b"%%EOF"),
        "last-byte-missing": size - 1,
    }
    return {name: cut for name, cut in points.items() if 0 < cut < size}


def flip(data: bytes, changes: list[tuple[int, int]]) -> bytes:
    """`data` with the byte at each position (taken modulo the length) XOR-ed with a mask."""
    out = bytearray(data)
    for position, mask in changes:
        out[position % len(out)] ^= mask or 0xFF
    return bytes(out)


def assemble(objects: list[bytes]) -> bytes:
    """A hand-written PDF from object bodies (object i+1 is objects[i]), with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< %s /Length %d >>\nstream\n" % (extra, len(data)) + data + b"\nendstream"


def huge_image_pdf(width: int = 40_000, height: int = 40_000) -> bytes:
    """One letter-size page drawing a 1-bit image that declares `width` x `height` pixels.

    The stream holds a few hundred compressed bytes: what matters is the declared size
    (a decompression bomb declares billions of pixels and holds almost nothing).
    """
    image = zlib.compress(b"\0" * 65_536, 9)
    content = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
    return assemble(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(content),
            _stream(
                image,
                b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                b"/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode"
                % (width, height),
            ),
        ]
    )


def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (/Count 0)."""
    return assemble([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def secret_pdfs() -> dict[str, bytes]:
    """Damaged PDFs whose page text (uncompressed, so the raw bytes hold it) is `SECRET`.

    Each is damaged a different way, so that a reader's complaint could quote the text
    next to the damage.
    """
    lines: list[Line] = [(16, "Progress note"), (10, f"Diagnosis: {SECRET} lymphoma")]
    plain = pdf_bytes([lines], compress=False)
    at = plain.index(SECRET.encode())
    return {
        "secret-cut-in-text.pdf": plain[: at + 8],
        "secret-cut-after-text.pdf": plain[: at + len(SECRET) + 40],
        "secret-no-xref.pdf": plain[: plain.rindex(b"xref")],
        "secret-bad-syntax.pdf": plain[:at] + b")) >> ]] /" + plain[at:],
        "secret-in-dictionary.pdf": assemble(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/%s (%s) ] >>" % (SECRET.encode(), SECRET.encode()),
                _stream(b"BT /F1 12 Tf 72 700 Td (" + SECRET.encode() + b") Tj ET ) ] >>"),
            ]
        ),
    }


def bytes_name(folder: Path, name: bytes) -> bytes:
    """The path of `name` (bytes, possibly not UTF-8) inside `folder`."""
    return os.fsencode(folder) + b"/" + name


def write_raw(folder: Path, name: bytes, data: bytes) -> None:
    """Write `data` to a file whose name is raw bytes (e.g. invalid UTF-8)."""
    fd = os.open(bytes_name(folder, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
