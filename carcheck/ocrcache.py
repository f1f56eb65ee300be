"""The OCR cache: Tesseract's words for a page picture, kept by the picture's content hash.

Re-checking an unchanged packet (a gate run again after one file was fixed) then costs a
render and a hash per scanned page instead of a second of OCR. The cache lives outside
every packet, in the user's cache folder (`$CARCHECK_CACHE_DIR`, else
`$XDG_CACHE_HOME/carcheck`, else `~/.cache/carcheck`); its files hold page text, so the
folder is private to the user (mode 0700, files 0600) and entries unused for
`MAX_AGE_DAYS` are removed. `--no-cache` neither reads nor writes it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from carcheck.extract.ocr import Engine, OcrWord, Recognised

log = logging.getLogger(__name__)

# Bumped whenever what is stored, or how Tesseract is asked, changes.
FORMAT = "carcheck-ocr-4"
MAX_AGE_DAYS = 30


def default_folder() -> Path:
    explicit = os.environ.get("CARCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "carcheck"


@dataclass(frozen=True, slots=True)
class Cache:
    """A folder of cached OCR results; every failure to use it is silent (it is a cache)."""

    folder: Path

    @property
    def ocr_folder(self) -> Path:
        return self.folder / "ocr"

    def key(self, engine: Engine, picture: Image.Image, dpi: float) -> str:
        digest = hashlib.blake2b(digest_size=20)
        header = f"{FORMAT}|{engine.version}|{engine.osd}|{picture.mode}|{picture.size}|{dpi:.2f}"
        digest.update(header.encode())
        digest.update(picture.tobytes())
        return digest.hexdigest()

    def get(self, key: str) -> Recognised | None:
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found = Recognised(
                tuple(
                    OcrWord(
                        str(t), int(x), int(y), int(w), int(h), float(c), (int(b), int(p), int(n))
                    )
                    for t, x, y, w, h, c, b, p, n in data["words"]
                ),
                int(data["turned"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        try:
            os.utime(path)  # still in use: not to be pruned
        except OSError:
            pass
        return found

    def put(self, key: str, recognised: Recognised) -> None:
        path = self._path(key)
        data = {
            "turned": recognised.turned,
            "words": [
                [w.text, w.left, w.top, w.width, w.height, w.confidence, *w.line]
                for w in recognised.words
            ],
        }
        try:
            _private_folder(path.parent)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    json.dump(data, out, separators=(",", ":"))
                os.replace(temporary, path)  # readers see a whole entry or none
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            log.debug("the OCR cache folder cannot be written; going on without it")

    def prune(self, now: float | None = None) -> None:
        """Remove entries unused for MAX_AGE_DAYS."""
        cutoff = (now if now is not None else time.time()) - MAX_AGE_DAYS * 86400
        try:
            shards = list(self.ocr_folder.iterdir())
        except OSError:
            return
        for shard in shards:
            try:
                for entry in shard.iterdir():
                    if entry.stat().st_mtime < cutoff:
                        entry.unlink(missing_ok=True)
            except OSError:
                continue

    def _path(self, key: str) -> Path:
        return self.ocr_folder / key[:2] / f"{key}.json"


def _private_folder(path: Path) -> None:
    old = os.umask(0o077)
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    finally:
        os.umask(old)
