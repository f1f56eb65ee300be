"""Markdown output: a table of items per packet, then unreadable files and flags."""

from __future__ import annotations

from typing import Any

from carcheck.report import notice
from carcheck.report.text import evidence_text, pages_text, product_line, verdict_line


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ")


def render(records: dict[str, Any]) -> str:
    out = [f"# carcheck report (as of {records['as_of']})", ""]
    for packet in records["packets"]:
        out += [f"## {_cell(packet['path'])}", "", f"**{_cell(verdict_line(packet))}**", ""]
        if product_line(packet):
            out += [_cell(product_line(packet).lstrip("; ").replace("; ", ", ")), ""]
        out += ["| Item | Status | Date | Evidence | Reasons |", "|---|---|---|---|---|"]
        for item in packet["items"]:
            reasons = "; ".join(item["reasons"]) or "-"
            out.append(
                f"| {item['id']} {_cell(item['title'])} | {item['status']} | "
                f"{item['date'] or '-'} | {_cell(evidence_text(item)) or '-'} | {_cell(reasons)} |"
            )
        requests = notice.asks(packet)
        if requests:
            out += ["", "What to send (WNC.CP.192 Background I):", ""]
            out += [f"{n}. {_cell(text)}" for n, text in enumerate(requests, 1)]
        if packet["errors"]:
            out += ["", "Files that could not be read (send them again):", ""]
            out += [f"- `{_cell(e['file'])}`: {_cell(e['message'])}" for e in packet["errors"]]
        if packet["flags"]:
            out += ["", "Flags:", ""]
            out += [f"- `{f['code']}`: {_cell(f['message'])}" for f in packet["flags"]]
        docs = packet["documents"]
        if docs:
            out += ["", "| File | Pages | Item | Document | Date |", "|---|---|---|---|---|"]
            for d in docs:
                out.append(
                    f"| {_cell(d['file'])} | {pages_text(d['pages'])} | {d['item'] or '-'} | "
                    f"{_cell(d['title'] or '-')} | {d['date'] or '-'} |"
                )
        out.append("")
    return "\n".join(out) + "\n"
