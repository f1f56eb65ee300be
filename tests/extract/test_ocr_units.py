"""The OCR stage's parts that need no Tesseract: TSV parsing, skew, pictures, rules, ink."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from carcheck.extract import ink
from carcheck.extract.images import frame_image, image_frames
from carcheck.extract.ocr import OcrWord, mean_confidence, parse_tsv
from carcheck.extract.pages import needs_ocr
from carcheck.extract.scanned import _page_words, _skew, clean
from carcheck.ingest import FileType, SourceFile
from carcheck.model import Box, Geometry, Page, TextLine, Word

TSV = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    "1\t1\t0\t0\t0\t0\t0\t0\t1700\t2200\t-1\t\n"
    "4\t1\t1\t1\t1\t0\t100\t200\t400\t30\t-1\t\n"
    "5\t1\t1\t1\t1\t1\t100\t200\t120\t30\t96.5\tCollected:\n"
    "5\t1\t1\t1\t1\t2\t240\t201\t160\t30\t88\t09/20/2026\n"
    "5\t1\t1\t1\t1\t3\t420\t201\t10\t30\t12\t \n"
    "5\t1\t2\t1\t1\t1\t900\t202\t80\t28\t-1\tstray\n"
)


def test_tsv_rows_become_words_with_boxes_confidence_and_line():
    words = parse_tsv(TSV)
    assert [w.text for w in words] == ["Collected:", "09/20/2026", "stray"]
    first = words[0]
    assert (first.left, first.top, first.width, first.height) == (100, 200, 120, 30)
    assert first.confidence == 96.5 and first.line == (1, 1, 1)
    assert words[2].confidence == 0.0  # Tesseract's -1 is no confidence, not a negative one
    assert words[2].line == (2, 1, 1)


def test_confidence_counts_characters_of_readable_words_only():
    words = [
        OcrWord("Hepatitis", 0, 0, 90, 20, 90.0, (1, 1, 1)),
        OcrWord("B", 100, 0, 10, 20, 40.0, (1, 1, 1)),
        OcrWord("—", 120, 0, 10, 20, 0.0, (1, 1, 1)),  # no letter: not counted
    ]
    assert mean_confidence(words) == pytest.approx((90 * 9 + 40 * 1) / 10)
    assert mean_confidence([]) == 0.0


def _line_of_words(y0: float, angle_deg: float, line: int) -> list[OcrWord]:
    slope = math.tan(math.radians(angle_deg))
    return [
        OcrWord(f"w{i}", 100 + 150 * i, round(y0 + slope * (150 * i)), 120, 30, 90.0, (1, line, 1))
        for i in range(8)
    ]


@pytest.mark.parametrize("angle", [-2.0, -1.0, 1.5, 2.0])
def test_skew_is_measured_from_the_lines_and_taken_out(angle):
    words = tuple(w for n in range(5) for w in _line_of_words(300 + 120 * n, angle, n))
    assert math.degrees(_skew(words)) == pytest.approx(angle, abs=0.15)
    placed = _page_words(words, _skew(words), 1700, 2200)
    # Every printed line comes out on one text line, in page points.
    tops_by_line: dict[str, set[float]] = {}
    for word, source in zip(placed, words, strict=True):
        tops_by_line.setdefault(str(source.line), set()).add(round(word.top, 1))
    assert all(max(t) - min(t) < 1.0 for t in tops_by_line.values())


def test_a_straight_page_is_not_turned():
    words = tuple(w for n in range(5) for w in _line_of_words(300 + 120 * n, 0.0, n))
    assert _skew(words) == 0.0


def _picture(draw_rule: bool, scribble: bool) -> Image.Image:
    picture = Image.new("L", (1700, 400), 255)
    draw = ImageDraw.Draw(picture)
    if draw_rule:
        draw.rectangle((200, 300, 900, 302), fill=0)  # a 700-px signature line, 3 px thick
    if scribble:
        points = [(220 + 12 * i, 260 + (25 if i % 2 else -25)) for i in range(40)]
        draw.line(points, fill=0, width=4)
    return picture


def test_rules_are_found_in_pixels_one_box_per_thick_line():
    mask = ink.dark_mask(_picture(draw_rule=True, scribble=False))
    rules = ink.rules(mask, min_length_px=110)
    assert len(rules) == 1
    rule = rules[0]
    assert rule.x0 <= 204 and rule.x1 >= 896 and 299 <= rule.top <= 301 and rule.bottom <= 304


def test_handwriting_above_a_line_is_ink_and_the_line_alone_is_not():
    zone = Box(180, 200, 920, 310)
    blank = ink.dark_mask(_picture(draw_rule=True, scribble=False))
    assert ink.ink(blank, zone, [], ink.rules(blank, 110)) is None
    signed = ink.dark_mask(_picture(draw_rule=True, scribble=True))
    found = ink.ink(signed, zone, [], ink.rules(signed, 110))
    assert found is not None and found.top < 260 < found.bottom


def test_printed_words_in_the_zone_are_not_ink():
    picture = _picture(draw_rule=True, scribble=True)
    mask = ink.dark_mask(picture)
    zone = Box(180, 200, 920, 310)
    # The same marks, declared printed text (as confident OCR words would be): nothing left.
    assert ink.ink(mask, zone, [Box(200, 220, 720, 295)], ink.rules(mask, 110)) is None


def _image_file(tmp_path: Path, name: str, **save: object) -> SourceFile:
    path = tmp_path / name
    frames = [Image.new("1", (1728, 1078), 1) for _ in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:], **save)
    kind = FileType.TIFF if name.endswith(".tif") else FileType.PNG
    return SourceFile(path, name, kind, path.stat().st_size)


def test_standard_mode_fax_pixels_are_made_square(tmp_path):
    """A 204 x 98 dpi fax: page size from both resolutions; the picture gets square pixels."""
    source = _image_file(tmp_path, "fax.tif", compression="group4", dpi=(204, 98))
    sizes = image_frames(source)
    assert len(sizes) == 3
    width, height = sizes[0]
    assert width == pytest.approx(1728 / 204 * 72) and height == pytest.approx(1078 / 98 * 72)
    picture = frame_image(source, 2)
    assert picture.dpi == 204
    assert picture.image.size == (1728, round(1078 * 204 / 98))
    assert picture.image.mode == "L"


def test_an_image_without_resolution_is_taken_as_a_letter_wide_page(tmp_path):
    path = tmp_path / "photo.png"
    Image.new("RGB", (2550, 3300), "white").save(path)
    source = SourceFile(path, "photo.png", FileType.PNG, path.stat().st_size)
    assert image_frames(source)[0][0] == pytest.approx(8.5 * 72)
    assert frame_image(source, 0).dpi == 300


def _page(lines: list[str], image: bool) -> Page:
    text_lines = tuple(
        TextLine((Word(t, 72, 100 + 14 * i, 72 + 6 * len(t), 110 + 14 * i, 10),))
        for i, t in enumerate(lines)
    )
    images = (Box(0, 0, 612, 792),) if image else ()
    return Page(1, 612, 792, text_lines, Geometry(images=images))


def test_a_scan_with_a_text_layer_only_in_its_margin_needs_ocr():
    page = _page([], image=True)
    header = TextLine((Word("10/14/2026 09:12 FROM: 9195550100 P. 003/012", 20, 8, 500, 16, 8),))
    assert needs_ocr(Page(1, 612, 792, (header,), page.geometry))


def test_a_text_page_does_not_need_ocr_and_an_unmapped_font_does():
    assert not needs_ocr(_page(["Hepatitis B surface antigen: nonreactive"], image=True))
    # A font without a Unicode map gives characters that are not letters: unusable.
    assert needs_ocr(_page(["\ue001\ue002\ue003\ue004\ue005" * 6], image=False))
    # Signature blanks and rules are punctuation, not an unusable layer.
    assert not needs_ocr(_page(["_" * 40, "-" * 30], image=False))


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Bone.Marrow", "Bone Marrow"),
        ("www.piedmonthighlands.example", "www.piedmonthighlands.example"),
        ("e.g.", "e.g."),
        ("St.Mary", "St.Mary"),
        ("3.5", "3.5"),
        ("signéd", "signed"),
        ("Pagé", "Page"),
        ("4s/", "/s/"),
        ("Is/", "/s/"),
        ("is", "is"),
        ("R..", "R."),
        ("...", "..."),
    ],
)
def test_common_ocr_misreadings_are_undone(read, meant):
    assert clean(read) == meant
