"""OCR with Tesseract: a page picture in, words with boxes and confidences out.

Tesseract runs as a child process (`tesseract stdin stdout ... tsv`): the page picture goes
in through a pipe and the words come back through one, so no page image or page text is
ever written to a temporary file (pytesseract writes both to the temp folder). Each run
is limited to one thread (`OMP_THREAD_LIMIT=1`): on a small machine Tesseract's own
threads cost far more than they give, and carcheck runs pages in parallel instead.

Orientation: a page is read as it lies; when its words come back poor, it is read upside
down (the commonest misfeed), and failing that Tesseract's orientation detection (OSD)
says whether it lies on its side.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image

from carcheck.errors import ReadError
from carcheck.workers import die_with_parent

# Said once a run (not once a file) when scanned pages were left unread for want of it.
INSTALL_HINT = (
    "install Tesseract to read them: sudo apt-get install tesseract-ocr tesseract-ocr-eng "
    "tesseract-ocr-osd"
)
NO_ENGINE = "no OCR engine"  # how each of the messages of find_engine begins
# A page whose words average below this is read again after orientation detection.
RETRY_CONFIDENCE = 60.0
# Seconds one Tesseract run may take before it is stopped (a page takes about one).
TIMEOUT_SECONDS = 90.0
LANGUAGE = "eng"


@dataclass(frozen=True, slots=True)
class Engine:
    """An installed Tesseract that carcheck can use."""

    path: str
    version: str
    osd: bool  # orientation data installed


@dataclass(frozen=True, slots=True)
class OcrWord:
    """A word as Tesseract read it: pixels in the upright picture, confidence 0-100."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float
    line: tuple[int, int, int]  # Tesseract's (block, paragraph, line): words read as one line


@dataclass(frozen=True, slots=True)
class Recognised:
    """A page's words; `turned` is how far (degrees clockwise) the page was turned to read it."""

    words: tuple[OcrWord, ...]
    turned: int = 0

    @property
    def confidence(self) -> float:
        return mean_confidence(self.words)


def find_engine() -> tuple[Engine | None, str]:
    """The installed Tesseract, or None and why not (a one-line message; INSTALL_HINT
    says how to mend it)."""
    path = shutil.which("tesseract")
    if path is None:
        return None, f"{NO_ENGINE} is installed"
    try:
        listed = subprocess.run(
            [path, "--list-langs"], capture_output=True, timeout=30, env=_environment()
        )
        version = subprocess.run(
            [path, "--version"], capture_output=True, timeout=30, env=_environment()
        )
    except (OSError, subprocess.SubprocessError):
        return None, f"{NO_ENGINE} that runs: the one at {path} fails to start"
    languages = set(listed.stdout.decode("utf-8", "replace").split())
    if LANGUAGE not in languages:
        return None, f"{NO_ENGINE} for English: Tesseract is there without its English data"
    first = (version.stdout or version.stderr).decode("utf-8", "replace").splitlines()
    return Engine(path, first[0].strip() if first else "tesseract", "osd" in languages), ""


def recognise(engine: Engine, picture: Image.Image, dpi: float) -> Recognised:
    """The words of an upright-or-not page picture (mode "L"), read upright."""
    first = Recognised(tuple(_words(engine, picture, dpi)))
    if _good(first):
        return first
    # The commonest misfeed is a page upside down: try that before asking OSD.
    flipped = Recognised(tuple(_words(engine, upright(picture, 180), dpi)), 180)
    if _good(flipped):
        return flipped
    candidates = [first, flipped]
    turn = _orientation(engine, picture, dpi) if engine.osd else 0
    if turn in (90, 270):
        candidates.append(Recognised(tuple(_words(engine, upright(picture, turn), dpi)), turn))
    return max(candidates, key=lambda r: (_score(r.words), -r.turned))


def _good(recognised: Recognised) -> bool:
    """A reading to keep: confident, more than a word or two, lines across the page."""
    return (
        recognised.confidence >= RETRY_CONFIDENCE
        and len(recognised.words) >= 3
        and not _sideways(recognised)
    )


