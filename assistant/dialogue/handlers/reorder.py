"""Reorder the last order, the usual, or a past item: always confirmed before the cart changes."""

from __future__ import annotations

import re

from assistant.dialogue.actions import lines_words
from assistant.dialogue.context import Context
from assistant.dialogue.replies import Reply
from assistant.dialogue.speech_format import join_words, money_words
from assistant.dialogue.state import Action, Line, Modifier
from commerce.reorder import propose
from nlu.types import Parse

_LAST = re.compile(r"\b(last|previous|again|same)\b")
_USUAL = re.compile(r"\b(usual|regular|always)\b")


# What a whole order is called: "my regular groceries" names no product.
_WHOLE = frozenset("usual regular always last previous again same groceries grocery stuff "
                   "things items order orders shopping list weekly week time".split())


def target_of(parse: Parse) -> str:
    """"last", "usual", or the item text ("the paper towels")."""
    said = " ".join(parse.values("reorder_target")).lower()
    product = parse.first("product")
    if product is not None and set(product.value.lower().split()) <= _WHOLE:
        product = None
    for text in (said, "" if product else parse.text.lower()):
        if _USUAL.search(text):
            return "usual"
        if _LAST.search(text):
            return "last"
    if product is not None:
        return product.value
    return said or "last"


def handle(ctx: Context, parse: Parse) -> Reply:
    target = target_of(parse)
    proposal = propose(ctx.session, ctx.customer_id, target, store=ctx.store)
    lines = [
        Line(
            sku=p.sku,
            name=p.name,
            quantity=p.quantity,
            unit_price_cents=p.unit_price_cents,
            modifiers=[Modifier(m.group, m.option, m.amount) for m in p.modifiers],
        )
        for p in proposal.lines
    ]
    missing = ctx.say("reorder_unavailable", names=join_words(proposal.unavailable)) \
        if proposal.unavailable else None
    if not lines:
        return ctx.say("reorder_nothing_available").then(missing)
    total = sum(line.total_cents for line in lines)
    ctx.state.confirm = Action(kind="add_lines", lines=lines, total_cents=total, note="reorder")
    key = {"last": "confirm_reorder_last", "usual": "confirm_reorder_usual"}.get(
        proposal.kind, "confirm_reorder_item")
    reply = ctx.say(key, what=lines_words(lines), total=money_words(total))
    return reply if missing is None else missing.then(reply)
