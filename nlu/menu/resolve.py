"""The cafe order line the assistant puts in the cart: Rasa's parse resolved against the menu.

Two readers of one utterance are combined. Rasa finds the intent and tags the spans of the
drink and its modifiers; the spotter matches the store's own phrases tolerantly over the whole
transcript. Each entity value Rasa gives is resolved to the menu (a near miss of a menu word
becomes that word); the spotter's finding wins where both name the same group, because it
resolves overlaps over the whole sentence ("medium roast" against size "medium"); Rasa's fills
the groups the spotter missed. Rasa's intent decides whether this is a drink order at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nlu.cover import best_cover
from nlu.menu.menu import AMOUNT_GROUPS, Menu
from nlu.menu.spotter import DrinkOrder, find_matches, normalize, spot
from nlu.types import Entity, Parse

ORDER_INTENTS = frozenset({"order_drink"})
# Intents that, in a cafe, still mean "I want this drink" when a drink was heard.
ORDER_LIKE_INTENTS = frozenset({"add_to_cart", "search_product", "product_info", "nlu_fallback"})
ENTITY_GROUPS = {"drink": "drink", "size": "size", "roast": "roast", "shots": "shots",
                 "milk": "milk", "sweetener": "sweetener", "amount": "amount"}


@dataclass(frozen=True)
class OrderResolution:
    is_order: bool
    order: DrinkOrder
    spotted: DrinkOrder  # what the spotter alone found in the transcript


def resolve_phrase(text: str, menu: Menu, group: str) -> str | None:
    """The menu option of ``group`` that ``text`` names, tolerantly; None if it names none."""
    tokens = normalize(text)
    matches = [m for m in find_matches(tokens, menu) if m.group == group]
    chosen = best_cover(matches, len(tokens))
    return max(chosen, key=lambda m: m.weight).option if chosen else None


def from_entities(entities: Sequence[Entity], menu: Menu) -> DrinkOrder:
    order = DrinkOrder(modifiers={}, amounts={})
    assert order.modifiers is not None and order.amounts is not None
    for ent in entities:
        group = ENTITY_GROUPS.get(ent.entity)
        if group is None:
            continue
        option = resolve_phrase(ent.value, menu, group) or resolve_phrase(ent.raw, menu, group)
        if option is None:
            continue
        if group == "drink":
            order.drink = order.drink or option
        elif group == "amount":
            if ent.role in AMOUNT_GROUPS:
                order.amounts.setdefault(ent.role, option)
        else:
            order.modifiers.setdefault(group, option)
    return order


def merge(spotted: DrinkOrder, parsed: DrinkOrder) -> DrinkOrder:
    """The spotter's findings, completed by Rasa's where the spotter found nothing."""
    mods = {**(parsed.modifiers or {}), **(spotted.modifiers or {})}
    amounts: dict[str, str] = {}
    for group in AMOUNT_GROUPS:
        if group not in mods:
            continue
        source = spotted if group in (spotted.modifiers or {}) else parsed
        amount = (source.amounts or {}).get(group)
        if amount:
            amounts[group] = amount
    return DrinkOrder(drink=spotted.drink or parsed.drink, modifiers=mods, amounts=amounts)


def resolve_order(parse: Parse, menu: Menu) -> OrderResolution:
    """The order line of a parse: the spotter's findings completed by Rasa's entities."""
    spotted = spot(parse.text, menu)
    order = merge(spotted, from_entities(parse.entities, menu))
    is_order = parse.intent in ORDER_INTENTS or (
        order.drink is not None and parse.intent in ORDER_LIKE_INTENTS
    )
    return OrderResolution(is_order=is_order, order=order, spotted=spotted)
