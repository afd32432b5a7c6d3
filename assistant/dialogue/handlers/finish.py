"""Ending an add: asking which one, adding or confirming, and one gentle suggestion."""

from __future__ import annotations

from assistant.dialogue import actions
from assistant.dialogue.context import Context
from assistant.dialogue.replies import Reply
from assistant.dialogue.speech_format import money_words, numbered_list, product_phrase
from assistant.dialogue.state import Action, Item, Line
from commerce.cart import view_cart
from commerce.catalog import get_product_by_sku
from commerce.recommend import bought_together, similar_products


def choice_name(item: Item, choices: list[Item]) -> str:
    """The brand is said too when two choices share a name ("Oatly Oat Milk")."""
    same = sum(1 for c in choices if c.name == item.name)
    if same > 1 and item.brand and item.brand.lower() not in item.name.lower():
        return f"{item.brand} {item.name}"
    return item.name


def ask_choice(ctx: Context, query: str, choices: list[Item]) -> Reply:
    described = [product_phrase(choice_name(c, choices), c.size, c.price_cents) for c in choices]
    return ctx.say("ask_choice", query=query.lower(), count=len(choices),
                   choices=numbered_list(described))


def finish(ctx: Context, lines: list[Line], *, multi: bool) -> Reply:
    ctx.state.question = None
    if not lines:
        return ctx.say("add_what")
    if ctx.unsure:
        total = sum(line.total_cents for line in lines)
        ctx.state.confirm = Action(kind="add_lines", lines=lines, total_cents=total)
        return ctx.say("confirm_add", what=actions.lines_words(lines), total=money_words(total))
    if multi or len(lines) > 1:  # everything clear is added at once
        return actions.run(ctx, Action(kind="add_lines", lines=lines))
    actions.add_lines(ctx, lines)
    line = lines[0]
    reply = ctx.say("added_one", what=actions.lines_words(lines),
                    total=money_words(line.total_cents))
    other = ctx.state.alternative
    if other is not None and other.sku == line.sku:
        return reply.then(ctx.say("pick_alternative", words=other.words,
                                  name=choice_name(other.item, []),
                                  price=money_words(other.item.price_cents)))
    return reply.then(suggest(ctx, line.sku))


def suggest(ctx: Context, sku: str) -> Reply | None:
    """At most one gentle suggestion per session, after an add (settings can turn it off)."""
    if not ctx.options.suggestions or ctx.state.suggestion_given:
        return None
    product = get_product_by_sku(ctx.session, sku)
    cart = view_cart(ctx.session, ctx.customer_id, store=ctx.store)
    in_cart = {line.product_id for line in cart.lines}
    found = bought_together(ctx.session, product.id, exclude=in_cart, limit=1) or \
        similar_products(ctx.session, product.id, exclude=in_cart, limit=1)
    if not found:
        return None
    other = found[0].product
    ctx.state.suggestion_given = True
    ctx.state.confirm = Action(
        kind="add_lines",
        lines=[Line(sku=other.sku, name=other.name, quantity=1, unit_price_cents=other.price_cents)],
        total_cents=other.price_cents,
        note="suggestion",
    )
    return ctx.say("suggest", name=other.name, price=money_words(other.price_cents))
