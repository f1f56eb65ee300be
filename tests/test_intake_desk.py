"""The rough edges a new user hits: help, option errors, completion, progress units."""

from __future__ import annotations

import subprocess
import sys

import pytest

from carcheck import engine
from tests.pdfs import AS_OF, complete_packet


def test_help_shows_readable_metavars_and_examples(run_cli):
    result = run_cli(["check", "--help"], env={"COLUMNS": "100"})
    assert result.code == 0
    for shown in ("PACKET", "--as-of DATE", "--jobs N", "-o, --output FILE", "--format FORMAT"):
        assert shown in result.stdout, shown
    assert "<int range>" not in result.stdout and "<path>" not in result.stdout
    assert "Examples:" in result.stdout and "--format notice" in result.stdout
    assert "Exit codes: 0" in result.stdout


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--jobs", "0"], "--jobs takes a whole number, 1 or more"),
        (["--jobs", "many"], "--jobs takes a whole number, 1 or more"),
        (["--format", "xml"], "--format must be one of: table, json, markdown, junit, notice"),
        (["--ocr", "maybe"], "--ocr must be one of: auto, always, never (not 'maybe')"),
    ],
)
def test_option_errors_are_plain_sentences(run_cli, tmp_path, args, says):
    result = run_cli(["check", tmp_path, *args])
    assert result.code == 2
    assert result.stderr.count("\n") == 1
    assert says in result.stderr
    assert "Input should" not in result.stderr and "Value error" not in result.stderr


def test_a_missing_packet_argument_says_what_to_give(run_cli):
    result = run_cli(["check"])
    assert result.code == 2
    assert result.stderr == "carcheck: error: give at least one packet folder or file: " \
        "carcheck check PACKET...\n"  # fmt: skip


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_scripts_are_generated(run_cli, shell):
    """Each shell's script, as its completion asks for it (`--show-completion` prints the
    one for the shell it runs in, which a test under make or CI does not have)."""
    result = run_cli([], env={"_CARCHECK_COMPLETE": f"source_{shell}"})
    assert result.code == 0, result.stderr
    assert "carcheck" in result.stdout and "complet" in result.stdout.lower()


def test_show_completion_prints_the_script_of_the_shell_it_runs_in():
    # "; exit $?" keeps bash from exec-ing the command: bash stays its parent.
    command = f"{sys.executable} -m carcheck --show-completion; exit $?"
    proc = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "_carcheck_completion" in proc.stdout


def test_progress_counts_files(tmp_path, monkeypatch):
    """One unit, files: a packet of five files counts to 5 of 5, even with a long file read
    in parts (which used to count parts: "0/28" for a 13-file packet)."""
    packet = complete_packet(tmp_path / "packet")
    files = sorted(p for p in packet.iterdir() if p.is_file())
    monkeypatch.setattr(engine, "SPLIT_BYTES", 0)  # every file counted and read in parts
    monkeypatch.setattr(engine, "CHUNK_PAGES", 1)
    seen: list[tuple[int, int]] = []
    settings = engine.Settings(as_of=engine.dt.date.fromisoformat(AS_OF), jobs=1)
    engine.check_packets([(packet, None)], settings, lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(files), len(files))
    assert {total for _, total in seen} == {len(files)}
    assert [done for done, _ in seen] == list(range(1, len(files) + 1))
