"""A real seeded shop per test (SQLite and PostgreSQL), and hand-made parses for tests of our own dialogue logic.

The hand-made parses stand in for the NLU only where it adds nothing (the test is about what
the dialogue does with a given intent and entities); journeys in tests/journeys use the real
trained model.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy.orm import Session, sessionmaker

from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.replies import Replies
from assistant.dialogue.store import StateStore
from assistant.dialogue.types import DialogueOptions, Turn
from commerce.cart import CartView, view_cart
from commerce.conversations import load_conversation
from commerce.db import make_engine, session_factory
from nlu.types import Entity, Parse


def parse(text: str, intent: str, confidence: float = 0.95, **entities: str | list[str]) -> Parse:
    """A parse as the NLU would give it; entity positions found in the text when present."""
    found: list[Entity] = []
    for name, values in entities.items():
        for value in [values] if isinstance(values, str) else values:
            start = text.lower().find(value.lower())
            start = max(start, 0)
            found.append(Entity(entity=name, value=value, start=start, end=start + len(value),
                                raw=value))
    return Parse(text=text, intent=intent, confidence=confidence, entities=found)


@dataclass
class Shop:
    """A seeded database with dialogue managers for its customers."""

    db_url: str
    factory: sessionmaker
    replies: Replies = field(default_factory=Replies.load)

    def manager(self, customer: str = "guest", store: str = "grocery", *,
                suggestions: bool = False, clock: Callable[[], float] | None = None
                ) -> DialogueManager:
        kwargs = {"clock": clock} if clock else {}
        return DialogueManager(self.factory, None, customer, store, self.replies,
                               DialogueOptions(suggestions=suggestions),
                               state_store=StateStore(self.factory), **kwargs)

    def cart(self, customer: str = "guest", store: str = "grocery") -> CartView:
        with self.factory() as session:
            return view_cart(session, customer, store=store)

    def session(self) -> Session:
        return self.factory()

    def saved_state(self, customer: str, store: str = "grocery") -> str:
        """The conversation as stored in the database, as text."""
        with self.factory() as session:
            return json.dumps(load_conversation(session, customer, store))

    @staticmethod
    def say(manager: DialogueManager, text: str, intent: str, confidence: float = 0.95,
            **entities: str | list[str]) -> Turn:
        """One turn with a hand-made parse."""
        return manager.handle_parse(parse(text, intent, confidence, **entities))


@pytest.fixture()
def shop(seeded_url: str) -> Iterator[Shop]:
    engine = make_engine(seeded_url)
    yield Shop(db_url=seeded_url, factory=session_factory(engine))
    engine.dispose()
