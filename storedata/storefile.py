"""The one reader of a store file, ``data/stores/<code>.json`` (format in docs/DESIGN.md).

Every stage that needs the store's words or rows reads them here, as typed records: the
commerce seeding, the NLU's training banks, the recognizer's vocabulary and the cafe menu.
A file that cannot be read, or a record that lacks a required field, is one
:class:`StoreDataError` naming the file and the record.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storedata.errors import ExpectedError


class StoreDataError(ExpectedError):
    code = "store_data"


@dataclass(frozen=True)
class OptionRecord:
    name: str
    price_delta_cents: int = 0


@dataclass(frozen=True)
class ModifierGroupRecord:
    """A drink's choice: size, roast, shots, milk, sweetener (with its amount phrases)."""

    name: str
    options: tuple[OptionRecord, ...]
    required: bool = False
    multi: bool = False
    default: str | None = None
    amounts: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProductRecord:
    sku: str
    name: str
    category: str
    price_cents: int
    brand: str | None = None
    size: str | None = None
    unit: str | None = None
    stock: int = 0
    active: bool = True
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    description: str = ""
    modifier_groups: tuple[ModifierGroupRecord, ...] = ()
    popularity: int = 0  # units sold in a typical week: the usual pick of a family sells most


@dataclass(frozen=True)
class CategoryRecord:
    name: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()  # needs said instead of the name ("headache")


@dataclass(frozen=True)
class StoreInfo:
    code: str
    name: str
    currency: str = "USD"
    tax_rate_bp: int = 0


@dataclass(frozen=True)
class StoreFile:
    store: StoreInfo
    categories: tuple[CategoryRecord, ...]
    products: tuple[ProductRecord, ...]

    @property
    def active_products(self) -> list[ProductRecord]:
        return [p for p in self.products if p.active]


def read_store(path: Path) -> StoreFile:
    """The store file at ``path``; :class:`StoreDataError` when it cannot be used."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreDataError(f"I couldn't read the store file {Path(path).name}: {exc}.") from exc
    return parse_store(raw, source=Path(path).name)


def parse_store(raw: Any, source: str = "the store data") -> StoreFile:
    """A store document already loaded (a store file's JSON, or a bundled sample)."""
    if not isinstance(raw, Mapping):
        raise StoreDataError(f"{source} is not a store: it needs store, categories, products.")
    try:
        meta = raw["store"]
        store = StoreInfo(str(meta["code"]), str(meta["name"]), str(meta.get("currency", "USD")),
                          int(meta.get("tax_rate_bp", 0)))
        categories = tuple(_category(c) for c in raw.get("categories", []))
        products = tuple(_product(p, source) for p in raw.get("products", []))
    except StoreDataError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise StoreDataError(f"{source} has a store or category record I can't use: {exc}.") from exc
    return StoreFile(store, categories, products)


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values or [])


def _category(raw: Mapping[str, Any]) -> CategoryRecord:
    return CategoryRecord(str(raw["name"]), _strings(raw.get("aliases")),
                          _strings(raw.get("keywords")))


def _product(raw: Mapping[str, Any], source: str) -> ProductRecord:
    try:
        return ProductRecord(
            sku=str(raw["sku"]), name=str(raw["name"]), category=str(raw["category"]),
            price_cents=int(raw["price_cents"]), brand=raw.get("brand") or None,
            size=raw.get("size") or None, unit=raw.get("unit") or None,
            stock=int(raw.get("stock", 0)), active=bool(raw.get("active", True)),
            aliases=_strings(raw.get("aliases")), tags=_strings(raw.get("tags")),
            description=str(raw.get("description") or ""),
            modifier_groups=tuple(_group(g) for g in raw.get("modifier_groups") or []),
            popularity=int(raw.get("popularity", 0)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        name = raw.get("sku", "?") if isinstance(raw, Mapping) else "?"
        raise StoreDataError(f"Product {name} in {source} can't be used: {exc!r}.") from exc


def _group(raw: Mapping[str, Any]) -> ModifierGroupRecord:
    options = tuple(OptionRecord(str(o["name"]), int(o.get("price_delta_cents", 0)))
                    for o in raw.get("options", []))
    return ModifierGroupRecord(
        name=str(raw["name"]), options=options, required=bool(raw.get("required", False)),
        multi=bool(raw.get("multi", False)), default=raw.get("default"),
        amounts=_strings(raw.get("amounts")),
    )