def _sideways(recognised: Recognised) -> bool:
    """Words taller than wide: lines running up or down the page, read as vertical text."""
    long = [w for w in recognised.words if len(w.text) >= 3]
    return len(long) >= 5 and sum(w.height > w.width for w in long) > 0.6 * len(long)


def upright(picture: Image.Image, turned: int) -> Image.Image:
    """The picture turned `turned` degrees clockwise: the way `recognise` read it."""
    return picture.rotate(-turned, expand=True) if turned else picture  # PIL turns anticlockwise


def mean_confidence(words: tuple[OcrWord, ...] | list[OcrWord]) -> float:
    """Confidence over the characters of words with a letter or digit in them (0-100)."""
    counted = [(w.confidence, len(w.text)) for w in words if _READABLE.search(w.text)]
    letters = sum(n for _, n in counted)
    return sum(c * n for c, n in counted) / letters if letters else 0.0


_READABLE = re.compile(r"[A-Za-z0-9]")


def _score(words: tuple[OcrWord, ...]) -> float:
    """How well a reading went: confident characters count."""
    return sum(w.confidence * len(w.text) for w in words if _READABLE.search(w.text))


def _words(engine: Engine, picture: Image.Image, dpi: float) -> list[OcrWord]:
    output = _run(
        engine,
        picture,
        ["--dpi", str(round(dpi)), "--psm", "3", "-c", "tessedit_do_invert=0", "tsv"],
    )
    return parse_tsv(output)


def parse_tsv(output: str) -> list[OcrWord]:
    """Words from Tesseract's TSV (level 5 rows), in Tesseract's reading order."""
    words: list[OcrWord] = []
    for row in output.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) != 12 or cells[0] != "5":
            continue
        text = cells[11].strip()
        if not text:
            continue
        try:
            block, par, line = int(cells[2]), int(cells[3]), int(cells[4])
            left, top, width, height = (int(c) for c in cells[6:10])
            confidence = max(0.0, min(100.0, float(cells[10])))
        except ValueError:
            continue
        words.append(OcrWord(text, left, top, width, height, confidence, (block, par, line)))
    return words


_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)
_ORIENTATION_CONFIDENCE = re.compile(r"^Orientation confidence:\s*([\d.]+)", re.MULTILINE)


def _orientation(engine: Engine, picture: Image.Image, dpi: float) -> int:
    """Degrees clockwise to turn the page upright by Tesseract's OSD; 0 when unsure."""
    try:
        output = _run(engine, picture, ["--dpi", str(round(dpi)), "--psm", "0"], language="osd")
    except ReadError:  # too little text to tell: read it as it lies
        return 0
    turn, sure = _ROTATE.search(output), _ORIENTATION_CONFIDENCE.search(output)
    if not turn or not sure or float(sure.group(1)) < 1.0:
        return 0
    return int(turn.group(1)) % 360


def _run(engine: Engine, picture: Image.Image, args: list[str], language: str = LANGUAGE) -> str:
    """One Tesseract run over a picture given through a pipe; its standard output."""
    buffer = io.BytesIO()
    picture.save(buffer, format="PPM")  # uncompressed: the cheapest to write and to read
    try:
        done = subprocess.run(
            [engine.path, "stdin", "stdout", "-l", language, *args],
            input=buffer.getvalue(),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            env=_environment(),
            # Workers are single-threaded, so a preexec function is safe here.
            preexec_fn=die_with_parent,  # noqa: PLW1509
        )
    except subprocess.TimeoutExpired:
        raise ReadError(f"OCR took longer than {TIMEOUT_SECONDS:g} s on a page") from None
    except OSError:
        raise ReadError(f"the OCR engine could not be started ({INSTALL_HINT})") from None
    if done.returncode != 0:
        raise ReadError("the OCR engine failed on a page")
    return done.stdout.decode("utf-8", "replace")


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env
