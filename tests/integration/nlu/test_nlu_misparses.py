"""Misparses seen in dialogues, fixed with training data: each through the real trained model.

The sentences are not training examples (checked below), except the closed ones a template
must produce ("six"), so they test what the model learned, not what it memorised.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu.examples import load_examples
from nlu.local import LocalParser
from nlu.types import FALLBACK_INTENT

pytestmark = pytest.mark.slow

LOW_CONFIDENCE = 0.45  # assistant.dialogue.types.DialogueOptions.low_confidence

ASKING_FOR_A_PRODUCT = [
    ("do you have oat milk", "oat milk"),
    ("do you sell almond milk", "almond milk"),
]
CART_PRODUCTS = [  # category words said about one product
    ("add two eggs", "eggs", "add_to_cart"),
    ("take the chips out of my cart", "chips", "remove_from_cart"),
    ("change the butter to three", "butter", "change_quantity"),
]
FOREIGN = [
    "können sie mir sagen wo das brot ist",
    "ich nehme drei äpfel",
    "je voudrais payer maintenant",
    "combien pour les bananes",
    "quiero una leche grande por favor",
    "dónde puedo pagar",
]


def _training_texts(data_dir: Path) -> set[str]:
    return {e.text for e in load_examples(data_dir / "lang" / "en" / "nlu" / "generated" / "nlu.yml")}


def test_cases_are_not_training_examples(data_dir: Path) -> None:
    trained = _training_texts(data_dir)
    texts = ([t for t, _ in ASKING_FOR_A_PRODUCT] + [t for t, _, _ in CART_PRODUCTS] + FOREIGN
             + ["add a million bananas", "add three lemons and a dozen eggs",
                "please reorder my previous order"])
    assert not trained & set(texts)


@pytest.mark.parametrize(("text", "product"), ASKING_FOR_A_PRODUCT)
def test_do_you_have_a_milk_is_a_product_question(parser: LocalParser, text: str, product: str) -> None:
    parse = parser.parse(text)
    assert parse.intent in {"search_product", "product_info"}, parse
    assert [e.raw for e in parse.entities] == [product], parse


@pytest.mark.parametrize(("text", "word", "intent"), CART_PRODUCTS)
def test_category_words_in_the_cart_are_products(parser: LocalParser, text: str, word: str,
                                                  intent: str) -> None:
    parse = parser.parse(text)
    assert parse.intent == intent, parse
    product = parse.first("product")
    assert product is not None and product.raw == word, parse


def test_actually_no_is_a_no(parser: LocalParser) -> None:
    assert parser.parse("actually no").intent == "deny"


def test_a_million_is_a_quantity(parser: LocalParser) -> None:
    parse = parser.parse("add a million bananas")
    assert parse.intent == "add_to_cart", parse
    quantity, product = parse.first("quantity"), parse.first("product")
    assert quantity is not None and quantity.raw == "a million", parse
    assert product is not None and product.raw == "bananas", parse


@pytest.mark.parametrize("text", ["six", "make it six"])
def test_a_bare_number_is_a_quantity_not_a_pin(parser: LocalParser, text: str) -> None:
    """Models differ on whether a bare "six" is change_quantity or add_to_cart (both mean a
    new count to the dialogue, which reads it as one: tests/journeys); never a PIN."""
    parse = parser.parse(text)
    assert parse.intent in ("change_quantity", "add_to_cart"), parse
    assert parse.values("quantity") == ["six"] and not parse.values("pin"), parse


def test_a_quantity_ends_where_the_product_starts(parser: LocalParser) -> None:
    parse = parser.parse("add three lemons and a dozen eggs")
    assert [(e.entity, e.raw) for e in parse.entities] == [
        ("quantity", "three"), ("product", "lemons"), ("quantity", "a dozen"), ("product", "eggs")], parse


def test_reorder_target_is_the_whole_noun_phrase(parser: LocalParser) -> None:
    parse = parser.parse("please reorder my previous order")
    assert parse.intent == "reorder", parse
    assert [(e.entity, e.raw, e.value) for e in parse.entities] == [
        ("reorder_target", "my previous order", "last order")], parse


@pytest.mark.parametrize("text", FOREIGN)
def test_foreign_language_is_not_understood(parser: LocalParser, text: str) -> None:
    parse = parser.parse(text)
    assert parse.intent == FALLBACK_INTENT or parse.confidence < LOW_CONFIDENCE, parse
