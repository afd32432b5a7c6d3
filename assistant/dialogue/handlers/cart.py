"""The cart: read it, remove a line, change a quantity, empty it (confirmed)."""

from __future__ import annotations

from assistant.dialogue.actions import line_words
from assistant.dialogue.context import Context
from assistant.dialogue.language import cartons_of_dozen, parse_ordinal, parse_quantity, times
from assistant.dialogue.replies import Reply
from assistant.dialogue.requests import first_quantity
from assistant.dialogue.resolve import resolve
from assistant.dialogue.speech_format import money_words, number_words, spoken_list
from assistant.dialogue.state import Action, Request
from commerce.cart import (
    MAX_QUANTITY,
    MIN_QUANTITY,
    CartLineView,
    CartView,
    find_line,
    remove_line,
    set_quantity,
    sounding_line,
    view_cart,
)
from commerce.catalog import get_product_by_sku
from nlu.products import SPOTTER
from nlu.types import Parse


def _lines_words(cart: CartView) -> list[str]:
    return [line_words(ln.quantity, ln.name, ln.modifiers) for ln in cart.lines]


def handle_view(ctx: Context, parse: Parse) -> Reply:
    cart = view_cart(ctx.session, ctx.customer_id, store=ctx.store)
    if cart.is_empty:
        return ctx.say("cart_empty")
    words = _lines_words(cart)
    listed, more = spoken_list(words, ctx.options.list_limit)
    ctx.state.rest = words[ctx.options.list_limit :]
    ctx.state.listed, ctx.state.listed_offset = [], 0  # "more" now means the cart
    reply = ctx.say(
        "cart_contents",
        count=number_words(cart.item_count),
        items="item" if cart.item_count == 1 else "items",
        lines=listed,
        total=money_words(cart.total_cents),
    )
    return reply.then(ctx.say("cart_more") if more else None)


def _target_line(ctx: Context, parse: Parse, cart: CartView) -> CartLineView | None:
    """The line named ("the eggs"), numbered ("the second item"), or the one just added."""
    named = sorted((e for e in parse.entities if e.entity in ("product", "drink")),
                   key=lambda e: e.role != SPOTTER)  # the catalog's findings first
    for said in named:
        found = find_line(cart, said.value) or find_line(cart, said.raw) or \
            line_of_product(ctx, cart, said.value)
        if found is not None:
            return found
    if named:
        return None
    category = parse.first("category")  # "the eggs" heard as the category
    if category is not None:
        found = find_line(cart, category.raw) or find_line(cart, category.value)
        if found is not None:
            return found
    ordinal_entity = parse.first("ordinal")
    if ordinal_entity is not None:
        n = parse_ordinal(ordinal_entity.value)
        index = len(cart.lines) - 1 if n == -1 else (n or 0) - 1
        return cart.lines[index] if 0 <= index < len(cart.lines) else None
    heard = sounding_line(cart, parse.text)  # "set the lines to four": no product heard
    if heard is not None:
        return heard
    if ctx.state.last_sku:
        return next((ln for ln in cart.lines if ln.sku == ctx.state.last_sku), None)
    return cart.lines[-1] if len(cart.lines) == 1 else None


def line_of_product(ctx: Context, cart: CartView, said: str) -> CartLineView | None:
    """The line of the product a name finds in the catalog ("the coke": Original Cola)."""
    skus = {ln.sku for ln in cart.lines}
    found = resolve(ctx, Request(query=said), prefer=skus, in_stock_first=False)
    item = found.item or next((c for c in found.candidates if c.sku in skus), None)
    return next((ln for ln in cart.lines if item is not None and ln.sku == item.sku), None)


def handle_remove(ctx: Context, parse: Parse) -> Reply:
    cart = view_cart(ctx.session, ctx.customer_id, store=ctx.store)
    if cart.is_empty:
        return ctx.say("cart_empty")
    line = _target_line(ctx, parse, cart)
    if line is None:
        said = parse.first("product") or parse.first("category")
        return ctx.say("line_not_found", query=said.raw or said.value if said else "that")
    cart = remove_line(ctx.session, ctx.customer_id, line.line_id, store=ctx.store)
    if ctx.state.last_sku == line.sku:
        ctx.state.last_sku = None
    return ctx.say("removed", name=line.name, total=money_words(cart.total_cents))


def handle_change(ctx: Context, parse: Parse) -> Reply:
    """"make that three": the line named, else the one just added."""
    cart = view_cart(ctx.session, ctx.customer_id, store=ctx.store)
    if cart.is_empty:
        return ctx.say("cart_empty")
    quantity_entity = parse.first("quantity")
    quantity = (parse_quantity(quantity_entity.value) if quantity_entity else None) or \
        first_quantity(parse)
    line = _target_line(ctx, parse, cart)
    factor = times(parse.text)
    if quantity is None and factor is not None and line is not None:
        quantity = line.quantity * factor  # "double the bananas"
    if quantity is None:
        return ctx.say("change_how_many")
    if line is None:
        return ctx.say("change_which")
    size = (get_product_by_sku(ctx.session, line.sku).size or "").lower()
    if "dozen" in parse.text.lower() and ("dozen" in size or size.startswith("12 ")):
        quantity = cartons_of_dozen(quantity, parse.text)  # "make that two dozen eggs": two
    if quantity == 0:
        after = remove_line(ctx.session, ctx.customer_id, line.line_id, store=ctx.store)
        return ctx.say("removed", name=line.name, total=money_words(after.total_cents))
    if not MIN_QUANTITY <= quantity <= MAX_QUANTITY:
        return ctx.say("quantity_too_many", most=number_words(MAX_QUANTITY), query=line.name)
    set_quantity(ctx.session, ctx.customer_id, line.line_id, quantity, store=ctx.store)
    ctx.state.last_sku = line.sku
    return ctx.say("quantity_set", what=line_words(quantity, line.name, line.modifiers))


def handle_clear(ctx: Context, parse: Parse) -> Reply:
    cart = view_cart(ctx.session, ctx.customer_id, store=ctx.store)
    if cart.is_empty:
        return ctx.say("cart_empty")
    ctx.state.confirm = Action(kind="clear_cart", total_cents=cart.total_cents)
    return ctx.say("confirm_clear", count=number_words(cart.item_count),
                   items="item" if cart.item_count == 1 else "items")
