"""Checkout with purchase protection: total read and confirmed, then the PIN when there is one."""

from __future__ import annotations

from assistant.dialogue import actions
from assistant.dialogue.context import Context
from assistant.dialogue.replies import Reply
from assistant.dialogue.speech_format import money_words, number_words
from assistant.dialogue.state import Action, Question
from commerce.cart import view_cart
from commerce.customers import get_customer, verify_pin
from commerce.errors import PurchaseLocked
from commerce.orders.checkout import can_checkout, new_idempotency_key
from nlu.types import Parse


def handle(ctx: Context, parse: Parse) -> Reply:
    return offer(ctx)


def offer(ctx: Context) -> Reply:
    """Read the total and ask to confirm; the idempotency key is fixed now, per confirmation."""
    check = can_checkout(ctx.session, ctx.customer_id, store=ctx.store)
    if not check.ok:
        if check.reason == "cart_empty":
            return ctx.say("checkout_empty")
        return ctx.say("cannot_checkout", message=check.message)
    cart = view_cart(ctx.session, ctx.customer_id, store=ctx.store)
    ctx.state.confirm = Action(kind="checkout", total_cents=cart.total_cents,
                               idempotency_key=new_idempotency_key())
    return ctx.say(
        "confirm_checkout",
        count=number_words(cart.item_count),
        items="item" if cart.item_count == 1 else "items",
        total=money_words(cart.total_cents),
    )


def confirmed(ctx: Context, action: Action) -> Reply:
    """The shopper said yes to the total: ask for the PIN if they have one, else place it."""
    customer = get_customer(ctx.session, ctx.customer_id)
    if customer.has_pin:
        ctx.state.question = Question(kind="pin", then=action)
        return ctx.say("ask_pin")
    return actions.run(ctx, action)


def handle_pin(ctx: Context, digits: str | None) -> Reply:
    """Check the PIN (spoken or typed); it is never repeated, stored or logged."""
    question = ctx.state.question
    if question is None or question.kind != "pin" or question.then is None:
        return ctx.say("pin_not_asked")
    if not digits:
        return ctx.say("pin_again")
    try:
        check = verify_pin(ctx.session, ctx.customer_id, digits)
    except PurchaseLocked as exc:
        ctx.state.question = None
        return ctx.say("pin_locked", message=exc.message)
    if check.ok:
        ctx.state.question = None
        return actions.run(ctx, question.then)
    if check.reason == PurchaseLocked.code:
        ctx.state.question = None
        return ctx.say("pin_locked", message=check.message)
    return ctx.say("pin_wrong", message=check.message)


def handle_unasked_pin(ctx: Context, parse: Parse) -> Reply:
    """Digits said when no code was asked for: not checked, not kept."""
    return ctx.say("pin_not_asked")
