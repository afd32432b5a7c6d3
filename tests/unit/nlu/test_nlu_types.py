from __future__ import annotations

from nlu_factories import rasa_dict, rasa_entity

from nlu.types import FALLBACK_INTENT, Entity, IntentScore, Parse, parse_from_rasa


def test_rasa_dict_becomes_parse_with_raw_and_canonical_values() -> None:
    text = "add two oj please"
    data = rasa_dict(
        "add_to_cart", 0.93,
        [rasa_entity(text, "oj", "product", "Tropicana Pure Premium Orange Juice"),
         rasa_entity(text, "two", "quantity")],
        [("add_to_cart", 0.93), ("search_product", 0.05)],
    )
    parse = parse_from_rasa(text, data)
    assert parse.intent == "add_to_cart"
    assert parse.confidence == 0.93
    assert [e.entity for e in parse.entities] == ["quantity", "product"]  # sorted by position
    product = parse.first("product")
    assert product == Entity("product", "Tropicana Pure Premium Orange Juice", 8, 10, 0.99, None, "oj")
    assert parse.alternatives == [IntentScore("add_to_cart", 0.93), IntentScore("search_product", 0.05)]


def test_amount_takes_the_role_of_the_next_milk_or_sweetener() -> None:
    text = "latte with lots of cream and a bit of sugar"
    ents = [rasa_entity(text, "latte", "drink"), rasa_entity(text, "lots of", "amount"),
            rasa_entity(text, "cream", "milk"), rasa_entity(text, "a bit of", "amount"),
            rasa_entity(text, "sugar", "sweetener")]
    parse = parse_from_rasa(text, rasa_dict("order_drink", 0.99, ents))
    amounts = [(e.value, e.role) for e in parse.entities if e.entity == "amount"]
    assert amounts == [("lots of", "milk"), ("a bit of", "sweetener")]


def test_missing_intent_is_fallback_and_to_dict_is_plain() -> None:
    parse = parse_from_rasa("zzz", {"intent": None, "entities": None})
    assert parse.intent == FALLBACK_INTENT
    assert parse.to_dict() == {"text": "zzz", "intent": FALLBACK_INTENT, "confidence": 0.0,
                               "entities": [], "alternatives": []}


def test_out_of_range_offsets_fall_back_to_value_for_raw() -> None:
    data = rasa_dict("faq", 0.8, [{"entity": "faq_topic", "start": 50, "end": 60, "value": "returns"}])
    assert parse_from_rasa("returns?", data).entities[0].raw == "returns"


def test_parse_helpers() -> None:
    parse = Parse("x", "order_drink", 1.0, [Entity("size", "large", 0, 5), Entity("size", "small", 6, 11)])
    assert parse.values("size") == ["large", "small"]
    assert parse.first("milk") is None
    assert Parse.fallback("??").intent == FALLBACK_INTENT


def _price(text: str, words: str) -> Entity:
    start = text.index(words)
    data = rasa_dict("search_product", 0.9, [rasa_entity(text, words, "price_bound")])
    found = parse_from_rasa(text, data).first("price_bound")
    assert found is not None and found.start == start
    return found


def test_price_bound_role_comes_from_the_words_before_it() -> None:
    assert _price("show me snacks under five dollars", "five dollars").role == "max"
    assert _price("coffee less than 10 bucks", "10 bucks").role == "max"
    assert _price("wine more than twenty dollars", "twenty dollars").role == "min"
    assert _price("cheese at least $5", "5").role == "min"
    assert _price("not over but under ten dollars", "ten dollars").role == "max"  # the nearest word
    assert _price("something for ten dollars", "ten dollars").role is None
