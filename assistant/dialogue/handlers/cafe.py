"""Cafe orders: a drink with its modifiers, asking for any required one that is missing."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process

from assistant.dialogue.context import Context
from assistant.dialogue.handlers.finish import ask_choice, finish
from assistant.dialogue.replies import Reply
from assistant.dialogue.requests import drink_request
from assistant.dialogue.resolve import resolve
from assistant.dialogue.speech_format import join_words, number_words
from assistant.dialogue.state import Line, Modifier, Question, Request
from commerce.cart import MAX_QUANTITY, MIN_QUANTITY, price_line
from commerce.catalog import (
    ChosenModifier,
    ModifierGroupInfo,
    ProductInfo,
    catalog_version,
    customizable_products,
    get_product_by_sku,
)
from nlu.menu.menu import Menu
from nlu.types import Parse

OPTION_MIN = 70.0


def store_menu(ctx: Context) -> Menu:
    """The menu of the shop's drinks as the catalog holds it, rebuilt when the catalog changes."""
    bind: Any = ctx.session.get_bind()
    key = (getattr(bind, "engine", bind), ctx.store)
    version = catalog_version(ctx.session)
    cached = _MENUS.get(key)
    if cached is None or cached[0] != version:
        products = customizable_products(ctx.session, ctx.store)
        cached = (version, Menu.from_products(products))
        _MENUS[key] = cached
    return cached[1]


_MENUS: dict[tuple[Any, str], tuple[tuple[int, int], Menu]] = {}


def handle(ctx: Context, parse: Parse) -> Reply:
    request = drink_request(parse, store_menu(ctx))
    if request is None:
        return ctx.say("ask_drink")
    if request.quantity is not None and not MIN_QUANTITY <= request.quantity <= MAX_QUANTITY:
        return ctx.say("quantity_too_many", most=number_words(MAX_QUANTITY), query=request.query)
    found = resolve(ctx, request)
    if found.choices:
        ctx.state.question = Question(kind="choose", request=request, choices=found.choices)
        return ask_choice(ctx, request.query, found.choices)
    if found.item is None:
        return ctx.say("not_found", query=request.query)
    return build(ctx, get_product_by_sku(ctx.session, found.item.sku), request)


def match_option(group: ModifierGroupInfo, said: str) -> str | None:
    """The menu option a phrase names ("double shot" -> "double"), or None."""
    names = [o.name for o in group.options]
    best = process.extractOne(said.lower(), names, scorer=fuzz.WRatio)
    return best[0] if best and best[1] >= OPTION_MIN else None


def match_amount(group: ModifierGroupInfo, said: str | None) -> str | None:
    if not said or not group.amounts:
        return None
    best = process.extractOne(said.lower(), group.amounts, scorer=fuzz.WRatio)
    return best[0] if best and best[1] >= OPTION_MIN else None


def build(ctx: Context, product: ProductInfo, request: Request) -> Reply:
    """Match the said modifiers to the menu; ask for a missing required group, else add."""
    groups = {g.name: g for g in product.modifier_groups}
    chosen: list[Modifier] = []
    for said in request.modifiers:
        group = groups.get(said.group)
        if group is None:
            continue  # a modifier this drink does not have: nothing to price
        option = None if said.unknown else match_option(group, said.option) or (
            match_option(group, said.raw) if said.raw else None)
        if option is None:
            return ctx.say("bad_modifier", group=group.name, said=said.option,
                           choices=join_words([o.name for o in group.options], "or"))
        chosen = [m for m in chosen if m.group != group.name or group.multi]
        chosen.append(Modifier(group=group.name, option=option,
                               amount=match_amount(group, said.amount)))
    line = Line(sku=product.sku, name=product.name, quantity=request.quantity or 1,
                unit_price_cents=product.price_cents, modifiers=chosen)
    return complete(ctx, product, line)


def complete(ctx: Context, product: ProductInfo, line: Line) -> Reply:
    have = {m.group for m in line.modifiers}
    for group in product.modifier_groups:
        if group.required and group.default is None and group.name not in have:
            options = [o.name for o in group.options]
            ctx.state.question = Question(kind="modifier", group=group.name, options=options,
                                          line=line)
            return ctx.say("ask_modifier", group=group.name, drink=product.name,
                           choices=join_words(options, "or"))
    chosen = [ChosenModifier(group=m.group, option=m.option, amount=m.amount)
              for m in line.modifiers]
    line.unit_price_cents = price_line(product, chosen)
    return finish(ctx, [line], multi=False)


def answer_modifier(ctx: Context, question: Question, text: str) -> Reply | None:
    """The shopper named an option for the group we asked about (None: not an answer)."""
    if question.line is None or question.group is None:
        return None
    product = get_product_by_sku(ctx.session, question.line.sku)
    group = next((g for g in product.modifier_groups if g.name == question.group), None)
    if group is None:
        return None
    option = match_option(group, text)
    if option is None:
        return None
    line = question.line
    line.modifiers = [m for m in line.modifiers if m.group != group.name]
    line.modifiers.append(Modifier(group=group.name, option=option))
    ctx.state.question = None
    return complete(ctx, product, line)
