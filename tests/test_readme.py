"""The README tells the truth: its example outputs are what the commands print now."""

from __future__ import annotations

import sys

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import readme_examples  # noqa: E402


def test_the_readme_has_examples_to_check():
    readme = readme_examples.README.read_text(encoding="utf-8")
    commands = [m["command"] for m in readme_examples.MARK.finditer(readme)]
    assert len(commands) >= 2
    assert any("--format notice" in c for c in commands)


def test_the_readme_examples_are_what_carcheck_prints():
    """Regenerate with `python tools/readme_examples.py --write` after a deliberate change."""
    readme = readme_examples.README.read_text(encoding="utf-8")
    for command, body, now in readme_examples.examples(readme):
        assert body == now, f"README example out of date: {command}"
