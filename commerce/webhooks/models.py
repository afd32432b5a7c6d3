"""Tables: subscriptions, the outbox of events, one delivery per event and subscriber, and
the log of every attempt."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import relationship

from commerce.db import Base


class Subscription(Base):
    __tablename__ = "webhook_subscriptions"
    id = Column(Integer, primary_key=True)
    url = Column(String(500), nullable=False)
    events = Column(JSON, nullable=False)  # event types, e.g. ["order.placed"]
    # The signing secret must be known to sign with it, so it is kept (shown once, at
    # creation); it grants nothing but the power to sign our events.
    secret = Column(String(100), nullable=False)
    created_at = Column(DateTime, nullable=False, default=datetime.utcnow)
    active = Column(Integer, nullable=False, default=1)


class OutboxEvent(Base):
    __tablename__ = "outbox_events"
    id = Column(Integer, primary_key=True)
    event_id = Column(String(40), nullable=False, unique=True)  # the receivers' idempotency key
    type = Column(String(50), nullable=False)
    payload = Column(JSON, nullable=False)
    created_at = Column(DateTime, nullable=False, default=datetime.utcnow)


class Delivery(Base):
    __tablename__ = "webhook_deliveries"
    id = Column(Integer, primary_key=True)
    event_id = Column(Integer, ForeignKey("outbox_events.id", ondelete="CASCADE"),
                      nullable=False, index=True)
    subscription_id = Column(Integer, ForeignKey("webhook_subscriptions.id",
                                                 ondelete="CASCADE"), nullable=False)
    state = Column(String(12), nullable=False, default="pending", index=True)  # delivered, failed
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(DateTime, nullable=False, default=datetime.utcnow)
    delivered_at = Column(DateTime, nullable=True)

    event: Any = relationship("OutboxEvent")
    subscription: Any = relationship("Subscription")


class Attempt(Base):
    __tablename__ = "webhook_attempts"
    id = Column(Integer, primary_key=True)
    delivery_id = Column(Integer, ForeignKey("webhook_deliveries.id", ondelete="CASCADE"),
                         nullable=False, index=True)
    at = Column(DateTime, nullable=False, default=datetime.utcnow)
    status_code = Column(Integer, nullable=True)  # None: no HTTP answer at all
    error = Column(Text, nullable=True)
    ms = Column(Integer, nullable=False, default=0)  # how long the receiver took
