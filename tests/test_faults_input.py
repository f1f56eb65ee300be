"""Input faults: bad values, hostile config files, --output by another name, file types
that only look like PDFs, files that vanish, folders nested deep.

Each is a usage error (exit 2, one clear line) or a plain entry in `errors`; never an
"internal error", a traceback, a hang or a packet file overwritten.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from carcheck import ingest
from carcheck.cli import parse_as_of
from carcheck.engine import Settings, check_packet
from carcheck.errors import UsageError
from carcheck.ingest import DISAPPEARED, FileType, sniff
from carcheck.limits import DEFAULT_LIMITS, MAXIMA, with_overrides
from carcheck.policy import PolicyError, load
from tests.pdfs import AS_OF, SEROLOGY, complete_packet, make_pdf

JSON = ["--format", "json", "--as-of", AS_OF]


def one_line(stderr: str) -> str:
    lines = stderr.strip("\n").splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
    assert "internal error" not in lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def packet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return complete_packet(tmp_path_factory.mktemp("faults-input") / "packet")


# --- bad values on the command line --------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--limit", "memory_mb=18446744073709"], "memory_mb may be at most"),
        (["--limit", "seconds=99999999999999"], "seconds may be at most"),
        (["--as-of", "0001-01-01"], "1900-01-01 or later"),
    ],
)
def test_bad_value_exits_2_with_one_line(run_cli, packet, args, says):
    result = run_cli(["check", packet, "--format", "json", *args])
    assert (result.code, result.stdout) == (2, "")
    assert says in one_line(result.stderr)


@pytest.mark.parametrize("name", sorted(MAXIMA))
def test_every_limit_has_a_maximum(name):
    with pytest.raises(UsageError, match="at most"):
        with_overrides(DEFAULT_LIMITS, [f"{name}={MAXIMA[name] + 1}"])
    assert getattr(with_overrides(DEFAULT_LIMITS, [f"{name}={MAXIMA[name]}"]), name) == MAXIMA[name]


def test_as_of_range():
    with pytest.raises(UsageError, match="1900-01-01"):
        parse_as_of("1899-12-31")
    assert parse_as_of("1900-01-01") == dt.date(1900, 1, 1)
    assert parse_as_of("9999-12-31") == dt.date(9999, 12, 31)


# --- config files ---------------------------------------------------------------------------

CENTER = '[[center]]\nname = "Mission Hospital"\n'
PRODUCT = '[[product]]\nbrand = "Newcel"\ngeneric = "novacabtagene"\n'

BAD_CONFIGS = {
    "limits-a-number": ("limits = 5\n", "limits must be a table"),
    "limits-a-list": ("limits = [3]\n", "limits must be a table"),
    "center-of-numbers": ("center = [1, 2]\n", "center must be an array of tables"),
    "center-a-string": ('center = "Mission"\n', "center must be an array of tables"),
    "center-a-table": ('[center]\nname = "Mission"\n', "center must be an array of tables"),
    "product-of-strings": ('product = ["Newcel"]\n', "product must be an array of tables"),
    "months-a-bool": ("[limits]\nserology_months = true\n", "serology_months must be a whole"),
    "months-a-float": ("[limits]\nbiopsy_months = 6.0\n", "biopsy_months must be a whole"),
    "months-a-string": ('[limits]\nbiopsy_months = "6"\n', "biopsy_months must be a whole"),
    "aliases-a-string": (CENTER + 'aliases = "Asheville"\n', "aliases must be an array"),
    "aliases-of-numbers": (CENTER + "aliases = [1]\n", "aliases must be an array"),
    "aliases-blank": (CENTER + 'aliases = [""]\n', "aliases must be an array"),
    "city-a-number": (CENTER + "city = 5\n", "city must be a string"),
    "name-a-number": ("[[center]]\nname = 5\n", "'name' is required"),
    "abbreviations-a-string": (
        PRODUCT + 'abbreviations = "nc"\nindications = [{disease = "LBCL"}]\n',
        "abbreviations must be an array",
    ),
    "indications-a-string": (PRODUCT + 'indications = "LBCL"\n', "indications must be an array"),
    "min-age-a-bool": (
        PRODUCT + 'indications = [{disease = "LBCL", min_age = true}]\n',
        "min_age must be an age",
    ),
    "hcpcs-a-number": (PRODUCT + 'hcpcs = 2041\nindications = [{disease = "LBCL"}]\n', "hcpcs"),
    "verified-a-string": (
        PRODUCT + 'hcpcs_verified = "yes"\nindications = [{disease = "LBCL"}]\n',
        "hcpcs_verified must be true or false",
    ),
    "approved-a-datetime": (
        PRODUCT + 'approved = 2024-01-01T10:00:00\nindications = [{disease = "LBCL"}]\n',
        "TOML dates",
    ),
    "not-utf8": ("name = '\udcff'\n", "not UTF-8"),
}


@pytest.mark.parametrize("name", sorted(BAD_CONFIGS))
def test_config_of_the_wrong_type_is_a_clear_error(tmp_path, name):
    text, says = BAD_CONFIGS[name]
    config = tmp_path / "carcheck.toml"
    config.write_bytes(text.encode("utf-8", "surrogateescape"))
    with pytest.raises(PolicyError) as caught:
        load(config)
    assert says in caught.value.message


def test_a_good_config_still_loads(tmp_path):
    config = tmp_path / "carcheck.toml"
    config.write_text(
        CENTER + 'aliases = ["Mission Health"]\ncity = "Asheville, NC"\n'
        "[limits]\nserology_months = 2\n"
    )
    knowledge = load(config)
    assert knowledge.serology_months == 2
    assert knowledge.centers[-1].aliases == ("Mission Health",)


@pytest.mark.parametrize(
    "text",
    ["limits = 5\n", "center = [1, 2]\n", "[limits]\nserology_months = true\n",
     CENTER + 'aliases = "Asheville"\n'],
)  # fmt: skip
def test_config_of_the_wrong_type_exits_2(run_cli, packet, tmp_path, text):
    config = tmp_path / "carcheck.toml"
    config.write_text(text)
    result = run_cli(["check", packet, *JSON, "--config", config])
    assert (result.code, result.stdout) == (2, "")
    assert str(config) in one_line(result.stderr)


def test_a_fifo_as_config_is_refused_without_waiting(run_cli, packet, tmp_path):
    fifo = tmp_path / "config.fifo"
    os.mkfifo(fifo)
    result = run_cli(["check", packet, *JSON, "--config", fifo], timeout=60)
    assert result.code == 2
    assert "not a regular file" in one_line(result.stderr)


def test_dev_zero_as_config_is_refused(run_cli, packet):
    result = run_cli(["check", packet, *JSON, "--config", "/dev/zero"], timeout=60)
    assert result.code == 2
    assert "not a regular file" in one_line(result.stderr)


def test_a_huge_config_is_refused_after_a_bounded_read(tmp_path):
    config = tmp_path / "carcheck.toml"
    config.write_bytes(b"# " + b"x" * 2_000_000 + b"\n")
    with pytest.raises(PolicyError, match="too large"):
        load(config)


# --- --output by another name ----------------------------------------------------------------


def test_output_as_a_hard_link_to_a_packet_file_is_refused(run_cli, tmp_path):
    packet = complete_packet(tmp_path / "packet")
    letter = packet / "letter.pdf"
    before = letter.read_bytes()
    link = tmp_path / "report.json"
    os.link(letter, link)
    result = run_cli(["check", packet, *JSON, "--output", link])
    assert (result.code, result.stdout) == (2, "")
    assert "--output" in one_line(result.stderr)
    assert letter.read_bytes() == before


def test_output_as_a_hard_link_to_a_single_file_packet_is_refused(run_cli, tmp_path):
    letter = make_pdf(tmp_path / "in" / "serology.pdf", [SEROLOGY])
    before = letter.read_bytes()
    link = tmp_path / "report.json"
    os.link(letter, link)
    result = run_cli(["check", letter, *JSON, "--output", link])
    assert result.code == 2
    assert letter.read_bytes() == before


def test_output_beside_a_packet_is_still_written(run_cli, tmp_path, schema):
    packet = complete_packet(tmp_path / "packet")
    target = tmp_path / "report.json"
    target.write_text("old report\n")
    result = run_cli(["check", packet, *JSON, "--output", target])
    assert (result.code, result.stderr) == (0, "")
    schema.validate(json.loads(target.read_text(encoding="utf-8")))


# --- type sniffing --------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data).to_bytes(4, "big")
    return len(data).to_bytes(4, "big") + kind + data + crc


def png_saying_pdf() -> bytes:
    """A real 1x1 PNG whose text chunk (metadata) holds "%PDF-"."""
    header = (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"tEXt", b"Comment\x00%PDF-1.7 exported")
        + _chunk(b"IDAT", zlib.compress(b"\x00\xff"))
        + _chunk(b"IEND", b"")
    )


def docx_saying_pdf() -> bytes:
    """A zip (as a .docx is) whose first entry's name holds "%PDF-"."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("%PDF-export/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n", FileType.PDF),
        (b"junk from a fax server\r\n%PDF-1.4\n", FileType.PDF),
        (png_saying_pdf(), FileType.PNG),
        (docx_saying_pdf(), None),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 %PDF-1.4", None),
        (b"{\\rtf1 %PDF-1.4", None),
        (b"BM is how this text starts %PDF-1.4", FileType.PDF),
        (b"x" * 1100 + b"%PDF-1.4", None),
    ],
)
def test_sniff_by_leading_magic_first(head, kind):
    assert sniff(head[: ingest.SNIFF_BYTES]) == kind


