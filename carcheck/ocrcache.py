"""The OCR cache: Tesseract's words for a page picture, kept by the picture's content hash.

Re-checking an unchanged packet (a gate run again after one file was fixed) then costs a
render and a hash per scanned page instead of a second of OCR. The cache lives outside
every packet, in the user's cache folder (`$CARCHECK_CACHE_DIR`, else
`$XDG_CACHE_HOME/carcheck`, else `~/.cache/carcheck`); its files hold page text, so the
folder is private to the user (mode 0700, files 0600) and entries unused for
`MAX_AGE_DAYS` are removed. `--no-cache` neither reads nor writes it.

What the cache says decides a verdict, so it is trusted input: a folder another user owns
or may write to is not used at all, and every entry carries an HMAC under a random key
of the user's (`key`, 0600, beside the entries), so an entry changed or planted by anyone
without the key is a miss, not a reading.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import stat
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from carcheck.extract.ocr import Engine, OcrWord, Recognised

log = logging.getLogger(__name__)

# Bumped whenever what is stored, or how Tesseract is asked, changes.
FORMAT = "carcheck-ocr-5"
MAX_AGE_DAYS = 30
KEY_FILE = "key"
KEY_BYTES = 32
MAX_ENTRY_BYTES = 64_000_000  # a page's words are kilobytes; more is not an entry


def default_folder() -> Path | None:
    """The cache folder the environment names; None when there is no home to put it in."""
    explicit = os.environ.get("CARCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):  # no HOME and no passwd entry
            return None
    return Path(base) / "carcheck"


def distrust(folder: Path) -> str | None:
    """Why a cache folder must not be used, in words for a note; None when it may be.

    A folder is used only when it is the user's and no one else may write to it (nor to
    its `ocr` folder): anyone who can plant an entry could decide a verdict. A folder not
    made yet may be used: it is made private.
    """
    for path, what in ((folder, ""), (folder / "ocr", "holds an ocr folder that ")):
        try:
            info = os.stat(path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            return f"{what}cannot be examined ({exc.strerror or 'error'})"
        if not stat.S_ISDIR(info.st_mode):
            return f"{what}is not a folder"
        if info.st_uid != os.geteuid():
            return f"{what}belongs to another user"
        if info.st_mode & 0o022:
            return f"{what}can be written by other users (make it private: chmod 700)"
    return None


@dataclass(frozen=True, slots=True)
class Cache:
    """A folder of cached OCR results; every failure to use it is silent (it is a cache)."""

    folder: Path
    # The folder's key once looked up in this process (None: the cache is not usable).
    _keys: dict[str, bytes | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

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
        secret = self._secret(create=False)
        if secret is None:
            return None
        path = self._path(key)
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_ENTRY_BYTES + 1)
            mac, sep, payload = raw.partition(b"\n")
            if not sep or not hmac.compare_digest(mac, _mac(secret, key, payload)):
                return None  # changed, planted or cut short: not this cache's entry
            data = json.loads(payload.decode("utf-8"))
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
        secret = self._secret(create=True)
        if secret is None:
            return
        path = self._path(key)
        data = {
            "turned": recognised.turned,
            "words": [
                [w.text, w.left, w.top, w.width, w.height, w.confidence, *w.line]
                for w in recognised.words
            ],
        }
        payload = json.dumps(data, separators=(",", ":")).encode("utf-8")
        try:
            _private_folder(path.parent)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(_mac(secret, key, payload) + b"\n" + payload)
                os.replace(temporary, path)  # readers see a whole entry or none
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            log.debug("the OCR cache folder cannot be written; going on without it")

    def prune(self, now: float | None = None) -> None:
        """Remove entries unused for MAX_AGE_DAYS (only in a folder fit to be used)."""
        if distrust(self.folder) is not None:
            return
        self._secret(create=True)  # made or read once here, before the workers fork
        cutoff = (now if now is not None else time.time()) - MAX_AGE_DAYS * 86400
        try:
            with os.scandir(self.ocr_folder) as listing:
                shards = [e.path for e in listing if e.is_dir(follow_symlinks=False)]
        except OSError:
            return
        for shard in shards:
            try:
                with os.scandir(shard) as listing:
                    old = [
                        e.path
                        for e in listing
                        if e.is_file(follow_symlinks=False)
                        and e.stat(follow_symlinks=False).st_mtime < cutoff
                    ]
                for path in old:
                    os.unlink(path)
            except OSError:
                continue

    def _path(self, key: str) -> Path:
        return self.ocr_folder / key[:2] / f"{key}.json"

    def _secret(self, create: bool) -> bytes | None:
        """The folder's key: read, or made when `create` and there is none yet."""
        if "key" in self._keys:
            return self._keys["key"]
        try:
            if create:
                _private_folder(self.folder)
            secret = _load_key(self.folder, create)
        except OSError:
            secret = None
        if secret is not None or create:  # a miss before the first entry is made: ask again
            self._keys["key"] = secret
        return secret


def _mac(secret: bytes, key: str, payload: bytes) -> bytes:
    message = f"{FORMAT}\0{key}\0".encode() + payload
    return hmac.new(secret, message, hashlib.sha256).hexdigest().encode("ascii")


def _load_key(folder: Path, create: bool) -> bytes | None:
    """The key kept in a trusted folder; a new one when `create` and there is none."""
    if distrust(folder) is not None or not folder.is_dir():
        return None
    path = folder / KEY_FILE
    try:
        return _read_key(path)
    except FileNotFoundError:
        if not create:
            return None
    # Written whole under a temporary name, then linked into place: a worker making the
    # key at the same moment as another reads either's whole key, never a part.
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-key-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(secrets.token_bytes(KEY_BYTES))
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process made it first: use theirs
        return _read_key(path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _read_key(path: Path) -> bytes | None:
    """The key file's bytes when it is the user's own and private; else None."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_uid != os.geteuid()
            or info.st_mode & 0o077
            or info.st_size != KEY_BYTES
        ):
            return None
        secret = os.read(fd, KEY_BYTES + 1)
    finally:
        os.close(fd)
    return secret if len(secret) == KEY_BYTES else None


def _private_folder(path: Path) -> None:
    old = os.umask(0o077)
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    finally:
        os.umask(old)
