"""Per-file limits: what a file may cost before it is reported as too large or too complex.

Limits that decide a result count things (bytes, pages, objects, characters, pixels), so
the same packet gives the same report on any machine. Memory and wall-clock time bound
the worker process as a last resort against a hang or an out-of-memory kill.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from carcheck.errors import UsageError


@dataclass(frozen=True, slots=True)
class Limits:
    file_mb: int = 200  # size of one packet file
    pages: int = 2000  # pages in one file
    page_inches: int = 200  # longest side of a page (PDF's own maximum is 200 in)
    objects: int = 200_000  # drawing objects on one page
    chars: int = 200_000  # characters on one page
    image_megapixels: int = 250  # one image (a decompression bomb declares billions)
    memory_mb: int = 2048  # address space of the worker reading one file (backstop)
    seconds: int = 300  # time for one file over all its work (backstop against a hang)


DEFAULT_LIMITS = Limits()

# The most each limit may be raised to: past these a value is a typo, and some would not
# fit the operating system's own limits (address space in bytes, wait timeouts).
MAXIMA = {
    "file_mb": 1_000_000,  # a terabyte
    "pages": 10_000_000,
    "page_inches": 1_000_000,
    "objects": 1_000_000_000,
    "chars": 1_000_000_000,
    "image_megapixels": 1_000_000,
    "memory_mb": 1_048_576,  # a tebibyte
    "seconds": 86_400,  # a day
}

DESCRIPTIONS = {
    "file_mb": "megabytes in one packet file",
    "pages": "pages in one file",
    "page_inches": "inches on the longest side of a page",
    "objects": "drawing objects on one page",
    "chars": "characters on one page",
    "image_megapixels": "megapixels in one image",
    "memory_mb": "megabytes of memory for the worker reading one file (backstop)",
    "seconds": "seconds one file may take over all its work (backstop against a hang)",
}


def names() -> list[str]:
    return [f.name for f in fields(Limits)]


def with_overrides(base: Limits, settings: list[str]) -> Limits:
    """`base` with `NAME=VALUE` settings applied (from --limit); a bad one is a usage error."""
    changes: dict[str, int] = {}
    for setting in settings:
        name, sep, value = setting.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in names():
            raise UsageError(
                f"--limit takes NAME=VALUE with NAME one of {', '.join(names())}, not {setting!r}"
            )
        try:
            number = int(value)
        except ValueError:
            raise UsageError(f"--limit {name} needs a whole number, not {value!r}") from None
        if number <= 0:
            raise UsageError(f"--limit {name} must be positive")
        if number > MAXIMA[name]:
            raise UsageError(f"--limit {name} may be at most {MAXIMA[name]:,}")
        changes[name] = number
    return replace(base, **changes)
