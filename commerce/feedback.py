"""Shoppers' ratings (one to five) and comments, about an order; each one also an event for
the store's systems (``feedback.received``), written in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Text, select
from sqlalchemy.orm import Session

from commerce.db import Base, reads, unit_of_work
from commerce.errors import InvalidData
from commerce.serialize import to_data
from commerce.webhooks.outbox import emit


class Feedback(Base):
    __tablename__ = "feedback"
    id = Column(Integer, primary_key=True)
    customer_id = Column(String(64), ForeignKey("customers.id", ondelete="CASCADE"),
                         nullable=False, index=True)
    order_id = Column(Integer, ForeignKey("orders.id", ondelete="SET NULL"), nullable=True)
    rating = Column(Integer, nullable=False)
    comment = Column(Text, nullable=True)
    created_at = Column(DateTime, nullable=False, default=datetime.utcnow)


@dataclass(frozen=True)
class FeedbackInfo:
    id: int
    customer_id: str
    order_id: int | None
    rating: int
    comment: str | None
    created_at: datetime


def _info(row: Feedback) -> FeedbackInfo:
    return FeedbackInfo(row.id, row.customer_id, row.order_id, row.rating, row.comment,
                        row.created_at)


def give_feedback(session: Session, customer_id: str, rating: int,
                  order_id: int | None = None) -> FeedbackInfo:
    if not 1 <= rating <= 5:
        raise InvalidData("A rating is one to five.", code="invalid_rating")

    def give() -> FeedbackInfo:
        row = Feedback(customer_id=customer_id, order_id=order_id, rating=rating,
                       created_at=datetime.utcnow())
        session.add(row)
        session.flush()
        emit(session, "feedback.received", {"feedback": to_data(_info(row))})
        return _info(row)

    return unit_of_work(session, give)


def add_comment(session: Session, feedback_id: int, comment: str) -> FeedbackInfo:
    def add() -> FeedbackInfo:
        row = session.get(Feedback, feedback_id)
        if row is None:
            raise InvalidData("There is no such feedback.", code="feedback_not_found")
        row.comment = comment.strip()[:2000] or None
        return _info(row)

    return unit_of_work(session, add)


@reads
def list_feedback(session: Session, *, customer_id: str | None = None,
                  limit: int = 100) -> list[FeedbackInfo]:
    """Newest first."""
    stmt = select(Feedback).order_by(Feedback.id.desc()).limit(limit)
    if customer_id:
        stmt = stmt.where(Feedback.customer_id == customer_id)
    return [_info(row) for row in session.execute(stmt).scalars()]
