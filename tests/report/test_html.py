"""--format html: the report in headless Chromium equals the JSON, draws the pages, loads
nothing, escapes every packet text and prints each checklist on one page."""

from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image

from carcheck.extract.ocr import find_engine
from carcheck.report import html
from carcheck.report.html_pictures import THUMB_DPI, VIEW_DPI
from carcheck.report.html_style import BOXES, PAIRS
from tests.badinputs import encrypted_pdf
from tests.pdfs import AS_OF, LETTER, complete_packet, make_pdf
from tests.report import html_browser
from tests.report.html_browser import Node, parse

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_packets"
HOSTILE_NAME = "<script>alert(1)</script>.pdf"
HOSTILE_TEXT = '<img src=x onerror=alert(2)> <a href="http://example.com/">click</a>'
DATA_IMAGE = re.compile(r"^data:image/jpeg;base64,[A-Za-z0-9+/=]+$")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, run_cli) -> dict[str, Any]:
    """One run of three packets (complete, unsigned letter, hostile names and broken files)
    as HTML and as JSON."""
    root = tmp_path_factory.mktemp("html")
    hostile = complete_packet(root / "hostile")
    (hostile / "letter.pdf").unlink()
    make_pdf(hostile / HOSTILE_NAME, [[*LETTER[:4], (10, HOSTILE_TEXT), *LETTER[4:]]])
    (hostile / "broken.pdf").write_text("<html>not a pdf</html>", encoding="utf-8")
    encrypted_pdf(hostile / "encrypted.pdf", owner="owner", user="secret")
    packets = [SAMPLES / "complete", SAMPLES / "unsigned-letter", hostile]
    out = root / "out"
    out.mkdir()
    for fmt in ("html", "json"):
        result = run_cli(
            ["check", *packets, "--as-of", AS_OF, "--format", fmt, "-o", out / f"r.{fmt}"]
        )
        assert result.code == 1, result.stderr
        assert result.stderr == "" or "Traceback" not in result.stderr
    return {
        "html": out / "r.html",
        "text": (out / "r.html").read_text(encoding="utf-8"),
        "json": json.loads((out / "r.json").read_text(encoding="utf-8")),
        "root": root,
    }


@pytest.fixture(scope="module")
def browser() -> str:
    return html_browser.chromium()


@pytest.fixture(scope="module")
def dom(made: dict[str, Any], browser: str) -> Node:
    """The report's DOM as Chromium built it."""
    dumped = html_browser.run(browser, made["html"].as_uri(), "--dump-dom")
    return parse(dumped.decode("utf-8"))


def _sections(dom: Node) -> list[Node]:
    return dom.find_all(lambda n: n.tag == "section" and "packet" in n.classes())


def _cells(row: Node) -> list[Node]:
    return [c for c in row.children if isinstance(c, Node) and c.tag in ("th", "td")]


# --- what the page says equals the JSON ----------------------------------------------


def test_statuses_dates_and_signers_in_the_browser_equal_the_json(dom, made):
    records = made["json"]
    sections = _sections(dom)
    assert len(sections) == len(records["packets"]) == 3
    (summary,) = dom.find_all(lambda n: n.attrs.get("id") == "summary")
    complete = sum(p["complete"] for p in records["packets"])
    assert summary.text() == f"{complete} of 3 packets complete"
    for section, packet in zip(sections, records["packets"], strict=True):
        (verdict,) = section.find_all(lambda n: "verdict" in n.classes() and n.tag == "p")
        assert verdict.attrs["data-complete"] == str(packet["complete"]).lower()
        assert ("NOT COMPLETE" in verdict.text()) is not packet["complete"]
        rows = section.find_all(lambda n: n.tag == "tr" and "data-item" in n.attrs)
        assert [r.attrs["data-item"] for r in rows] == [i["id"] for i in packet["items"]]
        for row, item in zip(rows, packet["items"], strict=True):
            _, status, date, evidence, _ = _cells(row)
            (word,) = status.find_all(lambda n: "status" in n.classes())
            assert word.attrs["data-status"] == item["status"]
            assert word.text() == item["status"].replace("_", " ")
            assert date.text() == (item["date"] or "-")
            for doc in item["documents"][:3]:
                assert doc["file"] in evidence.text()
                for signer in doc.get("signers", []):
                    assert f"{signer['signer']} ({signer['kind']})" in evidence.text()


def test_every_item_s_evidence_is_boxed_on_its_page(dom, made):
    complete = _sections(dom)[0]
    packet = made["json"]["packets"][0]
    assert packet["complete"]
    labels: dict[str, list[str]] = {}
    for item in packet["items"]:
        (block,) = complete.find_all(
            lambda n, i=item: n.attrs.get("id") == f"packet-1-item-{i['id']}"
        )
        figures = block.find_all(lambda n: n.tag == "figure")
        assert figures, item["id"]
        labels[item["id"]] = [
            b.text() for f in figures for b in f.find_all(lambda n: "tag" in n.classes())
        ]
        if item["date"]:
            assert any(item["date"] in label and "date" in label for label in labels[item["id"]])
    (letter,) = packet["items"][0]["documents"]
    (signer,) = letter["signers"]
    assert f"signature ({signer['kind']}): {signer['signer']}" in labels["A"]
    for virus in ("HIV", "hepatitis B", "hepatitis C"):
        assert any(label.startswith(f"{virus}: negative") for label in labels["C"]), virus
    for part in ("F1", "F2", "F3", "F4 mental", "F4 substance", "F4 legal"):
        assert any(label.startswith(part) for label in labels["F"]), part
    assert "bone marrow biopsy" in labels["D"]


