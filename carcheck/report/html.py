"""HTML output: one self-contained page per run, the packets' own pages beside the verdicts.

Inline CSS, pictures as data: URIs, no script and no external URL of any kind, so that
the file opens offline and from an e-mail attachment. Every text from a packet is
escaped. Without pictures (`render(records)`), the same report with the pages listed.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape
from typing import Any

from carcheck.model import Mark
from carcheck.report.html_pictures import PacketPictures, Picture
from carcheck.report.html_style import css
from carcheck.report.text import evidence_text, pages_text, patient_text, verdict_line

STATUS_WORDS = {
    "present": "present",
    "stale": "stale",
    "incomplete": "incomplete",
    "missing": "missing",
    "not_provided": "not provided",
}
# Space around a box's words, as a share of the page.
PAD = 0.004
# What a mark shows, by the start of its label: the colour class of its box.
MARK_KINDS = (
    ("signature place", "empty"),
    ("signature", "sign"),
    ("date", "date"),
    ("kind", "kind"),
)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def render(records: dict[str, Any], pictures: Sequence[PacketPictures] | None = None) -> str:
    packets = records["packets"]
    complete = sum(1 for p in packets if p["complete"])
    summary = f"{complete} of {len(packets)} packet{'s' if len(packets) != 1 else ''} complete"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # Nothing may load from anywhere: pictures are data: URIs, styles inline.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>carcheck report as of {_e(records['as_of'])}</title>",
        f"<style>\n{css()}</style>",
        "</head>",
        "<body>",
        '<header class="run" id="top">',
        "<h1>carcheck report</h1>",
        f'<p class="meta">As of <time>{_e(records["as_of"])}</time> &middot; '
        f"{_e(records['tool'])} {_e(records['version'])}</p>",
        f'<p class="summary" id="summary">{_e(summary)}</p>',
    ]
    if len(packets) > 1:
        out.append('<nav aria-label="Packets"><ol class="index">')
        for n, packet in enumerate(packets, 1):
            word, cls = _verdict(packet)
            out.append(
                f'<li><a href="#packet-{n}">{_e(packet["path"])}</a> '
                f'<span class="verdict-word {cls}">{word}</span></li>'
            )
        out.append("</ol></nav>")
    out.append("</header>")
    out.append("<main>")
    for n, packet in enumerate(packets, 1):
        found = pictures[n - 1] if pictures is not None and n - 1 < len(pictures) else None
        out += _packet(n, packet, records["as_of"], found)
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def _verdict(packet: dict[str, Any]) -> tuple[str, str]:
    return ("COMPLETE", "ok") if packet["complete"] else ("NOT COMPLETE", "bad")


def _why(packet: dict[str, Any]) -> str:
    """The verdict line after its first word: what makes the packet (not) complete."""
    return verdict_line(packet).split(": ", 1)[-1]


def _packet(n: int, packet: dict[str, Any], as_of: str, found: PacketPictures | None) -> list[str]:
    word, cls = _verdict(packet)
    out = [
        f'<section class="packet" id="packet-{n}" aria-labelledby="packet-{n}-title">',
        '<div class="front">',
        f'<h2 id="packet-{n}-title">{_e(packet["path"])}</h2>',
        f'<p class="verdict {cls}" data-complete="{str(packet["complete"]).lower()}">'
        f'<span class="verdict-word {cls}">{word}</span> {_e(_why(packet))}</p>',
        '<dl class="facts">',
        f"<dt>Patient</dt><dd>{_e(patient_text(packet.get('patient')) or 'not found')}</dd>",
        f"<dt>Product</dt><dd>{_e(packet.get('product') or 'not found')}</dd>",
        f"<dt>Facility</dt><dd>{_e(packet.get('facility') or 'not found')}</dd>",
        f"<dt>As of</dt><dd>{_e(as_of)}</dd>",
        "</dl>",
        '<table class="checklist">',
        "<caption>Checklist (WNC.CP.192 Background I.A-F)</caption>",
        '<thead><tr><th scope="col">Item</th><th scope="col">Status</th>'
        '<th scope="col">Date</th><th scope="col">Evidence</th>'
        '<th scope="col">Reasons</th></tr></thead>',
        "<tbody>",
    ]
    for item in packet["items"]:
        status = item["status"]
        reasons = "".join(f"<li>{_e(r)}</li>" for r in item["reasons"])
        evidence = "<br>".join(_e(line) for line in evidence_text(item).splitlines())
        link = (
            f'<a href="#packet-{n}-item-{item["id"]}">{evidence}</a>' if item["documents"] else "-"
        )
        out.append(
            f'<tr data-item="{_e(item["id"])}"><th scope="row">{_e(item["id"])} '
            f"{_e(item['title'])}{'' if item['required'] else ' (optional)'}</th>"
            f'<td><span class="status {_e(status)}" data-status="{_e(status)}">'
            f"{_e(STATUS_WORDS.get(status, status))}</span></td>"
            f'<td class="date">{_e(item["date"] or "-")}</td>'
            f"<td>{link}</td>"
            f"<td>{f'<ul>{reasons}</ul>' if reasons else '-'}</td></tr>"
        )
    out += ["</tbody>", "</table>", "</div>"]
    out += _problems(n, packet)
    out += _evidence(n, packet, found)
    out += _page_map(n, packet, found)
    out.append("</section>")
    return out


def _problems(n: int, packet: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if packet["errors"]:
        out += [
            f'<h3 id="packet-{n}-errors">Files that could not be read</h3>',
            '<ul class="errors">',
        ]
        out += [
            f'<li><span class="file">{_e(e["file"])}</span>: {_e(e["message"])}</li>'
            for e in packet["errors"]
        ]
        out.append("</ul>")
    if packet["flags"]:
        out += [f'<h3 id="packet-{n}-flags">Flags</h3>', '<ul class="flags">']
        out += [
            f'<li><code class="flag">{_e(f["code"])}</code> {_e(f["message"])}</li>'
            for f in packet["flags"]
        ]
        out.append("</ul>")
    return out


def _evidence(n: int, packet: dict[str, Any], found: PacketPictures | None) -> list[str]:
    out = [f'<h3 id="packet-{n}-evidence">Evidence</h3>']
    for item in packet["items"]:
        status = item["status"]
        out += [
            f'<div class="item" id="packet-{n}-item-{_e(item["id"])}">',
            f"<h4>{_e(item['id'])} {_e(item['title'])} "
            f'<span class="status {_e(status)}">{_e(STATUS_WORDS.get(status, status))}</span>'
            "</h4>",
        ]
        if not item["documents"]:
            out.append('<p class="none">No document found for this item.</p>')
        shown = 0
        for doc in item["documents"]:
            pages = [
                p
                for p in doc["pages"]
                if found is not None and _view(found, doc["file"], p) is not None
            ]
            if found is not None and not pages:
                continue
            shown += 1
            out.append(
                f'<p class="doc"><span class="file">{_e(doc["file"])}</span> '
                f"{_e(pages_text(doc['pages']))}"
                + (f", dated {_e(doc['date'])}" if doc.get("date") else "")
                + "</p>"
            )
            if found is None:
                continue
            out.append('<div class="views">')
            for page in pages:
                out += _figure(n, doc["file"], page, found)
            out.append("</div>")
        hidden = len(item["documents"]) - shown
        if found is not None and hidden > 0:
            out.append(
                f'<p class="more">{hidden} more document{"s" if hidden != 1 else ""} '
                "considered: see the page map.</p>"
            )
        out.append("</div>")
    return out


def _view(found: PacketPictures, file: str, page: int) -> Picture | None:
    picture = found.pictures.get((file, page))
    return picture if picture is not None and picture.view is not None else None


def _figure_id(n: int, file: str, page: int, found: PacketPictures) -> str:
    keys = sorted(k for k, v in found.pictures.items() if v.view is not None)
    return f"packet-{n}-view-{keys.index((file, page)) + 1}"


def _merged(marks: Sequence[Mark]) -> list[tuple[Mark, str]]:
    """Marks with the same box drawn once, their labels joined."""
    boxes: dict[tuple[float, float, float, float], list[str]] = {}
    first: dict[tuple[float, float, float, float], Mark] = {}
    for mark in marks:
        key = (mark.x0, mark.top, mark.x1, mark.bottom)
        first.setdefault(key, mark)
        if mark.what not in boxes.setdefault(key, []):
            boxes[key].append(mark.what)
    return [(first[key], "; ".join(labels)) for key, labels in boxes.items()]


def _kind(what: str) -> str:
    for start, cls in MARK_KINDS:
        if what.startswith(start):
            return cls
    return "part"


def _figure(n: int, file: str, page: int, found: PacketPictures) -> list[str]:
    picture = found.pictures[(file, page)]
    assert picture.view is not None
    marks = _merged(found.marks.get((file, page), []))
    ident = _figure_id(n, file, page, found)
    out = [
        f'<figure class="view" id="{ident}">',
        f'<a class="open" href="#{ident}" title="Open a larger view">',
        '<span class="sheet">',
        f'<img src="{_data(picture.view)}" width="{picture.view_size[0]}" '
        f'height="{picture.view_size[1]}" '
        f'alt="{_e(file)} page {page}">',
    ]
    for k, (mark, what) in enumerate(marks, 1):
        # A little larger than the words, so that the outline does not cover them.
        left, top = max(0.0, mark.x0 - PAD), max(0.0, mark.top - PAD)
        width, height = min(1.0, mark.x1 + PAD) - left, min(1.0, mark.bottom + PAD) - top
        style = (
            f"left:{left * 100:.2f}%;top:{top * 100:.2f}%;"
            f"width:{width * 100:.2f}%;height:{height * 100:.2f}%"
        )
        out.append(
            f'<span class="box {_kind(what)}" style="{style}">'
            f'<span class="badge">{k}</span><span class="tag">{_e(what)}</span></span>'
        )
    out += [
        "</span></a>",
        f'<figcaption><span class="file">{_e(file)}</span> p. {page}'
        f' <a class="close" href="#packet-{n}-evidence">close</a>',
    ]
    if marks:
        out.append('<ol class="legend">')
        out += [f'<li class="{_kind(what)}">{_e(what)}</li>' for _, what in marks]
        out.append("</ol>")
    out += ["</figcaption>", "</figure>"]
    return out


def _page_map(n: int, packet: dict[str, Any], found: PacketPictures | None) -> list[str]:
    """Every file and page with what carcheck judged it to be."""
    judged: dict[tuple[str, int], dict[str, Any]] = {}
    files: list[str] = []
    for doc in packet["documents"]:
        if doc["file"] not in files:
            files.append(doc["file"])
        for page in doc["pages"]:
            judged[(doc["file"], page)] = doc
    out = [f'<h3 id="packet-{n}-pages">Page map</h3>']
    for file in files:
        numbers = sorted(
            {p for f, p in judged if f == file}
            | ({p for f, p in found.pictures if f == file} if found is not None else set())
        )
        out += [
            f'<div class="file-map"><h4 class="file">{_e(file)}</h4>',
            '<ol class="strip">',
        ]
        for page in numbers:
            doc = judged.get((file, page))
            out.append(_map_page(n, file, page, doc, found))
        out.append("</ol>")
        if found is not None and file in found.undrawn:
            out.append(f'<p class="none">Pages not drawn: {_e(found.undrawn[file])}</p>')
        out.append("</div>")
    for error in packet["errors"]:
        if error["file"] not in files:
            out.append(
                f'<div class="file-map"><h4 class="file">{_e(error["file"])}</h4>'
                f'<p class="none">Not read: {_e(error["message"])}</p></div>'
            )
    return out


def _map_page(
    n: int, file: str, page: int, doc: dict[str, Any] | None, found: PacketPictures | None
) -> str:
    picture = found.pictures.get((file, page)) if found is not None else None
    if doc is None:
        what = "not read"
    elif doc["item"]:
        what = f"{doc['item']}: {doc['title'] or 'document'}"
    elif doc.get("claimed_item"):
        what = f"another patient's {doc['title'] or 'document'} (no item)"
    else:
        what = f"{doc['title'] or 'document'} (no item)"
    confidence = (doc or {}).get("ocr_confidence", {}).get(str(page))
    ocr = f'<span class="ocr">OCR {confidence:.0f}%</span>' if confidence is not None else ""
    image = (
        f'<img src="{_data(picture.thumb)}" width="{picture.thumb_size[0]}" '
        f'height="{picture.thumb_size[1]}" alt="{_e(file)} page {page}">'
        if picture is not None
        else '<span class="blank">no picture</span>'
    )
    if picture is not None and picture.view is not None and found is not None:
        image = f'<a href="#{_figure_id(n, file, page, found)}">{image}</a>'
    cls = "item" if doc is not None and doc["item"] else "other"
    return (
        f'<li class="{cls}">{image}<span class="pno">p. {page}</span>'
        f'<span class="judged">{_e(what)}</span>{ocr}</li>'
    )


def _data(jpeg: bytes) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")
