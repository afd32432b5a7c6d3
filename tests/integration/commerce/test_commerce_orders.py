"""Order history, status lifecycle, where-is-my-order, cancel."""

from __future__ import annotations

import pytest
from commerce_factories import sku
from sqlalchemy.orm import Session

from commerce.cart import add_to_cart
from commerce.errors import InvalidStatusChange, OrderNotCancellable, OrderNotFound
from commerce.orders import (
    OrderView,
    advance_order,
    cancel_order,
    checkout,
    get_order,
    latest_open_order,
    list_orders,
)


def place(shop: Session, code: str, qty: int, key: str) -> OrderView:
    add_to_cart(shop, "alice", sku(shop, code).id, qty)
    return checkout(shop, "alice", store="grocery", idempotency_key=key)


def test_history_newest_first_and_status(shop: Session) -> None:
    first = place(shop, "GRO-BAN", 1, "1")
    second = place(shop, "GRO-OJ", 2, "2")
    assert [o.id for o in list_orders(shop, "alice")] == [second.id, first.id]
    assert get_order(shop, "alice", first.id).lines[0].sku == "GRO-BAN"
    assert latest_open_order(shop, "alice") == second
    with pytest.raises(OrderNotFound):
        get_order(shop, "alice", 999)


def test_lifecycle(shop: Session) -> None:
    order = place(shop, "GRO-BAN", 1, "1")
    assert advance_order(shop, order.id, "preparing").status == "preparing"
    assert advance_order(shop, order.id, "shipped").status == "shipped"
    with pytest.raises(InvalidStatusChange):
        advance_order(shop, order.id, "preparing")
    assert advance_order(shop, order.id, "delivered").status == "delivered"
    assert latest_open_order(shop, "alice") is None


def test_cancel_restores_stock(shop: Session) -> None:
    order = place(shop, "GRO-BAN", 5, "1")
    assert sku(shop, "GRO-BAN").stock == 45
    advance_order(shop, order.id, "preparing")
    cancelled = cancel_order(shop, "alice", order.id)
    assert cancelled.status == "cancelled" and not cancelled.cancellable
    assert sku(shop, "GRO-BAN").stock == 50
    with pytest.raises(OrderNotCancellable):
        cancel_order(shop, "alice", order.id)


@pytest.mark.parametrize("status", ["ready", "shipped"])
def test_cannot_cancel_once_ready_or_shipped(shop: Session, status: str) -> None:
    order = place(shop, "GRO-BAN", 2, "1")
    advance_order(shop, order.id, "preparing")
    advance_order(shop, order.id, status)
    with pytest.raises(OrderNotCancellable) as err:
        cancel_order(shop, "alice", order.id)
    assert status in err.value.message
    assert sku(shop, "GRO-BAN").stock == 48


def test_cannot_cancel_someone_elses_order(shop: Session) -> None:
    from commerce_factories import customer

    order = place(shop, "GRO-BAN", 1, "1")
    customer(shop, "bob")
    with pytest.raises(OrderNotFound):
        cancel_order(shop, "bob", order.id)
