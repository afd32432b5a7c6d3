"""Adding products: one or several, by name or by "the second one", asking what is missing."""

from __future__ import annotations

import re

from assistant.dialogue.context import Context
from assistant.dialogue.handlers import cafe
from assistant.dialogue.handlers.finish import finish
from assistant.dialogue.language import cartons_of_dozen, parse_ordinal, parse_quantity
from assistant.dialogue.pick import in_its_place, pick
from assistant.dialogue.replies import Reply
from assistant.dialogue.requests import product_requests
from assistant.dialogue.resolve import Resolution, resolve
from assistant.dialogue.speech_format import join_words, money_words, number_words
from assistant.dialogue.state import Action, Alternative, Item, Line, Request
from commerce.cart import MAX_QUANTITY, MIN_QUANTITY
from commerce.catalog import customizable_products
from nlu.types import Parse
from storedata.text import key_words

_ORDINAL_WORDS = re.compile(r"\b(first|second|third|fourth|fifth|last|top|1st|2nd|3rd|4th|5th)\b")


# Entities the NLU may give a grocery product instead of "product" ("add whole milk" -> milk).
STAND_INS = ("milk", "sweetener", "category")


def handle(ctx: Context, parse: Parse) -> Reply:
    if ctx.store == "cafe" or (parse.first("drink") and customizable_products(ctx.session,
                                                                              ctx.store)):
        return cafe.handle(ctx, parse)
    requests = product_requests(parse)
    for other in STAND_INS:
        requests = requests or product_requests(parse, other)
    if not requests:
        picked = _pick_listed(ctx, parse)
        if picked is None:
            return ctx.say("add_what")
        requests = [picked]
    return resolve_batch(ctx, [], requests, multi=len(requests) > 1)


def _pick_listed(ctx: Context, parse: Parse) -> Request | None:
    """"add two of the first one": an item from the list just read out."""
    ordinal_entity = parse.first("ordinal")
    ordinal = parse_ordinal(ordinal_entity.value if ordinal_entity else parse.text)
    listed = ctx.state.listed
    if not listed:
        return None
    if ordinal is None:
        if len(listed) != 1:
            return None
        ordinal = 1
    index = len(listed) - 1 if ordinal == -1 else ctx.state.listed_offset + ordinal - 1
    if not 0 <= index < len(listed):
        return None
    item = listed[index]
    quantity_entity = parse.first("quantity")
    said = quantity_entity.value if quantity_entity else _ORDINAL_WORDS.sub(" ", parse.text.lower())
    quantity = parse_quantity(said) or 1
    return Request(query=item.name, quantity=quantity, brand=item.brand, size=item.size)


def out_of_range(quantity: int | None) -> bool:
    return quantity is not None and not MIN_QUANTITY <= quantity <= MAX_QUANTITY


def _sold_by_dozen(item: Item) -> bool:
    size = (item.size or "").lower()
    return "dozen" in size or size.startswith("12 ")


def _sold_as(item: Item, quantity: int, unit: str | None) -> bool:
    """The count and unit said are the product's own size ("4 ears")."""
    return unit is not None and key_words(item.size or "")[:2] == [str(quantity), *key_words(unit)]


def resolve_batch(ctx: Context, done: list[Line], todo: list[Request], *, multi: bool) -> Reply:
    """Resolve requests in order, each to one product (the sensible pick among several)."""
    todo = list(todo)
    ctx.state.alternative = None
    missing: list[Reply] = []  # what the store lacks: said after the rest is added
    while todo:
        request = todo.pop(0)
        if out_of_range(request.quantity):
            ctx.state.clear_pending()
            return ctx.say("quantity_too_many", most=number_words(MAX_QUANTITY), query=request.query)
        found = resolve(ctx, request)
        if found.unavailable is not None:  # said by name, and out of stock
            ctx.state.clear_pending()
            if multi or done or todo:
                missing.append(ctx.say("add_out_of_stock", name=found.unavailable.name))
                continue
            return out_of_stock(ctx, found.unavailable, request)
        if found.choices:  # several match: the sensible pick, its alternative named
            chosen = pick(ctx, found, request.query, request)
            found = Resolution(item=chosen.item)
            if chosen.alternative is not None:
                ctx.state.alternative = Alternative(sku=chosen.item.sku,
                                                    item=chosen.alternative, words=chosen.say)
        if found.item is None:
            ctx.state.clear_pending()
            if found.suggestions:
                missing.append(ctx.say("not_found_suggest", query=request.query,
                                       suggestions=join_words(found.suggestions[:3])))
            else:
                missing.append(ctx.say("not_found", query=request.query))
            continue  # nothing else said is dropped for it
        reply = with_item(ctx, found.item, request, done, todo, multi=multi)
        if reply is not None:
            return reply
    if missing and not done:
        return _joined(missing)
    reply = finish(ctx, done, multi=multi)
    return reply.then(_joined(missing)) if missing else reply


def out_of_stock(ctx: Context, item: Item, request: Request) -> Reply:
    """"Sorry, X is out of stock right now", and the one in stock offered in its place."""
    reply = ctx.say("add_out_of_stock", name=item.name)
    other = in_its_place(ctx, item)
    if other is None:
        return reply
    quantity = request.quantity or 1
    line = Line(sku=other.sku, name=other.name, quantity=quantity,
                unit_price_cents=other.price_cents)
    ctx.state.confirm = Action(kind="add_lines", lines=[line], total_cents=line.total_cents,
                               note="offer")
    return reply.then(ctx.say("offer_in_stock", name=f"{other.brand or ''} {other.name}".strip(),
                              price=money_words(other.price_cents)))


def _joined(replies: list[Reply]) -> Reply:
    first = replies[0]
    for more in replies[1:]:
        first = first.then(more)
    return first


def with_item(ctx: Context, item: Item, request: Request, done: list[Line],
              todo: list[Request], *, multi: bool) -> Reply | None:
    """Add the resolved item to the batch, or ask how many (None: carry on)."""
    quantity = request.quantity
    if quantity and "dozen" in request.quantity_words and _sold_by_dozen(item):
        quantity = cartons_of_dozen(quantity, request.quantity_words)  # "a dozen": one carton
    elif quantity and _sold_as(item, quantity, request.unit):
        quantity = 1  # "four ears of corn" of corn sold four ears to a pack: one pack
    line = Line(sku=item.sku, name=item.name, quantity=quantity or 0,
                unit_price_cents=item.price_cents)
    if request.quantity is None:  # "a box of spaghetti", "add milk": one
        line.quantity = 1
        if any(d.sku == item.sku for d in done):
            return None  # "my dog needs food, add a bag of dog food": said twice, one
    other = ctx.state.alternative
    if other is not None and other.sku == line.sku:
        other.quantity = line.quantity
    done.append(line)
    return None
