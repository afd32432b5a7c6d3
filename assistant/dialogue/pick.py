"""A sensible pick instead of "which one?": what this shopper bought before, else the store's
best seller of the family; the alternative worth knowing is named with it, and can be had by
saying the words that tell it apart ("pasture raised", "organic", "the other one").
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.dialogue.context import Context
from assistant.dialogue.resolve import Resolution, filed_as, resolve
from assistant.dialogue.resolve import about as is_about
from assistant.dialogue.state import Item, Request
from commerce.cart import view_cart
from commerce.catalog import get_product_by_sku
from commerce.reorder import times_bought
from storedata.text import fold, key_words

# Words that never tell two products apart when said ("the ones", sizes, packaging).
_PLAIN = frozenset("the a an of and with in ct oz lb pack count size".split())


@dataclass(frozen=True)
class Pick:
    item: Item
    alternative: Item | None = None
    say: str = ""  # the words that ask for the alternative


def _words(item: Item) -> list[str]:
    return fold(f"{item.brand or ''} {item.name}", keep="%").split()


def apart(item: Item, other: Item) -> str:
    """The words of ``other`` that ``item`` lacks: what a shopper says to get it."""
    mine = set(_words(item))
    name = [w for w in fold(other.name, keep="%").split() if w not in mine and w not in _PLAIN]
    if name:
        return " ".join(name)
    if other.brand and fold(other.brand) not in fold(f"{item.brand or ''} {item.name}"):
        return fold(other.brand)
    if "organic" not in mine and other.organic:
        return "organic"
    return ""


def _matters(item: Item, other: Item) -> bool:
    return other.price_cents != item.price_cents or other.organic != item.organic or \
        fold(other.name) != fold(item.name)


def _fits(item: Item, request: Request | None) -> tuple[bool, bool]:
    """Whether ``item`` serves what the request is for ("treats for the dog": filed as dog
    treats) and comes in the packaging said ("four ears of corn": sold by the ear)."""
    if request is None:
        return False, False
    words = set(key_words(" ".join((item.name, *item.tags))))
    serves = bool(set(key_words(request.purpose)) & words)
    unit = key_words(request.unit or "")
    return serves, bool(unit) and unit[0] in key_words(item.size or "")


def pick(ctx: Context, found: Resolution, query: str, request: Request | None = None) -> Pick:
    """Among several matches, of those that are what was asked for (a name about the word
    said last: "rice" is White Rice, not a dog food with rice; or filed as what was said:
    "pasta" is spaghetti, not pasta sauce; else a name holding every word said): the one for
    what it is for and in the packaging said, then the one already in the cart ("two more
    yogurts"), else what this shopper bought most, else the one filed as what was said (a
    "syrup" beside pancakes), else the best seller."""
    pool = found.candidates or found.choices
    bought = times_bought(ctx.session, ctx.customer_id, store=ctx.store)
    said = key_words(query)

    def about(item: Item) -> bool:
        return is_about(item, said)

    def named(item: Item) -> bool:
        return set(said) <= set(key_words(f"{item.brand or ''} {item.name}"))

    in_cart = {ln.sku for ln in view_cart(ctx.session, ctx.customer_id, store=ctx.store).lines}
    best = max(pool, key=lambda i: (about(i), named(i), *_fits(i, request), i.sku in in_cart,
                                    bought.get(i.sku, 0), filed_as(i, said), i.popularity))
    others = [o for o in [*pool, *found.others] if o.sku != best.sku and _matters(best, o)
              and (about(o) or not about(best))]
    # The organic one first when the pick is not organic; else the closest match.
    others.sort(key=lambda o: not (o.organic and not best.organic))
    for other in others:
        words = apart(best, other)
        if words:
            return Pick(best, other, words)
    return Pick(best)


def in_its_place(ctx: Context, item: Item) -> Item | None:
    """What to offer for a product out of stock: the sensible pick of those in stock that
    its name finds ("Green Seedless Grapes": the red ones), or None."""
    request = Request(query=item.name)
    found = resolve(ctx, request, named_first=False)
    other = pick(ctx, found, item.name, request).item if found.choices else found.item
    if other is None or other.sku == item.sku:
        return None
    return other if get_product_by_sku(ctx.session, other.sku).in_stock else None
