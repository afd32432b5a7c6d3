"""Recommendations: frequently bought together (order co-occurrence) and similar products."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commerce.cart.service import view_cart
from commerce.catalog.info import ProductInfo
from commerce.catalog.models import Category, Product
from commerce.catalog.service import get_product, products_by_id
from commerce.db import reads
from commerce.orders.models import Order, OrderLine


@dataclass(frozen=True)
class Recommendation:
    product: ProductInfo
    reason: str
    score: float


def _available(session: Session, ids: list[int], exclude: Collection[int]) -> dict[int, ProductInfo]:
    infos = products_by_id(session, [i for i in ids if i not in exclude])
    return {pid: p for pid, p in infos.items() if p.in_stock}


@reads
def bought_together(session: Session, product_id: int, *, exclude: Collection[int] = (),
                    limit: int = 3) -> list[Recommendation]:
    """Products that share orders with this one, most shared first (score = share of orders)."""
    orders_with = select(OrderLine.order_id).where(OrderLine.product_id == product_id)
    rows = session.execute(
        select(OrderLine.product_id, func.count(func.distinct(OrderLine.order_id)))
        .join(Order, Order.id == OrderLine.order_id)
        .where(OrderLine.order_id.in_(orders_with), OrderLine.product_id.is_not(None),
               OrderLine.product_id != product_id, Order.status != "cancelled")
        .group_by(OrderLine.product_id)
    ).all()
    total = session.execute(
        select(func.count(func.distinct(OrderLine.order_id))).where(
            OrderLine.product_id == product_id)
    ).scalar_one()
    counts = Counter({int(pid): int(n) for pid, n in rows})
    skip = {product_id, *exclude}
    infos = _available(session, [pid for pid, _ in counts.most_common(limit * 4)], skip)
    ranked = [pid for pid, _ in counts.most_common() if pid in infos][:limit]
    return [Recommendation(infos[pid], "bought_together", round(counts[pid] / max(total, 1), 3))
            for pid in ranked]


@reads
def similar_products(session: Session, product_id: int, *, exclude: Collection[int] = (),
                     limit: int = 3) -> list[Recommendation]:
    """Same category (and brand first), closest in price."""
    base = get_product(session, product_id)
    rows = session.execute(
        select(Product.id, Product.brand, Product.price_cents)
        .join(Category, Category.id == Product.category_id)
        .where(Product.store_code == base.store, Product.id != product_id,
               Product.active.is_(True), Product.stock > 0, Category.name == base.category)
    ).all()
    skip = set(exclude)

    def score(row: tuple[int, str | None, int]) -> float:
        same_brand = 1.0 if base.brand and row[1] == base.brand else 0.0
        closeness = 1.0 / (1.0 + abs(row[2] - base.price_cents) / max(base.price_cents, 1))
        return round(0.5 + 0.3 * same_brand + 0.2 * closeness, 3)

    ranked = sorted((r for r in rows if r[0] not in skip), key=lambda r: (-score(r), r[0]))
    top = ranked[:limit]
    infos = products_by_id(session, [r[0] for r in top])
    return [Recommendation(infos[r[0]], "similar", score(r)) for r in top if r[0] in infos]


@reads
def recommend_for_cart(session: Session, customer_id: str, *, store: str,
                       limit: int = 3) -> list[Recommendation]:
    """Bought-together suggestions for the cart's items, else similar ones; never in the cart."""
    cart = view_cart(session, customer_id, store=store)
    in_cart = {line.product_id for line in cart.lines}
    seen: set[int] = set(in_cart)
    picks: list[Recommendation] = []
    for finder in (bought_together, similar_products):
        for line in cart.lines:
            for rec in finder(session, line.product_id, exclude=seen, limit=limit):
                if rec.product.id not in seen:
                    seen.add(rec.product.id)
                    picks.append(rec)
        if len(picks) >= limit:
            break
    picks.sort(key=lambda r: (r.reason != "bought_together", -r.score))
    return picks[:limit]
