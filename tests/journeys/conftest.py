"""Journeys: whole conversations through the REAL trained NLU model and a REAL seeded database.

The model is the session's one real parser (tests/conftest.py: ``nlu_parser``); the database is a
copy of one seeded from data/ by the commerce seeding code, made fresh for every test, on SQLite
and on PostgreSQL (tests/conftest.py: ``seeded_url``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy.orm import sessionmaker

from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.replies import Reply
from assistant.dialogue.store import StateStore
from assistant.dialogue.types import DialogueOptions, Turn
from commerce.cart import CartView, view_cart
from commerce.conversations import load_conversation
from commerce.db import make_engine, session_factory
from commerce.orders.service import list_orders
from commerce.orders.views import OrderView
from nlu.types import NluParser


@dataclass
class Shopper:
    """One shopper talking to the assistant; every line goes through the real NLU."""

    manager: DialogueManager
    factory: sessionmaker
    turns: list[Turn] = field(default_factory=list)

    def start(self) -> Reply:
        return self.manager.start()

    def say(self, text: str) -> Turn:
        turn = self.manager.handle_text(text)
        self.turns.append(turn)
        print(f"> {text}\n  [{turn.intent} {turn.confidence:.2f}] {turn.entities_brief()}"
              f"\n  {turn.reply}")  # shown by pytest when a journey fails
        return turn

    def keypad(self, digits: str) -> Turn:
        turn = self.manager.handle_pin_keypad(digits)
        self.turns.append(turn)
        return turn

    def cart(self) -> CartView:
        with self.factory() as session:
            return view_cart(session, self.manager.customer_id, store=self.manager.store_code)

    def cart_lines(self) -> dict[str, int]:
        return {line.sku: line.quantity for line in self.cart().lines}

    def orders(self) -> list[OrderView]:
        with self.factory() as session:
            return list_orders(session, self.manager.customer_id, limit=100)

    def transcript(self) -> str:
        return "\n".join(f"> {t.user}\n  [{t.intent} {t.confidence:.2f}] {t.reply}"
                         for t in self.turns)


@dataclass
class Shop:
    db_url: str
    factory: sessionmaker
    parser: NluParser

    def shopper(self, customer: str = "guest", store: str = "grocery", **options: Any) -> Shopper:
        options.setdefault("suggestions", False)
        manager = DialogueManager(self.factory, self.parser, customer, store,
                                  options=DialogueOptions(**options),
                                  state_store=StateStore(self.factory))
        return Shopper(manager, self.factory)

    def saved_state(self, customer: str, store: str = "grocery") -> str:
        """The conversation as stored in the database, as text."""
        with self.factory() as session:
            return json.dumps(load_conversation(session, customer, store))


@pytest.fixture()
def shop(seeded_url: str, nlu_parser: NluParser) -> Iterator[Shop]:
    """A fresh seeded shop (SQLite, then PostgreSQL) and the session's real parser."""
    engine = make_engine(seeded_url)
    yield Shop(seeded_url, session_factory(engine), nlu_parser)
    engine.dispose()
