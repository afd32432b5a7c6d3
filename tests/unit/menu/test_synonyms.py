"""Other names a barista accepts for menu options."""

from __future__ import annotations

from pathlib import Path

from nlu.menu.menu import Menu, default_variants
from nlu.menu.spotter import spot


def test_barista_synonyms_name_the_menu_s_milks(repo_root: Path) -> None:
    menu = Menu.load(repo_root / "data" / "stores" / "cafe.json")
    assert spot("an espresso with a bit of full milk", menu).to_slots() == {
        "coffeeDrink": "espresso", "milkAmount": "a bit of whole milk"}
    assert spot("a latte with skimmed milk", menu).to_slots() == {
        "coffeeDrink": "latte", "milkAmount": "skim milk"}
    assert spot("a mocha with non fat milk", menu).to_slots()["milkAmount"] == "skim milk"


def test_a_synonym_is_added_only_for_an_option_the_menu_has() -> None:
    variants = default_variants({"milk": ("oat milk", "whole milk")})
    assert variants["full milk"] == ("milk", "whole milk")
    assert "skimmed milk" not in variants and "soya milk" not in variants
