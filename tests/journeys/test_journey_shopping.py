"""Journeys 1-4, 13 and 14: finding, adding, asking back, the cart, natural confirmations."""

from __future__ import annotations

from typing import Any

import pytest

Shop = Any  # the ``shop`` fixture (conftest.py)
pytestmark = pytest.mark.slow  # the real trained NLU model


def test_1_search_and_add_by_ordinal(shop: Shop) -> None:
    s = shop.shopper()
    t = s.say("do you have oat milk")
    assert t.intent == "search_product"
    assert "Oat Milk, 64 ounces, five dollars and forty nine cents" in t.reply
    assert "first" in t.reply and "second" in t.reply
    assert s.cart().is_empty
    t = s.say("add two of the first one")
    assert t.reply.startswith("Added two Oat Milk, that's")
    listed_first = s.manager.state.listed[0].sku
    assert s.cart_lines() == {listed_first: 2}


def test_2_several_matches_a_sensible_pick_then_a_swap(shop: Shop) -> None:
    s = shop.shopper()
    t = s.say("add a dozen eggs")  # the best seller, the alternative named with it
    assert t.reply.startswith("Added one Large White Eggs, that's two dollars and ninety nine")
    assert "Say pasture raised for Pasture Raised Eggs at six dollars and ninety nine" in t.reply
    assert s.cart_lines() == {"GRO-0072": 1}
    t = s.say("the pasture raised ones")
    assert t.reply.startswith("Okay, one Pasture Raised Eggs instead of the Large White Eggs")
    assert s.cart_lines() == {"GRO-0076": 1}
    t = s.say("add a twelve pack of coke")  # the pack's size, not twelve of them
    assert t.reply.startswith("Added one Original Cola")
    assert s.cart_lines() == {"GRO-0076": 1, "GRO-0257": 1}
    t = s.say("put three avocados in my cart")
    assert t.reply.startswith("Added three Hass Avocados")
    assert s.cart_lines() == {"GRO-0076": 1, "GRO-0257": 1, "GRO-0019": 3}


def test_3_a_missing_count_is_one_and_a_count_after_is_the_new_count(shop: Shop) -> None:
    s = shop.shopper()
    t = s.say("add bananas")
    assert t.reply.startswith("Added one Bananas")
    assert s.cart_lines() == {"GRO-0001": 1}
    t = s.say("six")
    assert t.reply == "Okay, six Bananas now."
    assert s.cart_lines() == {"GRO-0001": 6}


def test_4_cart_view_remove_change_and_confirmed_empty(shop: Shop) -> None:
    s = shop.shopper()
    s.say("add two bananas")
    s.say("add a dozen cage free large eggs")
    assert s.cart_lines() == {"GRO-0001": 2, "GRO-0075": 1}
    t = s.say("what's in my cart")
    assert t.reply.startswith("You have three items: two Bananas and one Cage Free Large Eggs.")
    t = s.say("remove the eggs")
    assert t.reply.startswith("Removed Cage Free Large Eggs.")
    assert s.cart_lines() == {"GRO-0001": 2}
    t = s.say("make that three")
    assert t.reply == "Okay, three Bananas now."
    assert s.cart_lines() == {"GRO-0001": 3}
    t = s.say("empty my cart")
    assert t.reply == "Remove all three items from your cart?"
    assert s.cart_lines() == {"GRO-0001": 3}
    t = s.say("yes")
    assert t.reply_key == "cart_cleared"
    assert s.cart().is_empty


def test_13_several_items_in_one_sentence_all_added(shop: Shop) -> None:
    s = shop.shopper()
    t = s.say("add two bananas, a dozen eggs and the oat milk")
    assert t.reply.startswith("Added two Bananas, one Large White Eggs, and one Oat Milk.")
    assert s.cart_lines() == {"GRO-0001": 2, "GRO-0072": 1, "GRO-0059": 1}
    t = s.say("what's in my cart")  # nothing understood is dropped
    assert t.reply.startswith("You have four items: two Bananas, one Large White Eggs")


def test_14_natural_yes_and_no_and_a_new_request_instead(shop: Shop) -> None:
    s = shop.shopper()
    s.say("add two bananas")
    for no in ("nope", "not now", "actually no"):
        assert s.say("empty my cart").reply.startswith("Remove all")
        assert s.say(no).reply == "Okay, I won't.", no
        assert s.cart_lines() == {"GRO-0001": 2}
    for yes in ("yeah", "sure", "go ahead", "yes please"):
        s.say("add two bananas")
        assert s.say("empty my cart").reply.startswith("Remove all")
        assert s.say(yes).reply_key == "cart_cleared", yes
        assert s.cart().is_empty
    s.say("add two bananas")
    s.say("empty my cart")
    t = s.say("what's in my cart")
    assert t.reply.startswith("You have two items: two Bananas.")
    assert s.say("yes").reply_key == "nothing_to_confirm"
    assert s.cart_lines() == {"GRO-0001": 2}
