"""Policy knowledge kept as data: CAR T products, authorized treatment centers, and the
configuration that adds to them or overrides the age limits of items C and D."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from carcheck.errors import UsageError
from carcheck.ingest import display_name

DISEASES = ("LBCL", "FL", "MCL", "B-ALL", "CLL/SLL", "MZL", "MM")
REMS_STATES = ("required", "eliminated", "none")
DEFAULT_CONFIG = "carcheck.toml"


@dataclass(frozen=True, slots=True)
class Indication:
    disease: str
    line: str
    min_age: int | None = None
    max_age: int | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Product:
    brand: str
    generic: str
    abbreviations: tuple[str, ...]
    manufacturer: str
    approved: dt.date | None
    hcpcs: str | None
    hcpcs_verified: bool
    rems: str
    rems_until: dt.date | None
    indications: tuple[Indication, ...]
    source: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.brand, self.generic, *self.abbreviations)


@dataclass(frozen=True, slots=True)
class Center:
    name: str
    aliases: tuple[str, ...]
    city: str
    source: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Knowledge:
    products: tuple[Product, ...]
    centers: tuple[Center, ...]
    serology_months: int = 3
    biopsy_months: int = 6
    sources: dict[str, str] = field(default_factory=dict)  # what came from where


class PolicyError(UsageError):
    """A knowledge or configuration file that does not hold what it must."""


def load(config: Path | None = None, search: Path | None = None) -> Knowledge:
    """The shipped products and centers, plus a config file (given, or found in `search`)."""
    shipped_products = _tables(_shipped("products.toml"), "product", "products.toml")
    shipped_centers = _tables(_shipped("centers.toml"), "center", "centers.toml")
    products = [_product(p, "products.toml") for p in shipped_products]
    centers = [_center(c, "centers.toml") for c in shipped_centers]
    sources = {
        "products": "carcheck/policy/products.toml",
        "centers": "carcheck/policy/centers.toml",
        "serology_months": "WNC.CP.192 I.C (default)",
        "biopsy_months": "WNC.CP.192 I.D (default)",
    }
    months = {"serology_months": 3, "biopsy_months": 6}
    path = config or _find(search)
    if path is not None:
        data = _read(path)
        where = str(path)
        added_products = _tables(data, "product", where)
        added_centers = _tables(data, "center", where)
        products += [_product(p, where) for p in added_products]
        centers += [_center(c, where) for c in added_centers]
        limits = data.get("limits", {})
        if not isinstance(limits, dict):
            raise PolicyError(f"{where}: limits must be a table ([limits]), not {_kind(limits)}")
        for key, value in limits.items():
            if key not in months:
                raise PolicyError(f"{where}: [limits] knows {', '.join(months)}, not {key!r}")
            # A TOML boolean is a Python int: `true` must not be taken for 1 month.
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
                raise PolicyError(
                    f"{where}: [limits] {key} must be a whole number of months from 1 to 60"
                )
            months[key] = value
            sources[key] = where
        if added_products:
            sources["products"] += f" + {where}"
        if added_centers:
            sources["centers"] += f" + {where}"
    _check_unique([n.lower() for p in products for n in p.names], "product name")
    return Knowledge(tuple(products), tuple(centers), sources=sources, **months)


def _find(search: Path | None) -> Path | None:
    if search is None:
        return None
    candidate = search / DEFAULT_CONFIG
    return candidate if candidate.is_file() else None


def _shipped(name: str) -> dict[str, Any]:
    text = resources.files("carcheck.policy").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


# A configuration is a few kilobytes; anything much larger is not one.
MAX_CONFIG_BYTES = 1_000_000


def _read(path: Path) -> dict[str, Any]:
    """The TOML of a config file: a regular file (never a FIFO or a device), read bounded."""
    name = display_name(str(path))
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise PolicyError(f"no such config file: {name}") from None
    except OSError as exc:
        raise PolicyError(f"cannot read config file {name}: {exc.strerror or 'error'}") from None
    with os.fdopen(fd, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise PolicyError(f"config file {name} is not a regular file")
            raw = handle.read(MAX_CONFIG_BYTES + 1)
        except OSError as exc:
            why = exc.strerror or "error"
            raise PolicyError(f"cannot read config file {name}: {why}") from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise PolicyError(f"config file {name} is too large (over {MAX_CONFIG_BYTES:,} bytes)")
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise PolicyError(f"config file {name} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"config file {name} is not valid TOML: {exc}") from None


def _kind(value: Any) -> str:
    """What a TOML value is, in TOML's words, for a message."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return "a date"


