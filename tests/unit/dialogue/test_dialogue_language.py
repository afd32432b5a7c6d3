"""Quantities, ordinals, natural yes/no and PIN digits read by the dialogue itself."""

from __future__ import annotations

import pytest

from assistant.dialogue.language import (
    parse_ordinal,
    parse_quantity,
    pin_digits,
    said_first,
    yes_or_no,
)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [("six", 6), ("a dozen", 12), ("half a dozen eggs", 6), ("a couple of", 2), ("a pair", 2),
     ("twenty four", 24), ("3", 3), ("an", 1), ("one", 1), ("a million bananas", 1_000_000),
     ("bananas", None), ("", None)],
)
def test_parse_quantity(text: str, quantity: int | None) -> None:
    assert parse_quantity(text) == quantity


@pytest.mark.parametrize(("text", "ordinal"), [("the first one", 1), ("second", 2),
                                               ("the third", 3), ("the last one", -1),
                                               ("Oatly", None)])
def test_parse_ordinal(text: str, ordinal: int | None) -> None:
    assert parse_ordinal(text) == ordinal


@pytest.mark.parametrize(
    ("text", "answer"),
    [("yeah", True), ("sure", True), ("go ahead", True), ("yes please", True), ("ok", True),
     ("nope", False), ("not now", False), ("actually no", False), ("no thanks", False),
     ("add milk", None), ("", None)],
)
def test_yes_or_no(text: str, answer: bool | None) -> None:
    assert yes_or_no(text) is answer


@pytest.mark.parametrize(
    ("text", "digits"),
    [("two four six eight", "2468"), ("my code is 2 4 6 8", "2468"), ("1 2 3 4.", "1234"),
     ("zero zero one two", "0012"), ("add two eggs", None), ("yes", None)],
)
def test_pin_digits_only_when_nothing_else_was_said(text: str, digits: str | None) -> None:
    assert pin_digits(text) == digits


def test_a_yes_or_no_said_first_opens_the_sentence() -> None:
    assert said_first("yes please, the oat milk") and said_first("No, the eggs")
    assert not said_first("some bananas please")
