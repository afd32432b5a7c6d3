"""Price, stock and size questions get the facts whichever neighbouring intent a model ranks
first: the dialogue's own routing, on a real seeded database, with hand-made parses."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.dialogue.language import asked_aspect, is_question
from assistant.dialogue.policy import product_question
from nlu.types import IntentScore, Parse

Shop = Any  # the ``shop`` fixture (conftest.py)


@pytest.mark.parametrize(("text", "aspect"), [
    ("how much are the bananas", "price"),
    ("what does the coffee cost", "price"),
    ("is the oat milk in stock", "availability"),
    ("do you have almond milk", "availability"),
    ("do you carry tortillas", "availability"),
    ("what size is the orange juice", "size"),
    ("how big is the cereal", "size"),
    ("is it organic", "organic"),
    ("add two bananas", None),
])
def test_the_aspect_asked_is_read_from_the_words(text: str, aspect: str | None) -> None:
    assert asked_aspect(text) == aspect


def test_a_request_is_not_a_question() -> None:
    assert is_question("how much are the bananas") and is_question("the bananas?")
    assert not is_question("add two bananas") and not is_question("find me some apples")


@pytest.mark.parametrize("intent", ["product_info", "search_product", "add_to_cart"])
def test_a_price_question_is_one_whatever_intent_is_first(intent: str) -> None:
    assert product_question(Parse("how much are the bananas", intent, 0.55), "grocery")


def test_a_question_left_between_two_intents_is_still_a_question() -> None:
    tied = Parse("how much are the bananas", "nlu_fallback", 0.3,
                 alternatives=[IntentScore("search_product", 0.41),
                               IntentScore("product_info", 0.40)])
    from nlu.types import Entity

    named = Parse(tied.text, tied.intent, tied.confidence,
                  [Entity("product", "bananas", 17, 24, raw="bananas")], tied.alternatives)
    assert product_question(named, "grocery")
    assert not product_question(tied, "grocery")  # names nothing: not understood


def test_other_questions_keep_their_intent() -> None:
    assert not product_question(Parse("how much is delivery", "faq", 0.9), "grocery")
    assert not product_question(Parse("how much is my cart", "view_cart", 0.9), "grocery")
    assert not product_question(Parse("can i have a latte", "order_drink", 0.9), "cafe")


def test_the_price_of_several_alike_is_said(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "how much are the bananas", "search_product", 0.55, product="bananas")
    assert t.reply.startswith("Bananas, 1 pound, sixty five cents.")
    assert shop.cart().is_empty


def test_a_stock_question_about_several_says_yes_and_lists_them(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "is the oat milk in stock", "search_product", 0.6, product="oat milk")
    assert t.reply.startswith("Yes, we have two kinds of oat milk:")
    assert "five dollars and forty nine cents" in t.reply and shop.cart().is_empty


def test_what_is_not_sold_is_said_plainly(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "do you have unicorn steaks", "product_info", product="unicorn steaks")
    assert t.reply.startswith("Sorry")


def test_out_of_stock_is_said(shop: Shop) -> None:
    m = shop.manager()
    t = shop.say(m, "is the barilla spaghetti in stock", "product_info",
                 product="barilla spaghetti")
    assert t.reply.startswith("Sorry, Barilla Spaghetti is out of stock right now.")
    assert "is in stock, for" in t.reply  # the one that is: another spaghetti


def test_a_question_about_a_cart_item_is_about_that_item(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add one oatly oat milk", "add_to_cart", quantity="one", product="oatly oat milk")
    assert [ln.sku for ln in shop.cart().lines] == ["GRO-0059"]
    t = shop.say(m, "how much is the oat milk", "product_info", product="oat milk")
    assert t.reply.startswith("Oat Milk, 64 ounces, five dollars and forty nine cents.")
    assert t.reply.endswith("You have one in your cart.")


def test_it_is_what_was_just_added(shop: Shop) -> None:
    m = shop.manager()
    shop.say(m, "add two bananas", "add_to_cart", quantity="two", product="bananas")
    t = shop.say(m, "how much are they", "product_info")
    assert t.reply.startswith("Bananas, 1 pound, sixty five cents.")
    t = shop.say(m, "what size is the orange juice", "product_info", product="orange juice")
    assert "comes in" in t.reply
    t = shop.say(m, "is it organic", "product_info", info_type="organic")
    assert t.reply.startswith("No,") and "Orange Juice" in t.reply


@pytest.mark.parametrize("intent", ["change_quantity", "add_to_cart", "nlu_fallback"])
def test_a_count_said_alone_after_an_add_sets_that_line(shop: Shop, intent: str) -> None:
    m = shop.manager()
    shop.say(m, "add two bananas", "add_to_cart", quantity="two", product="bananas")
    t = shop.say(m, "six", intent, 0.37, quantity="six")
    assert t.reply.startswith("Okay") or "six" in t.reply.lower()
    assert [(ln.name, ln.quantity) for ln in shop.cart().lines] == [("Bananas", 6)]
