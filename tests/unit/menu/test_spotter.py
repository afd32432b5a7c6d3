"""Menu phrase spotting: tolerant matching and overlap resolution, on the corpus menu."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu.menu.menu import Menu
from nlu.menu.spotter import normalize, spot


@pytest.fixture(scope="module", params=["menu.json", "cafe.json"])
def menu(request: pytest.FixtureRequest, corpus_dir: Path, repo_root: Path) -> Menu:
    path = (corpus_dir / "menu.json") if request.param == "menu.json" else (
        repo_root / "data" / "stores" / "cafe.json")
    return Menu.load(path)


@pytest.mark.parametrize(
    ("heard", "slots"),
    [
        ("can I get a large double shot mocha with lots of cream",
         {"coffeeDrink": "mocha", "size": "large", "numberOfShots": "double shot",
          "milkAmount": "lots of cream"}),
        # Whisper writes numbers as digits with hyphens
        ("I'd like a 12-ounce light roast coffee with a bit of brown sugar.",
         {"coffeeDrink": "coffee", "size": "twelve ounce", "roast": "light roast",
          "sugarAmount": "a bit of brown sugar"}),
        # "medium roast" is a roast, "medium" alone a size
        ("a medium roast drip coffee, medium, with some milk",
         {"coffeeDrink": "drip coffee", "roast": "medium roast", "size": "medium",
          "milkAmount": "some milk"}),
        # a near miss of a menu word
        ("an ice mocha please", {"coffeeDrink": "iced mocha"}),
        ("a capuccino 20 oz two shots a little bit of sweetener",
         {"coffeeDrink": "cappuccino", "size": "twenty ounce", "numberOfShots": "double shot",
          "sugarAmount": "a little bit of sweetener"}),
        # exact "some milk" is not a fuzzy "soy milk"
        ("house coffee with some milk", {"coffeeDrink": "house coffee", "milkAmount": "some milk"}),
        ("house coffee with soy milk", {"coffeeDrink": "house coffee", "milkAmount": "soy milk"}),
        # a function word is never a near miss: "and milk" is not "almond milk"
        ("a cappuccino with sugar and milk",
         {"coffeeDrink": "cappuccino", "sugarAmount": "sugar", "milkAmount": "milk"}),
        # "an iced" heard as "a nice" is a near miss of the menu phrase
        ("make me a nice coffee with a lot of sugar",
         {"coffeeDrink": "iced coffee", "sugarAmount": "a lot of sugar"}),
        ("triple espresso", {"coffeeDrink": "espresso", "numberOfShots": "triple shot"}),
        ("hello there", {}),
        ("", {}),
    ],
)
def test_spot(menu: Menu, heard: str, slots: dict[str, str]) -> None:
    assert spot(heard, menu).to_slots() == slots


def test_normalize_puts_numbers_and_units_in_one_spelling() -> None:
    assert normalize("Twelve-ounce, two SHOTS!") == ["12", "ounce", "2", "shot"]
    assert normalize("16 oz") == ["16", "ounce"]
