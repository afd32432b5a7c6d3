"""A fresh shop for every request: the seeded database restored, the cart given, one turn.

The database is seeded once into a template; before each request the template is copied
back over the working file with SQLite's backup API, so every request starts from the same
shop and the catalog index (cached per engine) is built once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from assistant.bench.shop.requests import Family, Line, ShopRequest
from assistant.dialogue.manager import DialogueManager
from assistant.dialogue.replies import Replies
from assistant.dialogue.types import DialogueOptions, Turn
from assistant.dialogue.wording import wording_for
from commerce.cart import CartView, add_to_cart, view_cart
from commerce.catalog import ProductInfo
from commerce.catalog.models import Product
from commerce.catalog.service import products_by_id
from commerce.db import make_engine, session_factory
from commerce.seed import seed_database
from nlu.types import NluParser
from storedata.lang import DEFAULT_LANG, load_pack

STORE = "grocery"


@dataclass(frozen=True)
class FirstTurn:
    turn: Turn
    before: CartView
    after: CartView
    pending: bool  # a question or a confirmation is waiting: nothing was done yet
    products: dict[str, ProductInfo]  # by SKU: every product in the cart before or after


class FreshShop:
    def __init__(self, parser: NluParser, data_dir: Path, work_dir: Path,
                 lang: str = DEFAULT_LANG, others: bool = True) -> None:
        self.others = others  # the dialogue may answer another hypothesis (dialogue.hearing)
        work_dir.mkdir(parents=True, exist_ok=True)
        self.template = work_dir / "template.sqlite"
        self.file = work_dir / "turn.sqlite"
        for path in (self.template, self.file):
            path.unlink(missing_ok=True)
        seed_database(f"sqlite:///{self.template}", data_dir)
        self._restore()
        self.engine = make_engine(f"sqlite:///{self.file}")
        self.sessions = session_factory(self.engine)
        self.parser = parser
        pack = load_pack(data_dir, lang)
        self.replies = Replies.load(pack.replies, wording_for(pack))
        self.options = DialogueOptions(faq_path=pack.faq)
        with self.sessions() as session:
            rows = session.execute(select(Product.id).where(Product.active.is_(True))).scalars()
            self.catalog = list(products_by_id(session, list(rows)).values())
        self.catalog = [p for p in self.catalog if p.store == STORE]

    def _restore(self) -> None:
        source, target = sqlite3.connect(self.template), sqlite3.connect(self.file)
        with target:
            source.backup(target)
        source.close()
        target.close()

    def family_products(self, family: Family) -> list[ProductInfo]:
        return [p for p in self.catalog if family.accepts(p.brand, p.name, p.category)]

    def _give(self, customer: str, lines: tuple[Line, ...]) -> None:
        with self.sessions() as session:
            for line in lines:
                found = [p for p in self.family_products(line.family) if p.in_stock]
                if not found:
                    raise ValueError(f"no product in stock for the given line {line.family}")
                add_to_cart(session, customer, found[0].id, line.quantity, store=STORE)

    def first_turn(self, request: ShopRequest, text: str, alternatives: tuple[str, ...] = (),
                   more: Callable[[], Sequence[str]] | None = None) -> FirstTurn:
        self.engine.dispose()
        self._restore()
        self._give(request.customer, request.given_cart)
        with self.sessions() as session:
            before = view_cart(session, request.customer, store=STORE)
        dialogue = DialogueManager(self.sessions, self.parser, request.customer, STORE,
                                   self.replies, self.options)
        dialogue.start()
        turn = (dialogue.handle_text(text, alternatives, more) if self.others
                else dialogue.handle_text(text))
        with self.sessions() as session:
            after = view_cart(session, request.customer, store=STORE)
        state = dialogue.state
        waiting = state.confirm is not None and state.confirm.note != "suggestion"
        by_sku = {p.sku: p for p in self.catalog}
        skus = {ln.sku for ln in (*before.lines, *after.lines)}
        return FirstTurn(turn, before, after, waiting or state.question is not None,
                         {s: by_sku[s] for s in skus if s in by_sku})
