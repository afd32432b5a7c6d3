"""The delivery queue in the database: claim what is due (a lease, so a second worker skips
it and a dead worker's claim runs out), and record each attempt with its backoff."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from commerce.db import unit_of_work
from commerce.webhooks.models import Attempt, Delivery, OutboxEvent

LEASE = timedelta(seconds=60)  # a claimed delivery is retried after this if nothing is recorded
MAX_ATTEMPTS = 8


@dataclass(frozen=True)
class Due:
    delivery_id: int
    url: str
    secret: str
    event_id: str
    body: bytes


def body_of(delivery: Delivery) -> bytes:
    event = delivery.event
    document = {"id": event.event_id, "type": event.type,
                "created_at": event.created_at.isoformat() + "Z", "data": event.payload}
    return json.dumps(document, sort_keys=True, separators=(",", ":")).encode("utf-8")


def claim_due(session: Session, limit: int = 20, now: datetime | None = None) -> list[Due]:
    """Pending deliveries whose time has come, oldest first, leased to this worker."""
    moment = now or datetime.utcnow()

    def claim() -> list[Due]:
        rows = session.execute(
            select(Delivery).where(Delivery.state == "pending",
                                   Delivery.next_attempt_at <= moment)
            .order_by(Delivery.next_attempt_at, Delivery.id).limit(limit)
            .with_for_update(skip_locked=True)).scalars().all()
        due = []
        for row in rows:
            row.next_attempt_at = moment + LEASE
            due.append(Due(row.id, row.subscription.url, row.subscription.secret,
                           row.event.event_id, body_of(row)))
        return due

    return unit_of_work(session, claim)


def record(session: Session, delivery_id: int, status_code: int | None, error: str | None,
           ms: int, backoff_s: float, now: datetime | None = None) -> str:
    """Log the attempt; delivered on a 2xx, else retried after ``backoff_s`` × 2^(n-1), and
    failed after MAX_ATTEMPTS. The delivery's new state."""
    moment = now or datetime.utcnow()

    def write() -> str:
        row = session.get(Delivery, delivery_id, with_for_update=True)
        assert row is not None
        row.attempts += 1
        session.add(Attempt(delivery_id=row.id, at=moment, status_code=status_code,
                            error=error, ms=ms))
        if status_code is not None and 200 <= status_code < 300:
            row.state, row.delivered_at = "delivered", moment
        elif row.attempts >= MAX_ATTEMPTS:
            row.state = "failed"
        else:
            row.next_attempt_at = moment + timedelta(seconds=backoff_s * 2 ** (row.attempts - 1))
        return str(row.state)

    return unit_of_work(session, write)


def delivery_log(session: Session, event_id: str) -> list[tuple[int | None, str | None]]:
    """Every attempt at an event's deliveries: (HTTP status, error), in order."""
    rows = session.execute(
        select(Attempt.status_code, Attempt.error).join(Delivery, Delivery.id == Attempt.delivery_id)
        .join(OutboxEvent, OutboxEvent.id == Delivery.event_id)
        .where(OutboxEvent.event_id == event_id).order_by(Attempt.id)).all()
    return [(code, error) for code, error in rows]
