"""Session state round-trips through JSON and is kept in the database, one per customer and
store, shared by every kiosk."""

from __future__ import annotations

import json
from typing import Any

from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.state import (
    Action,
    Item,
    Line,
    Modifier,
    Question,
    Request,
    SessionState,
)
from assistant.dialogue.store import StateStore
from assistant.dialogue.types import DialogueOptions
from commerce.conversations import save_conversation
from commerce.db import make_engine, session_factory

Shop = Any  # the ``shop`` fixture (conftest.py)


def make_state() -> SessionState:
    mocha = Line(sku="CAF-0006", name="Mocha", quantity=1, unit_price_cents=655,
                 modifiers=[Modifier("size", "large"), Modifier("milk", "cream", "lots of")])
    return SessionState(
        customer_id="alice",
        store_code="cafe",
        confirm=Action(kind="checkout", total_cents=709, idempotency_key="k-1"),
        question=Question(
            kind="choose",
            request=Request(query="milk", quantity=2, modifiers=[Modifier("size", "large")]),
            choices=[Item(sku="GRO-0059", name="Oat Milk", price_cents=549, size="64 oz",
                          brand="Oatly")],
            batch=[mocha],
            remaining=[Request(query="eggs", quantity=12, quantity_words="a dozen")],
            then=Action(kind="add_lines", lines=[mocha]),
        ),
        listed=[Item(sku="GRO-0001", name="Bananas", price_cents=65)],
        listed_offset=3,
        last_reply="Which milk?",
        last_sku="GRO-0001",
        failures=1,
        suggestion_given=True,
        reminded=True,
        updated_at=12.5,
    )


def test_state_round_trips_through_json() -> None:
    state = make_state()
    again = SessionState.from_dict(json.loads(json.dumps(state.to_dict())))
    assert again == state
    assert again.question is not None and again.question.batch[0].total_cents == 655


def test_store_saves_and_loads_per_customer(shop: Shop) -> None:
    store = StateStore(shop.factory)
    state = make_state()
    store.save(state)
    assert store.load("alice", "cafe") == state
    assert store.load("bob", "cafe") == SessionState(customer_id="bob", store_code="cafe")
    state.last_reply = "Which one?"
    store.save(state)  # a second save replaces the first
    assert store.load("alice", "cafe").last_reply == "Which one?"
    store.delete("alice", "cafe")
    assert store.load("alice", "cafe") == SessionState("alice", "cafe")


def test_damaged_state_starts_afresh(shop: Shop) -> None:
    with shop.session() as session:
        save_conversation(session, "alice", "grocery", {"confirm": {"kind": 7}})
    assert StateStore(shop.factory).load("alice", "grocery") == SessionState("alice", "grocery")


def test_two_kiosks_share_one_conversation(shop: Shop) -> None:
    """Kiosk B, its own engine as in another process, answers the question kiosk A asked."""
    kiosk_a = shop.manager()
    shop.say(kiosk_a, "add two bananas", "add_to_cart", quantity="two", product="bananas")
    asked = shop.say(kiosk_a, "empty my cart", "clear_cart")
    engine = make_engine(shop.db_url)
    try:
        factory = session_factory(engine)
        kiosk_b = DialogueManager(factory, None, "guest", "grocery", shop.replies,
                                  DialogueOptions(suggestions=False),
                                  state_store=StateStore(factory))
        shop.say(kiosk_b, "yes", "affirm")
        assert shop.cart().is_empty
        again = shop.say(kiosk_a, "yes", "affirm")  # A reads the truth: nothing is pending
        assert again.reply_key == "nothing_to_confirm", asked.reply
        assert shop.say(kiosk_b, "repeat that", "repeat").reply == again.reply
    finally:
        engine.dispose()
