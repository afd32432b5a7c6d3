"""Journeys 6 and 7: reorders (confirmed first), order status and cancelling."""

from __future__ import annotations

from typing import Any

import pytest

Shop = Any  # the ``shop`` fixture (conftest.py)
pytestmark = pytest.mark.slow  # the real trained NLU model


def test_6_reorder_last_usual_and_named_item(shop: Shop) -> None:
    s = shop.shopper("alice")
    start = s.cart_lines()
    t = s.say("reorder my last order")
    assert t.reply.startswith("Your last order had")
    assert t.reply.endswith("Add them to your cart?")
    assert s.say("no").reply == "Okay, I won't."
    assert s.cart_lines() == start
    t = s.say("order the usual")
    assert t.reply.startswith("Your usual is three Bananas")
    assert s.say("yes").reply.startswith("Added three Bananas")
    assert s.cart_lines()["GRO-0001"] == 3
    towels = s.cart_lines()["GRO-0391"]  # the usual has them too
    t = s.say("reorder the paper towels")
    assert t.reply.startswith("Last time you got one Select-A-Size Paper Towels")
    assert s.cart_lines()["GRO-0391"] == towels
    s.say("go ahead")
    assert s.cart_lines()["GRO-0391"] == towels + 1


def test_7_order_status_and_confirmed_cancel(shop: Shop) -> None:
    s = shop.shopper("alice")
    t = s.say("where is my order")
    assert t.order is not None and "is placed" in t.reply
    order_id = t.order.id
    t = s.say("cancel my last order")
    assert t.reply.startswith("Cancel order number")
    assert {o.id: o.status for o in s.orders()}[order_id] == "placed"
    assert s.say("yes").reply_key == "order_cancelled"
    assert {o.id: o.status for o in s.orders()}[order_id] == "cancelled"