def test_png_and_docx_naming_pdf_are_not_damaged_pdfs(run_cli, tmp_path):
    folder = tmp_path / "packet"
    folder.mkdir()
    (folder / "scan.png").write_bytes(png_saying_pdf())
    (folder / "letter.docx").write_bytes(docx_saying_pdf())
    result = run_cli(["check", folder, *JSON, "--ocr", "never"])
    assert result.code == 1, result.stderr
    errors = {e["file"]: e["message"] for e in json.loads(result.stdout)["packets"][0]["errors"]}
    assert set(errors) == {"scan.png", "letter.docx"}
    assert "PDF" not in errors["scan.png"] and "scanned" in errors["scan.png"]
    assert errors["letter.docx"].startswith("unsupported file type")
    assert "damaged" not in errors["letter.docx"]


# --- files that vanish, deep folders, Pillow's warnings -----------------------------------------


@pytest.mark.parametrize("name", ["serology.pdf", "scan.tiff"])
def test_a_file_deleted_mid_run_disappeared(tmp_path, monkeypatch, name):
    folder = tmp_path / "packet"
    make_pdf(folder / "other.pdf", [SEROLOGY])
    target = folder / name
    if name.endswith(".pdf"):
        make_pdf(target, [SEROLOGY])
    else:
        Image.new("L", (200, 260), 255).save(target, dpi=(100, 100))
    walk = ingest.collect

    def walk_then_delete(*args, **kwargs):
        found = walk(*args, **kwargs)
        target.unlink()  # after the walk saw it, before a worker reads it
        return found

    monkeypatch.setattr(ingest, "collect", walk_then_delete)
    report = check_packet(folder, Settings(as_of=dt.date.fromisoformat(AS_OF)))
    assert {e.file: e.message for e in report.errors} == {name: DISAPPEARED}
    assert [d.file for d in report.documents] == ["other.pdf"]


