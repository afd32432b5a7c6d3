"""The dialogue manager: one turn in, one reply out, state saved after every turn."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from copy import deepcopy
from dataclasses import asdict
from typing import Any

from sqlalchemy.orm import Session

from assistant.dialogue import hearing, policy
from assistant.dialogue.context import Context
from assistant.dialogue.handlers import checkout
from assistant.dialogue.language import pin_digits
from assistant.dialogue.replies import Replies, Reply
from assistant.dialogue.speech_format import money_words, number_words, order_number_words
from assistant.dialogue.state import Action, SessionState
from assistant.dialogue.store import StateStore
from assistant.dialogue.types import CartLine, DialogueOptions, Turn
from assistant.dialogue.understand import UNREMEMBERED, understand
from assistant.dialogue.wording import speaking
from commerce.cart import view_cart
from commerce.customers import get_customer
from commerce.errors import CommerceError
from commerce.orders.checkout import new_idempotency_key
from commerce.orders.queue import ready_to_announce
from commerce.seed import GUEST_ID
from nlu.types import NluParser, Parse
from storedata.cjk import read_digits

PIN_MASK = "****"


class DialogueManager:
    """Wires the NLU parser, the commerce core and the reply wording for one shopper."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        parser: NluParser | None,
        customer_id: str,
        store_code: str,
        replies: Replies | None = None,
        options: DialogueOptions | None = None,
        *,
        state_store: StateStore | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.session_factory = session_factory
        self.parser = parser
        self.customer_id = customer_id
        self.store_code = store_code
        self.replies = replies or Replies.load()
        self.options = options or DialogueOptions()
        self.state_store = state_store
        self.clock = clock
        self.state = self._load_state()

    def _load_state(self) -> SessionState:
        fresh = SessionState(customer_id=self.customer_id, store_code=self.store_code)
        if self.state_store is None:
            return fresh
        saved = self.state_store.load(self.customer_id, self.store_code)
        if self.clock() - saved.updated_at > self.options.resume_minutes * 60:
            return fresh  # a new visit: nothing pending survives, the cart is in the db
        return saved

    def _save(self) -> None:
        self.state.updated_at = self.clock()
        if self.state_store is not None:
            self.state_store.save(self.state)

    def _context(self, session: Session) -> Context:
        return Context(session=session, state=self.state, replies=self.replies,
                       customer_id=self.customer_id, store=self.store_code, options=self.options)

    def _refresh(self) -> None:
        """Read the conversation again: another kiosk (or this one before a restart) may
        have moved it on since our last turn. Without a store the state lives here only."""
        if self.state_store is not None:
            self.state = self._load_state()

    def start(self) -> Reply:
        """Greet; a returning shopper with items left hears about them once, and checkout."""
        self._refresh()
        with self.session_factory() as session, speaking(self.replies.wording):
            ctx = self._context(session)
            customer = get_customer(session, self.customer_id)
            if self.state.confirm is not None and self.state.confirm.note == "reminder":
                self.state.confirm = None  # the reminder is said once, not resumed
            pending = self.state.confirm is not None or self.state.question is not None
            if pending and self.state.last_reply:
                reply = ctx.say("resume", name=customer.name, last=self.state.last_reply)
            else:
                reply = self._greeting(ctx, customer.name)
        self.state.last_reply = reply.text
        self._save()
        return reply

    def _greeting(self, ctx: Context, name: str) -> Reply:
        cart = view_cart(ctx.session, self.customer_id, store=self.store_code)
        if cart.is_empty or self.state.reminded:
            return ctx.say("greeting", name=name)
        self.state.reminded = True
        self.state.confirm = Action(kind="checkout", total_cents=cart.total_cents,
                                    idempotency_key=new_idempotency_key(), note="reminder")
        return ctx.say("cart_reminder", name=name, count=number_words(cart.item_count),
                       items="item" if cart.item_count == 1 else "items",
                       total=money_words(cart.total_cents))

    def announcements(self) -> list[str]:
        """"Order fourteen for Bob is ready" for each order taken at this kiosk that staff
        have just marked ready (each said once, by this kiosk only)."""
        if not self.options.kiosk:
            return []
        with self.session_factory() as session:
            ready = ready_to_announce(session, self.options.kiosk)
        said = []
        with speaking(self.replies.wording):
            for order, name in ready:
                guest = order.customer_id.split("-", 1)[0] == GUEST_ID  # guest, guest-<kiosk>
                said.append(self.replies.text(("order_ready_for", "order_ready")[guest],
                                              number=order_number_words(order.id), name=name))
        return said

    def pin_answer(self, text: str) -> str | None:
        """The digits of ``text`` when it answers the PIN question asked; else None. Such an
        answer never reaches the NLU, the turn's record or a log."""
        if not self.state.expects_pin:
            return None
        digits = pin_digits(text)
        if digits is None and self.replies.wording.localized:  # "이 사 육 팔", "にーよん…"
            digits = read_digits(text)
        return digits

    def handle_text(self, text: str, alternatives: Sequence[str] = (),
                    more: Callable[[], Sequence[str]] | None = None) -> Turn:
        """One typed or transcribed line (with the recognizer's other hypotheses, best
        first, and a second opinion to ask for: ``hearing``). A PIN answer never reaches
        the NLU or the turn."""
        self._refresh()
        digits = self.pin_answer(text)
        if digits is not None:
            return self._keypad(digits)
        if not text.strip() or self.parser is None:
            return self._parsed(Parse(text=text, intent="nlu_fallback", confidence=0.0))
        return self._heard(understand(self.parser, text), alternatives, more)

    def handle_pin_keypad(self, digits: str) -> Turn:
        """The PIN typed on a keypad: checked, never echoed, logged or stored."""
        self._refresh()
        return self._keypad(digits)

    def handle_parse(self, parse: Parse, alternatives: Sequence[str] = (),
                     more: Callable[[], Sequence[str]] | None = None) -> Turn:
        self._refresh()
        return self._heard(parse, alternatives, more)

    def _heard(self, parse: Parse, alternatives: Sequence[str],
               more: Callable[[], Sequence[str]] | None) -> Turn:
        """The turn of the best hypothesis, or of the first other one that places something
        when the best places nothing (``hearing``); the state is put back between tries."""
        if self.parser is None or not (alternatives or more) or \
                not hearing.may_try_others(self.state):
            return self._parsed(parse)
        before = deepcopy(self.state)
        first = self._parsed(parse)
        if hearing.placed(first):
            return first
        after = self.state
        for text in hearing.hypotheses(parse.text, alternatives, more):
            self.state = deepcopy(before)
            turn = self._parsed(understand(self.parser, text), below=True)
            if hearing.placed(turn):
                return turn
        self.state = after
        self._save()
        return first

    def _keypad(self, digits: str) -> Turn:
        clean = "".join(ch for ch in digits if ch.isdigit())
        masked = Parse(text=PIN_MASK, intent="provide_pin", confidence=1.0)
        return self._turn(masked, lambda ctx: checkout.handle_pin(ctx, clean or None))

    def _parsed(self, parse: Parse, below: bool = False) -> Turn:
        """``below``: a hypothesis the recognizer ranked below its best (``hearing``)."""
        digits = self.pin_answer(parse.text)
        if digits is not None:
            return self._keypad(digits)
        return self._turn(parse, lambda ctx: policy.decide(ctx, parse, below=below))

    def _turn(self, parse: Parse, act: Callable[[Context], Reply]) -> Turn:
        with self.session_factory() as session, speaking(self.replies.wording):
            ctx = self._context(session)
            try:
                reply = act(ctx)
            except CommerceError as exc:
                session.rollback()
                reply = ctx.say("problem", message=exc.message)
            cart = view_cart(session, self.customer_id, store=self.store_code)
        if reply.key not in UNREMEMBERED:
            self.state.last_reply = reply.text
        self._save()
        secret = parse.intent == "provide_pin" or any(e.entity == "pin" for e in parse.entities)
        return Turn(
            user=PIN_MASK if secret else parse.text,
            intent=parse.intent,
            confidence=parse.confidence,
            entities=[_entity_dict(e) for e in parse.entities],
            reply=reply.text,
            reply_key=reply.key,
            cart=[CartLine(name=ln.name, quantity=ln.quantity,
                           line_total_cents=ln.line_total_cents, sku=ln.sku,
                           modifiers=[asdict(m) for m in ln.modifiers]) for ln in cart.lines],
            cart_total_cents=cart.total_cents,
            order=ctx.order,
            ended=ctx.ended,
            speech_rate=ctx.speech_rate,
            expects_pin=self.state.expects_pin,
        )


def _entity_dict(entity: Any) -> dict[str, Any]:
    data = asdict(entity)
    if data.get("entity") == "pin":
        data["value"] = data["raw"] = PIN_MASK
    return data
