"""Quantity spans repaired by the grammar of English numbers; too few digits for a PIN.

The model sometimes stretches a quantity over the product after it ("[four limes](quantity)")
or cuts "half a dozen" in two. A quantity is a number phrase, a closed grammar, so the span is
cut back to the number phrase it starts with, and the words after it become the product (unless
a product follows at once: then they qualify it, a brand perhaps, and are left out); two
quantities side by side that together make one number phrase are joined; and a "quantity" with
no number in it that is no known quantity phrase either ("[and](quantity)") is dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from storedata.numbers import number_pattern

if TYPE_CHECKING:
    from nlu.types import Entity

_NUMBER_WORD = number_pattern()
_NUMBER = rf"(?:\d+|(?:{_NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_NUMBER_WORD}))*)"
_PHRASE = re.compile(
    rf"(?:half\s+a\s+dozen|half\s+dozen|(?:a|an|one|{_NUMBER})\s+dozen|dozen"
    rf"|a\s+(?:couple|pair|few)(?:\s+of)?|a\s+(?:hundred|thousand|million)|a\s+single|{_NUMBER})"
    r"(?=\s|$)",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[a-z]", re.IGNORECASE)


def number_phrase(text: str) -> int:
    """Length of the number phrase ``text`` starts with (0 when it starts with none)."""
    m = _PHRASE.match(text)
    return m.end() if m else 0


def repair_quantities(text: str, entities: list[Entity]) -> list[Entity]:
    """Entities (sorted by start) with their quantity spans cut to the number phrase."""
    joined: list[Entity] = []
    for ent in entities:
        prev = joined[-1] if joined else None
        if (ent.entity == "quantity" and prev is not None and prev.entity == "quantity"
                and text[prev.end:ent.start].isspace()
                and number_phrase(text[prev.start:ent.end]) == ent.end - prev.start):
            said = text[prev.start:ent.end]  # "half" + "a dozen"
            joined[-1] = replace(prev, end=ent.end, value=said, raw=said)
        else:
            joined.append(ent)
    return [part for ent in joined for part in _split(text, ent, joined)]


def _split(text: str, ent: Entity, entities: list[Entity]) -> list[Entity]:
    raw = text[ent.start:ent.end]
    if ent.entity == "product" and ent.value.lower() == raw.lower():  # not a catalog name
        length = number_phrase(raw)  # "[1 cheddar cheese](product)"
        rest = raw[length:]
        if length and _WORDS.search(rest):
            start = ent.start + length + (len(rest) - len(rest.lstrip()))
            return [replace(ent, entity="quantity", end=ent.start + length, value=raw[:length],
                            raw=raw[:length]),
                    replace(ent, start=start, value=text[start:ent.end], raw=text[start:ent.end])]
        return [ent]
    if ent.entity != "quantity":
        return [ent]
    length = number_phrase(raw)
    rest = raw[length:]
    if not length and ent.value.lower() == raw.lower():
        return []  # "[and](quantity)": no number in it, and no known quantity phrase either
    if not length or not _WORDS.search(rest):
        return [ent]
    start = ent.start + length + (len(rest) - len(rest.lstrip()))
    if any(o is not ent and o.start < ent.end and start < o.end for o in entities):
        return [ent]  # the words after the number are already something else
    said = raw[:length]
    value = ent.value if ent.value.lower() != raw.lower() else said
    quantity = replace(ent, end=ent.start + length, value=value, raw=said)
    if any(o.entity == "product" and o.start >= ent.end and text[ent.end:o.start].isspace()
           for o in entities):
        return [quantity]  # "a couple [chobani] [greek yogurt]": the words qualify the product
    product = text[start:ent.end]
    return [quantity, replace(ent, entity="product", value=product, start=start, role=None, raw=product)]


PIN_MIN_DIGITS = 4  # a PIN has four to six digits
_DIGIT_WORDS = {"zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}


def digit_count(said: str) -> int:
    """Digits said as digits or as words: "4 8 one five" -> 4."""
    words = re.findall(r"[a-z]+", said.lower())
    return sum(ch.isdigit() for ch in said) + sum(w in _DIGIT_WORDS for w in words)


def too_short_for_a_pin(text: str, entities: list[Entity]) -> bool:
    """A number too short to be a PIN ("six" answers "how many?")."""
    said = max([digit_count(text), *(digit_count(e.raw) for e in entities if e.entity == "pin")])
    return 0 < said < PIN_MIN_DIGITS
