"""A kiosk conversation's saved state, one row per customer and store.

The dialogue (assistant/) owns what the state means; the commerce core keeps it as an opaque
JSON document beside the cart, so every kiosk process of a store reads and writes the same
truth and a restarted kiosk resumes where it stopped.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, ForeignKey, String, delete
from sqlalchemy.orm import Session

from commerce.db import Base, reads, unit_of_work


class Conversation(Base):
    __tablename__ = "conversations"
    customer_id = Column(String(64), ForeignKey("customers.id", ondelete="CASCADE"),
                         primary_key=True)
    store_code = Column(String(32), ForeignKey("stores.code"), primary_key=True)
    state = Column(JSON, nullable=False)
    updated_at = Column(DateTime, nullable=False, default=datetime.utcnow)


@reads
def load_conversation(session: Session, customer_id: str, store_code: str) -> dict[str, Any] | None:
    """The saved state, or None when this customer has none in this store."""
    row = session.get(Conversation, (customer_id, store_code))
    return dict(row.state) if row is not None else None


def save_conversation(session: Session, customer_id: str, store_code: str,
                      state: dict[str, Any]) -> None:
    """Insert or replace the state in one transaction (the last writer wins)."""

    def write() -> None:
        row = session.get(Conversation, (customer_id, store_code), with_for_update=True)
        if row is None:
            session.add(Conversation(customer_id=customer_id, store_code=store_code,
                                     state=state, updated_at=datetime.utcnow()))
        else:
            row.state = state
            row.updated_at = datetime.utcnow()

    unit_of_work(session, write)


def delete_conversation(session: Session, customer_id: str, store_code: str) -> None:
    unit_of_work(session, lambda: session.execute(delete(Conversation).where(
        Conversation.customer_id == customer_id, Conversation.store_code == store_code)))
