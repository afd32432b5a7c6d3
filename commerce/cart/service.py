"""Cart service: add, remove, set quantity, clear, view with totals in cents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from commerce.cart.models import Cart, CartLine
from commerce.cart.pricing import (
    DEFAULT_STOCK_RULE,
    MAX_QUANTITY,
    MIN_QUANTITY,
    describe,
    modifiers_key,
    price_line,
    validate_modifiers,
)
from commerce.catalog.info import ChosenModifier
from commerce.catalog.models import Store
from commerce.catalog.search import product_infos
from commerce.catalog.service import get_product
from commerce.customers.service import load_customer
from commerce.db import reads, unit_of_work, writing
from commerce.errors import (
    CartLineNotFound,
    OutOfStock,
    ProductNotFound,
    QuantityOutOfRange,
    StoreNotFound,
)
from commerce.money import tax_cents
from storedata.numbers import NUMBER_WORDS
from storedata.sound import sounds_alike
from storedata.text import fold
from storedata.words import FUNCTION_WORDS, REQUEST_WORDS


@dataclass(frozen=True)
class CartLineView:
    line_id: int
    product_id: int
    sku: str
    name: str
    quantity: int
    modifiers: list[ChosenModifier]
    unit_price_cents: int
    line_total_cents: int
    in_stock: bool
    description: str
    brand: str = ""  # said with the name ("lay's"), so a line is found by its brand too


@dataclass(frozen=True)
class CartView:
    customer_id: str
    store: str
    currency: str
    lines: list[CartLineView]
    item_count: int
    subtotal_cents: int
    tax_rate_bp: int
    tax_cents: int
    total_cents: int

    @property
    def is_empty(self) -> bool:
        return not self.lines


def check_quantity(quantity: int) -> int:
    if not isinstance(quantity, int) or not MIN_QUANTITY <= quantity <= MAX_QUANTITY:
        raise QuantityOutOfRange(quantity, MIN_QUANTITY, MAX_QUANTITY)
    return quantity


def load_store(session: Session, store: str) -> Store:
    row = session.get(Store, store)
    if row is None:
        raise StoreNotFound(store)
    return row


def find_cart(session: Session, customer_id: str, store: str, create: bool) -> Cart | None:
    """The customer's cart in ``store``. Inside a write, its row is locked (``FOR UPDATE``)
    until the transaction ends: two kiosks changing one cart, or checking it out, take turns,
    and the second sees what the first committed. (The lock order: cart, then products.)"""
    query = select(Cart).where(Cart.customer_id == customer_id, Cart.store_code == store)
    if writing(session):
        query = query.with_for_update()
    cart = session.execute(query).scalar_one_or_none()
    if cart is None and create:
        load_customer(session, customer_id)
        load_store(session, store)
        cart = Cart(customer_id=customer_id, store_code=store, updated_at=datetime.utcnow())
        session.add(cart)
        session.flush()
    return cart


@reads
def view_cart(session: Session, customer_id: str, *, store: str) -> CartView:
    load_customer(session, customer_id)
    shop = load_store(session, store)
    cart = find_cart(session, customer_id, store, create=False)
    rows = list(cart.lines) if cart else []
    products = product_infos(session, [r.product_id for r in rows])
    lines = []
    for row in rows:
        product = products[row.product_id]
        mods = [ChosenModifier.from_json(m) for m in row.modifiers or []]
        unit = price_line(product, mods)
        lines.append(CartLineView(row.id, product.id, product.sku, product.name, row.quantity,
                                  mods, unit, unit * row.quantity, product.in_stock,
                                  describe(product.name, mods), product.brand or ""))
    subtotal = sum(line.line_total_cents for line in lines)
    tax = tax_cents(subtotal, shop.tax_rate_bp)
    return CartView(customer_id, store, shop.currency, lines, sum(x.quantity for x in lines),
                    subtotal, shop.tax_rate_bp, tax, subtotal + tax)


def add_to_cart(
    session: Session, customer_id: str, product_id: int, quantity: int = 1,
    modifiers: Sequence[ChosenModifier] = (), *, store: str | None = None,
) -> CartView:
    """Add a product; same product and modifiers merge into one line (still 1..99)."""
    check_quantity(quantity)

    def add() -> str:
        product = get_product(session, product_id)
        if not product.active or (store is not None and product.store != store):
            raise ProductNotFound(product.name)
        if not DEFAULT_STOCK_RULE.check(product, quantity):
            raise OutOfStock([product.name])
        chosen = validate_modifiers(product, modifiers)
        key = modifiers_key(chosen)
        cart = find_cart(session, customer_id, product.store, create=True)
        assert cart is not None
        line = next((x for x in cart.lines if x.product_id == product.id
                     and x.modifiers_key == key), None)
        if line is None:
            cart.lines.append(CartLine(product_id=product.id, quantity=quantity,
                                       modifiers=[m.to_json() for m in chosen],
                                       modifiers_key=key))
        else:
            line.quantity = check_quantity(line.quantity + quantity)
        cart.updated_at = datetime.utcnow()
        return product.store

    shop = unit_of_work(session, add)
    return view_cart(session, customer_id, store=shop)


def _line(session: Session, customer_id: str, line_id: int, store: str) -> CartLine:
    cart = find_cart(session, customer_id, store, create=False)
    line = next((x for x in cart.lines if x.id == line_id), None) if cart else None
    if line is None:
        raise CartLineNotFound(line_id)
    return line


def set_quantity(session: Session, customer_id: str, line_id: int, quantity: int, *,
                 store: str) -> CartView:
    check_quantity(quantity)

    def change() -> None:
        _line(session, customer_id, line_id, store).quantity = quantity

    unit_of_work(session, change)
    return view_cart(session, customer_id, store=store)


def remove_line(session: Session, customer_id: str, line_id: int, *, store: str) -> CartView:
    def remove() -> None:
        line = _line(session, customer_id, line_id, store)
        cart = find_cart(session, customer_id, store, create=False)
        assert cart is not None
        cart.lines.remove(line)

    unit_of_work(session, remove)
    return view_cart(session, customer_id, store=store)


def clear_cart(session: Session, customer_id: str, *, store: str) -> CartView:
    def clear() -> None:
        load_customer(session, customer_id)
        cart = find_cart(session, customer_id, store, create=False)
        if cart is not None:
            cart.lines.clear()

    unit_of_work(session, clear)
    return view_cart(session, customer_id, store=store)


def find_line(cart: CartView, text: str) -> CartLineView | None:
    """The cart line a spoken name refers to ("the bananas"), by fuzzy match, or None."""
    if not cart.lines:
        return None
    names = [line.name.lower() for line in cart.lines]
    found = process.extractOne(text.lower().removeprefix("the "), names,
                               scorer=fuzz.WRatio, score_cutoff=70)
    return cart.lines[found[2]] if found else sounding_line(cart, text)


LINE_SOUNDS_MIN = 70.0  # a word said this alike to a word of one line's name names it


def sounding_line(cart: CartView, text: str) -> CartLineView | None:
    """The one line with a word of its brand or name that sounds like a word said ("the
    lines": Limes, "lace": Lay's), or None.
    The cart's few lines are the context, so a misheard name still finds its line."""
    said = [w for w in fold(text).replace("'", "").split()
            if len(w) >= 4 and w not in FUNCTION_WORDS | REQUEST_WORDS | NUMBER_WORDS]
    alike: list[tuple[float, int]] = []
    for i, line in enumerate(cart.lines):
        names = fold(f"{line.brand} {line.name}").replace("'", "").split()
        best = max((sounds_alike(s, w) for s in said for w in names), default=0)
        alike.append((best, i))
    alike.sort(reverse=True)
    if not alike or alike[0][0] < LINE_SOUNDS_MIN or \
            (len(alike) > 1 and alike[1][0] >= alike[0][0] - 5.0):
        return None
    return cart.lines[alike[0][1]]
