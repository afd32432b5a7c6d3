"""From what was said to one product, or a short list of choices to ask about."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from text_to_num import alpha2digit

from assistant.dialogue.context import Context
from assistant.dialogue.language import parse_ordinal
from assistant.dialogue.speech_format import size_words
from assistant.dialogue.state import Item, Request
from commerce.catalog import ProductInfo, SearchHit, search
from nlu.products.lexicon import head_word
from storedata.text import fold, key_words

CLEAR_LEAD = 12.0  # a top hit this far ahead of the next one is taken without asking
CHOICE_SPREAD = 20.0  # hits this close to the top one are offered as choices
ANSWER_MIN = 75.0  # how well a said size must match a product's size
TOKEN_MIN = 85.0  # how well a word of an answer must match a word of a choice
_ANSWER_FILLER = frozenset(
    "the one ones a an please i i'll ill take want like of that this those them it "
    "with go for get".split()
)


@dataclass
class Resolution:
    item: Item | None = None
    choices: list[Item] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    candidates: list[Item] = field(default_factory=list)  # every close match, best first
    others: list[Item] = field(default_factory=list)  # further matches, not as close
    unavailable: Item | None = None  # the product clearly asked for, out of stock


def to_item(product: ProductInfo) -> Item:
    return Item(
        sku=product.sku,
        name=product.name,
        price_cents=product.price_cents,
        size=product.size,
        brand=product.brand,
        popularity=product.popularity,
        organic="organic" in product.tags,
        tags=tuple(" ".join(key_words(t)) for t in product.tags),
    )


def _norm(text: str) -> str:
    return fold(text, keep="%")


def _exact(hit: SearchHit, query: str) -> bool:
    names = [hit.product.name, *hit.product.aliases]
    wanted = _norm(query)
    wanted = re.sub(r"^(the|a|an|some)\s+", "", wanted)
    return any(_norm(n) == wanted for n in names)


def resolve(ctx: Context, request: Request, limit: int = 6,
            prefer: Collection[str] = (), in_stock_first: bool = True,
            named_first: bool = True) -> Resolution:
    """One product when the request is clear; up to ``list_limit`` choices when it is not.

    A product whose SKU is in ``prefer`` (the shopper's cart, say) is taken when it is among
    the matches: "how much are the bananas" with bananas in the cart means those bananas.
    Products out of stock are passed over while others match, unless ``in_stock_first`` is
    False (a question about the one out of stock is answered about it). A product named
    by the words (``_named``) that is out of stock is ``unavailable``, never replaced by
    another, unless ``named_first`` is False (what to offer in its place).
    """
    result = search(ctx.session, request.query, store=ctx.store, brand=request.brand,
                    category=request.category,
                    limit=limit * 2 if prefer else limit)
    hits = [h for h in result.hits if h.product.active]
    near_top = hits[0].score - CLEAR_LEAD / 2 if hits else 0.0
    preferred = [h for h in hits if h.product.sku in prefer and h.score >= near_top]
    if preferred and result.confident:
        return Resolution(item=to_item(preferred[0].product))
    hits = hits[:limit]
    named = _named(hits, request) if result.confident and named_first else None
    if in_stock_first:
        hits = [h for h in hits if h.product.in_stock] or hits  # out of stock only if nothing else
        if named is not None and not named.product.in_stock and not any(
                _holds(h.product, request.query) for h in hits if h.product.in_stock):
            return Resolution(unavailable=to_item(named.product))  # never another in its place
    if request.size:
        sized = [h for h in hits if h.product.size and _size_match(request.size, h.product.size)]
        hits = sized or hits
    if not hits or not result.confident:
        return Resolution(suggestions=list(result.did_you_mean or []))
    hits = _about_first(hits, request)
    exact = [h for h in hits if _exact(h, request.query)]
    if len(exact) == 1 or (exact and _interchangeable(exact)):
        return Resolution(item=to_item(exact[0].product))  # same name, size and price
    if len(exact) > 1:
        return _several(ctx, exact, hits)
    top = hits[0]
    if len(hits) == 1 or top.score - hits[1].score >= CLEAR_LEAD:
        return Resolution(item=to_item(top.product))
    return _several(ctx, [h for h in hits if top.score - h.score <= CHOICE_SPREAD], hits)


def _named(hits: list[SearchHit], request: Request) -> SearchHit | None:
    """The one product the words name, in stock or not: its exact name, or far ahead."""
    exact = [h for h in hits if _exact(h, request.query)]
    if len(exact) == 1:
        return exact[0]
    if not exact and (len(hits) == 1 or hits[0].score - hits[1].score >= CLEAR_LEAD):
        return hits[0]
    return None


def _holds(product: ProductInfo, query: str) -> bool:
    """The product's brand and name hold every word said ("tortilla chips": any brand's)."""
    return set(key_words(query)) <= set(key_words(f"{product.brand or ''} {product.name}"))


ABOUT_SPREAD = 30.0  # a product about the word said is taken before one this much closer


def filed_as(product: ProductInfo | Item, said: list[str]) -> bool:
    """The store files the product as the words said, by a tag ("pasta", "fish food")."""
    return bool(said) and " ".join(said) in {" ".join(key_words(t)) for t in product.tags}


def about(product: ProductInfo | Item, said: list[str]) -> bool:
    """The product is what the words name: a name about the last word ("rice": White Rice,
    not a dog food with rice), or filed as the words ("pasta": spaghetti, not pasta sauce)."""
    if not said:
        return False
    if filed_as(product, said):
        return True
    named = set(key_words(f"{product.brand or ''} {product.name}"))
    return head_word(product.name) == said[-1] and set(said) <= named


def _about_first(hits: list[SearchHit], request: Request) -> list[SearchHit]:
    """The hits about what was said first, when the best match is only named after it."""
    said = key_words(request.query)
    if request.category or about(hits[0].product, said):
        return hits
    on = [h for h in hits if about(h.product, said) and hits[0].score - h.score <= ABOUT_SPREAD]
    if not on:
        return hits
    return [*on, *(h for h in hits if h not in on and h.score <= on[0].score)]


def _several(ctx: Context, close: list[SearchHit], hits: list[SearchHit]) -> Resolution:
    """Several products match about as well: the closest to offer, all of them to pick from."""
    return Resolution(choices=[to_item(h.product) for h in close[: ctx.options.list_limit]],
                      candidates=[to_item(h.product) for h in close],
                      others=[to_item(h.product) for h in hits if h not in close])


def _interchangeable(hits: list[SearchHit]) -> bool:
    first = hits[0].product
    return all(h.product.size == first.size and h.product.price_cents == first.price_cents
               for h in hits)


def _size_match(said: str, size: str) -> bool:
    return fuzz.token_set_ratio(_norm(said), _norm(size)) >= ANSWER_MIN


def choose(choices: list[Item], text: str, *, brand: str | None = None) -> Item | None:
    """The choice an answer names: an ordinal ("the second"), a brand, a size or a name."""
    if not choices:
        return None
    ordinal = parse_ordinal(text) if "%" not in text else None
    if ordinal is not None:
        index = len(choices) - 1 if ordinal == -1 else ordinal - 1
        return choices[index] if 0 <= index < len(choices) else None
    lowered = text.lower()
    if re.search(r"\bcheap(est|er)?\b|\blowest price\b", lowered):
        return min(choices, key=lambda c: c.price_cents)
    if re.search(r"\b(most expensive|priciest|best)\b", lowered):
        return max(choices, key=lambda c: c.price_cents)
    kept = " ".join(t for t in _norm(brand or text).split() if t not in _ANSWER_FILLER)
    said = _norm(alpha2digit(kept, "en", threshold=0)).split()  # "six rolls" -> "6 rolls"
    if not said:
        return None
    scored: list[tuple[int, Item]] = []
    for item in choices:
        size = _norm(size_words(item.size or "")).split()
        words = _norm(f"{item.brand or ''} {item.name}").split() + size
        hits = sum(1 for s in said if max(fuzz.ratio(s, w) for w in words) >= TOKEN_MIN)
        # "the gallon" prefers "1 gallon" to "half gallon": unsaid size words count against.
        unsaid = sum(1 for w in size if not w.isdigit() and
                     max(fuzz.ratio(w, s) for s in said) < TOKEN_MIN)
        scored.append((hits * 10 - unsaid if hits else 0, item))
    scored.sort(key=lambda pair: pair[0], reverse=True)
    best_hits, best_item = scored[0]
    if best_hits == 0 or (len(scored) > 1 and scored[1][0] == best_hits):
        return None  # nothing or two choices match equally well: ask again
    return best_item
