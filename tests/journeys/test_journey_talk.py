"""Journeys 9, 11 and 12, and bad input: recommendations, FAQ, help, repeat, cancel, goodbye."""

from __future__ import annotations

from typing import Any

import pytest

Shop = Any  # the ``shop`` fixture (conftest.py)
pytestmark = pytest.mark.slow  # the real trained NLU model


def test_9_recommendations_and_one_gentle_suggestion(shop: Shop) -> None:
    s = shop.shopper(suggestions=True)
    t = s.say("add two bananas")
    assert t.reply.startswith("Added two Bananas") and t.reply.endswith("Want one?")
    assert s.say("no thanks").reply == "No problem."
    t = s.say("add a dozen cage free large eggs")
    assert not t.reply.endswith("Want one?")  # at most one per session
    t = s.say("what else do you recommend")
    assert t.reply.startswith("You might like")
    assert s.cart_lines() == {"GRO-0001": 2, "GRO-0075": 1}


def test_9_suggestions_can_be_turned_off(shop: Shop) -> None:
    s = shop.shopper(suggestions=False)
    assert not s.say("add two bananas").reply.endswith("Want one?")


def test_11_faq_answered_from_data(shop: Shop) -> None:
    s = shop.shopper()
    assert "thirty days" in s.say("what is your return policy").reply
    assert "deliver every day" in s.say("do you deliver").reply
    assert "open from seven" in s.say("what are your store hours").reply
    assert "credit and debit cards" in s.say("what payment methods do you accept").reply


def test_12_help_repeat_cancel_goodbye(shop: Shop) -> None:
    s = shop.shopper()
    assert s.say("help").reply_key == "help"
    first = s.say("do you have oat milk").reply
    assert s.say("say that again").reply == first
    assert s.say("what's in my cart").reply_key == "cart_empty"
    assert s.say("never mind").reply_key == "nothing_to_cancel"
    assert s.cart().is_empty
    t = s.say("goodbye")
    assert t.ended and t.reply_key == "goodbye"


def test_bad_input_changes_nothing(shop: Shop) -> None:
    s = shop.shopper()
    t = s.say("add a million bananas")
    assert "at most ninety nine" in t.reply
    t = s.say("add two unicorn steaks")
    assert t.reply.startswith("Sorry, I couldn't find")
    t = s.say("")
    assert t.reply_key == "empty"
    t = s.say("flibber jabber wocky")
    assert t.reply_key == "reprompt"
    t = s.say("zorp blat quux")
    assert t.reply_key == "offer_help"
    assert s.cart().is_empty


def test_12_stop_abandons_the_step_and_speech_rate_is_a_flag(shop: Shop) -> None:
    s = shop.shopper()
    s.say("add two bananas")
    assert s.say("empty my cart").reply.startswith("Remove all")
    assert s.say("stop").reply == "Okay, cancelled."
    assert s.cart_lines() == {"GRO-0001": 2}
    t = s.say("speak slower")
    assert t.speech_rate == "slower" and t.reply == "Okay, I'll speak more slowly."
    assert s.say("can you talk a bit faster").speech_rate == "faster"


def test_product_info_then_add_it(shop: Shop) -> None:
    s = shop.shopper()
    t = s.say("how much are the bananas")
    assert t.reply.startswith("Bananas, 1 pound, sixty five cents.")
    assert s.say("add it").reply.startswith("Added one Bananas")
    assert s.cart_lines() == {"GRO-0001": 1}


def test_1_more_reads_the_next_matches_and_ordinals_follow(shop: Shop) -> None:
    s = shop.shopper()
    t = s.say("do you have apples")
    assert t.reply.endswith("Say more to hear the rest.")
    t = s.say("more")
    assert t.reply.startswith("Next: first,")
    s.say("add the first one")
    (line,) = s.cart().lines
    assert line.sku == s.manager.state.listed[3].sku and line.quantity == 1
