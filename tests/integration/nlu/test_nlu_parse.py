"""Real sentences through the real trained model: intents and entities."""

from __future__ import annotations

import pytest

from nlu.local import LocalParser

pytestmark = pytest.mark.slow

CASES: list[tuple[str, str, dict[str, str]]] = [
    ("add two bananas", "add_to_cart", {"quantity": "two", "product": "Bananas"}),
    ("can i get a large double shot mocha with lots of cream", "order_drink",
     {"size": "large", "shots": "double shot", "drink": "mocha", "amount": "lots of", "milk": "cream"}),
    ("i'd like a twelve ounce light roast coffee with a bit of brown sugar", "order_drink",
     {"size": "twelve ounce", "roast": "light roast", "drink": "coffee", "amount": "a bit of",
      "sweetener": "brown sugar"}),
    ("I'd like a 12-ounce light roast coffee with a bit of brown sugar.", "order_drink",
     {"size": "twelve ounce", "roast": "light roast", "drink": "coffee", "sweetener": "brown sugar"}),
    ("medium latte with skim milk", "order_drink", {"size": "medium", "drink": "latte", "milk": "skim milk"}),
    ("an iced coffee please", "order_drink", {"drink": "iced coffee"}),
    ("a medium medium roast house coffee", "order_drink",
     {"size": "medium", "roast": "medium roast", "drink": "house coffee"}),
    ("iced mocha with almond milk", "order_drink", {"drink": "iced mocha", "milk": "almond milk"}),
    ("show me snacks under five dollars", "search_product", {"category": "snacks", "price_bound": "five dollars"}),
    ("do you have oat milk", "search_product", {"product": "Oat Milk"}),
    ("how much is the second one", "product_info", {"ordinal": "second"}),
    ("is the peanut butter organic", "product_info", {"info_type": "organic"}),
    ("remove the bananas", "remove_from_cart", {"product": "Bananas"}),
    ("change the bananas to six", "change_quantity", {"product": "Bananas", "quantity": "six"}),
    ("what's in my cart", "view_cart", {}),
    ("empty my cart", "clear_cart", {}),
    ("checkout", "checkout", {}),
    ("reorder my last order", "reorder", {"reorder_target": "last order"}),
    ("i'll have the usual", "reorder", {"reorder_target": "the usual"}),
    ("where is my order", "order_status", {}),
    ("cancel my order", "cancel_order", {}),
    ("what do you recommend", "recommend", {}),
    ("what's your return policy", "faq", {"faq_topic": "returns"}),
    ("my pin is 2468", "provide_pin", {"pin": "2468"}),
    ("speak slower", "speech_rate", {"rate": "slower"}),
    ("talk faster please", "speech_rate", {"rate": "faster"}),
    ("tell me more", "more", {}),
    ("next", "more", {}),
    ("hello", "greet", {}),
    ("goodbye", "goodbye", {}),
    ("help", "help", {}),
    ("yes please", "affirm", {}),
    ("no thanks", "deny", {}),
    ("never mind", "cancel", {}),
    ("say that again", "repeat", {}),
    ("stop", "stop", {}),
]


@pytest.mark.parametrize(("text", "intent", "entities"), CASES, ids=[c[0] for c in CASES])
def test_intent_and_entities(parser: LocalParser, text: str, intent: str, entities: dict[str, str]) -> None:
    parse = parser.parse(text)
    assert parse.intent == intent, parse
    got = {e.entity: e.value for e in parse.entities}
    for name, value in entities.items():
        assert got.get(name, "").lower() == value.lower(), (name, parse.entities)
    for ent in parse.entities:
        assert parse.text[ent.start : ent.end] == ent.raw


def test_amount_is_linked_to_its_milk_and_sweetener(parser: LocalParser) -> None:
    parse = parser.parse("a latte with lots of cream and a bit of brown sugar")
    roles = {(e.value, e.role) for e in parse.entities if e.entity == "amount"}
    assert roles == {("lots of", "milk"), ("a bit of", "sweetener")}


def test_price_bound_roles(parser: LocalParser) -> None:
    under = parser.parse("show me snacks under five dollars").first("price_bound")
    over = parser.parse("show me snacks over five dollars").first("price_bound")
    assert under is not None and under.role == "max"
    assert over is not None and over.role == "min"


def test_parser_is_safe_from_many_threads(parser: LocalParser) -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = ["add two bananas", "medium latte with skim milk", "checkout"] * 10
    with ThreadPoolExecutor(max_workers=4) as pool:
        intents = list(pool.map(lambda t: parser.parse(t).intent, texts))
    assert intents == ["add_to_cart", "order_drink", "checkout"] * 10
