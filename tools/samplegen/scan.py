"""Scanned twins of the sample packets: the same pages as a fax server delivers them.

A twin holds the pages of a packet as pictures only, with no text layer, degraded the way
real faxes are: a 200 dpi raster (or 200x100 dpi "standard" resolution, whose pixels are
twice as tall as wide), 1-bit or 8-bit grey, each page slightly skewed, salt noise, one
page fed upside down, and a fax header line (date, sender, recipient, page counter across
the packet) across the top of every page. Twins exist to test reading packets with OCR:
a twin must give the checker the same verdicts as its text original.

Output is deterministic: every random choice is seeded with a SHA-256 of (packet name or
seed, file name, page index), and the PDF files are written here by hand (Pillow's PDF
writer stamps the current time), so two runs write the same bytes.

    scan_packet(Path("sample_packets/complete"), Path("/tmp/twin"), PROFILES["complete"], "pdf")
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
import shutil
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageDraw, ImageFont, TiffImagePlugin

from .dates import AS_OF

DPI = 200
"""Horizontal resolution of every twin, and vertical resolution in "fine" mode."""
THRESHOLD = 160
"""Grey levels below this become black in bilevel pages."""
JPEG_QUALITY = 75
"""Quality of the DCT (JPEG) images of greyscale pages in PDF twins."""
FORMATS = ("pdf", "tiff")
FAX_DATE = AS_OF - dt.timedelta(days=1)
"""The day every twin was faxed: the day before the samples' as-of date."""
RECIPIENT = "WNC PA INTAKE"

_HEADER_FONT_PX = 18
_HEADER_TOP_PX = 4  # the header fits in the top 0.15 inch (30 px at 200 dpi)
_HEADER_SIDE_IN = 0.25
_FONT_FILES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSansMono.ttf"),
)
_FILL_WHITE = 255


