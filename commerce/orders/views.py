"""Plain dataclasses for orders and the status lifecycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from commerce.catalog.info import ChosenModifier
from commerce.orders.models import Order

STATUSES = ("placed", "preparing", "ready", "shipped", "delivered", "cancelled")
OPEN_STATUSES = ("placed", "preparing", "ready", "shipped")
CANCELLABLE = ("placed", "preparing")
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "placed": ("preparing", "cancelled"),
    "preparing": ("ready", "shipped", "cancelled"),
    "ready": ("delivered",),
    "shipped": ("delivered",),
    "delivered": (),
    "cancelled": (),
}


@dataclass(frozen=True)
class OrderLineView:
    sku: str
    name: str
    quantity: int
    unit_price_cents: int
    line_total_cents: int
    modifiers: list[ChosenModifier]
    product_id: int | None


@dataclass(frozen=True)
class OrderView:
    id: int
    customer_id: str
    store: str
    status: str
    placed_at: datetime
    updated_at: datetime
    lines: list[OrderLineView]
    subtotal_cents: int
    tax_cents: int
    total_cents: int
    currency: str
    idempotency_key: str | None
    cancellable: bool

    @property
    def item_count(self) -> int:
        return sum(line.quantity for line in self.lines)


def order_view(order: Order) -> OrderView:
    lines = [
        OrderLineView(line.sku, line.name, line.quantity, line.unit_price_cents,
                      line.line_total_cents,
                      [ChosenModifier.from_json(m) for m in line.modifiers or []],
                      line.product_id)
        for line in order.lines
    ]
    return OrderView(order.id, order.customer_id, order.store_code, order.status,
                     order.placed_at, order.updated_at, lines, order.subtotal_cents,
                     order.tax_cents, order.total_cents, order.currency, order.idempotency_key,
                     order.status in CANCELLABLE)
