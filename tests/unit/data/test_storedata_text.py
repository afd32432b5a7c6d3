"""The one text normaliser and the one plural rule."""

from __future__ import annotations

import pytest

from storedata.text import fold, singular, with_digits


def test_fold_is_the_common_form() -> None:
    assert fold("Ben & Jerry's  Half-Baked!") == "ben and jerry's half baked"
    assert fold("Dunkin\u2019 Original") == "dunkin' original"
    assert fold("2% Milk", keep="%") == "2% milk"
    assert fold("12-oz can", keep="%-") == "12-oz can"
    assert fold("우유 두 개") == "우유 두 개"  # letters of any script stay


def test_number_words_meet_digits() -> None:
    assert with_digits("Twelve-ounce!") == "12 ounce" == with_digits("12 ounce")
    assert with_digits("") == ""


@pytest.mark.parametrize(("plural", "one"), [
    ("berries", "berry"), ("boxes", "box"), ("tomatoes", "tomato"), ("glasses", "glass"),
    ("eggs", "egg"), ("glass", None), ("bus", None), ("hummus", None), ("oats", "oat"),
])
def test_the_plural_rule(plural: str, one: str | None) -> None:
    assert singular(plural) == one
