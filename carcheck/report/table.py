"""The Rich table for intake staff: a row per item, status as a coloured word, then the verdict."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from carcheck.report.text import evidence_text, product_line, verdict_line

STYLES = {
    "present": "bold green",
    "stale": "bold yellow",
    "incomplete": "bold red",
    "missing": "bold red",
    "not_provided": "dim",
}
WORDS = {"not_provided": "not provided"}
# Short names keep the Item column narrow enough for an 80-column terminal.
SHORT = {
    "A": "Letter",
    "B": "Treatment center",
    "C": "Serologies",
    "D": "Diagnostics",
    "E": "Other tests",
    "F": "Psychosocial",
}


def renderable(records: dict[str, Any]) -> Group:
    parts: list[Any] = []
    for packet in records["packets"]:
        table = Table(
            title=Text(f"{packet['path']}  (as of {records['as_of']})" + product_line(packet)),
            show_lines=True,
            expand=True,
        )
        table.add_column("Item", no_wrap=True)
        table.add_column("Status", no_wrap=True)
        table.add_column("Date", no_wrap=True)
        table.add_column("Evidence", ratio=2, min_width=14)
        table.add_column("Reasons", ratio=3, min_width=16)
        for item in packet["items"]:
            status = item["status"]
            table.add_row(
                Text(f"{item['id']} {SHORT.get(item['id'], item['title'])}"),
                Text(WORDS.get(status, status), style=STYLES[status]),
                Text(item["date"] or "-"),
                Text(evidence_text(item) or "-"),
                Text("\n".join(item["reasons"]) or "-"),
            )
        parts.append(table)
        for error in packet["errors"]:
            # A page left unread for want of OCR needs no new copy, only Tesseract.
            again = "" if "not read" in error["message"] else " (send this file again)"
            parts.append(
                Text.assemble(
                    ("unreadable ", "bold red"), f"{error['file']}: {error['message']}{again}"
                )
            )
        for flag in packet["flags"]:
            parts.append(Text.assemble((f"flag {flag['code']} ", "bold yellow"), flag["message"]))
        style = "bold green" if packet["complete"] else "bold red"
        parts.append(Text(verdict_line(packet), style=style))
        parts.append(Text(""))
    return Group(*parts)


def render(records: dict[str, Any], color: bool = False, width: int = 160) -> str:
    """The table as text (for --output or a pipe)."""
    console = Console(
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        record=False,
        legacy_windows=False,
    )
    with console.capture() as capture:
        console.print(renderable(records))
    return capture.get()
