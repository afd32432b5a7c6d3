"""Orders: checkout, history, status lifecycle, cancel."""

from commerce.orders.checkout import can_checkout, checkout, new_idempotency_key
from commerce.orders.service import (
    advance_order,
    cancel_order,
    get_order,
    latest_open_order,
    list_orders,
)
from commerce.orders.views import STATUSES, OrderLineView, OrderView

__all__ = ["STATUSES", "OrderLineView", "OrderView", "advance_order", "can_checkout",
           "cancel_order", "checkout", "get_order", "latest_open_order", "list_orders",
           "new_idempotency_key"]
