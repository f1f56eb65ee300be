"""What the held-out families share: carcheck run on one packet as a user's script runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def run_json(packet: Path, as_of: str, timeout: float) -> dict[str, Any]:
    """The packet's JSON report (with its exit code as "_exit"), run with one worker; a
    traceback or an exit code other than 0 or 1 fails the test."""
    proc = subprocess.run(
        [sys.executable, "-m", "carcheck", "check", str(packet), "--as-of", as_of]
        + ["--format", "json", "--jobs", "1"],
        cwd=ROOT,
        capture_output=True,
        timeout=timeout,
        check=False,
        env=dict(os.environ),
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, f"{packet.name}: traceback\n{stderr}"
    assert proc.returncode in (0, 1), f"{packet.name}: exit {proc.returncode}\n{stderr}"
    report = json.loads(proc.stdout.decode("utf-8"))
    report["_exit"] = proc.returncode
    return report
