"""Session state round-trips through JSON and is saved atomically per customer."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.dialogue.state import (
    Action,
    Item,
    Line,
    Modifier,
    Question,
    Request,
    SessionState,
)
from assistant.dialogue.store import StateStore, sessions_dir_for


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


def test_store_saves_and_loads_per_customer(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "sessions")
    state = make_state()
    store.save(state)
    assert store.load("alice", "cafe") == state
    assert store.load("bob", "cafe") == SessionState(customer_id="bob", store_code="cafe")
    assert [p.name for p in (tmp_path / "sessions").iterdir()] == ["alice.cafe.json"]


def test_damaged_file_starts_afresh(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    store.path("alice", "grocery").write_text("{not json", encoding="utf-8")
    assert store.load("alice", "grocery") == SessionState("alice", "grocery")


def test_customer_ids_cannot_escape_the_directory(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    assert store.path("../../etc/passwd", "grocery").parent == tmp_path


def test_sessions_dir_sits_beside_a_sqlite_file(tmp_path: Path) -> None:
    db = tmp_path / "data" / "shop.sqlite"
    assert sessions_dir_for(f"sqlite:///{db}") == tmp_path / "data" / "sessions"
