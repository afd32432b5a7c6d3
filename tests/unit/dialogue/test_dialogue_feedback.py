"""After an order, a rating from one to five and an optional comment, by voice; "no thanks"
ends it and a plain new request is handled as one. Stored, and an event for the store."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from commerce.feedback import list_feedback
from commerce.webhooks.models import OutboxEvent

Shop = Any  # the ``shop`` fixture (conftest.py)


def _ordered(shop: Shop, customer: str = "guest") -> Any:
    m = shop.manager(customer)
    shop.say(m, "add two bananas", "add_to_cart", quantity="two", product="bananas")
    shop.say(m, "check out", "checkout")
    t = shop.say(m, "yes", "affirm")
    assert t.reply.startswith("Your order is placed.")
    assert t.reply.endswith("How did we do today, from one to five?")
    return m, t.order


def _feedback(shop: Shop, customer: str = "guest") -> list[Any]:
    with shop.session() as session:
        return list_feedback(session, customer_id=customer)


def test_a_rating_and_a_comment_are_kept_with_the_order(shop: Shop) -> None:
    m, order = _ordered(shop)
    t = shop.say(m, "I'd give you a four", "change_quantity", quantity="four")
    assert t.reply == "Thanks, four it is. Anything you'd like to tell us?"
    t = shop.say(m, "the bananas were a bit green", "nlu_fallback", confidence=0.3)
    assert t.reply == "Thank you, that helps us."
    [given] = _feedback(shop)
    assert (given.rating, given.comment, given.order_id) == (4, "the bananas were a bit green",
                                                              order.id)
    with shop.session() as session:
        types = session.execute(select(OutboxEvent.type)).scalars().all()
    assert "feedback.received" in types and "order.placed" in types


def test_no_thanks_ends_it_and_nothing_is_stored(shop: Shop) -> None:
    m, _ = _ordered(shop)
    t = shop.say(m, "no thanks", "deny")
    assert t.reply == "No problem. Thanks for shopping with us!"
    assert _feedback(shop) == []
    assert shop.say(m, "yes", "affirm").reply_key == "nothing_to_confirm"


def test_out_of_range_asks_again_and_a_new_request_is_one(shop: Shop) -> None:
    m, _ = _ordered(shop)
    t = shop.say(m, "ten", "change_quantity", quantity="ten")
    assert t.reply == "Just a number from one to five, please."
    t = shop.say(m, "five", "change_quantity", quantity="five")
    assert t.reply_key == "ask_comment"
    t = shop.say(m, "add a dozen eggs", "add_to_cart", quantity="a dozen", product="eggs")
    assert t.reply_key != "feedback_thanks" and not shop.cart().is_empty
    [given] = _feedback(shop)
    assert given.rating == 5 and given.comment is None
