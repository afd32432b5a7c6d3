"""What the sentence itself says, read whatever intent a model gave it: products asked for
as a request ("get some strawberry pop tarts" heard as a removal), a removal or an emptied
cart only with a word of removal outside the products' names ("a bag of everything bagels"
empties nothing), a count for a line already in the cart, a whole past order."""

from __future__ import annotations

import re

from assistant.dialogue.context import Context
from assistant.dialogue.handlers import cart
from assistant.dialogue.language import is_question, times
from commerce.cart import view_cart
from nlu.products import SPOTTER
from nlu.types import FALLBACK_INTENT, Parse
from storedata.numbers import PACKAGING_WORDS
from storedata.text import fold

# What an unsure parse that names catalog products may be: an add, if the model thought so too.
ADD_NEIGHBOURS = frozenset({"add_to_cart", "order_drink", "search_product"})


def names_products(parse: Parse, exactly: bool = False) -> bool:
    """The catalog's spotter found the products said (``exactly``: every word as written),
    and an add is among the model's two best guesses (or the only intent it is sure of)."""
    found = [e for e in parse.entities
             if e.role == SPOTTER and e.entity in ("product", "category")]
    if not found or (exactly and any((e.confidence or 0) < 1.0 for e in found)):
        return False
    if exactly:
        return True
    close = [a.intent for a in parse.alternatives if a.intent != FALLBACK_INTENT][:2]
    return parse.intent in ADD_NEIGHBOURS or bool(ADD_NEIGHBOURS.intersection(close))


_GET = re.compile(r"\b(please|need|needs|get|grab|pick up|want|take|add|buy|order|throw|put|"
                  r"give me|let me|i'll|we'll|i'd like|i like the|we're out of|ran out of|run out of|"
                  r"out of)\b")
# Intents a plain request for products is mistaken for ("english muffins please" as a search,
# "we're out of ketchup" as a removal).
GET_NEIGHBOURS = frozenset({"search_product", "product_info", "remove_from_cart", "recommend",
                            "reorder", "change_quantity", FALLBACK_INTENT})
TAKE_INTENTS = frozenset({"remove_from_cart", "clear_cart"})
_RAN_OUT = re.compile(r"\b(we're|we are|i'm|i am|we|i|ran|run|running|all) out of\b")
_FROM_CART = re.compile(r"\bout of (my|the|our) (cart|basket|order|list|bag)\b")
_WHOLE_ORDER = re.compile(r"\b(my|our|the) (last|previous|usual|regular|weekly) (order|"
                          r"groceries|shopping|stuff|things)\b|\b(the usual|same as last)\b")
# "can you throw in ...", "could I get ...": a request put politely, not a question.
_POLITE = re.compile(r"^(can|could|would|will)( you| ya| u)( please)? (add|throw|put|get|grab|"
                     r"give|bring|toss|pick|order|include|take)\b|^(can|could|may) (i|we)( please)?"
                     r" (have|get|grab|order|add|take)\b")
_POINTER = re.compile(r"\b(it|its|it's|that|this|them|they|those|these|one|ones)\b")


# A count said as the new total for a line already in the cart.
_SET = re.compile(r"\b(let's do|lets do|let's make it|make it|make that|instead|actually,? (i|we) "
                  r"(want|need|'ll take|'d like)|(only|just) "
                  r"(want|need)|(reduce|lower|cut|bump|increase|decrease|change|set|update)\b.*"
                  r"\bto)\b")
# "how much is my total so far": the cart, not a product named Total.
_CART_TOTAL = re.compile(r"\b(my|our) (total|subtotal|bill)\b|\b(total|bill) (so far|now)\b|"
                         r"\bwhat do (i|we) owe\b")
_IN_CART = re.compile(r"\b(in|on) (my|the|our) (cart|basket|order|list)\b")
_AGAIN = re.compile(r"\b(again|usual|last|reorder|regular|same|previous|before|past)\b")
# What a removal or an emptied cart is said with, outside the products' names ("everything
# bagels" empties nothing; "get some pop tarts" removes nothing).
_TAKE_AWAY = re.compile(r"\b(remove|delete|drop|rid|cancel|clear|empty|scratch|undo|minus|less|"
                        r"without|out|off|away|don't|dont|not|no|never|start over|instead|"
                        r"forget|skip|nix|ditch|lose)\b")
# Words that say nothing but "I'd like": a product list said with only these is an add.
_PLAIN = frozenset("uh um er oh ah and or also plus the a an some of please thanks ones one "
                   "kind type for".split()) | PACKAGING_WORDS


def _outside_items(parse: Parse, names_only: bool = False) -> str:
    """The words said outside the products the spotter found, their counts and units
    (``names_only``: outside the names of more than one word: "scratch" the ice cream is
    no sponge)."""
    chars = list(parse.text)
    for ent in parse.entities:
        if names_only and len(parse.text[ent.start : ent.end].split()) < 2:
            continue
        if (ent.role == SPOTTER and ent.entity in ("product", "category", "brand")) or \
                ent.entity in ("quantity", "unit", "size"):
            chars[ent.start : ent.end] = " " * (ent.end - ent.start)
    return f" {fold(''.join(chars))} "


