"""The references of the WER benchmark: orders in the menu's words, compared as words."""

from __future__ import annotations

from assistant.bench.wer import order_sentences, words
from assistant.settings import DATA_DIR
from nlu.menu.menu import Menu

MENU = Menu.load(DATA_DIR / "stores" / "cafe.json")


def test_orders_are_made_of_menu_phrases_and_repeatable() -> None:
    first = order_sentences(MENU, 30)
    assert first == order_sentences(MENU, 30)
    assert first != order_sentences(MENU, 30, seed=8)
    assert all(any(drink in s for drink in MENU.drinks) for s in first)
    assert any(" with " in s for s in first)


def test_words_are_compared_without_case_punctuation_or_number_spelling() -> None:
    assert words("Can I get a 12-ounce latte?") == words("can i get a twelve ounce latte")
    assert words("") == ""
    assert words("A latte.") != words("a mocha")
