"""The journeys in Korean and Japanese: whole typed conversations through the language's REAL
trained NLU model, its replies and FAQ, on a REAL seeded database (SQLite and PostgreSQL).

Each journey is data (tests/journeys/lang/<code>.yml): what the shopper says, turn by turn,
and what must follow: the cart (SKU: quantity, the whole cart), an order placed, the reply's
key, words the reply says. SKUs are shared, so a journey ends in the same cart whatever the
language; the English originals are the numbered tests of this folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from language_models import language_parser

from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.replies import Replies
from assistant.dialogue.store import StateStore
from assistant.dialogue.types import DialogueOptions
from assistant.dialogue.wording import wording_for
from assistant.settings import DATA_DIR
from commerce.cart import view_cart
from commerce.db import make_engine, session_factory
from commerce.orders.service import list_orders
from storedata.lang import load_pack

pytestmark = pytest.mark.slow  # the real trained NLU models
HERE = Path(__file__).parent / "lang"
LANGS = sorted(p.stem for p in HERE.glob("*.yml"))


def _journeys() -> list[Any]:
    cases = []
    for code in LANGS:
        for journey in yaml.safe_load((HERE / f"{code}.yml").read_text(encoding="utf-8")):
            cases.append(pytest.param(code, journey, id=f"{code}-{journey['name']}"))
    return cases


@pytest.fixture()
def factory(seeded_url: str) -> Iterator[Any]:
    engine = make_engine(seeded_url)
    yield session_factory(engine)
    engine.dispose()


@pytest.mark.parametrize(("code", "journey"), _journeys())
def test_journey(code: str, journey: dict[str, Any], factory: Any) -> None:
    pack = load_pack(DATA_DIR, code)
    customer, store = journey.get("customer", "guest"), journey.get("store", "grocery")
    manager = DialogueManager(
        factory, language_parser(code), customer, store, Replies.load(pack.replies, wording_for(pack)),
        DialogueOptions(suggestions=False, faq_path=pack.faq), state_store=StateStore(factory))
    if journey.get("start"):
        manager.start()
    said: list[str] = []
    for step in journey["turns"]:
        turn = manager.handle_pin_keypad(str(step["keypad"])) if "keypad" in step \
            else manager.handle_text(step["say"])
        said.append(f"> {step.get('say', '[keypad]')}\n  [{turn.intent}] {turn.reply_key}: {turn.reply}")
        story = "\n".join(said)
        expect = step.get("expect", {})
        if "intent" in expect:
            assert turn.intent == expect["intent"], story
        if "reply" in expect:
            keys = expect["reply"] if isinstance(expect["reply"], list) else [expect["reply"]]
            assert any(turn.reply_key.startswith(k) for k in keys), story
        for word in expect.get("says", []):
            assert str(word) in turn.reply, story
        for word in expect.get("not_says", []):
            assert str(word) not in turn.reply, story
        with factory() as session:
            if "cart" in expect:
                cart = view_cart(session, customer, store=store)
                assert {ln.sku: ln.quantity for ln in cart.lines} == (expect["cart"] or {}), story
            if "orders" in expect:
                assert len(list_orders(session, customer, limit=100)) == expect["orders"], story
