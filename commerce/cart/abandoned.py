"""Carts left untouched: each reported once (``cart.abandoned``) until it changes again."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from commerce.cart.models import Cart
from commerce.db import unit_of_work
from commerce.webhooks.outbox import emit


def report_abandoned(session: Session, idle: timedelta, now: datetime | None = None) -> int:
    """Emit ``cart.abandoned`` for every cart with lines untouched for ``idle`` and not yet
    reported since its last change; how many."""
    moment = now or datetime.utcnow()

    def report() -> int:
        carts = session.execute(
            select(Cart).where(Cart.updated_at < moment - idle,
                               or_(Cart.abandoned_reported_at.is_(None),
                                   Cart.abandoned_reported_at < Cart.updated_at))
            .options(selectinload(Cart.lines)).with_for_update(skip_locked=True)).scalars().all()
        count = 0
        for cart in carts:
            if not cart.lines:
                continue
            cart.abandoned_reported_at = moment
            emit(session, "cart.abandoned", {
                "customer_id": cart.customer_id, "store": cart.store_code,
                "updated_at": cart.updated_at.isoformat() + "Z",
                "lines": [{"product_id": ln.product_id, "quantity": ln.quantity}
                          for ln in cart.lines]})
            count += 1
        return count

    return unit_of_work(session, report)
