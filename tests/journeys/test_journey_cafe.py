"""Journey 8: a cafe order with modifiers, and a missing required one asked for."""

from __future__ import annotations

from typing import Any

import pytest

Shop = Any  # the ``shop`` fixture (conftest.py)
pytestmark = pytest.mark.slow  # the real trained NLU model


def test_8_drink_with_modifiers_and_the_right_price(shop: Shop) -> None:
    s = shop.shopper("carol", "cafe")
    t = s.say("can I get a large double shot mocha with lots of cream")
    assert t.reply.startswith("Added one large Mocha with double shot and lots of cream")
    (line,) = s.cart().lines
    assert line.sku == "CAF-0006"
    assert line.unit_price_cents == 425 + 150 + 80  # mocha + large + double shot
    chosen = {(m.group, m.option, m.amount) for m in line.modifiers}
    assert ("size", "large", None) in chosen
    assert ("shots", "double shot", None) in chosen
    assert ("milk", "cream", "lots of") in chosen


def test_8_missing_size_is_asked_for(shop: Shop) -> None:
    s = shop.shopper("carol", "cafe")
    t = s.say("a latte with soy milk please")
    assert t.reply.startswith("What size would you like for the Latte")
    assert s.cart().is_empty
    t = s.say("medium")
    assert t.reply.startswith("Added one medium Latte with soy milk")
    (line,) = s.cart().lines
    assert line.unit_price_cents == 375 + 100 + 60


def test_8_a_near_miss_heard_by_the_recognizer_is_read_as_the_menu_says(shop: Shop) -> None:
    # As an ASR prints it: "rost" and "skin milk" are near misses of menu words, which the
    # menu spotter resolves, exactly as the speech benchmark scores the line.
    s = shop.shopper("carol", "cafe")
    t = s.say("get me a small dark rost latte with a lot of skin milk")
    assert t.reply.startswith("Added one small Latte"), t.reply
    (line,) = s.cart().lines
    chosen = {(m.group, m.option, m.amount) for m in line.modifiers}
    assert chosen == {("size", "small", None), ("roast", "dark roast", None),
                      ("milk", "skim milk", "a lot of")}


def test_8_a_milk_the_cafe_does_not_have_is_refused_with_the_choices(shop: Shop) -> None:
    s = shop.shopper("carol", "cafe")
    t = s.say("a large latte with hemp milk")
    assert t.reply.startswith("Sorry, we don't have hemp milk"), t.reply
    assert "almond milk" in t.reply
    assert s.cart().is_empty
