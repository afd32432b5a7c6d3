"""Journeys: whole conversations through the REAL trained NLU model and a REAL seeded SQLite file.

The model is the session's one real parser (tests/conftest.py: ``nlu_parser``); the database is a copy
of one seeded from data/ by the commerce seeding code, made fresh for every test.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import sessionmaker

from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.replies import Reply
from assistant.dialogue.store import StateStore
from assistant.dialogue.types import DialogueOptions, Turn
from assistant.settings import DATA_DIR
from commerce.cart import CartView, view_cart
from commerce.db import make_engine, session_factory
from commerce.orders.service import list_orders
from commerce.orders.views import OrderView
from commerce.seed import seed_database
from nlu.types import NluParser


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrations, then the real store, customer and order-history data from data/."""
    path = tmp_path_factory.mktemp("journey-seed") / "seeded.sqlite"
    seed_database(f"sqlite:///{path}", DATA_DIR)
    return path


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
    db_path: Path
    factory: sessionmaker
    sessions_dir: Path
    parser: NluParser

    def shopper(self, customer: str = "guest", store: str = "grocery", **options: Any) -> Shopper:
        options.setdefault("suggestions", False)
        manager = DialogueManager(self.factory, self.parser, customer, store,
                                  options=DialogueOptions(**options),
                                  state_store=StateStore(self.sessions_dir))
        return Shopper(manager, self.factory)


@pytest.fixture()
def shop(seeded_db: Path, nlu_parser: NluParser, tmp_path: Path) -> Iterator[Shop]:
    db_path = tmp_path / "shop.sqlite"
    shutil.copy(seeded_db, db_path)
    engine = make_engine(f"sqlite:///{db_path}")
    yield Shop(db_path, session_factory(engine), tmp_path / "sessions", nlu_parser)
    engine.dispose()