@pytest.fixture
def nested(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """`nested(depth)`: tmp/deep/d/d/.../d, made and (after the test) removed one level at a
    time: pathlib's mkdir(parents=True) and shutil.rmtree are themselves recursive."""
    made: list[Path] = []

    def make(depth: int) -> Path:
        here = tmp_path / "deep"
        here.mkdir()
        made.append(here)
        for _ in range(depth):
            here = here / "d"
            os.mkdir(here)
            made.append(here)
        return here

    yield make
    for folder in reversed(made):
        for name in os.listdir(folder):
            if name != "d":
                os.unlink(folder / name)
        os.rmdir(folder)


def test_folders_nested_990_deep_are_walked(run_cli, nested, tmp_path):
    make_pdf(nested(990) / "serology.pdf", [SEROLOGY])
    result = run_cli(["check", tmp_path / "deep", *JSON])
    assert result.code == 1, result.stderr
    packet = json.loads(result.stdout)["packets"][0]
    assert packet["errors"] == []
    assert [d["file"] for d in packet["documents"]] == ["d/" * 990 + "serology.pdf"]


def test_the_walk_itself_is_not_recursive(nested, tmp_path):
    make_pdf(nested(1200) / "x.pdf", [SEROLOGY])
    files, errors = ingest.collect(tmp_path / "deep")
    assert [f.rel for f in files] == ["d/" * 1200 + "x.pdf"] and errors == []


def test_pillows_decompression_bomb_warning_stays_off_stderr(run_cli, tmp_path):
    folder = tmp_path / "packet"
    folder.mkdir()
    # 90.25 megapixels: past Pillow's warning (89.5), under its error and carcheck's limit.
    Image.new("1", (9500, 9500), 1).save(folder / "big.png")
    result = run_cli(["check", folder, *JSON, "--ocr", "never"])
    assert result.code == 1
    assert result.stderr == ""
