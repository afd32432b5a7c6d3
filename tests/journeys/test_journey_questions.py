"""Price, stock and size questions through the real model: the facts, on any trained model.

Which of product_info and search_product a given model ranks first for "how much are the
bananas" is a coin toss between models trained on different machines or seeds; the answer
must not be (``make seeds`` runs these against several seeds).
"""

from __future__ import annotations

from typing import Any

import pytest

Shop = Any  # the ``shop`` fixture (conftest.py)
pytestmark = pytest.mark.slow  # the real trained NLU model


@pytest.mark.parametrize(("question", "facts"), [
    ("how much are the bananas", ["Bananas", "sixty five cents"]),
    ("what do the bananas cost", ["Bananas", "sixty five cents"]),
    ("is the oat milk in stock", ["Yes", "Oat Milk", "three dollars and forty nine cents"]),
    ("do you have almond milk", ["Yes", "Almond Milk", "three dollars and forty nine cents"]),
    ("what size is the orange juice", ["Orange Juice", "ounces"]),
    ("is the barilla spaghetti in stock", ["Sorry, Barilla Spaghetti is out of stock"]),
])
def test_a_product_question_gets_the_facts(shop: Shop, question: str, facts: list[str]) -> None:
    s = shop.shopper()
    t = s.say(question)
    assert all(fact in t.reply for fact in facts), t.reply
    assert s.cart_lines() == {}
    assert not t.reply.startswith(("Which", "How many", "What would you like"))


def test_a_question_about_a_cart_item_is_about_that_item(shop: Shop) -> None:
    s = shop.shopper()
    s.say("add one oatly oat milk")
    assert s.cart_lines() == {"GRO-0059": 1}
    t = s.say("how much is the oat milk")
    assert t.reply.startswith("Oat Milk, 64 ounces, five dollars and forty nine cents."), t.reply
    assert t.reply.endswith("You have one in your cart.")


def test_how_much_are_they_after_adding(shop: Shop) -> None:
    s = shop.shopper()
    s.say("add two bananas")
    assert sum(s.cart_lines().values()) == 2
    t = s.say("how much are they")
    assert t.reply.startswith("Bananas, 1 pound, sixty five cents."), t.reply


@pytest.mark.parametrize("count", ["six", "make it six"])
def test_a_count_said_alone_changes_the_line_just_added(shop: Shop, count: str) -> None:
    s = shop.shopper()
    s.say("add two bananas")
    s.say(count)
    assert s.cart_lines() == {"GRO-0001": 6}
