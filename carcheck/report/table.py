"""The Rich table for intake staff: a row per item, status as a coloured word, then the verdict.

It reads at any width and cuts nothing. A wide terminal gets the five columns side by
side (Item, Status, Date, Evidence, Reasons); a narrow one (an 80-column terminal) gets
each item as a compact Item/Status/Date row with its evidence and reasons on their own
lines beneath, wrapped at spaces, never mid-word. Every document is named, none hidden
behind "and 1 more". Notes (billing codes) are shown as information, apart from warnings.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from carcheck.report.text import (
    evidence_lines,
    is_note,
    patient_text,
    unread_summary,
    verdict_line,
)

STYLES = {
    "present": "bold green",
    "stale": "bold yellow",
    "incomplete": "bold red",
    "missing": "bold red",
    "not_provided": "dim",
}
WORDS = {"not_provided": "not provided"}
# Short names keep the Item column narrow.
SHORT = {
    "A": "Letter",
    "B": "Treatment center",
    "C": "Serologies",
    "D": "Diagnostics",
    "E": "Other tests",
    "F": "Psychosocial",
}
# From this width on, evidence and reasons get columns of their own.
WIDE = 120
INDENT = 4


def renderable(records: dict[str, Any], width: int) -> Group:
    parts: list[Any] = []
    for packet in records["packets"]:
        parts += _heading(packet, records["as_of"])
        parts.append(_wide(packet) if width >= WIDE else _narrow(packet))
        parts += _after(packet)
        parts.append(Text(""))
    if len(records["packets"]) > 1:
        complete = sum(1 for p in records["packets"] if p["complete"])
        parts.append(
            Text(f"{complete} of {len(records['packets'])} packets complete", style="bold")
        )
    return Group(*parts)


def _heading(packet: dict[str, Any], as_of: str) -> list[Any]:
    lines: list[Any] = [
        Text.assemble((packet["path"], "bold"), f"  (as of {as_of})"),
    ]
    known = []
    if who := patient_text(packet.get("patient")):
        known.append(f"patient {who}")
    known += [f"{key} {packet[key]}" for key in ("product", "facility") if packet.get(key)]
    if known:
        lines.append(Text("; ".join(known)))
    return lines


def _status(item: dict[str, Any]) -> Text:
    status = item["status"]
    return Text(WORDS.get(status, status), style=STYLES[status])


def _reasons(item: dict[str, Any]) -> list[str]:
    """The item's reasons, each once."""
    return list(dict.fromkeys(item["reasons"]))


def _wide(packet: dict[str, Any]) -> Table:
    table = Table(show_lines=True, expand=True, box=box.SQUARE)
    table.add_column("Item", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Evidence", ratio=2, overflow="fold")
    table.add_column("Reasons", ratio=3, overflow="fold")
    for item in packet["items"]:
        table.add_row(
            Text(f"{item['id']} {SHORT.get(item['id'], item['title'])}"),
            _status(item),
            Text(item["date"] or "-"),
            Text("\n".join(evidence_lines(item)) or "-"),
            Text("\n".join(_reasons(item)) or "-"),
        )
    return table


def _narrow(packet: dict[str, Any]) -> Group:
    """Item, Status and Date in a compact row; evidence and reasons beneath, indented."""
    rows: list[Any] = []
    for item in packet["items"]:
        row = Table.grid(padding=(0, 2))
        row.add_column(no_wrap=True, min_width=20)
        row.add_column(no_wrap=True, min_width=12)
        row.add_column(no_wrap=True)
        row.add_row(
            Text(f"{item['id']} {SHORT.get(item['id'], item['title'])}", style="bold"),
            _status(item),
            Text(item["date"] or "-"),
        )
        rows.append(row)
        for line in evidence_lines(item):
            rows.append(Padding(Text(line, overflow="fold"), (0, 0, 0, INDENT), expand=False))
        for reason in _reasons(item):
            why = Text.assemble(("why: ", "dim"), reason, overflow="fold")
            rows.append(Padding(why, (0, 0, 0, INDENT), expand=False))
    header = Table.grid(padding=(0, 2))
    header.add_column(min_width=20)
    header.add_column(min_width=12)
    header.add_column()
    header.add_row(*(Text(h, style="bold underline") for h in ("Item", "Status", "Date")))
    return Group(header, *rows)


def _after(packet: dict[str, Any]) -> list[Any]:
    """Unreadable files, warnings, notes, then the verdict."""
    parts: list[Any] = []
    summary = unread_summary(packet)
    if summary:
        parts.append(Text(summary, style="bold red"))
    for error in packet["errors"]:
        # A page left unread for want of OCR needs no new copy, only Tesseract.
        again = "" if "not read" in error["message"] else " (send this file again)"
        message = f"{error['file']}: {error['message']}{again}"
        parts.append(Text.assemble(("unreadable ", "bold red"), message))
    for flag in packet["flags"]:
        if not is_note(flag):
            parts.append(Text.assemble((f"flag {flag['code']} ", "bold yellow"), flag["message"]))
    for flag in packet["flags"]:
        if is_note(flag):
            note = Text.assemble((f"note {flag['code']} ", "bold"), flag["message"])
            note.stylize("dim")
            parts.append(note)
    style = "bold green" if packet["complete"] else "bold red"
    parts.append(Text(verdict_line(packet), style=style))
    return parts


def render(records: dict[str, Any], color: bool = False, width: int = 160) -> str:
    """The table as text (for --output or a pipe)."""
    console = Console(
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        record=False,
        legacy_windows=False,
        highlight=False,
    )
    with console.capture() as capture:
        console.print(renderable(records, width))
    return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())
