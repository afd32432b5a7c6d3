"""Load store and customer JSON (schema in docs/DESIGN.md); idempotent upserts by sku / id."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from commerce.cart.models import Cart, CartLine
from commerce.cart.pricing import modifiers_key, price_line, validate_modifiers
from commerce.catalog.info import ChosenModifier, product_info
from commerce.catalog.models import (
    Category,
    ModifierGroup,
    ModifierOption,
    Product,
    ProductAlias,
    Store,
)
from commerce.clock import utc
from commerce.customers.models import Customer
from commerce.customers.pins import hash_pin, pin_matches
from commerce.db import unit_of_work
from commerce.errors import InvalidData
from commerce.money import tax_cents
from commerce.orders.models import Order, OrderLine
from storedata.storefile import (
    ModifierGroupRecord,
    StoreDataError,
    StoreFile,
    read_store,
)

GUEST_ID = "guest"


@dataclass(frozen=True)
class SeedReport:
    created: int
    updated: int


def _read(path: Path) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidData(f"I couldn't read the data file {path}: {exc}.") from exc


def _groups(groups: Sequence[ModifierGroupRecord]) -> list[ModifierGroup]:
    return [
        ModifierGroup(name=g.name, required=g.required, multi=g.multi, default_option=g.default,
                      amounts=list(g.amounts), position=i,
                      options=[ModifierOption(name=o.name, price_delta_cents=o.price_delta_cents,
                                              position=j)
                               for j, o in enumerate(g.options)])
        for i, g in enumerate(groups)
    ]


def apply_store(session: Session, data: StoreFile) -> SeedReport:
    """Upsert one store into the open transaction (no commit)."""
    meta = data.store
    store = session.get(Store, meta.code) or Store(code=meta.code, catalog_version=0)
    store.name, store.currency, store.tax_rate_bp = meta.name, meta.currency, meta.tax_rate_bp
    session.add(store)
    categories = {c.name: c for c in session.execute(
        select(Category).where(Category.store_code == store.code)).scalars()}
    for cat in data.categories:
        row = categories.get(cat.name) or Category(store_code=store.code, name=cat.name)
        row.aliases, row.keywords = list(cat.aliases), list(cat.keywords)
        session.add(row)
        categories[cat.name] = row
    session.flush()
    existing = {p.sku: p for p in session.execute(
        select(Product).where(Product.store_code == store.code)
        .options(selectinload(Product.aliases), selectinload(Product.modifier_groups))
    ).scalars()}
    created = updated = 0
    for item in data.products:
        if item.category not in categories:
            raise InvalidData(f"Product {item.sku} has an unknown category {item.category}.")
        product = existing.get(item.sku)
        if product is None:
            product = Product(sku=item.sku, store_code=store.code)
            session.add(product)
            created += 1
        else:
            updated += 1
        product.category_id = categories[item.category].id
        product.name, product.brand = item.name, item.brand
        product.size, product.unit = item.size, item.unit
        product.price_cents, product.stock = item.price_cents, item.stock
        product.active, product.popularity = item.active, item.popularity
        product.tags, product.description = list(item.tags), item.description
        product.updated_at = utc()
        aliases = list(item.aliases)
        if [a.alias for a in product.aliases] != aliases:
            product.aliases = [ProductAlias(alias=a) for a in aliases]
        product.modifier_groups = _groups(item.modifier_groups)
    session.flush()
    return SeedReport(created, updated)


def load_store(session: Session, path: Path) -> SeedReport:
    try:
        data = read_store(path)
    except StoreDataError as exc:
        raise InvalidData(exc.message) from exc
    return unit_of_work(session, lambda: apply_store(session, data))


def ensure_guest(session: Session, store: str | None = None, guest_id: str = GUEST_ID) -> None:
    """The guest shopper (``guest``, or a kiosk's own ``guest-<kiosk>``) exists."""

    def ensure() -> None:
        if session.get(Customer, guest_id) is None:
            session.add(Customer(id=guest_id, name="Guest", store_code=store,
                                 failed_pin_attempts=0))

    unit_of_work(session, ensure)


def _product(session: Session, sku: str) -> Product:
    product = session.execute(
        select(Product).where(Product.sku == sku).options(
            selectinload(Product.store), selectinload(Product.category),
            selectinload(Product.aliases),
            selectinload(Product.modifier_groups).selectinload(ModifierGroup.options))
    ).scalar_one_or_none()
    if product is None:
        raise InvalidData(f"The customer data names an unknown product {sku}.")
    return product


def _line_data(session: Session, item: dict[str, Any]) -> tuple[Product, list[ChosenModifier], int]:
    product = _product(session, item["sku"])
    info = product_info(product)
    chosen = validate_modifiers(info, [ChosenModifier.from_json(m)
                                       for m in item.get("modifiers", [])])
    return product, chosen, price_line(info, chosen)


def _seed_orders(session: Session, customer: Customer, orders: list[dict[str, Any]]) -> None:
    for i, data in enumerate(orders):
        key = f"seed:{customer.id}:{i}"
        if session.execute(select(Order.id).where(Order.idempotency_key == key)).first():
            continue
        placed = utc() - timedelta(days=float(data.get("days_ago", 0)))
        lines, store = [], None
        for item in data["items"]:
            product, chosen, unit = _line_data(session, item)
            store = store or product.store
            qty = int(item.get("quantity", 1))
            lines.append(OrderLine(product_id=product.id, sku=product.sku, name=product.name,
                                   quantity=qty, unit_price_cents=unit,
                                   line_total_cents=unit * qty,
                                   modifiers=[m.to_json() for m in chosen]))
        if store is None:
            continue
        subtotal = sum(line.line_total_cents for line in lines)
        tax = tax_cents(subtotal, store.tax_rate_bp)
        session.add(Order(customer_id=customer.id, store_code=store.code,
                          status=data.get("status", "delivered"), placed_at=placed,
                          updated_at=placed, subtotal_cents=subtotal, tax_cents=tax,
                          total_cents=subtotal + tax, currency=store.currency,
                          idempotency_key=key, lines=lines))


def _seed_cart(session: Session, customer: Customer, items: list[dict[str, Any]]) -> None:
    for item in items:
        product, chosen, _ = _line_data(session, item)
        cart = session.execute(select(Cart).where(
            Cart.customer_id == customer.id, Cart.store_code == product.store_code)
        ).scalar_one_or_none()
        if cart is None:
            cart = Cart(customer_id=customer.id, store_code=product.store_code, updated_at=utc())
            session.add(cart)
        cart.lines.append(CartLine(product_id=product.id, quantity=int(item.get("quantity", 1)),
                                   modifiers=[m.to_json() for m in chosen],
                                   modifiers_key=modifiers_key(chosen)))
        session.flush()


def apply_customers(session: Session, data: list[dict[str, Any]]) -> SeedReport:
    created = updated = 0
    for item in data:
        customer = session.get(Customer, item["id"])
        is_new = customer is None
        if customer is None:
            customer = Customer(id=item["id"], failed_pin_attempts=0)
            session.add(customer)
            created += 1
        else:
            updated += 1
        customer.name = item.get("name", item["id"])
        customer.store_code = item.get("store")
        customer.spending_limit_cents = item.get("spending_limit_cents")
        pin = item.get("pin")
        if pin and (customer.pin_hash is None or not pin_matches(str(pin), customer.pin_hash)):
            customer.pin_hash = hash_pin(str(pin))
        session.flush()
        _seed_orders(session, customer, item.get("orders", []))
        if is_new:
            _seed_cart(session, customer, item.get("cart", []))
    session.flush()
    return SeedReport(created, updated)


def load_customers(session: Session, path: Path) -> SeedReport:
    data = _read(path)
    if not isinstance(data, list):
        raise InvalidData(f"{path} should hold a list of customers.")
    return unit_of_work(session, lambda: apply_customers(session, data))


def seed_database(url: str, data_dir: Path) -> None:
    """Migrate the database at ``url``, then load every store, the customers and a guest."""
    from commerce.db import make_engine, session_factory, upgrade

    engine = make_engine(url)
    upgrade(engine)
    with session_factory(engine)() as session:
        for store in sorted((data_dir / "stores").glob("*.json")):
            load_store(session, store)
        load_customers(session, data_dir / "customers.json")
        ensure_guest(session)
    engine.dispose()
