"""One home for joining words: choices joined with "or" keep a name's own "and"."""

from __future__ import annotations

from commerce.errors import InvalidModifier
from storedata.words import join_words


def test_lists_are_joined_for_speech() -> None:
    assert join_words([]) == ""
    assert join_words(["eggs"]) == "eggs"
    assert join_words(["eggs", "milk"]) == "eggs and milk"
    assert join_words(["eggs", "milk", "bread"]) == "eggs, milk, and bread"


def test_choices_joined_with_or_keep_half_and_half() -> None:
    assert join_words(["whole milk", "half and half"], "or") == "whole milk or half and half"
    assert join_words(["skim milk", "half and half", "oat milk"], "or") == \
        "skim milk, half and half, or oat milk"


def test_a_refused_option_names_half_and_half_as_it_is() -> None:
    err = InvalidModifier("milk", "hemp milk", ["whole milk", "half and half"])
    assert "whole milk or half and half" in err.message and "half or half" not in err.message
