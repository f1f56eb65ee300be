"""Policy knowledge kept as data: CAR T products, authorized treatment centers, and the
configuration that adds to them or overrides the age limits of items C and D."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from carcheck.errors import UsageError

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
    products = [_product(p, "products.toml") for p in _shipped("products.toml").get("product", [])]
    centers = [_center(c, "centers.toml") for c in _shipped("centers.toml").get("center", [])]
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
        products += [_product(p, where) for p in data.get("product", [])]
        centers += [_center(c, where) for c in data.get("center", [])]
        for key, value in data.get("limits", {}).items():
            if key not in months:
                raise PolicyError(f"{where}: [limits] knows {', '.join(months)}, not {key!r}")
            if not isinstance(value, int) or not 1 <= value <= 60:
                raise PolicyError(f"{where}: [limits] {key} must be a whole number of months")
            months[key] = value
            sources[key] = where
        if data.get("product"):
            sources["products"] += f" + {where}"
        if data.get("center"):
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


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PolicyError(f"no such config file: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyError(f"cannot read config file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"config file {path} is not valid TOML: {exc}") from None


def _product(data: dict[str, Any], where: str) -> Product:
    brand = _text(data, "brand", where)
    context = f"{where}: product {brand}"
    generic = _text(data, "generic", context)
    rems = str(data.get("rems", "none"))
    if rems not in REMS_STATES:
        raise PolicyError(f"{context}: rems must be one of {', '.join(REMS_STATES)}")
    hcpcs = data.get("hcpcs")
    if hcpcs is not None and not re.fullmatch(r"[A-Z]\d{4}", str(hcpcs)):
        raise PolicyError(f"{context}: hcpcs must look like Q2041")
    indications = []
    for entry in data.get("indications", []):
        disease = _text(entry, "disease", context)
        if disease not in DISEASES:
            raise PolicyError(f"{context}: disease must be one of {', '.join(DISEASES)}")
        indications.append(
            Indication(
                disease=disease,
                line=str(entry.get("line", "")),
                min_age=entry.get("min_age"),
                max_age=entry.get("max_age"),
                source=str(entry.get("source", "")),
            )
        )
    if not indications:
        raise PolicyError(f"{context}: at least one indication is needed")
    return Product(
        brand=brand,
        generic=generic,
        abbreviations=tuple(str(a) for a in data.get("abbreviations", [])),
        manufacturer=str(data.get("manufacturer", "")),
        approved=_date(data.get("approved"), context),
        hcpcs=str(hcpcs) if hcpcs else None,
        hcpcs_verified=bool(data.get("hcpcs_verified", False)),
        rems=rems,
        rems_until=_date(data.get("rems_until"), context),
        indications=tuple(indications),
        source=where,
    )


def _center(data: dict[str, Any], where: str) -> Center:
    name = _text(data, "name", where)
    return Center(
        name=name,
        aliases=tuple(str(a) for a in data.get("aliases", [])),
        city=str(data.get("city", "")),
        source=str(data.get("source", where)),
    )


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PolicyError(f"{where}: {key!r} is required")
    return value.strip()


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    raise PolicyError(f"{where}: dates are TOML dates, like 2024-11-08")


def _check_unique(names: list[str], what: str) -> None:
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise PolicyError(f"the {what} {name!r} is given twice")
        seen.add(name)
