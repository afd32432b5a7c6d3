"""Number words, and the words of packaging: one home for both.

``NUMBER_WORDS`` are the words of a spoken number ("twenty four", "a hundred");
``COUNT_WORDS`` are amounts that are counts ("a dozen", "a couple of"); ``PACKAGING_WORDS``
are what products come in ("a bag of", "two boxes of"): units, never products.
"""

from __future__ import annotations

import re

ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen")
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"))
NUMBER_WORDS = frozenset((*ONES, *TENS[2:], "hundred", *(name for _, name in SCALES)))
COUNT_WORDS = frozenset({"dozen", "half", "couple", "pair", "few"})
PACKAGING_WORDS = frozenset(
    "pack packs bag bags box boxes bottle bottles can cans jar jars carton cartons gallon "
    "gallons pound pounds lb lbs roll rolls loaf loaves bunch bunches dozen dozens piece "
    "pieces jug jugs tub tubs tube tubes case cases block blocks head heads ear ears pint "
    "pints quart quarts sleeve sleeves stick sticks tray trays container containers package "
    "packages packet packets sack sacks ounce ounces oz gram grams kilo kilos liter liters "
    "litre litres ml".split()
)


def number_words(n: int) -> str:
    """Spoken English for a whole number: 42 -> "forty two", 105 -> "one hundred and five"."""
    if n < 0:
        return "minus " + number_words(-n)
    for size, name in SCALES:
        if n >= size:
            head, rest = divmod(n, size)
            tail = ""
            if rest:
                tail = (" and " if rest < 100 else " ") + number_words(rest)
            return f"{number_words(head)} {name}{tail}"
    if n >= 100:
        head, rest = divmod(n, 100)
        return f"{ONES[head]} hundred" + (f" and {number_words(rest)}" if rest else "")
    if n >= 20:
        tens, rest = divmod(n, 10)
        return TENS[tens] + (f" {ONES[rest]}" if rest else "")
    return ONES[n]


def number_pattern() -> str:
    """A regular-expression alternation of the number words, longest first (no groups)."""
    return "|".join(sorted(NUMBER_WORDS - {"billion"}, key=len, reverse=True))


# "size four" diapers, "size 1": a size said by its number, part of a product's name (never a
# count, nor a question about a size).
SIZE_SAID = re.compile(rf"\bsize\s+(?:\d+|{number_pattern()})\b", re.IGNORECASE)