def test_an_unsigned_letter_shows_its_empty_signature_place(dom, made):
    unsigned = _sections(dom)[1]
    assert made["json"]["packets"][1]["items"][0]["status"] == "incomplete"
    (block,) = unsigned.find_all(lambda n: n.attrs.get("id") == "packet-2-item-A")
    tags = [b.text() for b in block.find_all(lambda n: "tag" in n.classes())]
    assert "signature place: no signature found" in tags
    assert not any(t.startswith("signature (") for t in tags)


def test_the_page_map_shows_every_page_and_what_it_was_judged(dom, made):
    for n, (section, packet) in enumerate(
        zip(_sections(dom), made["json"]["packets"], strict=True), 1
    ):
        strip = [
            li
            for li in section.find_all(lambda x: x.tag == "li")
            if li.find_all(lambda x: "pno" in x.classes())
        ]
        pages = {(d["file"], p) for d in packet["documents"] for p in d["pages"]}
        assert len(strip) == len(pages), n
        for doc in packet["documents"]:
            judged = (
                f"{doc['item']}: {doc['title']}"
                if doc["item"]
                else f"{doc['title'] or 'document'} (no item)"
            )
            assert any(judged in li.text() for li in strip), judged
        for error in packet["errors"]:
            assert any(
                error["file"] in n2.text() and "Not read" in n2.text()
                for n2 in section.find_all(lambda x: "file-map" in x.classes())
            )


def test_unreadable_and_encrypted_files_are_listed(dom, made):
    hostile = made["json"]["packets"][2]
    assert {e["file"] for e in hostile["errors"]} == {"broken.pdf", "encrypted.pdf"}
    (errors,) = _sections(dom)[2].find_all(lambda n: "errors" in n.classes())
    for error in hostile["errors"]:
        assert f"{error['file']}: {error['message']}" in errors.text()


# --- safe: escaped, and nothing loads -------------------------------------------------


def test_a_hostile_file_name_and_page_text_are_text(dom, made):
    text = made["text"]
    assert "<script" not in text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.pdf" in text
    assert HOSTILE_TEXT not in text
    assert not dom.find_all(lambda n: n.tag in ("script", "iframe", "object", "embed", "form"))
    assert not dom.find_all(lambda n: any(a.lower().startswith("on") for a in n.attrs))
    hostile = _sections(dom)[2]
    assert HOSTILE_NAME in hostile.text()
    assert made["json"]["packets"][2]["items"][0]["status"] == "present"


def test_every_link_and_picture_stays_in_the_file(dom, made, browser):
    assert "url(" not in made["text"]
    pictures = 0
    for node in dom.walk():
        for name, value in node.attrs.items():
            if name in ("src", "srcset", "poster", "data", "action", "formaction", "background"):
                assert value is not None and DATA_IMAGE.match(value), (node.tag, name)
                pictures += 1
            if name == "href":
                assert value is not None and value.startswith("#"), value
        assert node.tag not in ("link", "base")
    assert pictures > 20
    netlog = made["root"] / "net.json"
    html_browser.run(browser, made["html"].as_uri(), f"--log-net-log={netlog}", "--dump-dom")
    assert [u for u in html_browser.page_requests(netlog) if u != made["html"].as_uri()] == []


def test_the_request_check_sees_a_page_that_loads_from_outside(tmp_path, browser):
    page = tmp_path / "control.html"
    page.write_text('<img src="http://example.com/x.png">', encoding="utf-8")
    netlog = tmp_path / "net.json"
    html_browser.run(browser, page.as_uri(), f"--log-net-log={netlog}", "--dump-dom")
    assert "http://example.com/x.png" in html_browser.page_requests(netlog)


