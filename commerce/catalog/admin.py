"""The store's side of the catalog: every product of a store, stock and price changes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commerce.cart.service import load_store
from commerce.catalog.info import ProductInfo
from commerce.catalog.models import Product
from commerce.catalog.service import get_product_by_sku, products_by_id
from commerce.db import reads, unit_of_work
from commerce.errors import InvalidData, ProductNotFound

MAX_STOCK = 1_000_000
MAX_PRICE_CENTS = 10_000_000


@reads
def store_products(session: Session, store: str) -> list[ProductInfo]:
    """Every product of ``store`` (inactive ones too), by SKU."""
    load_store(session, store)
    ids = list(session.execute(select(Product.id).where(Product.store_code == store)
                               .order_by(Product.sku)).scalars())
    found = products_by_id(session, ids)
    return [found[i] for i in ids]


def update_product(session: Session, sku: str, *, stock: int | None = None,
                   price_cents: int | None = None) -> ProductInfo:
    """Set a product's stock and/or price (integer cents) in one transaction."""
    if stock is None and price_cents is None:
        raise InvalidData("Say what to change: stock, price_cents or both.", code="nothing_to_change")
    if stock is not None and not 0 <= stock <= MAX_STOCK:
        raise InvalidData(f"Stock is a whole number from 0 to {MAX_STOCK}.", code="invalid_stock")
    if price_cents is not None and not 0 <= price_cents <= MAX_PRICE_CENTS:
        raise InvalidData("A price is a whole number of cents, 0 or more.", code="invalid_price")

    def change() -> None:
        product = session.execute(select(Product).where(Product.sku == sku.strip().upper())
                                  .with_for_update()).scalar_one_or_none()
        if product is None:
            raise ProductNotFound(sku)
        if stock is not None:
            product.stock = stock
        if price_cents is not None:
            product.price_cents = price_cents
        product.updated_at = datetime.utcnow()

    unit_of_work(session, change)
    return get_product_by_sku(session, sku)
