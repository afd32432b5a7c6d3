"""Session state persisted in the shop database (``commerce.conversations``), one row per
customer and store: every kiosk of the store sees the same conversation, and a restarted kiosk
resumes it."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from assistant.dialogue.state import SessionState
from commerce.conversations import delete_conversation, load_conversation, save_conversation


class StateStore:
    """Loads and saves :class:`SessionState` through sessions of ``session_factory``."""

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self.session_factory = session_factory

    def load(self, customer_id: str, store_code: str) -> SessionState:
        """The saved state, or a fresh one when there is none or it cannot be read."""
        fresh = SessionState(customer_id=customer_id, store_code=store_code)
        with self.session_factory() as session:
            data = load_conversation(session, customer_id, store_code)
        if data is None:
            return fresh
        try:
            state = SessionState.from_dict(data)
        except (ValueError, KeyError, TypeError):
            return fresh  # a damaged state must not stop the shopper (the cart is in the db)
        if state.customer_id != customer_id or state.store_code != store_code:
            return fresh
        return state

    def save(self, state: SessionState) -> None:
        with self.session_factory() as session:
            save_conversation(session, state.customer_id, state.store_code, state.to_dict())

    def delete(self, customer_id: str, store_code: str) -> None:
        with self.session_factory() as session:
            delete_conversation(session, customer_id, store_code)
