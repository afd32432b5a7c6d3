"""The store's order queue: every customer's orders, oldest first, by status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from commerce.customers.models import Customer
from commerce.db import reads, unit_of_work
from commerce.errors import InvalidData
from commerce.orders.models import Order
from commerce.orders.service import _load
from commerce.orders.views import STATUSES, OrderView, order_view


@reads
def store_orders(session: Session, *, store: str | None = None,
                 statuses: Sequence[str] = (), limit: int = 200) -> list[OrderView]:
    """Orders of ``store`` (all stores when None) in ``statuses`` (all when empty), oldest
    first: the queue staff work through."""
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        raise InvalidData(f"Unknown status {unknown[0]}; one of {', '.join(STATUSES)}.",
                          code="invalid_status")
    stmt = (select(Order).order_by(Order.placed_at, Order.id).limit(limit)
            .options(selectinload(Order.lines)))
    if store:
        stmt = stmt.where(Order.store_code == store)
    if statuses:
        stmt = stmt.where(Order.status.in_(list(statuses)))
    return [order_view(o) for o in session.execute(stmt).scalars()]


@reads
def store_order(session: Session, order_id: int) -> OrderView:
    """One order, whoever placed it."""
    return order_view(_load(session, None, order_id))


def ready_to_announce(session: Session, kiosk: str) -> list[tuple[OrderView, str]]:
    """Orders taken at ``kiosk`` that are ready and not yet announced there, with their
    customer's name; marked announced in the same transaction (said once, by one kiosk)."""

    def claim() -> list[tuple[OrderView, str]]:
        rows = session.execute(
            select(Order).where(Order.kiosk == kiosk, Order.status == "ready",
                                Order.announced_at.is_(None))
            .order_by(Order.id).with_for_update(skip_locked=True)).scalars().all()
        ready = []
        for order in rows:
            order.announced_at = datetime.utcnow()
            ready.append((order_view(order), session.get(Customer, order.customer_id).name))
        return ready

    return unit_of_work(session, claim)
