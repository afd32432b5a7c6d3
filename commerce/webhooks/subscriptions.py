"""Subscribe a store system's URL to events; the signing secret is shown once."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from commerce.db import reads, unit_of_work
from commerce.errors import InvalidData, SubscriptionNotFound
from commerce.webhooks.models import Subscription
from commerce.webhooks.outbox import EVENTS


@dataclass(frozen=True)
class SubscriptionInfo:
    id: int
    url: str
    events: list[str]
    created_at: datetime
    active: bool


def _info(row: Subscription) -> SubscriptionInfo:
    return SubscriptionInfo(row.id, row.url, list(row.events), row.created_at, bool(row.active))


def add_subscription(session: Session, url: str,
                     events: list[str]) -> tuple[SubscriptionInfo, str]:
    """A subscription and its signing secret (``whsec_…``)."""
    if not url.startswith(("http://", "https://")):
        raise InvalidData("A webhook URL starts with http:// or https://.", code="invalid_url")
    unknown = [e for e in events if e not in EVENTS]
    if unknown or not events:
        raise InvalidData(f"Events are some of {', '.join(EVENTS)}.", code="invalid_events")
    secret = "whsec_" + secrets.token_urlsafe(24)

    def add() -> SubscriptionInfo:
        row = Subscription(url=url, events=sorted(set(events)), secret=secret,
                           created_at=datetime.utcnow(), active=1)
        session.add(row)
        session.flush()
        return _info(row)

    return unit_of_work(session, add), secret


@reads
def list_subscriptions(session: Session) -> list[SubscriptionInfo]:
    rows = session.execute(select(Subscription).order_by(Subscription.id)).scalars()
    return [_info(row) for row in rows]


def remove_subscription(session: Session, subscription_id: int) -> None:
    def remove() -> None:
        row = session.get(Subscription, subscription_id)
        if row is None:
            raise SubscriptionNotFound(subscription_id)
        row.active = 0

    unit_of_work(session, remove)
