"""Modifiers the menu does not have are told apart from mishearings of ones it has."""

from __future__ import annotations

import pytest

from assistant.settings import DATA_DIR
from nlu.menu.menu import Menu
from nlu.menu.unknown import Unknown, unknown_modifiers

MENU = Menu.load(DATA_DIR / "stores" / "cafe.json")


@pytest.mark.parametrize("said", ["hemp milk", "oat milk", "goat milk"])
def test_a_milk_not_on_the_menu_is_unknown(said: str) -> None:
    assert unknown_modifiers(f"a large latte with {said} please", MENU) == [
        Unknown("milk", said)]


def test_a_sugar_not_on_the_menu_is_unknown() -> None:
    assert unknown_modifiers("a mocha with cane sugar", MENU) == [Unknown("sweetener",
                                                                          "cane sugar")]


@pytest.mark.parametrize("text", [
    "a latte with almon milk",         # a sound off
    "a latte with a lot of skin milk",  # a whole phrase off
    "a latte with the milk",            # function words qualify nothing
    "a latte with uh milk",
    "a mocha with soy milk and brown sugar",
    "a small latte milk",               # a menu word before it
    "a large latte with 2 milk",
])
def test_menu_words_and_their_near_misses_are_not_unknown(text: str) -> None:
    assert unknown_modifiers(text, MENU) == []
