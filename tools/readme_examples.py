"""The README's example outputs, made by the code itself.

Each example in README.md is marked by a comment line naming the command, followed by a
fenced block that starts with `$ <command>` and holds its output at 80 columns:

    <!-- example: carcheck check sample_packets/unsigned-letter --as-of 2026-10-15 -->
    ```
    $ carcheck check sample_packets/unsigned-letter --as-of 2026-10-15
    ...
    ```

`python tools/readme_examples.py` says which examples differ from what the command prints
now (exit 1 if any); `--write` brings them up to date. tests/test_readme.py runs the check.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
WIDTH = "80"
MARK = re.compile(
    r"^<!-- example: (?P<command>carcheck [^\n]*?) -->\n```[^\n]*\n(?P<body>.*?)^```$", re.M | re.S
)


def output_of(command: str) -> str:
    """What `command` prints (standard output), with its exit code when not 0."""
    args = shlex.split(command)
    env = {**os.environ, "COLUMNS": WIDTH, "NO_COLOR": "1", "TERM": "dumb"}
    proc = subprocess.run(
        [sys.executable, "-m", "carcheck", *args[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    text = f"$ {command}\n{proc.stdout}"
    if proc.returncode:
        text += f"$ echo $?\n{proc.returncode}\n"
    return text


def examples(readme: str) -> list[tuple[str, str, str]]:
    """(command, the README's block, what the command prints now), in README order."""
    return [(m["command"], m["body"], output_of(m["command"])) for m in MARK.finditer(readme)]


def updated(readme: str) -> str:
    def block(match: re.Match[str]) -> str:
        opening = match.group(0).split("\n", 2)
        return f"{opening[0]}\n{opening[1]}\n{output_of(match['command'])}```"

    return MARK.sub(block, readme)


def main() -> int:
    readme = README.read_text(encoding="utf-8")
    if "--write" in sys.argv[1:]:
        README.write_text(updated(readme), encoding="utf-8")
        return 0
    stale = [command for command, body, now in examples(readme) if body != now]
    for command in stale:
        print(f"README example out of date: {command}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
