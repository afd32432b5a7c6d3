"""Looking for products: the top matches read out briefly, "more" for the rest."""

from __future__ import annotations

from text_to_num import alpha2digit

from assistant.dialogue.context import Context
from assistant.dialogue.handlers.finish import choice_name
from assistant.dialogue.replies import Reply
from assistant.dialogue.resolve import to_item
from assistant.dialogue.speech_format import join_words, number_words, numbered_list, product_phrase
from assistant.dialogue.state import Action, Line
from commerce.catalog import search
from commerce.errors import CommerceError
from commerce.money import parse_price_to_cents
from nlu.types import Parse

SEARCH_LIMIT = 9
LIST_SPREAD = 15.0  # only hits this close to the best one are read out


def _price_bound(parse: Parse) -> int | None:
    bound = parse.first("price_bound")
    if bound is None:
        return None
    said = alpha2digit(bound.value, "en", threshold=0)
    words = [w for w in said.replace("$", " $").split() if any(ch.isdigit() for ch in w)]
    if not words:
        return None
    try:
        return parse_price_to_cents(words[0])
    except (CommerceError, ValueError):
        return None


def handle(ctx: Context, parse: Parse, intro: str = "search_results") -> Reply:
    product = parse.first("product") or parse.first("drink") or parse.first("milk")
    category = parse.first("category")
    brand = parse.first("brand")
    said = product or category or brand
    query = said.value if said is not None else ""
    if not query:
        return ctx.say("search_what")
    result = search(
        ctx.session,
        query,
        store=ctx.store,
        brand=brand.value if brand and product else None,
        max_price_cents=_price_bound(parse),
        limit=SEARCH_LIMIT,
    )
    hits = [h for h in result.hits if h.product.in_stock] or result.hits
    if hits:
        hits = [h for h in hits if h.score >= hits[0].score - LIST_SPREAD]
    if not hits or not result.confident:
        ctx.state.listed = []
        if result.did_you_mean:
            return ctx.say("not_found_suggest", query=query,
                           suggestions=join_words(result.did_you_mean[:3]))
        return ctx.say("not_found", query=query)
    ctx.state.listed = [to_item(h.product) for h in hits]
    ctx.state.listed_offset = 0
    ctx.state.rest = []
    return read_page(ctx, intro=True, query=query.lower(), intro_key=intro)


def read_page(ctx: Context, *, intro: bool, query: str = "",
              intro_key: str = "search_results") -> Reply:
    """Read up to ``list_limit`` listed items from ``listed_offset``."""
    listed = ctx.state.listed
    start = ctx.state.listed_offset
    page = listed[start : start + ctx.options.list_limit]
    described = numbered_list(
        [product_phrase(choice_name(i, listed), i.size, i.price_cents) for i in page])
    more = start + len(page) < len(listed)
    if intro and len(listed) == 1:  # one found: no list to choose from, an offer instead
        item = listed[0]
        ctx.state.confirm = Action(kind="add_lines", lines=[Line(
            sku=item.sku, name=item.name, quantity=1, unit_price_cents=item.price_cents)],
            total_cents=item.price_cents, note="offer")
        return ctx.say("search_one", query=query, items=product_phrase(
            choice_name(item, listed), item.size, item.price_cents))
    if intro:
        reply = ctx.say(intro_key, query=query, count=number_words(len(listed)), items=described)
    else:
        reply = ctx.say("more_results", items=described)
    return reply.then(ctx.say("say_more" if more else "which_one"))


def handle_more(ctx: Context, parse: Parse) -> Reply:
    if ctx.state.rest:  # the rest of a list that is not products to choose from (the cart)
        limit = ctx.options.list_limit
        page, ctx.state.rest = ctx.state.rest[:limit], ctx.state.rest[limit:]
        reply = ctx.say("more_lines", lines=join_words(page))
        return reply.then(ctx.say("say_more") if ctx.state.rest else None)
    listed = ctx.state.listed
    following = ctx.state.listed_offset + ctx.options.list_limit
    if not listed or following >= len(listed):
        return ctx.say("no_more")
    ctx.state.listed_offset = following
    return read_page(ctx, intro=False)