def _tables(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    """`[[key]]` entries: an array of tables, or nothing."""
    value = data.get(key, [])
    wrong = _wrong(value, lambda v: isinstance(v, dict))
    if wrong:
        raise PolicyError(f"{where}: {key} must be an array of tables ([[{key}]]), not {wrong}")
    return value


def _strings(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    """An optional array of non-empty strings (a lone string is refused, not split)."""
    value = data.get(key, [])
    wrong = _wrong(value, lambda v: isinstance(v, str) and bool(v.strip()))
    if wrong:
        raise PolicyError(f'{where}: {key} must be an array of names, like ["Name"], not {wrong}')
    return tuple(v.strip() for v in value)


def _wrong(value: Any, fits: Callable[[Any], bool]) -> str:
    """What is wrong with an array whose elements must fit, in words; "" when nothing."""
    if not isinstance(value, list):
        return _kind(value)
    for element in value:
        if not fits(element):
            if isinstance(element, str) and not element.strip():
                return "a blank name"
            return f"an array holding {_kind(element)}"
    return ""


def _optional_text(data: dict[str, Any], key: str, where: str, default: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise PolicyError(f"{where}: {key} must be a string, not {_kind(value)}")
    return value


def _age(data: dict[str, Any], key: str, where: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 150:
        raise PolicyError(f"{where}: {key} must be an age in whole years")
    return value


def _product(data: dict[str, Any], where: str) -> Product:
    brand = _text(data, "brand", where)
    context = f"{where}: product {brand}"
    generic = _text(data, "generic", context)
    rems = _optional_text(data, "rems", context, "none")
    if rems not in REMS_STATES:
        raise PolicyError(f"{context}: rems must be one of {', '.join(REMS_STATES)}")
    hcpcs = data.get("hcpcs")
    if hcpcs is not None and not (isinstance(hcpcs, str) and re.fullmatch(r"[A-Z]\d{4}", hcpcs)):
        raise PolicyError(f"{context}: hcpcs must look like Q2041")
    verified = data.get("hcpcs_verified", False)
    if not isinstance(verified, bool):
        raise PolicyError(f"{context}: hcpcs_verified must be true or false")
    indications = []
    for entry in _tables(data, "indications", context):
        disease = _text(entry, "disease", context)
        if disease not in DISEASES:
            raise PolicyError(f"{context}: disease must be one of {', '.join(DISEASES)}")
        indications.append(
            Indication(
                disease=disease,
                line=_optional_text(entry, "line", context),
                min_age=_age(entry, "min_age", context),
                max_age=_age(entry, "max_age", context),
                source=_optional_text(entry, "source", context),
            )
        )
    if not indications:
        raise PolicyError(f"{context}: at least one indication is needed")
    return Product(
        brand=brand,
        generic=generic,
        abbreviations=_strings(data, "abbreviations", context),
        manufacturer=_optional_text(data, "manufacturer", context),
        approved=_date(data.get("approved"), context),
        hcpcs=hcpcs or None,
        hcpcs_verified=verified,
        rems=rems,
        rems_until=_date(data.get("rems_until"), context),
        indications=tuple(indications),
        source=where,
    )


def _center(data: dict[str, Any], where: str) -> Center:
    name = _text(data, "name", where)
    context = f"{where}: center {name}"
    return Center(
        name=name,
        aliases=_strings(data, "aliases", context),
        city=_optional_text(data, "city", context),
        source=_optional_text(data, "source", context, where),
    )


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PolicyError(f"{where}: {key!r} is required")
    return value.strip()


def _date(value: Any, where: str) -> dt.date | None:
    # A TOML date-time is a datetime, itself a date: it is not a date of this kind.
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    raise PolicyError(f"{where}: dates are TOML dates, like 2024-11-08")


def _check_unique(names: list[str], what: str) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise PolicyError(f"the {what} {name!r} is given twice")
        seen.add(name)