@dataclass(frozen=True)
class FaxProfile:
    """How a packet is degraded.

    mode: "fine" (200x200 dpi) or "standard" (200x100 dpi: half the vertical resolution).
    color: "bilevel" (1 bit per pixel) or "gray" (8 bits per pixel).
    max_skew: each page is rotated by a seeded angle in [-max_skew, +max_skew] degrees.
    speckle: share of pixels turned black at random (salt noise).
    header: draw a fax header line across the top of every page.
    upside_down: index, in walk order over the whole packet, of the one page fed upside
        down (turned 180 degrees), or None.
    """

    mode: str
    color: str
    max_skew: float = 2.0
    speckle: float = 0.0008
    header: bool = True
    upside_down: int | None = 1

    def __post_init__(self) -> None:
        if self.mode not in ("fine", "standard"):
            raise ValueError(f"mode must be 'fine' or 'standard', not {self.mode!r}")
        if self.color not in ("bilevel", "gray"):
            raise ValueError(f"color must be 'bilevel' or 'gray', not {self.color!r}")
        if not 0 <= self.max_skew <= 45:
            raise ValueError(f"max_skew must be within 0..45 degrees, not {self.max_skew}")
        if not 0 <= self.speckle < 1:
            raise ValueError(f"speckle must be within [0, 1), not {self.speckle}")
        if self.upside_down is not None and self.upside_down < 0:
            raise ValueError(f"upside_down must be a page index >= 0, not {self.upside_down}")

    @property
    def dpi(self) -> tuple[int, int]:
        """Horizontal and vertical resolution of the page images."""
        return (DPI, DPI if self.mode == "fine" else DPI // 2)


# (packet, color, index of the page fed upside down); every profile is "fine".
_PROFILE_TABLE: tuple[tuple[str, str, int], ...] = (
    ("complete", "bilevel", 1),
    ("complete-combined", "gray", 2),
    ("unsigned-letter", "bilevel", 1),
    ("unsigned-letter-drawn-line", "bilevel", 2),
    ("stale-serology", "gray", 0),
    ("no-hiv", "bilevel", 3),
    ("stale-biopsy", "bilevel", 1),
    ("no-biopsy", "bilevel", 2),
    ("psychosocial-missing-part", "bilevel", 4),
    ("psychosocial-legal-na", "bilevel", 1),
    ("no-facility-verification", "bilevel", 2),
    ("positive-serology-old", "bilevel", 0),
    ("biopsy-exactly-6-months", "bilevel", 3),
    ("serology-exactly-3-months", "bilevel", 1),
    ("uninformative-names", "bilevel", 5),
    ("myeloma-complete", "gray", 2),
    ("np-signed-letter", "bilevel", 1),
    ("signer-not-attending", "bilevel", 3),
    ("future-serology", "bilevel", 0),
    ("serology-split-reports", "gray", 2),
    ("hiv-pending", "bilevel", 1),
    ("hbsab-only", "gray", 4),
)
PROFILES: dict[str, FaxProfile] = {
    name: FaxProfile("fine", color, upside_down=index) for name, color, index in _PROFILE_TABLE
}
"""The profile of each sample packet's twin, by packet name."""

DEMO_TWINS: tuple[tuple[str, str, str], ...] = (
    ("complete", "fax-complete", "pdf"),
    ("unsigned-letter", "fax-unsigned-letter-tiff", "tiff"),
)
"""(source packet, twin folder, format) of the twins `make_samples.py --scanned` writes."""


def scan_packet(
    src: Path, dst: Path, profile: FaxProfile, fmt: str, seed: str | None = None
) -> list[Path]:
    """Write the twin of the packet folder `src` into `dst`; return the written paths, sorted.

    fmt "pdf": every PDF becomes an image-only PDF of the same name and page sizes.
    fmt "tiff": every PDF becomes a multi-page TIFF named <stem>.tif (CCITT Group 4 for
    bilevel pages, LZW for greyscale ones). Random choices are seeded with `seed`, by
    default the packet's folder name. `src` is only read; `dst` is created if need be.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    key = src.name if seed is None else seed
    files = _packet_pdfs(src)
    counts = [_page_count(path) for path in files]
    total = sum(counts)
    if profile.upside_down is not None and profile.upside_down >= total:
        raise ValueError(f"upside_down={profile.upside_down} but {src} has only {total} page(s)")
    stamp = _header_stamp(key)
    written: list[Path] = []
    first = 0  # index of the file's first page in the whole packet
    for path, count in zip(files, counts, strict=True):
        rel = path.relative_to(src)
        pages: list[tuple[Image.Image, float, float]] = []
        doc = pdfium.PdfDocument(path)
        try:
            for i in range(count):
                page = doc[i]
                try:
                    width_pt, height_pt = page.get_size()
                    number = first + i
                    header = f"{stamp}  P. {number + 1:03d}/{total:03d}" if profile.header else None
                    image = _scan_page(
                        page,
                        profile,
                        _rng(key, rel.as_posix(), i),
                        header=header,
                        turned=number == profile.upside_down,
                    )
                finally:
                    page.close()
                pages.append((image, width_pt, height_pt))
        finally:
            doc.close()
        first += count
        if fmt == "pdf":
            out = dst / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(_image_pdf([(_pdf_image(im), w, h) for im, w, h in pages]))
        else:
            out = dst / rel.with_suffix(".tif")
            out.parent.mkdir(parents=True, exist_ok=True)
            _write_tiff(out, [im for im, _, _ in pages], profile)
        written.append(out)
    dst.mkdir(parents=True, exist_ok=True)
    return sorted(written)


def scan_all(
    src_root: Path,
    dst_root: Path,
    fmt: str,
    names: Iterable[str] | None = None,
    profile: FaxProfile | None = None,
) -> list[Path]:
    """Twins of several packets, src_root/<name> -> dst_root/<name>; all written paths, sorted.

    names: the packets to scan, by default every packet in PROFILES. Each twin is made with
    PROFILES[name] unless `profile` is given, which is then used for every packet.
    """
    written: list[Path] = []
    for name in sorted(PROFILES) if names is None else names:
        chosen = profile if profile is not None else PROFILES.get(name)
        if chosen is None:
            raise KeyError(f"no fax profile for packet {name!r}; pass profile=...")
        written += scan_packet(src_root / name, dst_root / name, chosen, fmt)
    return sorted(written)


def scan_demo(root: Path) -> list[str]:
    """Write the demo twins (DEMO_TWINS) next to their sources in `root`; one line per twin.

    A twin folder that already exists is replaced. Sources are scanned with the seed of
    their own name, so the demo twins equal the twins scan_all would write for them.
    """
    lines = []
    for name, twin, fmt in DEMO_TWINS:
        dst = root / twin
        if dst.exists():
            shutil.rmtree(dst)
        paths = scan_packet(root / name, dst, PROFILES[name], fmt, seed=name)
        size = sum(p.stat().st_size for p in paths)
        lines.append(f"{twin}: {len(paths)} {fmt} file(s), {size / 1e6:.1f} MB (twin of {name})")
    return lines


# --- pages ---------------------------------------------------------------------------------


def _packet_pdfs(src: Path) -> list[Path]:
    """The PDF files of a packet folder in carcheck's walk order (names sorted per folder,
    recursively; hidden files and office lock files skipped)."""
    if not src.is_dir():
        raise NotADirectoryError(f"not a packet folder: {src}")
    found: list[Path] = []
    for entry in sorted(src.iterdir(), key=lambda p: p.name):
        if entry.name.startswith((".", "~$")):
            continue
        if entry.is_dir():
            found += _packet_pdfs(entry)
        elif entry.suffix.lower() == ".pdf":
            found.append(entry)
    return found


def _page_count(path: Path) -> int:
    doc = pdfium.PdfDocument(path)
    try:
        return len(doc)
    finally:
        doc.close()


def _rng(*parts: object) -> random.Random:
    """A random generator seeded with a stable hash of `parts` (not Python's hash())."""
    text = "\x1f".join(str(p) for p in parts)
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _header_stamp(key: str) -> str:
    """The fixed part of a packet's fax header: date, seeded time, seeded sender number."""
    rng = _rng(key, "fax header")
    hour, minute = rng.randrange(8, 17), rng.randrange(60)
    sender = f"919555{rng.randrange(100, 200):04d}"  # 555-0100..0199: fictional numbers
    return f"{FAX_DATE:%m/%d/%Y} {hour:02d}:{minute:02d}  FROM: {sender}  TO: {RECIPIENT}"


@cache
def _header_font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FONT_FILES:
        if path.is_file():
            return ImageFont.truetype(str(path), _HEADER_FONT_PX)
    return ImageFont.load_default(size=_HEADER_FONT_PX)


def _scan_page(
    page: pdfium.PdfPage,
    profile: FaxProfile,
    rng: random.Random,
    *,
    header: str | None,
    turned: bool,
) -> Image.Image:
    """Render one page and degrade it: mode "1" (bilevel) or "L" (grey) at profile.dpi.

    Order: render at 200 dpi in grey; turn 180 degrees if fed upside down; skew; draw the
    header; halve the height in standard mode; salt noise; threshold to 1 bit if bilevel.
    The header is drawn after the skew, as a fax machine stamps it onto the scanned image
    (upright, whichever way the sheet went in): a 2-degree skew lifts one end of a
    full-width line by about 30 px, which would push a skewed header off the page.
    """
    rendered: Image.Image = page.render(scale=DPI / 72, grayscale=True).to_pil()
    image = rendered.convert("L")
    if turned:
        image = image.transpose(Image.Transpose.ROTATE_180)
    angle = rng.uniform(-profile.max_skew, profile.max_skew) if profile.max_skew else 0.0
    if angle:
        image = image.rotate(
            angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=_FILL_WHITE
        )
    if header is not None:
        _draw_header(image, header)
    if profile.mode == "standard":
        height = max(1, round(image.height / 2))
        image = image.resize((image.width, height), Image.Resampling.BOX)
    _speckle(image, profile.speckle, rng)
    if profile.color == "bilevel":
        lut = [0 if v < THRESHOLD else 255 for v in range(256)]
        image = image.point(lut, "1")
    return image


def _draw_header(image: Image.Image, text: str) -> None:
    """The fax header: date, time, sender and recipient at the left, page counter at the right."""
    draw = ImageDraw.Draw(image)
    font = _header_font()
    side = round(_HEADER_SIDE_IN * DPI)
    stamp, _, counter = text.rpartition("  ")
    draw.text((side, _HEADER_TOP_PX), stamp, fill=0, font=font)
    right = image.width - side - round(draw.textlength(counter, font=font))
    draw.text((right, _HEADER_TOP_PX), counter, fill=0, font=font)


def _speckle(image: Image.Image, share: float, rng: random.Random) -> None:
    """Turn round(share * pixels) seeded pixels of a grey image black, in place."""
    size = image.width * image.height
    count = round(share * size)
    if not count:
        return
    pixels = image.load()
    assert pixels is not None
    width = image.width
    for p in rng.sample(range(size), count):
        pixels[p % width, p // width] = 0


# --- TIFF ----------------------------------------------------------------------------------


def _write_tiff(path: Path, images: list[Image.Image], profile: FaxProfile) -> None:
    """A multi-page TIFF: CCITT Group 4 for bilevel pages, LZW for grey ones.

    Bilevel pages are stored MinIsWhite, as fax TIFFs are (TIFF Class F): Pillow would write
    them MinIsBlack, with G4 runs of the wrong colour, or invert pixel by pixel in Python if
    asked for MinIsWhite; instead the pages are inverted here and the tag is set afterwards.
    """
    bilevel = profile.color == "bilevel"
    if bilevel:
        images = [ImageChops.invert(im) for im in images]
    first, *rest = images
    buf = io.BytesIO()
    first.save(
        buf,
        format="TIFF",
        save_all=True,
        append_images=rest,
        compression="group4" if bilevel else "tiff_lzw",
        dpi=profile.dpi,
    )
    data = buf.getvalue()
    path.write_bytes(_set_min_is_white(data, len(images)) if bilevel else data)


def _set_min_is_white(tiff: bytes, pages: int) -> bytes:
    """The TIFF with PhotometricInterpretation set to 0 (MinIsWhite) in every page's IFD."""
    out = bytearray(tiff)
    order = {b"II": "<", b"MM": ">"}[bytes(out[:2])]
    (ifd,) = struct.unpack_from(order + "I", out, 4)
    done = 0
    while ifd:
        (entries,) = struct.unpack_from(order + "H", out, ifd)
        for at in range(ifd + 2, ifd + 2 + 12 * entries, 12):
            tag, kind, count = struct.unpack_from(order + "HHI", out, at)
            if tag == 262 and kind == 3 and count == 1:  # SHORT, stored in the entry
                struct.pack_into(order + "H", out, at + 8, 0)
                done += 1
        (ifd,) = struct.unpack_from(order + "I", out, ifd + 2 + 12 * entries)
    if done != pages:
        raise RuntimeError(f"PhotometricInterpretation set in {done} of {pages} pages")
    return bytes(out)


# --- image-only PDF ------------------------------------------------------------------------


@dataclass(frozen=True)
class _PdfImage:
    """An image XObject's pixel size, dictionary entries (without /Length) and stream data."""

    width: int
    height: int
    entries: str
    data: bytes


def _pdf_image(image: Image.Image) -> _PdfImage:
    """Bilevel pages as CCITT Group 4 (lifted from a one-strip TIFF), grey pages as JPEG."""
    w, h = image.size
    if image.mode == "1":
        data = _g4_strip(image)
        entries = (
            "/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
            f"/DecodeParms << /K -1 /Columns {w} /Rows {h} /BlackIs1 false >>"
        )
    else:
        buf = io.BytesIO()
        image.save(buf, format="JPEG", quality=JPEG_QUALITY, optimize=False)
        data = buf.getvalue()
        entries = "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode"
    return _PdfImage(
        w, h, f"/Type /XObject /Subtype /Image /Width {w} /Height {h} " + entries, data
    )


def _g4_strip(image: Image.Image) -> bytes:
    """Raw CCITT Group 4 data of a mode "1" image: the single strip of a G4 TIFF.

    libtiff codes runs of 0 bits as white, while Pillow packs white pixels as 1 bits (and
    tags the file MinIsBlack), so the image is inverted first to make G4 white runs white.
    """
    buf = io.BytesIO()
    # Rows per strip = image height (strip_size larger than the whole image): one strip.
    ImageChops.invert(image).save(buf, format="TIFF", compression="group4", strip_size=1 << 31)
    tiff = buf.getvalue()
    with TiffImagePlugin.TiffImageFile(io.BytesIO(tiff)) as parsed:
        offsets, counts = parsed.tag_v2[273], parsed.tag_v2[279]
        fill_order = parsed.tag_v2.get(266, 1)
    if len(offsets) != 1 or fill_order != 1:
        raise RuntimeError(f"unexpected G4 TIFF layout: {len(offsets)} strips, fill {fill_order}")
    return tiff[offsets[0] : offsets[0] + counts[0]]


def _num(value: float) -> str:
    """A PDF number: integers without a decimal point, others with up to 4 decimals."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _image_pdf(pages: list[tuple[_PdfImage, float, float]]) -> bytes:
    """A PDF with one page per (image, width pt, height pt), each image covering its page.

    Written by hand, without dates or IDs, so the bytes depend on the images only.
    """
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree; filled in below
    kids = []
    for image, width, height in pages:
        n = len(objects) + 1  # page object number; contents n+1, image n+2
        kids.append(f"{n} 0 R")
        box = f"[0 0 {_num(width)} {_num(height)}]"
        objects.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox {box} /Contents {n + 1} 0 R "
                f"/Resources << /XObject << /Im0 {n + 2} 0 R >> >> >>"
            ).encode()
        )
        content = f"q {_num(width)} 0 0 {_num(height)} 0 0 cm /Im0 Do Q".encode()
        objects.append(_stream(b"", content))
        objects.append(_stream(image.entries.encode(), image.data))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    objects.append(b"<< /Producer (carcheck samplegen scan) >>")
    info = len(objects)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _stream(entries: bytes, data: bytes) -> bytes:
    head = b"<< " + (entries + b" " if entries else b"") + f"/Length {len(data)} >>".encode()
    return head + b"\nstream\n" + data + b"\nendstream"