def _only_products(parse: Parse) -> bool:
    """Nothing said but products, counts and plain words ("uh pistachios, the roasted salted
    ones", "eggo waffles for the freezer"): what it is for does not count."""
    rest = _outside_items(parse).split(" for ")[0]
    return all(w in _PLAIN for w in re.findall(r"[a-z']+", rest))


def taken_away(parse: Parse, words: re.Pattern[str] = _TAKE_AWAY) -> bool:
    """A word of removal said outside the names ("scratch" the ice cream, not "everything"
    bagels)."""
    return bool(words.search(_outside_items(parse, names_only=True)))


def wants_to_get(ctx: Context, parse: Parse) -> bool:
    """Products the catalog has, asked for as a request, not a question, whatever the intent
    near it; a removal only when the product is not in the cart."""
    if parse.intent not in GET_NEIGHBOURS | TAKE_INTENTS or (
            is_question(parse.text) and not polite_request(parse.text)):
        return False
    if not names_products(parse, exactly=True):
        return False
    said = fold(parse.text)
    if parse.intent in TAKE_INTENTS and not taken_away(parse):
        return True  # "get some strawberry pop tarts", "a bag of everything bagels"
    if not _GET.search(said) and not _only_products(parse):
        return False
    if parse.intent == "clear_cart":
        return False
    if parse.intent == "remove_from_cart":  # "we're out of ketchup", not "out of my cart"
        return bool(_RAN_OUT.search(said)) and not _FROM_CART.search(said)
    if parse.intent == "reorder":  # "order garbage bags" is no reorder of a past order
        return not _AGAIN.search(said)
    if parse.intent == "change_quantity":  # "doritos please, just one bag", none in the cart
        return not in_cart_named(ctx, parse)
    return True


def in_cart_named(ctx: Context, parse: Parse) -> bool:
    """A product the spotter found is a line of the cart."""
    cart_now = view_cart(ctx.session, ctx.customer_id, store=ctx.store)
    return any(cart.line_of_product(ctx, cart_now, e.value) for e in parse.entities
               if e.role == SPOTTER and e.entity == "product")


def about_the_cart(text: str) -> bool:
    """"out of my cart", "in the basket": the sentence is about the cart's own lines."""
    said = fold(text)
    return bool(_FROM_CART.search(said) or _IN_CART.search(said))


def out_of_the_cart(text: str) -> bool:
    return bool(_FROM_CART.search(fold(text)))


def whole_order(text: str) -> bool:
    """"put my last order back in the cart", "the usual": a past order, not a product."""
    return bool(_WHOLE_ORDER.search(fold(text)))


def points_at(ctx: Context, text: str) -> bool:
    """"it", "that one": the sentence points at a product said before (when there is one)."""
    something = ctx.state.last_sku is not None or bool(ctx.state.listed)
    return something and bool(_POINTER.search(fold(text)))


def asks_cart_total(text: str) -> bool:
    return bool(_CART_TOTAL.search(fold(text)))


def sets_count(ctx: Context, parse: Parse) -> bool:
    """"actually let's do ten packs of ramen": a new total for a line the cart has."""
    return bool(_SET.search(fold(parse.text)) or times(parse.text)) and in_cart_named(ctx, parse)


def polite_request(text: str) -> bool:
    return bool(_POLITE.match(fold(text)))


# Words that say "take it away" whatever a model heard ("actually, never mind the ice cream").
_REMOVE = re.compile(r"\b(remove|delete|drop|never mind|nevermind|forget|scratch|get rid|"
                     r"take (it |that |them )?(out|off))\b")


# "forget the bread", "never mind the salmon": said of a line, only ever a removal; "don't
# forget the bread" is the opposite.
_DISMISS = re.compile(r"(?<!don't )(?<!dont )(?<!do not )\b(forget|never mind|nevermind)\b")


def dismissed(text: str) -> bool:
    return bool(_DISMISS.search(fold(text)))


# "don't forget the bread", "remember to get milk": a product asked for, whatever the intent.
_REMIND = re.compile(r"\b(?:don't|dont|do not) forget\b|\bremember to (?:get|grab|buy|add|pick up)\b")


def reminded(parse: Parse) -> bool:
    return bool(_REMIND.search(fold(parse.text))) and names_products(parse, exactly=True)


def taken_from_cart(ctx: Context, parse: Parse, strongly: bool = False) -> bool:
    """"scratch the ice cream", unsure: a word of removal and a product the cart has
    (``strongly``: a word that only ever removes, "never mind", "forget")."""
    return taken_away(parse, _REMOVE if strongly else _TAKE_AWAY) and \
        names_products(parse, exactly=True) and in_cart_named(ctx, parse)
