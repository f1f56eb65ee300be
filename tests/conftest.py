"""Shared fixtures: the real CLI in a subprocess, and the contract's JSON schema."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = Path(__file__).resolve().parent / ".." / ".." / "shared" / "report.schema.json"


class Result(NamedTuple):
    code: int
    stdout: str
    stderr: str


def _decode(data: bytes, stream: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        pytest.fail(f"carcheck wrote invalid UTF-8 to {stream}: {exc}")


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., Result]:
    """Run `python -m carcheck ARGS`; a traceback or an exit code outside 0-2 fails the test."""

    def run(args: list[str | Path], timeout: float = 120) -> Result:
        proc = subprocess.run(
            [sys.executable, "-m", "carcheck", *(str(a) for a in args)],
            cwd=ROOT,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        result = Result(
            proc.returncode, _decode(proc.stdout, "stdout"), _decode(proc.stderr, "stderr")
        )
        if "Traceback" in result.stderr:
            pytest.fail(f"carcheck {args} printed a traceback:\n{result.stderr}")
        if result.code not in (0, 1, 2):
            pytest.fail(f"carcheck {args} exited {result.code} (the contract allows 0, 1, 2)")
        return result

    return run


@pytest.fixture(scope="session")
def schema() -> Draft202012Validator:
    """The contract's report schema; `schema.validate(report)` raises on a mismatch."""
    document = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document)
