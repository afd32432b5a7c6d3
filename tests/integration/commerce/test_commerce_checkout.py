"""Checkout: atomic, idempotent, concurrency-safe, refuses what it can't sell."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from commerce_factories import customer, sku
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from commerce.cart import add_to_cart, view_cart
from commerce.catalog.models import Product
from commerce.db import fresh_read, unit_of_work
from commerce.errors import CartEmpty, OutOfStock, PurchaseLocked, SpendingLimitExceeded
from commerce.orders import OrderView, can_checkout, checkout, new_idempotency_key
from commerce.orders.models import Order


def order_count(session: Session) -> int:
    fresh_read(session)
    return session.execute(select(func.count(Order.id))).scalar_one()


def test_checkout_places_the_order_and_empties_the_cart(shop: Session) -> None:
    add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 3)
    add_to_cart(shop, "alice", sku(shop, "GRO-OJ").id, 1)
    seen: list[OrderView] = []
    order = checkout(shop, "alice", store="grocery", idempotency_key="k1",
                     after_commit=[seen.append])
    assert order.status == "placed" and order.cancellable
    assert [(x.sku, x.quantity, x.line_total_cents) for x in order.lines] == [
        ("GRO-BAN", 3, 207), ("GRO-OJ", 1, 449)]
    assert (order.subtotal_cents, order.tax_cents, order.total_cents) == (656, 54, 710)
    assert sku(shop, "GRO-BAN").stock == 47 and sku(shop, "GRO-OJ").stock == 49
    assert view_cart(shop, "alice", store="grocery").is_empty
    assert seen == [order]


def test_same_key_returns_the_same_order(shop: Session) -> None:
    add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 2)
    first = checkout(shop, "alice", store="grocery", idempotency_key="yes-1")
    add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 5)  # a new cart after the order
    again = checkout(shop, "alice", store="grocery", idempotency_key="yes-1")
    assert again.id == first.id and again.total_cents == first.total_cents
    assert order_count(shop) == 1
    assert sku(shop, "GRO-BAN").stock == 48
    assert view_cart(shop, "alice", store="grocery").lines[0].quantity == 5


def test_out_of_stock_refusal_changes_nothing(shop: Session) -> None:
    add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 2)
    add_to_cart(shop, "alice", sku(shop, "GRO-APL").id, 1)  # the last apple
    customer(shop, "bob")
    add_to_cart(shop, "bob", sku(shop, "GRO-APL").id, 1)
    checkout(shop, "bob", store="grocery", idempotency_key="bob-1")
    before = view_cart(shop, "alice", store="grocery")
    with pytest.raises(OutOfStock) as err:
        checkout(shop, "alice", store="grocery", idempotency_key="alice-1")
    assert err.value.items == ["Apples"]
    assert "Apples is out of stock" in err.value.message
    assert view_cart(shop, "alice", store="grocery") == before
    assert sku(shop, "GRO-BAN").stock == 50
    assert order_count(shop) == 1
    assert can_checkout(shop, "alice", store="grocery").reason == "out_of_stock"


def test_quantity_above_stock_is_refused(shop: Session) -> None:
    add_to_cart(shop, "alice", sku(shop, "GRO-APL").id, 2)  # stock is 1
    with pytest.raises(OutOfStock):
        checkout(shop, "alice", store="grocery", idempotency_key="k")
    assert sku(shop, "GRO-APL").stock == 1


def test_empty_cart(shop: Session) -> None:
    with pytest.raises(CartEmpty):
        checkout(shop, "alice", store="grocery", idempotency_key="k")
    assert can_checkout(shop, "alice", store="grocery").reason == "cart_empty"


def test_spending_limit(shop: Session) -> None:
    customer(shop, "carl", limit=2000)
    add_to_cart(shop, "carl", sku(shop, "GRO-ADV").id, 2)  # 25.98 + tax
    check = can_checkout(shop, "carl", store="grocery")
    assert not check.ok and check.reason == "spending_limit_exceeded"
    with pytest.raises(SpendingLimitExceeded) as err:
        checkout(shop, "carl", store="grocery", idempotency_key="k")
    assert err.value.limit_cents == 2000 and err.value.total_cents == 2812
    assert "$20.00" in err.value.message and "$28.12" in err.value.message
    assert sku(shop, "GRO-ADV").stock == 50 and order_count(shop) == 0


def test_locked_customer_cannot_check_out(shop: Session) -> None:
    from commerce.customers import verify_pin

    add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 1)
    for _ in range(3):
        verify_pin(shop, "alice", "0000")
    assert can_checkout(shop, "alice", store="grocery").reason == "purchase_locked"
    with pytest.raises(PurchaseLocked):
        checkout(shop, "alice", store="grocery", idempotency_key="k")
    assert order_count(shop) == 0


def run_threads(factory: sessionmaker, jobs: list[Callable[[Session], object]]) -> list[object]:
    results: list[object] = [None] * len(jobs)
    barrier = threading.Barrier(len(jobs))

    def worker(i: int) -> None:
        with factory() as session:
            barrier.wait()
            try:
                results[i] = jobs[i](session)
            except Exception as exc:  # noqa: BLE001 - the test inspects it
                results[i] = exc

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def test_concurrent_checkouts_with_the_same_key_place_one_order(
    shop: Session, factory: sessionmaker
) -> None:
    add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 4)
    key = new_idempotency_key()
    results = run_threads(factory, [
        lambda s: checkout(s, "alice", store="grocery", idempotency_key=key) for _ in range(4)
    ])
    assert all(isinstance(r, OrderView) for r in results), results
    assert len({r.id for r in results if isinstance(r, OrderView)}) == 1
    assert order_count(shop) == 1
    assert sku(shop, "GRO-BAN").stock == 46


def test_two_customers_race_for_the_last_unit(shop: Session, factory: sessionmaker) -> None:
    customer(shop, "bob")
    apple = sku(shop, "GRO-APL").id
    add_to_cart(shop, "alice", apple, 1)
    add_to_cart(shop, "bob", apple, 1)
    results = run_threads(factory, [
        lambda s: checkout(s, "alice", store="grocery", idempotency_key="a"),
        lambda s: checkout(s, "bob", store="grocery", idempotency_key="b"),
    ])
    winners = [r for r in results if isinstance(r, OrderView)]
    losers = [r for r in results if isinstance(r, OutOfStock)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert sku(shop, "GRO-APL").stock == 0
    assert order_count(shop) == 1


def test_one_cart_checked_out_from_two_kiosks_places_one_order(
    shop: Session, factory: sessionmaker
) -> None:
    """Two kiosks, two keys, one shopper's cart: the cart's row lock makes them take turns."""
    add_to_cart(shop, "alice", sku(shop, "GRO-BAN").id, 2)
    results = run_threads(factory, [
        lambda s: checkout(s, "alice", store="grocery", idempotency_key="kiosk-1"),
        lambda s: checkout(s, "alice", store="grocery", idempotency_key="kiosk-2"),
    ])
    assert sorted(type(r).__name__ for r in results) == ["CartEmpty", "OrderView"], results
    assert order_count(shop) == 1
    assert sku(shop, "GRO-BAN").stock == 48


@pytest.mark.parametrize("backend", ["postgresql"])  # SQLite's writers never interleave
def test_a_deadlock_victim_is_rolled_back_and_run_again(
    shop: Session, factory: sessionmaker
) -> None:
    """Two transactions lock two products in opposite orders: PostgreSQL aborts one (40P01);
    unit_of_work runs it again and both changes land, each once."""
    first, second = sku(shop, "GRO-BAN").id, sku(shop, "GRO-OJ").id
    barrier = threading.Barrier(2)
    attempts: list[str] = []

    def take(session: Session, ids: tuple[int, int], name: str) -> None:
        attempts.append(name)
        session.execute(update(Product).where(Product.id == ids[0])
                        .values(stock=Product.stock - 1))
        if attempts.count(name) == 1:
            barrier.wait(timeout=20)  # both hold their first row: the deadlock
        session.execute(update(Product).where(Product.id == ids[1])
                        .values(stock=Product.stock - 1))

    results = run_threads(factory, [
        lambda s: unit_of_work(s, lambda: take(s, (first, second), "a")),
        lambda s: unit_of_work(s, lambda: take(s, (second, first), "b")),
    ])
    assert results == [None, None]
    assert len(attempts) == 3  # one of them ran twice
    assert sku(shop, "GRO-BAN").stock == 48 and sku(shop, "GRO-OJ").stock == 48
