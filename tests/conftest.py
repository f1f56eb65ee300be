"""Shared fixtures: the real CLI in a subprocess, and the contract's JSON schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[1]
# The team's shared material beside the clone (contract schema, corpus, real documents).
SHARED = ROOT.parent / "shared"
SCHEMA = SHARED / "report.schema.json"
SHARED_MISSING = f"needs {SHARED} (the shared material), which is not beside this clone"


def shared(*parts: str) -> Path:
    """A path in ../shared: a test that needs it skips when it is absent (a clone outside
    the workspace), and fails under CI=true, where it must be there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing, and under CI=true the shared material must be there")
        pytest.skip(SHARED_MISSING)
    return path


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """One line for all the tests that skipped for want of ../shared (pytest's own summary
    would give one a test), and one if reports went unvalidated for want of the schema."""
    skipped = terminalreporter.stats.get("skipped", [])
    mine = [report for report in skipped if SHARED_MISSING in str(report.longrepr)]
    if mine:
        terminalreporter.stats["skipped"] = [r for r in skipped if r not in mine]
        terminalreporter.write_line(f"{len(mine)} tests skipped: {SHARED_MISSING}")
    if not SCHEMA.is_file():
        terminalreporter.write_line(f"JSON reports not validated: no schema at {SCHEMA}")


class Result(NamedTuple):
    code: int
    stdout: str
    stderr: str


def _decode(data: bytes, stream: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        pytest.fail(f"carcheck wrote invalid UTF-8 to {stream}: {exc}")


@pytest.fixture(scope="session", autouse=True)
def ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The OCR cache of this test run: a new, empty folder, so that a cache warmed by an
    earlier run can never stand in for real OCR. Every carcheck the tests start uses it."""
    folder = tmp_path_factory.mktemp("ocr-cache")
    os.environ["CARCHECK_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., Result]:
    """Run `python -m carcheck ARGS`; a traceback or an exit code outside 0-2 fails the test.

    `env` adds to (or, with None values, removes from) carcheck's environment."""

    def run(
        args: list[str | Path], timeout: float = 120, env: dict[str, str | None] | None = None
    ) -> Result:
        environment = dict(os.environ)
        for name, value in (env or {}).items():
            if value is None:
                environment.pop(name, None)
            else:
                environment[name] = value
        proc = subprocess.run(
            [sys.executable, "-m", "carcheck", *(str(a) for a in args)],
            cwd=ROOT,
            capture_output=True,
            timeout=timeout,
            check=False,
            env=environment,
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
    if not SCHEMA.is_file() and os.environ.get("CI") != "true":
        return Draft202012Validator({})  # outside the workspace: the tests' own checks run
    document = json.loads(shared("report.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document)
