"""Questions: store FAQ, help, recommendations, and what a product costs, is, or has."""

from __future__ import annotations

from dataclasses import replace

from assistant.dialogue.context import Context
from assistant.dialogue.faq import find_answer, load_faq
from assistant.dialogue.handlers import search
from assistant.dialogue.handlers.finish import choice_name
from assistant.dialogue.handlers.search import read_page
from assistant.dialogue.language import asked_aspect, parse_ordinal, said_size
from assistant.dialogue.pick import in_its_place
from assistant.dialogue.replies import Reply
from assistant.dialogue.resolve import resolve, to_item
from assistant.dialogue.speech_format import (
    join_words,
    money_words,
    number_words,
    product_phrase,
    size_words,
)
from assistant.dialogue.state import Item, Request
from commerce.cart import CartView, view_cart
from commerce.catalog import ProductInfo, get_product_by_sku
from commerce.recommend import recommend_for_cart, similar_products
from nlu.types import Parse
from storedata.text import with_digits

# The entities a product question may name its product by, most specific first.
TARGET_ENTITIES = ("product", "drink", "category", "brand", "milk", "sweetener")


def handle_faq(ctx: Context, parse: Parse) -> Reply:
    topics = parse.values("faq_topic")  # "what hours do you deliver": the last says what
    entry = find_answer(load_faq(ctx.options.faq_path), topics[-1] if topics else None,
                        parse.text)
    if entry is None:
        return ctx.say("faq_unknown")
    return ctx.say("faq_answer", answer=entry.answer)


def faq_heard(ctx: Context, parse: Parse) -> bool:
    """The words of a store question are in the sentence ("is there a way to shop if i'm
    blind"), whatever the intent the model gave it."""
    return find_answer(load_faq(ctx.options.faq_path), None, parse.text) is not None


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


def info_aspect(parse: Parse) -> str | None:
    """What is asked: the NLU's ``info_type``, else the question's own words."""
    said = parse.first("info_type")
    return said.value if said is not None else asked_aspect(parse.text)


def handle_product_info(ctx: Context, parse: Parse) -> Reply:
    """Price, stock, size or what a product is: about the product named, the one pointed at
    ("the second one", "it"), and about the cart's own line when the cart has it."""
    aspect = info_aspect(parse)
    cart = view_cart(ctx.session, ctx.customer_id, store=ctx.store)
    said = next((e for name in TARGET_ENTITIES if (e := parse.first(name)) is not None), None)
    if said is None:
        sku = _pointed_at(ctx, parse, cart)
        return describe(ctx, sku, aspect, cart) if sku else ctx.say("info_what")
    brand = parse.first("brand")
    query, size = said.value, said_size(parse.text)
    if size is not None and size not in with_digits(query):
        query = f"{query} {size}"  # "how much are the pampers size one": the size is the name's
    request = Request(query=query, brand=brand.value if brand and brand is not said else None)
    found = resolve(ctx, request, prefer={line.sku for line in cart.lines}, in_stock_first=False)
    named = [e.value for e in parse.entities if e.entity == said.entity]
    if found.item is None and len(named) > 1:  # "how many eggs come in the cage free pack"
        together = resolve(ctx, replace(request, query=" ".join(named)),
                           prefer={line.sku for line in cart.lines}, in_stock_first=False)
        found = together if together.item is not None else found
    if found.item is not None:
        return describe(ctx, found.item.sku, aspect, cart)
    if aspect == "availability" and not found.choices:
        return ctx.say("info_none", query=said.value)
    if aspect == "availability":  # "do you have apples": yes, and what there is
        return search.handle(ctx, parse, intro="info_have_several")
    if found.choices and aspect == "organic":  # "is the gerber baby food organic"
        return _organic_several(ctx, found.candidates or found.choices, said.value.lower())
    if found.choices:  # several: read them with their prices, like search results
        ctx.state.listed, ctx.state.listed_offset = found.choices, 0
        return read_page(ctx, intro=True, query=said.value.lower())
    if found.suggestions:
        return ctx.say("not_found_suggest", query=said.value,
                       suggestions=join_words(found.suggestions[:3]))
    return ctx.say("not_found", query=said.value)


def _organic_several(ctx: Context, items: list[Item], query: str) -> Reply:
    organic = [i for i in items if i.organic]
    ctx.state.listed, ctx.state.listed_offset = items, 0
    if len(organic) == len(items):
        return ctx.say("info_organic_all", count=number_words(len(items)), query=query,
                       names=join_words([choice_name(i, items) for i in items]))
    if not organic:
        return ctx.say("info_organic_none", query=query)
    verb = ("is", "are")[len(organic) > 1]
    return ctx.say("info_organic_some", names=join_words([choice_name(i, items) for i in organic]),
                   verb=verb)


def _pointed_at(ctx: Context, parse: Parse, cart: CartView) -> str | None:
    """The SKU of "the second one" in the list just read, or of "it": the product just added,
    else the one just described or found, else the cart's only line."""
    listed = ctx.state.listed
    ordinal_entity = parse.first("ordinal")
    ordinal = parse_ordinal(ordinal_entity.value) if ordinal_entity else None
    if ordinal is not None and listed:
        index = len(listed) - 1 if ordinal == -1 else ctx.state.listed_offset + ordinal - 1
        return listed[index].sku if 0 <= index < len(listed) else None
    if ctx.state.last_sku:
        return ctx.state.last_sku
    if len(listed) == 1:
        return listed[0].sku
    return cart.lines[0].sku if len(cart.lines) == 1 else None


def describe(ctx: Context, sku: str, aspect: str | None, cart: CartView) -> Reply:
    """The facts asked about one product, and how many the cart already has."""
    product = get_product_by_sku(ctx.session, sku)
    ctx.state.listed, ctx.state.listed_offset = [to_item(product)], 0
    ctx.state.last_sku = None
    reply = _facts(ctx, product, aspect)
    in_cart = sum(line.quantity for line in cart.lines if line.sku == sku)
    return reply.then(ctx.say("info_in_cart", count=number_words(in_cart)) if in_cart else None)


def _facts(ctx: Context, product: ProductInfo, aspect: str | None) -> Reply:
    price = money_words(product.price_cents)
    size = size_words(product.size) if product.size else ""
    sized = f", {size}" if size else ""  # "Oat Milk, 64 ounces, …"
    if not product.in_stock:
        reply = ctx.say("info_out_of_stock", name=product.display_name)
        if aspect in ("size", "organic"):  # the answer, then that there is none today
            reply = _facts(ctx, replace(product, in_stock=True), aspect).then(
                ctx.say("info_out_of_stock_too"))
        other = in_its_place(ctx, to_item(product))
        if other is None:
            return reply
        ctx.state.listed = [other]  # "add it" / "add that one" takes the one in stock
        return reply.then(ctx.say("info_other_in_stock", name=f"{other.brand or ''} {other.name}".strip(),
                                  price=money_words(other.price_cents)))
    if aspect == "availability":
        return ctx.say("info_in_stock", name=product.name, size=sized, price=price)
    if aspect == "size":
        if not size:
            return ctx.say("info_no_size", name=product.name, price=price)
        return ctx.say("info_size", name=product.name, size=size, price=price)
    if aspect == "organic":
        organic = "organic" in product.name.lower() or "organic" in (t.lower() for t in product.tags)
        return ctx.say("info_organic" if organic else "info_not_organic", name=product.name)
    return ctx.say("product_info", name=product.name, size=sized, price=price,
                   description=product.description or "")
