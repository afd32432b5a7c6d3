"""Running a confirmed action on the commerce core, and describing lines for speech."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.dialogue.context import Context
from assistant.dialogue.handlers import feedback
from assistant.dialogue.replies import Reply
from assistant.dialogue.speech_format import (
    join_words,
    money_words,
    number_words,
    order_number_words,
    quantity_words,
)
from assistant.dialogue.state import Action, Line, Modifier
from assistant.dialogue.types import OrderInfo
from assistant.dialogue.wording import active
from commerce.cart import CartView, add_to_cart, clear_cart, view_cart
from commerce.catalog import ChosenModifier, get_product_by_sku
from commerce.orders.checkout import checkout
from commerce.orders.service import cancel_order


def modifier_words(modifiers: Sequence[Modifier | ChosenModifier]) -> tuple[str, str]:
    """Modifiers as heard: ("large", " with double shot and lots of cream")."""
    size = [m.option for m in modifiers if m.group == "size"]
    rest = [f"{m.amount} {m.option}" if m.amount else m.option
            for m in modifiers if m.group != "size"]
    head = " ".join(size)
    tail = f" with {join_words(rest)}" if rest else ""
    return head, tail


def line_words(quantity: int, name: str, modifiers: Sequence[Modifier | ChosenModifier]) -> str:
    """"two Bananas"; "one large Mocha with double shot and lots of cream"."""
    if active().localized:  # another language: its counter after the whole item
        said = [m.option for m in modifiers if m.group == "size"] + [name] + [
            f"{m.amount} {m.option}" if m.amount else m.option for m in modifiers if m.group != "size"]
        return quantity_words(quantity, " ".join(said))
    size, tail = modifier_words(modifiers)
    size_part = f"{size} " if size else ""
    return f"{number_words(quantity)} {size_part}{name}{tail}"


def lines_words(lines: Sequence[Line]) -> str:
    return join_words([line_words(ln.quantity, ln.name, ln.modifiers) for ln in lines])


def chosen(modifiers: Sequence[Modifier]) -> list[ChosenModifier]:
    return [ChosenModifier(group=m.group, option=m.option, amount=m.amount) for m in modifiers]


def add_lines(ctx: Context, lines: Sequence[Line]) -> CartView:
    """Add each line; a commerce error stops at that line (earlier ones stay added)."""
    cart = None
    for line in lines:
        product = get_product_by_sku(ctx.session, line.sku)
        cart = add_to_cart(
            ctx.session, ctx.customer_id, product.id, line.quantity, chosen(line.modifiers),
            store=ctx.store,
        )
        ctx.state.last_sku = line.sku
    return cart or view_cart(ctx.session, ctx.customer_id, store=ctx.store)


def run(ctx: Context, action: Action) -> Reply:
    """Do what the shopper said yes to. Checkout arrives here only after any PIN check."""
    if action.kind == "add_lines":
        cart = add_lines(ctx, action.lines)
        return ctx.say("added_many", what=lines_words(action.lines),
                       total=money_words(cart.subtotal_cents))
    if action.kind == "clear_cart":
        clear_cart(ctx.session, ctx.customer_id, store=ctx.store)
        return ctx.say("cart_cleared")
    if action.kind == "checkout" and action.idempotency_key:
        order = checkout(ctx.session, ctx.customer_id, store=ctx.store,
                         idempotency_key=action.idempotency_key, kiosk=ctx.options.kiosk)
        ctx.order = OrderInfo(id=order.id, status=order.status, total_cents=order.total_cents)
        ctx.state.reminded = False
        placed = ctx.say("order_placed", number=order_number_words(order.id),
                         total=money_words(order.total_cents))
        return placed.then(feedback.ask(ctx, order.id))
    if action.kind == "cancel_order" and action.order_id is not None:
        order = cancel_order(ctx.session, ctx.customer_id, action.order_id)
        ctx.order = OrderInfo(id=order.id, status=order.status, total_cents=order.total_cents)
        return ctx.say("order_cancelled", number=order_number_words(order.id))
    raise ValueError(f"cannot run action {action!r}")  # a bug: every kind is handled above
