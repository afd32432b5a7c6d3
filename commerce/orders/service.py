"""Orders: history, status, "where is my order", cancel (restores stock), lifecycle."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from commerce.catalog.models import Product
from commerce.clock import utc
from commerce.customers.service import load_customer
from commerce.db import reads, unit_of_work
from commerce.errors import InvalidStatusChange, OrderNotCancellable, OrderNotFound
from commerce.orders.models import Order
from commerce.orders.views import CANCELLABLE, OPEN_STATUSES, TRANSITIONS, OrderView, order_view
from commerce.serialize import to_data
from commerce.webhooks.outbox import emit


@reads
def list_orders(session: Session, customer_id: str, *, store: str | None = None,
                limit: int = 10) -> list[OrderView]:
    """Newest first."""
    load_customer(session, customer_id)
    stmt = (select(Order).where(Order.customer_id == customer_id)
            .order_by(Order.placed_at.desc(), Order.id.desc()).limit(limit)
            .options(selectinload(Order.lines)))
    if store:
        stmt = stmt.where(Order.store_code == store)
    return [order_view(o) for o in session.execute(stmt).scalars()]


def _load(session: Session, customer_id: str | None, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None or (customer_id is not None and order.customer_id != customer_id):
        raise OrderNotFound(order_id)
    return order


@reads
def get_order(session: Session, customer_id: str, order_id: int) -> OrderView:
    return order_view(_load(session, customer_id, order_id))


@reads
def latest_open_order(session: Session, customer_id: str, *,
                      store: str | None = None) -> OrderView | None:
    """The newest order not yet delivered or cancelled ("where is my order")."""
    load_customer(session, customer_id)
    stmt = (select(Order).where(Order.customer_id == customer_id,
                                Order.status.in_(OPEN_STATUSES))
            .order_by(Order.placed_at.desc(), Order.id.desc()).limit(1))
    if store:
        stmt = stmt.where(Order.store_code == store)
    order = session.execute(stmt).scalar_one_or_none()
    return order_view(order) if order is not None else None


def cancel_order(session: Session, customer_id: str, order_id: int, *, now: datetime | None = None) -> OrderView:
    """Cancel while placed or preparing; the stock comes back."""

    def cancel() -> OrderView:
        order = _load(session, customer_id, order_id)
        if order.status not in CANCELLABLE:
            raise OrderNotCancellable(order.id, order.status)
        for line in order.lines:
            if line.product_id is not None:
                session.execute(
                    update(Product).where(Product.id == line.product_id)
                    .values(stock=Product.stock + line.quantity)
                    .execution_options(synchronize_session=False)
                )
        order.status = "cancelled"
        order.updated_at = utc(now)
        session.flush()
        view = order_view(order)
        emit(session, "order.cancelled", {"order": to_data(view)})
        return view

    return unit_of_work(session, cancel)


def advance_order(session: Session, order_id: int, new_status: str, *, now: datetime | None = None) -> OrderView:
    """Move an order along placed -> preparing -> ready|shipped -> delivered."""

    def advance() -> OrderView:
        order = _load(session, None, order_id)
        if new_status == "cancelled" or new_status not in TRANSITIONS.get(order.status, ()):
            raise InvalidStatusChange(order.id, order.status, new_status)
        previous, order.status = order.status, new_status
        order.updated_at = utc(now)
        session.flush()
        view = order_view(order)
        emit(session, "order.status_changed", {"order": to_data(view), "previous": previous})
        return view

    return unit_of_work(session, advance)
