"""``emit``: an event into the outbox, and a pending delivery for each subscriber, inside the
caller's transaction: committed with the change it reports, or not at all."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from commerce.webhooks.models import Delivery, OutboxEvent, Subscription

EVENTS = ("order.placed", "order.status_changed", "order.cancelled", "cart.abandoned",
          "feedback.received")


def emit(session: Session, event_type: str, payload: dict[str, Any]) -> str:
    """Write the event (in the open transaction); its event id."""
    if event_type not in EVENTS:
        raise ValueError(f"unknown event type {event_type}")
    event = OutboxEvent(event_id=uuid.uuid4().hex, type=event_type, payload=payload,
                        created_at=datetime.utcnow())
    session.add(event)
    session.flush()
    subscribers = session.execute(select(Subscription).where(Subscription.active == 1)).scalars()
    for subscription in subscribers:
        if event_type in (subscription.events or []):
            session.add(Delivery(event_id=event.id, subscription_id=subscription.id,
                                 next_attempt_at=event.created_at))
    return str(event.event_id)
