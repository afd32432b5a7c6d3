"""Journeys 5, 10 and 15: checkout with purchase protection, the cart reminder, the keypad PIN."""

from __future__ import annotations

from typing import Any

import pytest

Shop = Any  # the ``shop`` fixture (conftest.py)
pytestmark = pytest.mark.slow  # the real trained NLU model


def test_10_cart_reminder_once_then_5_checkout_with_spoken_pin(shop: Shop) -> None:
    s = shop.shopper("alice")
    greeting = s.start()
    assert greeting.text.startswith("Welcome back, Alice. You still have one item in your cart")
    assert greeting.text.endswith("Would you like to check out?")
    orders_before = len(s.orders())
    t = s.say("yes")
    assert t.reply == "Please say your purchase code, or type it on the keypad."
    t = s.say("one three five seven")
    assert t.reply.startswith("That code didn't match.")
    assert t.user == "****" and "1357" not in str(t.to_json())
    t = s.say("two four six eight")
    assert t.reply.startswith("Your order is placed. Order number")
    assert t.order is not None and t.order.status == "placed"
    orders = s.orders()
    assert len(orders) == orders_before + 1 and s.cart().is_empty
    assert s.say("yes").reply_key == "nothing_to_confirm"  # a repeated yes places nothing
    assert len(s.orders()) == orders_before + 1
    again = shop.shopper("alice")
    assert "still have" not in again.start().text  # reminded once, and the cart is empty now


def test_5_checkout_reads_total_and_no_leaves_everything(shop: Shop) -> None:
    s = shop.shopper("alice")
    s.start()
    s.say("no thanks")
    t = s.say("check out")
    assert t.reply.startswith("You have one item, and your total is")
    assert t.reply.endswith("Shall I place the order?")
    assert s.say("no").reply == "Okay, I won't."
    assert len(s.cart().lines) == 1


def test_5_three_wrong_pins_lock_purchasing(shop: Shop) -> None:
    s = shop.shopper("alice")
    s.start()
    s.say("yes")
    assert s.say("one one one one").reply.startswith("That code didn't match.")
    assert s.say("two two two two").reply.startswith("That code didn't match.")
    t = s.say("three three three three")
    assert "15 minutes" in t.reply or "fifteen minutes" in t.reply
    s.say("check out")
    s.say("yes")
    t = s.keypad("2468")
    assert not t.reply.startswith("Your order is placed")
    assert len(s.cart().lines) == 1


def test_5_spending_limit_is_enforced(shop: Shop) -> None:
    s = shop.shopper("bob")
    t = s.say("add four of the viva paper towels")
    assert t.reply.startswith("Added four Paper Towels")
    assert s.cart_lines() == {"GRO-0393": 4}  # 4 x $11.99 is over Bob's $40 limit
    t = s.say("check out")
    assert "limit" in t.reply
    assert all(order.status == "delivered" for order in s.orders())


def test_15_keypad_pin_is_never_echoed_or_stored(shop: Shop) -> None:
    s = shop.shopper("alice")
    s.start()
    t = s.say("sure")
    assert t.expects_pin
    t = s.keypad("2468")
    assert t.reply.startswith("Your order is placed.")
    assert t.user == "****" and t.intent == "provide_pin"
    saved = shop.saved_state("alice")
    assert "2468" not in saved and "2468" not in str([x.to_json() for x in s.turns])
