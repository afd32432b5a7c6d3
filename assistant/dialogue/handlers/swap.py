"""After a pick, "the other one", "not that one" or the words that tell the alternative
apart ("pasture raised", "the organic ones") swap the line for the alternative."""

from __future__ import annotations

import re

from assistant.dialogue import actions
from assistant.dialogue.context import Context
from assistant.dialogue.replies import Reply
from assistant.dialogue.speech_format import money_words
from assistant.dialogue.state import Alternative, Line
from commerce.cart import remove_line, set_quantity, view_cart
from nlu.types import Parse
from storedata.text import fold, key_words

_OTHER = re.compile(r"\b(the other( one| ones| kind| brand)?|not (that|this|those|these)( one| ones)?"
                    r"|a different one|different ones?|the other kind|instead)\b")
MAX_WORDS = 7  # a swap is said briefly; a longer sentence is a new request


def asked(parse: Parse, other: Alternative) -> bool:
    said = fold(parse.text)
    if len(said.split()) > MAX_WORDS:
        return False
    if _OTHER.search(said):
        return True
    wanted = set(key_words(other.words))
    return bool(wanted) and wanted <= set(key_words(said))


def handle(ctx: Context, other: Alternative) -> Reply:
    ctx.state.alternative = None
    cart = view_cart(ctx.session, ctx.customer_id, store=ctx.store)
    line = next((ln for ln in cart.lines if ln.sku == other.sku), None)
    if line is None:
        return ctx.say("change_which")
    count = min(other.quantity, line.quantity)  # only what was just added is swapped
    if count < line.quantity:
        set_quantity(ctx.session, ctx.customer_id, line.line_id, line.quantity - count,
                     store=ctx.store)
    else:
        remove_line(ctx.session, ctx.customer_id, line.line_id, store=ctx.store)
    item = other.item
    actions.add_lines(ctx, [Line(sku=item.sku, name=item.name, quantity=count,
                                 unit_price_cents=item.price_cents)])
    return ctx.say("swapped", new=actions.line_words(count, item.name, []),
                   old=line.name, total=money_words(count * item.price_cents))
