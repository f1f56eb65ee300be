"""Read-only views of a run: every format starts from `records.as_records`."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from carcheck.report import html, json_format, junit, markdown, notice, table


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    JUNIT = "junit"
    NOTICE = "notice"
    HTML = "html"


RENDERERS: dict[Format, Callable[[dict[str, Any]], str]] = {
    Format.TABLE: table.render,
    Format.JSON: json_format.render,
    Format.MARKDOWN: markdown.render,
    Format.JUNIT: junit.render,
    Format.NOTICE: notice.render,
    Format.HTML: html.render,
}
