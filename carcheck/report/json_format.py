"""JSON output: the records as they are."""

from __future__ import annotations

import json
from typing import Any


def render(records: dict[str, Any]) -> str:
    # ensure_ascii keeps any odd character in a file name or page text escaped and valid.
    return json.dumps(records, indent=2, ensure_ascii=True) + "\n"
