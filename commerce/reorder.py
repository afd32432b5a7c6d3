"""Reorder proposals from past orders: the last order, "the usual", or a named past item.

A proposal is only a list of lines; nothing touches the cart until ``apply_proposal``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from commerce.cart.pricing import price_line
from commerce.cart.service import CartView, add_to_cart, view_cart
from commerce.catalog.info import ChosenModifier
from commerce.catalog.normalize import parse_query
from commerce.catalog.service import products_by_id
from commerce.customers.service import load_customer
from commerce.db import reads, unit_of_work
from commerce.errors import NothingToReorder
from commerce.orders.models import Order, OrderLine


@dataclass(frozen=True)
class ProposedLine:
    product_id: int
    sku: str
    name: str
    quantity: int
    modifiers: list[ChosenModifier]
    unit_price_cents: int
    in_stock: bool


@dataclass(frozen=True)
class ReorderProposal:
    kind: str
    lines: list[ProposedLine]
    unavailable: list[str]
    source_order_ids: list[int]
    total_cents: int


def _orders(session: Session, customer_id: str, store: str) -> list[Order]:
    load_customer(session, customer_id)
    return list(session.execute(
        select(Order).where(Order.customer_id == customer_id, Order.store_code == store,
                            Order.status != "cancelled")
        .order_by(Order.placed_at.desc(), Order.id.desc()).options(selectinload(Order.lines))
    ).scalars())


def _proposal(session: Session, kind: str, lines: list[OrderLine],
              order_ids: list[int]) -> ReorderProposal:
    products = products_by_id(session, [x.product_id for x in lines if x.product_id is not None])
    proposed: list[ProposedLine] = []
    unavailable: list[str] = []
    for line in lines:
        product = products.get(line.product_id) if line.product_id is not None else None
        if product is None or not product.in_stock:
            unavailable.append(line.name)
            continue
        mods = [ChosenModifier.from_json(m) for m in line.modifiers or []]
        proposed.append(ProposedLine(product.id, product.sku, product.name,
                                     min(line.quantity, 99), mods, price_line(product, mods),
                                     True))
    if not proposed and not unavailable:
        raise NothingToReorder()
    total = sum(p.unit_price_cents * p.quantity for p in proposed)
    return ReorderProposal(kind, proposed, unavailable, order_ids, total)


@reads
def propose_last(session: Session, customer_id: str, *, store: str) -> ReorderProposal:
    orders = _orders(session, customer_id, store)
    if not orders:
        raise NothingToReorder()
    return _proposal(session, "last", list(orders[0].lines), [orders[0].id])


def _basket(order: Order) -> frozenset[tuple[str, int]]:
    return frozenset((line.sku, line.quantity) for line in order.lines)


@reads
def propose_usual(session: Session, customer_id: str, *, store: str) -> ReorderProposal:
    """The most frequent basket; ties go to the most recent one."""
    orders = _orders(session, customer_id, store)
    if not orders:
        raise NothingToReorder()
    counts = Counter(_basket(o) for o in orders)
    best = max(orders, key=lambda o: counts[_basket(o)])  # max keeps the first (newest) on ties
    if counts[_basket(best)] == 1:  # no repeated basket: the items bought most often
        freq = Counter(line.sku for o in orders for line in o.lines)
        latest: dict[str, OrderLine] = {}
        for order in orders:
            for line in order.lines:
                latest.setdefault(line.sku, line)
        chosen = [latest[sku] for sku, n in freq.most_common() if n > 1]
        if chosen:
            return _proposal(session, "usual", chosen, [o.id for o in orders])
    return _proposal(session, "usual", list(best.lines), [best.id])


@reads
def propose_item(session: Session, customer_id: str, text: str, *,
                 store: str) -> ReorderProposal:
    """A named item from past orders ("the paper towels"), fuzzy-matched on past item names."""
    orders = _orders(session, customer_id, store)
    latest: dict[str, OrderLine] = {}
    for order in orders:
        for line in order.lines:
            latest.setdefault(line.name.lower(), line)
    terms = parse_query(text).terms or text.lower()
    if not latest:
        raise NothingToReorder(text)
    names = list(latest)
    found = process.extractOne(terms, names, scorer=fuzz.WRatio, score_cutoff=75)
    if found is None:
        raise NothingToReorder(text)
    line = latest[found[0]]
    order_id = next(o.id for o in orders if line in o.lines)
    return _proposal(session, "item", [line], [order_id])


@reads
def propose(session: Session, customer_id: str, target: str, *, store: str) -> ReorderProposal:
    key = (target or "last").strip().lower()
    if key in {"last", "last order", "my last order", "again", "same again"}:
        return propose_last(session, customer_id, store=store)
    if key in {"usual", "the usual", "my usual"}:
        return propose_usual(session, customer_id, store=store)
    return propose_item(session, customer_id, target, store=store)


def apply_proposal(session: Session, customer_id: str, proposal: ReorderProposal, *,
                   store: str) -> CartView:
    """Add the proposal's lines to the cart in one unit of work: all of them or none."""

    def add_all() -> None:
        for line in proposal.lines:
            add_to_cart(session, customer_id, line.product_id, line.quantity, line.modifiers,
                        store=store)

    unit_of_work(session, add_all)
    return view_cart(session, customer_id, store=store)


@reads
def times_bought(session: Session, customer_id: str, *, store: str) -> Counter[str]:
    """How many of the shopper's orders (not cancelled) held each SKU."""
    counts: Counter[str] = Counter()
    for order in _orders(session, customer_id, store):
        counts.update({line.sku for line in order.lines})
    return counts
