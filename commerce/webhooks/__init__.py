"""Webhooks: store systems subscribe to events; each event is written to an outbox in the same
transaction as the change it reports, and delivered later, signed, with retries."""

from commerce.webhooks.outbox import EVENTS, emit
from commerce.webhooks.signing import SIGNATURE_HEADER, sign, verify
from commerce.webhooks.subscriptions import (
    SubscriptionInfo,
    add_subscription,
    list_subscriptions,
    remove_subscription,
)

__all__ = ["EVENTS", "SIGNATURE_HEADER", "SubscriptionInfo", "add_subscription", "emit",
           "list_subscriptions", "remove_subscription", "sign", "verify"]
