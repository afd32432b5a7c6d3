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


def test_2_ambiguity_answered_by_brand_then_size(shop: Shop) -> None:
    s = shop.shopper()
    t = s.say("add oat milk")
    assert t.reply.startswith("Which oat milk: first,") and "third" not in t.reply
    t = s.say("the oatly one")
    assert t.reply == "How many Oat Milk would you like?"
    t = s.say("one")
    assert t.reply.startswith("Added one Oat Milk")
    assert s.cart_lines() == {"GRO-0059": 1}
    t = s.say("add milk")
    assert t.reply.startswith("Which milk: first,") and "fourth" not in t.reply
    t = s.say("the skim milk")
    assert t.reply == "How many Skim Milk would you like?"
    s.say("one")
    assert s.cart_lines() == {"GRO-0059": 1, "GRO-0058": 1}
    t = s.say("add whole milk")
    assert t.reply.startswith("Which whole milk: first,")
    assert t.reply.count("Whole Milk") <= 3
    s.say("the gallon")
    t = s.say("two")
    assert t.reply.startswith("Added two Whole Milk")
    assert s.cart_lines() == {"GRO-0059": 1, "GRO-0058": 1, "GRO-0052": 2}


def test_3_slot_filling_how_many(shop: Shop) -> None:
    s = shop.shopper()
    t = s.say("add bananas")
    assert t.reply == "How many Bananas would you like?"
    assert s.cart().is_empty
    t = s.say("six")
    assert t.reply.startswith("Added six Bananas")
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


def test_13_several_items_in_one_sentence_confirmed_together(shop: Shop) -> None:
    s = shop.shopper()
    t = s.say("add two bananas, a dozen eggs and the oat milk")
    assert t.reply.startswith("Which eggs: first,")
    t = s.say("the second one")
    assert t.reply.startswith("Which oat milk: first,")
    t = s.say("oatly")
    assert t.reply.startswith("Add two Bananas, one Large White Eggs, and one Oat Milk, for")
    assert s.cart().is_empty
    t = s.say("yes please")
    assert t.reply.startswith("Added two Bananas, one Large White Eggs, and one Oat Milk.")
    assert s.cart_lines() == {"GRO-0001": 2, "GRO-0072": 1, "GRO-0059": 1}


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
