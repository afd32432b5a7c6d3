"""Questions: store FAQ, help, recommendations and what a product is."""

from __future__ import annotations

from assistant.dialogue.context import Context
from assistant.dialogue.faq import find_answer, load_faq
from assistant.dialogue.handlers.search import read_page
from assistant.dialogue.replies import Reply
from assistant.dialogue.resolve import resolve, to_item
from assistant.dialogue.state import Request
from assistant.speech_format import join_words, money_words, product_phrase, size_words
from commerce.catalog import get_product_by_sku
from commerce.recommend import recommend_for_cart, similar_products
from nlu.types import Parse


def handle_faq(ctx: Context, parse: Parse) -> Reply:
    topic = parse.first("faq_topic")
    entry = find_answer(load_faq(ctx.options.faq_path), topic.value if topic else None, parse.text)
    if entry is None:
        return ctx.say("faq_unknown")
    return ctx.say("faq_answer", answer=entry.answer)


def handle_help(ctx: Context, parse: Parse) -> Reply:
    return ctx.say("help_cafe" if ctx.store == "cafe" else "help")


def handle_greet(ctx: Context, parse: Parse) -> Reply:
    return ctx.say("greet_again")


def handle_recommend(ctx: Context, parse: Parse) -> Reply:
    found = recommend_for_cart(ctx.session, ctx.customer_id, store=ctx.store, limit=3)
    if not found and ctx.state.last_sku:
        product = get_product_by_sku(ctx.session, ctx.state.last_sku)
        found = similar_products(ctx.session, product.id, limit=3)
    if not found:
        return ctx.say("recommend_none")
    products = [r.product for r in found]
    ctx.state.listed = [to_item(p) for p in products]
    ctx.state.listed_offset = 0
    described = [product_phrase(p.name, p.size, p.price_cents) for p in products]
    return ctx.say("recommend", items=join_words(described))


def handle_product_info(ctx: Context, parse: Parse) -> Reply:
    said = parse.first("product") or parse.first("drink")
    if said is None:
        return ctx.say("info_what")
    found = resolve(ctx, Request(query=said.value))
    if found.item is None and found.choices:  # several: read them like search results
        ctx.state.listed, ctx.state.listed_offset = found.choices, 0
        return read_page(ctx, intro=True, query=said.value.lower())
    item = found.item
    if item is None:
        return ctx.say("not_found", query=said.value)
    product = get_product_by_sku(ctx.session, item.sku)
    ctx.state.listed = [item]
    ctx.state.listed_offset = 0
    ctx.state.last_sku = None
    if not product.in_stock:
        return ctx.say("info_out_of_stock", name=product.name)
    size = f", {size_words(product.size)}" if product.size else ""
    return ctx.say("product_info", name=product.name, size=size,
                   price=money_words(product.price_cents),
                   description=product.description or "")
