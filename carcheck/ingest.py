"""Walk a packet: list its files in a stable order and sniff each file's type by content."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from carcheck.limits import DEFAULT_LIMITS, Limits
from carcheck.model import FileError

SNIFF_BYTES = 1024


class FileType(StrEnum):
    PDF = "pdf"
    PNG = "png"
    JPEG = "jpeg"
    TIFF = "tiff"
    GIF = "gif"
    BMP = "bmp"


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A packet file that looks readable: its path, its name in the report and its type."""

    path: Path
    rel: str
    type: FileType
    size: int = 0  # bytes, as seen when the packet was walked


DISAPPEARED = "file disappeared while being read"

_MAGIC: tuple[tuple[bytes, FileType], ...] = (
    (b"\x89PNG\r\n\x1a\n", FileType.PNG),
    (b"\xff\xd8\xff", FileType.JPEG),
    (b"II*\x00", FileType.TIFF),
    (b"MM\x00*", FileType.TIFF),
    (b"GIF87a", FileType.GIF),
    (b"GIF89a", FileType.GIF),
    (b"BM", FileType.BMP),
)
# Files carcheck does not read, known by their first bytes: a "%PDF-" further in (a zip
# entry's name, a PNG text chunk) does not make one of them a PDF.
_OTHER_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document (OLE)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"RIFF", "a RIFF file (WebP, AVI or WAV)"),
    (b"%!PS", "a PostScript file"),
)


def display_name(rel: str) -> str:
    """A file name safe to print anywhere: control characters and bad bytes escaped."""
    out = []
    for ch in rel:
        if ch == "\\":
            out.append("\\\\")
        elif ch.isprintable():
            out.append(ch)
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # an undecodable byte, kept by surrogateescape
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


def is_skipped(name: str) -> bool:
    """Hidden files and folders and office lock files are not part of a packet."""
    return name.startswith(".") or name.startswith("~$")


def sniff(head: bytes) -> FileType | None:
    """The type of a file by its first bytes (up to SNIFF_BYTES); None when not one read.

    Magic numbers at offset 0 decide first. A PDF header may follow some junk (fax servers,
    mail gateways prefix one; readers accept it), so "%PDF-" anywhere in the head makes a
    PDF, but only of a file that does not start as another known type.
    """
    if head.startswith(b"%PDF-"):
        return FileType.PDF
    for magic, kind in _MAGIC:
        if head.startswith(magic) and (kind is not FileType.BMP or _bmp_header(head)):
            return kind
    if other_type(head) is None and b"%PDF-" in head[:SNIFF_BYTES]:
        return FileType.PDF
    return None


_DIB_HEADER_SIZES = (12, 40, 52, 56, 64, 108, 124)


def _bmp_header(head: bytes) -> bool:
    """A BMP: "BM" (two letters any text may start with) and a known DIB header size."""
    return len(head) >= 18 and int.from_bytes(head[14:18], "little") in _DIB_HEADER_SIZES


def other_type(head: bytes) -> str | None:
    """What a file carcheck does not read is, by its first bytes, in words."""
    for magic, what in _OTHER_MAGIC:
        if head.startswith(magic):
            return what
    return None


def collect(
    packet: Path, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[SourceFile], list[FileError]]:
    """Every file of a packet (a folder, walked recursively, or a single file)."""
    files: list[SourceFile] = []
    errors: list[FileError] = []
    if packet.is_dir():
        root = packet.resolve()
        for path, rel in _walk(packet, root, errors):
            _admit(path, rel, limits, files, errors)
    else:
        _admit(packet, packet.name, limits, files, errors)
    return files, errors


def _walk(folder: Path, root: Path, errors: list[FileError]) -> Iterator[tuple[Path, str]]:
    """The files below `folder`, depth first in name order: iteratively, so that a folder
    nested a thousand deep is walked like any other."""
    stack = [_listing(folder, "", errors)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        prefix, item = entry
        rel = prefix + item.name
        path = Path(item.path)
        if item.is_symlink():
            target = _link_target(path, root)
            if isinstance(target, str):
                errors.append(FileError(display_name(rel), target))
                continue
            if target.is_dir():
                errors.append(
                    FileError(display_name(rel), "symbolic link to a folder (not followed)")
                )
                continue
            yield path, rel
        elif _is_dir(item):
            stack.append(_listing(path, rel + "/", errors))
        else:
            yield path, rel


def _listing(
    folder: Path, prefix: str, errors: list[FileError]
) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """A folder's entries that belong to the packet, in name order, with their prefix."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        errors.append(FileError(display_name(prefix.rstrip("/") or "."), _os_message(exc)))
        return iter(())
    return ((prefix, e) for e in entries if not is_skipped(e.name))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def identities(packet: Path) -> set[tuple[int, int]]:
    """(device, inode) of a packet's files and folders, hidden ones too (links not
    followed): what a report written by another name (a hard link, a bind mount) must not
    overwrite or go into."""
    found: set[tuple[int, int]] = set()
    try:
        info = packet.stat()
    except OSError:
        return found
    found.add((info.st_dev, info.st_ino))
    stack = [packet] if packet.is_dir() else []
    while stack:
        try:
            with os.scandir(stack.pop()) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_symlink():  # its target is a packet file by its own name, or none
                    continue
                info = entry.stat(follow_symlinks=False)
                found.add((info.st_dev, info.st_ino))
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
            except OSError:
                continue
    return found


def _link_target(path: Path, root: Path) -> Path | str:
    """The resolved target of a link inside the packet, or why it is not followed."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop (not followed)"
    except FileNotFoundError:
        return "broken symbolic link (its target does not exist)"
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return "symbolic link loop (not followed)"
        return _os_message(exc)
    if not target.is_relative_to(root):
        return "symbolic link pointing outside the packet (not followed)"
    return target


def _admit(
    path: Path, rel: str, limits: Limits, files: list[SourceFile], errors: list[FileError]
) -> None:
    name = display_name(rel)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            errors.append(FileError(name, "not a regular file (device, pipe or socket)"))
            return
        if info.st_size == 0:
            errors.append(FileError(name, "empty file (0 bytes)"))
            return
        if info.st_size > limits.file_mb * 1_000_000:
            errors.append(
                FileError(
                    name,
                    f"too large: {info.st_size / 1_000_000:.1f} MB (limit {limits.file_mb} MB)",
                )
            )
            return
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        errors.append(FileError(name, _os_message(exc)))
        return
    kind = sniff(head)
    if kind is None:
        what = other_type(head)
        if what is not None:
            errors.append(
                FileError(name, f"unsupported file type: {what} (carcheck reads PDF files)")
            )
        elif path.suffix.lower() == ".pdf":
            errors.append(FileError(name, "not a PDF file (no %PDF header)"))
        else:
            errors.append(FileError(name, "unsupported file type (carcheck reads PDF files)"))
        return
    files.append(SourceFile(path=path, rel=name, type=kind, size=info.st_size))


def _os_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied (the file cannot be opened for reading)"
    if isinstance(exc, FileNotFoundError):
        return DISAPPEARED
    return f"cannot be read ({exc.strerror or 'operating system error'})"
