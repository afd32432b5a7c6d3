"""Answers to a pending question: which one, how many, which option. None = not an answer."""

from __future__ import annotations

from rapidfuzz import fuzz

from assistant.dialogue.context import Context
from assistant.dialogue.handlers import cafe
from assistant.dialogue.handlers.add import out_of_range, resolve_batch, with_item
from assistant.dialogue.handlers.finish import ask_choice, finish
from assistant.dialogue.language import parse_quantity
from assistant.dialogue.replies import Reply
from assistant.dialogue.resolve import choose
from assistant.dialogue.speech_format import number_words
from assistant.dialogue.state import Question, Request
from commerce.cart import MAX_QUANTITY
from commerce.catalog import get_product_by_sku
from nlu.types import Parse

# Intents that clearly start something new even while a question is pending.
NEW_REQUEST_INTENTS = frozenset({
    "view_cart", "clear_cart", "checkout", "reorder", "order_status", "cancel_order",
    "recommend", "faq", "help", "goodbye", "remove_from_cart", "search_product",
})


def answer(ctx: Context, question: Question, parse: Parse) -> Reply | None:
    if question.kind == "choose":
        return _choice(ctx, question, parse)
    if question.kind == "quantity":
        return _quantity(ctx, question, parse)
    if question.kind == "modifier":
        entity = parse.first(question.group or "")
        return cafe.answer_modifier(ctx, question, entity.value if entity else parse.text)
    return None  # PIN answers are handled by the checkout handler


def _names_other_product(parse: Parse, names: list[str]) -> bool:
    said = parse.values("product") + parse.values("drink")
    return any(all(fuzz.token_set_ratio(s.lower(), n.lower()) < 70 for n in names) for s in said)


def _choice(ctx: Context, question: Question, parse: Parse) -> Reply | None:
    names = [c.name for c in question.choices] + [c.brand or "" for c in question.choices]
    picks = any(e.entity in ("ordinal", "brand", "size") for e in parse.entities)
    if (parse.intent in NEW_REQUEST_INTENTS and parse.confidence >= ctx.options.confirm_below
            and not picks and len(parse.text.split()) > 4):
        return None
    brand = parse.first("brand")
    item = choose(question.choices, parse.text, brand=brand.value if brand else None)
    if item is None:
        if _names_other_product(parse, names):
            return None
        if parse.intent == "nlu_fallback" or parse.confidence < ctx.options.confirm_below:
            request = question.request or Request(query="that")
            return ctx.say("choice_again").then(ask_choice(ctx, request.query, question.choices))
        return None
    request = question.request or Request(query=item.name)
    if request.quantity is None:
        request.quantity = _said_quantity(parse)
    ctx.state.question = None
    if request.modifiers or ctx.store == "cafe":
        return cafe.build(ctx, get_product_by_sku(ctx.session, item.sku), request)
    multi = bool(question.batch or question.remaining)
    done = list(question.batch)
    reply = with_item(ctx, item, request, done, list(question.remaining), multi=multi)
    if reply is not None:
        return reply
    return resolve_batch(ctx, done, list(question.remaining), multi=multi)


def _said_quantity(parse: Parse) -> int | None:
    """A number said with the choice ("two of the oatly"); "the oatly one" is no number."""
    entity = parse.first("quantity")
    if entity is None:
        return None
    if entity.raw.lower() in ("one", "ones") and entity.start > 0:
        return None
    return parse_quantity(entity.value)


def _quantity(ctx: Context, question: Question, parse: Parse) -> Reply | None:
    if question.line is None:
        return None
    if _names_other_product(parse, [question.line.name]):
        return None
    if parse.intent in NEW_REQUEST_INTENTS and parse.confidence >= ctx.options.confirm_below:
        return None
    entity = parse.first("quantity")
    quantity = parse_quantity(entity.value if entity else parse.text)
    if quantity is None:
        if parse.intent == "nlu_fallback" or parse.confidence < ctx.options.confirm_below:
            return ctx.say("quantity_again", name=question.line.name)
        return None
    if out_of_range(quantity):
        return ctx.say("quantity_too_many", most=number_words(MAX_QUANTITY), query=question.line.name)
    line = question.line
    line.quantity = quantity
    done = [*question.batch, line]
    ctx.state.question = None
    if question.remaining:
        return resolve_batch(ctx, done, list(question.remaining), multi=True)
    return finish(ctx, done, multi=len(done) > 1)
