"""Catalog look-ups by id, SKU and spoken name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from commerce.catalog.info import ProductInfo, product_info
from commerce.catalog.models import Category, ModifierGroup, Product, ProductAlias
from commerce.db import reads
from commerce.errors import ProductNotFound


def _load_options() -> list[Any]:
    return [
        joinedload(Product.store), joinedload(Product.category),
        selectinload(Product.aliases),
        selectinload(Product.modifier_groups).selectinload(ModifierGroup.options),
    ]


@reads
def products_by_id(session: Session, ids: Sequence[int]) -> dict[int, ProductInfo]:
    if not ids:
        return {}
    rows = session.execute(
        select(Product).where(Product.id.in_(list(ids))).options(*_load_options())
    ).scalars()
    return {p.id: product_info(p) for p in rows}


def live_stock(session: Session, ids: Sequence[int]) -> list[tuple[int, tuple[int, bool]]]:
    """(id, (stock, active)) for the given products, read now."""
    if not ids:
        return []
    rows = session.execute(
        select(Product.id, Product.stock, Product.active).where(Product.id.in_(list(ids)))
    )
    return [(int(pid), (int(stock), bool(active))) for pid, stock, active in rows]


@reads
def get_product(session: Session, product_id: int) -> ProductInfo:
    found = products_by_id(session, [product_id])
    if product_id not in found:
        raise ProductNotFound(f"product {product_id}")
    return found[product_id]


@reads
def get_product_by_sku(session: Session, sku: str) -> ProductInfo:
    product = session.execute(
        select(Product).where(Product.sku == sku.strip().upper()).options(*_load_options())
    ).scalar_one_or_none()
    if product is None:
        raise ProductNotFound(sku)
    return product_info(product)


@reads
def resolve_product(session: Session, query_or_sku: str, *, store: str | None = None) -> ProductInfo:
    """A SKU, else the best confident search hit, else ProductNotFound with suggestions."""
    from commerce.catalog.search import search

    text = query_or_sku.strip()
    if text and " " not in text:
        try:
            return get_product_by_sku(session, text)
        except ProductNotFound:
            pass
    result = search(session, text, store=store, limit=3)
    if result.best is None:
        raise ProductNotFound(text, result.did_you_mean)
    return result.best.product


@reads
def customizable_products(session: Session, store: str) -> list[ProductInfo]:
    """The store's active products that take modifiers (a cafe's drinks), by name."""
    rows = session.execute(
        select(Product)
        .where(Product.store_code == store, Product.active.is_(True),
               Product.modifier_groups.any())
        .order_by(Product.name)
        .options(*_load_options())
    ).scalars()
    return [product_info(p) for p in rows]


@reads
def list_categories(session: Session, *, store: str | None = None) -> list[str]:
    stmt = select(Category.name).order_by(Category.name)
    if store:
        stmt = stmt.where(Category.store_code == store)
    return list(dict.fromkeys(session.execute(stmt).scalars()))


@dataclass(frozen=True)
class NamedItem:
    """What a product or a category is called: all a spotter of the catalog's words needs."""

    name: str
    brand: str | None = None
    aliases: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    popularity: int = 0


@reads
def catalog_names(session: Session, store: str) -> tuple[list[NamedItem], list[NamedItem]]:
    """(products, categories) of the store: names, brands, aliases, category keywords. Lean
    queries (no product objects), so that a catalog of 100,000 products loads in seconds."""
    aliases: dict[int, list[str]] = {}
    for pid, alias in session.execute(
        select(ProductAlias.product_id, ProductAlias.alias).join(Product)
        .where(Product.store_code == store, Product.active.is_(True))
    ):
        aliases.setdefault(int(pid), []).append(str(alias))
    products = [NamedItem(str(name), brand, aliases.get(int(pid), []), [], list(tags or []),
                          int(popularity or 0))
                for pid, name, brand, tags, popularity in session.execute(
                    select(Product.id, Product.name, Product.brand, Product.tags,
                           Product.popularity)
                    .where(Product.store_code == store, Product.active.is_(True)))]
    categories = [NamedItem(str(c.name), None, list(c.aliases or []), list(c.keywords or []))
                  for c in session.execute(
                      select(Category).where(Category.store_code == store)).scalars()]
    return products, categories