def test_every_packet_text_is_escaped(made):
    payload = '<b onclick="x">\'&amp;</b>'

    def poison(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: v if k in ("status", "id", "pages", "page") else poison(v)
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [poison(v) for v in value]
        return payload if isinstance(value, str) else value

    records = poison(made["json"])
    rendered = html.render(records)
    tags = {n.tag for n in parse(rendered).walk()}
    assert "b" not in tags
    assert payload not in rendered
    assert html_escape_count(rendered) > 50


def html_escape_count(text: str) -> int:
    return text.count("&lt;b onclick=&quot;x&quot;&gt;&#x27;&amp;amp;&lt;/b&gt;")


# --- drawn, decoded, bounded ------------------------------------------------------------


def _screenshot(browser: str, url: str, path: Path, size: str = "1280,1400") -> Image.Image:
    html_browser.run(browser, url, f"--screenshot={path}", f"--window-size={size}")
    return Image.open(path).convert("RGB")


def test_the_report_is_drawn(made, browser, tmp_path):
    shot = _screenshot(browser, made["html"].as_uri(), tmp_path / "top.png")
    colours = shot.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 100  # text, badges and pictures, not a blank page
    dark = sum(count for count, rgb in colours if sum(rgb) < 200)
    assert dark > 0.005 * shot.width * shot.height
    ok = tuple(int(PAIRS["ok"][1][i : i + 2], 16) for i in (1, 3, 5))
    assert any(rgb == ok for _, rgb in colours)  # the COMPLETE badge in its colour


def test_an_evidence_view_opens_with_its_page_decoded(made, browser, tmp_path):
    url = made["html"].as_uri() + "#packet-1-view-1"
    shot = _screenshot(browser, url, tmp_path / "view.png", "1000,1000")
    colours = shot.getcolors(maxcolors=1 << 20) or []
    total = shot.width * shot.height
    overlay = tuple(int(PAIRS["overlay"][1][i : i + 2], 16) for i in (1, 3, 5))
    paper = sum(count for count, rgb in colours if min(rgb) > 235) / total
    backdrop = sum(count for count, rgb in colours if rgb == overlay) / total
    assert backdrop > 0.02  # the larger view is open over the report
    assert paper > 0.3  # and shows a decoded page, not a broken picture's icon


def _pictures(text: str) -> list[Image.Image]:
    found = re.findall(r'src="data:image/jpeg;base64,([A-Za-z0-9+/=]+)"', text)
    return [Image.open(io.BytesIO(base64.b64decode(data))) for data in found]


def test_thumbnails_are_small_and_views_readable(made):
    sizes = [image.size for image in _pictures(made["text"])]
    letter = 8.5  # inches: the sample pages are US letter
    thumbs = [s for s in sizes if s[0] <= letter * THUMB_DPI + 1]
    views = [s for s in sizes if s[0] > letter * THUMB_DPI + 1]
    assert thumbs and views
    assert all(abs(w - letter * THUMB_DPI) <= 2 for w, _ in thumbs)
    assert all(abs(w - letter * VIEW_DPI) <= 2 for w, _ in views)
    assert len(made["text"].encode()) < 4_000_000


def test_each_checklist_prints_on_one_page(made, browser, tmp_path):
    pdf_path = tmp_path / "report.pdf"
    html_browser.run(
        browser, made["html"].as_uri(), f"--print-to-pdf={pdf_path}", "--no-pdf-header-footer"
    )
    document = pdfium.PdfDocument(str(pdf_path))
    texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    checklists = [i for i, t in enumerate(texts) if "Checklist (WNC.CP.192" in t]
    assert len(checklists) == 3
    for i, packet in zip(checklists, made["json"]["packets"], strict=True):
        page = re.sub(r"\s+", " ", texts[i])
        for item in packet["items"]:
            assert f"{item['id']} {item['title']}" in page
        assert ("NOT COMPLETE" in page) is not packet["complete"]


def test_the_same_packet_gives_the_same_bytes(run_cli, tmp_path):
    outputs = []
    for k in range(2):
        out = tmp_path / f"r{k}.html"
        result = run_cli(
            [
                "check",
                SAMPLES / "unsigned-letter",
                "--as-of",
                AS_OF,
                "--format",
                "html",
                "-o",
                out,
                "--jobs",
                str(k + 1),
            ]
        )
        assert result.code == 1
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_colours_pass_wcag_aa():
    for name, (fg, bg) in PAIRS.items():
        assert _contrast(fg, bg) >= 4.5, name
    for name, colour in BOXES.items():
        assert _contrast(colour, "#ffffff") >= 3.0, name


def _contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- scans -------------------------------------------------------------------------------


def test_a_scan_is_shown_as_ocr_read(run_cli, tmp_path):
    engine, why = find_engine()
    if engine is None:
        if __import__("os").environ.get("CI") == "true":
            pytest.fail(f"CI must run the OCR tests, but {why}")
        pytest.skip(why)
    scan = SAMPLES / "fax-unsigned-letter-tiff" / "LMN_Abernathy.tif"
    out = tmp_path / "scan.html"
    result = run_cli(["check", scan, "--as-of", AS_OF, "--format", "html", "-o", out])
    assert result.code == 1
    text = out.read_text(encoding="utf-8")
    pictures = _pictures(text)
    assert len(pictures) >= 3  # two thumbnails and at least one evidence view
    for image in pictures:
        image.load()
        gray = image.convert("L")
        assert gray.getextrema()[0] < 100  # ink: the scan's picture, not a blank
    root = parse(text)
    assert any("OCR" in n.text() for n in root.find_all(lambda n: "ocr" in n.classes()))
    (block,) = root.find_all(lambda n: n.attrs.get("id") == "packet-1-item-A")
    assert block.find_all(lambda n: "box" in n.classes())
