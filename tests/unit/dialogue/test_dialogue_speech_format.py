"""Replies written to be heard: money, numbers, lists and sizes in spoken words."""

from __future__ import annotations

import pytest

from assistant.dialogue.speech_format import (
    digits_words,
    join_words,
    money_words,
    number_words,
    numbered_list,
    ordinal_words,
    product_phrase,
    size_words,
    spoken_list,
)


@pytest.mark.parametrize(
    ("cents", "spoken"),
    [
        (420, "four dollars and twenty cents"),
        (100, "one dollar"),
        (99, "ninety nine cents"),
        (1, "one cent"),
        (0, "zero cents"),
        (101, "one dollar and one cent"),
        (123456, "one thousand two hundred and thirty four dollars and fifty six cents"),
        (-5, "minus five cents"),
    ],
)
def test_money_words(cents: int, spoken: str) -> None:
    assert money_words(cents) == spoken


@pytest.mark.parametrize(
    ("n", "spoken"),
    [(0, "zero"), (7, "seven"), (13, "thirteen"), (40, "forty"), (42, "forty two"),
     (105, "one hundred and five"), (1000, "one thousand"), (1_000_005, "one million and five"),
     (2_500_000, "two million five hundred thousand")],
)
def test_number_words(n: int, spoken: str) -> None:
    assert number_words(n) == spoken


@pytest.mark.parametrize(("n", "spoken"), [(1, "first"), (2, "second"), (3, "third"),
                                           (4, "fourth"), (12, "twelfth"), (20, "twentieth")])
def test_ordinal_words(n: int, spoken: str) -> None:
    assert ordinal_words(n) == spoken


def test_lists_are_capped_at_three_and_say_whether_more_remain() -> None:
    assert spoken_list(["a", "b"]) == ("a and b", False)
    assert spoken_list(["a", "b", "c"]) == ("a, b, and c", False)
    assert spoken_list(["a", "b", "c", "d"]) == ("a, b, and c", True)
    assert join_words([]) == ""
    assert numbered_list(["Oatly", "Silk"]) == "first, Oatly; second, Silk"


def test_product_phrase_is_name_size_price() -> None:
    assert product_phrase("Oat Milk", "64 oz", 549) == (
        "Oat Milk, 64 ounces, five dollars and forty nine cents"
    )
    assert product_phrase("Lemons", None, 69) == "Lemons, sixty nine cents"


@pytest.mark.parametrize(("size", "spoken"), [("1 lb", "1 pound"), ("3 lb bag", "3 lb bag"),
                                              ("64 oz", "64 ounces"), ("12 ct", "12 count"),
                                              ("half gal", "half gallon"), ("dozen", "dozen")])
def test_size_words(size: str, spoken: str) -> None:
    assert size_words(size) == spoken


def test_digits_words() -> None:
    assert digits_words("1042") == "one zero four two"


def test_symbols_are_said_in_words() -> None:
    from assistant.dialogue.speech_format import speakable

    assert speakable("one 2% Reduced Fat Milk") == "one 2 percent Reduced Fat Milk"
    assert speakable("M&M's") == "M and M's"
