"""Checkout: the cart becomes an order in one transaction, safe against overselling and
double submission (idempotency key)."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from commerce.cart.pricing import price_line
from commerce.cart.service import find_cart, load_store
from commerce.catalog.info import ChosenModifier, ProductInfo
from commerce.catalog.models import Product, Store
from commerce.catalog.service import products_by_id
from commerce.checks import Check
from commerce.clock import utc
from commerce.customers.service import load_customer
from commerce.db import reads, unit_of_work
from commerce.errors import (
    CartEmpty,
    CommerceError,
    InvalidData,
    OutOfStock,
    PurchaseLocked,
    SpendingLimitExceeded,
)
from commerce.money import format_cents, tax_cents
from commerce.orders.models import Order, OrderLine
from commerce.orders.views import OrderView, order_view
from commerce.serialize import to_data
from commerce.webhooks.outbox import emit

log = logging.getLogger(__name__)
AfterCommit = Callable[[OrderView], None]


@dataclass(frozen=True)
class _Priced:
    product: ProductInfo
    quantity: int
    modifiers: list[dict[str, Any]]
    unit_price_cents: int


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


def _existing(session: Session, key: str) -> OrderView | None:
    order = session.execute(select(Order).where(Order.idempotency_key == key)).scalar_one_or_none()
    return order_view(order) if order is not None else None


def _priced_cart(session: Session, customer_id: str, store: str) -> list[_Priced]:
    cart = find_cart(session, customer_id, store, create=False)
    if cart is None or not cart.lines:
        raise CartEmpty()
    products = products_by_id(session, [line.product_id for line in cart.lines])
    priced = []
    for line in cart.lines:
        product = products[line.product_id]
        mods = [ChosenModifier.from_json(m) for m in line.modifiers or []]
        priced.append(_Priced(product, line.quantity, list(line.modifiers or []),
                              price_line(product, mods)))
    return priced


def _short(priced: list[_Priced]) -> list[str]:
    wanted: dict[int, int] = {}
    for p in priced:
        wanted[p.product.id] = wanted.get(p.product.id, 0) + p.quantity
    return [p.product.name for p in priced
            if not p.product.active or p.product.stock < wanted[p.product.id]]


def _totals(priced: list[_Priced], rate_bp: int) -> tuple[int, int, int]:
    subtotal = sum(p.unit_price_cents * p.quantity for p in priced)
    tax = tax_cents(subtotal, rate_bp)
    return subtotal, tax, subtotal + tax


@dataclass(frozen=True)
class _Checked:
    """A cart that passed the checkout policy, priced once."""

    shop: Store
    priced: list[_Priced]
    subtotal: int
    tax: int
    total: int


def _policy(session: Session, customer_id: str, store: str, moment: datetime) -> _Checked:
    """The one checkout policy, in order: not locked, a cart, all in stock, within the
    spending limit. Raises the first refusal (its ``code`` is what ``can_checkout`` says)."""
    customer = load_customer(session, customer_id)
    if customer.locked_until is not None and customer.locked_until > moment:
        raise PurchaseLocked(customer.locked_until)
    shop = load_store(session, store)
    priced = _priced_cart(session, customer_id, store)
    short = _short(priced)
    if short:
        raise OutOfStock(short)
    subtotal, tax, total = _totals(priced, shop.tax_rate_bp)
    limit = customer.spending_limit_cents
    if limit is not None and total > limit:
        raise SpendingLimitExceeded(limit, total, (format_cents(limit), format_cents(total)))
    return _Checked(shop, priced, subtotal, tax, total)


REFUSALS = (PurchaseLocked, CartEmpty, OutOfStock, SpendingLimitExceeded)


@reads
def can_checkout(session: Session, customer_id: str, *, store: str, now: datetime | None = None) -> Check:
    """Would checkout succeed now? The refusal's code: cart_empty, out_of_stock,
    spending_limit_exceeded or purchase_locked."""
    try:
        _policy(session, customer_id, store, utc(now))
    except REFUSALS as exc:
        return Check.no(exc.code, exc.message)
    return Check.yes()


def _place(session: Session, customer_id: str, store: str, key: str, now: datetime | None = None,
           kiosk: str | None = None) -> OrderView:
    """Locks, in a fixed order: the cart row (so a second "yes", from this kiosk or another,
    waits here and then sees the first order or an empty cart), then each product's row by
    id, through the conditional stock update."""
    find_cart(session, customer_id, store, create=False)
    existing = _existing(session, key)  # after the cart lock: a repeat sees the first order
    if existing is not None:
        return existing
    moment = utc(now)
    checked = _policy(session, customer_id, store, moment)
    shop, priced = checked.shop, checked.priced
    subtotal, tax, total = checked.subtotal, checked.tax, checked.total
    wanted: dict[int, int] = {}
    for p in priced:
        wanted[p.product.id] = wanted.get(p.product.id, 0) + p.quantity
    names = {p.product.id: p.product.name for p in priced}
    order = Order(customer_id=customer_id, store_code=store, status="placed", placed_at=moment,
                  updated_at=moment, subtotal_cents=subtotal, tax_cents=tax, total_cents=total,
                  currency=shop.currency, idempotency_key=key, kiosk=kiosk)
    order.lines = [
        OrderLine(product_id=p.product.id, sku=p.product.sku, name=p.product.name,
                  quantity=p.quantity, unit_price_cents=p.unit_price_cents,
                  line_total_cents=p.unit_price_cents * p.quantity, modifiers=p.modifiers)
        for p in priced
    ]
    session.add(order)
    cart = find_cart(session, customer_id, store, create=False)
    assert cart is not None
    cart.lines.clear()
    session.flush()
    # The stock last: a product's row stays locked only from here to the commit.
    for product_id in sorted(wanted):  # fixed order: no lock-order surprises
        result = session.execute(
            update(Product)
            .where(Product.id == product_id, Product.stock >= wanted[product_id])
            .values(stock=Product.stock - wanted[product_id])
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise OutOfStock([names[product_id]])
    view = order_view(order)
    emit(session, "order.placed", {"order": to_data(view)})  # committed with the order
    return view


def checkout(
    session: Session, customer_id: str, *, store: str, idempotency_key: str, now: datetime | None = None,
    after_commit: Sequence[AfterCommit] = (), kiosk: str | None = None,
) -> OrderView:
    """Place the cart as an order (taken at ``kiosk``). The same key again returns the same
    order."""
    key = (idempotency_key or "").strip()
    if not key:
        raise InvalidData("Checkout needs an idempotency key.", code="missing_idempotency_key")
    try:
        order = unit_of_work(session, lambda: _place(session, customer_id, store, key, now, kiosk))
    except IntegrityError:  # another session placed this key between our check and insert
        existing = _existing(session, key)
        if existing is None:
            raise
        order = existing
    if order.customer_id != customer_id:
        raise InvalidData("That checkout key belongs to another order.", code="key_conflict")
    for callback in after_commit:
        try:
            callback(order)
        except CommerceError:
            raise
        except Exception:  # noqa: BLE001 - a notification must not undo a placed order
            log.exception("after-commit hook failed for order %s", order.id)
    return order
