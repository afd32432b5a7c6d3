"""A customer's data: exported as JSON (every row about them), or erased — personal data gone,
their orders kept for the books under an anonymous customer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from commerce.cart.models import Cart
from commerce.conversations import Conversation
from commerce.customers.models import Customer
from commerce.customers.service import load_customer
from commerce.db import reads, unit_of_work
from commerce.errors import InvalidData
from commerce.feedback import list_feedback
from commerce.orders.models import Order
from commerce.orders.views import order_view
from commerce.serialize import to_data

ERASED_ID = "erased"  # who the orders of an erased customer belong to: nobody
KEPT = ("id", "name", "store_code", "spending_limit_cents", "created_at", "locked_until",
        "failed_pin_attempts")  # never pin_hash


@reads
def export_customer(session: Session, customer_id: str) -> dict[str, Any]:
    """Every row about the customer: profile (no PIN hash, only whether one is set), carts,
    orders with their lines, the saved conversation."""
    customer = load_customer(session, customer_id)
    carts = session.execute(select(Cart).where(Cart.customer_id == customer_id)
                            .options(selectinload(Cart.lines))).scalars()
    orders = session.execute(select(Order).where(Order.customer_id == customer_id)
                             .order_by(Order.id).options(selectinload(Order.lines))).scalars()
    talks = session.execute(select(Conversation).where(Conversation.customer_id == customer_id)
                            ).scalars()
    ratings = list_feedback(session, customer_id=customer_id, limit=10_000)
    return to_data({
        "exported_at": datetime.utcnow(),
        "customer": {**{k: getattr(customer, k) for k in KEPT},
                     "has_pin": customer.pin_hash is not None},
        "carts": [{"store": c.store_code, "updated_at": c.updated_at,
                   "lines": [{"product_id": ln.product_id, "quantity": ln.quantity,
                              "modifiers": ln.modifiers} for ln in c.lines]} for c in carts],
        "orders": [order_view(o) for o in orders],
        "conversations": [{"store": t.store_code, "updated_at": t.updated_at, "state": t.state}
                          for t in talks],
        "feedback": ratings,
    })


def erase_customer(session: Session, customer_id: str) -> int:
    """Erase the customer (profile, PIN hash, carts, conversations, feedback); their orders stay,
    anonymised, for the books. How many orders were kept."""
    if customer_id == ERASED_ID:
        raise InvalidData("The anonymous customer holds erased customers' orders.",
                          code="cannot_erase")

    def erase() -> int:
        customer = load_customer(session, customer_id)
        if session.get(Customer, ERASED_ID) is None:
            session.add(Customer(id=ERASED_ID, name="Erased customer", store_code=None,
                                 failed_pin_attempts=0, created_at=datetime.utcnow()))
            session.flush()
        kept = session.execute(update(Order).where(Order.customer_id == customer_id)
                               .values(customer_id=ERASED_ID, idempotency_key=None)
                               .execution_options(synchronize_session=False))
        session.delete(customer)  # carts, cart lines and conversations go with it (cascade)
        session.flush()
        return int(kept.rowcount)  # type: ignore[attr-defined]

    return unit_of_work(session, erase)
