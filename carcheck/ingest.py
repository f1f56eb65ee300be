"""Walk a packet: list its files in a stable order and sniff each file's type by content."""

from __future__ import annotations

import os
import stat
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


_MAGIC: tuple[tuple[bytes, FileType], ...] = (
    (b"\x89PNG\r\n\x1a\n", FileType.PNG),
    (b"\xff\xd8\xff", FileType.JPEG),
    (b"II*\x00", FileType.TIFF),
    (b"MM\x00*", FileType.TIFF),
    (b"GIF87a", FileType.GIF),
    (b"GIF89a", FileType.GIF),
    (b"BM", FileType.BMP),
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
    # A PDF header may follow some junk (fax servers, mail gateways); readers accept it.
    if b"%PDF-" in head:
        return FileType.PDF
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
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


def _walk(folder: Path, root: Path, errors: list[FileError], prefix: str = ""):
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        errors.append(FileError(display_name(prefix.rstrip("/") or "."), _os_message(exc)))
        return
    for entry in entries:
        if is_skipped(entry.name):
            continue
        rel = prefix + entry.name
        path = Path(entry.path)
        if entry.is_symlink():
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
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path, root, errors, rel + "/")
        else:
            yield path, rel


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
        if path.suffix.lower() == ".pdf":
            errors.append(FileError(name, "not a PDF file (no %PDF header)"))
        else:
            errors.append(FileError(name, "unsupported file type (carcheck reads PDF files)"))
        return
    files.append(SourceFile(path=path, rel=name, type=kind, size=info.st_size))


def _os_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied (the file cannot be opened for reading)"
    if isinstance(exc, FileNotFoundError):
        return "file disappeared while the packet was being read"
    return f"cannot be read ({exc.strerror or 'operating system error'})"
