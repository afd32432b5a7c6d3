"""Where is my order, and cancelling it (confirmed)."""

from __future__ import annotations

from assistant.dialogue.context import Context
from assistant.dialogue.replies import Reply
from assistant.dialogue.speech_format import money_words, order_number_words
from assistant.dialogue.state import Action
from assistant.dialogue.types import OrderInfo
from commerce.orders.service import latest_open_order, list_orders
from nlu.types import Parse


def handle_status(ctx: Context, parse: Parse) -> Reply:
    order = latest_open_order(ctx.session, ctx.customer_id, store=ctx.store)
    if order is None:
        recent = list_orders(ctx.session, ctx.customer_id, store=ctx.store, limit=1)
        if not recent:
            return ctx.say("no_orders")
        order = recent[0]
    ctx.order = OrderInfo(id=order.id, status=order.status, total_cents=order.total_cents)
    return ctx.say(f"order_status_{order.status}", number=order_number_words(order.id),
                   total=money_words(order.total_cents))


def handle_cancel(ctx: Context, parse: Parse) -> Reply:
    order = latest_open_order(ctx.session, ctx.customer_id, store=ctx.store)
    if order is None:
        return ctx.say("no_open_order")
    if not order.cancellable:
        return ctx.say("order_not_cancellable", number=order_number_words(order.id),
                       status=order.status)
    ctx.state.confirm = Action(kind="cancel_order", order_id=order.id,
                               total_cents=order.total_cents)
    return ctx.say("confirm_cancel_order", number=order_number_words(order.id),
                   total=money_words(order.total_cents))
